//! A request as a snapshot shows it: checked against its operation, with what the spec marks
//! as hidden, and what it does not declare, blanked.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::index::{In, Operation, Scheme, Segment, ignored_header};
use super::request::split_path;
use super::{Spec, Violation, schema};
use crate::{Body, RecordedRequest};

/// What stands where a value was blanked.
pub const REDACTED: &str = "[REDACTED]";

/// A request that conforms to its operation, ready for a snapshot (`insta`'s
/// `assert_json_snapshot!`, say): the same for the same request whatever the credentials,
/// signatures and random values in it, and holding none of them.
///
/// Made by [`Spec::shape`], which blanks, each as [`REDACTED`]:
///
/// - the credentials of the operation's security schemes (`Authorization: Bearer [REDACTED]`,
///   an API key's header, query parameter or cookie);
/// - every parameter, and every body field at any depth, whose schema has `format: password`
///   (OpenAPI's mark for a value to hide: a secret, a password, a signature);
/// - every header the operation does not declare (beyond `accept` and `content-type`), and
///   every cookie: a request id, a client's own tracing header or session cookie may change
///   with every call or carry a secret, and the spec says nothing of them.
///
/// Query values and headers sent more than once show as a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shape {
    /// The operationId the request is.
    pub operation: String,
    /// The method, upper case.
    pub method: String,
    /// The path as received, a hidden path parameter's segment blanked.
    pub path: String,
    /// The query, by name.
    pub query: BTreeMap<String, Value>,
    /// The headers, by lower-case name.
    pub headers: BTreeMap<String, Value>,
    /// The body: `null` for none, the JSON, or the text of any other body.
    pub body: Value,
}

impl Spec {
    /// `request` as a snapshot shows it (see [`Shape`] for what is blanked), if it conforms
    /// to its operation; otherwise every rule it breaks, as [`Spec::check`] says.
    ///
    /// ```
    /// use serde_json::json;
    /// use unbind_conformance::RecordedRequest;
    /// use unbind_conformance::conformance::{REDACTED, Spec};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let spec = Spec::from_yaml(r#"
    /// openapi: 3.0.3
    /// info: {title: Pets, version: "1"}
    /// security: [{bearer: []}]
    /// components: {securitySchemes: {bearer: {type: http, scheme: bearer}}}
    /// paths:
    ///   /pets/{id}:
    ///     delete:
    ///       operationId: delete_pet
    ///       parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    ///       responses: {"204": {description: deleted}}
    /// "#)?;
    /// let request = RecordedRequest::from_parts(
    ///     "DELETE",
    ///     "/pets/7",
    ///     "",
    ///     [
    ///         ("Authorization".to_owned(), "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig".to_owned()),
    ///         ("X-Request-Id".to_owned(), "5f0c9d".to_owned()),
    ///     ],
    ///     b"",
    /// );
    /// let shape = spec.shape(&request).map_err(|v| format!("{v:?}"))?;
    /// assert_eq!(shape.operation, "delete_pet");
    /// assert_eq!(shape.headers["authorization"], format!("Bearer {REDACTED}"));
    /// assert_eq!(shape.headers["x-request-id"], REDACTED);
    /// # Ok(())
    /// # }
    /// ```
    pub fn shape(&self, request: &RecordedRequest) -> Result<Shape, Vec<Violation>> {
        let id = self.check(request)?;
        let operation = self
            .operations
            .binary_search_by(|op| op.id.as_str().cmp(&id))
            .map(|at| &self.operations[at])
            .expect("check names an indexed operation");
        Ok(Shape {
            path: operation.shown_path(&request.path),
            query: grouped(request.query.iter().map(|(name, value)| {
                let hidden = operation.hides(In::Query, name);
                (
                    name.clone(),
                    if hidden { REDACTED } else { value }.to_owned(),
                )
            })),
            headers: grouped(
                request
                    .headers
                    .iter()
                    .map(|(name, value)| (name.clone(), operation.shown_header(name, value))),
            ),
            body: match &request.body {
                Body::Empty => Value::Null,
                Body::Json(json) => {
                    let mut json = json.clone();
                    operation.blank_body(&self.doc, &request.headers, &mut json);
                    json
                }
                Body::Text(text) => Value::String(text.clone()),
            },
            operation: id,
            method: request.method.clone(),
        })
    }
}

