//! Adding a provider is one file and one command: in a copy of this workspace, a new spec plus
//! `cargo xtask generate` gives a crate that builds with the rest.

use crate::common::{TINY, cargo_ok, copy_workspace, xtask};

#[test]
fn a_new_spec_becomes_a_crate_that_builds_in_the_workspace() {
    let root = xtask::workspace_root();
    // Kept between runs (target/tmp), so that cargo rebuilds only what changed since the last.
    let copy = xtask::scratch::Scratch::new("scaffold-workspace").unwrap();
    copy_workspace(&root, copy.path());
    std::fs::write(copy.path().join("specs/tiny.yaml"), TINY).unwrap();

    let (code, out, err) = xtask(copy.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.contains("created crates/tiny-client/src/lib.rs"),
        "{out}"
    );
    // The existing crates are untouched: their generated code was already current.
    assert!(
        out.contains("unchanged crates/manta-client/src/generated.rs"),
        "{out}"
    );

    // Build it, docs included, sharing this workspace's target directory so that only the new
    // crate compiles. Offline: the new crate uses no dependency the lock file lacks.
    let stdout = cargo_ok(
        copy.path(),
        &["test", "--offline", "--package", "tiny-client"],
        "the scaffolded crate must build and pass its doctest",
    );
    assert!(
        stdout.contains("crates/tiny-client/src/lib.rs - (line "),
        "its doctest ran:\n{stdout}"
    );
}
