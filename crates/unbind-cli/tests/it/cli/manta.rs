//! MantaGo through the command line: list, unbind, the token on every call, a refreshed pair saved.

use super::*;

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
