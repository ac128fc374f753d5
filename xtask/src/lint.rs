//! Checks a spec, after [`crate::normalize`] has made its shapes fit, for what progenitor
//! 0.15.1 still rejects or panics on, before progenitor sees it.
//!
//! Each rule reports a [`Problem`] at the JSON pointer where the fix belongs.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::problem::{Problem, join};

/// The HTTP methods an OpenAPI 3.0 path item may hold, in the order the spec lists them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Returns every problem in `doc` (parsed from `file`), sorted and without repeats.
pub fn lint(file: &str, doc: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_refs(file, doc, "", doc, &mut problems);
    check_operations(file, doc, &mut problems);
    problems.sort();
    problems.dedup();
    problems
}

/// Every `$ref` must be local (`#/…`) and point at something that exists.
fn check_refs(file: &str, doc: &Value, at: &str, node: &Value, problems: &mut Vec<Problem>) {
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                let here = join(at, key);
                if let ("$ref", Some(target)) = (key.as_str(), value.as_str()) {
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
                check_refs(file, doc, &here, value, problems);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_refs(file, doc, &join(at, &i.to_string()), item, problems);
            }
        }
        _ => {}
    }
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
    for (path, item) in paths {
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

/// Whether progenitor reads `media` as JSON.
pub fn is_json(media: &str) -> bool {
    media == "application/json" || media.starts_with("application/json;")
}

fn check_responses(file: &str, doc: &Value, op_at: &str, op: &Value, problems: &mut Vec<Problem>) {
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        return;
    };
    let responses_at = join(op_at, "responses");
    for (status, response) in responses {
        let (at, response) = follow(doc, join(&responses_at, status), response);
        check_json_schemas(file, &at, response, problems);
    }
}
