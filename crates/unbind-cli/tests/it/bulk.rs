//! `unbind <provider> unbind --from FILE` as a user runs it: the real binary, real HTTP to a
//! loopback server, a journal on disk, and a run killed with SIGKILL and run again.

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{
    CLOUDBASE_ENV, DEVICE_FLAGS, MANTA_ENV, MANTA_SECRET, Run, SECRET, args, words,
};
use serde_json::{Value, json};
use unbind_test_fixtures::keys::PUBLIC_KEY_PEM as PUBLIC_KEY;
use unbind_test_fixtures::mock::{
    answer, answer_with, cloudbase_not_found, cloudbase_unbinds_all, manta_ok, oneaccess_signing,
    received, route,
};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Runs `unbind args…` with only `env` set (stderr is a pipe, not a terminal), and checks that
/// no credential was printed.
async fn unbind(args: &[&str], env: &[(&str, &str)]) -> Run {
    crate::common::run(args, env, &[SECRET, MANTA_SECRET]).await
}

/// Writes one `{"provider_id":…}` line per id.
fn write_input(file: &Path, ids: &[String]) {
    let text: String = ids
        .iter()
        .map(|id| format!("{}\n", json!({"provider_id": id})))
        .collect();
    std::fs::write(file, text).unwrap();
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("source-{i:04}")).collect()
}

/// Every journal line, parsed (a line that is not JSON fails the test), and that the journal
/// holds no credential.
fn journal(file: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    assert!(!text.contains(SECRET), "the journal holds the token");
    assert!(text.is_empty() || text.ends_with('\n'), "a torn line");
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:?}")))
        .collect()
}

fn complete_lines(file: &Path) -> usize {
    std::fs::read(file)
        .map(|bytes| bytes.iter().filter(|b| **b == b'\n').count())
        .unwrap_or(0)
}

/// Waits until `file` holds `lines` complete lines, calling `check` at each look; fails with
/// `what` after 30 s.
async fn wait_for_lines(file: &Path, lines: usize, what: &str, mut check: impl FnMut()) {
    let started = Instant::now();
    while complete_lines(file) < lines {
        assert!(started.elapsed() < Duration::from_secs(30), "{what}");
        check();
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The binary with `args` and only the CloudBase token in its environment, its output
/// discarded.
fn quiet_run(args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_unbind"));
    command
        .args(args)
        .env_clear()
        .env("CLOUDBASE_ACCESS_TOKEN", SECRET)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn unbound_ids(requests: &[Request]) -> Vec<String> {
    unbind_test_fixtures::mock::last_path_segments(requests)
}

#[tokio::test]
async fn a_run_killed_mid_way_and_run_again_journals_exactly_one_outcome_per_account() {
    let server = answering_ok(
        MockServer::builder()
            .disable_request_recording()
            .start()
            .await,
        Duration::from_millis(50),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    let journal_file = dir.path().join("journal.jsonl");
    let all = ids(300);
    write_input(&input, &all);
    let uri = server.uri();
    let (input_arg, journal_arg) = (input.to_str().unwrap(), journal_file.to_str().unwrap());
    let args = words(
        "--json cloudbase unbind --base-url {} --from {} --journal {} --concurrency 8",
        &[&uri, input_arg, journal_arg],
    );

    let mut child = quiet_run(&args).spawn().expect("the binary starts");
    wait_for_lines(
        &journal_file,
        40,
        "the journal never reached 40 lines",
        || {
            assert!(
                child.try_wait().unwrap().is_none(),
                "the run ended before it was killed"
            );
        },
    )
    .await;
    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "killed by a signal, not exited");

    let before = journal(&journal_file);
    assert!(
        (40..300).contains(&before.len()),
        "killed mid-way: {} outcomes journaled",
        before.len()
    );

    let rerun = unbind(&args, &CLOUDBASE_ENV).await;
    assert_eq!(rerun.code, 0, "{rerun:?}");
    let summary = rerun.stdout_json();
    assert_eq!(summary["accounts"], 300, "{summary}");
    assert_eq!(summary["skipped"], before.len(), "{summary}");
    assert_eq!(summary["unbound"], 300 - before.len(), "{summary}");
    assert_eq!(summary["failed"], 0, "{summary}");

    let after = journal(&journal_file);
    assert_eq!(after.len(), 300, "one line per account, no more");
    let mut outcomes: HashMap<&str, usize> = HashMap::new();
    for line in &after {
        assert_eq!(line["provider"], "cloudbase", "{line}");
        assert_eq!(line["outcome"], "unbound", "{line}");
        *outcomes
            .entry(line["provider_id"].as_str().expect("provider_id"))
            .or_default() += 1;
    }
    let expected: HashMap<&str, usize> = all.iter().map(|id| (id.as_str(), 1)).collect();
    assert_eq!(outcomes, expected, "each account exactly once");
}

// Mounted like the facade's bulk tests' servers (crates/unbind/tests/it/bulk.rs): each test crate
// mounts the answers its runs need.
/// A CloudBase server: `gone*` are not bound (404 provider_not_found), `bad*` are refused by
/// a proxy that echoes the token, everything else is unbound.
async fn mixed_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path_regex("/gone[^/]*$"))
        .respond_with(ResponseTemplate::new(404).set_body_json(cloudbase_not_found()))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path_regex("/bad[^/]*$"))
        .respond_with(
            ResponseTemplate::new(401).set_body_string(format!("denied: Bearer {SECRET}")),
        )
        .mount(&server)
        .await;
    cloudbase_unbinds_all(&server).await;
    server
}

