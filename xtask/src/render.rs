//! Turns a checked spec into the text of `generated.rs`: progenitor, the rewrite passes, then
//! prettyplease.
//!
//! Not rustfmt: on Clerk's document (106,000 lines) it took 1 s of the pipeline's 2.2 s, twice
//! what progenitor and prettyplease take together (BENCHMARKS.md, "The pipeline against
//! progenitor alone"). prettyplease's output is deterministic and readable; each client crate's
//! `lib.rs` declares the module `#[rustfmt::skip]`, so `cargo fmt --check` leaves it alone.

use std::collections::BTreeSet;
use std::time::Duration;

use openapiv3::{OpenAPI, PathItem, ReferenceOr};
use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use serde_json::Value;

use crate::problem::{Problem, join};
use crate::progenitor_run::{self, Generated};

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

/// The text of a client crate's `src/mock.rs` for `spec` (the document its client was
/// generated from, operations left out already taken out): progenitor's
/// `Generator::httpmock`, naming the client as `crate` (the module sits in the client crate,
/// behind its `mock` feature), with the lints its code trips allowed at its top; and a note
/// for each operation that has no mock.
///
/// progenitor's mock generator fails on some documents whose client it generates (it panics
/// on a documented status that has no reason phrase, such as `599`): each operation that fails
/// alone is left out of the mocks, with a note, and the rest are generated.
pub fn render_mock(
    spec: &OpenAPI,
    file: &str,
    spec_sha256: &str,
) -> Result<(String, Vec<Problem>), Vec<Problem>> {
    let failure = |spec: &OpenAPI| match progenitor_run::mock_quietly(spec, "crate") {
        Ok(Ok(tokens)) => Ok(tokens),
        Ok(Err(e)) => Err(format!("it refused the operation: {e}")),
        Err(message) => Err(format!("it panicked: {message}")),
    };
    let mut notes = Vec::new();
    let tokens = match failure(spec) {
        Ok(tokens) => tokens,
        Err(whole) => {
            let mut rest = spec.clone();
            for (path, method, operation) in spec.operations() {
                let Some(ReferenceOr::Item(item)) = spec.paths.paths.get(path) else {
                    continue;
                };
                let mut alone = spec.clone();
                alone.paths.paths.clear();
                alone
                    .paths
                    .paths
                    .insert(path.to_owned(), ReferenceOr::Item(only(item, method)));
                if let Err(why) = failure(&alone) {
                    let id = operation.operation_id.as_deref().unwrap_or("");
                    notes.push(Problem::at(
                        file,
                        format!(
                            "/paths/{}/{method}",
                            path.replace('~', "~0").replace('/', "~1")
                        ),
                        format!(
                            "operation {id:?} ({} {path}) has no mock: progenitor 0.15.1's \
                             mock generator cannot generate it: {why}",
                            method.to_uppercase()
                        ),
                    ));
                    rest = without_operation(&rest, path, method);
                }
            }
            if notes.is_empty() {
                return Err(vec![Problem::at(
                    file,
                    "",
                    format!("progenitor's mock generator failed on the document: {whole}"),
                )]);
            }
            failure(&rest).map_err(|why| {
                vec![Problem::at(
                    file,
                    "",
                    format!("progenitor's mock generator failed on the document: {why}"),
                )]
            })?
        }
    };
    let (tokens, _) = escape_path_values(tokens);
    let mut syntax: syn::File = syn::parse2(tokens).map_err(|e| {
        vec![Problem::at(
            file,
            "",
            format!("progenitor produced mock code that does not parse: {e}"),
        )]
    })?;
    syntax.attrs.extend(allowed_mock_lints());
    // The document as data: a string literal, whatever its text holds.
    let json = serde_json::to_string(spec).map_err(|e| {
        vec![Problem::at(
            file,
            "",
            format!("the document cannot be written as JSON: {e}"),
        )]
    })?;
    syntax.items.push(syn::parse_quote! {
        /// The OpenAPI document this crate's client and mocks were generated from, as JSON
        /// (operations that could not be generated taken out): what a test checks the
        /// requests it recorded against, and snapshots them with, through
        /// `unbind_conformance::conformance::Spec::from_yaml`.
        pub const OPENAPI_JSON: &str = #json;
    });
    let text = format!(
        "{}\n\n{}",
        header(file, spec_sha256),
        prettyplease::unparse(&syntax)
    );
    Ok((text, notes))
}

/// In progenitor's mock code, each path parameter's matcher builds its pattern as
/// `format!("^/a/{}$", value.to_string())`: the value goes into the regular expression as it
/// is, and as it is not sent. Rewritten to
/// `format!("^/a/{}$", regex::escape(&progenitor_client::encode_path(&value.to_string())))`:
/// percent-encoded as the client encodes a path segment (httpmock matches the path as sent,
/// not decoded), then escaped, so that `a.b` no longer also matches `axb` and `wechat 1`
/// matches the `wechat%201` the client sends. Returns the tokens and how many were rewritten.
pub fn escape_path_values(tokens: TokenStream) -> (TokenStream, usize) {
    let mut count = 0;
    let tokens = escape_in(tokens, &mut count);
    (tokens, count)
}

fn escape_in(tokens: TokenStream, count: &mut usize) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        let is_format = matches!(&trees[i], TokenTree::Ident(id) if id == "format")
            && matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        if is_format && let Some(TokenTree::Group(group)) = trees.get(i + 2) {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            let n = inner.len();
            // `…, value . to_string ()` at the end of the arguments.
            let tail = n >= 5
                && matches!(&inner[n - 5], TokenTree::Punct(p) if p.as_char() == ',')
                && matches!(&inner[n - 4], TokenTree::Ident(id) if id == "value")
                && matches!(&inner[n - 3], TokenTree::Punct(p) if p.as_char() == '.')
                && matches!(&inner[n - 2], TokenTree::Ident(id) if id == "to_string")
                && matches!(&inner[n - 1], TokenTree::Group(g) if g.stream().is_empty());
            if tail {
                let mut args: TokenStream = inner[..n - 4].iter().cloned().collect();
                args.extend(quote::quote!(regex::escape(
                    &progenitor_client::encode_path(&value.to_string())
                )));
                let mut replaced = Group::new(group.delimiter(), args);
                replaced.set_span(group.span());
                out.extend(trees[i..i + 2].iter().cloned());
                out.push(TokenTree::Group(replaced));
                *count += 1;
                i += 3;
                continue;
            }
        }
        match &trees[i] {
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), escape_in(group.stream(), count));
                inner.set_span(group.span());
                out.push(TokenTree::Group(inner));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// The lints that progenitor's mock code trips whatever the document, allowed at the top of
/// `mock.rs`, each with its reason.
fn allowed_mock_lints() -> Vec<syn::Attribute> {
    vec![
        syn::parse_quote!(#![allow(
            missing_docs,
            reason = "progenitor's mock generator writes no doc text for the wrappers and methods of each operation"
        )]),
        syn::parse_quote!(#![allow(
            clippy::unnecessary_to_owned,
            reason = "a path parameter's value is turned into text as `value.to_string()` whatever its type, `&str` included"
        )]),
    ]
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

/// What progenitor's failure was blamed on by [`locate`].
enum Culprit {
    /// The operation at `paths[path][method]`, whose operationId is `id`.
    Operation {
        path: String,
        method: String,
        id: String,
    },
    /// The component schema of this name.
    Schema(String),
    /// Nothing that alone fails so.
    Unknown,
}

/// `spec` without the operation at `paths[path][method]` (and without the path, if that was
/// its last operation).
fn without_operation(spec: &OpenAPI, path: &str, method: &str) -> OpenAPI {
    let mut spec = spec.clone();
    if let Some(ReferenceOr::Item(item)) = spec.paths.paths.get_mut(path) {
        match method {
            "get" => item.get = None,
            "put" => item.put = None,
            "post" => item.post = None,
            "delete" => item.delete = None,
            "options" => item.options = None,
            "head" => item.head = None,
            "patch" => item.patch = None,
            "trace" => item.trace = None,
            _ => {}
        }
        if item.iter().next().is_none() {
            spec.paths.paths.shift_remove(path);
        }
    }
    spec
}

/// `spec` with the component schema `name` made `{}` (any value).
fn without_schema(spec: &OpenAPI, name: &str) -> OpenAPI {
    let mut spec = spec.clone();
    if let Some(components) = &mut spec.components
        && let Some(schema) = components.schemas.get_mut(name)
    {
        *schema = ReferenceOr::Item(openapiv3::Schema {
            schema_data: Default::default(),
            schema_kind: openapiv3::SchemaKind::Any(Default::default()),
        });
    }
    spec
}

/// The lints that the generated module allows, each with its reason, as inner attributes at
/// its top: those that progenitor's code, or the document's prose in it, trips whatever the
/// document, and that no rewrite here can fix. Every other lint stays on: the crate passes
/// `cargo clippy -- -D warnings` and `cargo doc` with `-D warnings` as any other in the
/// workspace (`xtask/tests/it/scaffold_builds.rs`).
fn allowed_lints() -> [syn::Attribute; 2] {
    [
        syn::parse_quote!(#![allow(
            missing_docs,
            reason = "progenitor documents what the document describes: an operation, schema or property without a description has no doc text"
        )]),
        syn::parse_quote!(#![allow(
            clippy::doc_lazy_continuation,
            reason = "the document's prose: a list item continued on an unindented line is valid Markdown, shown as its author meant"
        )]),
    ]
}

