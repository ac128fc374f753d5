//! `Fake::bindings`: what is bound at each provider, read from the fake itself, as a test of an
//! application's own code would assert after that code ran.

use unbind::UnbindOutcome;
use unbind::auth::SecretString;
use unbind::cloudbase::CloudBaseClient;
use unbind_fake::{CloudBaseBound, MantaBinding, OneAccessBinding, Seed};

use crate::common::demo;

#[tokio::test]
async fn bindings_are_the_seed_s_and_then_what_the_calls_left() {
    let fake = demo().await;
    let seed = Seed::demo();
    let before = fake.bindings();
    let manta: Vec<MantaBinding> = seed
        .manta
        .bots
        .iter()
        .flat_map(|bot| {
            bot.clients.iter().filter_map(|c| {
                c.customer_id.clone().map(|customer_id| MantaBinding {
                    bot_id: bot.id.clone(),
                    client_id: c.client_id.clone(),
                    customer_id,
                })
            })
        })
        .collect();
    let oneaccess: Vec<OneAccessBinding> = seed
        .oneaccess
        .users
        .iter()
        .flat_map(|u| {
            u.social.iter().map(|s| OneAccessBinding {
                username: u.username.clone(),
                social_type: s.social_type.clone(),
                social_uid: s.social_uid.clone(),
            })
        })
        .collect();
    assert_eq!(before.manta, manta);
    assert_eq!(before.oneaccess, oneaccess);
    let wx_open = CloudBaseBound {
        user: 0,
        provider_id: "wx_open".to_owned(),
        provider_user_name: before
            .cloudbase
            .iter()
            .find(|b| b.provider_id == "wx_open")
            .and_then(|b| b.provider_user_name.clone()),
    };
    assert!(before.cloudbase.contains(&wx_open), "{before:?}");

    let client = CloudBaseClient::new(
        &fake.cloudbase_url(),
        SecretString::from("demo-access-token"),
    )
    .expect("client");
    assert_eq!(
        client.unbind("wx_open").await.expect("unbind"),
        UnbindOutcome::Unbound
    );
    let after = fake.bindings();
    assert!(!after.cloudbase.contains(&wx_open), "{after:?}");
    assert_eq!(after.cloudbase.len() + 1, before.cloudbase.len());
    assert_eq!(
        (after.manta, after.oneaccess),
        (before.manta, before.oneaccess)
    );
}
