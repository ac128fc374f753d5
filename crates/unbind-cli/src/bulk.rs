//! `unbind <provider> unbind --from FILE`: a list of accounts through [`unbind::bulk`].
//!
//! Every line of FILE is checked as a single unbind checks its account (and counted, for the
//! progress bar) before anything is sent; FILE is then read again, so it must be a regular
//! file. The journal is opened with [`Journal::open_for_input`]: a file that is not a journal,
//! the input itself, or a journal in use by another run exits 2, left as it is.
//! The progress bar is drawn on stderr only when stderr is a terminal; each failure is a line
//! on stderr, printed above the bar. Ctrl-C needs no handler: like a kill, it ends the process,
//! and every outcome journaled so far is already in the file, so a re-run resumes.

use std::fs::File;
use std::io::{BufReader, IsTerminal as _, Seek as _, Write};
use std::num::NonZeroUsize;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use serde_json::json;
use unbind::bulk::{self, Accounts, BulkError, BulkSettings, Journal, Outcome, Summary};
use unbind::{Account, Unbinder};

use crate::env::Env;
use crate::error::{CliError, Exit};
use crate::flags::BulkArgs;
use crate::output::{Report, json_line, show};

/// Where a bulk run reports as it goes.
pub(crate) struct Console<'a> {
    /// `--json`.
    pub json: bool,
    /// The process's stderr (or a test's buffer).
    pub stderr: &'a mut dyn Write,
}

/// Unbinds every account of `from` with `unbinder`, as `args` say.
pub(crate) async fn run(
    unbinder: Unbinder,
    from: &Path,
    args: &BulkArgs,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    let provider = unbinder.provider();
    let mut input = open_list(from)?;
    let total = check(&input, from, provider)?;
    // Read again from the start, as calls start; a pipe that took the place of the file
    // after the look in `open_list` cannot be rewound.
    input.rewind().map_err(|e| unreadable(from, &e))?;
    // Refused (exit 2, the file left as it is): not a journal, the input itself, or in use.
    let mut journal = match &args.journal {
        Some(path) => Some(
            Journal::open_for_input(path, &input).map_err(|e| CliError::Input(e.to_string()))?,
        ),
        None => None,
    };
    if let Some(journal) = &journal
        && journal.dropped_bytes() > 0
    {
        let text = format!(
            "{}: dropped an incomplete last line ({} bytes) left by an interrupted run",
            journal.path().display(),
            journal.dropped_bytes()
        );
        note(console, &text);
    }
    let input = BufReader::new(input);
    let settings = BulkSettings {
        concurrency: args
            .concurrency
            .and_then(|n| NonZeroUsize::new(usize::from(n)))
            .unwrap_or(bulk::DEFAULT_CONCURRENCY),
        rate: args.rate,
        retry_failed: args.retry_failed,
        ..BulkSettings::default()
    };
    let bar = progress_bar(total);
    let json = console.json;
    let stderr = &mut *console.stderr;
    let outcome = bulk::run(&unbinder, input, journal.as_mut(), &settings, |entry| {
        bar.inc(1);
        if let Outcome::Failed(error) = &entry.outcome {
            let text = if json {
                json_line(&entry.to_json())
            } else {
                format!(
                    "unbind: line {}: {}: {error}",
                    entry.line,
                    describe(&entry.account)
                )
            };
            bar.suspend(|| {
                let _ = writeln!(stderr, "{}", env.redact(&text));
            });
        }
    })
    .await;
    bar.finish_and_clear();
    let summary = outcome.map_err(|e| match e {
        BulkError::Input { .. } => CliError::Input(format!("{}: {e}", from.display())),
        // Refused before anything was sent, as a journal that is not one is.
        e @ BulkError::JournalTarget { .. } => CliError::Input(e.to_string()),
        BulkError::Read { .. } => CliError::Local(format!("{}: {e}", from.display())),
        other => CliError::Local(other.to_string()),
    })?;
    if summary.skipped_failed > 0 && !console.json {
        let text = format!(
            "skipped {} failed in an earlier run: add --retry-failed to try them again",
            summary.skipped_failed
        );
        note(console, &text);
    }
    Ok(report(provider, &summary, journal.as_ref()))
}

