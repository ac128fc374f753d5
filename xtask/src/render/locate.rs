//! When progenitor fails (an error, a panic, or no end within the time limit): the part of the
//! document that alone fails so, as a problem at a JSON pointer, and the document without it
//! for the next round of [`super::syntax_with`].

use std::collections::BTreeSet;
use std::time::Duration;

use openapiv3::{OpenAPI, PathItem, ReferenceOr};
use serde_json::Value;

use crate::problem::{Problem, join};
use crate::progenitor_run::{self, Generated};

/// Finds what in `spec` makes progenitor panic with `message`: the component schema (the
/// smallest, with the schemas it refers to) or else the operation that alone panics with the
/// same message, at the `$ref`, enum value or type inside it that the message names.
pub fn locate_panic(spec: &OpenAPI, file: &str, message: &str, deadline: Duration) -> Problem {
    locate_panic_culprit(spec, file, message, deadline).0
}

/// [`locate_panic`], and what it blamed.
pub(super) fn locate_panic_culprit(
    spec: &OpenAPI,
    file: &str,
    message: &str,
    deadline: Duration,
) -> (Problem, Culprit) {
    let same = |candidate: &OpenAPI| matches!(progenitor_run::generate(candidate, deadline), Generated::Done(Err(m)) if m == message);
    let (at, culprit, blamed) = locate(spec, message, &same);
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let (at, message) = in_words(&doc, at, message);
    let problem = match culprit {
        Some(what) => Problem::at(
            file,
            at,
            format!("progenitor panicked while generating {what}: {message}"),
        ),
        None => Problem::at(file, at, format!("progenitor panicked: {message}")),
    };
    (problem, blamed)
}

/// Finds what in `spec` makes progenitor fail with the error `message` (see [`locate`]), and
/// what it blamed.
pub(super) fn locate_error_culprit(
    spec: &OpenAPI,
    file: &str,
    message: &str,
    deadline: Duration,
) -> (Problem, Culprit) {
    let same = |candidate: &OpenAPI| matches!(progenitor_run::generate(candidate, deadline), Generated::Done(Ok(Err(m))) if m == message);
    let (at, culprit, blamed) = locate(spec, message, &same);
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let (at, message) = in_words(&doc, at, message);
    let problem = match culprit {
        Some(what) => Problem::at(file, at, format!("progenitor refused {what}: {message}")),
        None => Problem::at(file, at, format!("progenitor: {message}")),
    };
    (problem, blamed)
}

/// What progenitor's failure was blamed on by [`locate`].
pub(super) enum Culprit {
    /// The operation at `paths[path][method]`, whose operationId is `id`.
    Operation {
        path: String,
        method: String,
        id: String,
    },
    /// The component schema of this name.
    Schema(String),
    /// Nothing that alone fails so.
    Unknown,
}

