//! Test doubles for the injected clock and random source (feature `test-util`).
//!
//! Turn the feature on from `[dev-dependencies]` only: nothing here is fit for production,
//! where [`SystemClock`](crate::clock::SystemClock) and [`OsRandom`](crate::random::OsRandom)
//! are the defaults. Which double suits which test:
//!
//! - [`FixedClock`]: anything that reads the time through [`Clock`]: a OneAccess signature's
//!   timestamp and the nonce made from it, the server-time offset, an expiry window. The time
//!   moves only on [`set`](FixedClock::set) or [`advance`](FixedClock::advance), so a test can
//!   put the client's clock behind the server's, or jump past a window, and know the result
//!   to the millisecond. (Waits between retries run on tokio's timer: pause that instead.)
//! - [`CountingRandom`]: anything that draws from [`Random`]: CloudBase's `x-request-id` and a
//!   generated `x-device-id`, random OneAccess nonces, MGF1-SHA-1 OAEP seeds. The same seed
//!   gives the same bytes in the same order, so a snapshot or a golden ciphertext is
//!   reproducible, and each draw differs from the last, so "fresh on every request" can still
//!   fail. The default MGF1-SHA-256 signature takes its seed from aws-lc's own generator:
//!   check it by decrypting with the test private key, never by comparing bytes.
//!
//! - [`keys`] and (with `oneaccess`) [`decrypt_signature`]: the test RSA key pair this crate's
//!   signer is tested with, and the one sound check of an `X-signature` (OAEP is randomised):
//!   decrypt it with the test private key. `unbind-test-fixtures` re-exports both.
//!
//! Shared fixtures that are not this crate's (a device profile, TLS files, loopback-server
//! helpers) live in the workspace's dev-only `unbind-test-fixtures`, which depends on this
//! crate, never the other way round.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use crate::clock::Clock;
use crate::random::Random;

/// The test key pair (`keys/`, described in `keys/README.md`). **Test-only: the private key is
/// public.**
pub mod keys {
    /// RSA-2048 private key, PKCS#8 PEM.
    pub const PRIVATE_KEY_PEM: &str = include_str!("../keys/test_private_key.pem");
    /// Its public key, PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    pub const PUBLIC_KEY_PEM: &str = include_str!("../keys/test_public_key.pem");
    /// The same public key, PEM PKCS#1 (`-----BEGIN RSA PUBLIC KEY-----`).
    pub const PUBLIC_KEY_PKCS1_PEM: &str = include_str!("../keys/test_public_key_pkcs1.pem");
    /// The same public key, bare standard Base64 of the DER SubjectPublicKeyInfo.
    pub const PUBLIC_KEY_BASE64: &str = include_str!("../keys/test_public_key_base64.txt");
    /// The same PEM as a JSON string: surrounding quotes and literal `\n` sequences.
    pub const PUBLIC_KEY_ESCAPED: &str = include_str!("../keys/test_public_key_escaped.txt");
    /// An unrelated RSA-1024 public key, which must be refused as too small.
    pub const PUBLIC_KEY_1024_PEM: &str = include_str!("../keys/test_public_key_1024.pem");
}

/// Decrypts an `X-signature` value (standard Base64) with the test private key, under OAEP
/// with the label hash SHA-256 and MGF1 per `mgf1`, and returns the plaintext.
///
/// # Panics
///
/// If `signature` is not standard Base64 of one RSA-2048 block (256 bytes), or the plaintext
/// is not UTF-8. A block that does not decrypt under `mgf1` is an `Err`, so a test can assert
/// that one MGF1 hash does not stand in for the other.
#[cfg(feature = "oneaccess")]
pub fn decrypt_signature(
    signature: &str,
    mgf1: crate::oneaccess::Mgf1Hash,
) -> Result<String, rsa::Error> {
    use std::sync::LazyLock;

    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use rsa::pkcs8::DecodePrivateKey as _;
    use rsa::{Oaep, RsaPrivateKey};

    use crate::oneaccess::Mgf1Hash;

    static PRIVATE_KEY: LazyLock<RsaPrivateKey> = LazyLock::new(|| {
        RsaPrivateKey::from_pkcs8_pem(keys::PRIVATE_KEY_PEM).expect("test private key")
    });
    let ciphertext = STANDARD.decode(signature).expect("standard Base64");
    assert_eq!(ciphertext.len(), 256, "one RSA-2048 block");
    let padding = match mgf1 {
        Mgf1Hash::Sha256 => Oaep::new::<sha2::Sha256>(),
        Mgf1Hash::Sha1 => Oaep::new_with_mgf_hash::<sha2::Sha256, sha1::Sha1>(),
    };
    let plaintext = PRIVATE_KEY.decrypt(padding, &ciphertext)?;
    Ok(String::from_utf8(plaintext).expect("UTF-8 plaintext"))
}

