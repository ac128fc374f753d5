//! Checks a spec for what progenitor 0.15.1 rejects or panics on, before progenitor sees it.
//!
//! Each rule reports a [`Problem`] at the JSON pointer where the fix belongs.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::problem::{Problem, join};

/// The HTTP methods an OpenAPI 3.0 path item may hold, in the order the spec lists them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Returns every problem in `doc` (parsed from `file`), sorted and without repeats.
pub fn lint(file: &str, doc: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_version(file, doc, &mut problems);
    check_refs(file, doc, "", doc, &mut problems);
    check_operations(file, doc, &mut problems);
    problems.sort();
    problems.dedup();
    problems
}

fn check_version(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    match doc.get("openapi").and_then(Value::as_str) {
        Some(v) if v.trim().starts_with("3.0.") => {}
        Some(v) => problems.push(Problem::at(
            file,
            "/openapi",
            format!("OpenAPI version {v:?} is not 3.0.x (progenitor 0.15.1 reads only 3.0.x)"),
        )),
        None => problems.push(Problem::at(
            file,
            "/openapi",
            "missing OpenAPI version (expected 3.0.x)",
        )),
    }
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
            match op.get("operationId").and_then(Value::as_str) {
                None => problems.push(Problem::at(file, &op_at, "missing operationId")),
                Some(id) => {
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

fn is_json(media: &str) -> bool {
    media == "application/json" || media.starts_with("application/json;")
}

/// Which kind of value progenitor decodes a response into: it allows one kind per
/// operation among the success responses and one among the error responses.
fn response_kind(response: &Value) -> String {
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return "no content".to_owned();
    };
    if let Some((_, media)) = content.iter().find(|(m, _)| is_json(m)) {
        return match media.get("schema") {
            Some(schema) => match schema.get("$ref").and_then(Value::as_str) {
                Some(target) => target.to_owned(),
                None => format!("inline schema {schema}"),
            },
            None => "application/json without a schema".to_owned(),
        };
    }
    match content.keys().next() {
        Some(media) => format!("untyped {media}"),
        None => "no content".to_owned(),
    }
}

fn check_responses(file: &str, doc: &Value, op_at: &str, op: &Value, problems: &mut Vec<Problem>) {
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        return;
    };
    let responses_at = join(op_at, "responses");
    // status → kind, split into the success and error sides as progenitor splits them
    // (`default` belongs to both).
    let mut success: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut error: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (status, response) in responses {
        let (at, response) = follow(doc, join(&responses_at, status), response);
        check_json_schemas(file, &at, response, problems);
        let kind = response_kind(response);
        let first = status.chars().next();
        if status == "default" || first == Some('2') || status == "101" {
            success.entry(kind.clone()).or_default().push(status);
        }
        if status == "default" || matches!(first, Some('4' | '5')) {
            error.entry(kind).or_default().push(status);
        }
    }
    for (side, kinds) in [("success", success), ("error", error)] {
        if kinds.len() > 1 {
            let listed = kinds
                .iter()
                .map(|(kind, statuses)| format!("{} → {kind}", statuses.join(", ")))
                .collect::<Vec<_>>()
                .join("; ");
            problems.push(Problem::at(
                file,
                &responses_at,
                format!(
                    "more than one {side} schema ({listed}); progenitor 0.15.1 takes one per operation"
                ),
            ));
        }
    }
}
