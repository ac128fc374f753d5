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
//! [`Provider::tag`]); when it does, it must be the run's provider. Other fields are ignored,
//! so a line of the journal is itself an input line. Blank lines are skipped. Each account
//! gets the very checks its client's `unbind` applies before sending ([`Account::check`]: no
//! blank id, no control character, at most [`MAX_ID_BYTES`](crate::MAX_ID_BYTES) per id, and a
//! CloudBase `provider_id` that is a single path segment), so reading the whole input first
//! finds every line a call would refuse. A line that is not a valid account of the run's
//! provider is a [`BulkError::Input`] naming its line number and what is wrong, never the
//! line's text (it could hold anything, a token pasted by mistake included). Lines are at most
//! [`MAX_LINE_BYTES`] long.
//!
//! # Journal
//!
//! [`Journal`] is an append-only JSON Lines file with one line per outcome:
//!
//! ```text
//! {"provider":"cloudbase","provider_id":"github","outcome":"unbound","line":1,"at":1700000000123}
//! {"provider":"cloudbase","provider_id":"wx_open","outcome":"failed","error":{"kind":"provider","status":401,"code":"4003","message":"CloudBase refused the request: HTTP 401: unauthorized: 4003: …"},"line":2,"at":1700000000150}
//! ```
//!
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
//! file ([`File::try_lock`]) before reading it and holds it while the [`Journal`] lives; a
//! second open is [`BulkError::JournalInUse`] and reads and changes nothing.
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
//! ```no_run
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

use std::collections::HashMap;
use std::fs::{File, Metadata, OpenOptions, TryLockError};
use std::future::Future;
use std::io::{self, BufRead, BufReader, Read as _, Write as _};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt as _};
use serde::Serialize;
use serde_json::{Map, Value};
use tokio::time::Instant;
use unbind_auth::clock::{Clock, SystemClock};

use crate::{Account, Error, Provider, UnbindOutcome, Unbinder};

/// The longest line of input or journal read, in bytes (64 KiB): a longer one is an error
/// instead of a line held whole in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The default number of calls in flight at once.
pub const DEFAULT_CONCURRENCY: NonZeroUsize = NonZeroUsize::new(8).expect("8 is not zero");

/// What can stop a bulk run (a single account's failure does not: it is an
/// [`Outcome::Failed`]).
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
    /// Another run (or another [`Journal`] of this process) holds the journal's lock. Nothing
    /// was read or written.
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

/// One account of the input, and the line it was on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line number, from 1.
    pub number: u64,
    /// The account.
    pub account: Account,
}

/// Accounts read from JSON Lines one line at a time (see the [module docs](self) for the
/// format). Stops after the first error.
///
/// Reads are blocking `BufRead` reads: fine for a file, which is what a bulk run reads.
#[derive(Debug)]
pub struct Accounts<R> {
    reader: R,
    provider: Provider,
    line: u64,
    buf: Vec<u8>,
    stopped: bool,
}

impl<R: BufRead> Accounts<R> {
    /// Accounts of `provider`, from `reader`.
    pub fn new(reader: R, provider: Provider) -> Self {
        Self {
            reader,
            provider,
            line: 0,
            buf: Vec::new(),
            stopped: false,
        }
    }

    fn next_line(&mut self) -> Result<Option<Line>, BulkError> {
        loop {
            self.line += 1;
            let line = self.line;
            let read = read_line(&mut self.reader, &mut self.buf)
                .map_err(|source| BulkError::Read { line, source })?;
            let invalid = |reason: String| BulkError::Input { line, reason };
            let text = match read {
                Read::End => return Ok(None),
                Read::TooLong => return Err(invalid(too_long())),
                Read::Line { .. } => trim(&self.buf, line == 1),
            };
            if text.is_empty() {
                continue;
            }
            let account = parse(text, Some(self.provider)).map_err(invalid)?.0;
            account.check().map_err(|e| invalid(check_failed(e)))?;
            return Ok(Some(Line {
                number: line,
                account,
            }));
        }
    }
}

impl<R: BufRead> Iterator for Accounts<R> {
    type Item = Result<Line, BulkError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped {
            return None;
        }
        let next = self.next_line().transpose();
        self.stopped = !matches!(next, Some(Ok(_)));
        next
    }
}

/// What one bounded line read found.
enum Read {
    /// Nothing left.
    End,
    /// A line (in the buffer, without its end); `terminated` if it ended with `\n`.
    Line { terminated: bool },
    /// More than [`MAX_LINE_BYTES`] before the end of the line.
    TooLong,
}

