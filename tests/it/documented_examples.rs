//! Every documented response example (the seeds and PROVIDERS.md) decodes through the facade
//! into the generated types, and every documented error example into the facade's error.
//! Both are snapshotted, so a reviewer sees what a spec or mapping change does to them.

use serde_json::{Value, json};
use unbind_conformance::Recorder;
use unbind_tests::{Variant, answer_success, drive};

/// (operation, method, path, status, documented body)
type Example = (&'static str, &'static str, &'static str, u16, Value);

/// Serves `example` (ahead of the default answers) and performs its operation.
async fn run(provider: &str, (operation, method, path, status, body): &Example) -> Value {
    let recorder = Recorder::start().await;
    recorder
        .answer(method, path, *status, body.clone())
        .await
        .expect("a valid answer");
    answer_success(provider, &recorder).await;
    match drive(provider, operation, Variant::Required, &recorder.uri()).await {
        Ok(decoded) => {
            json!({"operation": operation, "status": status, "example": body, "decoded": decoded})
        }
        Err(error) => {
            let provider_error = error.provider_error();
            json!({
                "operation": operation,
                "status": status,
                "example": body,
                "error": error.to_string(),
                "http_status": error.status(),
                "code": provider_error.and_then(|e| e.code.clone()),
                "kind": provider_error.and_then(|e| e.kind.clone()),
                "message": provider_error.and_then(|e| e.message.clone()),
            })
        }
    }
}

async fn outcomes(provider: &str, examples: &[Example]) -> Vec<Value> {
    let mut out = Vec::new();
    for example in examples {
        out.push(run(provider, example).await);
    }
    out
}

fn assert_all(outcomes: &[Value], key: &str) {
    for outcome in outcomes {
        assert!(outcome.get(key).is_some(), "expected {key}: {outcome:#}");
    }
}

/// Error examples end as a facade error, or, where they mean "not bound", as an unbind that
/// had nothing to do.
fn assert_errors(outcomes: &[Value]) {
    for outcome in outcomes {
        let already = outcome.get("decoded") == Some(&Value::from("AlreadyUnbound"));
        assert!(
            outcome.get("error").is_some() || already,
            "expected an error or AlreadyUnbound: {outcome:#}"
        );
    }
}

#[tokio::test]
async fn manta_examples() {
    let ok: Vec<Example> = vec![
        (
            "unbind_customer",
            "POST",
            "/openapi/unbind/customer",
            200,
            json!({"success": true, "message": "Customer unbound successfully"}),
        ),
        (
            "get_api_token",
            "POST",
            "/openapi/token",
            200,
            json!({"success": true, "message": "ok", "apiToken": "eyJhbGciOiJIUzI1NiJ9.e30.x", "apiSecret": "new-secret"}),
        ),
        (
            "list_clients",
            "POST",
            "/openapi/clients",
            200,
            json!({"success": true, "message": "ok", "clientList": {"list": [{"clientId": "5b0c2d1e", "clientName": "Support", "platform": "line", "customerId": "customer-42", "createdAt": 1704067200000_i64, "updatedAt": "2024-01-01T00:00:00Z", "tags": ["vip"]}], "next": "cursor-2"}}),
        ),
    ];
    let errors: Vec<Example> = [
        (401, 1004, "JWT token is invalid or expired"),
        (403, 1002, "Permission denied"),
        (404, 5001, "Bot not found"),
        (429, 110000, "Rate limit exceeded"),
        (500, 60002, "Unbind customer failed"),
        (401, 120000, "Old token or secret used after a refresh"),
    ]
    .into_iter()
    .map(|(status, code, message)| {
        (
            "unbind_customer",
            "POST",
            "/openapi/unbind/customer",
            status,
            json!({"success": false, "errResponse": {"message": message, "code": code, "botId": "bot-test-1"}}),
        )
    })
    .collect();
    // Each provider's test ends alike: the snapshot names are literals, as insta's macros take
    // them.
    let ok = outcomes("manta", &ok).await;
    let errors = outcomes("manta", &errors).await;
    assert_all(&ok, "decoded");
    assert_errors(&errors);
    crate::snapshots()
        .bind(|| insta::assert_json_snapshot!("documented_examples__manta__responses", ok));
    crate::snapshots()
        .bind(|| insta::assert_json_snapshot!("documented_examples__manta__errors", errors));
}

#[tokio::test]
async fn oneaccess_examples() {
    let ok: Vec<Example> = vec![
        // The seed says the unbind answer is a string; the Chinese page says there is none.
        (
            "unbind_social_account",
            "POST",
            "/api/v2/sdk/social/unbind-account",
            200,
            json!("success"),
        ),
        (
            "list_social_accounts",
            "GET",
            "/api/v2/sdk/social",
            200,
            json!({"social": [{"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4", "userId": "20210516130248513-0E5C-6D8E0F9A1", "socialType": "wechat_work", "social_uid": "oX3a5w", "socialNickname": null, "socialHeadImage": null, "socialAccountDetails": {"unionid": "u"}, "createdAt": "2021-05-16 13:02:48.513", "updatedAt": "2021-05-16 13:02:48.513"}]}),
        ),
        (
            "login",
            "POST",
            "/api/v2/sdk/login",
            200,
            json!({"status": 200, "session_token": "s", "id_token": "i", "expire": 7200}),
        ),
    ];
    let errors: Vec<Example> = vec![
        (
            "unbind_social_account",
            "POST",
            "/api/v2/sdk/social/unbind-account",
            400,
            json!({"error_code": "APP.0001", "error_msg": "The social account does not exist."}),
        ),
        (
            "list_social_accounts",
            "GET",
            "/api/v2/sdk/social",
            400,
            json!({"error_code": "SDK.COMMON.1007", "error_msg": "Invalid parameter."}),
        ),
        (
            "login",
            "POST",
            "/api/v2/sdk/login",
            400,
            json!({"error_code": "APP.0001", "error_msg": "Incorrect user name or password."}),
        ),
    ];
    let ok = outcomes("oneaccess", &ok).await;
    let errors = outcomes("oneaccess", &errors).await;
    assert_all(&ok, "decoded");
    assert_errors(&errors);
    crate::snapshots()
        .bind(|| insta::assert_json_snapshot!("documented_examples__oneaccess__responses", ok));
    crate::snapshots()
        .bind(|| insta::assert_json_snapshot!("documented_examples__oneaccess__errors", errors));
}

#[tokio::test]
async fn cloudbase_examples() {
    let ok: Vec<Example> = vec![
        (
            "unbind_provider",
            "DELETE",
            "/auth/v1/user/provider/github",
            200,
            json!({}),
        ),
        (
            "bind_provider",
            "POST",
            "/auth/v1/user/provider/bind",
            200,
            json!({}),
        ),
        (
            "list_bound_providers",
            "GET",
            "/auth/v1/user/provider",
            200,
            json!({"total": 2, "data": [{"id": "github", "name": "GitHub", "homepage": "https://github.com", "picture": "https://github.com/favicon.ico", "provider_user_name": "octocat", "provider_type": "oauth", "bind": true}, {"id": "wx_open", "name": "WeChat", "bind": false}]}),
        ),
        (
            "get_provider_token",
            "POST",
            "/auth/v1/provider/token",
            200,
            json!({"provider_token": "pt", "expires_in": 600, "provider_profile": {"sub": "1", "name": "octocat"}}),
        ),
        (
            "get_provider_auth_uri",
            "GET",
            "/auth/v1/provider/uri",
            200,
            json!({"uri": "https://github.com/login/oauth/authorize", "signout_uri": "https://github.com/logout"}),
        ),
    ];
    let errors: Vec<Example> = vec![
        (
            "unbind_provider",
            "DELETE",
            "/auth/v1/user/provider/github",
            401,
            json!({"error": "unauthorized", "error_code": 4003, "error_description": "User not logged in or access_token invalid"}),
        ),
        (
            "unbind_provider",
            "DELETE",
            "/auth/v1/user/provider/github",
            404,
            json!({"error": "provider_not_found", "error_code": 4004, "error_description": "Specified identity source does not exist"}),
        ),
        (
            "bind_provider",
            "POST",
            "/auth/v1/user/provider/bind",
            400,
            json!({"error": "invalid_grant", "error_code": 4001, "error_description": "provider_token is invalid or expired"}),
        ),
        (
            "unbind_provider",
            "DELETE",
            "/auth/v1/user/provider/github",
            500,
            json!({"error": "internal_error", "error_code": 5000, "error_description": "Server internal error"}),
        ),
    ];
    let ok = outcomes("cloudbase", &ok).await;
    let errors = outcomes("cloudbase", &errors).await;
    assert_all(&ok, "decoded");
    assert_errors(&errors);
    crate::snapshots()
        .bind(|| insta::assert_json_snapshot!("documented_examples__cloudbase__responses", ok));
    crate::snapshots()
        .bind(|| insta::assert_json_snapshot!("documented_examples__cloudbase__errors", errors));
}
