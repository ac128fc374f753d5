//! What a schema walk carries: the documents, where a schema sits ([`Place`]) and what one
//! schema of both sides is called ([`Here`]). The lowest module of the schema walk: `schema`,
//! `properties` and `composition` use it; it uses none of them.

use std::collections::BTreeSet;

use serde_json::Value;

use super::change::{Changes, norm};
use super::doc::Doc;
use crate::diff::terms::Target;

/// Which way a schema travels, or that it does not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    /// Sent by the client: a parameter or request body.
    Request,
    /// Sent back by the server: a response body.
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
    /// The operationId, empty for a schema no operation uses.
    pub(super) op: String,
    /// Which way the schema travels.
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

impl Place {
    /// The root schema of a parameter, body or response of the operation `op`, in the Rust
    /// types named after it, set through the builder method `member`.
    pub(super) fn root(
        op: &str,
        (direction, prefix): (Direction, &'static str),
        subject: String,
        member: String,
    ) -> Self {
        Self {
            op: op.to_owned(),
            direction,
            prefix,
            subject,
            root_type: norm(op),
            member,
        }
    }
}

/// A schema's type: its `type`, else what its keywords imply, else `any`.
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
    /// The old document.
    pub(super) old_doc: &'w Doc<'a>,
    /// The new document.
    pub(super) new_doc: &'w Doc<'a>,
    /// The (old, new) pointers already compared.
    pub(super) seen: BTreeSet<(String, String)>,
    /// Where the changes found go.
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
}

/// One schema of both sides, for the rules that compare it: where it sits and what it is
/// called.
pub(super) struct Here<'p> {
    /// Where the root schema sits.
    pub(super) place: &'p Place,
    /// The property names from the root schema to this one (`[]` for items, `*` for map
    /// values); empty at the root.
    pub(super) path: &'p [String],
    /// `request-body`, `response-property`…: the first part of the rule id.
    pub(super) prefix: String,
    /// "the request body", "the response property data.id"…
    pub(super) subject: String,
    /// The Rust type (normalised) the schema is part of.
    pub(super) root_type: String,
    /// What the schema's own changes touch in Rust.
    pub(super) targets: Vec<Target>,
}

impl<'p> Here<'p> {
    /// The schema at `path` under `place`, inside the component `component` if it is one.
    pub(super) fn new(place: &'p Place, path: &'p [String], component: Option<&str>) -> Self {
        // Inside a component the Rust type is the component's; otherwise the operation's.
        let root_type = component.map_or_else(|| place.root_type.clone(), norm);
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
        let mut targets = Vec::new();
        match path.last() {
            Some(field) => {
                targets.push(Target::Field(root_type.clone(), norm(field)));
                // typify names an inline property's own type after its owner and itself.
                targets.push(Target::Type(format!("{root_type}{}", norm(field))));
            }
            None if place.member == "send" => {
                targets.push(Target::BuilderMember(norm(&place.op), "send".to_owned()));
            }
            None if place.prefix == "request-parameter" => {
                targets.push(Target::BuilderMember(norm(&place.op), place.member.clone()));
            }
            None => {
                targets.push(Target::BuilderMember(norm(&place.op), "body".to_owned()));
                targets.push(Target::BuilderMember(norm(&place.op), "bodymap".to_owned()));
            }
        }
        targets.push(Target::Type(root_type.clone()));
        Self {
            place,
            path,
            prefix,
            subject,
            root_type,
            targets,
        }
    }

    /// The operation, as [`Changes::push`] takes it.
    pub(super) fn op(&self) -> Option<&str> {
        Some(self.place.op.as_str())
    }

    /// `extra` followed by the schema's own targets.
    pub(super) fn targets(&self, extra: Vec<Target>) -> Vec<Target> {
        let mut targets = extra;
        targets.extend(self.targets.iter().cloned());
        targets
    }

    /// The id of the rule `suffix` at this place, whatever the place (see [`Self::id`]).
    pub(super) fn id_at(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.prefix)
    }

    /// The id of the rule `suffix` here: in a parameter's schema (which progenitor takes
    /// without composition) a type change.
    pub(super) fn id(&self, suffix: &str) -> String {
        if self.prefix == "request-parameter" {
            "request-parameter-type-changed".to_owned()
        } else {
            format!("{}-{suffix}", self.prefix)
        }
    }

    /// The same place, with the Rust type `root_type`: for a schema nested in this one.
    pub(super) fn inner_place(&self) -> Place {
        Place {
            root_type: self.root_type.clone(),
            ..self.place.clone()
        }
    }
}
