//! One request/response exchange as the facade sees it, across the generated client's hooks.
//!
//! The facade wraps each generated call in [`scope`] with a body-size limit. The client
//! crate's `exec` hook hands the response to [`read_bounded`], which reads at most that many
//! bytes and records what progenitor would otherwise drop: the status (lost when a documented
//! error body is not JSON), the `Retry-After` header, whether the body was too large, and
//! where a redirect pointed. The values live in a task-local, so concurrent calls never mix.
//!
//! [`execute`] is what a client crate's `exec` hook calls: it sends the request, notes a
//! redirect that the HTTP client followed to another origin (the facade's own HTTP client
//! follows none), and reads the answer through [`read_bounded`].

use std::cell::RefCell;
use std::future::Future;

use http::{HeaderMap, StatusCode};

/// The body-size limit outside any [`scope`], and the facade's default: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// What [`read_bounded`] saw of the response to the call in [`scope`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observed {
    /// The response status, if a response arrived.
    pub status: Option<StatusCode>,
    /// The `Retry-After` header as sent, if any.
    pub retry_after: Option<String>,
    /// The body was longer than the limit: it was not read, and the response handed on is
    /// empty.
    pub oversize: bool,
    /// For a redirect (3xx): the host (and port, if not the scheme's default) its `Location`
    /// points to, never its path or query. `None` when there is no usable `Location`.
    pub location_host: Option<String>,
    /// The HTTP client followed a redirect to another origin (scheme, host or port) than the
    /// request's: the host the answer came from. Only a client built outside the facade does
    /// that.
    pub redirected_to: Option<String>,
}

/// What a [`scope`] keeps while its call runs. The task-local moves it in and out of the
/// thread on every poll, so it is kept small: what every answer has inline, what few answers
/// have (a `Retry-After`, a redirect) boxed.
#[derive(Debug)]
struct Exchange {
    limit: usize,
    status: Option<StatusCode>,
    oversize: bool,
    rare: Option<Box<Rare>>,
}

/// The parts of [`Observed`] that most answers do not have.
#[derive(Debug, Default)]
struct Rare {
    retry_after: Option<String>,
    location_host: Option<String>,
    redirected_to: Option<String>,
}

impl Exchange {
    fn rare(&mut self) -> &mut Rare {
        self.rare.get_or_insert_default()
    }

    fn observed(&mut self) -> Observed {
        let rare = self.rare.take().map(|rare| *rare).unwrap_or_default();
        Observed {
            status: self.status,
            retry_after: rare.retry_after,
            oversize: self.oversize,
            location_host: rare.location_host,
            redirected_to: rare.redirected_to,
        }
    }
}

tokio::task_local! {
    static EXCHANGE: RefCell<Exchange>;
}

/// Awaits `call`, letting [`read_bounded`] read at most `limit` body bytes, and returns its
/// output with what was observed of the response.
pub async fn scope<F: Future>(limit: usize, call: F) -> (F::Output, Observed) {
    scope_with(limit, || call).await
}

/// [`scope`] for a future that `make` makes once inside the scope. A call's future can be
/// large (a generated call's is kilobytes); made in here, it is held in one place, where a
/// future passed in is also held by each async layer it passes through. (For the same
/// reason this is no `async fn`, which would hold its arguments beside the scope's future.)
pub fn scope_with<F: Future>(
    limit: usize,
    make: impl FnOnce() -> F,
) -> impl Future<Output = (F::Output, Observed)> {
    let exchange = RefCell::new(Exchange {
        limit,
        status: None,
        oversize: false,
        rare: None,
    });
    EXCHANGE.scope(exchange, async move {
        let output = make().await;
        let observed = EXCHANGE.with(|e| e.borrow_mut().observed());
        (output, observed)
    })
}

/// Records a response's status and `Retry-After` for the enclosing [`scope`]; does nothing
/// outside one.
pub fn record(status: StatusCode, headers: &HeaderMap) {
    let retry_after = headers
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    // Outside a scope there is nobody to tell; that is not an error.
    let _ = EXCHANGE.try_with(|e| {
        let mut exchange = e.borrow_mut();
        exchange.status = Some(status);
        if retry_after.is_some() || exchange.rare.is_some() {
            exchange.rare().retry_after = retry_after;
        }
    });
}

fn limit() -> usize {
    EXCHANGE
        .try_with(|e| e.borrow().limit)
        .unwrap_or(DEFAULT_BODY_LIMIT)
}

