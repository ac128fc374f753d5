//! The xtask's one command line: every command, its flags and their defaults, parsed by clap.
//!
//! [`parse`] turns the arguments into a [`Command`], or into the exit code and the text to
//! print: `--help` on stdout with exit 0, a usage error (clap's `error:` message, then the
//! usage of the command it concerns) on stderr with exit 2. A flag given twice counts once, the
//! last value winning, as the hand-written parsers had it.

// The doc comments of the commands and flags below are their `--help` text, printed as written
// in a terminal: `<provider>` there is a placeholder, which rustdoc would read as an HTML tag.
#![allow(
    rustdoc::invalid_html_tags,
    reason = "doc comments here are --help text, where `<provider>` is a placeholder"
)]

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// How each command's `--help` is laid out: the usage lines first, as the tests read them.
const TEMPLATE: &str = "usage: {usage}\n\n{about-with-newline}\n{all-args}{after-help}";

/// `cargo xtask`: the generator and its checks.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    disable_help_subcommand = true,
    help_template = TEMPLATE,
    args_override_self = true,
    override_usage = "\
cargo xtask generate [PROVIDER] [--check] [--strict]
       cargo xtask diff [PROVIDER] [--base REV | --from FILE --to FILE] [--format F] [--fail-on G]
       cargo xtask diff --rules [--format text|markdown]
       cargo xtask release PROVIDER
       cargo xtask mutate [--count N] [--seed S] [--seconds T] [--index N] [--deadline D]
       cargo xtask corpus [--only NAME]"
)]
pub struct Xtask {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// One xtask command and its flags.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Regenerate (or check) each provider's client crate from its spec or published document.
    ///
    /// Reads specs/<provider>.yaml, or a published document specs/upstream/<provider>.json (or
    /// .yaml) as published with specs/<provider>.overlay.yaml if any, and specs/<provider>.keep.yaml
    /// if any (the operations to generate), and regenerates crates/<provider>-client/src/generated.rs
    /// with progenitor.
    ///
    /// A provider with no crate yet gets crates/<provider>-client/ scaffolded (Cargo.toml,
    /// src/lib.rs); the crate's `[dependencies]` follow what generated.rs uses on every run. A
    /// document's defects with one obvious meaning are repaired, shapes progenitor cannot take are
    /// rewritten, names that would clash renamed, and operations it cannot express left out, each
    /// with a `note:` line on stderr; every problem is one line. Swagger 2.0: convert it first.
    /// Exit code: 0 done (or up to date), 1 a problem or stale files, 2 a usage error.
    #[command(verbatim_doc_comment)]
    Generate(Generate),
    /// What changed in a spec or a published document, graded for the wire and for Rust.
    ///
    /// The wire: a client built from the old spec against a server implementing the new one.
    /// Rust: code written against the old generated crate.
    ///
    /// Default: the spec committed at HEAD against the working tree. Two published documents (a
    /// provider's JSON or YAML, as downloaded) compare with --from and --to, each with the overlay
    /// `generate` would apply. Bad input (unknown revision, no git, a spec with problems) is one
    /// line on stderr, exit 2; exit 1 when the --fail-on policy fails.
    #[command(verbatim_doc_comment)]
    Diff(Diff),
    /// Bump a client crate's version by what its API did, with its changelog entry.
    ///
    /// Bumps crates/<provider>-client's version by what its API did since its baseline, writes the
    /// entry at the top of its CHANGELOG.md (below `## [Unreleased]`), and records the new baseline
    /// (crates/<provider>-client/baseline.yaml).
    ///
    /// A provider generated from a published document is released the same way: its API is what
    /// the document generates. All or nothing: after a failure, run it again to finish the same
    /// release. Exit code: 0 done, 1 failed, 2 bad input.
    #[command(verbatim_doc_comment)]
    Release(Release),
    /// Run mutated specs and fixtures through the pipeline: no panic, no hang.
    ///
    /// Mutates specs/ and xtask/tests/fixtures/ (the published documents aside) and runs each
    /// mutant through the xtask's pipeline: each must end in success or in problems naming its
    /// files, never in a panic or a hang.
    ///
    /// A failing mutant's files go to target/mutants/<seed>-<index>/; exit 1 if any failed.
    #[command(verbatim_doc_comment)]
    Mutate(Mutate),
    /// Generate, build, clippy- and doc-check every published document of the corpus.
    ///
    /// Generates every published document in xtask/tests/fixtures/published/ (with its
    /// <stem>.overlay.yaml and <stem>.keep.yaml, if any) into a scratch workspace under the target
    /// directory (target/tmp/corpus/), then builds, clippy-checks (--lib, -D warnings) and
    /// doc-checks (--no-deps, RUSTDOCFLAGS=-D warnings) each crate.
    ///
    /// One line per fixture and step; exit 1 if any fixture fails any step, 2 on a usage error.
    #[command(verbatim_doc_comment)]
    Corpus(Corpus),
}

