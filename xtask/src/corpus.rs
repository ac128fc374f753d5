//! `cargo xtask corpus [--only NAME]`: every published document in
//! `xtask/tests/fixtures/published/` (the corpus) generated as a new user would, then each crate
//! built, clippy-checked and doc-checked as this project's CI checks its own.
//!
//! **Naming.** The fixture `<stem>.<json|yaml|yml>` becomes the provider `<stem>` in lower case
//! with each `-` and `.` written `_` (`kratos-2026-05-04.json` → provider `kratos_2026_05_04`,
//! document `specs/upstream/kratos_2026_05_04.json`, crate `crates/kratos_2026_05_04-client`).
//! `<stem>.overlay.yaml` beside it, if any, becomes `specs/<provider>.overlay.yaml`, and
//! `<stem>.keep.yaml` becomes `specs/<provider>.keep.yaml`.
//!
//! **The scratch workspace** is `target/tmp/corpus/` (see [`crate::scratch`]), kept between
//! runs so that cargo builds again only what changed:
//!
//! - `generate/` holds the specs and what `generate` writes, from nothing on every run (the
//!   same code as `cargo xtask generate`: [`crate::plan_with_notes`] and [`crate::write`]), so
//!   the crates are exactly as `generate` creates them;
//! - `workspace/` is the Cargo workspace that is checked: its `Cargo.toml` takes this
//!   workspace's `[workspace.dependencies]`, `[workspace.lints]`, `[workspace.package]` and
//!   `[profile.dev]` (read from the root `Cargo.toml`), its `Cargo.lock` is a copy of this
//!   workspace's, and each generated crate is copied in, writing only the files that changed.
//!
//! Cargo runs `--offline` there (not `--locked`: the lock file holds the whole workspace's
//! packages, and cargo trims it to the crates there), sharing this workspace's target directory
//! ([`crate::cargo_sharing_target`]): the dependencies this workspace has built are not built
//! again. A package the lock file lacks, resolved from cargo's cache, is named in a note.
//!
//! **Steps.** Each check is one cargo invocation for all the crates (`--keep-going`): two can
//! compile at once, and each dependency is checked once. Its diagnostics are read as JSON and
//! counted per crate: a step fails a crate on any error, and shows its first distinct errors
//! with their count and first location. A crate's time is when cargo was done with it, since
//! the step began; the step's own time is on an `(all)` line. A crate that fails a step is
//! not given the later ones (they would fail on the same errors).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::keep::KEEP_SUFFIX;
use crate::scratch::{Scratch, mirror, write_if_changed};
use crate::spec::{OVERLAY_SUFFIX, Source, Text, UPSTREAM_DIR};

/// Where the corpus is, relative to the workspace root.
pub const FIXTURES: &str = "xtask/tests/fixtures/published";

/// How many distinct diagnostics a failed step shows per crate.
const SHOWN: usize = 3;

/// One published document of the corpus, and the files beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixture {
    /// The file name without its extension: `kratos-2026-05-04`.
    pub stem: String,
    /// The provider it becomes: `kratos_2026_05_04`.
    pub provider: String,
    /// The document's extension: `json`, `yaml` or `yml`.
    pub ext: String,
    /// The document.
    pub document: PathBuf,
    /// `<stem>.overlay.yaml`, if there is one.
    pub overlay: Option<PathBuf>,
    /// `<stem>.keep.yaml`, if there is one.
    pub keep: Option<PathBuf>,
}

impl Fixture {
    /// The files of its provider in a workspace, each as (path relative to the workspace,
    /// the fixture file it is a copy of).
    pub fn spec_files(&self) -> Vec<(String, PathBuf)> {
        let p = &self.provider;
        let mut files = vec![(
            format!("specs/{UPSTREAM_DIR}/{p}.{}", self.ext),
            self.document.clone(),
        )];
        if let Some(overlay) = &self.overlay {
            files.push((format!("specs/{p}{OVERLAY_SUFFIX}"), overlay.clone()));
        }
        if let Some(keep) = &self.keep {
            files.push((format!("specs/{p}{KEEP_SUFFIX}"), keep.clone()));
        }
        files
    }

