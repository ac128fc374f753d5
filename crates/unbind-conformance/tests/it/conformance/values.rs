//! Requests made from parts, and path, query and header values read as their schema type.

use super::*;

#[test]
fn a_request_from_parts_is_normalised_like_a_recorded_one() {
    let request = RecordedRequest::from_parts(
        "delete",
        "/auth/v1/user/provider/github",
        "with_user_center=true&client_id=a%20b",
        [
            ("Authorization".to_owned(), "Bearer access".to_owned()),
            ("Host".to_owned(), "127.0.0.1:1".to_owned()),
        ],
        b"",
    );
    assert_eq!(request.method, "DELETE");
    assert_eq!(
        request.query,
        [
            ("client_id".to_owned(), "a b".to_owned()),
            ("with_user_center".to_owned(), "true".to_owned())
        ]
    );
    assert_eq!(
        request.headers,
        [("authorization".to_owned(), "Bearer access".to_owned())]
    );
    assert_eq!(request.body, Body::Empty);
}

/// A path, query or header value is read as its schema's type (integer, number, boolean or
/// string) and validated against the schema; the value itself is never quoted.
#[test]
fn parameter_values_are_read_as_their_schema_type() {
    let shown = |spec: &Spec, request: &RecordedRequest| -> Vec<String> {
        match spec.check(request) {
            Ok(id) => vec![format!("ok {id}")],
            Err(violations) => violations.iter().map(ToString::to_string).collect(),
        }
    };
    let cloudbase = spec("cloudbase");
    let unbind = |flag: &str| {
        request(
            "DELETE",
            "/auth/v1/user/provider/github",
            &[("with_user_center", flag)],
            &[("authorization", "Bearer access")],
        )
    };
    assert_eq!(shown(&cloudbase, &unbind("true")), ["ok unbind_provider"]);
    assert_eq!(
        shown(&cloudbase, &unbind("yes")),
        [
            r#"unbind_provider: parameter_value: query parameter "with_user_center" is not true or false"#
        ]
    );
    let manta = spec("manta");
    let list = |limit: &str| {
        request(
            "POST",
            "/openapi/clients",
            &[("botId", "b"), ("limit", limit)],
            &[
                ("authorization", "Bearer jwt"),
                ("content-type", "application/json"),
            ],
        )
    };
    let list = |limit: &str| with_body(list(limit), json!({"secret": "s"}));
    assert_eq!(shown(&manta, &list("100")), ["ok list_clients"]);
    assert_eq!(
        shown(&manta, &list("ten")),
        [r#"list_clients: parameter_value: query parameter "limit" is not an integer"#]
    );
    assert_eq!(
        shown(&manta, &list("101")),
        [
            r#"list_clients: parameter_value: query parameter "limit": value is greater than the maximum of 100"#
        ]
    );

    // Path and header values, in a spec of their own.
    let typed = Spec::new(json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/pages/{page}": {"get": {
            "operationId": "get_page",
            "parameters": [
                {"name": "page", "in": "path", "required": true, "schema": {"type": "integer", "format": "int32"}},
                {"name": "X-Scale", "in": "header", "required": false, "schema": {"type": "number", "minimum": 0}},
                {"name": "X-Mode", "in": "header", "required": false, "schema": {"$ref": "#/components/schemas/Mode"}}
            ],
            "responses": {"204": {"description": "none"}}
        }}},
        "components": {"schemas": {"Mode": {"type": "string", "enum": ["fast", "slow"]}}}
    }))
    .unwrap();
    let page = |page: &str, headers: &[(&str, &str)]| {
        request("GET", &format!("/pages/{page}"), &[], headers)
    };
    assert_eq!(
        shown(
            &typed,
            &page("7", &[("x-scale", "1.5"), ("x-mode", "fast")])
        ),
        ["ok get_page"]
    );
    assert_eq!(
        shown(
            &typed,
            &page("seven", &[("x-scale", "-1"), ("x-mode", "quick")])
        ),
        [
            r#"get_page: parameter_value: path parameter "page" is not an integer"#,
            r#"get_page: parameter_value: header "X-Scale": value is less than the minimum of 0"#,
            r#"get_page: parameter_value: header "X-Mode": value is not one of "fast" or "slow""#,
        ]
    );
    assert_eq!(
        shown(&typed, &page("4294967296", &[])),
        [
            r#"get_page: parameter_value: path parameter "page": value is greater than the maximum of 2147483647"#
        ]
    );
}
