//! OneAccess through the facade, against a loopback server: the signature, its cache, its
//! retry, and bad input.

use std::sync::Arc;

use crate::common::{
    PUBLIC_KEYS, SECRET, answer, answer_with, header, oneaccess_signing, received, route, serving,
    unexpected_200,
};
use serde_json::json;
use unbind::auth::ExposeSecret as _;
use unbind::auth::SecretString;
use unbind::auth::oneaccess::{Mgf1Hash, SignerSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessLogin, OneAccessSettings};
use unbind::runtime::test_util::{CountingRandom, FixedClock};
use unbind::{Error, Provider};
use unbind_test_fixtures::{decrypt_signature, device_with_ip_and_language as device};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SERVER_TIME: &str = "1700000000123";
const LOCAL_TIME: i64 = 1_699_999_000_000;

/// A server that hands out `public_key` and the server time.
async fn signing_server(public_key: &str) -> MockServer {
    let server = MockServer::start().await;
    oneaccess_signing(&server, public_key, SERVER_TIME).await;
    server
}

/// A server that hands out `public_key`, the server time, and accepts unbinds.
async fn server(public_key: &str) -> MockServer {
    let server = signing_server(public_key).await;
    answer_with(&server, route::ONEACCESS_UNBIND, ResponseTemplate::new(200)).await;
    server
}

fn client(server: &MockServer, mgf1: Mgf1Hash, clock: Arc<FixedClock>) -> OneAccessClient {
    OneAccessClient::with_settings(
        &server.uri(),
        device(),
        SecretString::from(SECRET),
        OneAccessSettings {
            signer: SignerSettings {
                mgf1,
                ..SignerSettings::default()
            },
            clock,
            random: Arc::new(CountingRandom::new(1)),
            ..OneAccessSettings::default()
        },
    )
    .unwrap()
}

/// A client signing with MGF1-SHA-256 whose clock stands at `LOCAL_TIME`.
fn sha256_client(server: &MockServer) -> OneAccessClient {
    client(
        server,
        Mgf1Hash::Sha256,
        Arc::new(FixedClock::new(LOCAL_TIME)),
    )
}

/// Decrypts an `X-signature` with the test private key.
fn decrypt(signature: &str, mgf1: Mgf1Hash) -> String {
    decrypt_signature(signature, mgf1).unwrap()
}

fn paths(requests: &[wiremock::Request]) -> Vec<String> {
    requests.iter().map(|r| r.url.path().to_owned()).collect()
}

#[tokio::test]
async fn the_signature_decrypts_to_the_documented_plaintext_for_every_key_format_and_mgf1() {
    for (format, public_key) in PUBLIC_KEYS {
        for mgf1 in [Mgf1Hash::Sha256, Mgf1Hash::Sha1] {
            let server = server(public_key).await;
            let clock = Arc::new(FixedClock::new(LOCAL_TIME));
            let client = client(&server, mgf1, Arc::clone(&clock));
            client
                .unbind("001GKgGa15HGZA0aOxIa1bFktp1GKgG4")
                .await
                .unwrap();
            clock.advance(5_000);
            client.unbind("second").await.unwrap();

            let requests = received(&server).await;
            let unbinds: Vec<_> = requests
                .iter()
                .filter(|r| r.url.path() == "/api/v2/sdk/social/unbind-account")
                .collect();
            assert_eq!(unbinds.len(), 2, "{format} {mgf1:?}");
            // 1700000000123 = 0x18bcfe5687b; five seconds later, 1700000005123 = 0x18bcfe57c03.
            for (request, plaintext) in unbinds.iter().zip([
                format!("session_token={SECRET}&timestamp=1700000000123&nonce=18bcfe5687b"),
                format!("session_token={SECRET}&timestamp=1700000005123&nonce=18bcfe57c03"),
            ]) {
                let signature = header(request, "x-signature").expect("X-signature");
                assert_eq!(decrypt(signature, mgf1), plaintext, "{format} {mgf1:?}");
            }
        }
    }
}

#[tokio::test]
async fn a_signed_call_carries_the_device_headers_and_the_documented_body() {
    let server = server(PUBLIC_KEYS[0].1).await;
    let client = sha256_client(&server);
    client
        .unbind("001GKgGa15HGZA0aOxIa1bFktp1GKgG4")
        .await
        .unwrap();
    let requests = received(&server).await;
    let unbind = requests.last().unwrap();
    for (name, value) in [
        ("x-operating-sys-version", "Android 10"),
        ("x-device-fingerprint", "156aysdna213sac"),
        ("x-agent", "Mozilla/5.0 (Linux; Android 10)"),
        ("x-client-id", "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"),
        ("x-device-ip", "10.10.10.1"),
        ("x-l", "zh"),
        ("content-type", "application/json;charset=utf8"),
    ] {
        assert_eq!(header(unbind, name), Some(value), "{name}");
    }
    assert_eq!(header(unbind, "x-tenant-id"), None);
    assert_eq!(header(unbind, "api-version"), None);
    let body: serde_json::Value = serde_json::from_slice(&unbind.body).unwrap();
    assert_eq!(body, json!({"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4"}));
}

