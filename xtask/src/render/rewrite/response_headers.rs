//! Each answer's headers moved into its `ResponseValue` instead of cloned (on progenitor's
//! tokens, before they are parsed).
//!
//! **What progenitor 0.15.1 does.** Each operation reads its answer with
//! `ResponseValue::from_response`, which clones the answer's header map before reading the body
//! (which consumes the answer): every request copies every header of its answer once, and
//! frees both maps.
//!
//! **Why.** Calling a `response_value` that moves the headers instead (added by
//! `response_value.rs`) took the facade's unbind from 81.02k to 80.40k instructions per call
//! (CloudBase), 86.46k → 85.97k (MantaGo), 404.3k → 403.8k–404.2k (OneAccess) (`45b0f19`;
//! BENCHMARKS.md, "What changed after `1be725a`").
//!
//! **What would make it unnecessary.** A `progenitor-client` whose `from_response` takes the
//! headers from the answer (it owns it) instead of cloning them. The pass's test cannot see
//! that change (the call keeps its name): read `from_response` in `progenitor-client` on each
//! upgrade; if it moves the headers, this pass and `response_value.rs` go.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use super::tokens::count_trees;

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
             generated code; render/rewrite/response_headers.rs's `move_response_headers` does not know this form of it"
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
