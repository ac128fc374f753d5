//! What the passes share, below all of them: searches over tokens and syntax trees, and the
//! local that holds a request's builder.

use proc_macro2::{TokenStream, TokenTree};

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
pub(in crate::render) fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
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
