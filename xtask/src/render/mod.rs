//! Turns a checked spec into the text of `generated.rs` (and of `mock.rs`): progenitor, the
//! rewrite passes, then prettyplease.
//!
//! This file holds the settings and the call into progenitor, and the round loop that runs it
//! again without each part of the document it fails on: the public API ([`syntax`],
//! [`api_syntax`], [`render`], [`render_with_mock`]). The rest, one concern a file:
//!
//! - `locate.rs`: a progenitor error, panic or time-out blamed on the part of the document
//!   that alone causes it ([`locate_panic`]);
//! - `names.rs`: two things of the spec that become one Rust item;
//! - `mock.rs`: the typed `httpmock` mocks ([`render_mock`], [`escape_path_values`]);
//! - `rewrite/`: the rewrite passes over progenitor's output, one file a pass, each saying
//!   which progenitor 0.15.1 behaviour it changes, what that bought and what would make it
//!   unnecessary (`xtask/tests/it/render_passes.rs` fails, naming the pass, when progenitor's
//!   output no longer has the shape a pass expects).
//!
//! Not rustfmt: on Clerk's document (106,000 lines) it took 1 s of the pipeline's 2.2 s, twice
//! what progenitor and prettyplease take together (BENCHMARKS.md, "The pipeline against
//! progenitor alone"). prettyplease's output is deterministic and readable; each client crate's
//! `lib.rs` declares the module `#[rustfmt::skip]`, so `cargo fmt --check` leaves it alone.

use std::collections::BTreeSet;
use std::time::Duration;

use openapiv3::OpenAPI;
use proc_macro2::TokenStream;

use crate::problem::Problem;
use crate::progenitor_run::{self, Generated};

mod locate;
mod mock;
mod names;
mod rewrite;

pub use locate::locate_panic;
pub use mock::{escape_path_values, render_mock};
pub use rewrite::{
    BuilderRewrites, add_response_value, drop_api_version, drop_shorter_than_zero,
    drop_unused_defaults, drop_unused_imports, move_response_headers, rewrite_builders,
    static_unset_messages,
};

use locate::{
    Culprit, locate_error_culprit, locate_panic_culprit, timed_out, without_operation,
    without_schema,
};
use names::one_item_per_name;
use rewrite::{API_VERSION, literals_holding};

/// The command named in every generated file's first line.
pub const COMMAND: &str = "cargo xtask generate";

/// What [`render`] makes of a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The full text of `generated.rs`.
    pub code: String,
    /// The `[dependencies]` keys of the crates it uses ([`crate::dependencies::used`]).
    pub crates: BTreeSet<&'static str>,
}

/// Generates the full text of `generated.rs` for `spec` (read from `file`, whose bytes have the
/// SHA-256 `spec_sha256`), printed by prettyplease, and the crates it uses.
pub fn render(spec: &OpenAPI, file: &str, spec_sha256: &str) -> Result<Rendered, Vec<Problem>> {
    render_with(spec, file, spec_sha256, false).map(|(rendered, _)| rendered)
}

/// [`render`], and the notes of the operations left out because progenitor refused them
/// (see [`syntax_with`]); `strict` refuses them instead.
pub fn render_with(
    spec: &OpenAPI,
    file: &str,
    spec_sha256: &str,
    strict: bool,
) -> Result<(Rendered, Vec<Problem>), Vec<Problem>> {
    let (syntax, notes) = syntax_with(spec, file, progenitor_run::deadline(), strict)?;
    let crates = crate::dependencies::used(spec, file, &syntax)?;
    let code = prettyplease::unparse(&syntax);
    let rendered = Rendered {
        code: format!("{}\n\n{code}", header(file, spec_sha256)),
        crates,
    };
    Ok((rendered, notes))
}

/// [`render_with`], and the text of `mock.rs`: progenitor's typed `httpmock` mocks of the same
/// operations ([`render_mock`]), made from the document the client was made from (after the
/// operations left out were taken out), so that the two cover the same operations.
pub fn render_with_mock(
    spec: &OpenAPI,
    file: &str,
    spec_sha256: &str,
    strict: bool,
) -> Result<(Rendered, String, Vec<Problem>), Vec<Problem>> {
    let (syntax, notes, current) =
        syntax_passes(spec, file, progenitor_run::deadline(), strict, Passes::All)?;
    let crates = crate::dependencies::used(spec, file, &syntax)?;
    let code = prettyplease::unparse(&syntax);
    let rendered = Rendered {
        code: format!("{}\n\n{code}", header(file, spec_sha256)),
        crates,
    };
    let (mock, mut left_out) = render_mock(&current, file, spec_sha256)?;
    let mut notes = notes;
    notes.append(&mut left_out);
    Ok((rendered, mock, notes))
}

