//! The typed `httpmock` mocks of a client crate (`src/mock.rs`): progenitor's mock generator,
//! each operation it fails on left out with a note, path values escaped, lints allowed.

use openapiv3::{OpenAPI, ReferenceOr};
use proc_macro2::{Group, TokenStream, TokenTree};

use super::locate::{only, without_operation};
use super::{allow, header};
use crate::problem::Problem;
use crate::progenitor_run;

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
        allow(
            "missing_docs",
            "progenitor's mock generator writes no doc text for the wrappers and methods of each operation",
        ),
        allow(
            "clippy::unnecessary_to_owned",
            "a path parameter's value is turned into text as `value.to_string()` whatever its type, `&str` included",
        ),
    ]
}
