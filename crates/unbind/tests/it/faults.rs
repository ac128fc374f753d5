//! Fault injection: each provider's unbind (and bind) against a loopback server scripted per
//! request — rate limits, gateway errors, stalls, refused connections, broken and oversized
//! answers — checking the outcome, how many attempts the server saw, and how long it took.
//!
//! Every fault is an `async fn(P)` below; `per_provider!` turns it into one test per provider
//! (`manta::…`, `oneaccess::…`, `cloudbase::…`). Each test prints one `FAULT` line with the
//! attempts and the elapsed time (`cargo test --test faults -- --nocapture`).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::common::manta_ok;
use crate::harness::{P, Script, cloudbase, leaks, manta, oneaccess, policy, settings};
use serde_json::json;
use tokio::io::AsyncWriteExt as _;
use unbind::auth::SecretString;
use unbind::oneaccess::{OneAccessLogin, OneAccessSettings};
use unbind::{CallSettings, Error, ProviderBody, RetryPolicy, SNIPPET_CHARS, UnbindOutcome};
use unbind_test_fixtures::mock::received;
use unbind_test_fixtures::{RefusedPort, SilentServer, read_request_head};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const MS: Duration = Duration::from_millis(1);
/// Slack on every upper bound, for a loaded two-core machine.
const SLACK: Duration = Duration::from_secs(3);

/// Prints what the report quotes and checks the elapsed time is in `[at_least, at_most]`.
fn timed(
    p: P,
    fault: &str,
    attempts: impl std::fmt::Display,
    elapsed: Duration,
    at_least: Duration,
    at_most: Duration,
) {
    println!(
        "FAULT {:<9} {fault:<48} attempts={attempts} elapsed={elapsed:?}",
        p.name()
    );
    assert!(
        elapsed >= at_least,
        "{p:?} {fault}: took {elapsed:?}, expected at least {at_least:?}"
    );
    assert!(
        elapsed <= at_most,
        "{p:?} {fault}: took {elapsed:?}, expected at most {at_most:?}"
    );
}

/// Runs `p`'s unbind against `script` (mounted on a fresh server) with `call`; returns the
/// outcome, the attempts the server saw and the elapsed time.
async fn run(
    p: P,
    script: Script,
    call: CallSettings,
) -> (Result<UnbindOutcome, Error>, usize, Duration) {
    let attempts = script.counter();
    let server = p.server(script).await;
    let started = Instant::now();
    let outcome = p.unbind(&server.uri(), call).await;
    let elapsed = started.elapsed();
    (outcome, attempts.get(), elapsed)
}

/// The provider error inside `outcome`, checked to come from `p` with `status` and to show
/// none of the client's secrets.
fn provider_error(
    p: P,
    outcome: Result<UnbindOutcome, Error>,
    status: u16,
) -> Box<unbind::ProviderError> {
    match outcome {
        Err(Error::Provider(e)) => {
            assert_eq!((e.provider, e.status), (p.provider(), status), "{e:?}");
            assert!(!leaks(p, &format!("{e} {e:?}")), "{e:?}");
            e
        }
        other => panic!("{p:?}: expected a provider error with HTTP {status}, got {other:?}"),
    }
}

/// The `detail` of an `UnexpectedResponse` from `p` with `status`, checked to show none of
/// the client's secrets.
fn unexpected(p: P, outcome: Result<UnbindOutcome, Error>, status: u16) -> String {
    match outcome {
        Err(Error::UnexpectedResponse {
            provider,
            status: got,
            detail,
        }) => {
            assert_eq!((provider, got), (p.provider(), Some(status)), "{detail}");
            assert!(!leaks(p, &detail), "{detail}");
            detail
        }
        other => panic!("{p:?}: expected an unexpected response (HTTP {status}), got {other:?}"),
    }
}