#[tokio::test]
async fn ten_signed_unbinds_cost_twelve_requests() {
    let server = server(PUBLIC_KEYS[1].1).await;
    let client = sha256_client(&server);
    for i in 0..10 {
        client.unbind(&format!("id-{i}")).await.unwrap();
    }
    let requests = received(&server).await;
    assert_eq!(requests.len(), 12);
    let paths = paths(&requests);
    assert_eq!(
        paths.iter().filter(|p| p.ends_with("/public-key")).count(),
        1
    );
    assert_eq!(
        paths.iter().filter(|p| p.ends_with("/server-date")).count(),
        1
    );
    assert_eq!(
        paths
            .iter()
            .filter(|p| p.ends_with("/unbind-account"))
            .count(),
        10
    );
}

#[tokio::test]
async fn a_configured_public_key_saves_the_key_request() {
    let server = server("the server's key is not needed").await;
    let client = OneAccessClient::with_settings(
        &server.uri(),
        device(),
        SecretString::from(SECRET),
        OneAccessSettings {
            public_key: Some(PUBLIC_KEYS[2].1.into()),
            clock: Arc::new(FixedClock::new(LOCAL_TIME)),
            ..OneAccessSettings::default()
        },
    )
    .unwrap();
    client.unbind("a").await.unwrap();
    client.unbind("b").await.unwrap();
    let requests = received(&server).await;
    assert_eq!(
        paths(&requests),
        [
            "/api/v2/sdk/server-date",
            "/api/v2/sdk/social/unbind-account",
            "/api/v2/sdk/social/unbind-account",
        ]
    );
    let plaintext = decrypt(
        header(&requests[2], "x-signature").unwrap(),
        Mgf1Hash::Sha256,
    );
    assert!(plaintext.starts_with(&format!("session_token={SECRET}&timestamp=1700000000123")));
}

#[tokio::test]
async fn a_refused_signature_refreshes_key_and_time_and_retries_once() {
    let server = signing_server(PUBLIC_KEYS[0].1).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/sdk/social/unbind-account"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"error_code": "SDK.COMMON.1007", "error_msg": "The signature is invalid."}),
        ))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/sdk/social/unbind-account"))
        .respond_with(ResponseTemplate::new(200).set_body_json("success"))
        .mount(&server)
        .await;
    let client = sha256_client(&server);
    client.unbind("id-1").await.unwrap();
    let requests = received(&server).await;
    assert_eq!(
        paths(&requests),
        [
            "/api/v2/sdk/public-key",
            "/api/v2/sdk/server-date",
            "/api/v2/sdk/social/unbind-account",
            "/api/v2/sdk/public-key",
            "/api/v2/sdk/server-date",
            "/api/v2/sdk/social/unbind-account",
        ]
    );
}

// One scenario per OneAccess error code: the answers look alike, the retries they cause differ.
#[tokio::test]
async fn a_signature_refused_twice_is_an_error_after_one_retry() {
    let server = signing_server(PUBLIC_KEYS[0].1).await;
    answer(
        &server,
        route::ONEACCESS_UNBIND,
        400,
        json!({"error_code": "SDK.COMMON.1007", "error_msg": "timestamp expired"}),
    )
    .await;
    let client = sha256_client(&server);
    let error = client.unbind("id-1").await.unwrap_err();
    let provider = error.provider_error().unwrap();
    assert_eq!(provider.provider, Provider::OneAccess);
    assert_eq!(
        (provider.status, provider.code.as_deref()),
        (400, Some("SDK.COMMON.1007"))
    );
    assert_eq!(received(&server).await.len(), 6);
}

#[tokio::test]
async fn other_errors_are_not_retried() {
    let server = signing_server(PUBLIC_KEYS[0].1).await;
    answer(
        &server,
        route::ONEACCESS_UNBIND,
        400,
        json!({"error_code": "SDK.COMMON.1001", "error_msg": "Invalid parameter."}),
    )
    .await;
    let client = sha256_client(&server);
    let error = client.unbind("id-1").await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "OneAccess refused the request: HTTP 400: SDK.COMMON.1001: Invalid parameter."
    );
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn an_unknown_id_is_already_unbound() {
    let server = server(PUBLIC_KEYS[0].1).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/sdk/social/unbind-account"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"error_code": "APP.0001", "error_msg": "The social account does not exist."}),
        ))
        .with_priority(1)
        .mount(&server)
        .await;
    let client = sha256_client(&server);
    assert_eq!(
        client.unbind("id-1").await.unwrap(),
        unbind::UnbindOutcome::AlreadyUnbound
    );
    assert_eq!(received(&server).await.len(), 3, "not retried");
}

