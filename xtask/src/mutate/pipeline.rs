//! One mutant through the pipeline, on this thread: its [`Verdict`], panics caught and located
//! problems checked.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::{Once, mpsc};
use std::time::{Duration, Instant};

use super::mutant::files;
use crate::Problem;
use crate::spec::Source;

/// How one run of the pipeline ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Generated.
    Success,
    /// Refused, with this many problems, each naming an input file; the first, printed.
    Problems(usize, String),
    /// A panic escaped: its message and where it was raised.
    Panic(String),
    /// Not finished within the deadline.
    Hang(Duration),
    /// Finished, but wrongly: no problem, a problem naming no input, or output that does not
    /// parse.
    Defect(String),
    /// The process running it died (a stack overflow aborts it): how.
    Crash(String),
}

impl Verdict {
    /// Whether this is a failure of the xtask (a panic, a hang, a defect).
    pub fn failed(&self) -> bool {
        !matches!(self, Verdict::Success | Verdict::Problems(..))
    }

    /// One line that [`Verdict::from_line`] reads back: how a worker process answers.
    pub(crate) fn to_line(&self) -> String {
        let (kind, count, text) = match self {
            Verdict::Success => ("success", 0, String::new()),
            Verdict::Problems(count, first) => ("problems", *count, first.clone()),
            Verdict::Panic(text) => ("panic", 0, text.clone()),
            Verdict::Hang(after) => ("hang", after.as_millis() as usize, String::new()),
            Verdict::Defect(text) => ("defect", 0, text.clone()),
            Verdict::Crash(text) => ("crash", 0, text.clone()),
        };
        serde_json::json!([kind, count, text]).to_string()
    }

    /// The verdict a worker's line holds, if it holds one.
    pub(crate) fn from_line(line: &str) -> Option<Verdict> {
        let (kind, count, text): (String, usize, String) = serde_json::from_str(line).ok()?;
        Some(match kind.as_str() {
            "success" => Verdict::Success,
            "problems" => Verdict::Problems(count, text),
            "panic" => Verdict::Panic(text),
            "hang" => Verdict::Hang(Duration::from_millis(count as u64)),
            "defect" => Verdict::Defect(text),
            "crash" => Verdict::Crash(text),
            _ => return None,
        })
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Success => f.write_str("success"),
            Verdict::Problems(1, first) => write!(f, "1 problem: {first}"),
            Verdict::Problems(n, first) => write!(f, "{n} problems, the first: {first}"),
            Verdict::Panic(message) => write!(f, "PANIC: {message}"),
            Verdict::Hang(after) => write!(f, "HANG: not finished after {after:?}"),
            Verdict::Defect(what) => write!(f, "DEFECT: {what}"),
            Verdict::Crash(what) => write!(f, "CRASH: {what}"),
        }
    }
}

thread_local! {
    /// Whether this thread runs a mutant (its panics are recorded, not printed).
    static IN_MUTANT: Cell<bool> = const { Cell::new(false) };
    /// The last panic of this thread's mutant: message and location.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once, a panic hook that records where a mutant's panic was raised and keeps
/// the previous hook for every other thread.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_MUTANT.get() {
                let location = info
                    .location()
                    .map_or_else(|| "an unknown place".to_owned(), ToString::to_string);
                let message = crate::progenitor_run::panic_message(info.payload());
                LAST_PANIC.set(Some(format!("{message} (at {location})")));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `source` (filed under `provider`) through the pipeline under [`guarded`]. With a
/// `workspace` folder, the whole `plan` runs there (its `specs/` is replaced); without, the
/// in-memory pipeline.
pub fn run(
    provider: &str,
    source: &Source,
    workspace: Option<&Path>,
    deadline: Duration,
) -> (Verdict, Duration) {
    let (provider, source) = (provider.to_owned(), source.clone());
    let workspace = workspace.map(Path::to_path_buf);
    guarded(deadline, move || {
        pipeline(&provider, &source, workspace.as_deref())
    })
}

/// Runs `check` on a thread of its own, with the main thread's stack size, and waits at most
/// `deadline`: a panic becomes [`Verdict::Panic`] (with where it was raised), a deadline
/// passed [`Verdict::Hang`].
///
/// A hang leaves its thread running: the caller should start nothing more that needs what
/// the stuck thread may hold (the generator).
pub fn guarded(
    deadline: Duration,
    check: impl FnOnce() -> Verdict + Send + 'static,
) -> (Verdict, Duration) {
    install_panic_hook();
    let (send, receive) = mpsc::channel();
    let started = Instant::now();
    let spawned = std::thread::Builder::new()
        .name("mutant".into())
        .stack_size(8 << 20)
        .spawn(move || {
            IN_MUTANT.set(true);
            LAST_PANIC.set(None);
            let outcome = panic::catch_unwind(AssertUnwindSafe(check));
            let verdict = outcome.unwrap_or_else(|payload| {
                Verdict::Panic(
                    LAST_PANIC
                        .take()
                        .unwrap_or_else(|| crate::progenitor_run::panic_message(payload.as_ref())),
                )
            });
            let _ = send.send(verdict);
        });
    if let Err(e) = spawned {
        return (
            Verdict::Defect(format!("cannot start a thread: {e}")),
            Duration::ZERO,
        );
    }
    let verdict = match receive.recv_timeout(deadline) {
        Ok(verdict) => verdict,
        Err(mpsc::RecvTimeoutError::Timeout) => Verdict::Hang(deadline),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Verdict::Panic("the mutant's thread ended without an answer".to_owned())
        }
    };
    (verdict, started.elapsed())
}

