//! What changed between two OpenAPI documents, each change with its id, place and wire grade.
//!
//! Works on the documents as JSON values (the documents progenitor sees, serialised back), so
//! that every change can be located by a JSON pointer.
//!
//! Each rule is written out as its own `out.push(id, operation, pointer, side, line,
//! targets)`, so rules look alike line by line; that is on purpose: a rule's id, text and
//! grade read together where it is decided, and the walks over parameters, schemas and
//! properties stay separate because they differ in what a change means for each side.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Grade, Side, Target};
use crate::problem::join;

/// One change of the spec, before its Rust grade is known.
#[derive(Clone, Debug)]
pub struct SpecChange {
    /// Stable kebab-case id (oasdiff's where one fits).
    pub id: String,
    /// The operationIds it concerns (several when a shared schema changed), sorted.
    pub operations: BTreeSet<String>,
    /// JSON pointer into the new document, or into the old one when the thing is gone.
    pub pointer: String,
    /// Which document `pointer` points into.
    pub side: Side,
    /// One human line.
    pub text: String,
    /// The wire grade.
    pub wire: Grade,
    /// The Rust items this change may touch, used to attribute Rust API differences.
    pub targets: Vec<Target>,
}

/// The HTTP methods of an OpenAPI 3.0 path item.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

struct Doc<'a> {
    root: &'a Value,
}

/// An operation found in a document.
struct Op<'a> {
    path: String,
    method: &'static str,
    pointer: String,
    id: String,
    value: &'a Value,
    item: &'a Value,
}

impl<'a> Doc<'a> {
    /// Follows `$ref`s: (pointer, node, the component schema name if one was reached).
    fn resolve(&self, pointer: &str, node: &'a Value) -> (String, &'a Value, Option<String>) {
        let (mut pointer, mut node, mut component) = (pointer.to_owned(), node, None);
        for _ in 0..16 {
            let Some(target) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(next) = target.strip_prefix('#').and_then(|p| self.root.pointer(p)) else {
                break;
            };
            if let Some(name) = target.strip_prefix("#/components/schemas/") {
                component = Some(crate::problem::unescape(name));
            }
            pointer = target.trim_start_matches('#').to_owned();
            node = next;
        }
        (pointer, node, component)
    }

    fn operations(&self) -> Vec<Op<'a>> {
        let mut ops = Vec::new();
        let Some(paths) = self.root.get("paths").and_then(Value::as_object) else {
            return ops;
        };
        for (path, item) in paths {
            for method in METHODS {
                let Some(value) = item.get(method) else {
                    continue;
                };
                ops.push(Op {
                    path: path.clone(),
                    method,
                    pointer: join(&join("/paths", path), method),
                    id: value
                        .get("operationId")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    value,
                    item,
                });
            }
        }
        ops
    }

    /// The operation's parameters (path-item ones overridden by the operation's), resolved,
    /// keyed by (in, name), with their pointers.
    fn parameters(&self, op: &Op<'a>) -> BTreeMap<(String, String), (String, &'a Value)> {
        let mut found = BTreeMap::new();
        let item_at = join("/paths", &op.path);
        for (at, holder) in [(item_at, op.item), (op.pointer.clone(), op.value)] {
            let Some(list) = holder.get("parameters").and_then(Value::as_array) else {
                continue;
            };
            for (i, param) in list.iter().enumerate() {
                let (pointer, param, _) =
                    self.resolve(&join(&join(&at, "parameters"), &i.to_string()), param);
                let key = (str_at(param, "in"), str_at(param, "name"));
                found.insert(key, (pointer, param));
            }
        }
        found
    }

    /// The security schemes an operation requires (its own `security`, else the document's).
    fn security(&self, op: &Op<'a>) -> BTreeSet<String> {
        let list = op
            .value
            .get("security")
            .or_else(|| self.root.get("security"))
            .and_then(Value::as_array);
        list.into_iter()
            .flatten()
            .filter_map(Value::as_object)
            .flat_map(|requirement| requirement.keys().cloned())
            .collect()
    }
}

fn str_at(node: &Value, key: &str) -> String {
    node.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Lower-case letters and digits only: how spec names and Rust names are matched.
pub fn norm(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A path with its parameter names blanked: `/a/{id}` and `/a/{key}` are the same endpoint.
fn path_shape(path: &str) -> String {
    let mut shape = String::new();
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                shape.push_str("{}");
            }
            '}' => inside = false,
            _ if !inside => shape.push(c),
            _ => {}
        }
    }
    shape
}

/// Collects changes, merging one found through several operations.
#[derive(Default)]
struct Changes {
    found: BTreeMap<(String, String), SpecChange>,
    /// The component schemas an operation's walk reached, on either side.
    reached: BTreeSet<String>,
    /// Component schemas renamed: (old name, new name).
    renamed: BTreeSet<(String, String)>,
}

impl Changes {
    /// Records a change, graded for the wire by its rule ([`super::rules`]). One found again
    /// (a shared schema, through another operation) gains that operation; a schema change
    /// found once at a body's root and once as a property is one change.
    fn push(
        &mut self,
        id: &str,
        op: Option<&str>,
        pointer: &str,
        side: Side,
        text: String,
        targets: Vec<Target>,
    ) {
        let key = id
            .replacen("request-body-", "request-property-", 1)
            .replacen("response-body-", "response-property-", 1);
        let entry = self
            .found
            .entry((pointer.to_owned(), key))
            .or_insert_with(|| SpecChange {
                id: id.to_owned(),
                operations: BTreeSet::new(),
                pointer: pointer.to_owned(),
                side,
                text,
                wire: super::rules::wire(id),
                targets: Vec::new(),
            });
        entry
            .operations
            .extend(op.filter(|o| !o.is_empty()).map(str::to_owned));
        for target in targets {
            if !entry.targets.contains(&target) {
                entry.targets.push(target);
            }
        }
    }
}