fn no_control(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

// (a) 429 with `Retry-After: 1`, then 200: one retry, after the second the server asked for.
async fn rate_limited_retry_after_seconds(p: P) {
    let script = Script::new([
        p.error(429, 42901, "slow down")
            .insert_header("Retry-After", "1"),
        p.ok(),
    ]);
    // Each fault script ends with the same checks (outcome, attempts, time): the scripts and the
    // expected figures differ.
    let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
    assert_eq!(attempts, 2);
    timed(
        p,
        "429 Retry-After: 1, then 200",
        attempts,
        elapsed,
        1000 * MS,
        1000 * MS + SLACK,
    );
}

// (b) 429 with `Retry-After` as an HTTP date ~2 s ahead (second resolution: 1 to 2 s), then 200.
async fn rate_limited_retry_after_http_date(p: P) {
    let server_setup = Instant::now();
    let when = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    let script = Script::new([
        p.error(429, 42902, "slow down")
            .insert_header("Retry-After", when.as_str()),
        p.ok(),
    ]);
    let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
    assert_eq!(attempts, 2);
    // The date is at least 1 s after it was written; the backoff alone would be 10 ms.
    let floor = (900 * MS).saturating_sub(server_setup.elapsed() - elapsed);
    timed(
        p,
        "429 Retry-After: <HTTP date +2s>, then 200",
        attempts,
        elapsed,
        floor,
        2000 * MS + SLACK,
    );
}

// (c) `Retry-After: 3600` is cut to `max_retry_after` (50 ms): not an hour.
async fn rate_limited_retry_after_is_capped(p: P) {
    let script = Script::new([
        p.error(429, 42903, "come back in an hour")
            .insert_header("Retry-After", "3600"),
        p.ok(),
    ]);
    let retry = RetryPolicy {
        max_retry_after: 50 * MS,
        ..policy(3, 10)
    };
    let (outcome, attempts, elapsed) = run(p, script, settings(retry)).await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
    assert_eq!(attempts, 2);
    timed(
        p,
        "429 Retry-After: 3600, max_retry_after 50ms",
        attempts,
        elapsed,
        50 * MS,
        SLACK,
    );
}

// (d) 503 twice, then 200: three attempts, after 10 + 20 ms of backoff.
async fn unavailable_twice_then_ok(p: P) {
    let script = Script::new([
        p.error(503, 50301, "busy"),
        p.error(503, 50301, "busy"),
        p.ok(),
    ]);
    let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
    assert_eq!(attempts, 3);
    timed(p, "503, 503, then 200", attempts, elapsed, 30 * MS, SLACK);
}

// (e) 502 forever, max_retries 2: the last 502 after exactly three attempts.
async fn bad_gateway_forever_exhausts_retries(p: P) {
    let script = Script::always(p.error(502, 50201, "upstream down"));
    let (outcome, attempts, elapsed) = run(p, script, settings(policy(2, 10))).await;
    let e = provider_error(p, outcome, 502);
    assert_eq!(e.code.as_deref(), Some(p.code(50201).as_str()));
    assert_eq!(e.message.as_deref(), Some("upstream down"));
    assert_eq!(attempts, 3);
    timed(
        p,
        "502 forever, max_retries 2",
        attempts,
        elapsed,
        30 * MS,
        SLACK,
    );
}

// (f) `max_total` 300 ms with backoff from 200 ms: no retry starts after 300 ms, so at most
// two attempts (200 + 400 + 800 + … would run for seconds with ten retries).
async fn max_total_stops_retrying_early(p: P) {
    let script = Script::always(p.error(502, 50202, "upstream down"));
    let retry = RetryPolicy {
        max_retries: 10,
        min_delay: 200 * MS,
        max_total: 300 * MS,
        ..policy(10, 200)
    };
    let (outcome, attempts, elapsed) = run(p, script, settings(retry)).await;
    provider_error(p, outcome, 502);
    assert!((1..=2).contains(&attempts), "{p:?}: {attempts} attempts");
    let at_least = if attempts == 2 {
        200 * MS
    } else {
        Duration::ZERO
    };
    timed(
        p,
        "502 forever, max_total 300ms, min_delay 200ms",
        attempts,
        elapsed,
        at_least,
        300 * MS + SLACK / 2,
    );
}

// (g) 400, 401 and 404 that do not mean "not bound": one attempt each, status and code kept.
async fn client_errors_are_not_retried(p: P) {
    for status in [400_u16, 401, 404] {
        let code = i64::from(status) * 100 + 1;
        let script = Script::always(p.error(status, code, "you did something wrong"));
        let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
        let e = provider_error(p, outcome, status);
        assert_eq!(e.code.as_deref(), Some(p.code(code).as_str()), "{status}");
        assert_eq!(e.message.as_deref(), Some("you did something wrong"));
        assert_eq!(attempts, 1, "{p:?}: HTTP {status} was retried");
        timed(
            p,
            &format!("{status} (not 'not bound')"),
            attempts,
            elapsed,
            Duration::ZERO,
            SLACK,
        );
    }
}

// (h) Nothing listens: a transport error naming the cause, after the backoff (100 + 200 ms)
// shows the connect failures were retried; with `never()` it comes back at once.
async fn connection_refused(p: P) {
    let refused = RefusedPort::new();
    let base = refused.url();
    for (retry, at_least, label) in [
        (
            RetryPolicy::never(),
            Duration::ZERO,
            "connection refused, never()",
        ),
        (
            policy(2, 100),
            300 * MS,
            "connection refused, max_retries 2",
        ),
    ] {
        let started = Instant::now();
        let outcome = p.unbind(base, settings(retry)).await;
        let elapsed = started.elapsed();
        match outcome {
            Err(
                ref error @ Error::Transport {
                    provider,
                    ref source,
                },
            ) => {
                assert_eq!(provider, p.provider());
                assert!(source.is_connect(), "{source:?}");
                let text = error.to_string();
                assert!(!leaks(p, &format!("{text} {error:?}")), "{error:?}");
                assert!(
                    text.starts_with(&format!("{}: transport failure: ", p.name())),
                    "{text}"
                );
                assert!(
                    text.to_ascii_lowercase().contains("connect"),
                    "the cause is named: {text}"
                );
            }
            other => panic!("{p:?}: expected a transport error, got {other:?}"),
        }
        timed(p, label, "n/a", elapsed, at_least, at_least + SLACK);
    }
}

// (i) A server that takes 5 s to answer, with a 200 ms request timeout: a timeout within
// about a second and one attempt; with `max_retries` 1, two attempts; the error says so.
async fn stalled_server_times_out(p: P) {
    for (retry, expected, at_least) in [
        (RetryPolicy::never(), 1, 200 * MS),
        (policy(1, 10), 2, 400 * MS),
    ] {
        let script = Script::always(p.ok().set_delay(Duration::from_secs(5)));
        let call = CallSettings {
            request_timeout: 200 * MS,
            ..settings(retry)
        };
        let (outcome, attempts, elapsed) = run(p, script, call).await;
        match outcome {
            Err(Error::Timeout {
                provider,
                attempts,
                attempt_timeout,
                ..
            }) => {
                assert_eq!(provider, p.provider());
                assert_eq!((attempts, attempt_timeout), (expected, 200 * MS));
            }
            other => panic!("{p:?}: expected a timeout, got {other:?}"),
        }
        assert_eq!(attempts, expected);
        let label = format!("stalled 5s, timeout 200ms, {} attempt(s)", expected);
        timed(p, &label, attempts, elapsed, at_least, at_least + 1000 * MS);
    }
}

// (j) A proxy's HTML 502 page: the status kept, a bounded single-line snippet of the page.
async fn html_bad_gateway_keeps_status(p: P) {
    let page = format!(
        "<!DOCTYPE html>\r\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\t<h1>502 Bad \
         Gateway</h1>\n<p>{}</p></body>\n</html>\n",
        "The upstream server did not answer. ".repeat(20)
    );
    let script = Script::always(ResponseTemplate::new(502).set_body_raw(page.clone(), "text/html"));
    let (outcome, attempts, elapsed) = run(p, script, settings(RetryPolicy::never())).await;
    let e = provider_error(p, outcome, 502);
    assert_eq!(
        (e.code.as_deref(), e.kind.as_deref(), e.message.as_deref()),
        (None, None, None)
    );
    let ProviderBody::Text(text) = &e.body else {
        panic!("{p:?}: expected a text body, got {:?}", e.body)
    };
    assert_eq!(text.chars().count(), SNIPPET_CHARS + 1, "{text}");
    assert!(text.ends_with('…'), "{text}");
    assert!(
        text.starts_with("<!DOCTYPE html>  <html> <head><title>502 Bad Gateway"),
        "{text}"
    );
    assert!(no_control(text), "{text:?}");
    let display = Error::Provider(e.clone()).to_string();
    assert!(
        display.starts_with(&format!(
            "{} refused the request: HTTP 502: \"<!DOCTYPE",
            p.name()
        )),
        "{display}"
    );
    assert_eq!(attempts, 1);
    timed(p, "HTML 502 page", attempts, elapsed, Duration::ZERO, SLACK);
}

/// What a 200 with `body` as `content_type` must come to: it must match the spec's schema
/// (OneAccess: a JSON string), or it is an `UnexpectedResponse` whose detail holds
/// `detail_has` and a snippet of the body.
async fn success_status_with(p: P, fault: &str, body: &str, content_type: &str, detail_has: &str) {
    let script =
        Script::always(ResponseTemplate::new(200).set_body_raw(body.to_owned(), content_type));
    let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
    let detail = unexpected(p, outcome, 200);
    assert!(detail.contains(detail_has), "{fault}: {detail}");
    assert!(detail.contains("; body: \""), "{fault}: {detail}");
    assert!(no_control(&detail), "{fault}: {detail:?}");
    assert_eq!(attempts, 1, "{fault}: an unexpected answer is not retried");
    timed(p, fault, attempts, elapsed, Duration::ZERO, SLACK);
}

// (k) A 200 whose JSON is cut off.
async fn truncated_json(p: P) {
    let body = match p {
        P::Manta => r#"{"success": true, "mess"#,
        P::OneAccess => r#""succ"#,
        P::CloudBase => r#"{"request_id": "abc", "#,
    };
    success_status_with(
        p,
        "200 truncated JSON",
        body,
        "application/json",
        "EOF while parsing",
    )
    .await;
}

// (l) The wrong content type: the spec says JSON, so even the right JSON sent as
// `text/plain` (or with no Content-Type) is not the answer; nor is an HTML page.
async fn wrong_content_type(p: P) {
    let json_body = match p {
        P::Manta => manta_ok(),
        P::OneAccess => json!("success"),
        P::CloudBase => json!({}),
    };
    for content_type in [Some("text/plain"), Some("application/jsonp"), None] {
        let mut answer = ResponseTemplate::new(200).set_body_bytes(json_body.to_string());
        if let Some(content_type) = content_type {
            answer = answer.insert_header("content-type", content_type);
        }
        let (outcome, attempts, _) = run(p, Script::always(answer), settings(policy(3, 10))).await;
        let detail = unexpected(p, outcome, 200);
        let shown = content_type.map_or("missing".to_owned(), |c| format!("{c:?}"));
        assert_eq!(
            detail,
            format!("the answer's Content-Type is {shown}, not JSON"),
            "{content_type:?}"
        );
        assert_eq!(attempts, 1);
    }
    // The right JSON with the right type, parameters and case notwithstanding, is done.
    let script = Script::always(
        ResponseTemplate::new(200)
            .set_body_raw(json_body.to_string(), "Application/JSON; charset=UTF-8"),
    );
    let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
    assert_eq!(attempts, 1);
    timed(
        p,
        "200 JSON as text/plain, as nothing, as JSON",
        attempts,
        elapsed,
        Duration::ZERO,
        SLACK,
    );

    success_status_with(
        p,
        "200 HTML as text/html",
        "<html><body>Welcome to the hotel wifi</body></html>",
        "text/html",
        "expected value",
    )
    .await;
}

// (m) A 200 whose JSON does not match the schema.
async fn schema_mismatch(p: P) {
    let (body, detail_has) = match p {
        P::Manta => (r#"{"success": "yes", "message": 1}"#, "invalid type"),
        P::OneAccess => (r#"{"unexpected": [1, 2, 3]}"#, "invalid type"),
        P::CloudBase => (r#"["not", "an", "object"]"#, "invalid type"),
    };
    success_status_with(
        p,
        "200 JSON off the schema",
        body,
        "application/json",
        detail_has,
    )
    .await;
}

// (o) An empty 200 where JSON is expected; OneAccess documents an empty 200 for unbind
// beside the JSON string (see specs/oneaccess.yaml), so there it is done.
async fn empty_success_body(p: P) {
    if p == P::OneAccess {
        for answer in [
            ResponseTemplate::new(200),
            ResponseTemplate::new(200).set_body_raw("", "application/json"),
            ResponseTemplate::new(200).set_body_raw("\r\n", "text/html"),
        ] {
            let (outcome, attempts, _) =
                run(p, Script::always(answer), settings(policy(3, 10))).await;
            assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
            assert_eq!(attempts, 1);
        }
        return;
    }
    success_status_with(
        p,
        "200 empty body",
        "",
        "application/json",
        "EOF while parsing",
    )
    .await;
}

// (n) Answers over `body_limit` (1 KiB): 64 KiB, with Content-Length, on a success and an
// error status. On an error status, the status is kept and the body left unread.
async fn oversize_answer(p: P) {
    let call = CallSettings {
        body_limit: 1024,
        ..settings(RetryPolicy::never())
    };
    // Valid JSON if it were read: only the limit refuses it.
    let success_body = match p {
        P::Manta => json!({"success": true, "message": "x".repeat(64 * 1024)}),
        P::OneAccess => json!("x".repeat(64 * 1024)),
        P::CloudBase => json!({"padding": "x".repeat(64 * 1024)}),
    };
    let script = Script::always(ResponseTemplate::new(200).set_body_json(success_body));
    let (outcome, attempts, elapsed) = run(p, script, call.clone()).await;
    let detail = unexpected(p, outcome, 200);
    assert_eq!(
        detail,
        "the answer is over the 1024-byte limit and was not read"
    );
    assert_eq!(attempts, 1);
    timed(
        p,
        "200 with 64 KiB (limit 1 KiB)",
        attempts,
        elapsed,
        Duration::ZERO,
        SLACK,
    );

    let error_body = p.error_json(50001, &"y".repeat(64 * 1024));
    let script = Script::always(ResponseTemplate::new(500).set_body_json(error_body));
    let (outcome, attempts, elapsed) = run(p, script, call).await;
    let e = provider_error(p, outcome, 500);
    assert!(
        matches!(&e.body, ProviderBody::Text(t) if t == "[an error body over 1024 bytes, not read]"),
        "{:?}",
        e.body
    );
    assert_eq!((e.code.as_deref(), e.message.as_deref()), (None, None));
    assert_eq!(attempts, 1);
    timed(
        p,
        "500 with 64 KiB (limit 1 KiB)",
        attempts,
        elapsed,
        Duration::ZERO,
        SLACK,
    );
}

/// How the raw server answers the unbind call.
#[derive(Clone, Copy, Debug)]
enum Raw {
    /// `Transfer-Encoding: chunked`, 4 KiB chunks without end (until the client hangs up).
    EndlessChunks(u16),
    /// `Content-Length: 100 MiB`, then 16 bytes, then silence.
    HugeDeclaredLength(u16),
}

/// A hand-written HTTP/1.1 server (wiremock always sends a Content-Length): the OneAccess key
/// and time as JSON, and `raw` for anything else, counted; one request per connection.
async fn raw_server(raw: Raw) -> (String, crate::harness::Attempts) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let counter = crate::harness::Attempts::default();
    let attempts = counter.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let attempts = attempts.clone();
            tokio::spawn(async move {
                let Some(request) = read_request_head(&mut socket).await else {
                    return;
                };
                let head = String::from_utf8_lossy(&request).into_owned();
                let target = head.split_whitespace().nth(1).unwrap_or("").to_owned();
                let json_answer = |body: serde_json::Value| {
                    let body = body.to_string();
                    format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
                         connection: close\r\n\r\n{body}",
                        body.len()
                    )
                };
                if target.ends_with("/public-key") {
                    let answer =
                        json_answer(json!({"public_key": crate::common::PUBLIC_KEYS[0].1}));
                    let _ = socket.write_all(answer.as_bytes()).await;
                    return;
                }
                if target.ends_with("/server-date") {
                    let answer =
                        json_answer(json!({"timestamp": crate::harness::now_millis().to_string()}));
                    let _ = socket.write_all(answer.as_bytes()).await;
                    return;
                }
                attempts.bump();
                match raw {
                    Raw::EndlessChunks(status) => {
                        let head = format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n\
                             transfer-encoding: chunked\r\nconnection: close\r\n\r\n1\r\n{{\r\n"
                        );
                        if socket.write_all(head.as_bytes()).await.is_err() {
                            return;
                        }
                        let chunk = format!("1000\r\n{}\r\n", " ".repeat(4096));
                        // At most 256 MiB, in case nobody hangs up.
                        for _ in 0..65536 {
                            if socket.write_all(chunk.as_bytes()).await.is_err() {
                                return;
                            }
                        }
                    }
                    Raw::HugeDeclaredLength(status) => {
                        let head = format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n\
                             content-length: 104857600\r\nconnection: close\r\n\r\n{{\"padding\": \"xx"
                        );
                        let _ = socket.write_all(head.as_bytes()).await;
                        tokio::time::sleep(Duration::from_secs(10)).await;
                    }
                }
            });
        }
    });
    (format!("http://{address}"), counter)
}

// (n, continued) No Content-Length: an endless chunked body is cut off at the limit and the
// call comes back at once; a Content-Length over the limit is not read at all (the server
// sends 16 bytes of its 100 MiB, then nothing: a reader would hang until the timeout).
async fn oversize_unbounded_answer(p: P) {
    for (raw, what) in [
        (
            Raw::EndlessChunks(200),
            "200 endless chunked body (limit 1 KiB)",
        ),
        (
            Raw::EndlessChunks(503),
            "503 endless chunked body (limit 1 KiB)",
        ),
        (
            Raw::HugeDeclaredLength(200),
            "200 Content-Length 100 MiB, stalls",
        ),
        (
            Raw::HugeDeclaredLength(503),
            "503 Content-Length 100 MiB, stalls",
        ),
    ] {
        let (base, counter) = raw_server(raw).await;
        let call = CallSettings {
            body_limit: 1024,
            request_timeout: Duration::from_secs(8),
            ..settings(RetryPolicy::never())
        };
        let started = Instant::now();
        let outcome = p.unbind(&base, call).await;
        let elapsed = started.elapsed();
        let status = match raw {
            Raw::EndlessChunks(s) | Raw::HugeDeclaredLength(s) => s,
        };
        match status {
            200 => {
                let detail = unexpected(p, outcome, 200);
                assert_eq!(
                    detail,
                    "the answer is over the 1024-byte limit and was not read"
                );
            }
            _ => {
                let e = provider_error(p, outcome, status);
                assert!(
                    matches!(&e.body, ProviderBody::Text(t) if t == "[an error body over 1024 bytes, not read]"),
                    "{what}: {:?}",
                    e.body
                );
            }
        }
        assert_eq!(counter.get(), 1, "{what}");
        timed(p, what, counter.get(), elapsed, Duration::ZERO, SLACK);
    }
}

// (p) The provider's "not bound" answer: done, after one attempt.
async fn already_unbound(p: P) {
    let (outcome, attempts, elapsed) =
        run(p, Script::always(p.not_bound()), settings(policy(3, 10))).await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::AlreadyUnbound);
    assert_eq!(attempts, 1);
    timed(
        p,
        "'not bound' answer",
        attempts,
        elapsed,
        Duration::ZERO,
        SLACK,
    );
}

