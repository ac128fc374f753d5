//! Answers against the responses their operation declares: status, content type, body, integer formats.

use super::*;

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
