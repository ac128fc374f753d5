//! An operation's request body compared: added, removed, required, its media type, its schema.

use super::change::{Changes, is_required, norm};
use super::doc::{Matched, media};
use super::walk::{Direction, Place, Walk};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// Compares the request bodies of the operation `o` (old) and `n` (new).
pub(super) fn body_changes(matched: Matched<'_, '_>, out: &mut Changes) {
    let Matched {
        old_doc,
        o,
        new_doc,
        n,
    } = matched;
    let id = n.id.as_str();
    let body_targets = || {
        vec![
            Target::BuilderMember(norm(id), "body".to_owned()),
            Target::BuilderMember(norm(id), "bodymap".to_owned()),
            Target::Type(norm(id)),
        ]
    };
    let old_body = o
        .value
        .get("requestBody")
        .map(|b| old_doc.resolve(&join(&o.pointer, "requestBody"), b));
    let new_body = n
        .value
        .get("requestBody")
        .map(|b| new_doc.resolve(&join(&n.pointer, "requestBody"), b));
    match (old_body, new_body) {
        (None, None) => {}
        (None, Some((at, body, _))) => {
            let (change, what) = if is_required(body) {
                ("request-body-added-required", "a required")
            } else {
                ("request-body-added-optional", "an optional")
            };
            out.push(
                change,
                Some(id),
                &at,
                Side::New,
                format!("added {what} request body"),
                body_targets(),
            );
        }
        (Some((at, _, _)), None) => out.push(
            "request-body-removed",
            Some(id),
            &at,
            Side::Old,
            "removed the request body".to_owned(),
            body_targets(),
        ),
        (Some((_, old_body, _)), Some((at, new_body, _))) => {
            if !is_required(old_body) && is_required(new_body) {
                out.push(
                    "request-body-became-required",
                    Some(id),
                    &join(&at, "required"),
                    Side::New,
                    "the request body became required".to_owned(),
                    body_targets(),
                );
            }
            let (old_media, new_media) = (media(old_body), media(new_body));
            if let (Some((a, _)), Some((b, _))) = (old_media, new_media)
                && a != b
            {
                out.push(
                    "request-body-media-type-changed",
                    Some(id),
                    &join(&at, "content"),
                    Side::New,
                    format!("the request body's media type changed from {a} to {b}"),
                    body_targets(),
                );
            }
            if let (Some((a, Some(old_schema))), Some((b, Some(new_schema)))) =
                (old_media, new_media)
            {
                let place = Place::root(
                    id,
                    (Direction::Request, "request-body"),
                    "the request body".to_owned(),
                    "body".to_owned(),
                );
                let old_at = join(&join(&join(&o.pointer, "requestBody"), "content"), a);
                let new_at = join(&join(&at, "content"), b);
                Walk::new(old_doc, new_doc, out).schema(
                    &place,
                    &[],
                    (&join(&old_at, "schema"), old_schema),
                    (&join(&new_at, "schema"), new_schema),
                );
            }
        }
    }
}
