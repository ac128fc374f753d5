//! A throwaway workspace in a temporary directory, and a way to run the xtask in it.

use std::path::{Path, PathBuf};

/// A small spec that progenitor accepts: one operation with a path parameter.
pub(crate) const TINY: &str = r##"openapi: 3.0.3
info:
  title: Tiny API
  version: '1'
paths:
  /things/{id}:
    delete:
      operationId: delete_thing
      summary: Delete a thing
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: Deleted
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Done'
        '400':
          description: Refused
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
components:
  schemas:
    Done:
      type: object
      properties:
        done:
          type: boolean
    Error:
      type: object
      properties:
        code:
          type: string
"##;

/// A temporary directory with `specs/` and `crates/`, and the given specs in it (a name may
/// hold a directory: `upstream/acme.json`).
pub(crate) fn workspace(specs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir_all(dir.path().join("specs")).unwrap();
    std::fs::create_dir_all(dir.path().join("crates")).unwrap();
    for (name, text) in specs {
        let path = dir.path().join("specs").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The text of `xtask/tests/fixtures/<name>`.
pub(crate) fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shape fixtures in `xtask/tests/fixtures/shapes/`: each is a published document.
pub(crate) const SHAPES: [&str; 4] = [
    "default_beside_success",
    "three_error_bodies",
    "no_operation_ids",
    "two_media_types",
];

/// Runs `cargo xtask <args>` on `root`: (exit code, stdout, stderr).
pub(crate) fn xtask(root: &Path, args: &[&str]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = xtask::cli::run(root, &args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// Every file below `root`, relative and sorted.
pub(crate) fn files(root: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                found.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut found = Vec::new();
    walk(root, root, &mut found);
    found.sort();
    found
}

/// Runs `cargo <args>` in `dir`, sharing this workspace's target directory; asserts it
/// succeeds (`what` must …, says the message otherwise) and returns its stdout.
pub(crate) fn cargo_ok(dir: &Path, args: &[&str], what: &str) -> String {
    let output = xtask::cargo_sharing_target()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{what} ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Makes `to` a copy of what makes up the workspace at `from` (not `target/`, not `.git/`),
/// with [`copy_paths`].
pub(crate) fn copy_workspace(from: &Path, to: &Path) {
    let parts = [
        "Cargo.toml",
        "Cargo.lock",
        ".cargo",
        "crates",
        "specs",
        "tests",
        "xtask",
    ];
    copy_paths(from, to, &parts);
}

/// Makes each of `paths` (relative to the workspace at `from`: files, or folders copied whole)
/// the same at `to`, writing only what differs ([`xtask::scratch::write_if_changed`] and
/// [`xtask::scratch::mirror`]): a copy kept between runs keeps the modification times, and so
/// cargo's builds, of what did not change.
pub(crate) fn copy_paths(from: &Path, to: &Path, paths: &[&str]) {
    for path in paths {
        let (source, target) = (from.join(path), to.join(path));
        if source.is_dir() {
            xtask::scratch::mirror(&source, &target, &[]).unwrap();
        } else {
            xtask::scratch::write_if_changed(&target, std::fs::read(&source).unwrap()).unwrap();
        }
    }
}

/// Runs `generate` on a workspace holding `specs/<name>` = `spec`; asserts it fails with
/// exactly `expected` on stderr (one line each, then the count) and writes nothing.
pub(crate) fn fails_at(name: &str, spec: &str, expected: &[&str]) {
    fails_at_running(name, spec, &["generate"], expected);
}

/// [`fails_at`], running `cargo xtask <args>`.
pub(crate) fn fails_at_running(name: &str, spec: &str, args: &[&str], expected: &[&str]) {
    fails_in(&[(name, spec)], args, expected);
}

/// Runs `cargo xtask <args>` on a workspace of `specs` (as [`workspace`]), and checks that it
/// prints exactly `expected` (one problem per line), exits 1 and writes nothing.
pub(crate) fn fails_in(specs: &[(&str, &str)], args: &[&str], expected: &[&str]) {
    let dir = workspace(specs);
    let before = files(dir.path());
    let (code, out, err) = xtask(dir.path(), args);
    let mut want: String = expected.iter().map(|line| format!("{line}\n")).collect();
    want.push_str(&format!(
        "error: {} problem(s); nothing was written\n",
        expected.len()
    ));
    assert_eq!(err, want);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(files(dir.path()), before, "nothing may be written");
}

/// [`fails_at`] for `specs/tiny.yaml`.
pub(crate) fn fails_with(spec: &str, expected: &[&str]) {
    fails_at("tiny.yaml", spec, expected);
}

/// [`fails_with`] for `cargo xtask generate --strict`, which refuses what `generate` leaves
/// out of the client with a note.
pub(crate) fn fails_strictly_with(spec: &str, expected: &[&str]) {
    fails_at_running("tiny.yaml", spec, &["generate", "--strict"], expected);
}

/// Generates the published document `text` alone, as `specs/upstream/<file>`:
/// (stderr, the generated.rs of its crate). Panics if `generate` fails.
pub(crate) fn generate_published(file: &str, text: &str) -> (String, String) {
    let (name, _) = file.rsplit_once('.').unwrap();
    let dir = workspace(&[(&format!("upstream/{file}"), text)]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{out}\n{err}");
    let generated = std::fs::read_to_string(
        dir.path()
            .join(format!("crates/{name}-client/src/generated.rs")),
    )
    .unwrap();
    (err, generated)
}

/// Supabase Auth of 2026-06-25 as published, generated as `specs/upstream/supabase.yaml` by
/// [`generate_published`]: what `generate` printed on stderr, and the code it wrote. Generated
/// once per test binary, for the tests that read either (each run took 1.1 s of CPU).
pub(crate) fn generated_supabase() -> &'static (String, String) {
    static GENERATED: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    GENERATED.get_or_init(|| {
        generate_published(
            "supabase.yaml",
            &fixture("published/supabase-auth-2026-06-25.yaml"),
        )
    })
}

/// The notes `generate` prints for `specs/upstream/<file>`, one per line, as `lines` says them.
pub(crate) fn notes(file: &str, lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| format!("note: specs/upstream/{file}: {line}\n"))
        .collect()
}

/// `code` with its layout taken out (every white space, and the comma a printer may add
/// before a closing bracket), so that a test can look for a piece of generated code however
/// prettyplease broke its lines: `squashed(&generated).contains(&squashed(piece))`.
pub(crate) fn squashed(code: &str) -> String {
    let mut out: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    for closer in [")", ">", "]", "}"] {
        out = out.replace(&format!(",{closer}"), closer);
    }
    out
}
