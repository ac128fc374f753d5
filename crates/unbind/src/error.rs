//! One error type for every provider.
//!
//! Match on [`Error`]'s variants, or on [`Error::kind`] for one word per kind of failure.
//! Types of other crates are part of this API where an error carries them, and a major
//! version of one of them is a breaking change here:
//!
//! - [`reqwest::Error`] (reqwest 0.13), the `source` of [`Error::Transport`];
//! - the generated error bodies in [`ProviderBody`]: `manta_client::types::ErrorResponse`,
//!   `oneaccess_client::types::Error`, `cloudbase_client::types::Error`;
//! - unbind-runtime's [`KeyError`](unbind_runtime::oneaccess::KeyError) and
//!   [`SignError`](unbind_runtime::oneaccess::SignError) in [`SigningError`], and
//!   [`reqwest::header::ToStrError`].

use std::fmt;

use reqwest::StatusCode;
use unbind_runtime::exchange::Observed;
pub(crate) use unbind_runtime::redact::Redactor;

use crate::provider::Provider;

/// Everything that can go wrong, for every provider.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The provider answered with an error status.
    #[error("{0}")]
    Provider(Box<ProviderError>),
    /// Input refused before anything was sent.
    #[error("invalid input: {field} {reason}")]
    InvalidInput {
        /// The offending field, as the caller named it (`provider_id`, `X-agent`, …).
        field: String,
        /// What is wrong with it; never the value itself.
        reason: String,
    },
    /// Connecting, sending or reading failed.
    #[error("{provider}: transport failure: {}", causes(source))]
    Transport {
        /// Who we were talking to.
        provider: Provider,
        /// The underlying error (its URL carries no secret: credentials travel in headers).
        #[source]
        source: reqwest::Error,
    },
    /// The provider did not answer in time: the last attempt was cut at its timeout
    /// ([`CallSettings::request_timeout`](crate::CallSettings::request_timeout)) or at the
    /// call's ([`RetryPolicy::max_total`](crate::RetryPolicy::max_total)), and no retry was
    /// left, or none is safe (a bind that may have arrived).
    #[error(
        "{provider}: no answer from {url} after {attempts} attempt{} ({} s{}; {} s in all)",
        if *attempts == 1 { "" } else { "s" },
        seconds(*attempt_timeout),
        if *attempts == 1 { "" } else { " each" },
        seconds(*elapsed)
    )]
    Timeout {
        /// Who we were waiting for.
        provider: Provider,
        /// The base URL the call went to (it holds no credential: a base URL with user info
        /// or a query is refused).
        url: String,
        /// How many attempts were made.
        attempts: usize,
        /// How long each attempt could wait for an answer.
        attempt_timeout: std::time::Duration,
        /// How long the whole call took, the waits between attempts included.
        elapsed: std::time::Duration,
    },
    /// Building a OneAccess `X-signature` failed (bad public key, bad server time, …).
    #[cfg(feature = "oneaccess")]
    #[error("{provider}: signing failed: {source}")]
    Signing {
        /// Who the signature was for.
        provider: Provider,
        /// What failed, as the signer reported it (its text never holds the session token).
        #[source]
        source: SigningError,
    },
    /// The provider answered with a redirect (3xx). None of the providers documents one, so
    /// it is not followed (see [`crate::Redirects`]): nothing was sent to its target.
    #[error(
        "{provider}: answered HTTP {status}, a redirect to {}, which is not followed{}",
        host.as_deref().unwrap_or("an unusable Location"),
        if *followed { " (but the HTTP client you supplied followed it: build it with reqwest::redirect::Policy::none())" } else { "" }
    )]
    Redirect {
        /// Who answered.
        provider: Provider,
        /// The HTTP status (of the answer that arrived, when `followed`).
        status: u16,
        /// The host (and port) the redirect points to; never its path or query.
        host: Option<String>,
        /// The HTTP client supplied in [`CallSettings::http`](crate::CallSettings::http)
        /// followed the redirect itself, to this other host; the answer is not used.
        followed: bool,
    },
    /// A successful status whose body does not match the spec.
    #[error(
        "{provider}: unexpected response{}: {detail}",
        status.map(|s| format!(" (HTTP {s})")).unwrap_or_default()
    )]
    UnexpectedResponse {
        /// Who answered.
        provider: Provider,
        /// The HTTP status, when an answer arrived.
        status: Option<u16>,
        /// What did not match, with a bounded snippet of the body.
        detail: String,
    },
}

