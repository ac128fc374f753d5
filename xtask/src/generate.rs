//! `cargo xtask generate`: lint each `specs/<provider>.yaml`, generate its client with progenitor,
//! and write (or, with `--check`, compare) `crates/<provider>-client/src/generated.rs`.
//!
//! Everything is rendered in memory first: if any spec has a problem, nothing is written.

use std::io::Write;
use std::path::Path;

use crate::workspace::{
    OUTSIDE, client_crate, generated_file, leaves_workspace, providers, read_file, replace,
};
use crate::{Problem, dependencies, render, scaffold, spec};

/// One file that generation wants to exist with `new` content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the workspace root, with `/` separators.
    pub path: String,
    /// What is on disk now, if the file exists.
    pub old: Option<String>,
    /// What generation produced.
    pub new: String,
}

impl Output {
    /// Whether the file on disk differs from what generation produced.
    pub fn is_stale(&self) -> bool {
        self.old.as_deref() != Some(self.new.as_str())
    }

    /// A unified diff from the file on disk (or nothing) to the generated text.
    pub fn diff(&self) -> String {
        let old = self.old.as_deref().unwrap_or("");
        let from = if self.old.is_some() {
            format!("a/{}", self.path)
        } else {
            "/dev/null".to_owned()
        };
        similar::TextDiff::from_lines(old, &self.new)
            .unified_diff()
            .context_radius(3)
            .header(&from, &format!("b/{}", self.path))
            .to_string()
    }
}

/// Renders every output for `only` the named provider, or all of them, without writing.
///
/// Returns every problem of every spec if there is any.
pub fn plan(root: &Path, only: Option<&str>) -> Result<Vec<Output>, Vec<Problem>> {
    plan_with_notes(root, only).map(|(outputs, _)| outputs)
}

/// [`plan`], and the notes of every rewrite that made a spec's shapes fit progenitor.
pub fn plan_with_notes(
    root: &Path,
    only: Option<&str>,
) -> Result<(Vec<Output>, Vec<Problem>), Vec<Problem>> {
    plan_strict(root, only, false)
}

