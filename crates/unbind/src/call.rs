//! How the facade makes a call: a bounded answer, retries where they are safe, and one error
//! type.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use backon::{BackoffBuilder as _, ExponentialBuilder};
use progenitor_client::ResponseValue;

use crate::error::{Error, ProviderErrorBody, Redactor, from_progenitor, snippet};
use crate::provider::Provider;
use crate::retry::RetryPolicy;

/// Whether the facade's HTTP client follows redirects. None of the three providers documents
/// a redirect, and following one re-sends credentials (the MantaGo `secret` in the body,
/// OneAccess's `X-signature`) to wherever it points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Redirects {
    /// Follow none (the default): a 3xx is [`Error::Redirect`], and nothing is sent to its
    /// target.
    #[default]
    Refuse,
    /// Follow up to [`MAX_REDIRECTS`] redirects that stay on the same origin (scheme, host and
    /// port, so never from https to http); any other is [`Error::Redirect`], not followed.
    SameOrigin,
}

/// The most redirects [`Redirects::SameOrigin`] follows for one request.
pub const MAX_REDIRECTS: usize = 5;

impl Redirects {
    fn policy(self) -> reqwest::redirect::Policy {
        match self {
            Redirects::Refuse => reqwest::redirect::Policy::none(),
            Redirects::SameOrigin => reqwest::redirect::Policy::custom(|attempt| {
                let same = attempt
                    .previous()
                    .last()
                    .is_some_and(|last| last.origin() == attempt.url().origin());
                if same && attempt.previous().len() <= MAX_REDIRECTS {
                    attempt.follow()
                } else {
                    attempt.stop()
                }
            }),
        }
    }
}

/// How long connecting may take by default.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one attempt (connect, send, read the answer) may take by default: a third of
/// [`MAX_TOTAL`](crate::MAX_TOTAL), so that a provider that does not answer is tried three times.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// The most bytes of an answer the facade reads by default (1 MiB); a longer answer is an
/// error, and is not read.
pub const BODY_LIMIT: usize = unbind_runtime::exchange::DEFAULT_BODY_LIMIT;

/// Settings every provider's client shares: retries, timeouts, the answer size limit.
#[derive(Clone, Debug)]
pub struct CallSettings {
    /// When to retry (default: [`RetryPolicy::default`]).
    pub retry: RetryPolicy,
    /// Connect timeout (default [`CONNECT_TIMEOUT`]).
    pub connect_timeout: Duration,
    /// Whole-attempt timeout (default [`REQUEST_TIMEOUT`], 20 s): connect, send, read the
    /// answer. An attempt also ends when the call reaches
    /// [`RetryPolicy::max_total`](RetryPolicy::max_total).
    pub request_timeout: Duration,
    /// The most bytes of an answer read (default [`BODY_LIMIT`]).
    pub body_limit: usize,
    /// Which redirects are followed (default [`Redirects::Refuse`]: none).
    pub redirects: Redirects,
    /// Your own HTTP client instead of one built from these settings (default: none; rustls,
    /// see the crate's README, "Security").
    /// It is used as it is: build it with `reqwest::redirect::Policy::none()`, as the facade
    /// does, since a redirect it follows has already re-sent the request (credentials
    /// included) by the time the answer arrives. An answer that comes from another origin
    /// than the request went to is still [`Error::Redirect`], never a success.
    pub http: Option<reqwest::Client>,
}

impl Default for CallSettings {
    fn default() -> Self {
        Self {
            retry: RetryPolicy::default(),
            connect_timeout: CONNECT_TIMEOUT,
            request_timeout: REQUEST_TIMEOUT,
            body_limit: BODY_LIMIT,
            redirects: Redirects::default(),
            http: None,
        }
    }
}

