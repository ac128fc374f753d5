//! The `api-version` header dropped.
//!
//! **What progenitor 0.15.1 does.** Every operation's `send` builds a header map holding an
//! `api-version` header (the document's `info.version`, `Client::api_version()`) and merges it
//! into the request; progenitor has no setting to leave it out.
//!
//! **Why.** None of our providers documents such a header, and the hooks used to remove it from
//! every request again. Dropping it at generation took CloudBase's facade from 84.55k to 83.63k
//! instructions per call (`2df1198`); the header map of an operation whose header parameters
//! are all optional then starting empty, no allocation until one is passed, took it from
//! 83.78k to 83.02k (`dd6bb87`; BENCHMARKS.md, "What changed at `dd6bb87`").
//!
//! **What would make it unnecessary.** A progenitor setting (or default) that sends no
//! `api-version`; the pass's test then finds no header to drop and says so.

use proc_macro2::{TokenStream, TokenTree};

use super::tokens::count_trees;

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
/// removed takes its own with it, and any left over is the header in another form. Returns how
/// many statements it removed.
pub fn drop_api_version(file: &mut syn::File, found: usize) -> Result<usize, String> {
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
             generated code; render/rewrite/api_version.rs's `drop_api_version` does not know this form of it"
        ));
    }
    Ok(dropped.statements)
}

/// The source form of the header's name in a literal.
pub(in crate::render) const API_VERSION: &str = "\"api-version\"";

/// What [`drop_api_version`] removed: statements, and the `"api-version"` literals in them.
#[derive(Default)]
struct Dropped {
    statements: usize,
    literals: usize,
}

/// How many literals in `tokens`, at any depth, hold `needle` in their source form.
pub(in crate::render) fn literals_holding(tokens: TokenStream, needle: &str) -> usize {
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
