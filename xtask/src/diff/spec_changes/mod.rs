//! What changed between two OpenAPI documents, each change with its id, place and wire grade.
//!
//! Works on the documents as JSON values (the documents progenitor sees, serialised back), so
//! that every change can be located by a JSON pointer.
//!
//! Each change is recorded where it is found, as `out.push(id, operation, pointer, side, line,
//! targets)`: its id names its rule in [`super::rules`], which grades it for the wire; its
//! targets are the Rust items it may touch ([`super::grade`] pairs them with the measured Rust
//! differences). By area:
//!
//! - `doc`: the two documents as the walk reads them;
//! - `document`: `info` and servers;
//! - `components`: component schemas added, removed, renamed or unused;
//! - `paths`: operations added, removed, moved; each one's id, summary and description;
//! - `security`, `parameters`, `request_body`, `responses`: those of one operation;
//! - the schema walk, one schema of both sides: `schema` (its own keywords, items and map
//!   values), which hands nested schemas back to itself from `properties` and `composition`
//!   (value constraints, `oneOf`/`anyOf`/`allOf` members, discriminators); all three stand on
//!   `walk` (the walk's state and a schema's place). The imports go one way:
//!   `schema` → `properties`, `composition` → `walk`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

mod components;
mod composition;
mod doc;
mod document;
mod parameters;
mod paths;
mod properties;
mod request_body;
mod responses;
mod schema;
mod security;
mod walk;

use super::{Grade, Side, Target};
use components::{component_changes, unused_schema_changes};
use doc::Doc;
use document::document_changes;
use paths::path_changes;

/// One change of the spec, before its Rust grade is known.
#[derive(Clone, Debug)]
pub struct SpecChange {
    /// Stable kebab-case id (oasdiff's where one fits).
    pub id: String,
    /// The operationIds it concerns (several when a shared schema changed), sorted.
    pub operations: BTreeSet<String>,
    /// JSON pointer into the new document, or into the old one when the thing is gone.
    pub pointer: String,
    /// Which document `pointer` points into.
    pub side: Side,
    /// One human line.
    pub text: String,
    /// The wire grade.
    pub wire: Grade,
    /// The Rust items this change may touch, used to attribute Rust API differences.
    pub targets: Vec<Target>,
    /// The change's other places: where a renamed or moved thing was in the old document, and
    /// the `$ref`s that follow a renamed schema.
    pub also: Vec<String>,
}

fn str_at(node: &Value, key: &str) -> String {
    node.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Lower-case letters and digits only: how spec names and Rust names are matched.
pub fn norm(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The key a change is merged by, with its pointer: its id, a body's root and a property in
/// it as one (a schema reached both ways is one change).
fn merged(id: &str) -> String {
    id.replacen("request-body-", "request-property-", 1)
        .replacen("response-body-", "response-property-", 1)
}

/// Collects changes, merging one found through several operations.
#[derive(Default)]
struct Changes {
    found: BTreeMap<(String, String), SpecChange>,
    /// The component schemas an operation's walk compared with themselves (or with what they
    /// were renamed to).
    reached: BTreeSet<String>,
    /// Component schemas renamed: (old name, new name).
    renamed: BTreeSet<(String, String)>,
}

impl Changes {
    /// Records a change, graded for the wire by its rule ([`super::rules`]). One found again
    /// (a shared schema, through another operation) gains that operation; a schema change
    /// found once at a body's root and once as a property is one change.
    fn push(
        &mut self,
        id: &str,
        op: Option<&str>,
        pointer: &str,
        side: Side,
        text: String,
        targets: Vec<Target>,
    ) {
        let entry = self
            .found
            .entry((pointer.to_owned(), merged(id)))
            .or_insert_with(|| SpecChange {
                id: id.to_owned(),
                operations: BTreeSet::new(),
                pointer: pointer.to_owned(),
                side,
                text,
                wire: super::rules::wire(id),
                targets: Vec::new(),
                also: Vec::new(),
            });
        entry
            .operations
            .extend(op.filter(|o| !o.is_empty()).map(str::to_owned));
        for target in targets {
            if !entry.targets.contains(&target) {
                entry.targets.push(target);
            }
        }
    }

    /// Records `place` as another place of the change `id` at `pointer`, if there is one.
    fn also(&mut self, pointer: &str, id: &str, place: &str) {
        let key = (pointer.to_owned(), merged(id));
        if let Some(change) = self.found.get_mut(&key)
            && change.pointer != place
            && !change.also.iter().any(|p| p == place)
        {
            change.also.push(place.to_owned());
        }
    }
}

/// Every change from `old` to `new`.
pub fn changes(old: &Value, new: &Value) -> Vec<SpecChange> {
    let (old_doc, new_doc) = (Doc { root: old }, Doc { root: new });
    let mut out = Changes::default();
    document_changes(old, new, &mut out);
    component_changes(old, new, &mut out);
    path_changes(&old_doc, &new_doc, &mut out);
    unused_schema_changes(&old_doc, &new_doc, &mut out);
    out.found.into_values().collect()
}

fn shown(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "(none)".to_owned(),
    }
}

fn is_required(param: &Value) -> bool {
    param.get("required").and_then(Value::as_bool) == Some(true)
}

/// A schema with its descriptions and examples removed, for "same shape" comparisons.
fn shape(node: &Value) -> Value {
    match node {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| {
                    !matches!(k.as_str(), "description" | "example" | "examples" | "title")
                })
                .map(|(k, v)| (k.clone(), shape(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        other => other.clone(),
    }
}
