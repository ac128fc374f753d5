//! Repairs the defects of a document (a published one, usually) that have one obvious
//! meaning, in memory, before anything else reads it (after the overlay, before
//! [`crate::lint::check_ref_kinds`]): each repair is one note at the deepest pointer, so the
//! pointers are those of the document as written. Listed in README, "Shapes made to fit":
//!
//! - a schema that is a `$ref` to a response becomes that response's JSON schema
//!   (`response_ref.rs`);
//! - a path parameter not marked `required: true` is made required (`path_parameter.rs`);
//! - an enum value already listed is dropped (`duplicate_enum.rs`);
//! - a `default` that does not fit its schema is dropped (`default_value.rs`);
//! - a `pattern` the generated code cannot compile is dropped (`pattern.rs`);
//! - `default` beside a 3xx and no 2xx becomes the error response (`redirect.rs`).
//!
//! Only the document's own places are read: a schema position, a parameter, an operation.
//! Examples, defaults, enum values and extensions (`x-…`) are data, never repaired.

mod default_value;
mod duplicate_enum;
mod path_parameter;
mod pattern;
mod redirect;
mod response_ref;

use serde_json::Value;

use crate::problem::Problem;

/// Repairs `doc` (read from `file`) in place; returns one note per repair.
pub fn repair(file: &str, doc: &mut Value) -> Vec<Problem> {
    let mut notes = Vec::new();
    path_parameter::repair(file, doc, &mut notes);
    // The schema repairs move no schema position (the schemas `response_ref` copies in are
    // already repaired): the positions are listed once.
    let schemas = schema_pointers(doc);
    duplicate_enum::repair(file, doc, &schemas, &mut notes);
    default_value::repair(file, doc, &schemas, &mut notes);
    pattern::repair(file, doc, &schemas, &mut notes);
    // After the schema repairs: a response's schema copied in place of a `$ref` is the
    // repaired one.
    response_ref::repair(file, doc, &schemas, &mut notes);
    redirect::repair(file, doc, &mut notes);
    notes.sort();
    notes
}

/// The pointers of every schema position of `doc` (see
/// [`schema_positions`](crate::lint_names::schema_positions)), each holding an object.
fn schema_pointers(doc: &Value) -> Vec<String> {
    crate::lint_names::schema_positions(doc)
        .into_iter()
        .map(|(at, _)| at)
        .collect()
}