    /// The spec as [`crate::spec::read`] would read it from a workspace holding
    /// [`Fixture::spec_files`], without one: for generating in memory.
    pub fn source(&self) -> std::io::Result<Source> {
        let text = |file: String, path: &Path| -> std::io::Result<Text> {
            Ok(Text {
                file,
                text: std::fs::read_to_string(path)?,
            })
        };
        let p = &self.provider;
        Ok(Source::Published {
            upstream: text(
                format!("specs/{UPSTREAM_DIR}/{p}.{}", self.ext),
                &self.document,
            )?,
            overlay: match &self.overlay {
                Some(path) => Some(text(format!("specs/{p}{OVERLAY_SUFFIX}"), path)?),
                None => None,
            },
        })
    }

    /// The crate's package name.
    pub fn package(&self) -> String {
        crate::scaffold::package(&self.provider)
    }
}

/// The provider a fixture's file stem becomes (module docs, "Naming"), or `None` if the stem
/// cannot be one (it must start with a letter and hold only letters, digits, `-`, `.`, `_`).
pub fn provider_name(stem: &str) -> Option<String> {
    let name: String = stem
        .chars()
        .map(|c| match c {
            '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let fits = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    fits.then_some(name)
}

/// The fixtures in `root`'s [`FIXTURES`] folder, sorted by stem: each `*.json`, `*.yaml` or
/// `*.yml` that is not an overlay or a keep list.
pub fn fixtures(root: &Path) -> Result<Vec<Fixture>, String> {
    let dir = root.join(FIXTURES);
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{FIXTURES}: cannot list: {e}"))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{FIXTURES}: cannot list: {e}"))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    let mut found: Vec<Fixture> = Vec::new();
    for name in &names {
        if name.ends_with(OVERLAY_SUFFIX) || name.ends_with(KEEP_SUFFIX) {
            let stem = name
                .strip_suffix(OVERLAY_SUFFIX)
                .or_else(|| name.strip_suffix(KEEP_SUFFIX))
                .unwrap_or(name);
            if !["json", "yaml", "yml"]
                .iter()
                .any(|ext| names.contains(&format!("{stem}.{ext}")))
            {
                return Err(format!(
                    "{FIXTURES}/{name}: no document {stem}.json (or .yaml) beside it"
                ));
            }
            continue;
        }
        let Some((stem, ext)) = name.rsplit_once('.') else {
            continue;
        };
        if !["json", "yaml", "yml"].contains(&ext) {
            continue;
        }
        let provider = provider_name(stem).ok_or_else(|| {
            format!(
                "{FIXTURES}/{name}: its name must start with a letter and hold only letters, digits, `-`, `.` and `_`"
            )
        })?;
        if let Some(other) = found.iter().find(|f| f.provider == provider) {
            return Err(format!(
                "{FIXTURES}/{name}: becomes the provider {provider}, as {}.{} does: rename one",
                other.stem, other.ext
            ));
        }
        let beside = |suffix: &str| {
            let path = dir.join(format!("{stem}{suffix}"));
            path.exists().then_some(path)
        };
        found.push(Fixture {
            stem: stem.to_owned(),
            provider,
            ext: ext.to_owned(),
            document: dir.join(name),
            overlay: beside(OVERLAY_SUFFIX),
            keep: beside(KEEP_SUFFIX),
        });
    }
    Ok(found)
}

/// The scratch workspace's `Cargo.toml`: the generated crates as members, and the root
/// manifest's `[workspace.dependencies]`, `[workspace.lints]`, `[workspace.package]`,
/// `resolver` and `[profile.dev]`, as written there.
pub fn manifest(root_manifest: &str) -> Result<String, String> {
    let root: toml_edit::DocumentMut = root_manifest
        .parse()
        .map_err(|e| format!("Cargo.toml: not TOML: {e}"))?;
    let workspace = root
        .get("workspace")
        .and_then(|w| w.as_table())
        .ok_or("Cargo.toml: no [workspace] table")?;
    let mut out = toml_edit::DocumentMut::new();
    out.decor_mut().set_prefix(
        "# Written by `cargo xtask corpus` from the workspace's Cargo.toml: do not edit.\n",
    );
    let mut members = toml_edit::Array::new();
    members.push("crates/*");
    let mut table = toml_edit::Table::new();
    if let Some(resolver) = workspace.get("resolver") {
        table.insert("resolver", resolver.clone());
    }
    table.insert("members", toml_edit::value(members));
    for key in ["lints", "package", "dependencies"] {
        let item = workspace
            .get(key)
            .ok_or_else(|| format!("Cargo.toml: no [workspace.{key}] table"))?;
        table.insert(key, item.clone());
    }
    out.insert("workspace", toml_edit::Item::Table(table));
    if let Some(dev) = root.get("profile").and_then(|p| p.get("dev")) {
        let mut profile = toml_edit::Table::new();
        profile.set_implicit(true);
        profile.insert("dev", dev.clone());
        out.insert("profile", toml_edit::Item::Table(profile));
    }
    Ok(out.to_string())
}

