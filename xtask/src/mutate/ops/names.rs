//! Mutations of names: duplicated, hostile, empty and renamed ones.

use serde_json::{Value, json};

use super::super::rng::Rng;
use super::super::tree::{
    NodePath, Seg, get, get_mut, is_operation, key_or_list_key, last_key, pointer,
};
use super::*;

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

pub(crate) fn operation_ids(doc: &Value) -> Vec<(NodePath, String)> {
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
