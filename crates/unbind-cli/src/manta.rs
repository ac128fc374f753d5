//! `unbind manta …`: its flags and its runner.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::json;
use unbind::auth::manta::Credentials;
use unbind::manta::{BASE_URL, ListQuery, MantaClient, MantaSettings};
use unbind::{CallSettings, Unbinder};

use crate::bulk::Console;
use crate::env::{Env, MANTA_SECRET, MANTA_TOKEN};
use crate::error::CliError;
use crate::flags::{BulkArgs, unbind_help};
use crate::output::{Report, line, outcome, show, to_json};
use crate::runner::{self, Provider, Step, StepOf};
use crate::save::CredentialFile;

const SECRET_WHAT: &str = "the MantaGo API secret";
const TOKEN_WHAT: &str = "the MantaGo API token, sent as the bearer on every call";

pub(crate) const MANTA_HELP: &str = "\
Environment: MANTA_SECRET and MANTA_TOKEN (both required: MantaGo takes the bearer token on
every call). Default base URL: https://mantago.cc/api

Example:
  MANTA_SECRET=… MANTA_TOKEN=… unbind manta unbind --bot-id bot-1 --client-id c-9 --customer-id u-42";

const MANTA_LIST_HELP: &str = "\
Example:
  MANTA_SECRET=… MANTA_TOKEN=… unbind manta list --bot-id bot-1 --customer-id u-42 --limit 20";

const MANTA_REFRESH_HELP: &str = "\
MantaGo answers a new token and secret and refuses the old pair from then on (code 120000).
The new pair is written to FILE as soon as it arrives, before anything else can fail. FILE
must not exist; it is created readable by its owner only and holds shell assignments
(`set -a; . FILE` loads them).

Example:
  MANTA_SECRET=… MANTA_TOKEN=… unbind manta refresh --bot-id bot-1 --save-credentials new.env";

const MANTA_BIND_HELP: &str = "\
Example:
  MANTA_SECRET=… MANTA_TOKEN=… unbind manta bind --bot-id bot-1 --client-id c-9 --customer-id u-42";

pub(crate) const MANTA_UNBIND_HELP: &str = unbind_help!(
    r#"{"clientId":"c-9","customerId":"u-42"}"#,
    "  MANTA_SECRET=… MANTA_TOKEN=… unbind manta unbind --bot-id bot-1 --client-id c-9 --customer-id u-42
  MANTA_SECRET=… MANTA_TOKEN=… unbind manta unbind --bot-id bot-1 --from customers.jsonl \\
    --journal journal.jsonl --concurrency 16 --rate 50"
);

/// MantaGo actions.
#[derive(Debug, Subcommand)]
pub enum MantaAction {
    /// List the bot's chat-platform clients, one page (POST /openapi/clients).
    #[command(after_help = MANTA_LIST_HELP)]
    List {
        /// The bot and its credentials.
        #[command(flatten)]
        bot: MantaBot,
        /// Filters and paging.
        #[command(flatten)]
        query: MantaListArgs,
    },
    /// Exchange MANTA_TOKEN and MANTA_SECRET for a new pair (POST /openapi/token).
    #[command(after_help = MANTA_REFRESH_HELP)]
    Refresh {
        /// The bot and its credentials.
        #[command(flatten)]
        bot: MantaBot,
        /// Where to write the new MANTA_TOKEN and MANTA_SECRET (must not exist yet).
        #[arg(long, value_name = "FILE")]
        save_credentials: PathBuf,
    },
    /// Bind a customer to a chat-platform client (POST /openapi/bind/customer).
    #[command(after_help = MANTA_BIND_HELP)]
    Bind {
        /// The bot and its credentials.
        #[command(flatten)]
        bot: MantaBot,
        /// The binding.
        #[command(flatten)]
        binding: MantaBinding,
    },
    /// Unbind a customer from a chat-platform client, or every one of a list
    /// (POST /openapi/unbind/customer).
    #[command(after_help = MANTA_UNBIND_HELP)]
    Unbind {
        /// The bot and its credentials.
        #[command(flatten)]
        bot: MantaBot,
        // One `#[arg]` per id flag (here and in cloudbase.rs and oneaccess.rs): clap's derive
        // cannot share an attribute between fields, and each flag is required unless `--from` is
        // given.
        /// The client id (platform UUID).
        #[arg(
            long,
            value_name = "ID",
            required_unless_present = "from",
            conflicts_with = "from"
        )]
        client_id: Option<String>,
        /// The customer id.
        #[arg(
            long,
            value_name = "ID",
            required_unless_present = "from",
            conflicts_with = "from"
        )]
        customer_id: Option<String>,
        /// A list of bindings instead of one.
        #[command(flatten)]
        bulk: BulkArgs,
    },
}

// One accessor per provider's action enum (as OneAccessAction::device, CloudBaseAction::target):
// each enum has its own variants.
impl MantaAction {
    /// The bot flags every action takes.
    pub fn bot(&self) -> &MantaBot {
        match self {
            MantaAction::List { bot, .. }
            | MantaAction::Refresh { bot, .. }
            | MantaAction::Bind { bot, .. }
            | MantaAction::Unbind { bot, .. } => bot,
        }
    }
}

/// The bot every MantaGo call is for.
#[derive(Debug, Args)]
pub struct MantaBot {
    /// The bot id (query parameter botId).
    #[arg(long, value_name = "ID")]
    pub bot_id: String,
}

