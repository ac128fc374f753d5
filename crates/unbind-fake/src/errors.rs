//! Error answers that no provider handler makes, each in that provider's error body: an
//! unknown path (404) or a method its path does not take (405), instead of axum's empty 404
//! or 405; and a request refused before any handler reads it (a body over
//! [`REQUEST_BODY_LIMIT`], a body that cannot be read, a path an extractor refuses), instead of
//! axum's plain text. An empty or plain-text body is not an answer of any of the three APIs:
//! the official CloudBase SDK reads an empty one as "unreachable" and sends the call twice
//! more, and every client decodes the error body it was promised.

use axum::Router;
use axum::body::to_bytes;
use axum::http::{Method, StatusCode, Uri, header};
use axum::middleware::map_response;
use axum::response::Response;

/// The most bytes of a request body the fake reads (1 MiB); a longer body is refused in the
/// provider's error body, with the status each provider module names.
pub const REQUEST_BODY_LIMIT: usize = 1 << 20;

/// The most characters of axum's own text that a refusal repeats.
const MESSAGE_CHARS: usize = 200;

/// The provider's names for the two unserved cases, e.g. `not_found` and
/// `method_not_allowed`.
pub(crate) struct Names {
    /// For a path the routes do not serve (404).
    pub(crate) not_found: &'static str,
    /// For a method a served path does not take (405).
    pub(crate) method_not_allowed: &'static str,
}

/// A provider's answer to a request refused before its handler ran, from the status HTTP
/// gives that refusal (413 for a body too large, 400 for one that cannot be read, …) and a
/// message saying why. Each provider answers with a status its spec declares.
pub(crate) type Refuse = fn(StatusCode, String) -> Response;

/// `router` with both fallbacks answered by `error`, given the status, its name from `names`
/// and a message naming the call (the path is the one below the provider's prefix), and every
/// other error answer that is not JSON (one axum made) answered by `refuse` instead.
pub(crate) fn answered(
    router: Router,
    names: Names,
    error: fn(StatusCode, &'static str, String) -> Response,
    refuse: Refuse,
) -> Router {
    router
        .fallback(move |method: Method, uri: Uri| async move {
            let message = format!("no such call: {method} {}", uri.path());
            error(StatusCode::NOT_FOUND, names.not_found, message)
        })
        .method_not_allowed_fallback(move |method: Method, uri: Uri| async move {
            let message = format!("{} does not take {method}", uri.path());
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                names.method_not_allowed,
                message,
            )
        })
        .layer(axum::extract::DefaultBodyLimit::max(REQUEST_BODY_LIMIT))
        .layer(map_response(move |response: Response| {
            reshape(response, refuse)
        }))
}

/// `response` if it is not an error or is JSON already; else `refuse`'s answer, with the same
/// status and axum's text (bounded, on one line) as the message.
async fn reshape(response: Response, refuse: Refuse) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || json {
        return response;
    }
    let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        let text = to_bytes(response.into_body(), 4 * MESSAGE_CHARS)
            .await
            .unwrap_or_default();
        let text: String = String::from_utf8_lossy(&text)
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MESSAGE_CHARS)
            .collect();
        match text.trim() {
            "" => status.canonical_reason().unwrap_or("refused").to_owned(),
            text => text.to_owned(),
        }
    };
    refuse(status, message)
}

/// The message of a refused body over [`REQUEST_BODY_LIMIT`].
pub(crate) fn too_large() -> String {
    format!("the request body is over {REQUEST_BODY_LIMIT} bytes")
}
