//! MantaGo through the facade against the fake: the whole cycle, token rotation, the rate
//! limit, and what the fake refuses.

use crate::common::{answers_conform, demo, status_and_code};
use std::sync::Arc;
use std::time::Duration;
use unbind::auth::{ExposeSecret as _, SecretString};
use unbind::manta::{ListQuery, MantaClient};
use unbind::{CallSettings, RetryPolicy, UnbindOutcome};

use unbind_fake::{Fake, MantaBot, MantaClient as SeedClient, MantaSeed, ManualClock, Seed};

fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

/// The client ids bound to `customer`.
async fn clients_of(client: &MantaClient, customer: &str) -> Vec<String> {
    let list = client
        .list(&ListQuery {
            customer_id: Some(customer.into()),
            ..ListQuery::default()
        })
        .await
        .expect("list");
    list.list.into_iter().map(|c| c.client_id).collect()
}

#[tokio::test]
async fn full_cycle_refresh_bind_list_unbind_and_unbind_again() {
    let fake = demo().await;
    // /openapi/token takes the current pair, as every call does, and rotates it.
    // Each test makes its own client of the demo bot, with the credentials it needs.
    let client = MantaClient::new(
        &fake.manta_url(),
        "demo-bot",
        secret("demo-secret"),
        secret("demo-token"),
    )
    .expect("client")
    .refresh()
    .await
    .expect("refresh");

    assert!(clients_of(&client, "u-2").await.is_empty());
    client.bind("c-2", "u-2").await.expect("bind");
    assert_eq!(clients_of(&client, "u-2").await, ["c-2"]);
    let got = client.get_client("c-2", None, None).await.expect("get");
    assert_eq!(got.customer_id.as_deref(), Some("u-2"));

    assert_eq!(
        client.unbind("c-2", "u-2").await.expect("unbind"),
        UnbindOutcome::Unbound
    );
    assert!(clients_of(&client, "u-2").await.is_empty());
    assert_eq!(
        client.unbind("c-2", "u-2").await.expect("unbind again"),
        UnbindOutcome::AlreadyUnbound
    );

    let operations: Vec<String> = answers_conform(&fake, "manta")
        .into_iter()
        .map(|(op, _)| op)
        .collect();
    for op in [
        "get_api_token",
        "bind_customer",
        "unbind_customer",
        "list_clients",
        "get_client",
    ] {
        assert!(
            operations.iter().any(|o| o == op),
            "{op} not seen: {operations:?}"
        );
    }
}

#[tokio::test]
async fn a_refresh_retires_the_old_token_and_secret() {
    let fake = demo().await;
    let old = MantaClient::new(
        &fake.manta_url(),
        "demo-bot",
        secret("demo-secret"),
        secret("demo-token"),
    )
    .expect("client");
    let new = old.refresh().await.expect("refresh");
    assert_ne!(new.credentials().secret().expose_secret(), "demo-secret");

    assert_eq!(clients_of(&new, "u-1").await, ["c-1"]);
    let refused = old.list(&ListQuery::default()).await.unwrap_err();
    assert_eq!(status_and_code(&refused), (401, Some("120000".into())));
    answers_conform(&fake, "manta");
}

#[tokio::test]
async fn a_wrong_token_secret_or_bot_is_refused_with_its_code() {
    let fake = demo().await;
    let url = fake.manta_url();
    let cases = [
        ("demo-bot", "demo-secret", "wrong-token", (401, "1004")),
        ("demo-bot", "wrong-secret", "demo-token", (403, "1002")),
        ("no-such-bot", "demo-secret", "demo-token", (404, "5001")),
    ];
    for (bot, the_secret, token, (status, code)) in cases {
        let client =
            MantaClient::new(&url, bot, secret(the_secret), secret(token)).expect("client");
        let error = client.unbind("c-1", "u-1").await.unwrap_err();
        assert_eq!(
            status_and_code(&error),
            (status, Some(code.to_owned())),
            "{bot}/{the_secret}/{token}"
        );
        // Nothing the fake answered, nor the error, holds the secret or token.
        let shown = format!("{error} {error:?}");
        assert!(
            !shown.contains(the_secret) && !shown.contains(token),
            "{shown}"
        );
    }
    // The binding is still there: no refused call changed anything.
    let client = MantaClient::new(
        &url,
        "demo-bot",
        secret("demo-secret"),
        secret("demo-token"),
    )
    .expect("client");
    assert_eq!(clients_of(&client, "u-1").await, ["c-1"]);
    answers_conform(&fake, "manta");
}

