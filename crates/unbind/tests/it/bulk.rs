//! Bulk unbinding through the facade against loopback servers: what is skipped, what the
//! journal holds after each run, how many calls are in flight, and bad input.

use std::collections::HashMap;
use std::io::Cursor;
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{SECRET, cloudbase_not_found, cloudbase_unbinds_all, received};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use unbind::auth::SecretString;
use unbind::bulk::{self, Accounts, BulkError, BulkSettings, Entry, Journal, Outcome, Summary};
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::runtime::test_util::FixedClock;
use unbind::{Account, CallSettings, Provider, RetryPolicy, Unbinder};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn unbinder(base: &str, retry: RetryPolicy) -> Unbinder {
    Unbinder::CloudBase(
        CloudBaseClient::with_settings(
            base,
            SecretString::from(SECRET),
            CloudBaseSettings {
                call: CallSettings {
                    retry,
                    ..CallSettings::default()
                },
                ..CloudBaseSettings::default()
            },
        )
        .unwrap(),
    )
}

/// A server that answers every CloudBase unbind with `{}`.
async fn ok_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path_regex("^/auth/v1/user/provider/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    server
}

fn input(ids: &[&str]) -> Cursor<Vec<u8>> {
    let text: String = ids
        .iter()
        .map(|id| format!("{}\n", json!({"provider_id": id})))
        .collect();
    Cursor::new(text.into_bytes())
}

/// A CloudBase unbinder for `server` that does not retry.
fn unbinder_once(server: &MockServer) -> Unbinder {
    unbinder(&server.uri(), RetryPolicy::never())
}

/// A new journal, `journal.jsonl` in a temporary folder (removed when the `TempDir` drops).
fn new_journal() -> (tempfile::TempDir, std::path::PathBuf, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let journal = Journal::open(&path).unwrap();
    (dir, path, journal)
}

/// `bulk::run` with the test settings, journaled, without watching the entries.
async fn journaled(
    unbinder: &Unbinder,
    input: impl std::io::BufRead,
    journal: &mut Journal,
) -> Result<Summary, BulkError> {
    journaled_with(unbinder, input, journal, |_| {}).await
}

/// `bulk::run` with the test settings, journaled, each entry seen by `on_entry`.
async fn journaled_with(
    unbinder: &Unbinder,
    input: impl std::io::BufRead,
    journal: &mut Journal,
    on_entry: impl FnMut(&Entry),
) -> Result<Summary, BulkError> {
    bulk::run(unbinder, input, Some(journal), &settings(), on_entry).await
}

fn settings() -> BulkSettings {
    BulkSettings {
        clock: Arc::new(FixedClock::new(1_700_000_000_123)),
        ..BulkSettings::default()
    }
}

/// The identity sources the server was asked to unbind, sorted.
async fn unbound_at(server: &MockServer) -> Vec<String> {
    unbind_test_fixtures::mock::last_path_segments(&received(server).await)
}

/// Every journal line, parsed; panics on a line that is not JSON.
fn journal_lines(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'), "{text:?}");
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:?}")))
        .collect()
}

