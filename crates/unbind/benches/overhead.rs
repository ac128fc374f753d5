//! What the facade costs over a hand-written reqwest call: for each provider, the facade's
//! unbind and a `reqwest::Client` sending the same request by hand, against the same loopback
//! server in the same run, keep-alive on; plus the input checks alone.
//!
//! The server answers with fixed bodies, on its own thread and runtime, and records nothing
//! while the calls are timed (wiremock, used before, keeps every request a mock matches, so
//! its cost grew during a run). The client side runs on a current-thread runtime. Before
//! measuring, each group sends one request each way with the server recording, and asserts it
//! saw the same method, URL, headers and body (only the per-request `x-request-id` /
//! `X-signature` values may differ): the two functions do the same wire work. The raw side
//! also does what a careful hand-written call does with the answer: no redirects, the status
//! and a JSON `Content-Type` checked, the body decoded into the documented type.
//!
//! Besides criterion's figures, each provider gets a paired measurement: rounds of facade
//! calls alternating with rounds of raw calls, whose per-round ratios are printed at the end
//! (median and quartiles). Alternating cancels the drift of a shared machine, which separate
//! criterion runs of the two functions pick up.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse as _, Response};
use axum::routing::{MethodFilter, on};
use criterion::Criterion;
use serde_json::{Value, json};
use tokio::runtime::Runtime;
use unbind::auth::SecretString;
use unbind::auth::oneaccess::ServerTime;
use unbind::runtime::clock::{Clock as _, SystemClock};
use unbind::{Error, UnbindOutcome};
use unbind_test_fixtures::device_with_ip_and_language as device;
use unbind_test_fixtures::keys::PUBLIC_KEY_PEM;

#[path = "raw/mod.rs"]
mod raw;
use raw::{SERVER_TIME, TOKEN, raw_client};

/// Calls per round, and rounds, of the paired measurement.
const PAIRED_CALLS: usize = 100;
const PAIRED_ROUNDS: usize = 100;

/// The client side's runtime: one thread, as a CLI or a request handler would block on.
fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// One fixed answer: method, path, status, JSON body (`None`: no body).
type Route = (MethodFilter, &'static str, u16, Option<Value>);

/// The requests seen while recording, each as [`wire`] text; `None` when not recording.
type Recording = Arc<Mutex<Option<Vec<String>>>>;

/// A loopback server with fixed answers, on its own thread and runtime.
struct FixedServer {
    url: String,
    recording: Recording,
}

impl FixedServer {
    fn start(routes: Vec<Route>) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        listener.set_nonblocking(true).expect("non-blocking");
        let recording: Recording = Arc::default();
        let mut app = Router::new();
        for (filter, at, status, body) in routes {
            let status = axum::http::StatusCode::from_u16(status).expect("status");
            app = app.route(
                at,
                on(filter, move || {
                    let body = body.clone();
                    async move {
                        match body {
                            Some(body) => (status, axum::Json(body)).into_response(),
                            None => status.into_response(),
                        }
                    }
                }),
            );
        }
        let app = app.layer(middleware::from_fn_with_state(recording.clone(), record));
        std::thread::spawn(move || {
            runtime().block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                axum::serve(listener, app).await.expect("fixed server");
            });
        });
        FixedServer { url, recording }
    }

    /// Sends one request each way while recording, and asserts the server saw the same, with
    /// the `varying` headers' values blanked.
    fn assert_same_request<A, B>(&self, rt: &Runtime, varying: &[&str], facade: A, raw: B)
    where
        A: Future<Output = ()>,
        B: Future<Output = ()>,
    {
        *self.recording.lock().expect("recording") = Some(Vec::new());
        rt.block_on(facade);
        rt.block_on(raw);
        let seen = self.recording.lock().expect("recording").take();
        let seen: Vec<String> = seen
            .unwrap_or_default()
            .iter()
            .map(|request| blank(request, varying))
            .collect();
        let [facade, raw] = seen.as_slice() else {
            panic!("expected one request each way, saw {seen:#?}");
        };
        assert_eq!(facade, raw, "the facade and raw requests differ");
    }
}

/// Keeps a request as [`wire`] text while recording.
async fn record(
    axum::extract::State(recording): axum::extract::State<Recording>,
    request: Request,
    next: Next,
) -> Response {
    if recording.lock().expect("recording").is_none() {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, 1 << 20).await.expect("request body");
    let text = wire(&parts, &body);
    if let Some(seen) = recording.lock().expect("recording").as_mut() {
        seen.push(text);
    }
    next.run(Request::from_parts(parts, Body::from(body))).await
}

