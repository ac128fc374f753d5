//! The `unbind` binary as a user runs it: a real process, real HTTP to a loopback server.
//!
//! Every run goes through [`unbind`], which clears the environment, sets only the variables the
//! test names, and checks that no credential shows in stdout or stderr.

use crate::common::{
    CLOUDBASE_ENV, DEVICE_FLAGS, MANTA_ENV, MANTA_SECRET, Run, SECRET, args, cloudbase_unbind,
    words,
};
use serde_json::{Value, json};
use unbind::auth::oneaccess::Mgf1Hash;
use unbind_test_fixtures::keys::PUBLIC_KEY_PEM as PUBLIC_KEY;
use unbind_test_fixtures::mock::{
    answer, answer_with, cloudbase_not_found, header, manta_ok, oneaccess_signing, received, route,
    serving,
};
use unbind_test_fixtures::{RefusedPort, SilentServer, decrypt_signature};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The OneAccess state token.
const STATE_TOKEN: &str = "state-SECRET-789";
/// The CloudBase provider token.
const PROVIDER_TOKEN: &str = "provider-SECRET-000";
// Lists of test values, one per line as rustfmt lays them out.
/// What providers issue during a run: a new MantaGo token and secret, a OneAccess session.
const ISSUED: [&str; 4] = [
    "jwt-NEW-SECRET",
    "secret-NEW-SECRET",
    "sess-NEW-SECRET",
    "id-NEW-SECRET",
];

const SERVER_TIME: u64 = 1_700_000_000_123;

/// Runs `unbind args…` with only `env` set, and checks that no credential was printed.
async fn unbind(args: &[&str], env: &[(&str, &str)]) -> Run {
    let secrets: Vec<&str> = [SECRET, MANTA_SECRET, STATE_TOKEN, PROVIDER_TOKEN]
        .into_iter()
        .chain(ISSUED)
        .collect();
    crate::common::run(args, env, &secrets).await
}

/// Environment variables for one run.
type Vars<'a> = &'a [(&'a str, &'a str)];

/// Mounts CloudBase's answer to unbinding `github`: 200, `{}`.
async fn github_unbinds(server: &MockServer) {
    answer(server, route::CLOUDBASE_UNBIND_GITHUB, 200, json!({})).await;
}

fn body(request: &Request) -> Value {
    serde_json::from_slice(&request.body).expect("a JSON body")
}

fn query(request: &Request) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = request.url.query_pairs().into_owned().collect();
    pairs.sort();
    pairs
}

// As the recorder's tests' `pairs`: the two test crates share no module.
fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// MantaGo

#[tokio::test]
async fn manta_list_prints_one_line_per_client_or_a_json_array() {
    let server = MockServer::start().await;
    let clients = json!([
        {"clientId": "c1", "platform": "line", "customerId": "u1", "clientName": "Alice A"},
        {"clientId": "c2", "platform": "whatsapp"}
    ]);
    answer(
        &server,
        route::MANTA_CLIENTS,
        200,
        json!({"success": true, "message": "ok", "clientList": {"list": clients, "next": "abc"}}),
    )
    .await;
    // Each command's test runs its own command line with its credentials and checks its own output.
    let env = MANTA_ENV;
    let uri = server.uri();
    let base = words(
        "manta list --base-url {} --bot-id bot-1 --customer-id u1 --limit 50",
        &[&uri],
    );

    let text = unbind(&base, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.lines(),
        [
            "c1  platform=line  customer=u1  name=\"Alice A\"",
            "c2  platform=whatsapp"
        ]
    );
    assert_eq!(
        text.stderr,
        "unbind: more results: repeat with --next abc\n"
    );

    let json = unbind(&args(&base, &["--json"]), &env).await;
    assert_eq!(json.code, 0, "{json:?}");
    assert_eq!(json.stdout_json(), clients);
    assert_eq!(json.stderr_json(), json!({"next": "abc"}));

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), "/openapi/clients");
        assert_eq!(
            query(request),
            pairs(&[("botId", "bot-1"), ("customerId", "u1"), ("limit", "50")])
        );
        assert_eq!(
            header(request, "authorization"),
            Some(format!("Bearer {SECRET}").as_str())
        );
        assert_eq!(body(request), json!({"secret": MANTA_SECRET}));
    }
}