/// The last outcome journaled for each CloudBase identity source.
fn outcomes(path: &Path) -> HashMap<String, String> {
    journal_lines(path)
        .into_iter()
        .filter(|v| v["provider"] == "cloudbase")
        .map(|v| {
            (
                v["provider_id"].as_str().unwrap().to_owned(),
                v["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn write(path: &Path, lines: &[Value], tail: &str) {
    let mut text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    text.push_str(tail);
    std::fs::write(path, text).unwrap();
}

// The set-up of a journaled run that watches its entries, as in the failures test below: what each
// test watches and asserts differs.
#[tokio::test]
async fn a_run_journals_one_line_per_account_in_the_documented_form() {
    let server = ok_server().await;
    let (_dir, path, mut journal) = new_journal();
    let mut seen = Vec::new();

    let summary = journaled_with(
        &unbinder_once(&server),
        input(&["github", "wx_open"]),
        &mut journal,
        |entry: &Entry| seen.push((entry.line, entry.outcome.name())),
    )
    .await
    .unwrap();

    assert_eq!(
        summary,
        Summary {
            unbound: 2,
            ..Summary::default()
        }
    );
    seen.sort_unstable();
    assert_eq!(seen, [(1, "unbound"), (2, "unbound")]);
    let mut lines = journal_lines(&path);
    lines.sort_by_key(|l| l["line"].as_u64());
    assert_eq!(
        lines,
        [
            json!({"provider": "cloudbase", "target": server.uri(), "provider_id": "github",
                   "outcome": "unbound", "line": 1, "at": 1_700_000_000_123_i64}),
            json!({"provider": "cloudbase", "target": server.uri(), "provider_id": "wx_open",
                   "outcome": "unbound", "line": 2, "at": 1_700_000_000_123_i64}),
        ]
    );
    assert_eq!(journal.len(), 2);
}

#[tokio::test]
async fn accounts_in_the_journal_are_skipped_and_failures_only_retried_when_asked() {
    let server = ok_server().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    write(
        &path,
        &[
            json!({"provider": "cloudbase", "provider_id": "a", "outcome": "unbound", "line": 1}),
            json!({"provider": "cloudbase", "provider_id": "b", "outcome": "failed", "line": 2,
                   "error": {"kind": "transport", "status": null, "code": null, "message": "x"}}),
            json!({"provider": "cloudbase", "provider_id": "c", "outcome": "already_unbound",
                   "line": 3}),
            // Another provider's account with the same id is another account.
            json!({"provider": "oneaccess", "id": "d", "outcome": "unbound", "line": 1}),
        ],
        "",
    );
    let client = unbinder_once(&server);

    let mut journal = Journal::open(&path).unwrap();
    assert_eq!(journal.len(), 4);
    let summary = journaled(
        &client,
        input(&["a", "b", "c", "d", "e", "e"]),
        &mut journal,
    )
    .await
    .unwrap();
    assert_eq!(
        summary,
        Summary {
            unbound: 2,
            skipped: 3,
            skipped_failed: 1,
            ..Summary::default()
        }
    );
    assert!(!summary.all_done(), "b failed earlier and was not retried");
    assert_eq!(unbound_at(&server).await, ["d", "e"]);
    assert_eq!(journal_lines(&path).len(), 6, "one line per account");
    drop(journal);

    // Retrying failures: only b is sent, and its new outcome is appended.
    let mut journal = Journal::open(&path).unwrap();
    let summary = bulk::run(
        &client,
        input(&["a", "b", "c", "d", "e"]),
        Some(&mut journal),
        &BulkSettings {
            retry_failed: true,
            ..settings()
        },
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!((summary.unbound, summary.skipped), (1, 4));
    assert!(summary.all_done());
    assert_eq!(unbound_at(&server).await, ["b", "d", "e"]);
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[6]["provider_id"], "b");
    assert_eq!(
        outcomes(&path)["b"],
        "unbound",
        "the last line is the outcome"
    );
}

#[tokio::test]
async fn a_torn_last_line_is_dropped_and_its_account_called_again() {
    let server = ok_server().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let torn = r#"{"provider":"cloudbase","provider_id":"b","outco"#;
    write(
        &path,
        &[json!({"provider": "cloudbase", "provider_id": "a", "outcome": "unbound", "line": 1})],
        torn,
    );

    let mut journal = Journal::open(&path).unwrap();
    assert_eq!(journal.dropped_bytes(), torn.len() as u64);
    assert_eq!(journal.len(), 1);
    let summary = journaled(
        &unbinder_once(&server),
        input(&["a", "b", "c"]),
        &mut journal,
    )
    .await
    .unwrap();
    assert_eq!((summary.unbound, summary.skipped), (2, 1));
    assert_eq!(unbound_at(&server).await, ["b", "c"]);
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 3, "{lines:?}");
    let outcomes = outcomes(&path);
    assert_eq!(outcomes.len(), 3);
    assert!(outcomes.values().all(|o| o == "unbound"));
}

#[tokio::test]
async fn a_bad_journal_line_is_an_error_naming_it_and_nothing_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let cases = [
        (
            format!("{{\"provider_id\":\"{SECRET}\"}}\n"),
            "line 2 has no \"provider\"",
        ),
        (
            "not json\n".to_owned(),
            "line 2 is not JSON (error at column 2)",
        ),
        (
            "{\"provider\":\"cloudbase\",\"provider_id\":\"b\",\"outcome\":\"maybe\"}\n".to_owned(),
            "line 2 has no \"outcome\" of unbound, already_unbound or failed",
        ),
    ];
    for (bad, expected) in cases {
        let good = json!({"provider": "cloudbase", "provider_id": "a", "outcome": "unbound"});
        std::fs::write(&path, format!("{good}\n{bad}")).unwrap();
        let error = Journal::open(&path).unwrap_err();
        assert!(
            matches!(error, BulkError::JournalLine { line: 2, .. }),
            "{error:?}"
        );
        let text = error.to_string();
        assert!(text.ends_with(expected), "{text}");
        assert!(!text.contains(SECRET), "{text}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{good}\n{bad}"),
            "a journal that is refused is left as it is"
        );
    }
}

#[test]
fn bad_input_lines_are_errors_naming_the_line_never_its_text() {
    let cases = [
        (
            format!("{{\"provider_id\":\"{SECRET}\""),
            "is not JSON (error at column 38)",
        ),
        (format!("\"{SECRET}\""), "is not a JSON object"),
        (
            format!("{{\"providerId\":\"{SECRET}\"}}"),
            "has no \"provider_id\"",
        ),
        (
            "{\"provider_id\":42}".to_owned(),
            "has a \"provider_id\" that is not a string",
        ),
        (
            "{\"provider_id\":\"  \"}".to_owned(),
            "has an empty \"provider_id\"",
        ),
        (
            "{\"provider\":\"manta\",\"clientId\":\"c\",\"customerId\":\"u\"}".to_owned(),
            "is a manta account, not cloudbase",
        ),
        (
            format!("{{\"provider\":\"{SECRET}\",\"provider_id\":\"a\"}}"),
            "has a \"provider\" that is not manta, oneaccess or cloudbase",
        ),
        (
            "{\"provider_id\":\"a\u{1}b\"}".to_owned(),
            "is not JSON (error at column 18)",
        ),
        (
            "x".repeat(bulk::MAX_LINE_BYTES + 1),
            "is longer than 65536 bytes",
        ),
    ];
    for (bad, reason) in cases {
        // Line 1 is fine, line 2 blank (skipped), line 3 bad, line 4 never read.
        let text = format!("{{\"provider_id\":\"a\"}}\n  \r\n{bad}\n{{\"provider_id\":\"b\"}}\n");
        let read: Vec<_> = Accounts::new(Cursor::new(text), Provider::CloudBase).collect();
        assert_eq!(read.len(), 2, "{bad:?}: {read:?}");
        assert_eq!(
            read[0].as_ref().unwrap().account,
            Account::CloudBase {
                provider_id: "a".into()
            }
        );
        let error = read[1].as_ref().unwrap_err();
        assert_eq!(error.to_string(), format!("line 3 {reason}"), "{bad:?}");
        assert!(!format!("{error:?}").contains(SECRET));
    }
    let bytes = b"{\"provider_id\":\"a\"}\n{\"provider_id\":\"\xff\"}\n".to_vec();
    let read: Vec<_> = Accounts::new(Cursor::new(bytes), Provider::CloudBase).collect();
    assert_eq!(
        read[1].as_ref().unwrap_err().to_string(),
        "line 2 is not UTF-8"
    );
}

#[test]
fn every_provider_reads_its_own_fields_with_or_without_a_tag() {
    let text = "\u{feff}{\"clientId\":\"c-9\",\"customerId\":\"u-42\",\"note\":\"kept out\"}\r\n\
                {\"provider\":\"manta\",\"clientId\":\"c-1\",\"customerId\":\"u-1\"}";
    let read: Vec<_> = Accounts::new(Cursor::new(text), Provider::Manta)
        .map(|l| l.unwrap())
        .collect();
    assert_eq!(
        read.iter()
            .map(|l| (l.number, &l.account))
            .collect::<Vec<_>>(),
        [
            (
                1,
                &Account::Manta {
                    client_id: "c-9".into(),
                    customer_id: "u-42".into()
                }
            ),
            (
                2,
                &Account::Manta {
                    client_id: "c-1".into(),
                    customer_id: "u-1".into()
                }
            ),
        ]
    );
    let read: Vec<_> = Accounts::new(Cursor::new("{\"id\":\"001G\"}\n"), Provider::OneAccess)
        .map(|l| l.unwrap().account)
        .collect();
    assert_eq!(read, [Account::OneAccess { id: "001G".into() }]);
}

#[tokio::test]
async fn a_bad_line_stops_the_run_after_journaling_what_was_done() {
    let server = ok_server().await;
    let (_dir, path, mut journal) = new_journal();
    let text = "{\"provider_id\":\"a\"}\n{\"provider_id\":\"b\"}\n{oops\n{\"provider_id\":\"c\"}\n";
    let error = journaled(&unbinder_once(&server), Cursor::new(text), &mut journal)
        .await
        .unwrap_err();
    assert_eq!(error.to_string(), "line 3 is not JSON (error at column 2)");
    assert_eq!(unbound_at(&server).await, ["a", "b"]);
    assert_eq!(outcomes(&path).len(), 2);
}

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

// ---------------------------------------------------------------------------------------------
// What a journal may be (issue 11, items 3 and 4)

/// A journal's whole content, byte for byte.
fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// The account line of `id` as a journal holds it.
fn record(id: &str) -> Value {
    json!({"provider": "cloudbase", "provider_id": id, "outcome": "unbound", "line": 1,
           "at": 1_700_000_000_123_i64})
}

#[test]
fn files_that_are_not_journals_are_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let journal = format!("{}\n", record("a"));
    let cases: [(&str, String); 8] = [
        // A settings file of one line, without a newline at its end.
        (
            "settings.json",
            r#"{"theme":"dark","token":"hunter2"}"#.to_owned(),
        ),
        // An input file of one line (`--journal` naming the `--from` file).
        ("accounts.jsonl", r#"{"provider_id":"github"}"#.to_owned()),
        // Journal records, then a last line that is complete JSON but not a record.
        ("tail.jsonl", format!("{journal}{{\"theme\":\"dark\"}}")),
        // Journal records, then a last line that is no journal's start.
        ("notes.jsonl", format!("{journal}dark")),
        // Only whitespace, and no newline.
        ("blank.txt", "   ".to_owned()),
        // A record's start, but not JSON.
        (
            "prose.txt",
            "{\"provider\":\"cloudbase\" is what I use".to_owned(),
        ),
        // Text with lines.
        ("notes.txt", "hello\nworld".to_owned()),
        // Records, then a last line that no cut of a record can be: JSON with more after it.
        (
            "broken.jsonl",
            format!("{journal}{{\"provider\":\"cloudbase\"}}}}"),
        ),
    ];
    for (name, text) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let error = Journal::open(&path).expect_err(name);
        let message = error.to_string();
        assert!(message.contains(name), "{name}: {message}");
        assert!(
            !message.contains("dark") && !message.contains("hunter2"),
            "{message}"
        );
        assert_eq!(bytes(&path), text.as_bytes(), "{name} was changed");
    }

    // Through a symbolic link, the file it leads to is checked and kept.
    let settings = dir.path().join("settings.json");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&settings, &link).unwrap();
    assert!(Journal::open(&link).is_err());
    assert_eq!(bytes(&settings), cases[0].1.as_bytes());
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}

