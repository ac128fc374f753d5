//! Checking a request: which operation it is, and every rule of that operation it breaks.

use std::collections::BTreeSet;

use serde_json::Value;

use super::index::{In, Media, Operation, Primitive, RequestBody, Scheme, Segment, ValueSchema};
use super::text::{essence, percent_decode, squeeze};
use super::{Rule, Spec, Violation, schema};
use crate::{Body, RecordedRequest};

impl Spec {
    /// Which operation a request is, and every rule it breaks.
    pub fn check(&self, request: &RecordedRequest) -> Result<String, Vec<Violation>> {
        let segments = split_path(&request.path);
        let operation = self.find(request, segments.as_deref()).map_err(|detail| {
            vec![Violation {
                operation: None,
                rule: Rule::NoSuchOperation,
                detail,
            }]
        })?;
        let mut broken = Vec::new();
        operation.check_parameters(request, &mut broken);
        operation.check_security(request, &mut broken);
        operation.check_query(request, &mut broken);
        // A matched operation means the path had segments.
        operation.check_values(
            request,
            segments.as_deref().unwrap_or_default(),
            &mut broken,
        );
        operation.check_body(&self.doc, request, &mut broken);
        if broken.is_empty() {
            Ok(operation.id.clone())
        } else {
            Err(broken
                .into_iter()
                .map(|(rule, detail)| Violation {
                    operation: Some(operation.id.clone()),
                    rule,
                    detail,
                })
                .collect())
        }
    }

    /// The one operation with the request's method whose template matches its path (split
    /// into `segments`); of several, the one with the most literal segments.
    fn find(
        &self,
        request: &RecordedRequest,
        segments: Option<&[String]>,
    ) -> Result<&Operation, String> {
        let method = request.method.to_ascii_lowercase();
        let matching: Vec<&Operation> = self
            .operations
            .iter()
            .filter(|op| segments.is_some_and(|s| op.matches(s)))
            .collect();
        let wanted = format!("{} {}", request.method, request.path);
        let mut candidates: Vec<&Operation> = matching
            .iter()
            .copied()
            .filter(|op| op.method == method)
            .collect();
        if candidates.is_empty() {
            let others: BTreeSet<String> = matching
                .iter()
                .map(|op| op.method.to_ascii_uppercase())
                .collect();
            return Err(if others.is_empty() {
                format!("no operation matches {wanted}")
            } else {
                let others: Vec<String> = others.into_iter().collect();
                format!(
                    "no operation matches {wanted} (the path takes {})",
                    others.join(", ")
                )
            });
        }
        let best = candidates
            .iter()
            .map(|op| op.literal_segments())
            .max()
            .unwrap_or_default();
        candidates.retain(|op| op.literal_segments() == best);
        match candidates.as_slice() {
            [one] => Ok(one),
            several => {
                let ids: Vec<&str> = several.iter().map(|op| op.id.as_str()).collect();
                Err(format!(
                    "{wanted} matches more than one operation: {}",
                    ids.join(", ")
                ))
            }
        }
    }
}

impl Operation {
    fn literal_segments(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    }

    /// Whether the (percent-decoded) path segments fit this operation's template.
    fn matches(&self, segments: &[String]) -> bool {
        self.segments.len() == segments.len()
            && self
                .segments
                .iter()
                .zip(segments)
                .all(|(template, segment)| match template {
                    Segment::Literal(literal) => literal == segment,
                    Segment::Parameter(_) => is_parameter_value(segment),
                })
    }

    fn check_parameters(&self, request: &RecordedRequest, broken: &mut Vec<(Rule, String)>) {
        for parameter in self.parameters.iter().filter(|p| p.required) {
            let name = &parameter.name;
            match parameter.location {
                In::Path => {
                    let in_template = self
                        .segments
                        .iter()
                        .any(|s| *s == Segment::Parameter(name.clone()));
                    if !in_template {
                        broken.push((
                            Rule::MissingParameter,
                            format!("required path parameter {name:?} is missing"),
                        ));
                    }
                }
                In::Query => {
                    if !request.query.iter().any(|(n, _)| n == name) {
                        broken.push((
                            Rule::MissingParameter,
                            format!("required query parameter {name:?} is missing"),
                        ));
                    }
                }
                In::Header => {
                    if request.header(name).is_none() {
                        broken.push((Rule::MissingHeader, format!("header {name:?} is missing")));
                    }
                }
                In::Cookie => {
                    if !has_cookie(request, name) {
                        broken.push((
                            Rule::MissingParameter,
                            format!("required cookie {name:?} is missing"),
                        ));
                    }
                }
            }
        }
    }

