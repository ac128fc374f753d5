//! The Rust names progenitor 0.15.1 and typify 0.8 give to what a document holds, computed as
//! they compute them, so that two distinct things that would become one name are refused
//! before progenitor runs, naming both pointers.
//!
//! Without this, typify keeps the first type of a name and silently drops the other (an
//! inline request body `MakeThingBody` beside a schema `MakeThingBody`: the client could not
//! send the body's fields), progenitor generates two fields or arguments of one name (a crate
//! that does not compile), or typify panics on two enum values it cannot name apart.
//!
//! [`missing_fields`] checks the generated types against the document afterwards, whatever
//! progenitor chose to emit. What has one obvious new name is renamed before these checks run
//! ([`crate::rename`], [`crate::normalize::taken_by_progenitor`]), and an operation with two
//! parameters of one name is left out unless `--strict` ([`crate::leave_out`]).

use std::collections::{BTreeMap, BTreeSet};

use heck::ToSnakeCase;
use serde_json::Value;

pub use super::rust_names::{argument_name, field_name, type_name, variant_names};
use super::shared::{METHODS, is_extension, is_json};
use crate::problem::{Problem, join};

/// One Rust type that the document makes: its name in `types`, where it comes from, what
/// that is in the document's terms, and its schema.
#[derive(Clone, Debug)]
pub struct Named<'a> {
    /// The type's name in the generated `types` module.
    pub rust: String,
    /// The JSON pointer of the schema it is made from.
    pub at: String,
    /// The schema in the document's terms: `schema "Foo"`, `the request body of operation
    /// "make_thing"`.
    pub what: String,
    /// The schema.
    pub schema: &'a Value,
}

/// Whether typify makes a named type of its own for the inline `schema` (a struct, an enum,
/// a constrained string), rather than a built-in one (`String`, `Vec<…>`, `serde_json::Map`).
fn makes_type(schema: &Value) -> bool {
    let has = |key: &str| schema.get(key).is_some();
    if has("$ref") {
        return false;
    }
    schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty())
        || has("enum")
        || has("oneOf")
        || has("anyOf")
        || schema
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|all| all.len() > 1)
        || has("pattern")
}

/// The JSON node `value` refers to, with its pointer, if `value` is a local `$ref`.
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> Option<(String, &'a Value)> {
    let target = value.get("$ref")?.as_str()?.strip_prefix('#')?;
    Some((target.to_owned(), doc.pointer(target)?))
}

/// `value`, or what its `$ref` chain leads to (bounded, so a cycle cannot hang).
fn item<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    let mut value = value;
    for _ in 0..16 {
        match resolve(doc, value) {
            Some((_, next)) => value = next,
            None => break,
        }
    }
    value
}

/// One operation of the document: where it is, its operationId, its path item and itself.
pub struct Operation<'a> {
    /// `/paths/~1x/get`.
    pub at: String,
    /// Its pointer's path item, `/paths/~1x`.
    pub item_at: String,
    /// Its operationId (`normalize` derived a missing one).
    pub id: &'a str,
    /// The path item.
    pub item: &'a Value,
    /// The operation.
    pub op: &'a Value,
}

/// Every operation with an operationId, in the document's order.
pub fn operations(doc: &Value) -> Vec<Operation<'_>> {
    let mut found = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return found;
    };
    for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
        let item_at = join("/paths", path);
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            found.push(Operation {
                at: join(&item_at, method),
                item_at: item_at.clone(),
                id,
                item,
                op,
            });
        }
    }
    found
}