/// Finds what in `spec` makes progenitor fail with `message` (`same` tells whether a part of
/// `spec` alone fails so): the component schemas alone first (each schema with the schemas it
/// refers to, the smallest that fails), then each operation alone. A culprit is blamed only
/// when it alone fails with the same message; the pointer is then inside it where the message
/// points (the `$ref` it names, the enum values it lists, a type it names), else at it. The
/// culprit in words, or `None` when nothing alone fails so (the pointer is then wherever the
/// message points in the whole document, or the whole document).
fn locate(
    spec: &OpenAPI,
    message: &str,
    same: &dyn Fn(&OpenAPI) -> bool,
) -> (String, Option<String>, Culprit) {
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let mut bare = spec.clone();
    bare.paths.paths.clear();
    // `spec` with only the operation at `path` and `method`, and only `schemas` if given.
    let alone = |schemas: Option<&BTreeSet<String>>, path: Option<(&String, &PathItem, &str)>| {
        let mut alone = bare.clone();
        if let (Some(keep), Some(components)) = (schemas, &mut alone.components) {
            components.schemas.retain(|key, _| keep.contains(key));
        }
        if let Some((path, item, method)) = path {
            alone
                .paths
                .paths
                .insert(path.clone(), ReferenceOr::Item(only(item, method)));
        }
        alone
    };
    if same(&bare) {
        // Each schema with what it leads to, the smallest first: the first that fails alone.
        let schemas = spec.components.as_ref().map(|c| &c.schemas);
        let mut closures: Vec<(BTreeSet<String>, &String)> = schemas
            .into_iter()
            .flat_map(|s| s.keys())
            .map(|name| {
                let at = join("/components/schemas", name);
                let mut closure = schemas_reached(&doc, vec![at]);
                closure.insert(name.clone());
                (closure, name)
            })
            .collect();
        closures.sort_by_key(|(closure, _)| closure.len());
        let culprit = closures
            .iter()
            .find(|(closure, _)| same(&alone(Some(closure), None)));
        let (at, what, blamed) = match culprit {
            Some((_, name)) => (
                join("/components/schemas", name),
                format!("schema {name:?}{}", used_by(&doc, name)),
                Culprit::Schema((*name).clone()),
            ),
            None => (
                "/components/schemas".to_owned(),
                "the component schemas".to_owned(),
                Culprit::Unknown,
            ),
        };
        return (within(&doc, &at, message), Some(what), blamed);
    }
    let mut operations = Vec::new();
    for (path, item) in &spec.paths.paths {
        if let ReferenceOr::Item(item) = item {
            for (method, operation) in item.iter() {
                operations.push((path, item, method, operation));
            }
        }
    }
    // Each operation alone with the schemas it leads to (cheap), then with all of them.
    for reduced in [true, false] {
        for &(path, item, method, operation) in &operations {
            let item_at = join("/paths", path);
            let schemas = reduced.then(|| {
                schemas_reached(
                    &doc,
                    vec![join(&item_at, method), join(&item_at, "parameters")],
                )
            });
            if same(&alone(schemas.as_ref(), Some((path, item, method)))) {
                let id = operation
                    .operation_id
                    .as_deref()
                    .unwrap_or("(no operationId)");
                return (
                    within(&doc, &join(&item_at, method), message),
                    Some(format!("operation {id:?}")),
                    Culprit::Operation {
                        path: path.clone(),
                        method: method.to_owned(),
                        id: id.to_owned(),
                    },
                );
            }
        }
    }
    (within(&doc, "", message), None, Culprit::Unknown)
}

/// progenitor's and typify's internal messages that name a shape of the document, each with
/// what it means in the document's terms and the key that holds that shape.
const INTERNAL: [(&str, &str, &str); 4] = [
    (
        "not yet implemented: unhandled not schema",
        "a `not` of this kind (typify 0.8 takes `not` only of `{}` or of `enum` values)",
        "not",
    ),
    (
        "assertion failed: mt.encoding.is_empty()",
        "`encoding` on a JSON media type (progenitor 0.15.1 takes none)",
        "encoding",
    ),
    (
        "media type encoding not empty",
        "`encoding` on a request body's media type (progenitor 0.15.1 takes none)",
        "encoding",
    ),
    (
        "assertion failed: response_types.len() <= 1",
        "responses of more than one type on one side (progenitor 0.15.1 takes one)",
        "responses",
    ),
];

/// The message in words, and the pointer of the key it names below `at` (the first, in the
/// document's order), for one of the [`INTERNAL`] messages; else the message's first line and
/// `at`.
fn in_words<'a>(doc: &Value, at: String, message: &'a str) -> (String, std::borrow::Cow<'a, str>) {
    let Some((_, words, key)) = INTERNAL.iter().find(|(m, _, _)| message.starts_with(m)) else {
        return (at, first_line(message).into());
    };
    let mut stack = vec![(at.clone(), doc.pointer(&at))];
    while let Some((here, node)) = stack.pop() {
        let Some(Value::Object(map)) = node else {
            continue;
        };
        if map.contains_key(*key) {
            return (join(&here, key), (*words).into());
        }
        for (name, value) in map.iter().rev() {
            stack.push((join(&here, name), Some(value)));
        }
    }
    (at, (*words).into())
}

/// The first line of a message from progenitor, without the start of a value it goes on to
/// dump (`… not supported Cookie {`): a problem is one line.
fn first_line(message: &str) -> &str {
    let line = message.lines().next().unwrap_or_default().trim_end();
    if !message.contains('\n') {
        return line;
    }
    let Some(opened) = line.strip_suffix(['{', '(', '[']) else {
        return line;
    };
    let opened = opened.trim_end();
    match opened.rsplit_once(' ') {
        Some((before, name)) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => before,
        _ => opened,
    }
}

