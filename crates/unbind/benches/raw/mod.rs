//! The hand-written side of the `overhead` and `calls` benches, in one place so that both
//! measure the same thing: what a careful reqwest call does by hand for each provider's
//! unbind (the facade's timeouts, no redirects, the documented request, the status and a
//! JSON `Content-Type` checked, the body decoded into the documented type), and the test
//! credentials both use.

use serde_json::{Value, json};
use unbind::auth::oneaccess::{DeviceProfile, Signature};
use unbind::auth::random::{OsRandom, hex32};
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
