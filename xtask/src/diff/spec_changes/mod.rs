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
//! - `change`: one change, and the collector that merges one found twice (below all the rest);
//! - `doc`: the two documents as the walk reads them;
//! - `document`: `info` and servers;
//! - `components`: component schemas added, removed, renamed or unused;
//! - `paths`: operations added, removed, moved; each one's id, summary and description;
//! - `security`, `parameters`, `request_body`, `responses`: those of one operation;
//! - the schema walk, one schema of both sides: `schema` (its own keywords, items and map
//!   values), which hands nested schemas back to itself from `properties` and `composition`
//!   (value constraints, `oneOf`/`anyOf`/`allOf` members, discriminators); all three stand on
//!   `walk` (the walk's state and a schema's place).
//!
//! The imports go one way, down this list: this module → `document`, `components`, `paths` →
//! `security`, `parameters`, `request_body`, `responses` → `schema` → `properties`,
//! `composition` → `walk` → `doc` → `change`. A nested schema goes back to `schema` as a
//! pair returned by `properties` or `composition`, never by a call from them.

use serde_json::Value;

mod change;
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

use change::Changes;
pub use change::{SpecChange, norm};
use components::{component_changes, unused_schema_changes};
use doc::Doc;
use document::document_changes;
use paths::path_changes;

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
