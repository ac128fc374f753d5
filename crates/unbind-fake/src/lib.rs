//! Local, stateful stand-ins for the MantaGo, Huawei OneAccess and Tencent CloudBase APIs.
//!
//! None of the three providers offers a sandbox where accounts can be bound and unbound at
//! will. [`Fake`] serves all three on one loopback port, each under its own path prefix
//! (`/manta`, `/oneaccess`, `/cloudbase`), and behaves the way the providers' docs say
//! (`../shared/PROVIDERS.md` and the seeds): it keeps accounts, bindings and issued tokens in
//! memory, checks credentials the way each provider does, and answers in each provider's
//! documented error shape. Every answer conforms to the provider's spec in `specs/` (this
//! crate's tests check each one).
//!
//! - **MantaGo** ([`manta`]): every call checks the Bearer token, the body's `secret` and
//!   `botId`; `/openapi/token` too, which then issues a new token and secret and retires the
//!   old pair (there is no call without the bearer: the seed supplies the first token).
//! - **OneAccess** ([`oneaccess`]): `server-date` and `public-key` come from the fake's own
//!   RSA key pair; every signed call decrypts `X-signature` and checks its session token,
//!   timestamp window and nonce, and refuses a signature already used (a replay); every call
//!   checks the required device headers.
//! - **CloudBase** ([`cloudbase`]): the Bearer token picks the user; list, bind and unbind
//!   work on that user's bindings.
//!
//! Start it from a test, point the facade at the base URLs, and stop it (or drop it):
//!
//! ```no_run
//! use unbind_fake::{Fake, Seed};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = Fake::builder().seed(Seed::demo()).start().await?;
//! println!("CloudBase at {}", fake.cloudbase_url());
//! // … drive `unbind::cloudbase::CloudBaseClient::new(fake.cloudbase_url(), …)` …
//! // What the calls left bound, read from the fake itself:
//! let still_bound = fake.bindings().cloudbase.iter().any(|b| b.provider_id == "wx_open");
//! println!("wx_open still bound: {still_bound}");
//! fake.stop().await;
//! # Ok(())
//! # }
//! ```
//!
//! Or run the `unbind-fake` binary, which prints the three base URLs and serves until
//! stopped (see the README's "Try it offline").
//!
//! No client can hold it: a connection is closed when it takes longer than
//! [`FakeBuilder::header_read_timeout`] (10 s) to send a request's header, or stays silent
//! for [`FakeBuilder::idle_timeout`] (5 s) while the fake waits for it. [`Fake::stop`] (and
//! dropping the fake) lets requests in flight finish for [`FakeBuilder::shutdown_grace`]
//! (2 s), then closes every connection, half-sent requests included. A seed file is read up
//! to [`SEED_FILE_LIMIT`] (16 MiB), a request body up to [`REQUEST_BODY_LIMIT`] (1 MiB; a
//! longer one is refused in the provider's error body, as is every request refused before a
//! handler reads it), and no request, however crafted, panics a handler.
//!
//! Where the docs leave a detail open (HTTP statuses of MantaGo's error codes, OneAccess's
//! error codes, CloudBase statuses), each provider module says what the fake chose.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::middleware::from_fn_with_state;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

mod bindings;
pub mod cloudbase;
mod errors;
mod exchange;
pub mod manta;
pub mod oneaccess;
mod request;
mod seed;
mod serve;
mod start_error;
mod state;

pub use bindings::{Bindings, CloudBaseBound, MantaBinding, OneAccessBinding};
pub use errors::REQUEST_BODY_LIMIT;
pub use exchange::Exchange;
pub use seed::{
    CloudBaseBinding, CloudBaseProvider, CloudBaseProviderToken, CloudBaseSeed, CloudBaseUser,
    DEMO_SEED, MantaBot, MantaClient, MantaSeed, OneAccessSeed, OneAccessSocial,
    OneAccessStateToken, OneAccessUser, SEED_FILE_LIMIT, Seed, SeedError,
};
pub use start_error::StartError;

