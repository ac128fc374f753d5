//! An operation's parameters compared: removed, added, moved, renamed, required or not, their
//! descriptions and schemas.

use std::collections::BTreeMap;

use serde_json::Value;

use super::change::{Changes, is_required, norm, shape};
use super::doc::{Doc, Matched};
use super::walk::{Direction, Place, Walk};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// An operation's parameters: (in, name) → (pointer, parameter).
type Params<'a> = BTreeMap<(String, String), (String, &'a Value)>;

/// The builder method a parameter `name` of the operation `id` is set through.
fn member(id: &str, name: &str) -> Target {
    Target::BuilderMember(norm(id), norm(name))
}

/// Compares the parameters of the operation `o` (old) and `n` (new).
pub(super) fn parameter_changes(matched: Matched<'_, '_>, out: &mut Changes) {
    let Matched {
        old_doc,
        o,
        new_doc,
        n,
    } = matched;
    let id = n.id.as_str();
    let (old_params, new_params) = (old_doc.parameters(o), new_doc.parameters(n));
    let came = removed_parameters(id, &old_params, &new_params, out);
    for key @ (place, name) in &came {
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
            vec![member(id, name), Target::Type(norm(id))],
        );
    }
    for (key, new) in &new_params {
        if let Some(old) = old_params.get(key) {
            kept_parameter(id, key, (old_doc, old), (new_doc, new), out);
        }
    }
}

/// The one parameter come at the same place with the same shape and requiredness as `old`.
fn twin(
    came: &[(String, String)],
    place: &str,
    old: &Value,
    new_params: &Params<'_>,
) -> Option<usize> {
    let schema = |param: &Value| shape(&param.get("schema").cloned().unwrap_or_default());
    let twins: Vec<usize> = came
        .iter()
        .enumerate()
        .filter(|(_, k)| {
            let new = new_params[*k].1;
            k.0 == place && schema(new) == schema(old) && is_required(new) == is_required(old)
        })
        .map(|(i, _)| i)
        .collect();
    (twins.len() == 1).then(|| twins[0])
}

/// Records the parameters gone from the old side, each moved (the same name somewhere else),
/// renamed (the same place and shape, another name) or removed; returns the ones come that
/// neither took.
fn removed_parameters(
    id: &str,
    old_params: &Params<'_>,
    new_params: &Params<'_>,
    out: &mut Changes,
) -> Vec<(String, String)> {
    let gone: Vec<&(String, String)> = old_params
        .keys()
        .filter(|k| !new_params.contains_key(*k))
        .collect();
    let mut came: Vec<(String, String)> = new_params
        .keys()
        .filter(|k| !old_params.contains_key(*k))
        .cloned()
        .collect();
    for key @ (place, name) in gone {
        let (old_at, old_param) = &old_params[key];
        let moved = came.iter().position(|(p, m)| m == name && p != place);
        if let Some(i) = moved {
            let (new_at, _) = &new_params[&came[i]];
            out.push(
                "request-parameter-location-changed",
                Some(id),
                new_at,
                Side::New,
                format!(
                    "the request parameter {name} moved from {place} to {}",
                    came[i].0
                ),
                vec![member(id, name)],
            );
            out.also(new_at, "request-parameter-location-changed", old_at);
            came.remove(i);
        } else if let Some(i) = twin(&came, place, old_param, new_params) {
            let (new_at, _) = &new_params[&came[i]];
            let new_name = &came[i].1;
            out.push(
                "request-parameter-renamed",
                Some(id),
                new_at,
                Side::New,
                format!("the {place} request parameter {name} was renamed {new_name}"),
                vec![member(id, name), member(id, new_name)],
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
                vec![member(id, name)],
            );
        }
    }
    came
}

/// Compares a parameter `(place, name)` of the operation `id` present on both sides: required
/// or not, its description, its schema.
fn kept_parameter<'a>(
    id: &str,
    (place, name): &(String, String),
    (old_doc, (old_at, old_param)): (&Doc<'a>, &(String, &'a Value)),
    (new_doc, (new_at, new_param)): (&Doc<'a>, &(String, &'a Value)),
    out: &mut Changes,
) {
    let became = match (is_required(old_param), is_required(new_param)) {
        (false, true) => Some("required"),
        (true, false) => Some("optional"),
        _ => None,
    };
    if let Some(became) = became {
        out.push(
            &format!("request-parameter-became-{became}"),
            Some(id),
            &join(new_at, "required"),
            Side::New,
            format!("the {place} request parameter {name} became {became}"),
            vec![member(id, name)],
        );
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
        let place = Place::root(
            id,
            (Direction::Request, "request-parameter"),
            format!("the {place} request parameter {name}"),
            norm(name),
        );
        Walk::new(old_doc, new_doc, out).schema(
            &place,
            &[],
            (&join(old_at, "schema"), a),
            (&join(new_at, "schema"), b),
        );
    }
}