#[tokio::test]
async fn failures_exit_1_with_a_summary_and_are_skipped_until_retried() {
    let server = mixed_server().await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    let journal_file = dir.path().join("journal.jsonl");
    let list = ["github", "gone-1", "bad-1", "wx_open"].map(str::to_owned);
    write_input(&input, &list);
    let uri = server.uri();
    let env = CLOUDBASE_ENV;
    let base = cloudbase_run(&uri, &input, &journal_file);

    let first = unbind(&base, &env).await;
    assert_eq!(first.code, 1, "{first:?}");
    assert_eq!(
        first.stdout,
        "CloudBase: 4 accounts: 2 unbound, 1 already unbound, 1 failed, 0 skipped as done \
         earlier, 0 skipped as failed earlier\n"
    );
    assert_eq!(
        first.stderr,
        "unbind: line 3: identity source bad-1: CloudBase refused the request: HTTP 401: \
         \"denied: Bearer [REDACTED]\"\n"
    );
    let lines = journal(&journal_file);
    assert_eq!(lines.len(), 4);
    let failed: Vec<_> = lines.iter().filter(|l| l["outcome"] == "failed").collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["provider_id"], "bad-1");
    assert_eq!(failed[0]["line"], 3);
    assert_eq!(failed[0]["error"]["status"], 401);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);

    // Again: nothing is sent, and the earlier failure still counts.
    let again = unbind(&base, &env).await;
    assert_eq!(again.code, 1, "{again:?}");
    assert_eq!(
        again.stderr,
        "unbind: skipped 1 failed in an earlier run: add --retry-failed to try them again\n"
    );
    let again = unbind(&args(&["--json"], &base), &env).await;
    assert_eq!(again.code, 1, "{again:?}");
    assert_eq!(
        again.stdout_json(),
        json!({"ok": false, "provider": "cloudbase", "action": "unbind", "accounts": 4,
               "unbound": 0, "already_unbound": 0, "failed": 0, "skipped": 3,
               "skipped_failed": 1, "journal": journal_file.to_str().unwrap()})
    );
    assert_eq!(again.stderr, "", "the summary's skipped_failed says it");
    assert_eq!(received(&server).await.len(), 4);

    // With --retry-failed only bad-1 is sent; it fails again, as JSON on stderr.
    let retried = unbind(&args(&["--json"], &args(&base, &["--retry-failed"])), &env).await;
    assert_eq!(retried.code, 1, "{retried:?}");
    assert_eq!(retried.stdout_json()["failed"], 1);
    let error: Value = serde_json::from_str(retried.stderr.trim()).unwrap();
    assert_eq!(error["provider_id"], "bad-1");
    assert_eq!(error["outcome"], "failed");
    assert_eq!(error["error"]["kind"], "provider");
    let requests = received(&server).await;
    assert_eq!(unbound_ids(&requests[4..]), ["bad-1"]);
    assert_eq!(journal(&journal_file).len(), 5);
}

