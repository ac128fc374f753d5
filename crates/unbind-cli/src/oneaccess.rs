//! `unbind oneaccess …`: its flags and its runner.

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use unbind::auth::SecretString;
use unbind::auth::oneaccess::{DeviceProfile, Mgf1Hash, NonceForm, SignerSettings, TimestampUnit};
use unbind::oneaccess::{OneAccessClient, OneAccessLogin, OneAccessSettings};
use unbind::{CallSettings, Unbinder};

use crate::bulk::Console;
use crate::env::{Env, ONEACCESS_SESSION_TOKEN, ONEACCESS_STATE_TOKEN};
use crate::error::CliError;
use crate::flags::{BulkArgs, unbind_help};
use crate::output::{Report, line, outcome, show, to_json};
use crate::runner::{self, Provider, Step, StepOf};

pub(crate) const ONEACCESS_HELP: &str = "\
Environment: ONEACCESS_SESSION_TOKEN (list, unbind), ONEACCESS_STATE_TOKEN (bind).
--base-url is required: each tenant has its own domain.

Example:
  ONEACCESS_SESSION_TOKEN=… unbind oneaccess list --base-url https://tenant.example.com \\
    --os-version 'Android 10' --device-fingerprint 156aysdna213sac \\
    --agent 'Mozilla/5.0 (Linux; Android 10)' --client-id DRrYIqauawN0I8myTMoDTPys6ezGZxnm";

const ONEACCESS_LIST_HELP: &str = "\
Example:
  ONEACCESS_SESSION_TOKEN=… unbind oneaccess list --base-url https://tenant.example.com \\
    --os-version 'Android 10' --device-fingerprint 156aysdna213sac \\
    --agent 'Mozilla/5.0 (Linux; Android 10)' --client-id DRrYIqauawN0I8myTMoDTPys6ezGZxnm";

pub(crate) const ONEACCESS_UNBIND_HELP: &str = unbind_help!(
    r#"{"id":"001GKgGa15HGZA0aOxIa1bFktp1GKgG4"}"#,
    "  ONEACCESS_SESSION_TOKEN=… unbind oneaccess unbind --base-url https://tenant.example.com \\
    --os-version 'Android 10' --device-fingerprint 156aysdna213sac \\
    --agent 'Mozilla/5.0 (Linux; Android 10)' --client-id DRrYIqauawN0I8myTMoDTPys6ezGZxnm \\
    --id 001GKgGa15HGZA0aOxIa1bFktp1GKgG4
  ONEACCESS_SESSION_TOKEN=… unbind oneaccess unbind --base-url https://tenant.example.com \\
    --os-version 'Android 10' --device-fingerprint 156aysdna213sac \\
    --agent 'Mozilla/5.0 (Linux; Android 10)' --client-id DRrYIqauawN0I8myTMoDTPys6ezGZxnm \\
    --from accounts.jsonl --journal journal.jsonl"
);

const ONEACCESS_BIND_HELP: &str = "\
The session that binding creates is not printed (its tokens are secrets).

Example:
  ONEACCESS_STATE_TOKEN=… unbind oneaccess bind --base-url https://tenant.example.com \\
    --os-version 'Android 10' --device-fingerprint 156aysdna213sac \\
    --agent 'Mozilla/5.0 (Linux; Android 10)' --client-id DRrYIqauawN0I8myTMoDTPys6ezGZxnm \\
    --mobile 13800000000 --verify-code 123456";

