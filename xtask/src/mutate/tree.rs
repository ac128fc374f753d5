//! Addressing nodes of a parsed document: every node's path, and the node at a path.

use serde_json::Value;

/// One step from a node to a child.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Seg {
    /// A mapping's member.
    Key(String),
    /// A list's item.
    Index(usize),
}

/// A node's path from the document's root.
pub(super) type NodePath = Vec<Seg>;

/// The JSON pointer of `path` (RFC 6901).
pub(super) fn pointer(path: &[Seg]) -> String {
    path.iter()
        .map(|seg| match seg {
            Seg::Key(key) => format!("/{}", crate::problem::escape(key)),
            Seg::Index(index) => format!("/{index}"),
        })
        .collect()
}

/// Every node of `doc` (the root first, then depth first), with its path.
pub(super) fn all_paths(doc: &Value) -> Vec<NodePath> {
    let mut found = Vec::new();
    // An explicit stack: a document may be deep.
    let mut stack: Vec<(NodePath, &Value)> = vec![(Vec::new(), doc)];
    while let Some((path, node)) = stack.pop() {
        match node {
            Value::Object(map) => {
                for (key, child) in map.iter().rev() {
                    let mut child_path = path.clone();
                    child_path.push(Seg::Key(key.clone()));
                    stack.push((child_path, child));
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate().rev() {
                    let mut child_path = path.clone();
                    child_path.push(Seg::Index(index));
                    stack.push((child_path, child));
                }
            }
            _ => {}
        }
        found.push(path);
    }
    found
}

/// The node at `path`.
pub(super) fn get<'a>(doc: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(doc, |node, seg| match seg {
        Seg::Key(key) => node.get(key),
        Seg::Index(index) => node.get(index),
    })
}

/// The node at `path`, to change.
pub(super) fn get_mut<'a>(doc: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(doc, |node, seg| match seg {
        Seg::Key(key) => node.get_mut(key),
        Seg::Index(index) => node.get_mut(index),
    })
}

/// The key `path` ends with, if it ends with one.
pub(super) fn last_key(path: &[Seg]) -> Option<&str> {
    match path.last() {
        Some(Seg::Key(key)) => Some(key),
        _ => None,
    }
}

/// The key `path` ends with, or else the key of the list that holds its last node.
pub(super) fn key_or_list_key(path: &[Seg]) -> Option<&str> {
    match path {
        [.., Seg::Key(key)] | [.., Seg::Key(key), Seg::Index(_)] => Some(key),
        _ => None,
    }
}

/// Whether `path` is an operation: `/paths/{path}/{method}`.
pub(super) fn is_operation(path: &[Seg]) -> bool {
    matches!(path, [Seg::Key(paths), Seg::Key(_), Seg::Key(method)]
        if paths == "paths" && METHODS.contains(&method.as_str()))
}

/// The HTTP methods an OpenAPI path item can hold.
pub(super) const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Whether the node at `path` (holding `node`) is a schema, as far as its position and
/// keywords tell.
pub(super) fn is_schema(path: &[Seg], node: &Value) -> bool {
    let Value::Object(map) = node else {
        return false;
    };
    let by_position = match path {
        [.., Seg::Key(holder), Seg::Key(_)] => {
            holder == "properties" || holder == "schemas" || holder == "patternProperties"
        }
        [.., Seg::Key(key)] => {
            ["schema", "items", "additionalProperties", "not"].contains(&key.as_str())
        }
        [.., Seg::Key(list), Seg::Index(_)] => ["allOf", "oneOf", "anyOf"].contains(&list.as_str()),
        _ => false,
    };
    by_position
        || [
            "type",
            "properties",
            "items",
            "allOf",
            "oneOf",
            "anyOf",
            "enum",
        ]
        .iter()
        .any(|k| map.contains_key(*k))
}
