//! The application's RSA public key, parsed once from whatever form the console or the
//! `public-key` call hands out.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use aws_lc_rs::rsa::{OaepPublicEncryptingKey, PublicEncryptingKey};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use rsa::pkcs1::der::Decode as _;
use rsa::pkcs8::EncodePublicKey as _;
use rsa::{BigUint, RsaPublicKey};

/// Smallest modulus accepted, in bits (aws-lc-rs refuses smaller RSA keys).
pub const MIN_KEY_BITS: usize = 2048;
/// Largest modulus accepted, in bits (aws-lc-rs refuses larger RSA keys).
pub const MAX_KEY_BITS: usize = 8192;

/// Why a public key was refused. The messages never contain the key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Nothing but whitespace, quotes or PEM armour.
    #[error("public key is empty")]
    Empty,
    /// PEM armour that cannot be read: no label, no END line, or a label that is not a public key.
    #[error("public key PEM armour is malformed: {0}")]
    Pem(String),
    /// The text is not Base64.
    #[error("public key is not valid Base64: {0}")]
    Base64(String),
    /// The DER is neither an RSA SubjectPublicKeyInfo nor a PKCS#1 RSAPublicKey.
    #[error("public key is not an RSA SubjectPublicKeyInfo: {0}")]
    NotRsaSpki(String),
    /// The modulus is shorter than [`MIN_KEY_BITS`].
    #[error("public key is too small: {bits} bits (need at least 2048)")]
    TooSmall {
        /// Modulus size in bits.
        bits: usize,
    },
    /// The modulus is longer than [`MAX_KEY_BITS`].
    #[error("public key is too large: {bits} bits (at most 8192)")]
    TooLarge {
        /// Modulus size in bits.
        bits: usize,
    },
    /// The key parses but cannot be used (for example a bad public exponent).
    #[error("public key is not a usable RSA key: {0}")]
    Unusable(String),
}

/// The application's RSA public key.
///
/// Parsed once; cloning is cheap (an `Arc`). `Debug` prints only the modulus size.
#[derive(Clone)]
pub struct PublicKey {
    inner: Arc<Inner>,
}

struct Inner {
    oaep: OaepPublicEncryptingKey,
    rsa: RsaPublicKey,
    bits: usize,
}

impl PublicKey {
    /// Parses the key from any of the forms OneAccess and its consoles hand out:
    ///
    /// - PEM `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo);
    /// - PEM `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1), converted to SubjectPublicKeyInfo;
    /// - bare standard Base64 of the DER SubjectPublicKeyInfo (or of a PKCS#1 RSAPublicKey),
    ///   with whitespace and line breaks anywhere ignored and padding optional;
    /// - any of these copied out of JSON: surrounding quotes and whitespace are trimmed, literal
    ///   two-character `\n` / `\r` sequences count as line breaks and `\/` as `/`.
    ///
    /// Only RSA keys of [`MIN_KEY_BITS`] to [`MAX_KEY_BITS`] bits are accepted: aws-lc-rs,
    /// which does the MGF1-SHA-256 encryption, refuses any other size.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let text = unescape(text);
        if let Some(begin) = text.find("-----BEGIN") {
            // Any text before the armour is ignored, as RFC 7468 allows.
            let (kind, body) = pem(&text[begin..])?;
            let der = decode_base64(body)?;
            return match kind {
                PemKind::Spki => Self::from_spki_der(&der),
                PemKind::Pkcs1 => Self::from_pkcs1_der(&der),
            };
        }
        let der = decode_base64(&text)?;
        // Bare Base64: SubjectPublicKeyInfo as documented, PKCS#1 as a courtesy.
        match Self::from_spki_der(&der) {
            Err(KeyError::NotRsaSpki(why)) => {
                Self::from_pkcs1_der(&der).map_err(|_| KeyError::NotRsaSpki(why))
            }
            other => other,
        }
    }

    /// The key from DER SubjectPublicKeyInfo bytes.
    pub fn from_spki_der(der: &[u8]) -> Result<Self, KeyError> {
        let spki = rsa::pkcs8::spki::SubjectPublicKeyInfoRef::from_der(der)
            .map_err(|e| KeyError::NotRsaSpki(e.to_string()))?;
        // Named here: the spki crate's error names the OID it expected as "unsupported".
        if spki.algorithm.oid != rsa::pkcs1::ALGORITHM_OID {
            return Err(KeyError::NotRsaSpki(format!(
                "its algorithm is {}, not rsaEncryption ({})",
                spki.algorithm.oid,
                rsa::pkcs1::ALGORITHM_OID
            )));
        }
        let key_bytes = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| KeyError::NotRsaSpki("the key bit string has unused bits".to_owned()))?;
        let pkcs1 = rsa::pkcs1::RsaPublicKey::from_der(key_bytes)
            .map_err(|e| KeyError::NotRsaSpki(e.to_string()))?;
        let rsa = rsa_key(&pkcs1)?;
        Self::build(der, rsa)
    }

    fn from_pkcs1_der(der: &[u8]) -> Result<Self, KeyError> {
        let pkcs1 = rsa::pkcs1::RsaPublicKey::from_der(der)
            .map_err(|e| KeyError::NotRsaSpki(format!("not PKCS#1 either: {e}")))?;
        let rsa = rsa_key(&pkcs1)?;
        let spki = rsa
            .to_public_key_der()
            .map_err(|e| KeyError::Unusable(e.to_string()))?;
        Self::build(spki.as_bytes(), rsa)
    }

    fn build(spki_der: &[u8], rsa: RsaPublicKey) -> Result<Self, KeyError> {
        let unusable = |e: &dyn fmt::Display| KeyError::Unusable(format!("aws-lc-rs: {e}"));
        let lc = PublicEncryptingKey::from_der(spki_der).map_err(|e| unusable(&e))?;
        let bits = lc.key_size_bits();
        let oaep = OaepPublicEncryptingKey::new(lc).map_err(|e| unusable(&e))?;
        Ok(Self {
            inner: Arc::new(Inner { oaep, rsa, bits }),
        })
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> usize {
        self.inner.bits
    }

    /// Size of one ciphertext (and of the key) in bytes.
    pub(crate) fn size_bytes(&self) -> usize {
        self.inner.oaep.ciphertext_size()
    }

    pub(crate) fn oaep(&self) -> &OaepPublicEncryptingKey {
        &self.inner.oaep
    }

    pub(crate) fn rsa(&self) -> &RsaPublicKey {
        &self.inner.rsa
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKey")
            .field("bits", &self.bits())
            .finish()
    }
}

