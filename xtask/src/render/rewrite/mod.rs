//! The rewrite passes over progenitor 0.15.1's output, one file a pass, in the order
//! [`super::syntax_passes`] runs them:
//!
//! 1. on progenitor's tokens, before the one parse: the doc lines (spec prose as doc text,
//!    every code block fenced as `text`), which lives in `xtask/src/render_docs.rs`
//!    ([`crate::render_docs::doc_comments`]), the fifth of the passes issue 26 named; then
//!    `response_headers.rs` ([`move_response_headers`]);
//! 2. on the syntax tree, those the public API depends on or that can fail:
//!    `api_version.rs` ([`drop_api_version`]), `builders.rs` ([`rewrite_builders`]);
//! 3. then, for the code `generate` prints: `unset_messages.rs` ([`static_unset_messages`]),
//!    `response_value.rs` ([`add_response_value`]), `unused_imports.rs`
//!    ([`drop_unused_imports`]), `shorter_than_zero.rs` ([`drop_shorter_than_zero`]),
//!    `unused_defaults.rs` ([`drop_unused_defaults`]).
//!
//! Each file's doc comment says which behaviour of progenitor (or of typify 0.8, which it
//! calls) the pass changes, what that bought, and what would make the pass unnecessary. Each
//! pass has a test in `xtask/tests/it/render_passes.rs` that runs progenitor on a spec and
//! fails, naming the pass, when progenitor's output no longer has the shape the pass expects:
//! after a progenitor upgrade, the failing tests name the passes to revisit.

use proc_macro2::{TokenStream, TokenTree};

mod api_version;
mod builders;
mod response_headers;
mod response_value;
mod shorter_than_zero;
mod unset_messages;
mod unused_defaults;
mod unused_imports;

pub use api_version::drop_api_version;
pub(super) use api_version::{API_VERSION, literals_holding};
pub use builders::{BuilderRewrites, rewrite_builders};
pub use response_headers::move_response_headers;
pub use response_value::add_response_value;
pub use shorter_than_zero::drop_shorter_than_zero;
pub use unset_messages::static_unset_messages;
pub use unused_defaults::drop_unused_defaults;
pub use unused_imports::drop_unused_imports;

/// How many identifiers, punctuation marks and literals in `tokens`, at any depth (groups are
/// looked into, not counted), `matches` accepts: the one walk that the searches below share.
pub(super) fn count_trees(tokens: TokenStream, matches: &dyn Fn(&TokenTree) -> bool) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => count_trees(group.stream(), matches),
            other => usize::from(matches(&other)),
        })
        .sum()
}

/// Whether `tokens` hold the identifier `name`, at any depth.
pub(super) fn names(tokens: TokenStream, name: &str) -> bool {
    count_trees(
        tokens,
        &|tree| matches!(tree, TokenTree::Ident(ident) if ident == name),
    ) > 0
}

/// Whether an identifier in `items`, at any depth, is `name`.
pub(super) fn names_ident(items: &[syn::Item], name: &str) -> bool {
    items.iter().any(|item| {
        count_trees(
            quote::ToTokens::to_token_stream(item),
            &|tree| matches!(tree, TokenTree::Ident(ident) if ident == name),
        ) > 0
    })
}

/// The last segment of `ty`'s path, if it is a path.
pub(super) fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last(),
        _ => None,
    }
}

/// The local that holds a request's builder while `builders.rs`'s `skip_absent_queries` splits
/// its chain.
pub(super) const BUILDER: &str = "request_builder";

/// The builder's local as an expression.
pub(super) fn builder() -> syn::Expr {
    let builder = syn::Ident::new(BUILDER, proc_macro2::Span::call_site());
    syn::parse_quote!(#builder)
}
