//! OpenAPI 3.0 schemas: conversion to JSON Schema (draft 4) and walks over the OpenAPI form.

use std::collections::{BTreeSet, HashSet};

use serde_json::{Map, Value, json};

use super::text::escape;
use super::{SpecError, invalid};

/// Where the converted `components/schemas` live inside each compiled body schema.
const DEFINITIONS: &str = "definitions";
/// The prefix of every `$ref` that a schema may use.
const SCHEMAS: &str = "#/components/schemas/";
/// The `format` that marks a value hidden ([`is_hidden`]).
const HIDDEN_FORMAT: &str = "password";
/// More `$ref` hops than this in one chain is treated as a cycle.
const MAX_REF_HOPS: usize = 64;

/// Keywords that OpenAPI 3.0 adds to a schema and that JSON Schema does not know or reads
/// differently; `nullable` is translated, the others are dropped.
const OPENAPI_ONLY: &[&str] = &[
    "nullable",
    "discriminator",
    "xml",
    "externalDocs",
    "deprecated",
    "readOnly",
    "writeOnly",
    "example",
];

/// Compiles the request-body schema at `pointer` (an OpenAPI 3.0 schema of `doc`).
///
/// OpenAPI 3.0 schemas are a dialect of JSON Schema draft 4 (boolean `exclusiveMinimum`,
/// `$ref` siblings ignored), so they are validated as draft 4 after conversion: `$ref`s to
/// `#/components/schemas/X` become `#/definitions/X` with the converted components embedded,
/// `nullable: true` admits `null`, the formats `int32` and `int64` bound the value to signed
/// 32 and 64 bits, and OpenAPI-only keywords are dropped.
pub(super) fn compile(
    doc: &Value,
    schema: &Value,
    pointer: &str,
) -> Result<jsonschema::Validator, SpecError> {
    let body = convert(doc, schema, pointer)?;
    let mut definitions = Map::new();
    // Only a schema with a `$ref` needs the components: most parameters' schemas have none,
    // and converting every component again for each of them made `Spec::new` slow.
    if let Some(schemas) = doc
        .pointer("/components/schemas")
        .filter(|_| has_ref(&body))
    {
        let schemas = schemas
            .as_object()
            .ok_or_else(|| invalid("/components/schemas", "is not a map"))?;
        for (name, component) in schemas {
            let at = format!("/components/schemas/{}", escape(name));
            definitions.insert(name.clone(), convert(doc, component, &at)?);
        }
    }
    let root = json!({ DEFINITIONS: definitions, "allOf": [body] });
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&root)
        .map_err(|error| invalid(pointer, format!("the schema does not compile: {error}")))
}

/// Whether a converted schema refers to a component anywhere.
fn has_ref(schema: &Value) -> bool {
    match schema {
        Value::Object(object) => object.contains_key("$ref") || object.values().any(has_ref),
        Value::Array(items) => items.iter().any(has_ref),
        _ => false,
    }
}

/// Converts one OpenAPI 3.0 schema to JSON Schema draft 4.
fn convert(doc: &Value, schema: &Value, at: &str) -> Result<Value, SpecError> {
    let object = schema
        .as_object()
        .ok_or_else(|| invalid(at, "a schema must be an object"))?;
    if let Some(reference) = object.get("$ref") {
        // OpenAPI 3.0: the siblings of a `$ref` are ignored.
        let target = schema_ref(doc, reference, at)?;
        return Ok(json!({ "$ref": format!("#/{DEFINITIONS}/{target}") }));
    }
    let mut out = Map::new();
    for (key, value) in object {
        let child = format!("{at}/{}", escape(key));
        let converted = match key.as_str() {
            "properties" => {
                let properties = value
                    .as_object()
                    .ok_or_else(|| invalid(&child, "is not a map"))?;
                let mut converted = Map::new();
                for (name, property) in properties {
                    let at = format!("{child}/{}", escape(name));
                    converted.insert(name.clone(), convert(doc, property, &at)?);
                }
                Value::Object(converted)
            }
            "items" | "not" => convert(doc, value, &child)?,
            "additionalProperties" if value.is_object() => convert(doc, value, &child)?,
            "allOf" | "anyOf" | "oneOf" => {
                let members = value
                    .as_array()
                    .ok_or_else(|| invalid(&child, "is not a list"))?;
                let mut converted = Vec::with_capacity(members.len());
                for (index, member) in members.iter().enumerate() {
                    converted.push(convert(doc, member, &format!("{child}/{index}"))?);
                }
                Value::Array(converted)
            }
            "required" => Value::Array(required_in_requests(object, value)),
            key if OPENAPI_ONLY.contains(&key) || key.starts_with("x-") => continue,
            _ => value.clone(),
        };
        out.insert(key.clone(), converted);
    }
    let converted = if object.get("nullable") == Some(&Value::Bool(true)) {
        nullable(out)
    } else {
        Value::Object(out)
    };
    // JSON Schema knows no `int32`/`int64` format: their bounds join the schema's own.
    Ok(
        match object
            .get("format")
            .and_then(Value::as_str)
            .and_then(bounds)
        {
            Some((minimum, maximum)) => {
                json!({ "allOf": [converted, { "minimum": minimum, "maximum": maximum }] })
            }
            None => converted,
        },
    )
}

