//! What the generated `unbind` clients call at run time: credentials, checked header values,
//! the OneAccess signer, and the one HTTP exchange their `exec` hooks make.
//!
//! This crate sits below the generated client crates: their hooks call it to fill in
//! `Authorization`, the OneAccess device headers and `X-signature`, and to send the request
//! ([`exchange::execute`], which notes an answer that came from another origin so that the
//! facade can refuse a followed redirect). [`redact::Redactor`] keeps secrets out of every
//! message. Time and randomness are injected ([`clock::Clock`], [`random::Random`]) so that
//! tests are deterministic, and no secret reaches `Debug`, `Display` or an error message.
//!
//! Features, all off by default:
//!
//! - `oneaccess`: the `oneaccess` module (device headers, key parsing, the `X-signature`
//!   signer) and the RSA stack it needs. MantaGo and CloudBase never sign, so their clients
//!   leave it off; `oneaccess-client` turns it on.
//! - `test-util`: the `test_util` module, deterministic stand-ins for the clock and the
//!   random source, and the test key pair the signer is tested with. For
//!   `[dev-dependencies]` only.
//!
//! With both (a clock that stands still, so the signature's timestamp is known):
//!
//! ```
//! use std::sync::Arc;
//! use unbind_runtime::clock::Clock;
//! use unbind_runtime::oneaccess::{PublicKey, ServerTime, Signer, SignerSettings};
//! use unbind_runtime::random::OsRandom;
//! use unbind_runtime::test_util::FixedClock;
//! use unbind_runtime::{SecretString, header};
//!
//! // A bearer header is checked and marked sensitive, so it never shows in logs.
//! let bearer = header::bearer(&SecretString::from("tok-123"))?;
//! assert!(bearer.is_sensitive());
//! assert_eq!(format!("{bearer:?}"), "Sensitive");
//!
//! // OneAccess: parse the application's key once, keep the server-time offset, sign per call.
//! # let pem = unbind_runtime::test_util::keys::PUBLIC_KEY_PEM;
//! let key = PublicKey::parse(pem)?;
//! let signer = Signer::new(key, SignerSettings::default(), Arc::new(OsRandom));
//! let clock = FixedClock::new(1_700_000_000_000);
//! let server = ServerTime::from_server("1700000000123", clock.now_millis())?;
//! let signature = signer.sign(&SecretString::from("session-token"), server.now_millis(&clock))?;
//! assert_eq!(signature.timestamp(), "1700000000123");
//! assert_eq!(signature.nonce(), "18bcfe5687b");
//! assert!(signature.header_value().is_sensitive());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod clock;
pub mod cloudbase;
pub mod exchange;
pub mod header;
pub mod manta;
#[cfg(feature = "oneaccess")]
pub mod oneaccess;
pub mod random;
pub mod redact;
#[cfg(any(test, feature = "test-util"))]
pub mod test_util;

pub use secrecy::{ExposeSecret, SecretString};