#[test]
fn paths_that_are_not_regular_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let directory = dir.path().join("dir.jsonl");
    std::fs::create_dir(&directory).unwrap();
    let to_directory = dir.path().join("to-dir.jsonl");
    std::os::unix::fs::symlink(&directory, &to_directory).unwrap();
    let to_nothing = dir.path().join("to-nothing.jsonl");
    let nothing = dir.path().join("nothing.jsonl");
    std::os::unix::fs::symlink(&nothing, &to_nothing).unwrap();
    let not_regular = "is not a regular file (a device, a FIFO or a socket)";
    let cases = [
        (directory.as_path(), "is a directory"),
        (&to_directory, "is a directory"),
        (
            &to_nothing,
            "is a symbolic link to nothing: refused rather than create a file where it points",
        ),
        (Path::new("/dev/null"), not_regular),
    ];
    for (path, reason) in cases {
        let error = Journal::open(path).expect_err(&path.display().to_string());
        assert_eq!(
            error.to_string(),
            format!("journal {} {reason}", path.display())
        );
    }
    assert!(
        !nothing.exists(),
        "nothing is created behind a dangling link"
    );
    assert_eq!(std::fs::read_dir(&directory).unwrap().count(), 0);

    // A FIFO: refused without waiting for a writer (reading one would block for ever).
    let fifo = dir.path().join("fifo.jsonl");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: `c_path` is a live NUL-terminated string.
    #[allow(unsafe_code, reason = "FFI: std cannot make a FIFO")]
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(made, 0);
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(Journal::open(&fifo).map(|_| ()).map_err(|e| e.to_string()));
    });
    let result = result
        .recv_timeout(Duration::from_secs(10))
        .expect("opening a FIFO as a journal hung");
    let error = result.expect_err("a FIFO is no journal");
    assert!(error.ends_with(not_regular), "{error}");
}