/// Reads one line into `buf`, at most [`MAX_LINE_BYTES`] of it.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Read> {
    buf.clear();
    let limit = MAX_LINE_BYTES as u64 + 1;
    let read = reader.take(limit).read_until(b'\n', buf)?;
    if read == 0 {
        return Ok(Read::End);
    }
    let terminated = buf.last() == Some(&b'\n');
    if terminated {
        buf.pop();
    } else if buf.len() > MAX_LINE_BYTES {
        return Ok(Read::TooLong);
    }
    Ok(Read::Line { terminated })
}

/// Why [`Account::check`] refused a line's account, without the value: `has a "provider_id"
/// that contains a path separator`.
fn check_failed(error: Error) -> String {
    match error {
        Error::InvalidInput { field, reason } => format!("has a \"{field}\" that {reason}"),
        other => other.to_string(),
    }
}

fn too_long() -> String {
    format!("is longer than {MAX_LINE_BYTES} bytes")
}

/// A line without surrounding whitespace (a `\r` of CRLF included) and, on the first line,
/// without a UTF-8 byte order mark.
fn trim(line: &[u8], first: bool) -> &[u8] {
    let line = match (first, line.strip_prefix(b"\xEF\xBB\xBF")) {
        (true, Some(rest)) => rest,
        _ => line,
    };
    line.trim_ascii()
}

/// Parses one line into an account and the rest of its fields. With `expected`, the account
/// must be of that provider (a `"provider"` field is optional); without, `"provider"` says
/// which it is. The error says what is wrong without quoting the line.
fn parse(text: &[u8], expected: Option<Provider>) -> Result<(Account, Map<String, Value>), String> {
    if std::str::from_utf8(text).is_err() {
        return Err("is not UTF-8".to_owned());
    }
    let object = match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err("is not a JSON object".to_owned()),
        // serde's own message may quote the text: keep only where it went wrong.
        Err(e) => return Err(format!("is not JSON (error at column {})", e.column())),
    };
    let tagged = match object.get("provider") {
        None => None,
        Some(Value::String(tag)) => Some(tag.parse::<Provider>().map_err(|_| {
            "has a \"provider\" that is not manta, oneaccess or cloudbase".to_owned()
        })?),
        Some(_) => return Err("has a \"provider\" that is not a string".to_owned()),
    };
    let provider = match (expected, tagged) {
        (Some(expected), Some(tagged)) if expected != tagged => {
            return Err(format!(
                "is a {} account, not {}",
                tagged.tag(),
                expected.tag()
            ));
        }
        (Some(provider), _) | (None, Some(provider)) => provider,
        (None, None) => return Err("has no \"provider\"".to_owned()),
    };
    let field = |name: &str| match object.get(name) {
        Some(Value::String(value)) if value.trim().is_empty() => {
            Err(format!("has an empty \"{name}\""))
        }
        Some(Value::String(value)) => Ok(value.clone()),
        Some(_) => Err(format!("has a \"{name}\" that is not a string")),
        None => Err(format!("has no \"{name}\"")),
    };
    let account = match provider {
        Provider::Manta => Account::Manta {
            client_id: field("clientId")?,
            customer_id: field("customerId")?,
        },
        Provider::OneAccess => Account::OneAccess { id: field("id")? },
        Provider::CloudBase => Account::CloudBase {
            provider_id: field("provider_id")?,
        },
    };
    Ok((account, object))
}

/// What happened to one account of the input.
#[derive(Debug)]
pub enum Outcome {
    /// The binding existed and is gone now.
    Unbound,
    /// There was nothing to unbind (see [`UnbindOutcome::AlreadyUnbound`]).
    AlreadyUnbound,
    /// The call failed: the provider refused it, or it could not be made.
    Failed(Error),
    /// Not sent: the journal holds the account as unbound or already unbound, or it came
    /// earlier in this input.
    Skipped,
    /// Not sent: the journal holds the account as failed, and
    /// [`BulkSettings::retry_failed`] is off.
    SkippedFailed,
}

impl Outcome {
    /// The outcome's name in the journal and in JSON: `unbound`, `already_unbound`, `failed`,
    /// `skipped` or `skipped_failed`.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Unbound => "unbound",
            Outcome::AlreadyUnbound => "already_unbound",
            Outcome::Failed(_) => "failed",
            Outcome::Skipped => "skipped",
            Outcome::SkippedFailed => "skipped_failed",
        }
    }
}

/// One account's outcome, as the progress callback of [`run`] sees it.
#[derive(Debug)]
pub struct Entry {
    /// The input line, from 1.
    pub line: u64,
    /// The account.
    pub account: Account,
    /// What happened.
    pub outcome: Outcome,
}

