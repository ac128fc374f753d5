//! The message of a builder field not set yet held without allocating it.
//!
//! **What progenitor 0.15.1 does** (and typify 0.8, for a body type's builder in
//! `types::builder`): each builder field is a `Result<T, String>` that starts as
//! `Err("… was not initialized".to_string())` (or `"no value supplied for …"`), allocated and
//! freed on every request, once per required parameter and required body field, and replaced
//! by the setter at once.
//!
//! **Why.** Holding the message as a `Cow<'static, str>` took the facade's unbind from 81.16k
//! to 81.02k instructions per call (CloudBase), 87.06k → 86.46k (MantaGo), 405.8k → 404.3k
//! (OneAccess) (`85954e6`; BENCHMARKS.md, "What changed after `1be725a`").
//!
//! **What would make it unnecessary.** Builders in progenitor and typify whose unset message
//! is a `&'static str` (or a `Cow`); the pass's test then finds no `Result<_, String>` field to
//! convert.

use super::tokens::{builder, last_segment};

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
/// Public for its test (`xtask/tests/it/render_passes.rs`); [`crate::render::syntax`] runs it.
pub fn static_unset_messages(file: &mut syn::File) {
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
