//! Checked HTTP header values.
//!
//! reqwest accepts some values that proxies and servers treat differently (tabs, bytes above
//! 0x7F); these helpers accept only what every hop reads the same way, at most
//! [`MAX_HEADER_VALUE_BYTES`] long, and never echo the value in an error, since it may be a
//! secret.

use secrecy::{ExposeSecret, SecretString, zeroize::Zeroizing};

/// The longest header value accepted, in bytes (8 KiB): for `Authorization`, the token itself.
///
/// Common servers and proxies refuse a whole header section much larger than this (nginx and
/// Apache allow 8 KiB per line by default), so a longer value could only fail on the wire.
pub const MAX_HEADER_VALUE_BYTES: usize = 8 * 1024;

/// The reason given for a value over [`MAX_HEADER_VALUE_BYTES`].
const TOO_LONG: &str = "is longer than 8192 bytes";

/// Why a header value was refused; never contains the value itself (it may be a secret).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid value for {field}: {reason}")]
pub struct InvalidHeaderValue {
    /// The header (or setting) the value was meant for, e.g. `X-client-id`.
    pub field: String,
    /// What is wrong with the value, e.g. `contains CR or LF`.
    pub reason: &'static str,
}

impl InvalidHeaderValue {
    pub(crate) fn new(field: &str, reason: &'static str) -> Self {
        Self {
            field: field.to_owned(),
            reason,
        }
    }
}

/// Why `value` is not an acceptable header value, if it is not.
///
/// This runs on every request: a value of visible ASCII without spaces, the usual token, is
/// accepted after one pass. A value over [`MAX_HEADER_VALUE_BYTES`] is refused first, without
/// reading it. Otherwise, when several things are wrong, the most dangerous is named: CR/LF
/// (header injection), NUL, tab, other control characters, non-ASCII, then blank and
/// surrounding spaces.
pub(crate) fn check(value: &str) -> Result<(), &'static str> {
    if value.is_empty() {
        return Err("is empty");
    }
    if value.len() > MAX_HEADER_VALUE_BYTES {
        return Err(TOO_LONG);
    }
    if value.bytes().all(|byte| byte.is_ascii_graphic()) {
        return Ok(());
    }
    let (mut cr_lf, mut nul, mut tab, mut control, mut non_ascii, mut blank) =
        (false, false, false, false, false, true);
    for &byte in value.as_bytes() {
        match byte {
            b'\r' | b'\n' => cr_lf = true,
            0 => nul = true,
            b'\t' => tab = true,
            0x01..=0x1f | 0x7f => control = true,
            0x80.. => non_ascii = true,
            b' ' => {}
            _ => blank = false,
        }
    }
    let first_wrong = [
        (cr_lf, "contains CR or LF"),
        (nul, "contains NUL"),
        (tab, "contains a tab"),
        (control, "contains a control character"),
        (non_ascii, "contains a character that is not visible ASCII"),
        (blank, "is blank"),
        (
            value.starts_with(' ') || value.ends_with(' '),
            "has leading or trailing whitespace",
        ),
    ];
    match first_wrong.iter().find(|(wrong, _)| *wrong) {
        Some((_, reason)) => Err(reason),
        None => Ok(()),
    }
}

/// Checks a header value and converts it.
///
/// Accepts a non-empty, non-blank value of visible ASCII and spaces (0x20..=0x7E) without
/// leading or trailing spaces, at most [`MAX_HEADER_VALUE_BYTES`] long. The error names `field`
/// and the reason, never the value.
pub fn header_value(field: &str, value: &str) -> Result<http::HeaderValue, InvalidHeaderValue> {
    check(value).map_err(|reason| InvalidHeaderValue::new(field, reason))?;
    http::HeaderValue::from_str(value)
        .map_err(|_| InvalidHeaderValue::new(field, "is not a valid HTTP header value"))
}

/// Same check as [`header_value`], with the result marked sensitive (`set_sensitive(true)`).
pub fn sensitive_value(
    field: &str,
    value: &SecretString,
) -> Result<http::HeaderValue, InvalidHeaderValue> {
    let mut header = header_value(field, value.expose_secret())?;
    header.set_sensitive(true);
    Ok(header)
}

/// `Bearer <token>`, checked (the token at most [`MAX_HEADER_VALUE_BYTES`]), marked sensitive.
/// The field name in errors is `Authorization`.
pub fn bearer(token: &SecretString) -> Result<http::HeaderValue, InvalidHeaderValue> {
    const FIELD: &str = "Authorization";
    check(token.expose_secret()).map_err(|reason| InvalidHeaderValue::new(FIELD, reason))?;
    let value = Zeroizing::new(format!("Bearer {}", token.expose_secret()));
    let mut header = http::HeaderValue::from_str(&value)
        .map_err(|_| InvalidHeaderValue::new(FIELD, "is not a valid HTTP header value"))?;
    header.set_sensitive(true);
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_reason_names_the_limit() {
        assert_eq!(
            TOO_LONG,
            format!("is longer than {MAX_HEADER_VALUE_BYTES} bytes")
        );
        assert_eq!(check(&"x".repeat(MAX_HEADER_VALUE_BYTES)), Ok(()));
        assert_eq!(
            check(&"x".repeat(MAX_HEADER_VALUE_BYTES + 1)),
            Err(TOO_LONG)
        );
    }
}
