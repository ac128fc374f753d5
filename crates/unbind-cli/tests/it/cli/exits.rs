//! Exit codes and what each failure prints: refusals, nothing bound, missing credentials, bad input, usage, transport, timeouts.

use super::*;

#[tokio::test]
async fn a_provider_refusal_exits_1_with_the_providers_code() {
    let server = serving(
        route::CLOUDBASE_UNBIND_GITHUB,
        401,
        json!({"error": "unauthorized", "error_code": 4003,
               "error_description": "User not logged in or access_token invalid"}),
    )
    .await;
    // A proxy that echoes the request, credentials and all, into its error page.
    Mock::given(method("GET"))
        .and(path("/auth/v1/user/provider"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_string(format!("denied: Authorization: Bearer {SECRET}")),
        )
        .mount(&server)
        .await;
    let env = CLOUDBASE_ENV;
    let uri = server.uri();
    let base = cloudbase_unbind(&uri, "github");

    let text = unbind(&base, &env).await;
    assert_eq!(text.code, 1, "{text:?}");
    assert_eq!(text.stdout, "");
    assert_eq!(
        text.stderr,
        "unbind: CloudBase refused the request: HTTP 401: unauthorized: 4003: User not logged in or access_token invalid\n"
    );

    let json = unbind(&args(&base, &["--json"]), &env).await;
    assert_eq!(json.code, 1, "{json:?}");
    assert_eq!(json.stdout, "");
    let error = &json.stderr_json()["error"];
    assert_eq!(error["kind"], "provider");
    assert_eq!(error["provider"], "cloudbase");
    assert_eq!(error["status"], 401);
    assert_eq!(error["code"], "4003");
    assert!(error["message"].as_str().unwrap().contains("unauthorized"));

    let echoed = unbind(&["cloudbase", "list", "--base-url", &uri], &env).await;
    assert_eq!(echoed.code, 1, "{echoed:?}");
    assert!(
        echoed.stderr.contains("HTTP 401") && echoed.stderr.contains("Bearer [REDACTED]"),
        "{echoed:?}"
    );
}

#[tokio::test]
async fn unbinding_what_is_not_bound_exits_0_and_says_so() {
    let server = serving(route::CLOUDBASE_UNBIND_GITHUB, 404, cloudbase_not_found()).await;
    let env = CLOUDBASE_ENV;
    let uri = server.uri();
    let base = cloudbase_unbind(&uri, "github");
    let text = unbind(&base, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.stdout,
        "CloudBase: unbound identity source github (it was not bound: nothing to do)\n"
    );
    let json = unbind(&args(&base, &["--json"]), &env).await;
    assert_eq!(json.code, 0, "{json:?}");
    assert!(
        json.stdout.contains(r#""outcome":"already_unbound""#),
        "{json:?}"
    );
}

/// A command of each provider that reads a credential from the environment, against `uri`:
/// MantaGo's list, OneAccess's list and bind, CloudBase's list and bind.
fn credential_commands(uri: &str) -> [Vec<&str>; 5] {
    [
        vec!["manta", "list", "--base-url", uri, "--bot-id", "bot-1"],
        args(&["oneaccess", "list", "--base-url", uri], &DEVICE_FLAGS),
        args(
            &["oneaccess", "bind", "--base-url", uri],
            &args(&DEVICE_FLAGS, &["--mobile", "1", "--verify-code", "2"]),
        ),
        vec!["cloudbase", "list", "--base-url", uri],
        vec!["cloudbase", "bind", "--base-url", uri],
    ]
}

#[tokio::test]
async fn a_missing_or_empty_credential_exits_2_naming_it_and_sends_nothing() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let [manta, oneaccess, oneaccess_bind, _, cloudbase_bind] = credential_commands(&uri);
    let cases: [(&[&str], Vars<'_>, &str); 6] = [
        (
            &manta,
            &[("MANTA_TOKEN", SECRET)],
            "MANTA_SECRET is not set",
        ),
        (
            &manta,
            &[("MANTA_SECRET", MANTA_SECRET), ("MANTA_TOKEN", "")],
            "MANTA_TOKEN is empty",
        ),
        (&oneaccess, &[], "ONEACCESS_SESSION_TOKEN is not set"),
        (
            &oneaccess_bind,
            &[("ONEACCESS_SESSION_TOKEN", SECRET)],
            "ONEACCESS_STATE_TOKEN is not set",
        ),
        (
            &cloudbase_bind,
            &[("CLOUDBASE_PROVIDER_TOKEN", PROVIDER_TOKEN)],
            "CLOUDBASE_ACCESS_TOKEN is not set",
        ),
        (
            &cloudbase_bind,
            &[
                ("CLOUDBASE_ACCESS_TOKEN", SECRET),
                ("CLOUDBASE_PROVIDER_TOKEN", " "),
            ],
            "CLOUDBASE_PROVIDER_TOKEN is empty",
        ),
    ];
    for (command, env, expected) in cases {
        let run = unbind(command, env).await;
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr.starts_with(&format!("unbind: {expected}")),
            "{expected}: {run:?}"
        );
        assert_eq!(run.stdout, "");
    }
    let json = unbind(&args(&manta, &["--json"]), &[]).await;
    assert_eq!(json.code, 2, "{json:?}");
    let error = &json.stderr_json()["error"];
    assert_eq!(error["kind"], "invalid_input");
    assert_eq!(error["provider"], "manta");
    assert!(error["message"].as_str().unwrap().contains("MANTA_SECRET"));
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn bad_input_exits_2_before_anything_is_sent() {
    let server = MockServer::start().await;
    let env = CLOUDBASE_ENV;
    let uri = server.uri();
    for bad in ["..", "a/b"] {
        let run = unbind(&cloudbase_unbind(&uri, bad), &env).await;
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr
                .starts_with("unbind: invalid input: provider_id "),
            "{run:?}"
        );
    }
    let json = unbind(&args(&cloudbase_unbind(&uri, ".."), &["--json"]), &env).await;
    assert_eq!(json.code, 2, "{json:?}");
    assert_eq!(json.stderr_json()["error"]["kind"], "invalid_input");
    let device = unbind(
        &words("cloudbase list --base-url {} --device-id short", &[&uri]),
        &env,
    )
    .await;
    assert_eq!(device.code, 2, "{device:?}");
    assert!(device.stderr.contains("x-device-id"), "{device:?}");
    assert!(received(&server).await.is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn usage_errors_exit_2() {
    let env = [
        ("MANTA_SECRET", MANTA_SECRET),
        ("MANTA_TOKEN", SECRET),
        ("ONEACCESS_SESSION_TOKEN", SECRET),
        ("CLOUDBASE_ACCESS_TOKEN", SECRET),
    ];
    let oneaccess = args(&["oneaccess", "list"], &DEVICE_FLAGS);
    let cases: [(&[&str], &str); 6] = [
        (&["manta", "list"], "--bot-id"),
        (
            &["manta", "list", "--bot-id", "b", "--limit", "0"],
            "--limit",
        ),
        (
            &["manta", "list", "--bot-id", "b", "--secret", "x"],
            "--secret",
        ),
        (&["cloudbase", "frobnicate"], "frobnicate"),
        (&["cloudbase", "list"], "--env"),
        (&oneaccess, "--base-url"),
    ];
    for (command, mentions) in cases {
        let run = unbind(command, &env).await;
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains(mentions), "{mentions}: {run:?}");
        assert_eq!(run.stdout, "");
    }
    let json = unbind(&["--json", "manta", "list"], &env).await;
    assert_eq!(json.code, 2, "{json:?}");
    assert_eq!(json.stderr_json()["error"]["kind"], "usage");
}

#[tokio::test]
async fn a_transport_failure_exits_3() {
    let refused = RefusedPort::new();
    let env = CLOUDBASE_ENV;
    let base = cloudbase_unbind(refused.url(), "github");

    // One retry, then the failure (the default of three waits 1.4 s and more).
    let text = unbind(&args(&base, &["--retries", "1"]), &env).await;
    assert_eq!(text.code, 3, "{text:?}");
    assert!(
        text.stderr
            .starts_with("unbind: CloudBase: transport failure: "),
        "{text:?}"
    );
    let json = unbind(&args(&base, &["--json", "--retries", "0"]), &env).await;
    assert_eq!(json.code, 3, "{json:?}");
    let error = &json.stderr_json()["error"];
    assert_eq!(
        (error["kind"].as_str(), error["provider"].as_str()),
        (Some("transport"), Some("cloudbase"))
    );
}

#[tokio::test]
async fn a_provider_that_never_answers_is_given_up_at_the_timeout_saying_how() {
    let server = SilentServer::start().await;
    let base = cloudbase_unbind(server.url(), "github");
    // With one retry, each attempt waits at most half of the second; the retry starts after
    // the backoff (at most 0.4 s) and is cut at the end of the second.
    let flags = ["--timeout", "1s", "--retries", "1"];
    let text = unbind(&args(&base, &flags), &CLOUDBASE_ENV).await;
    assert_eq!(text.code, 3, "{text:?}");
    assert_eq!(server.accepted(), 2, "{text:?}");
    let expected = format!(
        "unbind: CloudBase: no answer from {} after 2 attempts (0.5 s each; ",
        server.url()
    );
    assert!(text.stderr.starts_with(&expected), "{text:?}");
    assert!(text.stderr.ends_with(" s in all)\n"), "{text:?}");
    assert_eq!(text.stdout, "");

    let json = unbind(&args(&base, &args(&flags, &["--json"])), &CLOUDBASE_ENV).await;
    assert_eq!(json.code, 3, "{json:?}");
    assert_eq!(server.accepted(), 4, "{json:?}");
    let error = &json.stderr_json()["error"];
    assert_eq!(
        (error["kind"].as_str(), error["provider"].as_str()),
        (Some("timeout"), Some("cloudbase"))
    );
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with(&expected["unbind: ".len()..]),
        "{json:?}"
    );
}

#[tokio::test]
async fn timeout_takes_a_positive_duration_or_exits_2() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let base = cloudbase_unbind(&uri, "github");
    for bad in [
        "0", "0s", "0.0001ms", "-1s", "soon", "1x", "1 s", "", "1e3", "inf",
    ] {
        let flag = format!("--timeout={bad}");
        let run = unbind(&args(&base, &[&flag]), &CLOUDBASE_ENV).await;
        assert_eq!(run.code, 2, "--timeout {bad:?}: {run:?}");
        assert!(run.stderr.contains("--timeout"), "{bad:?}: {run:?}");
    }
    let json = unbind(
        &args(&base, &["--json", "--timeout", "never"]),
        &CLOUDBASE_ENV,
    )
    .await;
    assert_eq!(json.code, 2, "{json:?}");
    assert_eq!(json.stderr_json()["error"]["kind"], "usage");
    assert!(received(&server).await.is_empty(), "nothing may be sent");
    github_unbinds(&server).await;
    for good in ["20s", "20", "1.5s", "500ms", "2m"] {
        let run = unbind(&args(&base, &["--timeout", good]), &CLOUDBASE_ENV).await;
        assert_eq!(run.code, 0, "--timeout {good:?}: {run:?}");
    }
}

