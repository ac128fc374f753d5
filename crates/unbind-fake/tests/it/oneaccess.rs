//! OneAccess through the facade against the fake: the whole cycle with real signatures, and
//! every signature, timestamp, header and session the fake refuses.

use std::sync::Arc;

use crate::common::{answers_conform, demo, seeded, status_and_code, with_test_key};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs8::DecodePublicKey as _;
use serde_json::Value;
use unbind::UnbindOutcome;
use unbind::auth::SecretString;
use unbind::auth::oneaccess::{Mgf1Hash, SignerSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessLogin, OneAccessSettings};
use unbind_fake::{Fake, ManualClock, OneAccessSocial, OneAccessStateToken, Seed};
use unbind_test_fixtures::{device, keys};

async fn social_types(client: &OneAccessClient) -> Vec<(String, String)> {
    client
        .list()
        .await
        .expect("list")
        .into_iter()
        .map(|s| (s.social_type.unwrap_or_default(), s.id))
        .collect()
}

#[tokio::test]
async fn full_cycle_login_bind_list_unbind_and_unbind_again() {
    let fake = demo().await;
    let url = fake.oneaccess_url();
    let settings = OneAccessSettings::default();
    let client = OneAccessLogin::new(&url, device(), settings.clone())
        .expect("tenant")
        .login("demo", &SecretString::from("demo-password"))
        .await
        .expect("login");
    assert_eq!(
        social_types(&client).await,
        [("weibo".to_owned(), "social-weibo-1".to_owned())]
    );

    // The WeChat login waiting under the state token is bound to the demo user's mobile.
    let session = OneAccessLogin::new(&url, device(), settings.clone())
        .expect("tenant")
        .bind(&SecretString::from("demo-state"), "13800000000", "123456")
        .await
        .expect("bind");
    assert!(session.session_token.is_some());
    let listed = social_types(&client).await;
    let wechat = listed
        .iter()
        .find(|(kind, _)| kind == "weixin")
        .map(|(_, id)| id.clone())
        .expect("WeChat is bound");

    assert_eq!(
        client.unbind(&wechat).await.expect("unbind"),
        UnbindOutcome::Unbound
    );
    assert_eq!(
        social_types(&client).await,
        [("weibo".to_owned(), "social-weibo-1".to_owned())]
    );
    assert_eq!(
        client.unbind(&wechat).await.expect("unbind again"),
        UnbindOutcome::AlreadyUnbound
    );

    let seen = answers_conform(&fake, "oneaccess");
    let count = |op: &str| seen.iter().filter(|(o, _)| o == op).count();
    // The key and the server time are fetched once for all five signed calls.
    assert_eq!((count("get_public_key"), count("get_server_date")), (1, 1));
    assert_eq!(
        count("list_social_accounts") + count("unbind_social_account"),
        5
    );
    assert_eq!((count("login"), count("bind_social_account")), (1, 1));
}

#[tokio::test]
async fn register_and_bind_makes_a_user_whose_session_lists_the_account() {
    let mut seed = Seed::demo();
    seed.oneaccess.state_tokens.push(OneAccessStateToken {
        state_token: "state-2".into(),
        social: OneAccessSocial {
            id: Some("qq-binding".into()),
            social_type: "qq".into(),
            social_uid: "qq-3003".into(),
            nickname: None,
        },
    });
    let fake = seeded(with_test_key(seed)).await;
    let url = fake.oneaccess_url();
    let settings = OneAccessSettings::default();
    let state = SecretString::from("state-2");

    // One state-token call per case, each with the error code it must give.
    let taken = OneAccessLogin::new(&url, device(), settings.clone())
        .expect("tenant")
        .register_and_bind(&state, "13800000000", "123456")
        .await
        .unwrap_err();
    assert_eq!(
        status_and_code(&taken),
        (400, Some("FAKE.MOBILE_REGISTERED".into()))
    );
    let wrong_code = OneAccessLogin::new(&url, device(), settings.clone())
        .expect("tenant")
        .register_and_bind(&state, "13900000000", "000000")
        .await
        .unwrap_err();
    assert_eq!(
        status_and_code(&wrong_code),
        (400, Some("FAKE.VERIFY_CODE_INVALID".into()))
    );

    // Neither failure used the state token up.
    let session = OneAccessLogin::new(&url, device(), settings.clone())
        .expect("tenant")
        .register_and_bind(&state, "13900000000", "123456")
        .await
        .expect("register and bind");
    let token = session.session_token.expect("a session token");
    let client = OneAccessClient::new(&url, device(), token).expect("client");
    assert_eq!(
        social_types(&client).await,
        [("qq".to_owned(), "qq-binding".to_owned())]
    );

    let used = OneAccessLogin::new(&url, device(), settings.clone())
        .expect("tenant")
        .bind(&state, "13800000000", "123456")
        .await
        .unwrap_err();
    assert_eq!(
        status_and_code(&used),
        (400, Some("FAKE.STATE_TOKEN_INVALID".into()))
    );
    answers_conform(&fake, "oneaccess");
}

