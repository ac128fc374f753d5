//! The xtask's integration tests: lints, generation, scaffolding, each in a throwaway workspace.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod common;
mod corpus;
mod dependencies;
mod diff;
mod diff_cli;
mod diff_committed;
mod diff_history;
mod diff_rules;
mod fields;
mod fixture_builds;
mod generate;
mod import_loops;
mod keep;
mod leave_out;
mod lints;
mod mutants;
mod names;
mod overlays;
mod release_writes;
mod render;
mod render_passes;
mod repairs;
mod scaffold_builds;
mod scratch;
mod seed;
mod shapes;
mod untrusted;
mod untrusted_text;
mod versions;