/// Every named type the document makes: the component schemas first, then the types made for
/// their inline properties and array items, then each operation's parameters, request body
/// and responses, each with the types made for its inline parts.
pub fn named_types<'a>(doc: &'a Value) -> Vec<Named<'a>> {
    let mut found = Vec::new();
    if let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            found.push(Named {
                rust: type_name(name),
                at: join("/components/schemas", name),
                what: format!("schema {name:?}"),
                schema,
            });
        }
        // The types of their inline parts after all of them: a schema's own name comes first.
        for (name, schema) in schemas {
            let at = join("/components/schemas", name);
            nested(
                &type_name(name),
                &at,
                &format!("schema {name:?}"),
                schema,
                &mut found,
            );
        }
    }
    for operation in operations(doc) {
        let id = operation.id;
        let all = parameters(&operation);
        let name_of =
            |parameter: &'a Value| item(doc, parameter).get("name").and_then(Value::as_str);
        let own_prefix = format!("{}/", operation.at);
        for (at, parameter) in &all {
            let parameter = item(doc, parameter);
            let (Some(name), Some(schema)) = (
                parameter.get("name").and_then(Value::as_str),
                parameter.get("schema"),
            ) else {
                continue;
            };
            // progenitor keeps the operation's parameter of a name over the path item's.
            let overridden = !at.starts_with(&own_prefix)
                && all
                    .iter()
                    .any(|(other, p)| other.starts_with(&own_prefix) && name_of(p) == Some(name));
            if overridden {
                continue;
            }
            suggested(
                &type_name(&format!("{id}-{name}")),
                &join(at, "schema"),
                &format!("parameter {name:?} of operation {id:?}"),
                schema,
                &mut found,
            );
        }
        if let Some(body) = operation.op.get("requestBody") {
            let (body_at, body) = match resolve(doc, body) {
                Some((at, body)) => (at, body),
                None => (join(&operation.at, "requestBody"), body),
            };
            // progenitor takes the first media type (`normalize` has left one).
            let first = body
                .get("content")
                .and_then(Value::as_object)
                .and_then(|c| c.iter().next());
            if let Some((media, content)) = first
                && (is_json(media) || media == "application/x-www-form-urlencoded")
                && let Some(schema) = content.get("schema")
            {
                suggested(
                    &type_name(&format!("{id}-body")),
                    &join(&join(&join(&body_at, "content"), media), "schema"),
                    &format!("the request body of operation {id:?}"),
                    schema,
                    &mut found,
                );
            }
        }
        let responses = operation.op.get("responses").and_then(Value::as_object);
        for (status, response) in responses.into_iter().flatten() {
            if is_extension(status) {
                continue;
            }
            let (at, response) = match resolve(doc, response) {
                Some((at, response)) => (at, response),
                None => (join(&join(&operation.at, "responses"), status), response),
            };
            let json = response
                .get("content")
                .and_then(Value::as_object)
                .and_then(|c| c.iter().find(|(media, _)| is_json(media)));
            if let Some((media, content)) = json
                && let Some(schema) = content.get("schema")
            {
                suggested(
                    &type_name(&format!("{id}-response")),
                    &join(&join(&join(&at, "content"), media), "schema"),
                    &format!("the response of operation {id:?}"),
                    schema,
                    &mut found,
                );
            }
        }
    }
    found
}

/// The inline `schema` at `at`, offered the name `name` (its `title` wins, as in typify): the
/// type it makes, if any, and those made for its inline properties and items.
fn suggested<'a>(name: &str, at: &str, what: &str, schema: &'a Value, found: &mut Vec<Named<'a>>) {
    if schema.get("$ref").is_some() {
        return;
    }
    let rust = match schema.get("title").and_then(Value::as_str) {
        Some(title) => type_name(title),
        None => type_name(name),
    };
    if makes_type(schema) {
        found.push(Named {
            rust: rust.clone(),
            at: at.to_owned(),
            what: what.to_owned(),
            schema,
        });
        nested(&rust, at, what, schema, found);
    } else if let Some(items) = schema.get("items") {
        // typify names an array's items after the array's name, sanitized, and `Item`.
        suggested(
            &format!("{rust}Item"),
            &join(at, "items"),
            &format!("the items of {what}"),
            items,
            found,
        );
    }
}

/// The types made for the inline properties of the type `parent` (at `at`, `what` in the
/// document's terms).
fn nested<'a>(parent: &str, at: &str, what: &str, schema: &'a Value, found: &mut Vec<Named<'a>>) {
    let properties = schema.get("properties").and_then(Value::as_object);
    for (name, property) in properties.into_iter().flatten() {
        suggested(
            &format!("{parent}_{}", name.to_snake_case()),
            &join(&join(at, "properties"), name),
            &format!("property {name:?} of {what}"),
            property,
            found,
        );
    }
}

