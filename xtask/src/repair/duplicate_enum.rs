//! An enum value listed twice: the later ones are dropped. typify would make two variants of
//! one name (a string enum) or keep the repeats (an integer enum).

use serde_json::Value;

use crate::problem::{Problem, join};

/// Drops each `enum` value of a schema that an earlier value equals, one note each.
pub(super) fn repair(file: &str, doc: &mut Value, schemas: &[String], notes: &mut Vec<Problem>) {
    for at in schemas {
        let Some(Value::Array(values)) = doc.pointer_mut(at).and_then(|s| s.get_mut("enum")) else {
            continue;
        };
        let enum_at = join(at, "enum");
        let mut kept: Vec<(usize, Value)> = Vec::new();
        for (i, value) in std::mem::take(values).into_iter().enumerate() {
            match kept.iter().find(|(_, earlier)| *earlier == value) {
                Some((first, _)) => notes.push(Problem::at(
                    file,
                    join(&enum_at, &i.to_string()),
                    format!(
                        "enum value {} is already at {}: dropped",
                        crate::lint_fields::shown(&value),
                        join(&enum_at, &first.to_string())
                    ),
                )),
                None => kept.push((i, value)),
            }
        }
        *values = kept.into_iter().map(|(_, value)| value).collect();
    }
}
