//! Bind, which is not idempotent: retried only where the request cannot have arrived.

use super::*;

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
pub(super) async fn bind_gateway_errors_are_not_retried(p: P) {
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
pub(super) async fn bind_rate_limited_is_retried(p: P) {
    let script = Script::new([p.error(429, 42900, "slow down"), bind_ok(p)]);
    let (outcome, attempts, elapsed) = run_bind(p, script, settings(policy(3, 10))).await;
    outcome.unwrap();
    assert_eq!(attempts, 2);
    timed(p, "bind: 429, then 200", attempts, elapsed, 10 * MS, SLACK);
}

// (q) A bind that timed out may have arrived: not repeated.
pub(super) async fn bind_timeout_is_not_retried(p: P) {
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
pub(super) async fn bind_connection_refused_is_retried(p: P) {
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
