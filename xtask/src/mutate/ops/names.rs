//! Mutations of names: duplicated, hostile, empty and renamed ones.

use serde_json::{Value, json};

use super::super::rng::Rng;
use super::super::tree::{Seg, get_mut, key_or_list_key, last_key, pointer};
use super::pick::{find, operation_ids, pick_node, short, variant, words};
use super::values::{IDENTS, PATH_KEYS};

pub(crate) fn duplicate_name(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    match rng.below(7) {
        0 => duplicate_operation_id(rng, doc),
        1 => duplicate_map_key(rng, doc, "schemas"),
        2 => duplicate_map_key(rng, doc, "properties"),
        3 => duplicate_parameter(rng, doc),
        4 => duplicate_enum_value(rng, doc),
        5 => body_beside_component(rng, doc),
        _ => duplicate_map_key(rng, doc, "paths"),
    }
}

fn duplicate_operation_id(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let ops = operation_ids(doc);
    let (from, id) = rng.pick(&ops)?.clone();
    let (to, _) = rng.pick(&ops)?.clone();
    let new = variant(rng, &id);
    get_mut(doc, &to)?
        .as_object_mut()?
        .insert("operationId".into(), json!(new));
    Some(format!(
        "operationId of {} set to {new:?}, like {}'s {id:?}",
        pointer(&to),
        pointer(&from)
    ))
}

/// Adds to a mapping held under `holder` (`schemas`, `properties`, `paths`) a key that differs
/// from one of its keys only in case or punctuation, holding a copy of a sibling (or
/// something else).
fn duplicate_map_key(rng: &mut Rng, doc: &mut Value, holder: &str) -> Option<String> {
    let path = pick_node(rng, doc, |path, node| {
        last_key(path) == Some(holder) && node.as_object().is_some_and(|m| !m.is_empty())
    })?;
    let map = get_mut(doc, &path)?.as_object_mut()?;
    let keys: Vec<String> = map.keys().cloned().collect();
    let key = rng.pick(&keys)?.clone();
    let new_key = variant(rng, &key);
    if map.contains_key(&new_key) {
        return None;
    }
    let value = match rng.below(3) {
        0 => map[rng.pick(&keys)?.as_str()].clone(),
        1 => map[&key].clone(),
        _ => json!({ "type": "object", "properties": { "other": { "type": "integer" } } }),
    };
    map.insert(new_key.clone(), value);
    Some(format!(
        "add {} beside {:?}",
        pointer(&[path, vec![Seg::Key(new_key)]].concat()),
        key
    ))
}

fn duplicate_parameter(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, node| {
        last_key(path) == Some("parameters")
            && node
                .as_array()
                .is_some_and(|l| l.iter().any(|p| p.get("name").is_some()))
    })?;
    let list = get_mut(doc, &path)?.as_array_mut()?;
    let named: Vec<Value> = list
        .iter()
        .filter(|p| p.get("name").is_some())
        .cloned()
        .collect();
    let mut copy = rng.pick(&named)?.clone();
    let name = copy.get("name")?.as_str().unwrap_or("").to_owned();
    let new = variant(rng, &name);
    copy["name"] = json!(new);
    if rng.percent(30) {
        copy["in"] = json!(*rng.pick(&["query", "header", "path", "cookie"])?);
    }
    list.push(copy);
    Some(format!(
        "add parameter {new:?} at {}/{} beside {name:?}",
        pointer(&path),
        list.len() - 1
    ))
}

fn duplicate_enum_value(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, node| {
        last_key(path) == Some("enum") && node.as_array().is_some_and(|l| !l.is_empty())
    })?;
    let list = get_mut(doc, &path)?.as_array_mut()?;
    let value = rng.pick(list)?.clone();
    let new = match value.as_str() {
        Some(text) => json!(variant(rng, text)),
        None => value.clone(),
    };
    let shown = short(&new);
    list.push(new);
    Some(format!(
        "add enum value {shown} to {} beside {}",
        pointer(&path),
        short(&value)
    ))
}

