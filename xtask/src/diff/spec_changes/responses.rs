//! An operation's responses compared: statuses added and removed, media types, schemas.

use std::collections::BTreeMap;

use serde_json::Value;

use super::change::{Changes, norm};
use super::doc::{Matched, Op, media};
use super::walk::{Direction, Place, Walk};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// Whether `status` is a success (2xx).
fn is_success(status: &str) -> bool {
    status.starts_with('2')
}

/// Compares the responses of the operation `o` (old) and `n` (new).
pub(super) fn response_changes<'a>(matched: Matched<'_, 'a>, out: &mut Changes) {
    let Matched {
        old_doc,
        o,
        new_doc,
        n,
    } = matched;
    let id = n.id.as_str();
    let responses = |op: &Op<'a>| -> BTreeMap<String, &'a Value> {
        op.value
            .get("responses")
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
            .unwrap_or_default()
    };
    let (old_responses, new_responses) = (responses(o), responses(n));
    let send = || {
        vec![
            Target::BuilderMember(norm(id), "send".to_owned()),
            Target::Type(norm(id)),
        ]
    };
    // Statuses gone from the old side, then statuses new on the new side.
    for (gone, from, to, op_at) in [
        (true, &old_responses, &new_responses, &o.pointer),
        (false, &new_responses, &old_responses, &n.pointer),
    ] {
        for status in from.keys().filter(|s| !to.contains_key(*s)) {
            let kind = if is_success(status) {
                "success"
            } else {
                "non-success"
            };
            let (verb, side, note) = match (gone, is_success(status)) {
                (true, _) => ("removed", Side::Old, ""),
                (false, true) => (
                    "added",
                    Side::New,
                    " (a client built from the old spec does not expect it)",
                ),
                (false, false) => ("added", Side::New, ""),
            };
            out.push(
                &format!("response-{kind}-status-{verb}"),
                Some(id),
                &join(&join(op_at, "responses"), status),
                side,
                format!("{verb} the {kind} response with the status {status}{note}"),
                send(),
            );
        }
    }
    for (status, new_response) in &new_responses {
        let Some(old_response) = old_responses.get(status) else {
            continue;
        };
        let (old_at, old_response, _) =
            old_doc.resolve(&join(&join(&o.pointer, "responses"), status), old_response);
        let (new_at, new_response, _) =
            new_doc.resolve(&join(&join(&n.pointer, "responses"), status), new_response);
        let (old_media, new_media) = (media(old_response), media(new_response));
        let (a, b) = (old_media.map(|m| m.0), new_media.map(|m| m.0));
        if a != b {
            out.push(
                "response-media-type-changed",
                Some(id),
                &join(&new_at, "content"),
                Side::New,
                format!(
                    "the media type of the response with the status {status} changed from {} to {}",
                    a.unwrap_or("(no content)"),
                    b.unwrap_or("(no content)")
                ),
                send(),
            );
            continue;
        }
        if let (Some((a, Some(old_schema))), Some((b, Some(new_schema)))) = (old_media, new_media) {
            let place = Place::root(
                id,
                (Direction::Response, "response-body"),
                format!("the response body with the status {status}"),
                "send".to_owned(),
            );
            Walk::new(old_doc, new_doc, out).schema(
                &place,
                &[],
                (
                    &join(&join(&join(&old_at, "content"), a), "schema"),
                    old_schema,
                ),
                (
                    &join(&join(&join(&new_at, "content"), b), "schema"),
                    new_schema,
                ),
            );
        }
    }
}
