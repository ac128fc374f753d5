//! Loopback servers and fixtures shared by the facade's tests.

use unbind_test_fixtures::keys;
pub(crate) use unbind_test_fixtures::mock::{
    answer, answer_with, cloudbase_not_found, header, manta_ok, received, route,
};

/// The test public key (`unbind_test_fixtures::keys`) as PEM, bare Base64 DER, and a string
/// with literal `\n`.
pub(crate) const PUBLIC_KEYS: [(&str, &str); 3] = [
    ("pem", keys::PUBLIC_KEY_PEM),
    ("base64", keys::PUBLIC_KEY_BASE64),
    ("escaped", keys::PUBLIC_KEY_ESCAPED),
];

/// A value that must never appear in any output.
pub(crate) const SECRET: &str = "tok-SECRET-0123456789";
