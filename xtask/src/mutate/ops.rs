//! The mutations: changes to a parsed document (delete a key, change a type, duplicate a
//! name, inject prose…) and to a file's text (nest deeply, break a line, YAML's own features).
//!
//! Each mutation returns what it did, in one line, or `None` when the document has nothing it
//! applies to (the caller then draws another).

use serde_json::{Value, json};

use super::rng::Rng;
use super::tree::{
    NodePath, Seg, all_paths, get, get_mut, is_operation, is_schema, key_or_list_key, last_key,
    pointer,
};

/// Prose a document's author controls: descriptions, summaries, titles.
pub(super) const PROSE: &[&str] = &[
    "```\nstd::fs::write(\"pwned-by-doctest\", \"\").unwrap();\n```",
    "Run this:\n```rust\nfn main() { panic!(\"a doctest ran\") }\n```\nDone.",
    "Example:\n\n    curl -X POST https://example.invalid/x -d '{}'\n\nEnd.",
    "    an indented first line",
    "~~~\nlet x = 1;\n~~~",
    "```ignore\nnot rust\n```",
    "```text\nplain\n```\n```\nunterminated",
    "The \"Acme\" API, with a \\ backslash",
    "Line one\n[build]\nbuild = \"../../specs/inject_build.rs\"",
    "x\"\nbuild = \"build.rs\"\n[package.metadata]\ny = \"",
    "title\n#![cfg(any())]\npub fn injected() {}\n//",
    "*/ pub fn injected() {} /*",
    "\u{1b}[31mred\u{1b}[0m and \u{7}bell",
    "right\u{202e}gnol and \u{2066}isolate\u{2069}",
    "nul\u{0}byte",
    "carriage\rreturn\r\nand CRLF",
    "\u{feff}byte order mark",
    "line\u{2028}separator\u{2029}paragraph\u{85}next line",
    "tab\tand\u{7f}delete",
    "{} {0} {name} %s %n {{",
    "'''\n\"\"\"\n r#\"raw\"#",
    "<script>alert(1)</script> [link](javascript:alert(1)) [`Client`] [crate::x]",
    "",
    " ",
    "\n",
    "#[doc = \"x\"]\n#![allow(warnings)]",
    "\\u{1b} \\n \\\"",
    "é 日本語 🙂 \u{0301}",
    "[package]\nname = \"other\"",
    "\"\"\"\ndescription = \"",
];

/// Names a document's author controls: operationIds, properties, parameters, schemas, enum
/// values, tags.
pub(super) const IDENTS: &[&str] = &[
    "",
    " ",
    "x",
    "X",
    "123",
    "1abc",
    "fn",
    "self",
    "Self",
    "super",
    "crate",
    "type",
    "r#type",
    "async",
    "await",
    "dyn",
    "try",
    "union",
    "a b",
    "a-b",
    "a.b",
    "a/b",
    "a\"b",
    "a'b",
    "a\nb",
    "a\u{0}b",
    "a\u{202e}b",
    "é",
    "日本",
    "🙂",
    "_",
    "__",
    "-",
    "$ref",
    "Client",
    "Error",
    "ResponseValue",
    "builder",
    "types",
    "new",
    "baseurl",
    "Result",
    "Option",
    "String",
    "Vec",
    "Box",
    "std",
    "core",
    "progenitor_client",
    "reqwest",
    "a_",
    "_a",
    "A_B",
    "aB",
    "ab",
    "AB",
    "{id}",
    "~1",
    "%20",
    "\\",
    "a::b",
    "<T>",
    "clone",
    "drop",
    "main",
];

/// Where a `$ref` can be sent.
const REF_TARGETS: &[&str] = &[
    "#/components/responses/x",
    "#/components/schemas/Missing",
    "#/components/parameters/x",
    "#/components/requestBodies/x",
    "#",
    "",
    "#/",
    "other.yaml#/components/schemas/X",
    "https://example.invalid/spec.yaml#/X",
    "#/paths",
    "#/info/title",
    "#/components/schemas",
    "#components/schemas/X",
    "#/components/schemas/~2",
    "#/components/schemas/a%20b",
];

