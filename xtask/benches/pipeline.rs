//! The whole generation pipeline against progenitor alone, on the largest published document:
//! Clerk's Backend API (`tests/fixtures/published/clerk-bapi-2026-05-12.yaml`, about 106,000
//! generated lines).
//!
//! - **generate**: what `cargo xtask generate` does for one provider, in memory (no file
//!   read or written but the input): `spec::prepare` on the published text, as published,
//!   then `render::render` (progenitor, the rewrite passes, prettyplease).
//! - **progenitor**: `Generator::new(&settings).generate_tokens(&openapi)`, `syn::parse2` and
//!   `prettyplease::unparse`, with the same settings (`progenitor_run::settings`), on the same
//!   prepared document: the `openapiv3::OpenAPI` that `prepare` returns, written once by this
//!   process as JSON and read back by each child.
//!
//! The document needs no overlay: the four operations progenitor cannot express (three
//! `multipart/form-data` uploads, and `GET /public/interstitial` with `frontendApi` and
//! `frontend_api`, one Rust name) are left out by `prepare`, with a note each.
//!
//! Each variant runs in a child process (this binary again, `--child <variant>`), alternating,
//! [`ROUNDS`] times each (which goes first alternates too); each child's wall time (of the
//! work, measured inside it, and of the whole process), CPU time and peak RSS (from `wait4`,
//! and of any child of its, as the larger of the two) are reported as medians, and their
//! ratios. Exits 1 if a median ratio of wall time or peak RSS is over [`MAX_RATIO`]. Run with
//! `cargo bench -p xtask --bench pipeline` (an optimised build); `PIPELINE_ROUNDS=N` for
//! another number of rounds.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use xtask::spec::{Source, Text};

/// Rounds of each variant, unless `PIPELINE_ROUNDS` says otherwise.
const ROUNDS: usize = 5;
/// The target: generate at most this many times progenitor alone, in wall time and peak RSS.
const MAX_RATIO: f64 = 1.25;
const FIXTURE: &str = "tests/fixtures/published/clerk-bapi-2026-05-12.yaml";

/// The two variants, in the order of the first round.
const VARIANTS: [&str; 2] = ["generate", "progenitor"];

/// One child's run.
#[derive(Clone, Copy)]
struct Measured {
    /// The work alone, as the child timed it.
    work: Duration,
    /// The whole child process, start to exit.
    process: Duration,
    /// User + system CPU time, the child's and its children's.
    cpu: Duration,
    /// Peak resident set size, KiB.
    max_rss_kib: i64,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, variant, prepared] = &args[..]
        && flag == "--child"
    {
        return match child(variant, Path::new(prepared)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        };
    }
    match parent() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => fail("a target was missed"),
        Err(e) => fail(&e),
    }
}

