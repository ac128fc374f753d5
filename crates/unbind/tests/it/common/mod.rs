//! Loopback servers and fixtures shared by the facade's tests.

use unbind_test_fixtures::keys;
pub(crate) use unbind_test_fixtures::mock::{
    answer, answer_with, cloudbase_not_found, cloudbase_unbinds_all, header, manta_ok,
    oneaccess_signing, received, route, serving,
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

/// Whether `error` is the facade's `UnexpectedResponse` to an HTTP 200: an answer that is not
/// the one the spec declares. `None` (the call went through) is not.
pub(crate) fn unexpected_200(error: Option<&unbind::Error>) -> bool {
    matches!(
        error,
        Some(unbind::Error::UnexpectedResponse {
            status: Some(200),
            ..
        })
    )
}
