//! Versions follow the spec: `cargo xtask release PROVIDER`, and the check that
//! `cargo test --workspace` runs.
//!
//! **The release baseline** of `crates/<provider>-client` is `crates/<provider>-client/baseline.yaml`:
//! the spec as the generator saw it at the last release (the output of [`crate::diff::load`],
//! written back as YAML), with the released version in the root extension
//! `x-release: {crate: <package>, version: <version>}`. Only `cargo xtask release` writes it.
//!
//! The rule: a change that is rust-breaking since the baseline needs a major bump (while the
//! version is 0.x, a minor one); any other change a minor bump (0.x: a patch bump) when the Rust
//! API grew, else a patch bump.
//!
//! **A release is all or nothing.** It writes up to four files: the crate's `Cargo.toml`,
//! `Cargo.lock`, the crate's `CHANGELOG.md` and its `baseline.yaml`. Each is replaced whole
//! (a temporary file and a rename), and the set through a journal,
//! `crates/<provider>-client/.release-journal.json`:
//!
//! 1. Every file's new text is prepared before anything is written; a file that cannot be read
//!    stops the release with nothing written.
//! 2. The journal is written: the version, the changelog entry, and each file's path with its
//!    text before and after.
//! 3. The files are written, in that order. If one fails, the ones already written are put
//!    back as they were and the journal is removed: the tree is as before the release.
//! 4. The journal is removed: the release is done.
//!
//! If the files cannot be put back (or the run is killed between 2 and 4), the journal stays,
//! and the next `cargo xtask release PROVIDER` finishes *that* release before anything else: it
//! checks that each file is as it was or as the release writes it (anything else was edited
//! since, and is refused), writes the ones not yet written, and removes the journal. So a
//! release is written exactly once however often it is re-run, and its changelog entry once.
//! The journal names only those four files; any other path in it is refused.
//!
//! **The changelog** keeps Keep a Changelog's order: the entry goes above the newest release,
//! below a `## [Unreleased]` section (after its text), in a changelog that starts with an entry
//! too. A changelog that already has an entry for the version is refused rather than given a
//! second one. **Line endings:** every file the release edits keeps its own (CRLF, as a
//! checkout with `core.autocrlf` makes, or LF); a new file is LF.

mod changelog;
mod version;

use std::path::Path;

use serde_json::Value;

use crate::Output;
use crate::diff::{self, Document, Grade, Report};
use changelog::{changelog, ending, entry, with_ending};
use version::krate;
pub use version::{Level, Version, level};

/// The baseline's path, relative to the workspace.
pub fn baseline_path(provider: &str) -> String {
    format!("{}/baseline.yaml", krate(provider))
}

/// The released version and document of `provider`, if it has a baseline.
pub fn baseline(root: &Path, provider: &str) -> Result<Option<(Version, Document)>, String> {
    let file = baseline_path(provider);
    // Only a missing file means "not released yet": one that cannot be read is an error, so
    // that the version check never passes without comparing.
    let Some(text) = diff::source::working_tree(root)(&file)? else {
        return Ok(None);
    };
    let mut doc = diff::load(&text, &file).map_err(|p| crate::problem::one_line(&p))?;
    let version = doc
        .json
        .pointer("/x-release/version")
        .and_then(Value::as_str)
        .and_then(Version::parse)
        .ok_or_else(|| format!("{file}: /x-release/version: missing or not MAJOR.MINOR.PATCH"))?;
    doc.openapi.extensions.shift_remove("x-release");
    if let Some(map) = doc.json.as_object_mut() {
        map.remove("x-release");
    }
    Ok(Some((version, doc)))
}

/// The crate's version in its `Cargo.toml`.
pub fn crate_version(root: &Path, provider: &str) -> Result<Version, String> {
    let file = format!("{}/Cargo.toml", krate(provider));
    let text = manifest_text(root, &file)?;
    let manifest: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{file}: {e}"))?;
    manifest
        .get("package")
        .and_then(|p| p.get("version"))
        .and_then(toml_edit::Item::as_str)
        .and_then(Version::parse)
        .ok_or_else(|| format!("{file}: no `version = \"MAJOR.MINOR.PATCH\"` in [package]"))
}

