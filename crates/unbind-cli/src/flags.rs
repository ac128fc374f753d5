//! The flags and help every provider's `unbind` command shares: the bulk flags
//! ([`BulkArgs`], re-exported as `cli::BulkArgs`) and the `unbind_help!` text of a
//! `--from` run. Below the provider modules: they import it, it imports none of them.

use std::path::PathBuf;

use clap::Args;
use unbind::bulk::Rate;

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
