//! What the facade costs over a hand-written reqwest call: for each provider, the facade's
//! unbind and a `reqwest::Client` sending the same request by hand, against the same loopback
//! server in the same run, keep-alive on; plus the input checks alone.
//!
//! Before measuring, each group sends one request each way and asserts that the server saw the
//! same method, URL, headers and body (only the per-request `x-request-id` / `X-signature`
//! values may differ), so the two functions measure the same wire work.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use criterion::{Criterion, criterion_group, criterion_main};
use reqwest::StatusCode;
use serde_json::json;
use tokio::runtime::Runtime;
use unbind::auth::SecretString;
use unbind::auth::clock::{Clock as _, SystemClock};
use unbind::auth::cloudbase::DeviceId;
use unbind::auth::manta::Credentials;
use unbind::auth::oneaccess::{DeviceProfile, PublicKey, ServerTime, Signer, SignerSettings};
use unbind::auth::random::{OsRandom, hex32};
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::manta::{MantaClient, MantaSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessSettings};
use unbind::{CallSettings, Error, RetryPolicy, UnbindOutcome};
use wiremock::matchers::{method, path};
use wiremock::{Match, Mock, MockServer, ResponseTemplate};

const PUBLIC_KEY_PEM: &str = include_str!("../../auth/tests/fixtures/test_public_key.pem");
const TOKEN: &str = "tok-0123456789abcdef0123456789abcdef";
const API_SECRET: &str = "api-secret-abcdef0123456789";
const DEVICE: &str = "0123456789abcdef0123456789abcdef";
const SERVER_TIME: &str = "1700000000123";

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// Wiremock's own log of requests is off: each mounted mock still keeps the requests it
/// matched, equally for both functions.
async fn server() -> MockServer {
    MockServer::builder()
        .disable_request_recording()
        .start()
        .await
}

/// The same timeouts the facade's default HTTP client has (keep-alive is reqwest's default).
fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(unbind::CONNECT_TIMEOUT)
        .timeout(unbind::REQUEST_TIMEOUT)
        .build()
        .expect("reqwest client")
}

fn call_settings() -> CallSettings {
    CallSettings {
        retry: RetryPolicy::never(),
        ..CallSettings::default()
    }
}

/// A request as the server saw it, with the headers sorted and `varying` headers' values
/// blanked (they are fresh per request on both sides).
fn wire(request: &wiremock::Request, varying: &[&str]) -> String {
    let mut headers: Vec<String> = request
        .headers
        .iter()
        .map(|(name, value)| {
            let value = if varying.contains(&name.as_str()) {
                "<varies>".to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            format!("{name}: {value}")
        })
        .collect();
    headers.sort();
    format!(
        "{} {}\n{}\n\n{}",
        request.method,
        request.url,
        headers.join("\n"),
        String::from_utf8_lossy(&request.body)
    )
}

/// A matcher that matches everything and keeps a copy. (`MockGuard::received_requests` was
/// seen to return another mock's requests when other mocks were mounted first.)
struct Capture(Arc<Mutex<Vec<wiremock::Request>>>);

impl Match for Capture {
    fn matches(&self, request: &wiremock::Request) -> bool {
        self.0.lock().expect("capture lock").push(request.clone());
        true
    }
}

/// Sends one request each way to a scoped mock for `verb at` answering `answer`, and asserts
/// the server saw the same.
async fn assert_same_request<A, B>(
    server: &MockServer,
    verb: &str,
    at: &str,
    varying: &[&str],
    answer: ResponseTemplate,
    facade: A,
    raw: B,
) where
    A: Future<Output = ()>,
    B: Future<Output = ()>,
{
    let seen = Arc::new(Mutex::new(Vec::new()));
    let guard = Mock::given(method(verb))
        .and(path(at))
        .and(Capture(Arc::clone(&seen)))
        .respond_with(answer)
        .with_priority(1)
        .mount_as_scoped(server)
        .await;
    facade.await;
    raw.await;
    drop(guard);
    let requests = std::mem::take(&mut *seen.lock().expect("capture lock"));
    assert_eq!(requests.len(), 2, "{at}: one request each way");
    let (facade, raw) = (wire(&requests[0], varying), wire(&requests[1], varying));
    assert_eq!(facade, raw, "{at}: the facade and raw requests differ");
}

/// Polls a future once: the facade's input checks fail before its first `.await`.
fn poll_once<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("validation should fail without waiting"),
    }
}

