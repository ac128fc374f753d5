//! An independent structural oracle for `cargo xtask diff`: what changed between two OpenAPI
//! documents, found by walking both as JSON, position by position. It shares nothing with
//! `xtask::diff::spec_changes`, so that the two can disagree.
//!
//! What it lists (each an [`Item`]: a kind, a JSON pointer, a name):
//! - operations added or removed, by path and method (name: the operationId); parameters
//!   added or removed, by `in` and `name` (name: the parameter); a request body added or
//!   removed (name: `body`); response statuses added or removed (name: the status);
//! - component schemas added or removed (name: the schema);
//! - inside every schema present on both sides (component schemas, and the schemas of
//!   parameters, request bodies and responses, of operations and of `components.parameters`,
//!   `requestBodies` and `responses`), walked without following `$ref`: a `$ref` that changed
//!   (name: the new target's last segment), properties and `required` entries added or removed
//!   (name: the property), `enum` values added or removed (name: the value as text), `enum`
//!   added to or removed from a schema (one item per value it lists, named by the value),
//!   `type` changed, else `format` changed (name: the new value, the old one if there is none; a
//!   format is read within its type, so a new type carries its format with it), `nullable`
//!   changed (name: `nullable`), `oneOf`/`anyOf`/`allOf` members added or removed (identity: the
//!   member's `$ref` target, else its index; name: the target's last segment, else the index),
//!   `discriminator.mapping` keys added or removed (name: the key). Properties, members,
//!   `items` and `additionalProperties` present on both sides are walked in turn.
//!
//! Pointers point into the new document for what was added or kept, into the old one for what
//! was removed. A `required` entry points at its schema, not at `required/<i>`: a report may
//! rightly point at either the `required` array or the property.
//!
//! What it ignores, and why: descriptions, summaries, titles, examples and `x-` extensions do
//! not change what is on the wire or in the generated API's shape; other keywords (`default`,
//! `pattern`, bounds, `readOnly`, a parameter's `required` or `style`, media types, headers,
//! security, servers, `not`, a mapping's target) are left out to keep the oracle small: it checks
//! that the report sees the changes the generated types are made of, not every keyword.

use std::collections::BTreeMap;

use serde_json::Value;

/// One structural change.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Item {
    /// What changed, e.g. `property-added`.
    pub(crate) kind: &'static str,
    /// Where: into the new document, or the old one for something removed.
    pub(crate) pointer: String,
    /// What a report must name: a property, a value, an operationId, a status.
    pub(crate) name: String,
}

/// Every structural change from `old` to `new`, sorted by pointer.
pub(crate) fn changes(old: &Value, new: &Value) -> Vec<Item> {
    let mut walk = Walk::default();
    walk.paths(old.get("paths"), new.get("paths"));
    walk.components(old.get("components"), new.get("components"));
    walk.items
        .sort_by(|a, b| (&a.pointer, a.kind, &a.name).cmp(&(&b.pointer, b.kind, &b.name)));
    walk.items
}

/// The HTTP methods of a path item.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A position in both documents.
#[derive(Clone, Debug)]
struct At {
    old: String,
    new: String,
}

impl At {
    /// The same pointer on both sides.
    fn root(pointer: &str) -> Self {
        Self {
            old: pointer.to_owned(),
            new: pointer.to_owned(),
        }
    }

    /// One segment further on both sides.
    fn join(&self, segment: &str) -> Self {
        Self {
            old: format!("{}/{}", self.old, escape(segment)),
            new: format!("{}/{}", self.new, escape(segment)),
        }
    }
}

/// A JSON pointer segment.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// One member of a keyed collection: its identity, its pointer segment (none: the collection's
/// own pointer) and its name.
struct Entry<'a> {
    key: String,
    segment: Option<String>,
    name: String,
    value: &'a Value,
}

/// The entries of an object, keyed, segmented and named by their keys.
fn object_entries(value: Option<&Value>) -> Vec<Entry<'_>> {
    let Some(Value::Object(map)) = value else {
        return Vec::new();
    };
    map.iter()
        .map(|(key, value)| Entry {
            key: key.clone(),
            segment: Some(key.clone()),
            name: key.clone(),
            value,
        })
        .collect()
}

