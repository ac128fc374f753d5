//! The two documents as the walk reads them: operations, their parameters and security,
//! `$ref`s followed.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::change::str_at;
use crate::problem::join;

/// The HTTP methods of an OpenAPI 3.0 path item.
pub(super) const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One document, as the walk reads it.
pub(super) struct Doc<'a> {
    /// The whole document.
    pub(super) root: &'a Value,
}

/// An operation found in a document.
pub(super) struct Op<'a> {
    /// Its path, as the document writes it.
    pub(super) path: String,
    /// Its method, lower-case.
    pub(super) method: &'static str,
    /// The JSON pointer of the operation.
    pub(super) pointer: String,
    /// Its operationId (empty if it has none).
    pub(super) id: String,
    /// The operation.
    pub(super) value: &'a Value,
    /// The path item that holds it.
    pub(super) item: &'a Value,
}

/// An operation matched on both sides, with the documents it is read from.
#[derive(Clone, Copy)]
pub(super) struct Matched<'w, 'a> {
    /// The old document.
    pub(super) old_doc: &'w Doc<'a>,
    /// The operation in the old document.
    pub(super) o: &'w Op<'a>,
    /// The new document.
    pub(super) new_doc: &'w Doc<'a>,
    /// The operation in the new document.
    pub(super) n: &'w Op<'a>,
}

impl<'a> Doc<'a> {
    /// Follows `$ref`s: (pointer, node, the component schema name if one was reached).
    pub(super) fn resolve(
        &self,
        pointer: &str,
        node: &'a Value,
    ) -> (String, &'a Value, Option<String>) {
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

    /// Every operation of the document, by path, then method in [`METHODS`] order.
    pub(super) fn operations(&self) -> Vec<Op<'a>> {
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
    pub(super) fn parameters(
        &self,
        op: &Op<'a>,
    ) -> BTreeMap<(String, String), (String, &'a Value)> {
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
    pub(super) fn security(&self, op: &Op<'a>) -> BTreeSet<String> {
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

/// A path with its parameter names blanked: `/a/{id}` and `/a/{key}` are the same endpoint.
pub(super) fn path_shape(path: &str) -> String {
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

/// The `application/json` (or first) media type of a body or response: (media type, schema).
pub(super) fn media(holder: &Value) -> Option<(&str, Option<&Value>)> {
    let content = holder.get("content")?.as_object()?;
    let (name, body) = content
        .iter()
        .find(|(m, _)| m.starts_with("application/json"))
        .or_else(|| content.iter().next())?;
    Some((name.as_str(), body.get("schema")))
}