/// What failed while building a OneAccess `X-signature`: the signer's own error, kept whole.
#[cfg(feature = "oneaccess")]
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SigningError {
    /// The public key (configured, or fetched from `/public-key`) is unusable.
    #[error(transparent)]
    Key(#[from] unbind_runtime::oneaccess::KeyError),
    /// The server time or the encryption failed.
    #[error(transparent)]
    Sign(#[from] unbind_runtime::oneaccess::SignError),
    /// The signature is not a valid header value.
    #[error("the signature is not a header value: {0}")]
    Header(#[from] reqwest::header::ToStrError),
}

/// One word for each kind of [`Error`], for matching, JSON and logs; its `Display` (and
/// [`ErrorKind::as_str`]) is `provider`, `invalid_input`, `transport`, `timeout`, `signing`,
/// `redirect` or `unexpected_response`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// [`Error::Provider`].
    Provider,
    /// [`Error::InvalidInput`].
    InvalidInput,
    /// [`Error::Transport`].
    Transport,
    /// [`Error::Timeout`].
    Timeout,
    #[cfg_attr(feature = "oneaccess", doc = "[`Error::Signing`].")]
    #[cfg_attr(
        not(feature = "oneaccess"),
        doc = "`Error::Signing` (feature `oneaccess`)."
    )]
    Signing,
    /// [`Error::Redirect`].
    Redirect,
    /// [`Error::UnexpectedResponse`].
    UnexpectedResponse,
}

impl ErrorKind {
    /// The kind's word.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Provider => "provider",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Transport => "transport",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Signing => "signing",
            ErrorKind::Redirect => "redirect",
            ErrorKind::UnexpectedResponse => "unexpected_response",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A provider's error answer: the HTTP status, its own code and message, and the raw body.
#[derive(Debug, Clone)]
pub struct ProviderError {
    /// Who answered.
    pub provider: Provider,
    /// The HTTP status, kept even when the body is not JSON.
    pub status: u16,
    /// The provider's own code: Manta `errResponse.code`, OneAccess `error_code`,
    /// CloudBase `error_code` (with `error` in [`ProviderError::kind`]).
    pub code: Option<String>,
    /// CloudBase's `error` (`unauthorized`, `provider_not_found`, …).
    pub kind: Option<String>,
    /// The provider's message: Manta `errResponse.message`, OneAccess `error_msg`,
    /// CloudBase `error_description`.
    pub message: Option<String>,
    /// The body as the provider sent it.
    pub body: ProviderBody,
    /// How long the provider asked us to wait (`Retry-After`, in seconds or as an HTTP date).
    pub retry_after: Option<std::time::Duration>,
    /// Set when this error was worth a retry but the wait was refused, and why.
    pub wait_refused: Option<crate::retry::WaitRefused>,
}

/// The raw error body, decoded into the provider's own type where it could be.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ProviderBody {
    /// MantaGo `ErrorResponse`.
    #[cfg(feature = "manta")]
    Manta(manta_client::types::ErrorResponse),
    /// OneAccess `{error_code, error_msg}`.
    #[cfg(feature = "oneaccess")]
    OneAccess(oneaccess_client::types::Error),
    /// CloudBase `{error, error_code, error_description}`.
    #[cfg(feature = "cloudbase")]
    CloudBase(cloudbase_client::types::Error),
    /// Not the provider's error JSON (an HTML page from a proxy, say): a bounded snippet.
    Text(String),
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} refused the request: HTTP {}",
            self.provider, self.status
        )?;
        // The provider's own text: one bounded line, whatever it sent.
        for part in [&self.kind, &self.code, &self.message]
            .into_iter()
            .flatten()
        {
            write!(f, ": {}", snippet(part))?;
        }
        if let ProviderBody::Text(text) = &self.body {
            write!(f, ": {text:?}")?;
        }
        if let Some(why) = &self.wait_refused {
            write!(f, " ({why})")?;
        }
        Ok(())
    }
}

