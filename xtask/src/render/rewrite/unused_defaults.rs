//! Default functions that nothing names dropped.
//!
//! **What progenitor 0.15.1 does** (through typify 0.8): a `defaults` module of generic default
//! functions (`default_i64`, `default_u64`, `default_bool`) and of a property's own default,
//! some of which nothing calls; an unused one warns (`dead_code`), so the generated crate fails
//! `clippy -D warnings` (`6a0007d`).
//!
//! **Why.** A lint, not a cost: no per-call figure was measured (none applies). The pass's own
//! cost was measured: one walk of the whole file per default function took 0.6 s on Clerk's
//! document; counting every name in one walk (`87d8592`) took Clerk's whole pipeline from
//! 2.75 s to 1.57 s (BENCHMARKS.md, "After the merge: no rustfmt, and one walk for unused
//! defaults").
//!
//! **What would make it unnecessary.** typify writing only the default functions it uses; the
//! pass's test then finds nothing to drop on a property whose default typify states inline.

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};

/// Removes each function of a `defaults` module (typify's `default_i64`, `default_u64`, a
/// property's own default) that nothing else in `file` names, as an identifier or inside a
/// string (`#[serde(default = "defaults::default_i64::<i64, -1>")]`): an unused one warns
/// (`dead_code`), and `clippy -D warnings` fails. Public for its test
/// (`xtask/tests/it/render.rs`); [`crate::render::syntax`] runs it.
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
