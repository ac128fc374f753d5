//! Overlay mutations: an action changed, and an overlay made up for a document.

use serde_json::{Value, json};

use super::super::rng::Rng;
use super::super::tree::{Seg, all_paths, get};
use super::pick::short;
use super::values::PROSE;

/// JSONPath targets an overlay's author can write.
const TARGETS: &[&str] = &[
    "$..*",
    "$..[?@.type]",
    "$..[?@.description]",
    "$..[?@.b]",
    "$..properties",
    "$.paths.*.*",
    "$..parameters[0,0]",
    "$..parameters[0,0,-1]",
    "$.paths[*]",
    "$",
    "$[?@]",
    "$..['$ref']",
    "$..[*]",
    "$.info",
    "$.info.title",
    "$..schemas..properties",
    "$.nothing",
    "$..",
    "$[",
    "",
    "$.paths['/x'].get.parameters[0,0]",
    "$..[?length(@) > 1]",
    "$..[?match(@, '(')]",
    "$..[?@.properties]",
    "$..[?@.schema]",
    "$..[?@.items]",
    "$..[?@.content]",
    "$..[?@.responses]",
];

pub(crate) fn overlay_action(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let actions = doc.get_mut("actions")?.as_array_mut()?;
    if actions.is_empty() {
        actions.push(json!({ "target": "$.info", "update": { "description": "x" } }));
    }
    let index = rng.below(actions.len());
    let action = actions[index].as_object_mut()?;
    let done = match rng.below(8) {
        6 | 7 => {
            // Every node with a key, each updated to hold a scalar there: a node selected
            // inside another one's replaced value.
            let key = *rng.pick(&[
                "properties",
                "schema",
                "items",
                "content",
                "responses",
                "paths",
                "components",
                "b",
            ])?;
            let target = format!("$..[?@.{key}]");
            let scalar = rng
                .pick(&[json!(5), json!("x"), Value::Null, json!([])])?
                .clone();
            action.insert("target".into(), json!(target));
            action.remove("remove");
            action.insert("update".into(), json!({ key: scalar }));
            format!("target {target:?}, update {{{key}: {scalar}}}")
        }
        0 | 1 => {
            let target = *rng.pick(TARGETS)?;
            action.insert("target".into(), json!(target));
            format!("target {target:?}")
        }
        2 => {
            if action.remove("update").is_some() {
                action.insert("remove".into(), json!(true));
                "update → remove: true".to_owned()
            } else {
                action.remove("remove");
                action.insert("update".into(), json!({ "description": "updated" }));
                "remove → update".to_owned()
            }
        }
        3 => {
            let update = rng
                .pick(&[
                    json!({ "b": 5 }),
                    json!({ "properties": 5 }),
                    json!({ "schema": null }),
                    json!({ "items": 1 }),
                    json!({ "content": "x" }),
                    json!({ "responses": [] }),
                    json!("scalar"),
                    json!([1]),
                    json!({ "type": ["string"] }),
                    json!({ "$ref": "#/components/responses/x" }),
                    Value::Null,
                ])?
                .clone();
            let shown = short(&update);
            action.insert("update".into(), update);
            format!("update {shown}")
        }
        4 => {
            action.insert("remove".into(), json!(*rng.pick(&["yes", "true"])?));
            "remove: a string".to_owned()
        }
        _ => {
            let copy = Value::Object(action.clone());
            actions.push(copy);
            "the action twice".to_owned()
        }
    };
    Some(format!("/actions/{index}: {done}"))
}

/// An overlay of one to three actions on `doc`, aimed at nodes it has (each path written as
/// JSONPath, with a segment sometimes widened to `*` or `..`), each updating a node with a
/// piece of the document or a hostile value, or removing it.
pub(crate) fn synthesize_overlay(rng: &mut Rng, doc: &Value) -> (Value, String) {
    let paths = all_paths(doc);
    let mut actions = Vec::new();
    let mut shown = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let Some(path) = rng.pick(&paths) else {
            break;
        };
        let mut target = String::from("$");
        for seg in path {
            let widen = rng.percent(12);
            match seg {
                _ if widen && rng.percent(50) => target.push_str(".*"),
                Seg::Key(key) if widen => target.push_str(&format!(
                    "..['{}']",
                    key.replace('\\', "\\\\").replace('\'', "\\'")
                )),
                Seg::Key(key) => target.push_str(&format!(
                    "['{}']",
                    key.replace('\\', "\\\\").replace('\'', "\\'")
                )),
                Seg::Index(index) => target.push_str(&format!("[{index}]")),
            }
        }
        let mut action = serde_json::Map::new();
        action.insert("target".into(), json!(target));
        if rng.percent(25) {
            action.insert("remove".into(), json!(true));
            shown.push(format!("remove {target}"));
        } else {
            let update = match rng.below(3) {
                0 => rng
                    .pick(&paths)
                    .and_then(|p| get(doc, p))
                    .cloned()
                    .unwrap_or(Value::Null),
                1 => json!({ "description": *rng.pick(PROSE).unwrap_or(&"") }),
                _ => {
                    json!({ *rng.pick(&["properties", "schema", "items", "b", "type", "$ref", "operationId"]).unwrap_or(&"b"): 5 })
                }
            };
            shown.push(format!("update {target} with {}", short(&update)));
            action.insert("update".into(), update);
        }
        actions.push(Value::Object(action));
    }
    let overlay = json!({
        "overlay": "1.0.0",
        "info": { "title": "Made by cargo xtask mutate", "version": "1" },
        "actions": actions,
    });
    (overlay, format!("add an overlay: {}", shown.join(", ")))
}
