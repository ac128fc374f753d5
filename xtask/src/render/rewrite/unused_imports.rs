//! Imports that nothing names dropped.
//!
//! **What progenitor 0.15.1 does.** Its `builder` module imports `super::types` whether or not
//! an operation has a body or an answer of a type from there; an unused import warns, and the
//! generated crate must pass `cargo clippy -- -D warnings` (`d80d440`).
//!
//! **Why.** A lint, not a cost: no figure was measured for it (none applies; it removes a
//! `use` item).
//!
//! **What would make it unnecessary.** progenitor importing `types` only where an operation
//! uses it, or allowing `unused_imports` on the module; the pass's test then finds nothing to
//! drop on a document whose operations use no type.

use super::tokens::names_ident;

/// Removes each private `use a::b::name;` (one name, no attribute) that nothing else in its
/// module names, in `items` and in every module below: progenitor's `builder` module imports
/// `super::types` whether or not an operation has a body or an answer of a type from there,
/// and an unused import warns (`clippy -D warnings` fails).
/// Public for its test (`xtask/tests/it/render_passes.rs`); [`crate::render::syntax`] runs it.
pub fn drop_unused_imports(items: &mut Vec<syn::Item>) {
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
