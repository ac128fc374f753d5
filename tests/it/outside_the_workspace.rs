//! The client crates work outside this workspace: a copy of `tests/outside/manta-only`, an
//! application that depends on `manta-client` alone by path, builds in a directory outside the
//! workspace (kept between runs in `target/tmp`) and makes one unbind against its own loopback
//! server.

use std::path::Path;

use xtask::scratch::{Scratch, write_if_changed};

/// Copies the application's files to `to`, with its path dependency pointing into `root`, and
/// the workspace's lock file beside them so that it builds the versions the workspace builds.
fn copy_application(root: &Path, to: &Path) {
    let from = root.join("tests/outside/manta-only");
    let manifest = std::fs::read_to_string(from.join("Cargo.toml")).unwrap();
    let relative = r#"path = "../../../crates/manta-client""#;
    assert!(manifest.contains(relative), "{manifest}");
    let absolute = format!("path = '{}'", root.join("crates/manta-client").display());
    let write = |name: &str, text: &[u8]| write_if_changed(&to.join(name), text).unwrap();
    write(
        "Cargo.toml",
        manifest.replace(relative, &absolute).as_bytes(),
    );
    write(
        "src/main.rs",
        &std::fs::read(from.join("src/main.rs")).unwrap(),
    );
    write(
        "Cargo.lock",
        &std::fs::read(root.join("Cargo.lock")).unwrap(),
    );
}

#[test]
fn an_application_depending_on_manta_client_alone_builds_and_unbinds() {
    let root = xtask::workspace_root();
    // Its files are written only when they change, so that cargo rebuilds it only then.
    let app = Scratch::new("outside-manta-only").unwrap();
    copy_application(&root, app.path());

    // Sharing this workspace's target directory, only the application and the two path crates
    // compile. Offline: it needs nothing the lock file lacks.
    let output = xtask::cargo_sharing_target()
        .args(["run", "--offline", "--quiet"])
        // Running cargo in a temporary folder and showing its output on failure, as xtask's
        // scaffold test does: the two are in different test crates.
        .current_dir(app.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the application must build and its unbind succeed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );

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