/// The method and path of `p`'s bind call.
fn bind_route(p: P) -> (&'static str, &'static str) {
    match p {
        P::Manta => ("POST", "/openapi/bind/customer"),
        P::OneAccess => ("POST", "/api/v2/sdk/social/bind"),
        P::CloudBase => ("POST", "/auth/v1/user/provider/bind"),
    }
}

fn bind_ok(p: P) -> ResponseTemplate {
    match p {
        P::Manta => ResponseTemplate::new(200).set_body_json(manta_ok()),
        P::OneAccess => ResponseTemplate::new(200)
            .set_body_json(json!({"status": 200, "session_token": "sess-NEW", "expire": 7200})),
        P::CloudBase => ResponseTemplate::new(200).set_body_json(json!({})),
    }
}

/// Binds at `p` (CloudBase `bind_provider`, Manta `bind_customer`, OneAccess
/// `bind_social_account`): none of them is documented as idempotent.
async fn bind(p: P, base: &str, call: CallSettings) -> Result<(), Error> {
    match p {
        P::Manta => manta(base, call).bind("client-9", "customer-42").await,
        P::OneAccess => OneAccessLogin::new(
            base,
            unbind_test_fixtures::device(),
            OneAccessSettings {
                call,
                ..OneAccessSettings::default()
            },
        )?
        .bind(
            &SecretString::from("state-SECRET-789"),
            "13800000000",
            "123456",
        )
        .await
        .map(drop),
        P::CloudBase => {
            cloudbase(base, call)
                .bind(&SecretString::from("provider-token-1"))
                .await
        }
    }
}