/// OneAccess actions.
#[derive(Debug, Subcommand)]
pub enum OneAccessAction {
    /// List the social accounts bound to the user (GET /api/v2/sdk/social, signed).
    #[command(after_help = ONEACCESS_LIST_HELP)]
    List {
        /// Device headers and signer settings.
        #[command(flatten)]
        device: OneAccessDevice,
    },
    /// Bind the social account of a social login to a mobile number
    /// (POST /api/v2/sdk/social/bind, with ONEACCESS_STATE_TOKEN).
    #[command(after_help = ONEACCESS_BIND_HELP)]
    Bind {
        /// Device headers and signer settings.
        #[command(flatten)]
        device: OneAccessDevice,
        /// The mobile number.
        #[arg(long)]
        mobile: String,
        /// The SMS verification code.
        #[arg(long, value_name = "CODE")]
        verify_code: String,
    },
    /// Unbind a social account by the id the list shows, or every one of a list
    /// (POST /api/v2/sdk/social/unbind-account, signed).
    #[command(after_help = ONEACCESS_UNBIND_HELP)]
    Unbind {
        /// Device headers and signer settings.
        #[command(flatten)]
        device: OneAccessDevice,
        /// The binding's id, from `unbind oneaccess list`.
        #[arg(long, required_unless_present = "from", conflicts_with = "from")]
        id: Option<String>,
        /// A list of accounts instead of one.
        #[command(flatten)]
        bulk: BulkArgs,
    },
}

impl OneAccessAction {
    /// The device flags every action takes.
    pub fn device(&self) -> &OneAccessDevice {
        match self {
            OneAccessAction::List { device }
            | OneAccessAction::Bind { device, .. }
            | OneAccessAction::Unbind { device, .. } => device,
        }
    }
}

/// The OneAccess device headers and `X-signature` settings.
#[derive(Debug, Args)]
pub struct OneAccessDevice {
    /// X-operating-sys-version, e.g. 'Android 10'.
    #[arg(long, value_name = "TEXT")]
    pub os_version: String,
    /// X-device-fingerprint: a stable identifier of the device.
    #[arg(long, value_name = "TEXT")]
    pub device_fingerprint: String,
    /// X-agent: the user agent.
    #[arg(long, value_name = "TEXT")]
    pub agent: String,
    /// X-client-id: the application's client id.
    #[arg(long, value_name = "ID")]
    pub client_id: String,
    /// X-device-ip.
    #[arg(long, value_name = "IP")]
    pub device_ip: Option<String>,
    /// X-L: the language, e.g. zh-CN.
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// X-tenant-id (ISV applications on the common domain).
    #[arg(long, value_name = "ID")]
    pub tenant_id: Option<String>,
    /// MGF1 hash of the RSA-OAEP signature.
    #[arg(long, value_enum, default_value_t = Mgf1Arg::Sha256)]
    pub mgf1: Mgf1Arg,
    /// How the signature's nonce is made.
    #[arg(long, value_enum, default_value_t = NonceArg::TimestampHex)]
    pub nonce: NonceArg,
    /// Unit of the signature's timestamp.
    #[arg(long, value_enum, default_value_t = TimestampUnitArg::Ms)]
    pub timestamp_unit: TimestampUnitArg,
}

/// `--mgf1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mgf1Arg {
    /// MGF1 with SHA-256 (BouncyCastle's reading).
    Sha256,
    /// MGF1 with SHA-1 (the JDK default provider's reading).
    Sha1,
}

impl From<Mgf1Arg> for Mgf1Hash {
    fn from(arg: Mgf1Arg) -> Self {
        match arg {
            Mgf1Arg::Sha256 => Mgf1Hash::Sha256,
            Mgf1Arg::Sha1 => Mgf1Hash::Sha1,
        }
    }
}

/// `--nonce`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NonceArg {
    /// The timestamp in lower-case hex.
    TimestampHex,
    /// The timestamp in upper-case hex.
    TimestampHexUpper,
    /// 32 random hex characters.
    Random,
}

impl From<NonceArg> for NonceForm {
    fn from(arg: NonceArg) -> Self {
        match arg {
            NonceArg::TimestampHex => NonceForm::TimestampHex,
            NonceArg::TimestampHexUpper => NonceForm::TimestampHexUpper,
            NonceArg::Random => NonceForm::Random,
        }
    }
}

/// `--timestamp-unit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimestampUnitArg {
    /// Unix milliseconds.
    Ms,
    /// Unix seconds.
    S,
}

