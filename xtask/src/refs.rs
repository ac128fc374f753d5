//! Which `$ref` keys of a document are references: one reading for every walker that checks
//! ([`crate::lint`]), follows ([`crate::keep`]) or rewrites ([`crate::rename`]) them.
//!
//! A document mixes three kinds of keys: OpenAPI and JSON Schema keywords, where `$ref` is a
//! reference; names chosen by the author (`properties`, `paths`, `content`…), where a key
//! spelt `$ref` is a name like any other; and data (`example`, `default`, `enum`, `const`,
//! extensions `x-…`, an Example object's `value`), where nothing is a reference. A `$ref` in
//! an example value is the author's data, never resolved, checked or rewritten.

use serde_json::Value;

/// What the keys of an object being walked are.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Keys {
    /// OpenAPI or JSON Schema keywords: `$ref` is a reference, and `example`, `default`,
    /// `enum`, `const` and extensions (`x-…`) hold data.
    Keywords,
    /// Names chosen by the author (`properties`, `content`…): each value is an object of
    /// keywords, and a key spelt `$ref` is a name like any other.
    Names,
    /// Names of paths or of an operation's statuses (`paths`, `responses`), beside which a
    /// key `x-…` is an extension, whose value is data.
    NamesOrExtensions,
    /// Names of Example objects (`examples`), whose `value` is data.
    Examples,
    /// An Example object: keywords, but its `value` is data.
    Example,
}

/// The keywords whose values are maps from names to objects.
const NAME_MAPS: [&str; 17] = [
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "schemas",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "paths",
    "content",
    "encoding",
    "variables",
    "mapping",
];

/// The keywords whose values are data: a `$ref` key inside them is not a reference.
const DATA: [&str; 4] = ["example", "default", "enum", "const"];

/// Whether `key` names an extension (`x-…`), whose value is data.
pub fn is_extension(key: &str) -> bool {
    key.starts_with("x-")
}

impl Keys {
    /// Whether a key `$ref` among these keys is a reference (and not a name).
    pub fn has_refs(self) -> bool {
        matches!(self, Keys::Keywords | Keys::Example)
    }

    /// What the keys of `value`, found at `key` among these keys in the object at pointer
    /// `at`, are; `None` if `value` is data, with no reference in it.
    pub fn of(self, at: &str, key: &str, value: &Value) -> Option<Keys> {
        Some(match self {
            Keys::NamesOrExtensions if is_extension(key) => return None,
            Keys::Names | Keys::NamesOrExtensions => Keys::Keywords,
            Keys::Examples => Keys::Example,
            Keys::Example if key == "value" => return None,
            Keys::Keywords | Keys::Example => {
                if DATA.contains(&key) || is_extension(key) {
                    return None;
                }
                if key == "examples" {
                    // A list of values (JSON Schema), or Example objects by name.
                    if value.is_array() {
                        return None;
                    }
                    Keys::Examples
                } else if ((key == "paths" && at.is_empty())
                    || (key == "responses" && at != "/components"))
                    && value.is_object()
                {
                    Keys::NamesOrExtensions
                } else if NAME_MAPS.contains(&key) && value.is_object() {
                    Keys::Names
                } else {
                    Keys::Keywords
                }
            }
        })
    }
}

/// Calls `change` on every `$ref` string below `node` (at pointer `at`, whose keys are
/// `keys`) that is a reference, not data.
pub fn rewrite(node: &mut Value, at: &str, keys: Keys, change: &mut dyn FnMut(&mut String)) {
    match node {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                let Some(inner) = keys.of(at, key, value) else {
                    continue;
                };
                if keys.has_refs() && key == "$ref" {
                    if let Value::String(target) = value {
                        change(target);
                    }
                    continue;
                }
                rewrite(value, &crate::problem::join(at, key), inner, change);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                rewrite(
                    item,
                    &crate::problem::join(at, &i.to_string()),
                    keys,
                    change,
                );
            }
        }
        _ => {}
    }
}
