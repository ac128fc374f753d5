//! Request bodies in the media types progenitor 0.15.1 can send: the one kept of a body that
//! offers several, and the operations whose body offers none (which `leave_out` leaves
//! out, or `--strict` refuses). Below both `normalize` and `leave_out`, which use it.

use serde_json::{Value, json};

use crate::lint::{METHODS, is_extension};
use crate::problem::{Problem, join};

/// The request media types progenitor 0.15.1 can send, in the order one is kept when a body
/// offers several (the document's own key order is not kept by the parser, so this decides).
pub const BODY_MEDIA_TYPES: [&str; 5] = [
    "application/json",
    "application/x-www-form-urlencoded",
    "text/plain",
    "text/x-markdown",
    "application/octet-stream",
];

/// The JSON pointers of every operation, in path order then method order.
pub(crate) fn operations(doc: &Value) -> Vec<(String, String, &'static str)> {
    let mut found = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
            for method in METHODS {
                if item.get(method).is_some_and(Value::is_object) {
                    found.push((join(&join("/paths", path), method), path.clone(), method));
                }
            }
        }
    }
    found
}

/// `node`, or what its local `$ref` chain leads to (bounded, so a cycle cannot hang).
pub(crate) fn resolve<'a>(doc: &'a Value, node: &'a Value) -> &'a Value {
    let mut node = node;
    for _ in 0..16 {
        match node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix('#'))
            .and_then(|p| doc.pointer(p))
        {
            Some(next) => node = next,
            None => break,
        }
    }
    node
}

/// Where `media` (its parameters aside) stands in [`BODY_MEDIA_TYPES`]; `None` if progenitor
/// cannot send it.
fn body_media_rank(media: &str) -> Option<usize> {
    let essence = media.split(';').next().unwrap_or(media).trim();
    BODY_MEDIA_TYPES.iter().position(|m| *m == essence)
}

/// Each request body with no media type progenitor can send: the operation's pointer, and a
/// problem saying which media types it has, at its one media type (or at `content`, for
/// several), in the component if the body is a `$ref` to one.
pub fn unsendable_bodies(file: &str, doc: &Value) -> Vec<(String, Problem)> {
    let mut problems = Vec::new();
    for (at, _, _) in operations(doc) {
        let mut body_at = join(&at, "requestBody");
        let Some(mut body) = doc.pointer(&body_at) else {
            continue;
        };
        for _ in 0..16 {
            match body
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|t| t.strip_prefix('#'))
                .and_then(|p| Some((p, doc.pointer(p)?)))
            {
                Some((pointer, next)) => {
                    body_at = pointer.to_owned();
                    body = next;
                }
                None => break,
            }
        }
        let Some(content) = body.get("content").and_then(Value::as_object) else {
            continue;
        };
        if content.keys().any(|m| body_media_rank(m).is_some()) {
            continue;
        }
        let listed = content.keys().cloned().collect::<Vec<_>>().join(", ");
        let content_at = join(&body_at, "content");
        let pointer = match content.keys().collect::<Vec<_>>().as_slice() {
            [one] => join(&content_at, one),
            _ => content_at,
        };
        problems.push((
            at,
            Problem::at(
                file,
                pointer,
                format!(
                    "request media type(s) {listed}: progenitor 0.15.1 sends only {}; set one of those in an overlay",
                    BODY_MEDIA_TYPES.join(", ")
                ),
            ),
        ));
    }
    problems
}

/// Keeps one media type of each request body that has several; refuses a body with none that
/// progenitor can send ([`unsendable_bodies`]; unless strict, its operation was left out).
pub(crate) fn request_bodies(
    file: &str,
    doc: &mut Value,
    notes: &mut Vec<Problem>,
) -> Result<(), Vec<Problem>> {
    let problems: Vec<Problem> = unsendable_bodies(file, doc)
        .into_iter()
        .map(|(_, problem)| problem)
        .collect();
    for (at, _, _) in operations(doc) {
        let Some(body) = doc.pointer(&join(&at, "requestBody")) else {
            continue;
        };
        let body = resolve(doc, body).clone();
        let Some(content) = body.get("content").and_then(Value::as_object) else {
            continue;
        };
        let body_at = join(&at, "requestBody");
        let kept = content
            .keys()
            .filter_map(|m| body_media_rank(m).map(|rank| (rank, m)))
            .min();
        let listed = content.keys().cloned().collect::<Vec<_>>().join(", ");
        match kept {
            None => {}
            Some(_) if content.len() == 1 => {}
            Some((_, media)) => {
                let media = media.clone();
                let mut one = body.clone();
                let chosen = content[&media].clone();
                one["content"] = json!({ media.clone(): chosen });
                notes.push(Problem::at(
                    file,
                    &body_at,
                    format!("request body in {listed}: keeps {media} (progenitor 0.15.1 takes one media type)"),
                ));
                *doc.pointer_mut(&body_at).expect("found above") = one;
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

// ---------------------------------------------------------------------------------------------
// Responses