/// Every change from `old` to `new`.
pub fn changes(old: &Value, new: &Value) -> Vec<SpecChange> {
    let (old_doc, new_doc) = (Doc { root: old }, Doc { root: new });
    let mut out = Changes::default();
    document_changes(old, new, &mut out);
    let old_ops = old_doc.operations();
    let new_ops = new_doc.operations();
    let key = |op: &Op<'_>| (op.method, path_shape(&op.path));
    let mut matched_new: BTreeSet<usize> = BTreeSet::new();
    let mut unmatched_old = Vec::new();
    for o in &old_ops {
        match new_ops.iter().position(|n| key(n) == key(o)) {
            Some(i) => {
                matched_new.insert(i);
                operation_changes(&old_doc, o, &new_doc, &new_ops[i], &mut out);
            }
            None => unmatched_old.push(o),
        }
    }
    for o in unmatched_old {
        let moved = new_ops
            .iter()
            .enumerate()
            .find(|(i, n)| !matched_new.contains(i) && n.id == o.id);
        if let Some((i, n)) = moved {
            matched_new.insert(i);
            out.push(
                "endpoint-moved",
                Some(&n.id),
                &n.pointer,
                Side::New,
                format!(
                    "operation {} moved from {} {} to {} {}",
                    n.id,
                    o.method.to_uppercase(),
                    o.path,
                    n.method.to_uppercase(),
                    n.path
                ),
                vec![
                    Target::ClientMethod(norm(&n.id)),
                    Target::Builder(norm(&n.id)),
                ],
            );
            operation_changes(&old_doc, o, &new_doc, n, &mut out);
        } else {
            out.push(
                "endpoint-removed",
                Some(&o.id),
                &o.pointer,
                Side::Old,
                format!(
                    "removed the operation {} ({} {})",
                    o.id,
                    o.method.to_uppercase(),
                    o.path
                ),
                operation_targets(&o.id),
            );
        }
    }
    for (i, n) in new_ops.iter().enumerate() {
        if !matched_new.contains(&i) {
            out.push(
                "endpoint-added",
                Some(&n.id),
                &n.pointer,
                Side::New,
                format!(
                    "added the operation {} ({} {})",
                    n.id,
                    n.method.to_uppercase(),
                    n.path
                ),
                operation_targets(&n.id),
            );
        }
    }
    unused_schema_changes(&old_doc, &new_doc, &mut out);
    out.found.into_values().collect()
}

/// Changes to component schemas present on both sides that no operation reaches: one
/// `api-schema-changed` per change found in them (nothing goes on the wire; their Rust types
/// change all the same).
fn unused_schema_changes<'a>(old_doc: &Doc<'a>, new_doc: &Doc<'a>, out: &mut Changes) {
    let schemas = |doc: &Doc<'a>| -> Option<&'a serde_json::Map<String, Value>> {
        doc.root
            .pointer("/components/schemas")
            .and_then(Value::as_object)
    };
    let (Some(old_schemas), Some(new_schemas)) = (schemas(old_doc), schemas(new_doc)) else {
        return;
    };
    let mut found = Changes::default();
    for (name, new) in new_schemas {
        let Some(old) = old_schemas.get(name) else {
            continue;
        };
        if out.reached.contains(name) || old == new {
            continue;
        }
        let place = Place {
            op: String::new(),
            direction: Direction::Unused,
            prefix: "schema",
            subject: format!("the schema {name}"),
            root_type: norm(name),
            member: String::new(),
        };
        let at = join("/components/schemas", name);
        Walk::new(old_doc, new_doc, &mut found).schema(&place, &[], (&at, old), (&at, new));
    }
    let used: Vec<String> = out
        .reached
        .iter()
        .map(|name| join("/components/schemas", name))
        .collect();
    for change in found.found.into_values() {
        let inside =
            |at: &String| change.pointer == *at || change.pointer.starts_with(&format!("{at}/"));
        if used.iter().any(inside) {
            continue; // reported through the operations that use it
        }
        let (id, text) = if change.id == "description-changed" {
            ("description-changed", change.text)
        } else {
            (
                "api-schema-changed",
                format!(
                    "{} (no operation uses it: its Rust types change, not the wire)",
                    change.text
                ),
            )
        };
        out.push(id, None, &change.pointer, change.side, text, change.targets);
    }
}

fn operation_targets(id: &str) -> Vec<Target> {
    vec![
        Target::ClientMethod(norm(id)),
        Target::Builder(norm(id)),
        Target::Type(norm(id)),
    ]
}

