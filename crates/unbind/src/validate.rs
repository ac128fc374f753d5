//! Input checks that run before anything is sent.

use crate::Error;

/// The longest id accepted, in bytes (1 KiB): an account's id (`provider_id`, `clientId`,
/// `customerId`, OneAccess `id`) and every other id-like input (`botId`, `env`, …).
///
/// The providers document no limit; their ids are tens of bytes. A longer value is
/// [`Error::InvalidInput`] before anything is sent, instead of a request that cannot be built
/// (a URL over 64 KiB) or a message that repeats it whole.
pub const MAX_ID_BYTES: usize = 1024;

/// An id must not be empty or only whitespace, hold a control character, or be longer than
/// [`MAX_ID_BYTES`].
pub(crate) fn id(field: &str, value: &str) -> Result<(), Error> {
    text(field, value, MAX_ID_BYTES)
}

/// A secret (an API secret or a token) must not be empty or only whitespace, hold a control
/// character, or be longer than a header value may be
/// ([`MAX_HEADER_VALUE_BYTES`](unbind_runtime::header::MAX_HEADER_VALUE_BYTES)): tokens are often
/// JWTs, longer than an id, and most travel in a header.
pub(crate) fn secret(field: &str, value: &str) -> Result<(), Error> {
    text(field, value, unbind_runtime::header::MAX_HEADER_VALUE_BYTES)
}

/// Not longer than `max` bytes (checked first, so that a huge value is not scanned), not blank,
/// no control character.
fn text(field: &str, value: &str, max: usize) -> Result<(), Error> {
    if value.len() > max {
        return Err(Error::invalid(field, format!("is longer than {max} bytes")));
    }
    // The usual id is visible ASCII (and perhaps spaces): decided in one pass over the bytes,
    // as the Unicode checks below would decide it (only ' ' is whitespace there, and nothing
    // is a control character).
    if value.bytes().all(|byte| matches!(byte, b' '..=b'~')) {
        return if value.bytes().all(|byte| byte == b' ') {
            Err(Error::invalid(field, "is empty or blank"))
        } else {
            Ok(())
        };
    }
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "is empty or blank"));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, "contains a control character"));
    }
    Ok(())
}

/// A path segment must be an id that the URL parser cannot turn into another resource:
/// not `.` or `..`, and without `/` (or its percent-encoded form, or `\`).
pub(crate) fn path_segment(field: &str, value: &str) -> Result<(), Error> {
    id(field, value)?;
    if value == "." || value == ".." {
        return Err(Error::invalid(
            field,
            "is a dot segment (`.` or `..`), which would address another resource",
        ));
    }
    // `/`, `\`, or either percent-encoded (`%2F`, `%5C`, any case); one pass, no copy.
    let bytes = value.as_bytes();
    let separator = bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'/' | b'\\' => true,
        b'%' => matches!(
            bytes.get(at + 1..at + 3),
            Some([b'2', b'f' | b'F'] | [b'5', b'c' | b'C'])
        ),
        _ => false,
    });
    if separator {
        return Err(Error::invalid(field, "contains a path separator"));
    }
    Ok(())
}

/// A MantaGo customer binding: `clientId` and `customerId` are ids (they go in the body).
pub(crate) fn manta_customer(client_id: &str, customer_id: &str) -> Result<(), Error> {
    id("clientId", client_id)?;
    id("customerId", customer_id)
}

/// A OneAccess social account: `id` is an id (it goes in the body).
pub(crate) fn oneaccess_id(value: &str) -> Result<(), Error> {
    id("id", value)
}

/// A CloudBase identity source: `provider_id` is a path segment.
pub(crate) fn cloudbase_provider_id(value: &str) -> Result<(), Error> {
    path_segment("provider_id", value)
}

