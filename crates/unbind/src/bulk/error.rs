//! What can stop a bulk run.

use std::io;
use std::path::PathBuf;

/// What can stop a bulk run (a single account's failure does not: it is an
/// [`Outcome::Failed`](super::Outcome::Failed)).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BulkError {
    /// A line of the input is not an account of the run's provider. The run stops starting
    /// calls; those in flight complete and are journaled.
    #[error("line {line} {reason}")]
    Input {
        /// The line number, from 1.
        line: u64,
        /// What is wrong with it (`is not JSON (error at column 3)`, `has no string
        /// "provider_id"`, …); never the line's text.
        reason: String,
    },
    /// Reading the input failed.
    #[error("reading line {line} of the input failed: {source}")]
    Read {
        /// The line being read, from 1.
        line: u64,
        /// The failure.
        #[source]
        source: io::Error,
    },
    /// A line of the journal file is not an outcome, so the file is not a journal: it is left
    /// as it is. (A torn last line after outcomes is not an error: it is dropped.)
    #[error("{} is not a journal: line {line} {reason}", path.display())]
    JournalLine {
        /// The journal.
        path: PathBuf,
        /// The line number, from 1.
        line: u64,
        /// What is wrong with it; never the line's text.
        reason: String,
    },
    /// The journal's path names something that cannot be a journal: a directory, a device, a
    /// FIFO, a symbolic link to nothing, or the input itself. Nothing was opened for writing.
    #[error("journal {} {reason}", path.display())]
    NotAJournal {
        /// The journal.
        path: PathBuf,
        /// What it is instead (`is a directory`, `is the input file`, …).
        reason: &'static str,
    },
    /// The journal's lines name another target (another base URL, or MantaGo bot) than this
    /// run's: what it holds as done was not done here. Nothing was sent or written.
    #[error(
        "journal {} records runs against {journal}, not {run}: use another journal for this run",
        path.display()
    )]
    JournalTarget {
        /// The journal.
        path: PathBuf,
        /// A target its lines name.
        journal: String,
        /// This run's target.
        run: String,
    },
    /// Another run (or another [`Journal`](super::Journal) of this process) holds the
    /// journal's lock. Nothing was read or written.
    #[error("journal {} is in use by another run", path.display())]
    JournalInUse {
        /// The journal.
        path: PathBuf,
    },
    /// Opening, reading or writing the journal failed. A failed write stops the run at once:
    /// the calls in flight are dropped, and the next run makes them again.
    #[error("journal {}: {source}", path.display())]
    Journal {
        /// The journal.
        path: PathBuf,
        /// The failure.
        #[source]
        source: io::Error,
    },
}
