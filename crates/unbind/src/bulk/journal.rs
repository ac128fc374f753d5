//! The journal: one outcome a line, appended as each call completes, read back to resume.

use std::collections::{BTreeSet, HashMap};
use std::fs::{File, Metadata, OpenOptions, TryLockError};
use std::io::{self, BufReader, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use super::entry::{Entry, Outcome};
use super::error::BulkError;
use super::input::{Read, parse, read_line, too_long};
use crate::Account;

impl Entry {
    /// The entry as its journal line shows it, without the run's `target` and the time (`at`):
    /// `provider`, the account's fields, `outcome`, `error` for a failure, `line`.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self.record(None, None)).unwrap_or(Value::Null)
    }

    fn record<'a>(&'a self, target: Option<&'a str>, at: Option<i64>) -> Record<'a> {
        let error = match &self.outcome {
            Outcome::Failed(error) => Some(ErrorRecord {
                kind: error.kind().as_str(),
                status: error.status(),
                code: error.provider_error().and_then(|e| e.code.as_deref()),
                message: error.to_string(),
            }),
            _ => None,
        };
        Record {
            provider: self.account.provider().tag(),
            target,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<&'a str>,
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
pub(super) enum Seen {
    /// Unbound or already unbound.
    Done,
    /// Failed in an earlier run: tried again only with
    /// [`BulkSettings::retry_failed`](super::BulkSettings::retry_failed).
    Failed,
    /// Failed in this run: listed again, it is skipped, even with `retry_failed`.
    FailedNow,
    /// Started in this run, not yet complete.
    InFlight,
}

/// The append-only journal of a bulk run: one JSON line per outcome (see the
/// [module docs](super)).
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    pub(super) seen: HashMap<Account, Seen>,
    dropped: u64,
    /// The targets its lines name (lines written before targets were recorded name none), and
    /// those of the runs started on it since it was opened.
    targets: BTreeSet<String>,
    /// This run's target, written on each line (see [`Journal::start`]).
    target: Option<String>,
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
        let mut targets = BTreeSet::new();
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
                    let (account, status, target) = record(text).map_err(bad)?;
                    // A later line is a later outcome (a failure tried again).
                    seen.insert(account, status);
                    targets.extend(target);
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
            targets,
            target: None,
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

    /// Starts a run against `target` (where its calls go: see [`Unbinder::target`]). Refused
    /// ([`BulkError::JournalTarget`]) when a line of the journal names another target: what it
    /// holds as done was done there, not here.
    ///
    /// [`Unbinder::target`]: crate::Unbinder::target
    pub(super) fn start(&mut self, target: String) -> Result<(), BulkError> {
        if let Some(other) = self.targets.iter().find(|t| **t != target) {
            return Err(BulkError::JournalTarget {
                path: self.path.clone(),
                journal: other.clone(),
                run: target,
            });
        }
        self.targets.insert(target.clone());
        self.target = Some(target);
        Ok(())
    }

    /// Appends an entry's line with one write; the line is in the operating system when this
    /// returns.
    pub(super) fn append(&mut self, entry: &Entry, at: i64) -> Result<(), BulkError> {
        let record = entry.record(self.target.as_deref(), Some(at));
        let mut line = serde_json::to_vec(&record).map_err(io::Error::from);
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

    pub(super) fn sync(&self) -> Result<(), BulkError> {
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

/// A complete journal line: the account, what the run knows of it, and the target it names.
fn record(text: &[u8]) -> Result<(Account, Seen, Option<String>), String> {
    let (account, fields) = parse(text, None)?;
    let status = match fields.get("outcome").and_then(Value::as_str) {
        Some("unbound" | "already_unbound") => Seen::Done,
        Some("failed") => Seen::Failed,
        _ => return Err("has no \"outcome\" of unbound, already_unbound or failed".to_owned()),
    };
    let target = match fields.get("target") {
        None => None,
        Some(Value::String(target)) => Some(target.clone()),
        Some(_) => return Err("has a \"target\" that is not a string".to_owned()),
    };
    Ok((account, status, target))
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