fn expect_invalid(outcome: Result<UnbindOutcome, Error>) {
    assert!(
        matches!(outcome, Err(Error::InvalidInput { .. })),
        "{outcome:?}"
    );
}

/// MantaGo's documented success body.
fn manta_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": true, "message": "ok"}))
}

fn bench_manta(c: &mut Criterion) {
    let rt = runtime();
    let server = rt.block_on(server());
    let client = MantaClient::with_settings(
        &server.uri(),
        "bot-1",
        Credentials::new(SecretString::from(API_SECRET)).with_token(SecretString::from(TOKEN)),
        MantaSettings {
            call: call_settings(),
            ..MantaSettings::default()
        },
    )
    .expect("manta client");
    let raw = raw_client();
    let url = format!("{}/openapi/unbind/customer?botId=bot-1", server.uri());
    let bearer = format!("Bearer {TOKEN}");

    let facade_call = || async {
        let outcome = client.unbind("client-9", "customer-42").await;
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    };
    let raw_call = || async {
        // Serialised per call, as the facade does.
        let body = serde_json::to_vec(
            &json!({"secret": API_SECRET, "clientId": "client-9", "customerId": "customer-42"}),
        )
        .expect("body");
        let response = raw
            .post(&url)
            .header("accept", "application/json")
            .header("authorization", &bearer)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("raw send");
        assert_eq!(response.status(), StatusCode::OK);
        black_box(response.bytes().await.expect("raw body"));
    };

    rt.block_on(async {
        assert_same_request(
            &server,
            "POST",
            "/openapi/unbind/customer",
            &[],
            manta_ok(),
            facade_call(),
            raw_call(),
        )
        .await;
        Mock::given(method("POST"))
            .and(path("/openapi/unbind/customer"))
            .respond_with(manta_ok())
            .mount(&server)
            .await;
    });

    let mut group = c.benchmark_group("manta_unbind");
    group.bench_function("facade", |b| b.iter(|| rt.block_on(facade_call())));
    group.bench_function("raw_reqwest", |b| b.iter(|| rt.block_on(raw_call())));
    group.bench_function("validation", |b| {
        b.iter(|| {
            expect_invalid(poll_once(
                client.unbind(black_box("client-9"), black_box("customer-42 \u{7}")),
            ))
        })
    });
    group.finish();
}

fn device() -> DeviceProfile {
    DeviceProfile {
        operating_sys_version: "Android 10".into(),
        device_fingerprint: "156aysdna213sac".into(),
        agent: "Mozilla/5.0 (Linux; Android 10)".into(),
        client_id: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm".into(),
        device_ip: Some("10.10.10.1".into()),
        language: Some("zh".into()),
        tenant_id: None,
    }
}

