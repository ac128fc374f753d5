//! Does a request, or its answer, conform to an OpenAPI 3.0 spec?
//!
//! [`Spec::check_response`] checks an answer against the responses its operation declares:
//! status, content type, and the body against the response schema (converted and validated
//! as described below for request bodies).
//!
//! [`Spec::check`] finds the operation a [`RecordedRequest`](crate::RecordedRequest) is
//! (method and path template) and lists every [`Rule`] it breaks:
//!
//! - every required parameter is present: path, query (by name), header (by case-insensitive
//!   name), cookie; `$ref` parameters and path-item parameters included. As OpenAPI says,
//!   header parameters named `Accept`, `Content-Type` or `Authorization` are ignored;
//! - the effective `security` (the operation's, else the document's; `[]` means none) is met
//!   by at least one of its alternatives: `http` schemes need `Authorization: <Scheme> <token>`
//!   (`oauth2` and `openIdConnect` a Bearer token), `apiKey` schemes their header, query
//!   parameter or cookie;
//! - no query parameter is sent that the operation does not declare, nor one with an empty
//!   value (`name=`) unless its `allowEmptyValue` is true;
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
//! `null`, the formats `int32` and `int64` bounding integers to signed 32 and 64 bits,
//! `readOnly` properties not required, and OpenAPI-only keywords dropped. Only JSON
//! media types (`application/json`, `*+json`) are validated. Violations never quote body
//! values: a body may carry secrets.
//!
//! Paths are matched against the keys of `paths` as they are, without the base path of a
//! `servers` URL: point the client at [`Recorder::uri`](crate::Recorder::uri) itself.
//! The value of a path, query or header parameter whose schema has a primitive `type`
//! (integer, number, boolean, string) is read as that type (`true`/`false` for a boolean) and
//! validated against the schema; values of other schemas (arrays, objects) and cookies are
//! checked for presence only. Headers the spec does not mention are allowed.
//!
//! Not supported (rejected by [`Spec::new`] where it matters): OpenAPI other than 3.0.x,
//! `$ref`s outside the document, and path templates with a parameter inside a segment
//! (`/files/{name}.json`).

mod index;
mod request;
mod response;
mod schema;
mod shape;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use index::Spec;
pub use shape::{REDACTED, Shape};

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
    /// The text given to [`Spec::from_yaml`] is not YAML (or JSON) that maps to a JSON value.
    #[error("invalid YAML: {message}")]
    YamlText {
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

impl Spec {
    /// Indexes an OpenAPI 3.0 document given as YAML (or JSON) text: a client crate's
    /// `OPENAPI_YAML`, say.
    pub fn from_yaml(text: &str) -> Result<Spec, SpecError> {
        let doc: Value = serde_norway::from_str(text).map_err(|error| SpecError::YamlText {
            message: error.to_string(),
        })?;
        Spec::new(doc)
    }
}

/// A rule of the spec that a request can break. New rules come as the checker learns to read
/// more of a spec (as `ParameterValue` did), so a `match` needs a `_` arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// No operation (or more than one, equally specific) has the request's method and path.
    NoSuchOperation,
    /// A required path, query or cookie parameter (or `apiKey` query parameter or cookie) is
    /// missing, or a query parameter is sent empty although its `allowEmptyValue` is not true.
    MissingParameter,
    /// A required header parameter, or the header a security scheme needs, is missing.
    MissingHeader,
    /// A query parameter that the operation does not declare was sent.
    UndeclaredQueryParameter,
    /// A path, query or header parameter's value, read as its schema's type (integer, number,
    /// boolean or string), is not of that type or does not validate against the schema.
    ParameterValue,
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
            Rule::ParameterValue => "parameter_value",
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

/// A [`SpecError::Invalid`] at `pointer`.
fn invalid(pointer: &str, message: impl Into<String>) -> SpecError {
    SpecError::Invalid {
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}
