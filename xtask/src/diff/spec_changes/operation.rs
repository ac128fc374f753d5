//! An operation's changes: its id, security, parameters, request body and responses.

use std::collections::BTreeMap;

use serde_json::Value;

use super::doc::{Doc, Op};
use super::schema::{Direction, Place, Walk};
use super::{Changes, Side, Target, is_required, norm, operation_targets, shape};
use crate::problem::join;

pub(super) fn operation_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
    let id = n.id.as_str();
    if o.id != n.id {
        let mut targets = operation_targets(&o.id);
        targets.extend(operation_targets(&n.id));
        out.push(
            "api-operation-id-changed",
            Some(id),
            &join(&n.pointer, "operationId"),
            Side::New,
            format!(
                "the operationId of {} {} changed from {} to {}",
                n.method.to_uppercase(),
                n.path,
                o.id,
                n.id
            ),
            targets,
        );
    }
    for key in ["summary", "description"] {
        if o.value.get(key) != n.value.get(key) {
            out.push(
                "description-changed",
                Some(id),
                &join(&n.pointer, key),
                Side::New,
                format!("the {key} of operation {id} changed"),
                Vec::new(),
            );
        }
    }
    let (old_security, new_security) = (old_doc.security(o), new_doc.security(n));
    for scheme in new_security.difference(&old_security) {
        out.push(
            "api-security-added",
            Some(id),
            &join(&n.pointer, "security"),
            Side::New,
            format!("operation {id} now requires the security scheme {scheme}"),
            Vec::new(),
        );
    }
    for scheme in old_security.difference(&new_security) {
        out.push(
            "api-security-removed",
            Some(id),
            &join(&n.pointer, "security"),
            Side::New,
            format!("operation {id} no longer requires the security scheme {scheme}"),
            Vec::new(),
        );
    }
    parameter_changes(old_doc, o, new_doc, n, out);
    body_changes(old_doc, o, new_doc, n, out);
    response_changes(old_doc, o, new_doc, n, out);
}

pub(super) fn parameter_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
    let id = n.id.as_str();
    let (old_params, new_params) = (old_doc.parameters(o), new_doc.parameters(n));
    let gone: Vec<&(String, String)> = old_params
        .keys()
        .filter(|k| !new_params.contains_key(*k))
        .collect();
    let mut came: Vec<&(String, String)> = new_params
        .keys()
        .filter(|k| !old_params.contains_key(*k))
        .collect();
    let member = |name: &str| Target::BuilderMember(norm(id), norm(name));
    for key @ (place, name) in gone {
        let (old_at, old_param) = &old_params[key];
        // The same name somewhere else: moved. The same place and shape, another name: renamed.
        let moved = came.iter().position(|(p, m)| m == name && p != place);
        let renamed = || {
            let twins: Vec<usize> = came
                .iter()
                .enumerate()
                .filter(|(_, k)| {
                    k.0 == *place
                        && shape(&new_params[**k].1.get("schema").cloned().unwrap_or_default())
                            == shape(&old_param.get("schema").cloned().unwrap_or_default())
                        && is_required(new_params[**k].1) == is_required(old_param)
                })
                .map(|(i, _)| i)
                .collect();
            (twins.len() == 1).then(|| twins[0])
        };
        if let Some(i) = moved {
            let (new_at, _) = &new_params[came[i]];
            out.push(
                "request-parameter-location-changed",
                Some(id),
                new_at,
                Side::New,
                format!(
                    "the request parameter {name} moved from {place} to {}",
                    came[i].0
                ),
                vec![member(name)],
            );
            out.also(new_at, "request-parameter-location-changed", old_at);
            came.remove(i);
        } else if let Some(i) = renamed() {
            let (new_at, _) = &new_params[came[i]];
            let new_name = &came[i].1;
            out.push(
                "request-parameter-renamed",
                Some(id),
                new_at,
                Side::New,
                format!("the {place} request parameter {name} was renamed {new_name}"),
                vec![member(name), member(new_name)],
            );
            out.also(new_at, "request-parameter-renamed", old_at);
            came.remove(i);
        } else {
            out.push(
                "request-parameter-removed",
                Some(id),
                old_at,
                Side::Old,
                format!("removed the {place} request parameter {name} (the server ignores it now)"),
                vec![member(name)],
            );
        }
    }
    for key @ (place, name) in came {
        let (new_at, param) = &new_params[key];
        let (change, what) = if is_required(param) {
            ("new-required-request-parameter", "required")
        } else {
            ("new-optional-request-parameter", "optional")
        };
        out.push(
            change,
            Some(id),
            new_at,
            Side::New,
            format!("added the {what} {place} request parameter {name}"),
            vec![member(name), Target::Type(norm(id))],
        );
    }
    for (key @ (place, name), (new_at, new_param)) in &new_params {
        let Some((old_at, old_param)) = old_params.get(key) else {
            continue;
        };
        match (is_required(old_param), is_required(new_param)) {
            (false, true) => out.push(
                "request-parameter-became-required",
                Some(id),
                &join(new_at, "required"),
                Side::New,
                format!("the {place} request parameter {name} became required"),
                vec![member(name)],
            ),
            (true, false) => out.push(
                "request-parameter-became-optional",
                Some(id),
                &join(new_at, "required"),
                Side::New,
                format!("the {place} request parameter {name} became optional"),
                vec![member(name)],
            ),
            _ => {}
        }
        if old_param.get("description") != new_param.get("description") {
            out.push(
                "description-changed",
                Some(id),
                &join(new_at, "description"),
                Side::New,
                format!("the description of the {place} request parameter {name} changed"),
                Vec::new(),
            );
        }
        if let (Some(a), Some(b)) = (old_param.get("schema"), new_param.get("schema")) {
            let place = Place {
                op: id.to_owned(),
                direction: Direction::Request,
                prefix: "request-parameter",
                subject: format!("the {place} request parameter {name}"),
                root_type: norm(id),
                member: norm(name),
            };
            Walk::new(old_doc, new_doc, out).schema(
                &place,
                &[],
                (&join(old_at, "schema"), a),
                (&join(new_at, "schema"), b),
            );
        }
    }
}

/// The `application/json` (or first) media type of a body or response: (media type, schema).
pub(super) fn media(holder: &Value) -> Option<(&str, Option<&Value>)> {
    let content = holder.get("content")?.as_object()?;
    let (name, body) = content
        .iter()
        .find(|(m, _)| m.starts_with("application/json"))
        .or_else(|| content.iter().next())?;
    Some((name.as_str(), body.get("schema")))
}

pub(super) fn body_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
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
                let place = Place {
                    op: id.to_owned(),
                    direction: Direction::Request,
                    prefix: "request-body",
                    subject: "the request body".to_owned(),
                    root_type: norm(id),
                    member: "body".to_owned(),
                };
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

pub(super) fn is_success(status: &str) -> bool {
    status.starts_with('2')
}

pub(super) fn response_changes<'a>(
    old_doc: &Doc<'a>,
    o: &Op<'a>,
    new_doc: &Doc<'a>,
    n: &Op<'a>,
    out: &mut Changes,
) {
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
            let place = Place {
                op: id.to_owned(),
                direction: Direction::Response,
                prefix: "response-body",
                subject: format!("the response body with the status {status}"),
                root_type: norm(id),
                member: "send".to_owned(),
            };
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