/// The parameters progenitor gives `operation`: its path item's, then its own, each with the
/// pointer where it is written (a `$ref` is located where it is used).
fn parameters<'a>(operation: &Operation<'a>) -> Vec<(String, &'a Value)> {
    let mut found = Vec::new();
    for (holder_at, holder) in [
        (&operation.item_at, operation.item),
        (&operation.at, operation.op),
    ] {
        let list = holder.get("parameters").and_then(Value::as_array);
        for (i, parameter) in list.into_iter().flatten().enumerate() {
            found.push((
                join(&join(holder_at, "parameters"), &i.to_string()),
                parameter,
            ));
        }
    }
    found
}

/// Every schema position in `doc`, with its pointer: component schemas, the schemas of
/// parameters, headers, bodies and responses, and inside each its properties, items,
/// `additionalProperties`, `allOf`/`oneOf`/`anyOf` members and `not`. A `$ref` position is
/// listed, not followed.
pub fn schema_positions(doc: &Value) -> Vec<(String, &Value)> {
    let mut found = Vec::new();
    let mut tops: Vec<(String, &Value)> = Vec::new();
    let components = doc.get("components");
    let section = |name: &'static str| {
        components
            .and_then(|c| c.get(name))
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(move |(key, value)| (join(&join("/components", name), key), value))
    };
    for (at, schema) in section("schemas") {
        walk_schema(&at, schema, &mut found);
    }
    for name in ["parameters", "headers", "requestBodies", "responses"] {
        tops.extend(section(name));
    }
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
            let item_at = join("/paths", path);
            tops.push((item_at.clone(), item));
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    tops.push((join(&item_at, method), op));
                }
            }
        }
    }
    for (at, holder) in tops {
        holder_schemas(&at, holder, &mut found);
    }
    found
}

/// The schemas of a path item, an operation, a parameter, a header, a request body or a
/// response at `at` (whichever keys it has).
fn holder_schemas<'a>(at: &str, holder: &'a Value, found: &mut Vec<(String, &'a Value)>) {
    if holder.get("$ref").is_some() {
        return;
    }
    if let Some(schema) = holder.get("schema") {
        walk_schema(&join(at, "schema"), schema, found);
    }
    for key in ["content", "headers", "responses"] {
        for (name, value) in holder
            .get(key)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(name, _)| key != "responses" || !is_extension(name))
        {
            holder_schemas(&join(&join(at, key), name), value, found);
        }
    }
    if let Some(list) = holder.get("parameters").and_then(Value::as_array) {
        for (i, parameter) in list.iter().enumerate() {
            holder_schemas(
                &join(&join(at, "parameters"), &i.to_string()),
                parameter,
                found,
            );
        }
    }
    if let Some(body) = holder.get("requestBody") {
        holder_schemas(&join(at, "requestBody"), body, found);
    }
}

fn walk_schema<'a>(at: &str, schema: &'a Value, found: &mut Vec<(String, &'a Value)>) {
    if !schema.is_object() {
        return;
    }
    found.push((at.to_owned(), schema));
    if schema.get("$ref").is_some() {
        return;
    }
    for key in ["properties", "patternProperties"] {
        for (name, value) in schema
            .get(key)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            walk_schema(&join(&join(at, key), name), value, found);
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(value) = schema.get(key) {
            walk_schema(&join(at, key), value, found);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for (i, value) in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            walk_schema(&join(&join(at, key), &i.to_string()), value, found);
        }
    }
}

/// Every name collision in `doc` (after `normalize`), each at the later of the two pointers
/// and naming the first.
pub fn lint_names(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    types(file, doc, problems);
    fields_and_variants(file, doc, problems);
    arguments(file, doc, problems);
}