impl Entry {
    /// The entry as its journal line shows it, without the time (`at`): `provider`, the
    /// account's fields, `outcome`, `error` for a failure, `line`.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self.record(None)).unwrap_or(Value::Null)
    }

    fn record(&self, at: Option<i64>) -> Record<'_> {
        let error = match &self.outcome {
            Outcome::Failed(error) => Some(ErrorRecord {
                kind: error.kind(),
                status: error.status(),
                code: error.provider_error().and_then(|e| e.code.as_deref()),
                message: error.to_string(),
            }),
            _ => None,
        };
        Record {
            provider: self.account.provider().tag(),
            account: AccountFields::from(&self.account),
            outcome: self.outcome.name(),
            error,
            line: self.line,
            at,
        }
    }
}

/// A journal line, fields in this order.
#[derive(Serialize)]
struct Record<'a> {
    provider: &'static str,
    #[serde(flatten)]
    account: AccountFields<'a>,
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorRecord<'a>>,
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<i64>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum AccountFields<'a> {
    Manta {
        #[serde(rename = "clientId")]
        client_id: &'a str,
        #[serde(rename = "customerId")]
        customer_id: &'a str,
    },
    OneAccess {
        id: &'a str,
    },
    CloudBase {
        provider_id: &'a str,
    },
}

impl<'a> From<&'a Account> for AccountFields<'a> {
    fn from(account: &'a Account) -> Self {
        match account {
            Account::Manta {
                client_id,
                customer_id,
            } => AccountFields::Manta {
                client_id,
                customer_id,
            },
            Account::OneAccess { id } => AccountFields::OneAccess { id },
            Account::CloudBase { provider_id } => AccountFields::CloudBase { provider_id },
        }
    }
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    kind: &'static str,
    status: Option<u16>,
    code: Option<&'a str>,
    message: String,
}

/// What a run knows of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    /// Unbound or already unbound.
    Done,
    /// Failed.
    Failed,
    /// Started in this run, not yet complete.
    InFlight,
}

/// The append-only journal of a bulk run: one JSON line per outcome (see the
/// [module docs](self)).
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    seen: HashMap<Account, Seen>,
    dropped: u64,
}

