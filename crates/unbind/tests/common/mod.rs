//! Loopback servers and fixtures shared by the facade's tests.

#![allow(
    dead_code,
    reason = "each test file uses a different part of this module"
)]

use wiremock::MockServer;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

/// The test-only RSA key pair of `crates/auth/tests/fixtures`.
pub const PRIVATE_KEY: &str = include_str!("../../../auth/tests/fixtures/test_private_key.pem");
/// Its public key as PEM, bare Base64 DER, and a string with literal `\n`.
pub const PUBLIC_KEYS: [(&str, &str); 3] = [
    (
        "pem",
        include_str!("../../../auth/tests/fixtures/test_public_key.pem"),
    ),
    (
        "base64",
        include_str!("../../../auth/tests/fixtures/test_public_key_base64.txt"),
    ),
    (
        "escaped",
        include_str!("../../../auth/tests/fixtures/test_public_key_escaped.txt"),
    ),
];

/// A value that must never appear in any output.
pub const SECRET: &str = "tok-SECRET-0123456789";

/// Mounts `status` with a JSON `body` for `verb path`.
pub async fn answer(
    server: &MockServer,
    verb: &str,
    at: &str,
    status: u16,
    body: serde_json::Value,
) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(server)
        .await;
}

/// The requests the server received.
pub async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

/// A header's value as text, if present exactly once.
pub fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    let mut values = request.headers.get_all(name).iter();
    let first = values.next()?;
    assert!(values.next().is_none(), "{name} is sent more than once");
    first.to_str().ok()
}
