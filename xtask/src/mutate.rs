//! `cargo xtask mutate`: the xtask never panics and never hangs on input.
//!
//! Mutates the workspace's specs and the xtask's test fixtures (delete a key, change a type,
//! duplicate a name, nest deeply, inject prose, retarget a `$ref`, make up an overlay…, alone
//! and combined) and runs each mutant through the pipeline in memory:
//! [`crate::spec::prepare`], [`crate::render::syntax`] and prettyplease. Every
//! [`FULL_EVERY`]-th mutant, and every one that changed `info`, goes through the whole
//! [`crate::plan`] (scaffold and rustfmt included) in a throwaway workspace.
//!
//! A mutant passes when it ends in success or in problems, each naming one of its input files.
//! It fails when something panics (caught here: progenitor's own panics are caught inside
//! `render`, so one that reaches this module is a defect), when it does not finish within its
//! deadline, when it ends in no problem at all, when a problem names a file that is not an
//! input, or when the files it would write do not parse as the scaffold writes them.
//!
//! The command runs the mutants in a worker process of its own executable, killed and started
//! again after a hang or a crash, so that one run reports every failure; `cargo test` runs a
//! few hundred on threads of the test process ([`run_many`] without a worker).
//!
//! Mutant `N` of seed `S` depends only on `(S, N)` and the inputs: `--seed S --index N`
//! reproduces it alone, and a failing mutant's files are written below `target/mutants/`, as a
//! regression case for `xtask/tests/fixtures/mutants/` ([`case_files`]).

mod case_runs;
mod cases;
mod inputs;
mod mutant;
mod ops;
mod pipeline;
mod rng;
mod tree;
mod workers;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use case_runs::run_cases;
pub use case_runs::{CaseResult, check_cases};
pub use cases::{case_files, cases};
pub use inputs::{Input, corpus};
pub use mutant::{FULL_EVERY, Mutant, mutant};
pub use pipeline::{Verdict, guarded, run};
pub use rng::Rng;
use workers::serve;
pub use workers::{Figures, PROGENITOR_LIMIT, Settings, run_many};

/// Runs `cargo xtask mutate` with its `flags` on the workspace at `root`.
/// Exit code: 0 every mutant passed, 1 one failed.
pub fn run_command(
    root: &Path,
    flags: &crate::flags::Mutate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let crate::flags::Mutate {
        count,
        seed,
        seconds,
        index: only,
        deadline,
        ..
    } = *flags;
    if let Some(worker) = &flags.worker {
        let workspace = worker.first().filter(|dir| *dir != "-").map(Path::new);
        // Well within the parent's deadline per mutant: progenitor given up on a document
        // typify merges slowly is a located problem, not a hang.
        let limit = worker.get(1).and_then(|ms| ms.parse().ok());
        crate::progenitor_run::set_deadline(limit.map_or(PROGENITOR_LIMIT, Duration::from_millis));
        return serve(root, workspace, std::io::stdin().lock(), out);
    }
    if let Some(dir) = &flags.cases {
        return run_cases(&root.join(dir), Duration::from_secs(deadline), out, err);
    }
    let corpus = corpus(root);
    let scratch = match crate::scratch::Scratch::new("mutate") {
        Ok(scratch) => scratch,
        Err(e) => {
            let _ = writeln!(err, "error: cannot make the throwaway workspace: {e}");
            return 1;
        }
    };
    let settings = Settings {
        seed,
        indices: only.map_or(0..count, |index| index..index + 1),
        seconds: seconds.map(Duration::from_secs),
        deadline: Duration::from_secs(deadline),
        workspace: Some(scratch.path().to_path_buf()),
        running: Some(scratch.path().join("running.txt")),
        worker: std::env::current_exe().ok(),
        progenitor: PROGENITOR_LIMIT,
    };
    let _ = writeln!(
        out,
        "mutating {} inputs ({} specs and fixtures): seed {seed}, mutants {:?}",
        corpus.len(),
        corpus.len(),
        settings.indices
    );
    let kept = crate::target_dir().join("mutants");
    let figures = run_many(&corpus, &settings, &mut |mutant, verdict| {
        let folder = kept.join(format!("{}-{}", mutant.seed, mutant.index));
        let saved = save(&folder, mutant, verdict).map_or_else(
            |e| format!("(cannot save it: {e})"),
            |()| folder.display().to_string(),
        );
        let _ = writeln!(
            err,
            "FAILED {}\n  {verdict}\n  files: {saved}",
            mutant.describe()
        );
    });
    let _ = writeln!(out, "{}", figures.summary());
    if figures.failures.is_empty() {
        0
    } else {
        let _ = writeln!(err, "error: {} mutant(s) failed:", figures.failures.len());
        for (mutant, verdict) in &figures.failures {
            let _ = writeln!(err, "  {}\n    {verdict}", mutant.describe());
        }
        1
    }
}

/// Writes a failed mutant's files to `folder`, as a regression case named `mutant` (see
/// [`case_files`]), with `mutant.txt` saying what it is and how it failed.
fn save(folder: &Path, mutant: &Mutant, verdict: &Verdict) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for (name, text) in case_files("mutant", &mutant.source) {
        std::fs::write(folder.join(name), text)?;
    }
    std::fs::write(
        folder.join("mutant.txt"),
        format!("{}\n{verdict}\n", mutant.describe()),
    )
}
