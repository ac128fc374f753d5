//! The rule table: every class of change `diff` reports, defined once — its id, its wire grade,
//! the Rust grade progenitor 0.15.1 gives its fixture, one line, and the fixture that shows it
//! (`xtask/tests/fixtures/diff/<fixture>/{old,new}.yaml`).
//!
//! The wire grade of every reported change comes from here ([`wire`]), and so do `release`'s
//! version bumps through it. The Rust grade of a reported change is measured on the two
//! generated crates; the table's is what the class's fixture measures, as a guide.
//! `cargo xtask diff --rules` prints the table; the README's copy is checked against it.
//!
//! Schema rules exist once per place a schema sits ([`SCHEMA_PLACES`]): a parameter, a body's
//! root, a property in it, each on the request or the response side. Their grades differ by
//! side only; the place is in the id (as oasdiff names them) so that a reader sees where.

use super::terms::Grade::{self, Breaking as B, Compatible as C, None as N};

/// One class of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable kebab-case id (oasdiff's where one fits).
    pub id: &'static str,
    /// For a client built from the old spec against a server implementing the new one.
    pub wire: Grade,
    /// For code written against the old crate, as the fixture measures it.
    pub rust: Grade,
    /// The fixture directory under `xtask/tests/fixtures/diff/`.
    pub fixture: &'static str,
    /// What the change is, in one line.
    pub text: &'static str,
}

/// Where a schema can sit; a schema rule's id is `<place>-<suffix>`.
pub const SCHEMA_PLACES: [&str; 5] = [
    "request-parameter",
    "request-body",
    "request-property",
    "response-body",
    "response-property",
];

/// The places whose schemas `diff` walks into `oneOf`, `anyOf`, `allOf` and discriminators
/// (a parameter's schema with them is graded as a type change).
pub const COMPOSED_PLACES: [&str; 4] = [
    "request-body",
    "request-property",
    "response-body",
    "response-property",
];

/// The schema rule suffixes of every place.
pub const SCHEMA_SUFFIXES: [&str; 12] = [
    "type-changed",
    "format-changed",
    "became-nullable",
    "became-not-nullable",
    "became-enum",
    "enum-removed",
    "enum-value-added",
    "enum-value-removed",
    "constraint-tightened",
    "constraint-loosened",
    "constraint-changed",
    "default-changed",
];

/// The schema rule suffixes of the [`COMPOSED_PLACES`].
pub const COMPOSED_SUFFIXES: [&str; 8] = [
    "one-of-member-added",
    "one-of-member-removed",
    "any-of-member-added",
    "any-of-member-removed",
    "all-of-member-added",
    "all-of-member-removed",
    "discriminator-mapping-added",
    "discriminator-mapping-removed",
];

macro_rules! rules {
    ($($id:literal => $wire:ident, $rust:ident, $fixture:literal, $text:literal;)*) => {
        /// Every rule, in the order `--rules` prints them.
        pub const RULES: &[Rule] = &[$(Rule {
            id: $id,
            wire: $wire,
            rust: $rust,
            fixture: $fixture,
            text: $text,
        }),*];
    };
}