/// The text of the crate's manifest `file`: a missing one, or anything but a regular file (a
/// FIFO would wait for a writer forever), is an error naming it.
fn manifest_text(root: &Path, file: &str) -> Result<String, String> {
    match crate::read_file(&root.join(file)) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(format!("{file}: not found")),
        Err(e) => Err(format!("{file}: {e}")),
    }
}

/// `Cargo.toml` of the provider's crate with `version`, and `Cargo.lock` with it too (the lock
/// file records workspace members' versions: kept in step, so that a `--locked` build accepts
/// the release). No lock file, or none that lists the crate yet, is left alone.
fn version_outputs(root: &Path, provider: &str, version: Version) -> Result<Vec<Output>, String> {
    let file = format!("{}/Cargo.toml", krate(provider));
    let text = manifest_text(root, &file)?;
    let mut manifest: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{file}: {e}"))?;
    manifest["package"]["version"] = toml_edit::value(version.to_string());
    let mut outputs = vec![Output {
        path: file,
        new: with_ending(&manifest.to_string(), ending(&text)),
        old: Some(text),
    }];
    let file = "Cargo.lock";
    let Some(text) = diff::source::working_tree(root)(file)? else {
        return Ok(outputs);
    };
    let mut locked: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{file}: {e}"))?;
    let package = crate::scaffold::package(provider);
    let found = locked
        .get_mut("package")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
        .into_iter()
        .flat_map(|tables| tables.iter_mut())
        // The workspace member, which has no `source`: not a registry package of that name.
        .find(|t| {
            t.get("name").and_then(toml_edit::Item::as_str) == Some(package.as_str())
                && t.get("source").is_none()
        })
        .map(|entry| entry["version"] = toml_edit::value(version.to_string()))
        .is_some();
    if found {
        outputs.push(Output {
            path: file.to_owned(),
            new: with_ending(&locked.to_string(), ending(&text)),
            old: Some(text),
        });
    }
    Ok(outputs)
}

/// The provider's spec in the working tree (a hand-written spec, or a published document and
/// its overlay), as the generator sees it.
fn current(root: &Path, provider: &str) -> Result<(String, Document), String> {
    let join = |p: Vec<crate::Problem>| crate::problem::one_line(&p);
    let source = crate::spec::read(root, provider).map_err(join)?;
    Ok((source.name(), diff::load_source(&source).map_err(join)?))
}

/// The changes since the baseline (`None` without a baseline).
pub fn since_baseline(root: &Path, provider: &str) -> Result<Option<(Version, Report)>, String> {
    let Some((version, old)) = baseline(root, provider)? else {
        return Ok(None);
    };
    let (name, new) = current(root, provider)?;
    let label = format!("{name} (release {version} → working tree)");
    let report =
        diff::compare(&label, Some(&old), Some(&new)).map_err(|p| crate::problem::one_line(&p))?;
    Ok(Some((version, report)))
}

