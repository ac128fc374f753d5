//! The `unbind` command's integration tests, run as a user runs it: the binary against loopback servers and the fake.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod bulk;
mod cli;
mod common;
mod offline;
mod tls;
