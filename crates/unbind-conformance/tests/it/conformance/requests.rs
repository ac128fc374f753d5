//! Requests against the real specs: missing, empty, undeclared and mistyped inputs, each rule reported.

use super::*;

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
