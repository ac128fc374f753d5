//! Fault injection: each provider's unbind (and bind) against a loopback server scripted per
//! request — rate limits, gateway errors, stalls, refused connections, broken and oversized
//! answers — checking the outcome, how many attempts the server saw, and how long it took.
//!
//! Every fault is an `async fn(P)` in the files below; `per_provider!` turns it into one test per provider
//! (`manta::…`, `oneaccess::…`, `cloudbase::…`). Each test prints one `FAULT` line with the
//! attempts and the elapsed time (`cargo test --test faults -- --nocapture`).

mod answers;
mod bind;
mod logging;
mod redirects;
mod retries;

// The faults each provider runs (`per_provider!` below), from the files above.
use answers::*;
use bind::*;
use redirects::*;
use retries::*;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::common::manta_ok;
use crate::harness::{P, Script, cloudbase, leaks, manta, oneaccess, policy, settings};
use serde_json::json;
use tokio::io::AsyncWriteExt as _;
use unbind::auth::SecretString;
use unbind::oneaccess::{OneAccessLogin, OneAccessSettings};
use unbind::{CallSettings, Error, ProviderBody, RetryPolicy, SNIPPET_CHARS, UnbindOutcome};
use unbind_test_fixtures::mock::received;
use unbind_test_fixtures::{RefusedPort, SilentServer, read_request_head};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const MS: Duration = Duration::from_millis(1);

/// Slack on every upper bound, for a loaded two-core machine.
const SLACK: Duration = Duration::from_secs(3);

/// Prints what the report quotes and checks the elapsed time is in `[at_least, at_most]`.
fn timed(
    p: P,
    fault: &str,
    attempts: impl std::fmt::Display,
    elapsed: Duration,
    at_least: Duration,
    at_most: Duration,
) {
    println!(
        "FAULT {:<9} {fault:<48} attempts={attempts} elapsed={elapsed:?}",
        p.name()
    );
    assert!(
        elapsed >= at_least,
        "{p:?} {fault}: took {elapsed:?}, expected at least {at_least:?}"
    );
    assert!(
        elapsed <= at_most,
        "{p:?} {fault}: took {elapsed:?}, expected at most {at_most:?}"
    );
}

/// Runs `p`'s unbind against `script` (mounted on a fresh server) with `call`; returns the
/// outcome, the attempts the server saw and the elapsed time.
async fn run(
    p: P,
    script: Script,
    call: CallSettings,
) -> (Result<UnbindOutcome, Error>, usize, Duration) {
    let attempts = script.counter();
    let server = p.server(script).await;
    let started = Instant::now();
    let outcome = p.unbind(&server.uri(), call).await;
    let elapsed = started.elapsed();
    (outcome, attempts.get(), elapsed)
}

/// The provider error inside `outcome`, checked to come from `p` with `status` and to show
/// none of the client's secrets.
fn provider_error(
    p: P,
    outcome: Result<UnbindOutcome, Error>,
    status: u16,
) -> Box<unbind::ProviderError> {
    match outcome {
        Err(Error::Provider(e)) => {
            assert_eq!((e.provider, e.status), (p.provider(), status), "{e:?}");
            assert!(!leaks(p, &format!("{e} {e:?}")), "{e:?}");
            e
        }
        other => panic!("{p:?}: expected a provider error with HTTP {status}, got {other:?}"),
    }
}

/// The `detail` of an `UnexpectedResponse` from `p` with `status`, checked to show none of
/// the client's secrets.
fn unexpected(p: P, outcome: Result<UnbindOutcome, Error>, status: u16) -> String {
    match outcome {
        Err(Error::UnexpectedResponse {
            provider,
            status: got,
            detail,
        }) => {
            assert_eq!((provider, got), (p.provider(), Some(status)), "{detail}");
            assert!(!leaks(p, &detail), "{detail}");
            detail
        }
        other => panic!("{p:?}: expected an unexpected response (HTTP {status}), got {other:?}"),
    }
}

fn no_control(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

/// How the raw server answers the unbind call.
#[derive(Clone, Copy, Debug)]
enum Raw {
    /// `Transfer-Encoding: chunked`, 4 KiB chunks without end (until the client hangs up).
    EndlessChunks(u16),
    /// `Content-Length: 100 MiB`, then 16 bytes, then silence.
    HugeDeclaredLength(u16),
}

macro_rules! per_provider {
    ($($fault:ident),* $(,)?) => {
        mod manta {
            $(#[tokio::test] async fn $fault() { super::$fault(super::P::Manta).await })*
        }
        mod oneaccess {
            $(#[tokio::test] async fn $fault() { super::$fault(super::P::OneAccess).await })*
        }
        mod cloudbase {
            $(#[tokio::test] async fn $fault() { super::$fault(super::P::CloudBase).await })*
        }
    };
}

per_provider!(
    rate_limited_retry_after_seconds,
    rate_limited_retry_after_http_date,
    rate_limited_retry_after_is_capped,
    unavailable_twice_then_ok,
    bad_gateway_forever_exhausts_retries,
    max_total_stops_retrying_early,
    client_errors_are_not_retried,
    connection_refused,
    stalled_server_times_out,
    html_bad_gateway_keeps_status,
    truncated_json,
    wrong_content_type,
    schema_mismatch,
    empty_success_body,
    oversize_answer,
    oversize_unbounded_answer,
    already_unbound,
    bind_gateway_errors_are_not_retried,
    bind_rate_limited_is_retried,
    bind_timeout_is_not_retried,
    bind_connection_refused_is_retried,
    redirect_is_not_followed,
    same_origin_redirects_when_asked,
    a_supplied_client_that_follows_is_still_refused,
    a_refused_wait_is_explained,
    an_unbuildable_request_is_invalid_input_not_transport,
);