#[tokio::test]
async fn a_credential_with_a_line_break_is_refused_naming_its_variable() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let [manta, oneaccess, oneaccess_bind, cloudbase, cloudbase_bind] = credential_commands(&uri);
    // What a token read from a file with Windows line endings, or pasted with a header, holds.
    const BROKEN: &str = "tok-BROKEN-1\r\nX-Injected: 1";
    let cases: [(&[&str], Vars<'_>, &str); 6] = [
        (
            &manta,
            &[("MANTA_SECRET", MANTA_SECRET), ("MANTA_TOKEN", BROKEN)],
            "MANTA_TOKEN",
        ),
        (
            &manta,
            &[("MANTA_SECRET", BROKEN), ("MANTA_TOKEN", SECRET)],
            "MANTA_SECRET",
        ),
        (
            &oneaccess,
            &[("ONEACCESS_SESSION_TOKEN", BROKEN)],
            "ONEACCESS_SESSION_TOKEN",
        ),
        (
            &oneaccess_bind,
            &[("ONEACCESS_STATE_TOKEN", BROKEN)],
            "ONEACCESS_STATE_TOKEN",
        ),
        (
            &cloudbase,
            &[("CLOUDBASE_ACCESS_TOKEN", BROKEN)],
            "CLOUDBASE_ACCESS_TOKEN",
        ),
        (
            &cloudbase_bind,
            &[
                ("CLOUDBASE_ACCESS_TOKEN", SECRET),
                ("CLOUDBASE_PROVIDER_TOKEN", BROKEN),
            ],
            "CLOUDBASE_PROVIDER_TOKEN",
        ),
    ];
    for (command, env, var) in cases {
        let [text, json] = in_both_forms(command, env).await;
        for run in [&text, &json] {
            assert_eq!(run.code, 2, "{var}: {run:?}");
            assert_eq!(run.stdout, "", "{var}: {run:?}");
            assert!(!run.stderr.contains("BROKEN"), "{var}: {run:?}");
            assert!(!run.stderr.contains("Injected"), "{var}: {run:?}");
        }
        let expected = format!("{var} contains CR or LF");
        assert!(
            text.stderr.starts_with(&format!("unbind: {expected} (")),
            "{var}: {text:?}"
        );
        let error = &json.stderr_json()["error"];
        assert_eq!(error["kind"], "invalid_input", "{var}: {json:?}");
        assert!(
            error["message"].as_str().unwrap().starts_with(&expected),
            "{var}: {json:?}"
        );
    }
    assert!(received(&server).await.is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn retries_sets_how_often_a_failed_call_is_tried_again() {
    let server = serving(
        route::CLOUDBASE_UNBIND_GITHUB,
        503,
        json!({"error": "unavailable"}),
    )
    .await;
    let uri = server.uri();
    let base = cloudbase_unbind(&uri, "github");
    let mut sent = 0;
    for (retries, calls) in [("0", 1), ("2", 3)] {
        let run = unbind(&args(&base, &["--retries", retries]), &CLOUDBASE_ENV).await;
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stderr.contains("503"), "{run:?}");
        sent += calls;
        assert_eq!(received(&server).await.len(), sent, "--retries {retries}");
    }
    let bad = unbind(&args(&base, &["--retries", "many"]), &CLOUDBASE_ENV).await;
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("--retries"), "{bad:?}");
    assert_eq!(received(&server).await.len(), sent, "nothing sent");
}

