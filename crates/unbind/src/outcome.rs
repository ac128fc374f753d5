//! What an unbind found, told from the provider's answer: the one place where "unbound" and
//! "already unbound" are decided.

use crate::{Error, ProviderError};

/// What an unbind found: a deletion job that retries can treat both as done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnbindOutcome {
    /// The binding existed and is gone now.
    Unbound,
    /// There was nothing to unbind: the provider reports the binding as unknown.
    AlreadyUnbound,
}

impl UnbindOutcome {
    /// `Unbound` on success, `AlreadyUnbound` on a provider error that `already` recognises,
    /// but never under a status that says the provider did not act on the request: credentials
    /// refused (401, 403), rate limited (429), or a gateway's (502 to 504).
    pub(crate) fn from_result<T>(
        outcome: Result<T, Error>,
        already: impl Fn(&ProviderError) -> bool,
    ) -> Result<Self, Error> {
        let acted_on = |e: &ProviderError| !matches!(e.status, 401 | 403 | 429 | 502..=504);
        match outcome {
            Ok(_) => Ok(UnbindOutcome::Unbound),
            Err(error)
                if error
                    .provider_error()
                    .is_some_and(|e| acted_on(e) && already(e)) =>
            {
                Ok(UnbindOutcome::AlreadyUnbound)
            }
            Err(error) => Err(error),
        }
    }
}
