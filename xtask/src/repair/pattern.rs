//! A `pattern` the regular expression engine of the generated code (`regress`, which typify
//! also checks patterns with) cannot compile, such as `(?i)^…`: typify refuses the schema.
//! The pattern is dropped; the client then does not check values against it (the server
//! still does).

use serde_json::Value;

use crate::problem::{Problem, join};

/// Drops each string `pattern` of a schema that `regress` refuses, one note each.
pub(super) fn repair(file: &str, doc: &mut Value, schemas: &[String], notes: &mut Vec<Problem>) {
    for at in schemas {
        let Some(Value::Object(schema)) = doc.pointer_mut(at) else {
            continue;
        };
        if schema.contains_key("$ref") {
            continue;
        }
        let Some(Value::String(pattern)) = schema.get("pattern") else {
            continue;
        };
        let Err(why) = regress::Regex::new(pattern) else {
            continue;
        };
        notes.push(Problem::at(
            file,
            join(at, "pattern"),
            format!(
                "pattern {} is not a regular expression the generated code can compile ({}): \
                 dropped, so the client does not check values against it",
                crate::lint_fields::shown(&Value::String(pattern.clone())),
                why.text
            ),
        ));
        schema.remove("pattern");
    }
}
