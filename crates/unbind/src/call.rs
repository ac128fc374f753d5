//! How the facade makes a call: a bounded answer, retries where they are safe, and one error
//! type.

use std::future::Future;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable as _};
use progenitor_client::ResponseValue;

use crate::error::{ProviderErrorBody, Redactor, from_progenitor};
use crate::{Error, Provider};

/// When and how often a failed call is tried again.
///
/// A call is retried on `429 Too Many Requests` (after `Retry-After`, in seconds or as an
/// HTTP date, capped by [`max_retry_after`](Self::max_retry_after)), and, for calls that are
/// safe to repeat (list, unbind), on `502`/`503`/`504` and on transport failures, with
/// exponential backoff and jitter. Binds are retried only where the request cannot have been
/// acted on: `429` and a refused connection. Other `4xx` are never retried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 3).
    pub max_retries: usize,
    /// The first backoff delay (default 200 ms), doubling each time.
    pub min_delay: Duration,
    /// The longest backoff delay (default 5 s).
    pub max_delay: Duration,
    /// No retry starts later than this after the first attempt (default 30 s).
    pub max_total: Duration,
    /// The longest `Retry-After` honoured (default 60 s); a longer one is cut to this.
    pub max_retry_after: Duration,
    /// Random jitter on each backoff delay (default on).
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_total: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(60),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn never() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }
}

/// How long connecting may take by default.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one attempt (connect, send, read the answer) may take by default.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The most bytes of an answer the facade reads by default (1 MiB); a longer answer is an
/// error, and is not read.
pub const BODY_LIMIT: usize = unbind_auth::exchange::DEFAULT_BODY_LIMIT;

/// Settings every provider's client shares: retries, timeouts, the answer size limit.
#[derive(Clone, Debug)]
pub struct CallSettings {
    /// When to retry (default: [`RetryPolicy::default`]).
    pub retry: RetryPolicy,
    /// Connect timeout (default [`CONNECT_TIMEOUT`]).
    pub connect_timeout: Duration,
    /// Whole-attempt timeout (default [`REQUEST_TIMEOUT`]).
    pub request_timeout: Duration,
    /// The most bytes of an answer read (default [`BODY_LIMIT`]).
    pub body_limit: usize,
    /// Your own HTTP client instead of one built from the two timeouts (default: none; rustls).
    pub http: Option<reqwest::Client>,
}

impl Default for CallSettings {
    fn default() -> Self {
        Self {
            retry: RetryPolicy::default(),
            connect_timeout: CONNECT_TIMEOUT,
            request_timeout: REQUEST_TIMEOUT,
            body_limit: BODY_LIMIT,
            http: None,
        }
    }
}

impl CallSettings {
    /// The HTTP client: the one given, or a new one with these timeouts.
    pub(crate) fn http_client(&self) -> Result<reqwest::Client, Error> {
        match &self.http {
            Some(http) => Ok(http.clone()),
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout)
                .timeout(self.request_timeout)
                .build()
                .map_err(|e| Error::invalid("http client", e.to_string())),
        }
    }
}

/// Whether a call may be repeated when it is unclear whether the provider acted on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Repeat {
    /// Repeating it changes nothing (list, unbind).
    Safe,
    /// Repeating it might act twice (bind): retried only where it cannot have been acted on.
    OnlyIfUnsent,
}

/// Makes one provider's calls.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    pub(crate) provider: Provider,
    pub(crate) redactor: Redactor,
    pub(crate) retry: RetryPolicy,
    pub(crate) body_limit: usize,
}

impl Caller {
    pub(crate) fn new(provider: Provider, redactor: Redactor, settings: &CallSettings) -> Self {
        Self {
            provider,
            redactor,
            retry: settings.retry.clone(),
            body_limit: settings.body_limit,
        }
    }

    /// The same caller, blanking more secrets.
    pub(crate) fn with_secrets<'a>(
        &self,
        more: impl IntoIterator<Item = &'a unbind_auth::SecretString>,
    ) -> Self {
        Self {
            redactor: self.redactor.with(more),
            ..self.clone()
        }
    }

    /// Awaits one generated call with the answer bounded, and maps its outcome.
    pub(crate) async fn once<T, E: ProviderErrorBody>(
        &self,
        call: impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
    ) -> Result<T, Error> {
        let (outcome, observed) = unbind_auth::exchange::scope(self.body_limit, call).await;
        match outcome {
            Ok(value) => Ok(value.into_inner()),
            Err(error) => {
                Err(from_progenitor(error, &observed, self.body_limit, &self.redactor).await)
            }
        }
    }

    /// Runs `attempt` until it succeeds, fails in a way not worth retrying, or the policy is
    /// spent; each retry is logged at debug level (the error's text holds no secret).
    pub(crate) async fn retrying<T, F, Fut>(
        &self,
        operation: &'static str,
        repeat: Repeat,
        attempt: F,
    ) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let policy = &self.retry;
        let started = tokio::time::Instant::now();
        let mut backoff = ExponentialBuilder::default()
            .with_min_delay(policy.min_delay)
            .with_max_delay(policy.max_delay)
            .with_max_times(policy.max_retries);
        if policy.jitter {
            backoff = backoff.with_jitter();
        }
        let mut retries = 0_usize;
        attempt
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(|error| worth_retrying(error, repeat))
            .adjust(|error, delay| {
                let delay = delay?;
                let wait = match error.provider_error().and_then(|e| e.retry_after) {
                    Some(asked) => asked.min(policy.max_retry_after),
                    None => delay,
                };
                (started.elapsed() + wait <= policy.max_total).then_some(wait)
            })
            .notify(|error, wait| {
                retries += 1;
                tracing::debug!(
                    provider = %self.provider,
                    operation,
                    retry = retries,
                    wait_ms = wait.as_millis() as u64,
                    %error,
                    "retrying"
                );
            })
            .await
    }
}

/// Whether `error` is worth another attempt of a call that may be repeated as `repeat` says.
pub(crate) fn worth_retrying(error: &Error, repeat: Repeat) -> bool {
    match error {
        Error::Provider(e) => match e.status {
            429 => true,
            502..=504 => repeat == Repeat::Safe,
            _ => false,
        },
        Error::Transport { source, .. } => source.is_connect() || repeat == Repeat::Safe,
        _ => false,
    }
}