#[test]
fn a_torn_tail_is_dropped_only_when_a_journal_write_can_have_left_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let journal = format!("{}\n{}\n", record("a"), record("b"));
    // Records as the journal writes them (`json!` would sort the keys).
    let whole = r#"{"provider":"cloudbase","provider_id":"c","outcome":"unbound","line":3,"at":1}"#;
    let cut_in_a_character = {
        let text = r#"{"provider":"cloudbase","provider_id":"ünïcode""#;
        let at = text.find('ü').unwrap() + 1;
        text.as_bytes()[..at].to_vec()
    };
    let tails: [&[u8]; 6] = [
        b"{",
        // A whole record, in any order of fields.
        br#"{"outcome":"failed","provider_id":"c","provider":"cloudbase"}"#,
        br#"{"provider":"cloud"#,
        br#"{"provider":"cloudbase","provider_id":"c","outcome":"unbound","line":3,"at":17"#,
        // A whole record whose newline did not make it: dropped too (its account is called
        // again, which is safe).
        whole.as_bytes(),
        &cut_in_a_character,
    ];
    for tail in tails {
        for before in ["", journal.as_str()] {
            let mut text = before.as_bytes().to_vec();
            text.extend_from_slice(tail);
            std::fs::write(&path, &text).unwrap();
            let opened = Journal::open(&path)
                .unwrap_or_else(|e| panic!("{e}: {:?}", String::from_utf8_lossy(tail)));
            assert_eq!(opened.dropped_bytes(), tail.len() as u64);
            assert_eq!(bytes(&path), before.as_bytes());
            assert_eq!(opened.len(), if before.is_empty() { 0 } else { 2 });
        }
    }
}

