//! Applies an [OpenAPI Overlay 1.0.0](https://spec.openapis.org/overlay/v1.0.0.html) to a
//! document: each action's JSONPath (RFC 9535) `target` selects nodes, which are then merged
//! with `update` or deleted (`remove: true`), in the order the actions are listed.
//!
//! A target may select a node twice (RFC 9535 allows `[0,0]`, or two paths to one node): an
//! action applies once to each distinct node. A target may also select a node and nodes inside
//! it (`$..[?@.b]`). The locations are all taken on the document as it was before the action,
//! then each node is changed in turn, the deepest first (for removals, also the later list
//! items first), so that no change moves or drops a node still to be changed: an update of
//! `/a/b` happens, then the update of `/a`, which may replace `/a/b` with what it says.
//!
//! Every failure names the overlay file and the action (`/actions/N`, with its description):
//! an overlay that is not Overlay 1.0, a target that does not parse, a target that selects
//! nothing (a fix-up that no longer applies must not pass silently), and an update that makes
//! a valid OpenAPI document invalid.

use serde_json::{Map, Value};
use serde_json_path::JsonPath;

use crate::problem::Problem;

/// One action, checked.
struct Action<'a> {
    /// `/actions/N`, the JSON pointer of the action in the overlay.
    at: String,
    /// `/actions/N ("description")`, how messages name the action.
    name: String,
    target: &'a str,
    path: JsonPath,
    change: Change<'a>,
}

enum Change<'a> {
    Update(&'a Value),
    Remove,
}

/// Applies `overlay` (parsed from `file`) to `doc`, returning the overlaid document.
///
/// `valid` tells whether a document is valid OpenAPI; an action after which a valid document
/// is no longer valid is refused with that reason.
pub fn apply(
    file: &str,
    overlay: &Value,
    mut doc: Value,
    valid: impl Fn(&Value) -> Result<(), String>,
) -> Result<Value, Vec<Problem>> {
    let actions = check(file, overlay)?;
    let mut was_valid = valid(&doc).is_ok();
    for action in &actions {
        // Each distinct node once, in the order the query found them.
        let mut seen = std::collections::HashSet::new();
        let mut pointers: Vec<String> = action
            .path
            .query_located(&doc)
            .locations()
            .map(|location| location.to_json_pointer())
            .filter(|pointer| seen.insert(pointer.clone()))
            .collect();
        if pointers.is_empty() {
            return Err(vec![Problem::at(
                file,
                &action.at,
                format!(
                    "action {}: target {} matches nothing in the document; fix or delete the action",
                    action.name, action.target
                ),
            )]);
        }
        match action.change {
            Change::Update(update) => {
                // The deepest first (in document order among equals): changing a node never
                // moves one that is not inside it.
                pointers.sort_by_key(|pointer| std::cmp::Reverse(segments(pointer).len()));
                for pointer in &pointers {
                    let Some(node) = doc.pointer_mut(pointer) else {
                        return Err(vec![Problem::at(
                            file,
                            &action.at,
                            format!(
                                "action {}: cannot update {pointer}: an earlier change of this action removed it",
                                action.name
                            ),
                        )]);
                    };
                    merge_into(node, update).map_err(|why| {
                        vec![Problem::at(
                            file,
                            &action.at,
                            format!("action {}: cannot update {pointer}: {why}", action.name),
                        )]
                    })?;
                }
            }
            Change::Remove => {
                // Children before parents, later list items before earlier ones, so that
                // removing one node cannot move another.
                pointers.sort_by(|a, b| segments(b).cmp(&segments(a)));
                for pointer in &pointers {
                    remove(&mut doc, pointer).map_err(|why| {
                        vec![Problem::at(
                            file,
                            &action.at,
                            format!("action {}: cannot remove {pointer}: {why}", action.name),
                        )]
                    })?;
                }
            }
        }
        match valid(&doc) {
            Ok(()) => was_valid = true,
            Err(why) if was_valid => {
                let change = match action.change {
                    Change::Update(_) => "update",
                    Change::Remove => "removal",
                };
                return Err(vec![Problem::at(
                    file,
                    &action.at,
                    format!(
                        "action {}: the {change} of {} makes the document invalid OpenAPI ({why})",
                        action.name,
                        pointers.join(", ")
                    ),
                )]);
            }
            Err(_) => {}
        }
    }
    Ok(doc)
}

