//! The public Rust API of a generated client, read from its syntax tree, and the differences
//! between two of them.
//!
//! What counts: the types in `types` (structs and their public fields with their types, enums
//! and their variants, type aliases), the `Client`'s methods, and each operation's builder in
//! `builder` (its methods, their argument types, whether a method is required, and what `send`
//! returns). `types::builder` is left out: its setters mirror the fields of `types` one to one,
//! so they change exactly when the fields do.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use syn::{Expr, FnArg, GenericParam, ImplItem, Item, Type, WherePredicate};

use super::terms::Grade;

/// What kind of item an API entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A type in `types` or an operation's builder struct in `builder`.
    Type,
    /// A public field of a struct in `types` (`0` for a tuple struct's field).
    Field,
    /// A variant of an enum in `types`.
    Variant,
    /// A method of `Client`.
    ClientMethod,
    /// A method of an operation's builder.
    BuilderMethod,
}

/// The public API: (container, kind, member) → signature. A type is its own container with an
/// empty member.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Api {
    /// Every entry, sorted.
    pub entries: BTreeMap<(String, Kind, String), String>,
    /// Types whose default builder fails to convert (see `incomplete_by_default`).
    incomplete_bodies: BTreeSet<String>,
}

/// One difference between two public APIs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustChange {
    /// A cargo-semver-checks-style lint name, e.g. `struct_pub_field_missing`.
    pub lint: &'static str,
    /// The container: `types::Customer`, `Client`, `builder::UnbindProvider`.
    pub container: String,
    /// For a renamed container, its old name.
    pub old_container: Option<String>,
    /// The member (field, variant, method), empty for the container itself.
    pub member: String,
    /// For a renamed member, its old name.
    pub old_member: Option<String>,
    /// What kind of entry changed.
    pub kind: Kind,
    /// Compatible or breaking for code written against the old crate.
    pub grade: Grade,
    /// One line: `types::CustomerBindRequest: field customer_id renamed customer_i_d`.
    pub text: String,
}

