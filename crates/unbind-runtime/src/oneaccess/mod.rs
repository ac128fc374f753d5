//! Huawei Cloud OneAccess: device headers and the `X-signature` signer (feature `oneaccess`).
//!
//! Calls that act on a logged-in user (list and unbind social accounts) carry
//! `X-signature`: the RSA-OAEP encryption, under the application's public key, of
//! `session_token=<t>&timestamp=<ts>&nonce=<n>`, in standard Base64. The timestamp is the
//! server's time (keep a [`ServerTime`] offset from `GET /api/v2/sdk/server-date`), and the
//! nonce is new for each signature.
//!
//! What the public docs leave open is a [`SignerSettings`] field, with the documented default:
//! the MGF1 hash ([`Mgf1Hash`]), the nonce's form ([`NonceForm`]) and the timestamp's unit
//! ([`TimestampUnit`]).

mod key;

use std::fmt;
use std::sync::Arc;

use aws_lc_rs::rsa::OAEP_SHA256_MGF1SHA256;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::Oaep;
use secrecy::{ExposeSecret, SecretString};
use sha1::Sha1;
use sha2::Sha256;

use crate::clock::Clock;
use crate::header::{InvalidHeaderValue, header_value};
use crate::random::{Random, RngAdapter, hex32};

pub use key::{KeyError, MAX_KEY_BITS, MIN_KEY_BITS, PublicKey};

/// The name of the signature header.
pub const X_SIGNATURE: &str = "X-signature";

/// The required and optional device headers, set once per client.
///
/// None of these is a secret. [`validate`](Self::validate) them once, when the client is
/// configured, so that a bad value fails there rather than on the first call.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceProfile {
    /// `X-operating-sys-version` (required), e.g. `Android 10`.
    pub operating_sys_version: String,
    /// `X-device-fingerprint` (required): a stable identifier of the device.
    pub device_fingerprint: String,
    /// `X-agent` (required): the user agent, e.g. `Mozilla/5.0 (Linux; Android 10)`.
    pub agent: String,
    /// `X-client-id` (required): the application's client id.
    pub client_id: String,
    /// `X-device-ip` (optional).
    pub device_ip: Option<String>,
    /// `X-L` (optional): the language, e.g. `zh-CN` or `en-US`.
    pub language: Option<String>,
    /// `X-tenant-id` (optional; needed for ISV applications on the common domain).
    pub tenant_id: Option<String>,
}

impl DeviceProfile {
    /// Checks every header with [`header_value`]; the error names the wire header.
    pub fn validate(&self) -> Result<(), InvalidHeaderValue> {
        self.header_values().map(drop)
    }

    /// The headers to send, with their wire names, in a fixed order; optional ones only if set.
    pub fn header_values(
        &self,
    ) -> Result<Vec<(&'static str, http::HeaderValue)>, InvalidHeaderValue> {
        let required = [
            ("X-operating-sys-version", &self.operating_sys_version),
            ("X-device-fingerprint", &self.device_fingerprint),
            ("X-agent", &self.agent),
            ("X-client-id", &self.client_id),
        ];
        let optional = [
            ("X-device-ip", self.device_ip.as_ref()),
            ("X-L", self.language.as_ref()),
            ("X-tenant-id", self.tenant_id.as_ref()),
        ];
        required
            .into_iter()
            .chain(
                optional
                    .into_iter()
                    .filter_map(|(name, v)| v.map(|v| (name, v))),
            )
            .map(|(name, value)| Ok((name, header_value(name, value)?)))
            .collect()
    }
}

/// The hash MGF1 uses in RSA-OAEP (the label hash is SHA-256 either way).
///
/// Java's `RSA/ECB/OAEPWithSHA-256AndMGF1Padding` means MGF1-SHA-256 under BouncyCastle but
/// MGF1-SHA-1 under the JDK's default provider; the docs do not say which the server uses.
/// Checked by decrypting this signer's output in Java 17: `Sha256` opens under BouncyCastle
/// 1.72 and not under the JDK's SunJCE, `Sha1` the other way round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mgf1Hash {
    /// MGF1 with SHA-256, encrypted by aws-lc-rs (the default).
    #[default]
    Sha256,
    /// MGF1 with SHA-1, encrypted by the pure-Rust `rsa` crate (about ten times slower).
    Sha1,
}

/// How the nonce is made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NonceForm {
    /// The timestamp's integer value, as sent, in lower-case hex (the seed doc's form; the
    /// default). `1700000000123` gives `18bcfe5687b`.
    #[default]
    TimestampHex,
    /// The same in upper-case hex: `1700000000123` gives `18BCFE5687B`.
    TimestampHexUpper,
    /// 32 random lower-case hex characters ([`hex32`]).
    Random,
}