impl FromStr for PublicKey {
    type Err = KeyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

/// Size-checked `rsa` key from PKCS#1 components.
fn rsa_key(pkcs1: &rsa::pkcs1::RsaPublicKey<'_>) -> Result<RsaPublicKey, KeyError> {
    let n = BigUint::from_bytes_be(pkcs1.modulus.as_bytes());
    let e = BigUint::from_bytes_be(pkcs1.public_exponent.as_bytes());
    let bits = n.bits();
    if bits < MIN_KEY_BITS {
        return Err(KeyError::TooSmall { bits });
    }
    if bits > MAX_KEY_BITS {
        return Err(KeyError::TooLarge { bits });
    }
    RsaPublicKey::new_with_max_size(n, e, MAX_KEY_BITS)
        .map_err(|e| KeyError::Unusable(e.to_string()))
}

/// Trims whitespace and one pair of surrounding quotes, and undoes JSON escapes of line breaks
/// and slashes.
fn unescape(text: &str) -> String {
    let mut text = text.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = text
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            text = inner.trim();
            break;
        }
    }
    text.replace("\\r\\n", "\n")
        .replace("\\n", "\n")
        .replace("\\r", "\n")
        .replace("\\/", "/")
}

/// What a PEM label says the DER is.
enum PemKind {
    /// `PUBLIC KEY`: SubjectPublicKeyInfo.
    Spki,
    /// `RSA PUBLIC KEY`: PKCS#1 RSAPublicKey.
    Pkcs1,
}

/// Splits PEM armour (starting at `-----BEGIN`) into its kind and Base64 body.
fn pem(text: &str) -> Result<(PemKind, &str), KeyError> {
    let after_begin = text
        .strip_prefix("-----BEGIN ")
        .ok_or_else(|| KeyError::Pem("expected \"-----BEGIN <label>-----\"".to_owned()))?;
    let (label, rest) = after_begin
        .split_once("-----")
        .filter(|(label, _)| {
            !label.is_empty()
                && label.len() <= 40
                && label
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b' ' || b.is_ascii_digit())
        })
        .ok_or_else(|| KeyError::Pem("the BEGIN line has no readable label".to_owned()))?;
    let kind = match label {
        "PUBLIC KEY" => PemKind::Spki,
        "RSA PUBLIC KEY" => PemKind::Pkcs1,
        _ => {
            return Err(KeyError::Pem(format!(
                "label is \"{label}\", expected \"PUBLIC KEY\" or \"RSA PUBLIC KEY\""
            )));
        }
    };
    let end = format!("-----END {label}-----");
    let (body, _) = rest
        .split_once(end.as_str())
        .ok_or_else(|| KeyError::Pem(format!("no \"{end}\" line")))?;
    Ok((kind, body))
}

/// Standard Base64 with whitespace ignored and padding optional.
fn decode_base64(text: &str) -> Result<Vec<u8>, KeyError> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if compact.is_empty() {
        return Err(KeyError::Empty);
    }
    STANDARD_PAD_INDIFFERENT
        .decode(compact.as_bytes())
        .map_err(|e| KeyError::Base64(e.to_string()))
}