/// Removes each `if value.chars().count() < 0usize { … }` that typify writes for
/// `minLength: 0`: a check that never fails, which rustc warns of (`unused_comparisons`:
/// "comparison is useless due to type limits"), so `clippy -D warnings` fails. What the
/// type accepts stays the same. In every function of every `impl` block, in `items` and the
/// modules below.
fn drop_shorter_than_zero(items: &mut [syn::Item]) {
    for item in items {
        match item {
            syn::Item::Mod(module) => {
                if let Some((_, inner)) = &mut module.content {
                    drop_shorter_than_zero(inner);
                }
            }
            syn::Item::Impl(block) => {
                for member in &mut block.items {
                    if let syn::ImplItem::Fn(function) = member {
                        function
                            .block
                            .stmts
                            .retain(|stmt| !is_shorter_than_zero(stmt));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Removes each function of a `defaults` module (typify's `default_i64`, `default_u64`, a
/// property's own default) that nothing else in `file` names, as an identifier or inside a
/// string (`#[serde(default = "defaults::default_i64::<i64, -1>")]`): an unused one warns
/// (`dead_code`), and `clippy -D warnings` fails. Public for its test
/// (`xtask/tests/it/render.rs`); [`syntax`] runs it.
pub fn drop_unused_defaults(file: &mut syn::File) {
    // How often each name occurs: as an identifier, or as a word of a string literal. Counted
    // in one walk: one walk of the whole file per function took 0.6 s on Clerk's document.
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    count_names(quote::ToTokens::to_token_stream(&*file), &mut names);
    // The functions named only where they are defined, in every module named `defaults`.
    let mut unused = BTreeSet::new();
    walk_defaults(&file.items, &mut |function| {
        let name = function.sig.ident.to_string();
        if names.get(&name).copied().unwrap_or(0) <= 1 {
            unused.insert(name);
        }
    });
    retain_defaults(&mut file.items, &unused);
}

/// Adds to `names` each identifier in `tokens`, at any depth, and each word (a run of letters,
/// digits and `_`) of each literal.
fn count_names(tokens: TokenStream, names: &mut std::collections::HashMap<String, usize>) {
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => count_names(group.stream(), names),
            TokenTree::Ident(ident) => *names.entry(ident.to_string()).or_default() += 1,
            TokenTree::Literal(literal) => {
                let text = literal.to_string();
                for word in text
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|word| !word.is_empty())
                {
                    *names.entry(word.to_owned()).or_default() += 1;
                }
            }
            TokenTree::Punct(_) => {}
        }
    }
}

/// Calls `each` with every function of every module named `defaults` in `items`, at any depth.
fn walk_defaults(items: &[syn::Item], each: &mut dyn FnMut(&syn::ItemFn)) {
    for item in items {
        if let syn::Item::Mod(module) = item
            && let Some((_, inner)) = &module.content
        {
            if module.ident == "defaults" {
                for item in inner {
                    if let syn::Item::Fn(function) = item {
                        each(function);
                    }
                }
            }
            walk_defaults(inner, each);
        }
    }
}

/// Removes the functions named in `unused` from every module named `defaults` in `items`.
fn retain_defaults(items: &mut [syn::Item], unused: &BTreeSet<String>) {
    for item in items {
        if let syn::Item::Mod(module) = item
            && let Some((_, inner)) = &mut module.content
        {
            if module.ident == "defaults" {
                inner.retain(|item| {
                    !matches!(item, syn::Item::Fn(f) if unused.contains(&f.sig.ident.to_string()))
                });
            }
            retain_defaults(inner, unused);
        }
    }
}

/// Whether `stmt` is `if x.chars().count() < 0usize { … }` (no `else`).
fn is_shorter_than_zero(stmt: &syn::Stmt) -> bool {
    let syn::Stmt::Expr(syn::Expr::If(check), _) = stmt else {
        return false;
    };
    let syn::Expr::Binary(compare) = &*check.cond else {
        return false;
    };
    let zero = matches!(&*compare.right, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. })
        if n.base10_digits() == "0");
    let counts_chars = matches!(&*compare.left, syn::Expr::MethodCall(count)
        if count.method == "count" && count.args.is_empty()
            && matches!(&*count.receiver, syn::Expr::MethodCall(chars) if chars.method == "chars" && chars.args.is_empty()));
    check.else_branch.is_none() && matches!(compare.op, syn::BinOp::Lt(_)) && zero && counts_chars
}

/// Two things in the spec that become one Rust name (two operationIds, two schemas, an inline
/// body and a schema, two parameters of an operation, two properties of a schema): progenitor
/// generates both items (a crate that does not compile) or typify keeps one. The lints refuse
/// what they foresee ([`crate::lint_names`]); this checks the generated code itself. Each such
/// name is a problem at the later of the spec's places that become it, naming the first (or,
/// if the spec explains it with fewer than two, at the whole file). And each type made from
/// a schema must have a field for each of the schema's properties
/// ([`crate::lint_names::missing_fields`]), reported in the same run.
fn one_item_per_name(spec: &OpenAPI, file: &str, syntax: &syn::File) -> Result<(), Vec<Problem>> {
    use crate::lint_names::{argument_name, field_name, named_types, operations, type_name};
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let mut twice = std::collections::BTreeSet::new();
    repeated_names(&syntax.items, "", &mut twice);
    let named = named_types(&doc);
    let operations = operations(&doc);
    // The spec's places (what, pointer) that become `name` (`Type::member` for a member) in
    // `module`.
    let places = |module: &str, name: &str| -> Vec<(String, String)> {
        // `Client::x` is an operation's method, as a builder `X` is.
        let (owner, member) = match name.rsplit_once("::") {
            Some(("Client", member)) => (None, member),
            Some((owner, member)) => (Some(owner), member),
            None => (None, name),
        };
        let mut found = Vec::new();
        match (module.starts_with("types"), owner) {
            // A type, or a field of a type's builder.
            (true, None) => found.extend(
                named
                    .iter()
                    .filter(|n| n.rust == member)
                    .map(|n| (n.what.clone(), n.at.clone())),
            ),
            // Two members of one type: two of its properties. (Two types of one name repeat
            // each other's members too: that is the types' problem, found above.)
            (true, Some(owner)) => {
                for n in named.iter().filter(|n| n.rust == owner) {
                    let properties = n.schema.get("properties").and_then(|p| p.as_object());
                    let mut same = Vec::new();
                    for key in properties.into_iter().flatten().map(|(k, _)| k) {
                        if field_name(key) == member {
                            same.push((
                                format!("property {key:?} of {}", n.what),
                                join(&join(&n.at, "properties"), key),
                            ));
                        }
                    }
                    if same.len() > 1 {
                        found = same;
                        break;
                    }
                }
            }
            // A method of `Client`, or a builder.
            (false, None) => found.extend(
                operations
                    .iter()
                    .filter(|o| argument_name(o.id) == member || type_name(o.id) == member)
                    .map(|o| {
                        (
                            format!("operationId {:?}", o.id),
                            join(&o.at, "operationId"),
                        )
                    }),
            ),
            // An argument of an operation's builder.
            (false, Some(owner)) => {
                for o in operations.iter().filter(|o| type_name(o.id) == owner) {
                    let mut same = Vec::new();
                    for (holder_at, holder) in [(&o.item_at, o.item), (&o.at, o.op)] {
                        let list = holder.get("parameters").and_then(|p| p.as_array());
                        for (i, parameter) in list.into_iter().flatten().enumerate() {
                            let parameter = match parameter.get("$ref").and_then(|r| r.as_str()) {
                                Some(target) => target
                                    .strip_prefix('#')
                                    .and_then(|p| doc.pointer(p))
                                    .unwrap_or(parameter),
                                None => parameter,
                            };
                            let Some(api) = parameter.get("name").and_then(|n| n.as_str()) else {
                                continue;
                            };
                            if argument_name(api) == member {
                                same.push((
                                    format!("parameter {api:?} of operation {:?}", o.id),
                                    join(&join(holder_at, "parameters"), &i.to_string()),
                                ));
                            }
                        }
                    }
                    if same.len() > 1 {
                        found = same;
                        break;
                    }
                }
            }
        }
        found
    };
    let mut located = std::collections::BTreeMap::new();
    let mut unlocated = Vec::new();
    for (module, name) in &twice {
        let rust = if module.is_empty() {
            name.clone()
        } else {
            format!("{module}::{name}")
        };
        let found = places(module, name);
        let (Some(first), Some(later)) = (found.first(), found.get(1)) else {
            unlocated.push(Problem::at(
                file,
                "",
                format!(
                    "progenitor generated two items named `{rust}`: the crate does not compile"
                ),
            ));
            continue;
        };
        located.entry(later.1.clone()).or_insert_with(|| {
            Problem::at(
                file,
                later.1.clone(),
                format!(
                    "{} becomes the Rust item `{rust}`, as does {} ({}): rename one, or the \
                     generated crate does not compile",
                    later.0, first.0, first.1
                ),
            )
        });
    }
    let mut problems: Vec<Problem> = if located.is_empty() {
        unlocated
    } else {
        located.into_values().collect()
    };
    // Every schema's own check in the same run, but where a name was already blamed.
    for missing in crate::lint_names::missing_fields(file, &doc, syntax) {
        if !problems.iter().any(|p| p.location == missing.location) {
            problems.push(missing);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Adds to `twice` each (module, name) that `items`, in the module at path `module`, define
/// more than once: types, functions, modules, and the methods of each type's inherent `impl`
/// blocks (as `Type::method`).
fn repeated_names(
    items: &[syn::Item],
    module: &str,
    twice: &mut std::collections::BTreeSet<(String, String)>,
) {
    let mut names = Vec::new();
    for item in items {
        match item {
            syn::Item::Struct(s) => names.push(s.ident.to_string()),
            syn::Item::Enum(e) => names.push(e.ident.to_string()),
            syn::Item::Type(t) => names.push(t.ident.to_string()),
            syn::Item::Fn(f) => names.push(f.sig.ident.to_string()),
            syn::Item::Mod(m) => {
                names.push(m.ident.to_string());
                let inner = if module.is_empty() {
                    m.ident.to_string()
                } else {
                    format!("{module}::{}", m.ident)
                };
                if let Some((_, items)) = &m.content {
                    repeated_names(items, &inner, twice);
                }
            }
            syn::Item::Impl(block) if block.trait_.is_none() => {
                let Some(own) = last_segment(&block.self_ty) else {
                    continue;
                };
                for item in &block.items {
                    if let syn::ImplItem::Fn(method) = item {
                        names.push(format!("{}::{}", own.ident, method.sig.ident));
                    }
                }
            }
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name.clone()) {
            twice.insert((module.to_owned(), name));
        }
    }
}

/// Removes the `api-version` header that progenitor adds to every request (it has no setting
/// for it): none of our providers documents such a header, and the hooks used to remove it
/// from every request again, after the generated code had built it into a header map and
/// merged that map into the request. Each operation's
///
/// ```text
/// let mut header_map = ::reqwest::header::HeaderMap::with_capacity(N);
/// header_map.append(HeaderName::from_static("api-version"), HeaderValue::from_static(…));
/// ```
///
/// loses its second statement, and its capacity becomes the `N - 1` header parameters left,
/// or 0 (no allocation until one is passed) when all of those are optional. Fails when the
/// generated code still holds the header in any other form, so that a new progenitor cannot
/// bring it back unnoticed.
///
/// `found` is how many literals of the generated code hold `"api-version"`: each statement
/// removed takes its own with it, and any left over is the header in another form.
pub fn drop_api_version(file: &mut syn::File, found: usize) -> Result<(), String> {
    let mut dropped = Dropped::default();
    for item in &mut file.items {
        drop_api_version_in_item(item, &mut dropped)?;
    }
    // A spec without operations has no header to remove; any `api-version` left is one
    // written in a form this does not know.
    if found > dropped.literals {
        let dropped = dropped.statements;
        return Err(format!(
            "progenitor's `api-version` header: {dropped} removed, and it is still in the \
             generated code; render.rs's `drop_api_version` does not know this form of it"
        ));
    }
    Ok(())
}

/// The source form of the header's name in a literal.
const API_VERSION: &str = "\"api-version\"";

/// What [`drop_api_version`] removed: statements, and the `"api-version"` literals in them.
#[derive(Default)]
struct Dropped {
    statements: usize,
    literals: usize,
}

/// How many identifiers, punctuation marks and literals in `tokens`, at any depth (groups are
/// looked into, not counted), `matches` accepts: the one walk that the searches below share.
fn count_trees(tokens: TokenStream, matches: &dyn Fn(&TokenTree) -> bool) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => count_trees(group.stream(), matches),
            other => usize::from(matches(&other)),
        })
        .sum()
}

/// How many literals in `tokens`, at any depth, hold `needle` in their source form.
fn literals_holding(tokens: TokenStream, needle: &str) -> usize {
    count_trees(
        tokens,
        &|tree| matches!(tree, TokenTree::Literal(literal) if literal.to_string().contains(needle)),
    )
}

/// [`drop_api_version`] in one item: the methods of an `impl` block, recursively in a module.
fn drop_api_version_in_item(item: &mut syn::Item, dropped: &mut Dropped) -> Result<(), String> {
    match item {
        syn::Item::Mod(module) => {
            for item in module.content.iter_mut().flat_map(|(_, items)| items) {
                drop_api_version_in_item(item, dropped)?;
            }
        }
        syn::Item::Impl(block) => {
            for item in &mut block.items {
                if let syn::ImplItem::Fn(method) = item {
                    drop_api_version_in_block(&mut method.block, dropped)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// [`drop_api_version`] in one method's body.
fn drop_api_version_in_block(block: &mut syn::Block, dropped: &mut Dropped) -> Result<(), String> {
    let mut index = 0;
    while index + 1 < block.stmts.len() {
        if is_api_version_append(&block.stmts[index + 1]) {
            let Some((_, capacity)) = header_map_capacity(&mut block.stmts[index]) else {
                return Err(
                    "progenitor's `api-version` header is appended to a header map not made \
                     just before it with `HeaderMap::with_capacity`"
                        .to_owned(),
                );
            };
            let others = capacity
                .base10_parse::<usize>()
                .map_err(|e| format!("a header map's capacity: {e}"))?
                .checked_sub(1)
                .ok_or("a header map of capacity 0 holds `api-version`")?;
            // The header parameters' statements follow: an append for each required one, an
            // `if let Some(value) = …` around it for each optional one.
            let parameters: Vec<bool> = block.stmts[index + 2..]
                .iter()
                .map_while(|s| (is_append(s) || is_optional_append(s)).then_some(is_append(s)))
                .collect();
            if parameters.len() != others {
                return Err(format!(
                    "a header map made for {others} header parameters besides `api-version` \
                     is followed by {} appends",
                    parameters.len()
                ));
            }
            // When every header parameter is optional (as CloudBase's `x-device-id`, which
            // the hook sets), an empty map, which allocates nothing until one is passed.
            let room = if parameters.contains(&true) {
                others
            } else {
                0
            };
            let (mutability, capacity) =
                header_map_capacity(&mut block.stmts[index]).expect("checked above");
            *capacity = syn::LitInt::new(&format!("{room}usize"), capacity.span());
            if others == 0 {
                // Nothing is appended any more: `let mut` would warn.
                *mutability = None;
            }
            let removed = block.stmts.remove(index + 1);
            dropped.statements += 1;
            dropped.literals +=
                literals_holding(quote::ToTokens::to_token_stream(&removed), API_VERSION);
        }
        index += 1;
    }
    Ok(())
}

/// The call in `stmt` if it is `header_map.append(…);`.
fn header_map_append(stmt: &syn::Stmt) -> Option<&syn::ExprMethodCall> {
    let syn::Stmt::Expr(syn::Expr::MethodCall(call), Some(_)) = stmt else {
        return None;
    };
    (call.method == "append"
        && matches!(&*call.receiver, syn::Expr::Path(p) if p.path.is_ident("header_map")))
    .then_some(call)
}

/// Whether `stmt` is `header_map.append(…);` (a required header parameter).
fn is_append(stmt: &syn::Stmt) -> bool {
    header_map_append(stmt).is_some()
}

/// Whether `stmt` is `if let Some(value) = … { header_map.append(…); }` (an optional one).
fn is_optional_append(stmt: &syn::Stmt) -> bool {
    matches!(
        stmt,
        syn::Stmt::Expr(syn::Expr::If(branch), _)
            if branch.else_branch.is_none()
                && matches!(&*branch.cond, syn::Expr::Let(_))
                && matches!(branch.then_branch.stmts.as_slice(), [append] if is_append(append))
    )
}

/// Whether `stmt` is `header_map.append(HeaderName::from_static("api-version"), …);`.
fn is_api_version_append(stmt: &syn::Stmt) -> bool {
    let Some(call) = header_map_append(stmt) else {
        return false;
    };
    let Some(syn::Expr::Call(name)) = call.args.first() else {
        return false;
    };
    matches!(
        name.args.first(),
        Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }))
            if text.value() == "api-version"
    )
}

/// The `mut` and the `N` of `let mut header_map = ::reqwest::header::HeaderMap::with_capacity(N);`.
fn header_map_capacity(
    stmt: &mut syn::Stmt,
) -> Option<(&mut Option<syn::Token![mut]>, &mut syn::LitInt)> {
    let syn::Stmt::Local(syn::Local {
        pat: syn::Pat::Ident(name),
        init: Some(init),
        ..
    }) = stmt
    else {
        return None;
    };
    let syn::Expr::Call(call) = &mut *init.expr else {
        return None;
    };
    let is_with_capacity = matches!(
        &*call.func,
        syn::Expr::Path(path)
            if path.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>()
                == ["reqwest", "header", "HeaderMap", "with_capacity"]
    );
    if name.ident != "header_map" || !is_with_capacity || call.args.len() != 1 {
        return None;
    }
    match call.args.first_mut() {
        Some(syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(capacity),
            ..
        })) => Some((&mut name.mutability, capacity)),
        _ => None,
    }
}

/// The local that holds a request's builder while [`skip_absent_queries`] splits its chain.
const BUILDER: &str = "request_builder";

/// Rewrites what each generated request builder's `send` does per request, where progenitor's
/// code costs more than it needs to: `skip_absent_queries`, `tidy_header_parameters` and
/// `concat_urls` below. What is sent stays the same. Fails when such code is left in a form
/// these do not know, so that a new progenitor cannot bring the cost back unnoticed. Public
/// for its tests (`xtask/tests/it/render.rs`); [`syntax`] runs it.
pub fn rewrite_builders(file: &mut syn::File) -> Result<(), String> {
    let mut tally = Tally::default();
    for item in &mut file.items {
        rewrite_builders_in_item(item, &mut tally)?;
    }
    if tally.queries_found != tally.queries_rewritten {
        return Err(format!(
            "query calls on optional parameters: {} found, {} made conditional; render.rs's \
             `skip_absent_queries` does not know the form of the others",
            tally.queries_found, tally.queries_rewritten
        ));
    }
    if tally.names_left != 0 {
        return Err(format!(
            "{} header parameters appended by a name parsed per request; render.rs's \
             `tidy_header_parameters` does not know their form",
            tally.names_left
        ));
    }
    if tally.urls_left != 0 {
        return Err(format!(
            "{} URLs made by `format!`; render.rs's `concat_urls` does not know their form",
            tally.urls_left
        ));
    }
    Ok(())
}

/// What [`rewrite_builders`] found and changed.
#[derive(Default)]
struct Tally {
    /// `.query(…)` calls on optional parameters.
    queries_found: usize,
    /// Of those, the ones made conditional.
    queries_rewritten: usize,
    /// Header parameters still appended by a string name after the rewrite.
    names_left: usize,
    /// URLs still made by `format!` after the rewrite.
    urls_left: usize,
}

/// What the rewrites of a builder's `send` need to know of the builder's fields.
#[derive(Default)]
struct Fields {
    /// The optional ones: `name: Result<Option<…>, String>`.
    optional: Vec<String>,
    /// The ones holding a `String`, optional or not: `Result<String, String>`,
    /// `Result<Option<String>, String>`.
    strings: Vec<String>,
}

/// [`rewrite_builders`] in one item: the builder structs and their `impl` blocks of a module,
/// recursively.
fn rewrite_builders_in_item(item: &mut syn::Item, tally: &mut Tally) -> Result<(), String> {
    let syn::Item::Mod(module) = item else {
        return Ok(());
    };
    let Some((_, items)) = &mut module.content else {
        return Ok(());
    };
    let builders: std::collections::HashMap<String, Fields> = items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Struct(s) => {
                let mut fields = Fields::default();
                for field in &s.fields {
                    let Some(name) = field.ident.as_ref().map(ToString::to_string) else {
                        continue;
                    };
                    let held = result_ok(&field.ty);
                    let optional = held.and_then(|ty| generic_of(ty, "Option"));
                    if optional.is_some() {
                        fields.optional.push(name.clone());
                    }
                    if optional
                        .or(held)
                        .and_then(last_segment)
                        .is_some_and(|s| s.ident == "String" && s.arguments.is_none())
                    {
                        fields.strings.push(name);
                    }
                }
                Some((s.ident.to_string(), fields))
            }
            _ => None,
        })
        .collect();
    for item in items.iter_mut() {
        match item {
            syn::Item::Mod(_) => rewrite_builders_in_item(item, tally)?,
            syn::Item::Impl(block) => {
                let syn::Type::Path(own) = &*block.self_ty else {
                    continue;
                };
                let Some(fields) = own
                    .path
                    .segments
                    .last()
                    .and_then(|s| builders.get(&s.ident.to_string()))
                else {
                    continue;
                };
                for item in &mut block.items {
                    if let syn::ImplItem::Fn(method) = item {
                        skip_absent_queries(&mut method.block, &fields.optional, tally)?;
                        tidy_header_parameters(&mut method.block, &fields.strings, tally);
                        concat_urls(&mut method.block, &fields.strings, tally);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The last segment of `ty`'s path, if it is a path.
fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last(),
        _ => None,
    }
}

/// `T` when `ty` is `name<T, …>`.
fn generic_of<'a>(ty: &'a syn::Type, name: &str) -> Option<&'a syn::Type> {
    let segment = last_segment(ty).filter(|s| s.ident == name)?;
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) => Some(inner),
        _ => None,
    }
}

