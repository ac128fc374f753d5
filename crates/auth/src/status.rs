//! The HTTP status of the response to the call being awaited, kept even where the generated
//! client drops it (a documented error whose body is not JSON).
//!
//! A client crate's `post` hook calls [`record`]; the facade wraps each call in [`scope`] and
//! reads the status back. The value lives in a task-local, so concurrent calls never mix.

use std::cell::Cell;
use std::future::Future;

use http::StatusCode;

tokio::task_local! {
    static LAST: Cell<Option<StatusCode>>;
}

/// Awaits `call` and returns its output with the status [`record`]ed during it, if any.
pub async fn scope<F: Future>(call: F) -> (F::Output, Option<StatusCode>) {
    LAST.scope(Cell::new(None), async {
        let output = call.await;
        (output, LAST.with(Cell::get))
    })
    .await
}

/// Records a response status for the enclosing [`scope`]; does nothing outside one.
pub fn record(status: StatusCode) {
    // Outside a scope there is nobody to tell; that is not an error.
    let _ = LAST.try_with(|last| last.set(Some(status)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_recorded_status_comes_back_from_its_own_scope_only() {
        let (out, status) = scope(async {
            record(StatusCode::BAD_GATEWAY);
            7
        })
        .await;
        assert_eq!((out, status), (7, Some(StatusCode::BAD_GATEWAY)));
        let (_, status) = scope(async {}).await;
        assert_eq!(status, None);
        record(StatusCode::OK); // outside any scope: ignored, no panic
    }
}
