//! CloudBase through the facade, against a loopback server.

use std::sync::Arc;

use crate::common::{
    SECRET, answer, cloudbase_not_found, header, received, route, serving, unexpected_200,
};
use serde_json::json;
use unbind::auth::SecretString;
use unbind::auth::cloudbase::DeviceId;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::runtime::test_util::CountingRandom;
use unbind::{Error, ProviderBody, RetryPolicy, UnbindOutcome};
use wiremock::MockServer;

const DEVICE: &str = "0123456789abcdef0123456789abcdef";

fn client(server: &MockServer, settings: CloudBaseSettings) -> CloudBaseClient {
    CloudBaseClient::with_settings(
        &server.uri(),
        SecretString::from(SECRET),
        CloudBaseSettings {
            device_id: Some(DeviceId::new(DEVICE).unwrap()),
            random: Some(Arc::new(CountingRandom::new(7))),
            call: unbind::CallSettings {
                retry: RetryPolicy::never(),
                ..unbind::CallSettings::default()
            },
            ..settings
        },
    )
    .unwrap()
}

#[tokio::test]
async fn unbind_sends_the_documented_request() {
    let server = serving(route::CLOUDBASE_UNBIND_GITHUB, 200, json!({})).await;
    let client = client(&server, CloudBaseSettings::default());

    client.unbind("github").await.unwrap();
    client.unbind("github").await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    let mut request_ids = Vec::new();
    for request in &requests {
        assert_eq!(request.method.as_str(), "DELETE");
        assert_eq!(request.url.path(), "/auth/v1/user/provider/github");
        assert_eq!(
            request.url.query(),
            None,
            "no optional parameter is sent unless set"
        );
        assert_eq!(
            header(request, "authorization"),
            Some(format!("Bearer {SECRET}").as_str())
        );
        assert_eq!(header(request, "x-device-id"), Some(DEVICE));
        assert_eq!(
            header(request, "api-version"),
            None,
            "progenitor's header is dropped"
        );
        assert!(request.body.is_empty());
        let id = header(request, "x-request-id").unwrap().to_owned();
        assert_eq!(id.len(), 32);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
            "{id}"
        );
        request_ids.push(id);
    }
    assert_ne!(
        request_ids[0], request_ids[1],
        "x-request-id is fresh per request"
    );
}

#[tokio::test]
async fn optional_settings_go_on_the_wire() {
    let server = MockServer::start().await;
    answer(
        &server,
        ("DELETE", "/auth/v1/user/provider/wx_open"),
        200,
        json!({}),
    )
    .await;
    let client = client(
        &server,
        CloudBaseSettings {
            client_id: Some("my-client".into()),
            with_user_center: Some(true),
            ..CloudBaseSettings::default()
        },
    );
    client.unbind("wx_open").await.unwrap();
    let requests = received(&server).await;
    // The query the request carried, sorted, against this call's own parameters.
    let mut query: Vec<_> = requests[0].url.query_pairs().collect();
    query.sort();
    assert_eq!(
        query,
        [
            ("client_id".into(), "my-client".into()),
            ("with_user_center".into(), "true".into())
        ]
    );
}

#[tokio::test]
async fn a_generated_device_id_is_32_hex_and_stable() {
    let server = MockServer::start().await;
    let client = CloudBaseClient::new(&server.uri(), SecretString::from(SECRET)).unwrap();
    let id = client.device_id().as_str().to_owned();
    assert_eq!(id.len(), 32);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(client.clone().device_id().as_str(), id);
}

