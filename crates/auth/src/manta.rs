//! MantaGo credentials.

use std::fmt;

use secrecy::SecretString;

/// The MantaGo API secret and, once known, the API token (JWT).
///
/// The secret goes into every request body; the token into `Authorization: Bearer …`
/// (see [`crate::header::bearer`]). `Debug` shows neither.
#[derive(Clone)]
pub struct Credentials {
    secret: SecretString,
    token: Option<SecretString>,
}

impl Credentials {
    /// Credentials with the API secret and no token yet.
    pub fn new(secret: SecretString) -> Self {
        Self {
            secret,
            token: None,
        }
    }

    /// The same credentials with the API token (from `POST /openapi/token`) set or replaced.
    #[must_use]
    pub fn with_token(self, token: SecretString) -> Self {
        Self {
            token: Some(token),
            ..self
        }
    }

    /// The API secret.
    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    /// The API token, if one has been set.
    pub fn token(&self) -> Option<&SecretString> {
        self.token.as_ref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("secret", &"[REDACTED]")
            .field("token", &self.token.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}
