//! The journal as a file: what is not a journal is refused and left byte-identical, a torn tail dropped only where a write can have left it, one run at a time, no line lost to a reader.

use super::*;

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