async fn run_bind(
    p: P,
    script: Script,
    call: CallSettings,
) -> (Result<(), Error>, usize, Duration) {
    let attempts = script.counter();
    let server = MockServer::start().await;
    let (verb, at) = bind_route(p);
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(script)
        .mount(&server)
        .await;
    let started = Instant::now();
    let outcome = bind(p, &server.uri(), call).await;
    let elapsed = started.elapsed();
    (outcome, attempts.get(), elapsed)
}

// (q) A bind that met a gateway error may have been acted on: not repeated.
async fn bind_gateway_errors_are_not_retried(p: P) {
    for status in [502_u16, 503, 504] {
        let script = Script::new([p.error(status, 50300, "busy"), bind_ok(p)]);
        let (outcome, attempts, elapsed) = run_bind(p, script, settings(policy(3, 10))).await;
        match outcome {
            Err(Error::Provider(e)) => assert_eq!((e.provider, e.status), (p.provider(), status)),
            other => panic!("{p:?}: expected HTTP {status}, got {other:?}"),
        }
        assert_eq!(
            attempts, 1,
            "{p:?}: a bind was repeated after HTTP {status}"
        );
        timed(
            p,
            &format!("bind: {status}, then 200"),
            attempts,
            elapsed,
            Duration::ZERO,
            SLACK,
        );
    }
}

