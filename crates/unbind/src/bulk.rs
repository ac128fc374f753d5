//! Unbinding a whole list of accounts: the input streamed line by line, a bounded number of
//! calls in flight, an optional rate limit, and a journal that lets an interrupted run resume.
//!
//! # Input
//!
//! JSON Lines, one account per line, named the way its provider names it:
//!
//! | provider | a line |
//! |---|---|
//! | MantaGo | `{"clientId":"5b0c2d1e-platform-uuid","customerId":"customer-42"}` |
//! | OneAccess | `{"id":"001GKgGa15HGZA0aOxIa1bFktp1GKgG4"}` |
//! | CloudBase | `{"provider_id":"github"}` |
//!
//! A line may also carry `"provider"` (`manta`, `oneaccess` or `cloudbase`, see
//! [`Provider::tag`](crate::Provider::tag)); when it does, it must be the run's provider.
//! Other fields are ignored, so a line of the journal is itself an input line. Blank lines are
//! skipped. Each account gets the very checks its client's `unbind` applies before sending
//! ([`Account::check`]: no blank id, no control character, at most
//! [`MAX_ID_BYTES`](crate::MAX_ID_BYTES) per id, and a CloudBase `provider_id` that is a single
//! path segment), so reading the whole input first finds every line a call would refuse. A
//! line that is not a valid account of the run's provider is a [`BulkError::Input`] naming its
//! line number and what is wrong, never the line's text (it could hold anything, a token
//! pasted by mistake included). Lines are at most [`MAX_LINE_BYTES`] long.
//!
//! # Journal
//!
//! [`Journal`] is an append-only JSON Lines file with one line per outcome:
//!
//! ```text
//! {"provider":"cloudbase","target":"https://env.api.tcloudbasegateway.com","provider_id":"github","outcome":"unbound","line":1,"at":1700000000123}
//! {"provider":"cloudbase","target":"https://env.api.tcloudbasegateway.com","provider_id":"wx_open","outcome":"failed","error":{"kind":"provider","status":401,"code":"4003","message":"CloudBase refused the request: HTTP 401: unauthorized: 4003: …"},"line":2,"at":1700000000150}
//! ```
//!
//! `target` is where the run's calls went ([`Unbinder::target`]: the base URL, and for
//! MantaGo the bot); a run against another target refuses the journal before sending anything
//! ([`BulkError::JournalTarget`]), since what it holds as done was done elsewhere. Lines
//! without `target` (written before it existed) are taken as this run's. The user a token
//! stands for is not part of the target: keep one journal per user's list.
//! `outcome` is `unbound`, `already_unbound` or `failed` (with the error's `kind`, `status`,
//! `code` and `message`, from which the client's secrets are already blanked); `line` is the
//! input line, `at` the Unix time in milliseconds. Each line is written with one `write` as the
//! account's call completes, so it is in the operating system before the run goes on: a killed
//! run (Ctrl-C, `kill -9`, a crash) loses only the calls in flight, which the next run makes
//! again (an unbind is safe to repeat: the second answer is `already_unbound`). A power loss
//! can also tear the last line; [`Journal::open`] drops such a line, and only such a line:
//! a last line without its newline is cut only when every line before it is an outcome and it
//! is an outcome, whole or cut short.
//!
//! [`Journal::open`] never changes a file that is not a journal: a directory, a device, a FIFO,
//! a symbolic link to nothing ([`BulkError::NotAJournal`]), or a file with any line that is
//! not an outcome ([`BulkError::JournalLine`]) is refused and left byte for byte as it was.
//! [`Journal::open_for_input`] also refuses the input file itself. A symbolic link to a regular
//! file is followed, and that file is checked like any other.
//!
//! A run skips every account the journal already holds, so running the same command again
//! resumes where the last run stopped and the journal keeps one outcome per account:
//!
//! - accounts journaled as `unbound` or `already_unbound` are [`Outcome::Skipped`];
//! - accounts journaled as `failed` are [`Outcome::SkippedFailed`], unless
//!   [`BulkSettings::retry_failed`] is set: then they are tried again and the new outcome is
//!   appended (the last line for an account is its outcome);
//! - an account listed twice in the input is unbound once, the second time it is
//!   [`Outcome::Skipped`].
//!
//! One journal serves one run at a time: two runs appending to the same file would both call
//! the accounts neither has journaled yet. [`Journal::open`] takes an advisory lock on the
//! file ([`File::try_lock`](std::fs::File::try_lock)) before reading it and holds it while
//! the [`Journal`] lives; a second open is [`BulkError::JournalInUse`] and reads and changes
//! nothing.
//!
//! # Memory
//!
//! The input is read one line at a time, only as calls are started, so it is never held
//! whole. What grows with the list is the set of accounts seen (those in the journal and those
//! of this run), which is what lets a run skip them: one entry per account, about 100 bytes
//! plus the length of its ids.
//!
//! # Example
//!
// CloudBase's: compiled only where that feature is on.
#![cfg_attr(feature = "cloudbase", doc = "```no_run")]
#![cfg_attr(not(feature = "cloudbase"), doc = "```ignore")]
//! use std::io::BufReader;
//!
//! use unbind::Unbinder;
//! use unbind::auth::SecretString;
//! use unbind::bulk::{self, BulkSettings, Journal, Outcome};
//! use unbind::cloudbase::{self, CloudBaseClient};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let token = SecretString::from(std::env::var("CLOUDBASE_ACCESS_TOKEN")?);
//! let unbinder = Unbinder::CloudBase(CloudBaseClient::new(
//!     &cloudbase::base_url("my-env-id")?,
//!     token,
//! )?);
//! // One {"provider_id":"…"} per line.
//! let input = std::fs::File::open("accounts.jsonl")?;
//! let mut journal = Journal::open_for_input("unbind-journal.jsonl", &input)?;
//! let input = BufReader::new(input);
//! let summary = bulk::run(
//!     &unbinder,
//!     input,
//!     Some(&mut journal),
//!     &BulkSettings::default(),
//!     |entry| {
//!         if let Outcome::Failed(error) = &entry.outcome {
//!             eprintln!("line {}: {error}", entry.line);
//!         }
//!     },
//! )
//! .await?;
//! println!("{} unbound, {} failed", summary.unbound, summary.failed);
//! # Ok(())
//! # }
//! ```

