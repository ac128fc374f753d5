//! The conformance checker against the real specs in `specs/`.

use std::path::Path;

use serde_json::{Value, json};
use unbind_conformance::conformance::{Rule, Spec, SpecError, Violation, load_spec};
use unbind_conformance::{Body, RecordedRequest};

fn spec(name: &str) -> Spec {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../specs/{name}.yaml"));
    Spec::new(load_spec(&path).unwrap()).unwrap()
}

fn request(
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> RecordedRequest {
    let own = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    };
    RecordedRequest {
        method: method.to_owned(),
        path: path.to_owned(),
        query: own(query),
        headers: own(headers),
        body: Body::Empty,
    }
}

fn with_body(mut request: RecordedRequest, body: Value) -> RecordedRequest {
    request.body = Body::Json(body);
    request
}

fn violation(operation: Option<&str>, rule: Rule, detail: &str) -> Violation {
    Violation {
        operation: operation.map(str::to_owned),
        rule,
        detail: detail.to_owned(),
    }
}

fn manta_unbind() -> RecordedRequest {
    with_body(
        request(
            "POST",
            "/openapi/unbind/customer",
            &[("botId", "b")],
            &[
                ("authorization", "Bearer jwt"),
                ("content-type", "application/json"),
            ],
        ),
        json!({"secret": "s", "clientId": "c", "customerId": "u"}),
    )
}

const DEVICE_HEADERS: [(&str, &str); 4] = [
    ("x-agent", "Mozilla/5.0"),
    ("x-client-id", "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"),
    ("x-device-fingerprint", "156aysdna213sac"),
    ("x-operating-sys-version", "Android 10"),
];

fn oneaccess_unbind() -> RecordedRequest {
    let mut headers = DEVICE_HEADERS.to_vec();
    headers.push(("content-type", "application/json;charset=utf8"));
    headers.push(("x-signature", "c2lnbmVk"));
    with_body(
        request("POST", "/api/v2/sdk/social/unbind-account", &[], &headers),
        json!({"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4"}),
    )
}

fn cloudbase_unbind() -> RecordedRequest {
    request(
        "DELETE",
        "/auth/v1/user/provider/github",
        &[],
        &[("authorization", "Bearer access")],
    )
}

fn remove_header(mut request: RecordedRequest, name: &str) -> RecordedRequest {
    request.headers.retain(|(n, _)| n != name);
    request
}

fn set_header(request: RecordedRequest, name: &str, value: &str) -> RecordedRequest {
    let mut request = remove_header(request, name);
    request.headers.push((name.to_owned(), value.to_owned()));
    request.headers.sort();
    request
}

#[test]
fn the_three_specs_index_every_operation() {
    assert_eq!(
        spec("manta").operation_ids(),
        [
            "bind_customer",
            "get_api_token",
            "get_client",
            "list_clients",
            "unbind_customer"
        ]
    );
    assert_eq!(
        spec("oneaccess").operation_ids(),
        [
            "bind_social_account",
            "get_public_key",
            "get_server_date",
            "list_social_accounts",
            "login",
            "register_and_bind_social_account",
            "unbind_social_account",
        ]
    );
    assert_eq!(
        spec("cloudbase").operation_ids(),
        [
            "bind_provider",
            "get_provider_auth_uri",
            "get_provider_token",
            "list_bound_providers",
            "unbind_provider",
        ]
    );
}

#[test]
fn operations_with_optional_parameters() {
    // Manta: the list filters and get_client's platform ids; every body field is required.
    assert_eq!(
        spec("manta").operations_with_optional_parameters(),
        ["get_client", "list_clients"]
    );
    // OneAccess: X-device-ip, X-L and X-tenant-id are optional on every call.
    assert_eq!(
        spec("oneaccess").operations_with_optional_parameters(),
        spec("oneaccess").operation_ids()
    );
    // CloudBase: all but the list, which takes nothing; bind_provider only through its
    // optional body field `with_user_center`.
    assert_eq!(
        spec("cloudbase").operations_with_optional_parameters(),
        [
            "bind_provider",
            "get_provider_auth_uri",
            "get_provider_token",
            "unbind_provider"
        ]
    );
}

