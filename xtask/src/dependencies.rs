//! A client crate's `[dependencies]` follow what its generated code uses.
//!
//! typify 0.8 and progenitor 0.15.1 write paths to crates beyond the four every client needs:
//! `::chrono` for `format: date-time` and `date`, `::uuid` for `format: uuid`, `::regress`
//! for `pattern`, `futures` for a paginated operation's `stream()`. [`used`] reads which
//! crates a generated file names, from its syntax; [`in_step`] edits the crate's `Cargo.toml`
//! (toml_edit: comments and layout kept) so that it lists each of them, each declared once in
//! the root `[workspace.dependencies]` with the features generated code needs.
//!
//! **Which entries are the xtask's:** those it added, each marked by the comment [`MARK`] at
//! the end of its line. On every `cargo xtask generate`, a crate the generated code names that
//! `[dependencies]` lacks is added, marked; a marked entry the generated code no longer names
//! is removed. Every other entry is hand-written (the scaffold's four, `unbind-runtime`…) and
//! left as it is, even when the generated code no longer names it; removing the mark makes an
//! entry yours.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{TokenStream, TokenTree};

use crate::problem::Problem;

/// The comment that ends the line of each `[dependencies]` entry the xtask added.
pub const MARK: &str = "# cargo xtask generate: src/generated.rs uses it";

/// The crates generated code may name, as it names them, with their `[dependencies]` key (and
/// `[workspace.dependencies]` key).
pub const KNOWN: [(&str, &str); 8] = [
    ("chrono", "chrono"),
    ("futures", "futures"),
    ("progenitor_client", "progenitor-client"),
    ("regress", "regress"),
    ("reqwest", "reqwest"),
    ("serde", "serde"),
    ("serde_json", "serde_json"),
    ("uuid", "uuid"),
];

/// Crates that every Rust crate has without a dependency.
const BUILT_IN: [&str; 3] = ["std", "core", "alloc"];

/// Path heads that are never crates: keywords that start a path, the tools of a lint's name
/// (`clippy::all`), and the primitive types (`u64::MAX`).
const NOT_CRATES: [&str; 24] = [
    "self", "super", "crate", "Self", "clippy", "rustdoc", "rustfmt", "bool", "char", "str", "u8",
    "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64",
];

/// The `[dependencies]` keys of the crates that `syntax` (a generated file, made from `spec`
/// read from `file`) names, sorted. A crate that is not one of [`KNOWN`] is a
/// problem, at the schema or operation whose generated item names it (else the document).
pub fn used(
    spec: &openapiv3::OpenAPI,
    file: &str,
    syntax: &syn::File,
) -> Result<BTreeSet<&'static str>, Vec<Problem>> {
    let mut local = BTreeSet::new();
    defined(&syntax.items, &mut local);
    // Each crate, and the first top-level item of a module (its name) that names it.
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    items_naming(&syntax.items, &local, &mut found);
    let mut known = BTreeSet::new();
    let mut problems = Vec::new();
    // The spec as JSON, to locate an item: only when a crate is unknown.
    let mut doc = None;
    for (krate, item) in found {
        if BUILT_IN.contains(&krate.as_str()) {
            continue;
        }
        match KNOWN.iter().find(|(name, _)| *name == krate) {
            Some((_, key)) => {
                known.insert(*key);
            }
            None => problems.push(Problem::at(
                file,
                pointer_of(
                    doc.get_or_insert_with(|| serde_json::to_value(spec).unwrap_or_default()),
                    &item,
                ),
                format!(
                    "the generated `{item}` uses the crate `{krate}`, which the xtask does not \
                     know how to add to Cargo.toml (it knows {})",
                    KNOWN.map(|(name, _)| name).join(", ")
                ),
            )),
        }
    }
    if problems.is_empty() {
        Ok(known)
    } else {
        Err(problems)
    }
}

