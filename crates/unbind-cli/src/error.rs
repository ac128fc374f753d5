//! What can go wrong in the CLI, its exit code, and its JSON form.

use std::fmt;

use serde_json::{Value, json};

/// The process exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    /// Success.
    Ok = 0,
    /// The provider refused the request, or its answer or key was unusable
    /// ([`unbind::Error::Provider`], [`unbind::Error::UnexpectedResponse`],
    /// [`unbind::Error::Signing`]), or a local failure ([`CliError::Local`]) such as new
    /// credentials that could not be saved.
    Refused = 1,
    /// Invalid input or usage: clap's usage errors, [`unbind::Error::InvalidInput`], a missing
    /// or empty credential variable.
    Usage = 2,
    /// Network or transport failure ([`unbind::Error::Transport`]), or no answer in time
    /// ([`unbind::Error::Timeout`]).
    Transport = 3,
}

impl From<Exit> for u8 {
    fn from(exit: Exit) -> Self {
        exit as u8
    }
}

/// Every failure of one run of the CLI.
#[derive(Debug)]
pub enum CliError {
    /// The facade failed.
    Api(unbind::Error),
    /// A credential variable is missing, empty, not UTF-8, or holds what the facade refuses.
    Env {
        /// The variable.
        var: &'static str,
        /// What is wrong with it (`is not set`, `is empty`, `contains CR or LF`, …); never
        /// its value.
        problem: std::borrow::Cow<'static, str>,
        /// What it should hold.
        what: &'static str,
    },
    /// Flags that clap accepts but that do not go together (no `--base-url` for OneAccess, …).
    Usage(String),
    /// Input the CLI itself refuses before sending anything (a credentials file that exists, …).
    Input(String),
    /// A local failure after the provider was reached: credentials it issued could not be
    /// saved (or the async runtime would not start).
    Local(String),
}

impl From<unbind::Error> for CliError {
    fn from(error: unbind::Error) -> Self {
        CliError::Api(error)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Api(error) => write!(f, "{error}"),
            CliError::Env { var, problem, what } => write!(f, "{var} {problem} ({what})"),
            CliError::Usage(message) | CliError::Input(message) | CliError::Local(message) => {
                f.write_str(message)
            }
        }
    }
}

impl CliError {
    /// The exit code for this error.
    pub fn exit(&self) -> Exit {
        match self {
            CliError::Api(unbind::Error::InvalidInput { .. })
            | CliError::Env { .. }
            | CliError::Usage(_)
            | CliError::Input(_) => Exit::Usage,
            CliError::Api(unbind::Error::Transport { .. } | unbind::Error::Timeout { .. }) => {
                Exit::Transport
            }
            CliError::Api(_) | CliError::Local(_) => Exit::Refused,
        }
    }

    /// The `kind` of the JSON error.
    pub fn kind(&self) -> &'static str {
        match self {
            CliError::Api(error) => error.kind().as_str(),
            CliError::Env { .. } | CliError::Input(_) => "invalid_input",
            CliError::Usage(_) => "usage",
            CliError::Local(_) => "local",
        }
    }

    /// `{"error":{"kind","provider","status","code","message"}}`; `provider` is the CLI's name
    /// of the provider (`manta`, `oneaccess`, `cloudbase`), `message` the text form.
    pub fn to_json(&self, provider: Option<&str>) -> Value {
        let (status, code) = match self {
            CliError::Api(error) => (
                error.status(),
                error.provider_error().and_then(|e| e.code.clone()),
            ),
            _ => (None, None),
        };
        json!({"error": {
            "kind": self.kind(),
            "provider": provider,
            "status": status,
            "code": code,
            "message": self.to_string(),
        }})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_and_kinds() {
        let invalid = CliError::Api(unbind::Error::InvalidInput {
            field: "provider_id".into(),
            reason: "contains a path separator".into(),
        });
        assert_eq!(invalid.exit(), Exit::Usage);
        assert_eq!(invalid.kind(), "invalid_input");
        let signing = CliError::Api(unbind::Error::Signing {
            provider: unbind::Provider::OneAccess,
            source: unbind::auth::oneaccess::KeyError::Empty.into(),
        });
        assert_eq!((signing.exit(), signing.kind()), (Exit::Refused, "signing"));
        let unexpected = CliError::Api(unbind::Error::UnexpectedResponse {
            provider: unbind::Provider::Manta,
            status: Some(200),
            detail: "x".into(),
        });
        assert_eq!(unexpected.exit(), Exit::Refused);
        assert_eq!(
            unexpected.to_json(Some("manta"))["error"]["status"],
            json!(200)
        );
        assert_eq!(u8::from(Exit::Transport), 3);
    }
}
