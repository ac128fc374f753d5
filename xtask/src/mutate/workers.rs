//! Many mutants at once: on threads of this process, or in worker processes of this executable
//! that are started again after a hang or a crash, with the [`Figures`] of the run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::cases::cases;
use super::inputs::{Input, corpus};
use super::mutant::{FULL_EVERY, Mutant, mutant};
use super::pipeline::{Verdict, run};

/// What a run of many mutants found.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Mutants run.
    pub run: u64,
    /// Ended in success.
    pub successes: u64,
    /// Ended in located problems.
    pub problems: u64,
    /// Ran through the whole `plan` (rustfmt and the scaffold included).
    pub full: u64,
    /// Each failed mutant, with its verdict.
    pub failures: Vec<(Mutant, Verdict)>,
    /// The slowest mutant: its index, what it was, and its time.
    pub slowest: Option<(u64, String, Duration)>,
    /// The whole run's time.
    pub total: Duration,
    /// Whether the time bound stopped the run early (or a hang did).
    pub stopped: Option<String>,
}

impl Figures {
    /// Failures whose verdict is a panic.
    pub fn panics(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Panic(_)))
    }

    /// Failures whose verdict is a hang.
    pub fn hangs(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Hang(_)))
    }

    /// Failures whose verdict is a defect.
    pub fn defects(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Defect(_)))
    }

    fn count(&self, which: impl Fn(&Verdict) -> bool) -> usize {
        self.failures.iter().filter(|(_, v)| which(v)).count()
    }

    /// The figures, one per line.
    pub fn summary(&self) -> String {
        let slowest = self.slowest.as_ref().map_or_else(
            || "none".to_owned(),
            |(index, what, time)| format!("mutant {index} ({what}), {time:.2?}"),
        );
        format!(
            "mutants run: {}\nsuccesses: {}\nproblems: {}\npanics: {}\nhangs: {}\ndefects: {}\nthrough the whole plan (rustfmt, scaffold): {}\nslowest: {slowest}\ntotal time: {:.1?}{}",
            self.run,
            self.successes,
            self.problems,
            self.panics(),
            self.hangs(),
            self.defects(),
            self.full,
            self.total,
            self.stopped
                .as_ref()
                .map_or_else(String::new, |why| format!("\nstopped early: {why}")),
        )
    }
}

/// What to run: [`run_many`]'s settings.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The seed.
    pub seed: u64,
    /// The mutants' indices.
    pub indices: std::ops::Range<u64>,
    /// Start no new mutant after this long.
    pub seconds: Option<Duration>,
    /// How long one mutant may take.
    pub deadline: Duration,
    /// A folder for the whole-`plan` runs, or none to run the in-memory pipeline only.
    pub workspace: Option<PathBuf>,
    /// A file that holds, while each mutant runs, how to reproduce it: what is left to see
    /// if the process dies (a stack overflow aborts it).
    pub running: Option<PathBuf>,
    /// The xtask's executable, to run the mutants in a worker process of it (`mutate
    /// --worker`): a hung mutant's process is killed and a new one started, so the run goes
    /// on, and a stack overflow kills the worker, not the run. `None`: on threads of this
    /// process, and the run stops at the first hang.
    pub worker: Option<PathBuf>,
    /// How long progenitor may take on one mutant in a worker before it is given up (see
    /// [`crate::progenitor_run`]): a located problem, well within `deadline`.
    pub progenitor: Duration,
}

/// Runs the mutants of `settings` on `corpus`; `progress` hears of each failure as it happens.
pub fn run_many(
    corpus: &[Input],
    settings: &Settings,
    progress: &mut dyn FnMut(&Mutant, &Verdict),
) -> Figures {
    let started = Instant::now();
    let mut figures = Figures::default();
    if corpus.is_empty() {
        figures.stopped = Some("nothing to mutate".to_owned());
        return figures;
    }
    let mut worker: Option<Worker> = None;
    for index in settings.indices.clone() {
        if let Some(bound) = settings.seconds
            && started.elapsed() >= bound
        {
            figures.stopped = Some(format!(
                "the time bound of {bound:?} was reached before mutant {index}"
            ));
            break;
        }
        let mutant = mutant(corpus, settings.seed, index);
        let full = (index % FULL_EVERY == 0 || mutant.touches_info())
            .then_some(settings.workspace.as_deref())
            .flatten();
        figures.full += u64::from(full.is_some());
        if let Some(running) = &settings.running {
            let _ = std::fs::write(running, format!("{}\n", mutant.describe()));
        }
        let (verdict, time) = match &settings.worker {
            None => run(&mutant.provider, &mutant.source, full, settings.deadline),
            Some(exe) => {
                let started = Instant::now();
                let verdict = match &mut worker {
                    Some(worker) => Ok(worker),
                    None => Worker::start(exe, settings.workspace.as_deref(), settings.progenitor)
                        .map(|started| worker.insert(started)),
                }
                .map_or_else(
                    |e| Verdict::Crash(format!("cannot start a worker process: {e}")),
                    |w| w.ask(settings.seed, index, full.is_some(), settings.deadline),
                );
                if matches!(verdict, Verdict::Hang(_) | Verdict::Crash(_))
                    || worker.as_ref().is_some_and(|w| w.spent)
                {
                    // Killed; the next mutant gets a new one.
                    worker = None;
                }
                (verdict, started.elapsed())
            }
        };
        figures.run += 1;
        if figures.slowest.as_ref().is_none_or(|(_, _, t)| time > *t) {
            figures.slowest = Some((index, mutant.mutations.join("; then "), time));
        }
        match &verdict {
            Verdict::Success => figures.successes += 1,
            Verdict::Problems(..) => figures.problems += 1,
            failed => {
                progress(&mutant, failed);
                let hang = matches!(failed, Verdict::Hang(_));
                figures.failures.push((mutant, verdict));
                if hang && settings.worker.is_none() {
                    figures.stopped = Some(format!(
                        "mutant {index} hung: its thread still runs, and may hold the generator"
                    ));
                    break;
                }
            }
        }
    }
    figures.total = started.elapsed();
    figures
}

