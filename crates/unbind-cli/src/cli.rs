//! The command line as clap parses it: `unbind <manta|oneaccess|cloudbase> <list|bind|unbind>`.
//!
//! This module is the top of the command line: the top level ([`Cli`]) with its global
//! options, and the choice of provider ([`ProviderCommand`]). Each provider's actions and
//! flags live next to its runner (`manta.rs`, `oneaccess.rs`, `cloudbase.rs`) and are
//! re-exported here, as are the bulk flags ([`BulkArgs`]), which live below the providers in
//! `flags.rs` with the help they share.
//!
//! Credentials are deliberately absent: they come only from environment variables (see
//! [`crate::env`]), never from flags, which would show in `ps`, shell history and clap's errors.

use std::time::Duration;

use clap::{Parser, Subcommand};
use unbind::{CallSettings, RetryPolicy};

use crate::cloudbase::CLOUDBASE_HELP;
pub use crate::cloudbase::{CloudBaseAction, CloudBaseTarget};
pub use crate::flags::BulkArgs;
use crate::manta::MANTA_HELP;
pub use crate::manta::{MantaAction, MantaBinding, MantaBot, MantaListArgs};
use crate::oneaccess::ONEACCESS_HELP;
pub use crate::oneaccess::{Mgf1Arg, NonceArg, OneAccessAction, OneAccessDevice, TimestampUnitArg};

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
  3  network or transport failure, or no answer from the provider within --timeout (60 s by
     default, retries included; the message says how many attempts were made)

RUST_LOG=unbind=debug logs every retry on stderr, credentials blanked.

With --json, results go to stdout as JSON and errors to stderr as
{\"error\":{\"kind\":…,\"provider\":…,\"status\":…,\"code\":…,\"message\":…}}.

Example:
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --provider-id github
  CLOUDBASE_ACCESS_TOKEN=… unbind cloudbase unbind --env my-env --from accounts.jsonl \\
    --journal journal.jsonl";

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
    /// Retries of a call that failed in a way worth retrying: no answer, 429, 5xx (0: none).
    #[arg(
        long,
        global = true,
        value_name = "N",
        default_value_t = unbind::RetryPolicy::default().max_retries,
        help_heading = "Global options"
    )]
    pub retries: usize,
    /// The most one call may take, its retries and the waits between them included.
    #[arg(
        long,
        global = true,
        value_name = "DURATION",
        value_parser = timeout,
        help_heading = "Global options",
        help = "The most one call may take, retries included: 20s, 1.5s, 500ms, 2m, or seconds \
                (default: 60s); each attempt waits at most a third of it (half with \
                --retries 1, all of it with --retries 0)"
    )]
    pub timeout: Option<Duration>,
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

impl Cli {
    /// The facade's call settings that the global options set: `--retries`, and `--timeout`
    /// (default [`unbind::MAX_TOTAL`], 60 s) as the whole call's limit, shared among at most
    /// three attempts (with the defaults, [`unbind::REQUEST_TIMEOUT`], 20 s, each).
    pub fn call_settings(&self) -> CallSettings {
        let total = self.timeout.unwrap_or(unbind::MAX_TOTAL);
        let attempts = self.retries.saturating_add(1).min(3);
        // At most 3: the division is exact enough, and never by zero.
        let attempt = total / u32::try_from(attempts).unwrap_or(3);
        CallSettings {
            retry: RetryPolicy {
                max_retries: self.retries,
                max_total: total,
                ..RetryPolicy::default()
            },
            request_timeout: attempt,
            ..CallSettings::default()
        }
    }
}

/// The shortest `--timeout`: 1 ms.
const MIN_TIMEOUT: Duration = Duration::from_millis(1);
/// The longest `--timeout`: a day.
const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// `--timeout`: a number (digits, perhaps with a fraction) and a unit, `ms`, `s` or `m`, or
/// none for seconds; from [`MIN_TIMEOUT`] to [`MAX_TIMEOUT`].
fn timeout(text: &str) -> Result<Duration, String> {
    let invalid = || {
        "must be a duration from 1ms to 24h, such as 20s, 1.5s, 500ms, 2m, or 20 (seconds)"
            .to_owned()
    };
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let scale = match unit {
        "" | "s" => 1.0,
        "ms" => 0.001,
        "m" => 60.0,
        _ => return Err(invalid()),
    };
    // Digits, at most one point, and a digit on each side of it: no sign, exponent or `inf`.
    let well_formed = number
        .split_once('.')
        .map_or(!number.is_empty(), |(whole, fraction)| {
            !whole.is_empty() && !fraction.is_empty() && !fraction.contains('.')
        });
    if !well_formed {
        return Err(invalid());
    }
    let seconds: f64 = number.parse().map_err(|_| invalid())?;
    let duration = Duration::try_from_secs_f64(seconds * scale).map_err(|_| invalid())?;
    if (MIN_TIMEOUT..=MAX_TIMEOUT).contains(&duration) {
        Ok(duration)
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use clap::Parser as _;

    use crate::{cloudbase, manta, oneaccess};

    #[test]
    fn a_timeout_is_a_number_and_a_unit() {
        let ms = Duration::from_millis;
        for (text, expected) in [
            ("20s", ms(20_000)),
            ("20", ms(20_000)),
            ("1.5s", ms(1_500)),
            ("0.5", ms(500)),
            ("500ms", ms(500)),
            ("2m", ms(120_000)),
            ("1ms", ms(1)),
            ("1440m", ms(86_400_000)),
        ] {
            assert_eq!(super::timeout(text), Ok(expected), "{text}");
        }
        for bad in [
            "",
            "0",
            "0s",
            "0.0001ms",
            "-1s",
            "+1s",
            "soon",
            "1x",
            "1 s",
            " 1s",
            "1e3",
            "inf",
            "NaN",
            ".5",
            "5.",
            "1.2.3",
            "s",
            "24h",
            "1441m",
            "99999999999999999999999s",
        ] {
            assert!(super::timeout(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_timeout_bounds_the_call_and_shares_it_among_three_attempts() {
        let settings = |line: &str| {
            let argv = ["unbind"]
                .into_iter()
                .chain(line.split_whitespace())
                .chain(["cloudbase", "list"]);
            super::Cli::try_parse_from(argv).unwrap().call_settings()
        };
        let default = settings("");
        assert_eq!(default.retry.max_total, unbind::MAX_TOTAL);
        assert!(default.retry.max_total <= Duration::from_secs(60));
        assert_eq!(default.request_timeout, unbind::REQUEST_TIMEOUT);
        for (line, total, each) in [
            ("--timeout 9s", 9_000, 3_000),
            ("--timeout 9s --retries 5", 9_000, 3_000),
            ("--timeout 9s --retries 1", 9_000, 4_500),
            ("--timeout 9s --retries 0", 9_000, 9_000),
            ("--retries 0", 60_000, 60_000),
        ] {
            let call = settings(line);
            assert_eq!(call.retry.max_total, Duration::from_millis(total), "{line}");
            assert_eq!(call.request_timeout, Duration::from_millis(each), "{line}");
        }
    }

    #[test]
    fn the_bulk_help_states_the_limit_the_facade_applies() {
        let limit = format!("at most {} bytes per id", unbind::MAX_ID_BYTES);
        for help in [
            manta::MANTA_UNBIND_HELP,
            oneaccess::ONEACCESS_UNBIND_HELP,
            cloudbase::CLOUDBASE_UNBIND_HELP,
        ] {
            assert!(help.contains(&limit), "{help}");
            assert!(help.contains("in use by another run"), "{help}");
        }
    }
}
