//! `unbind-fake`: serves the MantaGo, OneAccess and CloudBase fakes on one loopback port and
//! prints their base URLs, until stopped with Ctrl-C or SIGTERM: the first lets requests in
//! flight finish within the grace period (exit 0), a second stops at once (exit 130).

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use unbind_fake::{
    DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_SHUTDOWN_GRACE, Fake, Seed,
};

/// Local, stateful stand-ins for the MantaGo, Huawei OneAccess and Tencent CloudBase APIs.
#[derive(Debug, Parser)]
#[command(
    name = "unbind-fake",
    version,
    after_help = "Without --seed, the demo seed is served: bot demo-bot (secret demo-secret, \
token demo-token), OneAccess user demo (session demo-session, state token demo-state, \
verification code 123456), CloudBase access token demo-access-token (provider token \
demo-provider-token). They are fake credentials for a fake server.

Example:
  unbind-fake --port 8080"
)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// JSON file with the accounts, bindings and credentials to start with, at most 16 MiB
    /// (default: the demo seed).
    #[arg(long, value_name = "FILE")]
    seed: Option<PathBuf>,
    /// Milliseconds every answer waits before it is sent, as a remote provider would.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency_ms: u64,
    /// Milliseconds a connection may take to send a request's whole header, counted from when
    /// it is ready for one (opened, or its previous answer sent); it is then closed.
    #[arg(long, value_name = "MS", default_value_t = millis(DEFAULT_HEADER_READ_TIMEOUT))]
    header_read_timeout_ms: u64,
    /// Milliseconds a connection may stay silent while the fake waits for it (for a request,
    /// or the rest of a body); it is then closed.
    #[arg(long, value_name = "MS", default_value_t = millis(DEFAULT_IDLE_TIMEOUT))]
    idle_timeout_ms: u64,
    /// Milliseconds the first Ctrl-C (or SIGTERM) lets requests in flight finish before every
    /// connection is closed; a second Ctrl-C stops at once.
    #[arg(long, value_name = "MS", default_value_t = millis(DEFAULT_SHUTDOWN_GRACE))]
    shutdown_grace_ms: u64,
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// The exit status after a second Ctrl-C: 128 + SIGINT, as a shell reports an interrupt.
const INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let args = Args::parse();
    let seed = match &args.seed {
        Some(path) => match Seed::from_file(path) {
            Ok(seed) => seed,
            Err(error) => {
                eprintln!("unbind-fake: {error}");
                return ExitCode::from(2);
            }
        },
        None => Seed::demo(),
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("unbind-fake: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(run(args, seed));
    // Whatever is still running (after a second Ctrl-C) is not waited for.
    runtime.shutdown_background();
    code
}

async fn run(args: Args, seed: Seed) -> ExitCode {
    let started = Fake::builder()
        .seed(seed)
        .addr(SocketAddr::new(args.host, args.port))
        .latency(Duration::from_millis(args.latency_ms))
        .header_read_timeout(Duration::from_millis(args.header_read_timeout_ms))
        .idle_timeout(Duration::from_millis(args.idle_timeout_ms))
        .shutdown_grace(Duration::from_millis(args.shutdown_grace_ms))
        .start()
        .await;
    let fake = match started {
        Ok(fake) => fake,
        Err(error) => {
            eprintln!("unbind-fake: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Listening for signals before the URLs are out: a client that reads them and at once
    // sends Ctrl-C must find the handler in place.
    let mut signals = match Signals::new() {
        Ok(signals) => signals,
        Err(error) => {
            eprintln!("unbind-fake: cannot listen for Ctrl-C: {error}");
            return ExitCode::FAILURE;
        }
    };
    // A closed stdout is no reason to stop serving (nor to panic).
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "manta      {}", fake.manta_url())
        .and_then(|()| writeln!(stdout, "oneaccess  {}", fake.oneaccess_url()))
        .and_then(|()| writeln!(stdout, "cloudbase  {}", fake.cloudbase_url()))
        .and_then(|()| stdout.flush());
    drop(stdout);
    eprintln!("unbind-fake: serving; Ctrl-C to stop");
    signals.next().await;
    eprintln!("unbind-fake: stopping; Ctrl-C again to stop at once");
    tokio::select! {
        () = fake.stop() => ExitCode::SUCCESS,
        () = signals.next() => {
            eprintln!("unbind-fake: stopped at once");
            ExitCode::from(INTERRUPTED)
        }
    }
}

/// Ctrl-C (SIGINT) and, on Unix, SIGTERM.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    #[cfg(unix)]
    fn new() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
        })
    }

    #[cfg(not(unix))]
    fn new() -> std::io::Result<Self> {
        Ok(Signals {})
    }

    /// The next signal (or none ever again, if listening fails: then it returns at once).
    #[cfg(unix)]
    async fn next(&mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
    }

    #[cfg(not(unix))]
    async fn next(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