fn bench_oneaccess(c: &mut Criterion) {
    let rt = runtime();
    let server = rt.block_on(async {
        let server = server().await;
        Mock::given(method("GET"))
            .and(path("/api/v2/sdk/public-key"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"public_key": PUBLIC_KEY_PEM})),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/api/v2/sdk/server-date"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"timestamp": SERVER_TIME})),
            )
            .mount(&server)
            .await;
        server
    });
    let client = OneAccessClient::with_settings(
        &server.uri(),
        device(),
        SecretString::from(TOKEN),
        OneAccessSettings {
            call: call_settings(),
            ..OneAccessSettings::default()
        },
    )
    .expect("oneaccess client");
    let raw = raw_client();
    let url = format!("{}/api/v2/sdk/social/unbind-account", server.uri());
    // The raw side's key and server-time offset, fetched as the facade does once.
    let token = SecretString::from(TOKEN);
    let signer = Signer::new(
        PublicKey::parse(PUBLIC_KEY_PEM).expect("fixture key"),
        SignerSettings::default(),
        Arc::new(OsRandom),
    );
    let time = ServerTime::from_server(SERVER_TIME, SystemClock.now_millis()).expect("time");
    let profile = device();

    let facade_call = || async {
        let outcome = client.unbind("001GKgGa15HGZA0aOxIa1bFktp1GKgG4").await;
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    };
    let raw_call = || async {
        let signature = signer
            .sign(&token, time.now_millis(&SystemClock))
            .expect("sign");
        let body =
            serde_json::to_vec(&json!({"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4"})).expect("body");
        let mut request = raw
            .post(&url)
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
        assert_eq!(response.status(), StatusCode::OK);
        black_box(response.bytes().await.expect("raw body"));
    };

    rt.block_on(async {
        // The facade's first call also fetches the key and server time: the cache is warm
        // from here on.
        assert_same_request(
            &server,
            "POST",
            "/api/v2/sdk/social/unbind-account",
            &["x-signature"],
            ResponseTemplate::new(200),
            facade_call(),
            raw_call(),
        )
        .await;
        Mock::given(method("POST"))
            .and(path("/api/v2/sdk/social/unbind-account"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server)
            .await;
    });

    let mut group = c.benchmark_group("oneaccess_unbind");
    group.bench_function("facade", |b| b.iter(|| rt.block_on(facade_call())));
    group.bench_function("raw_reqwest", |b| b.iter(|| rt.block_on(raw_call())));
    group.bench_function("validation", |b| {
        b.iter(|| {
            expect_invalid(poll_once(
                client.unbind(black_box("001GKgGa15HGZA0aOxIa1bFktp1GKgG4\u{7}")),
            ))
        })
    });
    group.finish();
}

fn bench_cloudbase(c: &mut Criterion) {
    let rt = runtime();
    let server = rt.block_on(server());
    let client = CloudBaseClient::with_settings(
        &server.uri(),
        SecretString::from(TOKEN),
        CloudBaseSettings {
            device_id: Some(DeviceId::new(DEVICE).expect("device id")),
            call: call_settings(),
            ..CloudBaseSettings::default()
        },
    )
    .expect("cloudbase client");
    let raw = raw_client();
    let url = format!("{}/auth/v1/user/provider/github", server.uri());
    let bearer = format!("Bearer {TOKEN}");

    let facade_call = || async {
        let outcome = client.unbind("github").await;
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    };
    let raw_call = || async {
        let response = raw
            .delete(&url)
            .header("accept", "application/json")
            .header("authorization", &bearer)
            .header("x-device-id", DEVICE)
            // Fresh per request from the OS, as the facade's.
            .header("x-request-id", hex32(&OsRandom))
            .send()
            .await
            .expect("raw send");
        assert_eq!(response.status(), StatusCode::OK);
        black_box(response.bytes().await.expect("raw body"));
    };

    rt.block_on(async {
        assert_same_request(
            &server,
            "DELETE",
            "/auth/v1/user/provider/github",
            &["x-request-id"],
            ResponseTemplate::new(200).set_body_json(json!({})),
            facade_call(),
            raw_call(),
        )
        .await;
        Mock::given(method("DELETE"))
            .and(path("/auth/v1/user/provider/github"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&server)
            .await;
    });

    let mut group = c.benchmark_group("cloudbase_unbind");
    group.bench_function("facade", |b| b.iter(|| rt.block_on(facade_call())));
    group.bench_function("raw_reqwest", |b| b.iter(|| rt.block_on(raw_call())));
    group.bench_function("validation", |b| {
        b.iter(|| expect_invalid(poll_once(client.unbind(black_box("..")))))
    });
    group.finish();
}

criterion_group!(benches, bench_manta, bench_oneaccess, bench_cloudbase);
criterion_main!(benches);
