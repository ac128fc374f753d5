//! The layer every provider's routes sit behind: the configured latency, the request body
//! read whole (up to [`REQUEST_BODY_LIMIT`]), and the log of requests and answers that tests
//! check against the specs.

use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use http_body::Body as _;

use crate::errors::{REQUEST_BODY_LIMIT, Refuse, too_large};

/// The largest answer body the log keeps; a larger one is cut.
const LOGGED_BODY_LIMIT: usize = 1 << 20;

/// One request the fake answered, and its answer, as the provider's routes saw them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// `manta`, `oneaccess` or `cloudbase`.
    pub provider: &'static str,
    /// The method, upper case.
    pub method: String,
    /// The path below the provider's base URL: `/auth/v1/user/provider/github`.
    pub path: String,
    /// The raw query string, without `?` (empty when there is none).
    pub query: String,
    /// The request headers, names lower case, in the order received.
    pub request_headers: Vec<(String, String)>,
    /// The request body.
    pub request_body: Vec<u8>,
    /// The answer's status.
    pub status: u16,
    /// The answer's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The answer's body.
    pub response_body: Vec<u8>,
}

#[cfg(feature = "conformance")]
impl Exchange {
    /// The request, as [`unbind_conformance`] records one (feature `conformance`).
    pub fn request(&self) -> unbind_conformance::RecordedRequest {
        unbind_conformance::RecordedRequest::from_parts(
            &self.method,
            &self.path,
            &self.query,
            self.request_headers.iter().cloned(),
            &self.request_body,
        )
    }
}

/// The shared log and latency of one fake.
#[derive(Clone, Debug)]
pub(crate) struct Log {
    record: bool,
    latency: Duration,
    exchanges: Arc<Mutex<Vec<Exchange>>>,
}

#[derive(Clone, Debug)]
pub(crate) struct Scope {
    log: Log,
    provider: &'static str,
    /// The provider's answer to a body that is too large or cannot be read.
    refuse: Refuse,
}

impl Log {
    pub(crate) fn new(record: bool, latency: Duration) -> Self {
        Log {
            record,
            latency,
            exchanges: Arc::default(),
        }
    }

    /// The state of [`observe`] for one provider's router, which refuses a body as `refuse`
    /// says.
    pub(crate) fn scope(&self, provider: &'static str, refuse: Refuse) -> Scope {
        Scope {
            log: self.clone(),
            provider,
            refuse,
        }
    }

    pub(crate) fn exchanges(&self) -> Vec<Exchange> {
        crate::state::lock(&self.exchanges).clone()
    }
}

/// Waits out the latency, reads the request body (a body over [`REQUEST_BODY_LIMIT`], or one
/// that breaks off, is refused in the provider's error body), then answers, keeping the
/// exchange if recording.
pub(crate) async fn observe(State(scope): State<Scope>, request: Request, next: Next) -> Response {
    if !scope.log.latency.is_zero() {
        tokio::time::sleep(scope.log.latency).await;
    }
    let (parts, body) = request.into_parts();
    let (request_body, refused) = match read(body, REQUEST_BODY_LIMIT).await {
        Ok(body) => (body, None),
        Err(Unread::TooLarge(start)) => {
            let refused = (scope.refuse)(StatusCode::PAYLOAD_TOO_LARGE, too_large());
            (start, Some(refused))
        }
        Err(Unread::Broken(start)) => {
            let message = "the request body could not be read".to_owned();
            (
                start,
                Some((scope.refuse)(StatusCode::BAD_REQUEST, message)),
            )
        }
    };
    if !scope.log.record {
        return match refused {
            Some(refused) => refused,
            None => {
                next.run(Request::from_parts(parts, Body::from(request_body)))
                    .await
            }
        };
    }
    let mut exchange = Exchange {
        provider: scope.provider,
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or_default().to_owned(),
        request_headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        request_body: request_body.to_vec(),
        status: 0,
        content_type: None,
        response_body: Vec::new(),
    };
    let response = match refused {
        Some(refused) => refused,
        None => {
            next.run(Request::from_parts(parts, Body::from(request_body)))
                .await
        }
    };
    let (parts, body) = response.into_parts();
    let response_body = to_bytes(body, LOGGED_BODY_LIMIT).await.unwrap_or_default();
    exchange.status = parts.status.as_u16();
    exchange.content_type = parts
        .headers
        .get(axum::http::header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    exchange.response_body = response_body.to_vec();
    crate::state::lock(&scope.log.exchanges).push(exchange);
    Response::from_parts(parts, Body::from(response_body))
}

/// Why a request body was not read whole; each holds what was read of it.
enum Unread {
    /// It is longer than the limit.
    TooLarge(Bytes),
    /// It broke off (the connection closed, or went idle too long).
    Broken(Bytes),
}

/// Reads `body` whole, up to `limit` bytes: one that says or turns out to be longer is not
/// read further.
async fn read(body: Body, limit: usize) -> Result<Bytes, Unread> {
    let mut body = pin!(body);
    let mut read = Vec::new();
    let declared = body.size_hint().lower();
    if usize::try_from(declared).map_or(true, |declared| declared > limit) {
        return Err(Unread::TooLarge(Bytes::new()));
    }
    while let Some(frame) = std::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
        let Ok(frame) = frame else {
            return Err(Unread::Broken(read.into()));
        };
        if let Ok(data) = frame.into_data() {
            if read.len() + data.len() > limit {
                read.extend_from_slice(&data[..limit - read.len()]);
                return Err(Unread::TooLarge(read.into()));
            }
            read.extend_from_slice(&data);
        }
    }
    Ok(read.into())
}
