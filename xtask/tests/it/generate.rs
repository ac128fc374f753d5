//! Generation on a throwaway workspace: scaffolding, determinism, `--check` and its diff.

use crate::common::{TINY, files, workspace, xtask};

#[test]
fn a_new_spec_scaffolds_its_crate() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let created: Vec<_> = files(dir.path())
        .into_iter()
        .filter(|p| p.starts_with("crates"))
        .collect();
    assert_eq!(
        created,
        [
            "crates/tiny-client/Cargo.toml",
            "crates/tiny-client/src/generated.rs",
            "crates/tiny-client/src/lib.rs",
            "crates/tiny-client/src/mock.rs"
        ]
        .map(std::path::PathBuf::from)
    );
    assert!(
        out.contains("created crates/tiny-client/Cargo.toml"),
        "{out}"
    );
    let manifest =
        std::fs::read_to_string(dir.path().join("crates/tiny-client/Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"tiny-client\""), "{manifest}");
    let generated =
        std::fs::read_to_string(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap();
    // The first line names the spec, its SHA-256 (of the file's bytes) and the command.
    let sha = xtask::sha256_hex(TINY.as_bytes());
    assert_eq!(sha.len(), 64);
    assert_eq!(
        generated.lines().next(),
        Some(
            format!(
                "// This file is generated from specs/tiny.yaml (sha256 {sha}) by `cargo xtask generate`; do not edit it by hand."
            )
            .as_str()
        )
    );
    assert!(
        generated.contains("pub fn delete_thing(&self)"),
        "builder method missing"
    );
}

#[test]
fn hand_written_files_are_not_overwritten() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let lib = dir.path().join("crates/tiny-client/src/lib.rs");
    std::fs::write(&lib, "// mine\nmod generated;\n").unwrap();
    let (code, out, _) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    // Cargo.toml's `[dependencies]` are kept in step with the generated code; lib.rs is not
    // looked at.
    let lines: Vec<&str> = out.lines().map(|l| l.split(" (").next().unwrap()).collect();
    assert_eq!(
        lines,
        [
            "unchanged crates/tiny-client/Cargo.toml",
            "unchanged crates/tiny-client/src/generated.rs",
            "unchanged crates/tiny-client/src/mock.rs"
        ],
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&lib).unwrap(),
        "// mine\nmod generated;\n"
    );
}

#[test]
fn output_is_deterministic() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let first = xtask::plan(dir.path(), None).unwrap();
    let second = xtask::plan(dir.path(), None).unwrap();
    assert_eq!(first, second);
}

#[test]
fn check_reports_a_new_optional_parameter_as_a_diff_and_generate_fixes_it() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let (code, out, err) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "3 file(s) up to date\n", "")
    );

    let with_param = TINY.replace(
        "          schema:\n            type: string\n      responses:",
        "          schema:\n            type: string\n        - name: dry_run\n          in: query\n          required: false\n          schema:\n            type: boolean\n      responses:",
    );
    assert_ne!(with_param, TINY);
    std::fs::write(dir.path().join("specs/tiny.yaml"), &with_param).unwrap();
    let before = std::fs::read(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap();

    let (code, out, err) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!(code, 1);
    // generated.rs, and mock.rs: the new parameter has a matcher.
    assert_eq!(err, "error: 2 file(s) stale; run `cargo xtask generate`\n");
    assert!(
        out.starts_with(
            "--- a/crates/tiny-client/src/generated.rs\n+++ b/crates/tiny-client/src/generated.rs\n@@"
        ),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with('+') && l.contains("dry_run")),
        "the diff must name the new parameter:\n{out}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap(),
        before,
        "--check writes nothing"
    );

    let (code, out, _) = xtask(dir.path(), &["generate", "tiny"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("updated crates/tiny-client/src/generated.rs"),
        "{out}"
    );
    assert_eq!(xtask(dir.path(), &["generate", "--check"]).0, 0);
}

