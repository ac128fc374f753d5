//! Bad input: each line checked as a single unbind would check it, an oversize id refused, a journal of another target refused, all before anything is sent.

use super::*;

/// The start of a text that may hold a whole oversize id, for a failure message.
fn short(text: impl std::fmt::Display) -> String {
    text.to_string().chars().take(160).collect()
}

// ---------------------------------------------------------------------------------------------
// Every input line gets the single-account checks (issue 11, items 5 and 6)

/// Call settings without retries, for the clients of these tests.
fn no_retries() -> CallSettings {
    CallSettings {
        retry: RetryPolicy::never(),
        ..CallSettings::default()
    }
}

fn manta(base: &str) -> Unbinder {
    use unbind::auth::manta::Credentials;
    use unbind::manta::{MantaClient, MantaSettings};
    Unbinder::Manta(
        MantaClient::with_settings(
            base,
            "bot-1",
            Credentials::new(SecretString::from("api-secret"))
                .with_token(SecretString::from(SECRET)),
            MantaSettings {
                call: no_retries(),
                ..MantaSettings::default()
            },
        )
        .unwrap(),
    )
}

fn oneaccess(base: &str) -> Unbinder {
    use unbind::oneaccess::{OneAccessClient, OneAccessSettings};
    let device = unbind_test_fixtures::device();
    Unbinder::OneAccess(Box::new(
        OneAccessClient::with_settings(
            base,
            device,
            SecretString::from(SECRET),
            OneAccessSettings {
                call: no_retries(),
                ..OneAccessSettings::default()
            },
        )
        .unwrap(),
    ))
}

/// An account of each provider with one bad id, and its input line.
fn bad_accounts() -> Vec<(Account, Value)> {
    let long = "x".repeat(1025);
    let longer = "y".repeat(60_000);
    let mut cases = Vec::new();
    for bad in [
        "a/b", "..", ".", "a%2Fb", "a\\b", "a\u{1}b", "a\u{7f}", &long, &longer,
    ] {
        cases.push((
            Account::CloudBase {
                provider_id: bad.to_owned(),
            },
            json!({"provider_id": bad}),
        ));
    }
    for (client_id, customer_id) in [("c\u{7}", "u-1"), ("c-1", long.as_str()), (&longer, "u-1")] {
        cases.push((
            Account::Manta {
                client_id: client_id.to_owned(),
                customer_id: customer_id.to_owned(),
            },
            json!({"clientId": client_id, "customerId": customer_id}),
        ));
    }
    for bad in ["\u{1b}[31m", "a\nb", &long] {
        cases.push((
            Account::OneAccess { id: bad.to_owned() },
            json!({"id": bad}),
        ));
    }
    cases
}

#[tokio::test]
async fn input_lines_get_every_check_a_single_unbind_applies() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let unbinders = [
        unbinder(&uri, RetryPolicy::never()),
        manta(&uri),
        oneaccess(&uri),
    ];
    for (account, line) in bad_accounts() {
        let provider = account.provider();
        let client = unbinders.iter().find(|u| u.provider() == provider).unwrap();
        let line_text = short(&line);
        let (field, reason) = match client.unbind(&account).await {
            Err(unbind::Error::InvalidInput { field, reason }) => (field, reason),
            other => panic!(
                "{line_text}: the single-account path did not refuse it: {}",
                short(format!("{other:?}"))
            ),
        };
        assert!(
            received(&server).await.is_empty(),
            "{line_text}: a request was sent"
        );

        let good = match provider {
            Provider::Manta => json!({"clientId": "c-1", "customerId": "u-1"}),
            Provider::OneAccess => json!({"id": "001G"}),
            Provider::CloudBase => json!({"provider_id": "github"}),
        };
        let text = format!("{good}\n{line}\n{good}\n");
        let read: Vec<_> = Accounts::new(Cursor::new(text), provider).collect();
        assert_eq!(read.len(), 2, "{line_text}: the line after it was read");
        let Err(error) = &read[1] else {
            panic!("{line_text}: read as an account");
        };
        let error = error.to_string();
        assert!(
            error == format!("line 2 has a \"{field}\" that {reason}"),
            "{line_text}: {}",
            short(&error)
        );
    }
}

#[tokio::test]
async fn an_oversize_id_is_invalid_input_and_nothing_is_sent() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let huge = "x".repeat(100_000);
    let cases = [
        (
            unbinder(&uri, RetryPolicy::never()),
            "provider_id",
            Account::CloudBase {
                provider_id: huge.clone(),
            },
        ),
        (
            manta(&uri),
            "customerId",
            Account::Manta {
                client_id: "c-1".into(),
                customer_id: huge.clone(),
            },
        ),
        (
            oneaccess(&uri),
            "id",
            Account::OneAccess { id: huge.clone() },
        ),
    ];
    for (client, field, account) in &cases {
        let error = client.unbind(account).await.unwrap_err();
        let text = error.to_string();
        assert!(
            text == format!("invalid input: {field} is longer than 1024 bytes"),
            "{} ({} bytes)",
            short(&text),
            text.len()
        );
        assert_eq!(error.kind(), unbind::ErrorKind::InvalidInput);
        assert!(
            received(&server).await.is_empty(),
            "{field}: a request was sent"
        );
    }
    // At the limit, the id is sent (the server answers 404: any error but invalid input).
    let at_limit = "x".repeat(1024);
    for (client, field, account) in cases {
        let account = match account {
            Account::CloudBase { .. } => Account::CloudBase {
                provider_id: at_limit.clone(),
            },
            Account::Manta { client_id, .. } => Account::Manta {
                client_id,
                customer_id: at_limit.clone(),
            },
            Account::OneAccess { .. } => Account::OneAccess {
                id: at_limit.clone(),
            },
        };
        let before = received(&server).await.len();
        let outcome = client.unbind(&account).await;
        assert!(
            !matches!(outcome, Err(unbind::Error::InvalidInput { .. })),
            "{field}: {}",
            short(format!("{outcome:?}"))
        );
        assert!(
            received(&server).await.len() > before,
            "{field}: nothing was sent"
        );
    }
}

/// A journal names where its runs went (the base URL; for MantaGo also the bot): a run against
/// another target refuses it before sending anything, since what the journal holds as done was
/// done there, not here. The same target still resumes.
#[tokio::test]
async fn a_journal_of_another_target_is_refused_and_nothing_is_sent() {
    let (there, here) = (ok_server().await, ok_server().await);
    let (_dir, path, mut journal) = new_journal();
    journaled(&unbinder_once(&there), input(&["github"]), &mut journal)
        .await
        .unwrap();
    assert_eq!(journal_lines(&path)[0]["target"], json!(there.uri()));

    let refused = journaled(
        &unbinder_once(&here),
        input(&["github", "wx_open"]),
        &mut journal,
    )
    .await;
    let error = refused.err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            format!(
                "journal {} records runs against {}, not {}: use another journal for this run",
                path.display(),
                there.uri(),
                here.uri()
            )
            .as_str()
        )
    );
    assert!(unbound_at(&here).await.is_empty());
    assert_eq!(journal_lines(&path).len(), 1, "nothing written");

    let resumed = journaled(
        &unbinder_once(&there),
        input(&["github", "wx_open"]),
        &mut journal,
    )
    .await
    .unwrap();
    assert_eq!((resumed.skipped, resumed.unbound), (1, 1));
}
