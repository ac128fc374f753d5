//! `cargo xtask generate`: lint each `specs/<provider>.yaml`, generate its client with progenitor,
//! and write (or, with `--check`, compare) `crates/<provider>-client/src/generated.rs`.
//!
//! Everything is rendered in memory first: if any spec has a problem, nothing is written.

pub mod cli;
pub mod corpus;
pub mod dependencies;
pub mod diff;
pub mod keep;
pub mod leave_out;
pub mod lint;
/// The lint's checks by their former paths: `lint/all_of.rs`, `lint/fields.rs`, `lint/names.rs`.
pub use lint::{all_of as lint_all_of, fields as lint_fields, names as lint_names};
pub mod mutate;
pub mod normalize;
pub mod overlay;
pub mod problem;
pub mod progenitor_run;
pub mod refs;
pub mod release;
pub mod rename;
pub mod render;
pub mod render_docs;
pub mod repair;
pub mod scaffold;
pub mod scratch;
pub mod spec;
pub mod yaml_depth;

use std::path::{Path, PathBuf};
use std::process::Command;

pub use problem::Problem;

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

/// The workspace root: the parent of this crate's directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// A `cargo` command (the one running this process, else `cargo` from `PATH`) that builds into
/// this workspace's target directory (or `CARGO_TARGET_DIR`), so that a copy of the workspace
/// or an application beside it compiles only what the workspace has not compiled already.
pub fn cargo_sharing_target() -> Command {
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo.env("CARGO_TARGET_DIR", target_dir());
    cargo
}

/// This workspace's target directory: `CARGO_TARGET_DIR`, else `target/` at the root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The providers with a spec, sorted: the names of `specs/<provider>.yaml`,
/// `specs/<provider>.overlay.yaml`, `specs/<provider>.keep.yaml` and
/// `specs/upstream/<provider>.{json,yaml}`.
pub fn providers(root: &Path) -> Result<Vec<String>, Problem> {
    let mut names = Vec::new();
    for dir in ["specs".to_owned(), format!("specs/{}", spec::UPSTREAM_DIR)] {
        let path = root.join(&dir);
        if dir != "specs" && !path.is_dir() {
            continue;
        }
        let entries = std::fs::read_dir(&path)
            .map_err(|e| Problem::at(&dir, "", format!("cannot list {}: {e}", path.display())))?;
        for entry in entries {
            let entry = entry.map_err(|e| Problem::at(&dir, "", format!("cannot list: {e}")))?;
            let file = format!("{dir}/{}", entry.file_name().to_string_lossy());
            // Whatever it is (a directory, a FIFO…): reading it names what is wrong, where
            // skipping it would report nothing at all.
            if let Some(provider) = spec::provider_of(&file) {
                names.push(provider.to_owned());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
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
/// note (an operation progenitor cannot express: see [`leave_out`]).
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

/// The folder of `provider`'s client crate, relative to the workspace root.
pub fn client_crate(provider: &str) -> String {
    format!("crates/{provider}-client")
}

/// Where `generate` writes `provider`'s generated code, relative to the workspace root: its
/// first line is [`render::header`].
pub fn generated_file(provider: &str) -> String {
    format!("{}/src/generated.rs", client_crate(provider))
}

/// Why an output whose folder is reached through a link to elsewhere is not written.
pub(crate) const OUTSIDE: &str =
    "is outside the workspace (through a symbolic link); the xtask writes only inside it";

/// Whether the folder that `path` (relative to `root`) would be written into resolves, links
/// followed, to somewhere outside `root`: its nearest existing ancestor is looked at, as
/// `create_dir_all` would create the rest inside it. The file itself may be a link: it is
/// replaced by the rename, not written through.
pub(crate) fn leaves_workspace(root: &Path, path: &str) -> bool {
    let Ok(real_root) = std::fs::canonicalize(root) else {
        return false;
    };
    let mut dir = root.join(path);
    while dir.pop() {
        match std::fs::canonicalize(&dir) {
            Ok(real) => return !real.starts_with(&real_root),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            // Anything else is for the write to report, naming the file.
            Err(_) => return false,
        }
    }
    false
}

/// The text of the file at `path`, or `None` if there is none. Anything there that is not a
/// regular file (after symbolic links) is an error before it is opened: reading a directory
/// fails, but reading a FIFO waits for a writer that may never come, and a device such as
/// `/dev/zero` never ends.
pub fn read_file(path: &Path) -> std::io::Result<Option<String>> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
        Ok(meta) if !meta.is_file() => Err(std::io::Error::other("not a regular file")),
        Ok(_) => std::fs::read_to_string(path).map(Some),
    }
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Replaces the file at `path` with `bytes` through a temporary file beside it and a rename,
/// creating its folder if needed: the file is never half-written, and after an error it is as
/// it was.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("not a file in a folder"))?;
    let temporary = dir.join(format!(
        ".{}.xtask-tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("out")
    ));
    // A temporary file left over (or a link put there: it would be written through, to a
    // file that is not ours) is removed; the new one is created afresh, never followed.
    let _ = std::fs::remove_file(&temporary);
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temporary)
        })
        .and_then(|mut file| std::io::Write::write_all(&mut file, bytes))
        .and_then(|()| std::fs::rename(&temporary, path));
    // Only a temporary file of ours is removed; the file itself is as it was.
    if written.is_err() && temporary.is_file() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
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