/// The flags of `cargo xtask generate`.
#[derive(Debug, Clone, clap::Args)]
#[command(
    help_template = TEMPLATE,
    args_override_self = true,
    override_usage = "cargo xtask generate [PROVIDER] [--check] [--strict]"
)]
pub struct Generate {
    /// Only this spec (default: every spec in specs/).
    pub provider: Option<String>,
    /// Write nothing; print a diff of what is stale and exit 1 if anything is.
    #[arg(long)]
    pub check: bool,
    /// Refuse an operation progenitor cannot express (a body only in multipart/form-data, two
    /// parameters that become one Rust name, a cookie parameter, anything progenitor refuses in
    /// it) instead of leaving it out of the client with a note.
    #[arg(verbatim_doc_comment, long)]
    pub strict: bool,
}

/// The flags of `cargo xtask diff`.
#[derive(Debug, Clone, clap::Args)]
#[command(
    help_template = TEMPLATE,
    args_override_self = true,
    override_usage = "\
cargo xtask diff [PROVIDER] [--base REV | --from FILE --to FILE]
                        [--from-overlay OVERLAY] [--to-overlay OVERLAY]
                        [--format text|markdown|json] [--fail-on rust|wire|any]
       cargo xtask diff --rules [--format text|markdown]"
)]
pub struct Diff {
    /// Only this spec (default: every spec).
    pub provider: Option<String>,
    /// The old spec from this git revision (a branch, a tag, HEAD~3); its API is read from the
    /// generated.rs committed there if that was generated from it.
    #[arg(verbatim_doc_comment, long, value_name = "REV")]
    pub base: Option<String>,
    /// Compare this spec file (a regular file: not a pipe, a FIFO or a device), such as a
    /// provider's published document, with --to.
    #[arg(verbatim_doc_comment, long, value_name = "FILE")]
    pub from: Option<String>,
    /// The new side of --from.
    #[arg(long, value_name = "FILE")]
    pub to: Option<String>,
    /// Apply this Overlay 1.0 file to --from's document first, as `generate` applies
    /// specs/<provider>.overlay.yaml to specs/upstream/<provider>.json.
    #[arg(verbatim_doc_comment, long, value_name = "OVERLAY")]
    pub from_overlay: Option<String>,
    /// Apply this Overlay 1.0 file to --to's document first.
    #[arg(long, value_name = "OVERLAY")]
    pub to_overlay: Option<String>,
    /// How to print the report: markdown is for a pull request.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 when a change is rust-breaking, wire-breaking, or either (default: report only,
    /// exit 0).
    #[arg(verbatim_doc_comment, long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Print the rule table instead: every class of change with its id, its wire grade, the
    /// Rust grade its fixture measures, one line, and its fixture under
    /// xtask/tests/fixtures/diff/ (markdown: the README's copy).
    #[arg(verbatim_doc_comment, long)]
    pub rules: bool,
}

/// How `diff` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, for a pull request.
    Markdown,
    /// JSON.
    Json,
}

/// Which changes make `diff` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A change that breaks code written against the old crate.
    Rust,
    /// A change that breaks an old client against a new server.
    Wire,
    /// Either.
    Any,
}

/// The flags of `cargo xtask release`.
#[derive(Debug, Clone, clap::Args)]
#[command(help_template = TEMPLATE, args_override_self = true, override_usage = "cargo xtask release PROVIDER")]
pub struct Release {
    /// The provider whose client crate to release.
    pub provider: String,
}