#[tokio::test]
async fn manta_unbind_posts_the_customer_and_confirms() {
    let server = serving(route::MANTA_UNBIND, 200, manta_ok()).await;
    let env = MANTA_ENV;
    let uri = server.uri();
    let base = words(
        "manta unbind --bot-id bot-1 --client-id c-9 --customer-id u-42 --base-url {}",
        &[&uri],
    );

    let text = unbind(&base, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.stdout,
        "MantaGo: unbound customer u-42 from client c-9 (bot bot-1)\n"
    );
    assert_eq!(text.stderr, "");

    let json = unbind(&args(&["--json"], &base), &env).await;
    assert_eq!(json.code, 0, "{json:?}");
    assert_eq!(
        json.stdout_json(),
        json!({"ok": true, "provider": "manta", "action": "unbind", "bot_id": "bot-1",
               "client_id": "c-9", "customer_id": "u-42", "outcome": "unbound"})
    );

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), "/openapi/unbind/customer");
        assert_eq!(query(request), pairs(&[("botId", "bot-1")]));
        assert_eq!(
            header(request, "authorization"),
            Some(format!("Bearer {SECRET}").as_str())
        );
        assert_eq!(
            body(request),
            json!({"secret": MANTA_SECRET, "clientId": "c-9", "customerId": "u-42"})
        );
    }
}

