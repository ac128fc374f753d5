//! Mutations of a document's shapes: keys deleted, types changed, schemas nested, `$ref`s
//! retargeted, parameters moved, keywords and responses rewritten, subtrees copied.

use serde_json::{Value, json};

use super::super::rng::Rng;
use super::super::tree::{
    Seg, all_paths, get, get_mut, is_operation, is_schema, key_or_list_key, last_key, pointer,
};
use super::pick::{find, pick_node, short};
use super::values::{FORMATS, PARAMETER_PLACES, PROSE, REF_TARGETS, other_values};

pub(crate) fn delete_key(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, _| matches!(path.last(), Some(Seg::Key(_))))?;
    let (Seg::Key(key), parent) = path.split_last()? else {
        return None;
    };
    get_mut(doc, parent)?.as_object_mut()?.remove(key)?;
    Some(format!("delete {}", pointer(&path)))
}

pub(crate) fn change_type(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, _| !path.is_empty())?;
    let node = get_mut(doc, &path)?;
    let new = other_values(rng, node);
    let shown = short(&new);
    *node = new;
    Some(format!("change {} to {shown}", pointer(&path)))
}

/// Wraps a schema in 2 to 64 levels of arrays, objects or compositions.
pub(crate) fn nest_schema(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, is_schema)?;
    let depth = 2 + rng.below(63);
    let how = rng.below(5);
    let node = get_mut(doc, &path)?;
    let mut inner = node.take();
    for _ in 0..depth {
        inner = match how {
            0 => json!({ "type": "array", "items": inner }),
            1 => json!({ "type": "object", "properties": { "a": inner } }),
            2 => json!({ "allOf": [inner] }),
            3 => json!({ "oneOf": [inner, { "type": "string" }] }),
            _ => json!({ "type": "object", "additionalProperties": inner }),
        };
    }
    *node = inner;
    let kind = [
        "items",
        "properties",
        "allOf",
        "oneOf",
        "additionalProperties",
    ][how];
    Some(format!("nest {} {depth} levels in {kind}", pointer(&path)))
}

pub(crate) fn inject_prose(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let mut prose = (*rng.pick(PROSE)?).to_owned();
    if rng.percent(20) {
        prose.push_str(rng.pick(PROSE)?);
    }
    if rng.percent(3) {
        prose = prose.repeat(2000);
    }
    let path = if rng.percent(12) {
        vec![Seg::Key("info".into()), Seg::Key("title".into())]
    } else {
        let mut holder = pick_node(rng, doc, |path, node| {
            node.is_object()
                && (is_operation(path)
                    || is_schema(path, node)
                    || path.len() == 1
                    || key_or_list_key(path).is_some_and(|k| {
                        ["parameters", "responses", "tags", "servers", "content"].contains(&k)
                    }))
        })?;
        holder.push(Seg::Key(
            (*rng.pick(&["description", "summary", "title"])?).into(),
        ));
        holder
    };
    let (Seg::Key(key), parent) = path.split_last()? else {
        return None;
    };
    get_mut(doc, parent)?
        .as_object_mut()?
        .insert(key.clone(), json!(prose));
    Some(format!(
        "set {} to {}",
        pointer(&path),
        short(&json!(prose))
    ))
}

pub(crate) fn ref_mischief(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let refs = find(doc, |path, node| {
        last_key(path) == Some("$ref") && node.is_string()
    });
    let at = rng.pick(&refs)?.clone();
    if rng.percent(40) && refs.len() > 1 {
        let other = rng.pick(&refs)?.clone();
        let a = get(doc, &at)?.clone();
        let b = get(doc, &other)?.clone();
        *get_mut(doc, &at)? = b;
        *get_mut(doc, &other)? = a;
        return Some(format!(
            "swap $refs {} and {}",
            pointer(&at),
            pointer(&other)
        ));
    }
    let target = match rng.below(4) {
        0 => {
            // A reference to the schema that holds it, or to a part of another schema.
            let schemas = doc
                .pointer("/components/schemas")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default();
            let name = rng.pick(&schemas)?;
            format!(
                "#/components/schemas/{}{}",
                crate::problem::escape(name),
                if rng.percent(50) { "/properties/x" } else { "" }
            )
        }
        1 => {
            let responses = doc
                .pointer("/components/responses")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default();
            match rng.pick(&responses) {
                Some(name) => format!("#/components/responses/{}", crate::problem::escape(name)),
                None => "#/components/responses/x".to_owned(),
            }
        }
        _ => (*rng.pick(REF_TARGETS)?).to_owned(),
    };
    *get_mut(doc, &at)? = json!(target);
    Some(format!("set {} to {target:?}", pointer(&at)))
}

pub(crate) fn parameter_place(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, node| {
        key_or_list_key(path) == Some("parameters") && node.get("name").is_some()
    })?;
    let param = get_mut(doc, &path)?.as_object_mut()?;
    let done = match rng.below(4) {
        0 | 1 => {
            let place = *rng.pick(PARAMETER_PLACES)?;
            param.insert("in".into(), json!(place));
            format!("in: {place:?}")
        }
        2 => {
            let required = rng
                .pick(&[json!(false), json!("yes"), Value::Null])?
                .clone();
            param.insert("required".into(), required.clone());
            format!("required: {required}")
        }
        _ => {
            param.insert(
                "content".into(),
                json!({ "application/json": { "schema": { "type": "object" } } }),
            );
            "content beside schema".to_owned()
        }
    };
    Some(format!("parameter {}: {done}", pointer(&path)))
}

