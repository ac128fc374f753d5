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

mod ops;
mod rng;
mod tree;

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Once, mpsc};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::Problem;
use crate::spec::{KEEP_SUFFIX, OVERLAY_SUFFIX, Source, Text, UPSTREAM_DIR};

pub use rng::Rng;

/// Every this many mutants, one goes through the whole `plan` (rustfmt and the scaffold).
pub const FULL_EVERY: u64 = 20;

/// One input to mutate: a provider's files, as the workspace or a fixture has them.
#[derive(Clone, Debug)]
pub struct Input {
    /// The provider name the files are filed under.
    pub provider: String,
    /// The files.
    pub source: Source,
    /// How often it is drawn, against the others' weights: the workspace's specs and the
    /// overlays more than the many small fixtures.
    pub weight: u64,
}

/// The fixture folders [`corpus`] leaves out: `mutants/` holds the kept failures, which
/// `check_cases` runs as they are; `published/` holds real documents of up to 740 KB, each of
/// which takes seconds through the pipeline (Clerk's 106,000 generated lines), so that a few
/// mutants of them would take the time of hundreds of the others. `cargo xtask corpus` and the
/// `corpus` tests run them whole.
const SKIPPED: [&str; 2] = ["mutants", "published"];

/// The inputs below `root`: each provider's spec in `specs/`, and each document, overlay and
/// keep list in `xtask/tests/fixtures/`, but `mutants/` (the failures kept as regression cases)
/// and `published/` (see `SKIPPED`).
pub fn corpus(root: &Path) -> Vec<Input> {
    let mut inputs = Vec::new();
    for provider in crate::providers(root).unwrap_or_default() {
        if let Ok(source) = crate::spec::read(root, &provider) {
            inputs.push(Input {
                provider,
                source,
                weight: 12,
            });
        }
    }
    let fixtures = root.join("xtask/tests/fixtures");
    let mut dirs = vec![fixtures.clone()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        let relative = dir
            .strip_prefix(&fixtures)
            .unwrap_or(&dir)
            .to_string_lossy();
        let prefix = provider_name(&relative.replace('/', "_"));
        let mut documents = Vec::new();
        let mut overlays = Vec::new();
        let mut keeps = Vec::new();
        let first = inputs.len();
        for path in paths {
            if path.is_dir() {
                if path
                    .file_name()
                    .is_some_and(|n| !SKIPPED.iter().any(|s| n == *s))
                {
                    dirs.push(path);
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let stem = provider_name(&format!(
                "{prefix}_{}",
                name.split('.').next().unwrap_or("")
            ));
            if name.ends_with(".json") {
                documents.push((stem, text));
            } else if name.ends_with(".txt") {
                if let Some(block) = json_block(&text) {
                    documents.push((stem, block.to_owned()));
                }
            } else if name.ends_with(KEEP_SUFFIX) {
                keeps.push((stem, text));
            } else if name.ends_with(".yaml") {
                match serde_norway::from_str::<Value>(&text) {
                    Ok(doc) if doc.get("overlay").is_some() => overlays.push(text),
                    Ok(doc) if doc.get("openapi").is_some() => inputs.push(Input {
                        source: Source::Spec(Text {
                            file: format!("specs/{stem}.yaml"),
                            text,
                        }),
                        provider: stem,
                        weight: 1,
                    }),
                    _ => {}
                }
            }
        }
        for (stem, text) in &documents {
            let upstream = Text {
                file: format!("specs/{UPSTREAM_DIR}/{stem}.json"),
                text: text.clone(),
            };
            inputs.push(Input {
                provider: stem.clone(),
                source: Source::Published {
                    upstream: upstream.clone(),
                    overlay: None,
                },
                weight: 3,
            });
            // An overlay applies to the documents beside it.
            for overlay in &overlays {
                inputs.push(Input {
                    provider: stem.clone(),
                    source: Source::Published {
                        upstream: upstream.clone(),
                        overlay: Some(Text {
                            file: format!("specs/{stem}{OVERLAY_SUFFIX}"),
                            text: overlay.clone(),
                        }),
                    },
                    weight: 25,
                });
            }
        }
        // A keep list applies to the spec or document of the same name beside it.
        for (stem, keep) in keeps {
            let kept: Vec<Input> = inputs[first..]
                .iter()
                .filter(|input| input.provider == stem)
                .map(|input| Input {
                    provider: stem.clone(),
                    source: Source::Kept {
                        spec: Box::new(input.source.clone()),
                        keep: Text {
                            file: format!("specs/{stem}{KEEP_SUFFIX}"),
                            text: keep.clone(),
                        },
                    },
                    weight: 3,
                })
                .collect();
            inputs.extend(kept);
        }
    }
    inputs
}

/// A page's one ```json block (how the seed pages hold a published document).
fn json_block(page: &str) -> Option<&str> {
    let start = page.find("```json\n")? + "```json\n".len();
    let length = page[start..].find("\n```")?;
    Some(&page[start..start + length])
}

/// `name` as a provider name: lower-case letters, digits and `_`, starting with a letter.
fn provider_name(name: &str) -> String {
    let mut provider: String = name
        .trim_matches('_')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !provider.starts_with(|c: char| c.is_ascii_lowercase()) {
        provider.insert_str(0, "f_");
    }
    provider
}

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
    fn to_line(&self) -> String {
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
    fn from_line(line: &str) -> Option<Verdict> {
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
struct Worker {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    answers: mpsc::Receiver<std::io::Result<String>>,
    /// The worker said its last verdict was its last: it gave up a run of progenitor.
    spent: bool,
}

impl Worker {
    fn start(
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
    fn ask_line(&mut self, request: &str, deadline: Duration) -> Verdict {
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
fn serve(
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

/// `cargo xtask mutate --cases DIR`: [`check_cases`], one line each.
fn run_cases(dir: &Path, deadline: Duration, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
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