// (q) A 429 was refused before anything was done: the bind is tried again.
async fn bind_rate_limited_is_retried(p: P) {
    let script = Script::new([p.error(429, 42900, "slow down"), bind_ok(p)]);
    let (outcome, attempts, elapsed) = run_bind(p, script, settings(policy(3, 10))).await;
    outcome.unwrap();
    assert_eq!(attempts, 2);
    timed(p, "bind: 429, then 200", attempts, elapsed, 10 * MS, SLACK);
}

// (q) A bind that timed out may have arrived: not repeated.
async fn bind_timeout_is_not_retried(p: P) {
    let script = Script::always(bind_ok(p).set_delay(Duration::from_secs(5)));
    let call = CallSettings {
        request_timeout: 200 * MS,
        ..settings(policy(3, 10))
    };
    let (outcome, attempts, elapsed) = run_bind(p, script, call).await;
    match outcome {
        Err(Error::Timeout { attempts: 1, .. }) => {}
        other => panic!("{p:?}: expected a timeout after one attempt, got {other:?}"),
    }
    assert_eq!(attempts, 1, "{p:?}: a bind was repeated after a timeout");
    timed(
        p,
        "bind: stalled 5s, timeout 200ms",
        attempts,
        elapsed,
        200 * MS,
        1200 * MS,
    );
}