/// A request as the server saw it: method, URI, sorted headers, body.
fn wire(parts: &axum::http::request::Parts, body: &[u8]) -> String {
    let mut headers: Vec<String> = parts
        .headers
        .iter()
        .map(|(name, value)| format!("{name}: {}", String::from_utf8_lossy(value.as_bytes())))
        .collect();
    headers.sort();
    format!(
        "{} {}\n{}\n\n{}",
        parts.method,
        parts.uri,
        headers.join("\n"),
        String::from_utf8_lossy(body)
    )
}

/// `wire` text with the values of the `varying` headers blanked.
fn blank(wire: &str, varying: &[&str]) -> String {
    wire.lines()
        .map(|line| match line.split_once(": ") {
            Some((name, _)) if varying.contains(&name) => format!("{name}: <varies>"),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
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

/// The per-round ratios facade / raw of a paired measurement.
struct Paired {
    name: &'static str,
    /// Wall time per call.
    facade_per_call: Duration,
    raw_per_call: Duration,
    /// CPU time of the calling thread per call: the client's own work, without the server's
    /// (on its own thread) and without waiting.
    facade_cpu_per_call: Duration,
    raw_cpu_per_call: Duration,
    /// Wall time ratios: first quartile, median, third quartile.
    ratio: [f64; 3],
}

/// CPU time consumed by the calling thread so far.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a live, writable timespec; the clock id is a constant Linux knows.
    #[allow(unsafe_code, reason = "FFI: the client thread's CPU clock")]
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(
        u64::try_from(now.tv_sec).expect("non-negative"),
        u32::try_from(now.tv_nsec).expect("below a second"),
    )
}

/// Alternates rounds of [`PAIRED_CALLS`] facade calls with rounds of as many raw calls, which
/// goes first alternating too.
fn paired<A, FA, B, FB>(name: &'static str, rt: &Runtime, facade: A, raw: B) -> Paired
where
    A: Fn() -> FA,
    FA: Future<Output = ()>,
    B: Fn() -> FB,
    FB: Future<Output = ()>,
{
    let round = |call: &dyn Fn()| {
        let (started, cpu) = (Instant::now(), thread_cpu_time());
        for _ in 0..PAIRED_CALLS {
            call();
        }
        (started.elapsed(), thread_cpu_time() - cpu)
    };
    let facade_round = || round(&|| rt.block_on(facade()));
    let raw_round = || round(&|| rt.block_on(raw()));
    let mut ratios = Vec::with_capacity(PAIRED_ROUNDS);
    let (mut facade_total, mut raw_total) = (Duration::ZERO, Duration::ZERO);
    let (mut facade_cpu, mut raw_cpu) = (Duration::ZERO, Duration::ZERO);
    for index in 0..PAIRED_ROUNDS {
        let ((f, f_cpu), (r, r_cpu)) = if index % 2 == 0 {
            let f = facade_round();
            (f, raw_round())
        } else {
            let r = raw_round();
            (facade_round(), r)
        };
        facade_total += f;
        raw_total += r;
        facade_cpu += f_cpu;
        raw_cpu += r_cpu;
        ratios.push(f.as_secs_f64() / r.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let quartile = |q: usize| ratios[(ratios.len() - 1) * q / 4];
    let calls = u32::try_from(PAIRED_CALLS * PAIRED_ROUNDS).expect("fits in u32");
    Paired {
        name,
        facade_per_call: facade_total / calls,
        raw_per_call: raw_total / calls,
        facade_cpu_per_call: facade_cpu / calls,
        raw_cpu_per_call: raw_cpu / calls,
        ratio: [quartile(1), quartile(2), quartile(3)],
    }
}

/// Criterion's three functions for one provider, then the paired measurement.
fn measure<A, FA, B, FB>(
    c: &mut Criterion,
    group: &'static str,
    rt: &Runtime,
    facade: A,
    raw: B,
    validation: impl Fn(),
) -> Paired
where
    A: Fn() -> FA,
    FA: Future<Output = ()>,
    B: Fn() -> FB,
    FB: Future<Output = ()>,
{
    let mut benches = c.benchmark_group(group);
    benches.bench_function("facade", |b| b.iter(|| rt.block_on(facade())));
    benches.bench_function("raw_reqwest", |b| b.iter(|| rt.block_on(raw())));
    benches.bench_function("validation", |b| b.iter(&validation));
    benches.finish();
    paired(group, rt, facade, raw)
}

// One bench per provider: each sets up its own server answers, client and raw call.
fn bench_manta(c: &mut Criterion) -> Paired {
    let rt = runtime();
    let server = FixedServer::start(vec![(
        MethodFilter::POST,
        "/openapi/unbind/customer",
        200,
        Some(json!({"success": true, "message": "ok"})),
    )]);
    let client = raw::manta_facade(&server.url);
    let raw = raw_client();
    let url = format!("{}/openapi/unbind/customer?botId=bot-1", server.url);
    let bearer = format!("Bearer {TOKEN}");

    let facade_call = || async {
        let outcome = client.unbind("client-9", "customer-42").await;
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    };
    let raw_call = || raw::manta_unbind(&raw, &url, &bearer);
    server.assert_same_request(&rt, &[], facade_call(), raw_call());
    measure(c, "manta_unbind", &rt, facade_call, raw_call, || {
        expect_invalid(poll_once(
            client.unbind(black_box("client-9"), black_box("customer-42 \u{7}")),
        ))
    })
}

fn bench_oneaccess(c: &mut Criterion) -> Paired {
    let rt = runtime();
    let server = FixedServer::start(vec![
        (
            MethodFilter::GET,
            "/api/v2/sdk/public-key",
            200,
            Some(json!({"public_key": PUBLIC_KEY_PEM})),
        ),
        (
            MethodFilter::GET,
            "/api/v2/sdk/server-date",
            200,
            Some(json!({"timestamp": SERVER_TIME})),
        ),
        (
            MethodFilter::POST,
            "/api/v2/sdk/social/unbind-account",
            200,
            None,
        ),
    ]);
    let client = raw::oneaccess_facade(&server.url);
    let raw = raw_client();
    let url = format!("{}/api/v2/sdk/social/unbind-account", server.url);
    // The raw side's key and server-time offset, fetched as the facade does once.
    let token = SecretString::from(TOKEN);
    let signer = raw::raw_signer();
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
        raw::oneaccess_unbind(&raw, &url, &profile, &signature).await;
    };
    // The facade's first call also fetches the key and server time: warm the cache first, so
    // that the recorded pair is one unbind each way.
    rt.block_on(facade_call());
    server.assert_same_request(&rt, &["x-signature"], facade_call(), raw_call());
    measure(c, "oneaccess_unbind", &rt, facade_call, raw_call, || {
        expect_invalid(poll_once(
            client.unbind(black_box("001GKgGa15HGZA0aOxIa1bFktp1GKgG4\u{7}")),
        ))
    })
}

fn bench_cloudbase(c: &mut Criterion) -> Paired {
    let rt = runtime();
    let server = FixedServer::start(vec![(
        MethodFilter::DELETE,
        "/auth/v1/user/provider/github",
        200,
        Some(json!({})),
    )]);
    let client = raw::cloudbase_facade(&server.url);
    let raw = raw_client();
    let url = format!("{}/auth/v1/user/provider/github", server.url);
    let bearer = format!("Bearer {TOKEN}");

    let facade_call = || async {
        let outcome = client.unbind("github").await;
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    };
    let raw_call = || raw::cloudbase_unbind(&raw, &url, &bearer);
    server.assert_same_request(&rt, &["x-request-id"], facade_call(), raw_call());
    measure(c, "cloudbase_unbind", &rt, facade_call, raw_call, || {
        expect_invalid(poll_once(client.unbind(black_box(".."))))
    })
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let paired = [
        bench_manta(&mut c),
        bench_oneaccess(&mut c),
        bench_cloudbase(&mut c),
    ];
    c.final_summary();
    println!(
        "\npaired: {PAIRED_ROUNDS} alternating rounds of {PAIRED_CALLS} calls each way, \
         ratio facade / raw per round"
    );
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    for p in paired {
        println!(
            "{:<17} wall: facade {:>6.1} µs, raw {:>6.1} µs, ratio median {:.3} (quartiles {:.3} to {:.3}); \
             client thread CPU: facade {:>5.1} µs, raw {:>5.1} µs, ratio {:.3}",
            p.name,
            micros(p.facade_per_call),
            micros(p.raw_per_call),
            p.ratio[1],
            p.ratio[0],
            p.ratio[2],
            micros(p.facade_cpu_per_call),
            micros(p.raw_cpu_per_call),
            p.facade_cpu_per_call.as_secs_f64() / p.raw_cpu_per_call.as_secs_f64(),
        );
    }
}
