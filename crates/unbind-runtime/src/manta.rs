//! MantaGo credentials.

use std::fmt;

use secrecy::SecretString;

use crate::header::{InvalidHeaderValue, bearer};

/// The MantaGo API secret and, once known, the API token (JWT).
///
/// The secret goes into every request body; the token into `Authorization: Bearer …`
/// (see [`crate::header::bearer`]). `Debug` shows neither.
#[derive(Clone)]
pub struct Credentials {
    secret: SecretString,
    token: Option<SecretString>,
    /// `Bearer <token>` (marked sensitive), made once when the token is set; its error if the
    /// token is not a valid header value.
    bearer: Option<Result<http::HeaderValue, InvalidHeaderValue>>,
}

impl Credentials {
    /// Credentials with the API secret and no token yet.
    pub fn new(secret: SecretString) -> Self {
        Self {
            secret,
            token: None,
            bearer: None,
        }
    }

    /// The same credentials with the API token (from `POST /openapi/token`) set or replaced.
    #[must_use]
    pub fn with_token(self, token: SecretString) -> Self {
        Self {
            bearer: Some(bearer(&token)),
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

    /// The `Authorization` value for the token, if one has been set: `Bearer <token>`, checked
    /// and marked sensitive as [`bearer`] makes it, but made once, when the token was set.
    pub fn authorization(&self) -> Option<Result<http::HeaderValue, InvalidHeaderValue>> {
        self.bearer.clone()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorization_value_is_the_checked_bearer_of_the_token_set() {
        let credentials = Credentials::new(SecretString::from("secret"));
        assert!(credentials.authorization().is_none());
        let credentials = credentials.with_token(SecretString::from("jwt-1"));
        let value = credentials.authorization().unwrap().unwrap();
        assert_eq!(value.as_bytes(), b"Bearer jwt-1");
        assert!(value.is_sensitive());
        let credentials = credentials.with_token(SecretString::from("jwt-2"));
        assert_eq!(
            credentials.authorization().unwrap().unwrap().as_bytes(),
            b"Bearer jwt-2"
        );
        let refused = credentials.with_token(SecretString::from("jwt\r\n3"));
        assert_eq!(
            refused.authorization().unwrap().unwrap_err().to_string(),
            "invalid value for Authorization: contains CR or LF"
        );
    }
}