#[tokio::test]
async fn the_mgf1_sha1_variant_is_accepted_too() {
    let fake = demo().await;
    let settings = OneAccessSettings {
        signer: SignerSettings {
            mgf1: Mgf1Hash::Sha1,
            ..SignerSettings::default()
        },
        ..OneAccessSettings::default()
    };
    let client = OneAccessClient::with_settings(
        &fake.oneaccess_url(),
        device(),
        SecretString::from("demo-session"),
        settings,
    )
    .expect("client");
    assert_eq!(
        social_types(&client).await,
        [("weibo".to_owned(), "social-weibo-1".to_owned())]
    );
}

#[tokio::test]
async fn a_server_clock_jump_is_refused_then_recovered_by_fetching_the_time_again() {
    let clock = Arc::new(ManualClock::new(1_700_000_000_000));
    let fake = Fake::builder()
        .seed(with_test_key(Seed::demo()))
        .clock(clock.clone())
        .record_exchanges(true)
        .start()
        .await
        .expect("fake");
    let client = OneAccessClient::new(
        &fake.oneaccess_url(),
        device(),
        SecretString::from("demo-session"),
    )
    .expect("client");
    assert_eq!(social_types(&client).await.len(), 1);
    // The server's clock moves ten minutes; the client's cached offset is now stale.
    clock.advance(600_000);
    assert_eq!(social_types(&client).await.len(), 1);

    let seen: Vec<(String, u16)> = answers_conform(&fake, "oneaccess");
    let expected = [
        ("get_public_key", 200),
        ("get_server_date", 200),
        ("list_social_accounts", 200),
        ("list_social_accounts", 400),
        ("get_public_key", 200),
        ("get_server_date", 200),
        ("list_social_accounts", 200),
    ];
    let seen: Vec<(&str, u16)> = seen.iter().map(|(o, s)| (o.as_str(), *s)).collect();
    assert_eq!(seen, expected);
    let refused = fake
        .exchanges()
        .into_iter()
        .find(|e| e.status == 400)
        .expect("the refused call");
    let body: Value = serde_json::from_slice(&refused.response_body).expect("json");
    assert_eq!(body["error_code"], "FAKE.SIGNATURE_EXPIRED");
}

/// Encrypts `plaintext` as a OneAccess client would, with the key the fake publishes (or
/// another), under OAEP-SHA-256 / MGF1-SHA-256.
fn encrypt(public_key: &rsa::RsaPublicKey, plaintext: &str) -> String {
    let mut rng = rsa::rand_core::OsRng;
    let ciphertext = public_key
        .encrypt(
            &mut rng,
            rsa::Oaep::new::<sha2::Sha256>(),
            plaintext.as_bytes(),
        )
        .expect("encrypt");
    STANDARD.encode(ciphertext)
}

struct Raw {
    http: reqwest::Client,
    url: String,
    key: rsa::RsaPublicKey,
}

impl Raw {
    async fn new(fake: &Fake) -> Raw {
        let http = reqwest::Client::new();
        let url = fake.oneaccess_url();
        let answer: Value =
            Self::with_device(http.get(format!("{url}/api/v2/sdk/public-key")), None)
                .send()
                .await
                .expect("key")
                .json()
                .await
                .expect("json");
        let der = STANDARD
            .decode(answer["public_key"].as_str().expect("public_key"))
            .expect("base64");
        let key = rsa::RsaPublicKey::from_public_key_der(&der).expect("SPKI");
        Raw { http, url, key }
    }