/// The time source of a fake (server time, signature windows, rate-limit windows): the
/// runtime's [`Clock`], the one clock trait of the workspace, and its system clock.
pub use unbind_runtime::clock::{Clock, SystemClock};

/// A clock that moves only when told to, for tests of time windows.
#[derive(Debug, Default)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    /// A clock standing at `millis` (Unix milliseconds).
    pub fn new(millis: i64) -> Self {
        ManualClock(AtomicI64::new(millis))
    }

    /// Moves the clock by `ms` (negative goes back).
    pub fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_millis(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The default [`FakeBuilder::header_read_timeout`]: 10 s.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// The default [`FakeBuilder::idle_timeout`]: 5 s.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// The default [`FakeBuilder::shutdown_grace`]: 2 s.
pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// Settings of a [`Fake`] before it starts.
#[derive(Debug)]
pub struct FakeBuilder {
    seed: Seed,
    addr: SocketAddr,
    latency: Duration,
    record: bool,
    clock: Arc<dyn Clock>,
    header_read_timeout: Duration,
    idle_timeout: Duration,
    shutdown_grace: Duration,
}

impl FakeBuilder {
    /// The starting state (default: empty).
    pub fn seed(mut self, seed: Seed) -> Self {
        self.seed = seed;
        self
    }

    // One setter per builder field, as builders go.
    /// The address to listen on (default: `127.0.0.1:0`, a free loopback port).
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// How long every answer waits before it is sent, as a remote provider would
    /// (default: none).
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = latency;
        self
    }

    /// Keeps every request and answer for [`Fake::exchanges`] (default: off, so that long
    /// runs stay flat in memory).
    pub fn record_exchanges(mut self, record: bool) -> Self {
        self.record = record;
        self
    }

    /// The time source (default: the system clock). It drives what the providers see (server
    /// time, signature windows, rate limits), not the connection timeouts below.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// How long a connection waiting for a request may take to send that request's whole
    /// header, counted from when it became ready for one (opened, or its previous answer
    /// sent); it is then closed (default: [`DEFAULT_HEADER_READ_TIMEOUT`], 10 s). This ends a
    /// header sent byte by byte, and bounds a connection that sends nothing, too.
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.header_read_timeout = timeout;
        self
    }

    /// How long a connection may stay silent while the fake waits for it, for a new request
    /// or for the rest of a request's body; it is then closed (default:
    /// [`DEFAULT_IDLE_TIMEOUT`], 5 s). Time the fake spends answering (its latency, a
    /// handler) does not count.
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = timeout;
        self
    }

    /// How long stopping waits for requests in flight before it closes every connection,
    /// half-sent requests included (default: [`DEFAULT_SHUTDOWN_GRACE`], 2 s).
    pub fn shutdown_grace(mut self, grace: Duration) -> Self {
        self.shutdown_grace = grace;
        self
    }

    /// Binds the address and starts serving on the current tokio runtime.
    pub async fn start(self) -> Result<Fake, StartError> {
        let listener = TcpListener::bind(self.addr)
            .await
            .map_err(|source| StartError::Bind {
                addr: self.addr,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: self.addr,
            source,
        })?;
        let log = exchange::Log::new(self.record, self.latency);
        let (manta, manta_bindings) = manta::router(&self.seed.manta, self.clock.clone());
        let (oneaccess, oneaccess_bindings) =
            oneaccess::router(&self.seed.oneaccess, self.clock.clone())?;
        let (cloudbase, cloudbase_bindings) =
            cloudbase::router(&self.seed.cloudbase, self.clock.clone());
        let app = Router::new()
            .nest(
                "/manta",
                manta.layer(from_fn_with_state(
                    log.scope("manta", manta::refused),
                    exchange::observe,
                )),
            )
            .nest(
                "/oneaccess",
                oneaccess.layer(from_fn_with_state(
                    log.scope("oneaccess", oneaccess::refused),
                    exchange::observe,
                )),
            )
            .nest(
                "/cloudbase",
                cloudbase.layer(from_fn_with_state(
                    log.scope("cloudbase", cloudbase::refused),
                    exchange::observe,
                )),
            );
        let (stop, stopped) = oneshot::channel::<()>();
        let limits = serve::Limits {
            header_read: self.header_read_timeout,
            idle: self.idle_timeout,
            shutdown_grace: self.shutdown_grace,
        };
        // A dropped sender stops the server too.
        let task = tokio::spawn(serve::serve(listener, app, limits, stopped));
        Ok(Fake {
            base: format!("http://{addr}"),
            addr,
            log,
            bindings: bindings::Readers {
                manta: manta_bindings,
                oneaccess: oneaccess_bindings,
                cloudbase: cloudbase_bindings,
            },
            stop: Some(stop),
            task: Some(task),
        })
    }
}