#[test]
fn a_journal_in_use_by_another_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let torn = r#"{"provider":"cloudbase","provider_id":"b"#;
    write(&path, &[record("a")], torn);
    let before = bytes(&path);
    let first = Journal::open(&path).unwrap();
    let after_first = bytes(&path);
    assert_eq!(
        after_first.len() + torn.len(),
        before.len(),
        "the torn tail is dropped"
    );

    let error = Journal::open(&path).expect_err("a second open while the first is held");
    assert_eq!(
        error.to_string(),
        format!("journal {} is in use by another run", path.display())
    );
    assert_eq!(bytes(&path), after_first, "a refused open changes nothing");
    drop(first);
    assert_eq!(
        Journal::open(&path).unwrap().len(),
        1,
        "free once the first is closed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_a_journal_while_a_run_appends_to_it_never_loses_a_line() {
    const ACCOUNTS: usize = 1500;
    let server = ok_server().await;
    let (_dir, path, mut journal) = new_journal();
    let names = ids_for(ACCOUNTS);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();

    // Another process's attempts, as fast as they come, until the run ends.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (first, first_done) = std::sync::mpsc::channel();
    let opener = {
        let (stop, path) = (Arc::clone(&stop), path.clone());
        std::thread::spawn(move || {
            let mut results = Vec::new();
            while results.is_empty() || !stop.load(Ordering::SeqCst) {
                results.push(
                    Journal::open(&path)
                        .map(|j| j.len())
                        .map_err(|e| e.to_string()),
                );
                if results.len() == 1 {
                    first.send(()).unwrap();
                }
            }
            results
        })
    };
    first_done.recv().unwrap();
    let summary = bulk::run(
        &unbinder_once(&server),
        input(&names),
        Some(&mut journal),
        &BulkSettings {
            concurrency: NonZeroUsize::new(16).unwrap(),
            ..settings()
        },
        |_| {},
    )
    .await
    .unwrap();
    stop.store(true, Ordering::SeqCst);
    let results = opener.join().unwrap();

    assert_eq!(summary.unbound, ACCOUNTS as u64);
    assert_eq!(journal_lines(&path).len(), ACCOUNTS, "no line lost");
    let opened: Vec<_> = results.iter().filter(|r| r.is_ok()).collect();
    assert!(
        opened.is_empty(),
        "{} of {} opens got the journal while the run held it: {:?}",
        opened.len(),
        results.len(),
        &opened[..opened.len().min(3)]
    );
    assert!(
        results.iter().all(|r| r
            .as_ref()
            .is_err_and(|e| e.ends_with("is in use by another run"))),
        "{:?}",
        &results[..3.min(results.len())]
    );
}