fn limited_seed() -> Seed {
    Seed {
        manta: MantaSeed {
            bots: vec![MantaBot {
                id: "bot".into(),
                secret: "s".into(),
                tokens: vec!["t".into()],
                clients: vec![SeedClient {
                    client_id: "c".into(),
                    platform: "line".into(),
                    ..SeedClient::default()
                }],
            }],
            rate_limit_per_second: Some(1),
        },
        ..Seed::default()
    }
}

fn no_retries() -> unbind::manta::MantaSettings {
    unbind::manta::MantaSettings {
        call: CallSettings {
            retry: RetryPolicy::never(),
            ..CallSettings::default()
        },
        ..Default::default()
    }
}

// A fake on a hand-driven clock, started as the OneAccess clock test starts its own: each seeds and
// drives it differently.
#[tokio::test]
async fn over_the_rate_limit_the_fake_answers_429_with_retry_after_until_the_window_ends() {
    let clock = Arc::new(ManualClock::new(1_700_000_000_000));
    let fake = Fake::builder()
        .seed(limited_seed())
        .clock(clock.clone())
        .record_exchanges(true)
        .start()
        .await
        .expect("fake");
    let client = MantaClient::with_settings(
        &fake.manta_url(),
        "bot",
        unbind::auth::manta::Credentials::new(secret("s")).with_token(secret("t")),
        no_retries(),
    )
    .expect("client");
    client.bind("c", "u").await.expect("first call");
    clock.advance(300);
    let limited = client.unbind("c", "u").await.unwrap_err();
    let provider = limited.provider_error().expect("provider error");
    assert_eq!(
        (provider.status, provider.code.as_deref()),
        (429, Some("429"))
    );
    assert_eq!(provider.retry_after, Some(Duration::from_secs(1)));

    clock.advance(700);
    assert_eq!(
        client.unbind("c", "u").await.expect("unbind"),
        UnbindOutcome::Unbound
    );
    let statuses: Vec<u16> = answers_conform(&fake, "manta")
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(statuses, [200, 429, 200]);
}

/// Calls `/openapi/token` directly (the facade always sends what it holds) with `bearer`
/// and `secret`; returns the status and `errResponse.code` (0 on success).
async fn token_call(fake: &Fake, bearer: Option<&str>, secret: &str) -> (u16, i64) {
    let mut request = reqwest::Client::new()
        .post(format!("{}/openapi/token?botId=demo-bot", fake.manta_url()))
        .json(&serde_json::json!({ "secret": secret }));
    if let Some(bearer) = bearer {
        request = request.bearer_auth(bearer);
    }
    let answer = request.send().await.expect("answer");
    let status = answer.status().as_u16();
    let body: serde_json::Value = answer.json().await.expect("json");
    (status, body["errResponse"]["code"].as_i64().unwrap_or(0))
}

#[tokio::test]
async fn the_token_call_needs_the_current_bearer_token_and_secret() {
    let fake = demo().await;
    assert_eq!(token_call(&fake, None, "demo-secret").await, (401, 1004));
    assert_eq!(
        token_call(&fake, Some("wrong-token"), "demo-secret").await,
        (401, 1004)
    );
    assert_eq!(
        token_call(&fake, Some("demo-token"), "wrong-secret").await,
        (403, 1002)
    );
    // None of the refused calls rotated anything: the demo pair still works, once.
    assert_eq!(
        token_call(&fake, Some("demo-token"), "demo-secret").await,
        (200, 0)
    );
    assert_eq!(
        token_call(&fake, Some("demo-token"), "demo-secret").await,
        (401, 120000)
    );
    answers_conform(&fake, "manta");
}
