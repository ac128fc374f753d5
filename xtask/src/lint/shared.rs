//! What the lint's checks share, below all of them: the HTTP methods of a path item, extension
//! keys, JSON media types, and how a value is shown in a problem.

use serde_json::Value;

pub use crate::refs::is_extension;

/// The HTTP methods an OpenAPI 3.0 path item may hold, in the order the spec lists them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Whether progenitor reads `media` as JSON.
pub fn is_json(media: &str) -> bool {
    media == "application/json" || media.starts_with("application/json;")
}

/// A value as messages show it: scalars as JSON, collections by kind.
pub(crate) fn shown(value: &Value) -> String {
    match value {
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a mapping".to_owned(),
        scalar => {
            let text = scalar.to_string();
            if text.chars().count() > 40 {
                format!("{}…", text.chars().take(40).collect::<String>())
            } else {
                text
            }
        }
    }
}
