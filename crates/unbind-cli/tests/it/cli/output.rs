//! What the terminal is shown: no control or text-direction character from a provider, help with an example, retries on stderr without secrets, a result that cannot be written.

use super::*;

/// Whether `text` holds a control character other than the line break that ends each line:
/// ESC, DEL or a C1 control such as U+009B (an 8-bit CSI, which UTF-8 terminals such as
/// xterm act on).
fn has_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

#[tokio::test]
async fn a_providers_control_characters_reach_the_terminal_in_no_output_form() {
    let server = MockServer::start().await;
    // Each string a terminal would act on: ESC, an 8-bit CSI, DEL, NEL.
    let clients = json!([
        {"clientId": "c1\u{9b}2J", "platform": "\u{1b}[2Jx", "clientName": "a\u{7f}b", "customerId": "u\u{85}1"}
    ]);
    let next = json!({"cursor": "\u{9b}31m"});
    answer(
        &server,
        route::MANTA_CLIENTS,
        200,
        json!({"success": true, "message": "ok", "clientList": {"list": clients, "next": next}}),
    )
    .await;
    oneaccess_signing(&server, PUBLIC_KEY, &SERVER_TIME.to_string()).await;
    let refused = json!({"error_code": "E\u{9b}31m\u{7f}", "error_msg": "no"});
    for route in [route::ONEACCESS_SOCIAL, route::ONEACCESS_UNBIND] {
        answer(&server, route, 400, refused.clone()).await;
    }
    // A bulk run prints each failure on stderr.
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("accounts.jsonl");
    std::fs::write(&from, "{\"id\":\"a1\"}\n").unwrap();
    let from = from.display().to_string();
    let uri = server.uri();
    let manta = words("manta list --base-url {} --bot-id bot-1", &[&uri]);
    let oneaccess = args(&["oneaccess", "list", "--base-url", &uri], &DEVICE_FLAGS);
    let bulk = args(
        &args(&["oneaccess", "unbind", "--base-url", &uri], &DEVICE_FLAGS),
        &["--from", &from],
    );
    let one_env = [("ONEACCESS_SESSION_TOKEN", SECRET)];
    for (line, env, code) in [
        (&manta, &MANTA_ENV[..], 0),
        (&oneaccess, &one_env[..], 1),
        (&bulk, &one_env[..], 1),
    ] {
        for run in in_both_forms(line, env).await {
            assert_eq!(run.code, code, "{run:?}");
            assert!(
                !has_control(&run.stdout) && !has_control(&run.stderr),
                "{run:?}"
            );
        }
    }
    // Escaped, not dropped: the JSON still says what the provider sent.
    let json = unbind(&args(&manta, &["--json"]), &MANTA_ENV).await;
    assert_eq!(json.stdout_json(), clients);
    assert_eq!(json.stderr_json(), json!({ "next": next }));
    let json = unbind(&args(&oneaccess, &["--json"]), &one_env).await;
    assert_eq!(json.stderr_json()["error"]["code"], "E\u{9b}31m\u{7f}");
}

#[tokio::test]
async fn every_command_has_help_with_an_example() {
    let commands: [&[&str]; 13] = [
        &[],
        &["manta"],
        &["manta", "list"],
        &["manta", "bind"],
        &["manta", "unbind"],
        &["oneaccess"],
        &["oneaccess", "list"],
        &["oneaccess", "bind"],
        &["oneaccess", "unbind"],
        &["cloudbase"],
        &["cloudbase", "list"],
        &["cloudbase", "bind"],
        &["cloudbase", "unbind"],
    ];
    for command in commands {
        let run = unbind(&args(command, &["--help"]), &[]).await;
        assert_eq!(run.code, 0, "{command:?}: {run:?}");
        assert!(run.stdout.contains("Example"), "{command:?}: {run:?}");
        let example = run.stdout.rsplit("Example").next().unwrap();
        assert!(example.contains("unbind "), "{command:?}: {example}");
    }
}

