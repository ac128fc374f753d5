//! Adding a provider is one file and one command: in a copy of this workspace, a new spec plus
//! `cargo xtask generate` gives a crate that builds with the rest, even from a document
//! written to break it.

use crate::common::{copy_workspace, xtask};
use crate::untrusted_text::prose;

#[test]
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