/// Where in the document the generated item `item` (`types::Name`, `builder::Name`,
/// `Client::name`) comes from: the schema or operation of that name, else the whole document.
fn pointer_of(doc: &serde_json::Value, item: &str) -> String {
    use crate::lint_names::{argument_name, named_types, operations, type_name};
    let name = item.rsplit("::").next().unwrap_or(item);
    if item.starts_with("types::")
        && let Some(schema) = named_types(doc).into_iter().find(|n| n.rust == name)
    {
        return schema.at;
    }
    operations(doc)
        .iter()
        .find(|o| type_name(o.id) == name || argument_name(o.id) == name)
        .map(|o| o.at.clone())
        .unwrap_or_default()
}

/// Adds to `local` every name that `items` (at any depth) define or import: modules, types,
/// functions, constants, and the last name of each `use` (or its `as` name).
fn defined(items: &[syn::Item], local: &mut BTreeSet<String>) {
    for item in items {
        match item {
            syn::Item::Mod(module) => {
                local.insert(module.ident.to_string());
                if let Some((_, inner)) = &module.content {
                    defined(inner, local);
                }
            }
            syn::Item::Use(import) => imported(&import.tree, local),
            syn::Item::Struct(s) => drop(local.insert(s.ident.to_string())),
            syn::Item::Enum(e) => drop(local.insert(e.ident.to_string())),
            syn::Item::Type(t) => drop(local.insert(t.ident.to_string())),
            syn::Item::Fn(f) => drop(local.insert(f.sig.ident.to_string())),
            syn::Item::Const(c) => drop(local.insert(c.ident.to_string())),
            syn::Item::Static(s) => drop(local.insert(s.ident.to_string())),
            syn::Item::Trait(t) => drop(local.insert(t.ident.to_string())),
            _ => {}
        }
    }
}

/// Adds the names that the `use` tree `tree` brings into scope.
fn imported(tree: &syn::UseTree, local: &mut BTreeSet<String>) {
    match tree {
        syn::UseTree::Path(path) => imported(&path.tree, local),
        syn::UseTree::Name(name) => drop(local.insert(name.ident.to_string())),
        syn::UseTree::Rename(rename) => drop(local.insert(rename.rename.to_string())),
        syn::UseTree::Group(group) => group.items.iter().for_each(|t| imported(t, local)),
        syn::UseTree::Glob(_) => {}
    }
}

