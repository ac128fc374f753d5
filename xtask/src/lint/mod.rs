//! Checks a spec, after [`crate::normalize`] has made its shapes fit, for what progenitor
//! 0.15.1 still rejects or panics on, before progenitor sees it.
//!
//! Each rule reports a [`Problem`] at the JSON pointer where the fix belongs. The names things
//! become in Rust are checked in [`names`] (computed in [`rust_names`]), unknown fields in
//! [`fields`], an `allOf` that merges a schema into itself in [`all_of`].
//!
//! The imports go one way: this entry ([`lint`], [`check_ref_kinds`]) uses `names`,
//! `fields` and `all_of`; they use `shared` (the HTTP methods, extension keys, JSON media
//! types, how a value is shown) and `rust_names`, never this module or each other.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::problem::{Problem, join};
use crate::refs::Keys;

pub mod all_of;
pub mod fields;
pub mod names;
pub mod rust_names;
mod shared;

pub use shared::{METHODS, is_extension, is_json};

/// Returns every problem in `doc` (parsed from `file`), sorted and without repeats.
pub fn lint(file: &str, doc: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_refs(file, doc, "", doc, &mut problems);
    check_operations(file, doc, &mut problems);
    names::lint_names(file, doc, &mut problems);
    all_of::check(file, doc, &mut problems);
    problems.sort();
    problems.dedup();
    problems
}

/// Every `$ref` must be local (`#/…`) and point at something that exists. `$ref` keys in
/// data (examples, defaults, enum values, extensions) and property names spelt `$ref` are
/// not references.
fn check_refs(file: &str, doc: &Value, at: &str, node: &Value, problems: &mut Vec<Problem>) {
    walk_refs(file, doc, at, node, Keys::Keywords, problems);
}

fn walk_refs(
    file: &str,
    doc: &Value,
    at: &str,
    node: &Value,
    keys: Keys,
    problems: &mut Vec<Problem>,
) {
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                let here = join(at, key);
                let Some(inner) = keys.of(at, key, value) else {
                    continue;
                };
                let names = !keys.has_refs();
                if !names && key == "$ref" && !value.is_string() {
                    problems.push(Problem::at(
                        file,
                        here,
                        format!(
                            "a `$ref` must be a string (`#/components/…`), not {}",
                            shared::shown(value)
                        ),
                    ));
                    continue;
                }
                if !names && let ("$ref", Some(target)) = (key.as_str(), value.as_str()) {
                    if resolve_ref(doc, target).is_none() {
                        problems.push(Problem::at(
                            file,
                            here,
                            format!("unresolved $ref {target:?}"),
                        ));
                    } else if let Some(cycle) = ref_cycle(doc, at, target) {
                        problems.push(Problem::at(
                            file,
                            here,
                            format!("$ref cycle {}: it names nothing", cycle.join(" → ")),
                        ));
                    }
                    continue;
                }
                walk_refs(file, doc, &here, value, inner, problems);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_refs(file, doc, &join(at, &i.to_string()), item, keys, problems);
            }
        }
        _ => {}
    }
}

