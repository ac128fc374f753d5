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

mod cases;
mod inputs;
mod ops;
mod pipeline;
mod rng;
mod tree;
mod workers;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::spec::{OVERLAY_SUFFIX, Source, Text};

use cases::run_cases;
pub use cases::{CaseResult, case_files, cases, check_cases};
pub use inputs::{Input, corpus};
pub use pipeline::{Verdict, guarded, run};
pub use rng::Rng;
use workers::serve;
pub use workers::{Figures, PROGENITOR_LIMIT, Settings, run_many};

/// Every this many mutants, one goes through the whole `plan` (rustfmt and the scaffold).
pub const FULL_EVERY: u64 = 20;

/// One mutated input.
#[derive(Clone, Debug)]
pub struct Mutant {
    /// The seed it was drawn with.
    pub seed: u64,
    /// Its number under that seed.
    pub index: u64,
    /// The provider name its files are filed under.
    pub provider: String,
    /// The input it was made from ([`Source::name`]).
    pub input: String,
    /// The file that was mutated.
    pub file: String,
    /// What was done to it, in order.
    pub mutations: Vec<String>,
    /// The mutated files.
    pub source: Source,
}

impl Mutant {
    /// Whether it changed the document's `info` (which the scaffold writes into files).
    fn touches_info(&self) -> bool {
        self.mutations.iter().any(|m| m.contains("/info"))
    }

    /// How to reproduce it and what it is, in a few lines.
    pub fn describe(&self) -> String {
        format!(
            "mutant {index} of seed {seed} (cargo xtask mutate --seed {seed} --index {index}): {file} of {input}, {mutations}",
            index = self.index,
            seed = self.seed,
            file = self.file,
            input = self.input,
            mutations = self.mutations.join("; then "),
        )
    }
}

/// Mutant `index` of `seed`, drawn from `corpus` (which must not be empty).
pub fn mutant(corpus: &[Input], seed: u64, index: u64) -> Mutant {
    let mut rng = Rng::for_mutant(seed, index);
    let total: u64 = corpus.iter().map(|input| input.weight.max(1)).sum();
    let mut draw = rng.next_u64() % total.max(1);
    let input = corpus
        .iter()
        .find(|input| {
            let weight = input.weight.max(1);
            draw < weight || {
                draw -= weight;
                false
            }
        })
        .unwrap_or(&corpus[0]);
    let mut source = input.source.clone();
    let mut mutations = Vec::new();
    // A published document without an overlay sometimes gets one made up.
    if let Source::Published {
        upstream,
        overlay: overlay @ None,
    } = &mut source
        && rng.percent(30)
        && let Ok(doc) = parse_document(upstream)
    {
        let (made, done) = ops::synthesize_overlay(&mut rng, &doc);
        *overlay = Some(Text {
            file: format!("specs/{}{OVERLAY_SUFFIX}", input.provider),
            text: serde_norway::to_string(&made).unwrap_or_default(),
        });
        mutations.push(done);
    }
    let target = pick(&mut rng, &mut source);
    let json = target.file.ends_with(".json");
    let overlay = target.file.ends_with(OVERLAY_SUFFIX);
    let structural = *rng.pick(&[0, 1, 1, 1, 1, 2, 2, 3]).expect("not empty");
    if structural > 0
        && let Ok(mut doc) = parse_document(target)
    {
        let before = mutations.len();
        for _ in 0..structural {
            if let Some(done) = ops::mutate_document(&mut rng, &mut doc, overlay) {
                mutations.push(done);
            }
        }
        if mutations.len() > before {
            let printed = if json {
                serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
            } else {
                serde_norway::to_string(&doc).map_err(|e| e.to_string())
            };
            match printed {
                Ok(text) => target.text = text,
                Err(e) => mutations.push(format!("(cannot print the mutated document: {e})")),
            }
        }
    }
    if mutations.is_empty() || rng.percent(25) {
        for _ in 0..4 {
            if let Some((text, done)) = ops::mutate_text(&mut rng, &target.text, json) {
                target.text = text;
                mutations.push(done);
                break;
            }
        }
    }
    if mutations.is_empty() {
        mutations.push("none (no mutation applied)".to_owned());
    }

    Mutant {
        seed,
        index,
        provider: input.provider.clone(),
        input: input.source.name(),
        file: target.file.clone(),
        mutations,
        source,
    }
}

/// A file's text parsed as a document (JSON for `.json`, else YAML).
fn parse_document(text: &Text) -> Result<Value, String> {
    if text.file.ends_with(".json") {
        serde_json::from_str(&text.text).map_err(|e| e.to_string())
    } else {
        serde_norway::from_str(&text.text).map_err(|e| e.to_string())
    }
}

/// The file of `source` to mutate: an overlay more often than the document it adapts.
fn pick<'a>(rng: &mut Rng, source: &'a mut Source) -> &'a mut Text {
    match source {
        Source::Spec(spec) => spec,
        Source::Published {
            upstream,
            overlay: Some(overlay),
        } => {
            if rng.percent(60) {
                overlay
            } else {
                upstream
            }
        }
        Source::Published { upstream, .. } => upstream,
        Source::Kept { spec, keep } => {
            if rng.percent(30) {
                keep
            } else {
                pick(rng, spec)
            }
        }
    }
}

/// The files of `source`.
fn files(source: &Source) -> Vec<&Text> {
    match source {
        Source::Spec(spec) => vec![spec],
        Source::Published { upstream, overlay } => {
            std::iter::once(upstream).chain(overlay).collect()
        }
        Source::Kept { spec, keep } => {
            let mut files = files(spec);
            files.push(keep);
            files
        }
    }
}

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
