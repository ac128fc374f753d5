//! The command line as clap parses it: `unbind <manta|oneaccess|cloudbase> <list|bind|unbind>`.
//!
//! Credentials are deliberately absent: they come only from environment variables (see
//! [`crate::env`]), never from flags, which would show in `ps`, shell history and clap's errors.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use unbind::auth::oneaccess::{Mgf1Hash, NonceForm, TimestampUnit};
use unbind::bulk::Rate;

const TOP_HELP: &str = "\
Credentials come only from environment variables, never from flags:
  MANTA_SECRET              MantaGo API secret (manta, required)
  MANTA_TOKEN               MantaGo API token (JWT) (manta, required; `manta refresh` exchanges
                            it and the secret for a new pair)
  ONEACCESS_SESSION_TOKEN   OneAccess session token (oneaccess list, unbind)
  ONEACCESS_STATE_TOKEN     OneAccess state token of a social login (oneaccess bind)
  CLOUDBASE_ACCESS_TOKEN    CloudBase access token (cloudbase list, unbind, bind)
  CLOUDBASE_PROVIDER_TOKEN  CloudBase provider token, from POST /auth/v1/provider/token
                            (cloudbase bind)

Exit status:
  0  success
  1  the provider refused the request, or its answer (or OneAccess's public key or server
     time) was unusable or a redirect (never followed), or new credentials could not be
     saved, or the result could not be written to stdout; with --from, an account failed
     (in this run, or in an earlier one and not retried)
  2  invalid input or usage, or a credential variable that is missing or empty
  3  network or transport failure (no answer from the provider)

RUST_LOG=unbind=debug logs every retry on stderr, credentials blanked.

With --json, results go to stdout as JSON and errors to stderr as
{\"error\":{\"kind\":…,\"provider\":…,\"status\":…,\"code\":…,\"message\":…}}.

Example:
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --provider-id github
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --from accounts.jsonl \\
    --journal journal.jsonl";

/// The help of an `unbind` command: what `--from` reads (`$line`, one account), how a bulk run
/// goes, and examples.
macro_rules! unbind_help {
    ($line:literal, $examples:literal) => {
        concat!(
            "With --from FILE, every account of FILE is unbound: JSON Lines, one account a line:\n  ",
            $line,
            "
Blank lines are skipped. Before anything is sent, every line gets the checks of a single
unbind (no blank id, no control character, at most 1024 bytes per id): a bad line exits 2
naming its number. At most --concurrency calls are in flight (default 8), started at most
--rate per second.
--journal FILE appends each account's outcome to FILE (JSON Lines) as it completes and skips
the accounts FILE already holds: after Ctrl-C, a kill or a crash, run the same command again
to resume (calls that were in flight are made again; unbinding is safe to repeat). Accounts
the journal holds as failed are skipped too, unless --retry-failed. An existing FILE must be
a journal: any other file (the --from file included), a directory or a device exits 2 and is
left as it is; only a torn last journal line is dropped. A run locks its journal: a second
run on the same journal exits 2 ('in use by another run').
A progress bar is drawn on stderr when it is a terminal. Each failure is reported on stderr
(its journal line with --json) and the last line is a summary (JSON with --json). Exit
status 1 if any account failed, in this run or in an earlier one and not retried.

Examples:
",
            $examples
        )
    };
}

const MANTA_HELP: &str = "\
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

const MANTA_UNBIND_HELP: &str = unbind_help!(
    r#"{"clientId":"c-9","customerId":"u-42"}"#,
    "  MANTA_SECRET=… MANTA_TOKEN=… unbind manta unbind --bot-id bot-1 --client-id c-9 --customer-id u-42
  MANTA_SECRET=… MANTA_TOKEN=… unbind manta unbind --bot-id bot-1 --from customers.jsonl \\
    --journal journal.jsonl --concurrency 16 --rate 50"
);

const ONEACCESS_HELP: &str = "\
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

const ONEACCESS_UNBIND_HELP: &str = unbind_help!(
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

const CLOUDBASE_HELP: &str = "\
Environment: CLOUDBASE_ACCESS_TOKEN (all), CLOUDBASE_PROVIDER_TOKEN (bind).
The base URL is https://{env}.api.tcloudbasegateway.com from --env, unless --base-url is given.

Example:
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --provider-id github";

const CLOUDBASE_LIST_HELP: &str = "\
Example:
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase list --env my-env";

const CLOUDBASE_UNBIND_HELP: &str = unbind_help!(
    r#"{"provider_id":"github"}"#,
    "  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --provider-id github
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --from accounts.jsonl \\
    --journal journal.jsonl --concurrency 16 --rate 50"
);

const CLOUDBASE_BIND_HELP: &str = "\
Example:
  CLOUDBASE_ACCESS_TOKEN=… CLOUDBASE_PROVIDER_TOKEN=… unbind cloudbase bind --env my-env";

/// `unbind`: list, bind and unbind linked accounts at MantaGo, OneAccess and CloudBase.
#[derive(Debug, Parser)]
#[command(
    name = "unbind",
    version,
    about = "List, bind and unbind linked accounts at MantaGo, Huawei OneAccess and Tencent CloudBase",
    after_help = TOP_HELP,
    arg_required_else_help = true
)]
pub struct Cli {
    /// Base URL of the provider's API (`help` holds the defaults: rustdoc wants no bare URLs).
    #[arg(
        long,
        global = true,
        value_name = "URL",
        help_heading = "Global options",
        help = "Base URL of the provider's API (default: https://mantago.cc/api for manta; \
                from --env for cloudbase; required for oneaccess)"
    )]
    pub base_url: Option<String>,
    /// Machine-readable output: results as JSON on stdout, errors as JSON on stderr.
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,
    /// The provider.
    #[command(subcommand)]
    pub provider: ProviderCommand,
}

