//! The job's tests, with the three tools an importer of `unbind` gets: a typed mock of each
//! CloudBase operation (with a sequence of answers, for a retry), the in-process fake (with
//! the state it is left in), and a snapshot of the requests sent, checked against the spec
//! and with the access token blanked.

use std::time::Duration;

use cloudbase_client::httpmock::MockServer;
use cloudbase_client::mock::MockServerExt as _;
use cloudbase_client::types::{BoundProvider, Empty, Error as CloudBaseError, ProviderList};
use unbind::auth::SecretString;
use unbind::auth::cloudbase::DeviceId;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::{CallSettings, RetryPolicy};
use unbind_conformance::conformance::Spec;
use unbind_fake::{Fake, Seed};
use unbind_outside_disconnect_all::{Disconnected, disconnect_all};

/// An access token as CloudBase issues them: a JWT. No part of it may reach a snapshot.
const TOKEN: &str = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjlmOGU3ZDZjIn0.eyJzdWIiOiJ1c2VyLTQyIiwiZXhwIjoxNzk5OTk5OTk5fQ.Qm9ndXMtc2lnbmF0dXJlLWZvci10ZXN0cy0wMTIzNDU2Nzg5";

/// The facade's CloudBase client for `base`, with a fixed device id (an application keeps
/// one per device) and short retry waits.
fn client(base: &str) -> CloudBaseClient {
    let settings = CloudBaseSettings {
        device_id: Some(DeviceId::new("0123456789abcdef0123456789abcdef").unwrap()),
        call: CallSettings {
            retry: RetryPolicy {
                min_delay: Duration::from_millis(1),
                max_delay: Duration::from_millis(5),
                jitter: false,
                ..RetryPolicy::default()
            },
            ..CallSettings::default()
        },
        ..CloudBaseSettings::default()
    };
    CloudBaseClient::with_settings(base, SecretString::from(TOKEN), settings).unwrap()
}

fn source(id: &str, bound: bool) -> BoundProvider {
    BoundProvider {
        id: id.to_owned(),
        bind: Some(bound),
        homepage: None,
        name: None,
        picture: None,
        provider_type: None,
        provider_user_name: None,
    }
}

#[tokio::test]
async fn with_typed_mocks_a_busy_gateway_is_retried_and_the_login_is_kept() {
    let server = MockServer::start_async().await;
    let list = server.list_bound_providers(|when, then| {
        when.into_inner()
            .header("authorization", format!("Bearer {TOKEN}"));
        then.ok(&ProviderList {
            total: Some(3),
            data: vec![
                source("github", true),
                source("wx_open", true),
                source("google", false),
            ],
            error: None,
        });
    });
    // A sequence for github: a 503, then success. Each limited mock stops matching after
    // its calls, and the retry falls through to the next one.
    let busy = server.unbind_provider(|when, then| {
        when.provider_id("github");
        then.server_error(
            503,
            &CloudBaseError {
                error: Some("unavailable".to_owned()),
                error_code: None,
                error_description: Some("try again".to_owned()),
            },
        )
        .into_inner()
        .up_to_n_times(1);
    });
    let done = server.unbind_provider(|when, then| {
        when.provider_id("github");
        then.ok(&Empty(serde_json::Map::new()));
    });
    let login = server.unbind_provider(|when, then| {
        when.provider_id("wx_open");
        then.ok(&Empty(serde_json::Map::new()));
    });

    let result = disconnect_all(&client(&server.base_url()), "wx_open")
        .await
        .unwrap();

    assert_eq!(
        result,
        Disconnected {
            unbound: vec!["github".to_owned()],
            already_unbound: vec![],
            kept: Some("wx_open".to_owned()),
        }
    );
    list.assert_calls(1);
    busy.assert_calls(1);
    done.assert_calls(1);
    login.assert_calls(0);
}

#[tokio::test]
async fn with_typed_mocks_a_refused_token_stops_the_job_before_any_unbind() {
    let server = MockServer::start_async().await;
    server.list_bound_providers(|_, then| {
        then.client_error(
            401,
            &CloudBaseError {
                error: Some("unauthorized".to_owned()),
                error_code: Some(4003),
                error_description: None,
            },
        );
    });
    let unbind = server.unbind_provider(|_, then| {
        then.ok(&Empty(serde_json::Map::new()));
    });
    let error = disconnect_all(&client(&server.base_url()), "wx_open")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401), "{error}");
    assert!(!error.to_string().contains(TOKEN), "{error}");
    unbind.assert_calls(0);
}

/// A CloudBase user with `TOKEN`, bound to GitHub, WeChat and Google.
fn seed() -> Seed {
    Seed::parse(
        &format!(
            r#"{{"cloudbase": {{
                "providers": [
                    {{"id": "github", "name": "GitHub"}},
                    {{"id": "wx_open", "name": "WeChat"}},
                    {{"id": "google", "name": "Google"}}
                ],
                "users": [{{
                    "access_tokens": ["{TOKEN}"],
                    "bound": [
                        {{"provider_id": "github", "provider_user_name": "octocat"}},
                        {{"provider_id": "wx_open", "provider_user_name": "wx-42"}},
                        {{"provider_id": "google", "provider_user_name": "user42"}}
                    ]
                }}]
            }}}}"#
        ),
        "seed",
    )
    .unwrap()
}

async fn fake() -> Fake {
    Fake::builder()
        .seed(seed())
        .record_exchanges(true)
        .start()
        .await
        .unwrap()
}

#[tokio::test]
async fn against_the_fake_only_the_login_stays_bound_and_a_second_run_does_nothing() {
    let fake = fake().await;
    let client = client(&fake.cloudbase_url());

    let first = disconnect_all(&client, "wx_open").await.unwrap();
    assert_eq!(first.unbound, ["github", "google"]);
    assert_eq!(first.kept.as_deref(), Some("wx_open"));
    let left: Vec<String> = fake
        .bindings()
        .cloudbase
        .into_iter()
        .map(|bound| bound.provider_id)
        .collect();
    assert_eq!(left, ["wx_open"]);

    let second = disconnect_all(&client, "wx_open").await.unwrap();
    assert_eq!(
        second,
        Disconnected {
            kept: Some("wx_open".to_owned()),
            ..Disconnected::default()
        }
    );
    // A login source that is not bound: the first bound one is kept instead.
    let third = disconnect_all(&client, "github").await.unwrap();
    assert_eq!(third.kept.as_deref(), Some("wx_open"));
    assert_eq!(fake.bindings().cloudbase.len(), 1);
}

#[tokio::test]
async fn the_requests_it_sends_conform_and_snapshot_without_the_token() {
    let fake = fake().await;
    disconnect_all(&client(&fake.cloudbase_url()), "wx_open")
        .await
        .unwrap();

    let spec = Spec::from_yaml(cloudbase_client::mock::OPENAPI_JSON).unwrap();
    let shapes = fake
        .requests("cloudbase")
        .iter()
        .map(|request| spec.shape(request))
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let text = serde_json::to_string(&shapes).unwrap();
    // No part of the token, however short a piece: six characters of it anywhere fail.
    let chars: Vec<char> = TOKEN.chars().collect();
    for part in chars.windows(6).map(|w| w.iter().collect::<String>()) {
        assert!(!text.contains(&part), "{part:?} of the token in:\n{text}");
    }
    insta::assert_json_snapshot!("disconnect_all_requests", shapes);
}