/// `info.version`, servers, and component schemas that appear or disappear.
fn document_changes(old: &Value, new: &Value, out: &mut Changes) {
    let version = |doc: &Value| doc.pointer("/info/version").cloned();
    if version(old) != version(new) {
        out.push(
            "api-version-changed",
            None,
            "/info/version",
            Side::New,
            format!(
                "info.version changed from {} to {} (every request's `api-version` header)",
                shown(version(old).as_ref()),
                shown(version(new).as_ref())
            ),
            Vec::new(),
        );
    }
    for (key, what) in [
        ("/info/description", "info.description"),
        ("/info/title", "info.title"),
    ] {
        if old.pointer(key) != new.pointer(key) && new.pointer(key).is_some() {
            out.push(
                "description-changed",
                None,
                key,
                Side::New,
                format!("{what} changed"),
                Vec::new(),
            );
        }
    }
    let urls = |doc: &Value| -> BTreeSet<String> {
        doc.get("servers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| str_at(s, "url"))
            .collect()
    };
    let (old_urls, new_urls) = (urls(old), urls(new));
    if old_urls != new_urls && !old_urls.is_empty() {
        let gone: Vec<&String> = old_urls.difference(&new_urls).collect();
        let came: Vec<&String> = new_urls.difference(&old_urls).collect();
        out.push(
            if gone.is_empty() {
                "server-url-added"
            } else {
                "server-url-changed"
            },
            None,
            "/servers",
            Side::New,
            format!("server URLs: removed {gone:?}, added {came:?}"),
            Vec::new(),
        );
    }
    let schemas = |doc: &Value| -> BTreeSet<String> {
        doc.pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let (old_schemas, new_schemas) = (schemas(old), schemas(new));
    let schema_at = |doc: &Value, name: &str| {
        doc.pointer(&join("/components/schemas", name))
            .map(shape)
            .unwrap_or_default()
    };
    let gone: Vec<&String> = old_schemas.difference(&new_schemas).collect();
    let came: Vec<&String> = new_schemas.difference(&old_schemas).collect();
    // A schema gone and one come of the same shape, the only such pair: renamed. Nothing
    // changes on the wire; the Rust type is renamed.
    let twins = |name: &String, from: &Value, among: &[&String], to: &Value| -> Vec<String> {
        among
            .iter()
            .filter(|other| schema_at(to, other) == schema_at(from, name))
            .map(|other| (*other).clone())
            .collect()
    };
    for name in &gone {
        if let [new_name] = twins(name, old, &came, new).as_slice()
            && twins(new_name, new, &gone, old).len() == 1
        {
            out.renamed.insert(((*name).clone(), new_name.clone()));
            out.push(
                "api-schema-renamed",
                None,
                &join("/components/schemas", new_name),
                Side::New,
                format!("the component schema {name} was renamed {new_name} (the same shape)"),
                vec![Target::Type(norm(name)), Target::Type(norm(new_name))],
            );
        }
    }
    let renamed = |name: &String, old_side: bool| {
        out.renamed
            .iter()
            .any(|(a, b)| if old_side { a == name } else { b == name })
    };
    let gone: Vec<&String> = gone.into_iter().filter(|n| !renamed(n, true)).collect();
    let came: Vec<&String> = came.into_iter().filter(|n| !renamed(n, false)).collect();
    for name in gone {
        out.push(
            "api-schema-removed",
            None,
            &join("/components/schemas", name),
            Side::Old,
            format!("removed the component schema {name}"),
            vec![Target::Type(norm(name))],
        );
    }
    for name in came {
        out.push(
            "api-schema-added",
            None,
            &join("/components/schemas", name),
            Side::New,
            format!("added the component schema {name}"),
            vec![Target::Type(norm(name))],
        );
    }
}

fn shown(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "(none)".to_owned(),
    }
}

fn operation_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
    let id = n.id.as_str();
    if o.id != n.id {
        let mut targets = operation_targets(&o.id);
        targets.extend(operation_targets(&n.id));
        out.push(
            "api-operation-id-changed",
            Some(id),
            &join(&n.pointer, "operationId"),
            Side::New,
            format!(
                "the operationId of {} {} changed from {} to {}",
                n.method.to_uppercase(),
                n.path,
                o.id,
                n.id
            ),
            targets,
        );
    }
    for key in ["summary", "description"] {
        if o.value.get(key) != n.value.get(key) {
            out.push(
                "description-changed",
                Some(id),
                &join(&n.pointer, key),
                Side::New,
                format!("the {key} of operation {id} changed"),
                Vec::new(),
            );
        }
    }
    let (old_security, new_security) = (old_doc.security(o), new_doc.security(n));
    for scheme in new_security.difference(&old_security) {
        out.push(
            "api-security-added",
            Some(id),
            &join(&n.pointer, "security"),
            Side::New,
            format!("operation {id} now requires the security scheme {scheme}"),
            Vec::new(),
        );
    }
    for scheme in old_security.difference(&new_security) {
        out.push(
            "api-security-removed",
            Some(id),
            &join(&n.pointer, "security"),
            Side::New,
            format!("operation {id} no longer requires the security scheme {scheme}"),
            Vec::new(),
        );
    }
    parameter_changes(old_doc, o, new_doc, n, out);
    body_changes(old_doc, o, new_doc, n, out);
    response_changes(old_doc, o, new_doc, n, out);
}

fn is_required(param: &Value) -> bool {
    param.get("required").and_then(Value::as_bool) == Some(true)
}