impl Journal {
    /// Opens the journal at `path`, creating it if it does not exist, locks it for this run,
    /// and reads which accounts it already holds.
    ///
    /// Refused, with the file left byte for byte as it was:
    ///
    /// - a path that is not a regular file: a directory, a device, a FIFO, a socket
    ///   ([`BulkError::NotAJournal`]). A symbolic link is followed to a regular file, which is
    ///   then checked like any journal; a link to nothing is refused rather than a file created
    ///   where it points;
    /// - a file that is not a journal: a line that is not an outcome
    ///   ([`BulkError::JournalLine`]);
    /// - a journal that another run holds ([`BulkError::JournalInUse`]).
    ///
    /// A last line without its newline, as a write cut short by a crash or a full disk leaves
    /// it, is dropped from the file (that account is called again; see
    /// [`Journal::dropped_bytes`]) only when every line before it is an outcome and it is the
    /// start of one (`{"provider":"…`, cut short, or whole). Only bytes read and checked are
    /// cut: the lock is taken before the file is read.
    ///
    /// The lock is an advisory lock ([`File::try_lock`]: `flock` on Unix), held until the
    /// journal is dropped; it keeps out runs of this library, not other programs.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, BulkError> {
        Self::open_checked(path.as_ref(), None)
    }

    /// [`Journal::open`] for a run that reads `input`: also refused
    /// ([`BulkError::NotAJournal`]) when `path` is that very file (the same file, however
    /// named: a symbolic or hard link included; compared on Unix only).
    pub fn open_for_input(path: impl AsRef<Path>, input: &File) -> Result<Self, BulkError> {
        let path = path.as_ref();
        let input = input.metadata().map_err(|e| BulkError::Journal {
            path: path.to_owned(),
            source: io::Error::new(e.kind(), format!("cannot compare it with the input: {e}")),
        })?;
        Self::open_checked(path, Some(&input))
    }

    fn open_checked(path: &Path, input: Option<&Metadata>) -> Result<Self, BulkError> {
        let path = path.to_owned();
        let io_error = |source| BulkError::Journal {
            path: path.clone(),
            source,
        };
        let refuse = |reason| BulkError::NotAJournal {
            path: path.clone(),
            reason,
        };
        let file = open_regular(&path, input).map_err(|e| match e {
            Opened::Refused(reason) => refuse(reason),
            Opened::Failed(source) => io_error(source),
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(BulkError::JournalInUse { path }),
            Err(TryLockError::Error(source)) => return Err(io_error(source)),
        }
        let mut seen = HashMap::new();
        let mut reader = BufReader::new(&file);
        let mut buf = Vec::new();
        // Bytes of the complete lines, and of everything read.
        let mut kept = 0_u64;
        let mut read = 0_u64;
        let mut line = 0_u64;
        loop {
            line += 1;
            let bad = |reason: String| BulkError::JournalLine {
                path: path.clone(),
                line,
                reason,
            };
            match read_line(&mut reader, &mut buf).map_err(io_error)? {
                Read::End => break,
                Read::TooLong => return Err(bad(too_long())),
                Read::Line { terminated: false } => {
                    torn_record(&buf).map_err(bad)?;
                    read = kept + buf.len() as u64;
                    break;
                }
                Read::Line { terminated: true } => {
                    kept += buf.len() as u64 + 1;
                    read = kept;
                    let text = buf.trim_ascii();
                    if text.is_empty() {
                        continue;
                    }
                    let (account, status) = record(text).map_err(bad)?;
                    // A later line is a later outcome (a failure tried again).
                    seen.insert(account, status);
                }
            }
        }
        // Under the lock no run appends; a file that changed all the same has another writer,
        // and cutting it could cut that writer's lines.
        if file.metadata().map_err(io_error)?.len() != read {
            return Err(io_error(io::Error::other(
                "changed while it was read: another program is writing to it",
            )));
        }
        let dropped = read - kept;
        if dropped > 0 {
            file.set_len(kept).map_err(io_error)?;
        }
        Ok(Self {
            file,
            path,
            seen,
            dropped,
        })
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many accounts the journal holds an outcome for.
    pub fn len(&self) -> usize {
        self.seen.values().filter(|s| **s != Seen::InFlight).count()
    }

    /// Whether the journal holds no outcome yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes of a torn last line that [`Journal::open`] dropped (0 if none).
    pub fn dropped_bytes(&self) -> u64 {
        self.dropped
    }

    /// Appends an entry's line with one write; the line is in the operating system when this
    /// returns.
    fn append(&mut self, entry: &Entry, at: i64) -> Result<(), BulkError> {
        let mut line = serde_json::to_vec(&entry.record(Some(at))).map_err(io::Error::from);
        if let Ok(line) = &mut line {
            line.push(b'\n');
        }
        line.and_then(|line| self.file.write_all(&line))
            .and_then(|()| self.file.flush())
            .map_err(|source| BulkError::Journal {
                path: self.path.clone(),
                source,
            })
    }

    fn sync(&self) -> Result<(), BulkError> {
        self.file.sync_data().map_err(|source| BulkError::Journal {
            path: self.path.clone(),
            source,
        })
    }
}

/// Why [`open_regular`] gave no file.
enum Opened {
    /// The path is no journal (see [`BulkError::NotAJournal`]).
    Refused(&'static str),
    /// Opening failed.
    Failed(io::Error),
}

impl From<io::Error> for Opened {
    fn from(error: io::Error) -> Self {
        Opened::Failed(error)
    }
}

/// Opens `path` for reading and appending if it is a regular file (following a symbolic link)
/// other than `input`, or creates it if nothing is there; never opens for writing anything
/// else, and never truncates.
fn open_regular(path: &Path, input: Option<&Metadata>) -> Result<File, Opened> {
    let mut options = OpenOptions::new();
    options.read(true).append(true);
    // Twice at most: another run may create the file between our look and our create.
    for _ in 0..2 {
        let before = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if std::fs::symlink_metadata(path).is_ok() {
                    return Err(Opened::Refused(
                        "is a symbolic link to nothing: refused rather than create a file where \
                         it points",
                    ));
                }
                match options.clone().create_new(true).open(path) {
                    Ok(file) => return Ok(file),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e.into()),
                }
            }
            Err(e) => return Err(e.into()),
        };
        kind(&before, input)?;
        let file = options.open(path)?;
        // The file opened is the one looked at: the path may have changed in between.
        let opened = file.metadata()?;
        kind(&opened, input)?;
        if !same_file(&before, &opened) {
            return Err(Opened::Refused("changed while it was opened"));
        }
        return Ok(file);
    }
    Err(Opened::Failed(io::Error::other(
        "was created and removed while it was opened",
    )))
}

