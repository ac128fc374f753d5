//! `unbind manta …`.

use serde_json::json;
use std::path::Path;
use unbind::Unbinder;

use unbind::manta::{BASE_URL, ListQuery, MantaClient, MantaSettings};

use crate::bulk::Console;
use crate::cli::{BulkArgs, MantaAction};
use crate::env::{Env, MANTA_SECRET, MANTA_TOKEN};
use crate::error::CliError;
use crate::output::{Report, line, outcome, show, to_json};
use crate::save::CredentialFile;

const SECRET_WHAT: &str = "the MantaGo API secret";
const TOKEN_WHAT: &str = "the MantaGo API token, sent as the bearer on every call";

/// Runs a MantaGo action.
pub async fn run(
    action: &MantaAction,
    base_url: Option<&str>,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let base_url = base_url.unwrap_or(BASE_URL);
    let bot_id = &action.bot().bot_id;
    if let MantaAction::Refresh {
        save_credentials, ..
    } = action
    {
        return refresh(base_url, bot_id, save_credentials, env).await;
    }
    let client = connect(base_url, bot_id, env)?;
    match action {
        MantaAction::List { query, .. } => {
            let page = client
                .list(&ListQuery {
                    customer_id: query.customer_id.clone(),
                    platform: query.platform.clone(),
                    name: query.name.clone(),
                    start_at: query.start_at,
                    end_at: query.end_at,
                    limit: query.limit,
                    offset: query.offset,
                    next: query.next.clone(),
                })
                .await?;
            let lines = page
                .list
                .iter()
                .map(|c| {
                    line(
                        &c.client_id,
                        &[
                            ("platform", c.platform.as_deref()),
                            ("customer", c.customer_id.as_deref()),
                            ("name", c.client_name.as_deref()),
                        ],
                    )
                })
                .collect();
            Ok(Report {
                next: page.next.filter(|next| !next.is_null()),
                ..Report::new(lines, to_json(&page.list))
            })
        }
        MantaAction::Unbind {
            bulk: bulk @ BulkArgs {
                from: Some(from), ..
            },
            ..
        } => crate::bulk::run(Unbinder::Manta(client), from, bulk, env, console).await,
        MantaAction::Refresh { .. } | MantaAction::Bind { .. } | MantaAction::Unbind { .. } => {
            let bind = matches!(action, MantaAction::Bind { .. });
            let (client_id, customer_id) = match action {
                MantaAction::Bind { binding, .. } => (&binding.client_id, &binding.customer_id),
                MantaAction::Unbind {
                    client_id: Some(client_id),
                    customer_id: Some(customer_id),
                    ..
                } => (client_id, customer_id),
                _ => {
                    return Err(CliError::Usage(
                        "manta unbind needs --client-id and --customer-id, or --from FILE"
                            .to_owned(),
                    ));
                }
            };
            let (word, note) = if bind {
                client.bind(client_id, customer_id).await?;
                ("bound", "")
            } else {
                outcome(client.unbind(client_id, customer_id).await?)
            };
            let text = format!(
                "MantaGo: {} customer {} {} client {} (bot {}){note}",
                if bind { "bound" } else { "unbound" },
                show(customer_id),
                if bind { "to" } else { "from" },
                show(client_id),
                show(bot_id),
            );
            Ok(Report::new(
                vec![text],
                json!({
                    "ok": true,
                    "provider": "manta",
                    "action": if bind { "bind" } else { "unbind" },
                    "bot_id": bot_id,
                    "client_id": client_id,
                    "customer_id": customer_id,
                    "outcome": word,
                }),
            ))
        }
    }
}

/// A client from `MANTA_SECRET` and `MANTA_TOKEN`, both required.
fn connect(base_url: &str, bot_id: &str, env: &Env<'_>) -> Result<MantaClient, CliError> {
    let secret = env.secret(MANTA_SECRET, SECRET_WHAT)?;
    let token = env.secret(MANTA_TOKEN, TOKEN_WHAT)?;
    Ok(MantaClient::new(base_url, bot_id, secret, token)?)
}

/// `manta refresh`: rotates the pair and writes the new one to `path` as soon as MantaGo
/// answers, before the new pair is checked: MantaGo has already retired the old one.
async fn refresh(
    base_url: &str,
    bot_id: &str,
    path: &Path,
    env: &Env<'_>,
) -> Result<Report, CliError> {
    let client = connect(base_url, bot_id, env)?;
    // Created first, so that a bad path fails before anything is rotated.
    let file = CredentialFile::create(path)?;
    let issued = match client.rotate().await {
        Ok(issued) => issued,
        Err(error) => {
            file.discard();
            return Err(error.into());
        }
    };
    let mut entries = vec![(MANTA_SECRET, issued.secret())];
    env.remember(issued.secret().clone());
    if let Some(token) = issued.token() {
        env.remember(token.clone());
        entries.insert(0, (MANTA_TOKEN, token));
    }
    file.write(&entries)?;
    MantaClient::with_settings(base_url, bot_id, issued, MantaSettings::default()).map_err(
        |error| {
            CliError::Local(format!(
                "MantaGo issued a new token and secret, saved to {}, but they fail a local \
                 check: {error}",
                path.display()
            ))
        },
    )?;
    Ok(Report::new(
        vec![format!(
            "MantaGo: new token and secret for bot {} saved to {}",
            show(bot_id),
            show(&path.display().to_string())
        )],
        json!({
            "ok": true,
            "provider": "manta",
            "action": "refresh",
            "bot_id": bot_id,
            "saved_to": path.display().to_string(),
        }),
    ))
}
