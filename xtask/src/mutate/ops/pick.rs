//! What the document mutations share, below all of them: finding the nodes a mutation applies
//! to, and names that become the same Rust identifier.

use serde_json::Value;

use super::super::rng::Rng;
use super::super::tree::{NodePath, Seg, all_paths, get, is_operation};

/// A name that differs from `name` only in case or punctuation (or, sometimes, not at all):
/// one that becomes the same Rust identifier.
pub(super) fn variant(rng: &mut Rng, name: &str) -> String {
    let words = words(name);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let capitalised: Vec<String> = lower
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    let camel = match capitalised.split_first() {
        Some((_, rest)) => format!("{}{}", lower[0], rest.concat()),
        None => String::new(),
    };
    let candidates = [
        lower.join("_"),
        lower.join("-"),
        capitalised.concat(),
        camel,
        name.to_uppercase(),
        name.to_lowercase(),
        format!("{name}_"),
        format!("_{name}"),
        lower.join("."),
        lower.join(" "),
        lower.join("__"),
        name.to_owned(),
    ];
    let different: Vec<&String> = candidates.iter().filter(|c| c.as_str() != name).collect();
    if rng.percent(15) || different.is_empty() {
        return name.to_owned();
    }
    (*rng.pick(&different).expect("not empty")).clone()
}

/// The words of a name: split at `_`, `-`, `.`, spaces and lower-to-upper case changes.
pub(super) fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' || c == ' ' {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The paths of the nodes of `doc` that `keep` accepts.
pub(super) fn find(doc: &Value, keep: impl Fn(&[Seg], &Value) -> bool) -> Vec<NodePath> {
    all_paths(doc)
        .into_iter()
        .filter(|path| get(doc, path).is_some_and(|node| keep(path, node)))
        .collect()
}

/// One node of `doc` that `keep` accepts, if any.
pub(super) fn pick_node(
    rng: &mut Rng,
    doc: &Value,
    keep: impl Fn(&[Seg], &Value) -> bool,
) -> Option<NodePath> {
    rng.pick(&find(doc, keep)).cloned()
}

/// Every operation of `doc`: its path, and its operationId (empty when it has none).
pub(super) fn operation_ids(doc: &Value) -> Vec<(NodePath, String)> {
    find(doc, |path, node| is_operation(path) && node.is_object())
        .into_iter()
        .map(|path| {
            let id = get(doc, &path)
                .and_then(|op| op.get("operationId"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            (path, id)
        })
        .collect()
}

/// A value in one short line, for a mutation's description.
pub(super) fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}