impl CallSettings {
    /// The HTTP client: the one given, or a new one with these timeouts and redirects, and the
    /// TLS set-up of [`crate::tls`].
    pub(crate) fn http_client(&self) -> Result<reqwest::Client, Error> {
        match &self.http {
            Some(http) => Ok(http.clone()),
            None => reqwest::Client::builder()
                .tls_backend_preconfigured(crate::tls::client_config()?)
                .connect_timeout(self.connect_timeout)
                .timeout(self.request_timeout)
                .redirect(self.redirects.policy())
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
    /// The base URL the calls go to, for [`Error::Timeout`] (it holds no credential:
    /// [`crate::base`] refuses user info and queries).
    pub(crate) url: Arc<str>,
    pub(crate) redactor: Redactor,
    pub(crate) retry: RetryPolicy,
    /// [`CallSettings::request_timeout`].
    pub(crate) attempt_timeout: Duration,
    pub(crate) body_limit: usize,
    /// The call's success answer holds credentials the provider issues (see
    /// [`Caller::issuing`]).
    pub(crate) issuing: bool,
}

impl Caller {
    /// A caller of `provider` at `url` (a base URL checked by [`crate::base`]).
    pub(crate) fn new(
        provider: Provider,
        url: &str,
        redactor: Redactor,
        settings: &CallSettings,
    ) -> Self {
        Self {
            provider,
            url: Arc::from(url),
            redactor,
            retry: settings.retry.clone(),
            attempt_timeout: settings.request_timeout,
            body_limit: settings.body_limit,
            issuing: false,
        }
    }

    /// The same caller, for a call whose success answer holds credentials the provider issues
    /// (MantaGo's rotated pair, a OneAccess session): a success answer that cannot be read is
    /// reported without its body, since the redactor knows only the secrets sent, not the
    /// ones issued.
    #[cfg(any(feature = "manta", feature = "oneaccess"))]
    pub(crate) fn issuing(self) -> Self {
        Self {
            issuing: true,
            ..self
        }
    }

    /// The same caller, blanking more secrets (CloudBase's bind also holds a provider token).
    #[cfg(feature = "cloudbase")]
    pub(crate) fn with_secrets<'a>(
        &self,
        more: impl IntoIterator<Item = &'a unbind_runtime::SecretString>,
    ) -> Self {
        Self {
            redactor: self.redactor.with(more),
            ..self.clone()
        }
    }

    /// Awaits one generated call with the answer bounded, and maps its outcome. A success is
    /// a value only when the answer is JSON (`Content-Type` `application/json` or `…+json`),
    /// as every success answer of our specs is, and came from the origin it was asked of.
    ///
    /// `call` makes the generated call's future (`|| builder.send()`): made inside the scope
    /// that bounds the answer, that future (kilobytes) is held in one place, where one passed
    /// in would also be held, and moved, by every async layer on its way (this one, the retry
    /// loop, the facade's method).
    ///
    /// The layers under this one ([`Caller::once_or_empty`], [`Caller::retrying`],
    /// `exchange::scope_with`) are plain functions returning an `async move` block, not
    /// `async fn`s: an `async fn`'s future keeps a second copy of its arguments beside the
    /// future it awaits, and every layer's bytes are moved with the call's (by `block_on`,
    /// twice). Each makes the future it awaits inside its block: one made outside and moved
    /// in would be held twice too.
    pub(crate) async fn once<T, E: ProviderErrorBody, F>(
        &self,
        call: impl FnOnce() -> F,
    ) -> Result<T, Error>
    where
        F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
    {
        self.once_or_empty(call, false)
            .await?
            .ok_or_else(|| unreachable_empty(self.provider))
    }

    /// [`Caller::once`] for an operation whose spec allows a success answer with an empty
    /// body beside its JSON (OneAccess unbind): with `allow_empty`, such an answer is
    /// `Ok(None)`.
    ///
    /// # The answer's details: a round trip through a task-local
    ///
    /// The status, `Retry-After`, an oversize body and a redirect's host come back to this
    /// function by a path that no import shows: progenitor's generated call returns none of
    /// them for an answer it could not decode, and its hooks have no argument to carry them.
    /// So they travel through a task-local of `unbind_runtime::exchange`, which this function
    /// opens and closes:
    ///
    /// ```text
    /// Caller::once_or_empty (here)
    ///   └─ exchange::scope_with(body_limit, call)     sets the task-local (EXCHANGE) with
    ///      │                                          the body limit, empty observations
    ///      └─ call(): the generated client's send()
    ///         └─ the client crate's `exec` hook (manta-client, oneaccess-client,
    ///            cloudbase-client lib.rs)
    ///            └─ exchange::execute         writes the host of a followed redirect
    ///               └─ exchange::read_bounded writes status and Retry-After (`record`),
    ///                                         a 3xx's Location host; reads the limit,
    ///                                         writes whether the body was oversize
    ///   ←─ scope_with returns (outcome, Observed): the task-local read once and dropped
    /// Caller::answer(outcome, observed, …)    from here on `Observed` is passed explicitly
    ///   └─ error::from_progenitor(error, &observed, …)  status, Retry-After → the Error
    /// ```
    ///
    /// A task-local, not a global: concurrent calls (a bulk run) each see only their own
    /// answer. Outside a scope the hooks record nothing and read the default limit.
    #[allow(
        clippy::manual_async_fn,
        reason = "an async fn's future holds its arguments twice (see `Caller::once`)"
    )]
    pub(crate) fn once_or_empty<T, E: ProviderErrorBody, F>(
        &self,
        call: impl FnOnce() -> F,
        allow_empty: bool,
    ) -> impl Future<Output = Result<Option<T>, Error>>
    where
        F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
    {
        async move {
            let (outcome, observed) =
                unbind_runtime::exchange::scope_with(self.body_limit, call).await;
            self.answer(outcome, observed, allow_empty).await
        }
    }

    /// What [`Caller::once_or_empty`] makes of a call's outcome and of what was observed of
    /// its answer.
    async fn answer<T, E: ProviderErrorBody>(
        &self,
        outcome: Result<ResponseValue<T>, progenitor_client::Error<E>>,
        observed: unbind_runtime::exchange::Observed,
        allow_empty: bool,
    ) -> Result<Option<T>, Error> {
        let provider = self.provider;
        // Set only once an answer arrived, so its status is known.
        if let (Some(host), Some(status)) = (&observed.redirected_to, observed.status) {
            return Err(Error::Redirect {
                provider,
                status: status.as_u16(),
                host: Some(host.clone()),
                followed: true,
            });
        }
        match outcome {
            Ok(value) => {
                let content_type = value.headers().get(reqwest::header::CONTENT_TYPE);
                if content_type.is_some_and(is_json) {
                    Ok(Some(value.into_inner()))
                } else {
                    Err(Error::UnexpectedResponse {
                        provider,
                        status: Some(value.status().as_u16()),
                        detail: format!(
                            "the answer's Content-Type is {}, not JSON",
                            content_type.map_or_else(
                                || "missing".to_owned(),
                                |v| format!(
                                    "{:?}",
                                    snippet(&String::from_utf8_lossy(v.as_bytes()))
                                )
                            )
                        ),
                    })
                }
            }
            Err(progenitor_client::Error::InvalidResponsePayload(body, _))
                if allow_empty
                    && observed.status.is_some_and(|s| s.is_success())
                    && !observed.oversize
                    && body.trim_ascii().is_empty() =>
            {
                Ok(None)
            }
            // On the heap: mapping an error may read the answer's body, and that future is
            // kilobytes, which every call's future would otherwise carry and move.
            Err(error) => Err(Box::pin(from_progenitor(
                error,
                &observed,
                self.body_limit,
                &self.redactor,
                self.issuing,
            ))
            .await),
        }
    }

    /// Runs `attempt` until it succeeds, fails in a way not worth retrying, or the policy is
    /// spent; each retry is logged at debug level (the error's text holds no secret).
    ///
    /// Each attempt is cut at [`CallSettings::request_timeout`], or sooner where the call
    /// would pass [`RetryPolicy::max_total`]. A call whose last attempt got no answer in time
    /// ends in [`Error::Timeout`], saying how many attempts were made.
    ///
    /// The first attempt is awaited here; the retries, after a first failure worth retrying,
    /// in [`Caller::retry`], on the heap. A call that succeeds at once (nearly all) then
    /// carries and moves only its attempt's future, not the retries' state beside it (the
    /// backoff, the sleep, the error being retried).
    #[allow(
        clippy::manual_async_fn,
        reason = "an async fn's future holds its arguments twice (see `Caller::once`)"
    )]
    pub(crate) fn retrying<T, F, Fut>(
        &self,
        operation: &'static str,
        repeat: Repeat,
        mut attempt: F,
    ) -> impl Future<Output = Result<T, Error>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        async move {
            let started = tokio::time::Instant::now();
            let error = match self.bounded(&mut attempt, started).await {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            if !worth_retrying(&error, repeat) {
                return Err(self.no_answer(error, 1, started));
            }
            Box::pin(self.retry(operation, repeat, attempt, started, error)).await
        }
    }

    /// The time an attempt starting now may take: [`CallSettings::request_timeout`], or what
    /// is left of [`RetryPolicy::max_total`] since `started` if that is less.
    fn attempt_limit(&self, started: tokio::time::Instant) -> Duration {
        let left = self.retry.max_total.saturating_sub(started.elapsed());
        self.attempt_timeout.min(left)
    }

    /// Makes and awaits one attempt, cut at [`Caller::attempt_limit`]: one cut short is
    /// [`Error::Timeout`] (its counts are filled in by [`Caller::no_answer`]). The attempt's
    /// future is made inside, as in [`Caller::once`], so it is held once.
    #[allow(
        clippy::manual_async_fn,
        reason = "an async fn's future holds its arguments twice (see `Caller::once`)"
    )]
    fn bounded<T, Fut>(
        &self,
        attempt: impl FnOnce() -> Fut,
        started: tokio::time::Instant,
    ) -> impl Future<Output = Result<T, Error>>
    where
        Fut: Future<Output = Result<T, Error>>,
    {
        async move {
            let limit = self.attempt_limit(started);
            tokio::time::timeout(limit, attempt())
                .await
                .unwrap_or_else(|_| Err(self.timeout(0, started)))
        }
    }

    /// The error a call ends with after `attempts` attempts since `started`: a timeout
    /// (the attempt cut, or the HTTP client's own timeout) becomes [`Error::Timeout`] with the
    /// attempts, the time each could take and the time taken; any other error is kept.
    fn no_answer(&self, error: Error, attempts: usize, started: tokio::time::Instant) -> Error {
        let timed_out = match &error {
            Error::Timeout { .. } => true,
            Error::Transport { source, .. } => source.is_timeout(),
            _ => false,
        };
        if timed_out {
            self.timeout(attempts, started)
        } else {
            error
        }
    }

    /// [`Error::Timeout`] after `attempts` attempts since `started`.
    fn timeout(&self, attempts: usize, started: tokio::time::Instant) -> Error {
        Error::Timeout {
            provider: self.provider,
            url: self.url.to_string(),
            attempts,
            attempt_timeout: self.attempt_timeout.min(self.retry.max_total),
            elapsed: started.elapsed(),
        }
    }

    /// The retries after a first attempt, started at `started`, failed with `error` (worth
    /// retrying).
    ///
    /// The loop backon's `Retry` runs, written out: the next backoff delay (none left: the
    /// error is final), then [`RetryPolicy::wait`] (refused: the error is final and says why),
    /// the log line, the sleep, and the next attempt. The backoff (and its jitter's random
    /// source) is made here, at the first failure, not on every call.
    async fn retry<T, F, Fut>(
        &self,
        operation: &'static str,
        repeat: Repeat,
        mut attempt: F,
        started: tokio::time::Instant,
        mut error: Error,
    ) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let policy = &self.retry;
        let builder = ExponentialBuilder::default()
            .with_min_delay(policy.min_delay)
            .with_max_delay(policy.max_delay)
            .with_max_times(policy.max_retries);
        let mut backoff = if policy.jitter {
            builder.with_jitter().build()
        } else {
            builder.build()
        };
        let mut retries = 0_usize;
        loop {
            let Some(delay) = backoff.next() else {
                return Err(self.no_answer(error, retries + 1, started));
            };
            let asked = error.provider_error().and_then(|e| e.retry_after);
            let wait = match policy.wait(started.elapsed(), asked, delay) {
                Ok(wait) => wait,
                Err(why) => {
                    if let Error::Provider(e) = &mut error {
                        e.wait_refused = Some(why);
                    }
                    return Err(self.no_answer(error, retries + 1, started));
                }
            };
            retries += 1;
            tracing::debug!(
                provider = %self.provider,
                operation,
                retry = retries,
                wait_ms = wait.as_millis() as u64,
                %error,
                "retrying"
            );
            drop(error);
            tokio::time::sleep(wait).await;
            error = match self.bounded(&mut attempt, started).await {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            if !worth_retrying(&error, repeat) {
                return Err(self.no_answer(error, retries + 1, started));
            }
        }
    }
}