/// The entries of an array, each keyed and named by `identity(index, value)`.
fn array_entries(
    value: Option<&Value>,
    identity: fn(usize, &Value) -> (String, String),
) -> Vec<Entry<'_>> {
    let Some(Value::Array(list)) = value else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .map(|(index, value)| {
            let (key, name) = identity(index, value);
            Entry {
                key,
                segment: Some(index.to_string()),
                name,
                value,
            }
        })
        .collect()
}

/// The operations of a path item, keyed by method, named by operationId (else the method).
fn operation_entries(item: &Value) -> Vec<Entry<'_>> {
    METHODS
        .iter()
        .filter_map(|method| {
            let value = item.get(*method)?;
            Some(Entry {
                key: (*method).to_owned(),
                segment: Some((*method).to_owned()),
                name: value
                    .get("operationId")
                    .map_or_else(|| (*method).to_owned(), text),
                value,
            })
        })
        .collect()
}

/// A schema's `required` entries, pointing at the schema itself (see the module doc).
fn required_entries(schema: &Value) -> Vec<Entry<'_>> {
    array_entries(schema.get("required"), enum_identity)
        .into_iter()
        .map(|entry| Entry {
            segment: None,
            ..entry
        })
        .collect()
}

/// A `$ref`'s target, if `value` is a reference.
fn reference(value: &Value) -> Option<&str> {
    value.get("$ref").and_then(Value::as_str)
}

/// The last segment of a `$ref` target.
fn last_segment(target: &str) -> String {
    target.rsplit('/').next().unwrap_or(target).to_owned()
}

/// A value as text: a string as itself, anything else as JSON.
fn text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), ToOwned::to_owned)
}

/// A parameter's identity: its `$ref` target, else `in` and `name`; named by its name.
fn parameter_identity(_: usize, value: &Value) -> (String, String) {
    if let Some(target) = reference(value) {
        return (format!("$ref {target}"), last_segment(target));
    }
    let field = |key| value.get(key).map(text).unwrap_or_default();
    (format!("{} {}", field("in"), field("name")), field("name"))
}

/// A composition member's identity: its `$ref` target, else its index.
fn member_identity(index: usize, value: &Value) -> (String, String) {
    match reference(value) {
        Some(target) => (format!("$ref {target}"), last_segment(target)),
        None => (format!("#{index}"), index.to_string()),
    }
}

/// An enum value's identity: its JSON text (so `1` and `"1"` differ); named as text.
fn enum_identity(_: usize, value: &Value) -> (String, String) {
    (value.to_string(), text(value))
}

/// The walk, and what it found.
#[derive(Default)]
struct Walk {
    items: Vec<Item>,
}

impl Walk {
    fn push(&mut self, kind: &'static str, pointer: &str, name: impl Into<String>) {
        self.items.push(Item {
            kind,
            pointer: pointer.to_owned(),
            name: name.into(),
        });
    }