impl Error {
    /// The provider's error, if the provider answered with one.
    pub fn provider_error(&self) -> Option<&ProviderError> {
        match self {
            Error::Provider(e) => Some(e),
            _ => None,
        }
    }

    /// What kind of failure this is (its `Display` is one word for JSON and logs).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Provider(_) => ErrorKind::Provider,
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Timeout { .. } => ErrorKind::Timeout,
            #[cfg(feature = "oneaccess")]
            Error::Signing { .. } => ErrorKind::Signing,
            Error::Redirect { .. } => ErrorKind::Redirect,
            Error::UnexpectedResponse { .. } => ErrorKind::UnexpectedResponse,
        }
    }

    /// The HTTP status of a provider error or unexpected response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Provider(e) => Some(e.status),
            Error::UnexpectedResponse { status, .. } => *status,
            Error::Redirect { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            _ => None,
        }
    }

    pub(crate) fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

impl From<unbind_runtime::header::InvalidHeaderValue> for Error {
    fn from(e: unbind_runtime::header::InvalidHeaderValue) -> Self {
        Error::InvalidInput {
            field: e.field,
            reason: e.reason.to_owned(),
        }
    }
}

/// An error and its causes, joined with `: ` (reqwest's own message stops at "error sending
/// request"; the cause says "connection refused" or "timed out").
fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let next = cause.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = cause.source();
    }
    text
}

/// A duration in seconds for a message: whole seconds as such (`20`), else to a tenth
/// (`0.5`, `60.2`), never `0` for a duration that is not zero.
fn seconds(duration: std::time::Duration) -> String {
    let tenths = (duration.as_secs_f64() * 10.0).round().max(1.0) as u64;
    match (duration.is_zero(), tenths % 10) {
        (true, _) => "0".to_owned(),
        (false, 0) => (tenths / 10).to_string(),
        (false, tenth) => format!("{}.{tenth}", tenths / 10),
    }
}

/// Blanks the redactor's secrets out of an optional text.
fn redact_option(redactor: &Redactor, text: &mut Option<String>) {
    if let Some(t) = text {
        *t = redactor.redact(t);
    }
}

/// At most this many characters of a body go into an error.
pub const SNIPPET_CHARS: usize = 256;

/// A bounded, single-line snippet of a body for an error message: control characters, and
/// the text-direction characters that make a terminal show text in another order
/// ([`changes_text_direction`](unbind_runtime::redact::changes_text_direction)), become spaces.
pub(crate) fn snippet(text: &str) -> String {
    let shown = |c: char| !c.is_control() && !unbind_runtime::redact::changes_text_direction(c);
    let mut out: String = text
        .chars()
        .take(SNIPPET_CHARS)
        .map(|c| if shown(c) { c } else { ' ' })
        .collect();
    if text.chars().count() > SNIPPET_CHARS {
        out.push('…');
    }
    out
}

/// A provider's error type, decoded from a body and turned into a [`ProviderError`].
pub(crate) trait ProviderErrorBody: serde::de::DeserializeOwned {
    /// Which provider uses this body.
    const PROVIDER: Provider;
    /// The structured error.
    fn into_error(self, status: u16) -> ProviderError;
    /// Blanks the client's secrets out of the provider's free text.
    fn redact(&mut self, redactor: &Redactor);
}