    fn with_device(
        request: reqwest::RequestBuilder,
        without: Option<&str>,
    ) -> reqwest::RequestBuilder {
        let mut request = request;
        for (name, value) in [
            ("X-operating-sys-version", "Android 10"),
            ("X-device-fingerprint", "156aysdna213sac"),
            ("X-agent", "Mozilla/5.0"),
            ("X-client-id", "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"),
        ] {
            if Some(name) != without {
                request = request.header(name, value);
            }
        }
        request
    }

    /// Lists with the given signature and device headers; returns the status and error code.
    async fn list(&self, signature: Option<&str>, without: Option<&str>) -> (u16, String, String) {
        let mut request = Self::with_device(
            self.http.get(format!("{}/api/v2/sdk/social", self.url)),
            without,
        );
        if let Some(signature) = signature {
            request = request.header("X-signature", signature);
        }
        let answer = request.send().await.expect("answer");
        let status = answer.status().as_u16();
        let body: Value = answer.json().await.expect("json");
        let text = |field: &str| body[field].as_str().unwrap_or_default().to_owned();
        (status, text("error_code"), text("error_msg"))
    }
}

#[tokio::test]
async fn the_public_key_call_answers_the_seeded_key() {
    let fake = demo().await;
    let raw = Raw::new(&fake).await;
    assert_eq!(
        raw.key,
        rsa::RsaPublicKey::from_public_key_pem(keys::PUBLIC_KEY_PEM).expect("fixture key")
    );
}

fn now_ms() -> i64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970");
    i64::try_from(since.as_millis()).expect("fits")
}

#[tokio::test]
async fn the_fake_refuses_bad_signatures_stale_timestamps_unknown_sessions_and_missing_headers() {
    // A generated key: the fixtures' key is the "another key" below.
    let fake = seeded(Seed::demo()).await;
    let raw = Raw::new(&fake).await;
    let now = now_ms();
    let good = encrypt(
        &raw.key,
        &format!("session_token=demo-session&timestamp={now}&nonce={now:x}"),
    );
    assert_eq!(
        raw.list(Some(&good), None).await.0,
        200,
        "a good signature passes"
    );

    let other_key =
        rsa::RsaPublicKey::from_public_key_pem(keys::PUBLIC_KEY_PEM).expect("fixture key");
    let wrong_key = encrypt(
        &other_key,
        &format!("session_token=demo-session&timestamp={now}&nonce=1"),
    );
    let stale = now - 10 * 60 * 1000;
    let cases = [
        (
            "another key",
            Some(wrong_key),
            None,
            "FAKE.SIGNATURE_INVALID",
            "invalid signature: it does not decrypt with the application's key",
        ),
        (
            "not Base64",
            Some("not a signature".into()),
            None,
            "FAKE.SIGNATURE_INVALID",
            "invalid signature: it does not decrypt with the application's key",
        ),
        (
            "no signature",
            None,
            None,
            "FAKE.SIGNATURE_MISSING",
            "header X-signature is missing",
        ),
        (
            "stale",
            Some(encrypt(
                &raw.key,
                &format!("session_token=demo-session&timestamp={stale}&nonce={stale:x}"),
            )),
            None,
            "FAKE.SIGNATURE_EXPIRED",
            "the signature's timestamp is outside the allowed window",
        ),
        (
            "unknown session",
            Some(encrypt(
                &raw.key,
                &format!("session_token=someone-else&timestamp={now}&nonce=1"),
            )),
            None,
            "FAKE.SESSION_INVALID",
            "session token invalid or expired",
        ),
        (
            "empty nonce",
            Some(encrypt(
                &raw.key,
                &format!("session_token=demo-session&timestamp={now}&nonce="),
            )),
            None,
            "FAKE.SIGNATURE_INVALID",
            "invalid signature: the nonce is empty",
        ),
        (
            "wrong shape",
            Some(encrypt(&raw.key, &format!("token=demo-session&ts={now}"))),
            None,
            "FAKE.SIGNATURE_INVALID",
            "invalid signature: the plaintext is not session_token=…&timestamp=…&nonce=…",
        ),
        (
            "no X-agent",
            Some(good.clone()),
            Some("X-agent"),
            "FAKE.HEADER_MISSING",
            "required header X-agent is missing",
        ),
    ];
    for (case, signature, without, code, message) in cases {
        assert_eq!(
            raw.list(signature.as_deref(), without).await,
            (400, code.to_owned(), message.to_owned()),
            "{case}"
        );
    }
    answers_conform(&fake, "oneaccess");
}