/// `T` when `ty` is `Result<T, …>` (what a builder field holds once set).
fn result_ok(ty: &syn::Type) -> Option<&syn::Type> {
    generic_of(ty, "Result")
}

/// The optional parameter that `call` is `.query(&progenitor_client::QueryParam::new(_, &name))`
/// for, if it is one of `optional`.
fn optional_query<'a>(call: &syn::ExprMethodCall, optional: &'a [String]) -> Option<&'a String> {
    if call.method != "query" || call.args.len() != 1 {
        return None;
    }
    let Some(syn::Expr::Reference(param)) = call.args.first() else {
        return None;
    };
    let syn::Expr::Call(new) = &*param.expr else {
        return None;
    };
    let syn::Expr::Path(func) = &*new.func else {
        return None;
    };
    let segments: Vec<String> = func
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    if segments != ["progenitor_client", "QueryParam", "new"] || new.args.len() != 2 {
        return None;
    }
    let Some(syn::Expr::Reference(value)) = new.args.iter().nth(1) else {
        return None;
    };
    let syn::Expr::Path(value) = &*value.expr else {
        return None;
    };
    optional
        .iter()
        .find(|name| value.path.is_ident(name.as_str()))
}

/// How many `.query(…)` calls on one of `optional` the statements of `block` hold, in a
/// method chain that starts a statement (the only place progenitor writes them).
fn count_optional_queries(block: &syn::Block, optional: &[String]) -> usize {
    fn walk(expr: &syn::Expr, optional: &[String]) -> usize {
        match expr {
            syn::Expr::MethodCall(call) => {
                usize::from(optional_query(call, optional).is_some())
                    + walk(&call.receiver, optional)
            }
            syn::Expr::Try(t) => walk(&t.expr, optional),
            _ => 0,
        }
    }
    block
        .stmts
        .iter()
        .map(|stmt| match stmt {
            syn::Stmt::Local(syn::Local {
                init: Some(init), ..
            }) => walk(&init.expr, optional),
            syn::Stmt::Expr(expr, _) => walk(expr, optional),
            _ => 0,
        })
        .sum()
}

