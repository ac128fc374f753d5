//! MantaGo through the facade, against a loopback server.

use crate::common::{SECRET, answer, header, manta_ok, received, route, serving};
use serde_json::json;
use unbind::auth::manta::Credentials;
use unbind::auth::{ExposeSecret as _, SecretString};
use unbind::manta::{ListQuery, MantaClient, MantaSettings};
use unbind::{CallSettings, RetryPolicy};
use unbind::{Error, ProviderBody};
use wiremock::MockServer;

const API_SECRET: &str = "api-SECRET-abcdef";

fn client(server: &MockServer) -> MantaClient {
    MantaClient::with_settings(
        &server.uri(),
        "bot-1",
        Credentials::new(SecretString::from(API_SECRET)).with_token(SecretString::from(SECRET)),
        MantaSettings {
            call: CallSettings {
                retry: RetryPolicy::never(),
                ..CallSettings::default()
            },
            ..MantaSettings::default()
        },
    )
    .unwrap()
}

#[tokio::test]
async fn unbind_sends_bearer_bot_id_and_the_secret_in_the_body() {
    let server = serving(route::MANTA_UNBIND, 200, manta_ok()).await;
    client(&server)
        .unbind("client-9", "customer-42")
        .await
        .unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.url.query(), Some("botId=bot-1"));
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    assert_eq!(header(request, "content-type"), Some("application/json"));
    assert_eq!(header(request, "api-version"), None);
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body,
        json!({"secret": API_SECRET, "clientId": "client-9", "customerId": "customer-42"})
    );
}

#[tokio::test]
async fn a_client_without_a_token_is_refused_before_anything_is_sent() {
    // The spec puts the bearer on every call, /openapi/token included: there is no
    // secret-only login.
    let server = MockServer::start().await;
    let error = MantaClient::with_settings(
        &server.uri(),
        "bot-1",
        Credentials::new(SecretString::from(API_SECRET)),
        MantaSettings::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidInput { field, reason } if field == "token" && reason.contains("bearer")),
        "{error:?}"
    );
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn rotate_hands_back_the_issued_pair_before_any_local_check() {
    let server = MockServer::start().await;
    // A token no header can carry: MantaGo has rotated all the same, so the pair must reach
    // the caller, and only building a client with it fails.
    answer(&server, route::MANTA_TOKEN,
        200,
        json!({"success": true, "message": "ok", "apiToken": "jwt-NEW\nline", "apiSecret": "secret-NEW-1"}),
    )
    .await;
    let issued = client(&server).rotate().await.unwrap();
    assert_eq!(issued.secret().expose_secret(), "secret-NEW-1");
    assert_eq!(
        issued.token().map(|t| t.expose_secret()),
        Some("jwt-NEW\nline")
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        header(&requests[0], "authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(body, json!({"secret": API_SECRET}));
    let error = client(&server).refresh().await.unwrap_err();
    assert!(matches!(error, Error::InvalidInput { .. }), "{error:?}");
}

#[tokio::test]
async fn a_success_status_that_says_success_false_is_not_done() {
    let server = MockServer::start().await;
    for route in ["/openapi/unbind/customer", "/openapi/bind/customer"] {
        answer(
            &server,
            ("POST", route),
            200,
            json!({"success": false, "message": "nothing happened"}),
        )
        .await;
    }
    let unbind = client(&server).unbind("c", "u").await.unwrap_err();
    let bind = client(&server).bind("c", "u").await.unwrap_err();
    for error in [unbind, bind] {
        assert!(
            matches!(&error, Error::UnexpectedResponse { status: Some(200), detail, .. } if detail.contains("\"success\": false")),
            "{error:?}"
        );
    }
}

#[tokio::test]
async fn a_list_answer_without_its_list_is_an_error_not_an_empty_page() {
    let server = serving(route::MANTA_CLIENTS, 200, manta_ok()).await;
    let error = client(&server)
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::UnexpectedResponse { status: Some(200), detail, .. } if detail.contains("clientList")),
        "{error:?}"
    );
}

