//! One schema of both documents compared: its component, type, format, nullability, enum,
//! description, title and default, then its items, map values and properties.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::composition::Composed;
use super::doc::Doc;
use super::{Changes, Side, Target, norm, shape, shown};
use crate::problem::join;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Request,
    Response,
    /// A component schema no operation uses: only its Rust types change.
    Unused,
}

impl Direction {
    /// `request`, `response` or `schema`: the first part of a property rule's id.
    pub(super) fn word(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Response => "response",
            Self::Unused => "schema",
        }
    }
}

/// Where a schema sits: which operation, which direction, what to call it.
#[derive(Clone)]
pub(super) struct Place {
    pub(super) op: String,
    pub(super) direction: Direction,
    /// `request-parameter`, `request-body`, `response-body` or `schema`.
    pub(super) prefix: &'static str,
    /// "the query request parameter limit", "the request body"…
    pub(super) subject: String,
    /// The Rust type name (normalised) the root schema becomes, or its prefix.
    pub(super) root_type: String,
    /// The builder method the root schema is set through (normalised), or `send`.
    pub(super) member: String,
}

pub(super) fn type_of(schema: &Value) -> String {
    match schema.get("type").and_then(Value::as_str) {
        Some(t) => t.to_owned(),
        None if schema.get("properties").is_some() => "object".to_owned(),
        None if schema.get("items").is_some() => "array".to_owned(),
        None => "any".to_owned(),
    }
}

/// One walk over a schema of both documents at once: the documents, the pairs of nodes already
/// compared (so that a recursive schema ends), and the changes found.
pub(super) struct Walk<'a, 'w> {
    pub(super) old_doc: &'w Doc<'a>,
    pub(super) new_doc: &'w Doc<'a>,
    pub(super) seen: BTreeSet<(String, String)>,
    pub(super) out: &'w mut Changes,
}

impl<'a, 'w> Walk<'a, 'w> {
    /// A walk with nothing seen yet.
    pub(super) fn new(old_doc: &'w Doc<'a>, new_doc: &'w Doc<'a>, out: &'w mut Changes) -> Self {
        Self {
            old_doc,
            new_doc,
            seen: BTreeSet::new(),
            out,
        }
    }