#[test]
fn conforming_requests_name_their_operation() {
    assert_eq!(
        spec("manta").check(&manta_unbind()),
        Ok("unbind_customer".to_owned())
    );

    let oneaccess = spec("oneaccess");
    assert_eq!(
        oneaccess.check(&oneaccess_unbind()),
        Ok("unbind_social_account".to_owned())
    );
    // Spaces and case in the parameters do not matter.
    let spaced = set_header(
        oneaccess_unbind(),
        "content-type",
        "Application/JSON; Charset=UTF8",
    );
    assert_eq!(
        oneaccess.check(&spaced),
        Ok("unbind_social_account".to_owned())
    );
    // Optional headers may be sent.
    let full = set_header(oneaccess_unbind(), "x-l", "en");
    assert_eq!(
        oneaccess.check(&full),
        Ok("unbind_social_account".to_owned())
    );

    let cloudbase = spec("cloudbase");
    assert_eq!(
        cloudbase.check(&cloudbase_unbind()),
        Ok("unbind_provider".to_owned())
    );
    let mut optional = set_header(cloudbase_unbind(), "x-device-id", "0123456789abcdef");
    optional.query = vec![
        ("client_id".to_owned(), "env".to_owned()),
        ("with_user_center".to_owned(), "true".to_owned()),
    ];
    assert_eq!(cloudbase.check(&optional), Ok("unbind_provider".to_owned()));
    // A percent-encoded path parameter is decoded before matching.
    let mut encoded = cloudbase_unbind();
    encoded.path = "/auth/v1/user/provider/wx%5Fopen".to_owned();
    assert_eq!(cloudbase.check(&encoded), Ok("unbind_provider".to_owned()));
    // `security: []`: no bearer token needed before login.
    let token = with_body(
        request(
            "POST",
            "/auth/v1/provider/token",
            &[],
            &[
                ("content-type", "application/json"),
                ("x-device-id", "0123456789abcdef"),
            ],
        ),
        json!({"provider_id": "github", "provider_code": "code"}),
    );
    assert_eq!(cloudbase.check(&token), Ok("get_provider_token".to_owned()));
    // A literal path beats a template: `bind` is not a provider id here.
    let bind = with_body(
        request(
            "POST",
            "/auth/v1/user/provider/bind",
            &[],
            &[
                ("authorization", "Bearer access"),
                ("content-type", "application/json"),
            ],
        ),
        json!({"provider_token": "pt"}),
    );
    assert_eq!(cloudbase.check(&bind), Ok("bind_provider".to_owned()));
}

#[test]
fn a_missing_required_query_parameter() {
    let mut request = manta_unbind();
    request.query.clear();
    assert_eq!(
        spec("manta").check(&request),
        Err(vec![violation(
            Some("unbind_customer"),
            Rule::MissingParameter,
            r#"required query parameter "botId" is missing"#,
        )])
    );
}

/// OpenAPI 3.0: `allowEmptyValue` (default false) says whether a query parameter may be sent
/// with an empty value; `botId=` (or a bare `botId`) does not give the required `botId`, and an
/// optional parameter may be left out but not sent empty.
#[test]
fn an_empty_query_parameter_value() {
    let cases = [
        ("manta", manta_unbind(), "unbind_customer", "botId"),
        (
            "cloudbase",
            cloudbase_unbind(),
            "unbind_provider",
            "with_user_center",
        ),
    ];
    for (provider, mut request, operation, name) in cases {
        request.query = vec![(name.to_owned(), String::new())];
        assert_eq!(
            spec(provider).check(&request),
            Err(vec![violation(
                Some(operation),
                Rule::MissingParameter,
                &format!("query parameter {name:?} is empty, and its allowEmptyValue is not true"),
            )])
        );
    }
    let allowing = Spec::new(json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/pets": {"get": {
            "operationId": "list_pets",
            "parameters": [{"name": "q", "in": "query", "required": true, "allowEmptyValue": true}],
            "responses": {"200": {"description": "pets"}}
        }}}
    }))
    .unwrap();
    assert_eq!(
        allowing.check(&request("GET", "/pets", &[("q", "")], &[])),
        Ok("list_pets".to_owned())
    );
}