    fn check_security(&self, request: &RecordedRequest, broken: &mut Vec<(Rule, String)>) {
        if self.security.is_empty() {
            return;
        }
        let unmet: Vec<Vec<(Rule, String)>> = self
            .security
            .iter()
            .map(|alternative| {
                alternative
                    .iter()
                    .filter_map(|scheme| scheme.unmet(request))
                    .collect()
            })
            .collect();
        if unmet.iter().any(Vec::is_empty) {
            return;
        }
        let several = unmet.len() > 1;
        for (rule, detail) in unmet.into_iter().flatten() {
            let detail = if several {
                format!("{detail} (and no other security requirement is met)")
            } else {
                detail
            };
            if !broken.contains(&(rule, detail.clone())) {
                broken.push((rule, detail));
            }
        }
    }

    fn check_query(&self, request: &RecordedRequest, broken: &mut Vec<(Rule, String)>) {
        let declared: BTreeSet<&str> = self
            .parameters
            .iter()
            .filter(|p| p.location == In::Query)
            .map(|p| p.name.as_str())
            .chain(
                self.security
                    .iter()
                    .flatten()
                    .filter_map(|scheme| match scheme {
                        Scheme::ApiKey {
                            name,
                            location: In::Query,
                        } => Some(name.as_str()),
                        _ => None,
                    }),
            )
            .collect();
        let sent: BTreeSet<&str> = request.query.iter().map(|(n, _)| n.as_str()).collect();
        for name in sent.difference(&declared) {
            broken.push((
                Rule::UndeclaredQueryParameter,
                format!("query parameter {name:?} is not declared"),
            ));
        }
        // OpenAPI 3.0: a query parameter is sent with an empty value (`name=`, or `name`
        // alone) only if its `allowEmptyValue` is true (the default is false).
        let empty: BTreeSet<&str> = request
            .query
            .iter()
            .filter(|(_, value)| value.is_empty())
            .map(|(name, _)| name.as_str())
            .collect();
        for parameter in self.parameters.iter().filter(|p| {
            p.location == In::Query && !p.allow_empty && empty.contains(p.name.as_str())
        }) {
            broken.push((
                Rule::MissingParameter,
                format!(
                    "query parameter {:?} is empty, and its allowEmptyValue is not true",
                    parameter.name
                ),
            ));
        }
    }

    /// Each value sent for a path (split into `segments`), query or header parameter with a
    /// primitive schema, read as its type and validated. Values are never quoted: they may be
    /// secrets.
    fn check_values(
        &self,
        request: &RecordedRequest,
        segments: &[String],
        broken: &mut Vec<(Rule, String)>,
    ) {
        for parameter in &self.parameters {
            let Some(schema) = &parameter.value else {
                continue;
            };
            let name = &parameter.name;
            let (place, values): (&str, Vec<&str>) = match parameter.location {
                In::Path => (
                    "path parameter",
                    self.segments
                        .iter()
                        .zip(segments)
                        .filter(
                            |(template, _)| matches!(template, Segment::Parameter(p) if p == name),
                        )
                        .map(|(_, value)| value.as_str())
                        .collect(),
                ),
                // An empty value is the empty-value rule's (or allowed by allowEmptyValue).
                In::Query => (
                    "query parameter",
                    request
                        .query
                        .iter()
                        .filter(|(n, v)| n == name && !v.is_empty())
                        .map(|(_, v)| v.as_str())
                        .collect(),
                ),
                In::Header => ("header", request.header(name).into_iter().collect()),
                In::Cookie => continue,
            };
            for value in values {
                for problem in value_problems(schema, value) {
                    let detail = format!("{place} {name:?}{problem}");
                    if !broken.contains(&(Rule::ParameterValue, detail.clone())) {
                        broken.push((Rule::ParameterValue, detail));
                    }
                }
            }
        }
    }

    fn check_body(&self, doc: &Value, request: &RecordedRequest, broken: &mut Vec<(Rule, String)>) {
        let Some(body) = &self.body else {
            if request.body != Body::Empty {
                broken.push((
                    Rule::UndeclaredBodyField,
                    "the operation takes no request body, but one was sent".to_owned(),
                ));
            }
            return;
        };
        if request.body == Body::Empty {
            if body.required {
                broken.push((
                    Rule::BodyMissing,
                    "the request body is required, but none was sent".to_owned(),
                ));
            }
            return;
        }
        let declared: Vec<&str> = body.media.iter().map(|m| m.key.as_str()).collect();
        let declared = declared.join(", ");
        let Some(content_type) = request.header("content-type") else {
            broken.push((
                Rule::ContentType,
                format!("header \"Content-Type\" is missing (expected {declared})"),
            ));
            return;
        };
        let Some(media) = body.media_for(content_type) else {
            broken.push((
                Rule::ContentType,
                format!("content type {content_type:?} is not one of {declared}"),
            ));
            return;
        };
        if media.key.contains(';') && squeeze(content_type) != squeeze(&media.key) {
            broken.push((
                Rule::ContentType,
                format!("content type {content_type:?} is not {:?}", media.key),
            ));
        }
        let Some((schema, validator)) = &media.schema else {
            return;
        };
        let Body::Json(json) = &request.body else {
            broken.push((
                Rule::BodySchema,
                format!("the body is not JSON, but {:?} is", media.key),
            ));
            return;
        };
        let mut undeclared = Vec::new();
        schema::undeclared_fields(doc, &[schema], json, "", &mut undeclared);
        for pointer in undeclared {
            broken.push((
                Rule::UndeclaredBodyField,
                format!("body field {pointer:?} is not declared"),
            ));
        }
        for error in validator.iter_errors(json) {
            let path = error.instance_path().as_str();
            let message = error.masked();
            let detail = if path.is_empty() {
                format!("body: {message}")
            } else {
                format!("body {path}: {message}")
            };
            broken.push((Rule::BodySchema, detail));
        }
    }
}