/// A worker process: `xtask mutate --worker DIR` (`-` for no throwaway workspace), which reads
/// requests ([`serve`]) and answers each with its verdict's line.
pub(crate) struct Worker {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    answers: mpsc::Receiver<std::io::Result<String>>,
    /// The worker said its last verdict was its last: it gave up a run of progenitor.
    pub(crate) spent: bool,
}

impl Worker {
    pub(crate) fn start(
        exe: &Path,
        workspace: Option<&Path>,
        progenitor: Duration,
    ) -> std::io::Result<Worker> {
        let mut child = std::process::Command::new(exe)
            .args(["mutate", "--worker"])
            .arg(workspace.unwrap_or(Path::new("-")))
            .arg(progenitor.as_millis().to_string())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err(std::io::Error::other("no pipe to the worker"));
        };
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            answers,
            spent: false,
        })
    }

    /// Mutant `index` of `seed`, through the whole plan if `full`; waits at most `deadline`.
    fn ask(&mut self, seed: u64, index: u64, full: bool, deadline: Duration) -> Verdict {
        self.ask_line(&format!("{seed} {index} {}", u8::from(full)), deadline)
    }

    /// Sends one request line; waits at most `deadline` for the verdict.
    pub(crate) fn ask_line(&mut self, request: &str, deadline: Duration) -> Verdict {
        if let Err(e) = writeln!(self.stdin, "{request}") {
            return Verdict::Crash(format!("cannot reach the worker: {e}"));
        }
        match self.answers.recv_timeout(deadline) {
            Ok(Ok(line)) => {
                let line = match line.strip_prefix(SPENT) {
                    Some(last) => {
                        self.spent = true;
                        last.to_owned()
                    }
                    None => line,
                };
                Verdict::from_line(&line)
                    .unwrap_or_else(|| Verdict::Crash(format!("the worker answered {line:?}")))
            }
            Ok(Err(e)) => Verdict::Crash(format!("cannot read the worker's answer: {e}")),
            Err(mpsc::RecvTimeoutError::Timeout) => Verdict::Hang(deadline),
            Err(mpsc::RecvTimeoutError::Disconnected) => Verdict::Crash(format!(
                "the worker process died ({})",
                self.child
                    .wait()
                    .map_or_else(|e| e.to_string(), |status| status.to_string())
            )),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The worker's side of [`Worker`]: answers each `SEED INDEX FULL` line (a mutant) or
/// `case FULL NAME DIR` line (a regression case) read from `input`.
pub(crate) fn serve(
    root: &Path,
    workspace: Option<&Path>,
    input: impl std::io::BufRead,
    out: &mut dyn Write,
) -> u8 {
    let corpus = corpus(root);
    if corpus.is_empty() {
        return 1;
    }
    // The parent keeps the deadline; here, a day.
    let forever = Duration::from_secs(86_400);
    for line in input.lines() {
        let Ok(line) = line else {
            return 1;
        };
        let verdict = if let Some(request) = line.strip_prefix("case ") {
            // `case FULL NAME DIR`: a regression case.
            let mut parts = request.splitn(3, ' ');
            let (Some(full), Some(name), Some(dir)) = (parts.next(), parts.next(), parts.next())
            else {
                return 2;
            };
            let found = cases(Path::new(dir))
                .ok()
                .and_then(|cases| cases.into_iter().find(|(n, _)| n == name));
            match found {
                Some((_, input)) => {
                    let workspace = workspace.filter(|_| full == "1");
                    run(&input.provider, &input.source, workspace, forever).0
                }
                None => Verdict::Crash(format!("no case {name} in {dir}")),
            }
        } else {
            let numbers: Vec<u64> = line.split(' ').filter_map(|n| n.parse().ok()).collect();
            let [seed, index, full] = numbers[..] else {
                return 2;
            };
            let mutant = mutant(&corpus, seed, index);
            let workspace = workspace.filter(|_| full == 1);
            run(&mutant.provider, &mutant.source, workspace, forever).0
        };
        // A run of progenitor given up on may still be using a core: this process answers
        // with `SPENT` first and ends, and the parent starts a new one.
        let spent = crate::progenitor_run::abandoned() > 0;
        let marker = if spent { SPENT } else { "" };
        if writeln!(out, "{marker}{}", verdict.to_line())
            .and_then(|()| out.flush())
            .is_err()
        {
            return 1;
        }
        if spent {
            return 0;
        }
    }
    0
}

/// How long progenitor may take on one mutant in a worker of `cargo xtask mutate` (see
/// [`crate::progenitor_run`]), well within the 10 s a mutant may take.
pub const PROGENITOR_LIMIT: Duration = Duration::from_secs(4);

/// What a worker writes before its last verdict when it ends after it.
const SPENT: &str = "spent ";
