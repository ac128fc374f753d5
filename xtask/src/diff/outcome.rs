//! What `diff` finds: each [`Change`], graded both ways, and the [`Report`] of one spec. Below
//! the comparison that makes them and the printer and grader that read them.

use super::rust_api::RustChange;
use super::terms::{Grade, Side};

/// One change, graded both ways, with the Rust API differences it explains.
#[derive(Clone, Debug)]
pub struct Change {
    /// Stable kebab-case id, e.g. `request-parameter-became-required`.
    pub id: String,
    /// The operationIds concerned, sorted (empty for document-wide changes).
    pub operations: Vec<String>,
    /// JSON pointer into the new document (or the old one, see `side`).
    pub pointer: String,
    /// Which document `pointer` points into.
    pub side: Side,
    /// One human line.
    pub text: String,
    /// Grade for a client built from the old spec against a server of the new one.
    pub wire: Grade,
    /// Grade for code written against the old generated crate.
    pub rust: Grade,
    /// The Rust API differences this change caused.
    pub rust_changes: Vec<RustChange>,
    /// The change's other places: where a renamed or moved thing was in the old document (the
    /// first), and the `$ref`s that follow a renamed schema.
    pub also: Vec<String>,
}

/// Everything that changed in one spec.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// What was compared, e.g. `specs/manta.yaml (HEAD → working tree)`.
    pub label: String,
    /// The spec changes, in document order of their pointers.
    pub changes: Vec<Change>,
    /// Rust API differences no spec change explains (a generator upgrade, say).
    pub unexplained: Vec<RustChange>,
}

impl Report {
    /// The worst wire grade.
    pub fn wire(&self) -> Grade {
        self.changes
            .iter()
            .map(|c| c.wire)
            .max()
            .unwrap_or(Grade::None)
    }

    /// The worst Rust grade, unexplained differences included.
    pub fn rust(&self) -> Grade {
        self.changes
            .iter()
            .map(|c| c.rust)
            .chain(self.unexplained.iter().map(|c| c.grade))
            .max()
            .unwrap_or(Grade::None)
    }
}
