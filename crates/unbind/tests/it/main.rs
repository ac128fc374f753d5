//! The facade's integration tests, against loopback servers.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod bulk;
mod cloudbase;
mod common;
mod faults;
mod harness;
mod hostile_bytes;
mod manta;
mod oneaccess;
mod secrets;
