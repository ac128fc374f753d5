//! Redirects refused or followed within the origin when asked, a refused wait explained, and a request that cannot be built.

use super::*;

// (q) A redirect to another host, as a hostile or misconfigured server would send: never
// followed, whatever its status, so nothing (body secret, signature, token) reaches the
// other host; the error names the status and the host, never the target's path or query.
pub(super) async fn redirect_is_not_followed(p: P) {
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
pub(super) async fn same_origin_redirects_when_asked(p: P) {
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
pub(super) async fn a_supplied_client_that_follows_is_still_refused(p: P) {
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
pub(super) async fn a_refused_wait_is_explained(p: P) {
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
pub(super) async fn an_unbuildable_request_is_invalid_input_not_transport(p: P) {
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