#[tokio::test]
async fn bad_provider_ids_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server, CloudBaseSettings::default());
    for (bad, reason) in [
        ("", "is empty or blank"),
        ("  ", "is empty or blank"),
        (
            ".",
            "is a dot segment (`.` or `..`), which would address another resource",
        ),
        (
            "..",
            "is a dot segment (`.` or `..`), which would address another resource",
        ),
        ("a/b", "contains a path separator"),
        ("%2e%2e%2f", "contains a path separator"),
    ] {
        match client.unbind(bad).await {
            Err(Error::InvalidInput { field, reason: got }) => {
                assert_eq!(
                    (field.as_str(), got.as_str()),
                    ("provider_id", reason),
                    "{bad:?}"
                );
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    assert!(received(&server).await.is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn a_token_that_would_split_a_header_is_refused() {
    let server = MockServer::start().await;
    let error =
        CloudBaseClient::new(&server.uri(), SecretString::from("tok\r\nX-Evil: 1")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid input: Authorization contains CR or LF"
    );
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn unbinding_what_is_not_bound_is_its_own_outcome() {
    let server = serving(route::CLOUDBASE_UNBIND_GITHUB, 404, cloudbase_not_found()).await;
    let client = client(&server, CloudBaseSettings::default());
    assert_eq!(
        client.unbind("github").await.unwrap(),
        UnbindOutcome::AlreadyUnbound
    );
    assert_eq!(received(&server).await.len(), 1, "a 404 is not retried");
}

#[tokio::test]
async fn documented_errors_map_to_the_provider_error() {
    let server = serving(route::CLOUDBASE_BIND, 404, cloudbase_not_found()).await;
    answer(&server, route::CLOUDBASE_PROVIDERS,
        401,
        json!({"error": "unauthorized", "error_code": 4003, "error_description": "User not logged in or access_token invalid"}),
    )
    .await;
    let client = client(&server, CloudBaseSettings::default());

    let error = client
        .bind(&SecretString::from("provider-token"))
        .await
        .unwrap_err();
    let provider = error.provider_error().expect("a provider error");
    assert_eq!(provider.status, 404);
    assert_eq!(provider.kind.as_deref(), Some("provider_not_found"));
    assert_eq!(provider.code.as_deref(), Some("4004"));
    assert_eq!(
        provider.message.as_deref(),
        Some("Specified identity source does not exist")
    );
    assert!(
        matches!(&provider.body, ProviderBody::CloudBase(body) if body.error_code == Some(4004))
    );
    assert_eq!(
        error.to_string(),
        "CloudBase refused the request: HTTP 404: provider_not_found: 4004: Specified identity source does not exist"
    );

    let error = client.list().await.unwrap_err();
    assert_eq!(error.status(), Some(401));
    assert_eq!(
        error.provider_error().unwrap().kind.as_deref(),
        Some("unauthorized")
    );
}

#[tokio::test]
async fn a_non_json_502_keeps_its_status() {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("DELETE"))
        .respond_with(
            wiremock::ResponseTemplate::new(502)
                .set_body_raw("<html><body>Bad Gateway</body></html>", "text/html"),
        )
        .mount(&server)
        .await;
    let client = client(&server, CloudBaseSettings::default());
    let error = client.unbind("github").await.unwrap_err();
    assert_eq!(error.status(), Some(502));
    let provider = error.provider_error().unwrap();
    assert!(
        matches!(&provider.body, ProviderBody::Text(t) if t == "<html><body>Bad Gateway</body></html>")
    );
    assert_eq!(provider.code, None);
}

#[tokio::test]
async fn list_and_bind_follow_the_spec() {
    let server = serving(
        route::CLOUDBASE_PROVIDERS,
        200,
        json!({"total": 1, "data": [{"id": "github", "name": "GitHub", "bind": true}]}),
    )
    .await;
    answer(&server, route::CLOUDBASE_BIND, 200, json!({})).await;
    let client = client(&server, CloudBaseSettings::default());

    let providers = client.list().await.unwrap();
    assert_eq!(providers.len(), 1);
    assert_eq!(providers[0].id, "github");
    assert_eq!(providers[0].bind, Some(true));

    client
        .bind(&SecretString::from("provider-token-1"))
        .await
        .unwrap();
    let requests = received(&server).await;
    let body: serde_json::Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(body, json!({"provider_token": "provider-token-1"}));
}

// A server giving one raw answer, as oneaccess.rs's `answering` with its provider's route.
/// A server answering `verb at` with a 200 of `body` as `content_type`.
async fn answering(verb: &str, at: &str, body: &str, content_type: &str) -> MockServer {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method(verb))
        .and(wiremock::matchers::path(at))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_raw(body.to_owned(), content_type),
        )
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn only_the_documented_shapes_are_success() {
    let unbind = "/auth/v1/user/provider/github";
    let server = answering("DELETE", unbind, "{}", "application/json").await;
    let done = client(&server, CloudBaseSettings::default())
        .unbind("github")
        .await;
    assert_eq!(done.unwrap(), UnbindOutcome::Unbound);
    for (body, content_type) in [
        ("[]", "application/json"),
        ("null", "application/json"),
        ("<html><body>Welcome</body></html>", "text/html"),
        ("{}", "text/plain"),
    ] {
        let server = answering("DELETE", unbind, body, content_type).await;
        let outcome = client(&server, CloudBaseSettings::default())
            .unbind("github")
            .await;
        assert!(
            unexpected_200(outcome.as_ref().err()),
            "unbind {body} {content_type}: {outcome:?}"
        );
    }
    let list = "/auth/v1/user/provider";
    for body in [r#"{"foo":1}"#, "[]", r#"{"total":0}"#, r#"{"data":null}"#] {
        let server = answering("GET", list, body, "application/json").await;
        let outcome = client(&server, CloudBaseSettings::default()).list().await;
        assert!(
            unexpected_200(outcome.as_ref().err()),
            "list {body}: {outcome:?}"
        );
    }
    let server = answering("GET", list, r#"{"total":0,"data":[]}"#, "application/json").await;
    let listed = client(&server, CloudBaseSettings::default()).list().await;
    assert!(listed.unwrap().is_empty());
}

/// A 200 whose body names an `error` is not success: `Empty` allows unknown fields, but the
/// official JS SDK (`@cloudbase/oauth` 3.3.3) reads any answer with a non-empty `error` as a
/// failure, whatever its status. Unbind and bind say so; an empty or null `error` is still done.
#[tokio::test]
async fn a_success_status_whose_body_names_an_error_is_not_done() {
    let unbind = "/auth/v1/user/provider/github";
    let bind = "/auth/v1/user/provider/bind";
    for body in [
        r#"{"error":"unauthorized","error_code":4003,"error_description":"not logged in"}"#,
        r#"{"error":"internal_error"}"#,
        r#"{"error":{"name":"x"}}"#,
    ] {
        let server = answering("DELETE", unbind, body, "application/json").await;
        let outcome = client(&server, CloudBaseSettings::default())
            .unbind("github")
            .await;
        let error = outcome.as_ref().err();
        assert!(unexpected_200(error), "unbind {body}: {outcome:?}");
        assert!(
            error.unwrap().to_string().contains("names an error"),
            "{outcome:?}"
        );
        let server = answering("POST", bind, body, "application/json").await;
        let outcome = client(&server, CloudBaseSettings::default())
            .bind(&SecretString::from("provider-token"))
            .await;
        assert!(
            unexpected_200(outcome.as_ref().err()),
            "bind {body}: {outcome:?}"
        );
    }
    for body in [r#"{"error":""}"#, r#"{"error":null,"request_id":"r-1"}"#] {
        let server = answering("DELETE", unbind, body, "application/json").await;
        let done = client(&server, CloudBaseSettings::default())
            .unbind("github")
            .await;
        assert_eq!(done.unwrap(), UnbindOutcome::Unbound, "{body}");
    }
}

/// The list, like unbind and bind: a 200 that names an `error` is not a list, even with a
/// `data` array beside it; an empty or null `error` is still a list.
#[tokio::test]
async fn a_list_whose_body_names_an_error_is_not_a_list() {
    let list = "/auth/v1/user/provider";
    for body in [
        r#"{"data":[],"error":"unauthorized","error_code":4003}"#,
        r#"{"total":1,"data":[{"id":"github","bind":true}],"error":"internal_error"}"#,
        r#"{"data":[],"error":{"name":"x"}}"#,
    ] {
        let server = answering("GET", list, body, "application/json").await;
        let outcome = client(&server, CloudBaseSettings::default()).list().await;
        let error = outcome.as_ref().err();
        assert!(unexpected_200(error), "list {body}: {outcome:?}");
        assert!(
            error.unwrap().to_string().contains("names an error"),
            "{outcome:?}"
        );
    }
    for body in [
        r#"{"data":[{"id":"github","bind":true}],"error":""}"#,
        r#"{"data":[{"id":"github","bind":true}],"error":null}"#,
    ] {
        let server = answering("GET", list, body, "application/json").await;
        let listed = client(&server, CloudBaseSettings::default()).list().await;
        assert_eq!(listed.unwrap().len(), 1, "{body}");
    }
}

/// `provider_not_found` is already unbound only under a status that says CloudBase acted on the
/// request, as for MantaGo's code: not 401, 403, 429 or 502 to 504.
#[tokio::test]
async fn not_found_is_already_unbound_only_where_the_request_was_acted_on() {
    let body = json!({"error": "provider_not_found", "error_code": 4004});
    for status in [400, 404] {
        let server = serving(route::CLOUDBASE_UNBIND_GITHUB, status, body.clone()).await;
        let outcome = client(&server, CloudBaseSettings::default())
            .unbind("github")
            .await;
        assert_eq!(outcome.unwrap(), UnbindOutcome::AlreadyUnbound, "{status}");
    }
    for status in [401, 403, 429, 502, 503, 504] {
        let server = serving(route::CLOUDBASE_UNBIND_GITHUB, status, body.clone()).await;
        let outcome = client(&server, CloudBaseSettings::default())
            .unbind("github")
            .await;
        assert!(
            matches!(&outcome, Err(Error::Provider(e)) if e.status == status),
            "{status}: {outcome:?}"
        );
    }
}

#[tokio::test]
async fn a_base_url_with_user_info_or_a_line_break_is_refused() {
    for bad in [
        "https://user:pw@env.api.tcloudbasegateway.com",
        "https://user@env.api.tcloudbasegateway.com",
        "https://env.api.tcloudbasegateway.com\r\nX-Injected: 1",
        "https://env.api.tcloud\nbasegateway.com",
        "https://env.api.tcloud\tbasegateway.com",
        " https://env.api.tcloudbasegateway.com",
    ] {
        let outcome = CloudBaseClient::new(bad, SecretString::from(SECRET));
        match outcome {
            Err(Error::InvalidInput { field, reason }) => {
                assert_eq!(field, "base_url", "{bad:?}");
                assert!(
                    !reason.contains("pw") && !reason.contains("Injected"),
                    "{reason}"
                );
            }
            other => panic!("{bad:?}: expected invalid input, got {other:?}"),
        }
    }
    assert!(
        CloudBaseClient::new(
            "https://env.api.tcloudbasegateway.com/",
            SecretString::from(SECRET)
        )
        .is_ok()
    );
}