fn mark_oversize() {
    let _ = EXCHANGE.try_with(|e| e.borrow_mut().oversize = true);
}

/// The host and port of `url`, without user info, path or query.
fn host_of(url: &reqwest::Url) -> Option<String> {
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// Whether two URLs share scheme, host and port (compared without building `Origin`s, which
/// allocate).
fn same_origin(a: &reqwest::Url, b: &reqwest::Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// The origin part of a URL as written (scheme, user info, host and port: everything before
/// the path), kept on the stack when short, so that the redirect check in [`execute`] costs no
/// copy of the whole URL.
enum SentOrigin {
    Inline([u8; SentOrigin::INLINE], usize),
    Long(String),
}

impl SentOrigin {
    const INLINE: usize = 96;

    fn of(url: &reqwest::Url) -> Self {
        let text = &url[..url::Position::BeforePath];
        if text.len() <= Self::INLINE {
            let mut bytes = [0; Self::INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Self::Inline(bytes, text.len())
        } else {
            Self::Long(text.to_owned())
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Inline(bytes, len) => &bytes[..*len],
            Self::Long(text) => text.as_bytes(),
        }
    }

    /// Whether `url` has the same origin (scheme, host and port) as the URL this was made of.
    /// The same text before the path means the same origin; other text is parsed back and
    /// compared as [`same_origin`] does.
    fn is_origin_of(&self, url: &reqwest::Url) -> bool {
        let text = self.as_bytes();
        if url[..url::Position::BeforePath].as_bytes() == text {
            return true;
        }
        std::str::from_utf8(text)
            .ok()
            .and_then(|text| reqwest::Url::parse(text).ok())
            .is_some_and(|sent| same_origin(&sent, url))
    }
}

/// Sends `request` with `client` and reads the answer through [`read_bounded`]. When the
/// answer comes from another origin than the request went to (the client followed a
/// redirect), that host is recorded as [`Observed::redirected_to`].
///
/// The request is handed to `client` when this is called, not when the future is first
/// polled: the future then holds what `client` made of it (a pointer) instead of the request
/// itself, which keeps every future that awaits this one (a generated call's, kilobytes)
/// smaller. A hook's `exec` returns it as it is.
pub fn execute(
    client: &reqwest::Client,
    request: reqwest::Request,
) -> impl Future<Output = reqwest::Result<reqwest::Response>> + Send + 'static {
    let sent = SentOrigin::of(request.url());
    let pending = client.execute(request);
    async move {
        let response = pending.await?;
        if !sent.is_origin_of(response.url()) {
            let host = host_of(response.url());
            let _ = EXCHANGE.try_with(|e| e.borrow_mut().rare().redirected_to = host);
        }
        read_bounded(response).await
    }
}

/// Records `response` (see [`record`]) and bounds its body to the scope's limit.
///
/// A body whose `Content-Length` is within the limit is handed on as it is: the HTTP framing
/// already stops it there. A longer declared body is abandoned unread; a body of unknown
/// length (chunked) is read, at most the limit, and handed on buffered, or abandoned once it
/// grows past the limit. An abandoned body is marked [`Observed::oversize`] and replaced by an
/// empty one.
pub async fn read_bounded(mut response: reqwest::Response) -> reqwest::Result<reqwest::Response> {
    record(response.status(), response.headers());
    if response.status().is_redirection() {
        let target = response
            .headers()
            .get(http::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|location| response.url().join(location).ok());
        let host = target.as_ref().and_then(host_of);
        let _ = EXCHANGE.try_with(|e| e.borrow_mut().rare().location_host = host);
    }
    let limit = limit();
    if response
        .content_length()
        .is_some_and(|length| length <= limit as u64)
    {
        return Ok(response);
    }
    let mut body = Vec::new();
    let declared_too_long = response
        .content_length()
        .is_some_and(|length| length > limit as u64);
    if declared_too_long {
        mark_oversize();
    } else {
        while let Some(chunk) = response.chunk().await? {
            if body.len() + chunk.len() > limit {
                mark_oversize();
                body.clear();
                break;
            }
            body.extend_from_slice(&chunk);
        }
    }
    let mut buffered = http::Response::new(body);
    *buffered.status_mut() = response.status();
    *buffered.version_mut() = response.version();
    // The answer is read: its headers move into the buffered one instead of being copied.
    let mut headers = std::mem::take(response.headers_mut());
    headers.remove(http::header::CONTENT_LENGTH);
    *buffered.headers_mut() = headers;
    Ok(reqwest::Response::from(buffered))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer with `body`, sent in 3-byte pieces of unknown total length (as chunked) when
    /// `streamed`, else with its length known.
    fn answer(body: &[u8], streamed: bool) -> reqwest::Response {
        let body = if streamed {
            let pieces: Vec<Result<Vec<u8>, std::io::Error>> =
                body.chunks(3).map(|c| Ok(c.to_vec())).collect();
            reqwest::Body::wrap_stream(futures::stream::iter(pieces))
        } else {
            reqwest::Body::from(body.to_vec())
        };
        reqwest::Response::from(http::Response::new(body))
    }

    #[tokio::test]
    async fn answers_within_the_limit_arrive_whole_whether_their_length_is_known_or_not() {
        for streamed in [false, true] {
            let sent = answer(b"{\"a\":12}", streamed);
            // Both paths: the length known (handed on as is), and unknown (buffered).
            assert_eq!(sent.content_length(), (!streamed).then_some(8));
            let (response, observed) = scope(10, read_bounded(sent)).await;
            let response = response.expect("read");
            assert_eq!(
                response.bytes().await.expect("body").as_ref(),
                b"{\"a\":12}"
            );
            assert!(!observed.oversize, "streamed: {streamed}");
        }
    }

    #[tokio::test]
    async fn answers_over_the_limit_are_replaced_by_an_empty_body_and_marked() {
        for streamed in [false, true] {
            let (response, observed) = scope(10, async {
                read_bounded(answer(b"{\"a\":123456}", streamed)).await
            })
            .await;
            let body = response.expect("read").bytes().await.expect("body");
            assert!(body.is_empty(), "streamed: {streamed}");
            assert!(observed.oversize, "streamed: {streamed}");
        }
    }

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let url = |text: &str| reqwest::Url::parse(text).unwrap();
        let base = url("https://api.example.com/a?b=c");
        assert!(same_origin(
            &base,
            &url("https://API.example.com:443/other")
        ));
        for other in [
            "http://api.example.com/a",
            "https://api.example.com:8443/a",
            "https://evil.example.com/a",
        ] {
            assert!(!same_origin(&base, &url(other)), "{other}");
        }
        // The check `execute` makes, with the origin kept inline or (when long) not.
        let long = format!("https://{}.example.com/a", "h".repeat(100));
        for sent in [base.clone(), url(&long)] {
            let kept = SentOrigin::of(&sent);
            assert!(kept.is_origin_of(&sent));
            let mut elsewhere = sent.clone();
            elsewhere.set_path("/other");
            elsewhere.set_query(Some("q"));
            assert!(kept.is_origin_of(&elsewhere));
        }
        let kept = SentOrigin::of(&base);
        // Other text before the path, same origin: compared as `same_origin` does.
        assert!(kept.is_origin_of(&url("https://API.example.com:443/other")));
        assert!(kept.is_origin_of(&url("https://user:pw@api.example.com/other")));
        for other in [
            "http://api.example.com/a",
            "https://api.example.com:8443/a",
            "https://evil.example.com/a",
        ] {
            assert!(!kept.is_origin_of(&url(other)), "{other}");
        }
        assert!(!SentOrigin::of(&url(&long)).is_origin_of(&base));
        assert_eq!(
            host_of(&url("http://u:p@h.example:8080/x?q")).as_deref(),
            Some("h.example:8080")
        );
        assert_eq!(
            host_of(&url("https://h.example/x")).as_deref(),
            Some("h.example")
        );
    }

    #[tokio::test]
    async fn what_is_recorded_comes_back_from_its_own_scope_only() {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, "7".parse().unwrap());
        let (out, observed) = scope(10, async {
            record(StatusCode::TOO_MANY_REQUESTS, &headers);
            limit()
        })
        .await;
        assert_eq!(out, 10);
        assert_eq!(
            observed,
            Observed {
                status: Some(StatusCode::TOO_MANY_REQUESTS),
                retry_after: Some("7".into()),
                ..Observed::default()
            }
        );
        let (_, observed) = scope(10, async {}).await;
        assert_eq!(observed, Observed::default());
        // Outside any scope: ignored, no panic, and the default limit.
        record(StatusCode::OK, &headers);
        assert_eq!(limit(), DEFAULT_BODY_LIMIT);
    }
}
