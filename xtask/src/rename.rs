//! Two things that would become one Rust type get distinct names, where the new name has one
//! obvious form, each with a note at the renamed one (README, "Shapes made to fit"):
//!
//! - two component schemas (`nullTime` and `NullTime` both become `types::NullTime`): the later
//!   one (in key order) gets the first free number (`nullTime2` → `types::NullTime2`), and every
//!   `$ref` to it, and every `discriminator` mapping that names it, is rewritten with it; a
//!   `$ref` key inside an example, a default, an enum value or an extension is data, and stays;
//! - an operation's inline success and error response schemas, both of which progenitor names
//!   `<OperationId>Response` (Kratos's `isReady`, 200 and 503): the error one is named
//!   `<OperationId>ErrorResponse` (a number added if that is taken), through its `title`,
//!   which typify names an inline schema after.
//!
//! Every other pair of one name stays a located refusal ([`crate::lint_names`]).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::lint_names::{named_types, type_name};
use crate::problem::{Problem, join};

/// Renames what would clash in `doc` (read from `file`): the notes, one per renamed thing.
pub fn rename(file: &str, doc: &mut Value) -> Vec<Problem> {
    let mut notes = component_schemas(file, doc);
    notes.extend(inline_responses(file, doc));
    notes
}

/// Two component schemas of one type name: the later one renamed.
fn component_schemas(file: &str, doc: &mut Value) -> Vec<Problem> {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    let keys: BTreeSet<String> = schemas.keys().cloned().collect();
    let mut types: std::collections::BTreeMap<String, String> = Default::default();
    let mut renames = Vec::new();
    for key in schemas.keys() {
        let rust = type_name(key);
        let Some(first) = types.get(&rust) else {
            types.insert(rust, key.clone());
            continue;
        };
        let first = first.clone();
        let new = (2..)
            .map(|n| format!("{key}{n}"))
            .find(|new| !keys.contains(new) && !types.contains_key(&type_name(new)))
            .expect("some number is free");
        types.insert(type_name(&new), new.clone());
        renames.push((key.clone(), new, first, rust));
    }
    let mut notes = Vec::new();
    for (old, new, first, rust) in renames {
        let schemas = doc
            .pointer_mut("/components/schemas")
            .and_then(Value::as_object_mut)
            .expect("read above");
        let schema = schemas.remove(&old).expect("listed above");
        schemas.insert(new.clone(), schema);
        let from = format!("#{}", join("/components/schemas", &old));
        let to = format!("#{}", join("/components/schemas", &new));
        let mut count = 0;
        crate::refs::rewrite(doc, "", crate::refs::Keys::Keywords, &mut |target| {
            if *target == from {
                *target = to.clone();
                count += 1;
            } else if let Some(rest) = target.strip_prefix(&format!("{from}/")) {
                *target = format!("{to}/{rest}");
                count += 1;
            }
        });
        rewrite_mappings(doc, &old, &from, &new, &to, &mut count);
        notes.push(Problem::at(
            file,
            join("/components/schemas", &old),
            format!(
                "schema {old:?} becomes the Rust type `types::{rust}`, as does schema {first:?} \
                 ({}): renamed {new:?} (`types::{}`), with the {count} reference(s) to it",
                join("/components/schemas", &first),
                type_name(&new)
            ),
        ));
    }
    notes
}

/// Rewrites each `discriminator.mapping` value that names the schema `old` (by its name or its
/// reference `from`), in every schema of `doc`.
fn rewrite_mappings(
    doc: &mut Value,
    old: &str,
    from: &str,
    new: &str,
    to: &str,
    count: &mut usize,
) {
    let pointers: Vec<String> = crate::lint_names::schema_positions(doc)
        .into_iter()
        .filter(|(_, schema)| schema.pointer("/discriminator/mapping").is_some())
        .map(|(at, _)| at)
        .collect();
    for at in pointers {
        // The schema may have moved with the rename: look under its new key too.
        let moved = at.replacen(
            &join("/components/schemas", old),
            &join("/components/schemas", new),
            1,
        );
        let Some(mapping) = doc
            .pointer_mut(&format!("{moved}/discriminator/mapping"))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        for value in mapping.values_mut() {
            match value.as_str() {
                Some(name) if name == old => *value = Value::String(new.to_owned()),
                Some(target) if target == from => *value = Value::String(to.to_owned()),
                _ => continue,
            }
            *count += 1;
        }
    }
}

/// An operation's inline success and error response schemas that both become
/// `<OperationId>Response`: the error one gets `<OperationId>ErrorResponse` as its `title`.
fn inline_responses(file: &str, doc: &mut Value) -> Vec<Problem> {
    let mut titles = Vec::new();
    let mut notes = Vec::new();
    {
        let named = named_types(doc);
        let mut taken: BTreeSet<String> = named.iter().map(|n| n.rust.clone()).collect();
        let responses: Vec<_> = named
            .iter()
            .filter(|n| n.what.starts_with("the response of operation "))
            .collect();
        for (i, this) in responses.iter().enumerate() {
            let Some(earlier) = responses[..i]
                .iter()
                .find(|e| e.rust == this.rust && e.what == this.what && e.schema != this.schema)
            else {
                continue;
            };
            let Some(status) = status_of(&this.at) else {
                continue;
            };
            let id = this
                .what
                .strip_prefix("the response of operation ")
                .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
                .unwrap_or_default();
            let base = if status.starts_with(['4', '5']) || status == "default" {
                type_name(&format!("{id}-error-response"))
            } else {
                type_name(&format!("{id}-{status}-response"))
            };
            let new = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base}{n}")))
                .find(|name| !taken.contains(name))
                .expect("some number is free");
            taken.insert(new.clone());
            notes.push(Problem::at(
                file,
                this.at.clone(),
                format!(
                    "{} ({status}) becomes the Rust type `types::{}`, as does {} ({}): named \
                     `types::{new}` (its `title`)",
                    this.what, this.rust, earlier.what, earlier.at
                ),
            ));
            titles.push((this.at.clone(), new));
        }
    }
    for (at, title) in titles {
        if let Some(schema) = doc.pointer_mut(&at).and_then(Value::as_object_mut) {
            schema.insert("title".to_owned(), Value::String(title));
        }
    }
    notes
}

/// The status of the response that the pointer `at` is inside (`…/responses/503/content/…`).
fn status_of(at: &str) -> Option<String> {
    let mut tokens = at.split('/');
    tokens.find(|t| *t == "responses")?;
    tokens.next().map(crate::problem::unescape)
}
