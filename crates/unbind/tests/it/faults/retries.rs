//! Retried faults: rate limits with each form of `Retry-After`, gateway errors, the total bound, refused connections, stalls; client errors not retried.

use super::*;

// (a) 429 with `Retry-After: 1`, then 200: one retry, after the second the server asked for.
pub(super) async fn rate_limited_retry_after_seconds(p: P) {
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
pub(super) async fn rate_limited_retry_after_http_date(p: P) {
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
pub(super) async fn rate_limited_retry_after_is_capped(p: P) {
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
pub(super) async fn unavailable_twice_then_ok(p: P) {
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
pub(super) async fn bad_gateway_forever_exhausts_retries(p: P) {
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
pub(super) async fn max_total_stops_retrying_early(p: P) {
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
pub(super) async fn client_errors_are_not_retried(p: P) {
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
pub(super) async fn connection_refused(p: P) {
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
pub(super) async fn stalled_server_times_out(p: P) {
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
