//! The rewrite passes over progenitor 0.15.1's output, one file a pass, in the order
//! [`super::syntax_passes`] runs them:
//!
//! 1. on progenitor's tokens, before the one parse: the doc lines (spec prose as doc text,
//!    every code block fenced as `text`), which lives in `xtask/src/render_docs.rs`
//!    ([`crate::render_docs::doc_comments`]), the fifth of the passes issue 26 named; then
//!    `response_headers.rs` ([`move_response_headers`]);
//! 2. on the syntax tree, those the public API depends on or that can fail:
//!    `api_version.rs` ([`drop_api_version`]), `builders.rs` ([`rewrite_builders`]);
//! 3. then, for the code `generate` prints: `unset_messages.rs` ([`static_unset_messages`]),
//!    `response_value.rs` ([`add_response_value`]), `unused_imports.rs`
//!    ([`drop_unused_imports`]), `shorter_than_zero.rs` ([`drop_shorter_than_zero`]),
//!    `unused_defaults.rs` ([`drop_unused_defaults`]).
//!
//! Each file's doc comment says which behaviour of progenitor (or of typify 0.8, which it
//! calls) the pass changes, what that bought, and what would make the pass unnecessary. Each
//! pass has a test in `xtask/tests/it/render_passes.rs` that runs progenitor on a spec and
//! fails, naming the pass, when progenitor's output no longer has the shape the pass expects:
//! after a progenitor upgrade, the failing tests name the passes to revisit.

mod api_version;
mod builders;
mod response_headers;
mod response_value;
mod shorter_than_zero;
mod tokens;
mod unset_messages;
mod unused_defaults;
mod unused_imports;

pub use api_version::drop_api_version;
pub(super) use api_version::{API_VERSION, literals_holding};
pub use builders::{BuilderRewrites, rewrite_builders};
pub use response_headers::move_response_headers;
pub use response_value::add_response_value;
pub use shorter_than_zero::drop_shorter_than_zero;
pub(super) use tokens::last_segment;
pub use unset_messages::static_unset_messages;
pub use unused_defaults::drop_unused_defaults;
pub use unused_imports::drop_unused_imports;
