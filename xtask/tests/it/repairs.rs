//! Defects of a published document that have one obvious meaning are repaired in memory, each
//! with one note at its pointer (`xtask/src/repair/`), in a small fixture modelled on the
//! document that had it (`xtask/tests/fixtures/repairs/`): the exact notes, and what the
//! generated client shows of the repair. Data (examples, defaults, enum values, extensions) is
//! never read as part of the document.

use crate::common::{TINY, fixture, generate_published, notes, squashed, workspace, xtask};

fn generate(file: &str) -> (String, String) {
    generate_published(file, &fixture(&format!("repairs/{file}")))
}

/// The text of the generated `send` of the builder `builder`, up to the next builder.
fn send_of<'a>(generated: &'a str, builder: &str) -> &'a str {
    let start = generated
        .find(&format!("impl<'a> {builder}<'a> {{"))
        .unwrap_or_else(|| panic!("no builder {builder}"));
    let rest = &generated[start..];
    let send = rest.find("pub async fn send(").expect("a send method");
    let end = rest[send..]
        .find("\n    }\n")
        .map_or(rest.len(), |end| send + end);
    &rest[send..end]
}

/// Supabase Auth's unlink operation: its 401 and 403 name a response where a schema belongs.
/// Each becomes that response's JSON schema (through a `$ref` chain of responses); the three
/// errors then share one type.
#[test]
fn a_schema_ref_to_a_response_becomes_the_response_s_json_schema() {
    let (err, generated) = generate("response_ref.yaml");
    let at = "/paths/~1user~1identities~1{identityId}/delete/responses";
    assert_eq!(
        err,
        notes(
            "response_ref.yaml",
            &[
                &format!(
                    "{at}/401/content/application~1json/schema/$ref: $ref \"#/components/responses/UnauthorizedResponse\" is a response, not a schema: replaced by its JSON schema, $ref \"#/components/schemas/ErrorSchema\""
                ),
                &format!(
                    "{at}/403/content/application~1json/schema/$ref: $ref \"#/components/responses/ForbiddenResponse\" is a response, not a schema: replaced by its JSON schema, $ref \"#/components/schemas/ErrorSchema\""
                ),
            ]
        )
    );
    assert!(
        squashed(&generated).contains(&squashed(
            "pub async fn send(self) -> Result<ResponseValue<types::User>, Error<types::ErrorSchema>>"
        )),
        "{generated}"
    );
    assert_eq!(
        generated
            .matches("u16 => Err(Error::ErrorResponse(response_value(response).await?))")
            .count(),
        3,
        "401, 403 and 404 each decode an ErrorSchema"
    );
}

/// A response given inline holds its schema inline: the schema is copied.
#[test]
fn an_inline_json_schema_of_the_named_response_is_copied() {
    let spec = TINY
        .replace(
            "                $ref: '#/components/schemas/Error'\n",
            "                $ref: '#/components/responses/Refused'\n",
        )
        .replace(
            "components:\n",
            "components:\n  responses:\n    Refused:\n      description: Refused\n      content:\n        application/json:\n          schema:\n            type: object\n            properties:\n              reason:\n                type: string\n",
        );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        (code, err.as_str()),
        (
            0,
            "note: specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: $ref \"#/components/responses/Refused\" is a response, not a schema: replaced by its JSON schema, given inline at /components/responses/Refused/content/application~1json/schema\n"
        )
    );
    let generated =
        std::fs::read_to_string(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap();
    assert!(
        generated.contains("pub struct DeleteThingResponse {") && generated.contains("pub reason:"),
        "{generated}"
    );
}

/// A path parameter without `required: true`, on the path item, on the operation and in
/// `components`, is made required: progenitor asserted it and panicked.
#[test]
fn a_path_parameter_not_marked_required_is_made_required() {
    let (err, generated) = generate("path_parameter.yaml");
    assert_eq!(
        err,
        notes(
            "path_parameter.yaml",
            &[
                "/components/parameters/sessionId: path parameter \"sessionId\" is not marked `required: true`: made required (a path parameter always is)",
                "/paths/~1users~1{userId}~1identities~1{provider}/delete/parameters/0/required: path parameter \"provider\" has `required: false`: made required (a path parameter always is)",
                "/paths/~1users~1{userId}~1identities~1{provider}/parameters/0: path parameter \"userId\" is not marked `required: true`: made required (a path parameter always is)",
            ]
        )
    );
    for name in ["user_id", "provider", "session_id"] {
        assert!(
            generated.contains(&format!("\"{name} was not initialized\"")),
            "{name} must be a required argument: {generated}"
        );
    }
    assert!(
        generated.contains("force: Ok(None)"),
        "a query parameter stays optional"
    );
}

/// Duplicate enum values: the later ones are dropped, one note each (the names lint refused
/// them as two variants of one name; an integer enum went through with its duplicates).
#[test]
fn duplicate_enum_values_are_dropped() {
    let (err, generated) = generate("duplicate_enum.yaml");
    assert_eq!(
        err,
        notes(
            "duplicate_enum.yaml",
            &[
                "/components/schemas/Identity/properties/level/enum/2: enum value 2 is already at /components/schemas/Identity/properties/level/enum/1: dropped",
                "/components/schemas/Provider/enum/2: enum value \"google\" is already at /components/schemas/Provider/enum/0: dropped",
                "/components/schemas/Provider/enum/4: enum value \"github\" is already at /components/schemas/Provider/enum/1: dropped",
                "/paths/~1identities/get/parameters/0/schema/enum/2: enum value \"google\" is already at /paths/~1identities/get/parameters/0/schema/enum/0: dropped",
            ]
        )
    );
    assert!(
        generated.contains("pub enum Provider {\n        #[serde(rename = \"google\")]\n        Google,\n        #[serde(rename = \"github\")]\n        Github,\n        #[serde(rename = \"apple\")]\n        Apple,\n    }"),
        "{generated}"
    );
    assert!(generated.contains("[1_i64, 2_i64, 3_i64]"), "{generated}");
}