/// The provider to talk to.
#[derive(Debug, Subcommand)]
pub enum ProviderCommand {
    /// MantaGo: customers bound to a bot's chat-platform clients.
    #[command(after_help = MANTA_HELP, arg_required_else_help = true)]
    Manta {
        /// What to do.
        #[command(subcommand)]
        action: MantaAction,
    },
    /// Huawei Cloud OneAccess: social accounts bound to a user.
    #[command(name = "oneaccess", after_help = ONEACCESS_HELP, arg_required_else_help = true)]
    OneAccess {
        /// What to do.
        #[command(subcommand)]
        action: OneAccessAction,
    },
    /// Tencent CloudBase: identity sources bound to the logged-in user.
    #[command(name = "cloudbase", after_help = CLOUDBASE_HELP, arg_required_else_help = true)]
    CloudBase {
        /// What to do.
        #[command(subcommand)]
        action: CloudBaseAction,
    },
}

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

/// `unbind <provider> unbind --from FILE`: a list of accounts instead of one.
#[derive(Debug, Args)]
#[command(next_help_heading = "A list of accounts")]
pub struct BulkArgs {
    /// Unbind every account of FILE (JSON Lines, one account a line; see below).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Append each account's outcome to FILE as it completes, and skip the accounts FILE
    /// already holds (run the same command again to resume). FILE must be a journal or not
    /// exist, and is locked while the run lasts.
    #[arg(long, value_name = "FILE", requires = "from")]
    pub journal: Option<PathBuf>,
    /// The most calls in flight at once, 1 to 256 (default: 8).
    // No `default_value`: clap does not check `requires` for an argument that has one.
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=256),
        requires = "from"
    )]
    pub concurrency: Option<u16>,
    /// The most calls started per second, such as 20 or 0.5 (default: no limit).
    #[arg(long, value_name = "PER_SECOND", value_parser = rate, requires = "from")]
    pub rate: Option<Rate>,
    /// Try again the accounts the journal holds as failed (default: skip them).
    #[arg(long, requires = "journal")]
    pub retry_failed: bool,
}

impl BulkArgs {
    /// The first bulk flag given without `--from`, if any. clap's `requires = "from"` is not
    /// enough: clap drops a requirement that conflicts with an argument present, and `--from`
    /// conflicts with the single-account flags.
    pub fn stray(&self) -> Option<&'static str> {
        if self.from.is_some() {
            return None;
        }
        [
            ("--journal", self.journal.is_some()),
            ("--concurrency", self.concurrency.is_some()),
            ("--rate", self.rate.is_some()),
            ("--retry-failed", self.retry_failed),
        ]
        .into_iter()
        .find_map(|(flag, given)| given.then_some(flag))
    }
}

/// `--rate`: a positive number of calls per second.
fn rate(text: &str) -> Result<Rate, String> {
    let invalid = || "must be a number of calls per second above 0, such as 20 or 0.5".to_owned();
    let calls: f64 = text.trim().parse().map_err(|_| invalid())?;
    Rate::per_second(calls).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bulk_help_states_the_limit_the_facade_applies() {
        let limit = format!("at most {} bytes per id", unbind::MAX_ID_BYTES);
        for help in [
            MANTA_UNBIND_HELP,
            ONEACCESS_UNBIND_HELP,
            CLOUDBASE_UNBIND_HELP,
        ] {
            assert!(help.contains(&limit), "{help}");
            assert!(help.contains("in use by another run"), "{help}");
        }
    }
}