/// One link of a method chain: a method call (its receiver a placeholder) or a `?`.
enum Link {
    Call(syn::ExprMethodCall),
    Try(syn::ExprTry),
}

/// `expr` as the expression a chain starts from and the links applied to it, in order.
fn unchain(mut expr: syn::Expr) -> (syn::Expr, Vec<Link>) {
    let mut links = Vec::new();
    loop {
        expr = match expr {
            syn::Expr::MethodCall(mut call) => {
                let receiver = std::mem::replace(&mut *call.receiver, builder());
                links.push(Link::Call(call));
                receiver
            }
            syn::Expr::Try(mut t) => {
                let inner = std::mem::replace(&mut *t.expr, builder());
                links.push(Link::Try(t));
                inner
            }
            other => {
                links.reverse();
                return (other, links);
            }
        };
    }
}

/// Whether `tokens` hold the identifier `name`, at any depth.
fn names(tokens: TokenStream, name: &str) -> bool {
    count_trees(
        tokens,
        &|tree| matches!(tree, TokenTree::Ident(ident) if ident == name),
    ) > 0
}

/// The builder's local as an expression.
fn builder() -> syn::Expr {
    let builder = syn::Ident::new(BUILDER, proc_macro2::Span::call_site());
    syn::parse_quote!(#builder)
}

/// The links applied to `start`, in order.
fn rechain(start: syn::Expr, links: impl IntoIterator<Item = Link>) -> syn::Expr {
    links.into_iter().fold(start, |receiver, link| match link {
        Link::Call(mut call) => {
            *call.receiver = receiver;
            syn::Expr::MethodCall(call)
        }
        Link::Try(mut t) => {
            *t.expr = receiver;
            syn::Expr::Try(t)
        }
    })
}

/// Makes each optional query parameter's `.query(…)` call conditional on the parameter being
/// present. progenitor calls
///
/// ```text
/// .query(&progenitor_client::QueryParam::new("client_id", &client_id))
/// ```
///
/// for every query parameter, `None` included: reqwest then appends `?` to the URL, serialises
/// nothing, and strips the empty `?` again (two URL rewrites, and a reallocation, per absent
/// parameter per request). An operation whose builder chain holds such a call on an optional
/// parameter (its builder field is a `Result<Option<…>, String>`) has that chain split:
///
/// ```text
/// let mut request_builder = client.client.delete(url).header(…);
/// if client_id.is_some() {
///     request_builder = request_builder.query(&progenitor_client::QueryParam::new("client_id", &client_id));
/// }
/// #[allow(unused_mut)]
/// let mut request = request_builder.headers(header_map).build()?;
/// ```
///
/// A present parameter goes through the same call as before; an absent one added nothing to the
/// URL before either, so every URL is the same.
fn skip_absent_queries(
    block: &mut syn::Block,
    optional: &[String],
    tally: &mut Tally,
) -> Result<(), String> {
    tally.queries_found += count_optional_queries(block, optional);
    let Some(index) = block.stmts.iter().position(|stmt| {
        matches!(stmt, syn::Stmt::Local(syn::Local { pat, init: Some(_), .. })
            if matches!(pat, syn::Pat::Ident(p) if p.ident == "request"))
    }) else {
        return Ok(());
    };
    if names(quote::ToTokens::to_token_stream(&*block), BUILDER) {
        return Err(format!(
            "a method already names `{BUILDER}`, the local `skip_absent_queries` would add"
        ));
    }
    let syn::Stmt::Local(local) = &mut block.stmts[index] else {
        unreachable!("found above")
    };
    let init = local.init.as_mut().expect("found above");
    let (start, links) = unchain(std::mem::replace(&mut *init.expr, builder()));
    let is_optional = |link: &Link| match link {
        Link::Call(call) => optional_query(call, optional).is_some(),
        Link::Try(_) => false,
    };
    let (Some(first), Some(last)) = (
        links.iter().position(is_optional),
        links.iter().rposition(is_optional),
    ) else {
        // Nothing to make conditional: the chain as it was.
        *init.expr = rechain(start, links);
        return Ok(());
    };
    let name = syn::Ident::new(BUILDER, proc_macro2::Span::call_site());
    let mut links = links.into_iter();
    let head = rechain(start, links.by_ref().take(first));
    let mut stmts: Vec<syn::Stmt> = vec![syn::parse_quote!(let mut #name = #head;)];
    // Between the first and the last optional query: each optional one conditional, the
    // links between them applied as they come.
    let mut plain = Vec::new();
    for link in links.by_ref().take(last + 1 - first) {
        let parameter = match &link {
            Link::Call(call) => optional_query(call, optional).cloned(),
            Link::Try(_) => None,
        };
        match parameter {
            None => plain.push(link),
            Some(parameter) => {
                if !plain.is_empty() {
                    let applied = rechain(builder(), plain.drain(..));
                    stmts.push(syn::parse_quote!(#name = #applied;));
                }
                let parameter = syn::Ident::new(&parameter, proc_macro2::Span::call_site());
                let applied = rechain(builder(), [link]);
                stmts.push(syn::parse_quote!(if #parameter.is_some() { #name = #applied; }));
                tally.queries_rewritten += 1;
            }
        }
    }
    *init.expr = rechain(builder(), links);
    let local = block.stmts.remove(index);
    stmts.push(local);
    block.stmts.splice(index..index, stmts);
    Ok(())
}

/// Makes each header parameter's name once, at compile time, and takes a `String` value as it
/// is (see [`rewrite_builders`]). progenitor writes
///
/// ```text
/// header_map.append("X-agent", x_agent.to_string().try_into()?);
/// ```
///
/// which on every request parses the name from the `&'static str` (lower-casing it into a new
/// allocation) and copies the `String` before making it a header value. It becomes
///
/// ```text
/// header_map.append(
///     const { ::reqwest::header::HeaderName::from_static("x-agent") },
///     x_agent.try_into()?,
/// );
/// ```
///
/// the same name (a parsed name is lower case too) and the same value, through the same
/// conversion. A value of another type than `String` keeps its `to_string()`. Counts in
/// `tally` the appends left with a name parsed per request.
fn tidy_header_parameters(block: &mut syn::Block, strings: &[String], tally: &mut Tally) {
    for stmt in &mut block.stmts {
        // A required parameter's append names its field; an optional one's, in
        // `if let Some(value) = field { … }`, the binding.
        let (call, field) = match stmt {
            syn::Stmt::Expr(syn::Expr::If(branch), _) => {
                let syn::Expr::Let(binding) = &*branch.cond else {
                    continue;
                };
                let syn::Expr::Path(field) = &*binding.expr else {
                    continue;
                };
                let syn::Pat::TupleStruct(some) = &*binding.pat else {
                    continue;
                };
                let Some(syn::Pat::Ident(value)) = some.elems.first() else {
                    continue;
                };
                let bound = (value.ident.clone(), field.path.get_ident().cloned());
                let Some(syn::Stmt::Expr(syn::Expr::MethodCall(call), Some(_))) =
                    branch.then_branch.stmts.first_mut()
                else {
                    continue;
                };
                (call, Some(bound))
            }
            syn::Stmt::Expr(syn::Expr::MethodCall(call), Some(_)) => (call, None),
            _ => continue,
        };
        if call.method != "append"
            || !matches!(&*call.receiver, syn::Expr::Path(p) if p.path.is_ident("header_map"))
            || call.args.len() != 2
        {
            continue;
        }
        let mut args = call.args.iter_mut();
        let (Some(name), Some(value)) = (args.next(), args.next()) else {
            continue;
        };
        if let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = name
        {
            let lower = text.value().to_ascii_lowercase();
            *name = syn::parse_quote!(const { ::reqwest::header::HeaderName::from_static(#lower) });
        }
        // Every name not made at compile time by now is one this rewrite did not know.
        tally.names_left += usize::from(!matches!(name, syn::Expr::Const(_)));
        // `x.to_string().try_into()?` on a `String` field: `x.try_into()?`.
        let syn::Expr::Try(conversion) = value else {
            continue;
        };
        let syn::Expr::MethodCall(try_into) = &mut *conversion.expr else {
            continue;
        };
        let syn::Expr::MethodCall(to_string) = &*try_into.receiver else {
            continue;
        };
        let syn::Expr::Path(held) = &*to_string.receiver else {
            continue;
        };
        let Some(held) = held.path.get_ident() else {
            continue;
        };
        let held_field = match &field {
            Some((binding, field)) if held == binding => field.as_ref(),
            Some(_) => None,
            None => Some(held),
        };
        if try_into.method == "try_into"
            && try_into.args.is_empty()
            && to_string.method == "to_string"
            && to_string.args.is_empty()
            && held_field.is_some_and(|f| strings.iter().any(|s| f == s))
        {
            let placeholder = builder();
            let syn::Expr::MethodCall(to_string) =
                std::mem::replace(&mut *try_into.receiver, placeholder)
            else {
                unreachable!("matched above")
            };
            *try_into.receiver = *to_string.receiver;
        }
    }
}

/// Builds each request's URL by joining its pieces instead of formatting them (see
/// [`rewrite_builders`]). progenitor writes
///
/// ```text
/// let url = format!(
///     "{}/auth/v1/user/provider/{}",
///     client.baseurl,
///     encode_path(&provider_id.to_string()),
/// );
/// ```
///
/// which runs the formatting machinery for plain strings, and copies a `String` parameter
/// before percent-encoding it. It becomes
///
/// ```text
/// let url = [
///     client.baseurl.as_str(),
///     "/auth/v1/user/provider/",
///     encode_path(&provider_id).as_str(),
/// ]
/// .concat();
/// ```
///
/// the same text (`{}` writes a string as it is), in one allocation of the right size. A
/// parameter of another type than `String` keeps its `to_string()`. Counts in `tally` the URLs
/// left to `format!`.
fn concat_urls(block: &mut syn::Block, strings: &[String], tally: &mut Tally) {
    for stmt in &mut block.stmts {
        let syn::Stmt::Local(syn::Local {
            pat: syn::Pat::Ident(name),
            init: Some(init),
            ..
        }) = stmt
        else {
            continue;
        };
        let syn::Expr::Macro(format) = &*init.expr else {
            continue;
        };
        if name.ident != "url" || !format.mac.path.is_ident("format") {
            continue;
        }
        match url_pieces(&format.mac, strings) {
            Some(pieces) => *init.expr = syn::parse_quote!([#(#pieces),*].concat()),
            None => tally.urls_left += 1,
        }
    }
}

/// The pieces of `format!(…)`, each a `&str`, when its template holds only text and `{}` and
/// each argument is the base URL or an encoded path parameter.
fn url_pieces(format: &syn::Macro, strings: &[String]) -> Option<Vec<syn::Expr>> {
    use syn::punctuated::Punctuated;
    let args = format
        .parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        .ok()?;
    let mut args = args.into_iter();
    let Some(syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(template),
        ..
    })) = args.next()
    else {
        return None;
    };
    let template = template.value();
    let texts: Vec<&str> = template.split("{}").collect();
    if texts.iter().any(|text| text.contains(['{', '}'])) {
        return None;
    }
    let args: Vec<syn::Expr> = args.collect();
    if args.len() + 1 != texts.len() {
        return None;
    }
    let mut pieces = Vec::new();
    for (text, arg) in texts.iter().zip(args.into_iter().map(Some).chain([None])) {
        if !text.is_empty() {
            pieces.push(syn::parse_quote!(#text));
        }
        let Some(arg) = arg else { continue };
        pieces.push(url_argument(arg, strings)?);
    }
    Some(pieces)
}

/// A `format!` argument of a URL as a `&str`: `client.baseurl`, or
/// `encode_path(&x.to_string())` (without the `to_string()` when `x` is a `String` field).
fn url_argument(arg: syn::Expr, strings: &[String]) -> Option<syn::Expr> {
    match arg {
        syn::Expr::Field(field) if matches!(&field.member, syn::Member::Named(m) if m == "baseurl") => {
            Some(syn::parse_quote!(#field.as_str()))
        }
        syn::Expr::Call(mut call)
            if matches!(&*call.func, syn::Expr::Path(f) if f.path.is_ident("encode_path"))
                && call.args.len() == 1 =>
        {
            if let Some(syn::Expr::Reference(reference)) = call.args.first_mut()
                && let syn::Expr::MethodCall(to_string) = &*reference.expr
                && to_string.method == "to_string"
                && to_string.args.is_empty()
                && matches!(&*to_string.receiver, syn::Expr::Path(p)
                    if p.path.get_ident().is_some_and(|i| strings.iter().any(|s| i == s)))
            {
                let syn::Expr::MethodCall(to_string) =
                    std::mem::replace(&mut *reference.expr, builder())
                else {
                    unreachable!("matched above")
                };
                *reference.expr = *to_string.receiver;
            }
            Some(syn::parse_quote!(#call.as_str()))
        }
        _ => None,
    }
}

/// Lets the builders hold the message of a field not set yet without allocating it.
///
/// Each field of a generated builder (an operation's in `builder`, a body type's in
/// `types::builder`) is a `Result<T, String>`, and starts as `Err("… was not initialized"
/// .to_string())` (or `"no value supplied for …"`): every request allocates and frees one
/// message per required parameter and per required body field, which its setters replace at
/// once. Those fields become `Result<T, Cow<'static, str>>` and start as
/// `Err(Cow::Borrowed("…"))`; a setter's error (made only when a conversion fails) is turned
/// into the `Cow`, and where a field is read (`send`, a body's `TryFrom`) its message becomes a
/// `String` again, only on that error path. Messages, `Debug` output (a `Cow<str>` prints as
/// the `String` did) and requests stay the same.
fn static_unset_messages(file: &mut syn::File) {
    for item in &mut file.items {
        static_unset_messages_in_item(item, false);
    }
}

/// [`static_unset_messages`] in one item; `in_builder` when it is in a module named `builder`.
fn static_unset_messages_in_item(item: &mut syn::Item, in_builder: bool) {
    let syn::Item::Mod(module) = item else {
        return;
    };
    let in_builder = in_builder || module.ident == "builder";
    let Some((_, items)) = &mut module.content else {
        return;
    };
    let mut converted: std::collections::HashMap<String, Vec<String>> =
        std::collections::HashMap::new();
    for item in items.iter_mut() {
        match item {
            syn::Item::Mod(_) => static_unset_messages_in_item(item, in_builder),
            syn::Item::Struct(s) if in_builder => {
                let mut fields = Vec::new();
                for field in &mut s.fields {
                    if let Some(error) = result_err_mut(&mut field.ty)
                        && last_segment(error).is_some_and(|s| s.ident == "String")
                        && let Some(name) = &field.ident
                    {
                        *error = syn::parse_quote!(::std::borrow::Cow<'static, str>);
                        fields.push(name.to_string());
                    }
                }
                converted.insert(s.ident.to_string(), fields);
            }
            _ => {}
        }
    }
    if converted.is_empty() {
        return;
    }
    for item in items.iter_mut() {
        let syn::Item::Impl(block) = item else {
            continue;
        };
        // `impl X`, `impl Default for X`: X's own fields; `impl TryFrom<X> for super::X`: the
        // builder X's fields, read from `value`.
        let own = match &*block.self_ty {
            syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let read = block
            .trait_
            .as_ref()
            .and_then(|(_, path, _)| path.segments.last())
            .filter(|s| s.ident == "TryFrom")
            .and_then(|s| match &s.arguments {
                syn::PathArguments::AngleBracketed(args) => args.args.first(),
                _ => None,
            })
            .and_then(|arg| match arg {
                syn::GenericArgument::Type(ty) => last_segment(ty),
                _ => None,
            })
            .and_then(|s| converted.get(&s.ident.to_string()));
        let own = own
            .filter(|_| read.is_none())
            .and_then(|name| converted.get(&name));
        for item in &mut block.items {
            let syn::ImplItem::Fn(method) = item else {
                continue;
            };
            if let Some(fields) = own {
                for stmt in &mut method.block.stmts {
                    unset_messages_in_stmt(stmt, fields, Reads::Own);
                }
            }
            if let Some(fields) = read {
                for stmt in &mut method.block.stmts {
                    unset_messages_in_stmt(stmt, fields, Reads::Value);
                }
            }
        }
    }
}

/// Where [`unset_messages_in_stmt`] finds the converted fields read.
#[derive(Clone, Copy)]
enum Reads {
    /// In the builder's own methods: set in `Self { … }` and `self.field = …`, read as the
    /// locals `send` destructures them into.
    Own,
    /// In `TryFrom<builder> for …`: read as `value.field?`.
    Value,
}

/// `E` in `Result<T, E>`, mutably.
fn result_err_mut(ty: &mut syn::Type) -> Option<&mut syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let segment = path
        .path
        .segments
        .last_mut()
        .filter(|s| s.ident == "Result")?;
    let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments else {
        return None;
    };
    match args.args.iter_mut().nth(1) {
        Some(syn::GenericArgument::Type(error)) => Some(error),
        _ => None,
    }
}

/// [`static_unset_messages`] in one statement of a builder's method.
fn unset_messages_in_stmt(stmt: &mut syn::Stmt, fields: &[String], reads: Reads) {
    match stmt {
        syn::Stmt::Local(local) => {
            let Some(init) = &mut local.init else {
                return;
            };
            // `let field = field.map_err(…)…;` in `send`: the chain starts from the `String`.
            if let (Reads::Own, syn::Pat::Ident(name)) = (reads, &local.pat)
                && fields.iter().any(|f| name.ident == f)
            {
                let mut root = &mut *init.expr;
                loop {
                    root = match root {
                        syn::Expr::MethodCall(call) => &mut *call.receiver,
                        syn::Expr::Try(t) => &mut *t.expr,
                        _ => break,
                    };
                }
                if matches!(root, syn::Expr::Path(p) if p.path.is_ident(&name.ident)) {
                    let field = &name.ident;
                    *root = syn::parse_quote!(#field.map_err(::std::string::String::from));
                }
            }
            unset_messages_in_expr(&mut init.expr, fields, reads);
        }
        syn::Stmt::Expr(expr, _) => unset_messages_in_expr(expr, fields, reads),
        _ => {}
    }
}

/// [`static_unset_messages`] in one expression of a builder's method, and those within it.
fn unset_messages_in_expr(expr: &mut syn::Expr, fields: &[String], reads: Reads) {
    let is_field = |member: &syn::Member| matches!(member, syn::Member::Named(m) if fields.iter().any(|f| m == f));
    match expr {
        // `Self { field: Err("…".to_string()), … }`: a borrowed message.
        syn::Expr::Struct(literal) => {
            for field in &mut literal.fields {
                if let (Reads::Own, true) = (reads, is_field(&field.member))
                    && let syn::Expr::Call(err) = &field.expr
                    && matches!(&*err.func, syn::Expr::Path(p) if p.path.is_ident("Err"))
                    && let Some(syn::Expr::MethodCall(to_string)) = err.args.first()
                    && to_string.method == "to_string"
                    && let syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }) = &*to_string.receiver
                {
                    let text = text.value();
                    field.expr = syn::parse_quote!(Err(::std::borrow::Cow::Borrowed(#text)));
                }
                unset_messages_in_expr(&mut field.expr, fields, reads);
            }
        }
        // `self.field = …;`: the setter's `String` error (or the `Cow` already) as a `Cow`.
        syn::Expr::Assign(assign) => {
            if let (Reads::Own, syn::Expr::Field(target)) = (reads, &*assign.left)
                && matches!(&*target.base, syn::Expr::Path(p) if p.path.is_ident("self"))
                && is_field(&target.member)
            {
                let value = match std::mem::replace(&mut *assign.right, builder()) {
                    postfix @ (syn::Expr::MethodCall(_) | syn::Expr::Path(_)) => postfix,
                    other => syn::parse_quote!((#other)),
                };
                *assign.right = syn::parse_quote!(#value.map_err(::std::convert::Into::into));
            }
        }
        // `value.field?` in a `TryFrom`: the message as the `String` it was.
        syn::Expr::Try(t) => {
            if let (Reads::Value, syn::Expr::Field(read)) = (reads, &*t.expr)
                && matches!(&*read.base, syn::Expr::Path(p) if p.path.is_ident("value"))
                && is_field(&read.member)
            {
                let read = std::mem::replace(&mut *t.expr, builder());
                *t.expr = syn::parse_quote!(#read.map_err(::std::string::String::from));
            } else {
                unset_messages_in_expr(&mut t.expr, fields, reads);
            }
        }
        syn::Expr::Call(call) => {
            for arg in &mut call.args {
                unset_messages_in_expr(arg, fields, reads);
            }
        }
        syn::Expr::Block(block) => {
            for stmt in &mut block.block.stmts {
                unset_messages_in_stmt(stmt, fields, reads);
            }
        }
        _ => {}
    }
}

/// Moves each answer's headers into its `ResponseValue` instead of cloning them.
///
/// progenitor's `ResponseValue::from_response` clones the answer's header map before it reads
/// the body, which consumes the answer: every request copies every header of its answer once,
/// and frees both maps. The operations in `builder` call `response_value` instead, which that
/// module gains: the same steps (status, headers, body, JSON), with the headers taken from the
/// answer (its body does not need them: reqwest set up its decoding when the answer arrived).
/// This rewrites progenitor's tokens, before they are parsed; `add_response_value` adds the
/// function. Fails when a `from_response` is left in the generated code.
pub fn move_response_headers(tokens: TokenStream) -> Result<TokenStream, String> {
    let mut replaced = 0;
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    for at in 2..trees.len() {
        if let [
            TokenTree::Ident(keyword),
            TokenTree::Ident(name),
            TokenTree::Group(module),
        ] = &trees[at - 2..=at]
            && keyword == "mod"
            && name == "builder"
            && module.delimiter() == Delimiter::Brace
        {
            let mut rewritten = Group::new(
                Delimiter::Brace,
                call_response_value(module.stream(), &mut replaced),
            );
            rewritten.set_span(module.span());
            trees[at] = TokenTree::Group(rewritten);
        }
    }
    let tokens: TokenStream = trees.into_iter().collect();
    // Any mention, as the printed file would show it: an identifier or a literal that holds it.
    if mentions(tokens.clone(), "from_response") {
        return Err(format!(
            "`ResponseValue::from_response`: {replaced} replaced, and it is still in the \
             generated code; render.rs's `move_response_headers` does not know this form of it"
        ));
    }
    Ok(tokens)
}

/// Whether an identifier or a literal in `tokens`, at any depth, holds `needle`.
fn mentions(tokens: TokenStream, needle: &str) -> bool {
    count_trees(tokens, &|tree| match tree {
        TokenTree::Ident(ident) => ident.to_string().contains(needle),
        TokenTree::Literal(literal) => literal.to_string().contains(needle),
        TokenTree::Group(_) | TokenTree::Punct(_) => false,
    }) > 0
}

/// The `response_value` that [`move_response_headers`] calls, at the top of each `builder`
/// module that calls it (after its `use` items): one whose operations decode no JSON answer
/// does not, and an unused function would warn.
fn add_response_value(file: &mut syn::File) {
    for item in &mut file.items {
        let syn::Item::Mod(module) = item else {
            continue;
        };
        let Some((_, items)) = &mut module.content else {
            continue;
        };
        if module.ident != "builder" || !names_ident(items, "response_value") {
            continue;
        }
        let helper: syn::Item = syn::parse_quote! {
            /// `ResponseValue::from_response` with the answer's headers moved into the value
            /// instead of cloned: added by `cargo xtask generate` (see xtask/src/render.rs).
            async fn response_value<T: ::serde::de::DeserializeOwned, E>(
                mut response: ::reqwest::Response,
            ) -> Result<ResponseValue<T>, Error<E>> {
                let status = response.status();
                let headers = ::std::mem::take(response.headers_mut());
                let full = response.bytes().await.map_err(Error::ResponseBodyError)?;
                let inner = ::serde_json::from_slice(&full)
                    .map_err(|e| Error::InvalidResponsePayload(full, e))?;
                Ok(ResponseValue::new(inner, status, headers))
            }
        };
        let at = items
            .iter()
            .position(|item| !matches!(item, syn::Item::Use(_)))
            .unwrap_or(items.len());
        items.insert(at, helper);
    }
}

/// Whether an identifier in `items`, at any depth, is `name`.
fn names_ident(items: &[syn::Item], name: &str) -> bool {
    items.iter().any(|item| {
        count_trees(
            quote::ToTokens::to_token_stream(item),
            &|tree| matches!(tree, TokenTree::Ident(ident) if ident == name),
        ) > 0
    })
}

/// Removes each private `use a::b::name;` (one name, no attribute) that nothing else in its
/// module names, in `items` and in every module below: progenitor's `builder` module imports
/// `super::types` whether or not an operation has a body or an answer of a type from there,
/// and an unused import warns (`clippy -D warnings` fails).
fn drop_unused_imports(items: &mut Vec<syn::Item>) {
    let unused: Vec<usize> = (0..items.len())
        .filter(|&at| {
            let syn::Item::Use(import) = &items[at] else {
                return false;
            };
            let Some(name) = single_name(&import.tree) else {
                return false;
            };
            import.attrs.is_empty() && matches!(import.vis, syn::Visibility::Inherited) && {
                let (before, rest) = items.split_at(at);
                !names_ident(before, &name) && !names_ident(&rest[1..], &name)
            }
        })
        .collect();
    for at in unused.into_iter().rev() {
        items.remove(at);
    }
    for item in items {
        if let syn::Item::Mod(module) = item
            && let Some((_, inner)) = &mut module.content
        {
            drop_unused_imports(inner);
        }
    }
}

/// The one name that `tree` imports (`a::b::name`), if it imports exactly one, under its own
/// name.
fn single_name(tree: &syn::UseTree) -> Option<String> {
    match tree {
        syn::UseTree::Path(path) => single_name(&path.tree),
        syn::UseTree::Name(name) if name.ident != "self" => Some(name.ident.to_string()),
        _ => None,
    }
}

/// `tokens` with each `ResponseValue::from_response` made `response_value`.
fn call_response_value(tokens: TokenStream, replaced: &mut usize) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut at = 0;
    while at < trees.len() {
        let is_call = matches!(
            &trees[at..],
            [TokenTree::Ident(ty), TokenTree::Punct(a), TokenTree::Punct(b), TokenTree::Ident(f), ..]
                if ty == "ResponseValue" && a.as_char() == ':' && b.as_char() == ':' && f == "from_response"
        );
        if is_call {
            out.extend(quote::quote!(response_value));
            *replaced += 1;
            at += 4;
            continue;
        }
        match &trees[at] {
            TokenTree::Group(group) => {
                let mut rewritten = Group::new(
                    group.delimiter(),
                    call_response_value(group.stream(), replaced),
                );
                rewritten.set_span(group.span());
                out.push(TokenTree::Group(rewritten));
            }
            other => out.push(other.clone()),
        }
        at += 1;
    }
    out.into_iter().collect()
}

/// Finds what in `spec` makes progenitor panic with `message`: the component schema (the
/// smallest, with the schemas it refers to) or else the operation that alone panics with the
/// same message, at the `$ref`, enum value or type inside it that the message names.
pub fn locate_panic(spec: &OpenAPI, file: &str, message: &str, deadline: Duration) -> Problem {
    locate_panic_culprit(spec, file, message, deadline).0
}

/// [`locate_panic`], and what it blamed.
fn locate_panic_culprit(
    spec: &OpenAPI,
    file: &str,
    message: &str,
    deadline: Duration,
) -> (Problem, Culprit) {
    let same = |candidate: &OpenAPI| matches!(progenitor_run::generate(candidate, deadline), Generated::Done(Err(m)) if m == message);
    let (at, culprit, blamed) = locate(spec, message, &same);
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let (at, message) = in_words(&doc, at, message);
    let problem = match culprit {
        Some(what) => Problem::at(
            file,
            at,
            format!("progenitor panicked while generating {what}: {message}"),
        ),
        None => Problem::at(file, at, format!("progenitor panicked: {message}")),
    };
    (problem, blamed)
}

/// progenitor's and typify's internal messages that name a shape of the document, each with
/// what it means in the document's terms and the key that holds that shape.
const INTERNAL: [(&str, &str, &str); 4] = [
    (
        "not yet implemented: unhandled not schema",
        "a `not` of this kind (typify 0.8 takes `not` only of `{}` or of `enum` values)",
        "not",
    ),
    (
        "assertion failed: mt.encoding.is_empty()",
        "`encoding` on a JSON media type (progenitor 0.15.1 takes none)",
        "encoding",
    ),
    (
        "media type encoding not empty",
        "`encoding` on a request body's media type (progenitor 0.15.1 takes none)",
        "encoding",
    ),
    (
        "assertion failed: response_types.len() <= 1",
        "responses of more than one type on one side (progenitor 0.15.1 takes one)",
        "responses",
    ),
];

/// The message in words, and the pointer of the key it names below `at` (the first, in the
/// document's order), for one of the [`INTERNAL`] messages; else the message's first line and
/// `at`.
fn in_words<'a>(doc: &Value, at: String, message: &'a str) -> (String, std::borrow::Cow<'a, str>) {
    let Some((_, words, key)) = INTERNAL.iter().find(|(m, _, _)| message.starts_with(m)) else {
        return (at, first_line(message).into());
    };
    let mut stack = vec![(at.clone(), doc.pointer(&at))];
    while let Some((here, node)) = stack.pop() {
        let Some(Value::Object(map)) = node else {
            continue;
        };
        if map.contains_key(*key) {
            return (join(&here, key), (*words).into());
        }
        for (name, value) in map.iter().rev() {
            stack.push((join(&here, name), Some(value)));
        }
    }
    (at, (*words).into())
}

/// The first line of a message from progenitor, without the start of a value it goes on to
/// dump (`… not supported Cookie {`): a problem is one line.
fn first_line(message: &str) -> &str {
    let line = message.lines().next().unwrap_or_default().trim_end();
    if !message.contains('\n') {
        return line;
    }
    let Some(opened) = line.strip_suffix(['{', '(', '[']) else {
        return line;
    };
    let opened = opened.trim_end();
    match opened.rsplit_once(' ') {
        Some((before, name)) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => before,
        _ => opened,
    }
}

/// The problem for a document that progenitor had not finished after `limit`: at the schema
/// that typify merges with the most subschemas nested below it (see
/// [`progenitor_run::merges`]), the likeliest cause, or at the whole document.
fn timed_out(spec: &OpenAPI, file: &str, limit: Duration) -> Problem {
    let seconds = limit.as_secs_f64();
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let mut heaviest: Option<(usize, String, &str)> = None;
    heaviest_merge(&doc, "", &mut heaviest);
    match heaviest {
        Some((nested, at, keyword)) => Problem::at(
            file,
            at,
            format!(
                "progenitor did not finish within {seconds} s: typify merges the keywords beside \
                 this schema's `{keyword}` into its members ({nested} subschemas nested below), \
                 in time that grows exponentially with them; move those keywords into each \
                 member, or nest less, in an overlay"
            ),
        ),
        None => Problem::at(
            file,
            "",
            format!("progenitor did not finish within {seconds} s on this document"),
        ),
    }
}

/// How many subschemas `node` combines at any depth, and (into `heaviest`) the schema that
/// typify merges with the most of them: its count, pointer and first combining keyword.
/// Examples, defaults, enum values and extensions are data, not looked into.
fn heaviest_merge(
    node: &Value,
    at: &str,
    heaviest: &mut Option<(usize, String, &'static str)>,
) -> usize {
    let mut nested = 0;
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                if matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-")
                {
                    continue;
                }
                let below = heaviest_merge(value, &join(at, key), heaviest);
                nested += below;
                if progenitor_run::COMPOSITIONS.contains(&key.as_str()) {
                    nested += value.as_array().map_or(1, Vec::len);
                }
            }
            if let Some(keyword) = progenitor_run::merged_here(map)
                && heaviest.as_ref().is_none_or(|(most, _, _)| nested > *most)
            {
                *heaviest = Some((nested, at.to_owned(), keyword));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                nested += heaviest_merge(item, &join(at, &i.to_string()), heaviest);
            }
        }
        _ => {}
    }
    nested
}

/// Finds what in `spec` makes progenitor fail with the error `message` (see [`locate`]), and
/// what it blamed.
fn locate_error_culprit(
    spec: &OpenAPI,
    file: &str,
    message: &str,
    deadline: Duration,
) -> (Problem, Culprit) {
    let same = |candidate: &OpenAPI| matches!(progenitor_run::generate(candidate, deadline), Generated::Done(Ok(Err(m))) if m == message);
    let (at, culprit, blamed) = locate(spec, message, &same);
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let (at, message) = in_words(&doc, at, message);
    let problem = match culprit {
        Some(what) => Problem::at(file, at, format!("progenitor refused {what}: {message}")),
        None => Problem::at(file, at, format!("progenitor: {message}")),
    };
    (problem, blamed)
}

/// Finds what in `spec` makes progenitor fail with `message` (`same` tells whether a part of
/// `spec` alone fails so): the component schemas alone first (each schema with the schemas it
/// refers to, the smallest that fails), then each operation alone. A culprit is blamed only
/// when it alone fails with the same message; the pointer is then inside it where the message
/// points (the `$ref` it names, the enum values it lists, a type it names), else at it. The
/// culprit in words, or `None` when nothing alone fails so (the pointer is then wherever the
/// message points in the whole document, or the whole document).
fn locate(
    spec: &OpenAPI,
    message: &str,
    same: &dyn Fn(&OpenAPI) -> bool,
) -> (String, Option<String>, Culprit) {
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let mut bare = spec.clone();
    bare.paths.paths.clear();
    // `spec` with only the operation at `path` and `method`, and only `schemas` if given.
    let alone = |schemas: Option<&BTreeSet<String>>, path: Option<(&String, &PathItem, &str)>| {
        let mut alone = bare.clone();
        if let (Some(keep), Some(components)) = (schemas, &mut alone.components) {
            components.schemas.retain(|key, _| keep.contains(key));
        }
        if let Some((path, item, method)) = path {
            alone
                .paths
                .paths
                .insert(path.clone(), ReferenceOr::Item(only(item, method)));
        }
        alone
    };
    if same(&bare) {
        // Each schema with what it leads to, the smallest first: the first that fails alone.
        let schemas = spec.components.as_ref().map(|c| &c.schemas);
        let mut closures: Vec<(BTreeSet<String>, &String)> = schemas
            .into_iter()
            .flat_map(|s| s.keys())
            .map(|name| {
                let at = join("/components/schemas", name);
                let mut closure = schemas_reached(&doc, vec![at]);
                closure.insert(name.clone());
                (closure, name)
            })
            .collect();
        closures.sort_by_key(|(closure, _)| closure.len());
        let culprit = closures
            .iter()
            .find(|(closure, _)| same(&alone(Some(closure), None)));
        let (at, what, blamed) = match culprit {
            Some((_, name)) => (
                join("/components/schemas", name),
                format!("schema {name:?}{}", used_by(&doc, name)),
                Culprit::Schema((*name).clone()),
            ),
            None => (
                "/components/schemas".to_owned(),
                "the component schemas".to_owned(),
                Culprit::Unknown,
            ),
        };
        return (within(&doc, &at, message), Some(what), blamed);
    }
    let mut operations = Vec::new();
    for (path, item) in &spec.paths.paths {
        if let ReferenceOr::Item(item) = item {
            for (method, operation) in item.iter() {
                operations.push((path, item, method, operation));
            }
        }
    }
    // Each operation alone with the schemas it leads to (cheap), then with all of them.
    for reduced in [true, false] {
        for &(path, item, method, operation) in &operations {
            let item_at = join("/paths", path);
            let schemas = reduced.then(|| {
                schemas_reached(
                    &doc,
                    vec![join(&item_at, method), join(&item_at, "parameters")],
                )
            });
            if same(&alone(schemas.as_ref(), Some((path, item, method)))) {
                let id = operation
                    .operation_id
                    .as_deref()
                    .unwrap_or("(no operationId)");
                return (
                    within(&doc, &join(&item_at, method), message),
                    Some(format!("operation {id:?}")),
                    Culprit::Operation {
                        path: path.clone(),
                        method: method.to_owned(),
                        id: id.to_owned(),
                    },
                );
            }
        }
    }
    (within(&doc, "", message), None, Culprit::Unknown)
}

/// ` (used by operation "x" at /paths/~1x/get, …)`: the operations that refer to the component
/// schema `name` directly (a schema that `normalize` made from an operation's responses is
/// named after it, but is in no file), or nothing.
fn used_by(doc: &serde_json::Value, name: &str) -> String {
    let target = format!("#{}", join("/components/schemas", name));
    let users: Vec<String> = crate::lint_names::operations(doc)
        .iter()
        .filter(|o| {
            let mut refs = Vec::new();
            refs_in(o.op, &mut refs);
            refs.contains(&target.as_str())
        })
        .map(|o| format!("operation {:?} at {}", o.id, o.at))
        .collect();
    if users.is_empty() {
        String::new()
    } else {
        format!(" (used by {})", users.join(", "))
    }
}

/// The component schemas that the nodes at the pointers `starts` lead to through `$ref`s,
/// through any component (a response, a parameter…) on the way. A reference is also read as
/// typify and progenitor read it, by its last segment: `#/components/responses/X` in a schema
/// leads to the schema `X` if there is one.
fn schemas_reached(doc: &serde_json::Value, starts: Vec<String>) -> BTreeSet<String> {
    let mut schemas = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut todo = starts;
    while let Some(pointer) = todo.pop() {
        let Some(node) = doc.pointer(&pointer) else {
            continue;
        };
        if !seen.insert(pointer) {
            continue;
        }
        let mut refs = Vec::new();
        refs_in(node, &mut refs);
        for target in refs {
            let Some(target) = target.strip_prefix('#') else {
                continue;
            };
            let last = target.rsplit('/').next().unwrap_or(target);
            let named = target
                .strip_prefix("/components/schemas/")
                .map(|rest| rest.split('/').next().unwrap_or(rest));
            if named.is_none() {
                todo.push(target.to_owned());
            }
            for name in named.into_iter().chain([last]) {
                let name = crate::problem::unescape(name);
                let at = join("/components/schemas", &name);
                if doc.pointer(&at).is_some() && schemas.insert(name) {
                    todo.push(at);
                }
            }
        }
    }
    schemas
}

/// Every `$ref` string below `node`.
fn refs_in<'a>(node: &'a serde_json::Value, found: &mut Vec<&'a str>) {
    match node {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.as_str()) {
                    ("$ref", Some(target)) => found.push(target),
                    _ => refs_in(value, found),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| refs_in(v, found)),
        _ => {}
    }
}

/// The deepest place below `at` that a panic `message` names: the `$ref` it says is missing
/// or unsupported, the later of the enum values it cannot name apart, or the schema of a type
/// it names (typify's type names mapped back to the schemas they come from); else `at`.
fn within(doc: &serde_json::Value, at: &str, message: &str) -> String {
    use serde_json::Value;
    // `path /x uses reference, unsupported`.
    let paths = doc.get("paths").and_then(Value::as_object);
    for path in paths.into_iter().flat_map(|p| p.keys()) {
        if message.contains(&format!("path {path} uses reference")) {
            return join(&join("/paths", path), "$ref");
        }
    }
    let Some(node) = doc.pointer(at) else {
        return at.to_owned();
    };
    let cookie = message.contains("cookie parameters are not supported");
    // `$ref #/components/responses/X is missing`, `external references are not supported: X`.
    let named_ref = message
        .strip_prefix("$ref ")
        .and_then(|m| m.strip_suffix(" is missing"))
        .or_else(|| message.strip_prefix("external references are not supported: "));
    // `Failed to make unique variant names for [a,A]`.
    let values: Option<Vec<&str>> = message
        .strip_prefix("Failed to make unique variant names for [")
        .and_then(|m| m.strip_suffix(']'))
        .map(|m| m.split(',').collect());
    let mut found = None;
    let mut stack = vec![(at.to_owned(), node)];
    while let Some((here, node)) = stack.pop() {
        if found.is_some() {
            break;
        }
        match node {
            Value::Object(map) => {
                if let Some(target) = named_ref
                    && map.get("$ref").and_then(Value::as_str) == Some(target)
                {
                    found = Some(join(&here, "$ref"));
                }
                if cookie && map.get("in").and_then(Value::as_str) == Some("cookie") {
                    found = Some(join(&here, "in"));
                }
                if let (Some(values), Some(list)) =
                    (&values, map.get("enum").and_then(Value::as_array))
                {
                    let strings: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                    if values.iter().all(|v| strings.contains(v)) {
                        let names = crate::lint_names::variant_names(&strings);
                        let later = (1..names.len()).find(|&i| names[..i].contains(&names[i]));
                        if let Some(i) = later
                            && let Some(index) =
                                list.iter().position(|v| v.as_str() == Some(strings[i]))
                        {
                            found = Some(join(&join(&here, "enum"), &index.to_string()));
                        }
                    }
                }
                for (key, value) in map.iter().rev() {
                    stack.push((join(&here, key), value));
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate().rev() {
                    stack.push((join(&here, &i.to_string()), value));
                }
            }
            _ => {}
        }
    }
    if let Some(found) = found {
        return found;
    }
    let words: std::collections::BTreeSet<&str> = message
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .collect();
    crate::lint_names::named_types(doc)
        .into_iter()
        .filter(|n| words.contains(n.rust.as_str()))
        .map(|n| n.at)
        .find(|p| p.starts_with(&format!("{at}/")) || (at.is_empty() && !p.is_empty()))
        .unwrap_or_else(|| at.to_owned())
}

/// A copy of `item` keeping only the operation under `method`.
fn only(item: &PathItem, method: &str) -> PathItem {
    let keep =
        |m: &str, op: &Option<openapiv3::Operation>| if m == method { op.clone() } else { None };
    PathItem {
        get: keep("get", &item.get),
        put: keep("put", &item.put),
        post: keep("post", &item.post),
        delete: keep("delete", &item.delete),
        options: keep("options", &item.options),
        head: keep("head", &item.head),
        patch: keep("patch", &item.patch),
        trace: keep("trace", &item.trace),
        ..item.clone()
    }
}