/// A crate folder made by hand with only its own `Cargo.toml` gets the scaffold's `src/lib.rs`
/// beside the generated file (without it the crate would not build), and its `Cargo.toml` the
/// dependencies the generated code uses, each marked as the xtask's, the rest as it was.
#[test]
fn a_crate_started_by_hand_gets_the_scaffold_files_it_lacks() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let krate = dir.path().join("crates/tiny-client");
    std::fs::create_dir_all(&krate).unwrap();
    let manifest = "[package]\nname = \"tiny-client\"\nversion = \"0.3.0\"\n# mine\n";
    std::fs::write(krate.join("Cargo.toml"), manifest).unwrap();
    let (code, _, err) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!(code, 1, "{err}");
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("created crates/tiny-client/src/lib.rs"),
        "{out}"
    );
    assert!(
        out.contains("created crates/tiny-client/src/generated.rs"),
        "{out}"
    );
    assert!(
        out.contains("updated crates/tiny-client/Cargo.toml"),
        "{out}"
    );
    let ours = ["progenitor-client", "reqwest", "serde", "serde_json"]
        .map(|name| format!("{name}.workspace = true {}\n", xtask::dependencies::MARK))
        .concat();
    assert_eq!(
        std::fs::read_to_string(krate.join("Cargo.toml")).unwrap(),
        // The comment that ended the file still does.
        format!(
            "{}\n[dependencies]\n{ours}# mine\n",
            manifest.trim_end_matches("# mine\n")
        )
    );
    let lib = std::fs::read_to_string(krate.join("src/lib.rs")).unwrap();
    assert!(lib.contains("mod generated;"), "{lib}");
}

// Each xtask test runs one command in its own workspace and checks its own output.
#[test]
fn check_reports_a_missing_crate() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let (code, out, _) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("--- /dev/null\n+++ b/crates/tiny-client/Cargo.toml\n"),
        "{out}"
    );
    assert!(!dir.path().join("crates/tiny-client").exists());
}

/// A generated file that exists but cannot be read is named, not taken for missing and
/// replaced (nor reported as "created").
#[test]
fn an_unreadable_generated_file_is_reported_not_replaced() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let generated = dir.path().join("crates/tiny-client/src/generated.rs");
    let bytes = b"// not UTF-8: \xff\xfe\n".to_vec();
    std::fs::write(&generated, &bytes).unwrap();
    for args in [&["generate", "--check"][..], &["generate"]] {
        let (code, out, err) = xtask(dir.path(), args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(
            err.contains("crates/tiny-client/src/generated.rs: /: cannot be read: "),
            "{args:?}: {err}"
        );
        assert!(err.contains("nothing was written"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&generated).unwrap(), bytes, "{args:?}");
    }
}

/// A file that cannot be written is named in the error.
#[test]
fn a_generated_file_that_cannot_be_written_is_named() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let src = dir.path().join("crates/tiny-client/src");
    std::fs::write(src.join("generated.rs"), "// stale\n").unwrap();
    // Where the new text would be written first: a directory, so the write fails (even as root).
    std::fs::create_dir(src.join(".generated.rs.xtask-tmp")).unwrap();
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("error: writing crates/tiny-client/src/generated.rs: "),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(src.join("generated.rs")).unwrap(),
        "// stale\n"
    );
}