// A run of the binary and its exit code: each test runs its own command line and checks its own
// output.
#[tokio::test]
async fn a_run_without_failures_exits_0_and_stderr_stays_quiet_off_a_terminal() {
    let server = mixed_server().await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    // Blank lines and a tagged line are fine; without --journal nothing is written.
    std::fs::write(
        &input,
        "{\"provider_id\":\"github\"}\n\n{\"provider\":\"cloudbase\",\"provider_id\":\"gone\"}\n",
    )
    .unwrap();
    let uri = server.uri();
    let run = unbind(
        &words(
            "cloudbase unbind --base-url {} --from {} --concurrency 2 --rate 1000",
            &[&uri, input.to_str().unwrap()],
        ),
        &CLOUDBASE_ENV,
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr, "",
        "no progress bar when stderr is not a terminal"
    );
    assert_eq!(
        run.stdout,
        "CloudBase: 2 accounts: 1 unbound, 1 already unbound, 0 failed, 0 skipped as done \
         earlier, 0 skipped as failed earlier\n"
    );
    assert_eq!(unbound_ids(&received(&server).await), ["github", "gone"]);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[tokio::test]
async fn a_bad_input_line_exits_2_naming_it_before_anything_is_sent() {
    let server = mixed_server().await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    std::fs::write(
        &input,
        format!("{{\"provider_id\":\"a\"}}\n{{\"provider_id\":\"{SECRET}\"\n"),
    )
    .unwrap();
    let journal_file = dir.path().join("journal.jsonl");
    let uri = server.uri();
    let env = CLOUDBASE_ENV;
    let from = input.to_str().unwrap();
    let base = ["cloudbase", "unbind", "--base-url", &uri, "--from", from];

    let run = unbind(
        &args(&base, &["--journal", journal_file.to_str().unwrap()]),
        &env,
    )
    .await;
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        format!("unbind: {from}: line 2 is not JSON (error at column 31)\n")
    );
    assert_eq!(run.stdout, "");
    assert!(journal(&journal_file).is_empty());

    let json = unbind(&args(&["--json"], &base), &env).await;
    assert_eq!(json.code, 2, "{json:?}");
    let error: Value = serde_json::from_str(&json.stderr).unwrap();
    assert_eq!(error["error"]["kind"], "invalid_input");

    let missing = dir.path().join("missing.jsonl");
    let run = unbind(
        &words(
            "cloudbase unbind --base-url {} --from {}",
            &[&uri, missing.to_str().unwrap()],
        ),
        &env,
    )
    .await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with("unbind: cannot read "), "{run:?}");

    // A manta line in a cloudbase run.
    std::fs::write(
        &input,
        "{\"provider\":\"manta\",\"clientId\":\"c\",\"customerId\":\"u\"}\n",
    )
    .unwrap();
    let run = unbind(&base, &env).await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .ends_with("line 1 is a manta account, not cloudbase\n"),
        "{run:?}"
    );
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn bulk_flags_and_single_account_flags_do_not_mix() {
    let env = CLOUDBASE_ENV;
    let base = ["cloudbase", "unbind", "--env", "e"];
    let cases: [(Vec<&str>, &str); 5] = [
        (
            args(&base, &["--provider-id", "a", "--from", "f"]),
            "cannot be used with",
        ),
        (
            args(&base, &["--provider-id", "a", "--journal", "j"]),
            "--journal goes with --from FILE",
        ),
        (
            args(&base, &["--provider-id", "a", "--concurrency", "4"]),
            "--concurrency goes with --from FILE",
        ),
        (
            args(&base, &["--from", "f", "--concurrency", "0"]),
            "--concurrency",
        ),
        (args(&base, &["--from", "f", "--rate", "0"]), "--rate"),
    ];
    for (command, mentions) in cases {
        let run = unbind(&command, &env).await;
        assert_eq!(run.code, 2, "{command:?}: {run:?}");
        assert!(run.stderr.contains(mentions), "{mentions}: {run:?}");
        assert_eq!(run.stdout, "");
    }
}

