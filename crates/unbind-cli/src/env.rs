//! Credentials from environment variables, and the redaction of every value read.

use std::ffi::OsString;
use std::sync::{Arc, Mutex, PoisonError};

use unbind::Provider;
use unbind::auth::SecretString;
use unbind::runtime::redact::Redactor;

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
pub use unbind::runtime::redact::REDACTED;

/// The facade's name for the value of each credential variable, per provider, as its
/// [`unbind::Error::InvalidInput`] names it (a header, or a field of its own): the facade
/// checks every value by its own rules (length, characters a header may hold), and a refusal
/// then names the variable the user set instead ([`Env::naming_variables`]).
const FIELDS: [(Provider, &str, &str); 7] = [
    (Provider::Manta, "secret", MANTA_SECRET),
    (Provider::Manta, "token", MANTA_TOKEN),
    (Provider::Manta, "Authorization", MANTA_TOKEN),
    (
        Provider::OneAccess,
        "session_token",
        ONEACCESS_SESSION_TOKEN,
    ),
    (Provider::OneAccess, "X-state-token", ONEACCESS_STATE_TOKEN),
    (Provider::CloudBase, "Authorization", CLOUDBASE_ACCESS_TOKEN),
    (
        Provider::CloudBase,
        "provider_token",
        CLOUDBASE_PROVIDER_TOKEN,
    ),
];

/// The source of credential variables, and every secret read or received so far.
///
/// Everything the CLI prints passes through [`Env::redact`], so a secret that a provider echoes
/// back in an error body is not shown either.
pub struct Env<'a> {
    lookup: &'a dyn Fn(&str) -> Option<OsString>,
    seen: Arc<Mutex<Redactor>>,
    /// Each variable read, with what it holds.
    read: Mutex<Vec<(&'static str, &'static str)>>,
}

impl<'a> Env<'a> {
    /// Reads variables through `lookup` (`std::env::var_os` in the binary).
    pub fn new(lookup: &'a dyn Fn(&str) -> Option<OsString>) -> Self {
        Self {
            lookup,
            seen: Arc::default(),
            read: Mutex::default(),
        }
    }

    /// A required secret: a missing, empty or non-UTF-8 variable is an error naming it.
    pub fn secret(&self, var: &'static str, what: &'static str) -> Result<SecretString, CliError> {
        self.optional_secret(var, what)?.ok_or(CliError::Env {
            var,
            problem: "is not set".into(),
            what,
        })
    }

    /// An optional secret: `None` when unset; set but empty, not UTF-8 or holding a control
    /// character (CR or LF, say, from a file with Windows line endings) is an error naming the
    /// variable, never showing the value. Every credential goes in a header or a JSON field
    /// where the facade refuses control characters too.
    pub fn optional_secret(
        &self,
        var: &'static str,
        what: &'static str,
    ) -> Result<Option<SecretString>, CliError> {
        let Some(value) = (self.lookup)(var) else {
            return Ok(None);
        };
        let problem = |problem: &'static str| CliError::Env {
            var,
            problem: problem.into(),
            what,
        };
        let value = value
            .into_string()
            .map_err(|_| problem("is not valid UTF-8"))?;
        if value.trim().is_empty() {
            return Err(problem("is empty"));
        }
        if value.contains(['\r', '\n']) {
            return Err(problem("contains CR or LF"));
        }
        if value.contains(char::is_control) {
            return Err(problem("contains a control character"));
        }
        self.read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((var, what));
        let secret = SecretString::from(value);
        self.remember(secret.clone());
        Ok(Some(secret))
    }

    /// `error` naming the environment variable where the facade refused a credential read from
    /// one (`MANTA_TOKEN is longer than 8192 bytes`, not `Authorization is …`); any other error
    /// as it is.
    pub fn naming_variables(&self, error: CliError, provider: Provider) -> CliError {
        let CliError::Api(unbind::Error::InvalidInput { field, reason }) = &error else {
            return error;
        };
        let var = FIELDS
            .iter()
            .find(|(p, name, _)| *p == provider && name == field)
            .map(|(_, _, var)| *var);
        let read = self
            .read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(name, _)| Some(*name) == var)
            .copied();
        match read {
            Some((var, what)) => CliError::Env {
                var,
                problem: reason.clone().into(),
                what,
            },
            None => error,
        }
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
    fn a_control_character_is_refused_naming_the_variable_not_the_value() {
        let lookup = |name: &str| -> Option<OsString> {
            match name {
                "CRLF" => Some("tok-1\r\nX-Injected: 1".into()),
                "LF" => Some("tok-1\n".into()),
                "ESC" => Some("tok\u{1b}[2J".into()),
                _ => None,
            }
        };
        let env = Env::new(&lookup);
        for (var, problem) in [
            ("CRLF", "contains CR or LF"),
            ("LF", "contains CR or LF"),
            ("ESC", "contains a control character"),
        ] {
            let error = env.secret(var, "the thing").unwrap_err();
            assert_eq!(error.to_string(), format!("{var} {problem} (the thing)"));
        }
    }

    #[test]
    fn a_refusal_of_a_credential_names_the_variable_it_came_from() {
        let env = Env::new(&lookup);
        let refused = |field: &str| {
            CliError::Api(unbind::Error::InvalidInput {
                field: field.to_owned(),
                reason: "is longer than 8192 bytes".to_owned(),
            })
        };
        // Not read yet: left as the facade said it.
        let error = env.naming_variables(refused("Authorization"), Provider::CloudBase);
        assert_eq!(
            error.to_string(),
            "invalid input: Authorization is longer than 8192 bytes"
        );
        let lookup = |name: &str| -> Option<OsString> {
            (name == CLOUDBASE_ACCESS_TOKEN).then(|| "tok".into())
        };
        let env = Env::new(&lookup);
        env.secret(CLOUDBASE_ACCESS_TOKEN, "the token").unwrap();
        let error = env.naming_variables(refused("Authorization"), Provider::CloudBase);
        assert_eq!(
            error.to_string(),
            "CLOUDBASE_ACCESS_TOKEN is longer than 8192 bytes (the token)"
        );
        // Another provider's name for it, or another field: as it was.
        for (field, provider) in [
            ("Authorization", Provider::Manta),
            ("provider_id", Provider::CloudBase),
        ] {
            let error = env.naming_variables(refused(field), provider);
            assert!(error.to_string().starts_with("invalid input: "), "{error}");
        }
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