/// A schema with its descriptions and examples removed, for "same shape" comparisons.
fn shape(node: &Value) -> Value {
    match node {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| {
                    !matches!(k.as_str(), "description" | "example" | "examples" | "title")
                })
                .map(|(k, v)| (k.clone(), shape(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        other => other.clone(),
    }
}

fn parameter_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
    let id = n.id.as_str();
    let (old_params, new_params) = (old_doc.parameters(o), new_doc.parameters(n));
    let gone: Vec<&(String, String)> = old_params
        .keys()
        .filter(|k| !new_params.contains_key(*k))
        .collect();
    let mut came: Vec<&(String, String)> = new_params
        .keys()
        .filter(|k| !old_params.contains_key(*k))
        .collect();
    let member = |name: &str| Target::BuilderMember(norm(id), norm(name));
    for key @ (place, name) in gone {
        let (old_at, old_param) = &old_params[key];
        // The same name somewhere else: moved. The same place and shape, another name: renamed.
        let moved = came.iter().position(|(p, m)| m == name && p != place);
        let renamed = || {
            let twins: Vec<usize> = came
                .iter()
                .enumerate()
                .filter(|(_, k)| {
                    k.0 == *place
                        && shape(&new_params[**k].1.get("schema").cloned().unwrap_or_default())
                            == shape(&old_param.get("schema").cloned().unwrap_or_default())
                        && is_required(new_params[**k].1) == is_required(old_param)
                })
                .map(|(i, _)| i)
                .collect();
            (twins.len() == 1).then(|| twins[0])
        };
        if let Some(i) = moved {
            let (new_at, _) = &new_params[came[i]];
            out.push(
                "request-parameter-location-changed",
                Some(id),
                new_at,
                Side::New,
                format!(
                    "the request parameter {name} moved from {place} to {}",
                    came[i].0
                ),
                vec![member(name)],
            );
            came.remove(i);
        } else if let Some(i) = renamed() {
            let (new_at, _) = &new_params[came[i]];
            let new_name = &came[i].1;
            out.push(
                "request-parameter-renamed",
                Some(id),
                new_at,
                Side::New,
                format!("the {place} request parameter {name} was renamed {new_name}"),
                vec![member(name), member(new_name)],
            );
            came.remove(i);
        } else {
            out.push(
                "request-parameter-removed",
                Some(id),
                old_at,
                Side::Old,
                format!("removed the {place} request parameter {name} (the server ignores it now)"),
                vec![member(name)],
            );
        }
    }
    for key @ (place, name) in came {
        let (new_at, param) = &new_params[key];
        let (change, what) = if is_required(param) {
            ("new-required-request-parameter", "required")
        } else {
            ("new-optional-request-parameter", "optional")
        };
        out.push(
            change,
            Some(id),
            new_at,
            Side::New,
            format!("added the {what} {place} request parameter {name}"),
            vec![member(name), Target::Type(norm(id))],
        );
    }
    for (key @ (place, name), (new_at, new_param)) in &new_params {
        let Some((old_at, old_param)) = old_params.get(key) else {
            continue;
        };
        match (is_required(old_param), is_required(new_param)) {
            (false, true) => out.push(
                "request-parameter-became-required",
                Some(id),
                &join(new_at, "required"),
                Side::New,
                format!("the {place} request parameter {name} became required"),
                vec![member(name)],
            ),
            (true, false) => out.push(
                "request-parameter-became-optional",
                Some(id),
                &join(new_at, "required"),
                Side::New,
                format!("the {place} request parameter {name} became optional"),
                vec![member(name)],
            ),
            _ => {}
        }
        if old_param.get("description") != new_param.get("description") {
            out.push(
                "description-changed",
                Some(id),
                &join(new_at, "description"),
                Side::New,
                format!("the description of the {place} request parameter {name} changed"),
                Vec::new(),
            );
        }
        if let (Some(a), Some(b)) = (old_param.get("schema"), new_param.get("schema")) {
            let place = Place {
                op: id.to_owned(),
                direction: Direction::Request,
                prefix: "request-parameter",
                subject: format!("the {place} request parameter {name}"),
                root_type: norm(id),
                member: norm(name),
            };
            Walk::new(old_doc, new_doc, out).schema(
                &place,
                &[],
                (&join(old_at, "schema"), a),
                (&join(new_at, "schema"), b),
            );
        }
    }
}

/// The `application/json` (or first) media type of a body or response: (media type, schema).
fn media(holder: &Value) -> Option<(&str, Option<&Value>)> {
    let content = holder.get("content")?.as_object()?;
    let (name, body) = content
        .iter()
        .find(|(m, _)| m.starts_with("application/json"))
        .or_else(|| content.iter().next())?;
    Some((name.as_str(), body.get("schema")))
}

fn body_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
    let id = n.id.as_str();
    let body_targets = || {
        vec![
            Target::BuilderMember(norm(id), "body".to_owned()),
            Target::BuilderMember(norm(id), "bodymap".to_owned()),
            Target::Type(norm(id)),
        ]
    };
    let old_body = o
        .value
        .get("requestBody")
        .map(|b| old_doc.resolve(&join(&o.pointer, "requestBody"), b));
    let new_body = n
        .value
        .get("requestBody")
        .map(|b| new_doc.resolve(&join(&n.pointer, "requestBody"), b));
    match (old_body, new_body) {
        (None, None) => {}
        (None, Some((at, body, _))) => {
            let (change, what) = if is_required(body) {
                ("request-body-added-required", "a required")
            } else {
                ("request-body-added-optional", "an optional")
            };
            out.push(
                change,
                Some(id),
                &at,
                Side::New,
                format!("added {what} request body"),
                body_targets(),
            );
        }
        (Some((at, _, _)), None) => out.push(
            "request-body-removed",
            Some(id),
            &at,
            Side::Old,
            "removed the request body".to_owned(),
            body_targets(),
        ),
        (Some((_, old_body, _)), Some((at, new_body, _))) => {
            if !is_required(old_body) && is_required(new_body) {
                out.push(
                    "request-body-became-required",
                    Some(id),
                    &join(&at, "required"),
                    Side::New,
                    "the request body became required".to_owned(),
                    body_targets(),
                );
            }
            let (old_media, new_media) = (media(old_body), media(new_body));
            if let (Some((a, _)), Some((b, _))) = (old_media, new_media)
                && a != b
            {
                out.push(
                    "request-body-media-type-changed",
                    Some(id),
                    &join(&at, "content"),
                    Side::New,
                    format!("the request body's media type changed from {a} to {b}"),
                    body_targets(),
                );
            }
            if let (Some((a, Some(old_schema))), Some((b, Some(new_schema)))) =
                (old_media, new_media)
            {
                let place = Place {
                    op: id.to_owned(),
                    direction: Direction::Request,
                    prefix: "request-body",
                    subject: "the request body".to_owned(),
                    root_type: norm(id),
                    member: "body".to_owned(),
                };
                let old_at = join(&join(&join(&o.pointer, "requestBody"), "content"), a);
                let new_at = join(&join(&at, "content"), b);
                Walk::new(old_doc, new_doc, out).schema(
                    &place,
                    &[],
                    (&join(&old_at, "schema"), old_schema),
                    (&join(&new_at, "schema"), new_schema),
                );
            }
        }
    }
}

fn is_success(status: &str) -> bool {
    status.starts_with('2')
}

