//! Does a request, or its answer, conform to an OpenAPI 3.0 spec?
//!
//! [`Spec::check_response`] checks an answer against the responses its operation declares:
//! status, content type, and the body against the response schema (converted and validated
//! as described below for request bodies).
//!
//! [`Spec::check`] finds the operation a [`RecordedRequest`] is (method and path template)
//! and lists every [`Rule`] it breaks:
//!
//! - every required parameter is present: path, query (by name), header (by case-insensitive
//!   name), cookie; `$ref` parameters and path-item parameters included. As OpenAPI says,
//!   header parameters named `Accept`, `Content-Type` or `Authorization` are ignored;
//! - the effective `security` (the operation's, else the document's; `[]` means none) is met
//!   by at least one of its alternatives: `http` schemes need `Authorization: <Scheme> <token>`
//!   (`oauth2` and `openIdConnect` a Bearer token), `apiKey` schemes their header, query
//!   parameter or cookie;
//! - no query parameter is sent that the operation does not declare;
//! - a required body is sent; its `Content-Type` is a declared media type (compared on the
//!   part before `;`, case-insensitively, and in full, ignoring spaces and case, when the
//!   spec's media type has parameters such as `application/json;charset=utf8`); a JSON body
//!   validates against the schema; every object field in it is declared in `properties`
//!   (unless `additionalProperties` allows more, or the object lists no properties at all).
//!   A body sent to an operation that declares none is an undeclared field `""`.
//!
//! Body schemas are validated as JSON Schema draft 4, the dialect OpenAPI 3.0 extends, with
//! the `jsonschema` crate (formats checked), after conversion: `$ref`s into
//! `#/components/schemas` resolved (recursive schemas work), `nullable: true` admitting
//! `null`, `readOnly` properties not required, and OpenAPI-only keywords dropped. Only JSON
//! media types (`application/json`, `*+json`) are validated. Violations never quote body
//! values: a body may carry secrets.
//!
//! Paths are matched against the keys of `paths` as they are, without the base path of a
//! `servers` URL: point the client at [`Recorder::uri`](crate::Recorder::uri) itself.
//! Parameter values are checked for presence only, not against their schemas, and headers
//! the spec does not mention are allowed.
//!
//! Not supported (rejected by [`Spec::new`] where it matters): OpenAPI other than 3.0.x,
//! `$ref`s outside the document, and path templates with a parameter inside a segment
//! (`/files/{name}.json`).

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{Body, RecordedRequest};

mod schema;

/// The HTTP methods an OpenAPI path item can hold, in its order.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Why a spec could not be loaded or indexed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SpecError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not YAML (or JSON) that maps to a JSON value.
    #[error("{}: invalid YAML: {message}", path.display())]
    Yaml {
        /// The file.
        path: PathBuf,
        /// The parser's message, with the line and column.
        message: String,
    },
    /// The document is not an OpenAPI 3.0 spec this checker can use.
    #[error("{pointer}: {message}")]
    Invalid {
        /// A JSON pointer to the offending part of the document (`""` for the root).
        pointer: String,
        /// What is wrong.
        message: String,
    },
}

/// Reads an OpenAPI spec from a YAML (or JSON) file.
pub fn load_spec(path: &Path) -> Result<Value, SpecError> {
    let text = std::fs::read_to_string(path).map_err(|source| SpecError::Read {
        path: path.to_owned(),
        source,
    })?;
    serde_norway::from_str(&text).map_err(|error| SpecError::Yaml {
        path: path.to_owned(),
        message: error.to_string(),
    })
}

/// A rule of the spec that a request can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// No operation (or more than one, equally specific) has the request's method and path.
    NoSuchOperation,
    /// A required path, query or cookie parameter (or `apiKey` query parameter or cookie) is
    /// missing.
    MissingParameter,
    /// A required header parameter, or the header a security scheme needs, is missing.
    MissingHeader,
    /// A query parameter that the operation does not declare was sent.
    UndeclaredQueryParameter,
    /// The request body is required but none was sent.
    BodyMissing,
    /// The body has an object field that its schema does not declare, or the operation
    /// takes no body.
    UndeclaredBodyField,
    /// The body does not validate against its schema (or is not JSON where JSON is due).
    BodySchema,
    /// The `Content-Type` is missing, not declared, or lacks the declared parameters.
    ContentType,
    /// An answer's status is not among the operation's responses (nor in a declared range
    /// such as `4XX`, nor covered by `default`).
    UndeclaredStatus,
    /// An answer's `Content-Type` is missing or not declared for its status, or the answer
    /// has a body where the response declares none.
    ResponseContentType,
    /// An answer's body does not validate against the response schema, or has an object
    /// field the schema does not declare.
    ResponseBody,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rule::NoSuchOperation => "no_such_operation",
            Rule::MissingParameter => "missing_parameter",
            Rule::MissingHeader => "missing_header",
            Rule::UndeclaredQueryParameter => "undeclared_query_parameter",
            Rule::BodyMissing => "body_missing",
            Rule::UndeclaredBodyField => "undeclared_body_field",
            Rule::BodySchema => "body_schema",
            Rule::ContentType => "content_type",
            Rule::UndeclaredStatus => "undeclared_status",
            Rule::ResponseContentType => "response_content_type",
            Rule::ResponseBody => "response_body",
        })
    }
}

