//! Credentials from environment variables, and the redaction of every value read.

use std::ffi::OsString;
use std::sync::{Arc, Mutex, PoisonError};

use unbind::auth::SecretString;
use unbind::auth::redact::Redactor;

use crate::error::CliError;

// One constant per variable: the workspace tests (tests/src/lib.rs) hold test values of the same
// names.
/// MantaGo API secret (required for `manta`).
pub const MANTA_SECRET: &str = "MANTA_SECRET";
/// MantaGo API token (required: MantaGo takes the bearer on every call; `manta refresh`
/// rotates it).
pub const MANTA_TOKEN: &str = "MANTA_TOKEN";
/// OneAccess session token (`oneaccess list`, `oneaccess unbind`).
pub const ONEACCESS_SESSION_TOKEN: &str = "ONEACCESS_SESSION_TOKEN";
/// OneAccess state token of a social login (`oneaccess bind`).
pub const ONEACCESS_STATE_TOKEN: &str = "ONEACCESS_STATE_TOKEN";
/// CloudBase access token (every `cloudbase` action).
pub const CLOUDBASE_ACCESS_TOKEN: &str = "CLOUDBASE_ACCESS_TOKEN";
/// CloudBase provider token (`cloudbase bind`).
pub const CLOUDBASE_PROVIDER_TOKEN: &str = "CLOUDBASE_PROVIDER_TOKEN";

/// What `unbind` prints instead of a secret that turns up in output.
pub use unbind::auth::redact::REDACTED;

/// The source of credential variables, and every secret read or received so far.
///
/// Everything the CLI prints passes through [`Env::redact`], so a secret that a provider echoes
/// back in an error body is not shown either.
pub struct Env<'a> {
    lookup: &'a dyn Fn(&str) -> Option<OsString>,
    seen: Arc<Mutex<Redactor>>,
}

impl<'a> Env<'a> {
    /// Reads variables through `lookup` (`std::env::var_os` in the binary).
    pub fn new(lookup: &'a dyn Fn(&str) -> Option<OsString>) -> Self {
        Self {
            lookup,
            seen: Arc::default(),
        }
    }

    /// A required secret: a missing, empty or non-UTF-8 variable is an error naming it.
    pub fn secret(&self, var: &'static str, what: &'static str) -> Result<SecretString, CliError> {
        self.optional_secret(var, what)?.ok_or(CliError::Env {
            var,
            problem: "is not set",
            what,
        })
    }

    /// An optional secret: `None` when unset; set but empty (or not UTF-8) is an error.
    pub fn optional_secret(
        &self,
        var: &'static str,
        what: &'static str,
    ) -> Result<Option<SecretString>, CliError> {
        let Some(value) = (self.lookup)(var) else {
            return Ok(None);
        };
        let problem = |problem| CliError::Env { var, problem, what };
        let value = value
            .into_string()
            .map_err(|_| problem("is not valid UTF-8"))?;
        if value.trim().is_empty() {
            return Err(problem("is empty"));
        }
        let secret = SecretString::from(value);
        self.remember(secret.clone());
        Ok(Some(secret))
    }

    /// Adds a secret received at run time (a rotated MantaGo secret, say) to the redaction list.
    pub fn remember(&self, secret: SecretString) {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend([&secret]);
    }

    /// The redactor of every secret seen so far, shared: a secret remembered later is blanked
    /// by it too (the log writer holds one).
    pub fn redactor(&self) -> Arc<Mutex<Redactor>> {
        Arc::clone(&self.seen)
    }

    /// `text` with every secret seen so far replaced by [`REDACTED`], in its raw form and
    /// in every escaped form ([`Redactor::redact`]).
    pub fn redact(&self, text: &str) -> String {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .redact(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<OsString> {
        match name {
            "SET" => Some("tok-\"SECRET\"-1".into()),
            "EMPTY" => Some(" ".into()),
            "SHORT" => Some("ab".into()),
            _ => None,
        }
    }

    #[test]
    fn variables_are_read_and_checked() {
        let env = Env::new(&lookup);
        assert!(env.secret("SET", "x").is_ok());
        let missing = env.secret("NOPE", "the thing").unwrap_err();
        assert_eq!(missing.to_string(), "NOPE is not set (the thing)");
        let empty = env.optional_secret("EMPTY", "the thing").unwrap_err();
        assert_eq!(empty.to_string(), "EMPTY is empty (the thing)");
        assert!(env.optional_secret("NOPE", "x").unwrap().is_none());
    }

    #[test]
    fn every_form_of_a_secret_is_redacted_but_short_ones_are_left() {
        let env = Env::new(&lookup);
        env.secret("SET", "x").unwrap();
        env.secret("SHORT", "x").unwrap();
        assert_eq!(
            env.redact(r#"a tok-"SECRET"-1 b "tok-\"SECRET\"-1" ab"#),
            r#"a [REDACTED] b "[REDACTED]" ab"#
        );
    }
}