/// Two distinct schemas that become one type name: typify keeps one.
fn types(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    let mut first: BTreeMap<&str, &Named<'_>> = BTreeMap::new();
    let named = named_types(doc);
    for this in &named {
        let Some(earlier) = first.get(this.rust.as_str()) else {
            first.insert(&this.rust, this);
            continue;
        };
        // The same schema met twice (a body `$ref`'d by two operations) is one type.
        if earlier.at == this.at || earlier.schema == this.schema {
            continue;
        }
        problems.push(Problem::at(
            file,
            this.at.clone(),
            format!(
                "{} becomes the Rust type `types::{}`, as does {} ({}): rename one (a `title` \
                 names an inline schema's type): progenitor would drop one without a word, or \
                 generate two types of one name",
                this.what, this.rust, earlier.what, earlier.at
            ),
        ));
    }
}

/// Two properties of one schema that become one field; two values of one enum that become
/// one variant.
fn fields_and_variants(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    for (at, schema) in schema_positions(doc) {
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            let mut first: BTreeMap<String, &str> = BTreeMap::new();
            for name in properties.keys() {
                let rust = field_name(name);
                match first.get(&rust) {
                    None => {
                        first.insert(rust, name);
                    }
                    Some(earlier) => {
                        let properties_at = join(&at, "properties");
                        problems.push(Problem::at(
                            file,
                            join(&properties_at, name),
                            format!(
                                "property {name:?} becomes the Rust field `{rust}`, as does \
                                 property {earlier:?} ({}): rename one",
                                join(&properties_at, earlier)
                            ),
                        ));
                    }
                }
            }
        }
        let Some(values) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        // typify names the variants of a string enum (a null is the enum's `Option`).
        let strings: Vec<(usize, &str)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_str().map(|s| (i, s)))
            .collect();
        if strings.len() + values.iter().filter(|v| v.is_null()).count() != values.len() {
            continue;
        }
        let names = variant_names(&strings.iter().map(|(_, s)| *s).collect::<Vec<_>>());
        let mut first: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
        for ((i, value), name) in strings.iter().zip(&names) {
            match first.get(name.as_str()) {
                None => {
                    first.insert(name, (*i, value));
                }
                Some((j, earlier)) => {
                    let enum_at = join(&at, "enum");
                    problems.push(Problem::at(
                        file,
                        join(&enum_at, &i.to_string()),
                        format!(
                            "enum value {value:?} becomes the Rust variant `{name}`, as does \
                             {earlier:?} ({}): rename one",
                            join(&enum_at, &j.to_string())
                        ),
                    ));
                }
            }
        }
    }
}

/// Two operationIds that become one method; the [`parameter_problems`] of each operation.
fn arguments(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    let mut methods: BTreeMap<String, (&str, String)> = BTreeMap::new();
    for operation in operations(doc) {
        let id_at = join(&operation.at, "operationId");
        let method = argument_name(operation.id);
        match methods.get(&method) {
            None => {
                methods.insert(method, (operation.id, id_at));
            }
            // The same operationId twice is `lint`'s "duplicate operationId".
            Some((earlier, _)) if *earlier == operation.id => {}
            Some((earlier, earlier_at)) => problems.push(Problem::at(
                file,
                id_at,
                format!(
                    "operationId {:?} becomes the Rust method `Client::{method}`, as does \
                     operationId {earlier:?} ({earlier_at}): rename one",
                    operation.id
                ),
            )),
        }
        problems.extend(parameter_problems(file, doc, &operation));
    }
}