/// The bounds of OpenAPI's integer formats: `int32` and `int64` are signed 32 and 64 bits.
fn bounds(format: &str) -> Option<(i64, i64)> {
    match format {
        "int32" => Some((i32::MIN.into(), i32::MAX.into())),
        "int64" => Some((i64::MIN, i64::MAX)),
        _ => None,
    }
}

/// The `required` list less the properties marked `readOnly` (required in responses only).
fn required_in_requests(object: &Map<String, Value>, required: &Value) -> Vec<Value> {
    let read_only = |name: &str| {
        object
            .get("properties")
            .and_then(|properties| properties.get(name))
            .and_then(|property| property.get("readOnly"))
            == Some(&Value::Bool(true))
    };
    required
        .as_array()
        .into_iter()
        .flatten()
        .filter(|name| !name.as_str().is_some_and(read_only))
        .cloned()
        .collect()
}

/// `nullable: true`: `null` joins the type (and the enum); a schema without a type that
/// composes others is wrapped so that `null` passes too.
fn nullable(mut schema: Map<String, Value>) -> Value {
    match schema.get_mut("type") {
        Some(Value::String(name)) => {
            let name = std::mem::take(name);
            schema.insert("type".to_owned(), json!([name, "null"]));
        }
        Some(_) => {}
        None => {
            let composes = ["allOf", "anyOf", "oneOf", "not"]
                .iter()
                .any(|key| schema.contains_key(*key));
            if composes {
                return json!({ "anyOf": [{ "type": "null" }, Value::Object(schema)] });
            }
        }
    }
    if let Some(Value::Array(values)) = schema.get_mut("enum")
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    Value::Object(schema)
}

/// The part of a schema `$ref` after `#/components/schemas/`, checked to point somewhere.
fn schema_ref<'a>(doc: &Value, reference: &'a Value, at: &str) -> Result<&'a str, SpecError> {
    let text = reference
        .as_str()
        .ok_or_else(|| invalid(at, "$ref is not a string"))?;
    let target = text.strip_prefix(SCHEMAS).ok_or_else(|| {
        invalid(
            at,
            format!("$ref {text:?} does not point into {SCHEMAS} (the only place supported)"),
        )
    })?;
    follow(doc, text, at)?;
    Ok(target)
}

/// Follows a chain of local `$ref`s (`#/...`) from `value` to the object it stands for.
pub(super) fn resolve<'a>(
    doc: &'a Value,
    value: &'a Value,
    at: &str,
) -> Result<&'a Value, SpecError> {
    match value.get("$ref") {
        None => Ok(value),
        Some(reference) => {
            let text = reference
                .as_str()
                .ok_or_else(|| invalid(at, "$ref is not a string"))?;
            follow(doc, text, at)
        }
    }
}

/// The object that the local `$ref` `text` stands for, following further `$ref`s.
fn follow<'a>(doc: &'a Value, text: &str, at: &str) -> Result<&'a Value, SpecError> {
    let mut text = text.to_owned();
    for _ in 0..MAX_REF_HOPS {
        let pointer = text.strip_prefix('#').ok_or_else(|| {
            invalid(
                at,
                format!("$ref {text:?} is not local (only #/... is supported)"),
            )
        })?;
        let target = doc
            .pointer(pointer)
            .ok_or_else(|| invalid(at, format!("$ref {text:?} points nowhere")))?;
        match target.get("$ref") {
            None => return Ok(target),
            Some(next) => {
                text = next
                    .as_str()
                    .ok_or_else(|| invalid(at, "$ref is not a string"))?
                    .to_owned();
            }
        }
    }
    Err(invalid(
        at,
        format!("$ref {text:?} starts a cycle of $refs"),
    ))
}