/// [`plan_with_notes`]; `strict` refuses what would otherwise be left out of a client with a
/// note (an operation progenitor cannot express: see [`leave_out`](crate::leave_out)).
pub fn plan_strict(
    root: &Path,
    only: Option<&str>,
    strict: bool,
) -> Result<(Vec<Output>, Vec<Problem>), Vec<Problem>> {
    let all = providers(root).map_err(|p| vec![p])?;
    let chosen: Vec<String> = match only {
        None => all,
        Some(name) if all.iter().any(|p| p == name) => vec![name.to_owned()],
        Some(name) => {
            return Err(vec![Problem::at(
                &format!("specs/{name}.yaml"),
                "",
                format!("no such spec; the providers are: {}", all.join(", ")),
            )]);
        }
    };
    let mut outputs = Vec::new();
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for provider in &chosen {
        match plan_one(root, provider, strict) {
            Ok((mut files, mut noted)) => {
                outputs.append(&mut files);
                notes.append(&mut noted);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok((outputs, notes))
    } else {
        Err(problems)
    }
}

fn plan_one(
    root: &Path,
    provider: &str,
    strict: bool,
) -> Result<(Vec<Output>, Vec<Problem>), Vec<Problem>> {
    if !provider
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        || !provider.starts_with(|c: char| c.is_ascii_lowercase())
    {
        // Named by a file that is there: `specs/upstream/..json` is provider `.`, and
        // `specs/..yaml` does not exist.
        let upstream = ["json", "yaml", "yml"]
            .map(|ext| format!("specs/{}/{provider}.{ext}", spec::UPSTREAM_DIR));
        let file = [
            format!("specs/{provider}.yaml"),
            format!("specs/{provider}{}", spec::OVERLAY_SUFFIX),
            format!("specs/{provider}{}", spec::KEEP_SUFFIX),
        ]
        .into_iter()
        .chain(upstream)
        .find(|file| root.join(file).symlink_metadata().is_ok())
        .unwrap_or_else(|| format!("specs/{provider}.yaml"));
        return Err(vec![Problem::at(
            &file,
            "",
            "a provider's file name must be lower-case letters, digits and `_`, starting with a letter",
        )]);
    }
    let source = spec::read(root, provider)?;
    let prepared = spec::prepare_with(&source, strict)?;
    let spec = &prepared.openapi;
    let (rendered, mock, left_out) =
        render::render_with_mock(spec, &source.name(), &source.sha256(), strict)?;
    let krate = client_crate(provider);
    let title = &spec.info.title;
    // generated.rs; mock.rs (progenitor's typed httpmock mocks, compiled only with the
    // crate's `mock` feature); Cargo.toml, its `[dependencies]` kept in step with generated.rs (from the
    // scaffold's template where there is none); lib.rs, hand-written, only where there is
    // none (a link counts as one): written once, never overwritten.
    let manifest = format!("{krate}/Cargo.toml");
    let lib = format!("{krate}/src/lib.rs");
    let mut wanted = vec![
        (generated_file(provider), Some(rendered.code)),
        (format!("{krate}/src/mock.rs"), Some(mock)),
        (manifest.clone(), None),
    ];
    if root.join(&lib).symlink_metadata().is_err() {
        let text = scaffold::lib_rs(provider, title, &format!("`{}`", source.name()));
        wanted.push((lib, Some(text)));
    }
    wanted.sort();
    let mut outputs = Vec::new();
    let mut refused = Vec::new();
    for (path, new) in wanted {
        if leaves_workspace(root, &path) {
            refused.push(Problem::at(&path, "", OUTSIDE));
            continue;
        }
        // Only a missing file is "not there yet": one that cannot be read is named, not
        // replaced.
        let old = match read_file(&root.join(&path)) {
            Ok(old) => old,
            Err(e) => {
                refused.push(Problem::at(&path, "", format!("cannot be read: {e}")));
                continue;
            }
        };
        let new = match new {
            Some(new) => new,
            None => {
                let start = old
                    .clone()
                    .unwrap_or_else(|| scaffold::cargo_toml(provider, title, &source.name()));
                match dependencies::in_step(&start, &path, &rendered.crates) {
                    Ok(new) => new,
                    Err(problem) => {
                        refused.push(problem);
                        continue;
                    }
                }
            }
        };
        outputs.push(Output { path, old, new });
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let mut notes = prepared.notes;
    notes.extend(left_out);
    notes.sort();
    Ok((outputs, notes))
}

/// Writes each stale output (through a temporary file and a rename, so no file is half-written).
/// An error names the output's path, and the outputs written before it, if any.
/// Nothing is written if any stale output's folder is outside `root` through a link.
pub fn write(root: &Path, outputs: &[Output]) -> std::io::Result<()> {
    let stale = || outputs.iter().filter(|o| o.is_stale());
    if let Some(output) = stale().find(|o| leaves_workspace(root, &o.path)) {
        return Err(std::io::Error::other(format!(
            "{}: {OUTSIDE}; nothing was written",
            output.path
        )));
    }
    let mut done: Vec<&str> = Vec::new();
    for output in stale() {
        if let Err(e) = replace(&root.join(&output.path), output.new.as_bytes()) {
            let already = if done.is_empty() {
                String::new()
            } else {
                format!("; already written: {}", done.join(", "))
            };
            return Err(std::io::Error::new(
                e.kind(),
                format!("{}: {e}{already}", output.path),
            ));
        }
        done.push(&output.path);
    }
    Ok(())
}

/// Runs `cargo xtask generate` with its `flags`. Exit code: 0 done (or up to date), 1 a
/// problem or stale files.
pub fn run(
    root: &Path,
    flags: &crate::flags::Generate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let outputs = match plan_strict(root, flags.provider.as_deref(), flags.strict) {
        Ok((outputs, notes)) => {
            for note in &notes {
                let _ = writeln!(err, "note: {note}");
            }
            outputs
        }
        Err(problems) => {
            for problem in &problems {
                let _ = writeln!(err, "{problem}");
            }
            let _ = writeln!(
                err,
                "error: {} problem(s); nothing was written",
                problems.len()
            );
            return 1;
        }
    };
    let stale: Vec<_> = outputs.iter().filter(|o| o.is_stale()).collect();
    if flags.check {
        for output in &stale {
            let _ = write!(out, "{}", output.diff());
        }
        if stale.is_empty() {
            let _ = writeln!(out, "{} file(s) up to date", outputs.len());
            return 0;
        }
        let _ = writeln!(
            err,
            "error: {} file(s) stale; run `cargo xtask generate`",
            stale.len()
        );
        return 1;
    }
    if let Err(e) = write(root, &outputs) {
        let _ = writeln!(err, "error: writing {e}");
        return 1;
    }
    for output in &outputs {
        let state = match (&output.old, output.is_stale()) {
            (None, _) => "created",
            (Some(_), true) => "updated",
            (Some(_), false) => "unchanged",
        };
        let _ = writeln!(
            out,
            "{state:>9} {} ({} lines)",
            output.path,
            output.new.lines().count()
        );
    }
    0
}
