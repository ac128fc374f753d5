//! Rewrites the shapes progenitor 0.15.1 cannot take into shapes it can, before it sees a
//! document. Every rewrite comes back as a note (`file: pointer: what was done`); a document
//! that cannot be made to fit comes back as problems saying what to change.
//!
//! The rewrites (listed in README, "Shapes made to fit", with the repairs of defects that
//! [`crate::repair`] makes before):
//!
//! - OpenAPI 3.1 without 3.1-only constructs is read as 3.0.3; `type: [T, "null"]` becomes
//!   `type: T` with `nullable: true`. Any other 3.1-only construct is refused.
//! - A missing `operationId`, one with no letter or digit (`""`), or one whose method would
//!   hide the client's own (`post` hides `ClientHooks::post`: [`taken_by_progenitor`]), is
//!   derived from the method and path ([`derive_operation_id`]).
//! - A request body in several media types keeps one ([`BODY_MEDIA_TYPES`]).
//! - `default` beside a 2xx response becomes the error response for `4XX` and `5XX`.
//! - Several JSON schemas on one side (success or error) become one `oneOf` schema in
//!   `components/schemas`, which progenitor turns into an untagged enum; a status without a
//!   JSON body beside them is left out (it comes back as `Error::UnexpectedResponse`).
//! - An explicit status covered by a `4XX`/`5XX` range of the same type is left to the range.
//! - An operation progenitor cannot express is left out ([`crate::leave_out`]; not with
//!   `--strict`), and two things of one Rust type name are renamed ([`crate::rename`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::lint::is_json;
use crate::problem::{Problem, join};
pub use crate::request_body::{BODY_MEDIA_TYPES, unsendable_bodies};
use crate::request_body::{operations, request_bodies, resolve};

/// Rewrites `doc` (read from `file`) in place. `after` names the overlay it went through,
/// for messages about the result.
///
/// Returns the notes, one per rewrite, or the problems that stop generation.
pub fn normalize(
    file: &str,
    doc: &mut Value,
    after: Option<&str>,
) -> Result<Vec<Problem>, Vec<Problem>> {
    normalize_with(file, doc, after, false)
}

/// [`normalize`]; `strict` refuses an operation that progenitor cannot express, where
/// [`normalize`] leaves it out of the client with a note ([`crate::leave_out`]).
pub fn normalize_with(
    file: &str,
    doc: &mut Value,
    after: Option<&str>,
    strict: bool,
) -> Result<Vec<Problem>, Vec<Problem>> {
    let mut notes = Vec::new();
    version(file, doc, after, &mut notes)?;
    operation_ids(file, doc, &mut notes);
    if !strict {
        notes.extend(crate::leave_out::leave_out(file, doc));
    }
    request_bodies(file, doc, &mut notes)?;
    responses(file, doc, &mut notes);
    notes.extend(crate::rename::rename(file, doc));
    notes.sort();
    Ok(notes)
}

// ---------------------------------------------------------------------------------------------
// OpenAPI version