fn response_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
    let id = n.id.as_str();
    let responses = |op: &Op<'a>| -> BTreeMap<String, &'a Value> {
        op.value
            .get("responses")
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
            .unwrap_or_default()
    };
    let (old_responses, new_responses) = (responses(o), responses(n));
    let send = || {
        vec![
            Target::BuilderMember(norm(id), "send".to_owned()),
            Target::Type(norm(id)),
        ]
    };
    // Statuses gone from the old side, then statuses new on the new side.
    for (gone, from, to, op_at) in [
        (true, &old_responses, &new_responses, &o.pointer),
        (false, &new_responses, &old_responses, &n.pointer),
    ] {
        for status in from.keys().filter(|s| !to.contains_key(*s)) {
            let kind = if is_success(status) {
                "success"
            } else {
                "non-success"
            };
            let (verb, side, note) = match (gone, is_success(status)) {
                (true, _) => ("removed", Side::Old, ""),
                (false, true) => (
                    "added",
                    Side::New,
                    " (a client built from the old spec does not expect it)",
                ),
                (false, false) => ("added", Side::New, ""),
            };
            out.push(
                &format!("response-{kind}-status-{verb}"),
                Some(id),
                &join(&join(op_at, "responses"), status),
                side,
                format!("{verb} the {kind} response with the status {status}{note}"),
                send(),
            );
        }
    }
    for (status, new_response) in &new_responses {
        let Some(old_response) = old_responses.get(status) else {
            continue;
        };
        let (old_at, old_response, _) =
            old_doc.resolve(&join(&join(&o.pointer, "responses"), status), old_response);
        let (new_at, new_response, _) =
            new_doc.resolve(&join(&join(&n.pointer, "responses"), status), new_response);
        let (old_media, new_media) = (media(old_response), media(new_response));
        let (a, b) = (old_media.map(|m| m.0), new_media.map(|m| m.0));
        if a != b {
            out.push(
                "response-media-type-changed",
                Some(id),
                &join(&new_at, "content"),
                Side::New,
                format!(
                    "the media type of the response with the status {status} changed from {} to {}",
                    a.unwrap_or("(no content)"),
                    b.unwrap_or("(no content)")
                ),
                send(),
            );
            continue;
        }
        if let (Some((a, Some(old_schema))), Some((b, Some(new_schema)))) = (old_media, new_media) {
            let place = Place {
                op: id.to_owned(),
                direction: Direction::Response,
                prefix: "response-body",
                subject: format!("the response body with the status {status}"),
                root_type: norm(id),
                member: "send".to_owned(),
            };
            Walk::new(old_doc, new_doc, out).schema(
                &place,
                &[],
                (
                    &join(&join(&join(&old_at, "content"), a), "schema"),
                    old_schema,
                ),
                (
                    &join(&join(&join(&new_at, "content"), b), "schema"),
                    new_schema,
                ),
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
    /// A component schema no operation uses: only its Rust types change.
    Unused,
}

impl Direction {
    /// `request`, `response` or `schema`: the first part of a property rule's id.
    fn word(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Response => "response",
            Self::Unused => "schema",
        }
    }
}

/// Where a schema sits: which operation, which direction, what to call it.
#[derive(Clone)]
struct Place {
    op: String,
    direction: Direction,
    /// `request-parameter`, `request-body`, `response-body` or `schema`.
    prefix: &'static str,
    /// "the query request parameter limit", "the request body"…
    subject: String,
    /// The Rust type name (normalised) the root schema becomes, or its prefix.
    root_type: String,
    /// The builder method the root schema is set through (normalised), or `send`.
    member: String,
}

fn type_of(schema: &Value) -> String {
    match schema.get("type").and_then(Value::as_str) {
        Some(t) => t.to_owned(),
        None if schema.get("properties").is_some() => "object".to_owned(),
        None if schema.get("items").is_some() => "array".to_owned(),
        None => "any".to_owned(),
    }
}

/// The members of a schema's `oneOf`, `anyOf` or `allOf`: (name, schema), a `$ref`'s member
/// named by its component, an inline one by its title or its position.
fn members<'a>(schema: &'a Value, keyword: &str) -> Vec<(String, &'a Value)> {
    let list = schema.get(keyword).and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .enumerate()
        .map(|(i, member)| {
            let name = match member.get("$ref").and_then(Value::as_str) {
                Some(target) => {
                    crate::problem::unescape(target.rsplit('/').next().unwrap_or(target))
                }
                None => member
                    .get("title")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("#{i}"), str::to_owned),
            };
            (name, member)
        })
        .collect()
}

/// A discriminator's mapping: value → `$ref`.
fn mapping(schema: &Value) -> BTreeMap<String, String> {
    let map = schema
        .pointer("/discriminator/mapping")
        .and_then(Value::as_object);
    map.into_iter()
        .flatten()
        .map(|(value, target)| {
            (
                value.clone(),
                target.as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// A schema being compared, for the rules of its composition: where it sits and what it is
/// called.
struct Composed<'p> {
    place: &'p Place,
    path: &'p [String],
    /// `request-body`, `response-property`…: the first part of the rule id.
    prefix: &'p str,
    subject: &'p str,
    root_type: &'p str,
    /// What the schema's own changes touch in Rust.
    targets: Vec<Target>,
}

/// The keywords that constrain values, each compared by [`tightening`].
const CONSTRAINTS: [&str; 13] = [
    "maxLength",
    "maximum",
    "maxItems",
    "maxProperties",
    "minLength",
    "minimum",
    "minItems",
    "minProperties",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "uniqueItems",
    "pattern",
    "multipleOf",
];

/// How a constraint moved from `old` to `new`: `tightened`, `loosened`, `changed` (neither
/// contains the other), or `None` (the same). A `min…Length/Items/Properties` of 0 and a
/// `false` flag constrain nothing.
fn tightening(keyword: &str, old: Option<&Value>, new: Option<&Value>) -> Option<&'static str> {
    let counts = keyword.starts_with("min") && keyword != "minimum";
    let vacuous = |v: &&Value| match v {
        Value::Bool(b) => !*b,
        Value::Number(n) => counts && n.as_f64() == Some(0.0),
        _ => false,
    };
    let (old, new) = (old.filter(|v| !vacuous(v)), new.filter(|v| !vacuous(v)));
    let number = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    match (old, new) {
        (a, b) if a == b => None,
        (None, _) => Some("tightened"),
        (_, None) => Some("loosened"),
        (Some(a), Some(b)) if keyword.starts_with("max") || keyword.starts_with("min") => {
            let (a, b) = (number(a), number(b));
            let (narrower, wider) = if keyword.starts_with("max") {
                (b < a, b > a)
            } else {
                (b > a, b < a)
            };
            match (narrower, wider) {
                (true, _) => Some("tightened"),
                (_, true) => Some("loosened"),
                _ => Some("changed"),
            }
        }
        _ => Some("changed"),
    }
}

impl Composed<'_> {
    /// The id of the rule `suffix` at this place, whatever the place (see [`Self::id`]).
    fn id_at(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.prefix)
    }

    /// The id of the rule `suffix` here: in a parameter's schema (which progenitor takes
    /// without composition) a type change.
    fn id(&self, suffix: &str) -> String {
        if self.prefix == "request-parameter" {
            "request-parameter-type-changed".to_owned()
        } else {
            format!("{}-{suffix}", self.prefix)
        }
    }
}

/// One walk over a schema of both documents at once: the documents, the pairs of nodes already
/// compared (so that a recursive schema ends), and the changes found.
struct Walk<'a, 'w> {
    old_doc: &'w Doc<'a>,
    new_doc: &'w Doc<'a>,
    seen: BTreeSet<(String, String)>,
    out: &'w mut Changes,
}

impl<'a, 'w> Walk<'a, 'w> {
    /// A walk with nothing seen yet.
    fn new(old_doc: &'w Doc<'a>, new_doc: &'w Doc<'a>, out: &'w mut Changes) -> Self {
        Self {
            old_doc,
            new_doc,
            seen: BTreeSet::new(),
            out,
        }
    }

