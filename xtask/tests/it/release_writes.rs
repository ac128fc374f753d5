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

/// The disk, except that the write or removal number `at` (from 0) fails, and after it, if
/// `dead`, every one: as if the process were killed there.
struct Faulty {
    done: usize,
    at: usize,
    dead: bool,
    failed: bool,
}

impl Faulty {
    fn new(at: usize, dead: bool) -> Self {
        Self {
            done: 0,
            at,
            dead,
            failed: false,
        }
    }

    fn next(&mut self) -> std::io::Result<()> {
        let this = self.done;
        self.done += 1;
        if this == self.at || (self.dead && this > self.at) {
            self.failed = true;
            return Err(std::io::Error::other("injected failure"));
        }
        Ok(())
    }
}

impl xtask::release::Files for Faulty {
    fn write(&mut self, path: &Path, text: &str) -> std::io::Result<()> {
        self.next()?;
        xtask::release::Disk.write(path, text)
    }

    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        self.next()?;
        xtask::release::Disk.remove(path)
    }
}

/// Runs the release of a twin of `template` failing as `faulty` says, then again on the disk.
/// Returns `None` when nothing failed (`faulty.at` is past the last write), else the error,
/// the files the failed run changed, and the files that differ after the re-run from a release
/// that succeeded at once (each checked: the re-run says what it did, and a third run finds
/// nothing to release).
fn fail_then_rerun(
    template: &Path,
    once: &BTreeMap<PathBuf, Vec<u8>>,
    mut faulty: Faulty,
) -> Option<(String, Vec<String>, Vec<String>)> {
    let dir = twin(template);
    let root = dir.path();
    let before = snapshot(root);
    let outcome = xtask::release::release_with(root, "tiny", DATE, &mut faulty);
    if !faulty.failed {
        assert!(outcome.is_ok(), "{outcome:?}");
        return None;
    }
    let error = outcome.expect_err("a failed write fails the release");
    let after_failure = differences(&before, &snapshot(root));
    let journal = root.join(xtask::release::journal_path("tiny"));
    let left = journal.exists();
    assert_eq!(
        left,
        error.contains("again to finish"),
        "the journal is left exactly when the error says to run again: {error}"
    );
    let rerun = xtask::release::release(root, "tiny", DATE).unwrap();
    assert_eq!(rerun.version.to_string(), "0.2.0");
    assert_eq!(rerun.resumed, left, "{error}");
    assert!(rerun.entry.starts_with("## [0.2.0] - "), "{rerun:?}");
    let after_rerun = differences(once, &snapshot(root));
    let third = xtask::release::release(root, "tiny", DATE).unwrap();
    assert_eq!(third.entry, "", "released once: nothing left to release");
    Some((error, after_failure, after_rerun))
}

/// A run killed at any write (the journal, any of the four files, the journal's removal),
/// nothing after it done, not even putting files back: the re-run finishes the same release,
/// and the workspace is then what a release that succeeded at once makes it.
#[test]
fn a_release_killed_at_any_write_is_finished_exactly_once_by_the_rerun() {
    let template = ready_to_release();
    let once = released_once(template.path());
    let mut killed = 0;
    while let Some((error, _, after_rerun)) =
        fail_then_rerun(template.path(), &once, Faulty::new(killed, true))
    {
        assert_eq!(
            after_rerun,
            Vec::<String>::new(),
            "killed at {killed}: {error}"
        );
        killed += 1;
        assert!(killed < 20, "a release makes a handful of writes");
    }
    // The journal, four files, the journal's removal.
    assert_eq!(killed, 6);
}

/// One write that fails (the disk is fine after it): the files already written are put back,
/// so the failed run changed nothing, and the re-run releases once. A failure to remove the
/// journal at the end leaves the release written, and the re-run only removes it.
#[test]
fn one_failed_write_is_undone_whichever_it_is() {
    let template = ready_to_release();
    let once = released_once(template.path());
    let mut at = 0;
    while let Some((error, after_failure, after_rerun)) =
        fail_then_rerun(template.path(), &once, Faulty::new(at, false))
    {
        let expected: Vec<String> = if error.contains("is written, but") {
            differences(&snapshot(template.path()), &once)
                .into_iter()
                .chain([xtask::release::journal_path("tiny")])
                .collect()
        } else {
            assert!(error.contains("nothing was"), "{error}");
            Vec::new()
        };
        let mut after_failure = after_failure;
        after_failure.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(after_failure, expected, "failed at {at}: {error}");
        assert_eq!(after_rerun, Vec::<String>::new(), "failed at {at}: {error}");
        at += 1;
        assert!(at < 20, "a release makes a handful of writes");
    }
    assert_eq!(at, 6);
}

/// The workspace of a release killed after writing its journal, `Cargo.toml` and `Cargo.lock`.
fn interrupted() -> tempfile::TempDir {
    let dir = ready_to_release();
    let mut faulty = Faulty::new(3, true);
    let error = xtask::release::release_with(dir.path(), "tiny", DATE, &mut faulty).unwrap_err();
    assert!(error.contains("again to finish"), "{error}");
    dir
}