/// One rule a request breaks.
///
/// Displays as `<operationId>: <rule>: <detail>`, with `(none)` for a request that matches
/// no operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The operation the request was matched to, if any.
    pub operation: Option<String>,
    /// The rule broken.
    pub rule: Rule,
    /// What exactly is wrong, e.g. `required query parameter "botId" is missing`.
    pub detail: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = self.operation.as_deref().unwrap_or("(none)");
        write!(f, "{operation}: {}: {}", self.rule, self.detail)
    }
}

impl std::error::Error for Violation {}

/// An OpenAPI 3.0 spec, indexed for checking requests.
///
/// Operations are indexed by method and path template, and body schemas compiled, once in
/// [`Spec::new`]; [`Spec::check`] is then cheap.
#[derive(Debug)]
pub struct Spec {
    doc: Value,
    /// Sorted by operationId.
    operations: Vec<Operation>,
}

#[derive(Debug)]
struct Operation {
    id: String,
    method: &'static str,
    template: String,
    segments: Vec<Segment>,
    parameters: Vec<Parameter>,
    /// Alternatives; each is met when all its schemes are. Empty: no security.
    security: Vec<Vec<Scheme>>,
    body: Option<RequestBody>,
    /// By status key as written: `200`, `4XX`, `default`.
    responses: Vec<(String, Vec<Media>)>,
    has_optional_input: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum In {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Debug)]
struct Parameter {
    name: String,
    location: In,
    required: bool,
}

impl Parameter {
    /// Whether `other` declares the same parameter (header names are case-insensitive).
    fn same_as(&self, other: &Parameter) -> bool {
        self.location == other.location
            && if self.location == In::Header {
                self.name.eq_ignore_ascii_case(&other.name)
            } else {
                self.name == other.name
            }
    }
}

#[derive(Debug)]
enum Scheme {
    /// `Authorization: <scheme> <credentials>`; the scheme as written in the spec.
    Authorization(String),
    /// An API key in a header, query parameter or cookie.
    ApiKey { name: String, location: In },
}

#[derive(Debug)]
struct RequestBody {
    required: bool,
    media: Vec<Media>,
}

#[derive(Debug)]
struct Media {
    /// The media type key as written: `application/json;charset=utf8`.
    key: String,
    /// The part before `;`, trimmed and lower case.
    essence: String,
    /// The OpenAPI schema (for the undeclared-field walk) and its compiled validator.
    schema: Option<(Value, jsonschema::Validator)>,
}