// One impl per provider's generated `Error` type: distinct types, each behind its provider's
// feature, with the provider's own fields.
#[cfg(feature = "manta")]
impl ProviderErrorBody for manta_client::types::ErrorResponse {
    const PROVIDER: Provider = Provider::Manta;
    fn redact(&mut self, redactor: &Redactor) {
        self.err_response.message = redactor.redact(&self.err_response.message);
        redact_option(redactor, &mut self.err_response.bot_id);
    }
    fn into_error(self, status: u16) -> ProviderError {
        ProviderError {
            provider: Self::PROVIDER,
            status,
            code: Some(self.err_response.code.to_string()),
            kind: None,
            message: Some(self.err_response.message.clone()),
            body: ProviderBody::Manta(self),
            retry_after: None,
            wait_refused: None,
        }
    }
}

#[cfg(feature = "oneaccess")]
impl ProviderErrorBody for oneaccess_client::types::Error {
    const PROVIDER: Provider = Provider::OneAccess;
    fn redact(&mut self, redactor: &Redactor) {
        redact_option(redactor, &mut self.error_code);
        redact_option(redactor, &mut self.error_msg);
    }
    fn into_error(self, status: u16) -> ProviderError {
        ProviderError {
            provider: Self::PROVIDER,
            status,
            code: self.error_code.clone(),
            kind: None,
            message: self.error_msg.clone(),
            body: ProviderBody::OneAccess(self),
            retry_after: None,
            wait_refused: None,
        }
    }
}

#[cfg(feature = "cloudbase")]
impl ProviderErrorBody for cloudbase_client::types::Error {
    const PROVIDER: Provider = Provider::CloudBase;
    fn redact(&mut self, redactor: &Redactor) {
        redact_option(redactor, &mut self.error);
        redact_option(redactor, &mut self.error_description);
    }
    fn into_error(self, status: u16) -> ProviderError {
        ProviderError {
            provider: Self::PROVIDER,
            status,
            code: self.error_code.map(|c| c.to_string()),
            kind: self.error.clone(),
            message: self.error_description.clone(),
            body: ProviderBody::CloudBase(self),
            retry_after: None,
            wait_refused: None,
        }
    }
}

/// Turns an error body with a known status into a [`ProviderError`]: the provider's JSON where
/// it parses, a text snippet otherwise.
pub(crate) fn from_body<E: ProviderErrorBody>(
    status: u16,
    body: &[u8],
    redactor: &Redactor,
) -> Error {
    let error = match serde_json::from_slice::<E>(body) {
        Ok(mut parsed) => {
            parsed.redact(redactor);
            parsed.into_error(status)
        }
        Err(_) => ProviderError {
            provider: E::PROVIDER,
            status,
            code: None,
            kind: None,
            message: None,
            body: ProviderBody::Text(snippet(&redactor.redact(&String::from_utf8_lossy(body)))),
            retry_after: None,
            wait_refused: None,
        },
    };
    Error::Provider(Box::new(error))
}