/// A running fake. Dropping it stops the server as [`Fake::stop`] does, without waiting: it
/// closes the listener at once and the last connections within the grace period.
#[derive(Debug)]
pub struct Fake {
    base: String,
    addr: SocketAddr,
    log: exchange::Log,
    bindings: bindings::Readers,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Fake {
    /// A builder with an empty seed on a free loopback port.
    pub fn builder() -> FakeBuilder {
        FakeBuilder {
            seed: Seed::default(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            latency: Duration::ZERO,
            record: false,
            clock: Arc::new(SystemClock),
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            shutdown_grace: DEFAULT_SHUTDOWN_GRACE,
        }
    }

    /// Starts a fake for a test: the demo seed ([`Seed::demo`]) on a free loopback port,
    /// recording every exchange ([`Fake::exchanges`]).
    pub async fn start() -> Result<Fake, StartError> {
        Fake::builder()
            .seed(Seed::demo())
            .record_exchanges(true)
            .start()
            .await
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// MantaGo's base URL (the facade's `base_url`): `http://127.0.0.1:PORT/manta`.
    pub fn manta_url(&self) -> String {
        format!("{}/manta", self.base)
    }

    /// OneAccess's base URL: `http://127.0.0.1:PORT/oneaccess`.
    pub fn oneaccess_url(&self) -> String {
        format!("{}/oneaccess", self.base)
    }

    /// CloudBase's base URL: `http://127.0.0.1:PORT/cloudbase`.
    pub fn cloudbase_url(&self) -> String {
        format!("{}/cloudbase", self.base)
    }

    /// What is bound at each provider now: what the calls so far (and the seed) left bound.
    pub fn bindings(&self) -> Bindings {
        self.bindings.read()
    }

    /// Every request and answer so far, in order, if recording was switched on
    /// ([`FakeBuilder::record_exchanges`]); empty otherwise.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.log.exchanges()
    }

    /// The requests `provider` (`manta`, `oneaccess` or `cloudbase`) received so far, in
    /// order, as [`unbind_conformance`] records them: for [`Spec::shape`], which checks each
    /// against the provider's spec and blanks its secrets for a snapshot (feature
    /// `conformance`). Empty unless recording is on ([`FakeBuilder::record_exchanges`]).
    ///
    /// [`Spec::shape`]: unbind_conformance::conformance::Spec::shape
    #[cfg(feature = "conformance")]
    pub fn requests(&self, provider: &str) -> Vec<unbind_conformance::RecordedRequest> {
        self.exchanges()
            .iter()
            .filter(|exchange| exchange.provider == provider)
            .map(Exchange::request)
            .collect()
    }

    /// Stops accepting, lets requests in flight finish within the shutdown grace period
    /// ([`FakeBuilder::shutdown_grace`]), closes whatever is still open (half-sent requests
    /// included), and returns when the server is down: never later than the grace period.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
