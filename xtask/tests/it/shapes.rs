//! Each shape progenitor 0.15.1 cannot take, in a fixture modelled on a published document
//! (`xtask/tests/fixtures/shapes/`): the one-line note `generate` prints for each rewrite, and
//! the generated client's signature. `fixture_builds` builds and calls the same clients.

use crate::common::{fixture, generate_published, notes, squashed, workspace, xtask};

/// Generates the published document `shapes/<name>.json` alone: (stderr, generated.rs).
fn generate(name: &str) -> (String, String) {
    generate_published(
        &format!("{name}.json"),
        &fixture(&format!("shapes/{name}.json")),
    )
}

#[test]
fn default_beside_200_and_204_becomes_the_error_response() {
    let (err, generated) = generate("default_beside_success");
    assert_eq!(
        err,
        notes(
            "default_beside_success.json",
            &[
                "/paths/~1users~1{id}~1identities/get/responses/default: `default` beside 200 becomes the error response for 4XX and 5XX",
                "/paths/~1users~1{id}~1identities~1{provider}/delete/responses: 204 without a JSON body left out of the success type (progenitor 0.15.1 takes one per operation): such an answer comes back as Error::UnexpectedResponse",
                "/paths/~1users~1{id}~1identities~1{provider}/delete/responses/default: `default` beside 200, 204 becomes the error response for 4XX and 5XX",
            ]
        )
    );
    assert_eq!(
        squashed(&generated)
            .matches(&squashed(") -> Result<ResponseValue<::std::vec::Vec<types::Identity>>, Error<types::Error>> {"))
            .count(),
        2,
        "both operations: the 200 body on success, the default body on error"
    );
    assert_eq!(
        squashed(&generated)
            .matches(&squashed("400u16..=499u16 => { Err(Error::ErrorResponse("))
            .count(),
        2
    );
    assert_eq!(
        squashed(&generated)
            .matches(&squashed("500u16..=599u16 => { Err(Error::ErrorResponse("))
            .count(),
        2
    );
}

#[test]
fn three_error_bodies_become_one_untagged_enum_and_3_1_is_read_as_3_0() {
    let (err, generated) = generate("three_error_bodies");
    assert_eq!(
        err,
        notes(
            "three_error_bodies.json",
            &[
                "/components/schemas/OAuthError/properties/error_description/type: OpenAPI 3.1 type list with \"null\" becomes one type with `nullable: true`",
                "/openapi: OpenAPI 3.1.0 uses no 3.1-only construct: read as 3.0.3",
                "/paths/~1identities~1{id}~1credentials~1{type}/delete/responses: error bodies 400 → ValidationError; 401 → OAuthError; 500 → ServerError become one type ValidationErrorOrOAuthErrorOrServerError (oneOf; progenitor 0.15.1 takes one per operation)",
            ]
        )
    );
    assert!(
        squashed(&generated).contains(&squashed(
            "#[serde(untagged)] pub enum ValidationErrorOrOAuthErrorOrServerError { ValidationError(ValidationError), OAuthError(OAuthError), ServerError(ServerError) }"
        )),
        "{generated}"
    );
    assert!(squashed(&generated).contains(&squashed(
        "Result<ResponseValue<()>, Error<types::ValidationErrorOrOAuthErrorOrServerError>>"
    )));
}

#[test]
fn operations_without_ids_get_one_from_method_and_path() {
    let (err, generated) = generate("no_operation_ids");
    assert_eq!(
        err,
        notes(
            "no_operation_ids.json",
            &[
                "/paths/~1users~1{userId}~1identities/get: no operationId: derived \"get_users_by_user_id_identities\" from the method and path (an overlay can set another)",
                "/paths/~1users~1{userId}~1identities~1{provider}/delete: no operationId: derived \"delete_users_by_user_id_identities_by_provider\" from the method and path (an overlay can set another)",
            ]
        )
    );
    let code = squashed(&generated);
    assert!(code.contains(&squashed("pub fn get_users_by_user_id_identities(&self)")));
    assert!(code.contains(&squashed(
        "pub fn delete_users_by_user_id_identities_by_provider(&self"
    )));
}

#[test]
fn a_body_in_two_media_types_keeps_json() {
    let (err, generated) = generate("two_media_types");
    assert_eq!(
        err,
        notes(
            "two_media_types.json",
            &[
                "/paths/~1oauth~1revoke/post/requestBody: request body in application/json, application/x-www-form-urlencoded: keeps application/json (progenitor 0.15.1 takes one media type)",
            ]
        )
    );
    assert!(generated.contains(".json(&body)"), "{generated}");
}

#[test]
fn the_derived_operation_id_rule() {
    use xtask::normalize::derive_operation_id as id;
    assert_eq!(
        id("get", "/users/{userId}/identities"),
        "get_users_by_user_id_identities"
    );
    assert_eq!(
        id("delete", "/auth/v1/user/provider/{provider_id}"),
        "delete_auth_v1_user_provider_by_provider_id"
    );
    assert_eq!(
        id("post", "/api/v2/sdk/social/unbind-account"),
        "post_api_v2_sdk_social_unbind_account"
    );
    assert_eq!(id("get", "/"), "get_root");
    assert_eq!(id("put", "/Users.JSON/{ID}"), "put_users_json_by_id");
}

#[test]
fn a_derived_id_that_is_taken_gets_a_number() {
    let spec = r#"{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{
        "/a":{"get":{"operationId":"get_b","responses":{"204":{"description":"ok"}}}},
        "/b":{"get":{"responses":{"204":{"description":"ok"}}}}}}"#;
    let dir = workspace(&[("upstream/t.json", spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "note: specs/upstream/t.json: /paths/~1b/get: no operationId: derived \"get_b_2\" from the method and path (an overlay can set another)\n"
    );
}

/// With `--strict`; without, the operation is left out (`leave_out`).
#[test]
fn a_body_no_media_type_of_which_progenitor_can_send_is_refused_with_strict() {
    let spec = r#"{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{
        "/upload":{"post":{"operationId":"upload","requestBody":{"content":{"multipart/form-data":{"schema":{"type":"object"}}}},"responses":{"204":{"description":"ok"}}}}}}"#;
    let dir = workspace(&[("upstream/t.json", spec)]);
    let (code, out, err) = xtask(dir.path(), &["generate", "--strict"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "specs/upstream/t.json: /paths/~1upload/post/requestBody/content/multipart~1form-data: request media type(s) multipart/form-data: progenitor 0.15.1 sends only application/json, application/x-www-form-urlencoded, text/plain, text/x-markdown, application/octet-stream; set one of those in an overlay\nerror: 1 problem(s); nothing was written\n"
    );
    assert!(!dir.path().join("crates/t-client").exists());
}