/// Refuses what a journal cannot be: anything but a regular file, or the input.
fn kind(meta: &Metadata, input: Option<&Metadata>) -> Result<(), Opened> {
    if meta.is_dir() {
        return Err(Opened::Refused("is a directory"));
    }
    if !meta.is_file() {
        return Err(Opened::Refused(
            "is not a regular file (a device, a FIFO or a socket)",
        ));
    }
    if input.is_some_and(|input| same_file(input, meta)) {
        return Err(Opened::Refused("is the input file"));
    }
    Ok(())
}

/// Whether two metadata are of one file: device and inode on Unix. Elsewhere this cannot be
/// told from metadata, and it answers "no" for two regular files.
#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    false
}

/// A complete journal line: the account and what the run knows of it.
fn record(text: &[u8]) -> Result<(Account, Seen), String> {
    let (account, fields) = parse(text, None)?;
    let status = match fields.get("outcome").and_then(Value::as_str) {
        Some("unbound" | "already_unbound") => Seen::Done,
        Some("failed") => Seen::Failed,
        _ => return Err("has no \"outcome\" of unbound, already_unbound or failed".to_owned()),
    };
    Ok((account, status))
}

/// Checks that `tail`, a last line without its newline, is what a journal write cut short
/// leaves: a whole record, or the start of one as [`Journal`] writes them (`{"provider":"…`)
/// cut anywhere (JSON that ends too soon). Anything else means the file is not a journal.
fn torn_record(tail: &[u8]) -> Result<(), String> {
    const START: &[u8] = br#"{"provider":""#;
    if record(tail.trim_ascii()).is_ok() {
        return Ok(());
    }
    let starts = tail.starts_with(START) || START.starts_with(tail);
    match serde_json::from_slice::<Value>(tail) {
        Err(e) if starts && e.is_eof() => Ok(()),
        _ => Err("has no newline and is not a journal record, whole or cut short".to_owned()),
    }
}

/// A steady pace for starting calls, in calls per second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    interval: Duration,
}

impl Rate {
    /// At most `calls` per second (fractions allowed: `0.5` is one call every two seconds).
    pub fn per_second(calls: f64) -> Result<Self, Error> {
        let invalid = || Error::invalid("rate", "must be a number of calls per second above 0");
        if !calls.is_finite() || calls <= 0.0 {
            return Err(invalid());
        }
        let interval = Duration::try_from_secs_f64(1.0 / calls).map_err(|_| invalid())?;
        Ok(Self { interval })
    }

    /// The time between two starts.
    pub fn interval(&self) -> Duration {
        self.interval
    }
}

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
    journal: Option<&mut Journal>,
    settings: &BulkSettings,
    on_entry: impl FnMut(&Entry),
) -> Result<Summary, BulkError> {
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
                Some(Seen::Done | Seen::InFlight) => Some(Outcome::Skipped),
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
            Err(error) => (Outcome::Failed(error), Seen::Failed),
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

/// Starts calls no faster than a [`Rate`]: each start takes the next free slot, one interval
/// after the one before, so starts are evenly spaced with no burst.
///
/// Twenty lines of our own rather than a crate such as `governor`: this one runs on tokio's
/// clock, so tests drive it with paused time instead of waiting, and a steady pace needs no
/// burst settings.
#[derive(Debug)]
struct Pace {
    interval: Duration,
    next: Mutex<Option<Instant>>,
}

impl Pace {
    fn new(interval: Duration) -> Self {
        Self {
            interval,
            next: Mutex::new(None),
        }
    }

    /// Waits for this call's slot.
    async fn wait(&self) {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
            let now = Instant::now();
            let slot = next.map_or(now, |next| next.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

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

    #[test]
    fn a_rate_must_be_positive_and_finite() {
        assert_eq!(
            Rate::per_second(4.0).unwrap().interval(),
            Duration::from_millis(250)
        );
        assert_eq!(
            Rate::per_second(0.5).unwrap().interval(),
            Duration::from_secs(2)
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e-300] {
            assert!(Rate::per_second(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lines_are_read_up_to_the_limit() {
        let long = format!("{}\n", "x".repeat(MAX_LINE_BYTES));
        let mut reader = io::Cursor::new(long.as_bytes());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line(&mut reader, &mut buf).unwrap(),
            Read::Line { terminated: true }
        ));
        assert_eq!(buf.len(), MAX_LINE_BYTES);
        let longer = "x".repeat(MAX_LINE_BYTES + 1);
        let mut reader = io::Cursor::new(longer.as_bytes());
        assert!(matches!(
            read_line(&mut reader, &mut buf).unwrap(),
            Read::TooLong
        ));
    }
}
