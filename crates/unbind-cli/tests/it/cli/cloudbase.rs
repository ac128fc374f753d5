//! CloudBase through the command line: the settings given sent, bind with a provider token.

use super::*;

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