/// Every `$ref` must name a component of the kind its position holds: in a schema position
/// (a schema, its properties, items, `allOf`/`oneOf`/`anyOf` members, `additionalProperties`,
/// `not`) `#/components/schemas/<name>`, in a response's place `#/components/responses/<name>`,
/// and so on for parameters, request bodies and headers. progenitor 0.15.1 and typify 0.8 read
/// only a reference's last segment in its own section, so `#/components/responses/Error` as a
/// schema would silently be the schema `Error`, or make progenitor panic when there is none.
/// Run on the document as written (before `normalize` moves schemas), so that each problem is
/// where the `$ref` is.
pub fn check_ref_kinds(file: &str, doc: &Value) -> Vec<Problem> {
    let mut positions: Vec<(String, &str, &Value)> = names::schema_positions(doc)
        .into_iter()
        .map(|(at, schema)| (at, "schemas", schema))
        .collect();
    positions.extend(holder_positions(doc));
    let mut problems = Vec::new();
    for (at, section, node) in positions {
        let Some(target) = node.get("$ref").and_then(Value::as_str) else {
            continue;
        };
        let Some(pointer) = target.strip_prefix('#') else {
            continue;
        };
        let Some(found) = doc.pointer(pointer) else {
            // `check_refs` reports it as unresolved.
            continue;
        };
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        if matches!(tokens.as_slice(), ["components", s, _] if *s == section) {
            continue;
        }
        let wanted = component_kind(section).unwrap_or(section);
        let is = match tokens.as_slice() {
            ["components", kind, _] => match component_kind(kind) {
                Some(kind) => format!("is {kind}, not {wanted}"),
                None => format!("is in components/{kind}, not {wanted}"),
            },
            ["components", kind, _, ..] => match component_kind(kind) {
                Some(kind) => format!("points inside {kind}"),
                None => format!("points inside components/{kind}"),
            },
            _ => "names no component".to_owned(),
        };
        // What to write instead, when a schema position names a thing that holds one schema.
        let instead = (section == "schemas")
            .then(|| {
                found
                    .get("content")
                    .and_then(Value::as_object)
                    .and_then(|c| c.iter().find(|(media, _)| is_json(media)))
                    .and_then(|(_, media)| media.get("schema"))
                    .or_else(|| found.get("schema"))
                    .and_then(|s| s.get("$ref"))
                    .and_then(Value::as_str)
            })
            .flatten()
            .map(|schema| format!(" (its JSON schema is {schema})"))
            .unwrap_or_default();
        problems.push(Problem::at(
            file,
            join(&at, "$ref"),
            format!(
                "$ref {target:?} {is}{instead}: {wanted} may only refer to \
                 #/components/{section}/<name>"
            ),
        ));
    }
    problems
}

/// What a component in `components/<section>` is, in words.
fn component_kind(section: &str) -> Option<&'static str> {
    Some(match section {
        "schemas" => "a schema",
        "responses" => "a response",
        "parameters" => "a parameter",
        "requestBodies" => "a request body",
        "headers" => "a header",
        "examples" => "an example",
        "securitySchemes" => "a security scheme",
        "links" => "a link",
        "callbacks" => "a callback",
        _ => return None,
    })
}

/// The places of `doc` that hold a parameter, a request body, a response or a header (which
/// may be a `$ref` to one), with the components section such a `$ref` must name.
fn holder_positions(doc: &Value) -> Vec<(String, &'static str, &Value)> {
    let mut found = Vec::new();
    let mut responses: Vec<(String, &Value)> = Vec::new();
    let components = doc.get("components");
    for (section, list) in [
        ("parameters", "parameters"),
        ("requestBodies", "requestBodies"),
        ("responses", "responses"),
        ("headers", "headers"),
    ] {
        let map = components
            .and_then(|c| c.get(list))
            .and_then(Value::as_object);
        for (name, value) in map.into_iter().flatten() {
            let at = join(&join("/components", list), name);
            if section == "responses" {
                responses.push((at.clone(), value));
            }
            found.push((at, section, value));
        }
    }
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
            let item_at = join("/paths", path);
            let mut holders = vec![(item_at.clone(), item)];
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    holders.push((join(&item_at, method), op));
                }
            }
            for (at, holder) in holders {
                let list = holder.get("parameters").and_then(Value::as_array);
                for (i, parameter) in list.into_iter().flatten().enumerate() {
                    found.push((
                        join(&join(&at, "parameters"), &i.to_string()),
                        "parameters",
                        parameter,
                    ));
                }
                if let Some(body) = holder.get("requestBody") {
                    found.push((join(&at, "requestBody"), "requestBodies", body));
                }
                let map = holder.get("responses").and_then(Value::as_object);
                for (status, response) in map.into_iter().flatten() {
                    if is_extension(status) {
                        continue;
                    }
                    let response_at = join(&join(&at, "responses"), status);
                    responses.push((response_at.clone(), response));
                    found.push((response_at, "responses", response));
                }
            }
        }
    }
    for (at, response) in responses {
        if response.get("$ref").is_some() {
            continue;
        }
        let map = response.get("headers").and_then(Value::as_object);
        for (name, header) in map.into_iter().flatten() {
            found.push((join(&join(&at, "headers"), name), "headers", header));
        }
    }
    found
}

