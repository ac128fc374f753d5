//! The regression cases run (`cargo xtask mutate --cases DIR`), each in a worker process.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use super::cases::cases;
use super::pipeline::Verdict;
use super::workers::{PROGENITOR_LIMIT, Worker};

/// `cargo xtask mutate --cases DIR`: [`check_cases`], one line each.
pub(crate) fn run_cases(
    dir: &Path,
    deadline: Duration,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let scratch = match crate::scratch::Scratch::new("mutate-cases") {
        Ok(scratch) => scratch,
        Err(e) => {
            let _ = writeln!(err, "error: cannot make the throwaway workspace: {e}");
            return 1;
        }
    };
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            let _ = writeln!(err, "error: cannot find the xtask's executable: {e}");
            return 1;
        }
    };
    let results = match check_cases(&exe, dir, scratch.path(), deadline, PROGENITOR_LIMIT) {
        Ok(results) => results,
        Err(e) => {
            let _ = writeln!(err, "error: cannot list {}: {e}", dir.display());
            return 2;
        }
    };
    for result in &results {
        let _ = writeln!(out, "{result}");
    }
    let failed = results.iter().filter(|r| r.verdict.failed()).count();
    if failed > 0 {
        let _ = writeln!(err, "error: {failed} of {} run(s) failed", results.len());
        return 1;
    }
    0
}

/// How one regression case ended, in one of its two runs.
#[derive(Clone, Debug)]
pub struct CaseResult {
    /// The case's name (its files' stem).
    pub name: String,
    /// `in memory` or `plan` (in the throwaway workspace).
    pub how: &'static str,
    /// How it ended.
    pub verdict: Verdict,
    /// How long it took.
    pub time: Duration,
}

impl std::fmt::Display for CaseResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} in {:.2?}",
            self.name, self.how, self.verdict, self.time
        )
    }
}

/// Runs each regression case in `dir` ([`cases`]) in memory, then through the whole `plan` in
/// `workspace`, each in a worker process of the xtask's executable `exe` that is killed if the
/// case takes longer than `deadline`, and that gives progenitor up after `progenitor`.
pub fn check_cases(
    exe: &Path,
    dir: &Path,
    workspace: &Path,
    deadline: Duration,
    progenitor: Duration,
) -> std::io::Result<Vec<CaseResult>> {
    let mut results = Vec::new();
    let mut worker: Option<Worker> = None;
    for (name, _) in cases(dir)? {
        for (full, how) in [(0, "in memory"), (1, "plan")] {
            let started = Instant::now();
            let verdict = match &mut worker {
                Some(worker) => Ok(worker),
                None => Worker::start(exe, Some(workspace), progenitor)
                    .map(|started| worker.insert(started)),
            }
            .map_or_else(
                |e| Verdict::Crash(format!("cannot start a worker process: {e}")),
                |w| w.ask_line(&format!("case {full} {name} {}", dir.display()), deadline),
            );
            if matches!(verdict, Verdict::Hang(_) | Verdict::Crash(_))
                || worker.as_ref().is_some_and(|w| w.spent)
            {
                worker = None;
            }
            results.push(CaseResult {
                name: name.clone(),
                how,
                verdict,
                time: started.elapsed(),
            });
        }
    }
    Ok(results)
}