fn version(
    file: &str,
    doc: &mut Value,
    after: Option<&str>,
    notes: &mut Vec<Problem>,
) -> Result<(), Vec<Problem>> {
    let after = after.map(|o| format!(" after {o}")).unwrap_or_default();
    let version = match (doc.get("openapi"), doc.get("swagger")) {
        (Some(Value::String(v)), _) => v.trim().to_owned(),
        (Some(other), _) => other.to_string(),
        (None, Some(swagger)) => {
            let swagger = swagger
                .as_str()
                .map_or_else(|| swagger.to_string(), str::to_owned);
            return Err(vec![Problem::at(
                file,
                "/swagger",
                format!("a Swagger {swagger} document{after}: {CONVERT}"),
            )]);
        }
        (None, None) => {
            return Err(vec![Problem::at(
                file,
                "/openapi",
                format!(
                    "missing OpenAPI version{after}: expected `openapi: 3.0.x` or `3.1.x` (a \
                     Swagger 2.0 document says `swagger: \"2.0\"`)"
                ),
            )]);
        }
    };
    if version.starts_with("3.0.") {
        return Ok(());
    }
    if !version.starts_with("3.1.") {
        let swagger = if version.starts_with('2') {
            format!(": a Swagger 2.0 version? {CONVERT}")
        } else {
            String::new()
        };
        return Err(vec![Problem::at(
            file,
            "/openapi",
            format!("OpenAPI version {version:?} is not 3.0.x or 3.1.x{after}{swagger}"),
        )]);
    }
    let mut problems = Vec::new();
    if doc.get("webhooks").is_some() {
        problems.push(Problem::at(
            file,
            "/webhooks",
            "OpenAPI 3.1 `webhooks` have no 3.0 equivalent: remove them with an overlay action (`remove: true`)",
        ));
    }
    let mut nullable = Vec::new();
    if let Some(object) = doc.as_object_mut() {
        for (key, value) in object.iter_mut() {
            if key != "webhooks" {
                schemas_31(file, &join("", key), value, &mut problems, &mut nullable);
            }
        }
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    doc["openapi"] = Value::String("3.0.3".to_owned());
    notes.push(Problem::at(
        file,
        "/openapi",
        format!("OpenAPI {version} uses no 3.1-only construct: read as 3.0.3"),
    ));
    for at in nullable {
        notes.push(Problem::at(
            file,
            at,
            "OpenAPI 3.1 type list with \"null\" becomes one type with `nullable: true`",
        ));
    }
    Ok(())
}

/// What to do with a Swagger 2.0 document.
const CONVERT: &str = "convert it to OpenAPI 3 first (with swagger2openapi, or the Swagger \
                       Editor's Convert to OpenAPI 3) and use the converted document; OpenAPI \
                       3.0.x and 3.1 are accepted";

/// 3.1 (JSON Schema 2020-12) keywords that 3.0 lacks, with what to write instead.
const ONLY_31: [(&str, &str); 11] = [
    ("const", "use `enum: [value]`"),
    ("prefixItems", "describe the items with `items`"),
    ("if", "use `oneOf`"),
    ("then", "use `oneOf`"),
    ("else", "use `oneOf`"),
    ("dependentSchemas", "describe the fields with `properties`"),
    ("dependentRequired", "list the fields in `required`"),
    ("unevaluatedProperties", "use `additionalProperties`"),
    ("unevaluatedItems", "describe the items with `items`"),
    ("$defs", "move the schemas to `components/schemas`"),
    ("contentMediaType", "use `format: binary` or `format: byte`"),
];

/// Walks a 3.1 document: refuses 3.1-only schema constructs, and turns `type: [T, "null"]`
/// into `type: T, nullable: true` (recording where in `nullable`).
fn schemas_31(
    file: &str,
    at: &str,
    node: &mut Value,
    problems: &mut Vec<Problem>,
    nullable: &mut Vec<String>,
) {
    match node {
        Value::Object(map) => {
            for (keyword, instead) in ONLY_31 {
                if map.contains_key(keyword) {
                    problems.push(Problem::at(
                        file,
                        join(at, keyword),
                        format!(
                            "OpenAPI 3.1 keyword `{keyword}` has no 3.0 equivalent (progenitor 0.15.1 reads only 3.0.x): {instead}, in an overlay"
                        ),
                    ));
                }
            }
            for keyword in ["exclusiveMinimum", "exclusiveMaximum"] {
                if map.get(keyword).is_some_and(Value::is_number) {
                    let bound = if keyword == "exclusiveMinimum" {
                        "minimum"
                    } else {
                        "maximum"
                    };
                    problems.push(Problem::at(
                        file,
                        join(at, keyword),
                        format!(
                            "OpenAPI 3.1 numeric `{keyword}`: use `{bound}: N` with `{keyword}: true`, in an overlay"
                        ),
                    ));
                }
            }
            match map.get("type") {
                Some(Value::Array(types)) => {
                    let named: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
                    let others: Vec<&str> =
                        named.iter().copied().filter(|t| *t != "null").collect();
                    if named.len() == types.len()
                        && others.len() == 1
                        && named.len() == 2
                        && !map.contains_key("nullable")
                    {
                        let single = Value::String(others[0].to_owned());
                        map.insert("type".to_owned(), single);
                        map.insert("nullable".to_owned(), Value::Bool(true));
                        nullable.push(join(at, "type"));
                    } else {
                        problems.push(Problem::at(
                            file,
                            join(at, "type"),
                            format!(
                                "OpenAPI 3.1 type list {}: 3.0 has one type per schema: use `oneOf` with one schema per type, in an overlay",
                                Value::Array(types.clone())
                            ),
                        ));
                    }
                }
                Some(Value::String(t)) if t == "null" => problems.push(Problem::at(
                    file,
                    join(at, "type"),
                    "OpenAPI 3.1 `type: \"null\"` has no 3.0 equivalent: use `nullable: true` on the schema that may be null, in an overlay",
                )),
                _ => {}
            }
            for (key, value) in map.iter_mut() {
                // Values, not schemas: examples, defaults, enums, extensions.
                if matches!(
                    key.as_str(),
                    "example" | "examples" | "default" | "enum" | "const"
                ) || key.starts_with("x-")
                {
                    continue;
                }
                if key == "properties" || key == "patternProperties" {
                    if let Value::Object(properties) = value {
                        let properties_at = join(at, key);
                        for (name, schema) in properties.iter_mut() {
                            schemas_31(
                                file,
                                &join(&properties_at, name),
                                schema,
                                problems,
                                nullable,
                            );
                        }
                    }
                    continue;
                }
                schemas_31(file, &join(at, key), value, problems, nullable);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                schemas_31(file, &join(at, &i.to_string()), item, problems, nullable);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Operations

/// The operationId derived for an operation without one: the method, then each path segment
/// in snake case, a `{parameter}` segment as `by_<parameter>`; `get /users/{userId}/identities`
/// → `get_users_by_user_id_identities`, `get /` → `get_root`. If that id is taken, `_2`, `_3`…
/// is appended.
pub fn derive_operation_id(method: &str, path: &str) -> String {
    let mut parts = vec![method.to_owned()];
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(parameter) => parts.push(format!("by_{}", snake(parameter))),
            None => parts.push(snake(segment)),
        }
    }
    if parts.len() == 1 {
        parts.push("root".to_owned());
    }
    parts.retain(|p| !p.is_empty());
    parts.join("_")
}

/// `userId`, `user-id`, `User.ID` → `user_id`.
fn snake(text: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase()
                && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
            {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        previous = Some(c);
    }
    out.trim_end_matches('_').to_owned()
}

/// Gives each operation without a usable operationId the one [`derive_operation_id`] makes,
/// with a note. Also run before a keep list is applied ([`crate::keep::apply`]), so that the
/// list can name derived ids; the ids are then there when [`normalize`] runs.
pub fn operation_ids(file: &str, doc: &mut Value, notes: &mut Vec<Problem>) {
    let operations = operations(doc);
    let id_of = |op: &Value| {
        op.get("operationId")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let mut taken: BTreeSet<String> = operations
        .iter()
        .filter_map(|(at, _, _)| id_of(doc.pointer(at)?))
        .filter(|id| names_something(id))
        .collect();
    for (at, path, method) in operations {
        let Some(op) = doc.pointer_mut(&at).and_then(Value::as_object_mut) else {
            continue;
        };
        // An id with no letter or digit (`""`, `"-"`) would become a Rust name of nothing
        // but what progenitor puts in its place: it is taken as missing.
        let (pointer, why) = match op.get("operationId") {
            None => (at.clone(), "no operationId".to_owned()),
            Some(Value::String(id)) if !names_something(id) => (
                join(&at, "operationId"),
                format!("operationId {id:?} has no letter or digit"),
            ),
            Some(Value::String(id)) => match taken_by_progenitor(id) {
                Some(clash) => (
                    join(&at, "operationId"),
                    format!("operationId {id:?} {clash} (the crate would not compile)"),
                ),
                None => continue,
            },
            Some(_) => continue,
        };
        let base = derive_operation_id(method, &path);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        taken.insert(id.clone());
        op.insert("operationId".to_owned(), Value::String(id.clone()));
        notes.push(Problem::at(
            file,
            pointer,
            format!("{why}: derived {id:?} from the method and path (an overlay can set another)"),
        ));
    }
}

/// The methods a generated `Client` has besides its operations, with what defines each:
/// progenitor's own (`new`, `new_with_client`), progenitor-client 0.15.1's `ClientInfo` and
/// `ClientHooks` (which the client crate implements for `Client`), and the derived `Clone` and
/// `Debug`. An operation's method of one of these names hides it (`Client::post()` hides
/// `ClientHooks::post`, which every operation's `send` calls).
pub const CLIENT_METHODS: [(&str, &str); 12] = [
    ("new", "Client::new"),
    ("new_with_client", "Client::new_with_client"),
    ("api_version", "ClientInfo::api_version"),
    ("baseurl", "ClientInfo::baseurl"),
    ("client", "ClientInfo::client"),
    ("inner", "ClientInfo::inner"),
    ("pre", "ClientHooks::pre"),
    ("post", "ClientHooks::post"),
    ("exec", "ClientHooks::exec"),
    ("clone", "Clone::clone"),
    ("clone_from", "Clone::clone_from"),
    ("fmt", "Debug::fmt"),
];

/// What the generated `builder` module imports from progenitor-client: an operation's builder
/// struct of one of these names would clash with the import.
pub const BUILDER_IMPORTS: [&str; 7] = [
    "ByteStream",
    "ClientHooks",
    "ClientInfo",
    "Error",
    "OperationInfo",
    "RequestBuilderExt",
    "ResponseValue",
];

/// How the operationId `id` clashes with what progenitor generates besides the operations, if
/// it does: its method hides one of [`CLIENT_METHODS`], or its builder struct is named like one
/// of [`BUILDER_IMPORTS`].
pub fn taken_by_progenitor(id: &str) -> Option<String> {
    let method = crate::lint_names::argument_name(id);
    if let Some((_, owner)) = CLIENT_METHODS.iter().find(|(name, _)| *name == method) {
        return Some(format!(
            "becomes the Rust method `Client::{method}`, which hides `{owner}`"
        ));
    }
    let builder = crate::lint_names::type_name(id);
    BUILDER_IMPORTS.contains(&builder.as_str()).then(|| {
        format!(
            "becomes the Rust builder `builder::{builder}`, as does the `{builder}` that module \
             imports from progenitor_client"
        )
    })
}

/// Whether an operationId has a letter or a digit: something to name a method after.
fn names_something(id: &str) -> bool {
    id.chars().any(char::is_alphanumeric)
}

// ---------------------------------------------------------------------------------------------
// Request bodies

/// What progenitor decodes a response into.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A JSON body with this schema (`{"$ref": …}` or inline).
    Json(String),
    /// A body of another media type: a byte stream.
    Raw,
    /// No body.
    Empty,
}

fn kind(response: &Value) -> Kind {
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return Kind::Empty;
    };
    if let Some((_, media)) = content.iter().find(|(m, _)| is_json(m)) {
        return Kind::Json(
            media
                .get("schema")
                .map(Value::to_string)
                .unwrap_or_default(),
        );
    }
    if content.is_empty() {
        Kind::Empty
    } else {
        Kind::Raw
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Success,
    Error,
}

fn side(status: &str) -> Option<Side> {
    match status.as_bytes().first() {
        _ if status == "101" => Some(Side::Success),
        Some(b'2') => Some(Side::Success),
        Some(b'4' | b'5') => Some(Side::Error),
        _ => None,
    }
}

/// The order progenitor matches statuses in: codes by value, a range as its first code (so
/// `4XX` before `404`), `default` last.
fn status_order(status: &str) -> u32 {
    if status == "default" {
        return 1000;
    }
    let digits: String = status
        .chars()
        .map(|c| if c.eq_ignore_ascii_case(&'x') { '0' } else { c })
        .collect();
    digits.parse().unwrap_or(999)
}

fn is_range(status: &str) -> bool {
    status.len() == 3 && status[1..].eq_ignore_ascii_case("xx")
}

/// A component name for a schema pointer `#/components/schemas/Name`.
fn schema_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

fn pascal(id: &str) -> String {
    snake(id)
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn responses(file: &str, doc: &mut Value, notes: &mut Vec<Problem>) {
    for (at, _, _) in operations(doc) {
        let responses_at = join(&at, "responses");
        let Some(declared) = doc.pointer(&responses_at).and_then(Value::as_object) else {
            continue;
        };
        // status → the response, resolved through `$ref`.
        let mut statuses: BTreeMap<String, Value> = declared
            .iter()
            .map(|(status, response)| (status.clone(), resolve(doc, response).clone()))
            .collect();
        let original: BTreeMap<String, Value> = declared.clone().into_iter().collect();
        let id = doc
            .pointer(&join(&at, "operationId"))
            .and_then(Value::as_str)
            .unwrap_or("operation")
            .to_owned();

        // `default` beside a success: the catch-all for errors.
        let successes: Vec<String> = statuses
            .keys()
            .filter(|s| side(s) == Some(Side::Success))
            .cloned()
            .collect();
        if !successes.is_empty()
            && let Some(default) = statuses.remove("default")
        {
            let beside = successes.join(", ");
            let mut ranges = Vec::new();
            for range in ["4XX", "5XX"] {
                let taken = statuses.keys().any(|s| s.eq_ignore_ascii_case(range));
                if !taken {
                    statuses.insert(range.to_owned(), default.clone());
                    ranges.push(range);
                }
            }
            notes.push(Problem::at(
                file,
                join(&responses_at, "default"),
                format!(
                    "`default` beside {beside} becomes the error response for {}",
                    if ranges.is_empty() {
                        "no status (4XX and 5XX are declared)".to_owned()
                    } else {
                        ranges.join(" and ")
                    }
                ),
            ));
        }

        for which in [Side::Success, Side::Error] {
            one_type_per_side(file, doc, &responses_at, &id, which, &mut statuses, notes);
        }

        // An explicit status inside a declared range of the same type is decoded by the range
        // (progenitor matches the range first and would leave the status unreachable).
        let ranges: Vec<(String, Kind)> = statuses
            .iter()
            .filter(|(s, _)| is_range(s))
            .map(|(s, r)| (s.clone(), kind(r)))
            .collect();
        for (range, range_kind) in &ranges {
            let covered: Vec<String> = statuses
                .iter()
                .filter(|(s, r)| {
                    !is_range(s)
                        && s.as_bytes().first() == range.as_bytes().first()
                        && kind(r) == *range_kind
                })
                .map(|(s, _)| s.clone())
                .collect();
            if !covered.is_empty() {
                for status in &covered {
                    statuses.remove(status);
                }
                notes.push(Problem::at(
                    file,
                    &responses_at,
                    format!(
                        "{} decoded by {range}, which has the same type",
                        covered.join(", ")
                    ),
                ));
            }
        }

        // Write back: unchanged responses keep their `$ref`.
        let mut rewritten = Map::new();
        let mut order: Vec<&String> = statuses.keys().collect();
        order.sort_by_key(|s| status_order(s));
        for status in order {
            let resolved = &statuses[status];
            let value = match original.get(status) {
                Some(kept) if resolve(doc, kept) == resolved => kept.clone(),
                _ => resolved.clone(),
            };
            rewritten.insert(status.clone(), value);
        }
        if rewritten
            != *doc
                .pointer(&responses_at)
                .and_then(Value::as_object)
                .expect("read above")
        {
            *doc.pointer_mut(&responses_at).expect("read above") = Value::Object(rewritten);
        }
    }
}

/// Makes one side (success or error) of an operation decode into one type.
fn one_type_per_side(
    file: &str,
    doc: &mut Value,
    responses_at: &str,
    id: &str,
    which: Side,
    statuses: &mut BTreeMap<String, Value>,
    notes: &mut Vec<Problem>,
) {
    let mut members: Vec<(&String, Kind)> = statuses
        .iter()
        .filter(|(s, _)| side(s) == Some(which))
        .map(|(s, r)| (s, kind(r)))
        .collect();
    members.sort_by_key(|(s, _)| status_order(s));
    let kinds: BTreeSet<&Kind> = members.iter().map(|(_, k)| k).collect();
    if kinds.len() <= 1 || kinds.contains(&Kind::Json(String::new())) {
        return; // One type already, or JSON without a schema, which the lint reports.
    }
    let side_name = if which == Side::Error {
        "error"
    } else {
        "success"
    };
    let has_json = kinds.iter().any(|k| matches!(k, Kind::Json(_)));
    // Statuses left out: without a JSON body beside JSON ones, or without a body beside a stream.
    let left_out: Vec<String> = members
        .iter()
        .filter(|(_, k)| match k {
            Kind::Json(_) => false,
            Kind::Raw => has_json,
            Kind::Empty => true,
        })
        .map(|(s, _)| (*s).clone())
        .collect();
    let schemas = distinct_schemas(&members, statuses);
    if !left_out.is_empty() {
        let what = if has_json { "a JSON body" } else { "a body" };
        notes.push(Problem::at(
            file,
            responses_at,
            format!(
                "{} without {what} left out of the {side_name} type (progenitor 0.15.1 takes one per operation): such an answer comes back as Error::UnexpectedResponse",
                left_out.join(", ")
            ),
        ));
        for status in &left_out {
            statuses.remove(status);
        }
    }
    if schemas.len() <= 1 {
        return;
    }
    let base = merged_name(&schemas, id, which);
    let listed = schemas
        .iter()
        .map(|(list, s)| {
            format!(
                "{} → {}",
                list.join(", "),
                schema_name(s).map_or_else(|| "inline schema".to_owned(), str::to_owned)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let members = schemas
        .iter()
        .map(|(_, s)| schema_name(s).unwrap_or("an inline schema"))
        .collect::<Vec<_>>()
        .join(", ");
    let merged = json!({
        "description": format!("One of the documented {side_name} bodies: {members}."),
        "oneOf": schemas.iter().map(|(_, s)| s.clone()).collect::<Vec<_>>(),
    });
    let Some(name) = add_schema(doc, &base, merged) else {
        return; // `components` is not a mapping: the document's own problem, reported later.
    };
    notes.push(Problem::at(
        file,
        responses_at,
        format!("{side_name} bodies {listed} become one type {name} (oneOf; progenitor 0.15.1 takes one per operation)"),
    ));
    let reference = json!({ "$ref": format!("#/components/schemas/{name}") });
    for (list, _) in &schemas {
        for status in list {
            let response = statuses.get_mut(status).expect("listed above");
            let content = response
                .get_mut("content")
                .and_then(Value::as_object_mut)
                .expect("a JSON body has content");
            content.retain(|m, _| is_json(m));
            for media in content.values_mut() {
                media["schema"] = reference.clone();
            }
        }
    }
}

/// The distinct JSON schemas of `members`, in status order, each with the statuses that carry
/// it.
fn distinct_schemas(
    members: &[(&String, Kind)],
    statuses: &BTreeMap<String, Value>,
) -> Vec<(Vec<String>, Value)> {
    let mut schemas: Vec<(Vec<String>, Value)> = Vec::new();
    for (status, k) in members {
        if let Kind::Json(_) = k {
            let schema = json_schema(&statuses[*status]);
            match schemas.iter_mut().find(|(_, s)| *s == schema) {
                Some((list, _)) => list.push((*status).clone()),
                None => schemas.push((vec![(*status).clone()], schema)),
            }
        }
    }
    schemas
}

/// The name of the one type `schemas` become: their component names joined with `Or`, else
/// the operation's id and the side (`GetThingError`).
fn merged_name(schemas: &[(Vec<String>, Value)], id: &str, which: Side) -> String {
    let names: Vec<Option<&str>> = schemas.iter().map(|(_, s)| schema_name(s)).collect();
    if names.iter().all(Option::is_some) {
        names
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join("Or")
    } else {
        format!(
            "{}{}",
            pascal(id),
            if which == Side::Error {
                "Error"
            } else {
                "Success"
            }
        )
    }
}

fn json_schema(response: &Value) -> Value {
    response
        .get("content")
        .and_then(Value::as_object)
        .and_then(|c| c.iter().find(|(m, _)| is_json(m)))
        .and_then(|(_, media)| media.get("schema"))
        .cloned()
        .unwrap_or(Value::Null)
}

/// Adds `schema` to `components/schemas` as `base` (or `base2`, `base3`… if `base` holds
/// something else) and returns the name used.
fn add_schema(doc: &mut Value, base: &str, schema: Value) -> Option<String> {
    let schemas = doc
        .as_object_mut()?
        .entry("components")
        .or_insert_with(|| json!({}))
        .as_object_mut()?
        .entry("schemas")
        .or_insert_with(|| json!({}))
        .as_object_mut()?;
    let mut name = base.to_owned();
    let mut n = 2;
    while let Some(existing) = schemas.get(&name) {
        if *existing == schema {
            return Some(name);
        }
        name = format!("{base}{n}");
        n += 1;
    }
    schemas.insert(name.clone(), schema);
    Some(name)
}
