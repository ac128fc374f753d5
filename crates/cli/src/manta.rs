//! `unbind manta …`.

use serde_json::json;
use unbind::Unbinder;
use unbind::manta::{BASE_URL, ListQuery, MantaClient};

use crate::bulk::Console;
use crate::cli::{BulkArgs, MantaAction, MantaBot};
use crate::env::{Env, MANTA_SECRET, MANTA_TOKEN};
use crate::error::CliError;
use crate::output::{Report, line, outcome, show, to_json};
use crate::save::CredentialFile;

const SECRET_WHAT: &str = "the MantaGo API secret";
const TOKEN_WHAT: &str = "the MantaGo API token; unset it to log in with MANTA_SECRET";

/// Runs a MantaGo action.
pub async fn run(
    action: &MantaAction,
    base_url: Option<&str>,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let base_url = base_url.unwrap_or(BASE_URL);
    let client = connect(base_url, action.bot(), env).await?;
    let bot_id = &action.bot().bot_id;
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
        MantaAction::Bind { .. } | MantaAction::Unbind { .. } => {
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

/// A client from `MANTA_TOKEN`, or by logging in with `MANTA_SECRET` when it is unset.
///
/// Logging in makes MantaGo rotate the secret, so it is refused unless `--save-credentials`
/// names a file for the new token and secret; otherwise the caller would be locked out.
async fn connect(base_url: &str, bot: &MantaBot, env: &Env<'_>) -> Result<MantaClient, CliError> {
    let secret = env.secret(MANTA_SECRET, SECRET_WHAT)?;
    if let Some(token) = env.optional_secret(MANTA_TOKEN, TOKEN_WHAT)? {
        return Ok(MantaClient::new(base_url, &bot.bot_id, secret, token)?);
    }
    let Some(path) = &bot.save_credentials else {
        return Err(CliError::Input(format!(
            "{MANTA_TOKEN} is not set, and logging in with {MANTA_SECRET} makes MantaGo rotate \
             the secret: set {MANTA_TOKEN}, or pass --save-credentials FILE to keep the new \
             token and secret"
        )));
    };
    let file = CredentialFile::create(path)?;
    let client = match MantaClient::login(base_url, &bot.bot_id, secret).await {
        Ok(client) => client,
        Err(error) => {
            file.discard();
            return Err(error.into());
        }
    };
    let credentials = client.credentials();
    let mut entries = Vec::new();
    if let Some(token) = credentials.token() {
        env.remember(token.clone());
        entries.push((MANTA_TOKEN, token));
    }
    env.remember(credentials.secret().clone());
    entries.push((MANTA_SECRET, credentials.secret()));
    file.write(&entries)?;
    Ok(client)
}
