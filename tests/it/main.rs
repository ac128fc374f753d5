//! Workspace-level tests: generated code matches the specs, hooks agree with them, request-shape snapshots, conformance, documented examples, dependency and importer checks.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod client_dependencies;
mod conformance;
mod documented_examples;
mod documented_parameters;
mod generated_matches_specs;
mod hooks_match_specs;
mod mocks;
mod outside_the_workspace;
mod request_shapes;
mod snapshot_coverage;

/// Where the insta snapshots live: `tests/snapshots/`, each named `<file>__<name>.snap` after
/// the test file that takes it (`request_shapes__…`, `documented_examples__…`).
fn snapshots() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}
