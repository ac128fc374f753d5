//! Bulk unbinding end to end: the real `unbind` binary against the CloudBase fake
//! (`unbind-fake`), which answers every call after 20 ms, as a remote provider would.
//!
//! - 10,000 accounts at `--concurrency 32`;
//! - a sample of 300 accounts at `--concurrency 1` (all 10,000 one at a time would take over
//!   3 minutes; 300 take about 6 s, enough for a steady rate).
//!
//! Reports each run's throughput in accounts per second, their ratio, and each child's peak
//! RSS (from `wait4`), and exits 1 if the ratio is under 8 (the ideal is 32) or a peak RSS is
//! over 64 MiB. Run with `cargo bench -p unbind-cli --bench bulk` (an optimised build).

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use unbind_fake::{CloudBaseBinding, CloudBaseSeed, CloudBaseUser, Fake, Seed};

/// How long the server takes to answer each unbind.
const DELAY: Duration = Duration::from_millis(20);
const ACCOUNTS: usize = 10_000;
const CONCURRENCY: u16 = 32;
const SAMPLE: usize = 300;
const MIN_RATIO: f64 = 8.0;
const MAX_RSS_KIB: i64 = 64 * 1024;
const TOKEN: &str = "bench-token-0123456789abcdef";

/// One run of the binary.
struct Measured {
    accounts: usize,
    concurrency: u16,
    elapsed: Duration,
    /// Peak resident set size, KiB.
    max_rss_kib: i64,
}

impl Measured {
    fn per_second(&self) -> f64 {
        self.accounts as f64 / self.elapsed.as_secs_f64()
    }
}

fn main() -> ExitCode {
    // The server's runtime: one worker thread, the child gets the other core.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(&format!("cannot start the runtime: {e}")),
    };
    let (uri, _fake) = match runtime.block_on(server(DELAY)) {
        Ok(started) => started,
        Err(e) => return fail(&format!("cannot start the fake: {e}")),
    };
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => return fail(&format!("cannot make a temporary directory: {e}")),
    };
    let mut runs = Vec::new();
    for (accounts, concurrency) in [(ACCOUNTS, CONCURRENCY), (SAMPLE, 1)] {
        match measure(&uri, dir.path(), accounts, concurrency) {
            Ok(measured) => runs.push(measured),
            Err(e) => return fail(&e),
        }
    }
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!(
        "bulk unbind, CloudBase fake answering after {} ms, {cores} cores",
        DELAY.as_millis()
    );
    for run in &runs {
        println!(
            "--concurrency {:>2}: {:>6} accounts in {:>6.2} s = {:>7.1} accounts/s, peak RSS {:.1} MiB",
            run.concurrency,
            run.accounts,
            run.elapsed.as_secs_f64(),
            run.per_second(),
            run.max_rss_kib as f64 / 1024.0
        );
    }
    let ratio = runs[0].per_second() / runs[1].per_second();
    let peak = runs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0);
    println!(
        "throughput ratio {ratio:.1} (target >= {MIN_RATIO}, ideal {CONCURRENCY}); \
         peak RSS {:.1} MiB (limit {} MiB)",
        peak as f64 / 1024.0,
        MAX_RSS_KIB / 1024
    );
    if ratio < MIN_RATIO || peak > MAX_RSS_KIB {
        return fail("a target was missed");
    }
    ExitCode::SUCCESS
}

fn fail(why: &str) -> ExitCode {
    eprintln!("bench bulk: {why}");
    ExitCode::FAILURE
}

/// Runs `unbind cloudbase unbind --from` over `accounts` new accounts at `concurrency`, and
/// checks that each was unbound and journaled once.
fn measure(uri: &str, dir: &Path, accounts: usize, concurrency: u16) -> Result<Measured, String> {
    let input = dir.join(format!("accounts-{concurrency}.jsonl"));
    let journal = dir.join(format!("journal-{concurrency}.jsonl"));
    let text: String = (0..accounts)
        .map(|i| format!("{{\"provider_id\":\"{}\"}}\n", source(concurrency, i)))
        .collect();
    std::fs::write(&input, text).map_err(|e| format!("cannot write the input: {e}"))?;
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_unbind"))
        .args(["--json", "cloudbase", "unbind", "--base-url", uri, "--from"])
        .arg(&input)
        .arg("--journal")
        .arg(&journal)
        .args(["--concurrency", &concurrency.to_string()])
        .env_clear()
        .env("CLOUDBASE_ACCESS_TOKEN", TOKEN)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start unbind: {e}"))?;
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let (status, max_rss_kib) = wait4(child.id())?;
    let elapsed = started.elapsed();
    let mut summary = String::new();
    stdout
        .read_to_string(&mut summary)
        .map_err(|e| format!("cannot read the summary: {e}"))?;
    if status != 0 {
        return Err(format!(
            "unbind exited with wait status {status}: {summary}"
        ));
    }
    let summary: serde_json::Value =
        serde_json::from_str(&summary).map_err(|e| format!("{e}: {summary}"))?;
    if summary["unbound"] != accounts {
        return Err(format!("not every account was unbound: {summary}"));
    }
    let journaled = std::fs::read_to_string(&journal)
        .map_err(|e| format!("cannot read the journal: {e}"))?
        .lines()
        .count();
    if journaled != accounts {
        return Err(format!("{journaled} journal lines for {accounts} accounts"));
    }
    Ok(Measured {
        accounts,
        concurrency,
        elapsed,
        max_rss_kib,
    })
}

/// Waits for the child `pid`; its wait status and peak RSS in KiB (`ru_maxrss` on Linux).
fn wait4(pid: u32) -> Result<(i32, i64), String> {
    let pid = libc::pid_t::try_from(pid).map_err(|e| e.to_string())?;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, for which all zeroes is a valid value.
    #[allow(unsafe_code, reason = "FFI: wait4 reports the child's peak RSS")]
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live locals of the right types; `pid` is our own child,
    // which std's `Child` has not waited for.
    #[allow(unsafe_code, reason = "FFI: wait4 reports the child's peak RSS")]
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    Ok((status, usage.ru_maxrss))
}

/// The CloudBase fake (`unbind-fake`) answering every call after `delay`, with one user (the
/// bench's token) bound to every identity source the two runs unbind. Its exchange log is off,
/// so its memory stays flat however many requests it serves. Returns CloudBase's base URL and
/// the running fake.
async fn server(delay: Duration) -> Result<(String, Fake), String> {
    let ids = [(ACCOUNTS, CONCURRENCY), (SAMPLE, 1)]
        .into_iter()
        .flat_map(|(accounts, concurrency)| (0..accounts).map(move |i| source(concurrency, i)));
    let bound = ids
        .map(|provider_id| CloudBaseBinding {
            provider_id,
            provider_user_name: None,
        })
        .collect();
    let seed = Seed {
        cloudbase: CloudBaseSeed {
            users: vec![CloudBaseUser {
                access_tokens: vec![TOKEN.to_owned()],
                bound,
            }],
            ..CloudBaseSeed::default()
        },
        ..Seed::default()
    };
    let fake = Fake::builder()
        .seed(seed)
        .latency(delay)
        .start()
        .await
        .map_err(|e| e.to_string())?;
    Ok((fake.cloudbase_url(), fake))
}

/// The identity source id of account `i` of the run at `concurrency`.
fn source(concurrency: u16, i: usize) -> String {
    format!("source-{concurrency}-{i}")
}