/// A clock for tests: it shows a set time and moves only when told to.
#[derive(Debug, Default)]
pub struct FixedClock {
    millis: AtomicI64,
}

impl FixedClock {
    /// A clock that shows `millis` (Unix milliseconds).
    pub const fn new(millis: i64) -> Self {
        Self {
            millis: AtomicI64::new(millis),
        }
    }

    /// Sets the time to `millis`.
    pub fn set(&self, millis: i64) {
        self.millis.store(millis, Ordering::SeqCst);
    }

    /// Moves the time by `millis` (negative moves it back), saturating at the ends of `i64`.
    pub fn advance(&self, millis: i64) {
        // The closure always returns `Some`, so `fetch_update` cannot fail.
        let _ = self
            .millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(millis))
            });
    }
}

impl Clock for FixedClock {
    fn now_millis(&self) -> i64 {
        self.millis.load(Ordering::SeqCst)
    }
}

/// A deterministic source for tests (splitmix64 over a counter). **Not random at all.**
///
/// Each call to [`fill`](Random::fill) yields a different byte sequence, and two sources made
/// with the same seed yield the same sequences in the same order.
#[derive(Debug, Default)]
pub struct CountingRandom {
    state: AtomicU64,
}

impl CountingRandom {
    const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

    /// A source starting from `seed`.
    pub const fn new(seed: u64) -> Self {
        Self {
            state: AtomicU64::new(seed),
        }
    }

    fn next_u64(&self) -> u64 {
        let mut z = self
            .state
            .fetch_add(Self::GOLDEN_GAMMA, Ordering::Relaxed)
            .wrapping_add(Self::GOLDEN_GAMMA);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Random for CountingRandom {
    fn fill(&self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::{OsRandom, hex32};

    #[test]
    fn fixed_clock_set_and_advance() {
        let clock = FixedClock::new(1_700_000_000_123);
        assert_eq!(clock.now_millis(), 1_700_000_000_123);
        clock.advance(877);
        assert_eq!(clock.now_millis(), 1_700_000_001_000);
        clock.advance(-1_000);
        assert_eq!(clock.now_millis(), 1_700_000_000_000);
        clock.set(5);
        assert_eq!(clock.now_millis(), 5);
        clock.set(i64::MAX - 1);
        clock.advance(10);
        assert_eq!(clock.now_millis(), i64::MAX);
    }

    #[test]
    fn counting_random_is_reproducible_and_changes_per_call() {
        let (a, b) = (CountingRandom::new(7), CountingRandom::new(7));
        let (mut a1, mut a2, mut b1, mut b2) = ([0u8; 13], [0u8; 13], [0u8; 13], [0u8; 13]);
        a.fill(&mut a1);
        a.fill(&mut a2);
        b.fill(&mut b1);
        b.fill(&mut b2);
        assert_eq!((a1, a2), (b1, b2));
        assert_ne!(a1, a2);
        assert_ne!(a1, [0u8; 13]);

        let mut other = [0u8; 13];
        CountingRandom::new(8).fill(&mut other);
        assert_ne!(a1, other);
    }

    #[test]
    fn hex32_is_32_lower_hex_and_fresh() {
        let random = CountingRandom::new(1);
        let (a, b) = (hex32(&random), hex32(&random));
        for id in [&a, &b] {
            assert_eq!(id.len(), 32);
            assert!(
                id.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')),
                "{id}"
            );
        }
        assert_ne!(a, b);
        let os = (hex32(&OsRandom), hex32(&OsRandom));
        assert_eq!(os.0.len(), 32);
        assert_ne!(os.0, os.1);
    }

    #[test]
    fn counting_random_matches_splitmix64() {
        // First output of splitmix64 seeded with 0 (reference value of the algorithm).
        let mut bytes = [0u8; 8];
        CountingRandom::new(0).fill(&mut bytes);
        assert_eq!(u64::from_le_bytes(bytes), 0xE220_A839_7B1D_CDAF);
    }
}
