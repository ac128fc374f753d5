//! A call the fake does not serve (an unknown path, or a method its path does not take) gets
//! the provider's error body, not axum's empty 404 or 405: the official CloudBase SDK reads an
//! empty body as "unreachable" and sends the call twice more.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::demo;

/// Asserts that `method path` (below `base`) is answered with `status` and the JSON `body`.
async fn answers(base: &str, method: Method, path: &str, status: u16, body: Value) {
    let answer = reqwest::Client::new()
        .request(method.clone(), format!("{base}{path}"))
        .send()
        .await
        .expect("answer");
    let call = format!("{method} {path}");
    assert_eq!(answer.status().as_u16(), status, "{call}");
    let content_type = answer.headers().get("content-type").cloned();
    assert_eq!(
        content_type.as_ref().map(|v| v.to_str().unwrap()),
        Some("application/json"),
        "{call}"
    );
    let bytes = answer.bytes().await.expect("body");
    let got: Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{call}: not JSON ({e}): {bytes:?}"));
    assert_eq!(got, body, "{call}");
}

#[tokio::test]
async fn cloudbase_answers_its_error_body() {
    let fake = demo().await;
    let base = fake.cloudbase_url();
    for path in ["/auth/v1/nope", "/auth/v1/user/provider/a/b"] {
        let description = format!("no such call: DELETE {path}");
        let body = json!({"error": "not_found", "error_description": description});
        answers(&base, Method::DELETE, path, 404, body).await;
    }
    let body = json!({
        "error": "method_not_allowed",
        "error_description": "/auth/v1/user/provider does not take PUT",
    });
    answers(&base, Method::PUT, "/auth/v1/user/provider", 405, body).await;
}

#[tokio::test]
async fn manta_answers_its_error_body() {
    let fake = demo().await;
    let base = fake.manta_url();
    let error = |code: u16, message: &str| json!({"success": false, "errResponse": {"code": code, "message": message}});
    let body = error(404, "no such call: POST /openapi/nope");
    answers(&base, Method::POST, "/openapi/nope", 404, body).await;
    let body = error(405, "/openapi/token does not take GET");
    answers(&base, Method::GET, "/openapi/token", 405, body).await;
}

#[tokio::test]
async fn oneaccess_answers_its_error_body() {
    let fake = demo().await;
    let base = fake.oneaccess_url();
    let error = |code: &str, message: &str| json!({"error_code": code, "error_msg": message});
    let body = error("FAKE.NOT_FOUND", "no such call: GET /api/v2/sdk/nope");
    answers(&base, Method::GET, "/api/v2/sdk/nope", 404, body).await;
    let body = error(
        "FAKE.METHOD_NOT_ALLOWED",
        "/api/v2/sdk/login does not take DELETE",
    );
    answers(&base, Method::DELETE, "/api/v2/sdk/login", 405, body).await;
}