#[tokio::test]
async fn list_sends_only_the_filters_given() {
    let server = serving(route::MANTA_CLIENTS, 200, json!({"success": true, "message": "ok", "clientList": {"list": [{"clientId": "c1", "platform": "line"}], "next": "abc"}})).await;
    let page = client(&server)
        .list(&ListQuery {
            customer_id: Some("u1".into()),
            limit: Some(50),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(page.list.len(), 1);
    assert_eq!(page.list[0].client_id, "c1");
    let requests = received(&server).await;
    let mut query: Vec<_> = requests[0].url.query_pairs().collect();
    query.sort();
    assert_eq!(
        query,
        [
            ("botId".into(), "bot-1".into()),
            ("customerId".into(), "u1".into()),
            ("limit".into(), "50".into())
        ]
    );
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);
    // A table of calls, each with the error it must give.
    let cases = [
        (
            client.unbind("", "u").await.map(drop),
            "clientId is empty or blank",
        ),
        (
            client.unbind("c", " ").await.map(drop),
            "customerId is empty or blank",
        ),
        (
            client
                .list(&ListQuery {
                    limit: Some(0),
                    ..ListQuery::default()
                })
                .await
                .map(drop),
            "limit must be from 1 to 100",
        ),
        (
            client
                .list(&ListQuery {
                    limit: Some(101),
                    ..ListQuery::default()
                })
                .await
                .map(drop),
            "limit must be from 1 to 100",
        ),
    ];
    for (outcome, expected) in cases {
        match outcome {
            Err(Error::InvalidInput { field, reason }) => {
                assert_eq!(format!("{field} {reason}"), expected)
            }
            other => panic!("{expected}: {other:?}"),
        }
    }
    let bad_bot = MantaClient::new(
        &server.uri(),
        "",
        SecretString::from("s"),
        SecretString::from("t"),
    );
    assert_eq!(
        bad_bot.unwrap_err().to_string(),
        "invalid input: botId is empty or blank"
    );
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn documented_errors_map_to_the_provider_error() {
    let server = serving(route::MANTA_UNBIND, 401, json!({"success": false, "errResponse": {"message": "token invalid or expired", "code": 1004}})).await;
    let error = client(&server).unbind("c", "u").await.unwrap_err();
    let provider = error.provider_error().unwrap();
    assert_eq!(
        (provider.status, provider.code.as_deref()),
        (401, Some("1004"))
    );
    assert_eq!(
        provider.message.as_deref(),
        Some("token invalid or expired")
    );
    assert!(matches!(&provider.body, ProviderBody::Manta(body) if body.err_response.code == 1004));
    assert_eq!(
        error.to_string(),
        "MantaGo refused the request: HTTP 401: 1004: token invalid or expired"
    );
}

#[tokio::test]
async fn a_documented_status_with_a_non_json_body_keeps_its_status() {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(wiremock::ResponseTemplate::new(429).set_body_string("slow down"))
        .mount(&server)
        .await;
    let error = client(&server).unbind("c", "u").await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert!(
        matches!(&error.provider_error().unwrap().body, ProviderBody::Text(t) if t == "slow down")
    );
}

#[tokio::test]
async fn refresh_sends_the_current_token_and_switches_to_the_new_pair() {
    let server = serving(
        route::MANTA_TOKEN,
        200,
        json!({"success": true, "message": "ok", "apiToken": "jwt-2", "apiSecret": "secret-2"}),
    )
    .await;
    answer(
        &server,
        ("POST", "/openapi/client/c1"),
        200,
        json!({"success": true, "message": "ok", "client": {"clientId": "c1", "platform": "line"}}),
    )
    .await;
    let refreshed = client(&server).refresh().await.unwrap();
    let found = refreshed
        .get_client("c1", Some("U123"), Some("line"))
        .await
        .unwrap();
    assert_eq!(found.client_id, "c1");

    let requests = received(&server).await;
    assert_eq!(
        header(&requests[0], "authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    assert_eq!(header(&requests[1], "authorization"), Some("Bearer jwt-2"));
    let mut query: Vec<_> = requests[1].url.query_pairs().collect();
    query.sort();
    assert_eq!(
        query,
        [
            ("botId".into(), "bot-1".into()),
            ("platform".into(), "line".into()),
            ("platformClientId".into(), "U123".into())
        ]
    );
    let body: serde_json::Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(body, json!({"secret": "secret-2"}));
}

/// A token answer off the schema may still hold the pair MantaGo just issued (a `success`
/// sent as text, a pair missing one half, another status): the error must show neither half,
/// although the client's redactor knows only the old pair.
#[tokio::test]
async fn a_token_answer_off_the_schema_never_shows_the_issued_pair() {
    const NEW_TOKEN: &str = "jwt-NEW-0123456789abcdef";
    const NEW_SECRET: &str = "secret-NEW-0123456789";
    let answers = [
        (
            200,
            json!({"success": "true", "message": "ok", "apiToken": NEW_TOKEN, "apiSecret": NEW_SECRET}),
        ),
        (
            200,
            json!({"success": true, "message": "ok", "apiSecret": NEW_SECRET, "token": NEW_TOKEN}),
        ),
        (
            200,
            json!({"success": true, "message": "ok", "apiToken": NEW_TOKEN, "apiSecret": 1}),
        ),
        (
            201,
            json!({"success": true, "message": "ok", "apiToken": NEW_TOKEN, "apiSecret": NEW_SECRET}),
        ),
    ];
    for (status, body) in answers {
        let server = serving(route::MANTA_TOKEN, status, body.clone()).await;
        let error = client(&server).rotate().await.unwrap_err();
        assert!(
            matches!(&error, Error::UnexpectedResponse { status: Some(s), .. } if *s == status),
            "{body}: {error:?}"
        );
        for shown in [error.to_string(), format!("{error:?}")] {
            assert!(
                !shown.contains(NEW_TOKEN) && !shown.contains(NEW_SECRET),
                "{body}: {shown}"
            );
        }
    }
}

/// The "not bound" code (60002) is read as already unbound only where MantaGo acted on the
/// request: never under a status that says it was refused unread (401, 403), not processed
/// (429) or never reached it (502 to 504).
#[tokio::test]
async fn the_not_bound_code_is_already_unbound_only_where_the_request_was_acted_on() {
    let body = json!({"success": false, "errResponse": {"code": 60002, "message": "unbind customer failed"}});
    for status in [404, 500] {
        let server = serving(route::MANTA_UNBIND, status, body.clone()).await;
        let outcome = client(&server).unbind("c", "u").await.unwrap();
        assert_eq!(outcome, unbind::UnbindOutcome::AlreadyUnbound, "{status}");
    }
    for status in [401, 403, 429, 502, 503, 504] {
        let server = serving(route::MANTA_UNBIND, status, body.clone()).await;
        let outcome = client(&server).unbind("c", "u").await;
        assert!(
            matches!(&outcome, Err(Error::Provider(e)) if e.status == status),
            "{status}: {outcome:?}"
        );
    }
}
