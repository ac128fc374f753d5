//! No file of a crate imports, directly or through others, a module that imports it (issue 26):
//! read one way, a crate's files go from the words it uses to the commands that use them.
//!
//! Each hand-written file under `crates/*/src`, `tests/src` and `xtask/src` is a module
//! (`foo.rs` and `foo/mod.rs` are `foo`; `lib.rs` the crate). A module depends on another when
//! it names it: in a `use` (braces expanded) or in a path starting with `crate`, `super`, `self`
//! or a child's name; a name that a module re-exports (`pub use child::Item`) stands for that
//! child, and one it re-exports from another crate for nothing here. A parent's `mod child;` and
//! `pub use` name its children without using them, and `#[cfg(test)]` items are left out. A
//! binary's `main.rs` beside `lib.rs` is a crate of its own, and a leaf.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::common::files;

/// A module: its path below the crate root (`[]` is `lib.rs`).
type Module = Vec<String>;

#[test]
fn no_file_imports_a_module_that_imports_it() {
    let root = xtask::workspace_root();
    let mut crates: Vec<_> = std::fs::read_dir(root.join("crates"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    crates.extend([root.join("tests"), root.join("xtask")]);
    crates.sort();
    let mut loops = Vec::new();
    for krate in &crates {
        let modules = modules(&krate.join("src"));
        assert!(!modules.is_empty(), "{}: no source files", krate.display());
        for group in loops_in(&modules) {
            let names: Vec<String> = group.iter().map(shown).collect();
            loops.push(format!("{}: {}", krate.display(), names.join(", ")));
        }
    }
    assert!(loops.is_empty(), "import loops:\n{}", loops.join("\n"));
}

/// The loop check finds a loop when there is one: a parent that calls its child, whose file
/// imports an item of the parent's own; and none once the item moves to a third file (its
/// tests may use the parent).
#[test]
fn a_child_that_imports_its_parent_s_item_is_a_loop() {
    let parse = |text: &str| TokenStream::from_str(text).unwrap();
    let mut modules = BTreeMap::from([
        (vec![], parse("mod a; mod b;")),
        (
            s(&["a"]),
            parse("mod c; pub use c::Found; pub struct Report; pub fn run() { c::walk() }"),
        ),
        (s(&["a", "c"]), parse("use super::Report; pub fn walk() {}")),
        (s(&["b"]), parse("use crate::a::Found;")),
    ]);
    assert_eq!(loops_in(&modules), [vec![s(&["a"]), s(&["a", "c"])]]);
    modules.insert(
        s(&["a"]),
        parse("mod c; mod d; pub use c::Found; pub fn run() { c::walk() }"),
    );
    modules.insert(
        s(&["a", "c"]),
        parse(
            "use super::d::Report; pub fn walk() {} #[cfg(test)] mod tests { use crate::a::run; }",
        ),
    );
    modules.insert(s(&["a", "d"]), parse("pub struct Report;"));
    assert_eq!(loops_in(&modules), Vec::<Vec<Module>>::new());
}

fn s(parts: &[&str]) -> Module {
    parts.iter().map(|p| (*p).to_owned()).collect()
}

fn shown(module: &Module) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

/// The hand-written files of `src`, parsed into tokens (comments dropped), by module.
fn modules(src: &Path) -> BTreeMap<Module, TokenStream> {
    let mut found = BTreeMap::new();
    for relative in files(src) {
        let name = relative.file_name().unwrap().to_string_lossy();
        let is_binary = relative == Path::new("main.rs") && src.join("lib.rs").exists();
        if !name.ends_with(".rs") || is_binary || ["generated.rs", "mock.rs"].contains(&&*name) {
            continue;
        }
        let mut module: Module = relative
            .with_extension("")
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        if ["mod", "lib", "main"].contains(&module.last().unwrap().as_str()) {
            module.pop();
        }
        let path = src.join(&relative);
        let text = std::fs::read_to_string(&path).unwrap();
        let tokens =
            TokenStream::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        found.insert(module, tokens);
    }
    found
}

/// The groups of modules that depend on each other (each group sorted, at least two).
fn loops_in(modules: &BTreeMap<Module, TokenStream>) -> Vec<Vec<Module>> {
    let mut uses = BTreeMap::new();
    let mut exports: BTreeMap<Module, BTreeMap<String, Option<Module>>> = BTreeMap::new();
    for (module, tokens) in modules {
        let mut read = Read::default();
        read.walk(tokens.clone(), true);
        for path in read.exports.iter().filter(|path| path.len() > 1) {
            let child = [module.clone(), vec![path[0].clone()]].concat();
            let target = if modules.contains_key(&child) {
                Some(child)
            } else if ["crate", "super", "self"].contains(&path[0].as_str()) {
                continue;
            } else {
                None // another crate's item: naming it here uses nothing of this module
            };
            let name = path.last().unwrap().clone();
            exports
                .entry(module.clone())
                .or_default()
                .insert(name, target);
        }
        uses.insert(module.clone(), read.paths);
    }
    let mut edges: BTreeMap<&Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, paths) in &uses {
        for path in paths {
            let target = resolve(module, path, modules, &exports);
            if let Some(target) = target.filter(|t| t != module) {
                edges.entry(module).or_default().insert(target);
            }
        }
    }
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut next = vec![from.clone()];
        while let Some(module) = next.pop() {
            for target in edges.get(&module).into_iter().flatten() {
                if seen.insert(target.clone()) {
                    next.push(target.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&Module, BTreeSet<Module>> =
        modules.keys().map(|m| (m, reach(m))).collect();
    let mut groups: BTreeSet<Vec<Module>> = BTreeSet::new();
    for (module, from_here) in &reached {
        let group: Vec<Module> = from_here
            .iter()
            .filter(|other| reached[other].contains(*module))
            .cloned()
            .collect();
        if group.len() > 1 {
            groups.insert(group);
        }
    }
    groups.into_iter().collect()
}

/// The module `path` names, seen from `module`; `None` for another crate's (`std::…`, or a
/// name re-exported from one).
fn resolve(
    module: &Module,
    path: &[String],
    modules: &BTreeMap<Module, TokenStream>,
    exports: &BTreeMap<Module, BTreeMap<String, Option<Module>>>,
) -> Option<Module> {
    let mut at = match path[0].as_str() {
        "crate" | "super" | "self" => module.clone(),
        first if modules.contains_key(&[module.clone(), vec![first.to_owned()]].concat()) => {
            module.clone()
        }
        _ => return None,
    };
    for segment in path {
        match segment.as_str() {
            "crate" => at.clear(),
            "super" => {
                at.pop();
            }
            "self" => {}
            name => {
                let child = [at.clone(), vec![name.to_owned()]].concat();
                if modules.contains_key(&child) {
                    at = child;
                } else {
                    return match exports.get(&at).and_then(|e| e.get(name)) {
                        Some(exported) => exported.clone(),
                        None => Some(at),
                    };
                }
            }
        }
    }
    Some(at)
}

/// What one file names: the paths it uses, and those it re-exports (`pub use`).
#[derive(Default)]
struct Read {
    paths: Vec<Vec<String>>,
    exports: Vec<Vec<String>>,
}

impl Read {
    fn walk(&mut self, tokens: TokenStream, top: bool) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Punct(p) if p.as_char() == '#' && is_cfg_test(trees.get(i + 1)) => {
                    // The item after `#[cfg(test)]`, to its body or its `;`.
                    i += 2;
                    while i < trees.len() && !ends_item(&trees[i]) {
                        i += 1;
                    }
                }
                TokenTree::Ident(ident)
                    if ident == "mod" && top && is_punct(trees.get(i + 2), ';') =>
                {
                    i += 2;
                }
                TokenTree::Ident(ident) if ident == "pub" => {
                    let mut j = i + 1;
                    if is_group(trees.get(j), Delimiter::Parenthesis) {
                        j += 1; // `pub(in crate::x)` is a visibility, not a use
                    }
                    if matches!(trees.get(j), Some(TokenTree::Ident(u)) if u == "use") {
                        let end = statement_end(&trees, j);
                        self.exports.extend(use_paths(&trees[j + 1..end], &[]));
                        i = end;
                    } else {
                        i = j;
                        continue;
                    }
                }
                TokenTree::Ident(ident) if ident == "use" => {
                    let end = statement_end(&trees, i);
                    self.paths.extend(use_paths(&trees[i + 1..end], &[]));
                    i = end;
                }
                TokenTree::Ident(first)
                    if is_path_sep(&trees, i + 1) && !is_path_sep_before(&trees, i) =>
                {
                    let mut path = vec![first.to_string()];
                    let mut j = i + 1;
                    while is_path_sep(&trees, j) {
                        match trees.get(j + 2) {
                            Some(TokenTree::Ident(next)) => path.push(next.to_string()),
                            _ => break,
                        }
                        j += 3;
                    }
                    self.paths.push(path);
                    i = j;
                    continue;
                }
                TokenTree::Group(group) => self.walk(group.stream(), false),
                _ => {}
            }
            i += 1;
        }
    }
}

/// The paths of a use tree (`a::{b, c::d as e, f::*}`), each under `prefix`.
fn use_paths(trees: &[TokenTree], prefix: &[String]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for part in trees.split(|t| is_punct(Some(t), ',')) {
        let mut path = prefix.to_vec();
        let mut nested = false;
        for tree in part {
            match tree {
                TokenTree::Ident(ident) if ident == "as" => break,
                TokenTree::Ident(ident) => path.push(ident.to_string()),
                TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
                    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                    paths.extend(use_paths(&inner, &path));
                    nested = true;
                }
                _ => {}
            }
        }
        if !nested && path.len() > prefix.len() {
            paths.push(path);
        }
    }
    paths
}

fn is_punct(tree: Option<&TokenTree>, c: char) -> bool {
    matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `trees[i..]` starts with `::`.
fn is_path_sep(trees: &[TokenTree], i: usize) -> bool {
    is_punct(trees.get(i), ':') && is_punct(trees.get(i + 1), ':')
}

/// Whether the identifier at `i` follows a `::` (it is inside a path, not its start).
fn is_path_sep_before(trees: &[TokenTree], i: usize) -> bool {
    i >= 2 && is_path_sep(trees, i - 2)
}

fn statement_end(trees: &[TokenTree], from: usize) -> usize {
    (from..trees.len())
        .find(|&i| is_punct(trees.get(i), ';'))
        .unwrap_or(trees.len())
}

fn is_group(tree: Option<&TokenTree>, delimiter: Delimiter) -> bool {
    matches!(tree, Some(TokenTree::Group(g)) if g.delimiter() == delimiter)
}

/// Whether `tree` is the `[cfg(test)]` of an attribute.
fn is_cfg_test(tree: Option<&TokenTree>) -> bool {
    is_group(tree, Delimiter::Bracket)
        && tree.is_some_and(|g| g.to_string().replace(' ', "") == "[cfg(test)]")
}

fn ends_item(tree: &TokenTree) -> bool {
    is_group(Some(tree), Delimiter::Brace) || is_punct(Some(tree), ';')
}
