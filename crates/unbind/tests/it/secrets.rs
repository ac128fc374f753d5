//! No secret reaches `Debug` or `Display`: of credentials, of clients, of any error.

use std::sync::Arc;

use crate::common::{
    PUBLIC_KEYS, SECRET, answer, oneaccess_signing, route, serving, unexpected_200,
};
use serde_json::json;
use unbind::auth::SecretString;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::manta::{MantaClient, MantaSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessSettings};
use unbind::runtime::test_util::FixedClock;
use unbind::{CallSettings, Error, RetryPolicy, Unbinder};
use unbind_test_fixtures::{RefusedPort, device};
use wiremock::MockServer;

fn assert_clean(what: &str, value: &(impl std::fmt::Debug + ?Sized)) {
    let debug = format!("{value:?}");
    assert!(
        !debug.contains(SECRET),
        "{what} Debug leaks the secret: {debug}"
    );
    assert!(
        !debug.contains("SECRET"),
        "{what} Debug leaks part of the secret: {debug}"
    );
}

fn assert_error_clean(what: &str, error: &Error) {
    assert_clean(what, error);
    let display = error.to_string();
    assert!(
        !display.contains("SECRET"),
        "{what} Display leaks the secret: {display}"
    );
}

fn secret() -> SecretString {
    SecretString::from(SECRET)
}

/// No retries: one request per call, so provoked failures come back at once.
fn once() -> CallSettings {
    CallSettings {
        retry: RetryPolicy::never(),
        ..CallSettings::default()
    }
}

fn manta(base: &str) -> MantaClient {
    let credentials = unbind::auth::manta::Credentials::new(secret()).with_token(secret());
    let settings = MantaSettings {
        call: once(),
        ..MantaSettings::default()
    };
    MantaClient::with_settings(base, "bot", credentials, settings).unwrap()
}

fn cloudbase(base: &str) -> CloudBaseClient {
    let settings = CloudBaseSettings {
        call: once(),
        ..CloudBaseSettings::default()
    };
    CloudBaseClient::with_settings(base, secret(), settings).unwrap()
}

#[tokio::test]
async fn clients_and_credentials_never_show_secrets() {
    let server = MockServer::start().await;
    let manta = MantaClient::new(&server.uri(), "bot", secret(), secret()).unwrap();
    let cloudbase = CloudBaseClient::new(&server.uri(), secret()).unwrap();
    let oneaccess = OneAccessClient::new(&server.uri(), device(), secret()).unwrap();
    assert_clean("MantaClient", &manta);
    assert_clean("CloudBaseClient", &cloudbase);
    assert_clean("OneAccessClient", &oneaccess);
    assert_clean(
        "manta Credentials",
        &unbind::auth::manta::Credentials::new(secret()).with_token(secret()),
    );
    assert_clean(
        "cloudbase Credentials",
        &unbind::auth::cloudbase::Credentials::new(
            secret(),
            unbind::auth::cloudbase::DeviceId::new("0123456789abcdef0123456789abcdef").unwrap(),
        ),
    );
    assert_clean("Unbinder", &Unbinder::Manta(manta));
    assert_clean("Unbinder", &Unbinder::OneAccess(Box::new(oneaccess)));
}

#[tokio::test]
async fn no_error_variant_shows_secrets() {
    // InvalidInput: a token that would split a header.
    let bad_token = SecretString::from(format!("{SECRET}\nX-Evil: 1"));
    let error = CloudBaseClient::new("http://127.0.0.1:9", bad_token).unwrap_err();
    assert!(matches!(error, Error::InvalidInput { .. }));
    assert_error_clean("InvalidInput", &error);

    // Transport: nothing listens.
    let refused = RefusedPort::new();
    let error = manta(refused.url()).unbind("c", "u").await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_error_clean("Transport", &error);

    // Provider: a documented error.
    let server = serving(
        route::MANTA_UNBIND,
        403,
        json!({"success": false, "errResponse": {"message": "permission denied", "code": 1002}}),
    )
    .await;
    let error = manta(&server.uri()).unbind("c", "u").await.unwrap_err();
    assert!(matches!(error, Error::Provider(_)));
    assert_error_clean("Provider", &error);

    // UnexpectedResponse: a 200 that does not match the spec.
    let server = serving(
        route::CLOUDBASE_PROVIDERS,
        200,
        json!({"data": "not a list"}),
    )
    .await;
    let error = CloudBaseClient::new(&server.uri(), secret())
        .unwrap()
        .list()
        .await
        .unwrap_err();
    assert!(unexpected_200(Some(&error)), "{error:?}");
    assert_error_clean("UnexpectedResponse", &error);

    // Signing: a session token too long for one RSA-2048 block.
    let server = MockServer::start().await;
    oneaccess_signing(&server, PUBLIC_KEYS[0].1, "1700000000123").await;
    let long = SecretString::from(SECRET.repeat(10));
    let client = OneAccessClient::with_settings(
        &server.uri(),
        device(),
        long,
        OneAccessSettings {
            clock: Arc::new(FixedClock::new(0)),
            ..OneAccessSettings::default()
        },
    )
    .unwrap();
    let error = client.unbind("id").await.unwrap_err();
    assert!(matches!(error, Error::Signing { .. }), "{error:?}");
    assert_error_clean("Signing", &error);
}

