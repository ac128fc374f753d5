//! What a provider's routes do not serve: an unknown path (404) or a method its path does not
//! take (405) is answered in that provider's error body, not with axum's empty 404 or 405. An
//! empty body is not an answer of any of the three APIs: the official CloudBase SDK reads it as
//! "unreachable" and sends the call twice more.

use axum::Router;
use axum::http::{Method, StatusCode, Uri};
use axum::response::Response;

/// The provider's names for the two cases, e.g. `not_found` and `method_not_allowed`.
pub(crate) struct Names {
    /// For a path the routes do not serve (404).
    pub(crate) not_found: &'static str,
    /// For a method a served path does not take (405).
    pub(crate) method_not_allowed: &'static str,
}

/// `router` with both fallbacks answered by `error`, given the status, its name from `names`
/// and a message naming the call (the path is the one below the provider's prefix).
pub(crate) fn answered(
    router: Router,
    names: Names,
    error: fn(StatusCode, &'static str, String) -> Response,
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
}
