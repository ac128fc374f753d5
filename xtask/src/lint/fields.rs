//! Nothing in a document is dropped without a word. openapiv3 2.2 (and so progenitor) skips
//! a field it does not know, a `paths` key that does not start with `/`, and a `responses`
//! key that is not a status: a misspelt `requestbody` loses the request body, a `4OO` the
//! error type, and the crate still compiles. Each of those is a problem at its pointer, as is
//! a part that must be a mapping and is not. An unknown keyword in a schema is a note (real
//! documents carry JSON Schema keywords that OpenAPI 3.0 lacks, such as `$schema`): what the
//! schema's type lacks is said, not refused.

use serde_json::{Map, Value};

use super::shared::METHODS;
pub(crate) use super::shared::shown;
use crate::problem::{Problem, join};

/// One kind of OpenAPI object: its name in messages and the fields it may hold (besides
/// extensions, `x-…`, and `$ref` where a reference may stand).
struct Kind {
    name: &'static str,
    fields: &'static [&'static str],
}

const PATH_ITEM: Kind = Kind {
    name: "a path item",
    fields: &[
        "$ref",
        "summary",
        "description",
        "get",
        "put",
        "post",
        "delete",
        "options",
        "head",
        "patch",
        "trace",
        "servers",
        "parameters",
    ],
};

const OPERATION: Kind = Kind {
    name: "an operation",
    fields: &[
        "tags",
        "summary",
        "description",
        "externalDocs",
        "operationId",
        "parameters",
        "requestBody",
        "responses",
        "callbacks",
        "deprecated",
        "security",
        "servers",
    ],
};

const PARAMETER: Kind = Kind {
    name: "a parameter",
    fields: &[
        "name",
        "in",
        "description",
        "required",
        "deprecated",
        "allowEmptyValue",
        "style",
        "explode",
        "allowReserved",
        "schema",
        "example",
        "examples",
        "content",
    ],
};

const REQUEST_BODY: Kind = Kind {
    name: "a request body",
    fields: &["description", "content", "required"],
};

const RESPONSE: Kind = Kind {
    name: "a response",
    fields: &["description", "headers", "content", "links"],
};

const MEDIA_TYPE: Kind = Kind {
    name: "a media type",
    fields: &["schema", "example", "examples", "encoding"],
};

/// The keywords of an OpenAPI 3.0 Schema object.
const SCHEMA_KEYWORDS: [&str; 36] = [
    "$ref",
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "example",
    "deprecated",
];

/// What [`check`] found: problems that stop generation, and notes.
#[derive(Default)]
pub struct Found {
    /// Each field, key or part that progenitor would skip.
    pub problems: Vec<Problem>,
    /// Each unknown schema keyword.
    pub notes: Vec<Problem>,
}

/// Checks the operations, parameters, bodies, responses and schemas of `doc` (read from
/// `file`) for what progenitor would skip without a word.
pub fn check(file: &str, doc: &Value) -> Found {
    let mut walk = Walk {
        file,
        found: Found::default(),
    };
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let at = join("/paths", path);
            if path.starts_with("x-") {
                continue;
            }
            if !path.starts_with('/') {
                walk.problem(
                    &at,
                    format!("the path `{path}` does not start with `/`: progenitor would skip it"),
                );
                continue;
            }
            walk.path_item(&at, item);
        }
    }
    if let Some(components) = doc.get("components").and_then(Value::as_object) {
        let each = |key: &'static str| {
            components
                .get(key)
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(move |(name, value)| (join(&join("/components", key), name), value))
        };
        for (at, schema) in each("schemas") {
            walk.schema(&at, schema);
        }
        for (at, parameter) in each("parameters") {
            walk.parameter(&at, parameter);
        }
        for (at, body) in each("requestBodies") {
            walk.request_body(&at, body);
        }
        for (at, response) in each("responses") {
            walk.response(&at, response);
        }
    }
    let Found {
        mut problems,
        mut notes,
    } = walk.found;
    problems.sort();
    problems.dedup();
    notes.sort();
    notes.dedup();
    Found { problems, notes }
}

struct Walk<'a> {
    file: &'a str,
    found: Found,
}