/// The unit of the timestamp in the plaintext.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TimestampUnit {
    /// Unix milliseconds, 13 digits today (the default).
    #[default]
    Milliseconds,
    /// Unix seconds, 10 digits today (milliseconds divided by 1000, rounded down).
    Seconds,
}

/// The signer's open choices; `Default` is MGF1-SHA-256, timestamp-hex nonce, milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SignerSettings {
    /// The MGF1 hash.
    pub mgf1: Mgf1Hash,
    /// How the nonce is made.
    pub nonce: NonceForm,
    /// The unit of the timestamp.
    pub timestamp_unit: TimestampUnit,
}

/// Why a signature could not be made. Never contains the session token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The `timestamp` of `server-date` is not a non-negative decimal integer.
    #[error("server time is not a decimal Unix timestamp: {0:?}")]
    BadServerTime(String),
    /// The server time to sign with is before 1970.
    #[error("server time is negative: {0} ms")]
    NegativeTime(i64),
    /// The session token is empty.
    #[error("session token is empty")]
    EmptyToken,
    /// The plaintext does not fit one RSA-OAEP block of this key (the session token is too long).
    #[error("signature plaintext is {len} bytes, more than the {max} that fit the key")]
    PlaintextTooLong {
        /// Length of the plaintext in bytes.
        len: usize,
        /// Longest plaintext the key takes with OAEP-SHA-256.
        max: usize,
    },
    /// The encryption itself failed.
    #[error("RSA-OAEP encryption failed: {0}")]
    Encrypt(String),
}

/// Server time as an offset to the local clock, from the `timestamp` string of
/// `GET /api/v2/sdk/server-date`.
///
/// Ask the server once, keep the offset, and add it to the local clock for each signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ServerTime {
    offset_millis: i64,
}

impl ServerTime {
    /// Timestamps at or above this are milliseconds; below it, seconds. As milliseconds it is
    /// 1973-03-03; as seconds, the year 5138, so no real clock of either unit is misread.
    pub const MILLIS_THRESHOLD: i64 = 100_000_000_000;

    /// The offset from the server's `timestamp` string and the local clock at the time of the
    /// answer (`local_now_millis`, e.g. [`Clock::now_millis`]).
    ///
    /// The string is a decimal integer, whitespace around it ignored; no sign, fraction or
    /// exponent. Values of at least [`MILLIS_THRESHOLD`](Self::MILLIS_THRESHOLD) are
    /// milliseconds, smaller ones seconds. Anything else is [`SignError::BadServerTime`].
    pub fn from_server(timestamp: &str, local_now_millis: i64) -> Result<Self, SignError> {
        let bad = || {
            // Not a secret, but bounded: a misbehaving server may send anything.
            SignError::BadServerTime(timestamp.chars().take(64).collect())
        };
        let digits = timestamp.trim();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let value: i64 = digits.parse().map_err(|_| bad())?;
        let server_millis = if value >= Self::MILLIS_THRESHOLD {
            value
        } else {
            value.checked_mul(1000).ok_or_else(bad)?
        };
        Ok(Self {
            offset_millis: server_millis.saturating_sub(local_now_millis),
        })
    }

    /// A known offset (server minus local, in milliseconds), e.g. one kept from earlier.
    pub const fn from_offset_millis(offset_millis: i64) -> Self {
        Self { offset_millis }
    }

    /// The server's time now, by `clock` plus the offset.
    pub fn now_millis(&self, clock: &dyn Clock) -> i64 {
        clock.now_millis().saturating_add(self.offset_millis)
    }

    /// Server time minus local time, in milliseconds.
    pub const fn offset_millis(&self) -> i64 {
        self.offset_millis
    }
}

/// The plaintext that is encrypted: exactly `session_token=<t>&timestamp=<ts>&nonce=<n>`
/// (a `SecretString`: it contains the token).
pub fn plaintext(session_token: &SecretString, timestamp: &str, nonce: &str) -> SecretString {
    const PARTS: [&str; 3] = ["session_token=", "&timestamp=", "&nonce="];
    let token = session_token.expose_secret();
    let len =
        PARTS.iter().map(|p| p.len()).sum::<usize>() + token.len() + timestamp.len() + nonce.len();
    // Exact capacity: turning the String into a boxed str must not reallocate and leave an
    // unwiped copy of the token behind.
    let mut text = String::with_capacity(len);
    for (part, value) in PARTS.iter().zip([token, timestamp, nonce]) {
        text.push_str(part);
        text.push_str(value);
    }
    SecretString::from(text)
}

/// Builds `X-signature` values.
///
/// Cheap to clone; share one per client.
#[derive(Clone, Debug)]
pub struct Signer {
    key: PublicKey,
    settings: SignerSettings,
    random: Arc<dyn Random>,
}