/// The flags of `cargo xtask mutate`.
#[derive(Debug, Clone, clap::Args)]
#[command(
    help_template = TEMPLATE,
    args_override_self = true,
    override_usage = "\
cargo xtask mutate [--count N] [--seed S] [--seconds T] [--index N] [--deadline D]
       cargo xtask mutate --cases DIR [--deadline D]"
)]
pub struct Mutate {
    /// How many mutants.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub count: u64,
    /// Which ones: mutant N of seed S is always the same.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Start no new mutant after T seconds.
    #[arg(long, value_name = "T")]
    pub seconds: Option<u64>,
    /// Run mutant N alone (with --seed), to reproduce a failure.
    #[arg(long, value_name = "N")]
    pub index: Option<u64>,
    /// Seconds one mutant may take before it counts as a hang.
    #[arg(long, value_name = "D", default_value_t = 10)]
    pub deadline: u64,
    /// Run the regression cases kept in DIR (xtask/tests/fixtures/mutants/) instead.
    #[arg(long, value_name = "DIR")]
    pub cases: Option<PathBuf>,
    /// Serve mutants read from stdin in WORKSPACE (`-`: none), giving progenitor MS
    /// milliseconds each: how `mutate` runs its worker processes.
    #[arg(verbatim_doc_comment, long, hide = true, num_args = 1..=2, value_names = ["WORKSPACE", "MS"])]
    pub worker: Option<Vec<String>>,
}

/// The flags of `cargo xtask corpus`.
#[derive(Debug, Clone, clap::Args)]
#[command(help_template = TEMPLATE, args_override_self = true, override_usage = "cargo xtask corpus [--only NAME]")]
pub struct Corpus {
    /// Only this fixture: its file stem (`kratos-2026-05-04`) or its provider name
    /// (`kratos_2026_05_04`).
    #[arg(verbatim_doc_comment, long, value_name = "NAME")]
    pub only: Option<String>,
}

/// What [`parse`] makes of the arguments when they are not a command to run.
#[derive(Debug)]
pub struct Stop {
    /// The exit code: 0 after `--help`, 2 after a usage error.
    pub code: u8,
    /// What to print: on stdout when `code` is 0, else on stderr.
    pub text: String,
}

/// Parses `args` (without the program name) into the command to run.
pub fn parse(args: &[String]) -> Result<Command, Stop> {
    let argv = std::iter::once(OsString::from("cargo xtask")).chain(args.iter().map(Into::into));
    match Xtask::try_parse_from(argv) {
        Ok(xtask) => Ok(xtask.command),
        Err(error) if matches!(error.kind(), ErrorKind::DisplayHelp) => Err(Stop {
            code: 0,
            text: format!("{}\n", error.render().to_string().trim_end()),
        }),
        Err(error) => {
            let rendered = error.render().to_string();
            let message = match error.kind() {
                // No command: clap would print the whole help on stderr.
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => format!(
                    "error: expected the task {}",
                    Xtask::command()
                        .get_subcommands()
                        .map(|command| format!("`{}`", command.get_name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                // clap's message, without its own usage line and hint: the usage follows.
                _ => rendered
                    .split("\n\nUsage:")
                    .next()
                    .and_then(|message| message.split("\n\nFor more information").next())
                    .unwrap_or_default()
                    .trim_end()
                    .to_owned(),
            };
            let name = args.first().map_or("", String::as_str);
            Err(Stop {
                code: 2,
                text: format!("{message}\n\n{}\n", usage(name)),
            })
        }
    }
}

/// The usage lines of the command named `name` (of every command, if it names none), as its
/// `--help` begins.
pub fn usage(name: &str) -> String {
    let mut xtask = Xtask::command();
    let mut command = match xtask.find_subcommand_mut(name) {
        Some(command) => command.clone(),
        None => xtask,
    };
    let usage = command.render_usage().to_string();
    format!("usage: {}", usage.trim_start_matches("Usage: "))
}

/// The whole command line as clap sees it: what `--help` prints, and what a test checks with
/// `debug_assert`.
pub fn command() -> clap::Command {
    Xtask::command()
}