impl Api {
    /// Reads the public API from the generated code `file`.
    pub fn read(file: &syn::File) -> Self {
        let mut api = Self {
            incomplete_bodies: incomplete_by_default(file),
            ..Self::default()
        };
        for item in &file.items {
            match item {
                Item::Mod(module) if module.ident == "types" => {
                    for item in module.content.iter().flat_map(|(_, items)| items) {
                        api.add_type(item);
                    }
                }
                Item::Mod(module) if module.ident == "builder" => {
                    for item in module.content.iter().flat_map(|(_, items)| items) {
                        api.add_builder(item);
                    }
                }
                Item::Impl(block) if type_name(&block.self_ty) == "Client" => {
                    for item in &block.items {
                        if let ImplItem::Fn(method) = item
                            && is_pub(&method.vis)
                        {
                            let sig = &method.sig;
                            let signature =
                                format!("fn({}) -> {}", args(sig), return_type(&sig.output));
                            api.insert(
                                "Client",
                                Kind::ClientMethod,
                                &sig.ident.to_string(),
                                signature,
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        api
    }

    /// Reads the public API from the text of generated code (`None` if it does not parse):
    /// [`Api::read`] on it, with what that does not read left out before it is parsed (every
    /// function's body but a `new`'s or a `default`'s, and every attribute): on Kratos's
    /// 34,359 lines, 93 ms against 133 ms with `syn::parse_file` (BENCHMARKS.md).
    pub fn read_code(code: &str) -> Option<Self> {
        let tokens: TokenStream = code.parse().ok()?;
        syn::parse2(without_bodies(tokens))
            .ok()
            .map(|file| Self::read(&file))
    }

    fn insert(&mut self, container: &str, kind: Kind, member: &str, signature: String) {
        self.entries
            .insert((container.to_owned(), kind, member.to_owned()), signature);
    }

    fn add_type(&mut self, item: &Item) {
        match item {
            Item::Struct(s) if is_pub(&s.vis) => {
                let container = format!("types::{}", s.ident);
                self.insert(&container, Kind::Type, "", "struct".to_owned());
                for (i, field) in s.fields.iter().enumerate() {
                    if !is_pub(&field.vis) {
                        continue;
                    }
                    let name = field
                        .ident
                        .as_ref()
                        .map_or_else(|| i.to_string(), ToString::to_string);
                    self.insert(&container, Kind::Field, &name, show_type(&field.ty));
                }
            }
            Item::Enum(e) if is_pub(&e.vis) => {
                let container = format!("types::{}", e.ident);
                self.insert(&container, Kind::Type, "", "enum".to_owned());
                for variant in &e.variants {
                    let fields: Vec<String> =
                        variant.fields.iter().map(|f| show_type(&f.ty)).collect();
                    let shape = if fields.is_empty() {
                        String::new()
                    } else {
                        format!("({})", fields.join(", "))
                    };
                    self.insert(&container, Kind::Variant, &variant.ident.to_string(), shape);
                }
            }
            Item::Type(alias) if is_pub(&alias.vis) => {
                let container = format!("types::{}", alias.ident);
                self.insert(
                    &container,
                    Kind::Type,
                    "",
                    format!("type = {}", show_type(&alias.ty)),
                );
            }
            _ => {}
        }
    }

    fn add_builder(&mut self, item: &Item) {
        match item {
            Item::Struct(s) if is_pub(&s.vis) => {
                self.insert(
                    &format!("builder::{}", s.ident),
                    Kind::Type,
                    "",
                    "struct".to_owned(),
                );
            }
            Item::Impl(block) if block.trait_.is_none() => {
                let container = format!("builder::{}", type_name(&block.self_ty));
                let required = required_fields(block);
                for item in &block.items {
                    let ImplItem::Fn(method) = item else { continue };
                    let name = method.sig.ident.to_string();
                    if !is_pub(&method.vis) || name == "new" {
                        continue;
                    }
                    let signature = if name == "send" {
                        return_type(&method.sig.output)
                    } else {
                        // A body left unset is sent as its type's default builder, which
                        // fails before sending when the type has required fields.
                        let body_required = name == "body"
                            && self
                                .incomplete_bodies
                                .iter()
                                .any(|t| args(&method.sig).contains(&format!("types::{t}>")));
                        let required = if required.contains(&name) || body_required {
                            ", required"
                        } else {
                            ""
                        };
                        format!("({}){required}", args(&method.sig))
                    };
                    self.insert(&container, Kind::BuilderMethod, &name, signature);
                }
            }
            _ => {}
        }
    }

    /// The differences from `old` to `self`, renames paired up.
    pub fn changes_since(&self, old: &Self) -> Vec<RustChange> {
        let containers = |api: &Self| -> BTreeMap<String, BTreeMap<(Kind, String), String>> {
            let mut map: BTreeMap<String, BTreeMap<(Kind, String), String>> = BTreeMap::new();
            for ((container, kind, member), sig) in &api.entries {
                map.entry(container.clone())
                    .or_default()
                    .insert((*kind, member.clone()), sig.clone());
            }
            map
        };
        let (before, after) = (containers(old), containers(self));
        let mut changes = Vec::new();
        let removed: Vec<&String> = before.keys().filter(|c| !after.contains_key(*c)).collect();
        let added: Vec<&String> = after.keys().filter(|c| !before.contains_key(*c)).collect();
        // A container removed and one added with the same members is a rename.
        let mut renamed_to: BTreeSet<&String> = BTreeSet::new();
        for old_name in &removed {
            let twin = added.iter().find(|new_name| {
                !renamed_to.contains(**new_name)
                    && same_family(old_name, new_name)
                    && before[*old_name] == after[**new_name]
            });
            match twin {
                Some(new_name) => {
                    renamed_to.insert(*new_name);
                    changes.push(container_change(
                        "renamed",
                        new_name,
                        Some(old_name),
                        &after[*new_name],
                    ));
                }
                None => changes.push(container_change(
                    "missing",
                    old_name,
                    None,
                    &before[*old_name],
                )),
            }
        }
        for new_name in added.iter().filter(|n| !renamed_to.contains(**n)) {
            changes.push(container_change("added", new_name, None, &after[*new_name]));
        }
        for (name, old_members) in &before {
            if let Some(new_members) = after.get(name) {
                member_changes(name, old_members, new_members, &mut changes);
            }
        }
        changes
    }
}

/// `tokens` with the body of every function, at any depth, emptied, but a `new`'s or a
/// `default`'s (which [`Api::read`] reads: see `required_fields_of`), and without attributes.
fn without_bodies(tokens: TokenStream) -> TokenStream {
    let mut trees = without_attributes(tokens.into_iter().collect());
    let mut at = 0;
    while at < trees.len() {
        if let [TokenTree::Ident(keyword), TokenTree::Ident(name)] =
            &trees[at..(at + 2).min(trees.len())]
            && keyword == "fn"
        {
            let keep = name == "new" || name == "default";
            // The body is the first brace group after the name, unless a `;` ends the
            // declaration first (a function without a body).
            let body = trees[at + 2..].iter().position(|tree| match tree {
                TokenTree::Group(group) => group.delimiter() == Delimiter::Brace,
                TokenTree::Punct(punct) => punct.as_char() == ';',
                _ => false,
            });
            if let Some(offset) = body {
                let body = at + 2 + offset;
                if !keep && let TokenTree::Group(group) = &trees[body] {
                    let mut empty = Group::new(Delimiter::Brace, TokenStream::new());
                    empty.set_span(group.span());
                    trees[body] = TokenTree::Group(empty);
                }
                at = body + 1;
                continue;
            }
        }
        if let TokenTree::Group(group) = &trees[at] {
            let mut inner = Group::new(group.delimiter(), without_bodies(group.stream()));
            inner.set_span(group.span());
            trees[at] = TokenTree::Group(inner);
        }
        at += 1;
    }
    trees.into_iter().collect()
}

/// `trees` without their attributes, outer (`#[…]`) and inner (`#![…]`): [`Api::read`] reads
/// none, and they are a good part of what generated code gives a parser to do (the docs).
fn without_attributes(trees: Vec<TokenTree>) -> Vec<TokenTree> {
    let mut kept = Vec::with_capacity(trees.len());
    let mut at = 0;
    while at < trees.len() {
        let bang = usize::from(
            matches!(&trees.get(at + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!'),
        );
        if let (TokenTree::Punct(hash), Some(TokenTree::Group(group))) =
            (&trees[at], trees.get(at + 1 + bang))
            && hash.as_char() == '#'
            && group.delimiter() == Delimiter::Bracket
        {
            at += 2 + bang;
            continue;
        }
        kept.push(trees[at].clone());
        at += 1;
    }
    kept
}

/// Whether two containers live in the same module (`types::` or `builder::`).
fn same_family(a: &str, b: &str) -> bool {
    a.split("::").next() == b.split("::").next()
}

fn container_change(
    how: &str,
    name: &str,
    old_name: Option<&str>,
    members: &BTreeMap<(Kind, String), String>,
) -> RustChange {
    let what = members
        .get(&(Kind::Type, String::new()))
        .map_or("type", |sig| {
            if sig.starts_with("type") {
                "type"
            } else {
                sig.as_str()
            }
        });
    let builder = name.starts_with("builder::");
    let (lint, grade, text) = match (how, what) {
        ("renamed", _) => (
            if what == "enum" {
                "enum_renamed"
            } else {
                "struct_renamed"
            },
            Grade::Breaking,
            format!("{what} {} renamed {name}", old_name.unwrap_or_default()),
        ),
        ("missing", "enum") => (
            "enum_missing",
            Grade::Breaking,
            format!("enum {name} removed"),
        ),
        ("missing", _) => (
            "struct_missing",
            Grade::Breaking,
            format!("{what} {name} removed"),
        ),
        (_, "enum") => (
            "enum_added",
            Grade::Compatible,
            format!("enum {name} added"),
        ),
        _ if builder => (
            "struct_added",
            Grade::Compatible,
            format!("builder {name} added"),
        ),
        _ => (
            "struct_added",
            Grade::Compatible,
            format!("{what} {name} added"),
        ),
    };
    RustChange {
        lint,
        container: name.to_owned(),
        old_container: old_name.map(str::to_owned),
        member: String::new(),
        old_member: None,
        kind: Kind::Type,
        grade,
        text,
    }
}

/// The members of one container, by (kind, name) → signature; the container itself is
/// `(Kind::Type, "")`.
type Members = BTreeMap<(Kind, String), String>;

/// One difference in the members of `container`.
fn member_change(
    container: &str,
    kind: Kind,
    (member, old_member): (&str, Option<&str>),
    (lint, grade, text): (&'static str, Grade, String),
) -> RustChange {
    RustChange {
        lint,
        container: container.to_owned(),
        old_container: None,
        member: member.to_owned(),
        old_member: old_member.map(str::to_owned),
        kind,
        grade,
        text: format!("{container}: {text}"),
    }
}

/// The differences between the members of one container in the old and the new API: its
/// kind, then members removed or renamed, added, and changed.
fn member_changes(container: &str, old: &Members, new: &Members, changes: &mut Vec<RustChange>) {
    if let (Some(a), Some(b)) = (
        old.get(&(Kind::Type, String::new())),
        new.get(&(Kind::Type, String::new())),
    ) && a != b
    {
        let verdict = (
            "type_kind_changed",
            Grade::Breaking,
            format!("was {a}, is {b}"),
        );
        changes.push(member_change(container, Kind::Type, ("", None), verdict));
    }
    let added: Vec<&(Kind, String)> = new
        .keys()
        .filter(|k| k.0 != Kind::Type && !old.contains_key(*k))
        .collect();
    let paired = removed_members(container, (old, new), &added, changes);
    for key @ (kind, name) in added.into_iter().filter(|k| !paired.contains(*k)) {
        let sig = &new[key];
        let (lint, grade, why) = match kind {
            Kind::Field => (
                "constructible_struct_adds_field",
                Grade::Breaking,
                " (a struct literal without it no longer compiles)",
            ),
            Kind::Variant => (
                "enum_variant_added",
                Grade::Breaking,
                " (an exhaustive match no longer compiles)",
            ),
            Kind::BuilderMethod if sig.ends_with(", required") => (
                "builder_required_method_added",
                Grade::Breaking,
                " (required: a call without it fails before sending)",
            ),
            _ => ("inherent_method_added", Grade::Compatible, ""),
        };
        let text = format!("{} {name}{} added{why}", noun(*kind), shown(*kind, sig));
        changes.push(member_change(
            container,
            *kind,
            (name, None),
            (lint, grade, text),
        ));
    }
    for (key @ (kind, name), old_sig) in old {
        if let Some(new_sig) = new.get(key)
            && *kind != Kind::Type
            && old_sig != new_sig
        {
            let verdict = signature_change(*kind, name, old_sig, new_sig);
            changes.push(member_change(container, *kind, (name, None), verdict));
        }
    }
}

/// Records the members of `old` missing from `new`: each renamed (to the one member `added`
/// of its kind and signature) or removed. Returns the added members that renames took.
fn removed_members<'k>(
    container: &str,
    (old, new): (&Members, &Members),
    added: &[&'k (Kind, String)],
    changes: &mut Vec<RustChange>,
) -> BTreeSet<&'k (Kind, String)> {
    let mut paired: BTreeSet<&(Kind, String)> = BTreeSet::new();
    let removed = old
        .keys()
        .filter(|k| k.0 != Kind::Type && !new.contains_key(*k));
    for key @ (kind, name) in removed {
        let candidates: Vec<&&(Kind, String)> = added
            .iter()
            .filter(|k| k.0 == *kind && !paired.contains(**k) && new[**k] == old[key])
            .collect();
        let noun = noun(*kind);
        if let [twin] = candidates.as_slice() {
            paired.insert(**twin);
            let lint = match kind {
                Kind::Field => "struct_pub_field_renamed",
                Kind::Variant => "enum_variant_renamed",
                _ => "method_renamed",
            };
            let verdict = (
                lint,
                Grade::Breaking,
                format!("{noun} {name} renamed {}", twin.1),
            );
            changes.push(member_change(
                container,
                *kind,
                (&twin.1, Some(name)),
                verdict,
            ));
            continue;
        }
        let lint = match kind {
            Kind::Field => "struct_pub_field_missing",
            Kind::Variant => "enum_variant_missing",
            _ => "inherent_method_missing",
        };
        let verdict = (lint, Grade::Breaking, format!("{noun} {name} removed"));
        changes.push(member_change(container, *kind, (name, None), verdict));
    }
    paired
}

/// The lint, grade and line of a member `name` of `kind` whose signature changed.
fn signature_change(
    kind: Kind,
    name: &str,
    old_sig: &str,
    new_sig: &str,
) -> (&'static str, Grade, String) {
    let noun = noun(kind);
    let strip = |s: &str| s.trim_end_matches(", required").to_owned();
    match kind {
        Kind::BuilderMethod if strip(old_sig) == strip(new_sig) => {
            if new_sig.ends_with(", required") {
                (
                    "builder_method_became_required",
                    Grade::Breaking,
                    format!(
                        "{noun} {name} became required (a call without it fails before sending)"
                    ),
                )
            } else {
                (
                    "builder_method_became_optional",
                    Grade::Compatible,
                    format!("{noun} {name} became optional"),
                )
            }
        }
        Kind::Field => (
            "struct_pub_field_type_changed",
            Grade::Breaking,
            format!("{noun} {name}: {old_sig} → {new_sig}"),
        ),
        Kind::Variant => (
            "enum_variant_changed",
            Grade::Breaking,
            format!("{noun} {name}{old_sig} → {name}{new_sig}"),
        ),
        _ => (
            "method_signature_changed",
            Grade::Breaking,
            format!("{noun} {name}: {old_sig} → {new_sig}"),
        ),
    }
}

fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Type => "type",
        Kind::Field => "field",
        Kind::Variant => "variant",
        Kind::ClientMethod | Kind::BuilderMethod => "method",
    }
}

fn shown(kind: Kind, sig: &str) -> String {
    match kind {
        Kind::Field => format!(": {sig}"),
        Kind::Variant => sig.to_owned(),
        Kind::ClientMethod => format!(": {sig}"),
        _ if sig.starts_with('(') => sig.trim_end_matches(", required").to_owned(),
        _ => format!(": {sig}"),
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

/// The last segment of a type path (`types::Thing` → `Thing`); empty for any other type.
pub(crate) fn type_name(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The types whose builder (`types::builder::X`) starts with a field set to `Err(…)` in its
/// `Default`: a value built from the default alone fails to convert.
fn incomplete_by_default(file: &syn::File) -> BTreeSet<String> {
    let mut incomplete = BTreeSet::new();
    fn modules<'a>(items: &'a [Item], name: &str) -> Vec<&'a [Item]> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Mod(m) if m.ident == name => m.content.as_ref().map(|(_, i)| i.as_slice()),
                _ => None,
            })
            .collect()
    }
    for types in modules(&file.items, "types") {
        for builders in modules(types, "builder") {
            for item in builders {
                let Item::Impl(block) = item else { continue };
                let is_default = block
                    .trait_
                    .as_ref()
                    .and_then(|(_, path, _)| path.segments.last())
                    .is_some_and(|s| s.ident == "Default");
                if is_default && !required_fields_of(block, "default").is_empty() {
                    incomplete.insert(type_name(&block.self_ty));
                }
            }
        }
    }
    incomplete
}

/// The fields a builder's `new` sets to `Err(…)`: the methods that must be called.
fn required_fields(block: &syn::ItemImpl) -> BTreeSet<String> {
    required_fields_of(block, "new")
}

/// The fields that the method `constructor` of `block` sets to `Err(…)`.
fn required_fields_of(block: &syn::ItemImpl, constructor: &str) -> BTreeSet<String> {
    let mut required = BTreeSet::new();
    for item in &block.items {
        let ImplItem::Fn(method) = item else { continue };
        if method.sig.ident != constructor {
            continue;
        }
        for stmt in &method.block.stmts {
            let syn::Stmt::Expr(Expr::Struct(init), _) = stmt else {
                continue;
            };
            for field in &init.fields {
                if let (syn::Member::Named(name), Expr::Call(call)) = (&field.member, &field.expr)
                    && let Expr::Path(func) = call.func.as_ref()
                    && func.path.is_ident("Err")
                {
                    required.insert(name.to_string());
                }
            }
        }
    }
    required
}

/// A method's arguments after `self`: a generic argument shows its bounds.
fn args(sig: &syn::Signature) -> String {
    let mut shown = Vec::new();
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(r) => shown.push(if r.reference.is_some() {
                "&self".to_owned()
            } else {
                "self".to_owned()
            }),
            FnArg::Typed(arg) => {
                shown.push(generic_bounds(sig, &arg.ty).unwrap_or_else(|| show_type(&arg.ty)))
            }
        }
    }
    shown.join(", ")
}

/// `impl Bound` for an argument whose type is one of the method's generic parameters.
fn generic_bounds(sig: &syn::Signature, ty: &Type) -> Option<String> {
    let name = type_name(ty);
    let param = sig.generics.params.iter().find_map(|p| match p {
        GenericParam::Type(t) if t.ident == name => Some(t),
        _ => None,
    })?;
    let mut bounds: Vec<String> = param.bounds.iter().map(show_bound).collect();
    for predicate in sig.generics.where_clause.iter().flat_map(|w| &w.predicates) {
        if let WherePredicate::Type(p) = predicate
            && type_name(&p.bounded_ty) == name
            && matches!(&p.bounded_ty, Type::Path(path) if path.path.is_ident(&param.ident))
        {
            bounds.extend(p.bounds.iter().map(show_bound));
        }
    }
    Some(format!("impl {}", bounds.join(" + ")))
}

fn return_type(output: &syn::ReturnType) -> String {
    match output {
        syn::ReturnType::Default => "()".to_owned(),
        syn::ReturnType::Type(_, ty) => show_type(ty),
    }
}

fn show_type(ty: &Type) -> String {
    show_tokens(ty)
}

fn show_bound(bound: &syn::TypeParamBound) -> String {
    show_tokens(&quote::quote!(dyn #bound))
        .trim_start_matches("dyn ")
        .to_owned()
}

/// Prints tokens as Rust, shortening `::std::…::X` to `X`.
fn show_tokens(tokens: &impl quote::ToTokens) -> String {
    let file: syn::File = match syn::parse2(quote::quote!(type __T = #tokens;)) {
        Ok(file) => file,
        Err(_) => return tokens.to_token_stream().to_string(),
    };
    let printed = prettyplease::unparse(&file);
    let text = printed
        .trim()
        .trim_start_matches("type __T =")
        .trim_end_matches(';')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("< ", "<")
        .replace(", >", ">")
        .replace(",>", ">")
        .replace("( ", "(")
        .replace(", )", ")");
    shorten_std(&text)
}

/// `::std::string::String` → `String`, `std::convert::TryInto<T>` → `TryInto<T>`.
fn shorten_std(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("std::") {
        let before = &rest[..at];
        let boundary = before.is_empty()
            || before.ends_with("::")
            || !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
        if !boundary {
            out.push_str(&rest[..at + 5]);
            rest = &rest[at + 5..];
            continue;
        }
        out.push_str(before.strip_suffix("::").unwrap_or(before));
        let after = &rest[at + 5..];
        // Skip the module (`string::`, `option::`…) when one follows.
        let module_end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = if after[module_end..].starts_with("::") {
            &after[module_end + 2..]
        } else {
            after
        };
    }
    out.push_str(rest);
    out
}