/// The schema objects that together constrain a value: `schemas` with their `$ref`s
/// resolved and their `allOf`/`anyOf`/`oneOf` members, each once. Broken `$ref`s are skipped
/// (they were reported when the spec was loaded).
fn expand<'a>(doc: &'a Value, schemas: &[&'a Value]) -> Vec<&'a Map<String, Value>> {
    let mut seen = HashSet::new();
    let mut members = Vec::new();
    let mut stack: Vec<&Value> = schemas.iter().rev().copied().collect();
    while let Some(schema) = stack.pop() {
        let Ok(schema) = resolve(doc, schema, "") else {
            continue;
        };
        let Some(object) = schema.as_object() else {
            continue;
        };
        if !seen.insert(std::ptr::from_ref(object)) {
            continue;
        }
        members.push(object);
        for key in ["oneOf", "anyOf", "allOf"] {
            if let Some(Value::Array(parts)) = object.get(key) {
                stack.extend(parts.iter().rev());
            }
        }
    }
    members
}

/// JSON pointers of the object fields in `instance` that `schemas` do not declare.
///
/// A field is declared when any of the schemas (with their compositions) lists it in
/// `properties`. An object whose schemas list no `properties` at all is free-form, and
/// `additionalProperties: true` or a schema opens it too; otherwise an unlisted field is
/// reported even where `additionalProperties` is left unspecified.
pub(super) fn undeclared_fields(
    doc: &Value,
    schemas: &[&Value],
    instance: &Value,
    pointer: &str,
    out: &mut Vec<String>,
) {
    let members = expand(doc, schemas);
    match instance {
        Value::Object(fields) => {
            let listed = members.iter().any(|m| m.contains_key("properties"));
            let any_extra = members
                .iter()
                .any(|m| m.get("additionalProperties") == Some(&Value::Bool(true)));
            let extra = extra_schemas(&members);
            for (name, value) in fields {
                let child = format!("{pointer}/{}", escape(name));
                let declaring = declaring(&members, name);
                if !declaring.is_empty() {
                    undeclared_fields(doc, &declaring, value, &child, out);
                } else if !extra.is_empty() {
                    undeclared_fields(doc, &extra, value, &child, out);
                } else if listed && !any_extra {
                    out.push(child);
                }
            }
        }
        Value::Array(values) => {
            let items = item_schemas(&members);
            if !items.is_empty() {
                for (index, value) in values.iter().enumerate() {
                    undeclared_fields(doc, &items, value, &format!("{pointer}/{index}"), out);
                }
            }
        }
        _ => {}
    }
}

/// Whether a (resolved) schema marks its value hidden: `format: password`, OpenAPI's mark for
/// a value that a user interface obscures.
pub(super) fn is_hidden(schema: &Map<String, Value>) -> bool {
    schema.get("format").and_then(Value::as_str) == Some(HIDDEN_FORMAT)
}

/// Replaces with `blank` every value in `instance` whose schemas (with their compositions)
/// mark it hidden ([`is_hidden`]), following `properties`, `additionalProperties` and `items`
/// as [`undeclared_fields`] does.
pub(super) fn blank_hidden(doc: &Value, schemas: &[&Value], instance: &mut Value, blank: &str) {
    let members = expand(doc, schemas);
    if members.iter().any(|m| is_hidden(m)) {
        *instance = Value::String(blank.to_owned());
        return;
    }
    match instance {
        Value::Object(fields) => {
            let extra = extra_schemas(&members);
            for (name, value) in fields.iter_mut() {
                let declaring = declaring(&members, name);
                let schemas = if declaring.is_empty() {
                    &extra
                } else {
                    &declaring
                };
                blank_hidden(doc, schemas, value, blank);
            }
        }
        Value::Array(values) => {
            let items = item_schemas(&members);
            for value in values {
                blank_hidden(doc, &items, value, blank);
            }
        }
        _ => {}
    }
}

/// The schemas in `members` that declare the field `name` (in `properties`).
fn declaring<'a>(members: &[&'a Map<String, Value>], name: &str) -> Vec<&'a Value> {
    members
        .iter()
        .filter_map(|m| m.get("properties")?.get(name))
        .collect()
}

/// The schemas in `members` that any other field of an object takes (`additionalProperties`
/// given as a schema).
fn extra_schemas<'a>(members: &[&'a Map<String, Value>]) -> Vec<&'a Value> {
    members
        .iter()
        .filter_map(|m| m.get("additionalProperties"))
        .filter(|schema| schema.is_object())
        .collect()
}

/// The schemas in `members` that each item of an array takes (`items`).
fn item_schemas<'a>(members: &[&'a Map<String, Value>]) -> Vec<&'a Value> {
    members.iter().filter_map(|m| m.get("items")).collect()
}

/// Whether any object reachable from `schema` has a property that is not required.
pub(super) fn has_optional_field(doc: &Value, schema: &Value) -> bool {
    let mut seen = HashSet::new();
    let mut stack = vec![schema];
    while let Some(schema) = stack.pop() {
        let members = expand(doc, &[schema]);
        let Some(first) = members.first() else {
            continue;
        };
        if !seen.insert(std::ptr::from_ref(*first)) {
            continue;
        }
        let mut properties = BTreeSet::new();
        let mut required = BTreeSet::new();
        for member in &members {
            if let Some(Value::Object(listed)) = member.get("properties") {
                properties.extend(listed.keys().map(String::as_str));
                stack.extend(listed.values());
            }
            if let Some(Value::Array(names)) = member.get("required") {
                required.extend(names.iter().filter_map(Value::as_str));
            }
            for key in ["items", "additionalProperties"] {
                if let Some(child) = member.get(key).filter(|child| child.is_object()) {
                    stack.push(child);
                }
            }
        }
        if !properties.is_subset(&required) {
            return true;
        }
    }
    false
}
