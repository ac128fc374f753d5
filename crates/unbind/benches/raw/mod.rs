//! The hand-written side of the `overhead` and `calls` benches, in one place so that both
//! measure the same thing: what a careful reqwest call does by hand for each provider's
//! unbind (the facade's timeouts, no redirects, the documented request, the status and a
//! JSON `Content-Type` checked, the body decoded into the documented type), the test
//! credentials both use, and the facade clients both benches build.

use serde_json::{Value, json};
use unbind::auth::oneaccess::{DeviceProfile, Signature};
use unbind::runtime::random::{OsRandom, hex32};
use unbind::{CallSettings, RetryPolicy};

/// The bearer token (MantaGo, CloudBase) or session token (OneAccess).
pub(crate) const TOKEN: &str = "tok-0123456789abcdef0123456789abcdef";
/// The MantaGo API secret.
pub(crate) const API_SECRET: &str = "api-secret-abcdef0123456789";
/// The CloudBase `x-device-id`.
pub(crate) const DEVICE: &str = "0123456789abcdef0123456789abcdef";
/// The OneAccess server time the fixed servers answer.
pub(crate) const SERVER_TIME: &str = "1700000000123";
/// The OneAccess social account unbound.
pub(crate) const ACCOUNT: &str = "001GKgGa15HGZA0aOxIa1bFktp1GKgG4";

/// The facade's settings for both benches: no retries.
pub(crate) fn call_settings() -> CallSettings {
    CallSettings {
        retry: RetryPolicy::never(),
        ..CallSettings::default()
    }
}

/// What a careful hand-written client uses: the facade's timeouts (keep-alive is reqwest's
/// default), and no redirects.
pub(crate) fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(unbind::CONNECT_TIMEOUT)
        .timeout(unbind::REQUEST_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest client")
}

/// What a careful hand-written call does with the answer, as the facade does: the status, a
/// JSON `Content-Type` (OneAccess's unbind may also answer an empty body), and the body
/// decoded into the documented type `T`. Returns the decoded value (`None` for an empty
/// OneAccess answer).
pub(crate) async fn careful_answer<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
    empty_allowed: bool,
) -> Option<T> {
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let json = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let body = response.bytes().await.expect("raw body");
    if empty_allowed && body.is_empty() {
        return None;
    }
    assert!(json, "a JSON answer");
    Some(serde_json::from_slice(&body).expect("the documented shape"))
}

/// MantaGo's `BasicSuccessResponse`, as a hand-written client would declare it.
#[derive(serde::Deserialize)]
struct BasicSuccess {
    success: bool,
    #[allow(dead_code, reason = "decoded as the documented shape, not read")]
    message: String,
}

/// MantaGo's unbind by hand: `POST …/openapi/unbind/customer?botId=bot-1` (`url`), the body
/// serialised per call as the facade does.
pub(crate) async fn manta_unbind(raw: &reqwest::Client, url: &str, bearer: &str) {
    let body = serde_json::to_vec(
        &json!({"secret": API_SECRET, "clientId": "client-9", "customerId": "customer-42"}),
    )
    .expect("body");
    let response = raw
        .post(url)
        .header("accept", "application/json")
        .header("authorization", bearer)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("raw send");
    let answer: Option<BasicSuccess> = careful_answer(response, false).await;
    assert!(answer.is_some_and(|a| a.success));
}

/// OneAccess's unbind by hand: `POST …/unbind-account` (`url`) with the device headers and a
/// `signature` made by the caller.
pub(crate) async fn oneaccess_unbind(
    raw: &reqwest::Client,
    url: &str,
    profile: &DeviceProfile,
    signature: &Signature,
) {
    let body = serde_json::to_vec(&json!({"id": ACCOUNT})).expect("body");
    let mut request = raw
        .post(url)
        .header("accept", "application/json")
        .header("content-type", "application/json;charset=utf8")
        .header("x-operating-sys-version", &profile.operating_sys_version)
        .header("x-device-fingerprint", &profile.device_fingerprint)
        .header("x-agent", &profile.agent)
        .header("x-client-id", &profile.client_id)
        .header("x-signature", signature.header_value());
    if let Some(ip) = &profile.device_ip {
        request = request.header("x-device-ip", ip);
    }
    if let Some(language) = &profile.language {
        request = request.header("x-l", language);
    }
    let response = request.body(body).send().await.expect("raw send");
    std::hint::black_box(careful_answer::<String>(response, true).await);
}

/// CloudBase's unbind by hand: `DELETE …/provider/github` (`url`), a fresh `x-request-id`
/// from the OS per request, as the facade's.
pub(crate) async fn cloudbase_unbind(raw: &reqwest::Client, url: &str, bearer: &str) {
    let response = raw
        .delete(url)
        .header("accept", "application/json")
        .header("authorization", bearer)
        .header("x-device-id", DEVICE)
        .header("x-request-id", hex32(&OsRandom))
        .send()
        .await
        .expect("raw send");
    let answer: Option<serde_json::Map<String, Value>> = careful_answer(response, false).await;
    std::hint::black_box(answer.expect("an object"));
}

// One facade client per provider, each with its own settings type.
/// The facade's CloudBase client of both benches, for the server at `url`.
pub(crate) fn cloudbase_facade(url: &str) -> unbind::cloudbase::CloudBaseClient {
    unbind::cloudbase::CloudBaseClient::with_settings(
        url,
        unbind::auth::SecretString::from(TOKEN),
        unbind::cloudbase::CloudBaseSettings {
            device_id: Some(unbind::auth::cloudbase::DeviceId::new(DEVICE).expect("device id")),
            call: call_settings(),
            ..unbind::cloudbase::CloudBaseSettings::default()
        },
    )
    .expect("cloudbase client")
}

/// The facade's MantaGo client of both benches (bot `bot-1`), for the server at `url`.
pub(crate) fn manta_facade(url: &str) -> unbind::manta::MantaClient {
    use unbind::auth::SecretString;
    unbind::manta::MantaClient::with_settings(
        url,
        "bot-1",
        unbind::auth::manta::Credentials::new(SecretString::from(API_SECRET))
            .with_token(SecretString::from(TOKEN)),
        unbind::manta::MantaSettings {
            call: call_settings(),
            ..unbind::manta::MantaSettings::default()
        },
    )
    .expect("manta client")
}

/// The facade's OneAccess client of both benches, for the server at `url`.
pub(crate) fn oneaccess_facade(url: &str) -> unbind::oneaccess::OneAccessClient {
    unbind::oneaccess::OneAccessClient::with_settings(
        url,
        unbind_test_fixtures::device_with_ip_and_language(),
        unbind::auth::SecretString::from(TOKEN),
        unbind::oneaccess::OneAccessSettings {
            call: call_settings(),
            ..unbind::oneaccess::OneAccessSettings::default()
        },
    )
    .expect("oneaccess client")
}

/// The raw side's OneAccess signer: the test key, default settings, the OS's randomness.
pub(crate) fn raw_signer() -> unbind::auth::oneaccess::Signer {
    use unbind::auth::oneaccess::{PublicKey, Signer, SignerSettings};
    Signer::new(
        PublicKey::parse(unbind_test_fixtures::keys::PUBLIC_KEY_PEM).expect("fixture key"),
        SignerSettings::default(),
        std::sync::Arc::new(OsRandom),
    )
}
