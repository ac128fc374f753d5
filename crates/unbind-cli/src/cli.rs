//! The command line as clap parses it: `unbind <manta|oneaccess|cloudbase> <list|bind|unbind>`.
//!
//! This module holds what every command shares: the top level ([`Cli`]), the choice of
//! provider ([`ProviderCommand`]) and the bulk flags ([`BulkArgs`]). Each provider's actions
//! and flags live next to its runner (`manta.rs`, `oneaccess.rs`, `cloudbase.rs`) and are
//! re-exported here.
//!
//! Credentials are deliberately absent: they come only from environment variables (see
//! [`crate::env`]), never from flags, which would show in `ps`, shell history and clap's errors.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use unbind::bulk::Rate;
use unbind::{CallSettings, RetryPolicy};

use crate::cloudbase::CLOUDBASE_HELP;
pub use crate::cloudbase::{CloudBaseAction, CloudBaseTarget};
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
naming its number. FILE is read twice, so it must be a regular file, not a pipe. At most
--concurrency calls are in flight (default 8), started at most --rate per second.
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
// For the provider modules, which hold the `unbind` commands.
pub(crate) use unbind_help;

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

/// `--rate`: a positive number of calls per second.
fn rate(text: &str) -> Result<Rate, String> {
    let invalid = || "must be a number of calls per second above 0, such as 20 or 0.5".to_owned();
    let calls: f64 = text.trim().parse().map_err(|_| invalid())?;
    Rate::per_second(calls).map_err(|_| invalid())
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