#[tokio::test]
async fn manta_takes_the_token_on_every_call_and_refresh_saves_the_new_pair() {
    let server = serving(
        route::MANTA_TOKEN,
        200,
        json!({"success": true, "message": "ok", "apiToken": ISSUED[0], "apiSecret": ISSUED[1]}),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.env");
    let file_arg = file.to_str().expect("a UTF-8 temp path");
    let uri = server.uri();

    // No secret-only login: without MANTA_TOKEN nothing is sent, for any action.
    for action in [
        vec!["bind", "--client-id", "c-9", "--customer-id", "u-42"],
        vec!["refresh", "--save-credentials", file_arg],
    ] {
        let mut argv = vec!["manta", action[0], "--base-url", &uri, "--bot-id", "bot-1"];
        argv.extend(&action[1..]);
        let refused = unbind(&argv, &[("MANTA_SECRET", MANTA_SECRET)]).await;
        assert_eq!(refused.code, 2, "{refused:?}");
        assert!(
            refused.stderr.contains("MANTA_TOKEN is not set"),
            "{refused:?}"
        );
    }
    assert!(received(&server).await.is_empty());
    assert!(!file.exists());

    let env = MANTA_ENV;
    let refresh = words(
        "manta refresh --base-url {} --bot-id bot-1 --save-credentials {}",
        &[&uri, file_arg],
    );
    let run = unbind(&refresh, &env).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        format!("MantaGo: new token and secret for bot bot-1 saved to {file_arg}\n")
    );
    let saved = std::fs::read_to_string(&file).expect("the credentials file");
    assert_eq!(
        saved,
        format!(
            "MANTA_TOKEN='{}'\nMANTA_SECRET='{}'\n",
            ISSUED[0], ISSUED[1]
        )
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The token call carries the current pair: the bearer and the secret.
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        header(&requests[0], "authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    assert_eq!(body(&requests[0]), json!({"secret": MANTA_SECRET}));

    // An existing file is never overwritten, and nothing is sent.
    let again = unbind(&refresh, &env).await;
    assert_eq!(again.code, 2, "{again:?}");
    assert!(again.stderr.contains("--save-credentials"), "{again:?}");
    assert_eq!(received(&server).await.len(), 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved);
}

#[tokio::test]
async fn a_rotated_pair_that_fails_a_local_check_is_saved_all_the_same() {
    // MantaGo has rotated (the old pair is retired) but answers a token no header can carry:
    // the new pair must still reach the file, and the command fails.
    const BAD_TOKEN: &str = "jwt-ISSUED-BAD\nsecond-line";
    let server = serving(
        route::MANTA_TOKEN,
        200,
        json!({"success": true, "message": "ok", "apiToken": BAD_TOKEN, "apiSecret": ISSUED[1]}),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.env");
    let uri = server.uri();
    let run = unbind(
        &words(
            "manta refresh --base-url {} --bot-id bot-1 --save-credentials {}",
            &[&uri, file.to_str().unwrap()],
        ),
        &MANTA_ENV,
    )
    .await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("saved to"), "{run:?}");
    assert!(!run.stderr.contains("jwt-ISSUED-BAD"), "{run:?}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("the pair is kept"),
        format!("MANTA_TOKEN='{BAD_TOKEN}'\nMANTA_SECRET='{}'\n", ISSUED[1])
    );
}

// ---------------------------------------------------------------------------------------------
// OneAccess

async fn oneaccess_server() -> MockServer {
    let server = MockServer::start().await;
    oneaccess_signing(&server, PUBLIC_KEY, &SERVER_TIME.to_string()).await;
    server
}

/// Decrypts an `X-signature` with the test key and checks it: the session token, a timestamp
/// at the server's time (in `unit_ms` units, the run took less than a minute), and the nonce
/// made from it by `nonce`.
fn check_signature(request: &Request, sha1: bool, unit_ms: u64, nonce: fn(u64) -> String) {
    let signature = header(request, "x-signature").expect("X-signature");
    let mgf1 = if sha1 {
        Mgf1Hash::Sha1
    } else {
        Mgf1Hash::Sha256
    };
    let plaintext = decrypt_signature(signature, mgf1).unwrap();
    let rest = plaintext
        .strip_prefix(&format!("session_token={SECRET}&timestamp="))
        .unwrap_or_else(|| panic!("{plaintext}"));
    let (timestamp, got_nonce) = rest.split_once("&nonce=").unwrap();
    let timestamp: u64 = timestamp.parse().unwrap();
    let earliest = SERVER_TIME / unit_ms;
    assert!(
        (earliest..earliest + 60_000 / unit_ms).contains(&timestamp),
        "{plaintext}"
    );
    assert_eq!(got_nonce, nonce(timestamp), "{plaintext}");
}

#[tokio::test]
async fn oneaccess_list_and_unbind_are_signed_as_the_flags_say() {
    let server = oneaccess_server().await;
    let accounts = json!([
        {"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4", "userId": "u1", "socialType": "weixin",
         "social_uid": "wx-1", "socialNickname": "Ann", "createdAt": "2024-01-01 10:00:00"}
    ]);
    answer(
        &server,
        route::ONEACCESS_SOCIAL,
        200,
        json!({"social": accounts}),
    )
    .await;
    answer_with(&server, route::ONEACCESS_UNBIND, ResponseTemplate::new(200)).await;
    let env = [("ONEACCESS_SESSION_TOKEN", SECRET)];
    let uri = server.uri();
    let list = args(&["oneaccess", "list", "--base-url", &uri], &DEVICE_FLAGS);

    let text = unbind(&list, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.lines(),
        [
            "001GKgGa15HGZA0aOxIa1bFktp1GKgG4  type=weixin  nickname=Ann  uid=wx-1  created=\"2024-01-01 10:00:00\""
        ]
    );
    let json = unbind(&args(&list, &["--json"]), &env).await;
    assert_eq!(json.code, 0, "{json:?}");
    assert_eq!(json.stdout_json(), accounts);

    let unbind_args = args(
        &args(&["oneaccess", "unbind", "--base-url", &uri], &DEVICE_FLAGS),
        &words(
            "--id 001GKgGa15HGZA0aOxIa1bFktp1GKgG4 --mgf1 sha1 --nonce timestamp-hex-upper --timestamp-unit s",
            &[],
        ),
    );
    let text = unbind(&unbind_args, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.stdout,
        "OneAccess: unbound social account 001GKgGa15HGZA0aOxIa1bFktp1GKgG4\n"
    );
    let json = unbind(&args(&unbind_args, &["--json"]), &env).await;
    assert_eq!(
        json.stdout_json(),
        json!({"ok": true, "provider": "oneaccess", "action": "unbind",
               "id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4", "outcome": "unbound"})
    );

    let requests = received(&server).await;
    let signed: Vec<_> = requests
        .iter()
        .filter(|r| header(r, "x-signature").is_some())
        .collect();
    assert_eq!(signed.len(), 4, "two lists and two unbinds are signed");
    for request in &requests {
        for (name, value) in [
            // The headers each request must carry, with this test's values (the facade's tests
            // check theirs).
            ("x-operating-sys-version", "Android 10"),
            ("x-device-fingerprint", "156aysdna213sac"),
            ("x-agent", "Mozilla/5.0 (Linux; Android 10)"),
            ("x-client-id", "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"),
            ("x-l", "zh-CN"),
        ] {
            assert_eq!(header(request, name), Some(value), "{name}");
        }
        assert_eq!(header(request, "x-tenant-id"), None);
    }
    for list in &signed[..2] {
        assert_eq!(
            (list.method.as_str(), list.url.path()),
            ("GET", "/api/v2/sdk/social")
        );
        check_signature(list, false, 1, |t| format!("{t:x}"));
    }
    for unbind in &signed[2..] {
        assert_eq!(
            (unbind.method.as_str(), unbind.url.path()),
            ("POST", "/api/v2/sdk/social/unbind-account")
        );
        assert_eq!(
            header(unbind, "content-type"),
            Some("application/json;charset=utf8")
        );
        assert_eq!(
            body(unbind),
            json!({"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4"})
        );
        check_signature(unbind, true, 1000, |t| format!("{t:X}"));
    }
}

#[tokio::test]
async fn oneaccess_bind_sends_the_state_token_and_keeps_the_session_to_itself() {
    let server = oneaccess_server().await;
    answer(&server, route::ONEACCESS_BIND,
        200,
        json!({"status": "success", "session_token": ISSUED[2], "id_token": ISSUED[3], "expire": 7200}),
    )
    .await;
    let uri = server.uri();
    let bind = args(
        &["oneaccess", "bind", "--base-url", &uri],
        &args(
            &DEVICE_FLAGS,
            &["--mobile", "13800000000", "--verify-code", "123456"],
        ),
    );
    // No session token: a social login that still needs binding has none.
    let env = [("ONEACCESS_STATE_TOKEN", STATE_TOKEN)];

    let text = unbind(&bind, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.stdout,
        "OneAccess: bound the social account to mobile 13800000000 (a session was issued; its tokens are not printed)\n"
    );
    let json = unbind(&args(&["--json"], &bind), &env).await;
    assert_eq!(
        json.stdout_json(),
        json!({"ok": true, "provider": "oneaccess", "action": "bind", "mobile": "13800000000",
               "session_issued": true, "expire": 7200, "status": "success"})
    );

    let requests = received(&server).await;
    assert_eq!(
        requests.len(),
        2,
        "bind is not signed: no key or time is fetched"
    );
    for request in &requests {
        assert_eq!(
            (request.method.as_str(), request.url.path()),
            ("POST", "/api/v2/sdk/social/bind")
        );
        assert_eq!(header(request, "x-state-token"), Some(STATE_TOKEN));
        assert_eq!(header(request, "x-signature"), None);
        assert_eq!(
            header(request, "x-client-id"),
            Some("DRrYIqauawN0I8myTMoDTPys6ezGZxnm")
        );
        assert_eq!(
            body(request),
            json!({"mobile": "13800000000", "verify_code": "123456"})
        );
    }
}

// ---------------------------------------------------------------------------------------------
// CloudBase

const DEVICE_ID: &str = "0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn cloudbase_list_and_unbind_send_the_settings_given() {
    let server = MockServer::start().await;
    let providers = json!([
        {"id": "github", "name": "GitHub", "provider_user_name": "octocat", "bind": true},
        {"id": "wx_open", "name": "WeChat Open", "bind": false}
    ]);
    answer(
        &server,
        route::CLOUDBASE_PROVIDERS,
        200,
        json!({"total": 2, "data": providers}),
    )
    .await;
    github_unbinds(&server).await;
    let env = CLOUDBASE_ENV;
    let uri = server.uri();
    let list = ["cloudbase", "list", "--base-url", &uri];

    let text = unbind(&list, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.lines(),
        [
            "github  bound=yes  name=GitHub  user=octocat",
            "wx_open  bound=no  name=\"WeChat Open\""
        ]
    );
    let json = unbind(&args(&list, &["--json"]), &env).await;
    assert_eq!(json.stdout_json(), providers);

    let unbind_args = words(
        "cloudbase unbind --base-url {} --provider-id github --device-id {} --client-id my-client --with-user-center",
        &[&uri, DEVICE_ID],
    );
    let text = unbind(&unbind_args, &env).await;
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(text.stdout, "CloudBase: unbound identity source github\n");
    let json = unbind(&args(&unbind_args, &["--json"]), &env).await;
    assert_eq!(
        json.stdout_json(),
        json!({"ok": true, "provider": "cloudbase", "action": "unbind", "provider_id": "github", "outcome": "unbound"})
    );

    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    for request in &requests {
        assert_eq!(
            header(request, "authorization"),
            Some(format!("Bearer {SECRET}").as_str())
        );
        let device = header(request, "x-device-id").expect("x-device-id");
        assert!(
            device.len() == 32 && device.chars().all(|c| c.is_ascii_hexdigit()),
            "a generated device id: {device}"
        );
    }
    for list in &requests[..2] {
        assert_eq!(
            (list.method.as_str(), list.url.path()),
            ("GET", "/auth/v1/user/provider")
        );
        assert_eq!(list.url.query(), None);
    }
    for unbind in &requests[2..] {
        assert_eq!(
            (unbind.method.as_str(), unbind.url.path()),
            ("DELETE", "/auth/v1/user/provider/github")
        );
        assert_eq!(header(unbind, "x-device-id"), Some(DEVICE_ID));
        assert_eq!(
            query(unbind),
            pairs(&[("client_id", "my-client"), ("with_user_center", "true")])
        );
        assert!(unbind.body.is_empty());
    }
}

#[tokio::test]
async fn cloudbase_bind_posts_the_provider_token() {
    let server = serving(route::CLOUDBASE_BIND, 200, json!({})).await;
    let uri = server.uri();
    let run = unbind(
        &["--json", "cloudbase", "bind", "--base-url", &uri],
        &[
            ("CLOUDBASE_ACCESS_TOKEN", SECRET),
            ("CLOUDBASE_PROVIDER_TOKEN", PROVIDER_TOKEN),
        ],
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout_json(),
        json!({"ok": true, "provider": "cloudbase", "action": "bind"})
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        (requests[0].method.as_str(), requests[0].url.path()),
        ("POST", "/auth/v1/user/provider/bind")
    );
    assert_eq!(
        body(&requests[0]),
        json!({"provider_token": PROVIDER_TOKEN})
    );
}

// ---------------------------------------------------------------------------------------------
// Failures and exit codes

/// `line` run with `env` twice: as text, then with `--json`.
async fn in_both_forms(line: &[&str], env: &[(&str, &str)]) -> [Run; 2] {
    [
        unbind(line, env).await,
        unbind(&args(line, &["--json"]), env).await,
    ]
}

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