/// The start of a text that may hold a whole oversize id, for a failure message.
fn short(text: impl std::fmt::Display) -> String {
    text.to_string().chars().take(160).collect()
}

fn ids_for(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("source-{i:05}")).collect()
}

// ---------------------------------------------------------------------------------------------
// Every input line gets the single-account checks (issue 11, items 5 and 6)

/// Call settings without retries, for the clients of these tests.
fn no_retries() -> CallSettings {
    CallSettings {
        retry: RetryPolicy::never(),
        ..CallSettings::default()
    }
}

fn manta(base: &str) -> Unbinder {
    use unbind::auth::manta::Credentials;
    use unbind::manta::{MantaClient, MantaSettings};
    Unbinder::Manta(
        MantaClient::with_settings(
            base,
            "bot-1",
            Credentials::new(SecretString::from("api-secret"))
                .with_token(SecretString::from(SECRET)),
            MantaSettings {
                call: no_retries(),
                ..MantaSettings::default()
            },
        )
        .unwrap(),
    )
}

fn oneaccess(base: &str) -> Unbinder {
    use unbind::oneaccess::{OneAccessClient, OneAccessSettings};
    let device = unbind_test_fixtures::device();
    Unbinder::OneAccess(Box::new(
        OneAccessClient::with_settings(
            base,
            device,
            SecretString::from(SECRET),
            OneAccessSettings {
                call: no_retries(),
                ..OneAccessSettings::default()
            },
        )
        .unwrap(),
    ))
}

/// An account of each provider with one bad id, and its input line.
fn bad_accounts() -> Vec<(Account, Value)> {
    let long = "x".repeat(1025);
    let longer = "y".repeat(60_000);
    let mut cases = Vec::new();
    for bad in [
        "a/b", "..", ".", "a%2Fb", "a\\b", "a\u{1}b", "a\u{7f}", &long, &longer,
    ] {
        cases.push((
            Account::CloudBase {
                provider_id: bad.to_owned(),
            },
            json!({"provider_id": bad}),
        ));
    }
    for (client_id, customer_id) in [("c\u{7}", "u-1"), ("c-1", long.as_str()), (&longer, "u-1")] {
        cases.push((
            Account::Manta {
                client_id: client_id.to_owned(),
                customer_id: customer_id.to_owned(),
            },
            json!({"clientId": client_id, "customerId": customer_id}),
        ));
    }
    for bad in ["\u{1b}[31m", "a\nb", &long] {
        cases.push((
            Account::OneAccess { id: bad.to_owned() },
            json!({"id": bad}),
        ));
    }
    cases
}

