//! One change of the spec and the collector that merges changes found more than once: below
//! every other module of `spec_changes`, which all record into it.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::diff::terms::{Grade, Side, Target};

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

/// The string at `key` in `node`, or an empty one.
pub(super) fn str_at(node: &Value, key: &str) -> String {
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
pub(super) struct Changes {
    /// The changes found, by (pointer, merge key).
    pub(super) found: BTreeMap<(String, String), SpecChange>,
    /// The component schemas an operation's walk compared with themselves (or with what they
    /// were renamed to).
    pub(super) reached: BTreeSet<String>,
    /// Component schemas renamed: (old name, new name).
    pub(super) renamed: BTreeSet<(String, String)>,
}

impl Changes {
    /// Records a change, graded for the wire by its rule ([`crate::diff::rules`]). One found again
    /// (a shared schema, through another operation) gains that operation; a schema change
    /// found once at a body's root and once as a property is one change.
    pub(super) fn push(
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
                wire: crate::diff::rules::wire(id),
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
    pub(super) fn also(&mut self, pointer: &str, id: &str, place: &str) {
        let key = (pointer.to_owned(), merged(id));
        if let Some(change) = self.found.get_mut(&key)
            && change.pointer != place
            && !change.also.iter().any(|p| p == place)
        {
            change.also.push(place.to_owned());
        }
    }
}

/// A value as a change's line shows it: a string bare, anything else as JSON, `(none)`.
pub(super) fn shown(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "(none)".to_owned(),
    }
}

/// Whether a parameter or request body says `required: true`.
pub(super) fn is_required(param: &Value) -> bool {
    param.get("required").and_then(Value::as_bool) == Some(true)
}

/// A schema with its descriptions and examples removed, for "same shape" comparisons.
pub(super) fn shape(node: &Value) -> Value {
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