pub(crate) fn schema_keyword(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, is_schema)?;
    let (key, value) = match rng.below(20) {
        0 => ("format", json!(*rng.pick(FORMATS)?)),
        1 => (
            "pattern",
            json!(*rng.pick(&["(", "[", "\\", "(?<=x)y", "^\\p{L}+$", "a{99999}"])?),
        ),
        2 => ("minimum", json!(10)),
        3 => ("maxLength", json!(-1)),
        4 => ("multipleOf", json!(0)),
        5 => ("type", json!(["string", "null"])),
        6 => (
            "type",
            json!(*rng.pick(&["file", "any", "int", "null", "", "Object"])?),
        ),
        7 => ("nullable", json!("yes")),
        8 => ("default", json!({ "wrong": [1, 2] })),
        9 => (
            "enum",
            rng.pick(&[
                json!([]),
                json!([null]),
                json!([1, "1"]),
                json!([{}, []]),
                json!(["", " "]),
            ])?
            .clone(),
        ),
        10 => (
            "required",
            rng.pick(&[
                json!(["missing"]),
                json!("x"),
                json!([1]),
                json!(["a", "a"]),
            ])?
            .clone(),
        ),
        11 => (
            "additionalProperties",
            rng.pick(&[
                json!(true),
                json!(false),
                json!({}),
                json!({ "type": "integer" }),
            ])?
            .clone(),
        ),
        12 => (
            "discriminator",
            json!({ "propertyName": "kind", "mapping": { "a": "#/components/schemas/Missing" } }),
        ),
        13 => ("readOnly", json!(true)),
        14 => (
            "allOf",
            rng.pick(&[
                json!([]),
                json!([{}, {}]),
                json!([{ "type": "string" }, { "type": "integer" }]),
            ])?
            .clone(),
        ),
        15 => (
            "oneOf",
            rng.pick(&[
                json!([]),
                json!([{}, {}]),
                json!([{ "type": "string" }, { "type": "string" }]),
            ])?
            .clone(),
        ),
        16 => ("not", json!({})),
        17 => (
            "x-rust-type",
            json!({ "crate": "std", "version": "*", "path": "::std::process::Command" }),
        ),
        18 => ("items", Value::Null),
        _ => ("maximum", json!(-1e300)),
    };
    let shown = short(&value);
    get_mut(doc, &path)?
        .as_object_mut()?
        .insert(key.to_owned(), value);
    Some(format!("set {}/{key} to {shown}", pointer(&path)))
}

pub(crate) fn response_shape(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, node| {
        last_key(path) == Some("responses") && path.len() > 3 && node.is_object()
    })?;
    let responses = get_mut(doc, &path)?.as_object_mut()?;
    let json_body = |schema: Value| json!({ "description": "x", "content": { "application/json": { "schema": schema } } });
    let (status, response) = match rng.below(9) {
        0 => (
            "418",
            json_body(json!({ "type": "object", "properties": { "tea": { "type": "string" } } })),
        ),
        1 => ("204", json!({ "description": "No content" })),
        2 => ("default", json!({ "description": "Anything" })),
        3 => (
            "500",
            json!({ "description": "x", "content": { "application/json": {} } }),
        ),
        4 => (
            "201",
            json!({ "description": "x", "content": { "application/json": { "schema": { "type": "string" } }, "text/plain": { "schema": { "type": "string" } } } }),
        ),
        5 => ("2XX", json_body(json!({ "type": "integer" }))),
        6 => (
            *rng.pick(&["999", "abc", "", "200 ", "1XX"])?,
            json!({ "description": "x" }),
        ),
        7 => (
            "302",
            json!({ "description": "x", "headers": { "Location": { "schema": { "type": "string" } } } }),
        ),
        _ => (
            "400",
            json!({ "description": "x", "content": { "*/*": { "schema": { "type": "object" } } } }),
        ),
    };
    responses.insert(status.to_owned(), response);
    Some(format!("add response {status:?} to {}", pointer(&path)))
}

pub(crate) fn copy_subtree(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let paths = all_paths(doc);
    let from = rng.pick(&paths)?.clone();
    let to = rng.pick(&paths)?.clone();
    if to.is_empty() || to.starts_with(&from) || from.starts_with(&to) {
        return None;
    }
    let value = get(doc, &from)?.clone();
    *get_mut(doc, &to)? = value;
    Some(format!("copy {} over {}", pointer(&from), pointer(&to)))
}

pub(crate) fn openapi_version(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let version = *rng.pick(&["3.1.0", "2.0", "3.0", "4.0.0", "3.0.3 ", "3.0.99", "", "3"])?;
    let root = doc.as_object_mut()?;
    if rng.percent(20) {
        root.insert("swagger".into(), json!("2.0"));
        return Some("add swagger: 2.0".to_owned());
    }
    root.insert("openapi".into(), json!(version));
    Some(format!("set /openapi to {version:?}"))
}
