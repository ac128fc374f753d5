//! Indexing a spec: its operations by method and path template, with their parameters,
//! security, request bodies and responses, and every body schema compiled.

use serde_json::Value;

use super::text::{capitalise, escape, essence, is_json, percent_decode};
use super::{SpecError, invalid, schema};

/// The HTTP methods an OpenAPI path item can hold, in its order.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// An OpenAPI 3.0 spec, indexed for checking requests.
///
/// Operations are indexed by method and path template, and body schemas compiled, once in
/// [`Spec::new`]; [`Spec::check`] is then cheap.
#[derive(Debug)]
pub struct Spec {
    pub(super) doc: Value,
    /// Sorted by operationId.
    pub(super) operations: Vec<Operation>,
}

/// One operation, with what the checks need of it.
#[derive(Debug)]
pub(super) struct Operation {
    pub(super) id: String,
    pub(super) method: &'static str,
    pub(super) template: String,
    pub(super) segments: Vec<Segment>,
    pub(super) parameters: Vec<Parameter>,
    /// Alternatives; each is met when all its schemes are. Empty: no security.
    pub(super) security: Vec<Vec<Scheme>>,
    pub(super) body: Option<RequestBody>,
    /// By status key as written: `200`, `4XX`, `default`.
    pub(super) responses: Vec<(String, Vec<Media>)>,
    pub(super) has_optional_input: bool,
}

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Literal(String),
    Parameter(String),
}

/// Where a parameter (or an API key) goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum In {
    Path,
    Query,
    Header,
    Cookie,
}

/// A declared parameter (path-item and operation lists merged).
#[derive(Debug)]
pub(super) struct Parameter {
    pub(super) name: String,
    pub(super) location: In,
    pub(super) required: bool,
    /// `allowEmptyValue: true` (query parameters only): it may be sent with an empty value.
    pub(super) allow_empty: bool,
    /// What a value must be, when the schema has a primitive type; `None` otherwise (an
    /// array or object schema, or none), and its values are not checked.
    pub(super) value: Option<ValueSchema>,
    /// Its schema has `format: password`: a snapshot blanks its value ([`Spec::shape`]).
    pub(super) secret: bool,
}

/// The schema of a parameter's value: the type its text is read as, and the compiled schema.
#[derive(Debug)]
pub(super) struct ValueSchema {
    pub(super) kind: Primitive,
    pub(super) validator: jsonschema::Validator,
}

/// The primitive JSON types a parameter's text can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Primitive {
    Integer,
    Number,
    Boolean,
    String,
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

/// A security scheme, by what it needs of a request.
#[derive(Debug)]
pub(super) enum Scheme {
    /// `Authorization: <scheme> <credentials>`; the scheme as written in the spec.
    Authorization(String),
    /// An API key in a header, query parameter or cookie.
    ApiKey { name: String, location: In },
}

/// A declared request body.
#[derive(Debug)]
pub(super) struct RequestBody {
    pub(super) required: bool,
    pub(super) media: Vec<Media>,
}

/// One media type of a request body or a response.
#[derive(Debug)]
pub(super) struct Media {
    /// The media type key as written: `application/json;charset=utf8`.
    pub(super) key: String,
    /// The part before `;`, trimmed and lower case.
    pub(super) essence: String,
    /// The OpenAPI schema (for the undeclared-field walk) and its compiled validator.
    pub(super) schema: Option<(Value, jsonschema::Validator)>,
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
    let allow_empty = parameter.get("allowEmptyValue") == Some(&Value::Bool(true));
    let (value, secret) = match parameter.get("schema") {
        Some(schema) => {
            let schema_at = format!("{at}/schema");
            (
                value_schema(doc, schema, &schema_at)?,
                schema::resolve(doc, schema, &schema_at)?
                    .as_object()
                    .is_some_and(schema::is_hidden),
            )
        }
        None => (None, false),
    };
    Ok(Parameter {
        name,
        location,
        required,
        allow_empty,
        value,
        secret,
    })
}

/// A parameter's value schema, when its `type` is primitive (see [`ValueSchema`]).
fn value_schema(doc: &Value, schema: &Value, at: &str) -> Result<Option<ValueSchema>, SpecError> {
    let kind = match schema::resolve(doc, schema, at)?
        .get("type")
        .and_then(Value::as_str)
    {
        Some("integer") => Primitive::Integer,
        Some("number") => Primitive::Number,
        Some("boolean") => Primitive::Boolean,
        Some("string") => Primitive::String,
        _ => return Ok(None),
    };
    Ok(Some(ValueSchema {
        kind,
        validator: schema::compile(doc, schema, at)?,
    }))
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

/// OpenAPI: header parameters with these names are ignored (other fields describe them).
pub(super) fn ignored_header(name: &str) -> bool {
    ["accept", "content-type", "authorization"]
        .iter()
        .any(|ignored| name.eq_ignore_ascii_case(ignored))
}