/// The first line of every generated file: which spec (and its SHA-256) and which command.
pub fn header(file: &str, spec_sha256: &str) -> String {
    format!(
        "// This file is generated from {file} (sha256 {spec_sha256}) by `{COMMAND}`; do not edit it by hand."
    )
}

/// The generated code for `spec` (read from `file`) as a syntax tree, before any formatting:
/// what `render` prints, and what `cargo xtask diff` reads the public Rust API from.
pub fn syntax(spec: &OpenAPI, file: &str) -> Result<syn::File, Vec<Problem>> {
    syntax_within(spec, file, progenitor_run::deadline())
}

/// [`syntax`], with progenitor given up after `deadline` on a document whose schemas typify
/// must merge (see [`progenitor_run`]): a problem at the schema most likely to blame.
pub fn syntax_within(
    spec: &OpenAPI,
    file: &str,
    deadline: Duration,
) -> Result<syn::File, Vec<Problem>> {
    syntax_with(spec, file, deadline, false).map(|(syntax, _)| syntax)
}

/// How many problems [`syntax_with`] finds by running progenitor again after an error or a
/// panic, without what caused it, before it stops (operations it leaves out do not count).
const MAX_ROUNDS: usize = 8;

/// [`syntax_within`], reporting every progenitor error and panic that it can blame on a part
/// of the document, and then what the generated code shows, in one run: each time progenitor
/// fails, the part that alone fails so (`locate`) is taken out and progenitor runs again
/// (until `MAX_ROUNDS` problems). An operation that progenitor refuses alone is left out of the
/// client with a note (`strict`: a problem); a component schema is a problem, and becomes
/// `{}` (any value) for the next round, so that what refers to it still resolves.
pub fn syntax_with(
    spec: &OpenAPI,
    file: &str,
    deadline: Duration,
    strict: bool,
) -> Result<(syn::File, Vec<Problem>), Vec<Problem>> {
    syntax_passes(spec, file, deadline, strict, Passes::All)
        .map(|(syntax, notes, _)| (syntax, notes))
}

/// The generated code for `spec` (read from `file`) with only what its public API depends on
/// ([`crate::diff::rust_api`]): what [`syntax`] gives, every check made and every rewrite
/// that changes an item's signature or can fail done, but not the rewrites of function bodies,
/// private items and attributes, none of which can fail (the static messages of unset fields,
/// `response_value`, the unused imports and defaults, the lengths compared with zero, the lints
/// allowed). Its public API is exactly [`syntax`]'s (a test reads both on every fixture); its
/// problems are the same. What `cargo xtask diff` reads.
pub fn api_syntax(spec: &OpenAPI, file: &str) -> Result<syn::File, Vec<Problem>> {
    syntax_passes(spec, file, progenitor_run::deadline(), false, Passes::Api).map(|(s, _, _)| s)
}

/// Which rewrite passes [`syntax_passes`] makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Passes {
    /// Every one: the code `generate` prints.
    All,
    /// Those the public API depends on, and those that can fail (see [`api_syntax`]).
    Api,
}

/// [`syntax_with`], with the rewrite passes `passes` says, and the document progenitor
/// generated the client from: `spec` without the operations it left out.
fn syntax_passes<'a>(
    spec: &'a OpenAPI,
    file: &str,
    deadline: Duration,
    strict: bool,
    passes: Passes,
) -> Result<(syn::File, Vec<Problem>, std::borrow::Cow<'a, OpenAPI>), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let Ok((tokens, current)) =
        progenitor_rounds(spec, file, deadline, strict, &mut problems, &mut notes)
    else {
        return Err(problems);
    };
    let spec: &OpenAPI = &current;
    // What can be done on tokens is done before the one parse: a rewrite of the syntax tree
    // would print and parse it again.
    let tokens = move_response_headers(crate::render_docs::doc_comments(tokens))
        .map_err(|e| vec![Problem::at(file, "", e)])?;
    let api_versions = literals_holding(tokens.clone(), API_VERSION);
    let mut syntax = syn::parse2(tokens).map_err(|e| {
        vec![Problem::at(
            file,
            "",
            format!("progenitor produced code that does not parse: {e}"),
        )]
    })?;
    if let Err(mut found) = one_item_per_name(spec, file, &syntax) {
        problems.append(&mut found);
    }
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    drop_api_version(&mut syntax, api_versions).map_err(|e| vec![Problem::at(file, "", e)])?;
    rewrite_builders(&mut syntax).map_err(|e| vec![Problem::at(file, "", e)])?;
    if passes == Passes::All {
        static_unset_messages(&mut syntax);
        add_response_value(&mut syntax);
        drop_unused_imports(&mut syntax.items);
        drop_shorter_than_zero(&mut syntax.items);
        drop_unused_defaults(&mut syntax);
        syntax.attrs.extend(allowed_lints());
    }
    Ok((syntax, notes, current))
}