/// Okta's shapes: a default that does not fit its schema made typify refuse the whole
/// schema, located at the schema ("value does not conform to the given schema"). Each is
/// dropped at its pointer; the defaults that fit stay.
#[test]
fn a_default_that_does_not_fit_its_schema_is_dropped() {
    let (err, generated) = generate("default_value.yaml");
    let at = "/components/schemas/Policy/properties";
    assert_eq!(
        err,
        notes(
            "default_value.yaml",
            &[
                &format!("{at}/enabled/default: default \"true\" is not a boolean: dropped"),
                &format!(
                    "{at}/label/default: default null does not fit a schema that is not nullable: dropped"
                ),
                &format!("{at}/level/default: default 10 is above the maximum 5: dropped"),
                &format!(
                    "{at}/maxSessionLifetimeMinutes/default: default \"No limit (the session never expires)\" is not an integer: dropped"
                ),
                &format!("{at}/priority/default: default 0 is below the minimum 1: dropped"),
                &format!(
                    "{at}/scopes/default/1: default item \"profile\" is not one of the enum values: the default is dropped"
                ),
                &format!(
                    "{at}/status/default: default \"ENABLED\" is not one of the enum values: dropped"
                ),
                "/paths/~1policies~1{policyId}/get/parameters/1/schema/default: default \"twenty\" is not an integer: dropped",
            ]
        )
    );
    assert!(
        generated.contains(
            "#[serde(default = \"defaults::default_u64::<i64, 3>\")]\n        pub retries: i64,"
        ),
        "the default that fits stays: {generated}"
    );
    assert_eq!(
        generated.matches("#[serde(default = ").count(),
        1,
        "no other default: {generated}"
    );
}

/// Okta's `(?i)` patterns: typify refused the schema ("invalid pattern"), located at the
/// schema. The pattern is dropped, saying the client no longer checks it; others stay.
#[test]
fn a_pattern_the_generated_code_cannot_compile_is_dropped() {
    let (err, generated) = generate("pattern.yaml");
    assert_eq!(
        err,
        notes(
            "pattern.yaml",
            &[
                "/components/schemas/DomainName/pattern: pattern \"(?i)^[a-z0-9.-]+$\" is not a regular expression the generated code can compile (Invalid group modifier): dropped, so the client does not check values against it",
            ]
        )
    );
    assert!(
        generated.contains("::regress::Regex::new(\"^[A-Z]{3}$\")"),
        "{generated}"
    );
    assert_eq!(generated.matches("Regex::new(").count(), 1, "{generated}");
}

/// Kratos 2026-07-29's `getWellKnownChangePassword` answers 303 or `default`: progenitor made
/// `default` the success type, and the generated match had `_` twice (`unreachable pattern`).
/// `default` is the error response, as beside a 2xx; the 303 is not decoded, and a 2xx (the
/// page a followed redirect leads to) comes back as a byte stream.
#[test]
fn default_beside_a_redirect_becomes_the_error_response() {
    let (err, generated) = generate("redirect.json");
    assert_eq!(
        err,
        notes(
            "redirect.json",
            &[
                "/paths/~1.well-known~1change-password/get/responses/default: `default` beside 303 and no 2xx becomes the error response for 4XX and 5XX, not the success type",
                "/paths/~1self-service~1login~1browser/get/responses/default: `default` beside 200 becomes the error response for 4XX and 5XX",
            ]
        )
    );
    let send = send_of(&generated, "GetWellKnownChangePassword");
    assert!(
        squashed(send).contains(&squashed(
            "pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<types::ErrorGeneric>> {"
        )),
        "a 2xx (the page a followed redirect leads to) is a byte stream: {send}"
    );
    assert_eq!(send.matches(" _ => ").count(), 1, "one catch-all: {send}");
    let code = squashed(send);
    assert!(
        code.contains(&squashed("400u16..=499u16 => { Err(Error::ErrorResponse("))
            && code.contains(&squashed("500u16..=599u16 => { Err(Error::ErrorResponse("))
            && code.contains(&squashed("_ => Err(Error::UnexpectedResponse(response))")),
        "{send}"
    );
    let send = send_of(&generated, "CreateBrowserLoginFlow");
    assert_eq!(send.matches(" _ => ").count(), 1, "one catch-all: {send}");
}

/// `$ref` keys in examples, defaults, enum values and extensions (`x-…`, also beside paths
/// and statuses) are data: nothing reports them as references, resolves them or repairs
/// them. Okta's examples gave ten false "unresolved $ref" problems; `x-…` beside paths and
/// statuses were read as paths and responses. The fixture's data also holds a schema with
/// every defect `repair` mends, and an operation with a path parameter and a redirect.
#[test]
fn ref_keys_and_schemas_in_data_are_neither_linted_nor_resolved_nor_repaired() {
    let (err, generated) = generate("example_refs.yaml");
    assert_eq!(err, "");
    assert_eq!(generated.matches("pub fn get_user(&self)").count(), 1);
    assert!(generated.contains("pub fn put_user(&self)"));
}