#[tokio::test]
async fn manta_and_oneaccess_lists_send_each_account() {
    let server = MockServer::start().await;
    answer(&server, route::MANTA_UNBIND, 200, manta_ok()).await;
    oneaccess_signing(&server, PUBLIC_KEY, "1700000000123").await;
    answer_with(&server, route::ONEACCESS_UNBIND, ResponseTemplate::new(200)).await;
    let dir = tempfile::tempdir().unwrap();
    let uri = server.uri();

    let manta_input = dir.path().join("manta.jsonl");
    std::fs::write(
        &manta_input,
        "{\"clientId\":\"c-1\",\"customerId\":\"u-1\"}\n{\"clientId\":\"c-2\",\"customerId\":\"u-2\"}\n",
    )
    .unwrap();
    let manta = unbind(
        &words(
            "--json manta unbind --base-url {} --bot-id bot-1 --from {}",
            &[&uri, manta_input.to_str().unwrap()],
        ),
        &MANTA_ENV,
    )
    .await;
    assert_eq!(manta.code, 0, "{manta:?}");
    assert_eq!(manta.stdout_json()["unbound"], 2);

    let oneaccess_input = dir.path().join("oneaccess.jsonl");
    std::fs::write(
        &oneaccess_input,
        "{\"id\":\"a-1\"}\n{\"id\":\"a-2\"}\n{\"id\":\"a-3\"}\n",
    )
    .unwrap();
    let oneaccess = unbind(
        &args(
            &["--json", "oneaccess", "unbind", "--base-url", &uri],
            &args(
                &DEVICE_FLAGS[..8],
                &["--from", oneaccess_input.to_str().unwrap()],
            ),
        ),
        &[("ONEACCESS_SESSION_TOKEN", SECRET)],
    )
    .await;
    assert_eq!(oneaccess.code, 0, "{oneaccess:?}");
    assert_eq!(oneaccess.stdout_json()["unbound"], 3);

    let requests = received(&server).await;
    let mut manta_bodies: Vec<Value> = requests
        .iter()
        .filter(|r| r.url.path() == "/openapi/unbind/customer")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    manta_bodies.sort_by_key(|b| b["clientId"].as_str().map(str::to_owned));
    assert_eq!(
        manta_bodies,
        [
            json!({"secret": MANTA_SECRET, "clientId": "c-1", "customerId": "u-1"}),
            json!({"secret": MANTA_SECRET, "clientId": "c-2", "customerId": "u-2"}),
        ]
    );
    let mut oneaccess_ids: Vec<String> = requests
        .iter()
        .filter(|r| r.url.path() == "/api/v2/sdk/social/unbind-account")
        .map(|r| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            body["id"].as_str().unwrap().to_owned()
        })
        .collect();
    oneaccess_ids.sort();
    assert_eq!(oneaccess_ids, ["a-1", "a-2", "a-3"]);
}

#[tokio::test]
async fn a_torn_journal_line_is_dropped_with_a_note_and_its_account_sent_again() {
    let server = mixed_server().await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    write_input(&input, &ids(3));
    let journal_file = dir.path().join("journal.jsonl");
    let torn = r#"{"provider":"cloudbase","provider_id":"source-0001","outcome":"unb"#;
    std::fs::write(
        &journal_file,
        format!(
            "{}\n{torn}",
            json!({"provider": "cloudbase", "provider_id": "source-0000", "outcome": "unbound"})
        ),
    )
    .unwrap();
    let uri = server.uri();
    let run = unbind(&cloudbase_run(&uri, &input, &journal_file), &CLOUDBASE_ENV).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "unbind: {}: dropped an incomplete last line ({} bytes) left by an interrupted run\n",
            journal_file.display(),
            torn.len()
        )
    );
    assert_eq!(
        unbound_ids(&received(&server).await),
        ["source-0001", "source-0002"]
    );
    assert_eq!(journal(&journal_file).len(), 3);
}

// ---------------------------------------------------------------------------------------------
// What --journal may name, one run per journal, and the pre-check (issue 11, items 3 to 6)

/// A CloudBase server that answers every unbind `{}`, after `delay`.
async fn ok_server(delay: Duration) -> MockServer {
    answering_ok(MockServer::start().await, delay).await
}

/// `server`, answering every CloudBase unbind `{}` after `delay`.
async fn answering_ok(server: MockServer, delay: Duration) -> MockServer {
    Mock::given(method("DELETE"))
        .and(path_regex("^/auth/v1/user/provider/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({}))
                .set_delay(delay),
        )
        .mount(&server)
        .await;
    server
}

fn cloudbase_run<'a>(uri: &'a str, from: &'a Path, journal: &'a Path) -> Vec<&'a str> {
    words(
        "cloudbase unbind --base-url {} --from {} --journal {}",
        &[uri, from.to_str().unwrap(), journal.to_str().unwrap()],
    )
}

