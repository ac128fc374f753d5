//! An `allOf` that merges a schema into itself. typify 0.x merges the members of an `allOf` of
//! two or more by inlining them, so a member whose schema holds that `allOf` again (itself, or
//! through other such merges) makes it recurse until progenitor's thread overflows its stack
//! and the process aborts (a mutant of a diff fixture found it:
//! `Repo.owner: {allOf: [$ref Repo, $ref Profile]}`). Refused at the member that closes the
//! loop, before progenitor sees it. A one-member `allOf` is a plain reference to typify and
//! is not counted.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::problem::{Problem, join, unescape};

/// The component schemas a schema merges in: (the component's name, the member's pointer).
type Merges = Vec<(String, String)>;

/// Adds a problem for each component schema that an `allOf` merges into itself.
pub fn check(file: &str, doc: &Value, problems: &mut Vec<Problem>) {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return;
    };
    let merges: BTreeMap<&str, Merges> = schemas
        .iter()
        .map(|(name, schema)| {
            let mut found = Vec::new();
            collect(schema, &join("/components/schemas", name), 0, &mut found);
            (name.as_str(), found)
        })
        .collect();
    for (name, direct) in &merges {
        for (target, member) in direct {
            if reaches(&merges, target, name) {
                problems.push(Problem::at(
                    file,
                    member,
                    format!(
                        "this allOf merges {target} into {name}, and merging {target} merges \
                         {name} again: typify would recurse without end (make it a $ref, or \
                         a oneOf)"
                    ),
                ));
            }
        }
    }
}

/// Whether merging `from` merges `to` (through any chain of merges).
fn reaches(merges: &BTreeMap<&str, Merges>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(name) = stack.pop() {
        if name == to {
            return true;
        }
        if !seen.insert(name.clone()) {
            continue;
        }
        for (next, _) in merges.get(name.as_str()).into_iter().flatten() {
            stack.push(next.clone());
        }
    }
    false
}

/// The `allOf` members of two or more that `node` (at `at`) holds inline: in itself, its
/// properties, items, map values and composition members (not through `$ref`s, which typify
/// keeps as references).
fn collect(node: &Value, at: &str, depth: usize, found: &mut Merges) {
    // Deeper than any schema a document can hold after the depth check (`yaml_depth`).
    if depth > 256 {
        return;
    }
    if let Some(members) = node.get("allOf").and_then(Value::as_array)
        && members.len() >= 2
    {
        for (i, member) in members.iter().enumerate() {
            if let Some(name) = member
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                found.push((unescape(name), join(&join(at, "allOf"), &i.to_string())));
            }
        }
    }
    let mut inner =
        |key: &str, value: &Value, at: &str| collect(value, &join(at, key), depth + 1, found);
    for key in ["items", "additionalProperties", "not"] {
        if let Some(value) = node.get(key).filter(|v| v.is_object()) {
            inner(key, value, at);
        }
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        let at = join(at, "properties");
        for (name, value) in properties {
            inner(name, value, &at);
        }
    }
    for keyword in ["allOf", "oneOf", "anyOf"] {
        if let Some(members) = node.get(keyword).and_then(Value::as_array) {
            let at = join(at, keyword);
            for (i, value) in members.iter().enumerate() {
                inner(&i.to_string(), value, &at);
            }
        }
    }
}