/// The pipeline on one input, on this thread.
fn pipeline(provider: &str, source: &Source, workspace: Option<&Path>) -> Verdict {
    let name = source.name();
    let mut inputs: Vec<String> = files(source).iter().map(|t| t.file.clone()).collect();
    inputs.push(name.clone());
    let problems = match workspace {
        None => match crate::spec::prepare(source) {
            Err(problems) => problems,
            Ok(prepared) => match crate::render::syntax(&prepared.openapi, &name) {
                Err(problems) => problems,
                Ok(syntax) => {
                    prettyplease::unparse(&syntax);
                    return check_located(&prepared.notes, &inputs).unwrap_or(Verdict::Success);
                }
            },
        },
        Some(root) => {
            if let Err(e) = fill_workspace(root, source) {
                return Verdict::Defect(format!("cannot write the throwaway workspace: {e}"));
            }
            match crate::plan_with_notes(root, Some(provider)) {
                Err(problems) => problems,
                Ok((outputs, notes)) => {
                    let krate = format!("crates/{}", crate::scaffold::package(provider));
                    inputs.push(krate);
                    if let Some(defect) = check_located(&notes, &inputs) {
                        return defect;
                    }
                    return match check_outputs(&outputs) {
                        Ok(()) => Verdict::Success,
                        Err(defect) => Verdict::Defect(defect),
                    };
                }
            }
        }
    };
    if problems.is_empty() {
        return Verdict::Defect("refused with no problem".to_owned());
    }
    check_located(&problems, &inputs)
        .unwrap_or_else(|| Verdict::Problems(problems.len(), problems[0].to_string()))
}

/// A defect if a problem names a file that is not one of `inputs` (or below one).
fn check_located(problems: &[Problem], inputs: &[String]) -> Option<Verdict> {
    let stray = problems.iter().find(|p| {
        !inputs
            .iter()
            .any(|input| p.file == *input || p.file.starts_with(&format!("{input}/")))
    })?;
    Some(Verdict::Defect(format!(
        "a problem names {:?}, which is none of the inputs ({}): {stray}",
        stray.file,
        inputs.join(", ")
    )))
}

/// Why the files `plan` would write are not what they should be, if they are not: a
/// `Cargo.toml` that is not TOML or has keys the scaffold does not write, Rust that does not
/// parse, or a `lib.rs` with items or inner attributes the scaffold does not write (text of
/// the document that became code).
fn check_outputs(outputs: &[crate::Output]) -> Result<(), String> {
    const PACKAGE_KEYS: [&str; 7] = [
        "name",
        "version",
        "description",
        "edition",
        "rust-version",
        "license",
        "publish",
    ];
    const TABLES: [&str; 5] = [
        "package",
        "features",
        "dependencies",
        "dev-dependencies",
        "lints",
    ];
    for output in outputs {
        let path = &output.path;
        if path.ends_with("Cargo.toml") {
            let doc: toml_edit::DocumentMut = output
                .new
                .parse()
                .map_err(|e| format!("{path} is not TOML: {e}"))?;
            if let Some((key, _)) = doc.iter().find(|(key, _)| !TABLES.contains(key)) {
                return Err(format!(
                    "{path} has a table [{key}] the scaffold does not write"
                ));
            }
            let package = doc
                .get("package")
                .and_then(|p| p.as_table_like())
                .ok_or_else(|| format!("{path} has no [package]"))?;
            if let Some((key, _)) = package.iter().find(|(key, _)| !PACKAGE_KEYS.contains(key)) {
                return Err(format!(
                    "{path} has a key package.{key} the scaffold does not write"
                ));
            }
        } else if path.ends_with(".rs") {
            let file =
                syn::parse_file(&output.new).map_err(|e| format!("{path} does not parse: {e}"))?;
            if path.ends_with("lib.rs") {
                if let Some(attr) = file.attrs.iter().find(|a| !a.path().is_ident("doc")) {
                    let shown = quote::ToTokens::to_token_stream(attr).to_string();
                    return Err(format!(
                        "{path} has an inner attribute the scaffold does not write: {shown}"
                    ));
                }
                if let Some(item) = file.items.iter().find(|item| {
                    !matches!(
                        item,
                        syn::Item::Mod(_)
                            | syn::Item::Use(_)
                            | syn::Item::Type(_)
                            | syn::Item::Impl(_)
                    )
                }) {
                    let shown = quote::ToTokens::to_token_stream(item).to_string();
                    return Err(format!(
                        "{path} has an item the scaffold does not write: {shown}"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Replaces `root/specs/` with the files of `source`; `root/crates/` is emptied.
fn fill_workspace(root: &Path, source: &Source) -> std::io::Result<()> {
    for dir in ["specs", "crates"] {
        let path = root.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path)?;
        }
        std::fs::create_dir_all(&path)?;
    }
    for text in files(source) {
        let path = root.join(&text.file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &text.text)?;
    }
    Ok(())
}