/// A spec's path that holds something other than a file (a directory; a FIFO, which no one
/// may ever write to) is named, not skipped as if there were no spec, nor waited on forever.
#[cfg(unix)]
#[test]
fn a_spec_that_is_not_a_regular_file_is_named_not_skipped_or_waited_on() {
    let dir = workspace(&[("upstream/tiny.yaml", TINY)]);
    std::fs::create_dir(dir.path().join("specs/other.yaml")).unwrap();
    let fifo = dir.path().join("specs/tiny.overlay.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    let before = files(dir.path());
    for args in [&["generate", "--check"][..], &["generate"]] {
        let (code, out, err) = xtask(dir.path(), args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (
                1,
                "",
                "specs/other.yaml: /: cannot read: not a regular file\n\
                 specs/tiny.overlay.yaml: /: cannot read: not a regular file\n\
                 error: 2 problem(s); nothing was written\n"
            ),
            "{args:?}"
        );
    }
    assert_eq!(files(dir.path()), before);
}

/// A write that fails after others succeeded names the files it did change: they are not
/// as they were, and the message must not let one think nothing happened.
#[test]
fn a_failed_write_names_the_files_already_written() {
    let dir = workspace(&[("a.yaml", TINY), ("b.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    for provider in ["a", "b"] {
        let generated = format!("crates/{provider}-client/src/generated.rs");
        std::fs::write(dir.path().join(generated), "// stale\n").unwrap();
    }
    std::fs::create_dir(
        dir.path()
            .join("crates/b-client/src/.generated.rs.xtask-tmp"),
    )
    .unwrap();
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("error: writing crates/b-client/src/generated.rs: "),
        "{err}"
    );
    assert!(
        err.ends_with("; already written: crates/a-client/src/generated.rs\n"),
        "{err}"
    );
}

/// A symbolic link where generate puts its temporary file (left there by anyone) is replaced,
/// not written through: the file it points to, outside the workspace, is not ours.
#[cfg(unix)]
#[test]
fn generate_does_not_write_through_a_link_at_its_temporary_file() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let src = dir.path().join("crates/tiny-client/src");
    std::fs::write(src.join("generated.rs"), "// stale\n").unwrap();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "not ours\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), src.join(".generated.rs.xtask-tmp")).unwrap();
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        std::fs::read_to_string(outside.path()).unwrap(),
        "not ours\n"
    );
    let generated = src.join("generated.rs");
    assert!(
        !generated
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(generated)
            .unwrap()
            .starts_with("// This file is generated")
    );
}

/// A crate folder that is a symbolic link to a folder outside the workspace is refused, not
/// written into: the files there are not ours. Nothing is written, and `--check` says so too.
#[cfg(unix)]
#[test]
fn generate_does_not_write_into_a_folder_linked_from_outside() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("generated.rs"), "// not ours\n").unwrap();
    let src = dir.path().join("crates/tiny-client/src");
    std::fs::remove_dir_all(&src).unwrap();
    std::os::unix::fs::symlink(outside.path(), &src).unwrap();
    for args in [&["generate", "--check"][..], &["generate"]] {
        let (code, out, err) = xtask(dir.path(), args);
        assert_eq!((code, out.as_str()), (1, ""), "{args:?}: {err}");
        assert!(
            err.starts_with(
                "crates/tiny-client/src/generated.rs: /: is outside the workspace (through a \
                 symbolic link); the xtask writes only inside it\n"
            ),
            "{args:?}: {err}"
        );
        assert!(err.contains("nothing was written"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(outside.path().join("generated.rs")).unwrap(),
        "// not ours\n"
    );
    let left: Vec<_> = std::fs::read_dir(outside.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing else written there");
}

/// progenitor's mock generator panics on a documented status without a reason phrase (`599`)
/// where the client generates: the operation is left out of the mocks, with a note at its
/// pointer, and the rest of generation goes on.
#[test]
fn an_operation_progenitor_cannot_mock_is_left_out_of_the_mocks_with_a_note() {
    let odd = r#"openapi: 3.0.3
info: {title: Odd, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: get_thing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}
        "599":
          description: odd
          content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}
  /others:
    get:
      operationId: list_others
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}
"#;
    let dir = workspace(&[("odd.yaml", odd)]);
    let (outputs, notes) = xtask::plan_with_notes(dir.path(), None).unwrap();
    let note = notes
        .iter()
        .map(ToString::to_string)
        .find(|n| n.contains("has no mock"))
        .expect("a note for the operation without a mock");
    assert!(
        note.starts_with(
            "specs/odd.yaml: /paths/~1things~1{id}/get: operation \"get_thing\" (GET /things/{id}) has no mock"
        ),
        "{note}"
    );
    let mock = outputs
        .iter()
        .find(|o| o.path == "crates/odd-client/src/mock.rs")
        .expect("mock.rs");
    assert!(mock.new.contains("fn list_others<F>"), "{}", mock.new);
    assert!(!mock.new.contains("fn get_thing<F>"), "{}", mock.new);
}