/// Maps what a generated client returned into [`Error`], with what the client's hooks
/// observed of the answer: the status (progenitor drops it when a documented error body is not
/// JSON), `Retry-After`, and whether the body was over `body_limit` and left unread. With
/// `issuing` (the success answer holds credentials the provider issued), a success answer's
/// body is never quoted.
pub(crate) async fn from_progenitor<E: ProviderErrorBody>(
    error: progenitor_client::Error<E>,
    observed: &Observed,
    body_limit: usize,
    redactor: &Redactor,
    issuing: bool,
) -> Error {
    let provider = E::PROVIDER;
    if let Some(status) = observed.status.filter(|s| s.is_redirection()) {
        return Error::Redirect {
            provider,
            status: status.as_u16(),
            host: observed.location_host.clone(),
            followed: false,
        };
    }
    let mut mapped = match (observed.oversize, observed.status) {
        (true, Some(status)) if !status.is_success() => Error::Provider(Box::new(ProviderError {
            provider,
            status: status.as_u16(),
            code: None,
            kind: None,
            message: None,
            body: ProviderBody::Text(format!("[an error body over {body_limit} bytes, not read]")),
            retry_after: None,
            wait_refused: None,
        })),
        (true, status) => Error::UnexpectedResponse {
            provider,
            status: status.map(|s| s.as_u16()),
            detail: format!("the answer is over the {body_limit}-byte limit and was not read"),
        },
        (false, status) => map_error(error, status, redactor, issuing).await,
    };
    if let Error::Provider(e) = &mut mapped {
        e.retry_after = observed.retry_after.as_deref().and_then(retry_after);
    }
    mapped
}