impl Signer {
    /// A signer with the application's key, the settings, and the randomness for
    /// [`NonceForm::Random`] nonces and MGF1-SHA-1 OAEP seeds (use [`crate::random::OsRandom`]
    /// outside tests). The MGF1-SHA-256 path takes its OAEP seed from aws-lc's own generator.
    pub fn new(key: PublicKey, settings: SignerSettings, random: Arc<dyn Random>) -> Self {
        Self {
            key,
            settings,
            random,
        }
    }

    /// The settings.
    pub fn settings(&self) -> &SignerSettings {
        &self.settings
    }

    /// The public key.
    pub fn key(&self) -> &PublicKey {
        &self.key
    }

    /// Signs `session_token` at the server time `server_now_millis` (Unix milliseconds).
    ///
    /// The timestamp is that time in the configured unit, as a decimal string; the nonce is made
    /// per [`NonceForm`]; the [`plaintext`] is encrypted with RSA-OAEP (label hash SHA-256, MGF1
    /// per [`Mgf1Hash`], empty label) and encoded as standard Base64 with padding and no line
    /// breaks.
    pub fn sign(
        &self,
        session_token: &SecretString,
        server_now_millis: i64,
    ) -> Result<Signature, SignError> {
        if session_token.expose_secret().is_empty() {
            return Err(SignError::EmptyToken);
        }
        if server_now_millis < 0 {
            return Err(SignError::NegativeTime(server_now_millis));
        }
        let time = match self.settings.timestamp_unit {
            TimestampUnit::Milliseconds => server_now_millis,
            TimestampUnit::Seconds => server_now_millis / 1000,
        };
        let timestamp = time.to_string();
        let nonce = match self.settings.nonce {
            NonceForm::TimestampHex => format!("{time:x}"),
            NonceForm::TimestampHexUpper => format!("{time:X}"),
            NonceForm::Random => hex32(&*self.random),
        };
        let plaintext = plaintext(session_token, &timestamp, &nonce);
        let ciphertext = self.encrypt(plaintext.expose_secret().as_bytes())?;
        let mut value = http::HeaderValue::from_str(&STANDARD.encode(ciphertext))
            .map_err(|_| SignError::Encrypt("Base64 is not a header value".to_owned()))?;
        value.set_sensitive(true);
        Ok(Signature {
            value,
            timestamp,
            nonce,
        })
    }

    /// [`sign`](Self::sign) at the server's time now, by `clock` and `server_time`.
    pub fn sign_now(
        &self,
        session_token: &SecretString,
        server_time: ServerTime,
        clock: &dyn Clock,
    ) -> Result<Signature, SignError> {
        self.sign(session_token, server_time.now_millis(clock))
    }

    fn encrypt(&self, plaintext: &[u8]) -> Result<Vec<u8>, SignError> {
        // OAEP: k - 2 * hLen - 2, with the label hash SHA-256 (32 bytes) in both settings.
        let max = self.key.size_bytes().saturating_sub(2 * 32 + 2);
        if plaintext.len() > max {
            return Err(SignError::PlaintextTooLong {
                len: plaintext.len(),
                max,
            });
        }
        match self.settings.mgf1 {
            Mgf1Hash::Sha256 => {
                let mut out = vec![0u8; self.key.oaep().ciphertext_size()];
                let len = self
                    .key
                    .oaep()
                    .encrypt(&OAEP_SHA256_MGF1SHA256, plaintext, &mut out, None)
                    .map_err(|_| SignError::Encrypt("aws-lc-rs refused the plaintext".to_owned()))?
                    .len();
                out.truncate(len);
                Ok(out)
            }
            Mgf1Hash::Sha1 => self
                .key
                .rsa()
                .encrypt(
                    &mut RngAdapter(&*self.random),
                    Oaep::new_with_mgf_hash::<Sha256, Sha1>(),
                    plaintext,
                )
                .map_err(|e| SignError::Encrypt(e.to_string())),
        }
    }
}

/// One `X-signature` value, with the timestamp and nonce it was made with.
///
/// `Debug` shows the timestamp and nonce but not the value: it carries the session token,
/// encrypted but replayable.
#[derive(Clone)]
pub struct Signature {
    value: http::HeaderValue,
    timestamp: String,
    nonce: String,
}

impl Signature {
    /// The `X-signature` header value (standard Base64), marked sensitive.
    pub fn header_value(&self) -> http::HeaderValue {
        self.value.clone()
    }

    /// The timestamp in the plaintext, as sent.
    pub fn timestamp(&self) -> &str {
        &self.timestamp
    }

    /// The nonce in the plaintext, as sent.
    pub fn nonce(&self) -> &str {
        &self.nonce
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signature")
            .field("value", &"[REDACTED]")
            .field("timestamp", &self.timestamp)
            .field("nonce", &self.nonce)
            .finish()
    }
}
