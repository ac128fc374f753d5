//! One schema of both documents compared: its component, type, format, nullability, enum,
//! description, title and default, then its items, map values, composition and properties.
//!
//! The entry of the schema walk: it calls `composition` and `properties`, which hand back the
//! pairs of schemas to compare next rather than calling back here; all three use `walk`.

use serde_json::Value;

use super::change::{norm, shown};
use super::composition::COMPOSITIONS;
use super::walk::{Direction, Here, Place, Walk, type_of};
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// A schema of one side: its pointer and node.
type Node<'n, 'a> = (&'n str, &'a Value);

impl<'a> Walk<'a, '_> {
    /// Compares one schema: its component, type, format, nullability, enum and description,
    /// then its items, map values, composition and properties.
    pub(super) fn schema(
        &mut self,
        place: &Place,
        path: &[String],
        (old_at, old): Node<'_, 'a>,
        (new_at, new): Node<'_, 'a>,
    ) {
        // Where the schema is written (its `$ref`, if it is one), then what it is.
        let ref_at = new_at.to_owned();
        let (old_at, old, old_component) = self.old_doc.resolve(old_at, old);
        let (new_at, new, new_component) = self.new_doc.resolve(new_at, new);
        let components = (old_component.as_deref(), new_component.as_deref());
        self.reach(components, &ref_at);
        if !self.seen.insert((old_at.clone(), new_at.clone())) {
            return;
        }
        let here = Here::new(place, path, new_component.as_deref());
        if self.swapped(&here, components, &ref_at)
            || self.retyped(&here, (&old_at, old), (&new_at, new))
        {
            return;
        }
        self.format_and_nullable(&here, old, (&new_at, new));
        self.enum_values(&here, (&old_at, old), (&new_at, new));
        self.texts(&here, old, (&new_at, new));
        self.children(&here, (&old_at, old), (&new_at, new));
    }

    /// Records the components a schema compares: one compared with itself (or with what it
    /// was renamed to) is reached, and the `$ref` at `ref_at` follows a renamed one.
    fn reach(&mut self, components: (Option<&str>, Option<&str>), ref_at: &str) {
        let (Some(a), Some(b)) = components else {
            return;
        };
        let pair = (a.to_owned(), b.to_owned());
        let renamed = self.out.renamed.contains(&pair);
        // One swapped for another is not reached: the walk below does not look inside it.
        if a == b || renamed {
            self.out.reached.extend([pair.0, pair.1]);
        }
        if renamed {
            // The `$ref` follows the renamed schema: a place of that change.
            let at = join("/components/schemas", b);
            self.out.also(&at, "api-schema-renamed", ref_at);
        }
    }

    /// A component swapped for another (not renamed): one type change, nothing compared below.
    fn swapped(
        &mut self,
        here: &Here<'_>,
        components: (Option<&str>, Option<&str>),
        ref_at: &str,
    ) -> bool {
        let (Some(a), Some(b)) = components else {
            return false;
        };
        if a == b || self.out.renamed.contains(&(a.to_owned(), b.to_owned())) {
            return false;
        }
        self.out.push(
            &format!("{}-type-changed", here.prefix),
            here.op(),
            ref_at,
            Side::New,
            format!("{} changed from the schema {a} to {b}", here.subject),
            here.targets(vec![Target::Type(norm(a)), Target::Type(norm(b))]),
        );
        true
    }

    /// A schema of another type: one type change, nothing compared below.
    fn retyped(
        &mut self,
        here: &Here<'_>,
        (_, old): Node<'_, 'a>,
        (new_at, new): Node<'_, 'a>,
    ) -> bool {
        let (old_type, new_type) = (type_of(old), type_of(new));
        if old_type == new_type {
            return false;
        }
        self.out.push(
            &format!("{}-type-changed", here.prefix),
            here.op(),
            &join(new_at, "type"),
            Side::New,
            format!(
                "{} changed type from {old_type} to {new_type}",
                here.subject
            ),
            here.targets(Vec::new()),
        );
        true
    }

    /// Compares `format` and `nullable`.
    fn format_and_nullable(&mut self, here: &Here<'_>, old: &Value, (new_at, new): Node<'_, 'a>) {
        let (prefix, subject) = (&here.prefix, &here.subject);
        let format = |s: &Value| {
            s.get("format")
                .and_then(Value::as_str)
                .unwrap_or("(none)")
                .to_owned()
        };
        if format(old) != format(new) {
            self.out.push(
                &format!("{prefix}-format-changed"),
                here.op(),
                &join(new_at, "format"),
                Side::New,
                format!(
                    "{subject} changed format from {} to {}",
                    format(old),
                    format(new)
                ),
                here.targets(Vec::new()),
            );
        }
        let nullable = |s: &Value| s.get("nullable").and_then(Value::as_bool) == Some(true);
        if nullable(old) != nullable(new) {
            let became = if nullable(new) {
                "nullable"
            } else {
                "not-nullable"
            };
            // A null the old client cannot take (responses), or refused from it (requests).
            self.out.push(
                &format!("{prefix}-became-{became}"),
                here.op(),
                &join(new_at, "nullable"),
                Side::New,
                format!("{subject} became {}", became.replace('-', " ")),
                here.targets(Vec::new()),
            );
        }
    }

    /// Compares `enum`: a closed list of values set or lifted, or values added and removed.
    fn enum_values(
        &mut self,
        here: &Here<'_>,
        (old_at, old): Node<'_, 'a>,
        (new_at, new): Node<'_, 'a>,
    ) {
        let (prefix, subject) = (&here.prefix, &here.subject);
        let values = |s: &Value| -> Vec<Value> {
            s.get("enum")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (old_values, new_values) = (values(old), values(new));
        if old_values.is_empty() != new_values.is_empty() {
            // From any value to a closed list, or back: not a value added or removed. A closed
            // list narrows what may be sent (a request) and widens nothing an old client decodes
            // (an answer); lifting it is the other way round.
            let listed = |values: &[Value]| -> String {
                values
                    .iter()
                    .map(|v| shown(Some(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (id, at, side, text) = if old_values.is_empty() {
                (
                    format!("{prefix}-became-enum"),
                    join(new_at, "enum"),
                    Side::New,
                    format!("{subject} is now limited to {}", listed(&new_values)),
                )
            } else {
                (
                    format!("{prefix}-enum-removed"),
                    join(old_at, "enum"),
                    Side::Old,
                    format!(
                        "{subject} is no longer limited to a list of values (it was {})",
                        listed(&old_values)
                    ),
                )
            };
            let targets = here.targets(vec![Target::Type(here.root_type.clone())]);
            self.out.push(&id, here.op(), &at, side, text, targets);
            return;
        }
        let request = here.place.direction == Direction::Request;
        for (verb, from, to, from_at, side) in [
            ("added", &new_values, &old_values, new_at, Side::New),
            ("removed", &old_values, &new_values, old_at, Side::Old),
        ] {
            for (i, value) in from.iter().enumerate() {
                if to.contains(value) {
                    continue;
                }
                let text = shown(Some(value));
                let line = match (verb, request) {
                    ("added", true) => format!("added the enum value {text} to {subject}"),
                    ("added", false) => format!(
                        "added the enum value {text} to {subject} (a client built from the old spec cannot decode it)"
                    ),
                    _ => format!("removed the enum value {text} from {subject}"),
                };
                self.out.push(
                    &format!("{prefix}-enum-value-{verb}"),
                    here.op(),
                    &join(&join(from_at, "enum"), &i.to_string()),
                    side,
                    line,
                    here.targets(vec![Target::Variant(here.root_type.clone(), norm(&text))]),
                );
            }
        }
    }

    /// Compares `description` (of a property), `title` and `default`.
    fn texts(&mut self, here: &Here<'_>, old: &Value, (new_at, new): Node<'_, 'a>) {
        let subject = &here.subject;
        if old.get("description") != new.get("description") && !here.path.is_empty() {
            self.out.push(
                "description-changed",
                here.op(),
                &join(new_at, "description"),
                Side::New,
                format!("the description of {subject} changed"),
                Vec::new(),
            );
        }
        if old.get("title") != new.get("title") {
            // typify names an inline object's type after its title.
            let titles = [old.get("title"), new.get("title")];
            self.out.push(
                "description-changed",
                here.op(),
                &join(new_at, "title"),
                Side::New,
                format!(
                    "the title of {subject} changed from {} to {}",
                    shown(titles[0]),
                    shown(titles[1])
                ),
                here.targets(
                    titles
                        .into_iter()
                        .flatten()
                        .map(|t| Target::Type(norm(&shown(Some(t)))))
                        .collect(),
                ),
            );
        }
        if old.get("default") != new.get("default") {
            // What the server assumes when the value is left out, and what a generated client
            // fills in when an answer leaves it out; typify drops the `Option` of a field that
            // has one.
            self.out.push(
                &format!("{}-default-changed", here.prefix),
                here.op(),
                &join(new_at, "default"),
                Side::New,
                format!(
                    "the default of {subject} changed from {} to {}",
                    shown(old.get("default")),
                    shown(new.get("default"))
                ),
                here.targets(Vec::new()),
            );
        }
    }

    /// Compares what a schema holds: its items, its constraints and composition, its map
    /// values and its properties, each nested schema through [`Self::schema`].
    fn children(
        &mut self,
        here: &Here<'_>,
        (old_at, old): Node<'_, 'a>,
        (new_at, new): Node<'_, 'a>,
    ) {
        let path = here.path;
        let inner_place = here.inner_place();
        let is = |kind: &str| type_of(new) == kind;
        if is("array")
            && let (Some(a), Some(b)) = (old.get("items"), new.get("items"))
        {
            let mut inner = path.to_vec();
            if let Some(last) = inner.last_mut() {
                last.push_str("[]");
            } else {
                inner.push("[]".to_owned());
            }
            let (a_at, b_at) = (join(old_at, "items"), join(new_at, "items"));
            self.schema(&inner_place, &inner, (&a_at, a), (&b_at, b));
        }
        self.constraints(here, (old_at, old), (new_at, new));
        for (keyword, suffix) in COMPOSITIONS {
            let kept = self.composition(here, (keyword, suffix), (old_at, old), (new_at, new));
            for ((a_at, a), (b_at, b)) in kept {
                self.schema(here.place, path, (&a_at, a), (&b_at, b));
            }
        }
        self.discriminator(here, (old_at, old), (new_at, new));
        let map_values = |s: &'a Value| s.get("additionalProperties").filter(|v| v.is_object());
        if map_values(old).is_some() != map_values(new).is_some() && is("object") {
            // A map of any values became a map of typed ones, or back.
            let (at, side) = if map_values(new).is_some() {
                (join(new_at, "additionalProperties"), Side::New)
            } else {
                (join(old_at, "additionalProperties"), Side::Old)
            };
            self.out.push(
                &here.id_at("type-changed"),
                here.op(),
                &at,
                side,
                format!(
                    "the schema of the additional properties (map values) of {} changed",
                    here.subject
                ),
                here.targets.clone(),
            );
        }
        if let (Some(a), Some(b)) = (map_values(old), map_values(new)) {
            let mut inner = path.to_vec();
            inner.push("*".to_owned());
            let (a_at, b_at) = (
                join(old_at, "additionalProperties"),
                join(new_at, "additionalProperties"),
            );
            self.schema(&inner_place, &inner, (&a_at, a), (&b_at, b));
        }
        for (name, (a_at, a), (b_at, b)) in self.properties(here, (old_at, old), (new_at, new)) {
            self.requiredness(here, &name, (old, new), &b_at);
            let mut inner = path.to_vec();
            inner.push(name);
            self.schema(&inner_place, &inner, (&a_at, a), (&b_at, b));
        }
    }
}