/// Adds to `found` each crate that `items` name, with the item that first names it
/// (`types::Name`, or `Client::method` for a method of an `impl` block).
fn items_naming(
    items: &[syn::Item],
    local: &BTreeSet<String>,
    found: &mut BTreeMap<String, String>,
) {
    fn walk(
        items: &[syn::Item],
        module: &str,
        local: &BTreeSet<String>,
        found: &mut BTreeMap<String, String>,
    ) {
        for item in items {
            let within = |name: &str| {
                if module.is_empty() {
                    name.to_owned()
                } else {
                    format!("{module}::{name}")
                }
            };
            let (name, tokens) = match item {
                syn::Item::Mod(m) => {
                    // The module's own attributes, then what is in it, item by item.
                    let path = within(&m.ident.to_string());
                    for attr in &m.attrs {
                        note(
                            crates_in(quote::ToTokens::to_token_stream(attr), local),
                            &path,
                            found,
                        );
                    }
                    if let Some((_, inner)) = &m.content {
                        walk(inner, &path, local, found);
                    }
                    continue;
                }
                syn::Item::Impl(block) => {
                    let owner = crate::diff::rust_api::type_name(&block.self_ty);
                    // Each method on its own, so that a crate is blamed on an operation's.
                    for member in &block.items {
                        let name = match member {
                            syn::ImplItem::Fn(f) => format!("{owner}::{}", f.sig.ident),
                            _ => owner.clone(),
                        };
                        let tokens = quote::ToTokens::to_token_stream(member);
                        note(crates_in(tokens, local), &within(&name), found);
                    }
                    let (generics, self_ty) = (&block.generics, &block.self_ty);
                    let trait_ = block.trait_.as_ref().map(|(_, path, _)| path);
                    let attrs = &block.attrs;
                    (owner, quote::quote!(#(#attrs)* #generics #trait_ #self_ty))
                }
                syn::Item::Struct(s) => (s.ident.to_string(), quote::ToTokens::to_token_stream(s)),
                syn::Item::Enum(e) => (e.ident.to_string(), quote::ToTokens::to_token_stream(e)),
                syn::Item::Fn(f) => (f.sig.ident.to_string(), quote::ToTokens::to_token_stream(f)),
                other => (String::new(), quote::ToTokens::to_token_stream(other)),
            };
            note(crates_in(tokens, local), &within(&name), found);
        }
    }
    walk(items, "", local, found);
}

/// Records each of `crates` in `found` with `item`, unless it is there already.
fn note(crates: BTreeSet<String>, item: &str, found: &mut BTreeMap<String, String>) {
    for krate in crates {
        found.entry(krate).or_insert_with(|| item.to_owned());
    }
}

/// The crates that the paths in `tokens` start from: the name after a leading `::`
/// (`::chrono::DateTime`), or a path's first name when it is not one that `local` holds, a
/// keyword or a primitive type, and is not capitalised (a type or a generic parameter). The
/// strings of `#[serde(…)]` attributes (`skip_serializing_if = "::std::option::Option::is_none"`)
/// are read as paths too.
pub fn crates_in(tokens: TokenStream, local: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    walk_tokens(tokens, local, &mut found, false);
    found
}

/// [`crates_in`] on one token list; `in_serde` inside the group of a `serde(…)` attribute.
fn walk_tokens(
    tokens: TokenStream,
    local: &BTreeSet<String>,
    found: &mut BTreeSet<String>,
    in_serde: bool,
) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let is_colons = |at: usize| {
        matches!(
            (trees.get(at), trees.get(at + 1)),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                if a.as_char() == ':' && b.as_char() == ':' && a.spacing() == proc_macro2::Spacing::Joint
        )
    };
    for (at, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => {
                let serde = in_serde
                    || matches!(at.checked_sub(1).and_then(|b| trees.get(b)), Some(TokenTree::Ident(i)) if i == "serde");
                walk_tokens(group.stream(), local, found, serde);
            }
            TokenTree::Literal(_) if in_serde => {
                if let Ok(syn::Lit::Str(text)) = syn::parse2::<syn::Lit>(tree.clone().into())
                    && let Ok(inner) = text.value().parse::<TokenStream>()
                {
                    walk_tokens(inner, local, found, false);
                }
            }
            TokenTree::Ident(ident) if is_colons(at + 1) => {
                // The first name of a path: not after `::` (nor a lifetime's `'`).
                let continues = at >= 2 && is_colons(at - 2);
                let lifetime = matches!(at.checked_sub(1).and_then(|b| trees.get(b)), Some(TokenTree::Punct(p)) if p.as_char() == '\'');
                let name = ident.to_string();
                if !continues
                    && !lifetime
                    && !local.contains(&name)
                    && !NOT_CRATES.contains(&name.as_str())
                    && name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                    && !is_keyword(&name)
                {
                    found.insert(name);
                }
            }
            TokenTree::Punct(p) if p.as_char() == ':' && is_colons(at) => {
                // A leading `::`: not after a name, a `>` (`Vec::<T>::new`, `<T as X>::f`) or
                // a closing group; after a keyword (`as ::x`, `dyn ::x`) or a field's `:` it
                // leads.
                let leads = match at.checked_sub(1).and_then(|b| trees.get(b)) {
                    None => true,
                    // A keyword, or a lifetime (`&'a ::x`).
                    Some(TokenTree::Ident(before)) => {
                        is_keyword(&before.to_string())
                            || matches!(at.checked_sub(2).and_then(|b| trees.get(b)), Some(TokenTree::Punct(p)) if p.as_char() == '\'')
                    }
                    Some(TokenTree::Punct(before)) => before.as_char() != '>',
                    Some(TokenTree::Group(_)) => false,
                    Some(TokenTree::Literal(_)) => true,
                };
                if leads && let Some(TokenTree::Ident(krate)) = trees.get(at + 2) {
                    found.insert(krate.to_string());
                }
            }
            _ => {}
        }
    }
}

