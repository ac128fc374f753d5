//! Adding a provider is one file and one command: in a copy of this workspace, a new spec plus
//! `cargo xtask generate` gives a crate that builds with the rest, even from a document
//! written to break it.

use crate::common::{copy_workspace, xtask};
use crate::untrusted_text::prose;

#[test]
#[ignore = "three cargo runs on a whole crate (4.7 s of CPU, a tenth of the spec-edit loop); .ci/run runs it"]
fn a_new_spec_becomes_a_crate_that_builds_in_the_workspace() {
    let root = xtask::workspace_root();
    // Kept between runs (target/tmp), so that cargo rebuilds only what changed since the last.
    let copy = xtask::scratch::Scratch::new("scaffold-workspace").unwrap();
    copy_workspace(&root, copy.path());
    // A title that would be TOML keys and Rust items, descriptions holding every form of
    // code block (one would write this file, another would not compile), and only
    // operations without a JSON body.
    std::fs::write(copy.path().join("specs/prose.yaml"), prose()).unwrap();
    let pwned = copy.path().join("crates/prose-client/pwned");

    let (code, out, err) = xtask(copy.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.contains("created crates/prose-client/src/lib.rs"),
        "{out}"
    );
    // The existing crates are untouched: their generated code was already current.
    assert!(
        out.contains("unchanged crates/manta-client/src/generated.rs"),
        "{out}"
    );

    // Its dependencies are what the generated code uses: the document has a date-time, a
    // uuid and a pattern.
    let manifest =
        std::fs::read_to_string(copy.path().join("crates/prose-client/Cargo.toml")).unwrap();
    for krate in ["chrono", "regress", "uuid"] {
        let line = format!("{krate}.workspace = true {}", xtask::dependencies::MARK);
        assert!(manifest.contains(&line), "{line:?} missing:\n{manifest}");
    }

    // It passes CI as it is: clippy and rustdoc with every warning an error (bare URLs,
    // brackets that link nowhere, HTML, `minLength: 0`, lazy list items in its prose).
    let cargo = |args: &[&str], rustdocflags: &str| {
        let output = xtask::cargo_sharing_target()
            .args(args)
            .env("RUSTDOCFLAGS", rustdocflags)
            .current_dir(copy.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "cargo {args:?}:\n{stderr}");
    };
    cargo(
        &[
            "clippy",
            "--offline",
            "--quiet",
            "--package",
            "prose-client",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        "",
    );
    cargo(
        &[
            "doc",
            "--offline",
            "--quiet",
            "--no-deps",
            "--package",
            "prose-client",
        ],
        "-D warnings",
    );

    // Build it and run its tests, docs included, sharing this workspace's target directory
    // so that only the new crate compiles. Offline: the new crate uses no dependency the lock
    // file lacks.
    let test = xtask::cargo_sharing_target()
        .args(["test", "--offline", "--package", "prose-client"])
        .current_dir(copy.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&test.stdout);
    let stderr = String::from_utf8_lossy(&test.stderr);
    assert!(
        test.status.success(),
        "the scaffolded crate must build and pass its doctest:\n{stdout}\n{stderr}"
    );
    // Without a warning (cargo shows a fresh crate's again): CI's `clippy -D warnings` fails
    // on any, and the generated module allows clippy's own lints, not rustc's (an unused
    // import, an unused function).
    assert!(!stderr.contains("warning"), "{stderr}");
    // lib.rs's doctest ran, and no block of the document's prose did (nor was one ignored).
    let doctests: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("test crates/prose-client/src/"))
        .collect();
    assert_eq!(doctests.len(), 1, "{stdout}");
    assert!(
        doctests[0].starts_with("test crates/prose-client/src/lib.rs - (line ")
            && doctests[0].ends_with(" ... ok"),
        "{stdout}"
    );
    assert!(!pwned.exists(), "a doctest from the document's prose ran");
}

/// Keycloak's `operationId: post` made `Client::post()`, which hides `ClientHooks::post`: 632
/// compile errors and no word from `generate`. Each operationId named like one of the
/// client's own methods, or like what the builder module imports, is derived from the method
/// and path instead, with a note, and the crate builds.
#[test]
fn operation_ids_named_like_the_client_s_own_methods_are_renamed_and_the_crate_builds() {
    let ids = xtask::normalize::CLIENT_METHODS
        .iter()
        .map(|(name, _)| *name)
        .chain(["Error", "ResponseValue", "byte_stream"]);
    let mut spec = String::from("openapi: 3.0.3\ninfo:\n  title: Hooks\n  version: '1'\npaths:\n");
    for id in ids.clone() {
        spec.push_str(&format!(
            "  /{id}:\n    post:\n      operationId: {id}\n      responses:\n        '204':\n          description: Done\n"
        ));
    }
    let root = xtask::workspace_root();
    let copy = xtask::scratch::Scratch::new("hooks-workspace").unwrap();
    copy_workspace(&root, copy.path());
    std::fs::write(copy.path().join("specs/hooks.yaml"), &spec).unwrap();
    let _ = std::fs::remove_dir_all(copy.path().join("crates/hooks-client"));

    let (code, out, err) = xtask(copy.path(), &["generate", "hooks"]);
    assert_eq!(code, 0, "{out}{err}");
    let notes: Vec<&str> = err.lines().collect();
    assert_eq!(notes.len(), ids.clone().count(), "{err}");
    assert!(
        notes.contains(&"note: specs/hooks.yaml: /paths/~1post/post/operationId: operationId \"post\" becomes the Rust method `Client::post`, which hides `ClientHooks::post` (the crate would not compile): derived \"post_post\" from the method and path (an overlay can set another)"),
        "{err}"
    );
    assert!(
        notes.contains(&"note: specs/hooks.yaml: /paths/~1Error/post/operationId: operationId \"Error\" becomes the Rust builder `builder::Error`, as does the `Error` that module imports from progenitor_client (the crate would not compile): derived \"post_error\" from the method and path (an overlay can set another)"),
        "{err}"
    );
    let build = xtask::cargo_sharing_target()
        .args(["build", "--offline", "--package", "hooks-client"])
        .current_dir(copy.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "the crate must build:\n{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}