/// What a parameter's `in` can be instead of a valid place.
const PARAMETER_PLACES: &[&str] = &[
    "qurey", "body", "formData", "cookie", "header", "path", "query", "", "Query", "PATH",
];

/// Paths a document can name.
const PATH_KEYS: &[&str] = &[
    "/a/{b}/{b}",
    "x",
    "",
    "/",
    "/{}",
    "/a b",
    "/{id",
    "/..",
    "//",
    "/a?b=c",
    "/a#b",
    "/{id}/{missing}",
    "/é/{日本}",
    "/{a}{b}",
    "/{self}",
    "/{type}",
];

/// Formats a schema can claim.
const FORMATS: &[&str] = &[
    "date-time",
    "date",
    "uuid",
    "binary",
    "byte",
    "int128",
    "uint8",
    "int8",
    "float",
    "double",
    "ip",
    "ipv4",
    "ipv6",
    "uri",
    "email",
    "password",
    "🙂",
    "",
    "int64",
    "uint64",
];

/// Whole values that replace a node of another type.
fn other_values(rng: &mut Rng, original: &Value) -> Value {
    let candidates = [
        json!("x"),
        json!(""),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(1e300),
        json!(true),
        json!(false),
        Value::Null,
        json!([]),
        json!([original.clone()]),
        json!({}),
        json!({ "x": original.clone() }),
        json!(PROSE[rng.below(PROSE.len())]),
    ];
    let kind = |v: &Value| std::mem::discriminant(v);
    let differing: Vec<&Value> = candidates
        .iter()
        .filter(|v| kind(v) != kind(original))
        .collect();
    (*rng.pick(&differing).expect("several types differ")).clone()
}

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
fn words(name: &str) -> Vec<String> {
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
fn find(doc: &Value, keep: impl Fn(&[Seg], &Value) -> bool) -> Vec<NodePath> {
    all_paths(doc)
        .into_iter()
        .filter(|path| get(doc, path).is_some_and(|node| keep(path, node)))
        .collect()
}

/// One node of `doc` that `keep` accepts, if any.
fn pick_node(
    rng: &mut Rng,
    doc: &Value,
    keep: impl Fn(&[Seg], &Value) -> bool,
) -> Option<NodePath> {
    rng.pick(&find(doc, keep)).cloned()
}

/// A mutation of a parsed document.
type DocMutation = fn(&mut Rng, &mut Value) -> Option<String>;

/// The mutations of an OpenAPI document, each with its weight.
const SPEC_MUTATIONS: &[(u64, DocMutation)] = &[
    (14, delete_key),
    (12, change_type),
    (16, duplicate_name),
    (5, nest_schema),
    (10, inject_prose),
    (8, hostile_name),
    (8, ref_mischief),
    (5, parameter_place),
    (3, empty_operation_id),
    (8, schema_keyword),
    (5, response_shape),
    (5, copy_subtree),
    (2, openapi_version),
];

/// The mutations of an Overlay document, each with its weight.
const OVERLAY_MUTATIONS: &[(u64, DocMutation)] = &[
    (20, overlay_action),
    (10, delete_key),
    (10, change_type),
    (6, inject_prose),
    (4, copy_subtree),
];

/// Applies one mutation drawn from `table` (by weight) to `doc`; `None` if none of the few
/// drawn applied.
fn apply_one(rng: &mut Rng, doc: &mut Value, table: &[(u64, DocMutation)]) -> Option<String> {
    let total: u64 = table.iter().map(|(weight, _)| weight).sum();
    for _ in 0..12 {
        let mut draw = rng.next_u64() % total;
        let mutation = table
            .iter()
            .find(|(weight, _)| {
                if draw < *weight {
                    true
                } else {
                    draw -= weight;
                    false
                }
            })
            .map(|(_, mutation)| *mutation)
            .expect("the draw is below the total");
        if let Some(done) = mutation(rng, doc) {
            return Some(done);
        }
    }
    None
}

/// Applies one mutation suited to an OpenAPI document (`overlay` false) or an overlay.
pub(super) fn mutate_document(rng: &mut Rng, doc: &mut Value, overlay: bool) -> Option<String> {
    let table = if overlay {
        OVERLAY_MUTATIONS
    } else {
        SPEC_MUTATIONS
    };
    apply_one(rng, doc, table)
}

fn delete_key(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, _| matches!(path.last(), Some(Seg::Key(_))))?;
    let (Seg::Key(key), parent) = path.split_last()? else {
        return None;
    };
    get_mut(doc, parent)?.as_object_mut()?.remove(key)?;
    Some(format!("delete {}", pointer(&path)))
}