/// Checks every client crate: a rust-breaking change since its baseline needs a big enough
/// version, and no release is left half-written (its journal is there). Returns one message
/// per crate that is behind, naming the crate, the change and the version to set.
pub fn check(root: &Path) -> Result<(), Vec<String>> {
    let providers = crate::providers(root).map_err(|p| vec![p.to_string()])?;
    let mut behind = Vec::new();
    for provider in providers {
        let package = crate::scaffold::package(&provider);
        let journal = journal_path(&provider);
        if root.join(&journal).exists() {
            behind.push(format!(
                "{package}: a release was interrupted ({journal} is there); run `cargo xtask \
                 release {provider}` to finish it"
            ));
            continue;
        }
        let outcome = since_baseline(root, &provider).and_then(|found| {
            let Some((released, report)) = found else {
                return Ok(None);
            };
            let now = crate_version(root, &provider)?;
            let needed = released.bump(Level::Major)?;
            if report.rust() != Grade::Breaking || now >= needed {
                return Ok(None);
            }
            let cause = report
                .changes
                .iter()
                .find(|c| c.rust == Grade::Breaking)
                .map(|c| {
                    let rust = c.rust_changes.first().map_or(String::new(), |r| format!(" → {}", r.text));
                    format!("`{}`: {}{rust}", c.id, c.text)
                })
                .or_else(|| report.unexplained.first().map(|r| format!("{} (no spec change explains it)", r.text)))
                .unwrap_or_default();
            Ok(Some(format!(
                "{package}: its Rust API broke since release {released} ({cause}); set version = \"{needed}\" in {}/Cargo.toml (it is {now}), or run `cargo xtask release {provider}`",
                krate(&provider)
            )))
        });
        match outcome {
            // Spec text in the message is printed with its control characters escaped.
            Ok(Some(message)) => behind.push(crate::problem::printable(&message).into_owned()),
            Ok(None) => {}
            Err(e) => behind.push(format!("{package}: {e}")),
        }
    }
    if behind.is_empty() {
        Ok(())
    } else {
        Err(behind)
    }
}

/// What `cargo xtask release` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released {
    /// The version the crate has now.
    pub version: Version,
    /// The changelog entry written (empty when nothing changed).
    pub entry: String,
    /// Whether this run finished a release that an earlier run began and could not finish
    /// (from its journal), rather than a new one.
    pub resumed: bool,
}

