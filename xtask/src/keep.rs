//! Keeps only the operations a provider lists in `specs/<provider>.keep.yaml`, and what they
//! refer to (README, "Keep only what you call"):
//!
//! ```yaml
//! operations:
//!   - GetUser                                          # an operationId
//!   - DELETE /users/{user_id}/external_accounts/{id}   # or a method and a path
//! ```
//!
//! An operationId is the document's, or the one derived for an operation without one
//! ([`derive_operation_id`](crate::normalize::derive_operation_id)). Every other operation is
//! dropped, with its path item when none of its operations is kept; so is every entry of
//! `components/{schemas, responses, parameters, requestBodies, headers, securitySchemes, links,
//! callbacks}` that nothing kept refers to. What is kept is everything else: the kept
//! operations, the rest of their path items (path-level parameters), everything outside
//! `paths` and those component entries (`info`, the document's own `security`…), and, in
//! turn, whatever any of that refers to through `$ref`, a discriminator's `mapping` or a
//! security requirement. `$ref` keys in data (`example`, `examples`, `default`, `enum`,
//! `const`, extensions `x-…`) refer to nothing, and `components/examples` (data too) is
//! kept whole.
//!
//! `spec::prepare` prunes twice: before any check (so that nothing dropped can stop
//! the document) and again after [`crate::normalize`] (whose rewrites leave some components
//! unused). The summary note counts what survived both against the document as written.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::lint::METHODS;
use crate::problem::{Location, Problem, escape, join, unescape};
use crate::refs::Keys;
use crate::workspace::Text;

/// The suffix of a keep list's file name: `specs/<provider>.keep.yaml`.
pub const KEEP_SUFFIX: &str = ".keep.yaml";

/// The component sections whose entries are dropped when nothing kept refers to them.
pub const PRUNED: [&str; 8] = [
    "schemas",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
];

/// What one and several entries of a section of `components` are called in the summary note.
fn section_words(section: &str) -> (&'static str, &'static str) {
    match section {
        "schemas" => ("component schema", "component schemas"),
        "responses" => ("response", "responses"),
        "parameters" => ("parameter", "parameters"),
        "requestBodies" => ("request body", "request bodies"),
        "headers" => ("header", "headers"),
        "securitySchemes" => ("security scheme", "security schemes"),
        "links" => ("link", "links"),
        _ => ("callback", "callbacks"),
    }
}

/// One entry of a keep list, checked.
#[derive(Clone, Debug)]
enum Entry {
    /// An operationId.
    Id(String),
    /// A method (lower case) and a path, as the document spells it.
    Route(&'static str, String),
}

/// A keep list, read from its file.
#[derive(Clone, Debug)]
pub struct List {
    /// The keep file, for messages.
    file: String,
    /// Each entry with its pointer in the file (`/operations/N`).
    entries: Vec<(String, Entry)>,
}

impl List {
    /// Reads a parsed keep file: a mapping with one key, `operations`, a non-empty list of
    /// operationIds or `METHOD /path` strings, each once. Every problem is located in `file`.
    pub fn read(file: &str, value: &Value) -> Result<List, Vec<Problem>> {
        let problem = |at: String, message: String| Problem::at(file, at, message);
        let Some(map) = value.as_object() else {
            return Err(vec![problem(
                String::new(),
                format!(
                    "a keep list is a mapping with `operations:` (the operations to generate), not {}",
                    crate::lint_fields::shown(value)
                ),
            )]);
        };
        let mut problems: Vec<Problem> = map
            .keys()
            .filter(|key| *key != "operations")
            .map(|key| {
                problem(
                    join("", key),
                    format!("unknown key {key:?}: a keep list has only `operations`"),
                )
            })
            .collect();
        let mut entries = Vec::new();
        match map.get("operations") {
            None => problems.push(problem(
                String::new(),
                "no `operations`: list the operationIds to generate".to_owned(),
            )),
            Some(Value::Array(items)) if items.is_empty() => problems.push(problem(
                "/operations".to_owned(),
                "lists no operation: list the ones to generate, or delete the file to generate all"
                    .to_owned(),
            )),
            Some(Value::Array(items)) => {
                let mut seen: BTreeMap<String, String> = BTreeMap::new();
                for (i, item) in items.iter().enumerate() {
                    let at = format!("/operations/{i}");
                    let Some(text) = item.as_str() else {
                        problems.push(problem(
                            at,
                            format!(
                                "{} is not an operationId (a string)",
                                crate::lint_fields::shown(item)
                            ),
                        ));
                        continue;
                    };
                    let entry = Entry::parse(text);
                    if let Some(first) = seen.get(&entry.shown()) {
                        problems.push(problem(
                            at,
                            format!("{text:?} is listed already, at {first}"),
                        ));
                        continue;
                    }
                    seen.insert(entry.shown(), at.clone());
                    entries.push((at, entry));
                }
            }
            Some(other) => problems.push(problem(
                "/operations".to_owned(),
                format!(
                    "`operations` is a list of operationIds, not {}",
                    crate::lint_fields::shown(other)
                ),
            )),
        }
        problems.sort();
        if problems.is_empty() {
            Ok(List {
                file: file.to_owned(),
                entries,
            })
        } else {
            Err(problems)
        }
    }
}

impl Entry {
    /// `GET /users` (any case of the method, one space, a path starting with `/`) is a route;
    /// anything else an operationId.
    fn parse(text: &str) -> Entry {
        if let Some((method, path)) = text.split_once(' ')
            && path.starts_with('/')
            && let Some(method) = METHODS.iter().find(|m| m.eq_ignore_ascii_case(method))
        {
            return Entry::Route(method, path.to_owned());
        }
        Entry::Id(text.to_owned())
    }