mod entry;
mod error;
mod input;
mod journal;
mod pace;

use std::collections::HashMap;
use std::future::Future;
use std::io::BufRead;
use std::num::NonZeroUsize;
use std::sync::Arc;

use futures::stream::{FuturesUnordered, StreamExt as _};
use unbind_runtime::clock::{Clock, SystemClock};

pub use entry::{Entry, Outcome};
pub use error::BulkError;
pub use input::{Accounts, Line, MAX_LINE_BYTES};
pub use journal::Journal;
pub use pace::Rate;

use crate::{Account, Error, UnbindOutcome, Unbinder};
use journal::Seen;
use pace::Pace;

/// The default number of calls in flight at once.
pub const DEFAULT_CONCURRENCY: NonZeroUsize = NonZeroUsize::new(8).expect("8 is not zero");

/// How a bulk run goes.
#[derive(Clone, Debug)]
pub struct BulkSettings {
    /// The most calls in flight at once (default [`DEFAULT_CONCURRENCY`]).
    pub concurrency: NonZeroUsize,
    /// The most calls started per second (default: no limit). Counts unbind calls started, not
    /// HTTP requests: a call's retries (a `429` waits for its `Retry-After`, see
    /// [`crate::RetryPolicy`]) and OneAccess's key and server-time requests are not counted.
    pub rate: Option<Rate>,
    /// Try again the accounts the journal holds as failed (default: skip them, so the journal
    /// keeps one outcome per account).
    pub retry_failed: bool,
    /// The clock of the journal's `at` (default: the system clock).
    pub clock: Arc<dyn Clock>,
}

impl Default for BulkSettings {
    fn default() -> Self {
        Self {
            concurrency: DEFAULT_CONCURRENCY,
            rate: None,
            retry_failed: false,
            clock: Arc::new(SystemClock),
        }
    }
}

/// What a run did, by outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Accounts unbound now.
    pub unbound: u64,
    /// Accounts that were not bound.
    pub already_unbound: u64,
    /// Accounts whose call failed in this run.
    pub failed: u64,
    /// Accounts not sent: done in an earlier run, or listed twice.
    pub skipped: u64,
    /// Accounts not sent: failed in an earlier run ([`BulkSettings::retry_failed`] tries them
    /// again).
    pub skipped_failed: u64,
}

impl Summary {
    /// Every account of the input, whatever its outcome.
    pub fn accounts(&self) -> u64 {
        self.unbound + self.already_unbound + self.failed + self.skipped + self.skipped_failed
    }

    /// Whether every account is done: none failed, now or in an earlier run.
    pub fn all_done(&self) -> bool {
        self.failed == 0 && self.skipped_failed == 0
    }

    fn count(&mut self, outcome: &Outcome) {
        let counter = match outcome {
            Outcome::Unbound => &mut self.unbound,
            Outcome::AlreadyUnbound => &mut self.already_unbound,
            Outcome::Failed(_) => &mut self.failed,
            Outcome::Skipped => &mut self.skipped,
            Outcome::SkippedFailed => &mut self.skipped_failed,
        };
        *counter += 1;
    }
}