/// A `Retry-After` value: delay-seconds, or an HTTP date (a past date means now).
pub(crate) fn retry_after(value: &str) -> Option<std::time::Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(std::time::Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

async fn map_error<E: ProviderErrorBody>(
    error: progenitor_client::Error<E>,
    status: Option<StatusCode>,
    redactor: &Redactor,
    issuing: bool,
) -> Error {
    let provider = E::PROVIDER;
    match error {
        progenitor_client::Error::ErrorResponse(value) => {
            let status = value.status().as_u16();
            let mut body = value.into_inner();
            body.redact(redactor);
            Error::Provider(Box::new(body.into_error(status)))
        }
        progenitor_client::Error::InvalidResponsePayload(body, e) => match status {
            Some(status) if !status.is_success() => {
                from_body::<E>(status.as_u16(), &body, redactor)
            }
            status if issuing => Error::UnexpectedResponse {
                provider,
                status: status.map(|s| s.as_u16()),
                detail: unread_issued(&e),
            },
            status => Error::UnexpectedResponse {
                provider,
                status: status.map(|s| s.as_u16()),
                // serde's message quotes the offending value: redact and bound it too.
                detail: format!(
                    "{}; body: {:?}",
                    snippet(&redactor.redact(&e.to_string())),
                    snippet(&redactor.redact(&String::from_utf8_lossy(&body)))
                ),
            },
        },
        progenitor_client::Error::UnexpectedResponse(response) => {
            let status = response.status();
            match response.bytes().await {
                Ok(body) if !status.is_success() => {
                    from_body::<E>(status.as_u16(), &body, redactor)
                }
                Ok(_) if issuing => Error::UnexpectedResponse {
                    provider,
                    status: Some(status.as_u16()),
                    detail: format!("undocumented status; {ISSUED_NOT_SHOWN}"),
                },
                Ok(body) => Error::UnexpectedResponse {
                    provider,
                    status: Some(status.as_u16()),
                    detail: format!(
                        "undocumented status; body: {:?}",
                        snippet(&redactor.redact(&String::from_utf8_lossy(&body)))
                    ),
                },
                Err(source) => Error::Transport { provider, source },
            }
        }
        // reqwest refused to build the request (a URL or header it cannot send): nothing left
        // this machine, and another attempt would fail the same way. Its text may quote the
        // URL, and with it the input: only a bounded snippet of the rest is kept.
        progenitor_client::Error::CommunicationError(source) if source.is_builder() => {
            Error::invalid(
                "request",
                format!(
                    "could not be built: {}",
                    snippet(&redactor.redact(&causes(&source.without_url())))
                ),
            )
        }
        progenitor_client::Error::CommunicationError(source)
        | progenitor_client::Error::ResponseBodyError(source)
        | progenitor_client::Error::InvalidUpgrade(source) => Error::Transport { provider, source },
        progenitor_client::Error::InvalidRequest(reason) => Error::invalid("request", reason),
        progenitor_client::Error::Custom(reason) => Error::invalid("request", reason),
    }
}

/// Why an answer that issues credentials is reported without its body.
const ISSUED_NOT_SHOWN: &str =
    "the body is not shown: it may hold the credentials issued, which no redactor knows";

/// The detail of a success answer that issues credentials and does not match its schema:
/// where serde stopped and why, never serde's message (it quotes the offending value) nor
/// the body.
fn unread_issued(error: &serde_json::Error) -> String {
    let why = match error.classify() {
        serde_json::error::Category::Io => "could not be read",
        serde_json::error::Category::Syntax => "is not valid JSON",
        serde_json::error::Category::Data => "does not match the documented shape",
        serde_json::error::Category::Eof => "is cut short",
    };
    format!(
        "the answer {why} (line {}, column {}); {ISSUED_NOT_SHOWN}",
        error.line(),
        error.column()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_show_the_words_json_and_logs_use() {
        let kinds = [
            (ErrorKind::Provider, "provider"),
            (ErrorKind::InvalidInput, "invalid_input"),
            (ErrorKind::Transport, "transport"),
            (ErrorKind::Timeout, "timeout"),
            (ErrorKind::Signing, "signing"),
            (ErrorKind::Redirect, "redirect"),
            (ErrorKind::UnexpectedResponse, "unexpected_response"),
        ];
        for (kind, word) in kinds {
            assert_eq!((kind.as_str(), kind.to_string()), (word, word.to_owned()));
        }
        assert_eq!(
            Error::invalid("id", "is empty or blank").kind(),
            ErrorKind::InvalidInput
        );
    }

    #[test]
    fn a_timeout_says_how_many_attempts_waited_how_long() {
        let error = |attempts, each_ms, all_ms| Error::Timeout {
            provider: Provider::Manta,
            url: "https://mantago.cc/api".to_owned(),
            attempts,
            attempt_timeout: std::time::Duration::from_millis(each_ms),
            elapsed: std::time::Duration::from_millis(all_ms),
        };
        assert_eq!(
            error(3, 20_000, 60_020).to_string(),
            "MantaGo: no answer from https://mantago.cc/api after 3 attempts (20 s each; 60 s in all)"
        );
        assert_eq!(
            error(1, 500, 530).to_string(),
            "MantaGo: no answer from https://mantago.cc/api after 1 attempt (0.5 s; 0.5 s in all)"
        );
        assert_eq!(
            error(2, 1, 1).to_string().split_once('(').unwrap().1,
            "0.1 s each; 0.1 s in all)"
        );
        assert_eq!(error(2, 0, 0).kind(), ErrorKind::Timeout);
        assert_eq!(error(2, 0, 0).status(), None);
    }

    #[test]
    fn an_unexpected_response_without_a_status_says_none() {
        let with = Error::UnexpectedResponse {
            provider: Provider::CloudBase,
            status: Some(200),
            detail: "x".into(),
        };
        let without = Error::UnexpectedResponse {
            provider: Provider::CloudBase,
            status: None,
            detail: "x".into(),
        };
        assert_eq!(
            with.to_string(),
            "CloudBase: unexpected response (HTTP 200): x"
        );
        assert_eq!(without.to_string(), "CloudBase: unexpected response: x");
        assert_eq!((with.status(), without.status()), (Some(200), None));
    }

    #[cfg(feature = "oneaccess")]
    #[test]
    fn a_signing_error_keeps_the_signers_error_as_its_source() {
        let error = Error::Signing {
            provider: Provider::OneAccess,
            source: unbind_runtime::oneaccess::KeyError::Empty.into(),
        };
        assert_eq!(
            error.to_string(),
            "OneAccess: signing failed: public key is empty"
        );
        let source = std::error::Error::source(&error).expect("a source");
        assert!(matches!(
            source.downcast_ref::<SigningError>(),
            Some(SigningError::Key(
                unbind_runtime::oneaccess::KeyError::Empty
            ))
        ));
    }
}