// (q) A refused connection carried nothing: the bind is tried again (100 + 200 ms of backoff).
async fn bind_connection_refused_is_retried(p: P) {
    let started = Instant::now();
    let refused = RefusedPort::new();
    let outcome = bind(p, refused.url(), settings(policy(2, 100))).await;
    let elapsed = started.elapsed();
    match outcome {
        Err(Error::Transport { source, .. }) => assert!(source.is_connect(), "{source:?}"),
        other => panic!("{p:?}: expected a refused connection, got {other:?}"),
    }
    timed(
        p,
        "bind: connection refused, max_retries 2",
        "n/a",
        elapsed,
        300 * MS,
        300 * MS + SLACK,
    );
}

// (q) A redirect to another host, as a hostile or misconfigured server would send: never
// followed, whatever its status, so nothing (body secret, signature, token) reaches the
// other host; the error names the status and the host, never the target's path or query.
async fn redirect_is_not_followed(p: P) {
    let elsewhere = MockServer::start().await;
    let counter = Script::always(p.ok());
    let stolen = counter.counter();
    Mock::given(wiremock::matchers::any())
        .respond_with(counter)
        .mount(&elsewhere)
        .await;
    let target = format!("{}/steal?token=QUERY-abc", elsewhere.uri());
    let host = elsewhere.address().to_string();
    for status in [301, 302, 303, 307, 308] {
        let script =
            Script::always(ResponseTemplate::new(status).insert_header("Location", &target));
        let (outcome, attempts, elapsed) = run(p, script, settings(policy(3, 10))).await;
        let error = outcome.unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(
            matches!(&error, Error::Redirect { status: s, host: Some(h), followed: false, .. } if *s == status && *h == host),
            "{status}: {error:?}"
        );
        assert_eq!(error.kind(), unbind::ErrorKind::Redirect);
        assert!(!text.contains("steal") && !text.contains("QUERY"), "{text}");
        assert!(!leaks(p, &text), "{text}");
        assert_eq!(attempts, 1, "{status}: a redirect is not retried");
        timed(
            p,
            "redirect to another host",
            attempts,
            elapsed,
            Duration::ZERO,
            SLACK,
        );
    }
    assert_eq!(stolen.get(), 0, "a request reached the redirect's target");
}

// (r) The opt-in follows a redirect on the same origin only.
async fn same_origin_redirects_when_asked(p: P) {
    let call = CallSettings {
        redirects: unbind::Redirects::SameOrigin,
        ..settings(policy(0, 10))
    };
    // Same origin: followed to the path the server names, which answers the unbind.
    let server = MockServer::start().await;
    let (verb, at) = p.unbind_route();
    if p == P::OneAccess {
        crate::harness::mount_signing(&server).await;
    }
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(308).insert_header("Location", "/moved/here"))
        .mount(&server)
        .await;
    Mock::given(method(verb))
        .and(path("/moved/here"))
        .respond_with(p.ok())
        .mount(&server)
        .await;
    assert_eq!(
        p.unbind(&server.uri(), call.clone()).await.unwrap(),
        UnbindOutcome::Unbound
    );
    // Another origin (another port of the same host): not followed.
    let elsewhere = MockServer::start().await;
    let target = format!("{}/x", elsewhere.uri());
    let script = Script::always(ResponseTemplate::new(307).insert_header("Location", &target));
    let (outcome, attempts, _) = run(p, script, call).await;
    assert!(
        matches!(
            outcome,
            Err(Error::Redirect {
                status: 307,
                followed: false,
                ..
            })
        ),
        "{outcome:?}"
    );
    assert_eq!(attempts, 1);
    assert!(received(&elsewhere).await.is_empty());
}

