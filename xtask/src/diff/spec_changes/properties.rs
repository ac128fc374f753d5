//! An object schema's properties compared: removed, added, renamed, required or not. Hands
//! the kept ones back to `schema`, which compares them; uses `walk` only.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::change::{norm, shape};
use super::walk::{Direction, Here, Walk};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// A property kept on both sides: its name, then (pointer, schema) of the old and new side.
pub(super) type Kept<'a> = (String, (String, &'a Value), (String, &'a Value));

/// The properties of a schema, by name.
fn properties(schema: &Value) -> BTreeMap<String, &Value> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
        .unwrap_or_default()
}

/// The names a schema's `required` lists.
fn required(schema: &Value) -> BTreeSet<String> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// The dotted name of the property `name` at `here` ("data.id").
fn dotted(here: &Here<'_>, name: &str) -> String {
    let full: Vec<&str> = here
        .path
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(name))
        .collect();
    full.join(".")
}

impl<'a> Walk<'a, '_> {
    /// Compares the properties of an object schema: removed, added and renamed ones are
    /// recorded; the kept ones are returned, in order, for [`Self::requiredness`] and the
    /// schema walk.
    pub(super) fn properties(
        &mut self,
        here: &Here<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) -> Vec<Kept<'a>> {
        let (old_props, new_props) = (properties(old), properties(new));
        if old_props.is_empty() && new_props.is_empty() {
            return Vec::new();
        }
        let came = self.removed_properties(here, (old_at, old), (new_at, new));
        self.added_properties(here, &came, (new_at, new));
        new_props
            .iter()
            .filter_map(|(name, new_prop)| {
                let old_prop = old_props.get(name)?;
                Some((
                    name.clone(),
                    (join(&join(old_at, "properties"), name), *old_prop),
                    (join(&join(new_at, "properties"), name), *new_prop),
                ))
            })
            .collect()
    }

    /// Records the properties gone from `old`, each removed or renamed (to the one property
    /// come of the same shape and requiredness); returns the ones come that no rename took.
    fn removed_properties(
        &mut self,
        here: &Here<'_>,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) -> Vec<String> {
        let (old_props, new_props) = (properties(old), properties(new));
        let new_required = required(new);
        let old_required = required(old);
        let direction = here.place.direction.word();
        let field = |name: &str| Target::Field(here.root_type.clone(), norm(name));
        let own_type = || Target::Type(here.root_type.clone());
        let gone: Vec<&String> = old_props
            .keys()
            .filter(|k| !new_props.contains_key(*k))
            .collect();
        let mut came: Vec<String> = new_props
            .keys()
            .filter(|k| !old_props.contains_key(*k))
            .cloned()
            .collect();
        for name in gone {
            let was_required = old_required.contains(name);
            let twins: Vec<usize> = came
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    shape(new_props[*n]) == shape(old_props[name])
                        && new_required.contains(*n) == was_required
                })
                .map(|(i, _)| i)
                .collect();
            if let [i] = twins.as_slice() {
                let new_name = came.remove(*i);
                let at = join(&join(new_at, "properties"), &new_name);
                let id = format!("{direction}-property-renamed");
                self.out.push(
                    &id,
                    here.op(),
                    &at,
                    Side::New,
                    format!(
                        "the {direction} property {} was renamed {}",
                        dotted(here, name),
                        dotted(here, &new_name)
                    ),
                    vec![field(name), field(&new_name), own_type()],
                );
                self.out
                    .also(&at, &id, &join(&join(old_at, "properties"), name));
                continue;
            }
            let change = match (here.place.direction == Direction::Request, was_required) {
                (true, _) => "request-property-removed",
                (false, true) => "response-required-property-removed",
                (false, false) => "response-optional-property-removed",
            };
            self.out.push(
                change,
                here.op(),
                &join(&join(old_at, "properties"), name),
                Side::Old,
                format!("removed the {direction} property {}", dotted(here, name)),
                vec![field(name), own_type()],
            );
        }
        came
    }

    /// Records the properties `came` added to `new`, required or optional.
    fn added_properties(
        &mut self,
        here: &Here<'_>,
        came: &[String],
        (new_at, new): (&str, &'a Value),
    ) {
        let new_required = required(new);
        let direction = here.place.direction.word();
        for name in came {
            let is_required = new_required.contains(name);
            let change = match (here.place.direction == Direction::Request, is_required) {
                (true, true) => "new-required-request-property",
                (true, false) => "new-optional-request-property",
                (false, true) => "response-required-property-added",
                (false, false) => "response-optional-property-added",
            };
            self.out.push(
                change,
                here.op(),
                &join(&join(new_at, "properties"), name),
                Side::New,
                format!(
                    "added the {} {direction} property {}",
                    if is_required { "required" } else { "optional" },
                    dotted(here, name)
                ),
                vec![
                    Target::Field(here.root_type.clone(), norm(name)),
                    Target::Type(here.root_type.clone()),
                ],
            );
        }
    }

    /// Records a kept property `name` (at `at`) that became required or optional, between the
    /// objects `old` and `new`.
    pub(super) fn requiredness(
        &mut self,
        here: &Here<'_>,
        name: &str,
        (old, new): (&Value, &Value),
        at: &str,
    ) {
        let direction = here.place.direction.word();
        let became = match (required(old).contains(name), required(new).contains(name)) {
            (false, true) => "required",
            (true, false) => "optional",
            _ => return,
        };
        self.out.push(
            &format!("{direction}-property-became-{became}"),
            here.op(),
            at,
            Side::New,
            format!(
                "the {direction} property {} became {became}",
                dotted(here, name)
            ),
            vec![Target::Field(here.root_type.clone(), norm(name))],
        );
    }
}