#[tokio::test]
async fn an_unusable_public_key_is_a_signing_error() {
    let server = server("not a key").await;
    let client = sha256_client(&server);
    let outcome = client.unbind("id-1").await;
    // `source()` is the signer's error itself, not its text.
    let cause = outcome
        .as_ref()
        .err()
        .and_then(std::error::Error::source)
        .and_then(|cause| cause.downcast_ref::<unbind::SigningError>());
    assert!(
        matches!(cause, Some(unbind::SigningError::Key(_))),
        "{outcome:?}"
    );
    match outcome {
        Err(Error::Signing { provider, source }) => {
            assert_eq!(provider, Provider::OneAccess);
            // The signer's own error, kept whole as the source.
            assert!(matches!(source, unbind::SigningError::Key(_)), "{source:?}");
            assert!(source.to_string().contains("public key"), "{source}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(paths(&received(&server).await), ["/api/v2/sdk/public-key"]);
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let server = server(PUBLIC_KEYS[0].1).await;
    let mut bad_agent = device();
    bad_agent.agent = "Mozilla/5.0\r\nX-Injected: 1".into();
    let error =
        OneAccessClient::new(&server.uri(), bad_agent, SecretString::from(SECRET)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid input: X-agent contains CR or LF"
    );

    let mut bad_ip = device();
    bad_ip.device_ip = Some("10.0.0.1\0".into());
    let error =
        OneAccessClient::new(&server.uri(), bad_ip, SecretString::from(SECRET)).unwrap_err();
    assert_eq!(error.to_string(), "invalid input: X-device-ip contains NUL");

    let mut non_ascii = device();
    non_ascii.operating_sys_version = "Андроид".into();
    let error =
        OneAccessClient::new(&server.uri(), non_ascii, SecretString::from(SECRET)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid input: X-operating-sys-version contains a character that is not visible ASCII"
    );

    let error = OneAccessClient::with_settings(
        &server.uri(),
        device(),
        SecretString::from(SECRET),
        OneAccessSettings {
            public_key: Some(
                "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----".into(),
            ),
            ..OneAccessSettings::default()
        },
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("invalid input: public_key "),
        "{error}"
    );

    let client = sha256_client(&server);
    let error = client.unbind(" ").await.unwrap_err();
    assert_eq!(error.to_string(), "invalid input: id is empty or blank");
    assert!(received(&server).await.is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn login_then_list_signs_with_the_new_session() {
    let server = server(PUBLIC_KEYS[2].1).await;
    answer(
        &server,
        ("POST", "/api/v2/sdk/login"),
        200,
        json!({"session_token": "sess-NEW", "id_token": "id", "expire": 7200}),
    )
    .await;
    answer(&server, route::ONEACCESS_SOCIAL,
        200,
        json!({"social": [{"id": "b1", "socialType": "weixin", "social_uid": "u1", "socialNickname": null}]}),
    )
    .await;
    let client = OneAccessLogin::new(
        &server.uri(),
        device(),
        OneAccessSettings {
            clock: Arc::new(FixedClock::new(LOCAL_TIME)),
            ..OneAccessSettings::default()
        },
    )
    .unwrap()
    .login("alice", &SecretString::from("pw-SECRET"))
    .await
    .unwrap();
    let social = client.list().await.unwrap();
    assert_eq!(social.len(), 1);
    assert_eq!(social[0].id, "b1");
    assert_eq!(social[0].social_type.as_deref(), Some("weixin"));

    let requests = received(&server).await;
    let login: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(login, json!({"username": "alice", "password": "pw-SECRET"}));
    let list = requests.last().unwrap();
    let plaintext = decrypt(header(list, "x-signature").unwrap(), Mgf1Hash::Sha256);
    assert!(
        plaintext.starts_with("session_token=sess-NEW&timestamp=1700000000123&nonce="),
        "{plaintext}"
    );
}

#[tokio::test]
async fn bind_needs_only_the_state_token_and_returns_the_session_as_secrets() {
    let server = serving(route::ONEACCESS_BIND, 200, json!({"status": 200, "session_token": "sess-BOUND", "id_token": "id-BOUND", "expire": 7200})).await;
    let session = OneAccessLogin::new(&server.uri(), device(), OneAccessSettings::default())
        .unwrap()
        .bind(&SecretString::from("state-SECRET"), "13800000000", "123456")
        .await
        .unwrap();
    assert_eq!(
        session.session_token.as_ref().map(|t| t.expose_secret()),
        Some("sess-BOUND")
    );
    assert_eq!(session.expire, Some(7200));
    let debug = format!("{session:?}");
    assert!(!debug.contains("BOUND"), "{debug}");

    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(header(&requests[0], "x-state-token"), Some("state-SECRET"));
    assert_eq!(header(&requests[0], "x-signature"), None);
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body,
        json!({"mobile": "13800000000", "verify_code": "123456"})
    );
}

/// A session answer off the schema (an `expire` sent as text or as a float, a token that is
/// not a string) still holds the tokens OneAccess issued: login's and bind's errors must show
/// neither, although their redactors know only the password or the state token.
#[tokio::test]
async fn a_session_answer_off_the_schema_never_shows_the_issued_tokens() {
    const NEW_SESSION: &str = "sess-ISSUED-0123456789";
    const NEW_ID: &str = "idtok-ISSUED-0123456789";
    for body in [
        json!({"session_token": NEW_SESSION, "id_token": NEW_ID, "expire": "7200"}),
        json!({"session_token": NEW_SESSION, "id_token": NEW_ID, "expire": 7200.5}),
        json!({"session_token": [NEW_SESSION], "id_token": NEW_ID}),
    ] {
        let server = MockServer::start().await;
        for at in ["/api/v2/sdk/login", "/api/v2/sdk/social/bind"] {
            answer(&server, ("POST", at), 200, body.clone()).await;
        }
        let tenant =
            OneAccessLogin::new(&server.uri(), device(), OneAccessSettings::default()).unwrap();
        let login = tenant
            .login("alice", &SecretString::from("pw-SECRET"))
            .await
            .unwrap_err();
        let bind = tenant
            .bind(&SecretString::from("state-SECRET"), "13800000000", "123456")
            .await
            .unwrap_err();
        for error in [login, bind] {
            assert!(unexpected_200(Some(&error)), "{body}: {error:?}");
            for shown in [error.to_string(), format!("{error:?}")] {
                assert!(
                    !shown.contains("ISSUED") && !shown.contains("SECRET"),
                    "{body}: {shown}"
                );
            }
        }
    }
}

/// A server that hands out the key and time and answers the unbind (or list) with `body` as
/// `content_type` (no header when empty).
async fn answering(at: &str, verb: &str, body: &str, content_type: &str) -> MockServer {
    let server = signing_server(PUBLIC_KEYS[0].1).await;
    let mut answer = ResponseTemplate::new(200).set_body_bytes(body.to_owned());
    if !content_type.is_empty() {
        answer = answer.insert_header("content-type", content_type);
    }
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(answer)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn an_unbind_is_done_only_on_a_json_string_or_an_empty_body() {
    let unbind = "/api/v2/sdk/social/unbind-account";
    for (body, content_type) in [
        ("\"success\"", "application/json"),
        ("\"\"", "application/json;charset=utf8"),
        ("", ""),
        ("", "application/json"),
    ] {
        let server = answering(unbind, "POST", body, content_type).await;
        let outcome = sha256_client(&server).unbind("id-1").await;
        assert_eq!(
            outcome.unwrap(),
            unbind::UnbindOutcome::Unbound,
            "{body:?} {content_type}"
        );
    }
    for (body, content_type) in [
        ("null", "application/json"),
        ("[]", "application/json"),
        ("{}", "application/json"),
        (r#"{"result":"ok"}"#, "application/json"),
        ("1", "application/json"),
        ("true", "application/json"),
        ("<html><body>Access denied</body></html>", "text/html"),
        ("\"success\"", "text/plain"),
        ("\"success\"", ""),
    ] {
        let server = answering(unbind, "POST", body, content_type).await;
        let outcome = sha256_client(&server).unbind("id-1").await;
        assert!(
            unexpected_200(outcome.as_ref().err()),
            "{body:?} {content_type}: {outcome:?}"
        );
    }
}

#[tokio::test]
async fn a_list_answer_without_its_array_is_an_error_not_nothing_bound() {
    let social = "/api/v2/sdk/social";
    for body in [r#"{"foo":1}"#, "[]", r#"{"social":null}"#, "{}"] {
        let server = answering(social, "GET", body, "application/json").await;
        let outcome = sha256_client(&server).list().await;
        assert!(
            unexpected_200(outcome.as_ref().err()),
            "{body}: {outcome:?}"
        );
    }
    let server = answering(social, "GET", r#"{"social":[]}"#, "application/json").await;
    let listed = sha256_client(&server).list().await;
    assert!(listed.unwrap().is_empty());
}
