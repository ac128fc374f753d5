//! Runs a generated call and maps its outcome, keeping the HTTP status that progenitor drops.

use std::future::Future;

use progenitor_client::ResponseValue;

use crate::Error;
use crate::error::{ProviderErrorBody, Redactor, from_progenitor};

/// Awaits a generated client call; on error, maps it with the status the client's `post` hook
/// recorded for this call, blanking the client's secrets out of anything the provider echoed.
pub(crate) async fn capture<T, E: ProviderErrorBody>(
    call: impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
    redactor: &Redactor,
) -> Result<T, Error> {
    let (outcome, status) = unbind_auth::status::scope(call).await;
    match outcome {
        Ok(value) => Ok(value.into_inner()),
        Err(error) => Err(from_progenitor(error, status, redactor).await),
    }
}