#[tokio::test]
async fn secrets_a_provider_echoes_back_are_blanked() {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("DELETE"))
        .respond_with(
            wiremock::ResponseTemplate::new(502).set_body_string(format!(
                "<html>upstream rejected Authorization: Bearer {SECRET}</html>"
            )),
        )
        .mount(&server)
        .await;
    answer(&server, route::CLOUDBASE_PROVIDERS,
        401,
        json!({"error": "unauthorized", "error_code": 4003, "error_description": format!("token {SECRET} expired")}),
    )
    .await;
    let client = cloudbase(&server.uri());

    let error = client.unbind("github").await.unwrap_err();
    assert_error_clean("echoed in a text body", &error);
    assert!(error.to_string().contains("Bearer [REDACTED]"), "{error}");

    let error = client.list().await.unwrap_err();
    assert_error_clean("echoed in a JSON message", &error);
    assert_eq!(
        error.provider_error().unwrap().message.as_deref(),
        Some("token [REDACTED] expired")
    );
}

#[tokio::test]
async fn a_transport_error_names_its_cause() {
    let refused = RefusedPort::new();
    let error = cloudbase(refused.url()).unbind("github").await.unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with("CloudBase: transport failure: error sending request"),
        "{text}"
    );
    assert!(
        text.to_ascii_lowercase().contains("connect"),
        "the cause is named: {text}"
    );
}

#[tokio::test]
async fn secrets_echoed_back_escaped_are_blanked_too() {
    // A token with the characters escaping changes: `"` and `\`.
    const TOKEN: &str = r#"tok-"q"\b-SECRET-77"#;
    let json_escaped = r#"tok-\"q\"\\b-SECRET-77"#;
    let u_escaped = r#"tok-\u0022q\u0022\u005Cb-SECRET-77"#;
    let all_u: String = TOKEN
        .encode_utf16()
        .map(|unit| format!("\\u{unit:04x}"))
        .collect();
    let debug = format!("{TOKEN:?}");
    let twice = json_escaped.replace('\\', r"\\").replace('"', r#"\""#);
    // Each inside text that is not the provider's JSON, so that it reaches the error as a
    // snippet of the body, escapes and all.
    for (form, body) in [
        ("JSON in an array", format!(r#"proxy: ["{json_escaped}"]"#)),
        ("\\u escapes", format!(r#"proxy: {{"echo":"{u_escaped}"}}"#)),
        (
            "every character \\u-escaped",
            format!(r#"proxy: ["{all_u}"]"#),
        ),
        ("Debug", format!("token {debug} refused")),
        (
            "JSON in JSON",
            format!(r#"proxy: {{"raw":"{{\"t\":\"{twice}\"}}"}}"#),
        ),
    ] {
        for status in [502, 200] {
            let server = MockServer::start().await;
            wiremock::Mock::given(wiremock::matchers::method("DELETE"))
                .respond_with(
                    wiremock::ResponseTemplate::new(status)
                        .set_body_raw(body.clone(), "application/json"),
                )
                .mount(&server)
                .await;
            let client = CloudBaseClient::with_settings(
                &server.uri(),
                SecretString::from(TOKEN),
                CloudBaseSettings {
                    call: once(),
                    ..CloudBaseSettings::default()
                },
            )
            .unwrap();
            let error = client.unbind("github").await.unwrap_err();
            assert_error_clean(form, &error);
            assert!(
                format!("{error}").contains("[REDACTED]"),
                "{form} {status}: {error}"
            );
        }
    }
}
