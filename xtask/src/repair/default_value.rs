//! A `default` that does not fit its own schema: an integer whose default is prose, a string
//! default that is not one of its `enum` values, a default of another type, below `minimum`
//! or above `maximum`, or an array default with such an item. typify refuses the whole
//! schema ("value does not conform to the given schema"); the default is dropped.

use serde_json::{Map, Value};

use crate::lint_fields::shown;
use crate::problem::{Problem, join};

/// Drops each `default` that does not fit the schema beside it, one note each.
pub(super) fn repair(file: &str, doc: &mut Value, schemas: &[String], notes: &mut Vec<Problem>) {
    for at in schemas {
        let Some(Value::Object(schema)) = doc.pointer(at) else {
            continue;
        };
        let Some(default) = schema.get("default") else {
            continue;
        };
        let default_at = join(at, "default");
        let misfit = match misfit(schema, default) {
            Some(why) => Some((
                default_at,
                format!("default {} {why}: dropped", shown(default)),
            )),
            None => item_misfit(doc, schema, default).map(|(i, item, why)| {
                (
                    join(&default_at, &i.to_string()),
                    format!("default item {} {why}: the default is dropped", shown(item)),
                )
            }),
        };
        if let Some((pointer, message)) = misfit {
            notes.push(Problem::at(file, pointer, message));
            if let Some(Value::Object(schema)) = doc.pointer_mut(at) {
                schema.remove("default");
            }
        }
    }
}

/// Why `value` does not fit `schema` on its own keywords (`type`, `nullable`, `enum`,
/// `minimum`, `maximum`), if it does not. A `$ref` schema is not judged (3.0 ignores the
/// keywords beside it); nor is a type this does not know.
fn misfit(schema: &Map<String, Value>, value: &Value) -> Option<String> {
    if schema.contains_key("$ref") {
        return None;
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let nullable = schema.get("nullable") == Some(&Value::Bool(true)) || types.contains(&"null");
    if value.is_null() {
        return (!nullable && !types.is_empty())
            .then(|| "does not fit a schema that is not nullable".to_owned());
    }
    if !types.is_empty() && !types.iter().any(|t| fits_type(t, value)) {
        let named: Vec<String> = types.iter().map(|t| article(t)).collect();
        return Some(format!("is not {}", named.join(" or ")));
    }
    if let Some(Value::Array(values)) = schema.get("enum")
        && !values.is_empty()
        && !values.contains(value)
    {
        return Some("is not one of the enum values".to_owned());
    }
    if let Some(number) = value.as_f64() {
        if let Some(minimum) = schema.get("minimum").and_then(Value::as_f64)
            && number < minimum
        {
            return Some(format!("is below the minimum {}", schema["minimum"]));
        }
        if let Some(maximum) = schema.get("maximum").and_then(Value::as_f64)
            && number > maximum
        {
            return Some(format!("is above the maximum {}", schema["maximum"]));
        }
    }
    None
}

/// The first item of an array `default` that does not fit the array's `items` schema (a
/// `$ref` to a component schema followed): its index, the item and why.
fn item_misfit<'a>(
    doc: &Value,
    schema: &Map<String, Value>,
    value: &'a Value,
) -> Option<(usize, &'a Value, String)> {
    let items = value.as_array()?;
    let mut item_schema = schema.get("items")?;
    for _ in 0..16 {
        match item_schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix('#'))
            .and_then(|p| doc.pointer(p))
        {
            Some(next) => item_schema = next,
            None => break,
        }
    }
    let item_schema = item_schema.as_object()?;
    items.iter().enumerate().find_map(|(i, item)| {
        let why = misfit(item_schema, item)?;
        Some((i, item, why))
    })
}

/// Whether `value` is of the JSON Schema type `name`; a name this does not know fits.
fn fits_type(name: &str, value: &Value) -> bool {
    match name {
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => true,
    }
}

/// `an integer`, `a string`, `null`.
fn article(name: &str) -> String {
    if name == "null" {
        name.to_owned()
    } else if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {name}")
    } else {
        format!("a {name}")
    }
}
