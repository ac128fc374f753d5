//! A path parameter not marked `required: true`: a path parameter always is (OpenAPI 3.0
//! requires it), and progenitor asserts it.

use serde_json::Value;

use crate::lint::{METHODS, is_extension};
use crate::problem::{Problem, join};

/// Sets `required: true` on each path parameter (of a path item, an operation, or in
/// `components/parameters`) without `required` or with `required: false`, one note each.
pub(super) fn repair(file: &str, doc: &mut Value, notes: &mut Vec<Problem>) {
    let mut found = Vec::new();
    if let Some(parameters) = doc
        .pointer("/components/parameters")
        .and_then(Value::as_object)
    {
        found.extend(
            parameters
                .keys()
                .map(|name| join("/components/parameters", name)),
        );
    }
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
            let item_at = join("/paths", path);
            let mut holders = vec![(item_at.clone(), item)];
            holders.extend(
                METHODS
                    .iter()
                    .filter_map(|method| Some((join(&item_at, method), item.get(*method)?))),
            );
            for (at, holder) in holders {
                let list = holder.get("parameters").and_then(Value::as_array);
                found.extend(
                    (0..list.map_or(0, Vec::len))
                        .map(|i| join(&join(&at, "parameters"), &i.to_string())),
                );
            }
        }
    }
    for at in found {
        let Some(Value::Object(parameter)) = doc.pointer_mut(&at) else {
            continue;
        };
        if parameter.contains_key("$ref")
            || parameter.get("in").and_then(Value::as_str) != Some("path")
        {
            continue;
        }
        let name = parameter
            .get("name")
            .map_or_else(|| "without a name".to_owned(), crate::lint_fields::shown);
        // Not a boolean (`required: maybe`): not a document to guess at, refused when read.
        let (pointer, why) = match parameter.get("required") {
            Some(Value::Bool(false)) => (join(&at, "required"), "has `required: false`"),
            None => (at.clone(), "is not marked `required: true`"),
            Some(_) => continue,
        };
        parameter.insert("required".to_owned(), Value::Bool(true));
        notes.push(Problem::at(
            file,
            pointer,
            format!("path parameter {name} {why}: made required (a path parameter always is)"),
        ));
    }
}
