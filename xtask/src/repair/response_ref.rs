//! A schema that is a `$ref` to a response (`#/components/responses/X`), as Supabase Auth's
//! unlink operation writes its 401 and 403: it stands for that response's JSON schema
//! (`content.application/json.schema`, itself often a `$ref`). progenitor and typify read a
//! `$ref` by its last segment only, so left alone it names the schema `X`, or nothing. A
//! response without a JSON schema is left for [`crate::lint::check_ref_kinds`] to refuse.

use serde_json::Value;

use crate::lint::is_json;
use crate::problem::{Problem, join};

/// The prefix of a `$ref` to a response.
const RESPONSES: &str = "#/components/responses/";

/// Replaces each schema that is a `$ref` to a response by the response's JSON schema, one
/// note each (at the `$ref`).
pub(super) fn repair(file: &str, doc: &mut Value, schemas: &[String], notes: &mut Vec<Problem>) {
    for at in schemas {
        let Some(target) = doc
            .pointer(at)
            .and_then(|s| s.get("$ref"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        let Some((schema_at, schema)) = json_schema(doc, target) else {
            continue;
        };
        let instead = match schema.get("$ref").and_then(Value::as_str) {
            // Another response: no progress, left to the lint.
            Some(next) if next.starts_with(RESPONSES) => continue,
            Some(next) => format!("$ref {next:?}"),
            None => format!("given inline at {schema_at}"),
        };
        notes.push(Problem::at(
            file,
            join(at, "$ref"),
            format!(
                "$ref {target:?} is a response, not a schema: replaced by its JSON schema, {instead}"
            ),
        ));
        if let Some(node) = doc.pointer_mut(at) {
            *node = schema;
        }
    }
}

/// The JSON schema of the response `target` names (`#/components/responses/<name>`, through
/// a chain of `$ref`s to responses), with its pointer.
fn json_schema(doc: &Value, target: &str) -> Option<(String, Value)> {
    let mut target = target;
    for _ in 0..16 {
        let name = target.strip_prefix(RESPONSES)?;
        if name.contains('/') {
            return None; // Inside a response: not a response.
        }
        let at = target.strip_prefix('#')?;
        let response = doc.pointer(at)?;
        if let Some(next) = response.get("$ref") {
            target = next.as_str()?;
            continue;
        }
        let (media, content) = response
            .get("content")?
            .as_object()?
            .iter()
            .find(|(media, _)| is_json(media))?;
        let schema = content.get("schema").filter(|s| s.is_object())?;
        let schema_at = join(&join(&join(at, "content"), media), "schema");
        return Some((schema_at, schema.clone()));
    }
    None
}