#[tokio::test]
async fn input_lines_get_every_check_a_single_unbind_applies() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let unbinders = [
        unbinder(&uri, RetryPolicy::never()),
        manta(&uri),
        oneaccess(&uri),
    ];
    for (account, line) in bad_accounts() {
        let provider = account.provider();
        let client = unbinders.iter().find(|u| u.provider() == provider).unwrap();
        let line_text = short(&line);
        let (field, reason) = match client.unbind(&account).await {
            Err(unbind::Error::InvalidInput { field, reason }) => (field, reason),
            other => panic!(
                "{line_text}: the single-account path did not refuse it: {}",
                short(format!("{other:?}"))
            ),
        };
        assert!(
            received(&server).await.is_empty(),
            "{line_text}: a request was sent"
        );

        let good = match provider {
            Provider::Manta => json!({"clientId": "c-1", "customerId": "u-1"}),
            Provider::OneAccess => json!({"id": "001G"}),
            Provider::CloudBase => json!({"provider_id": "github"}),
        };
        let text = format!("{good}\n{line}\n{good}\n");
        let read: Vec<_> = Accounts::new(Cursor::new(text), provider).collect();
        assert_eq!(read.len(), 2, "{line_text}: the line after it was read");
        let Err(error) = &read[1] else {
            panic!("{line_text}: read as an account");
        };
        let error = error.to_string();
        assert!(
            error == format!("line 2 has a \"{field}\" that {reason}"),
            "{line_text}: {}",
            short(&error)
        );
    }
}

#[tokio::test]
async fn an_oversize_id_is_invalid_input_and_nothing_is_sent() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let huge = "x".repeat(100_000);
    let cases = [
        (
            unbinder(&uri, RetryPolicy::never()),
            "provider_id",
            Account::CloudBase {
                provider_id: huge.clone(),
            },
        ),
        (
            manta(&uri),
            "customerId",
            Account::Manta {
                client_id: "c-1".into(),
                customer_id: huge.clone(),
            },
        ),
        (
            oneaccess(&uri),
            "id",
            Account::OneAccess { id: huge.clone() },
        ),
    ];
    for (client, field, account) in &cases {
        let error = client.unbind(account).await.unwrap_err();
        let text = error.to_string();
        assert!(
            text == format!("invalid input: {field} is longer than 1024 bytes"),
            "{} ({} bytes)",
            short(&text),
            text.len()
        );
        assert_eq!(error.kind(), unbind::ErrorKind::InvalidInput);
        assert!(
            received(&server).await.is_empty(),
            "{field}: a request was sent"
        );
    }
    // At the limit, the id is sent (the server answers 404: any error but invalid input).
    let at_limit = "x".repeat(1024);
    for (client, field, account) in cases {
        let account = match account {
            Account::CloudBase { .. } => Account::CloudBase {
                provider_id: at_limit.clone(),
            },
            Account::Manta { client_id, .. } => Account::Manta {
                client_id,
                customer_id: at_limit.clone(),
            },
            Account::OneAccess { .. } => Account::OneAccess {
                id: at_limit.clone(),
            },
        };
        let before = received(&server).await.len();
        let outcome = client.unbind(&account).await;
        assert!(
            !matches!(outcome, Err(unbind::Error::InvalidInput { .. })),
            "{field}: {}",
            short(format!("{outcome:?}"))
        );
        assert!(
            received(&server).await.len() > before,
            "{field}: nothing was sent"
        );
    }
}

/// A journal names where its runs went (the base URL; for MantaGo also the bot): a run against
/// another target refuses it before sending anything, since what the journal holds as done was
/// done there, not here. The same target still resumes.
#[tokio::test]
async fn a_journal_of_another_target_is_refused_and_nothing_is_sent() {
    let (there, here) = (ok_server().await, ok_server().await);
    let (_dir, path, mut journal) = new_journal();
    journaled(&unbinder_once(&there), input(&["github"]), &mut journal)
        .await
        .unwrap();
    assert_eq!(journal_lines(&path)[0]["target"], json!(there.uri()));

    let refused = journaled(
        &unbinder_once(&here),
        input(&["github", "wx_open"]),
        &mut journal,
    )
    .await;
    let error = refused.err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            format!(
                "journal {} records runs against {}, not {}: use another journal for this run",
                path.display(),
                there.uri(),
                here.uri()
            )
            .as_str()
        )
    );
    assert!(unbound_at(&here).await.is_empty());
    assert_eq!(journal_lines(&path).len(), 1, "nothing written");

    let resumed = journaled(
        &unbinder_once(&there),
        input(&["github", "wx_open"]),
        &mut journal,
    )
    .await
    .unwrap();
    assert_eq!((resumed.skipped, resumed.unbound), (1, 1));
}
