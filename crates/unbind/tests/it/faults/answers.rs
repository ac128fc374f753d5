//! Broken and unexpected answers: HTML under a gateway status, truncated or mistyped JSON, the wrong content type, empty and oversized bodies, an unbind already done.

use super::*;

// (j) A proxy's HTML 502 page: the status kept, a bounded single-line snippet of the page.
pub(super) async fn html_bad_gateway_keeps_status(p: P) {
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
pub(super) async fn truncated_json(p: P) {
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
pub(super) async fn wrong_content_type(p: P) {
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
pub(super) async fn schema_mismatch(p: P) {
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
pub(super) async fn empty_success_body(p: P) {
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
pub(super) async fn oversize_answer(p: P) {
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
pub(super) async fn oversize_unbounded_answer(p: P) {
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
pub(super) async fn already_unbound(p: P) {
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