/// Cookies are read from the `Cookie` header by case-insensitive name, as every header is.
#[test]
fn cookies_in_a_header_of_any_case() {
    let spec = Spec::new(json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "security": [{"session": []}],
        "paths": {"/me": {"get": {
            "operationId": "get_me",
            "parameters": [{"name": "theme", "in": "cookie", "required": true}],
            "responses": {"200": {"description": "me"}}
        }}},
        "components": {"securitySchemes": {
            "session": {"type": "apiKey", "in": "cookie", "name": "sid"}
        }}
    }))
    .unwrap();
    for name in ["cookie", "Cookie", "COOKIE"] {
        let me = request("GET", "/me", &[], &[(name, "theme=dark; sid=s1")]);
        assert_eq!(spec.check(&me), Ok("get_me".to_owned()), "{name}");
    }
    assert_eq!(
        spec.check(&request("GET", "/me", &[], &[("Cookie", "other=1")])),
        Err(vec![
            violation(
                Some("get_me"),
                Rule::MissingParameter,
                r#"required cookie "theme" is missing"#,
            ),
            violation(
                Some("get_me"),
                Rule::MissingParameter,
                r#"required cookie "sid" is missing"#,
            ),
        ])
    );
}

#[test]
fn a_missing_required_header() {
    let request = remove_header(oneaccess_unbind(), "x-signature");
    assert_eq!(
        spec("oneaccess").check(&request),
        Err(vec![violation(
            Some("unbind_social_account"),
            Rule::MissingHeader,
            r#"header "X-signature" is missing"#,
        )])
    );
}

#[test]
fn a_missing_bearer_token() {
    let expected = |operation: &str| {
        Err(vec![violation(
            Some(operation),
            Rule::MissingHeader,
            r#"header "Authorization: Bearer <credentials>" is missing"#,
        )])
    };
    let manta = spec("manta");
    assert_eq!(
        manta.check(&remove_header(manta_unbind(), "authorization")),
        expected("unbind_customer")
    );
    // Present but not a bearer token, or a bearer without a token: missing all the same.
    for value in ["Basic dXNlcjpwYXNz", "Bearer ", "jwt"] {
        assert_eq!(
            manta.check(&set_header(manta_unbind(), "authorization", value)),
            expected("unbind_customer"),
            "{value}"
        );
    }
    assert_eq!(
        spec("cloudbase").check(&remove_header(cloudbase_unbind(), "authorization")),
        expected("unbind_provider")
    );
}

#[test]
fn an_undeclared_query_parameter() {
    let mut request = cloudbase_unbind();
    request.query.push(("foo".to_owned(), "1".to_owned()));
    assert_eq!(
        spec("cloudbase").check(&request),
        Err(vec![violation(
            Some("unbind_provider"),
            Rule::UndeclaredQueryParameter,
            r#"query parameter "foo" is not declared"#,
        )])
    );
}

#[test]
fn a_missing_body() {
    let mut request = manta_unbind();
    request.body = Body::Empty;
    assert_eq!(
        spec("manta").check(&request),
        Err(vec![violation(
            Some("unbind_customer"),
            Rule::BodyMissing,
            "the request body is required, but none was sent",
        )])
    );
}

#[test]
fn a_renamed_body_field() {
    let request = with_body(
        manta_unbind(),
        json!({"secret": "s", "clientID": "c", "customerId": "u"}),
    );
    assert_eq!(
        spec("manta").check(&request),
        Err(vec![
            violation(
                Some("unbind_customer"),
                Rule::UndeclaredBodyField,
                r#"body field "/clientID" is not declared"#,
            ),
            violation(
                Some("unbind_customer"),
                Rule::BodySchema,
                r#"body: "clientId" is a required property"#,
            ),
        ])
    );
}

