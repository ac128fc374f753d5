//! The accept loop: HTTP/1 connections that cannot be held open forever, and a shutdown that
//! does not wait for them forever.
//!
//! `axum::serve` has neither a header-read timer nor an idle timeout, and its graceful
//! shutdown waits for every connection, so one client holding a half-sent request kept the
//! fake from stopping. Here each connection is served by hyper's HTTP/1 server with:
//!
//! - the **header-read timeout**: a connection waiting for a request (just opened, or its
//!   previous answer sent) must deliver that request's whole header within it, or it is
//!   closed. This ends a header sent byte by byte, however steadily the bytes come.
//! - the **idle timeout**: a connection on which the fake waits for the client (for a new
//!   request, or for the rest of a request's body) and receives nothing for that long is
//!   closed. While the fake itself is answering (its latency, a handler) it does not count.
//! - **shutdown**: the listener is closed at once, connections are told to finish their
//!   request in flight and not to take another, and whatever is still open when the grace
//!   period ends is closed, half-sent requests included.

use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use http_body::{Body, Frame, SizeHint};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tower_service::Service as _;

/// The time limits of every connection (see the module docs).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub(crate) header_read: Duration,
    pub(crate) idle: Duration,
    pub(crate) shutdown_grace: Duration,
}

/// How long accepting pauses after an error that is not one connection's (out of file
/// handles, say), so that the loop does not spin while handles are short.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// Serves `router` on `listener` until `stop` fires (or its sender is dropped), then shuts
/// down within the grace period.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    mut stop: oneshot::Receiver<()>,
) {
    let (shutdown, shutting_down) = watch::channel(None::<Instant>);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(
                        stream,
                        router.clone(),
                        limits,
                        shutting_down.clone(),
                    ));
                }
                Err(error) if is_per_connection(&error) => {}
                Err(_) => tokio::time::sleep(ACCEPT_PAUSE).await,
            },
            // Reaps finished connections, so the set stays as large as the open ones.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let deadline = Instant::now() + limits.shutdown_grace;
    // No receiver left only means no connection is open.
    let _ = shutdown.send(Some(deadline));
    // Each connection ends by the deadline on its own; this bound is a second line.
    let all_closed = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout_at(deadline + Duration::from_millis(100), all_closed).await;
    // Dropping the set aborts whatever is left.
}

/// An accept error that concerns one connection only: accept again at once.
fn is_per_connection(error: &std::io::Error) -> bool {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    )
}

/// Serves one connection until it ends, goes idle, or the shutdown's deadline passes.
async fn connection(
    stream: TcpStream,
    router: Router,
    limits: Limits,
    mut shutting_down: watch::Receiver<Option<Instant>>,
) {
    // Answers are small and whole: send them without waiting for more.
    let _ = stream.set_nodelay(true);
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(WatchedIo {
        io: stream,
        activity: Arc::clone(&activity),
    });
    let in_service = Arc::clone(&activity);
    let service = service_fn(move |request: hyper::Request<Incoming>| {
        let answering = Answering::begin(Arc::clone(&in_service));
        let activity = Arc::clone(&in_service);
        let request = request.map(|body| WatchedBody {
            body,
            activity,
            waiting: false,
        });
        let mut router = router.clone();
        async move {
            let response = router.call(request).await;
            drop(answering);
            response
        }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read);
    let mut conn = pin!(builder.serve_connection(io, service));
    let deadline = tokio::select! {
        // An error here is the client's (a malformed request, a reset): the connection ends.
        _ = conn.as_mut() => return,
        () = activity.idle_for(limits.idle) => return,
        deadline = shutdown_deadline(&mut shutting_down) => deadline,
    };
    conn.as_mut().graceful_shutdown();
    let _ = tokio::time::timeout_at(deadline, conn).await;
}

/// Waits for the shutdown and returns its deadline (now, if the server is gone).
async fn shutdown_deadline(shutting_down: &mut watch::Receiver<Option<Instant>>) -> Instant {
    loop {
        if let Some(deadline) = *shutting_down.borrow_and_update() {
            return deadline;
        }
        if shutting_down.changed().await.is_err() {
            return Instant::now();
        }
    }
}

/// What a connection is doing, for its idle timeout.
#[derive(Debug)]
struct Activity(Mutex<ActivityState>);

#[derive(Debug)]
struct ActivityState {
    /// Requests being answered (at most one on HTTP/1).
    answering: usize,
    /// Request bodies whose next bytes a handler is waiting for.
    awaiting_body: usize,
    /// When the current silence began: the last byte received, the last answer given, or the
    /// moment a handler began waiting for the body, whichever is latest.
    since: Instant,
}

impl Activity {
    fn new() -> Self {
        Activity(Mutex::new(ActivityState {
            answering: 0,
            awaiting_body: 0,
            since: Instant::now(),
        }))
    }

    fn update(&self, change: impl FnOnce(&mut ActivityState)) {
        change(&mut crate::state::lock(&self.0));
    }

    /// Completes when the fake has waited for the client for `idle` and received nothing.
    async fn idle_for(&self, idle: Duration) {
        loop {
            let (waiting, since) = {
                let state = crate::state::lock(&self.0);
                let waiting = state.answering == 0 || state.awaiting_body > 0;
                (waiting, state.since)
            };
            let now = Instant::now();
            let expiry = since + idle;
            if waiting && now >= expiry {
                return;
            }
            // Not waiting for the client: look again later, the clock restarts when it does.
            tokio::time::sleep_until(if waiting { expiry } else { now + idle }).await;
        }
    }
}

/// One request being answered; the connection is not idle meanwhile.
struct Answering(Arc<Activity>);

impl Answering {
    fn begin(activity: Arc<Activity>) -> Self {
        activity.update(|state| state.answering += 1);
        Answering(activity)
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.update(|state| {
            state.answering = state.answering.saturating_sub(1);
            state.since = Instant::now();
        });
    }
}

/// The socket, noting each byte received.
struct WatchedIo {
    io: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for WatchedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.io).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            this.activity.update(|state| state.since = Instant::now());
        }
        polled
    }
}

impl AsyncWrite for WatchedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

/// A request body, noting when a handler waits for its next bytes: the connection is then
/// waiting for the client, and a silence counts towards the idle timeout.
struct WatchedBody {
    body: Incoming,
    activity: Arc<Activity>,
    waiting: bool,
}

impl WatchedBody {
    fn set_waiting(&mut self, waiting: bool) {
        if waiting == self.waiting {
            return;
        }
        self.waiting = waiting;
        self.activity.update(|state| {
            if waiting {
                state.awaiting_body += 1;
            } else {
                state.awaiting_body = state.awaiting_body.saturating_sub(1);
            }
            state.since = Instant::now();
        });
    }
}

impl Body for WatchedBody {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.body).poll_frame(cx);
        this.set_waiting(polled.is_pending());
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl Drop for WatchedBody {
    fn drop(&mut self) {
        self.set_waiting(false);
    }
}