/// Whether `word` is a Rust keyword after which a `::` starts a new path.
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "as" | "dyn"
            | "impl"
            | "mut"
            | "for"
            | "in"
            | "return"
            | "pub"
            | "const"
            | "static"
            | "where"
            | "use"
            | "if"
            | "match"
            | "else"
            | "let"
            | "move"
            | "ref"
            | "break"
            | "unsafe"
            | "type"
            | "async"
            | "await"
            | "yield"
            | "while"
            | "loop"
            | "box"
    )
}

/// `manifest` (a client crate's `Cargo.toml`, read from `file`) with its `[dependencies]` in
/// step with `used` (see the module doc): each used crate that it lacks added as
/// `name.workspace = true` with [`MARK`], each marked entry that is not used removed, every
/// other line as it was.
pub fn in_step(manifest: &str, file: &str, used: &BTreeSet<&str>) -> Result<String, Problem> {
    let mut doc: toml_edit::DocumentMut = manifest.parse().map_err(|e: toml_edit::TomlError| {
        Problem::at(
            file,
            "",
            format!("is not TOML: {}", one_line(&e.to_string())),
        )
    })?;
    if !doc.contains_key("dependencies") {
        doc["dependencies"] = toml_edit::table();
    }
    let Some(dependencies) = doc["dependencies"].as_table_mut() else {
        return Err(Problem::at(
            file,
            "/dependencies",
            "is not a table: the xtask lists here the crates the generated code uses",
        ));
    };
    let present: Vec<String> = dependencies.iter().map(|(k, _)| k.to_owned()).collect();
    for key in &present {
        if is_marked(dependencies, key) && !used.iter().any(|u| same_crate(u, key)) {
            dependencies.remove(key);
        }
    }
    for wanted in used {
        if present.iter().any(|key| same_crate(wanted, key)) {
            continue;
        }
        let mut entry = toml_edit::Table::new();
        entry.set_dotted(true);
        let mut yes = toml_edit::Value::from(true);
        yes.decor_mut().set_suffix(format!(" {MARK}"));
        entry.insert("workspace", toml_edit::Item::Value(yes));
        dependencies.insert(wanted, toml_edit::Item::Table(entry));
    }
    Ok(doc.to_string())
}

/// Whether the `[dependencies]` keys `a` and `b` name one crate (`-` and `_` are one).
fn same_crate(a: &str, b: &str) -> bool {
    a.replace('-', "_") == b.replace('-', "_")
}

/// Whether the entry `key` of `dependencies` ends its line with [`MARK`], in any of the forms
/// TOML gives it (`x.workspace = true`, `x = { workspace = true }`, `x = "1"`).
fn is_marked(dependencies: &toml_edit::Table, key: &str) -> bool {
    fn marked(decor: &toml_edit::Decor) -> bool {
        decor
            .suffix()
            .and_then(|s| s.as_str())
            .is_some_and(|s| s.trim() == MARK)
    }
    fn any_value(item: &toml_edit::Item) -> bool {
        match item {
            toml_edit::Item::Value(value) => marked(value.decor()),
            toml_edit::Item::Table(table) => table.iter().any(|(_, item)| any_value(item)),
            _ => false,
        }
    }
    dependencies.get(key).is_some_and(|item| {
        any_value(item)
            || item
                .as_value()
                .and_then(|v| v.as_inline_table())
                .is_some_and(|t| t.iter().any(|(_, v)| marked(v.decor())))
    })
}

/// `text` on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
