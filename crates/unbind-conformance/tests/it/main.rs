//! The recorder's and the conformance checker's integration tests.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod conformance;
mod recorder;
mod shape;