/// `cargo xtask release` says when it finishes an interrupted release rather than a new one.
#[test]
fn the_rerun_says_it_finished_the_interrupted_release() {
    let dir = interrupted();
    let (code, out, err) = xtask(dir.path(), &["release", "tiny"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.starts_with("tiny-client 0.2.0: finished the interrupted release: wrote "),
        "{out}"
    );
}

/// A file edited after the release was interrupted (neither as it was nor as the release
/// writes it) is not overwritten: the re-run refuses, naming it, and changes nothing.
#[test]
fn the_rerun_refuses_a_file_edited_since_the_interruption() {
    let dir = interrupted();
    let root = dir.path();
    let changelog = root.join(CRATE).join("CHANGELOG.md");
    let text = std::fs::read_to_string(&changelog).unwrap();
    std::fs::write(&changelog, format!("{text}\nEdited by hand.\n")).unwrap();
    let before = snapshot(root);
    let error = xtask::release::release(root, "tiny", DATE).unwrap_err();
    assert!(
        error.starts_with(&format!(
            "{CRATE}/CHANGELOG.md: changed since release 0.2.0 was interrupted"
        )) && error.contains(&xtask::release::journal_path("tiny")),
        "{error}"
    );
    assert_eq!(differences(&before, &snapshot(root)), Vec::<String>::new());
}

/// A journal that names a file a release does not write (here: the spec) is refused: the
/// journal is never a way to write anywhere else.
#[test]
fn a_journal_naming_another_file_is_refused() {
    let dir = interrupted();
    let root = dir.path();
    let journal = root.join(xtask::release::journal_path("tiny"));
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&journal).unwrap()).unwrap();
    let steps = record["files"].as_array_mut().unwrap();
    let spec = std::fs::read_to_string(root.join("specs/tiny.yaml")).unwrap();
    steps.push(serde_json::json!({"path": "specs/tiny.yaml", "old": spec, "new": "pwned"}));
    std::fs::write(&journal, serde_json::to_string(&record).unwrap()).unwrap();
    let before = snapshot(root);
    let error = xtask::release::release(root, "tiny", DATE).unwrap_err();
    assert!(
        error.contains("names \"specs/tiny.yaml\", not a file that a release writes"),
        "{error}"
    );
    assert_eq!(differences(&before, &snapshot(root)), Vec::<String>::new());
}

/// A changelog that has an entry for the version already (written by hand, or by a release
/// that was interrupted before this one kept a journal) gets no second one: the release is
/// refused and changes nothing.
#[test]
fn a_changelog_with_an_entry_for_the_version_already_is_refused() {
    let dir = ready_to_release();
    let root = dir.path();
    let changelog = root.join(CRATE).join("CHANGELOG.md");
    let text = std::fs::read_to_string(&changelog).unwrap();
    let at = text.find("## [0.1.0]").unwrap();
    std::fs::write(
        &changelog,
        format!(
            "{}## [0.2.0] - 2026-11-30\n\n- By hand.\n\n{}",
            &text[..at],
            &text[at..]
        ),
    )
    .unwrap();
    let before = snapshot(root);
    let error = xtask::release::release(root, "tiny", DATE).unwrap_err();
    assert!(
        error.starts_with(&format!(
            "{CRATE}/CHANGELOG.md: already has an entry for 0.2.0"
        )),
        "{error}"
    );
    assert_eq!(differences(&before, &snapshot(root)), Vec::<String>::new());
}

/// The version check that `cargo test --workspace` runs fails while a release is half-written
/// (say, committed after an interruption), saying how to finish it; and passes once finished.
#[test]
fn the_version_check_fails_while_a_release_is_interrupted() {
    let dir = interrupted();
    let root = dir.path();
    assert_eq!(
        xtask::release::check(root),
        Err(vec![format!(
            "tiny-client: a release was interrupted ({} is there); run `cargo xtask release tiny` \
             to finish it",
            xtask::release::journal_path("tiny")
        )])
    );
    xtask::release::release(root, "tiny", DATE).unwrap();
    assert_eq!(xtask::release::check(root), Ok(()));
}

/// A fence closed by a longer run of backticks than it opened with still closes it: the
/// entries after it are found.
#[test]
fn a_fence_closed_by_more_backticks_ends_the_code_block() {
    let dir = ready_to_release();
    let preamble = "# Changelog\n\n```\n## [9.9.9] - not an entry\n````\n\n";
    let older = "## [0.1.0] - 2026-11-01\n\n- First release.\n";
    let (changelog, entry) = release_with_changelog(dir.path(), &format!("{preamble}{older}"));
    assert_eq!(
        changelog,
        format!("{preamble}{entry}\n{older}"),
        "{changelog}"
    );
}