/// Filters and paging of `manta list`.
#[derive(Debug, Args)]
pub struct MantaListArgs {
    /// Only clients bound to this customer.
    #[arg(long, value_name = "ID")]
    pub customer_id: Option<String>,
    /// Only clients of this chat platform.
    #[arg(long)]
    pub platform: Option<String>,
    /// Only clients with this name.
    #[arg(long)]
    pub name: Option<String>,
    /// Only clients created from this time on (13-digit Unix milliseconds).
    #[arg(long, value_name = "MILLIS")]
    pub start_at: Option<i64>,
    /// Only clients created up to this time (13-digit Unix milliseconds).
    #[arg(long, value_name = "MILLIS")]
    pub end_at: Option<i64>,
    /// Page size, 1 to 100 (MantaGo's default: 10).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=100))]
    pub limit: Option<u64>,
    /// Clients to skip (MantaGo's default: 0).
    #[arg(long)]
    pub offset: Option<u64>,
    /// The cursor a previous page reported.
    #[arg(long, value_name = "CURSOR")]
    pub next: Option<String>,
}

/// A customer and a chat-platform client.
#[derive(Debug, Args)]
pub struct MantaBinding {
    /// The client id (platform UUID).
    #[arg(long, value_name = "ID")]
    pub client_id: String,
    /// The customer id.
    #[arg(long, value_name = "ID")]
    pub customer_id: String,
}

/// Runs a MantaGo action.
pub(crate) async fn run(
    action: &MantaAction,
    base_url: Option<&str>,
    call: CallSettings,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let manta = Manta {
        action,
        base_url: base_url.unwrap_or(BASE_URL),
        bot_id: &action.bot().bot_id,
        settings: MantaSettings {
            call,
            ..MantaSettings::default()
        },
    };
    runner::run(&manta, env, console).await
}

/// A MantaGo action, with its base URL, bot and settings.
struct Manta<'a> {
    action: &'a MantaAction,
    base_url: &'a str,
    bot_id: &'a str,
    settings: MantaSettings,
}

/// A bind or an unbind of one customer: `bind`, the client id, the customer id.
type OneBinding<'a> = (bool, &'a str, &'a str);

impl<'a> Provider for Manta<'a> {
    type Client = MantaClient;
    type List = &'a MantaListArgs;
    type One = OneBinding<'a>;
    /// `refresh`: where to save the new pair.
    type Own = &'a Path;

    fn step(&self) -> Result<StepOf<'_, Self>, CliError> {
        Ok(match self.action {
            MantaAction::List { query, .. } => Step::List(query),
            MantaAction::Refresh {
                save_credentials, ..
            } => Step::Own(save_credentials),
            MantaAction::Unbind {
                bulk: args @ BulkArgs {
                    from: Some(from), ..
                },
                ..
            } => Step::Bulk { from, args },
            MantaAction::Bind { binding, .. } => {
                Step::One((true, &binding.client_id, &binding.customer_id))
            }
            MantaAction::Unbind {
                client_id: Some(client_id),
                customer_id: Some(customer_id),
                ..
            } => Step::One((false, client_id, customer_id)),
            MantaAction::Unbind { .. } => {
                return Err(CliError::Usage(
                    "manta unbind needs --client-id and --customer-id, or --from FILE".to_owned(),
                ));
            }
        })
    }

    fn connect(&self, env: &Env<'_>) -> Result<MantaClient, CliError> {
        connect(self.base_url, self.bot_id, self.settings.clone(), env)
    }

    async fn list(
        &self,
        client: &MantaClient,
        query: &'a MantaListArgs,
    ) -> Result<Report, CliError> {
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

    fn unbinder(client: MantaClient) -> Unbinder {
        Unbinder::Manta(client)
    }

    async fn one(
        &self,
        client: &MantaClient,
        (bind, client_id, customer_id): OneBinding<'a>,
    ) -> Result<Report, CliError> {
        let bot_id = self.bot_id;
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

    async fn own(&self, env: &Env<'_>, save_credentials: &'a Path) -> Result<Report, CliError> {
        refresh(
            self.base_url,
            self.bot_id,
            self.settings.clone(),
            save_credentials,
            env,
        )
        .await
    }
}

/// A client from `MANTA_SECRET` and `MANTA_TOKEN`, both required.
fn connect(
    base_url: &str,
    bot_id: &str,
    settings: MantaSettings,
    env: &Env<'_>,
) -> Result<MantaClient, CliError> {
    let secret = env.secret(MANTA_SECRET, SECRET_WHAT)?;
    let token = env.secret(MANTA_TOKEN, TOKEN_WHAT)?;
    let credentials = Credentials::new(secret).with_token(token);
    Ok(MantaClient::with_settings(
        base_url,
        bot_id,
        credentials,
        settings,
    )?)
}

/// `manta refresh`: rotates the pair and writes the new one to `path` as soon as MantaGo
/// answers, before the new pair is checked: MantaGo has already retired the old one.
async fn refresh(
    base_url: &str,
    bot_id: &str,
    settings: MantaSettings,
    path: &Path,
    env: &Env<'_>,
) -> Result<Report, CliError> {
    let client = connect(base_url, bot_id, settings.clone(), env)?;
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
    MantaClient::with_settings(base_url, bot_id, issued, settings).map_err(|error| {
        CliError::Local(format!(
            "MantaGo issued a new token and secret, saved to {}, but they fail a local \
                 check: {error}",
            path.display()
        ))
    })?;
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