#[tokio::test]
async fn a_journal_that_is_not_a_journal_exits_2_and_is_left_as_it_is() {
    let server = ok_server(Duration::ZERO).await;
    let uri = server.uri();
    let dir = tempfile::tempdir().unwrap();
    let env = CLOUDBASE_ENV;

    // The input names one account, without a newline at its end.
    let one_line = dir.path().join("one.jsonl");
    std::fs::write(&one_line, r#"{"provider_id":"github"}"#).unwrap();
    // The input is a copy of a journal (its lines are valid input too).
    let journal_copy = dir.path().join("copy.jsonl");
    std::fs::write(
        &journal_copy,
        format!(
            "{}\n",
            json!({"provider": "cloudbase", "provider_id": "a", "outcome": "unbound", "line": 1})
        ),
    )
    .unwrap();
    let settings = dir.path().join("settings.json");
    std::fs::write(&settings, r#"{"theme":"dark"}"#).unwrap();
    let link_to_input = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&journal_copy, &link_to_input).unwrap();
    let directory = dir.path().join("journal.d");
    std::fs::create_dir(&directory).unwrap();

    let is_input = "is the input file";
    let not_a_journal = "line 1 has no newline and is not a journal record, whole or cut short";
    let cases: [(&Path, &Path, &str); 6] = [
        (&one_line, &one_line, is_input),
        (&journal_copy, &journal_copy, is_input),
        (&journal_copy, &link_to_input, is_input),
        (&one_line, &settings, not_a_journal),
        (&journal_copy, &settings, not_a_journal),
        (&one_line, &directory, "is a directory"),
    ];
    for (from, journal_file, reason) in cases {
        let before: Vec<Vec<u8>> = [from, journal_file]
            .iter()
            .map(|p| std::fs::read(p).unwrap_or_default())
            .collect();
        let run = unbind(&cloudbase_run(&uri, from, journal_file), &env).await;
        assert_eq!(run.code, 2, "{from:?} {journal_file:?}: {run:?}");
        assert!(
            run.stderr.starts_with("unbind: ")
                && run.stderr.contains(journal_file.to_str().unwrap())
                && run.stderr.ends_with(&format!(" {reason}\n"))
                && run.stderr.lines().count() == 1,
            "{run:?}"
        );
        assert_eq!(run.stdout, "");
        let after: Vec<Vec<u8>> = [from, journal_file]
            .iter()
            .map(|p| std::fs::read(p).unwrap_or_default())
            .collect();
        assert_eq!(
            before, after,
            "{from:?} {journal_file:?}: a file was changed"
        );
    }
    assert!(received(&server).await.is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn a_second_run_on_a_journal_in_use_exits_2_and_sends_nothing() {
    let slow = ok_server(Duration::from_millis(50)).await;
    let other = ok_server(Duration::ZERO).await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    let journal_file = dir.path().join("journal.jsonl");
    // 40 calls of 50 ms one at a time: 2 s for the second run to start while the first runs.
    let all = ids(40);
    write_input(&input, &all);
    let (slow_uri, other_uri) = (slow.uri(), other.uri());

    let mut first = tokio::process::Command::from(quiet_run(&args(
        &cloudbase_run(&slow_uri, &input, &journal_file),
        &["--concurrency", "1"],
    )))
    .spawn()
    .expect("the binary starts");
    wait_for_lines(&journal_file, 1, "the first run never journaled", || {}).await;

    let second = unbind(
        &cloudbase_run(&other_uri, &input, &journal_file),
        &CLOUDBASE_ENV,
    )
    .await;
    let first_status = first.wait().await.unwrap();
    assert_eq!(second.code, 2, "{second:?}");
    assert_eq!(
        second.stderr,
        format!(
            "unbind: journal {} is in use by another run\n",
            journal_file.display()
        )
    );
    assert!(received(&other).await.is_empty());
    assert_eq!(first_status.code(), Some(0));
    assert_eq!(received(&slow).await.len(), 40);
    let lines = journal(&journal_file);
    assert_eq!(lines.len(), 40, "one outcome per account");
}

#[tokio::test]
async fn a_line_the_single_account_check_refuses_exits_2_before_anything_is_sent() {
    let server = ok_server(Duration::ZERO).await;
    let uri = server.uri();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    let journal_file = dir.path().join("journal.jsonl");
    let long = "x".repeat(2000);
    let cases = [
        ("a/b", "contains a path separator"),
        (
            "..",
            "is a dot segment (`.` or `..`), which would address another resource",
        ),
        ("a\u{1}b", "contains a control character"),
        (long.as_str(), "is longer than 1024 bytes"),
    ];
    for (bad, reason) in cases {
        let mut lines = ids(3);
        lines.push(bad.to_owned());
        write_input(&input, &lines);
        let from = input.to_str().unwrap();
        let run = unbind(&cloudbase_run(&uri, &input, &journal_file), &CLOUDBASE_ENV).await;
        let start: String = format!("{run:?}").chars().take(300).collect();
        assert_eq!(run.code, 2, "{start}");
        assert!(
            run.stderr == format!("unbind: {from}: line 4 has a \"provider_id\" that {reason}\n"),
            "{start}"
        );
        assert!(!journal_file.exists(), "{bad:?}: the journal was opened");
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn a_token_echoed_back_escaped_reaches_neither_stderr_nor_the_journal() {
    // A token that JSON and Debug escape differently from its raw form.
    const TOKEN: &str = r#"tok-"q"\b-SECRET-77"#;
    let escaped = [
        r#"tok-\"q\"\\b-SECRET-77"#.to_owned(),
        r#"tok-\u0022q\u0022\u005cb-SECRET-77"#.to_owned(),
        format!("{TOKEN:?}"),
    ];
    let server = MockServer::start().await;
    // A proxy's page (not the provider's JSON) quoting the token in each escaped form.
    Mock::given(method("DELETE"))
        .and(path_regex("^/auth/v1/user/provider/"))
        .respond_with(ResponseTemplate::new(403).set_body_raw(
            format!(
                "denied: [\"{}\", \"{}\", {}]",
                escaped[0], escaped[1], escaped[2]
            ),
            "text/html",
        ))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let (from, journal_file) = (dir.path().join("in.jsonl"), dir.path().join("j.jsonl"));
    write_input(&from, &ids(3));
    let uri = server.uri();
    for json in [false, true] {
        let _ = std::fs::remove_file(&journal_file);
        let mut argv = cloudbase_run(&uri, &from, &journal_file);
        if json {
            argv.push("--json");
        }
        let run =
            crate::common::run(&argv, &[("CLOUDBASE_ACCESS_TOKEN", TOKEN)], &["SECRET"]).await;
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stderr.contains("[REDACTED]"), "{run:?}");
        let text = std::fs::read_to_string(&journal_file).unwrap();
        assert!(
            !text.contains("SECRET"),
            "the journal holds the token: {text}"
        );
        assert!(text.contains("[REDACTED]"), "{text}");
        assert_eq!(journal(&journal_file).len(), 3);
    }
}

#[tokio::test]
async fn a_list_that_cannot_be_read_twice_exits_2_and_nothing_is_sent() {
    // The list is read twice (checked, then sent): a pipe (`--from /dev/stdin`, `--from <(…)`)
    // would be empty the second time, and the run would report "0 accounts" and exit 0.
    use tokio::io::AsyncWriteExt as _;
    let server = ok_server(Duration::ZERO).await;
    let uri = server.uri();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_unbind"))
        .args(words(
            "cloudbase unbind --base-url {} --from /dev/stdin",
            &[&uri],
        ))
        .env_clear()
        .envs(CLOUDBASE_ENV)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().unwrap();
    // Written while the child reads; a child that refuses at once closes the pipe first.
    let _ = stdin.write_all(b"{\"provider_id\":\"github\"}\n").await;
    drop(stdin);
    let output = child.wait_with_output().await.unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "unbind: /dev/stdin is not a regular file: the list is read twice (checked, then \
         sent), which a pipe or a device cannot be; save it to a file first\n"
    );
    assert!(output.stdout.is_empty());
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn a_journal_of_another_target_exits_2_and_sends_nothing() {
    let (there, here) = (
        ok_server(Duration::ZERO).await,
        ok_server(Duration::ZERO).await,
    );
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("accounts.jsonl");
    let journal_file = dir.path().join("journal.jsonl");
    write_input(&input, &ids(2));
    let (there_uri, here_uri) = (there.uri(), here.uri());
    let first = unbind(
        &cloudbase_run(&there_uri, &input, &journal_file),
        &CLOUDBASE_ENV,
    )
    .await;
    assert_eq!(first.code, 0, "{first:?}");
    let before = std::fs::read(&journal_file).unwrap();

    let second = unbind(
        &cloudbase_run(&here_uri, &input, &journal_file),
        &CLOUDBASE_ENV,
    )
    .await;
    assert_eq!(second.code, 2, "{second:?}");
    assert_eq!(
        second.stderr,
        format!(
            "unbind: journal {} records runs against {there_uri}, not {here_uri}: use another \
             journal for this run\n",
            journal_file.display()
        )
    );
    assert!(received(&here).await.is_empty());
    assert_eq!(std::fs::read(&journal_file).unwrap(), before);
}