/// Checks a base URL (http or https, with a host, without user info, query or fragment) and
/// drops a trailing `/`.
pub(crate) fn base(url: &str) -> Result<String, Error> {
    // The URL parser silently drops tabs and line breaks: what was typed is not what would be
    // used, so such a URL is refused, as is any other control character or space.
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(Error::invalid(
            "base_url",
            "contains a space or a control character (CR, LF, tab, …)",
        ));
    }
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| Error::invalid("base_url", format!("is not a URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(Error::invalid(
            "base_url",
            "must be an http or https URL with a host",
        ));
    }
    // User info would be sent as `Authorization: Basic …` on every call, beside (or instead
    // of) the provider's own credentials.
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::invalid(
            "base_url",
            "must not hold a user name or password (user@host)",
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(Error::invalid(
            "base_url",
            "must not have a query or fragment",
        ));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(result: Result<(), Error>) -> String {
        match result {
            Err(Error::InvalidInput { field, reason }) => format!("{field} {reason}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn ids_must_not_be_blank() {
        assert_eq!(reason(id("id", "")), "id is empty or blank");
        assert_eq!(reason(id("id", " \t")), "id is empty or blank");
        assert_eq!(reason(id("id", "a\nb")), "id contains a control character");
        assert!(id("id", "001GKgGa15HGZA0aOxIa1bFktp1GKgG4").is_ok());
    }

    /// The ASCII shortcut in `text` decides as the Unicode checks alone do.
    #[test]
    fn ids_are_decided_as_the_unicode_checks_decide() {
        fn unicode(value: &str) -> Result<(), &'static str> {
            if value.trim().is_empty() {
                return Err("is empty or blank");
            }
            if value.chars().any(char::is_control) {
                return Err("contains a control character");
            }
            Ok(())
        }
        let pieces = [
            "", " ", "  ", "a", "~", "\t", "\n", "\u{7f}", "\u{85}", "\u{a0}", "é", "\u{3000}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let value = format!("{a}{b}{c}");
                    let expected = match unicode(&value) {
                        Ok(()) => "ok".to_owned(),
                        Err(why) => format!("id {why}"),
                    };
                    let got = match id("id", &value) {
                        Ok(()) => "ok".to_owned(),
                        other => reason(other),
                    };
                    assert_eq!(got, expected, "{value:?}");
                }
            }
        }
    }

    #[test]
    fn secrets_may_be_longer_than_ids_but_not_than_a_header_value() {
        let jwt = "e".repeat(3000);
        assert!(secret("session_token", &jwt).is_ok());
        assert_eq!(reason(id("id", &jwt)), "id is longer than 1024 bytes");
        assert_eq!(
            reason(secret("session_token", &"e".repeat(8193))),
            "session_token is longer than 8192 bytes"
        );
        assert_eq!(reason(secret("secret", " ")), "secret is empty or blank");
        assert_eq!(
            reason(secret("secret", "a\rb")),
            "secret contains a control character"
        );
    }

    #[test]
    fn ids_have_a_maximum_length() {
        assert!(id("id", &"x".repeat(MAX_ID_BYTES)).is_ok());
        // Bytes, not characters: 342 three-byte characters are 1,026 bytes.
        assert!(id("id", &"é".repeat(MAX_ID_BYTES / 2)).is_ok());
        for long in ["x".repeat(MAX_ID_BYTES + 1), "中".repeat(342)] {
            assert_eq!(reason(id("id", &long)), "id is longer than 1024 bytes");
            assert_eq!(
                reason(path_segment("provider_id", &long)),
                "provider_id is longer than 1024 bytes"
            );
        }
    }

    #[test]
    fn path_segments_cannot_escape() {
        for bad in [".", ".."] {
            assert!(
                reason(path_segment("provider_id", bad))
                    .starts_with("provider_id is a dot segment")
            );
        }
        for bad in [
            "a/b", "../user", "a%2Fb", "a%2fb", "a\\b", "a%5cb", "a%5C", "%2F", "%%2f", "é%2f",
        ] {
            assert_eq!(
                reason(path_segment("provider_id", bad)),
                "provider_id contains a path separator",
                "{bad}"
            );
        }
        for good in [
            "github",
            "wx_open",
            "wx1234567890abcdef",
            "..a",
            "a.b",
            "a%2",
            "a%",
            "a%25f",
            "%5d",
            "%3F",
            "a%2g",
        ] {
            assert!(path_segment("provider_id", good).is_ok(), "{good}");
        }
    }
}
