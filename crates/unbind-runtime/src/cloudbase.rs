//! CloudBase credentials and device id.

use std::fmt;
use std::str::FromStr;

use secrecy::SecretString;

use crate::header::InvalidHeaderValue;
use crate::random::{Random, hex32};

/// A device id: given (checked: 16..=48 chars of `[A-Za-z0-9_-]`) or generated once (32 hex
/// chars via [`hex32`]).
///
/// CloudBase's SDK persists one random id per device and sends it as `x-device-id`; keep the
/// generated id and reuse it rather than generating one per request.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviceId(String);

impl DeviceId {
    const FIELD: &'static str = "x-device-id";

    /// Checks a given id: 16 to 48 characters, each `A-Z`, `a-z`, `0-9`, `_` or `-`.
    pub fn new(id: &str) -> Result<Self, InvalidHeaderValue> {
        let reason = if id.is_empty() {
            Some("is empty")
        } else if !(16..=48).contains(&id.len()) {
            Some("must be 16 to 48 characters long")
        } else if !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            Some("may contain only A-Z, a-z, 0-9, '_' and '-'")
        } else {
            None
        };
        match reason {
            Some(reason) => Err(InvalidHeaderValue::new(Self::FIELD, reason)),
            None => Ok(Self(id.to_owned())),
        }
    }

    /// A new random id of 32 lower-case hex characters.
    pub fn generate(random: &dyn Random) -> Self {
        Self(hex32(random))
    }

    /// The id as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for DeviceId {
    type Err = InvalidHeaderValue;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Self::new(id)
    }
}

impl AsRef<str> for DeviceId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The access token and device id of one CloudBase client.
///
/// `Debug` shows the device id but not the token.
#[derive(Clone)]
pub struct Credentials {
    access_token: SecretString,
    device_id: DeviceId,
}

impl Credentials {
    /// Credentials from an access token and the client's device id.
    pub fn new(access_token: SecretString, device_id: DeviceId) -> Self {
        Self {
            access_token,
            device_id,
        }
    }

    /// The access token, sent as `Authorization: Bearer …`.
    pub fn access_token(&self) -> &SecretString {
        &self.access_token
    }

    /// The device id, sent as `x-device-id`.
    pub fn device_id(&self) -> &DeviceId {
        &self.device_id
    }
}

// A hand-written Debug per secret-holding type, each naming its own fields, the secret redacted.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_token", &"[REDACTED]")
            .field("device_id", &self.device_id)
            .finish()
    }
}
