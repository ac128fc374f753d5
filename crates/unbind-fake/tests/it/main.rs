//! The fake's integration tests: each provider's cycle through the facade, the binary, and how it serves.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod binary;
mod bindings;
mod cloudbase;
mod common;
mod manta;
mod oneaccess;
mod refused;
mod serving;
mod unrouted;