/// How a release changes files: [`Disk`] for `cargo xtask release`; a test passes a stand-in
/// that fails where it is told to.
pub trait Files {
    /// Replaces the file at `path` with `text`, whole or not at all.
    fn write(&mut self, path: &Path, text: &str) -> std::io::Result<()>;
    /// Removes the file at `path`.
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The files on disk, each replaced through a temporary file and a rename ([`crate::replace`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Files for Disk {
    fn write(&mut self, path: &Path, text: &str) -> std::io::Result<()> {
        crate::replace(path, text.as_bytes())
    }

    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// The journal of a release under way, relative to the workspace (see the module doc).
pub fn journal_path(provider: &str) -> String {
    format!("{}/.release-journal.json", krate(provider))
}

/// What the journal records: the release, and each file it writes, before and after.
#[derive(serde::Serialize, serde::Deserialize)]
struct Journal {
    version: String,
    entry: String,
    files: Vec<Step>,
}

/// One file of a release: its text before (`None`: there was none) and after.
#[derive(serde::Serialize, serde::Deserialize)]
struct Step {
    path: String,
    old: Option<String>,
    new: String,
}

/// `cargo xtask release PROVIDER`: bumps the crate's version (in its `Cargo.toml` and in
/// `Cargo.lock`) by the changes since its baseline, writes the changelog entry, and records the
/// new baseline, all or nothing (see the module doc); or finishes the release that an earlier
/// run left in its journal. `date` is `YYYY-MM-DD`.
pub fn release(root: &Path, provider: &str, date: &str) -> Result<Released, String> {
    release_with(root, provider, date, &mut Disk)
}

/// [`release`], changing files through `files`.
pub fn release_with(
    root: &Path,
    provider: &str,
    date: &str,
    files: &mut dyn Files,
) -> Result<Released, String> {
    let journal = journal_path(provider);
    if let Some(text) = diff::source::working_tree(root)(&journal)? {
        return resume(root, provider, &journal, &text, files);
    }
    let package = crate::scaffold::package(provider);
    let (name, current_doc) = current(root, provider)?;
    let now = crate_version(root, provider)?;
    let (version, entry) = match since_baseline(root, provider)? {
        None => (
            now,
            format!(
                "## [{now}] - {date}\n\n### Added\n\n- First release of `{package}`, generated from `{name}`.\n"
            ),
        ),
        Some((released, report)) => {
            let Some(level) = level(&report) else {
                return Ok(Released {
                    version: now,
                    entry: String::new(),
                    resumed: false,
                });
            };
            let version = released.bump(level)?.max(now);
            let entry = crate::problem::printable(&entry(version, date, &report)).into_owned();
            (version, entry)
        }
    };
    // Every file is prepared before any is written: a release that cannot read one of them
    // changes nothing.
    let mut outputs = version_outputs(root, provider, version)?;
    outputs.push(changelog(root, provider, version, &entry)?);
    outputs.push(baseline_output(
        root,
        provider,
        &name,
        version,
        &current_doc,
    )?);
    let steps: Vec<Step> = outputs
        .into_iter()
        .filter(Output::is_stale)
        .map(|o| Step {
            path: o.path,
            old: o.old,
            new: o.new,
        })
        .collect();
    refuse_outside(root, &journal, &steps)?;
    let record = Journal {
        version: version.to_string(),
        entry,
        files: steps,
    };
    let text = serde_json::to_string_pretty(&record).map_err(|e| format!("{journal}: {e}"))?;
    files
        .write(&root.join(&journal), &text)
        .map_err(|e| format!("writing the release: {journal}: {e}; nothing was written"))?;
    for (done, step) in record.files.iter().enumerate() {
        if let Err(e) = files.write(&root.join(&step.path), &step.new) {
            let failed = format!("writing release {version}: {}: {e}", step.path);
            return Err(undo(
                root,
                provider,
                &journal,
                &record.files[..done],
                files,
                failed,
            ));
        }
    }
    finish(root, provider, &journal, version, files)?;
    Ok(Released {
        version,
        entry: record.entry,
        resumed: false,
    })
}

/// An error if the journal or a file of the release would be written outside the workspace
/// (a folder linked from elsewhere): checked before anything is written.
fn refuse_outside(root: &Path, journal: &str, steps: &[Step]) -> Result<(), String> {
    let paths = std::iter::once(journal).chain(steps.iter().map(|s| s.path.as_str()));
    for path in paths {
        if crate::leaves_workspace(root, path) {
            return Err(format!(
                "writing the release: {path}: {}; nothing was written",
                crate::OUTSIDE
            ));
        }
    }
    Ok(())
}

/// After `failed`: puts the files of `written` back as they were, newest first, and removes
/// the journal. The error says whether the tree is as before, or what the re-run will finish.
fn undo(
    root: &Path,
    provider: &str,
    journal: &str,
    written: &[Step],
    files: &mut dyn Files,
    failed: String,
) -> String {
    let mut stuck = Vec::new();
    for step in written.iter().rev() {
        let path = root.join(&step.path);
        let restored = match &step.old {
            Some(old) => files.write(&path, old),
            None => files.remove(&path),
        };
        if let Err(e) = restored {
            stuck.push(format!("{}: {e}", step.path));
        }
    }
    let rerun = format!("run `cargo xtask release {provider}` again to finish this release");
    if !stuck.is_empty() {
        return format!(
            "{failed}; could not put back {} ({rerun}, recorded in {journal})",
            stuck.join(", ")
        );
    }
    match files.remove(&root.join(journal)) {
        Ok(()) => format!("{failed}; nothing was changed"),
        Err(e) => format!(
            "{failed}; every file is as it was, but {journal} could not be removed ({e}): {rerun}, \
             or remove {journal} to give it up"
        ),
    }
}

/// Removes the journal of a release whose files are all written.
fn finish(
    root: &Path,
    provider: &str,
    journal: &str,
    version: Version,
    files: &mut dyn Files,
) -> Result<(), String> {
    files.remove(&root.join(journal)).map_err(|e| {
        format!(
            "release {version} is written, but {journal} could not be removed ({e}); run \
             `cargo xtask release {provider}` again to finish it"
        )
    })
}

/// Finishes the release recorded in the journal `text` (see the module doc).
fn resume(
    root: &Path,
    provider: &str,
    journal: &str,
    text: &str,
    files: &mut dyn Files,
) -> Result<Released, String> {
    let give_up = format!("remove {journal} to give up the release it records");
    let record: Journal = serde_json::from_str(text)
        .map_err(|e| format!("{journal}: not a release journal ({e}); {give_up}"))?;
    let version = Version::parse(&record.version)
        .ok_or_else(|| format!("{journal}: the version is not MAJOR.MINOR.PATCH; {give_up}"))?;
    let ours = [
        format!("{}/Cargo.toml", krate(provider)),
        "Cargo.lock".to_owned(),
        format!("{}/CHANGELOG.md", krate(provider)),
        baseline_path(provider),
    ];
    let mut pending = Vec::new();
    for step in &record.files {
        if !ours.contains(&step.path) {
            return Err(format!(
                "{journal}: names {:?}, not a file that a release writes; {give_up}",
                crate::problem::printable(&step.path)
            ));
        }
        let now = diff::source::working_tree(root)(&step.path)?;
        if now.as_deref() == Some(step.new.as_str()) {
            continue;
        }
        if now != step.old {
            return Err(format!(
                "{}: changed since release {version} was interrupted (it is neither as it was nor \
                 as the release writes it); put it back, or {give_up}",
                step.path
            ));
        }
        pending.push(step);
    }
    refuse_outside(root, journal, &record.files)?;
    for step in pending {
        files.write(&root.join(&step.path), &step.new).map_err(|e| {
            format!(
                "finishing release {version}: {}: {e}; run `cargo xtask release {provider}` again \
                 to finish it",
                step.path
            )
        })?;
    }
    finish(root, provider, journal, version, files)?;
    Ok(Released {
        version,
        entry: record.entry,
        resumed: true,
    })
}

/// The new `baseline.yaml`: the document as the generator saw it, with its release.
fn baseline_output(
    root: &Path,
    provider: &str,
    name: &str,
    version: Version,
    doc: &Document,
) -> Result<Output, String> {
    let path = baseline_path(provider);
    let old = diff::source::working_tree(root)(&path)?;
    let mut json = doc.json.clone();
    if let Some(map) = json.as_object_mut() {
        map.insert(
            "x-release".to_owned(),
            serde_json::json!({ "crate": crate::scaffold::package(provider), "version": version.to_string() }),
        );
    }
    let yaml = serde_norway::to_string(&json).map_err(|e| e.to_string())?;
    let text = format!(
        "# Release baseline of {}: {name} as the generator saw it at release {version}.\n\
         # Written by `cargo xtask release {provider}`; do not edit. See README.md, \"When a provider changes its API\".\n{yaml}",
        crate::scaffold::package(provider)
    );
    Ok(Output {
        new: with_ending(&text, old.as_deref().map_or("\n", ending)),
        path,
        old,
    })
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Runs `cargo xtask release PROVIDER`. Exit code: 0 done, 1 failed, 2 bad input.
pub fn run(
    root: &Path,
    provider: &str,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    let known = crate::providers(root).unwrap_or_default();
    if !known.iter().any(|known| known == provider) || !root.join(krate(provider)).exists() {
        let _ = writeln!(
            err,
            "error: no client crate for {provider:?} (the providers are: {}); run `cargo xtask generate` first",
            known.join(", ")
        );
        return 2;
    }
    match release(root, provider, &today()) {
        Ok(Released { version, entry, .. }) if entry.is_empty() => {
            let _ = writeln!(
                out,
                "{}: nothing changed since release {version}; nothing written",
                crate::scaffold::package(provider)
            );
            0
        }
        Ok(Released {
            version,
            entry,
            resumed,
        }) => {
            let finished = if resumed {
                "finished the interrupted release: "
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{} {version}: {finished}wrote {}/Cargo.toml, CHANGELOG.md and baseline.yaml\n\n{entry}",
                crate::scaffold::package(provider),
                krate(provider)
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            1
        }
    }
}
