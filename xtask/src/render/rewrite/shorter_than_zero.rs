//! The check that a string is shorter than zero characters dropped.
//!
//! **What progenitor 0.15.1 does** (through typify 0.8): for `minLength: 0` it writes
//! `if value.chars().count() < 0usize { return Err(…) }`, a check that never fails, which rustc
//! warns of (`unused_comparisons`), so the generated crate fails `clippy -D warnings`
//! (`cb7ace4`).
//!
//! **Why.** A lint, not a cost: no figure was measured for it.
//!
//! **What would make it unnecessary.** typify skipping the check for a minimum length of 0;
//! the pass's test then finds nothing to drop on a `minLength: 0` property.

/// Removes each `if value.chars().count() < 0usize { … }` that typify writes for
/// `minLength: 0`: a check that never fails, which rustc warns of (`unused_comparisons`:
/// "comparison is useless due to type limits"), so `clippy -D warnings` fails. What the
/// type accepts stays the same. In every function of every `impl` block, in `items` and the
/// modules below.
/// Public for its test (`xtask/tests/it/render_passes.rs`); [`crate::render::syntax`] runs it.
pub fn drop_shorter_than_zero(items: &mut [syn::Item]) {
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
