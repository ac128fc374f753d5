//! CloudBase through the facade against the fake: the whole cycle, and what the fake refuses.

use crate::common::{answers_conform, demo};
use serde_json::json;
use unbind::auth::SecretString;
use unbind::cloudbase::CloudBaseClient;
use unbind::{Error, UnbindOutcome};

// Each provider's list, projected onto what its tests compare.
/// `(id, bind)` of every listed identity source.
async fn bound(client: &CloudBaseClient) -> Vec<(String, bool)> {
    client
        .list()
        .await
        .expect("list")
        .into_iter()
        .map(|p| (p.id, p.bind.unwrap_or(false)))
        .collect()
}

fn status_and_kind(error: &Error) -> (u16, Option<String>, Option<String>) {
    let provider = error.provider_error().expect("a provider error");
    (
        provider.status,
        provider.kind.clone(),
        provider.code.clone(),
    )
}

// Each test makes its own client of the demo user.
#[tokio::test]
async fn full_cycle_bind_list_unbind_and_unbind_again() {
    let fake = demo().await;
    let client = CloudBaseClient::new(
        &fake.cloudbase_url(),
        SecretString::from("demo-access-token"),
    )
    .expect("client");

    assert_eq!(
        bound(&client).await,
        [
            ("github".to_owned(), false),
            ("wx_open".to_owned(), true),
            ("google".to_owned(), false)
        ]
    );

    // A provider token for GitHub, as after the third-party authorisation.
    let token = client
        .api()
        .get_provider_token()
        .x_device_id(client.device_id().as_str().to_owned())
        .body(cloudbase_client::types::ProviderTokenRequest {
            provider_id: "github".into(),
            provider_code: Some("code-from-github".into()),
            provider_access_token: None,
            provider_id_token: None,
            provider_redirect_uri: None,
        })
        .send()
        .await
        .expect("provider token")
        .into_inner()
        .provider_token;
    client
        .bind(&SecretString::from(token.clone()))
        .await
        .expect("bind");
    assert!(bound(&client).await.contains(&("github".to_owned(), true)));

    assert_eq!(
        client.unbind("github").await.expect("unbind"),
        UnbindOutcome::Unbound
    );
    assert!(bound(&client).await.contains(&("github".to_owned(), false)));
    assert_eq!(
        client.unbind("github").await.expect("unbind again"),
        UnbindOutcome::AlreadyUnbound
    );

    // A provider token is used up by its bind.
    let again = client.bind(&SecretString::from(token)).await.unwrap_err();
    assert_eq!(
        status_and_kind(&again),
        (400, Some("invalid_grant".into()), Some("4001".into()))
    );

    // As in the other providers' files: each lists its own spec's operations, which the fake must
    // answer.
    let operations: Vec<String> = answers_conform(&fake, "cloudbase")
        .into_iter()
        .map(|(op, _)| op)
        .collect();
    for op in [
        "list_bound_providers",
        "get_provider_token",
        "bind_provider",
        "unbind_provider",
    ] {
        assert!(
            operations.iter().any(|o| o == op),
            "{op} not seen: {operations:?}"
        );
    }
}

#[tokio::test]
async fn a_seeded_provider_token_binds_and_the_authorisation_url_is_answered() {
    let fake = demo().await;
    let client = CloudBaseClient::new(
        &fake.cloudbase_url(),
        SecretString::from("demo-access-token"),
    )
    .expect("client");
    client
        .bind(&SecretString::from("demo-provider-token"))
        .await
        .expect("bind");
    assert!(bound(&client).await.contains(&("github".to_owned(), true)));

    let google = || {
        client
            .api()
            .get_provider_auth_uri()
            .x_device_id(client.device_id().as_str().to_owned())
            .provider_id("google")
    };
    for (call, expected) in [
        (
            google()
                .redirect_uri("https://app.example/callback?x=1")
                .state("s 1"),
            "https://authorize.fake.invalid/google?response_type=code\
             &redirect_uri=https%3A%2F%2Fapp.example%2Fcallback%3Fx%3D1&state=s+1",
        ),
        // The response type asked for is the one the URL carries (the code flow by default).
        (
            google().response_type("token"),
            "https://authorize.fake.invalid/google?response_type=token",
        ),
    ] {
        let uri = call.send().await.expect("uri").into_inner().uri;
        assert_eq!(uri, expected);
    }
    answers_conform(&fake, "cloudbase");
}

