//! `unbind cloudbase …`: its flags and its runner.

use clap::{Args, Subcommand};
use serde_json::json;
use unbind::auth::SecretString;
use unbind::auth::cloudbase::DeviceId;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings, base_url};
use unbind::{CallSettings, Unbinder};

use crate::bulk::Console;
use crate::env::{CLOUDBASE_ACCESS_TOKEN, CLOUDBASE_PROVIDER_TOKEN, Env};
use crate::error::CliError;
use crate::flags::{BulkArgs, unbind_help};
use crate::output::{Report, line, outcome, show, to_json};
use crate::runner::{self, Provider, Step, StepOf};

pub(crate) const CLOUDBASE_HELP: &str = "\
Environment: CLOUDBASE_ACCESS_TOKEN (all), CLOUDBASE_PROVIDER_TOKEN (bind).
The base URL is https://{env}.api.tcloudbasegateway.com from --env, unless --base-url is given.

Example:
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --provider-id github";

const CLOUDBASE_LIST_HELP: &str = "\
Example:
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase list --env my-env";

pub(crate) const CLOUDBASE_UNBIND_HELP: &str = unbind_help!(
    r#"{"provider_id":"github"}"#,
    "  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --provider-id github
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --from accounts.jsonl \\
    --journal journal.jsonl --concurrency 16 --rate 50"
);

const CLOUDBASE_BIND_HELP: &str = "\
Example:
  CLOUDBASE_ACCESS_TOKEN=… CLOUDBASE_PROVIDER_TOKEN=… unbind cloudbase bind --env my-env";

/// CloudBase actions.
#[derive(Debug, Subcommand)]
pub enum CloudBaseAction {
    /// List the identity sources and whether each is bound (GET /auth/v1/user/provider).
    #[command(after_help = CLOUDBASE_LIST_HELP)]
    List {
        /// Environment and device.
        #[command(flatten)]
        target: CloudBaseTarget,
    },
    /// Bind the account behind CLOUDBASE_PROVIDER_TOKEN (POST /auth/v1/user/provider/bind).
    #[command(after_help = CLOUDBASE_BIND_HELP)]
    Bind {
        /// Environment and device.
        #[command(flatten)]
        target: CloudBaseTarget,
    },
    /// Unbind an identity source, or every one of a list
    /// (DELETE /auth/v1/user/provider/{provider_id}).
    #[command(after_help = CLOUDBASE_UNBIND_HELP)]
    Unbind {
        /// Environment and device.
        #[command(flatten)]
        target: CloudBaseTarget,
        // The same `#[arg]` as MantaGo's id flags (manta.rs): clap's derive cannot share an
        // attribute between fields.
        /// The identity source id (github, wx_open, …), as the list shows it.
        #[arg(
            long,
            value_name = "ID",
            required_unless_present = "from",
            conflicts_with = "from"
        )]
        provider_id: Option<String>,
        /// A list of identity sources instead of one.
        #[command(flatten)]
        bulk: BulkArgs,
    },
}

impl CloudBaseAction {
    /// The environment flags every action takes.
    pub fn target(&self) -> &CloudBaseTarget {
        match self {
            CloudBaseAction::List { target }
            | CloudBaseAction::Bind { target }
            | CloudBaseAction::Unbind { target, .. } => target,
        }
    }
}

/// The CloudBase environment, device and options.
#[derive(Debug, Args)]
pub struct CloudBaseTarget {
    /// The environment id, which gives the base URL unless `--base-url` is given.
    #[arg(
        long,
        value_name = "ID",
        help = "The environment id; the base URL is https://{env}.api.tcloudbasegateway.com \
                unless --base-url is given"
    )]
    pub env: Option<String>,
    /// x-device-id: 16 to 48 characters of A-Z, a-z, 0-9, '_', '-' (default: a new random id).
    #[arg(long, value_name = "ID")]
    pub device_id: Option<String>,
    /// client_id query parameter of unbind (default: not sent; CloudBase uses the environment).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Send with_user_center=true (unbind: query; bind: body).
    #[arg(long)]
    pub with_user_center: bool,
}

/// Runs a CloudBase action.
pub(crate) async fn run(
    action: &CloudBaseAction,
    base: Option<&str>,
    call: CallSettings,
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
        call,
        ..CloudBaseSettings::default()
    };
    let cloudbase = CloudBase {
        action,
        base,
        access_token,
        settings,
    };
    runner::run(&cloudbase, env, console).await
}

/// A CloudBase action, with its base URL, access token and settings.
struct CloudBase<'a> {
    action: &'a CloudBaseAction,
    base: String,
    access_token: SecretString,
    settings: CloudBaseSettings,
}

impl<'a> Provider for CloudBase<'a> {
    type Client = CloudBaseClient;
    type List = ();
    /// `unbind`: the identity source's id.
    type One = &'a str;
    /// `bind`: nothing more than the provider token in the environment.
    type Own = ();

    fn step(&self) -> Result<StepOf<'_, Self>, CliError> {
        Ok(match self.action {
            CloudBaseAction::List { .. } => Step::List(()),
            CloudBaseAction::Unbind {
                bulk: args @ BulkArgs {
                    from: Some(from), ..
                },
                ..
            } => Step::Bulk { from, args },
            CloudBaseAction::Unbind { provider_id, .. } => {
                Step::One(provider_id.as_deref().ok_or_else(|| {
                    CliError::Usage(
                        "cloudbase unbind needs --provider-id ID or --from FILE".to_owned(),
                    )
                })?)
            }
            CloudBaseAction::Bind { .. } => Step::Own(()),
        })
    }

    fn connect(&self, _env: &Env<'_>) -> Result<CloudBaseClient, CliError> {
        Ok(CloudBaseClient::with_settings(
            &self.base,
            self.access_token.clone(),
            self.settings.clone(),
        )?)
    }

    async fn list(&self, client: &CloudBaseClient, (): ()) -> Result<Report, CliError> {
        let providers = client.list().await?;
        // The list's output is built like the other providers' (oneaccess.rs, manta.rs): one
        // line per item, with that provider's own fields.
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

    fn unbinder(client: CloudBaseClient) -> Unbinder {
        Unbinder::CloudBase(client)
    }

    async fn one(
        &self,
        client: &CloudBaseClient,
        provider_id: &'a str,
    ) -> Result<Report, CliError> {
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

    async fn own(&self, env: &Env<'_>, (): ()) -> Result<Report, CliError> {
        let provider_token = env.secret(
            CLOUDBASE_PROVIDER_TOKEN,
            "the provider token of the identity to bind",
        )?;
        let client = self.connect(env)?;
        client.bind(&provider_token).await?;
        Ok(Report::new(
            vec!["CloudBase: bound the identity behind the provider token".to_owned()],
            json!({"ok": true, "provider": "cloudbase", "action": "bind"}),
        ))
    }
}