/// The problem for a document that progenitor had not finished after `limit`: at the schema
/// that typify merges with the most subschemas nested below it (see
/// [`progenitor_run::merges`]), the likeliest cause, or at the whole document.
pub(super) fn timed_out(spec: &OpenAPI, file: &str, limit: Duration) -> Problem {
    let seconds = limit.as_secs_f64();
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let mut heaviest: Option<(usize, String, &str)> = None;
    heaviest_merge(&doc, "", &mut heaviest);
    match heaviest {
        Some((nested, at, keyword)) => Problem::at(
            file,
            at,
            format!(
                "progenitor did not finish within {seconds} s: typify merges the keywords beside \
                 this schema's `{keyword}` into its members ({nested} subschemas nested below), \
                 in time that grows exponentially with them; move those keywords into each \
                 member, or nest less, in an overlay"
            ),
        ),
        None => Problem::at(
            file,
            "",
            format!("progenitor did not finish within {seconds} s on this document"),
        ),
    }
}

/// How many subschemas `node` combines at any depth, and (into `heaviest`) the schema that
/// typify merges with the most of them: its count, pointer and first combining keyword.
/// Examples, defaults, enum values and extensions are data, not looked into.
fn heaviest_merge(
    node: &Value,
    at: &str,
    heaviest: &mut Option<(usize, String, &'static str)>,
) -> usize {
    let mut nested = 0;
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                if matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-")
                {
                    continue;
                }
                let below = heaviest_merge(value, &join(at, key), heaviest);
                nested += below;
                if progenitor_run::COMPOSITIONS.contains(&key.as_str()) {
                    nested += value.as_array().map_or(1, Vec::len);
                }
            }
            if let Some(keyword) = progenitor_run::merged_here(map)
                && heaviest.as_ref().is_none_or(|(most, _, _)| nested > *most)
            {
                *heaviest = Some((nested, at.to_owned(), keyword));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                nested += heaviest_merge(item, &join(at, &i.to_string()), heaviest);
            }
        }
        _ => {}
    }
    nested
}

/// ` (used by operation "x" at /paths/~1x/get, …)`: the operations that refer to the component
/// schema `name` directly (a schema that `normalize` made from an operation's responses is
/// named after it, but is in no file), or nothing.
fn used_by(doc: &serde_json::Value, name: &str) -> String {
    let target = format!("#{}", join("/components/schemas", name));
    let users: Vec<String> = crate::lint_names::operations(doc)
        .iter()
        .filter(|o| {
            let mut refs = Vec::new();
            refs_in(o.op, &mut refs);
            refs.contains(&target.as_str())
        })
        .map(|o| format!("operation {:?} at {}", o.id, o.at))
        .collect();
    if users.is_empty() {
        String::new()
    } else {
        format!(" (used by {})", users.join(", "))
    }
}

/// The component schemas that the nodes at the pointers `starts` lead to through `$ref`s,
/// through any component (a response, a parameter…) on the way. A reference is also read as
/// typify and progenitor read it, by its last segment: `#/components/responses/X` in a schema
/// leads to the schema `X` if there is one.
fn schemas_reached(doc: &serde_json::Value, starts: Vec<String>) -> BTreeSet<String> {
    let mut schemas = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut todo = starts;
    while let Some(pointer) = todo.pop() {
        let Some(node) = doc.pointer(&pointer) else {
            continue;
        };
        if !seen.insert(pointer) {
            continue;
        }
        let mut refs = Vec::new();
        refs_in(node, &mut refs);
        for target in refs {
            let Some(target) = target.strip_prefix('#') else {
                continue;
            };
            let last = target.rsplit('/').next().unwrap_or(target);
            let named = target
                .strip_prefix("/components/schemas/")
                .map(|rest| rest.split('/').next().unwrap_or(rest));
            if named.is_none() {
                todo.push(target.to_owned());
            }
            for name in named.into_iter().chain([last]) {
                let name = crate::problem::unescape(name);
                let at = join("/components/schemas", &name);
                if doc.pointer(&at).is_some() && schemas.insert(name) {
                    todo.push(at);
                }
            }
        }
    }
    schemas
}

/// Every `$ref` string below `node`.
fn refs_in<'a>(node: &'a serde_json::Value, found: &mut Vec<&'a str>) {
    match node {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.as_str()) {
                    ("$ref", Some(target)) => found.push(target),
                    _ => refs_in(value, found),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| refs_in(v, found)),
        _ => {}
    }
}