    /// Compares one schema: its component, type, format, nullability, enum and description,
    /// then its items and properties.
    #[allow(
        clippy::too_many_lines,
        reason = "one walk, one rule per property of a schema"
    )]
    pub(super) fn schema(
        &mut self,
        place: &Place,
        path: &[String],
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        // Where the schema is written (its `$ref`, if it is one), then what it is.
        let ref_at = new_at.to_owned();
        let (old_at, old, old_component) = self.old_doc.resolve(old_at, old);
        let (new_at, new, new_component) = self.new_doc.resolve(new_at, new);
        // A component compared with itself (or with what it was renamed to) is reached: the
        // walk below finds its changes. One swapped for another is not.
        if let (Some(a), Some(b)) = (&old_component, &new_component)
            && (a == b || self.out.renamed.contains(&(a.clone(), b.clone())))
        {
            self.out.reached.extend([a.clone(), b.clone()]);
        }
        if let (Some(a), Some(b)) = (&old_component, &new_component)
            && self.out.renamed.contains(&(a.clone(), b.clone()))
        {
            // The `$ref` follows the renamed schema: a place of that change.
            let renamed = join("/components/schemas", b);
            self.out.also(&renamed, "api-schema-renamed", &ref_at);
        }
        if !self.seen.insert((old_at.clone(), new_at.clone())) {
            return;
        }
        let op = Some(place.op.as_str());
        // Inside a component the Rust type is the component's; otherwise the operation's.
        let root_type = new_component
            .as_deref()
            .map_or_else(|| place.root_type.clone(), norm);
        let (prefix, subject) = if path.is_empty() {
            (place.prefix.to_owned(), place.subject.clone())
        } else if place.prefix == "request-parameter" {
            // An array parameter's items: still the parameter.
            (
                place.prefix.to_owned(),
                format!("{} (at {})", place.subject, path.join(".")),
            )
        } else {
            let direction = place.direction.word();
            (
                format!("{direction}-property"),
                format!("the {direction} property {}", path.join(".")),
            )
        };
        let request = place.direction == Direction::Request;
        let targets = |extra: Vec<Target>| -> Vec<Target> {
            let mut targets = extra;
            match path.last() {
                Some(field) if !path.is_empty() => {
                    targets.push(Target::Field(root_type.clone(), norm(field)));
                    // typify names an inline property's own type after its owner and itself.
                    targets.push(Target::Type(format!("{root_type}{}", norm(field))));
                }
                _ if place.member == "send" => {
                    targets.push(Target::BuilderMember(norm(&place.op), "send".to_owned()));
                }
                _ if place.prefix == "request-parameter" => {
                    targets.push(Target::BuilderMember(norm(&place.op), place.member.clone()));
                }
                _ => {
                    targets.push(Target::BuilderMember(norm(&place.op), "body".to_owned()));
                    targets.push(Target::BuilderMember(norm(&place.op), "bodymap".to_owned()));
                }
            }
            targets.push(Target::Type(root_type.clone()));
            targets
        };
        if let (Some(a), Some(b)) = (&old_component, &new_component)
            && a != b
            && !self.out.renamed.contains(&(a.clone(), b.clone()))
        {
            self.out.push(
                &format!("{prefix}-type-changed"),
                op,
                &ref_at,
                Side::New,
                format!("{subject} changed from the schema {a} to {b}"),
                targets(vec![Target::Type(norm(a)), Target::Type(norm(b))]),
            );
            return;
        }
        let (old_type, new_type) = (type_of(old), type_of(new));
        if old_type != new_type {
            self.out.push(
                &format!("{prefix}-type-changed"),
                op,
                &join(&new_at, "type"),
                Side::New,
                format!("{subject} changed type from {old_type} to {new_type}"),
                targets(Vec::new()),
            );
            return;
        }
        let format = |s: &Value| {
            s.get("format")
                .and_then(Value::as_str)
                .unwrap_or("(none)")
                .to_owned()
        };
        if format(old) != format(new) {
            self.out.push(
                &format!("{prefix}-format-changed"),
                op,
                &join(&new_at, "format"),
                Side::New,
                format!(
                    "{subject} changed format from {} to {}",
                    format(old),
                    format(new)
                ),
                targets(Vec::new()),
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
                op,
                &join(&new_at, "nullable"),
                Side::New,
                format!("{subject} became {}", became.replace('-', " ")),
                targets(Vec::new()),
            );
        }
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
            let became_enum = old_values.is_empty();
            let (id, at, side, text) = if became_enum {
                let listed: Vec<String> = new_values.iter().map(|v| shown(Some(v))).collect();
                (
                    format!("{prefix}-became-enum"),
                    join(&new_at, "enum"),
                    Side::New,
                    format!("{subject} is now limited to {}", listed.join(", ")),
                )
            } else {
                (
                    format!("{prefix}-enum-removed"),
                    join(&old_at, "enum"),
                    Side::Old,
                    format!(
                        "{subject} is no longer limited to a list of values (it was {})",
                        old_values
                            .iter()
                            .map(|v| shown(Some(v)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            };
            self.out.push(
                &id,
                op,
                &at,
                side,
                text,
                targets(vec![Target::Type(root_type.clone())]),
            );
        } else if !old_values.is_empty() {
            for (verb, from, to, from_at, side) in [
                ("added", &new_values, &old_values, &new_at, Side::New),
                ("removed", &old_values, &new_values, &old_at, Side::Old),
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
                        op,
                        &join(&join(from_at, "enum"), &i.to_string()),
                        side,
                        line,
                        targets(vec![Target::Variant(root_type.clone(), norm(&text))]),
                    );
                }
            }
        }
        if old.get("description") != new.get("description") && !path.is_empty() {
            self.out.push(
                "description-changed",
                op,
                &join(&new_at, "description"),
                Side::New,
                format!("the description of {subject} changed"),
                Vec::new(),
            );
        }
        if old.get("title") != new.get("title") {
            // typify names an inline object's type after its title.
            self.out.push(
                "description-changed",
                op,
                &join(&new_at, "title"),
                Side::New,
                format!(
                    "the title of {subject} changed from {} to {}",
                    shown(old.get("title")),
                    shown(new.get("title"))
                ),
                targets(
                    [old.get("title"), new.get("title")]
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
                &format!("{prefix}-default-changed"),
                op,
                &join(&new_at, "default"),
                Side::New,
                format!(
                    "the default of {subject} changed from {} to {}",
                    shown(old.get("default")),
                    shown(new.get("default"))
                ),
                targets(Vec::new()),
            );
        }
        if new_type == "array"
            && let (Some(a), Some(b)) = (old.get("items"), new.get("items"))
        {
            let mut inner = path.to_vec();
            if inner.is_empty() {
                inner.push("[]".to_owned());
            } else if let Some(last) = inner.last_mut() {
                last.push_str("[]");
            }
            self.inner(
                place,
                &inner,
                &root_type,
                "items",
                (&old_at, a),
                (&new_at, b),
            );
        }
        let composed = Composed {
            place,
            path,
            prefix: &prefix,
            subject: &subject,
            root_type: &root_type,
            targets: targets(Vec::new()),
        };
        self.constraints(&composed, (&old_at, old), (&new_at, new));
        self.composition(&composed, (&old_at, old), (&new_at, new));
        self.discriminator(&composed, (&old_at, old), (&new_at, new));
        let map_values = |s: &'a Value| s.get("additionalProperties").filter(|v| v.is_object());
        if map_values(old).is_some() != map_values(new).is_some() && new_type == "object" {
            // A map of any values became a map of typed ones, or back.
            let (at, side) = if map_values(new).is_some() {
                (join(&new_at, "additionalProperties"), Side::New)
            } else {
                (join(&old_at, "additionalProperties"), Side::Old)
            };
            self.out.push(
                &composed.id_at("type-changed"),
                op,
                &at,
                side,
                format!(
                    "the schema of the additional properties (map values) of {subject} changed"
                ),
                composed.targets.clone(),
            );
        }
        if let (Some(a), Some(b)) = (map_values(old), map_values(new)) {
            let mut inner = path.to_vec();
            inner.push("*".to_owned());
            let at = (&*old_at, a);
            self.inner(
                place,
                &inner,
                &root_type,
                "additionalProperties",
                at,
                (&new_at, b),
            );
        }
        self.object(place, path, &root_type, (&old_at, old), (&new_at, new));
    }

    /// Compares the schemas under `keyword` (`items`, `additionalProperties`) of two schemas at
    /// `old_at` and `new_at`, named `path`, inside the Rust type `root_type`.
    fn inner(
        &mut self,
        place: &Place,
        path: &[String],
        root_type: &str,
        keyword: &str,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        let inner_place = Place {
            root_type: root_type.to_owned(),
            ..place.clone()
        };
        self.schema(
            &inner_place,
            path,
            (&join(old_at, keyword), old),
            (&join(new_at, keyword), new),
        );
    }
}

impl<'a> Walk<'a, '_> {
    /// Compares the properties of an object schema: removed, added, renamed, required or not,
    /// and each kept one's schema.
    #[allow(
        clippy::too_many_lines,
        reason = "one rule per kind of property change"
    )]
    pub(super) fn object(
        &mut self,
        place: &Place,
        path: &[String],
        root_type: &str,
        (old_at, old): (&str, &'a Value),
        (new_at, new): (&str, &'a Value),
    ) {
        let properties = |s: &'a Value| -> BTreeMap<String, &'a Value> {
            s.get("properties")
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
                .unwrap_or_default()
        };
        let required = |s: &Value| -> BTreeSet<String> {
            s.get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        };
        let (old_props, new_props) = (properties(old), properties(new));
        if old_props.is_empty() && new_props.is_empty() {
            return;
        }
        let (old_required, new_required) = (required(old), required(new));
        let op = Some(place.op.as_str());
        let request = place.direction == Direction::Request;
        let direction = place.direction.word();
        // Properties of an inline object nested in a property become a type named after both.
        let owner = |name: &str| -> (String, String) {
            let full: Vec<String> = path
                .iter()
                .chain(std::iter::once(&name.to_owned()))
                .cloned()
                .collect();
            (full.join("."), root_type.to_owned())
        };
        let field = |name: &str| Target::Field(root_type.to_owned(), norm(name));
        let gone: Vec<&String> = old_props
            .keys()
            .filter(|k| !new_props.contains_key(*k))
            .collect();
        let mut came: Vec<&String> = new_props
            .keys()
            .filter(|k| !old_props.contains_key(*k))
            .collect();
        for name in gone {
            let (shown_name, _) = owner(name);
            let was_required = old_required.contains(name);
            let twins: Vec<usize> = came
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    shape(new_props[**n]) == shape(old_props[name])
                        && new_required.contains(**n) == was_required
                })
                .map(|(i, _)| i)
                .collect();
            if let [i] = twins.as_slice() {
                let new_name = came.remove(*i);
                self.out.push(
                    &format!("{direction}-property-renamed"),
                    op,
                    &join(&join(new_at, "properties"), new_name),
                    Side::New,
                    format!(
                        "the {direction} property {shown_name} was renamed {}",
                        owner(new_name).0
                    ),
                    vec![
                        field(name),
                        field(new_name),
                        Target::Type(root_type.to_owned()),
                    ],
                );
                let at = join(&join(new_at, "properties"), new_name);
                let id = format!("{direction}-property-renamed");
                self.out
                    .also(&at, &id, &join(&join(old_at, "properties"), name));
                continue;
            }
            let change = match (request, was_required) {
                (true, _) => "request-property-removed",
                (false, true) => "response-required-property-removed",
                (false, false) => "response-optional-property-removed",
            };
            self.out.push(
                change,
                op,
                &join(&join(old_at, "properties"), name),
                Side::Old,
                format!("removed the {direction} property {shown_name}"),
                vec![field(name), Target::Type(root_type.to_owned())],
            );
        }
        for name in came {
            let (shown_name, _) = owner(name);
            let is_required = new_required.contains(name);
            let change = match (request, is_required) {
                (true, true) => "new-required-request-property",
                (true, false) => "new-optional-request-property",
                (false, true) => "response-required-property-added",
                (false, false) => "response-optional-property-added",
            };
            self.out.push(
                change,
                op,
                &join(&join(new_at, "properties"), name),
                Side::New,
                format!(
                    "added the {} {direction} property {shown_name}",
                    if is_required { "required" } else { "optional" }
                ),
                vec![field(name), Target::Type(root_type.to_owned())],
            );
        }
        for (name, new_prop) in &new_props {
            let Some(old_prop) = old_props.get(name) else {
                continue;
            };
            let (shown_name, _) = owner(name);
            let at = join(&join(new_at, "properties"), name);
            match (old_required.contains(name), new_required.contains(name)) {
                (false, true) => self.out.push(
                    &format!("{direction}-property-became-required"),
                    op,
                    &at,
                    Side::New,
                    format!("the {direction} property {shown_name} became required"),
                    vec![field(name)],
                ),
                (true, false) => self.out.push(
                    &format!("{direction}-property-became-optional"),
                    op,
                    &at,
                    Side::New,
                    format!("the {direction} property {shown_name} became optional"),
                    vec![field(name)],
                ),
                _ => {}
            }
            let mut inner = path.to_vec();
            inner.push(name.clone());
            let inner_place = Place {
                root_type: root_type.to_owned(),
                ..place.clone()
            };
            self.schema(
                &inner_place,
                &inner,
                (&join(&join(old_at, "properties"), name), old_prop),
                (&at, new_prop),
            );
        }
    }
}
