//! `unbind-fake`: serves the MantaGo, OneAccess and CloudBase fakes on one loopback port and
//! prints their base URLs, until stopped with Ctrl-C.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use unbind_fake::{Fake, Seed};

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
}

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
    runtime.block_on(async {
        let started = Fake::builder()
            .seed(seed)
            .addr(SocketAddr::new(args.host, args.port))
            .latency(Duration::from_millis(args.latency_ms))
            .start()
            .await;
        let fake = match started {
            Ok(fake) => fake,
            Err(error) => {
                eprintln!("unbind-fake: {error}");
                return ExitCode::FAILURE;
            }
        };
        println!("manta      {}", fake.manta_url());
        println!("oneaccess  {}", fake.oneaccess_url());
        println!("cloudbase  {}", fake.cloudbase_url());
        eprintln!("unbind-fake: serving; Ctrl-C to stop");
        if let Err(error) = tokio::signal::ctrl_c().await {
            eprintln!("unbind-fake: cannot wait for Ctrl-C: {error}");
        }
        fake.stop().await;
        ExitCode::SUCCESS
    })
}
