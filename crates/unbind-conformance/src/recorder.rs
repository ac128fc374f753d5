//! [`Recorder`]: a loopback server that answers as told and records every request.

use wiremock::http::{HeaderValue, Method};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::RecordedRequest;

/// Why [`Recorder::answer`] or [`Recorder::answer_raw`] refused to mount an answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnswerError {
    /// The method is not an HTTP method token.
    #[error("{0:?} is not an HTTP method")]
    Method(String),
    /// The path does not start with `/`, or holds a `?` or `#`.
    #[error("{0:?} is not a request path: it must start with '/' and hold no '?' or '#'")]
    Path(String),
    /// The status is not in 100..=999.
    #[error("{0} is not an HTTP status code")]
    Status(u16),
    /// The content type is not a valid header value.
    #[error("{0:?} is not a valid Content-Type value")]
    ContentType(String),
}

/// A loopback server that answers as told and records every request.
///
/// A thin layer over [`wiremock::MockServer`]: [`answer`](Self::answer) mounts a response for
/// one method and exact path, [`requests`](Self::requests) returns what arrived, normalised.
/// A request that no answer matches still gets recorded and receives wiremock's default
/// `404 Not Found` with an empty body. For matching on headers, query or body, mount a
/// [`wiremock::Mock`] on [`server`](Self::server).
#[derive(Debug)]
pub struct Recorder {
    server: MockServer,
}

impl Recorder {
    /// Starts a server on a random loopback port.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound, as [`MockServer::start`] does.
    pub async fn start() -> Self {
        Recorder {
            server: MockServer::start().await,
        }
    }

    /// The base URL, without a trailing slash: `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// Answers `method path` (exact path, any query) with `status` and a JSON `body`
    /// (`Content-Type: application/json`). If two answers match a request, the one mounted
    /// first wins.
    pub async fn answer(
        &self,
        method: &str,
        path: &str,
        status: u16,
        body: serde_json::Value,
    ) -> Result<(), AnswerError> {
        let template = template(status)?.set_body_json(body);
        self.mount(method, path, template).await
    }

    /// Answers `method path` with `status`, the `body` as given and `content_type`, for
    /// bodies that are not JSON (an HTML error page, plain text, a broken JSON document).
    pub async fn answer_raw(
        &self,
        method: &str,
        path: &str,
        status: u16,
        body: &str,
        content_type: &str,
    ) -> Result<(), AnswerError> {
        if HeaderValue::from_str(content_type).is_err() {
            return Err(AnswerError::ContentType(content_type.to_owned()));
        }
        let template = template(status)?.set_body_raw(body.as_bytes().to_vec(), content_type);
        self.mount(method, path, template).await
    }

    /// Every request received so far, in arrival order, answered or not.
    pub async fn requests(&self) -> Vec<RecordedRequest> {
        self.server
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .map(RecordedRequest::from)
            .collect()
    }

    /// The underlying wiremock server, for richer matching and for the raw requests.
    pub fn server(&self) -> &MockServer {
        &self.server
    }

    async fn mount(
        &self,
        verb: &str,
        at: &str,
        template: ResponseTemplate,
    ) -> Result<(), AnswerError> {
        // wiremock panics on a bad method or path; check first and return an error instead.
        let valid_method = Method::from_bytes(verb.to_ascii_uppercase().as_bytes()).is_ok();
        if verb.is_empty() || !valid_method {
            return Err(AnswerError::Method(verb.to_owned()));
        }
        if !at.starts_with('/') || at.contains(['?', '#']) {
            return Err(AnswerError::Path(at.to_owned()));
        }
        Mock::given(method(verb))
            .and(path(at))
            .respond_with(template)
            .mount(&self.server)
            .await;
        Ok(())
    }
}

/// A response template with `status`, refusing what wiremock would panic on.
fn template(status: u16) -> Result<ResponseTemplate, AnswerError> {
    if (100..=999).contains(&status) {
        Ok(ResponseTemplate::new(status))
    } else {
        Err(AnswerError::Status(status))
    }
}