#[tokio::test]
async fn a_wrong_bearer_token_is_unauthorized() {
    let fake = demo().await;
    let client = CloudBaseClient::new(&fake.cloudbase_url(), SecretString::from("not-a-token"))
        .expect("client");
    for error in [
        client.list().await.unwrap_err(),
        client.unbind("wx_open").await.unwrap_err(),
    ] {
        assert_eq!(
            status_and_kind(&error),
            (401, Some("unauthorized".into()), Some("4003".into()))
        );
    }
    answers_conform(&fake, "cloudbase");
}

/// The bearer token is checked before the body, as for every other call that needs one: a bind
/// without it, or with a wrong one, is a 401 whatever its body (schemathesis's "missing required
/// header accepted" found a 400 for an empty `provider_token`).
#[tokio::test]
async fn a_bind_without_a_valid_bearer_token_is_unauthorized_whatever_its_body() {
    let fake = demo().await;
    let http = reqwest::Client::new();
    let url = format!("{}/auth/v1/user/provider/bind", fake.cloudbase_url());
    for bearer in [None, Some("Bearer not-a-token")] {
        for body in [
            json!({"provider_token": ""}),
            json!({}),
            json!("not an object"),
        ] {
            let mut request = http.post(&url).json(&body);
            if let Some(bearer) = bearer {
                request = request.header("authorization", bearer);
            }
            let answer = request.send().await.expect("answer");
            assert_eq!(answer.status(), 401, "{bearer:?} {body}");
            let body: serde_json::Value = answer.json().await.expect("json");
            assert_eq!(body["error"], "unauthorized");
            assert_eq!(body["error_code"], 4003);
        }
    }
    answers_conform(&fake, "cloudbase");
}

/// The official JS SDK (`@cloudbase/oauth` 3.3.3) sends its JSON bodies with `fetch` and a
/// string, so as `text/plain;charset=UTF-8`: the fake reads the body whatever its media type.
#[tokio::test]
async fn a_json_body_sent_as_text_plain_is_read_as_the_official_sdk_sends_it() {
    let fake = demo().await;
    let http = reqwest::Client::new();
    let text_plain = "text/plain;charset=UTF-8";
    let token = http
        .post(format!("{}/auth/v1/provider/token", fake.cloudbase_url()))
        .header("x-device-id", "device-1")
        .header("content-type", text_plain)
        .body(r#"{"provider_id":"github","provider_code":"c"}"#)
        .send()
        .await
        .expect("answer");
    assert_eq!(token.status(), 200);
    let token: serde_json::Value = token.json().await.expect("json");
    let provider_token = token["provider_token"].as_str().expect("a provider token");
    let bind = http
        .post(format!(
            "{}/auth/v1/user/provider/bind",
            fake.cloudbase_url()
        ))
        .bearer_auth("demo-access-token")
        .header("content-type", text_plain)
        .body(json!({"provider_token": provider_token}).to_string())
        .send()
        .await
        .expect("answer");
    assert_eq!(bind.status(), 200);
    assert_eq!(bind.text().await.expect("body"), "{}");
    answers_conform(&fake, "cloudbase");
}

#[tokio::test]
async fn calls_without_a_device_id_or_a_grant_are_refused() {
    let fake = demo().await;
    let http = reqwest::Client::new();
    let url = format!("{}/auth/v1/provider/token", fake.cloudbase_url());
    let no_device = http
        .post(&url)
        .json(&json!({"provider_id": "github", "provider_code": "c"}))
        .send()
        .await
        .expect("answer");
    assert_eq!(no_device.status(), 400);
    let body: serde_json::Value = no_device.json().await.expect("json");
    assert_eq!(body["error"], "invalid_argument");
    assert_eq!(body["error_description"], "header x-device-id is required");

    let no_grant = http
        .post(&url)
        .header("x-device-id", "device-1")
        .json(&json!({"provider_id": "github"}))
        .send()
        .await
        .expect("answer");
    assert_eq!(no_grant.status(), 400);

    let unknown = http
        .post(&url)
        .header("x-device-id", "device-1")
        .json(&json!({"provider_id": "myspace", "provider_code": "c"}))
        .send()
        .await
        .expect("answer");
    assert_eq!(unknown.status(), 404);
    let body: serde_json::Value = unknown.json().await.expect("json");
    assert_eq!(body["error_code"], 4004);
    answers_conform(&fake, "cloudbase");
}