/// Runs `cargo xtask corpus` on the workspace at `root`, on `only` one fixture if named: 0
/// every fixture passed every step, 1 one failed (or the scratch workspace could not be set
/// up), 2 no such fixture.
pub fn run(root: &Path, only: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let all = match fixtures(root) {
        Ok(all) => all,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return 1;
        }
    };
    let chosen: Vec<Fixture> = match only {
        None => all.clone(),
        Some(name) => {
            let one: Vec<Fixture> = all
                .iter()
                .filter(|f| f.stem == name || f.provider == name)
                .cloned()
                .collect();
            if one.is_empty() {
                let names: Vec<&str> = all.iter().map(|f| f.stem.as_str()).collect();
                let _ = writeln!(
                    err,
                    "error: no fixture {name}; the fixtures are: {}",
                    names.join(", ")
                );
                return 2;
            }
            one
        }
    };
    match check(root, &all, &chosen, out) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            1
        }
    }
}

/// What one step did for one fixture.
struct Outcome {
    /// `ok …` or `FAILED …`, one line.
    summary: String,
    /// The first lines of a failure.
    details: Vec<String>,
    failed: bool,
}

/// Generates `chosen` (of `all`) in the scratch workspace and checks each crate; prints one
/// line per fixture and step. `Ok(true)` if every one passed every step.
fn check(
    root: &Path,
    all: &[Fixture],
    chosen: &[Fixture],
    out: &mut dyn Write,
) -> Result<bool, String> {
    let start = Instant::now();
    let scratch = Scratch::new("corpus").map_err(|e| format!("scratch workspace: {e}"))?;
    let generate_root = scratch.path().join("generate");
    let workspace = scratch.path().join("workspace");
    let lock = prepare(root, all, &generate_root, &workspace)?;
    let io = |what: &str, e: std::io::Error| format!("{what}: {e}");
    let _ = writeln!(out, "scratch workspace: {}", workspace.display());

    let width = chosen.iter().map(|f| f.stem.len()).max().unwrap_or(0);
    let mut passed = true;
    let mut report = |out: &mut dyn Write, f: &Fixture, step: &str, time, outcome: &Outcome| {
        passed &= !outcome.failed;
        print_line(out, width, &f.stem, step, time, outcome);
    };

    let mut generated = Vec::new();
    for fixture in chosen {
        let began = Instant::now();
        let outcome = generate(&generate_root, fixture);
        let time = began.elapsed();
        let outcome = match outcome {
            Ok(outcome) => {
                let krate = format!("crates/{}", fixture.package());
                mirror(&generate_root.join(&krate), &workspace.join(&krate), &[])
                    .map_err(|e| io(&krate, e))?;
                generated.push(fixture);
                outcome
            }
            Err(outcome) => outcome,
        };
        report(out, fixture, "generate", time, &outcome);
    }

    let steps: [(&str, &[&str], Option<&str>); 3] = [
        ("build", &["build"], None),
        // `--lib`, not `--all-targets`: a client crate's only other target is its lib's test
        // harness, the same code checked again with `cfg(test)`, which neither the generated
        // file nor the scaffolded lib.rs uses. It doubled the step (Clerk alone: 162 s).
        ("clippy", &["clippy", "--lib", "--", "-D", "warnings"], None),
        ("doc", &["doc", "--no-deps"], Some("-D warnings")),
    ];
    let mut failed_before: Vec<&str> = Vec::new();
    for (step, args, rustdocflags) in steps {
        let checked: Vec<&Fixture> = generated
            .iter()
            .copied()
            .filter(|f| !failed_before.contains(&f.stem.as_str()))
            .collect();
        for fixture in &generated {
            if failed_before.contains(&fixture.stem.as_str()) {
                let skipped = Outcome {
                    summary: "skipped (an earlier step failed)".to_owned(),
                    details: Vec::new(),
                    failed: true,
                };
                report(out, fixture, step, Duration::ZERO, &skipped);
            }
        }
        if checked.is_empty() {
            continue;
        }
        let began = Instant::now();
        let results = cargo_step(&workspace, &checked, args, rustdocflags)?;
        let total = began.elapsed();
        for (fixture, (time, outcome)) in checked.iter().zip(results) {
            if outcome.failed {
                failed_before.push(&fixture.stem);
            }
            report(out, fixture, step, time, &outcome);
        }
        if checked.len() > 1 {
            let _ = writeln!(
                out,
                "{:width$}  {step:8} {:>6.1} s  the step: {} crates in one cargo run",
                "(all)",
                total.as_secs_f64(),
                checked.len()
            );
        }
    }
    let extra = beyond_lock(&lock, &workspace.join("Cargo.lock"));
    if !extra.is_empty() {
        let _ = writeln!(
            out,
            "note: resolved offline, not in the workspace's Cargo.lock: {}",
            extra.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "corpus: {} in {:.1} s",
        if passed { "ok" } else { "FAILED" },
        start.elapsed().as_secs_f64()
    );
    Ok(passed)
}

/// Prepares the scratch folders of [`check`]: `generate_root` gets the specs of every fixture
/// of `all`, `workspace` the workspace's manifest (made for the corpus) and lock file, and
/// loses the crates of fixtures that are gone. Returns the workspace's lock file.
fn prepare(
    root: &Path,
    all: &[Fixture],
    generate_root: &Path,
    workspace: &Path,
) -> Result<Vec<u8>, String> {
    let io = |what: &str, e: std::io::Error| format!("{what}: {e}");

    // The specs of every fixture, and what `generate` writes, from nothing: its files' times
    // do not matter, only those of the copies in `workspace/`.
    let _ = std::fs::remove_dir_all(generate_root);
    for fixture in all {
        for (file, from) in fixture.spec_files() {
            let bytes = std::fs::read(&from).map_err(|e| io(&from.display().to_string(), e))?;
            write_if_changed(&generate_root.join(&file), bytes).map_err(|e| io(&file, e))?;
        }
    }
    std::fs::create_dir_all(generate_root.join("crates")).map_err(|e| io("crates", e))?;

    let root_manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| io("Cargo.toml", e))?;
    write_if_changed(&workspace.join("Cargo.toml"), manifest(&root_manifest)?)
        .map_err(|e| io("Cargo.toml", e))?;
    let lock = std::fs::read(root.join("Cargo.lock")).map_err(|e| io("Cargo.lock", e))?;
    write_if_changed(&workspace.join("Cargo.lock"), &lock).map_err(|e| io("Cargo.lock", e))?;
    // Crates of fixtures that are gone.
    let crates = workspace.join("crates");
    std::fs::create_dir_all(&crates).map_err(|e| io("crates", e))?;
    for entry in std::fs::read_dir(&crates).map_err(|e| io("crates", e))? {
        let entry = entry.map_err(|e| io("crates", e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !all.iter().any(|f| f.package() == name) {
            std::fs::remove_dir_all(entry.path()).map_err(|e| io(&name, e))?;
        }
    }
    Ok(lock)
}

/// Prints the line of `stem`'s `step`, and the details of its outcome below it.
fn print_line(
    out: &mut dyn Write,
    width: usize,
    stem: &str,
    step: &str,
    time: Duration,
    outcome: &Outcome,
) {
    let _ = writeln!(
        out,
        "{stem:width$}  {step:8} {:>6.1} s  {}",
        time.as_secs_f64(),
        outcome.summary
    );
    // A diagnostic may quote the document's text: printed so that it cannot drive the terminal.
    for line in &outcome.details {
        let line = crate::problem::printable(line);
        let _ = writeln!(out, "{:width$}      {line}", "");
    }
}

/// Generates `fixture` in `root` as `cargo xtask generate <provider>` does.
fn generate(root: &Path, fixture: &Fixture) -> Result<Outcome, Outcome> {
    let failed = |summary: String, details: Vec<String>| Outcome {
        summary,
        details,
        failed: true,
    };
    let (outputs, notes) =
        crate::plan_with_notes(root, Some(&fixture.provider)).map_err(|problems| {
            failed(
                format!("FAILED: {} problem(s)", problems.len()),
                problems
                    .iter()
                    .take(SHOWN * 2)
                    .map(|p| p.to_string())
                    .collect(),
            )
        })?;
    crate::write(root, &outputs).map_err(|e| failed(format!("FAILED: writing {e}"), vec![]))?;
    // What `diff` relies on when it reads an old side from its committed code.
    let code = outputs
        .iter()
        .find(|o| o.path == crate::generated_file(&fixture.provider))
        .map(|o| o.new.as_str());
    let source = fixture
        .source()
        .map_err(|e| failed(format!("FAILED: reading {e}"), vec![]))?;
    if let Some(code) = code {
        crate::diff::check_committed_api(&source, code)
            .map_err(|e| failed(format!("FAILED: {e}"), vec![]))?;
    }
    let lines: usize = outputs
        .iter()
        .filter(|o| o.path.ends_with("generated.rs"))
        .map(|o| o.new.lines().count())
        .sum();
    Ok(Outcome {
        summary: format!("ok, {} note(s), {lines} lines", notes.len()),
        details: Vec::new(),
        failed: false,
    })
}

/// One diagnostic, as counted: its first line (`error[E0433]: …`) and where it is first seen.
#[derive(Default)]
struct Diagnostics {
    /// (level and message, first location, count), in the order first seen.
    seen: Vec<(String, String, usize)>,
    errors: usize,
    warnings: usize,
}

/// Runs `cargo <args>` once for every crate of `fixtures` in `workspace`, and makes of its
/// JSON diagnostics an outcome per fixture, in order, with the time at which cargo was done
/// with the crate since the start.
fn cargo_step(
    workspace: &Path,
    fixtures: &[&Fixture],
    args: &[&str],
    rustdocflags: Option<&str>,
) -> Result<Vec<(Duration, Outcome)>, String> {
    let (subcommand, rest) = args.split_first().ok_or("no cargo subcommand")?;
    let split = rest.iter().position(|a| *a == "--").unwrap_or(rest.len());
    let mut cargo = crate::cargo_sharing_target();
    cargo
        .current_dir(workspace)
        .args([
            *subcommand,
            "--offline",
            "--keep-going",
            "--message-format=json",
        ])
        .args(&rest[..split]);
    for fixture in fixtures {
        cargo.args(["--package", &fixture.package()]);
    }
    cargo
        .args(&rest[split..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(flags) = rustdocflags {
        cargo.env("RUSTDOCFLAGS", flags);
    }
    let began = Instant::now();
    let mut child = cargo
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stderr = child.stderr.take().ok_or("cargo has no stderr")?;
    // Each line with the time it came: a crate that fails is done when cargo says it could
    // not compile it (rustc goes on after its last diagnostic, without a word).
    let stderr = std::thread::spawn(move || {
        std::io::BufRead::lines(std::io::BufReader::new(stderr))
            .map_while(Result::ok)
            .map(|line| (began.elapsed(), line))
            .collect::<Vec<_>>()
    });
    let stdout = child.stdout.take().ok_or("cargo has no stdout")?;
    let mut per_crate: BTreeMap<String, Crate> = BTreeMap::new();
    let mut elsewhere = Diagnostics::default();
    for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
        let line = line.map_err(|e| format!("reading cargo's output: {e}"))?;
        let Ok(message) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let manifest = message["manifest_path"].as_str().unwrap_or("");
        let owner = fixtures.iter().find(|f| {
            Path::new(manifest).parent().and_then(Path::file_name)
                == Some(std::ffi::OsStr::new(&f.package()))
        });
        let diagnostics = match owner {
            Some(f) => {
                let krate = per_crate.entry(f.package()).or_default();
                krate.done = began.elapsed();
                krate.artifact |= message["reason"] == "compiler-artifact";
                &mut krate.diagnostics
            }
            None => &mut elsewhere,
        };
        if message["reason"] == "compiler-message" {
            count(diagnostics, &message["message"]);
        }
    }
    let status = child.wait().map_err(|e| format!("cargo: {e}"))?;
    let stderr = stderr.join().unwrap_or_default();
    let mut results = Vec::new();
    for fixture in fixtures {
        let mut krate = per_crate.remove(&fixture.package()).unwrap_or_default();
        let gave_up = format!("could not compile `{}`", fixture.package());
        for (when, line) in &stderr {
            if line.contains(&gave_up) {
                krate.done = krate.done.max(*when);
            }
        }
        let outcome = if krate.diagnostics.errors > 0 || status.success() || krate.artifact {
            summarize(&krate.diagnostics, "")
        } else if elsewhere.errors > 0 {
            // Not built, for an error in a dependency.
            summarize(&elsewhere, " in a dependency")
        } else {
            // Not built, and no compiler error: cargo's own (a manifest, the lock file…).
            Outcome {
                summary: format!("FAILED: cargo {status}"),
                details: stderr
                    .iter()
                    .map(|(_, line)| line.as_str())
                    .filter(|l| l.trim_start().starts_with("error"))
                    .take(SHOWN)
                    .map(str::to_owned)
                    .collect(),
                failed: true,
            }
        };
        let done = if krate.done.is_zero() {
            began.elapsed()
        } else {
            krate.done
        };
        results.push((done, outcome));
    }
    Ok(results)
}

/// What one cargo run said about one crate.
#[derive(Default)]
struct Crate {
    diagnostics: Diagnostics,
    /// Whether cargo reported one of its targets done.
    artifact: bool,
    /// When cargo was last heard of it (a message, or giving it up), since cargo started.
    done: Duration,
}

/// Counts rustc's (or rustdoc's, or clippy's) diagnostic `message` in `diagnostics`: the
/// summaries (`aborting due to …`, `N warnings emitted`) are left out.
fn count(diagnostics: &mut Diagnostics, message: &serde_json::Value) {
    let level = message["level"].as_str().unwrap_or("");
    let text = message["message"].as_str().unwrap_or("");
    if text.starts_with("aborting due to")
        || text.ends_with("warning emitted")
        || text.ends_with("warnings emitted")
    {
        return;
    }
    match level {
        "error" | "error: internal compiler error" => diagnostics.errors += 1,
        "warning" => diagnostics.warnings += 1,
        _ => return,
    }
    let code = message["code"]["code"]
        .as_str()
        .map(|c| format!("[{c}]"))
        .unwrap_or_default();
    let first_line = text.lines().next().unwrap_or("");
    let head = format!("{level}{code}: {first_line}");
    let spans = message["spans"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let at = spans
        .iter()
        .find(|s| s["is_primary"] == true)
        .or(spans.first())
        .map(|s| {
            format!(
                "{}:{}:{}",
                s["file_name"].as_str().unwrap_or("?"),
                s["line_start"],
                s["column_start"]
            )
        })
        .unwrap_or_default();
    match diagnostics.seen.iter_mut().find(|(h, _, _)| *h == head) {
        Some((_, _, n)) => *n += 1,
        None => diagnostics.seen.push((head, at, 1)),
    }
}

/// A step's outcome for a crate from its diagnostics: failed on any error; the first
/// [`SHOWN`] distinct ones shown, each with how often it came and where first, errors first.
fn summarize(diagnostics: &Diagnostics, whose: &str) -> Outcome {
    let Diagnostics {
        seen,
        errors,
        warnings,
    } = diagnostics;
    let failed = *errors > 0;
    let summary = match (failed, *warnings) {
        (true, _) => format!("FAILED: {errors} error(s){whose}, {} distinct", seen.len()),
        (false, 0) => "ok".to_owned(),
        (false, n) => format!("ok, {n} warning(s)"),
    };
    let mut shown: Vec<&(String, String, usize)> = seen.iter().collect();
    // Errors before warnings, each kind in the order first seen.
    shown.sort_by_key(|(head, _, _)| !head.starts_with("error"));
    let details = shown
        .into_iter()
        .take(SHOWN)
        .map(|(head, at, n)| {
            let times = if *n > 1 {
                format!(" (×{n})")
            } else {
                String::new()
            };
            let at = if at.is_empty() {
                String::new()
            } else {
                format!(" at {at}")
            };
            format!("{head}{times}{at}")
        })
        .collect();
    Outcome {
        summary,
        details,
        failed,
    }
}

/// The packages (`name version`) in the lock file at `written` (as cargo left it) that the
/// workspace's lock file `lock` does not hold: versions chosen offline, not the workspace's.
fn beyond_lock(lock: &[u8], written: &Path) -> Vec<String> {
    let packages = |text: &str| -> Vec<String> {
        let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
            return Vec::new();
        };
        doc.get("package")
            .and_then(|p| p.as_array_of_tables())
            .map(|tables| {
                tables
                    .iter()
                    .filter(|t| t.get("source").is_some())
                    .map(|t| {
                        format!(
                            "{} {}",
                            t.get("name").and_then(|v| v.as_str()).unwrap_or("?"),
                            t.get("version").and_then(|v| v.as_str()).unwrap_or("?")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let ours = packages(&String::from_utf8_lossy(lock));
    let written = std::fs::read_to_string(written).unwrap_or_default();
    packages(&written)
        .into_iter()
        .filter(|p| !ours.contains(p))
        .collect()
}
