//! The mutations: changes to a parsed document (delete a key, change a type, duplicate a
//! name, inject prose…) and to a file's text (nest deeply, break a line, YAML's own features).
//!
//! Each mutation returns what it did, in one line, or `None` when the document has nothing it
//! applies to (the caller then draws another).

use serde_json::Value;

use super::rng::Rng;
use super::tree::{NodePath, Seg, all_paths, get};

mod names;
mod overlay;
mod shapes;
mod text;
mod values;

use names::*;
use overlay::overlay_action;
pub(super) use overlay::synthesize_overlay;
use shapes::*;
pub(super) use text::mutate_text;
use values::*;

/// A name that differs from `name` only in case or punctuation (or, sometimes, not at all):
/// one that becomes the same Rust identifier.
pub(super) fn variant(rng: &mut Rng, name: &str) -> String {
    let words = words(name);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let capitalised: Vec<String> = lower
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    let camel = match capitalised.split_first() {
        Some((_, rest)) => format!("{}{}", lower[0], rest.concat()),
        None => String::new(),
    };
    let candidates = [
        lower.join("_"),
        lower.join("-"),
        capitalised.concat(),
        camel,
        name.to_uppercase(),
        name.to_lowercase(),
        format!("{name}_"),
        format!("_{name}"),
        lower.join("."),
        lower.join(" "),
        lower.join("__"),
        name.to_owned(),
    ];
    let different: Vec<&String> = candidates.iter().filter(|c| c.as_str() != name).collect();
    if rng.percent(15) || different.is_empty() {
        return name.to_owned();
    }
    (*rng.pick(&different).expect("not empty")).clone()
}

/// The words of a name: split at `_`, `-`, `.`, spaces and lower-to-upper case changes.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' || c == ' ' {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The paths of the nodes of `doc` that `keep` accepts.
fn find(doc: &Value, keep: impl Fn(&[Seg], &Value) -> bool) -> Vec<NodePath> {
    all_paths(doc)
        .into_iter()
        .filter(|path| get(doc, path).is_some_and(|node| keep(path, node)))
        .collect()
}

/// One node of `doc` that `keep` accepts, if any.
fn pick_node(
    rng: &mut Rng,
    doc: &Value,
    keep: impl Fn(&[Seg], &Value) -> bool,
) -> Option<NodePath> {
    rng.pick(&find(doc, keep)).cloned()
}

/// A mutation of a parsed document.
type DocMutation = fn(&mut Rng, &mut Value) -> Option<String>;

/// The mutations of an OpenAPI document, each with its weight.
const SPEC_MUTATIONS: &[(u64, DocMutation)] = &[
    (14, delete_key),
    (12, change_type),
    (16, duplicate_name),
    (5, nest_schema),
    (10, inject_prose),
    (8, hostile_name),
    (8, ref_mischief),
    (5, parameter_place),
    (3, empty_operation_id),
    (8, schema_keyword),
    (5, response_shape),
    (5, copy_subtree),
    (2, openapi_version),
];

/// The mutations of an Overlay document, each with its weight.
const OVERLAY_MUTATIONS: &[(u64, DocMutation)] = &[
    (20, overlay_action),
    (10, delete_key),
    (10, change_type),
    (6, inject_prose),
    (4, copy_subtree),
];

/// Applies one mutation drawn from `table` (by weight) to `doc`; `None` if none of the few
/// drawn applied.
fn apply_one(rng: &mut Rng, doc: &mut Value, table: &[(u64, DocMutation)]) -> Option<String> {
    let total: u64 = table.iter().map(|(weight, _)| weight).sum();
    for _ in 0..12 {
        let mut draw = rng.next_u64() % total;
        let mutation = table
            .iter()
            .find(|(weight, _)| {
                if draw < *weight {
                    true
                } else {
                    draw -= weight;
                    false
                }
            })
            .map(|(_, mutation)| *mutation)
            .expect("the draw is below the total");
        if let Some(done) = mutation(rng, doc) {
            return Some(done);
        }
    }
    None
}

/// Applies one mutation suited to an OpenAPI document (`overlay` false) or an overlay.
pub(super) fn mutate_document(rng: &mut Rng, doc: &mut Value, overlay: bool) -> Option<String> {
    let table = if overlay {
        OVERLAY_MUTATIONS
    } else {
        SPEC_MUTATIONS
    };
    apply_one(rng, doc, table)
}