fn fail(why: &str) -> ExitCode {
    eprintln!("bench pipeline: {why}");
    ExitCode::FAILURE
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Clerk as `cargo xtask generate` would read it from `specs/upstream/clerk.yaml`.
fn source() -> Result<Source, String> {
    let read = |path: &str| {
        std::fs::read_to_string(crate_dir().join(path))
            .map_err(|e| format!("cannot read {path}: {e}"))
    };
    Ok(Source::Published {
        upstream: Text {
            file: "specs/upstream/clerk.yaml".to_owned(),
            text: read(FIXTURE)?,
        },
        overlay: None,
    })
}

fn problems(found: Vec<xtask::Problem>) -> String {
    found
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One variant's work, timed; prints the work's time in nanoseconds and the output's length.
fn child(variant: &str, prepared: &Path) -> Result<(), String> {
    let (work, lines) = match variant {
        "generate" => {
            let source = source()?;
            let started = Instant::now();
            let prepared = xtask::spec::prepare(&source).map_err(problems)?;
            let code = xtask::render::render(&prepared.openapi, &source.name(), &source.sha256())
                .map_err(problems)?;
            (started.elapsed(), code.code.lines().count())
        }
        "progenitor" => {
            let json = std::fs::read_to_string(prepared)
                .map_err(|e| format!("cannot read {}: {e}", prepared.display()))?;
            let openapi: openapiv3::OpenAPI =
                serde_json::from_str(&json).map_err(|e| e.to_string())?;
            drop(json);
            let started = Instant::now();
            let tokens = progenitor::Generator::new(&xtask::progenitor_run::settings())
                .generate_tokens(&openapi)
                .map_err(|e| e.to_string())?;
            let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
            let code = prettyplease::unparse(&file);
            (started.elapsed(), code.lines().count())
        }
        other => return Err(format!("no variant {other}")),
    };
    println!("{} {lines}", work.as_nanos());
    Ok(())
}

fn parent() -> Result<bool, String> {
    let rounds = match std::env::var("PIPELINE_ROUNDS") {
        Ok(n) => n.parse().map_err(|e| format!("PIPELINE_ROUNDS: {e}"))?,
        Err(_) => ROUNDS,
    };
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a directory: {e}"))?;
    let prepared = dir.path().join("clerk.prepared.json");
    let document = xtask::spec::prepare(&source()?).map_err(problems)?;
    let json = serde_json::to_string(&document.openapi).map_err(|e| e.to_string())?;
    std::fs::write(&prepared, json).map_err(|e| format!("cannot write: {e}"))?;
    let mut runs: [Vec<Measured>; 2] = [Vec::new(), Vec::new()];
    let mut lines = [0; 2];
    for round in 0..rounds {
        for k in 0..2 {
            let v = (round + k) % 2;
            let (measured, n) = measure(VARIANTS[v], &prepared)?;
            runs[v].push(measured);
            lines[v] = n;
            eprintln!(
                "round {}: {:<10} work {:>6.2} s, process {:>6.2} s, CPU {:>6.2} s, peak RSS {:>6.1} MiB",
                round + 1,
                VARIANTS[v],
                measured.work.as_secs_f64(),
                measured.process.as_secs_f64(),
                measured.cpu.as_secs_f64(),
                mib(measured.max_rss_kib),
            );
        }
    }
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!(
        "Clerk Backend API, {rounds} alternating rounds, {cores} cores; medians \
         (generate: {} lines; progenitor: {} lines; both printed by prettyplease)",
        lines[0], lines[1]
    );
    let median = |v: usize, f: &dyn Fn(&Measured) -> f64| {
        let mut values: Vec<f64> = runs[v].iter().map(f).collect();
        values.sort_by(f64::total_cmp);
        let n = values.len();
        if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        }
    };
    type Field = (&'static str, &'static str, fn(&Measured) -> f64);
    let fields: [Field; 4] = [
        ("work, wall", "s", |m| m.work.as_secs_f64()),
        ("process, wall", "s", |m| m.process.as_secs_f64()),
        ("process, CPU", "s", |m| m.cpu.as_secs_f64()),
        ("peak RSS", "MiB", |m| mib(m.max_rss_kib)),
    ];
    let mut ratios = Vec::new();
    for (name, unit, f) in fields {
        let (generate, alone) = (median(0, &f), median(1, &f));
        let ratio = generate / alone;
        println!(
            "{name:<14} generate {generate:>8.2} {unit:<3}  progenitor {alone:>8.2} {unit:<3}  ratio {ratio:.3}"
        );
        ratios.push(ratio);
    }
    println!("target: work wall and peak RSS ratios <= {MAX_RATIO}");
    Ok(ratios[0] <= MAX_RATIO && ratios[3] <= MAX_RATIO)
}

fn mib(kib: i64) -> f64 {
    kib as f64 / 1024.0
}

/// Runs this binary as `--child variant`; what it measured, and the output's line count.
fn measure(variant: &str, prepared: &PathBuf) -> Result<(Measured, usize), String> {
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().map_err(|e| e.to_string())?)
        .arg("--child")
        .arg(variant)
        .arg(prepared)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let mut said = String::new();
    stdout
        .read_to_string(&mut said)
        .map_err(|e| format!("cannot read the child: {e}"))?;
    let (status, usage) = wait4(child.id())?;
    let process = started.elapsed();
    if status != 0 {
        return Err(format!("{variant} exited with wait status {status}"));
    }
    let mut words = said.split_whitespace().map(str::parse::<u64>);
    let (Some(Ok(nanos)), Some(Ok(lines))) = (words.next(), words.next()) else {
        return Err(format!("{variant} said {said:?}"));
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    Ok((
        Measured {
            work: Duration::from_nanos(nanos),
            process,
            cpu: time(usage.ru_utime) + time(usage.ru_stime),
            max_rss_kib: usage.ru_maxrss,
        },
        lines as usize,
    ))
}

/// Waits for the child `pid`: its wait status and resource usage (its own and that of the
/// children it waited for; `ru_maxrss` is the larger peak, in KiB).
fn wait4(pid: u32) -> Result<(i32, libc::rusage), String> {
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
    Ok((status, usage))
}