fn change_type(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let path = pick_node(rng, doc, |path, _| !path.is_empty())?;
    let node = get_mut(doc, &path)?;
    let new = other_values(rng, node);
    let shown = short(&new);
    *node = new;
    Some(format!("change {} to {shown}", pointer(&path)))
}

/// A value in one short line, for a mutation's description.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

fn duplicate_name(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn operation_ids(doc: &Value) -> Vec<(NodePath, String)> {
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

/// An operation with an inline request body beside a component schema named as progenitor
/// names that body (`<OperationId>Body`), with other properties.
fn body_beside_component(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

/// Wraps a schema in 2 to 64 levels of arrays, objects or compositions.
fn nest_schema(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn inject_prose(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn hostile_name(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn ref_mischief(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn parameter_place(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn empty_operation_id(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn schema_keyword(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn response_shape(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn copy_subtree(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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

fn openapi_version(rng: &mut Rng, doc: &mut Value) -> Option<String> {
    let version = *rng.pick(&["3.1.0", "2.0", "3.0", "4.0.0", "3.0.3 ", "3.0.99", "", "3"])?;
    let root = doc.as_object_mut()?;
    if rng.percent(20) {
        root.insert("swagger".into(), json!("2.0"));
        return Some("add swagger: 2.0".to_owned());
    }
    root.insert("openapi".into(), json!(version));
    Some(format!("set /openapi to {version:?}"))
}

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

fn overlay_action(rng: &mut Rng, doc: &mut Value) -> Option<String> {
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
pub(super) fn synthesize_overlay(rng: &mut Rng, doc: &Value) -> (Value, String) {
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

/// A mutation of a file's text, after any mutation of its parsed document.
pub(super) fn mutate_text(rng: &mut Rng, text: &str, json: bool) -> Option<(String, String)> {
    match rng.below(20) {
        0..=5 => nest_text(rng, text, json),
        6..=7 => {
            let c = *rng.pick(&[
                '\0', '\u{1b}', '\u{202e}', '\u{feff}', '\r', '\t', '\u{85}', '\u{2028}', '\u{7f}',
                '\u{fffd}',
            ])?;
            let at = char_boundary(text, rng.below(text.len() + 1));
            Some((
                format!("{}{c}{}", &text[..at], &text[at..]),
                format!("insert {:?} at byte {at}", c),
            ))
        }
        8..=12 => line_edit(rng, text),
        13 => {
            let at = char_boundary(text, rng.below(text.len() + 1));
            Some((text[..at].to_owned(), format!("truncate at byte {at}")))
        }
        _ if json => None,
        _ => yaml_feature(rng, text),
    }
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Nests a value 100, 200 or 10,000 levels deep in flow (`[[[…]]]`, `{a: {a: …}}`) or block
/// (`- - - x`, indented mappings) style.
fn nest_text(rng: &mut Rng, text: &str, json: bool) -> Option<(String, String)> {
    let depth = *rng.pick(&[100, 200, 200, 200, 10_000])?;
    let style = if json { rng.below(2) } else { rng.below(4) };
    let nested = match style {
        0 => format!("{}1{}", "[".repeat(depth), "]".repeat(depth)),
        1 if json => format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        1 => format!("{}1{}", "{a: ".repeat(depth), "}".repeat(depth)),
        2 => format!("\n{}x", "- ".repeat(depth)),
        _ => {
            let depth = depth.min(200);
            let mut block = String::new();
            for level in 0..depth {
                block.push('\n');
                block.push_str(&" ".repeat(level + 1));
                block.push_str("a:");
            }
            block.push_str(" 1");
            block
        }
    };
    let kind = [
        "flow lists",
        "flow mappings",
        "block lists",
        "block mappings",
    ][style];
    // The value of a random `key: value` line (or `"key": value,` in JSON), or the whole file.
    let lines: Vec<(usize, &str)> = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter_map(|start| {
            let line = text[start..].lines().next()?;
            let colon = if json {
                line.find("\": ")
            } else {
                line.find(": ")
            }?;
            let value_start = start + colon + if json { 3 } else { 2 };
            let rest = &text[value_start..start + line.len()];
            // A scalar value, not the opening of a JSON object or list.
            (!rest.is_empty() && !rest.starts_with(['{', '['])).then_some((value_start, rest))
        })
        .collect();
    if style >= 2 && lines.is_empty() {
        return None;
    }
    match rng.pick(&lines) {
        Some(&(start, rest)) if rng.percent(85) => {
            let end = if json {
                start + rest.trim_end_matches(',').len()
            } else {
                start + rest.len()
            };
            let at = line_column(text, start);
            Some((
                format!("{}{nested}{}", &text[..start], &text[end..]),
                format!("nest the value at {at} {depth} levels of {kind}"),
            ))
        }
        _ if style < 2 => Some((nested, format!("the whole file: {depth} levels of {kind}"))),
        _ => None,
    }
}

/// `line:column` (1-based) of byte `at`.
fn line_column(text: &str, at: usize) -> String {
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{column}")
}

fn line_edit(rng: &mut Rng, text: &str) -> Option<(String, String)> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.len() < 2 {
        return None;
    }
    let at = rng.below(lines.len());
    let done = match rng.below(3) {
        0 => {
            lines.remove(at);
            format!("delete line {}", at + 1)
        }
        1 => {
            lines.insert(at, lines[at]);
            format!("duplicate line {}", at + 1)
        }
        _ => {
            let other = rng.below(lines.len());
            lines.swap(at, other);
            format!("swap lines {} and {}", at + 1, other + 1)
        }
    };
    Some((lines.join("\n"), done))
}

/// YAML's own features, appended as a new top-level key or replacing the file's head.
fn yaml_feature(rng: &mut Rng, text: &str) -> Option<(String, String)> {
    let (addition, what) = match rng.below(8) {
        0 => {
            // Nine levels of nine aliases: 387 million nodes if expanded.
            let mut bomb = String::from("x-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
            for level in 1..9 {
                let previous = level - 1;
                bomb.push_str(&format!(
                    "  a{level}: &a{level} [{}]\n",
                    vec![format!("*a{previous}"); 9].join(", ")
                ));
            }
            (bomb, "an alias bomb")
        }
        1 => (
            "x-base: &base\n  description: merged\n  responses: {}\nx-merged:\n  <<: *base\n  other: 1\n"
                .to_owned(),
            "a merge key",
        ),
        2 => ("x-tagged: !Custom {a: 1}\nx-binary: !!binary aGVsbG8=\n".to_owned(), "tags"),
        3 => ("---\nopenapi: 3.0.3\n".to_owned(), "a second document"),
        4 => ("1: one\n? [a, b]\n: complex\nnull: nothing\ntrue: yes\n".to_owned(), "keys that are not strings"),
        5 => (
            "x-numbers: [123456789012345678901234567890, .nan, .inf, -.inf, 0x1F, 0o17, 1e999]\n".to_owned(),
            "numbers beyond i64 and f64",
        ),
        6 => ("x-self: &self\n  a: *self\n".to_owned(), "an alias to itself"),
        _ => ("x-anchor: *undefined\n".to_owned(), "an undefined alias"),
    };
    Some((format!("{text}\n{addition}"), format!("append {what}")))
}