impl Operation {
    /// Whether the parameter `name` at `location` is declared hidden (`format: password`), or
    /// is an API key of the operation's security.
    fn hides(&self, location: In, name: &str) -> bool {
        let same = |other: &str| match location {
            In::Header => other.eq_ignore_ascii_case(name),
            _ => other == name,
        };
        self.parameters
            .iter()
            .any(|p| p.location == location && p.secret && same(&p.name))
            || self.schemes().any(|scheme| {
                matches!(scheme, Scheme::ApiKey { name: key, location: at }
                    if *at == location && same(key))
            })
    }

    /// Every security scheme of every alternative.
    fn schemes(&self) -> impl Iterator<Item = &Scheme> {
        self.security.iter().flatten()
    }

    /// A header's value as the snapshot shows it.
    fn shown_header(&self, name: &str, value: &str) -> String {
        if name == "authorization" {
            // The scheme's name stays (it is the spec's), its credentials go.
            let scheme = self.schemes().find_map(|scheme| match scheme {
                Scheme::Authorization(expected) => value
                    .split_once(' ')
                    .filter(|(given, _)| given.eq_ignore_ascii_case(expected))
                    .map(|(given, _)| given),
                Scheme::ApiKey { .. } => None,
            });
            return scheme.map_or_else(|| REDACTED.to_owned(), |s| format!("{s} {REDACTED}"));
        }
        // `accept` and `content-type` are described by the spec's media types, not parameters.
        let declared = ignored_header(name)
            || self
                .parameters
                .iter()
                .any(|p| p.location == In::Header && p.name.eq_ignore_ascii_case(name));
        if !declared || name == "cookie" || self.hides(In::Header, name) {
            REDACTED.to_owned()
        } else {
            value.to_owned()
        }
    }

    /// The request's path with each hidden path parameter's segment blanked.
    fn shown_path(&self, path: &str) -> String {
        let hidden: Vec<usize> = self
            .segments
            .iter()
            .enumerate()
            .filter(|(_, segment)| {
                matches!(segment, Segment::Parameter(name) if self.hides(In::Path, name))
            })
            .map(|(index, _)| index)
            .collect();
        if hidden.is_empty() || split_path(path).is_none() {
            return path.to_owned();
        }
        path.split('/')
            .skip(1)
            .enumerate()
            .map(|(index, segment)| {
                if hidden.contains(&index) {
                    REDACTED
                } else {
                    segment
                }
            })
            .fold(String::new(), |path, segment| path + "/" + segment)
    }

    /// Blanks the fields of a JSON body that its schema (for the request's content type)
    /// marks `format: password`.
    fn blank_body(&self, doc: &Value, headers: &[(String, String)], json: &mut Value) {
        let content_type = headers
            .iter()
            .find(|(name, _)| name == "content-type")
            .map_or("", |(_, value)| value.as_str());
        let media = self.body.as_ref().and_then(|b| b.media_for(content_type));
        let Some((body_schema, _)) = media.and_then(|m| m.schema.as_ref()) else {
            return;
        };
        schema::blank_hidden(doc, &[body_schema], json, REDACTED);
    }
}

/// Name-value pairs as a map: a name sent once maps to its value, one sent more often to the
/// list of its values in order.
fn grouped(pairs: impl Iterator<Item = (String, String)>) -> BTreeMap<String, Value> {
    let mut map: BTreeMap<String, Value> = BTreeMap::new();
    for (name, value) in pairs {
        match map.get_mut(&name) {
            None => {
                map.insert(name, Value::String(value));
            }
            Some(Value::Array(values)) => values.push(Value::String(value)),
            Some(first) => *first = Value::Array(vec![first.take(), Value::String(value)]),
        }
    }
    map
}