    /// Compares one schema: its component, type, format, nullability, enum and description,
    /// then its items and properties.
    #[allow(
        clippy::too_many_lines,
        reason = "one walk, one rule per property of a schema"
    )]
    fn schema(
        &mut self,
        place: &Place,
        path: &[String],
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        let (old_at, old, old_component) = self.old_doc.resolve(old_at, old);
        let (new_at, new, new_component) = self.new_doc.resolve(new_at, new);
        self.out
            .reached
            .extend(old_component.iter().chain(&new_component).cloned());
        if !self.seen.insert((old_at.clone(), new_at.clone())) {
            return;
        }
        let op = Some(place.op.as_str());
        // Inside a component the Rust type is the component's; otherwise the operation's.
        let root_type = new_component
            .as_deref()
            .map_or_else(|| place.root_type.clone(), norm);
        let (prefix, subject) = if path.is_empty() {
            (place.prefix.to_owned(), place.subject.clone())
        } else if place.prefix == "request-parameter" {
            // An array parameter's items: still the parameter.
            (
                place.prefix.to_owned(),
                format!("{} (at {})", place.subject, path.join(".")),
            )
        } else {
            let direction = place.direction.word();
            (
                format!("{direction}-property"),
                format!("the {direction} property {}", path.join(".")),
            )
        };
        let request = place.direction == Direction::Request;
        let targets = |extra: Vec<Target>| -> Vec<Target> {
            let mut targets = extra;
            match path.last() {
                Some(field) if !path.is_empty() => {
                    targets.push(Target::Field(root_type.clone(), norm(field)));
                    // typify names an inline property's own type after its owner and itself.
                    targets.push(Target::Type(format!("{root_type}{}", norm(field))));
                }
                _ if place.member == "send" => {
                    targets.push(Target::BuilderMember(norm(&place.op), "send".to_owned()));
                }
                _ if place.prefix == "request-parameter" => {
                    targets.push(Target::BuilderMember(norm(&place.op), place.member.clone()));
                }
                _ => {
                    targets.push(Target::BuilderMember(norm(&place.op), "body".to_owned()));
                    targets.push(Target::BuilderMember(norm(&place.op), "bodymap".to_owned()));
                }
            }
            targets.push(Target::Type(root_type.clone()));
            targets
        };
        if let (Some(a), Some(b)) = (&old_component, &new_component)
            && a != b
            && !self.out.renamed.contains(&(a.clone(), b.clone()))
        {
            self.out.push(
                &format!("{prefix}-type-changed"),
                op,
                &new_at,
                Side::New,
                format!("{subject} changed from the schema {a} to {b}"),
                targets(vec![Target::Type(norm(a)), Target::Type(norm(b))]),
            );
            return;
        }
        let (old_type, new_type) = (type_of(old), type_of(new));
        if old_type != new_type {
            self.out.push(
                &format!("{prefix}-type-changed"),
                op,
                &join(&new_at, "type"),
                Side::New,
                format!("{subject} changed type from {old_type} to {new_type}"),
                targets(Vec::new()),
            );
            return;
        }
        let format = |s: &Value| {
            s.get("format")
                .and_then(Value::as_str)
                .unwrap_or("(none)")
                .to_owned()
        };
        if format(old) != format(new) {
            self.out.push(
                &format!("{prefix}-format-changed"),
                op,
                &join(&new_at, "format"),
                Side::New,
                format!(
                    "{subject} changed format from {} to {}",
                    format(old),
                    format(new)
                ),
                targets(Vec::new()),
            );
        }
        let nullable = |s: &Value| s.get("nullable").and_then(Value::as_bool) == Some(true);
        if nullable(old) != nullable(new) {
            let became = if nullable(new) {
                "nullable"
            } else {
                "not-nullable"
            };
            // A null the old client cannot take (responses), or refused from it (requests).
            self.out.push(
                &format!("{prefix}-became-{became}"),
                op,
                &join(&new_at, "nullable"),
                Side::New,
                format!("{subject} became {}", became.replace('-', " ")),
                targets(Vec::new()),
            );
        }
        let values = |s: &Value| -> Vec<Value> {
            s.get("enum")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (old_values, new_values) = (values(old), values(new));
        if old_values.is_empty() != new_values.is_empty() {
            // From any value to a closed list, or back: not a value added or removed. A closed
            // list narrows what may be sent (a request) and widens nothing an old client decodes
            // (an answer); lifting it is the other way round.
            let became_enum = old_values.is_empty();
            let (id, at, side, text) = if became_enum {
                let listed: Vec<String> = new_values.iter().map(|v| shown(Some(v))).collect();
                (
                    format!("{prefix}-became-enum"),
                    join(&new_at, "enum"),
                    Side::New,
                    format!("{subject} is now limited to {}", listed.join(", ")),
                )
            } else {
                (
                    format!("{prefix}-enum-removed"),
                    join(&old_at, "enum"),
                    Side::Old,
                    format!(
                        "{subject} is no longer limited to a list of values (it was {})",
                        old_values
                            .iter()
                            .map(|v| shown(Some(v)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            };
            self.out.push(
                &id,
                op,
                &at,
                side,
                text,
                targets(vec![Target::Type(root_type.clone())]),
            );
        } else if !old_values.is_empty() {
            for (i, value) in new_values.iter().enumerate() {
                if old_values.contains(value) {
                    continue;
                }
                let text = shown(Some(value));
                self.out.push(
                &format!("{prefix}-enum-value-added"),
                op,
                &join(&join(&new_at, "enum"), &i.to_string()),
                Side::New,
                if request {
                    format!("added the enum value {text} to {subject}")
                } else {
                    format!("added the enum value {text} to {subject} (a client built from the old spec cannot decode it)")
                },
                targets(vec![Target::Variant(root_type.clone(), norm(&text))]),
            );
            }
            for (i, value) in old_values.iter().enumerate() {
                if new_values.contains(value) {
                    continue;
                }
                let text = shown(Some(value));
                self.out.push(
                    &format!("{prefix}-enum-value-removed"),
                    op,
                    &join(&join(&old_at, "enum"), &i.to_string()),
                    Side::Old,
                    format!("removed the enum value {text} from {subject}"),
                    targets(vec![Target::Variant(root_type.clone(), norm(&text))]),
                );
            }
        }
        if old.get("description") != new.get("description") && !path.is_empty() {
            self.out.push(
                "description-changed",
                op,
                &join(&new_at, "description"),
                Side::New,
                format!("the description of {subject} changed"),
                Vec::new(),
            );
        }
        if old.get("title") != new.get("title") {
            // typify names an inline object's type after its title.
            self.out.push(
                "description-changed",
                op,
                &join(&new_at, "title"),
                Side::New,
                format!(
                    "the title of {subject} changed from {} to {}",
                    shown(old.get("title")),
                    shown(new.get("title"))
                ),
                targets(
                    [old.get("title"), new.get("title")]
                        .into_iter()
                        .flatten()
                        .map(|t| Target::Type(norm(&shown(Some(t)))))
                        .collect(),
                ),
            );
        }
        if old.get("default") != new.get("default") {
            // What the server assumes when the value is left out, and what a generated client
            // fills in when an answer leaves it out; typify drops the `Option` of a field that
            // has one.
            self.out.push(
                &format!("{prefix}-default-changed"),
                op,
                &join(&new_at, "default"),
                Side::New,
                format!(
                    "the default of {subject} changed from {} to {}",
                    shown(old.get("default")),
                    shown(new.get("default"))
                ),
                targets(Vec::new()),
            );
        }
        if new_type == "array"
            && let (Some(a), Some(b)) = (old.get("items"), new.get("items"))
        {
            let mut inner = path.to_vec();
            if inner.is_empty() {
                inner.push("[]".to_owned());
            } else if let Some(last) = inner.last_mut() {
                last.push_str("[]");
            }
            let inner_place = Place {
                root_type: root_type.clone(),
                ..place.clone()
            };
            self.schema(
                &inner_place,
                &inner,
                (&join(&old_at, "items"), a),
                (&join(&new_at, "items"), b),
            );
        }
        let composed = Composed {
            place,
            path,
            prefix: &prefix,
            subject: &subject,
            root_type: &root_type,
            targets: targets(Vec::new()),
        };
        self.constraints(&composed, (&old_at, old), (&new_at, new));
        self.composition(&composed, (&old_at, old), (&new_at, new));
        self.discriminator(&composed, (&old_at, old), (&new_at, new));
        let map_values = |s: &'a Value| s.get("additionalProperties").filter(|v| v.is_object());
        if map_values(old).is_some() != map_values(new).is_some() && new_type == "object" {
            // A map of any values became a map of typed ones, or back.
            let (at, side) = if map_values(new).is_some() {
                (join(&new_at, "additionalProperties"), Side::New)
            } else {
                (join(&old_at, "additionalProperties"), Side::Old)
            };
            self.out.push(
                &composed.id_at("type-changed"),
                op,
                &at,
                side,
                format!(
                    "the schema of the additional properties (map values) of {subject} changed"
                ),
                composed.targets.clone(),
            );
        }
        if let (Some(a), Some(b)) = (map_values(old), map_values(new)) {
            let mut inner = path.to_vec();
            inner.push("*".to_owned());
            let inner_place = Place {
                root_type: root_type.clone(),
                ..place.clone()
            };
            self.schema(
                &inner_place,
                &inner,
                (&join(&old_at, "additionalProperties"), a),
                (&join(&new_at, "additionalProperties"), b),
            );
        }
        self.object(place, path, &root_type, (&old_at, old), (&new_at, new));
    }

    /// Compares the constraints on values (`maxLength`, `minimum`, `pattern`, `uniqueItems`…):
    /// each one added, removed or moved is tightened (a value the old spec allowed may now be
    /// refused), loosened, or, for a `pattern` or `multipleOf` replaced, changed. typify makes
    /// a constrained value its own type (a newtype that checks it, `NonZeroU64`…), so each is a
    /// Rust change as well.
    fn constraints(
        &mut self,
        at: &Composed<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        for keyword in CONSTRAINTS {
            let (a, b) = (old.get(keyword), new.get(keyword));
            let Some(way) = tightening(keyword, a, b) else {
                continue;
            };
            let (pointer, side) = if b.is_some() {
                (join(new_at, keyword), Side::New)
            } else {
                (join(old_at, keyword), Side::Old)
            };
            self.out.push(
                &at.id_at(&format!("constraint-{way}")),
                Some(at.place.op.as_str()),
                &pointer,
                side,
                format!(
                    "the {keyword} of {} {way} from {} to {}",
                    at.subject,
                    shown(a),
                    shown(b)
                ),
                at.targets.clone(),
            );
        }
    }

    /// Compares `oneOf`, `anyOf` and `allOf`: members added and removed (a member is its
    /// `$ref`'s schema, or an inline schema by its position), and each kept member's schema.
    /// A parameter's schema does not take them in progenitor: a change there is a type change.
    fn composition(
        &mut self,
        at: &Composed<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        for (keyword, suffix) in [
            ("oneOf", "one-of"),
            ("anyOf", "any-of"),
            ("allOf", "all-of"),
        ] {
            let (old_members, new_members) = (members(old, keyword), members(new, keyword));
            if old_members.is_empty() && new_members.is_empty() {
                continue;
            }
            for (verb, from, to, side, from_at) in [
                ("added", &new_members, &old_members, Side::New, new_at),
                ("removed", &old_members, &new_members, Side::Old, old_at),
            ] {
                for (i, (name, _)) in from.iter().enumerate() {
                    if to.iter().any(|(other, _)| other == name) {
                        continue;
                    }
                    // A response's new allOf member only adds to what an old client decodes.
                    let (to_or_from, note) = match (verb, keyword, at.place.direction) {
                        ("added", "oneOf", Direction::Response) => {
                            ("to", " (a client built from the old spec cannot decode it)")
                        }
                        ("added", "anyOf", Direction::Response) => (
                            "to",
                            " (a client built from the old spec may not decode it)",
                        ),
                        ("added", _, _) => ("to", ""),
                        _ => ("from", ""),
                    };
                    // typify names an inline member's own types after its title.
                    let mut targets = vec![
                        Target::Variant(at.root_type.to_owned(), norm(name)),
                        Target::Type(norm(name)),
                    ];
                    targets.extend(at.targets.iter().cloned());
                    self.out.push(
                        &at.id(&format!("{suffix}-member-{verb}")),
                        Some(at.place.op.as_str()),
                        &join(&join(from_at, keyword), &i.to_string()),
                        side,
                        format!(
                            "{verb} the {keyword} member {name} {to_or_from} {}{note}",
                            at.subject
                        ),
                        targets,
                    );
                }
            }
            for (i, (name, old_member)) in old_members.iter().enumerate() {
                let Some(j) = new_members.iter().position(|(other, _)| other == name) else {
                    continue;
                };
                self.schema(
                    at.place,
                    at.path,
                    (&join(&join(old_at, keyword), &i.to_string()), old_member),
                    (
                        &join(&join(new_at, keyword), &j.to_string()),
                        new_members[j].1,
                    ),
                );
            }
        }
    }

    /// Compares a discriminator's mapping: values mapped anew, values no longer mapped (a
    /// value mapped to another schema is both).
    fn discriminator(
        &mut self,
        at: &Composed<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        let (old_map, new_map) = (mapping(old), mapping(new));
        for (verb, from, to, side, from_at) in [
            ("added", &new_map, &old_map, Side::New, new_at),
            ("removed", &old_map, &new_map, Side::Old, old_at),
        ] {
            for (value, target) in from {
                if to.get(value) == Some(target) {
                    continue;
                }
                let schema = target.rsplit('/').next().unwrap_or(target);
                let text = match verb {
                    "added" => format!(
                        "the discriminator of {} now maps the value {value} to {}",
                        at.subject,
                        crate::problem::unescape(schema)
                    ),
                    _ => format!(
                        "the discriminator of {} no longer maps the value {value} to {}",
                        at.subject,
                        crate::problem::unescape(schema)
                    ),
                };
                self.out.push(
                    &at.id(&format!("discriminator-mapping-{verb}")),
                    Some(at.place.op.as_str()),
                    &join(&join(&join(from_at, "discriminator"), "mapping"), value),
                    side,
                    text,
                    at.targets.clone(),
                );
            }
        }
    }

    /// Compares the properties of an object schema: removed, added, renamed, required or not,
    /// and each kept one's schema.
    #[allow(
        clippy::too_many_lines,
        reason = "one rule per kind of property change"
    )]
    fn object(
        &mut self,
        place: &Place,
        path: &[String],
        root_type: &str,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        let properties = |s: &'a Value| -> BTreeMap<String, &'a Value> {
            s.get("properties")
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
                .unwrap_or_default()
        };
        let required = |s: &Value| -> BTreeSet<String> {
            s.get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        };
        let (old_props, new_props) = (properties(old), properties(new));
        if old_props.is_empty() && new_props.is_empty() {
            return;
        }
        let (old_required, new_required) = (required(old), required(new));
        let op = Some(place.op.as_str());
        let request = place.direction == Direction::Request;
        let direction = place.direction.word();
        // Properties of an inline object nested in a property become a type named after both.
        let owner = |name: &str| -> (String, String) {
            let full: Vec<String> = path
                .iter()
                .chain(std::iter::once(&name.to_owned()))
                .cloned()
                .collect();
            (full.join("."), root_type.to_owned())
        };
        let field = |name: &str| Target::Field(root_type.to_owned(), norm(name));
        let gone: Vec<&String> = old_props
            .keys()
            .filter(|k| !new_props.contains_key(*k))
            .collect();
        let mut came: Vec<&String> = new_props
            .keys()
            .filter(|k| !old_props.contains_key(*k))
            .collect();
        for name in gone {
            let (shown_name, _) = owner(name);
            let was_required = old_required.contains(name);
            let twins: Vec<usize> = came
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    shape(new_props[**n]) == shape(old_props[name])
                        && new_required.contains(**n) == was_required
                })
                .map(|(i, _)| i)
                .collect();
            if let [i] = twins.as_slice() {
                let new_name = came.remove(*i);
                self.out.push(
                    &format!("{direction}-property-renamed"),
                    op,
                    &join(&join(new_at, "properties"), new_name),
                    Side::New,
                    format!(
                        "the {direction} property {shown_name} was renamed {}",
                        owner(new_name).0
                    ),
                    vec![
                        field(name),
                        field(new_name),
                        Target::Type(root_type.to_owned()),
                    ],
                );
                continue;
            }
            let change = match (request, was_required) {
                (true, _) => "request-property-removed",
                (false, true) => "response-required-property-removed",
                (false, false) => "response-optional-property-removed",
            };
            self.out.push(
                change,
                op,
                &join(&join(old_at, "properties"), name),
                Side::Old,
                format!("removed the {direction} property {shown_name}"),
                vec![field(name), Target::Type(root_type.to_owned())],
            );
        }
        for name in came {
            let (shown_name, _) = owner(name);
            let is_required = new_required.contains(name);
            let change = match (request, is_required) {
                (true, true) => "new-required-request-property",
                (true, false) => "new-optional-request-property",
                (false, true) => "response-required-property-added",
                (false, false) => "response-optional-property-added",
            };
            self.out.push(
                change,
                op,
                &join(&join(new_at, "properties"), name),
                Side::New,
                format!(
                    "added the {} {direction} property {shown_name}",
                    if is_required { "required" } else { "optional" }
                ),
                vec![field(name), Target::Type(root_type.to_owned())],
            );
        }
        for (name, new_prop) in &new_props {
            let Some(old_prop) = old_props.get(name) else {
                continue;
            };
            let (shown_name, _) = owner(name);
            let at = join(&join(new_at, "properties"), name);
            match (old_required.contains(name), new_required.contains(name)) {
                (false, true) => self.out.push(
                    &format!("{direction}-property-became-required"),
                    op,
                    &at,
                    Side::New,
                    format!("the {direction} property {shown_name} became required"),
                    vec![field(name)],
                ),
                (true, false) => self.out.push(
                    &format!("{direction}-property-became-optional"),
                    op,
                    &at,
                    Side::New,
                    format!("the {direction} property {shown_name} became optional"),
                    vec![field(name)],
                ),
                _ => {}
            }
            let mut inner = path.to_vec();
            inner.push(name.clone());
            let inner_place = Place {
                root_type: root_type.to_owned(),
                ..place.clone()
            };
            self.schema(
                &inner_place,
                &inner,
                (&join(&join(old_at, "properties"), name), old_prop),
                (&at, new_prop),
            );
        }
    }
}