/// A note on stderr: `unbind: text`, or `{"warning":text}` with `--json`.
fn note(console: &mut Console<'_>, text: &str) {
    let _ = if console.json {
        writeln!(console.stderr, "{}", json!({ "warning": text }))
    } else {
        writeln!(console.stderr, "unbind: {text}")
    };
}

/// Opens the list `from`, which must be a regular file: it is read twice (checked, then
/// sent), and a pipe (`--from /dev/stdin`, `--from <(…)`) would be empty the second time, a
/// run of "0 accounts". Looked at before it is opened: opening a FIFO waits for a writer.
fn open_list(from: &Path) -> Result<File, CliError> {
    let meta = std::fs::metadata(from).map_err(|e| unreadable(from, &e))?;
    if !meta.is_file() {
        return Err(CliError::Input(format!(
            "{} is not a regular file: the list is read twice (checked, then sent), which a \
             pipe or a device cannot be; save it to a file first",
            from.display()
        )));
    }
    File::open(from).map_err(|e| unreadable(from, &e))
}

/// Reads every line of `file` (the list `from`) before anything is sent: the number of
/// accounts, or the first bad line (each account gets the single-account checks,
/// [`Account::check`]).
fn check(file: &File, from: &Path, provider: unbind::Provider) -> Result<u64, CliError> {
    let mut count = 0;
    for line in Accounts::new(BufReader::new(file), provider) {
        line.map_err(|e| CliError::Input(format!("{}: {e}", from.display())))?;
        count += 1;
    }
    Ok(count)
}

fn unreadable(from: &Path, error: &std::io::Error) -> CliError {
    CliError::Input(format!("cannot read {}: {error}", from.display()))
}

/// A bar on stderr if it is a terminal; otherwise a bar that draws nothing.
fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{wide_bar} {human_pos}/{human_len} accounts  {rate}  eta {eta}",
    ) {
        bar.set_style(style.with_key(
            "rate",
            |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{:.0}/s", state.per_sec());
            },
        ));
    }
    bar
}

/// An account for a human-readable line.
fn describe(account: &Account) -> String {
    match account {
        Account::Manta {
            client_id,
            customer_id,
        } => format!(
            "customer {} of client {}",
            show(customer_id),
            show(client_id)
        ),
        Account::OneAccess { id } => format!("social account {}", show(id)),
        Account::CloudBase { provider_id } => format!("identity source {}", show(provider_id)),
    }
}

fn report(provider: unbind::Provider, summary: &Summary, journal: Option<&Journal>) -> Report {
    let line = format!(
        "{provider}: {} accounts: {} unbound, {} already unbound, {} failed, {} skipped as done \
         earlier, {} skipped as failed earlier",
        summary.accounts(),
        summary.unbound,
        summary.already_unbound,
        summary.failed,
        summary.skipped,
        summary.skipped_failed,
    );
    let value = json!({
        "ok": summary.all_done(),
        "provider": provider.tag(),
        "action": "unbind",
        "accounts": summary.accounts(),
        "unbound": summary.unbound,
        "already_unbound": summary.already_unbound,
        "failed": summary.failed,
        "skipped": summary.skipped,
        "skipped_failed": summary.skipped_failed,
        "journal": journal.map(|j| j.path().display().to_string()),
    });
    let mut report = Report::new(vec![line], value);
    if !summary.all_done() {
        report.exit = Exit::Refused;
    }
    report
}

#[cfg(test)]
mod tests {
    use unbind::bulk::Entry;

    use super::*;

    #[test]
    fn accounts_are_described_safely() {
        assert_eq!(
            describe(&Account::Manta {
                client_id: "c-9".into(),
                customer_id: "u 42".into()
            }),
            "customer \"u 42\" of client c-9"
        );
        assert_eq!(
            describe(&Account::CloudBase {
                provider_id: "git\nhub".into()
            }),
            "identity source \"git\\nhub\""
        );
        let entry = Entry {
            line: 3,
            account: Account::OneAccess { id: "x".into() },
            outcome: Outcome::Skipped,
        };
        assert_eq!(
            entry.to_json(),
            json!({"provider": "oneaccess", "id": "x", "outcome": "skipped", "line": 3})
        );
    }
}
