//! The workspace's tasks (`cargo xtask`): [`generate`] the client crates from specs/ with
//! progenitor, [`diff`] two versions of a spec, [`release`] a client crate, [`mutate`] the specs
//! and fixtures to find panics and hangs, and check the published [`corpus`]. [`cli`] runs the
//! command line that [`flags`] parses; [`workspace`] knows where the files are.

pub mod cli;
pub mod corpus;
pub mod dependencies;
pub mod diff;
pub mod flags;
pub mod generate;
pub mod keep;
pub mod leave_out;
pub mod lint;
/// The lint's checks by their former paths: `lint/all_of.rs`, `lint/fields.rs`, `lint/names.rs`.
pub use lint::{all_of as lint_all_of, fields as lint_fields, names as lint_names};
pub mod mutate;
pub mod normalize;
pub mod overlay;
pub mod problem;
pub mod progenitor_run;
pub mod refs;
pub mod release;
pub mod rename;
pub mod render;
pub mod render_docs;
pub mod repair;
pub mod request_body;
pub mod scaffold;
pub mod scratch;
pub mod spec;
pub mod workspace;
pub mod yaml_depth;

pub use generate::{Output, plan, plan_strict, plan_with_notes, write};
pub use problem::Problem;
pub(crate) use workspace::{OUTSIDE, leaves_workspace};
pub use workspace::{
    cargo_sharing_target, client_crate, generated_file, providers, read_file, replace, sha256_hex,
    target_dir, workspace_root,
};
