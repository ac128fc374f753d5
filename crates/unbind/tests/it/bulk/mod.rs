//! Bulk unbinding through the facade against loopback servers: what is skipped, what the
//! journal holds after each run, how many calls are in flight, and bad input.

mod calls;
mod input;
mod journal_files;

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

fn ids_for(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("source-{i:05}")).collect()
}