/// Two parameters of `operation` that become one argument (or one name in two places, which
/// progenitor takes for an override), or a parameter named like its builder's own methods:
/// each a problem at the later parameter. An operation with one can still be left out of the
/// client ([`crate::leave_out`]).
pub fn parameter_problems(file: &str, doc: &Value, operation: &Operation<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut by_name: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    let mut by_api_name: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (at, parameter) in parameters(operation) {
        let parameter = item(doc, parameter);
        let Some(name) = parameter.get("name").and_then(Value::as_str) else {
            continue;
        };
        let place = parameter.get("in").and_then(Value::as_str).unwrap_or("");
        // The same name in the same place on the operation overrides the path item's.
        if let Some((earlier_place, earlier_at)) = by_api_name.get(name) {
            let overrides = earlier_place == place
                && earlier_at.starts_with(&format!("{}/", operation.item_at))
                && !earlier_at.starts_with(&format!("{}/", operation.at))
                && at.starts_with(&format!("{}/", operation.at));
            if !overrides {
                problems.push(Problem::at(
                    file,
                    at.clone(),
                    format!(
                        "parameter {name:?} (in {place}) becomes the Rust argument `{}` of \
                         operation {:?}, as does parameter {name:?} (in {earlier_place}) \
                         ({earlier_at}): rename one",
                        argument_name(name),
                        operation.id
                    ),
                ));
            }
            continue;
        }
        by_api_name.insert(name.to_owned(), (place.to_owned(), at.clone()));
        let rust = argument_name(name);
        // Names the builder already has: its own methods, and the body's.
        let has_body = operation.op.get("requestBody").is_some_and(|body| {
            item(doc, body)
                .get("content")
                .and_then(Value::as_object)
                .is_some_and(|c| !c.is_empty())
        });
        let taken = match rust.as_str() {
            "new" | "send" => Some(format!("its builder's own method `{rust}`")),
            "body" | "body_map" if has_body => Some(format!(
                "its request body's builder method ({}/requestBody)",
                operation.at
            )),
            _ => None,
        };
        if let Some(taken) = taken {
            problems.push(Problem::at(
                file,
                at.clone(),
                format!(
                    "parameter {name:?} becomes the Rust argument `{rust}` of operation \
                     {:?}, as does {taken}: rename the parameter",
                    operation.id
                ),
            ));
        }
        match by_name.get(&rust) {
            None => {
                by_name.insert(rust, (name.to_owned(), place.to_owned(), at));
            }
            Some((earlier, _, earlier_at)) => problems.push(Problem::at(
                file,
                at.clone(),
                format!(
                    "parameter {name:?} becomes the Rust argument `{rust}` of operation \
                     {:?}, as does parameter {earlier:?} ({earlier_at}): rename one",
                    operation.id
                ),
            )),
        }
    }
    problems
}

/// Each named type of `doc` that the generated `syntax` has as a struct lacking a field for
/// one of the schema's properties: what typify dropped, whatever the reason (another schema
/// took its name). A problem at the schema, naming the properties.
pub fn missing_fields(file: &str, doc: &Value, syntax: &syn::File) -> Vec<Problem> {
    let mut structs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for item in &syntax.items {
        if let syn::Item::Mod(module) = item
            && module.ident == "types"
            && let Some((_, items)) = &module.content
        {
            for item in items {
                if let syn::Item::Struct(s) = item
                    && let syn::Fields::Named(fields) = &s.fields
                {
                    let names = fields.named.iter().filter_map(wire_name).collect();
                    structs.insert(s.ident.to_string(), names);
                }
            }
        }
    }
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for named in named_types(doc) {
        let Some(fields) = structs.get(&named.rust) else {
            continue;
        };
        let Some(properties) = named.schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        let missing: Vec<&str> = properties
            .iter()
            .filter(|(name, schema)| **schema != Value::Bool(false) && !fields.contains(*name))
            .map(|(name, _)| name.as_str())
            .collect();
        if missing.is_empty() || !seen.insert(named.at.clone()) {
            continue;
        }
        problems.push(Problem::at(
            file,
            named.at.clone(),
            format!(
                "{} has {}, which the generated `types::{}` lacks: another type of that name was \
                 generated in its place",
                named.what,
                missing
                    .iter()
                    .map(|m| format!("property {m:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                named.rust
            ),
        ));
    }
    problems
}

/// The name a generated field has on the wire: its `#[serde(rename = "…")]`, else its
/// identifier (without `r#`).
fn wire_name(field: &syn::Field) -> Option<String> {
    let mut renamed = None;
    for attr in &field.attrs {
        if !attr.path().is_ident("serde") {
            continue;
        }
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let value: syn::LitStr = meta.value()?.parse()?;
                renamed = Some(value.value());
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    renamed.or_else(|| {
        field.ident.as_ref().map(|i| {
            let name = i.to_string();
            name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
        })
    })
}