#[test]
fn a_body_field_of_the_wrong_type() {
    let request = with_body(
        manta_unbind(),
        json!({"secret": "s", "clientId": "c", "customerId": 5}),
    );
    assert_eq!(
        spec("manta").check(&request),
        Err(vec![violation(
            Some("unbind_customer"),
            Rule::BodySchema,
            // The value itself is masked: a body may carry secrets.
            r#"body /customerId: value is not of type "string""#,
        )])
    );
    // Not JSON at all where JSON is declared.
    let mut text = manta_unbind();
    text.body = Body::Text("secret=s".to_owned());
    assert_eq!(
        spec("manta").check(&text),
        Err(vec![violation(
            Some("unbind_customer"),
            Rule::BodySchema,
            r#"the body is not JSON, but "application/json" is"#,
        )])
    );
}

#[test]
fn a_wrong_content_type() {
    // The declared charset parameter is missing.
    let request = set_header(oneaccess_unbind(), "content-type", "application/json");
    assert_eq!(
        spec("oneaccess").check(&request),
        Err(vec![violation(
            Some("unbind_social_account"),
            Rule::ContentType,
            r#"content type "application/json" is not "application/json;charset=utf8""#,
        )])
    );
    // Another media type altogether.
    let request = set_header(manta_unbind(), "content-type", "text/plain");
    assert_eq!(
        spec("manta").check(&request),
        Err(vec![violation(
            Some("unbind_customer"),
            Rule::ContentType,
            r#"content type "text/plain" is not one of application/json"#,
        )])
    );
    // None at all.
    let request = remove_header(manta_unbind(), "content-type");
    assert_eq!(
        spec("manta").check(&request),
        Err(vec![violation(
            Some("unbind_customer"),
            Rule::ContentType,
            r#"header "Content-Type" is missing (expected application/json)"#,
        )])
    );
    // Parameters that the spec does not declare are allowed.
    let request = set_header(
        manta_unbind(),
        "content-type",
        "application/json; charset=utf-8",
    );
    assert_eq!(
        spec("manta").check(&request),
        Ok("unbind_customer".to_owned())
    );
}

#[test]
fn unknown_paths_and_methods() {
    let cloudbase = spec("cloudbase");
    let no_such = |detail: &str| Err(vec![violation(None, Rule::NoSuchOperation, detail)]);

    // One altered request per rule, each with the message the checker must give: the alterations
    // look alike and the messages differ.
    let mut unknown = cloudbase_unbind();
    unknown.path = "/auth/v1/user/providers/github".to_owned();
    assert_eq!(
        cloudbase.check(&unknown),
        no_such("no operation matches DELETE /auth/v1/user/providers/github")
    );
    let mut empty = cloudbase_unbind();
    empty.path = "/auth/v1/user/provider/".to_owned();
    assert_eq!(
        cloudbase.check(&empty),
        no_such("no operation matches DELETE /auth/v1/user/provider/")
    );
    // An encoded slash is not a segment boundary, and not a provider id either.
    let mut slash = cloudbase_unbind();
    slash.path = "/auth/v1/user/provider/a%2Fb".to_owned();
    assert_eq!(
        cloudbase.check(&slash),
        no_such("no operation matches DELETE /auth/v1/user/provider/a%2Fb")
    );
    let mut dots = cloudbase_unbind();
    dots.path = "/auth/v1/user/provider/%2E%2E".to_owned();
    assert_eq!(
        cloudbase.check(&dots),
        no_such("no operation matches DELETE /auth/v1/user/provider/%2E%2E")
    );
    let mut method = cloudbase_unbind();
    method.method = "PUT".to_owned();
    assert_eq!(
        cloudbase.check(&method),
        no_such("no operation matches PUT /auth/v1/user/provider/github (the path takes DELETE)")
    );
    assert_eq!(
        no_such("x").unwrap_err()[0].to_string(),
        "(none): no_such_operation: x"
    );
}

#[test]
fn a_body_where_the_operation_takes_none() {
    let request = with_body(cloudbase_unbind(), json!({}));
    assert_eq!(
        spec("cloudbase").check(&request),
        Err(vec![violation(
            Some("unbind_provider"),
            Rule::UndeclaredBodyField,
            "the operation takes no request body, but one was sent",
        )])
    );
}

