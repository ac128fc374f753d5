//! `cargo xtask diff` on a throwaway git repository: the default (HEAD → working tree),
//! `--base`, the formats, `--fail-on`, and bad input (one line, exit 2).

use std::path::Path;
use std::process::Command;

use crate::common::{TINY, fixture, workspace, xtask};

/// Runs git in `root` as a test user; asserts it succeeds.
pub(crate) fn git(root: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

/// A repository with TINY committed as specs/tiny.yaml.
fn repository() -> tempfile::TempDir {
    committed(&[("tiny.yaml", TINY)])
}

/// A repository with these specs (see `workspace`) committed.
pub(crate) fn committed(specs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = workspace(specs);
    git(dir.path(), &["init", "--quiet"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "specs"]);
    dir
}

const OPTIONAL_QUERY: &str = "      parameters:\n        - name: force\n          in: query\n          required: false\n          schema:\n            type: boolean\n        - name: id\n";

/// Adds the optional query parameter `force` to TINY's one operation, in the working tree.
pub(crate) fn add_optional_query(root: &Path) {
    let spec = TINY.replace("      parameters:\n        - name: id\n", OPTIONAL_QUERY);
    std::fs::write(root.join("specs/tiny.yaml"), spec).unwrap();
}

#[test]
fn by_default_it_compares_head_with_the_working_tree() {
    let dir = repository();
    let (code, out, err) = xtask(dir.path(), &["diff"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "specs/tiny.yaml (HEAD → working tree): no changes\n", "")
    );
    add_optional_query(dir.path());
    let (code, out, err) = xtask(dir.path(), &["diff", "tiny"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "specs/tiny.yaml (HEAD → working tree): 1 change(s); wire compatible, rust compatible\n\
         \x20 new-optional-request-parameter         wire compatible rust compatible delete_thing\n\
         \x20     /paths/~1things~1{id}/delete/parameters/0\n\
         \x20     added the optional query request parameter force\n\
         \x20     → builder::DeleteThing: method force(self, impl TryInto<bool>) added\n"
    );
    // Compatible both ways: no policy fails.
    assert_eq!(xtask(dir.path(), &["diff", "--fail-on", "any"]).0, 0);
}

/// A published document kept as published plus an overlay: `diff` compares the documents
/// after the overlay and the shape rewrites, and sees a change made only upstream (the
/// provider's next version, copied over the old one).
#[test]
fn a_published_document_that_changed_upstream_is_compared_after_its_overlay() {
    let published = fixture("shapes/no_operation_ids.json");
    let overlay = "overlay: 1.0.0\ninfo:\n  title: ids\n  version: 1.0.0\nactions:\n  - target: $.paths[*].delete\n    update:\n      operationId: unlink_account\n";
    let dir = committed(&[
        ("upstream/acme.json", &published),
        ("acme.overlay.yaml", overlay),
    ]);
    assert_eq!(
        xtask(dir.path(), &["diff"]),
        (
            0,
            "specs/upstream/acme.json with specs/acme.overlay.yaml (HEAD → working tree): no changes\n"
                .to_owned(),
            String::new()
        )
    );
    // The next published version: an optional query parameter on the unlink operation.
    let next = published.replace(
        r#"{"name":"provider","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"204""#,
        r#"{"name":"provider","in":"path","required":true,"schema":{"type":"string"}},{"name":"reason","in":"query","schema":{"type":"string"}}],"responses":{"204""#,
    );
    assert_ne!(next, published, "the fixture changed under the test");
    std::fs::write(dir.path().join("specs/upstream/acme.json"), next).unwrap();
    let (code, out, err) = xtask(dir.path(), &["diff", "acme"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "specs/upstream/acme.json with specs/acme.overlay.yaml (HEAD → working tree): 1 change(s); wire compatible, rust compatible\n\
         \x20 new-optional-request-parameter         wire compatible rust compatible unlink_account\n\
         \x20     /paths/~1users~1{userId}~1identities~1{provider}/delete/parameters/2\n\
         \x20     added the optional query request parameter reason\n\
         \x20     → builder::UnlinkAccount: method reason(self, impl TryInto<String>) added\n"
    );
}

#[test]
fn base_reads_any_revision_and_fail_on_sets_the_exit_code() {
    let dir = repository();
    // A required parameter: breaking on the wire and for Rust; committed, then compared with HEAD~1.
    let spec = TINY.replace(
        "      parameters:\n        - name: id\n",
        &OPTIONAL_QUERY.replace("required: false", "required: true"),
    );
    std::fs::write(dir.path().join("specs/tiny.yaml"), spec).unwrap();
    git(dir.path(), &["commit", "--quiet", "-am", "force"]);
    assert_eq!(
        xtask(dir.path(), &["diff"]).1,
        "specs/tiny.yaml (HEAD → working tree): no changes\n"
    );
    let (code, out, _) = xtask(
        dir.path(),
        &["diff", "--base", "HEAD~1", "--fail-on", "wire"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("new-required-request-parameter         wire breaking   rust breaking"),
        "{out}"
    );
    assert_eq!(
        xtask(
            dir.path(),
            &["diff", "--base", "HEAD~1", "--fail-on", "rust"]
        )
        .0,
        1
    );
    assert_eq!(
        xtask(dir.path(), &["diff", "--base", "HEAD~1"]).0,
        0,
        "report only by default"
    );

    let (code, markdown, _) = xtask(
        dir.path(),
        &["diff", "--base", "HEAD~1", "--format", "markdown"],
    );
    assert_eq!(code, 0);
    assert!(
        markdown.contains("| `new-required-request-parameter` | delete_thing | breaking | breaking | added the required query request parameter force<br>→ `builder::DeleteThing: method force(self, impl TryInto<bool>) added (required: a call without it fails before sending)` |"),
        "{markdown}"
    );
    let (code, json, _) = xtask(
        dir.path(),
        &["diff", "--base", "HEAD~1", "--format", "json"],
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let change = &json["specs"][0]["changes"][0];
    assert_eq!(change["id"], "new-required-request-parameter");
    assert_eq!(
        (change["wire"].as_str(), change["rust"].as_str()),
        (Some("breaking"), Some("breaking"))
    );
    assert_eq!(change["operations"][0], "delete_thing");
    assert_eq!(
        change["rust_changes"][0]["lint"],
        "builder_required_method_added"
    );
}

#[test]
fn a_spec_absent_at_the_base_is_every_operation_added() {
    let dir = repository();
    std::fs::write(dir.path().join("specs/second.yaml"), TINY).unwrap();
    let (code, out, err) = xtask(dir.path(), &["diff", "second"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("  endpoint-added                         wire compatible rust compatible delete_thing\n"), "{out}");
    assert!(
        out.contains("→ Client: method delete_thing: fn(&self) -> builder::DeleteThing<'_> added"),
        "{out}"
    );
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = repository();
    let one_line = |args: &[&str], expected: &str| {
        let (code, out, err) = xtask(dir.path(), args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with(expected), "{args:?}: {err}");
    };
    one_line(
        &["diff", "--base", "no-such-branch"],
        "error: no such git revision: \"no-such-branch\"",
    );
    one_line(
        &["diff", "nobody"],
        "error: no spec specs/nobody.yaml in the working tree or at HEAD",
    );
    // A problem on the new side…
    std::fs::write(
        dir.path().join("specs/tiny.yaml"),
        TINY.replace("3.0.3", "4.0.0"),
    )
    .unwrap();
    one_line(
        &["diff"],
        "error: the new (working tree) side has problems: specs/tiny.yaml: /openapi: OpenAPI version \"4.0.0\" is not 3.0.x",
    );
    // …and on the old side.
    git(dir.path(), &["commit", "--quiet", "-am", "4.0"]);
    std::fs::write(dir.path().join("specs/tiny.yaml"), TINY).unwrap();
    one_line(
        &["diff"],
        "error: the old (HEAD) side has problems: specs/tiny.yaml: /openapi:",
    );
    one_line(
        &["diff", "--from", "specs/tiny.yaml"],
        "error: --from and --to go together",
    );
    // A device is refused before it is read: /dev/zero would never end, and fill the memory.
    #[cfg(unix)]
    one_line(
        &["diff", "--from", "/dev/zero", "--to", "/dev/null"],
        "error: cannot read /dev/zero: not a regular file",
    );
}

#[test]
fn without_git_it_says_so() {
    let dir = repository();
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("diff")
        .env("PATH", "")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: git is not installed"), "{err}");
}

/// A spec's text reaches the text and Markdown reports with its control characters escaped
/// (`\u{1b}`): a path (or a published document) cannot drive the terminal it is printed on.
#[test]
fn control_characters_from_a_spec_are_escaped_in_the_reports() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let hostile = TINY.replace(
        "paths:\n",
        "paths:\n  \"/x\\e]0;pwned\\a\\e[2J\":\n    get:\n      operationId: \"x\\e[31m\"\n      \
         responses:\n        '204':\n          description: none\n",
    );
    let (from, to) = (dir.path().join("old.yaml"), dir.path().join("new.yaml"));
    std::fs::write(&from, TINY).unwrap();
    std::fs::write(&to, hostile).unwrap();
    let (from, to) = (from.to_str().unwrap(), to.to_str().unwrap());
    for format in ["text", "markdown"] {
        let args = ["diff", "--from", from, "--to", to, "--format", format];
        let (code, out, err) = xtask(dir.path(), &args);
        assert_eq!((code, err.as_str()), (0, ""), "{format}: {out}");
        assert!(out.contains("endpoint-added"), "{format}: {out}");
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: a raw control character in {out:?}"
        );
        assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{format}: {out}");
    }
}

/// A spec that git cannot read at the revision (here: its object is gone) is an error, not a
/// spec absent there, which would report every operation as added.
#[test]
fn a_spec_git_cannot_read_at_the_revision_is_an_error_not_absent() {
    let dir = repository();
    let output = Command::new("git")
        .args(["rev-parse", "HEAD:specs/tiny.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let blob = String::from_utf8(output.stdout).unwrap();
    let blob = blob.trim();
    let object = dir
        .path()
        .join(format!(".git/objects/{}/{}", &blob[..2], &blob[2..]));
    std::fs::remove_file(object).unwrap();
    let (code, out, err) = xtask(dir.path(), &["diff"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "error: the old (HEAD) side has problems: specs/tiny.yaml: /: cannot read \
             specs/tiny.yaml at HEAD: "
        ),
        "{err}"
    );
}

/// `--from`/`--to` each take an overlay (`--from-overlay`, `--to-overlay`): a published
/// document that needs one is compared file to file, as `generate` would see it.
#[test]
fn from_and_to_take_an_overlay_each() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let overlay = "overlay: 1.0.0\ninfo: {title: t, version: 1.0.0}\nactions:\n  - target: $.paths.*.*\n    update: {operationId: renamed_by_overlay}\n";
    let rename = dir.path().join("rename.overlay.yaml");
    std::fs::write(&rename, overlay).unwrap();
    let (spec, rename) = (
        dir.path().join("specs/tiny.yaml").display().to_string(),
        rename.display().to_string(),
    );
    let diff = |args: &[&str]| {
        let mut all = vec!["diff", "--from", &spec, "--to", &spec];
        all.extend_from_slice(args);
        xtask(dir.path(), &all)
    };
    // The same file on both sides: nothing changed.
    let (code, out, err) = diff(&[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains(": no changes"), "{out}");
    // The overlay on the new side renames the operation: the old one is gone, the new one added.
    let (code, out, err) = diff(&["--to-overlay", &rename]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("renamed_by_overlay"), "{out}");
    assert!(
        out.starts_with(&format!("{spec} → {spec} with {rename}:")),
        "{out}"
    );
    // On both sides: nothing changed again.
    let (code, out, _) = diff(&["--from-overlay", &rename, "--to-overlay", &rename]);
    assert_eq!(code, 0);
    assert!(out.contains(": no changes"), "{out}");
    // An overlay without its file is bad input.
    let (code, _, err) = xtask(dir.path(), &["diff", "--to-overlay", &rename]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: --from-overlay and --to-overlay go with --from and --to"),
        "{err}"
    );
}
