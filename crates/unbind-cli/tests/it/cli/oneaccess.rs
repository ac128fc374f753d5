//! OneAccess through the command line: list and unbind signed as the flags say, bind with a state token.

use super::*;

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