#[test]
fn every_violation_is_reported_at_once() {
    let mut request = remove_header(oneaccess_unbind(), "x-agent");
    request = remove_header(request, "x-client-id");
    request.query.push(("debug".to_owned(), "1".to_owned()));
    request.body = Body::Json(json!({"id": 7, "extra": true}));
    let violations = spec("oneaccess").check(&request).unwrap_err();
    let shown: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            r#"unbind_social_account: missing_header: header "X-agent" is missing"#,
            r#"unbind_social_account: missing_header: header "X-client-id" is missing"#,
            r#"unbind_social_account: undeclared_query_parameter: query parameter "debug" is not declared"#,
            r#"unbind_social_account: undeclared_body_field: body field "/extra" is not declared"#,
            r#"unbind_social_account: body_schema: body /id: value is not of type "string""#,
        ]
    );
}

/// A small spec exercising what the three real ones do not.
fn synthetic() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "security": [{"key": []}, {"basic": []}],
        "paths": {
            "/trees/{treeId}": {
                "parameters": [
                    {"name": "treeId", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "X-Trace", "in": "header", "required": true, "schema": {"type": "string"}}
                ],
                "put": {
                    "operationId": "put_tree",
                    "parameters": [
                        {"name": "x-trace", "in": "header", "required": false, "schema": {"type": "string"}},
                        {"name": "Content-Type", "in": "header", "required": true, "schema": {"type": "string"}}
                    ],
                    "requestBody": {"$ref": "#/components/requestBodies/Tree"},
                    "responses": {"204": {"description": "stored"}}
                }
            }
        },
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "query", "name": "api_key"},
                "basic": {"type": "http", "scheme": "basic"}
            },
            "requestBodies": {
                "Tree": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}
                }
            },
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "readOnly": true},
                        "name": {"type": "string", "nullable": true, "example": "oak"},
                        "kind": {"type": "string", "enum": ["leaf", "branch"], "nullable": true},
                        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                        "meta": {"type": "object", "additionalProperties": true},
                        "planted": {"type": "string", "format": "date-time"},
                        "rings": {"type": "integer", "format": "int64", "exclusiveMinimum": true, "minimum": 0},
                        "parent": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Node"}]}
                    },
                    "required": ["id", "name"],
                    "discriminator": {"propertyName": "kind"}
                }
            }
        }
    })
}

#[test]
fn refs_cycles_nullable_and_alternative_security() {
    let spec = Spec::new(synthetic()).unwrap();
    assert_eq!(spec.operations_with_optional_parameters(), ["put_tree"]);
    let tree = |query: &[(&str, &str)], headers: &[(&str, &str)], body: Value| {
        let mut all = vec![("content-type", "application/json")];
        all.extend_from_slice(headers);
        with_body(request("PUT", "/trees/t1", query, &all), body)
    };
    let good = json!({
        "name": null,
        "kind": null,
        "planted": "2024-05-01T12:00:00Z",
        "rings": 120,
        "meta": {"anything": [1, {"goes": true}]},
        "parent": null,
        "children": [{"name": "twig", "children": []}]
    });
    // The operation's optional `x-trace` overrides the path item's required `X-Trace`, and
    // the `readOnly` id is not required in a request. The API key meets the security.
    assert_eq!(
        spec.check(&tree(&[("api_key", "k")], &[], good.clone())),
        Ok("put_tree".to_owned())
    );
    // The other alternative.
    assert_eq!(
        spec.check(&tree(&[], &[("authorization", "basic dTpw")], good)),
        Ok("put_tree".to_owned())
    );
    let bad = json!({
        "name": "oak",
        "kind": "root",
        "planted": "yesterday",
        "rings": 0,
        "children": [{"name": 1, "colour": "green"}],
        "parent": {"name": "x", "age": 3}
    });
    let shown: Vec<String> = spec
        .check(&tree(&[], &[], bad))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            r#"put_tree: missing_parameter: required query parameter "api_key" is missing (and no other security requirement is met)"#,
            r#"put_tree: missing_header: header "Authorization: Basic <credentials>" is missing (and no other security requirement is met)"#,
            r#"put_tree: undeclared_body_field: body field "/children/0/colour" is not declared"#,
            r#"put_tree: undeclared_body_field: body field "/parent/age" is not declared"#,
            r#"put_tree: body_schema: body /children/0/name: value is not of types "null", "string""#,
            r#"put_tree: body_schema: body /kind: value is not one of "leaf", "branch" or null"#,
            r#"put_tree: body_schema: body /planted: value is not a "date-time""#,
            r#"put_tree: body_schema: body /rings: value is less than or equal to the minimum of 0"#,
        ]
    );
}