/// The cycle, from `holder` back to it, when the `$ref` in the node at `holder` leads only
/// through nodes that are a `$ref` (its siblings are ignored) back to `holder`: such a chain
/// names no schema or response at all. A cycle that `holder` only leads into is reported at
/// the `$ref`s in it.
fn ref_cycle(doc: &Value, holder: &str, target: &str) -> Option<Vec<String>> {
    let mut chain = vec![holder.to_owned()];
    let mut target = target;
    loop {
        let pointer = target.strip_prefix('#')?;
        if pointer == holder {
            chain.push(holder.to_owned());
            return Some(chain);
        }
        if chain.iter().any(|seen| seen == pointer) {
            return None;
        }
        chain.push(pointer.to_owned());
        target = doc.pointer(pointer)?.get("$ref")?.as_str()?;
    }
}

/// Resolves a local reference such as `#/components/schemas/Error`.
fn resolve_ref<'a>(doc: &'a Value, target: &str) -> Option<&'a Value> {
    target.strip_prefix('#').and_then(|p| doc.pointer(p))
}

/// Follows `$ref` chains (bounded, so a cycle cannot hang) and returns the node and its pointer.
fn follow<'a>(doc: &'a Value, pointer: String, node: &'a Value) -> (String, &'a Value) {
    let (mut pointer, mut node) = (pointer, node);
    for _ in 0..16 {
        let Some(target) = node.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(next) = resolve_ref(doc, target) else {
            break;
        };
        pointer = target.trim_start_matches('#').to_owned();
        node = next;
    }
    (pointer, node)
}

fn check_operations(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return;
    };
    let mut first_use: BTreeMap<&str, String> = BTreeMap::new();
    for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
        let item_at = join("/paths", path);
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let op_at = join(&item_at, method);
            // A missing operationId was derived by `normalize`.
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                if let Some(first) = first_use.get(id) {
                    problems.push(Problem::at(
                        file,
                        join(&op_at, "operationId"),
                        format!("duplicate operationId {id:?} (first used at {first})"),
                    ));
                } else {
                    first_use.insert(id, op_at.clone());
                }
            }
            if let Some(body) = op.get("requestBody") {
                let (body_at, body) = follow(doc, join(&op_at, "requestBody"), body);
                check_json_schemas(file, &body_at, body, problems);
            }
            check_responses(file, doc, &op_at, op, problems);
        }
    }
}

/// `application/json` (with or without parameters) must carry a schema.
fn check_json_schemas(file: &str, at: &str, holder: &Value, problems: &mut Vec<Problem>) {
    let Some(content) = holder.get("content").and_then(Value::as_object) else {
        return;
    };
    for (media, body) in content {
        if is_json(media) && body.get("schema").is_none() {
            problems.push(Problem::at(
                file,
                join(&join(at, "content"), media),
                "application/json without a schema",
            ));
        }
    }
}

fn check_responses(file: &str, doc: &Value, op_at: &str, op: &Value, problems: &mut Vec<Problem>) {
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        return;
    };
    let responses_at = join(op_at, "responses");
    for (status, response) in responses.iter().filter(|(s, _)| !is_extension(s)) {
        let (at, response) = follow(doc, join(&responses_at, status), response);
        check_json_schemas(file, &at, response, problems);
    }
}
