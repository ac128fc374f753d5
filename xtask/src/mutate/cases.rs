//! The regression cases kept in xtask/tests/fixtures/mutants/: written from a failing mutant,
//! read back and run (`cargo xtask mutate --cases DIR`).

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use super::inputs::provider_name;
use super::workers::Worker;
use super::{Input, PROGENITOR_LIMIT, Verdict};
use crate::spec::{KEEP_SUFFIX, OVERLAY_SUFFIX, Source, Text, UPSTREAM_DIR};

/// The files of a regression case, as `xtask/tests/fixtures/mutants/` keeps them: `<name>.yaml`
/// is a hand-written spec; `<name>.json` a published document; `<name>.overlay.yaml` an overlay
/// applied to the `<name>.json` (or `<name>.upstream.yaml`) beside it; `<name>.keep.yaml` a
/// keep list of either.
pub fn case_files(name: &str, source: &Source) -> Vec<(String, String)> {
    match source {
        Source::Kept { spec, keep } => {
            let mut files = case_files(name, spec);
            files.push((format!("{name}{KEEP_SUFFIX}"), keep.text.clone()));
            files
        }
        Source::Spec(spec) => vec![(format!("{name}.yaml"), spec.text.clone())],
        Source::Published { upstream, overlay } => {
            let ext = if upstream.file.ends_with(".json") {
                "json"
            } else {
                "upstream.yaml"
            };
            std::iter::once((format!("{name}.{ext}"), upstream.text.clone()))
                .chain(
                    overlay
                        .iter()
                        .map(|o| (format!("{name}{OVERLAY_SUFFIX}"), o.text.clone())),
                )
                .collect()
        }
    }
}

/// The regression cases in `dir` (see [`case_files`]), by name, sorted: each a provider name
/// and its files.
pub fn cases(dir: &Path) -> std::io::Result<Vec<(String, Input)>> {
    let mut names = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        for suffix in [
            OVERLAY_SUFFIX,
            KEEP_SUFFIX,
            ".upstream.yaml",
            ".yaml",
            ".json",
        ] {
            if let Some(stem) = name.strip_suffix(suffix) {
                names.insert(stem.to_owned());
                break;
            }
        }
    }
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).ok();
    let mut cases = Vec::new();
    for name in names {
        let provider = provider_name(&name);
        let overlay = read(&format!("{name}{OVERLAY_SUFFIX}")).map(|text| Text {
            file: format!("specs/{provider}{OVERLAY_SUFFIX}"),
            text,
        });
        let source = if let Some(text) = read(&format!("{name}.json")) {
            Source::Published {
                upstream: Text {
                    file: format!("specs/{UPSTREAM_DIR}/{provider}.json"),
                    text,
                },
                overlay,
            }
        } else if let Some(text) = read(&format!("{name}.upstream.yaml")) {
            Source::Published {
                upstream: Text {
                    file: format!("specs/{UPSTREAM_DIR}/{provider}.yaml"),
                    text,
                },
                overlay,
            }
        } else if let Some(text) = read(&format!("{name}.yaml")) {
            Source::Spec(Text {
                file: format!("specs/{provider}.yaml"),
                text,
            })
        } else {
            continue;
        };
        let source = match read(&format!("{name}{KEEP_SUFFIX}")) {
            Some(text) => Source::Kept {
                spec: Box::new(source),
                keep: Text {
                    file: format!("specs/{provider}{KEEP_SUFFIX}"),
                    text,
                },
            },
            None => source,
        };
        cases.push((
            name,
            Input {
                provider,
                source,
                weight: 1,
            },
        ));
    }
    Ok(cases)
}

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