// (s) An HTTP client supplied by the caller may follow redirects itself; an answer from
// another origin is still never success.
async fn a_supplied_client_that_follows_is_still_refused(p: P) {
    let elsewhere = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(p.ok())
        .mount(&elsewhere)
        .await;
    let target = format!("{}/other", elsewhere.uri());
    let script = Script::always(ResponseTemplate::new(307).insert_header("Location", &target));
    let call = CallSettings {
        http: Some(reqwest::Client::new()),
        ..settings(RetryPolicy::never())
    };
    let (outcome, _, _) = run(p, script, call).await;
    let host = elsewhere.address().to_string();
    assert!(
        matches!(&outcome, Err(Error::Redirect { status: 200, host: Some(h), followed: true, .. }) if *h == host),
        "{outcome:?}"
    );
}

// (t) A Retry-After longer than the policy allows in total: not waited for, and the error
// says why.
async fn a_refused_wait_is_explained(p: P) {
    let script = Script::always(
        p.error(429, 42901, "slow down")
            .insert_header("Retry-After", "5"),
    );
    let call = settings(RetryPolicy {
        max_total: Duration::from_secs(2),
        ..policy(3, 10)
    });
    let (outcome, attempts, elapsed) = run(p, script, call).await;
    let e = provider_error(p, outcome, 429);
    let why = e.wait_refused.expect("the refusal is recorded");
    assert_eq!(why.asked, Some(Duration::from_secs(5)));
    assert_eq!(why.max_total, Duration::from_secs(2));
    assert!(
        e.to_string()
            .contains("not retried: the provider asked to wait 5 s (Retry-After), which ")
            && e.to_string().contains("would pass retry.max_total (2 s)"),
        "{e}"
    );
    assert_eq!(attempts, 1);
    timed(
        p,
        "429 Retry-After 5 s, max_total 2 s",
        attempts,
        elapsed,
        Duration::ZERO,
        SLACK,
    );
}

// (u) A request the HTTP library cannot build (a URL past the 65,534 bytes an HTTP/1 URI
// may have): invalid input, nothing sent, never a transport error, never retried, and the
// message does not repeat the URL.
async fn an_unbuildable_request_is_invalid_input_not_transport(p: P) {
    let server = p.server(Script::always(p.ok())).await;
    let long_base = format!("{}/{}", server.uri(), "p".repeat(70_000));
    let started = Instant::now();
    let outcome = p.unbind(&long_base, settings(policy(3, 10))).await;
    let elapsed = started.elapsed();
    match &outcome {
        Err(Error::InvalidInput { field, reason }) => {
            assert_eq!(field, "request");
            assert!(reason.starts_with("could not be built"), "{reason}");
            assert!(reason.chars().count() <= SNIPPET_CHARS + 40, "{reason}");
            assert!(!reason.contains("ppppp"), "{reason}");
        }
        other => panic!("{p:?}: expected invalid input, got {other:?}"),
    }
    let unbinds = received(&server)
        .await
        .iter()
        .filter(|r| r.url.path() == p.unbind_route().1)
        .count();
    assert_eq!(unbinds, 0);
    timed(
        p,
        "a URL too long to build",
        0,
        elapsed,
        Duration::ZERO,
        SLACK,
    );
}

/// A provider that accepts the connection and never answers, with the default settings: each
/// call gives up within the default minute, backoff sleeps included, after three attempts of
/// 20 s, and says so. On tokio's paused clock, which moves on whenever the client only waits,
/// so the test takes no minute.
#[tokio::test(start_paused = true)]
async fn a_provider_that_never_answers_is_given_up_within_the_default_minute() {
    for p in crate::harness::ALL {
        let server = SilentServer::start().await;
        let started = tokio::time::Instant::now();
        let outcome = p.unbind(server.url(), CallSettings::default()).await;
        let elapsed = started.elapsed();
        let error = outcome.expect_err("no answer is an error");
        let text = error.to_string();
        assert!(
            elapsed <= Duration::from_secs(60),
            "{p:?}: {elapsed:?}: {text}"
        );
        assert!(!leaks(p, &format!("{text} {error:?}")), "{error:?}");
        let expected = format!(
            "{}: no answer from {} after 3 attempts (20 s each; ",
            p.name(),
            server.url()
        );
        assert!(text.starts_with(&expected), "{p:?}: {text}");
        assert_eq!(error.kind().as_str(), "timeout", "{p:?}: {text}");
        assert_eq!(server.accepted(), 3, "{p:?}: {text}");
    }
}

