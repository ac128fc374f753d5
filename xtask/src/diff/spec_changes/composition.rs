//! A schema's value constraints, `oneOf`/`anyOf`/`allOf` members and discriminator mapping.
//!
//! Uses `walk` only: the members kept on both sides go back to `schema`, which compares them
//! (`schema` → `composition` → `walk`, never back).

use std::collections::BTreeMap;

use serde_json::Value;

use super::change::{norm, shown};
use super::walk::{Direction, Here, Walk};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// The members of a schema's `oneOf`, `anyOf` or `allOf`: (name, schema), a `$ref`'s member
/// named by its component, an inline one by its title or its position.
pub(super) fn members<'a>(schema: &'a Value, keyword: &str) -> Vec<(String, &'a Value)> {
    let list = schema.get(keyword).and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .enumerate()
        .map(|(i, member)| {
            let name = match member.get("$ref").and_then(Value::as_str) {
                Some(target) => {
                    crate::problem::unescape(target.rsplit('/').next().unwrap_or(target))
                }
                None => member
                    .get("title")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("#{i}"), str::to_owned),
            };
            (name, member)
        })
        .collect()
}

/// A discriminator's mapping: value → `$ref`.
pub(super) fn mapping(schema: &Value) -> BTreeMap<String, String> {
    let map = schema
        .pointer("/discriminator/mapping")
        .and_then(Value::as_object);
    map.into_iter()
        .flatten()
        .map(|(value, target)| {
            (
                value.clone(),
                target.as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The composition keywords, each with its rule ids' part.
pub(super) const COMPOSITIONS: [(&str, &str); 3] = [
    ("oneOf", "one-of"),
    ("anyOf", "any-of"),
    ("allOf", "all-of"),
];

/// A member kept on both sides: (pointer, schema) of the old and new side.
pub(super) type Kept<'a> = ((String, &'a Value), (String, &'a Value));

/// The keywords that constrain values, each compared by [`tightening`].
pub(super) const CONSTRAINTS: [&str; 13] = [
    "maxLength",
    "maximum",
    "maxItems",
    "maxProperties",
    "minLength",
    "minimum",
    "minItems",
    "minProperties",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "uniqueItems",
    "pattern",
    "multipleOf",
];

/// How a constraint moved from `old` to `new`: `tightened`, `loosened`, `changed` (neither
/// contains the other), or `None` (the same). A `min…Length/Items/Properties` of 0 and a
/// `false` flag constrain nothing.
pub(super) fn tightening(
    keyword: &str,
    old: Option<&Value>,
    new: Option<&Value>,
) -> Option<&'static str> {
    let counts = keyword.starts_with("min") && keyword != "minimum";
    let vacuous = |v: &&Value| match v {
        Value::Bool(b) => !*b,
        Value::Number(n) => counts && n.as_f64() == Some(0.0),
        _ => false,
    };
    let (old, new) = (old.filter(|v| !vacuous(v)), new.filter(|v| !vacuous(v)));
    let number = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    match (old, new) {
        (a, b) if a == b => None,
        (None, _) => Some("tightened"),
        (_, None) => Some("loosened"),
        (Some(a), Some(b)) if keyword.starts_with("max") || keyword.starts_with("min") => {
            let (a, b) = (number(a), number(b));
            let (narrower, wider) = if keyword.starts_with("max") {
                (b < a, b > a)
            } else {
                (b > a, b < a)
            };
            match (narrower, wider) {
                (true, _) => Some("tightened"),
                (_, true) => Some("loosened"),
                _ => Some("changed"),
            }
        }
        _ => Some("changed"),
    }
}

impl<'a> Walk<'a, '_> {
    /// Compares the constraints on values (`maxLength`, `minimum`, `pattern`, `uniqueItems`…):
    /// each one added, removed or moved is tightened (a value the old spec allowed may now be
    /// refused), loosened, or, for a `pattern` or `multipleOf` replaced, changed. typify makes
    /// a constrained value its own type (a newtype that checks it, `NonZeroU64`…), so each is a
    /// Rust change as well.
    pub(super) fn constraints(
        &mut self,
        at: &Here<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        for keyword in CONSTRAINTS {
            let (a, b) = (old.get(keyword), new.get(keyword));
            let Some(way) = tightening(keyword, a, b) else {
                continue;
            };
            let (pointer, side) = if b.is_some() {
                (join(new_at, keyword), Side::New)
            } else {
                (join(old_at, keyword), Side::Old)
            };
            self.out.push(
                &at.id_at(&format!("constraint-{way}")),
                Some(at.place.op.as_str()),
                &pointer,
                side,
                format!(
                    "the {keyword} of {} {way} from {} to {}",
                    at.subject,
                    shown(a),
                    shown(b)
                ),
                at.targets.clone(),
            );
        }
    }

    /// Compares the `keyword` (`oneOf`, `anyOf` or `allOf`) members: added and removed ones
    /// are recorded (a member is its `$ref`'s schema, or an inline schema by its position);
    /// the kept ones are returned, in order, for the schema walk. A parameter's schema does
    /// not take them in progenitor: a change there is a type change.
    pub(super) fn composition(
        &mut self,
        at: &Here<'_>,
        (keyword, suffix): (&str, &str),
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) -> Vec<Kept<'a>> {
        let (old_members, new_members) = (members(old, keyword), members(new, keyword));
        if old_members.is_empty() && new_members.is_empty() {
            return Vec::new();
        }
        for (verb, from, to, side, from_at) in [
            ("added", &new_members, &old_members, Side::New, new_at),
            ("removed", &old_members, &new_members, Side::Old, old_at),
        ] {
            for (i, (name, _)) in from.iter().enumerate() {
                if to.iter().any(|(other, _)| other == name) {
                    continue;
                }
                // A response's new allOf member only adds to what an old client decodes.
                let (to_or_from, note) = match (verb, keyword, at.place.direction) {
                    ("added", "oneOf", Direction::Response) => {
                        ("to", " (a client built from the old spec cannot decode it)")
                    }
                    ("added", "anyOf", Direction::Response) => (
                        "to",
                        " (a client built from the old spec may not decode it)",
                    ),
                    ("added", _, _) => ("to", ""),
                    _ => ("from", ""),
                };
                // typify names an inline member's own types after its title.
                let targets = at.targets(vec![
                    Target::Variant(at.root_type.clone(), norm(name)),
                    Target::Type(norm(name)),
                ]);
                self.out.push(
                    &at.id(&format!("{suffix}-member-{verb}")),
                    at.op(),
                    &join(&join(from_at, keyword), &i.to_string()),
                    side,
                    format!(
                        "{verb} the {keyword} member {name} {to_or_from} {}{note}",
                        at.subject
                    ),
                    targets,
                );
            }
        }
        let mut kept = Vec::new();
        for (i, (name, old_member)) in old_members.iter().enumerate() {
            let Some(j) = new_members.iter().position(|(other, _)| other == name) else {
                continue;
            };
            kept.push((
                (join(&join(old_at, keyword), &i.to_string()), *old_member),
                (
                    join(&join(new_at, keyword), &j.to_string()),
                    new_members[j].1,
                ),
            ));
        }
        kept
    }

    /// Compares a discriminator's mapping: values mapped anew, values no longer mapped (a
    /// value mapped to another schema is both).
    pub(super) fn discriminator(
        &mut self,
        at: &Here<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        let (old_map, new_map) = (mapping(old), mapping(new));
        for (verb, from, to, side, from_at) in [
            ("added", &new_map, &old_map, Side::New, new_at),
            ("removed", &old_map, &new_map, Side::Old, old_at),
        ] {
            for (value, target) in from {
                if to.get(value) == Some(target) {
                    continue;
                }
                let schema = target.rsplit('/').next().unwrap_or(target);
                let text = match verb {
                    "added" => format!(
                        "the discriminator of {} now maps the value {value} to {}",
                        at.subject,
                        crate::problem::unescape(schema)
                    ),
                    _ => format!(
                        "the discriminator of {} no longer maps the value {value} to {}",
                        at.subject,
                        crate::problem::unescape(schema)
                    ),
                };
                self.out.push(
                    &at.id(&format!("discriminator-mapping-{verb}")),
                    Some(at.place.op.as_str()),
                    &join(&join(&join(from_at, "discriminator"), "mapping"), value),
                    side,
                    text,
                    at.targets.clone(),
                );
            }
        }
    }
}
