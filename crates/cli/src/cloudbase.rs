//! `unbind cloudbase …`.

use serde_json::json;
use unbind::Unbinder;
use unbind::auth::cloudbase::DeviceId;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings, base_url};

use crate::bulk::Console;
use crate::cli::{BulkArgs, CloudBaseAction};
use crate::env::{CLOUDBASE_ACCESS_TOKEN, CLOUDBASE_PROVIDER_TOKEN, Env};
use crate::error::CliError;
use crate::output::{Report, line, outcome, show, to_json};

/// Runs a CloudBase action.
pub async fn run(
    action: &CloudBaseAction,
    base: Option<&str>,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let target = action.target();
    let base = match (base, &target.env) {
        (Some(url), _) => url.to_owned(),
        (None, Some(id)) => base_url(id)?,
        (None, None) => {
            return Err(CliError::Usage(
                "cloudbase needs --env ID (or --base-url URL)".to_owned(),
            ));
        }
    };
    let device_id = target
        .device_id
        .as_deref()
        .map(DeviceId::new)
        .transpose()
        .map_err(unbind::Error::from)?;
    let access_token = env.secret(CLOUDBASE_ACCESS_TOKEN, "the CloudBase access token")?;
    let settings = CloudBaseSettings {
        device_id,
        client_id: target.client_id.clone(),
        with_user_center: target.with_user_center.then_some(true),
        ..CloudBaseSettings::default()
    };
    match action {
        CloudBaseAction::List { .. } => {
            let client = CloudBaseClient::with_settings(&base, access_token, settings)?;
            let providers = client.list().await?;
            let lines = providers
                .iter()
                .map(|p| {
                    let bound = p.bind.map(|b| if b { "yes" } else { "no" });
                    line(
                        &p.id,
                        &[
                            ("bound", bound),
                            ("name", p.name.as_deref()),
                            ("user", p.provider_user_name.as_deref()),
                            ("type", p.provider_type.as_deref()),
                        ],
                    )
                })
                .collect();
            Ok(Report::new(lines, to_json(&providers)))
        }
        CloudBaseAction::Unbind {
            bulk: bulk @ BulkArgs {
                from: Some(from), ..
            },
            ..
        } => {
            let client = CloudBaseClient::with_settings(&base, access_token, settings)?;
            crate::bulk::run(Unbinder::CloudBase(client), from, bulk, env, console).await
        }
        CloudBaseAction::Unbind { provider_id, .. } => {
            let provider_id = provider_id.as_deref().ok_or_else(|| {
                CliError::Usage("cloudbase unbind needs --provider-id ID or --from FILE".to_owned())
            })?;
            let client = CloudBaseClient::with_settings(&base, access_token, settings)?;
            let (word, note) = outcome(client.unbind(provider_id).await?);
            Ok(Report::new(
                vec![format!(
                    "CloudBase: unbound identity source {}{note}",
                    show(provider_id)
                )],
                json!({
                    "ok": true,
                    "provider": "cloudbase",
                    "action": "unbind",
                    "provider_id": provider_id,
                    "outcome": word,
                }),
            ))
        }
        CloudBaseAction::Bind { .. } => {
            let provider_token = env.secret(
                CLOUDBASE_PROVIDER_TOKEN,
                "the provider token of the identity to bind",
            )?;
            let client = CloudBaseClient::with_settings(&base, access_token, settings)?;
            client.bind(&provider_token).await?;
            Ok(Report::new(
                vec!["CloudBase: bound the identity behind the provider token".to_owned()],
                json!({"ok": true, "provider": "cloudbase", "action": "bind"}),
            ))
        }
    }
}