/// Whether a `Content-Type` is JSON: `application/json` or `application/…+json`, with any
/// parameters. Checked on every answer, so without allocating: a value that passes
/// `to_str` is visible ASCII, spaces and tabs only, which the ASCII comparisons below read
/// exactly as their Unicode counterparts would.
fn is_json(value: &reqwest::header::HeaderValue) -> bool {
    // What nearly every answer says, recognised with one comparison.
    if value.as_bytes() == b"application/json" {
        return true;
    }
    let Ok(text) = value.to_str() else {
        return false;
    };
    let essence = text.split_once(';').map_or(text, |(essence, _)| essence);
    let Some((kind, subtype)) = essence.trim_ascii().split_once('/') else {
        return false;
    };
    let subtype = subtype.as_bytes();
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case(b"json")
            || subtype
                .len()
                .checked_sub(5)
                .is_some_and(|start| subtype[start..].eq_ignore_ascii_case(b"+json")))
}

/// `once` asked for no empty answer, so none comes back; kept as an error, not a panic.
fn unreachable_empty(provider: Provider) -> Error {
    Error::UnexpectedResponse {
        provider,
        status: None,
        detail: "an empty answer".to_owned(),
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
        // The request may have arrived: only a call safe to repeat is tried again.
        Error::Timeout { .. } => repeat == Repeat::Safe,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retry::MAX_TOTAL;

    #[test]
    fn the_default_policy_waits_for_every_retry_after_it_honours() {
        let policy = RetryPolicy::default();
        let backoff = Duration::from_millis(200);
        for asked in [1, 29, 30, 45, 60, 3600] {
            let wait = policy
                .wait(Duration::ZERO, Some(Duration::from_secs(asked)), backoff)
                .unwrap_or_else(|e| panic!("Retry-After {asked}: {e}"));
            assert_eq!(wait, Duration::from_secs(asked.min(30)));
        }
        // Even after a first attempt that took the whole request timeout.
        let late = REQUEST_TIMEOUT;
        assert!(
            policy
                .wait(late, Some(Duration::from_secs(60)), backoff)
                .is_ok()
        );
        assert_eq!(policy.wait(late, None, backoff), Ok(backoff));
    }

    /// The default bound on a provider that does not answer: the whole call, every attempt
    /// and every wait, within a minute, and time in it for three attempts of the request
    /// timeout and the backoff between them.
    #[test]
    fn a_call_takes_at_most_a_minute_by_default_retries_included() {
        let settings = CallSettings::default();
        let policy = &settings.retry;
        assert_eq!(policy.max_total, MAX_TOTAL);
        assert!(MAX_TOTAL <= Duration::from_secs(60));
        assert!(settings.request_timeout <= policy.max_total);
        assert!(settings.connect_timeout <= settings.request_timeout);
        assert_eq!(settings.request_timeout * 3, policy.max_total);
        assert!(policy.max_retries >= 2, "three attempts");
        // A wait that would reach the total is refused, so no attempt starts at or after it,
        // and each is cut where the total is reached (`Caller::attempt_limit`).
        let backoff = Duration::from_millis(200);
        assert!(policy.wait(MAX_TOTAL - backoff, None, backoff).is_err());
        assert!(policy.wait(MAX_TOTAL, None, Duration::ZERO).is_err());
        // The second and third attempts both start: after the first, and after the second
        // with its backoff at the most jitter allows (twice the delay).
        let first = settings.request_timeout;
        assert!(policy.wait(first, None, backoff * 2).is_ok());
        let second = first + backoff * 2 + settings.request_timeout;
        assert!(policy.wait(second, None, backoff * 4).is_ok());
        // A Retry-After honoured fits after a first attempt that took its whole time.
        assert!(settings.request_timeout + policy.max_retry_after < policy.max_total);
    }

    // On the paused clock: `now` stays where it is while the test runs.
    #[tokio::test(start_paused = true)]
    async fn an_attempt_is_cut_where_the_call_would_pass_its_total() {
        let settings = CallSettings::default();
        let caller = Caller::new(
            Provider::CloudBase,
            "https://env.example.com",
            Redactor::default(),
            &settings,
        );
        let now = tokio::time::Instant::now();
        assert_eq!(caller.attempt_limit(now), REQUEST_TIMEOUT);
        let started = now - (MAX_TOTAL - Duration::from_secs(5));
        assert_eq!(caller.attempt_limit(started), Duration::from_secs(5));
        let started = now - (MAX_TOTAL + Duration::from_secs(5));
        assert_eq!(caller.attempt_limit(started), Duration::ZERO);
    }

    #[test]
    fn json_content_types() {
        for yes in [
            "application/json",
            "application/json;charset=utf8",
            "Application/JSON; charset=UTF-8",
            "application/problem+json",
        ] {
            assert!(is_json(&yes.parse().unwrap()), "{yes}");
        }
        for no in [
            "text/html",
            "text/plain",
            "application/jsonp",
            "json",
            "",
            "application/+jso",
            "application/json; charset=\u{e9}",
        ] {
            assert!(!is_json(&no.parse().unwrap()), "{no}");
        }
    }

    /// The allocation-free [`is_json`] answers as the first version did (kept here as the
    /// reference), on values that probe each of its steps.
    #[test]
    fn json_content_types_as_first_decided() {
        fn reference(value: &reqwest::header::HeaderValue) -> bool {
            let Ok(text) = value.to_str() else {
                return false;
            };
            let essence = text.split(';').next().unwrap_or_default().trim();
            let Some((kind, subtype)) = essence.split_once('/') else {
                return false;
            };
            kind.eq_ignore_ascii_case("application")
                && (subtype.eq_ignore_ascii_case("json")
                    || subtype.to_ascii_lowercase().ends_with("+json"))
        }
        let kinds = [
            "application",
            "APPLICATION",
            "text",
            "",
            " application",
            "applicatio",
        ];
        let subtypes = [
            "json",
            "JSON",
            "+json",
            "x+JSON",
            "json+",
            "jso",
            "",
            "a/b+json",
            "json ",
            "\tjson",
            "js\u{e9}on",
            "+jsON",
        ];
        let tails = [
            "",
            ";",
            "; charset=utf-8",
            " ;x",
            "\t",
            ";\u{e9}",
            ";a/json",
        ];
        for kind in kinds {
            for subtype in subtypes {
                for tail in tails {
                    for text in [
                        format!("{kind}/{subtype}{tail}"),
                        format!("{kind}{subtype}{tail}"),
                    ] {
                        let value = reqwest::header::HeaderValue::from_bytes(text.as_bytes())
                            .expect("a header value");
                        assert_eq!(is_json(&value), reference(&value), "{text:?}");
                    }
                }
            }
        }
    }
}