/// Unbinds every account of `input` (JSON Lines, see the [module docs](self)) with
/// `unbinder`, at most [`BulkSettings::concurrency`] at once, skipping those `journal` already
/// holds and appending each outcome to it as it completes. `on_entry` sees every account's
/// outcome, skipped ones included, in the order they complete (for a progress display).
///
/// Returns the counts of each outcome. A bad input line stops the run (after the calls in
/// flight complete); a failed journal write stops it at once.
pub async fn run<R: BufRead>(
    unbinder: &Unbinder,
    input: R,
    mut journal: Option<&mut Journal>,
    settings: &BulkSettings,
    on_entry: impl FnMut(&Entry),
) -> Result<Summary, BulkError> {
    if let Some(journal) = journal.as_deref_mut() {
        journal.start(unbinder.target())?;
    }
    let lines = Accounts::new(input, unbinder.provider());
    let unbind = |account: Account| async move {
        let result = unbinder.unbind(&account).await;
        (account, result)
    };
    drive(lines, unbind, journal, settings, on_entry).await
}

/// [`run`] with any unbind function, so that tests can count and pace calls without a server.
async fn drive<I, F, Fut>(
    mut lines: I,
    unbind: F,
    mut journal: Option<&mut Journal>,
    settings: &BulkSettings,
    mut on_entry: impl FnMut(&Entry),
) -> Result<Summary, BulkError>
where
    I: Iterator<Item = Result<Line, BulkError>>,
    F: Fn(Account) -> Fut,
    Fut: Future<Output = (Account, Result<UnbindOutcome, Error>)>,
{
    let pace = settings.rate.map(|rate| Pace::new(rate.interval()));
    let pace = pace.as_ref();
    let unbind = &unbind;
    let mut own = HashMap::new();
    let mut summary = Summary::default();
    let mut in_flight = FuturesUnordered::new();
    let mut stopped: Option<BulkError> = None;
    let mut more = true;
    loop {
        while more && in_flight.len() < settings.concurrency.get() {
            let line = match lines.next() {
                None => {
                    more = false;
                    break;
                }
                Some(Err(error)) => {
                    stopped = Some(error);
                    more = false;
                    break;
                }
                Some(Ok(line)) => line,
            };
            let seen = match journal.as_deref_mut() {
                Some(journal) => &mut journal.seen,
                None => &mut own,
            };
            let skip = match seen.get(&line.account) {
                Some(Seen::Done | Seen::InFlight | Seen::FailedNow) => Some(Outcome::Skipped),
                Some(Seen::Failed) if !settings.retry_failed => Some(Outcome::SkippedFailed),
                Some(Seen::Failed) | None => None,
            };
            if let Some(outcome) = skip {
                let entry = Entry {
                    line: line.number,
                    account: line.account,
                    outcome,
                };
                summary.count(&entry.outcome);
                on_entry(&entry);
                continue;
            }
            seen.insert(line.account.clone(), Seen::InFlight);
            in_flight.push(async move {
                if let Some(pace) = pace {
                    pace.wait().await;
                }
                let (account, result) = unbind(line.account).await;
                (line.number, account, result)
            });
        }
        let Some((line, account, result)) = in_flight.next().await else {
            break;
        };
        let (outcome, status) = match result {
            Ok(UnbindOutcome::Unbound) => (Outcome::Unbound, Seen::Done),
            Ok(UnbindOutcome::AlreadyUnbound) => (Outcome::AlreadyUnbound, Seen::Done),
            Err(error) => (Outcome::Failed(error), Seen::FailedNow),
        };
        let entry = Entry {
            line,
            account,
            outcome,
        };
        match journal.as_deref_mut() {
            Some(journal) => {
                journal.append(&entry, settings.clock.now_millis())?;
                journal.seen.insert(entry.account.clone(), status);
            }
            None => {
                own.insert(entry.account.clone(), status);
            }
        }
        summary.count(&entry.outcome);
        on_entry(&entry);
    }
    if let Some(journal) = journal {
        journal.sync()?;
    }
    match stopped {
        Some(error) => Err(error),
        None => Ok(summary),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use tokio::time::Instant;

    use super::*;

    fn cloudbase(ids: &[&str]) -> Vec<Result<Line, BulkError>> {
        ids.iter()
            .zip(1..)
            .map(|(id, number)| {
                Ok(Line {
                    number,
                    account: Account::CloudBase {
                        provider_id: (*id).to_owned(),
                    },
                })
            })
            .collect()
    }

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("source-{i}")).collect()
    }

    fn settings(concurrency: usize, rate: Option<f64>) -> BulkSettings {
        BulkSettings {
            concurrency: NonZeroUsize::new(concurrency).unwrap(),
            rate: rate.map(|r| Rate::per_second(r).unwrap()),
            ..BulkSettings::default()
        }
    }

    // The pacing tests share a counting stand-in for the unbind; each sets its own call time, rate
    // and expected starts.
    #[tokio::test(start_paused = true)]
    async fn calls_start_no_faster_than_the_rate() {
        let starts = Mutex::new(Vec::new());
        let unbind = |account: Account| {
            starts.lock().unwrap().push(Instant::now());
            async move {
                tokio::time::sleep(Duration::from_millis(10)).await;
                (account, Ok(UnbindOutcome::Unbound))
            }
        };
        let names = ids(9);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let begin = Instant::now();
        let summary = drive(
            cloudbase(&names).into_iter(),
            unbind,
            None,
            &settings(4, Some(4.0)),
            |_| {},
        )
        .await
        .unwrap();
        assert_eq!(summary.unbound, 9);
        let starts = starts.into_inner().unwrap();
        let offsets: Vec<u128> = starts.iter().map(|s| (*s - begin).as_millis()).collect();
        assert_eq!(offsets, [0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_rate_calls_start_as_soon_as_there_is_room() {
        let starts = Mutex::new(Vec::new());
        let unbind = |account: Account| {
            starts.lock().unwrap().push(Instant::now());
            async move {
                tokio::time::sleep(Duration::from_millis(100)).await;
                (account, Ok(UnbindOutcome::Unbound))
            }
        };
        let names = ids(6);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let begin = Instant::now();
        drive(
            cloudbase(&names).into_iter(),
            unbind,
            None,
            &settings(3, None),
            |_| {},
        )
        .await
        .unwrap();
        let offsets: Vec<u128> = starts
            .into_inner()
            .unwrap()
            .iter()
            .map(|s| (*s - begin).as_millis())
            .collect();
        assert_eq!(offsets, [0, 0, 0, 100, 100, 100]);
    }

    #[tokio::test(start_paused = true)]
    async fn in_flight_calls_never_exceed_the_concurrency_and_reach_it() {
        let now = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let unbind = |account: Account| {
            let now = &now;
            let peak = &peak;
            async move {
                let current = now.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(current, Ordering::SeqCst);
                // Uneven call times, so completions interleave.
                let ms = 10 + (account_len(&account) as u64 % 7) * 13;
                tokio::time::sleep(Duration::from_millis(ms)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                (account, Ok(UnbindOutcome::Unbound))
            }
        };
        let names: Vec<String> = (0..50).map(|i| "x".repeat(i + 1)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let summary = drive(
            cloudbase(&names).into_iter(),
            unbind,
            None,
            &settings(5, None),
            |_| {},
        )
        .await
        .unwrap();
        assert_eq!(summary.unbound, 50);
        assert_eq!(peak.load(Ordering::SeqCst), 5);
    }

    #[tokio::test]
    async fn an_account_that_failed_in_this_run_is_not_tried_again_when_listed_again() {
        // With retry_failed too: it retries failures of an earlier run, not of this one.
        let calls = Mutex::new(Vec::new());
        let unbind = |account: Account| {
            calls.lock().unwrap().push(account.clone());
            let failed = account_len(&account) == 3;
            async move {
                let result = if failed {
                    Err(Error::invalid("provider_id", "refused by this test"))
                } else {
                    Ok(UnbindOutcome::Unbound)
                };
                (account, result)
            }
        };
        let mut retry = settings(1, None);
        retry.retry_failed = true;
        // One call at a time: the first "bad" completes before its second line is read.
        let summary = drive(
            cloudbase(&["bad", "a", "bad"]).into_iter(),
            unbind,
            None,
            &retry,
            |_| {},
        )
        .await
        .unwrap();
        assert_eq!(calls.into_inner().unwrap().len(), 2, "bad was called twice");
        assert_eq!(
            summary,
            Summary {
                unbound: 1,
                failed: 1,
                skipped: 1,
                ..Summary::default()
            }
        );
    }

    fn account_len(account: &Account) -> usize {
        match account {
            Account::CloudBase { provider_id } => provider_id.len(),
            _ => 0,
        }
    }

    #[tokio::test]
    async fn a_bad_line_stops_starting_calls_but_those_in_flight_complete() {
        let calls = AtomicUsize::new(0);
        let unbind = |account: Account| {
            calls.fetch_add(1, Ordering::SeqCst);
            async move { (account, Ok(UnbindOutcome::Unbound)) }
        };
        let mut lines = cloudbase(&["a", "b"]);
        lines.push(Err(BulkError::Input {
            line: 3,
            reason: "is not JSON (error at column 1)".into(),
        }));
        lines.extend(cloudbase(&["never"]));
        let mut entries = Vec::new();
        let error = drive(
            lines.into_iter(),
            unbind,
            None,
            &settings(8, None),
            |e: &Entry| entries.push(e.line),
        )
        .await
        .unwrap_err();
        assert_eq!(error.to_string(), "line 3 is not JSON (error at column 1)");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        entries.sort_unstable();
        assert_eq!(entries, [1, 2]);
    }
}
