//! What retries leave in the log (no secret), what OneAccess retries reuse, and the default minute's bound.

use super::*;

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
