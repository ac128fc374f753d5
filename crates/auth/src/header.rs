//! Checked HTTP header values.
//!
//! reqwest accepts some values that proxies and servers treat differently (tabs, bytes above
//! 0x7F); these helpers accept only what every hop reads the same way, and never echo the value
//! in an error, since it may be a secret.

use secrecy::{ExposeSecret, SecretString, zeroize::Zeroizing};

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
pub(crate) fn check(value: &str) -> Result<(), &'static str> {
    if value.is_empty() {
        return Err("is empty");
    }
    let bytes = value.as_bytes();
    // The most dangerous class first: CR/LF is header injection, whatever else is wrong.
    if bytes.iter().any(|&b| b == b'\r' || b == b'\n') {
        return Err("contains CR or LF");
    }
    if bytes.contains(&0) {
        return Err("contains NUL");
    }
    if bytes.contains(&b'\t') {
        return Err("contains a tab");
    }
    if bytes.iter().any(|&b| b < 0x20 || b == 0x7f) {
        return Err("contains a control character");
    }
    if !value.is_ascii() {
        return Err("contains a character that is not visible ASCII");
    }
    if bytes.iter().all(|&b| b == b' ') {
        return Err("is blank");
    }
    if value.starts_with(' ') || value.ends_with(' ') {
        return Err("has leading or trailing whitespace");
    }
    Ok(())
}

/// Checks a header value and converts it.
///
/// Accepts a non-empty, non-blank value of visible ASCII and spaces (0x20..=0x7E) without
/// leading or trailing spaces. The error names `field` and the reason, never the value.
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

/// `Bearer <token>`, checked, marked sensitive. The field name in errors is `Authorization`.
pub fn bearer(token: &SecretString) -> Result<http::HeaderValue, InvalidHeaderValue> {
    const FIELD: &str = "Authorization";
    check(token.expose_secret()).map_err(|reason| InvalidHeaderValue::new(FIELD, reason))?;
    let value = Zeroizing::new(format!("Bearer {}", token.expose_secret()));
    let mut header = http::HeaderValue::from_str(&value)
        .map_err(|_| InvalidHeaderValue::new(FIELD, "is not a valid HTTP header value"))?;
    header.set_sensitive(true);
    Ok(header)
}
