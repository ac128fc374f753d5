//! The mutations: changes to a parsed document (delete a key, change a type, duplicate a
//! name, inject prose…) and to a file's text (nest deeply, break a line, YAML's own features).
//!
//! Each mutation returns what it did, in one line, or `None` when the document has nothing it
//! applies to (the caller then draws another).

use serde_json::Value;

use super::rng::Rng;

mod names;
mod overlay;
mod pick;
mod shapes;
mod text;
mod values;

use names::*;
use overlay::overlay_action;
pub(super) use overlay::synthesize_overlay;
use shapes::*;
pub(super) use text::mutate_text;

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