/// Checks that `overlay` is an Overlay 1.0 document and parses each action's target.
fn check<'a>(file: &str, overlay: &'a Value) -> Result<Vec<Action<'a>>, Vec<Problem>> {
    let invalid = |at: &str, what: String| {
        vec![Problem::at(
            file,
            at,
            format!("not a valid Overlay 1.0 document: {what}"),
        )]
    };
    let Some(root) = overlay.as_object() else {
        return Err(invalid("", "expected a mapping".to_owned()));
    };
    only_known(root, &["overlay", "info", "extends", "actions"], "")
        .map_err(|(at, what)| invalid(&at, what))?;
    match root.get("overlay") {
        Some(Value::String(v)) if is_overlay_1_0(v) => {}
        Some(v) => {
            return Err(invalid("/overlay", format!("version {v} is not 1.0.x")));
        }
        None => return Err(invalid("/overlay", "missing `overlay: 1.0.0`".to_owned())),
    }
    let Some(info) = root.get("info").and_then(Value::as_object) else {
        return Err(invalid(
            "/info",
            "missing `info` (a mapping with `title` and `version`)".to_owned(),
        ));
    };
    only_known(info, &["title", "version"], "/info").map_err(|(at, what)| invalid(&at, what))?;
    for field in ["title", "version"] {
        if !info.get(field).is_some_and(Value::is_string) {
            return Err(invalid(
                &format!("/info/{field}"),
                format!("`info.{field}` must be a string"),
            ));
        }
    }
    if root.get("extends").is_some_and(|e| !e.is_string()) {
        return Err(invalid(
            "/extends",
            "`extends` must be a string (a URI)".to_owned(),
        ));
    }
    let actions = match root.get("actions") {
        Some(Value::Array(actions)) if !actions.is_empty() => actions,
        Some(Value::Array(_)) => return Err(invalid("/actions", "`actions` is empty".to_owned())),
        Some(_) => return Err(invalid("/actions", "`actions` must be a list".to_owned())),
        None => return Err(invalid("/actions", "missing `actions`".to_owned())),
    };
    let mut checked = Vec::new();
    for (i, action) in actions.iter().enumerate() {
        let at = format!("/actions/{i}");
        let Some(fields) = action.as_object() else {
            return Err(invalid(&at, "an action must be a mapping".to_owned()));
        };
        only_known(fields, &["target", "description", "update", "remove"], &at)
            .map_err(|(at, what)| invalid(&at, what))?;
        let name = match fields.get("description") {
            None => at.clone(),
            Some(Value::String(d)) => format!("{at} ({d:?})"),
            Some(_) => {
                return Err(invalid(
                    &format!("{at}/description"),
                    "`description` must be a string".to_owned(),
                ));
            }
        };
        let Some(target) = fields.get("target").and_then(Value::as_str) else {
            return Err(invalid(
                &format!("{at}/target"),
                format!("action {name} has no `target` string"),
            ));
        };
        let path = JsonPath::parse(target).map_err(|e| {
            vec![Problem::at(
                file,
                format!("{at}/target"),
                format!(
                    "action {name}: target {target} is not an RFC 9535 JSONPath: {} (at character {})",
                    e.message(),
                    e.position()
                ),
            )]
        })?;
        let remove = match fields.get("remove") {
            None | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(_) => {
                return Err(invalid(
                    &format!("{at}/remove"),
                    "`remove` must be true or false".to_owned(),
                ));
            }
        };
        let change = match (fields.get("update"), remove) {
            (Some(_), true) => {
                return Err(invalid(
                    &at,
                    format!("action {name} has both `update` and `remove: true`; use one"),
                ));
            }
            (Some(update), false) => Change::Update(update),
            (None, true) => Change::Remove,
            (None, false) => {
                return Err(invalid(
                    &at,
                    format!("action {name} has neither `update` nor `remove: true`"),
                ));
            }
        };
        checked.push(Action {
            at,
            name,
            target,
            path,
            change,
        });
    }
    Ok(checked)
}

fn is_overlay_1_0(version: &str) -> bool {
    version
        .strip_prefix("1.0.")
        .is_some_and(|patch| !patch.is_empty() && patch.chars().all(|c| c.is_ascii_digit()))
}

/// Refuses a field that is neither one of `known` nor a specification extension (`x-…`).
fn only_known(
    fields: &Map<String, Value>,
    known: &[&str],
    at: &str,
) -> Result<(), (String, String)> {
    match fields
        .keys()
        .find(|k| !known.contains(&k.as_str()) && !k.starts_with("x-"))
    {
        Some(unknown) => Err((
            crate::problem::join(at, unknown),
            format!(
                "unknown field `{unknown}` (expected one of: {})",
                known.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

/// Overlay 1.0 update: an object target gets the update's fields merged in (objects
/// recursively, anything else replaced); an array target gets the update appended (each
/// element, when the update is itself an array).
fn merge_into(node: &mut Value, update: &Value) -> Result<(), String> {
    match (node, update) {
        (Value::Object(target), Value::Object(fields)) => {
            merge_objects(target, fields);
            Ok(())
        }
        (Value::Array(target), Value::Array(items)) => {
            target.extend(items.iter().cloned());
            Ok(())
        }
        (Value::Array(target), item) => {
            target.push(item.clone());
            Ok(())
        }
        (Value::Object(_), _) => {
            Err("the target is a mapping, so `update` must be a mapping".to_owned())
        }
        (_, _) => Err("the target is neither a mapping nor a list".to_owned()),
    }
}

fn merge_objects(target: &mut Map<String, Value>, fields: &Map<String, Value>) {
    for (key, value) in fields {
        match (target.get_mut(key), value) {
            (Some(Value::Object(inner)), Value::Object(more)) => merge_objects(inner, more),
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
}

/// A pointer's segments, list indices as numbers, for ordering removals.
fn segments(pointer: &str) -> Vec<(u64, &str)> {
    pointer
        .split('/')
        .map(|s| (s.parse().unwrap_or(u64::MAX), s))
        .collect()
}

/// Removes the node at `pointer` from its parent mapping or list.
fn remove(doc: &mut Value, pointer: &str) -> Result<(), String> {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return Err("the whole document cannot be removed".to_owned());
    };
    let key = crate::problem::unescape(last);
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&key);
            Ok(())
        }
        Some(Value::Array(items)) => {
            let index: usize = key
                .parse()
                .map_err(|_| format!("{key:?} is not a list index"))?;
            if index < items.len() {
                items.remove(index);
            }
            Ok(())
        }
        _ => Err("its parent is gone".to_owned()),
    }
}
