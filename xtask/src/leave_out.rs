//! Operations that progenitor 0.15.1 cannot express are left out of the client, each with a
//! note naming it (operationId and `METHOD /path`) and why, at the deepest pointer: one such
//! operation is no reason to refuse the whole document. `cargo xtask generate --strict`
//! refuses them instead.
//!
//! An operation is left out when:
//!
//! - its request body has no media type progenitor can send (`multipart/form-data`,
//!   `application/pkix-cert`, `application/merge-patch+json`; see
//!   [`crate::request_body::BODY_MEDIA_TYPES`]);
//! - two of its parameters become one Rust argument (`frontendApi` and `frontend_api`), or one
//!   is named like its builder's own methods ([`crate::lint_names::parameter_problems`]);
//! - it has a cookie parameter (progenitor refuses every one).
//!
//! It is removed from its path item (and a path item left without operations, from `paths`)
//! before any other rewrite, so nothing made for it remains (no `oneOf` of its responses).
//! Nothing else in a document can refer to an operation but a link's `operationId`, which
//! progenitor ignores. The component schemas it used are still generated: progenitor generates
//! every one.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::lint::METHODS;
use crate::problem::{Problem, join, unescape};
use crate::request_body::resolve;

/// Each operation progenitor cannot express, by its pointer (`/paths/~1x/get`): the reasons,
/// each a problem at the deepest pointer that explains it.
pub fn inexpressible(file: &str, doc: &Value) -> BTreeMap<String, Vec<Problem>> {
    let mut found: BTreeMap<String, Vec<Problem>> = BTreeMap::new();
    for (op_at, problem) in crate::request_body::unsendable_bodies(file, doc) {
        found.entry(op_at).or_default().push(problem);
    }
    for operation in crate::lint_names::operations(doc) {
        let mut reasons = crate::lint_names::parameter_problems(file, doc, &operation);
        for (holder_at, holder) in [
            (&operation.item_at, operation.item),
            (&operation.at, operation.op),
        ] {
            let list = holder.get("parameters").and_then(Value::as_array);
            for (i, parameter) in list.into_iter().flatten().enumerate() {
                let parameter = resolve(doc, parameter);
                if parameter.get("in").and_then(Value::as_str) != Some("cookie") {
                    continue;
                }
                let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
                reasons.push(Problem::at(
                    file,
                    join(&join(&join(holder_at, "parameters"), &i.to_string()), "in"),
                    format!(
                        "cookie parameter {name:?}: progenitor 0.15.1 cannot send a cookie \
                         parameter"
                    ),
                ));
            }
        }
        if !reasons.is_empty() {
            found.entry(operation.at).or_default().extend(reasons);
        }
    }
    found
}

/// Removes from `doc` each operation that progenitor cannot express ([`inexpressible`]), and
/// returns a note for each reason: `operation "x" (PUT /x) left out of the client: …`.
pub fn leave_out(file: &str, doc: &mut Value) -> Vec<Problem> {
    let mut notes = Vec::new();
    for (op_at, reasons) in inexpressible(file, doc) {
        let Some((item_at, method)) = op_at.rsplit_once('/') else {
            continue;
        };
        let path = unescape(item_at.strip_prefix("/paths/").unwrap_or(item_at));
        let id = doc
            .pointer(&join(&op_at, "operationId"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        for reason in reasons {
            notes.push(Problem {
                message: format!(
                    "operation {id:?} ({} {path}) left out of the client: {} (`cargo xtask \
                     generate --strict` refuses it instead)",
                    method.to_uppercase(),
                    reason.message
                ),
                ..reason
            });
        }
        let Some(item) = doc.pointer_mut(item_at).and_then(Value::as_object_mut) else {
            continue;
        };
        item.remove(method);
        if !METHODS.iter().any(|m| item.contains_key(*m))
            && let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut)
        {
            paths.remove(&path);
        }
    }
    notes
}
