//! Random bytes, injectable so that tests are deterministic (a source for tests:
//! `test_util::CountingRandom`, with the `test-util` feature).

use rand_core::RngCore;

/// Source of random bytes; injectable so tests are deterministic.
///
/// Production code must use a cryptographically secure source such as [`OsRandom`]: the bytes
/// become nonces, request ids and RSA-OAEP seeds.
pub trait Random: Send + Sync + std::fmt::Debug {
    /// Fills `buf` with random bytes.
    fn fill(&self, buf: &mut [u8]);
}

/// The operating system's cryptographically secure random number generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsRandom;

impl Random for OsRandom {
    /// # Panics
    ///
    /// Only if the operating system cannot provide random bytes at all (`getrandom` fails),
    /// which leaves no safe way to go on.
    fn fill(&self, buf: &mut [u8]) {
        rand_core::OsRng.fill_bytes(buf);
    }
}

/// 32 lower-case hex characters from 16 random bytes (CloudBase x-request-id / x-device-id).
pub fn hex32(random: &dyn Random) -> String {
    let mut bytes = [0u8; 16];
    random.fill(&mut bytes);
    lower_hex(&bytes)
}

/// Lower-case hex of `bytes`.
pub(crate) fn lower_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Adapts a [`Random`] to `rand_core` 0.6 (the version `rsa` 0.9 takes) for RSA-OAEP seeds.
///
/// `CryptoRng` is a promise passed on from [`Random`]'s contract: production code injects
/// [`OsRandom`].
#[cfg(feature = "oneaccess")]
pub(crate) struct RngAdapter<'a>(pub(crate) &'a dyn Random);

#[cfg(feature = "oneaccess")]
impl RngCore for RngAdapter<'_> {
    fn next_u32(&mut self) -> u32 {
        let mut bytes = [0u8; 4];
        self.0.fill(&mut bytes);
        u32::from_le_bytes(bytes)
    }

    fn next_u64(&mut self) -> u64 {
        let mut bytes = [0u8; 8];
        self.0.fill(&mut bytes);
        u64::from_le_bytes(bytes)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.0.fill(dest);
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.0.fill(dest);
        Ok(())
    }
}

#[cfg(feature = "oneaccess")]
impl rand_core::CryptoRng for RngAdapter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hex_of_known_bytes() {
        assert_eq!(lower_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}