    /// How the file spells it (the method in upper case).
    fn shown(&self) -> String {
        match self {
            Entry::Id(id) => id.clone(),
            Entry::Route(method, path) => format!("{} {path}", method.to_ascii_uppercase()),
        }
    }
}

/// A keep list applied to a document: what `spec::prepare` carries from before the
/// checks to after [`crate::normalize`].
#[derive(Clone, Debug)]
pub struct Kept {
    /// What applying the list found wrong: entries that name no operation, `$ref`s from what
    /// is kept into what is dropped.
    pub problems: Vec<Problem>,
    /// The notes of the operationIds derived for kept operations.
    notes: Vec<Problem>,
    /// How big the document was.
    selection: Selection,
}

/// Applies the keep list `keep` (parsed: `list`) to `doc` (named `file` in problems): reads
/// the list ([`List::read`]; `Err` with its problems), then picks the operations it names and
/// prunes the rest ([`prune`]).
pub fn apply(file: &str, keep: &Text, list: &Value, doc: &mut Value) -> Result<Kept, Vec<Problem>> {
    let list = List::read(&keep.file, list)?;
    let (selection, notes, problems) = select(file, &list, doc);
    Ok(Kept {
        problems,
        notes,
        selection,
    })
}

impl Kept {
    /// After [`crate::normalize`]: drops what its rewrites left unused (every operation left
    /// is kept), adds the problems this finds, the notes of the derived ids and the summary.
    pub fn after_normalize(
        self,
        file: &str,
        doc: &mut Value,
        problems: &mut Vec<Problem>,
        notes: &mut Vec<Problem>,
    ) {
        let all = operations(doc).into_iter().map(|(at, ..)| at).collect();
        problems.extend(prune(file, doc, &all));
        notes.extend(self.notes);
        notes.push(self.selection.summary(doc));
    }
}

/// How big a document was before [`select`] pruned it.
#[derive(Clone, Debug)]
struct Selection {
    /// The keep file, for the summary note.
    file: String,
    /// How many operations the document had.
    operations: usize,
    /// Each pruned section's entry names before pruning.
    sections: Vec<(&'static str, BTreeSet<String>)>,
}

/// Derives the missing operationIds (as [`crate::normalize`] does, with the same notes), picks
/// the operations `list` names in `doc` and prunes the rest ([`prune`]).
///
/// Returns what was there before, the notes of the derived ids of kept operations, and the
/// problems: an entry that names no operation, a `$ref` from something kept into something
/// dropped.
fn select(file: &str, list: &List, doc: &mut Value) -> (Selection, Vec<Problem>, Vec<Problem>) {
    let mut derived = Vec::new();
    crate::normalize::operation_ids(file, doc, &mut derived);
    let operations = operations(doc);
    let sections = PRUNED
        .iter()
        .map(|&section| (section, names_in(doc, section)))
        .collect();
    let mut kept = BTreeSet::new();
    let mut problems = Vec::new();
    for (at, entry) in &list.entries {
        let found: Vec<&(String, String, &str, Option<String>)> = operations
            .iter()
            .filter(|(_, path, method, id)| match entry {
                Entry::Id(wanted) => id.as_deref() == Some(wanted.as_str()),
                Entry::Route(m, p) => m == method && p == path,
            })
            .collect();
        if found.is_empty() {
            let known: Vec<String> = operations
                .iter()
                .filter_map(|(_, path, method, id)| match entry {
                    Entry::Id(_) => id.clone(),
                    Entry::Route(..) => Some(Entry::Route(method, path.clone()).shown()),
                })
                .collect();
            let hint = closest(&entry.shown(), &known)
                .map(|k| format!("; did you mean {k:?}?"))
                .unwrap_or_default();
            problems.push(Problem::at(
                &list.file,
                at.clone(),
                format!("no operation {:?}{hint}", entry.shown()),
            ));
        }
        kept.extend(found.into_iter().map(|(pointer, ..)| pointer.clone()));
    }
    let inside_kept = |note: &Problem| match &note.location {
        Location::Pointer(p) => kept
            .iter()
            .any(|op| p == op || p.starts_with(&format!("{op}/"))),
        Location::LineColumn(..) => true,
    };
    derived.retain(inside_kept);
    problems.extend(prune(file, doc, &kept));
    let selection = Selection {
        file: list.file.clone(),
        operations: operations.len(),
        sections,
    };
    (selection, derived, problems)
}

impl Selection {
    /// The one note that says how much of the document is kept, counted on `doc` (pruned)
    /// against the document as written.
    fn summary(&self, doc: &Value) -> Problem {
        let kept = operations(doc).len();
        let mut parts = vec![format!("kept {kept} of {} operations", self.operations)];
        let gone = self.operations.saturating_sub(kept);
        let mut dropped = vec![format!(
            "{gone} operation{}",
            if gone == 1 { "" } else { "s" }
        )];
        for (section, before) in &self.sections {
            if before.is_empty() {
                continue;
            }
            let now = names_in(doc, section);
            let survived = before.intersection(&now).count();
            let (one, many) = section_words(section);
            parts.push(format!("{survived} of {} {many}", before.len()));
            let gone = before.len() - survived;
            if gone > 0 {
                dropped.push(format!("{gone} {}", if gone == 1 { one } else { many }));
            }
        }
        Problem::at(
            &self.file,
            "/operations",
            format!(
                "{}; dropped (not generated): {}; list an operation here to generate it too",
                parts.join(", "),
                dropped.join(", ")
            ),
        )
    }
}

/// Every operation: its pointer, path, method and operationId (if a string).
fn operations(doc: &Value) -> Vec<(String, String, &'static str, Option<String>)> {
    let mut found = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in METHODS {
                if let Some(op) = item.get(method).filter(|op| op.is_object()) {
                    let id = op.get("operationId").and_then(Value::as_str);
                    found.push((
                        join(&join("/paths", path), method),
                        path.clone(),
                        method,
                        id.map(str::to_owned),
                    ));
                }
            }
        }
    }
    found
}