#[tokio::test]
async fn a_wrong_password_is_refused() {
    let fake = demo().await;
    let error = OneAccessLogin::new(
        &fake.oneaccess_url(),
        device(),
        OneAccessSettings::default(),
    )
    .expect("tenant")
    .login("demo", &SecretString::from("not-the-password"))
    .await
    .unwrap_err();
    assert_eq!(
        status_and_code(&error),
        (400, Some("FAKE.LOGIN_FAILED".into()))
    );
    assert!(!format!("{error:?}").contains("not-the-password"));
    answers_conform(&fake, "oneaccess");
}

#[tokio::test]
async fn a_timestamp_at_the_ends_of_i64_is_refused_with_400_not_a_panic() {
    let fake = demo().await;
    let raw = Raw::new(&fake).await;
    for timestamp in [i64::MIN, i64::MAX, i64::MIN + 1, -1, 0] {
        let signature = encrypt(
            &raw.key,
            &format!("session_token=demo-session&timestamp={timestamp}&nonce=x"),
        );
        // A panic in the handler would drop the connection: `list` would fail to send.
        assert_eq!(
            raw.list(Some(&signature), None).await,
            (
                400,
                "FAKE.SIGNATURE_EXPIRED".to_owned(),
                "the signature's timestamp is outside the allowed window".to_owned()
            ),
            "timestamp {timestamp}"
        );
    }
    // Still serving.
    let now = now_ms();
    let good = encrypt(
        &raw.key,
        &format!("session_token=demo-session&timestamp={now}&nonce={now:x}"),
    );
    assert_eq!(raw.list(Some(&good), None).await.0, 200);
    answers_conform(&fake, "oneaccess");
}

#[tokio::test]
async fn a_replayed_signature_is_refused_but_a_new_one_with_the_same_nonce_is_not() {
    let fake = demo().await;
    let raw = Raw::new(&fake).await;
    let now = now_ms();
    let plaintext = format!("session_token=demo-session&timestamp={now}&nonce={now:x}");
    let signature = encrypt(&raw.key, &plaintext);
    let replayed = (
        400,
        "FAKE.SIGNATURE_REPLAYED".to_owned(),
        "invalid signature: it was already used (a replay)".to_owned(),
    );
    assert_eq!(raw.list(Some(&signature), None).await.0, 200, "first use");
    assert_eq!(raw.list(Some(&signature), None).await, replayed, "second");
    assert_eq!(raw.list(Some(&signature), None).await, replayed, "third");
    // The same plaintext encrypted again (OAEP is randomised) is another signature: two honest
    // calls in the same millisecond share the facade's default nonce.
    let again = encrypt(&raw.key, &plaintext);
    assert_ne!(again, signature);
    assert_eq!(
        raw.list(Some(&again), None).await.0,
        200,
        "a fresh signature"
    );
    // A replay of a signed unbind changes nothing either.
    let unbind = |signature: String| {
        Raw::with_device(
            raw.http
                .post(format!("{}/api/v2/sdk/social/unbind-account", raw.url)),
            None,
        )
        .header("X-signature", signature)
        .json(&serde_json::json!({"id": "social-weibo-1"}))
        .send()
    };
    let signature = encrypt(&raw.key, &plaintext);
    let first = unbind(signature.clone()).await.expect("answer");
    assert_eq!(first.status(), 200);
    let second = unbind(signature).await.expect("answer");
    assert_eq!(second.status(), 400);
    let body: Value = second.json().await.expect("json");
    assert_eq!(body["error_code"], "FAKE.SIGNATURE_REPLAYED");
    answers_conform(&fake, "oneaccess");
}