pub(crate) fn hostile_name(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let name = (*rng.pick(IDENTS)?).to_owned();
    match rng.below(7) {
        0 => {
            let (path, _) = rng.pick(&operation_ids(doc))?.clone();
            get_mut(doc, &path)?
                .as_object_mut()?
                .insert("operationId".into(), json!(name));
            Some(format!("operationId of {} set to {name:?}", pointer(&path)))
        }
        1 | 2 => {
            let holder = *rng.pick(&["properties", "schemas", "paths", "responses"])?;
            let path = pick_node(rng, doc, |path, node| {
                last_key(path) == Some(holder) && node.as_object().is_some_and(|m| !m.is_empty())
            })?;
            let new = if holder == "paths" {
                (*rng.pick(PATH_KEYS)?).to_owned()
            } else {
                name
            };
            let map = get_mut(doc, &path)?.as_object_mut()?;
            let keys: Vec<String> = map.keys().cloned().collect();
            let old = rng.pick(&keys)?.clone();
            let value = map.remove(&old)?;
            map.insert(new.clone(), value);
            if holder == "schemas" && rng.percent(50) {
                rename_refs(doc, &old, &new);
            }
            Some(format!(
                "rename {} to {new:?}",
                pointer(&[path, vec![Seg::Key(old)]].concat())
            ))
        }
        3 => set_string_at(
            rng,
            doc,
            "name",
            |path| key_or_list_key(path) == Some("parameters"),
            name,
        ),
        4 => {
            let path = pick_node(rng, doc, |path, node| {
                last_key(path) == Some("enum") && node.is_array()
            })?;
            get_mut(doc, &path)?.as_array_mut()?.push(json!(name));
            Some(format!("add enum value {name:?} to {}", pointer(&path)))
        }
        5 => {
            let info = doc.get_mut("info")?.as_object_mut()?;
            let version =
                (*rng.pick(&["", "1\n2", "\"", "1.0 \u{202e}", "v1\u{0}", "🙂"])?).to_owned();
            info.insert("version".into(), json!(version));
            Some(format!("set /info/version to {version:?}"))
        }
        _ => set_string_at(
            rng,
            doc,
            "name",
            |path| key_or_list_key(path) == Some("tags"),
            name,
        ),
    }
}

/// Sets the member `key` of an object accepted by `holder` to the string `value`.
fn set_string_at(
    rng: &mut Rng,
    doc: &mut Value,
    key: &str,
    holder: impl Fn(&[Seg]) -> bool,
    value: String,
) -> Option<String> {
    let path = pick_node(rng, doc, |path, node| node.is_object() && holder(path))?;
    get_mut(doc, &path)?
        .as_object_mut()?
        .insert(key.to_owned(), json!(value));
    Some(format!("set {}/{key} to {value:?}", pointer(&path)))
}

/// Makes every `$ref` to the schema `old` refer to `new`.
fn rename_refs(doc: &mut Value, old: &str, new: &str) {
    let from = format!("#/components/schemas/{}", crate::problem::escape(old));
    let to = format!("#/components/schemas/{}", crate::problem::escape(new));
    for path in find(doc, |path, node| {
        last_key(path) == Some("$ref") && node == &json!(from)
    }) {
        if let Some(node) = get_mut(doc, &path) {
            *node = json!(to);
        }
    }
}

pub(crate) fn empty_operation_id(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let (path, _) = rng.pick(&operation_ids(doc))?.clone();
    let op = get_mut(doc, &path)?.as_object_mut()?;
    if rng.percent(50) {
        op.insert("operationId".into(), json!(""));
        Some(format!("operationId of {} set to \"\"", pointer(&path)))
    } else {
        op.remove("operationId");
        Some(format!("delete {}/operationId", pointer(&path)))
    }
}

/// An operation with an inline request body beside a component schema named as progenitor
/// names that body (`<OperationId>Body`), with other properties.
pub(crate) fn body_beside_component(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let ops = operation_ids(doc);
    let (path, id) = rng.pick(&ops)?.clone();
    let id = if id.is_empty() {
        "make_thing".to_owned()
    } else {
        id
    };
    let name = format!(
        "{}Body",
        words(&id).iter().map(|w| capitalise(w)).collect::<String>()
    );
    let op = get_mut(doc, &path)?.as_object_mut()?;
    op.insert("operationId".into(), json!(id));
    op.insert(
        "requestBody".into(),
        json!({
            "required": true,
            "content": { "application/json": { "schema": {
                "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"]
            } } }
        }),
    );
    let root = doc.as_object_mut()?;
    let components = root.entry("components").or_insert_with(|| json!({}));
    let schemas = components
        .as_object_mut()?
        .entry("schemas")
        .or_insert_with(|| json!({}));
    schemas.as_object_mut()?.insert(
        name.clone(),
        json!({ "type": "object", "properties": { "b": { "type": "integer" } } }),
    );
    Some(format!(
        "inline body at {}/requestBody beside component schema {name:?}",
        pointer(&path)
    ))
}

/// `word` with its first letter upper-case and the rest lower-case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| {
            c.to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}