/// The deepest place below `at` that a panic `message` names: the `$ref` it says is missing
/// or unsupported, the later of the enum values it cannot name apart, or the schema of a type
/// it names (typify's type names mapped back to the schemas they come from); else `at`.
fn within(doc: &serde_json::Value, at: &str, message: &str) -> String {
    use serde_json::Value;
    // `path /x uses reference, unsupported`.
    let paths = doc.get("paths").and_then(Value::as_object);
    for path in paths.into_iter().flat_map(|p| p.keys()) {
        if message.contains(&format!("path {path} uses reference")) {
            return join(&join("/paths", path), "$ref");
        }
    }
    let Some(node) = doc.pointer(at) else {
        return at.to_owned();
    };
    let cookie = message.contains("cookie parameters are not supported");
    // `$ref #/components/responses/X is missing`, `external references are not supported: X`.
    let named_ref = message
        .strip_prefix("$ref ")
        .and_then(|m| m.strip_suffix(" is missing"))
        .or_else(|| message.strip_prefix("external references are not supported: "));
    // `Failed to make unique variant names for [a,A]`.
    let values: Option<Vec<&str>> = message
        .strip_prefix("Failed to make unique variant names for [")
        .and_then(|m| m.strip_suffix(']'))
        .map(|m| m.split(',').collect());
    let mut found = None;
    let mut stack = vec![(at.to_owned(), node)];
    while let Some((here, node)) = stack.pop() {
        if found.is_some() {
            break;
        }
        match node {
            Value::Object(map) => {
                if let Some(target) = named_ref
                    && map.get("$ref").and_then(Value::as_str) == Some(target)
                {
                    found = Some(join(&here, "$ref"));
                }
                if cookie && map.get("in").and_then(Value::as_str) == Some("cookie") {
                    found = Some(join(&here, "in"));
                }
                if let (Some(values), Some(list)) =
                    (&values, map.get("enum").and_then(Value::as_array))
                {
                    let strings: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                    if values.iter().all(|v| strings.contains(v)) {
                        let names = crate::lint_names::variant_names(&strings);
                        let later = (1..names.len()).find(|&i| names[..i].contains(&names[i]));
                        if let Some(i) = later
                            && let Some(index) =
                                list.iter().position(|v| v.as_str() == Some(strings[i]))
                        {
                            found = Some(join(&join(&here, "enum"), &index.to_string()));
                        }
                    }
                }
                for (key, value) in map.iter().rev() {
                    stack.push((join(&here, key), value));
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate().rev() {
                    stack.push((join(&here, &i.to_string()), value));
                }
            }
            _ => {}
        }
    }
    if let Some(found) = found {
        return found;
    }
    let words: std::collections::BTreeSet<&str> = message
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .collect();
    crate::lint_names::named_types(doc)
        .into_iter()
        .filter(|n| words.contains(n.rust.as_str()))
        .map(|n| n.at)
        .find(|p| p.starts_with(&format!("{at}/")) || (at.is_empty() && !p.is_empty()))
        .unwrap_or_else(|| at.to_owned())
}

/// `spec` without the operation at `paths[path][method]` (and without the path, if that was
/// its last operation).
pub(super) fn without_operation(spec: &OpenAPI, path: &str, method: &str) -> OpenAPI {
    let mut spec = spec.clone();
    if let Some(ReferenceOr::Item(item)) = spec.paths.paths.get_mut(path) {
        match method {
            "get" => item.get = None,
            "put" => item.put = None,
            "post" => item.post = None,
            "delete" => item.delete = None,
            "options" => item.options = None,
            "head" => item.head = None,
            "patch" => item.patch = None,
            "trace" => item.trace = None,
            _ => {}
        }
        if item.iter().next().is_none() {
            spec.paths.paths.shift_remove(path);
        }
    }
    spec
}

/// `spec` with the component schema `name` made `{}` (any value).
pub(super) fn without_schema(spec: &OpenAPI, name: &str) -> OpenAPI {
    let mut spec = spec.clone();
    if let Some(components) = &mut spec.components
        && let Some(schema) = components.schemas.get_mut(name)
    {
        *schema = ReferenceOr::Item(openapiv3::Schema {
            schema_data: Default::default(),
            schema_kind: openapiv3::SchemaKind::Any(Default::default()),
        });
    }
    spec
}

/// A copy of `item` keeping only the operation under `method`.
pub(super) fn only(item: &PathItem, method: &str) -> PathItem {
    let keep =
        |m: &str, op: &Option<openapiv3::Operation>| if m == method { op.clone() } else { None };
    PathItem {
        get: keep("get", &item.get),
        put: keep("put", &item.put),
        post: keep("post", &item.post),
        delete: keep("delete", &item.delete),
        options: keep("options", &item.options),
        head: keep("head", &item.head),
        patch: keep("patch", &item.patch),
        trace: keep("trace", &item.trace),
        ..item.clone()
    }
}