impl Walk<'_> {
    fn problem(&mut self, at: &str, message: String) {
        self.found
            .problems
            .push(Problem::at(self.file, at.to_owned(), message));
    }

    /// The fields of `node` as a `kind` (or a `$ref`), or `None` with a problem when it is not
    /// a mapping.
    fn object<'v>(
        &mut self,
        at: &str,
        node: &'v Value,
        kind: &Kind,
    ) -> Option<&'v Map<String, Value>> {
        let Some(fields) = node.as_object() else {
            self.problem(
                at,
                format!(
                    "{} must be a mapping (or a `$ref`), not {}",
                    kind.name,
                    shown(node)
                ),
            );
            return None;
        };
        if fields.contains_key("$ref") {
            return None;
        }
        for key in fields.keys() {
            if key.starts_with("x-") || kind.fields.contains(&key.as_str()) {
                continue;
            }
            if key == "<<" {
                self.problem(
                    &join(at, key),
                    "YAML merge keys (`<<`) are not applied: write the keys out (progenitor would skip them)".to_owned(),
                );
                continue;
            }
            self.problem(
                &join(at, key),
                format!(
                    "unknown field `{key}` of {}{}: progenitor would skip it",
                    kind.name,
                    hint(key, kind.fields)
                ),
            );
        }
        Some(fields)
    }

    fn path_item(&mut self, at: &str, item: &Value) {
        let Some(fields) = self.object(at, item, &PATH_ITEM) else {
            return;
        };
        self.parameters(at, fields);
        for method in METHODS {
            if let Some(operation) = fields.get(method) {
                self.operation(&join(at, method), operation);
            }
        }
    }

    fn parameters(&mut self, at: &str, fields: &Map<String, Value>) {
        match fields.get("parameters") {
            Some(Value::Array(parameters)) => {
                for (i, parameter) in parameters.iter().enumerate() {
                    self.parameter(&join(&join(at, "parameters"), &i.to_string()), parameter);
                }
            }
            Some(other) => self.problem(
                &join(at, "parameters"),
                format!("`parameters` must be a list, not {}", shown(other)),
            ),
            None => {}
        }
    }

    fn operation(&mut self, at: &str, operation: &Value) {
        let Some(fields) = self.object(at, operation, &OPERATION) else {
            return;
        };
        self.parameters(at, fields);
        if let Some(body) = fields.get("requestBody") {
            self.request_body(&join(at, "requestBody"), body);
        }
        let Some(responses) = fields.get("responses") else {
            return;
        };
        let at = join(at, "responses");
        let Some(responses) = responses.as_object() else {
            self.problem(
                &at,
                format!("`responses` must be a mapping, not {}", shown(responses)),
            );
            return;
        };
        for (status, response) in responses {
            if status.starts_with("x-") {
                continue;
            }
            let here = join(&at, status);
            if !is_status(status) {
                self.problem(
                    &here,
                    format!(
                        "`{status}` is not a status (`200`, `4XX`, `default`) nor an extension (`x-…`): progenitor would skip this response"
                    ),
                );
                continue;
            }
            self.response(&here, response);
        }
    }

    fn parameter(&mut self, at: &str, parameter: &Value) {
        if let Some(fields) = self.object(at, parameter, &PARAMETER) {
            if let Some(schema) = fields.get("schema") {
                self.schema(&join(at, "schema"), schema);
            }
            self.content(at, fields);
        }
    }

    fn request_body(&mut self, at: &str, body: &Value) {
        if let Some(fields) = self.object(at, body, &REQUEST_BODY) {
            self.content(at, fields);
        }
    }

    fn response(&mut self, at: &str, response: &Value) {
        if let Some(fields) = self.object(at, response, &RESPONSE) {
            self.content(at, fields);
        }
    }

    fn content(&mut self, at: &str, fields: &Map<String, Value>) {
        let Some(content) = fields.get("content") else {
            return;
        };
        let at = join(at, "content");
        let Some(content) = content.as_object() else {
            self.problem(
                &at,
                format!("`content` must be a mapping, not {}", shown(content)),
            );
            return;
        };
        for (media, body) in content {
            let here = join(&at, media);
            if let Some(fields) = self.object(&here, body, &MEDIA_TYPE)
                && let Some(schema) = fields.get("schema")
            {
                self.schema(&join(&here, "schema"), schema);
            }
        }
    }

    /// Notes each unknown keyword of the schema at `at` and of the schemas inside it.
    fn schema(&mut self, at: &str, schema: &Value) {
        let Some(fields) = schema.as_object() else {
            return;
        };
        if fields.contains_key("$ref") {
            return;
        }
        for (key, value) in fields {
            let here = join(at, key);
            match key.as_str() {
                "properties" => {
                    for (name, inner) in value.as_object().into_iter().flatten() {
                        self.schema(&join(&here, name), inner);
                    }
                }
                "allOf" | "oneOf" | "anyOf" => {
                    for (i, inner) in value.as_array().into_iter().flatten().enumerate() {
                        self.schema(&join(&here, &i.to_string()), inner);
                    }
                }
                "items" | "not" | "additionalProperties" => self.schema(&here, value),
                known if SCHEMA_KEYWORDS.contains(&known) || known.starts_with("x-") => {}
                unknown => self.found.notes.push(Problem::at(
                    self.file,
                    here.clone(),
                    format!(
                        "unknown schema keyword `{unknown}`{}: progenitor skips it",
                        hint(unknown, &SCHEMA_KEYWORDS)
                    ),
                )),
            }
        }
    }
}

/// Whether `key` names a response in OpenAPI 3.0: `default`, a status from 100 to 599, or a
/// range `1XX` to `5XX`.
fn is_status(key: &str) -> bool {
    let bytes = key.as_bytes();
    key == "default"
        || (bytes.len() == 3
            && (b'1'..=b'5').contains(&bytes[0])
            && ((bytes[1].is_ascii_digit() && bytes[2].is_ascii_digit())
                || (bytes[1] == b'X' && bytes[2] == b'X')))
}

/// ` (did you mean `x`?)` when one of `known` is `key` but for case or one letter.
fn hint(key: &str, known: &[&str]) -> String {
    known
        .iter()
        .find(|k| k.eq_ignore_ascii_case(key) || one_edit_apart(k, key))
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// Whether `a` becomes `b` by inserting, deleting or replacing one character.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(&long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return long.len() == short.len() + 1;
    }
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}