/// Runs progenitor on `spec` until it gives tokens, each time without the part that its error
/// or panic is blamed on (see [`syntax_with`]): the tokens and the document they are of. The
/// problems and the notes of the operations left out go to `problems` and `notes`; `Err` when
/// it gives up (the problems say why).
fn progenitor_rounds<'a>(
    spec: &'a OpenAPI,
    file: &str,
    deadline: Duration,
    strict: bool,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<Problem>,
) -> Result<(TokenStream, std::borrow::Cow<'a, OpenAPI>), ()> {
    let mut current = std::borrow::Cow::Borrowed(spec);
    let tokens = loop {
        let (message, panicked) = match progenitor_run::generate(&current, deadline) {
            Generated::Done(Ok(Ok(tokens))) => break tokens,
            Generated::Done(Ok(Err(message))) => (message, false),
            Generated::Done(Err(message)) => (message, true),
            Generated::TimedOut(limit) => {
                problems.push(timed_out(&current, file, limit));
                return Err(());
            }
        };
        let (problem, culprit) = if panicked {
            locate_panic_culprit(&current, file, &message, deadline)
        } else {
            locate_error_culprit(&current, file, &message, deadline)
        };
        let next = match culprit {
            Culprit::Operation { path, method, id } => {
                if strict {
                    problems.push(problem);
                } else {
                    let reason = problem
                        .message
                        .split_once(": ")
                        .map_or(problem.message.as_str(), |(_, why)| why);
                    notes.push(Problem::at(
                        file,
                        match &problem.location {
                            crate::problem::Location::Pointer(at) => at.clone(),
                            crate::problem::Location::LineColumn(..) => String::new(),
                        },
                        format!(
                            "operation {id:?} ({} {path}) left out of the client: progenitor \
                             0.15.1 cannot generate it: {reason} (`cargo xtask generate \
                             --strict` refuses it instead)",
                            method.to_uppercase()
                        ),
                    ));
                }
                without_operation(&current, &path, &method)
            }
            Culprit::Schema(name) => {
                problems.push(problem);
                without_schema(&current, &name)
            }
            Culprit::Unknown => {
                problems.push(problem);
                return Err(());
            }
        };
        // Each round takes out an operation or blanks a schema, so this ends; the bound only
        // keeps a document with many problems from taking long before it shows some.
        if problems.len() >= MAX_ROUNDS {
            problems.push(Problem::at(
                file,
                "",
                format!(
                    "stopped after {MAX_ROUNDS} problems that progenitor refuses or panics on; \
                     there may be more: fix these and run again"
                ),
            ));
            return Err(());
        }
        current = std::borrow::Cow::Owned(next);
    };
    Ok((tokens, current))
}

/// The lints that the generated module allows, each with its reason, as inner attributes at
/// its top: those that progenitor's code, or the document's prose in it, trips whatever the
/// document, and that no rewrite here can fix. Every other lint stays on: the crate passes
/// `cargo clippy -- -D warnings` and `cargo doc` with `-D warnings` as any other in the
/// workspace (`xtask/tests/it/scaffold_builds.rs`).
fn allowed_lints() -> [syn::Attribute; 2] {
    [
        allow(
            "missing_docs",
            "progenitor documents what the document describes: an operation, schema or property without a description has no doc text",
        ),
        allow(
            "clippy::doc_lazy_continuation",
            "the document's prose: a list item continued on an unindented line is valid Markdown, shown as its author meant",
        ),
    ]
}

/// The inner attribute `#![allow(lint, reason = "reason")]`, at the top of a generated file.
fn allow(lint: &str, reason: &str) -> syn::Attribute {
    let lint: syn::Path = syn::parse_str(lint).expect("a lint's name is a path");
    syn::parse_quote!(#![allow(#lint, reason = #reason)])
}
