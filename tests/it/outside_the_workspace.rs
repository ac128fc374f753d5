//! The crates work outside this workspace, as a user's application imports them: a copy of an
//! application in `tests/outside/` builds in a directory outside the workspace (kept between
//! runs in `target/tmp`), sharing its target directory.
//!
//! - `manta-only` depends on `manta-client` alone by path and makes one unbind against its own
//!   loopback server.
//! - `disconnect-all` (a workspace member, whose tests `cargo test --workspace` runs) builds on
//!   its own too, asking for every feature it uses itself, and its tests pass there. Ignored:
//!   built outside, its dependencies' other features rebuild some 50 crates; `.ci/run` runs it.

use std::path::Path;

use xtask::scratch::{Scratch, mirror, write_if_changed};

/// Copies the application `tests/outside/<name>` to `to`: every file, its path dependencies
/// pointing into `root`, and the workspace's lock file beside them so that it builds the
/// versions the workspace builds. A workspace member gets a `[workspace]` of its own and the
/// root's dev profiles, so that what it builds is what the workspace has built where the
/// features agree.
fn copy_application(root: &Path, name: &str, to: &Path) {
    let from = root.join("tests/outside").join(name);
    let manifest = std::fs::read_to_string(from.join("Cargo.toml")).unwrap();
    let relative = r#"path = "../../../crates/"#;
    assert!(manifest.contains(relative), "{manifest}");
    let absolute = format!("path = \"{}/", root.join("crates").display());
    let mut manifest = manifest.replace(relative, &absolute);
    if !manifest.contains("\n[workspace]") {
        let workspace = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let profiles = workspace
            .split_once("\n[profile.dev]")
            .and_then(|(_, rest)| rest.split_once("\n[workspace."))
            .map(|(profiles, _)| profiles)
            .expect("the workspace's dev profiles");
        manifest = format!("{manifest}\n[workspace]\n\n[profile.dev]{profiles}");
    }
    // The manifest and the lock file are written here, and only when they change, so that
    // cargo rebuilds the application only then.
    mirror(&from, to, &["Cargo.toml", "Cargo.lock"]).unwrap();
    write_if_changed(&to.join("Cargo.toml"), manifest.as_bytes()).unwrap();
    write_if_changed(
        &to.join("Cargo.lock"),
        std::fs::read(root.join("Cargo.lock")).unwrap(),
    )
    .unwrap();
}

/// Runs `cargo <args>` offline in `app`, sharing this workspace's target directory; its
/// standard output, or a failure showing both outputs.
fn cargo_in(app: &Path, args: &[&str]) -> String {
    // Sharing this workspace's target directory, only what differs compiles. Offline: it
    // needs nothing the lock file lacks.
    let output = xtask::cargo_sharing_target()
        .args(args)
        .args(["--offline", "--quiet"])
        // Running cargo in a temporary folder and showing its output on failure, as xtask's
        // scaffold test does: the two are in different test crates.
        .current_dir(app)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "cargo {args:?} must succeed in the application ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
#[ignore = "built outside, its dependencies' other features rebuild some 50 crates (30 s); .ci/run runs it"]
fn the_disconnect_all_application_builds_and_passes_its_tests_outside_the_workspace() {
    let root = xtask::workspace_root();
    let app = Scratch::new("outside-disconnect-all").unwrap();
    copy_application(&root, "disconnect-all", app.path());
    let stdout = cargo_in(app.path(), &["test"]);
    // Its four tests ran and passed (the quiet output counts them).
    assert!(stdout.contains("4 passed; 0 failed"), "{stdout}");
}

#[test]
fn an_application_depending_on_manta_client_alone_builds_and_unbinds() {
    let root = xtask::workspace_root();
    // Its files are written only when they change, so that cargo rebuilds it only then.
    let app = Scratch::new("outside-manta-only").unwrap();
    copy_application(&root, "manta-only", app.path());
    // Only the application and the two path crates compile.
    let stdout = cargo_in(app.path(), &["run"]);

    // What the loopback server saw: the documented request, with the hooks' bearer token.
    let (head, body) = stdout.split_once("\r\n\r\n").expect("a request head");
    let mut lines = head.lines();
    assert_eq!(
        lines.next(),
        Some("POST /openapi/unbind/customer?botId=bot-123 HTTP/1.1")
    );
    let headers: Vec<(String, &str)> = lines
        .map(|line| line.split_once(':').expect("a header line"))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim()))
        .collect();
    let values = |name: &str| -> Vec<&str> {
        headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| *v)
            .collect()
    };
    assert_eq!(values("authorization"), ["Bearer test-jwt"], "{head}");
    assert_eq!(values("content-type"), ["application/json"], "{head}");
    assert_eq!(values("api-version"), Vec::<&str>::new(), "{head}");
    let body: serde_json::Value = serde_json::from_str(body).expect("a JSON body");
    assert_eq!(
        body,
        serde_json::json!({
            "secret": "test-api-secret",
            "clientId": "5b0c2d1e-platform-uuid",
            "customerId": "customer-42",
        })
    );
}