/// The entry names of `components/<section>`.
fn names_in(doc: &Value, section: &str) -> BTreeSet<String> {
    doc.get("components")
        .and_then(|c| c.get(section))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// The one of `known` nearest to `wanted`, ignoring case, `_` and `-`, if near enough: at most
/// a third of its letters apart.
fn closest<'a>(wanted: &str, known: &'a [String]) -> Option<&'a String> {
    let fold = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = fold(wanted);
    known
        .iter()
        .map(|k| (distance(&wanted, &fold(k)), k))
        .filter(|(d, _)| *d <= (wanted.len() / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let next = (diagonal + usize::from(x != y))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// What a place in the document belongs to, for pruning.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    /// Kept whatever is referred to: everything outside the two below.
    Kept,
    /// In a dropped operation, or a path item all of whose operations are dropped: their
    /// pointers.
    Dropped(Vec<String>),
    /// An entry `components/<section>/<name>`, kept if something kept refers to it.
    Component(&'static str, String),
}

/// Drops every operation of `doc` whose pointer is not in `kept` (and each path item left
/// without one), then each component entry ([`PRUNED`]) that nothing left refers to.
///
/// A `$ref` from what is left into a dropped operation (or its path item) would dangle: that
/// operation is kept after all, with a problem at the `$ref` saying to list it.
pub fn prune(file: &str, doc: &mut Value, kept: &BTreeSet<String>) -> Vec<Problem> {
    let by_path = group_by_path(doc);
    let mut kept = kept.clone();
    let mut references = Vec::new();
    walk(doc, String::new(), Keys::Keywords, &mut references);
    let mut problems = Vec::new();
    let reached = loop {
        let (reached, into_dropped) = reach(&references, &by_path, &kept);
        if into_dropped.is_empty() {
            break reached;
        }
        for (at, target, operations) in into_dropped {
            problems.push(Problem::at(
                file,
                at,
                format!(
                    "refers to #{target}, inside {}, which the keep list leaves out: list it too, or move what the $ref names into components (in an overlay)",
                    operations.join(" and ")
                ),
            ));
            kept.extend(operations);
        }
    };
    // `retain`, not `remove`: the order of what is left is the document's.
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        paths.retain(|path, item| {
            let Some(operations) = by_path.get(path) else {
                return true;
            };
            if let Some(item) = item.as_object_mut() {
                let item_at = join("/paths", path);
                item.retain(|method, _| {
                    let op = join(&item_at, method);
                    !operations.contains(&op) || kept.contains(&op)
                });
            }
            operations.iter().any(|op| kept.contains(op))
        });
    }
    if let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) {
        for section in PRUNED {
            if let Some(entries) = components.get_mut(section).and_then(Value::as_object_mut) {
                entries.retain(|name, _| reached.contains(&Unit::Component(section, name.clone())));
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// A reference into something dropped: where it is, its target, and the operations to keep
/// so that it resolves.
type IntoDropped = (String, String, Vec<String>);

/// The component entries that what is kept (`kept` operations, and everything outside `paths`
/// and the [`PRUNED`] sections) refers to, directly or not; and each reference from there
/// into a dropped operation: where it is, its target, and the operations to keep so that it
/// resolves (the one it points into, or every operation of the path item it points into).
fn reach(
    references: &[(String, String)],
    by_path: &BTreeMap<String, Vec<String>>,
    kept: &BTreeSet<String>,
) -> (BTreeSet<Unit>, Vec<IntoDropped>) {
    let unit_of = |pointer: &str| -> Unit {
        let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
        match tokens.as_slice() {
            [paths, path, rest @ ..] if paths == "paths" => {
                let Some(operations) = by_path.get(path) else {
                    return Unit::Kept;
                };
                let item = join("/paths", path);
                let op = rest.first().map(|method| join(&item, method));
                match op {
                    Some(op) if operations.contains(&op) => {
                        if kept.contains(&op) {
                            Unit::Kept
                        } else {
                            Unit::Dropped(vec![op])
                        }
                    }
                    _ if operations.iter().any(|op| kept.contains(op)) => Unit::Kept,
                    _ => Unit::Dropped(operations.clone()),
                }
            }
            [components, section, name, ..] if components == "components" => {
                match PRUNED.iter().find(|s| *s == section) {
                    Some(section) => Unit::Component(section, name.clone()),
                    None => Unit::Kept,
                }
            }
            _ => Unit::Kept,
        }
    };
    // What each unit refers to: (where the reference is, its target, the unit it names).
    let mut from: BTreeMap<Unit, Vec<(&str, &str, Unit)>> = BTreeMap::new();
    for (at, target) in references {
        from.entry(unit_of(at))
            .or_default()
            .push((at, target, unit_of(target)));
    }
    let mut reached: BTreeSet<Unit> = BTreeSet::from([Unit::Kept]);
    let mut queue = vec![Unit::Kept];
    let mut into_dropped = Vec::new();
    while let Some(unit) = queue.pop() {
        for (at, target, to) in from.get(&unit).into_iter().flatten() {
            match to {
                Unit::Dropped(operations) => {
                    into_dropped.push(((*at).to_owned(), (*target).to_owned(), operations.clone()));
                }
                _ => {
                    if reached.insert(to.clone()) {
                        queue.push(to.clone());
                    }
                }
            }
        }
    }
    (reached, into_dropped)
}

/// Every path's operations (pointers), by path, for the paths with at least one.
fn group_by_path(doc: &Value) -> BTreeMap<String, Vec<String>> {
    let mut paths: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (pointer, path, ..) in operations(doc) {
        paths.entry(path).or_default().push(pointer);
    }
    paths
}

/// Collects into `found` every reference below `node` (at `at`): (the pointer of where it is
/// written, the pointer it names). A `$ref` names its target; a discriminator's `mapping`
/// names schemas; a security requirement names `components/securitySchemes` entries.
fn walk(node: &Value, at: String, keys: Keys, found: &mut Vec<(String, String)>) {
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                let Some(inner) = keys.of(&at, key, value) else {
                    continue;
                };
                let here = join(&at, key);
                match (keys.has_refs(), key.as_str(), value) {
                    (true, "$ref", Value::String(target)) => {
                        if let Some(pointer) = target.strip_prefix('#') {
                            found.push((here, pointer.to_owned()));
                        }
                    }
                    (true, "mapping", Value::Object(mapping)) => {
                        for (name, target) in mapping {
                            if let Some(target) = target.as_str() {
                                let pointer = match target.strip_prefix('#') {
                                    Some(pointer) => pointer.to_owned(),
                                    None => format!("/components/schemas/{}", escape(target)),
                                };
                                found.push((join(&here, name), pointer));
                            }
                        }
                    }
                    (true, "security", Value::Array(requirements)) => {
                        for (i, requirement) in requirements.iter().enumerate() {
                            for name in requirement.as_object().into_iter().flat_map(Map::keys) {
                                found.push((
                                    join(&join(&here, &i.to_string()), name),
                                    join("/components/securitySchemes", name),
                                ));
                            }
                        }
                    }
                    _ => walk(value, here, inner, found),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, join(&at, &i.to_string()), keys, found);
            }
        }
        _ => {}
    }
}
