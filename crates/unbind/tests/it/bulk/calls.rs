//! What reaches the server: a 429 then success, failures journaled without the token, never more calls at once than the concurrency.

use super::*;

#[tokio::test]
async fn a_429_then_success_journals_one_unbound() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "0")
                .set_body_json(json!({"error": "rate_limited", "error_description": "slow down"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    cloudbase_unbinds_all(&server).await;
    let (_dir, path, mut journal) = new_journal();
    let retry = RetryPolicy {
        min_delay: Duration::from_millis(1),
        jitter: false,
        ..RetryPolicy::default()
    };

    let summary = journaled(
        &unbinder(&server.uri(), retry),
        input(&["github"]),
        &mut journal,
    )
    .await
    .unwrap();

    assert_eq!(summary.unbound, 1);
    assert_eq!(unbound_at(&server).await, ["github", "github"], "one retry");
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["outcome"], "unbound");
}

#[tokio::test]
async fn failures_are_journaled_with_the_error_and_without_the_token() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path_regex("/gone$"))
        .respond_with(ResponseTemplate::new(404).set_body_json(cloudbase_not_found()))
        .mount(&server)
        .await;
    // A proxy that echoes the request, credentials and all, into its error page.
    Mock::given(method("DELETE"))
        .respond_with(
            ResponseTemplate::new(401).set_body_string(format!("denied: Bearer {SECRET}")),
        )
        .mount(&server)
        .await;
    let (_dir, path, mut journal) = new_journal();
    let mut failures = Vec::new();

    let summary = journaled_with(
        &unbinder_once(&server),
        input(&["gone", "github"]),
        &mut journal,
        |entry: &Entry| {
            if let Outcome::Failed(error) = &entry.outcome {
                failures.push(error.to_string());
            }
        },
    )
    .await
    .unwrap();

    assert_eq!((summary.already_unbound, summary.failed), (1, 1));
    assert_eq!(failures.len(), 1);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains(SECRET), "{text}");
    let outcomes = outcomes(&path);
    assert_eq!(outcomes["gone"], "already_unbound");
    assert_eq!(outcomes["github"], "failed");
    let failed = journal_lines(&path)
        .into_iter()
        .find(|l| l["outcome"] == "failed")
        .unwrap();
    assert_eq!(failed["error"]["kind"], "provider");
    assert_eq!(failed["error"]["status"], 401);
    assert_eq!(failed["error"]["code"], Value::Null);
    assert_eq!(
        failed["error"]["message"],
        "CloudBase refused the request: HTTP 401: \"denied: Bearer [REDACTED]\""
    );
}

// ---------------------------------------------------------------------------------------------
// Concurrency, counted by the server

/// A loopback HTTP/1.1 server that answers every request `{}` and counts the requests it holds
/// unanswered at once.
///
/// It holds each request until `expected` are held (or 2 s pass), then 300 ms more before
/// answering: time for a client that breaks its bound to send one more, which is counted. A
/// client that keeps its bound passes however slow the machine is.
struct CountingServer {
    uri: String,
    peak: Arc<AtomicUsize>,
}

async fn counting_server(expected: usize) -> CountingServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let uri = format!("http://{}", listener.local_addr().unwrap());
    let (held, _) = tokio::sync::watch::channel(0_usize);
    let held = Arc::new(held);
    let peak = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&peak);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let held = Arc::clone(&held);
            let peak = Arc::clone(&counted);
            tokio::spawn(serve(stream, held, peak, expected));
        }
    });
    CountingServer { uri, peak }
}

async fn serve(
    mut stream: tokio::net::TcpStream,
    held: Arc<tokio::sync::watch::Sender<usize>>,
    peak: Arc<AtomicUsize>,
    expected: usize,
) {
    let mut buf = Vec::new();
    loop {
        // One request: headers up to the blank line (a DELETE has no body).
        while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
            let mut chunk = [0_u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        buf.drain(..end);
        held.send_modify(|n| *n += 1);
        peak.fetch_max(*held.borrow(), Ordering::SeqCst);
        let mut watch = held.subscribe();
        let _ =
            tokio::time::timeout(Duration::from_secs(2), watch.wait_for(|n| *n >= expected)).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        held.send_modify(|n| *n -= 1);
        let answer =
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}";
        if stream.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

#[tokio::test]
async fn the_server_never_sees_more_calls_at_once_than_the_concurrency() {
    for concurrency in [1, 4] {
        let server = counting_server(concurrency).await;
        let names: Vec<String> = (0..concurrency * 3).map(|i| format!("s{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let summary = bulk::run(
            &unbinder(&server.uri, RetryPolicy::never()),
            input(&names),
            None,
            &BulkSettings {
                concurrency: NonZeroUsize::new(concurrency).unwrap(),
                ..settings()
            },
            |_| {},
        )
        .await
        .unwrap();
        assert_eq!(summary.unbound, names.len() as u64);
        assert_eq!(
            server.peak.load(Ordering::SeqCst),
            concurrency,
            "at most, and at some point exactly, {concurrency} in flight"
        );
    }
}
