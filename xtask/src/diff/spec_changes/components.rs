//! Component schemas compared: added, removed, renamed (the same shape under another name),
//! and changes inside the ones no operation uses.

use std::collections::BTreeSet;

use serde_json::Value;

use super::change::{Changes, norm, shape};
use super::doc::Doc;
use super::walk::{Direction, Place, Walk};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// Component schemas that appear, disappear or are renamed.
pub(super) fn component_changes(old: &Value, new: &Value, out: &mut Changes) {
    let schemas = |doc: &Value| -> BTreeSet<String> {
        doc.pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let (old_schemas, new_schemas) = (schemas(old), schemas(new));
    let schema_at = |doc: &Value, name: &str| {
        doc.pointer(&join("/components/schemas", name))
            .map(shape)
            .unwrap_or_default()
    };
    let gone: Vec<&String> = old_schemas.difference(&new_schemas).collect();
    let came: Vec<&String> = new_schemas.difference(&old_schemas).collect();
    // A schema gone and one come of the same shape, the only such pair: renamed. Nothing
    // changes on the wire; the Rust type is renamed.
    let twins = |name: &String, from: &Value, among: &[&String], to: &Value| -> Vec<String> {
        among
            .iter()
            .filter(|other| schema_at(to, other) == schema_at(from, name))
            .map(|other| (*other).clone())
            .collect()
    };
    for name in &gone {
        if let [new_name] = twins(name, old, &came, new).as_slice()
            && twins(new_name, new, &gone, old).len() == 1
        {
            out.renamed.insert(((*name).clone(), new_name.clone()));
            out.push(
                "api-schema-renamed",
                None,
                &join("/components/schemas", new_name),
                Side::New,
                format!("the component schema {name} was renamed {new_name} (the same shape)"),
                vec![Target::Type(norm(name)), Target::Type(norm(new_name))],
            );
            let at = join("/components/schemas", new_name);
            out.also(
                &at,
                "api-schema-renamed",
                &join("/components/schemas", name),
            );
        }
    }
    let renamed = |name: &String, old_side: bool| {
        out.renamed
            .iter()
            .any(|(a, b)| if old_side { a == name } else { b == name })
    };
    let gone: Vec<&String> = gone.into_iter().filter(|n| !renamed(n, true)).collect();
    let came: Vec<&String> = came.into_iter().filter(|n| !renamed(n, false)).collect();
    for (verb, names, side) in [("removed", gone, Side::Old), ("added", came, Side::New)] {
        for name in names {
            out.push(
                &format!("api-schema-{verb}"),
                None,
                &join("/components/schemas", name),
                side,
                format!("{verb} the component schema {name}"),
                vec![Target::Type(norm(name))],
            );
        }
    }
}

/// Changes to component schemas present on both sides that no operation reaches: one
/// `api-schema-changed` per change found in them (nothing goes on the wire; their Rust types
/// change all the same).
pub(super) fn unused_schema_changes<'a>(old_doc: &Doc<'a>, new_doc: &Doc<'a>, out: &mut Changes) {
    let schemas = |doc: &Doc<'a>| -> Option<&'a serde_json::Map<String, Value>> {
        doc.root
            .pointer("/components/schemas")
            .and_then(Value::as_object)
    };
    let (Some(old_schemas), Some(new_schemas)) = (schemas(old_doc), schemas(new_doc)) else {
        return;
    };
    let mut found = Changes::default();
    for (name, new) in new_schemas {
        let Some(old) = old_schemas.get(name) else {
            continue;
        };
        if out.reached.contains(name) || old == new {
            continue;
        }
        let place = Place {
            op: String::new(),
            direction: Direction::Unused,
            prefix: "schema",
            subject: format!("the schema {name}"),
            root_type: norm(name),
            member: String::new(),
        };
        let at = join("/components/schemas", name);
        Walk::new(old_doc, new_doc, &mut found).schema(&place, &[], (&at, old), (&at, new));
    }
    let used: Vec<String> = out
        .reached
        .iter()
        .map(|name| join("/components/schemas", name))
        .collect();
    for change in found.found.into_values() {
        let inside =
            |at: &String| change.pointer == *at || change.pointer.starts_with(&format!("{at}/"));
        if used.iter().any(inside) {
            continue; // reported through the operations that use it
        }
        let (id, text) = if change.id == "description-changed" {
            ("description-changed", change.text)
        } else {
            (
                "api-schema-changed",
                format!(
                    "{} (no operation uses it on both sides: its Rust types change, not the wire)",
                    change.text
                ),
            )
        };
        out.push(id, None, &change.pointer, change.side, text, change.targets);
    }
}
