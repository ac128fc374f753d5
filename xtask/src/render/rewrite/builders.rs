//! The per-request work of each operation's builder trimmed: three rewrites of its `send`.
//!
//! **What progenitor 0.15.1 does**, and what each rewrite bought (instructions per call of the
//! facade's unbind, `env -i`, BENCHMARKS.md, "What changed after `1be725a`"):
//!
//! - it calls `.query(&QueryParam::new(name, &value))` for every query parameter, `None`
//!   included: reqwest appends `?`, serialises nothing and strips it again.
//!   [`skip_absent_queries`] makes the call conditional: CloudBase 83.03k → 82.38k
//!   (`64a2b23`);
//! - it appends each header parameter by a `&'static str` name parsed (and lower-cased into a
//!   new allocation) on every request, its `String` value copied by `to_string()`.
//!   [`tidy_header_parameters`] names it at compile time and takes the value as it is:
//!   OneAccess 416.06k → 405.34k (`fcd6400`);
//! - it makes each URL with `format!`, copying a `String` path parameter before encoding it.
//!   [`concat_urls`] joins the pieces: CloudBase 82.38k → 81.15k, MantaGo 87.40k → 87.09k
//!   (`b028120`; OneAccess moved 405.34k → 405.51k, within its ± 0.3k noise).
//!
//! **What would make it unnecessary.** progenitor skipping absent query parameters, naming
//! header parameters with `HeaderName::from_static`, and joining URLs (or taking `&str` path
//! values); each rewrite counts what it changed ([`BuilderRewrites`]), and the pass's test
//! says which count fell to zero.

use super::tokens::{BUILDER, builder, last_segment, names};

/// Rewrites what each generated request builder's `send` does per request, where progenitor's
/// code costs more than it needs to: `skip_absent_queries`, `tidy_header_parameters` and
/// `concat_urls` below. What is sent stays the same. Fails when such code is left in a form
/// these do not know, so that a new progenitor cannot bring the cost back unnoticed. Public
/// for its tests (`xtask/tests/it/render.rs`); [`crate::render::syntax`] runs it.
pub fn rewrite_builders(file: &mut syn::File) -> Result<BuilderRewrites, String> {
    let mut tally = Tally::default();
    for item in &mut file.items {
        rewrite_builders_in_item(item, &mut tally)?;
    }
    if tally.queries_found != tally.queries_rewritten {
        return Err(format!(
            "query calls on optional parameters: {} found, {} made conditional; render/rewrite/builders.rs's \
             `skip_absent_queries` does not know the form of the others",
            tally.queries_found, tally.queries_rewritten
        ));
    }
    if tally.names_left != 0 {
        return Err(format!(
            "{} header parameters appended by a name parsed per request; render/rewrite/builders.rs's \
             `tidy_header_parameters` does not know their form",
            tally.names_left
        ));
    }
    if tally.urls_left != 0 {
        return Err(format!(
            "{} URLs made by `format!`; render/rewrite/builders.rs's `concat_urls` does not know their form",
            tally.urls_left
        ));
    }
    Ok(BuilderRewrites {
        queries: tally.queries_rewritten,
        header_names: tally.names_made,
        urls: tally.urls_joined,
    })
}

/// What [`rewrite_builders`] changed, by rewrite: the sites of progenitor's code each found
/// and rewrote (what its test in `xtask/tests/it/render_passes.rs` checks is not zero).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BuilderRewrites {
    /// Optional query parameters' `.query(…)` calls made conditional on the parameter.
    pub queries: usize,
    /// Header parameters' names made at compile time instead of parsed per request.
    pub header_names: usize,
    /// URLs joined from their pieces instead of made by `format!`.
    pub urls: usize,
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
    /// Header parameters' names made at compile time.
    names_made: usize,
    /// URLs joined from their pieces.
    urls_joined: usize,
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
            tally.names_made += 1;
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
            Some(pieces) => {
                *init.expr = syn::parse_quote!([#(#pieces),*].concat());
                tally.urls_joined += 1;
            }
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