macro_rules! per_provider {
    ($($fault:ident),* $(,)?) => {
        mod manta {
            $(#[tokio::test] async fn $fault() { super::$fault(super::P::Manta).await })*
        }
        mod oneaccess {
            $(#[tokio::test] async fn $fault() { super::$fault(super::P::OneAccess).await })*
        }
        mod cloudbase {
            $(#[tokio::test] async fn $fault() { super::$fault(super::P::CloudBase).await })*
        }
    };
}

per_provider!(
    rate_limited_retry_after_seconds,
    rate_limited_retry_after_http_date,
    rate_limited_retry_after_is_capped,
    unavailable_twice_then_ok,
    bad_gateway_forever_exhausts_retries,
    max_total_stops_retrying_early,
    client_errors_are_not_retried,
    connection_refused,
    stalled_server_times_out,
    html_bad_gateway_keeps_status,
    truncated_json,
    wrong_content_type,
    schema_mismatch,
    empty_success_body,
    oversize_answer,
    oversize_unbounded_answer,
    already_unbound,
    bind_gateway_errors_are_not_retried,
    bind_rate_limited_is_retried,
    bind_timeout_is_not_retried,
    bind_connection_refused_is_retried,
    redirect_is_not_followed,
    same_origin_redirects_when_asked,
    a_supplied_client_that_follows_is_still_refused,
    a_refused_wait_is_explained,
    an_unbuildable_request_is_invalid_input_not_transport,
);

/// A `MakeWriter` into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn retries_are_logged_without_secrets() {
    const ACCESS_TOKEN: &str = "tok-SECRET-123";
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_max_level(tracing::Level::DEBUG)
        .finish();
    let dispatch = tracing::Dispatch::new(subscriber);
    // tracing-core caches each callsite's interest. While only one dispatcher exists it asks
    // the default of the thread that first reaches the callsite: when that is another test's
    // thread (the `retrying` callsite is shared by every provider), the callsite is disabled
    // for good and this test sees nothing. A second live dispatcher makes it ask all of them.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let _guard = tracing::dispatcher::set_default(&dispatch);

    // A gateway that echoes the request's Authorization into its error, twice, then success.
    let echo = ResponseTemplate::new(503).set_body_json(json!({
        "error": "unavailable",
        "error_code": 5030,
        "error_description": format!("upstream rejected Authorization: Bearer {ACCESS_TOKEN}"),
    }));
    let script = Script::new([echo.clone(), echo, P::CloudBase.ok()]);
    let attempts = script.counter();
    let server = P::CloudBase.server(script).await;
    let client = unbind::cloudbase::CloudBaseClient::with_settings(
        &server.uri(),
        SecretString::from(ACCESS_TOKEN),
        unbind::cloudbase::CloudBaseSettings {
            call: settings(policy(3, 10)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        client.unbind("github").await.unwrap(),
        UnbindOutcome::Unbound
    );
    assert_eq!(attempts.get(), 3);

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let retries: Vec<&str> = log.lines().filter(|l| l.contains("retrying")).collect();
    assert_eq!(retries.len(), 2, "{log}");
    for (n, line) in retries.iter().enumerate() {
        println!("LOG {line}");
        assert!(line.contains("DEBUG"), "{line}");
        assert!(line.contains("provider=CloudBase"), "{line}");
        assert!(
            line.contains(&format!(
                "operation=\"{}\"",
                P::CloudBase.unbind_operation()
            )),
            "{line}"
        );
        assert!(line.contains(&format!("retry={}", n + 1)), "{line}");
        assert!(line.contains(&format!("wait_ms={}", 10 << n)), "{line}");
        assert!(line.contains("HTTP 503"), "the error is named: {line}");
        assert!(
            line.contains("Bearer [REDACTED]"),
            "the echo is blanked: {line}"
        );
    }
    assert!(!log.contains("SECRET"), "the log shows the token: {log}");
}

#[tokio::test]
async fn oneaccess_retries_reuse_the_cached_key_and_time() {
    let script = Script::new([
        P::OneAccess.error(503, 50301, "busy"),
        P::OneAccess.error(503, 50301, "busy"),
        P::OneAccess.ok(),
    ]);
    let attempts = script.counter();
    let server = P::OneAccess.server(script).await;
    let outcome = oneaccess(&server.uri(), settings(policy(3, 10)))
        .unbind("id-1")
        .await;
    assert_eq!(outcome.unwrap(), UnbindOutcome::Unbound);
    assert_eq!(attempts.get(), 3);
    let paths: Vec<String> = received(&server)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(
        paths
            .iter()
            .filter(|p| p.ends_with("/public-key") || p.ends_with("/server-date"))
            .count(),
        2,
        "{paths:?}"
    );
}

#[tokio::test]
async fn oneaccess_a_failing_key_fetch_is_tried_at_most_max_retries_plus_one_times() {
    let server = MockServer::start().await;
    let key = Script::always(ResponseTemplate::new(503).set_body_json(
        json!({"error_code": "SDK.COMMON.503", "error_msg": "key service unavailable"}),
    ));
    let key_attempts = key.counter();
    Mock::given(method("GET"))
        .and(path("/api/v2/sdk/public-key"))
        .respond_with(key)
        .mount(&server)
        .await;
    let unbinds = Script::always(P::OneAccess.ok());
    let unbind_attempts = unbinds.counter();
    Mock::given(method("POST"))
        .and(path("/api/v2/sdk/social/unbind-account"))
        .respond_with(unbinds)
        .mount(&server)
        .await;

    let started = Instant::now();
    let outcome = oneaccess(&server.uri(), settings(policy(2, 10)))
        .unbind("id-1")
        .await;
    let elapsed = started.elapsed();
    let e = provider_error(P::OneAccess, outcome, 503);
    assert_eq!(e.message.as_deref(), Some("key service unavailable"));
    assert_eq!(unbind_attempts.get(), 0, "nothing is sent unsigned");
    timed(
        P::OneAccess,
        "public-key 503 forever, max_retries 2",
        key_attempts.get(),
        elapsed,
        Duration::ZERO,
        SLACK,
    );
    assert!(
        key_attempts.get() <= 3,
        "max_retries 2 allows 3 requests; the key was asked for {} times",
        key_attempts.get()
    );
}