impl Spec {
    /// Indexes the operations of an OpenAPI 3.0.x document and compiles its body schemas.
    pub fn new(doc: Value) -> Result<Spec, SpecError> {
        let version = doc
            .get("openapi")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("/openapi", "missing: not an OpenAPI document"))?;
        if !version.starts_with("3.0.") {
            return Err(invalid(
                "/openapi",
                format!("version {version:?} is not 3.0.x"),
            ));
        }
        let paths = doc
            .get("paths")
            .and_then(Value::as_object)
            .ok_or_else(|| invalid("/paths", "missing or not a map"))?;
        let mut operations = Vec::new();
        for (template, item) in paths {
            let item_at = format!("/paths/{}", escape(template));
            let item = schema::resolve(&doc, item, &item_at)?;
            let segments = parse_template(template, &item_at)?;
            for &method in METHODS {
                let Some(operation) = item.get(method) else {
                    continue;
                };
                operations.push(Operation::new(
                    &doc, item, operation, method, template, &segments, &item_at,
                )?);
            }
        }
        operations.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(pair) = operations.windows(2).find(|pair| pair[0].id == pair[1].id) {
            return Err(invalid(
                "/paths",
                format!(
                    "operationId {:?} is used by {} {} and {} {}",
                    pair[0].id,
                    pair[0].method.to_ascii_uppercase(),
                    pair[0].template,
                    pair[1].method.to_ascii_uppercase(),
                    pair[1].template,
                ),
            ));
        }
        Ok(Spec { doc, operations })
    }

    /// Every operationId, sorted.
    pub fn operation_ids(&self) -> Vec<String> {
        self.operations.iter().map(|op| op.id.clone()).collect()
    }

    /// The operationIds (sorted) that take any optional input: an optional path, query or
    /// header parameter, or an optional field anywhere in a request body schema.
    pub fn operations_with_optional_parameters(&self) -> Vec<String> {
        self.operations
            .iter()
            .filter(|op| op.has_optional_input)
            .map(|op| op.id.clone())
            .collect()
    }

    /// Which operation a request is, and every rule it breaks.
    pub fn check(&self, request: &RecordedRequest) -> Result<String, Vec<Violation>> {
        let operation = self.find(request).map_err(|detail| {
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

    /// Whether an answer conforms to what operation `operation_id` declares for `status`:
    /// the status is declared (exactly, by range such as `4XX`, or by `default`); a declared
    /// body has a declared `Content-Type` and, if JSON, validates against its schema with no
    /// undeclared object fields; a response that declares no content has an empty body.
    ///
    /// Violations never quote body values. An unknown `operation_id` is a
    /// [`Rule::NoSuchOperation`].
    pub fn check_response(
        &self,
        operation_id: &str,
        status: u16,
        content_type: Option<&str>,
        body: &Body,
    ) -> Result<(), Vec<Violation>> {
        let violation = |rule, detail: String| Violation {
            operation: Some(operation_id.to_owned()),
            rule,
            detail,
        };
        let Some(operation) = self.operations.iter().find(|op| op.id == operation_id) else {
            return Err(vec![Violation {
                operation: None,
                rule: Rule::NoSuchOperation,
                detail: format!("no operation has the id {operation_id:?}"),
            }]);
        };
        // The exact status first, then its range (`4XX`), then `default`.
        let exact = status.to_string();
        let range = format!("{}XX", status / 100);
        let find =
            |wanted: &dyn Fn(&str) -> bool| operation.responses.iter().find(|(key, _)| wanted(key));
        let declared = find(&|key| key == exact)
            .or_else(|| find(&|key| key.eq_ignore_ascii_case(&range)))
            .or_else(|| find(&|key| key == "default"));
        let Some((key, media)) = declared else {
            return Err(vec![violation(
                Rule::UndeclaredStatus,
                format!("status {status} is not declared"),
            )]);
        };
        if media.is_empty() {
            return match body {
                Body::Empty => Ok(()),
                _ => Err(vec![violation(
                    Rule::ResponseContentType,
                    format!("response {key} declares no content, but a body was sent"),
                )]),
            };
        }
        let Some(content_type) = content_type else {
            return Err(vec![violation(
                Rule::ResponseContentType,
                format!("response {key} has a body but no Content-Type"),
            )]);
        };
        let wanted = essence(content_type);
        let Some(found) = media.iter().find(|m| m.essence == wanted) else {
            let keys: Vec<&str> = media.iter().map(|m| m.key.as_str()).collect();
            return Err(vec![violation(
                Rule::ResponseContentType,
                format!(
                    "content type {content_type:?} is not one of {} (response {key})",
                    keys.join(", ")
                ),
            )]);
        };
        let Some((schema, validator)) = &found.schema else {
            return Ok(());
        };
        let Body::Json(json) = body else {
            return Err(vec![violation(
                Rule::ResponseBody,
                format!("the body is not JSON, but {:?} is", found.key),
            )]);
        };
        let mut broken = Vec::new();
        let mut undeclared = Vec::new();
        schema::undeclared_fields(&self.doc, &[schema], json, "", &mut undeclared);
        for pointer in undeclared {
            broken.push(violation(
                Rule::ResponseBody,
                format!("body field {pointer:?} is not declared"),
            ));
        }
        for error in validator.iter_errors(json) {
            let path = error.instance_path().as_str();
            let message = error.masked();
            broken.push(violation(
                Rule::ResponseBody,
                if path.is_empty() {
                    format!("body: {message}")
                } else {
                    format!("body {path}: {message}")
                },
            ));
        }
        if broken.is_empty() {
            Ok(())
        } else {
            Err(broken)
        }
    }

    /// The one operation with the request's method whose template matches its path; of
    /// several, the one with the most literal segments.
    fn find(&self, request: &RecordedRequest) -> Result<&Operation, String> {
        let method = request.method.to_ascii_lowercase();
        let segments = split_path(&request.path);
        let matching: Vec<&Operation> = self
            .operations
            .iter()
            .filter(|op| segments.as_ref().is_some_and(|s| op.matches(s)))
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
    fn new(
        doc: &Value,
        item: &Value,
        operation: &Value,
        method: &'static str,
        template: &str,
        segments: &[Segment],
        item_at: &str,
    ) -> Result<Operation, SpecError> {
        let at = &format!("{item_at}/{method}");
        let id = operation
            .get("operationId")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid(at, "has no operationId"))?
            .to_owned();

        // Path-item parameters, overridden by operation parameters of the same name and place.
        let mut parameters: Vec<Parameter> = Vec::new();
        for (list, base) in [
            (item.get("parameters"), format!("{item_at}/parameters")),
            (operation.get("parameters"), format!("{at}/parameters")),
        ] {
            let Some(list) = list else {
                continue;
            };
            let list = list
                .as_array()
                .ok_or_else(|| invalid(&base, "is not a list"))?;
            for (index, parameter) in list.iter().enumerate() {
                let parameter = parse_parameter(doc, parameter, &format!("{base}/{index}"))?;
                parameters.retain(|p| !p.same_as(&parameter));
                parameters.push(parameter);
            }
        }
        parameters.retain(|p| !(p.location == In::Header && ignored_header(&p.name)));

        let security_at = format!("{at}/security");
        let security = match operation.get("security") {
            Some(security) => parse_security(doc, security, &security_at)?,
            None => match doc.get("security") {
                Some(security) => parse_security(doc, security, "/security")?,
                None => Vec::new(),
            },
        };

        let body = match operation.get("requestBody") {
            Some(body) => Some(parse_body(doc, body, &format!("{at}/requestBody"))?),
            None => None,
        };

        let mut responses = Vec::new();
        if let Some(declared) = operation.get("responses").and_then(Value::as_object) {
            for (status, response) in declared {
                let response_at = format!("{at}/responses/{}", escape(status));
                let response = schema::resolve(doc, response, &response_at)?;
                let media = match response.get("content") {
                    Some(content) => parse_content(doc, content, &response_at)?,
                    None => Vec::new(),
                };
                responses.push((status.clone(), media));
            }
        }

        let has_optional_input = parameters
            .iter()
            .any(|p| !p.required && p.location != In::Cookie)
            || body.iter().flat_map(|b| &b.media).any(|media| {
                media
                    .schema
                    .as_ref()
                    .is_some_and(|(schema, _)| schema::has_optional_field(doc, schema))
            });

        Ok(Operation {
            id,
            method,
            template: template.to_owned(),
            segments: segments.to_vec(),
            parameters,
            security,
            body,
            responses,
            has_optional_input,
        })
    }

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
    fn media_for(&self, content_type: &str) -> Option<&Media> {
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

fn parse_parameter(doc: &Value, parameter: &Value, at: &str) -> Result<Parameter, SpecError> {
    let parameter = schema::resolve(doc, parameter, at)?;
    let name = parameter
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(at, "parameter has no name"))?
        .to_owned();
    let location = match parameter.get("in").and_then(Value::as_str) {
        Some("path") => In::Path,
        Some("query") => In::Query,
        Some("header") => In::Header,
        Some("cookie") => In::Cookie,
        other => {
            return Err(invalid(
                at,
                format!(
                    "parameter {name:?} has `in: {other:?}`, not path, query, header or cookie"
                ),
            ));
        }
    };
    // Path parameters are always required (OpenAPI: `required` must be true).
    let required = location == In::Path || parameter.get("required") == Some(&Value::Bool(true));
    Ok(Parameter {
        name,
        location,
        required,
    })
}

fn parse_security(doc: &Value, security: &Value, at: &str) -> Result<Vec<Vec<Scheme>>, SpecError> {
    let alternatives = security
        .as_array()
        .ok_or_else(|| invalid(at, "is not a list"))?;
    let mut parsed = Vec::new();
    for (index, requirement) in alternatives.iter().enumerate() {
        let requirement_at = format!("{at}/{index}");
        let names = requirement
            .as_object()
            .ok_or_else(|| invalid(&requirement_at, "is not a map"))?;
        let mut schemes = Vec::new();
        for name in names.keys() {
            let scheme_at = format!("/components/securitySchemes/{}", escape(name));
            let scheme = doc.pointer(&scheme_at).ok_or_else(|| {
                invalid(
                    &requirement_at,
                    format!("security scheme {name:?} is not defined"),
                )
            })?;
            let scheme = schema::resolve(doc, scheme, &scheme_at)?;
            let field = |key: &str| scheme.get(key).and_then(Value::as_str);
            schemes.push(match field("type") {
                Some("http") => {
                    let scheme = field("scheme")
                        .ok_or_else(|| invalid(&scheme_at, "http scheme has no `scheme`"))?;
                    Scheme::Authorization(capitalise(scheme))
                }
                Some("oauth2" | "openIdConnect") => Scheme::Authorization("Bearer".to_owned()),
                Some("apiKey") => {
                    let key = field("name")
                        .ok_or_else(|| invalid(&scheme_at, "apiKey scheme has no `name`"))?;
                    let location = match field("in") {
                        Some("header") => In::Header,
                        Some("query") => In::Query,
                        Some("cookie") => In::Cookie,
                        other => {
                            return Err(invalid(
                                &scheme_at,
                                format!("apiKey `in: {other:?}` is not header, query or cookie"),
                            ));
                        }
                    };
                    Scheme::ApiKey {
                        name: key.to_owned(),
                        location,
                    }
                }
                // mutualTLS and unknown types: nothing to see in a request.
                _ => continue,
            });
        }
        parsed.push(schemes);
    }
    Ok(parsed)
}

fn parse_body(doc: &Value, body: &Value, at: &str) -> Result<RequestBody, SpecError> {
    let body = schema::resolve(doc, body, at)?;
    let content = body
        .get("content")
        .ok_or_else(|| invalid(at, "requestBody has no `content` map"))?;
    Ok(RequestBody {
        required: body.get("required") == Some(&Value::Bool(true)),
        media: parse_content(doc, content, at)?,
    })
}

/// The media types of a `content` map, with compiled JSON schemas.
fn parse_content(doc: &Value, content: &Value, at: &str) -> Result<Vec<Media>, SpecError> {
    let content = content
        .as_object()
        .ok_or_else(|| invalid(&format!("{at}/content"), "is not a map"))?;
    let mut media = Vec::new();
    for (key, entry) in content {
        let media_at = format!("{at}/content/{}", escape(key));
        let essence = essence(key);
        let schema = match entry.get("schema") {
            Some(schema) if is_json(&essence) => {
                let schema_at = format!("{media_at}/schema");
                let validator = schema::compile(doc, schema, &schema_at)?;
                Some((schema.clone(), validator))
            }
            _ => None,
        };
        media.push(Media {
            key: key.clone(),
            essence,
            schema,
        });
    }
    Ok(media)
}

/// Splits a path template into segments; `{name}` must be a whole segment.
fn parse_template(template: &str, at: &str) -> Result<Vec<Segment>, SpecError> {
    let rest = template
        .strip_prefix('/')
        .ok_or_else(|| invalid(at, "a path must start with '/'"))?;
    rest.split('/')
        .map(|segment| {
            let parameter = segment
                .strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .filter(|name| !name.is_empty() && !name.contains(['{', '}']));
            match parameter {
                Some(name) => Ok(Segment::Parameter(name.to_owned())),
                None if segment.contains(['{', '}']) => Err(invalid(
                    at,
                    format!("path segment {segment:?}: a parameter must be a whole segment"),
                )),
                None => Ok(Segment::Literal(percent_decode(segment))),
            }
        })
        .collect()
}

/// The percent-decoded segments of a request path, or `None` if it does not start with '/'.
fn split_path(path: &str) -> Option<Vec<String>> {
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

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |i: usize| bytes.get(i).and_then(|b| char::from(*b).to_digit(16));
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits are at most 0xFF.
                out.push(u8::try_from(high * 16 + low).unwrap_or(u8::MAX));
                index += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn has_cookie(request: &RecordedRequest, name: &str) -> bool {
    request
        .headers
        .iter()
        .filter(|(header, _)| header == "cookie")
        .flat_map(|(_, value)| value.split(';'))
        .any(|pair| pair.split('=').next().is_some_and(|n| n.trim() == name))
}

/// OpenAPI: header parameters with these names are ignored (other fields describe them).
fn ignored_header(name: &str) -> bool {
    ["accept", "content-type", "authorization"]
        .iter()
        .any(|ignored| name.eq_ignore_ascii_case(ignored))
}

/// The media type without parameters, trimmed and lower case.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn is_json(essence: &str) -> bool {
    essence == "application/json" || essence.ends_with("+json")
}

/// A media type with every space removed, lower case, for comparing with parameters.
fn squeeze(media_type: &str) -> String {
    media_type
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// A JSON pointer token: `~` → `~0`, `/` → `~1`.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn invalid(pointer: &str, message: impl Into<String>) -> SpecError {
    SpecError::Invalid {
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}