#[tokio::test]
async fn a_base_url_with_user_info_or_a_line_break_exits_2() {
    let server = MockServer::start().await;
    let address = server.address().to_string();
    for base in [
        format!("http://user:pw@{address}"),
        format!("http://{address}\r\n"),
        format!("http://{address}/x\ny"),
    ] {
        let run = unbind(&cloudbase_unbind(&base, "github"), &CLOUDBASE_ENV).await;
        assert_eq!(run.code, 2, "{base:?}: {run:?}");
        assert!(run.stderr.contains("base_url"), "{run:?}");
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn an_oversize_id_exits_2_without_echoing_it() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let huge = "x".repeat(100_000);
    let oneaccess = args(
        &args(&["oneaccess", "unbind", "--base-url", &uri], &DEVICE_FLAGS),
        &["--id", &huge],
    );
    /// The command, its credentials, and the field the error names.
    type Case<'a> = (Vec<&'a str>, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case<'_>; 3] = [
        (
            cloudbase_unbind(&uri, &huge).to_vec(),
            &CLOUDBASE_ENV,
            "provider_id",
        ),
        (
            words(
                "manta unbind --base-url {} --bot-id bot-1 --client-id c-9 --customer-id {}",
                &[&uri, &huge],
            ),
            &MANTA_ENV,
            "customerId",
        ),
        (oneaccess, &[("ONEACCESS_SESSION_TOKEN", SECRET)], "id"),
    ];
    for (command, env, field) in cases {
        let run = unbind(&command, env).await;
        // On failure, show only the start of stderr: it may hold the whole id.
        let start: String = run.stderr.chars().take(200).collect();
        assert_eq!(run.code, 2, "{field}: {start}");
        assert!(
            run.stderr == format!("unbind: invalid input: {field} is longer than 1024 bytes\n"),
            "{field}: {} bytes: {start}",
            run.stderr.len()
        );
        let json = unbind(&args(&["--json"], &command), env).await;
        assert_eq!(json.code, 2, "{field}");
        assert!(
            json.stderr.len() < 300,
            "{} bytes on stderr",
            json.stderr.len()
        );
        assert_eq!(json.stderr_json()["error"]["kind"], "invalid_input");
    }
    assert!(received(&server).await.is_empty(), "nothing may be sent");
}
