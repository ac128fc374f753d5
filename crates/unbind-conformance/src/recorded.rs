//! [`RecordedRequest`]: a request as it arrived, normalised for snapshots and checks.

use serde::{Deserialize, Serialize};

/// Headers left out of a [`RecordedRequest`] because they describe the connection, not the
/// request.
///
/// `host` carries the loopback server's random port, `content-length` follows from the body
/// (which is recorded), and the others are hop-by-hop or transport negotiation that the HTTP
/// stack, not the client code under test, decides. Keeping them would make every snapshot
/// depend on the port and on reqwest's defaults.
pub const CONNECTION_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "accept-encoding",
    "transfer-encoding",
    "keep-alive",
    "te",
    "upgrade",
];

/// A request as it arrived on the wire, normalised for snapshots.
///
/// Built from a [`wiremock::Request`] with `From`. Two requests that mean the same thing
/// compare equal: query pairs and headers are sorted, header names are lower case, and a
/// JSON body is compared as JSON, not as bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedRequest {
    /// The method, upper case as sent: `"POST"`.
    pub method: String,
    /// The path, percent-encoded as received: `"/auth/v1/user/provider/github"`.
    pub path: String,
    /// The query pairs, percent-decoded and sorted by name; the values of a repeated name
    /// keep the order in which they were sent.
    pub query: Vec<(String, String)>,
    /// The headers, lower-case names sorted by name then value; every value of a repeated
    /// header is kept. Non-UTF-8 bytes are replaced (lossy). [`CONNECTION_HEADERS`] are left
    /// out.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Body,
}

/// A request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// No body at all (zero bytes).
    Empty,
    /// A body that parses as JSON, whatever its content type says.
    Json(serde_json::Value),
    /// Any other body, as text (non-UTF-8 bytes replaced).
    Text(String),
}

impl Body {
    /// Classifies raw body bytes: empty, JSON if they parse as JSON, text otherwise.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        if bytes.is_empty() {
            Body::Empty
        } else if let Ok(json) = serde_json::from_slice(bytes) {
            Body::Json(json)
        } else {
            Body::Text(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

impl From<&wiremock::Request> for RecordedRequest {
    fn from(request: &wiremock::Request) -> Self {
        RecordedRequest::from_parts(
            request.method.as_str(),
            request.url.path(),
            request.url.query().unwrap_or_default(),
            request.headers.iter().map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            }),
            &request.body,
        )
    }
}

impl RecordedRequest {
    /// Normalises a request given as parts: `path` percent-encoded as received, `query` the
    /// raw query string without `?`, headers by any-case name. For servers other than
    /// wiremock (a fake provider logging what it answered, say).
    pub fn from_parts(
        method: &str,
        path: &str,
        query: &str,
        headers: impl IntoIterator<Item = (String, String)>,
        body: &[u8],
    ) -> Self {
        let mut query: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        // A stable sort by name only: repeated names keep their order on the wire.
        query.sort_by(|a, b| a.0.cmp(&b.0));

        let mut headers: Vec<(String, String)> = headers
            .into_iter()
            .map(|(name, value)| (name.to_ascii_lowercase(), value))
            .filter(|(name, _)| !CONNECTION_HEADERS.contains(&name.as_str()))
            .collect();
        headers.sort();

        RecordedRequest {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            query,
            headers,
            body: Body::from_bytes(body),
        }
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}