#[tokio::test]
async fn rust_log_shows_each_retry_on_stderr_without_secrets() {
    // Two 503s, then the unbind goes through: a fresh server for each run.
    async fn flaky() -> MockServer {
        let server = MockServer::start().await;
        // The 503 echoes the token back, JSON-escaped inside a JSON string.
        let echo = json!({"error": "unavailable", "error_description": format!("bearer \"{SECRET}\" refused")});
        Mock::given(method("DELETE"))
            .and(path("/auth/v1/user/provider/github"))
            .respond_with(ResponseTemplate::new(503).set_body_json(echo))
            .up_to_n_times(2)
            .mount(&server)
            .await;
        github_unbinds(&server).await;
        server
    }
    async fn run(log: Option<&str>) -> Run {
        let server = flaky().await;
        let uri = server.uri();
        let argv = cloudbase_unbind(&uri, "github");
        let mut env = CLOUDBASE_ENV.to_vec();
        env.extend(log.map(|filter| ("RUST_LOG", filter)));
        let run = unbind(&argv, &env).await;
        assert_eq!(received(&server).await.len(), 3, "{run:?}");
        run
    }
    let quiet = run(None).await;
    assert_eq!(quiet.code, 0, "{quiet:?}");
    assert_eq!(quiet.stderr, "", "no log without RUST_LOG");

    let logged = run(Some("unbind=debug")).await;
    assert_eq!(logged.code, 0, "{logged:?}");
    let retries: Vec<&str> = logged
        .stderr
        .lines()
        .filter(|l| l.contains("retrying"))
        .collect();
    assert_eq!(retries.len(), 2, "{logged:?}");
    assert!(retries[0].contains("retry=1") && retries[1].contains("retry=2"));
    assert!(
        retries[0].contains("operation=\"unbind_provider\""),
        "{retries:?}"
    );
    assert!(retries[0].contains("[REDACTED]"), "{retries:?}");

    let bad = unbind(
        &["cloudbase", "list", "--base-url", "http://127.0.0.1:9"],
        &[("CLOUDBASE_ACCESS_TOKEN", SECRET), ("RUST_LOG", "=[")],
    )
    .await;
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(
        bad.stderr.contains("RUST_LOG is not a log filter"),
        "{bad:?}"
    );
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_result_that_cannot_be_written_fails_the_command() {
    let server = MockServer::start().await;
    github_unbinds(&server).await;
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_unbind"))
        .args(cloudbase_unbind(&server.uri(), "github"))
        .env_clear()
        .env("CLOUDBASE_ACCESS_TOKEN", SECRET)
        .stdout(full)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
        .wait_with_output()
        .await
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("could not write the result to standard output"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET));
}

/// Text-direction characters from a provider (U+202E RIGHT-TO-LEFT OVERRIDE and kin, which
/// make a terminal show text in another order than it is) are escaped like control characters,
/// in text and `--json` output alike; the JSON still holds the same string.
#[tokio::test]
async fn a_providers_text_direction_characters_are_escaped_in_every_output_form() {
    let server = MockServer::start().await;
    let clients = json!([
        {"clientId": "c1", "platform": "wechat", "clientName": "invoice\u{202e}fdp.exe", "customerId": "u\u{2066}1"}
    ]);
    answer(
        &server,
        route::MANTA_CLIENTS,
        200,
        json!({"success": true, "message": "ok", "clientList": {"list": clients}}),
    )
    .await;
    // And in a provider's error message.
    oneaccess_signing(&server, PUBLIC_KEY, &SERVER_TIME.to_string()).await;
    let refused = json!({"error_code": "E1", "error_msg": "account\u{202e}txt.exe not found"});
    answer(&server, route::ONEACCESS_SOCIAL, 400, refused).await;
    let uri = server.uri();
    let manta = words("manta list --base-url {} --bot-id bot-1", &[&uri]);
    let oneaccess = args(&["oneaccess", "list", "--base-url", &uri], &DEVICE_FLAGS);
    let one_env = [("ONEACCESS_SESSION_TOKEN", SECRET)];
    let bidi = |text: &str| {
        text.chars()
            .any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    };
    for (line, env, code) in [(&manta, &MANTA_ENV[..], 0), (&oneaccess, &one_env[..], 1)] {
        for run in in_both_forms(line, env).await {
            assert_eq!(run.code, code, "{run:?}");
            assert!(!bidi(&run.stdout) && !bidi(&run.stderr), "{run:?}");
        }
    }
    let json = unbind(&args(&manta, &["--json"]), &MANTA_ENV).await;
    assert_eq!(json.stdout_json(), clients);
    let text = unbind(&manta, &MANTA_ENV).await;
    assert!(text.stdout.contains(r"invoice\u{202e}fdp.exe"), "{text:?}");
}
