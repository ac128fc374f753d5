//! `cargo xtask diff`: what changed between two versions of a spec, graded twice — for the wire
//! (a client built from the old spec against a server implementing the new one) and for Rust
//! (code written against the old generated crate, built against the new one).
//!
//! The Rust grade is measured: both versions are generated in memory (the old one is read
//! instead from the code committed with it, when that was generated from exactly its spec:
//! [`source::committed_code`]), their public APIs read with syn ([`rust_api`]), compared, and
//! every difference attributed to the spec change that explains it ([`grade`]). A difference
//! no spec change explains is reported on its own. The two sides are loaded and read at the
//! same time, on two threads (`both_sides`).
//!
//! The files import one way, each only from those before it: `terms` (the words); `rules`;
//! `rust_api`; `spec_changes`; `outcome` (what a comparison finds); `document` (a loaded side);
//! `grade`, `source` and `report`; `compare`; `command`. This file only names them.

pub mod command;
mod compare;
mod document;
pub mod grade;
mod outcome;
pub mod report;
pub mod rules;
pub mod rust_api;
pub mod source;
pub mod spec_changes;
mod terms;

pub use compare::{check_committed_api, compare, compare_with};
pub use document::{Document, empty_document, load, load_source};
pub use outcome::{Change, Report};
pub use rust_api::RustChange;
pub use terms::{Grade, Side, Target};