    /// Lists the entries on one side only as `added`/`removed`; returns the pairs on both
    /// (their position, old value, new value), in the new side's order.
    fn keyed<'a>(
        &mut self,
        at: &At,
        old: Vec<Entry<'a>>,
        new: Vec<Entry<'a>>,
        (added, removed): (&'static str, &'static str),
    ) -> Vec<(At, &'a Value, &'a Value)> {
        let pointer = |base: &str, entry: &Entry<'_>| match &entry.segment {
            Some(segment) => format!("{base}/{}", escape(segment)),
            None => base.to_owned(),
        };
        let old_by_key: BTreeMap<&str, &Entry<'_>> =
            old.iter().map(|e| (e.key.as_str(), e)).collect();
        let new_by_key: BTreeMap<&str, &Entry<'_>> =
            new.iter().map(|e| (e.key.as_str(), e)).collect();
        for entry in old
            .iter()
            .filter(|e| !new_by_key.contains_key(e.key.as_str()))
        {
            self.push(removed, &pointer(&at.old, entry), &entry.name);
        }
        let mut kept = Vec::new();
        for entry in &new {
            match old_by_key.get(entry.key.as_str()) {
                None => self.push(added, &pointer(&at.new, entry), &entry.name),
                Some(before) => kept.push((
                    At {
                        old: pointer(&at.old, before),
                        new: pointer(&at.new, entry),
                    },
                    before.value,
                    entry.value,
                )),
            }
        }
        kept
    }

    /// Operations added, removed, or walked; a path item's own parameters.
    fn paths<'a>(&mut self, old: Option<&'a Value>, new: Option<&'a Value>) {
        let empty = Value::Null;
        let mut paths: Vec<&String> = [old, new]
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
            .flat_map(|map| map.keys())
            .collect();
        paths.sort();
        paths.dedup();
        for path in paths {
            let item = |side: Option<&'a Value>| side.and_then(|s| s.get(path.as_str()));
            let (old_item, new_item) = (item(old).unwrap_or(&empty), item(new).unwrap_or(&empty));
            let at = At::root("/paths").join(path);
            let kept = self.keyed(
                &at,
                operation_entries(old_item),
                operation_entries(new_item),
                ("operation-added", "operation-removed"),
            );
            for (at, old_op, new_op) in kept {
                self.operation(&at, old_op, new_op);
            }
            if !(old_item.is_null() || new_item.is_null()) {
                self.parameters(&at, old_item, new_item);
            }
        }
    }

    /// An operation on both sides: its parameters, request body and responses.
    fn operation(&mut self, at: &At, old: &Value, new: &Value) {
        self.parameters(at, old, new);
        let body = at.join("requestBody");
        match (old.get("requestBody"), new.get("requestBody")) {
            (None, Some(_)) => self.push("request-body-added", &body.new, "body"),
            (Some(_), None) => self.push("request-body-removed", &body.old, "body"),
            (Some(o), Some(n)) => self.content(&body, o, n),
            (None, None) => {}
        }
        let responses = at.join("responses");
        let kept = self.keyed(
            &responses,
            object_entries(old.get("responses")),
            object_entries(new.get("responses")),
            ("response-added", "response-removed"),
        );
        for (at, o, n) in kept {
            self.content(&at, o, n);
        }
    }

    /// The `parameters` of an operation or a path item on both sides.
    fn parameters(&mut self, at: &At, old: &Value, new: &Value) {
        let kept = self.keyed(
            &at.join("parameters"),
            array_entries(old.get("parameters"), parameter_identity),
            array_entries(new.get("parameters"), parameter_identity),
            ("parameter-added", "parameter-removed"),
        );
        for (at, o, n) in kept {
            self.parameter(&at, o, n);
        }
    }

    /// A parameter on both sides: its reference or its schema.
    fn parameter(&mut self, at: &At, old: &Value, new: &Value) {
        if !self.reference(at, old, new)
            && let (Some(o), Some(n)) = (old.get("schema"), new.get("schema"))
        {
            self.schema(&at.join("schema"), o, n);
        }
    }

    /// A request body or response on both sides: its reference or the schema of each media
    /// type on both sides.
    fn content(&mut self, at: &At, old: &Value, new: &Value) {
        if self.reference(at, old, new) {
            return;
        }
        let content = at.join("content");
        for media in object_entries(new.get("content")) {
            let (Some(o), Some(n)) = (
                old.get("content")
                    .and_then(|c| c.get(&media.key))
                    .and_then(|m| m.get("schema")),
                media.value.get("schema"),
            ) else {
                continue;
            };
            self.schema(&content.join(&media.key).join("schema"), o, n);
        }
    }

    /// Component schemas added, removed or walked; reusable parameters, bodies and
    /// responses walked.
    fn components<'a>(&mut self, old: Option<&'a Value>, new: Option<&'a Value>) {
        let at = At::root("/components");
        let section = |side: Option<&'a Value>, name: &str| side.and_then(|c| c.get(name));
        let kept = self.keyed(
            &at.join("schemas"),
            object_entries(section(old, "schemas")),
            object_entries(section(new, "schemas")),
            ("schema-added", "schema-removed"),
        );
        for (at, o, n) in kept {
            self.schema(&at, o, n);
        }
        for name in ["parameters", "requestBodies", "responses"] {
            let (o, n) = (section(old, name), section(new, name));
            for entry in object_entries(n) {
                let Some(before) = o.and_then(|o| o.get(&entry.key)) else {
                    continue;
                };
                let at = at.join(name).join(&entry.key);
                match name {
                    "parameters" => self.parameter(&at, before, entry.value),
                    _ => self.content(&at, before, entry.value),
                }
            }
        }
    }

    /// If either side is a reference: lists a changed target, and says the walk stops here.
    fn reference(&mut self, at: &At, old: &Value, new: &Value) -> bool {
        let (before, after) = (reference(old), reference(new));
        if before.is_none() && after.is_none() {
            return false;
        }
        if before != after {
            let target = after.or(before).unwrap_or_default();
            self.push("ref-changed", &at.new, last_segment(target));
        }
        true
    }

    /// A schema on both sides, position by position.
    fn schema(&mut self, at: &At, old: &Value, new: &Value) {
        if !(old.is_object() && new.is_object()) || self.reference(at, old, new) {
            return;
        }
        // A format belongs to its type: when the type changed, so did the format's meaning.
        if !self.scalar(at, old, new, "type", "type-changed") {
            self.scalar(at, old, new, "format", "format-changed");
        }
        let nullable = |s: &Value| s.get("nullable").and_then(Value::as_bool).unwrap_or(false);
        if nullable(old) != nullable(new) {
            self.push("nullable-changed", &at.join("nullable").new, "nullable");
        }
        self.enumeration(at, old, new);
        self.keyed(
            at,
            required_entries(old),
            required_entries(new),
            ("required-added", "required-removed"),
        );
        let properties = at.join("properties");
        let kept = self.keyed(
            &properties,
            object_entries(old.get("properties")),
            object_entries(new.get("properties")),
            ("property-added", "property-removed"),
        );
        for (at, o, n) in kept {
            self.schema(&at, o, n);
        }
        self.members(at, old, new);
        for keyword in ["items", "additionalProperties"] {
            if let (Some(o), Some(n)) = (old.get(keyword), new.get(keyword)) {
                self.schema(&at.join(keyword), o, n);
            }
        }
    }

    /// A keyword with one value (`type`, `format`) that changed; says whether it did.
    fn scalar(
        &mut self,
        at: &At,
        old: &Value,
        new: &Value,
        keyword: &str,
        kind: &'static str,
    ) -> bool {
        let (before, after) = (old.get(keyword), new.get(keyword));
        if before == after {
            return false;
        }
        let at = at.join(keyword);
        match after {
            Some(after) => self.push(kind, &at.new, text(after)),
            None => self.push(kind, &at.old, before.map(text).unwrap_or_default()),
        }
        true
    }

    /// `enum` added, removed, or its values.
    fn enumeration(&mut self, at: &At, old: &Value, new: &Value) {
        let at = at.join("enum");
        match (old.get("enum"), new.get("enum")) {
            // Every value a new list allows, or an old one allowed, is named.
            (None, Some(n)) => {
                for entry in array_entries(Some(n), enum_identity) {
                    self.push("enum-added", &at.new, entry.name);
                }
            }
            (Some(o), None) => {
                for entry in array_entries(Some(o), enum_identity) {
                    self.push("enum-removed", &at.old, entry.name);
                }
            }
            (Some(o), Some(n)) => {
                self.keyed(
                    &at,
                    array_entries(Some(o), enum_identity),
                    array_entries(Some(n), enum_identity),
                    ("enum-value-added", "enum-value-removed"),
                );
            }
            (None, None) => {}
        }
    }

    /// `oneOf`/`anyOf`/`allOf` members and discriminator mapping keys.
    fn members<'a>(&mut self, at: &At, old: &'a Value, new: &'a Value) {
        for keyword in ["oneOf", "anyOf", "allOf"] {
            let kept = self.keyed(
                &at.join(keyword),
                array_entries(old.get(keyword), member_identity),
                array_entries(new.get(keyword), member_identity),
                ("member-added", "member-removed"),
            );
            for (at, o, n) in kept {
                self.schema(&at, o, n);
            }
        }
        let mapping =
            |s: &'a Value| object_entries(s.get("discriminator").and_then(|d| d.get("mapping")));
        self.keyed(
            &at.join("discriminator").join("mapping"),
            mapping(old),
            mapping(new),
            ("mapping-key-added", "mapping-key-removed"),
        );
    }
}
