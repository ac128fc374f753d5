//! `cargo xtask diff` on the Kratos pair (`tests/fixtures/published/kratos-2026-05-04.json` →
//! `kratos-2026-07-29.json`) against one generation of the new side, in one run:
//!
//! - **generate**: what `cargo xtask generate kratos` does, in memory (`xtask::plan`: the
//!   document read, `spec::prepare`, `render`, the manifest kept in step; nothing written), in
//!   a scratch workspace whose `specs/upstream/kratos.json` is the 07-29 document;
//! - **diff files**: `cargo xtask diff --from <05-04> --to <07-29>` (no committed code);
//! - **diff committed**: `cargo xtask diff kratos` in the same workspace, a git repository
//!   whose HEAD holds the 05-04 document and the client generated from it, with the 07-29
//!   document in the working tree.
//!
//! The three alternate, [`ROUNDS`] times (which goes first rotates); each is timed in this
//! process: wall time, and CPU time (user + system of the whole process, from `getrusage`, so
//! that work done on other threads counts). Medians, and each diff's ratio to generate, are
//! printed. Exits 1 if a diff's median wall time is over [`MAX_RATIO`] times generate's. Run
//! with `cargo bench -p xtask --bench diff` (an optimised build); `DIFF_ROUNDS=N` for another
//! number of rounds.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// Rounds of each variant, unless `DIFF_ROUNDS` says otherwise.
const ROUNDS: usize = 5;
/// The target: a diff costs at most this many times one generation of the new side.
const MAX_RATIO: f64 = 1.5;
const OLD: &str = "tests/fixtures/published/kratos-2026-05-04.json";
const NEW: &str = "tests/fixtures/published/kratos-2026-07-29.json";
const VARIANTS: [&str; 3] = ["generate", "diff files", "diff committed"];

/// One timed run.
#[derive(Clone, Copy)]
struct Measured {
    wall: Duration,
    cpu: Duration,
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => fail("a target was missed"),
        Err(e) => fail(&e),
    }
}

fn fail(why: &str) -> ExitCode {
    eprintln!("bench diff: {why}");
    ExitCode::FAILURE
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn run() -> Result<bool, String> {
    let rounds = match std::env::var("DIFF_ROUNDS") {
        Ok(n) => n.parse().map_err(|e| format!("DIFF_ROUNDS: {e}"))?,
        Err(_) => ROUNDS,
    };
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a directory: {e}"))?;
    let root = dir.path();
    committed_workspace(root)?;
    let (old, new) = (fixture(OLD), fixture(NEW));
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    let files = ["diff", "--from", &old, "--to", &new];
    let mut reports = [String::new(), String::new()];
    let mut runs: [Vec<Measured>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for round in 0..rounds {
        for k in 0..3 {
            let v = (round + k) % 3;
            let (started, cpu) = (Instant::now(), cpu_time());
            match v {
                0 => {
                    let outputs = xtask::plan(root, Some("kratos")).map_err(|p| {
                        p.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("\n")
                    })?;
                    std::hint::black_box(outputs);
                }
                1 => reports[0] = xtask_ok(root, &files)?,
                _ => reports[1] = xtask_ok(root, &["diff", "kratos"])?,
            }
            let measured = Measured {
                wall: started.elapsed(),
                cpu: cpu_time() - cpu,
            };
            eprintln!(
                "round {}: {:<14} wall {:>6.3} s, CPU {:>6.3} s",
                round + 1,
                VARIANTS[v],
                measured.wall.as_secs_f64(),
                measured.cpu.as_secs_f64(),
            );
            runs[v].push(measured);
        }
    }
    let first_line = |report: &str| report.lines().next().unwrap_or_default().to_owned();
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!("Kratos 05-04 → 07-29, {rounds} rounds, {cores} cores; medians");
    println!("  diff files:     {}", first_line(&reports[0]));
    println!("  diff committed: {}", first_line(&reports[1]));
    let median = |v: usize, f: fn(&Measured) -> Duration| {
        let mut values: Vec<f64> = runs[v].iter().map(|m| f(m).as_secs_f64()).collect();
        values.sort_by(f64::total_cmp);
        let n = values.len();
        if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        }
    };
    let mut met = true;
    for (name, f) in [
        ("wall", (|m| m.wall) as fn(&Measured) -> Duration),
        ("CPU", |m| m.cpu),
    ] {
        let generate = median(0, f);
        print!("{name:<5} generate {generate:>6.3} s");
        for (v, variant) in VARIANTS.iter().enumerate().skip(1) {
            let ratio = median(v, f) / generate;
            print!("  {variant} {:>6.3} s ({ratio:.2}×)", median(v, f));
            met &= name != "wall" || ratio <= MAX_RATIO;
        }
        println!();
    }
    println!("target: each diff's wall time <= {MAX_RATIO} × generate's");
    Ok(met)
}

/// `cargo xtask <args>` on `root`: its stdout, or why it failed.
fn xtask_ok(root: &Path, args: &[&str]) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = xtask::cli::run(root, &args, &mut out, &mut err);
    if code != 0 {
        return Err(format!(
            "xtask {args:?} exited {code}: {}",
            String::from_utf8_lossy(&err)
        ));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A git repository at `root` whose HEAD holds the 05-04 document as
/// `specs/upstream/kratos.json` and the crate generated from it; the working tree holds the
/// 07-29 document.
fn committed_workspace(root: &Path) -> Result<(), String> {
    let upstream = root.join("specs/upstream");
    std::fs::create_dir_all(&upstream).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(root.join("crates")).map_err(|e| e.to_string())?;
    let copy = |from: &str| {
        std::fs::copy(fixture(from), upstream.join("kratos.json"))
            .map(drop)
            .map_err(|e| format!("cannot copy {from}: {e}"))
    };
    copy(OLD)?;
    xtask_ok(root, &["generate"])?;
    for args in [
        &["init", "--quiet"][..],
        &["add", "."],
        &["commit", "--quiet", "-m", "kratos 2026-05-04"],
    ] {
        let out = Command::new("git")
            .args([
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@example.invalid",
            ])
            .args(args)
            .current_dir(root)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!("git {args:?}: {out:?}"));
        }
    }
    copy(NEW)
}

/// The CPU time (user + system) of this process so far, every thread's.
fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data, for which all zeroes is a valid value.
    #[allow(unsafe_code, reason = "FFI: getrusage reports the process's CPU time")]
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is to a live local of the right type.
    #[allow(unsafe_code, reason = "FFI: getrusage reports the process's CPU time")]
    let done = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    if done != 0 {
        return Duration::ZERO;
    }
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}