impl From<TimestampUnitArg> for TimestampUnit {
    fn from(arg: TimestampUnitArg) -> Self {
        match arg {
            TimestampUnitArg::Ms => TimestampUnit::Milliseconds,
            TimestampUnitArg::S => TimestampUnit::Seconds,
        }
    }
}

/// Runs a OneAccess action.
pub(crate) async fn run(
    action: &OneAccessAction,
    base_url: Option<&str>,
    call: CallSettings,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let base_url = base_url.ok_or_else(|| {
        CliError::Usage("oneaccess needs --base-url URL: each tenant has its own domain".to_owned())
    })?;
    let device = action.device();
    let oneaccess = OneAccess {
        action,
        base_url,
        device,
        settings: settings(device, call),
    };
    runner::run(&oneaccess, env, console).await
}

/// A OneAccess action, with its base URL, device and settings.
struct OneAccess<'a> {
    action: &'a OneAccessAction,
    base_url: &'a str,
    device: &'a OneAccessDevice,
    settings: OneAccessSettings,
}

impl<'a> Provider for OneAccess<'a> {
    type Client = OneAccessClient;
    type List = ();
    /// `unbind`: the social account's id.
    type One = &'a str;
    /// `bind`: the mobile number and its verification code.
    type Own = (&'a str, &'a str);

    fn step(&self) -> Result<StepOf<'_, Self>, CliError> {
        Ok(match self.action {
            OneAccessAction::List { .. } => Step::List(()),
            OneAccessAction::Unbind {
                bulk: args @ BulkArgs {
                    from: Some(from), ..
                },
                ..
            } => Step::Bulk { from, args },
            OneAccessAction::Unbind { id, .. } => Step::One(id.as_deref().ok_or_else(|| {
                CliError::Usage("oneaccess unbind needs --id ID or --from FILE".to_owned())
            })?),
            OneAccessAction::Bind {
                mobile,
                verify_code,
                ..
            } => Step::Own((mobile, verify_code)),
        })
    }

    fn connect(&self, env: &Env<'_>) -> Result<OneAccessClient, CliError> {
        client(
            self.base_url,
            self.device,
            session(env)?,
            self.settings.clone(),
        )
    }

    async fn list(&self, client: &OneAccessClient, (): ()) -> Result<Report, CliError> {
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

    fn unbinder(client: OneAccessClient) -> Unbinder {
        Unbinder::OneAccess(Box::new(client))
    }

    async fn one(&self, client: &OneAccessClient, id: &'a str) -> Result<Report, CliError> {
        let (word, note) = outcome(client.unbind(id).await?);
        Ok(Report::new(
            vec![format!(
                "OneAccess: unbound social account {}{note}",
                show(id)
            )],
            json!({"ok": true, "provider": "oneaccess", "action": "unbind", "id": id, "outcome": word}),
        ))
    }

    async fn own(
        &self,
        env: &Env<'_>,
        (mobile, verify_code): (&'a str, &'a str),
    ) -> Result<Report, CliError> {
        let state_token = env.secret(
            ONEACCESS_STATE_TOKEN,
            "the state token of the OneAccess social login to bind",
        )?;
        let session =
            OneAccessLogin::new(self.base_url, profile(self.device), self.settings.clone())?
                .bind(&state_token, mobile, verify_code)
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

fn session(env: &Env<'_>) -> Result<SecretString, CliError> {
    env.secret(ONEACCESS_SESSION_TOKEN, "the OneAccess session token")
}

fn client(
    base_url: &str,
    device: &OneAccessDevice,
    session_token: SecretString,
    settings: OneAccessSettings,
) -> Result<OneAccessClient, CliError> {
    Ok(OneAccessClient::with_settings(
        base_url,
        profile(device),
        session_token,
        settings,
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

fn settings(device: &OneAccessDevice, call: CallSettings) -> OneAccessSettings {
    OneAccessSettings {
        signer: SignerSettings {
            mgf1: device.mgf1.into(),
            nonce: device.nonce.into(),
            timestamp_unit: device.timestamp_unit.into(),
        },
        call,
        ..OneAccessSettings::default()
    }
}