rules! {
    // The document.
    "api-version-changed" => C, N, "info-version-changed", "info.version changed (every request's api-version header)";
    "description-changed" => N, N, "description-changed", "a description, summary or title changed";
    "server-url-changed" => B, N, "server-url-changed", "a server URL was removed (and others added)";
    "server-url-added" => C, N, "server-url-added", "a server URL was added, none removed";
    "api-schema-added" => N, C, "api-schema-added", "a component schema was added";
    "api-schema-removed" => N, B, "api-schema-removed", "a component schema was removed";
    "api-schema-renamed" => N, B, "api-schema-renamed", "a component schema was renamed, its shape the same (its Rust type is renamed)";
    "api-schema-changed" => N, B, "api-schema-changed", "a component schema no operation uses changed (its types only)";
    // Operations.
    "endpoint-added" => C, C, "endpoint-added", "an operation was added";
    "endpoint-removed" => B, B, "endpoint-removed", "an operation was removed";
    "endpoint-moved" => B, N, "endpoint-moved", "an operation kept its operationId under another method or path";
    "api-operation-id-changed" => C, B, "operation-id-renamed", "an operation's operationId changed (its client method is renamed)";
    "api-security-added" => B, N, "security-added", "an operation requires a security scheme it did not";
    "api-security-removed" => C, N, "security-removed", "an operation no longer requires a security scheme";
    // Parameters.
    "new-required-request-parameter" => B, B, "parameter-added-required", "a required parameter was added";
    "new-optional-request-parameter" => C, C, "parameter-added-optional", "an optional parameter was added";
    "request-parameter-removed" => C, B, "parameter-removed", "a parameter was removed (the server ignores it)";
    "request-parameter-renamed" => B, B, "parameter-renamed", "a parameter was renamed (same place and schema)";
    "request-parameter-location-changed" => B, N, "parameter-moved", "a parameter moved (query, path, header)";
    "request-parameter-became-required" => B, B, "parameter-became-required", "a parameter became required";
    "request-parameter-became-optional" => C, C, "parameter-became-optional", "a parameter became optional";
    // Request bodies.
    "request-body-added-required" => B, B, "body-added", "a required request body was added";
    "request-body-added-optional" => C, B, "request-body-added-optional", "an optional request body was added (progenitor requires it all the same)";
    "request-body-removed" => B, B, "body-removed", "the request body was removed";
    "request-body-became-required" => B, N, "body-became-required", "the request body became required";
    "request-body-media-type-changed" => B, N, "body-media-type-changed", "the request body's media type changed";
    // Properties.
    "new-required-request-property" => B, B, "body-property-added-required", "a required request property was added";
    "new-optional-request-property" => C, B, "body-property-added-optional", "an optional request property was added (a struct literal lacks it)";
    "request-property-removed" => C, B, "body-property-removed", "a request property was removed";
    "request-property-renamed" => B, B, "request-property-renamed", "a request property was renamed (same schema)";
    "request-property-became-required" => B, B, "body-property-became-required", "a request property became required";
    "request-property-became-optional" => C, B, "request-property-became-optional", "a request property became optional";
    "response-required-property-added" => C, B, "response-required-property-added", "a required response property was added";
    "response-optional-property-added" => C, B, "response-property-added", "an optional response property was added";
    "response-required-property-removed" => B, B, "response-property-removed", "a required response property was removed";
    "response-optional-property-removed" => C, B, "response-optional-property-removed", "an optional response property was removed";
    "response-property-renamed" => B, B, "response-property-renamed", "a response property was renamed (same schema)";
    "response-property-became-required" => C, B, "response-property-became-required", "a response property became required";
    "response-property-became-optional" => B, B, "response-property-became-optional", "a response property became optional (an old client requires it)";
    // Responses.
    "response-success-status-added" => B, N, "success-status-added", "a success status was added (an old client does not expect it)";
    "response-success-status-removed" => C, N, "success-status-removed", "a success status was removed";
    "response-non-success-status-added" => C, N, "error-status-added", "an error status was added";
    "response-non-success-status-removed" => C, N, "error-status-removed", "an error status was removed";
    "response-media-type-changed" => B, B, "response-content-type-changed", "a response's media type changed";
    // Schemas, per place: see SCHEMA_PLACES.
    "request-parameter-type-changed" => B, B, "parameter-type-changed", "a parameter's type or schema changed";
    "request-parameter-format-changed" => B, B, "request-parameter-format-changed", "a parameter's format changed";
    "request-parameter-became-nullable" => C, B, "request-parameter-became-nullable", "a parameter became nullable";
    "request-parameter-became-not-nullable" => B, B, "request-parameter-became-not-nullable", "a parameter is no longer nullable";
    "request-parameter-became-enum" => B, B, "request-parameter-became-enum", "a parameter is now limited to a list of values";
    "request-parameter-enum-removed" => C, B, "request-parameter-enum-removed", "a parameter is no longer limited to a list of values";
    "request-parameter-enum-value-added" => C, B, "parameter-enum-value-added", "a parameter accepts a new value";
    "request-parameter-enum-value-removed" => B, B, "parameter-enum-value-removed", "a parameter no longer accepts a value";
    "request-body-type-changed" => B, B, "request-body-type-changed", "the request body's type or schema changed";
    "request-body-format-changed" => B, B, "request-body-format-changed", "the request body's format changed";
    "request-body-became-nullable" => C, B, "request-body-became-nullable", "the request body became nullable";
    "request-body-became-not-nullable" => B, B, "request-body-became-not-nullable", "the request body is no longer nullable";
    "request-body-became-enum" => B, B, "request-body-became-enum", "the request body is now limited to a list of values";
    "request-body-enum-removed" => C, B, "request-body-enum-removed", "the request body is no longer limited to a list of values";
    "request-body-enum-value-added" => C, B, "request-body-enum-value-added", "the request body accepts a new value";
    "request-body-enum-value-removed" => B, B, "request-body-enum-value-removed", "the request body no longer accepts a value";
    "request-property-type-changed" => B, B, "body-property-type-changed", "a request property's type or schema changed";
    "request-property-format-changed" => B, B, "body-property-format-changed", "a request property's format changed";
    "request-property-became-nullable" => C, B, "request-property-became-nullable", "a request property became nullable";
    "request-property-became-not-nullable" => B, B, "request-property-became-not-nullable", "a request property is no longer nullable";
    "request-property-became-enum" => B, B, "request-became-enum", "a request property is now limited to a list of values";
    "request-property-enum-removed" => C, B, "request-property-enum-removed", "a request property is no longer limited to a list of values";
    "request-property-enum-value-added" => C, B, "request-enum-value-added", "a request property accepts a new value";
    "request-property-enum-value-removed" => B, B, "request-enum-value-removed", "a request property no longer accepts a value";
    "response-body-type-changed" => B, B, "response-body-type-changed", "a response body's type or schema changed";
    "response-body-format-changed" => B, B, "response-body-format-changed", "a response body's format changed";
    "response-body-became-nullable" => B, B, "response-body-became-nullable", "a response body became nullable (an old client cannot take null)";
    "response-body-became-not-nullable" => C, B, "response-body-became-not-nullable", "a response body is no longer nullable";
    "response-body-became-enum" => C, B, "response-body-became-enum", "a response body is now limited to a list of values";
    "response-body-enum-removed" => B, B, "response-body-enum-removed", "a response body is no longer limited to a list of values";
    "response-body-enum-value-added" => B, B, "response-body-enum-value-added", "a response body can carry a new value (an old client cannot decode it)";
    "response-body-enum-value-removed" => C, B, "response-body-enum-value-removed", "a response body no longer carries a value";
    "response-property-type-changed" => B, B, "response-property-type-changed", "a response property's type or schema changed";
    "response-property-format-changed" => B, B, "response-property-format-changed", "a response property's format changed";
    "response-property-became-nullable" => B, B, "response-property-became-nullable", "a response property became nullable (an old client cannot take null)";
    "response-property-became-not-nullable" => C, B, "response-property-became-not-nullable", "a response property is no longer nullable";
    "response-property-became-enum" => C, B, "response-became-enum", "a response property is now limited to a list of values";
    "response-property-enum-removed" => B, B, "response-property-enum-removed", "a response property is no longer limited to a list of values";
    "response-property-enum-value-added" => B, B, "response-enum-value-added", "a response property can carry a new value (an old client cannot decode it)";
    "response-property-enum-value-removed" => C, B, "response-enum-value-removed", "a response property no longer carries a value";
    // Value constraints, per place.
    "request-parameter-constraint-tightened" => B, B, "request-parameter-constraint-tightened", "a parameter's value constraint tightened (maxLength, minimum, pattern…: a value once allowed may be refused)";
    "request-parameter-constraint-loosened" => C, B, "request-parameter-constraint-loosened", "a parameter's value constraint loosened";
    "request-parameter-constraint-changed" => B, N, "request-parameter-constraint-changed", "a parameter's pattern or multipleOf replaced by another (the fixture's multipleOf: typify ignores it)";
    "request-body-constraint-tightened" => B, B, "request-body-constraint-tightened", "the request body's value constraint tightened (maxLength, minimum, pattern…: a value once allowed may be refused)";
    "request-body-constraint-loosened" => C, B, "request-body-constraint-loosened", "the request body's value constraint loosened";
    "request-body-constraint-changed" => B, N, "request-body-constraint-changed", "the request body's pattern or multipleOf replaced by another (the fixture's multipleOf: typify ignores it)";
    "request-property-constraint-tightened" => B, B, "request-property-constraint-tightened", "a request property's value constraint tightened (maxLength, minimum, pattern…: a value once allowed may be refused)";
    "request-property-constraint-loosened" => C, B, "request-property-constraint-loosened", "a request property's value constraint loosened";
    "request-property-constraint-changed" => B, N, "request-property-constraint-changed", "a request property's pattern or multipleOf replaced by another (the fixture's multipleOf: typify ignores it)";
    "response-body-constraint-tightened" => C, B, "response-body-constraint-tightened", "a response body's value constraint tightened (maxLength, minimum, pattern…: a value once allowed may be refused)";
    "response-body-constraint-loosened" => B, B, "response-body-constraint-loosened", "a response body's value constraint loosened (an old client checks the old one)";
    "response-body-constraint-changed" => B, N, "response-body-constraint-changed", "a response body's pattern or multipleOf replaced by another (the fixture's multipleOf: typify ignores it)";
    "response-property-constraint-tightened" => C, B, "response-property-constraint-tightened", "a response property's value constraint tightened (maxLength, minimum, pattern…: a value once allowed may be refused)";
    "response-property-constraint-loosened" => B, B, "response-property-constraint-loosened", "a response property's value constraint loosened (an old client checks the old one)";
    "response-property-constraint-changed" => B, N, "response-property-constraint-changed", "a response property's pattern or multipleOf replaced by another (the fixture's multipleOf: typify ignores it)";
    // Defaults, per place.
    "request-parameter-default-changed" => B, N, "request-parameter-default-changed", "a parameter's default was added, removed or changed (what the server assumes when it is left out)";
    "request-body-default-changed" => B, N, "request-body-default-changed", "the request body's default was added, removed or changed (what the server assumes when it is left out)";
    "request-property-default-changed" => B, B, "request-property-default-changed", "a request property's default was added, removed or changed (what the server assumes when it is left out)";
    "response-body-default-changed" => B, N, "response-body-default-changed", "a response body's default was added, removed or changed (what an old client fills in when it is left out)";
    "response-property-default-changed" => B, B, "response-property-default-changed", "a response property's default was added, removed or changed (what an old client fills in when it is left out)";
    // Composition, per place: see COMPOSED_PLACES.
    // progenitor 0.15.1 drops `discriminator` (its to_schema.rs): a mapping changes no Rust.
    "request-body-one-of-member-added" => C, B, "request-body-one-of-member-added", "the request body may be one more schema (oneOf)";
    "request-body-one-of-member-removed" => B, B, "request-body-one-of-member-removed", "the request body may no longer be a schema (oneOf)";
    "request-body-any-of-member-added" => C, B, "request-body-any-of-member-added", "the request body may match one more schema (anyOf)";
    "request-body-any-of-member-removed" => B, B, "request-body-any-of-member-removed", "the request body may no longer match a schema (anyOf)";
    "request-body-all-of-member-added" => B, B, "request-body-all-of-member-added", "the request body must also match a schema (allOf)";
    "request-body-all-of-member-removed" => C, B, "request-body-all-of-member-removed", "the request body need no longer match a schema (allOf)";
    "request-body-discriminator-mapping-added" => C, N, "request-body-discriminator-mapping-added", "the request body's discriminator maps one more value";
    "request-body-discriminator-mapping-removed" => B, N, "request-body-discriminator-mapping-removed", "the request body's discriminator no longer maps a value";
    "request-property-one-of-member-added" => C, B, "request-property-one-of-member-added", "a request property may be one more schema (oneOf)";
    "request-property-one-of-member-removed" => B, B, "request-property-one-of-member-removed", "a request property may no longer be a schema (oneOf)";
    "request-property-any-of-member-added" => C, B, "request-property-any-of-member-added", "a request property may match one more schema (anyOf)";
    "request-property-any-of-member-removed" => B, B, "request-property-any-of-member-removed", "a request property may no longer match a schema (anyOf)";
    "request-property-all-of-member-added" => B, B, "request-property-all-of-member-added", "a request property must also match a schema (allOf)";
    "request-property-all-of-member-removed" => C, B, "request-property-all-of-member-removed", "a request property need no longer match a schema (allOf)";
    "request-property-discriminator-mapping-added" => C, N, "request-property-discriminator-mapping-added", "a request property's discriminator maps one more value";
    "request-property-discriminator-mapping-removed" => B, N, "request-property-discriminator-mapping-removed", "a request property's discriminator no longer maps a value";
    "response-body-one-of-member-added" => B, B, "response-body-one-of-member-added", "a response body may be one more schema (oneOf; an old client cannot decode it)";
    "response-body-one-of-member-removed" => C, B, "response-body-one-of-member-removed", "a response body may no longer be a schema (oneOf)";
    "response-body-any-of-member-added" => B, B, "response-body-any-of-member-added", "a response body may match one more schema (anyOf; an old client may not decode it)";
    "response-body-any-of-member-removed" => C, B, "response-body-any-of-member-removed", "a response body may no longer match a schema (anyOf)";
    "response-body-all-of-member-added" => C, B, "response-body-all-of-member-added", "a response body also matches a schema (allOf)";
    "response-body-all-of-member-removed" => B, B, "response-body-all-of-member-removed", "a response body need no longer match a schema (allOf; an old client relies on it)";
    "response-body-discriminator-mapping-added" => B, N, "response-body-discriminator-mapping-added", "a response body's discriminator maps one more value (an old client cannot decode it)";
    "response-body-discriminator-mapping-removed" => C, N, "response-body-discriminator-mapping-removed", "a response body's discriminator no longer maps a value";
    "response-property-one-of-member-added" => B, B, "response-property-one-of-member-added", "a response property may be one more schema (oneOf; an old client cannot decode it)";
    "response-property-one-of-member-removed" => C, B, "response-property-one-of-member-removed", "a response property may no longer be a schema (oneOf)";
    "response-property-any-of-member-added" => B, B, "response-property-any-of-member-added", "a response property may match one more schema (anyOf; an old client may not decode it)";
    "response-property-any-of-member-removed" => C, B, "response-property-any-of-member-removed", "a response property may no longer match a schema (anyOf)";
    "response-property-all-of-member-added" => C, B, "response-property-all-of-member-added", "a response property also matches a schema (allOf)";
    "response-property-all-of-member-removed" => B, B, "response-property-all-of-member-removed", "a response property need no longer match a schema (allOf; an old client relies on it)";
    "response-property-discriminator-mapping-added" => B, N, "response-property-discriminator-mapping-added", "a response property's discriminator maps one more value (an old client cannot decode it)";
    "response-property-discriminator-mapping-removed" => C, N, "response-property-discriminator-mapping-removed", "a response property's discriminator no longer maps a value";
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The wire grade of the rule `id`. Every id `diff` reports is in the table (a unit test walks
/// every id the walk can build); an id that were not would be graded breaking, never passed.
pub fn wire(id: &str) -> Grade {
    rule(id).map_or(B, |r| r.wire)
}

/// The table as text, for `cargo xtask diff --rules`.
pub fn text() -> String {
    let head = format!(
        "{:<48} {:<10} {:<10} what (fixture)\n",
        "id", "wire", "rust"
    );
    table(&head, |[id, wire, rust, text, fixture]| {
        format!("{id:<48} {wire:<10} {rust:<10} {text} ({fixture})\n")
    })
}

/// The table as Markdown: the README's copy, between its `diff-rules` markers.
pub fn markdown() -> String {
    let head = "| id | wire | rust | what | fixture |\n|---|---|---|---|---|\n";
    table(head, |[id, wire, rust, text, fixture]| {
        format!("| `{id}` | {wire} | {rust} | {text} | `{fixture}` |\n")
    })
}

/// `head`, then one `row` per rule, of its id, grades, text and fixture.
fn table(head: &str, row: fn([&str; 5]) -> String) -> String {
    RULES
        .iter()
        .map(|r| row([r.id, r.wire.name(), r.rust.name(), r.text, r.fixture]))
        .fold(head.to_owned(), |out, line| out + &line)
}