impl RequestBody {
    /// The declared media type for a request's `Content-Type`: same essence first, then
    /// `type/*`, then `*/*`.
    pub(super) fn media_for(&self, content_type: &str) -> Option<&Media> {
        let essence = essence(content_type);
        let family = essence
            .split_once('/')
            .map(|(family, _)| format!("{family}/*"));
        self.media
            .iter()
            .find(|m| m.essence == essence)
            .or_else(|| {
                self.media
                    .iter()
                    .find(|m| Some(&m.essence) == family.as_ref())
            })
            .or_else(|| self.media.iter().find(|m| m.essence == "*/*"))
    }
}

impl Scheme {
    /// What the request lacks to meet this scheme, if anything.
    fn unmet(&self, request: &RecordedRequest) -> Option<(Rule, String)> {
        match self {
            Scheme::Authorization(scheme) => {
                let met = request.header("authorization").is_some_and(|value| {
                    value.split_once(' ').is_some_and(|(given, credentials)| {
                        given.eq_ignore_ascii_case(scheme) && !credentials.trim().is_empty()
                    })
                });
                (!met).then(|| {
                    (
                        Rule::MissingHeader,
                        format!("header \"Authorization: {scheme} <credentials>\" is missing"),
                    )
                })
            }
            Scheme::ApiKey { name, location } => match location {
                In::Header => request
                    .header(name)
                    .is_none()
                    .then(|| (Rule::MissingHeader, format!("header {name:?} is missing"))),
                In::Query => (!request.query.iter().any(|(n, _)| n == name)).then(|| {
                    (
                        Rule::MissingParameter,
                        format!("required query parameter {name:?} is missing"),
                    )
                }),
                In::Cookie | In::Path => (!has_cookie(request, name)).then(|| {
                    (
                        Rule::MissingParameter,
                        format!("required cookie {name:?} is missing"),
                    )
                }),
            },
        }
    }
}

/// What is wrong with a parameter's `text` as a value of `schema`, each as the end of a
/// sentence that names the parameter: ` is not an integer`, `: value is …` (jsonschema's
/// message without the value).
fn value_problems(schema: &ValueSchema, text: &str) -> Vec<String> {
    let value = match schema.kind {
        Primitive::Integer => text
            .parse::<i64>()
            .map(Value::from)
            .or_else(|_| text.parse::<u64>().map(Value::from))
            .map_err(|_| " is not an integer"),
        Primitive::Number => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or(" is not a number"),
        Primitive::Boolean => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(" is not true or false"),
        },
        Primitive::String => Ok(Value::String(text.to_owned())),
    };
    match value {
        Err(problem) => vec![problem.to_owned()],
        Ok(value) => schema
            .validator
            .iter_errors(&value)
            .map(|error| format!(": {}", error.masked()))
            .collect(),
    }
}

/// The percent-decoded segments of a request path, or `None` if it does not start with '/'.
pub(super) fn split_path(path: &str) -> Option<Vec<String>> {
    Some(
        path.strip_prefix('/')?
            .split('/')
            .map(percent_decode)
            .collect(),
    )
}

/// Whether a decoded segment can be a path parameter's value: not empty, no '/', and not a
/// dot-segment (which URL parsers remove before a request is sent).
fn is_parameter_value(segment: &str) -> bool {
    !segment.is_empty() && !segment.contains('/') && segment != "." && segment != ".."
}

fn has_cookie(request: &RecordedRequest, name: &str) -> bool {
    request
        .headers
        .iter()
        .filter(|(header, _)| header.eq_ignore_ascii_case("cookie"))
        .flat_map(|(_, value)| value.split(';'))
        .any(|pair| pair.split('=').next().is_some_and(|n| n.trim() == name))
}
