//! `cargo xtask release` writes its files as a set: a failure part-way changes nothing (or
//! leaves a journal that the re-run finishes), a re-run releases exactly once, the changelog
//! entry goes where Keep a Changelog puts it, and each file keeps its line endings.
//!
//! Each case compares bytes: the workspace after a failure with the workspace before it, and
//! after the re-run with a twin workspace where the same release succeeded at the first try.
//! Every file of the workspace is compared, so a file the xtask does not own that it touched,
//! or a temporary file it left, shows up too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{TINY, files, workspace, xtask};

/// The release date of every release below: fixed, so that twin workspaces match byte for byte.
const DATE: &str = "2026-12-01";

const CRATE: &str = "crates/tiny-client";

/// Every file below `root` with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files(root)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(root.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// The files that differ between two snapshots (missing on one side included).
fn differences(a: &BTreeMap<PathBuf, Vec<u8>>, b: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    let mut paths: Vec<&PathBuf> = a.keys().chain(b.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| a.get(*p) != b.get(*p))
        .map(|p| p.display().to_string())
        .collect()
}

/// A copy of every file of `from` in a new temporary directory.
fn twin(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (file, bytes) in snapshot(from) {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// A throwaway workspace with TINY generated and released as 0.1.0 (dated [`DATE`]), a
/// `Cargo.lock` that lists the crate, and a Rust-breaking edit of the spec since: the next
/// release is 0.2.0 and writes all four files.
fn ready_to_release() -> tempfile::TempDir {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let root = dir.path();
    assert_eq!(xtask(root, &["generate"]).0, 0);
    std::fs::write(
        root.join("Cargo.lock"),
        "version = 4\n\n[[package]]\nname = \"tiny-client\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    xtask::release::release(root, "tiny", DATE).unwrap();
    let spec = root.join("specs/tiny.yaml");
    let text = std::fs::read_to_string(&spec).unwrap();
    let edited = text.replace(
        "        - name: id\n",
        "        - name: reason\n          in: query\n          required: true\n          \
         schema:\n            type: string\n        - name: id\n",
    );
    assert_ne!(edited, text);
    std::fs::write(spec, edited).unwrap();
    dir
}

/// The release of `root`, done in a twin where nothing fails: what the workspace must be after
/// a release that failed and was run again.
fn released_once(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let reference = twin(root);
    let released = xtask::release::release(reference.path(), "tiny", DATE).unwrap();
    assert_eq!(released.version.to_string(), "0.2.0");
    snapshot(reference.path())
}

/// Releases `root` with a directory in the way of the temporary file that the write of
/// `file` goes through (a write failure that stops root too), then again once it is gone.
/// Returns the files changed by the failed release, and the files that differ after the
/// re-run from a release that succeeded at once.
fn fail_writing_then_rerun(root: &Path, file: &str) -> (Vec<String>, Vec<String>) {
    let once = released_once(root);
    let before = snapshot(root);
    let (dir, name) = file.rsplit_once('/').unwrap_or(("", file));
    let blocker = root.join(dir).join(format!(".{name}.xtask-tmp"));
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("keep"), "not the xtask's").unwrap();
    let failed = xtask::release::release(root, "tiny", DATE);
    let error = failed.expect_err("the release fails");
    assert!(error.contains(file), "{error}");
    std::fs::remove_dir_all(&blocker).unwrap();
    let after_failure = differences(&before, &snapshot(root));
    xtask::release::release(root, "tiny", DATE).unwrap();
    (after_failure, differences(&once, &snapshot(root)))
}

/// A failure at `Cargo.lock` used to leave `Cargo.toml` bumped, so that every `--locked`
/// command failed.
#[test]
fn a_release_that_fails_at_the_lock_file_changes_nothing_and_the_rerun_finishes_it() {
    let dir = ready_to_release();
    assert_eq!(
        fail_writing_then_rerun(dir.path(), "Cargo.lock"),
        (vec![], vec![])
    );
}

/// A failure at the baseline used to leave the changelog entry written, and the re-run wrote
/// the same entry a second time.
#[test]
fn a_release_that_fails_at_the_baseline_changes_nothing_and_the_rerun_writes_one_entry() {
    let dir = ready_to_release();
    assert_eq!(
        fail_writing_then_rerun(dir.path(), &format!("{CRATE}/baseline.yaml")),
        (vec![], vec![])
    );
}

/// A failure at the changelog (the third of four files) changes nothing either.
#[test]
fn a_release_that_fails_at_the_changelog_changes_nothing() {
    let dir = ready_to_release();
    assert_eq!(
        fail_writing_then_rerun(dir.path(), &format!("{CRATE}/CHANGELOG.md")),
        (vec![], vec![])
    );
}

/// Releases `root` with its changelog replaced by `changelog`: the changelog after, and the
/// entry written.
fn release_with_changelog(root: &Path, changelog: &str) -> (String, String) {
    let path = root.join(CRATE).join("CHANGELOG.md");
    std::fs::write(&path, changelog).unwrap();
    let released = xtask::release::release(root, "tiny", DATE).unwrap();
    assert!(released.entry.starts_with("## [0.2.0] - "), "{released:?}");
    (std::fs::read_to_string(path).unwrap(), released.entry)
}

/// Keep a Changelog puts a hand-written `## [Unreleased]` section first: the new entry goes
/// below it (after its text), above the newest release.
#[test]
fn the_entry_goes_below_a_hand_written_unreleased_section() {
    let dir = ready_to_release();
    let unreleased = "## [Unreleased]\n\n### Added\n\n- Not released yet: written by hand.\n\n";
    let older = "## [0.1.0] - 2026-11-01\n\n### Added\n\n- First release.\n";
    let preamble = "# Changelog\n\nNewest first.\n\n";
    let (changelog, entry) =
        release_with_changelog(dir.path(), &format!("{preamble}{unreleased}{older}"));
    assert_eq!(
        changelog,
        format!("{preamble}{unreleased}{entry}\n{older}"),
        "{changelog}"
    );
}

/// An `## [Unreleased]` section with no release below it, and the link definitions Keep a
/// Changelog ends with: the entry goes after the section's text, above the links.
#[test]
fn the_entry_goes_below_an_unreleased_section_and_above_the_link_definitions() {
    let dir = ready_to_release();
    let head = "# Changelog\n\n## [Unreleased]\n\n- Planned.\n\n";
    let links = "[Unreleased]: https://example.com/compare/v0.2.0...HEAD\n";
    let (changelog, entry) = release_with_changelog(dir.path(), &format!("{head}{links}"));
    assert_eq!(changelog, format!("{head}{entry}\n{links}"), "{changelog}");
}

/// A changelog that starts with an entry (no preamble): the new entry goes first.
#[test]
fn the_entry_goes_first_in_a_changelog_without_a_preamble() {
    let dir = ready_to_release();
    let older = "## [0.1.0] - 2026-11-01\n\n### Added\n\n- First release.\n";
    let (changelog, entry) = release_with_changelog(dir.path(), older);
    assert_eq!(changelog, format!("{entry}\n{older}"), "{changelog}");
}

/// A `## [` line inside a fenced code block of the preamble is not an entry.
#[test]
fn a_heading_in_a_code_block_of_the_preamble_is_not_an_entry() {
    let dir = ready_to_release();
    let preamble =
        "# Changelog\n\nEach entry looks like:\n\n```markdown\n## [1.0.0] - date\n```\n\n";
    let older = "## [0.1.0] - 2026-11-01\n\n- First release.\n";
    let (changelog, entry) = release_with_changelog(dir.path(), &format!("{preamble}{older}"));
    assert_eq!(
        changelog,
        format!("{preamble}{entry}\n{older}"),
        "{changelog}"
    );
}

/// `text` with every line ending CRLF.
fn crlf(text: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(text.to_vec()).unwrap();
    text.replace("\r\n", "\n")
        .replace('\n', "\r\n")
        .into_bytes()
}

/// Files checked out with CRLF line endings (`core.autocrlf` on Windows) keep them: the
/// release of a CRLF workspace is the release of the LF one, with CRLF endings, byte for byte.
#[test]
fn every_file_the_release_writes_keeps_its_crlf_line_endings() {
    let dir = ready_to_release();
    let root = dir.path();
    let once = released_once(root);
    let written = [
        format!("{CRATE}/Cargo.toml"),
        "Cargo.lock".to_owned(),
        format!("{CRATE}/CHANGELOG.md"),
        format!("{CRATE}/baseline.yaml"),
    ];
    for file in &written {
        let path = root.join(file);
        std::fs::write(&path, crlf(&std::fs::read(&path).unwrap())).unwrap();
    }
    xtask::release::release(root, "tiny", DATE).unwrap();
    let mixed: Vec<&String> = written
        .iter()
        .filter(|f| {
            let text = std::fs::read(root.join(f)).unwrap();
            text.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r') || text.first() == Some(&b'\n')
        })
        .collect();
    assert!(mixed.is_empty(), "files with LF lines: {mixed:?}");
    for file in &written {
        assert_eq!(
            String::from_utf8(std::fs::read(root.join(file)).unwrap()).unwrap(),
            String::from_utf8(crlf(&once[Path::new(file)])).unwrap(),
            "{file}"
        );
    }
}
