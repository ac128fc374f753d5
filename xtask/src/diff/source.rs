//! Where the two sides of a diff come from: the working tree, a git revision, or any file.

use std::path::Path;
use std::process::Command;

use super::document::{Document, load_source};

/// Reads a file by its workspace-relative path: `Ok(None)` when it does not exist there.
pub use crate::spec::Reader;

/// Reads from the working tree at `root`.
pub fn working_tree(root: &Path) -> impl Fn(&str) -> Result<Option<String>, String> + '_ {
    move |path: &str| {
        crate::read_file(&root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

/// Reads a spec file given on the command line (`--from`/`--to`): a regular file (after
/// symbolic links), as for a spec in the working tree ([`crate::read_file`]). Anything else is
/// refused before it is opened: a FIFO would wait for a writer that may never come, and a
/// device such as `/dev/zero` never ends. A missing file is an error too.
pub fn any_file(path: &Path) -> Result<String, String> {
    let cannot = |why: &dyn std::fmt::Display| format!("cannot read {}: {why}", path.display());
    match crate::read_file(path) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(cannot(&"no such file")),
        Err(e) => Err(cannot(&e)),
    }
}

/// What a git command printed on stderr, trimmed: the reason it failed.
fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_owned()
}

fn git(root: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "git is not installed (needed to read the old spec from a revision; --from/--to needs no git)"
                    .to_owned()
            }
            _ => format!("cannot run git: {e}"),
        })
}

/// Checks that `rev` names a commit, and returns a reader of files as they were there.
pub fn revision<'a>(
    root: &'a Path,
    rev: &'a str,
) -> Result<impl Fn(&str) -> Result<Option<String>, String> + 'a, String> {
    let out = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !out.status.success() {
        let inside = git(root, &["rev-parse", "--git-dir"])?;
        if !inside.status.success() {
            return Err(format!(
                "{} is not in a git repository, so there is no revision {rev:?}; use --from/--to",
                root.display()
            ));
        }
        return Err(format!("no such git revision: {rev:?}"));
    }
    Ok(move |path: &str| {
        let cannot = |why: &str| format!("cannot read {path} at {rev}: {why}");
        // Only a path that the revision's tree does not list is absent: any other failure
        // (an object git cannot read, a directory where the file should be) is an error,
        // never "absent", which would report every operation as added.
        let listed = git(
            root,
            &["--literal-pathspecs", "ls-tree", "-z", rev, "--", path],
        )?;
        if !listed.status.success() {
            return Err(cannot(&stderr(&listed)));
        }
        let entry = String::from_utf8_lossy(&listed.stdout);
        let Some((meta, _)) = entry.split_once('\t') else {
            return Ok(None);
        };
        let (kind, object) = match meta.split(' ').collect::<Vec<_>>()[..] {
            [_, kind, object] => (kind, object),
            _ => return Err(cannot(&format!("git ls-tree printed {meta:?}"))),
        };
        if kind != "blob" {
            return Err(cannot(&format!("it is a {kind} there, not a file")));
        }
        let out = git(root, &["cat-file", "blob", object])?;
        if !out.status.success() {
            return Err(cannot(&stderr(&out)));
        }
        String::from_utf8(out.stdout)
            .map(Some)
            .map_err(|_| cannot("it is not UTF-8"))
    })
}

/// The providers whose spec exists at `rev`: a hand-written `specs/<p>.yaml`, or a published
/// document `specs/upstream/<p>.{json,yaml,yml}` (see [`crate::spec`]).
pub fn providers_at(root: &Path, rev: &str) -> Result<Vec<String>, String> {
    let out = git(root, &["ls-tree", "-r", "--name-only", rev, "--", "specs/"])?;
    if !out.status.success() {
        return Err(format!("cannot list specs/ at {rev}: {}", stderr(&out)));
    }
    let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(crate::spec::provider_of)
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// Loads one provider's spec (a hand-written spec, or a published document and its overlay)
/// from `read` through [`load_source`], the one function that turns a spec into what
/// the generator sees, with the name of its file(s) (`specs/upstream/acme.json with
/// specs/acme.overlay.yaml`). `Ok(None)`: no spec on this side. The error is one line naming
/// the side.
pub fn provider_document(
    read: &Reader<'_>,
    provider: &str,
    side: &str,
) -> Result<Option<(String, Document)>, String> {
    let Some(source) = provider_source(read, provider, side)? else {
        return Ok(None);
    };
    load(&source, side).map(|document| Some((source.name(), document)))
}

/// [`load_source`], its problems in one line naming the side.
pub fn load(source: &crate::spec::Source, side: &str) -> Result<Document, String> {
    load_source(source).map_err(|problems| side_problems(side, &problems))
}

/// The files of one provider's spec from `read` (see [`crate::spec::read_with`]), not yet
/// loaded: `Ok(None)` when it has no spec on this side. The error is one line naming the side.
pub fn provider_source(
    read: &Reader<'_>,
    provider: &str,
    side: &str,
) -> Result<Option<crate::spec::Source>, String> {
    match crate::spec::read_with(read, provider) {
        Ok(source) => Ok(Some(source)),
        Err(found) if found.len() == 1 && found[0].message == crate::spec::NO_SUCH_SPEC => Ok(None),
        Err(found) => Err(side_problems(side, &found)),
    }
}

/// The code `generate` wrote for `provider` from exactly `source` (its files, with these
/// names and SHA-256, overlay and keep list included), as `read` has it: the provider's
/// generated file when its first line is the [`crate::render::header`] of `source`. `None`
/// when there is no such file, it cannot be read, or it was generated from other text: its
/// public API is then generated again.
pub fn committed_code(
    read: &Reader<'_>,
    provider: &str,
    source: &crate::spec::Source,
) -> Option<String> {
    let code = read(&crate::generated_file(provider)).ok()??;
    let header = crate::render::header(&source.name(), &source.sha256());
    (code.lines().next() == Some(header.as_str())).then_some(code)
}

/// Loads the spec at `file` from `read`, with the Overlay 1.0 file `overlay` applied first if
/// there is one (as `generate` applies `specs/<provider>.overlay.yaml`): see
/// [`provider_document`].
pub fn file_document(
    read: &Reader<'_>,
    file: &str,
    overlay: Option<&str>,
    side: &str,
) -> Result<Option<Document>, String> {
    let Some(text) = read(file)? else {
        return Ok(None);
    };
    let upstream = crate::spec::Text {
        file: file.to_owned(),
        text,
    };
    let source = match overlay {
        None => crate::spec::Source::Spec(upstream),
        Some(overlay) => {
            let Some(text) = read(overlay)? else {
                return Err(format!(
                    "the {side} side's overlay {overlay} does not exist"
                ));
            };
            crate::spec::Source::Published {
                upstream,
                overlay: Some(crate::spec::Text {
                    file: overlay.to_owned(),
                    text,
                }),
            }
        }
    };
    load(&source, side).map(Some)
}

/// The one line that says a side of a diff has problems, and lists them.
fn side_problems(side: &str, problems: &[crate::Problem]) -> String {
    format!(
        "the {side} side has problems: {}",
        crate::problem::one_line(problems)
    )
}
