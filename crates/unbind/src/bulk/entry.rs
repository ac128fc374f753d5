//! What a bulk run records of one account: its [`Outcome`], and the [`Entry`] the progress
//! callback and the journal see.

use crate::{Account, Error};

/// What happened to one account of the input.
#[derive(Debug)]
pub enum Outcome {
    /// The binding existed and is gone now.
    Unbound,
    /// There was nothing to unbind (see [`UnbindOutcome::AlreadyUnbound`](crate::UnbindOutcome::AlreadyUnbound)).
    AlreadyUnbound,
    /// The call failed: the provider refused it, or it could not be made.
    Failed(Error),
    /// Not sent: the journal holds the account as unbound or already unbound, or it came
    /// earlier in this input.
    Skipped,
    /// Not sent: the journal holds the account as failed, and
    /// [`BulkSettings::retry_failed`](super::BulkSettings::retry_failed) is off.
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

/// One account's outcome, as the progress callback of [`run`](super::run) sees it.
// Its journal line (`to_json`) is in journal.rs, with the rest of the journal's format.
#[derive(Debug)]
pub struct Entry {
    /// The input line, from 1.
    pub line: u64,
    /// The account.
    pub account: Account,
    /// What happened.
    pub outcome: Outcome,
}
