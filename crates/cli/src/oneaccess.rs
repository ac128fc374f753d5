//! `unbind oneaccess …`.

use serde_json::json;
use unbind::Unbinder;
use unbind::auth::SecretString;
use unbind::auth::oneaccess::{DeviceProfile, SignerSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessSettings};

use crate::bulk::Console;
use crate::cli::{BulkArgs, OneAccessAction, OneAccessDevice};
use crate::env::{Env, ONEACCESS_SESSION_TOKEN, ONEACCESS_STATE_TOKEN};
use crate::error::CliError;
use crate::output::{Report, line, outcome, show, to_json};

/// Runs a OneAccess action.
pub async fn run(
    action: &OneAccessAction,
    base_url: Option<&str>,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let base_url = base_url.ok_or_else(|| {
        CliError::Usage("oneaccess needs --base-url URL: each tenant has its own domain".to_owned())
    })?;
    let device = action.device();
    match action {
        OneAccessAction::List { .. } => {
            let client = client(base_url, device, session(env)?)?;
            let accounts = client.list().await?;
            let lines = accounts
                .iter()
                .map(|a| {
                    line(
                        &a.id,
                        &[
                            ("type", a.social_type.as_deref()),
                            ("nickname", a.social_nickname.as_deref()),
                            ("uid", a.social_uid.as_deref()),
                            ("created", a.created_at.as_deref()),
                        ],
                    )
                })
                .collect();
            Ok(Report::new(lines, to_json(&accounts)))
        }
        OneAccessAction::Unbind {
            bulk: bulk @ BulkArgs {
                from: Some(from), ..
            },
            ..
        } => {
            let client = client(base_url, device, session(env)?)?;
            crate::bulk::run(
                Unbinder::OneAccess(Box::new(client)),
                from,
                bulk,
                env,
                console,
            )
            .await
        }
        OneAccessAction::Unbind { id, .. } => {
            let id = id.as_deref().ok_or_else(|| {
                CliError::Usage("oneaccess unbind needs --id ID or --from FILE".to_owned())
            })?;
            let client = client(base_url, device, session(env)?)?;
            let (word, note) = outcome(client.unbind(id).await?);
            Ok(Report::new(
                vec![format!(
                    "OneAccess: unbound social account {}{note}",
                    show(id)
                )],
                json!({"ok": true, "provider": "oneaccess", "action": "unbind", "id": id, "outcome": word}),
            ))
        }
        OneAccessAction::Bind {
            mobile,
            verify_code,
            ..
        } => {
            let state_token = env.secret(
                ONEACCESS_STATE_TOKEN,
                "the state token of the OneAccess social login to bind",
            )?;
            let session = OneAccessClient::bind(
                base_url,
                profile(device),
                &state_token,
                mobile,
                verify_code,
                &settings(device),
            )
            .await?;
            // The new session's tokens are secrets: say that there is one, never what it is.
            let issued = session.session_token.is_some();
            for token in session.session_token.iter().chain(&session.id_token) {
                env.remember(token.clone());
            }
            let mut text = format!(
                "OneAccess: bound the social account to mobile {}",
                show(mobile)
            );
            if issued {
                text.push_str(" (a session was issued; its tokens are not printed)");
            }
            Ok(Report::new(
                vec![text],
                json!({
                    "ok": true,
                    "provider": "oneaccess",
                    "action": "bind",
                    "mobile": mobile,
                    "session_issued": issued,
                    "expire": session.expire,
                    "status": session.status,
                }),
            ))
        }
    }
}

fn session(env: &Env<'_>) -> Result<SecretString, CliError> {
    env.secret(ONEACCESS_SESSION_TOKEN, "the OneAccess session token")
}

fn client(
    base_url: &str,
    device: &OneAccessDevice,
    session_token: SecretString,
) -> Result<OneAccessClient, CliError> {
    Ok(OneAccessClient::with_settings(
        base_url,
        profile(device),
        session_token,
        settings(device),
    )?)
}

fn profile(device: &OneAccessDevice) -> DeviceProfile {
    DeviceProfile {
        operating_sys_version: device.os_version.clone(),
        device_fingerprint: device.device_fingerprint.clone(),
        agent: device.agent.clone(),
        client_id: device.client_id.clone(),
        device_ip: device.device_ip.clone(),
        language: device.language.clone(),
        tenant_id: device.tenant_id.clone(),
    }
}

fn settings(device: &OneAccessDevice) -> OneAccessSettings {
    OneAccessSettings {
        signer: SignerSettings {
            mgf1: device.mgf1.into(),
            nonce: device.nonce.into(),
            timestamp_unit: device.timestamp_unit.into(),
        },
        ..OneAccessSettings::default()
    }
}