#[test]
fn specs_the_checker_cannot_use_are_errors() {
    let error = |doc: Value| Spec::new(doc).unwrap_err().to_string();
    let mut v31 = synthetic();
    v31["openapi"] = json!("3.1.0");
    assert_eq!(error(v31), r#"/openapi: version "3.1.0" is not 3.0.x"#);

    let mut broken_ref = synthetic();
    broken_ref["components"]["schemas"]["Node"]["properties"]["children"]["items"] =
        json!({"$ref": "#/components/schemas/Nope"});
    assert_eq!(
        error(broken_ref),
        r##"/components/schemas/Node/properties/children/items: $ref "#/components/schemas/Nope" points nowhere"##
    );

    let mut cycle = synthetic();
    cycle["components"]["schemas"]["A"] = json!({"$ref": "#/components/schemas/B"});
    cycle["components"]["schemas"]["B"] = json!({"$ref": "#/components/schemas/A"});
    assert!(error(cycle).contains("cycle of $refs"));

    let mut no_id = synthetic();
    no_id["paths"]["/trees/{treeId}"]["put"]
        .as_object_mut()
        .unwrap()
        .remove("operationId");
    assert_eq!(
        error(no_id),
        "/paths/~1trees~1{treeId}/put: has no operationId"
    );

    let mut partial = synthetic();
    let item = partial["paths"]["/trees/{treeId}"].take();
    partial["paths"] = json!({"/trees/{treeId}.json": item});
    assert_eq!(
        error(partial),
        r#"/paths/~1trees~1{treeId}.json: path segment "{treeId}.json": a parameter must be a whole segment"#
    );

    let mut unknown_scheme = synthetic();
    unknown_scheme["security"] = json!([{"nope": []}]);
    assert_eq!(
        error(unknown_scheme),
        r#"/security/0: security scheme "nope" is not defined"#
    );

    assert!(matches!(
        load_spec(Path::new("/nonexistent/spec.yaml")),
        Err(SpecError::Read { .. })
    ));
    let dir = std::env::temp_dir().join(format!("unbind-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_yaml = dir.join("bad.yaml");
    std::fs::write(&bad_yaml, "openapi: [3.0.3\n").unwrap();
    let message = load_spec(&bad_yaml).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(message.contains("bad.yaml: invalid YAML:"), "{message}");
}

#[test]
fn answers_are_checked_against_the_declared_responses() {
    let cloudbase = spec("cloudbase");
    let json = Some("application/json");
    let list = json!({"total": 1, "data": [{"id": "github", "bind": true}]});
    assert_eq!(
        cloudbase.check_response("list_bound_providers", 200, json, &Body::Json(list)),
        Ok(())
    );
    // A 404 falls in the declared `4XX` range.
    let error = json!({"error": "provider_not_found", "error_code": 4004});
    assert_eq!(
        cloudbase.check_response("unbind_provider", 404, json, &Body::Json(error)),
        Ok(())
    );
    assert_eq!(
        cloudbase.check_response(
            "list_bound_providers",
            200,
            json,
            &Body::Json(json!({"total": "1", "data": [], "extra": 0}))
        ),
        Err(vec![
            violation(
                Some("list_bound_providers"),
                Rule::ResponseBody,
                "body field \"/extra\" is not declared"
            ),
            violation(
                Some("list_bound_providers"),
                Rule::ResponseBody,
                "body /total: value is not of type \"integer\""
            ),
        ])
    );
    assert_eq!(
        cloudbase.check_response("list_bound_providers", 302, None, &Body::Empty),
        Err(vec![violation(
            Some("list_bound_providers"),
            Rule::UndeclaredStatus,
            "status 302 is not declared"
        )])
    );
    assert_eq!(
        cloudbase.check_response(
            "list_bound_providers",
            200,
            Some("text/html"),
            &Body::Text("<p>".into())
        ),
        Err(vec![violation(
            Some("list_bound_providers"),
            Rule::ResponseContentType,
            "content type \"text/html\" is not one of application/json (response 200)"
        )])
    );
    assert_eq!(
        cloudbase.check_response("no_such_op", 200, json, &Body::Empty),
        Err(vec![violation(
            None,
            Rule::NoSuchOperation,
            "no operation has the id \"no_such_op\""
        )])
    );
}

/// OpenAPI 3.0 formats `int32` and `int64` are signed 32 and 64 bits: a larger integer is
/// not one (and the generated client, decoding into `i64`, cannot take it).
#[test]
fn integers_outside_their_int32_or_int64_format() {
    let cloudbase = spec("cloudbase");
    let token = |expires_in: Value| {
        cloudbase.check_response(
            "get_provider_token",
            200,
            Some("application/json"),
            &Body::Json(json!({"provider_token": "pt", "expires_in": expires_in})),
        )
    };
    assert_eq!(token(json!(i64::MAX)), Ok(()));
    assert_eq!(token(json!(i64::MIN)), Ok(()));
    let too_large = Err(vec![violation(
        Some("get_provider_token"),
        Rule::ResponseBody,
        "body /expires_in: value is greater than the maximum of 9223372036854775807",
    )]);
    assert_eq!(
        token(json!(u64::try_from(i64::MAX).unwrap() + 1)),
        too_large
    );
    assert_eq!(token(json!(1e20)), too_large);

    let spec = Spec::new(json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/counts": {"put": {
            "operationId": "put_count",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {
                    "small": {"type": "integer", "format": "int32", "minimum": 0, "nullable": true}
                }
            }}}},
            "responses": {"204": {"description": "stored"}}
        }}}
    }))
    .unwrap();
    let put = |small: Value| {
        let request = request(
            "PUT",
            "/counts",
            &[],
            &[("content-type", "application/json")],
        );
        spec.check(&with_body(request, json!({ "small": small })))
    };
    assert_eq!(put(json!(i32::MAX)), Ok("put_count".to_owned()));
    assert_eq!(put(Value::Null), Ok("put_count".to_owned()));
    let broken = |detail: &str| Err(vec![violation(Some("put_count"), Rule::BodySchema, detail)]);
    assert_eq!(
        put(json!(i64::from(i32::MAX) + 1)),
        broken("body /small: value is greater than the maximum of 2147483647")
    );
    // The schema's own bounds still hold beside the format's.
    assert_eq!(
        put(json!(-1)),
        broken("body /small: value is less than the minimum of 0")
    );
}

#[test]
fn a_response_declared_without_content_must_have_no_body() {
    // None of our specs declares a success without content any more (OneAccess unbind's 200
    // is a JSON string): a minimal document of one such operation.
    let oneaccess = Spec::new(json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/api/v2/sdk/social/unbind-account": {"post": {
            "operationId": "unbind_social_account",
            "responses": {"200": {"description": "no content"}}
        }}}
    }))
    .unwrap();
    assert_eq!(
        oneaccess.check_response("unbind_social_account", 200, None, &Body::Empty),
        Ok(())
    );
    assert_eq!(
        oneaccess.check_response(
            "unbind_social_account",
            200,
            Some("application/json"),
            &Body::Json(json!("ok"))
        ),
        Err(vec![violation(
            Some("unbind_social_account"),
            Rule::ResponseContentType,
            "response 200 declares no content, but a body was sent"
        )])
    );
}

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
