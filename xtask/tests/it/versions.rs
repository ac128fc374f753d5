//! Versions follow the spec: every client crate's version covers what its API did since its
//! release baseline (`crates/<provider>-client/baseline.yaml`), and in a temporary copy of the
//! workspace, the flow of README "When a provider changes its API" does what it says.

use std::path::{Path, PathBuf};

use crate::common::{copy_paths, xtask};

/// The workspace this check looks at: this one, or the one `UNBIND_WORKSPACE_ROOT` names (how
/// the test below runs this very check on a temporary copy).
fn checked_root() -> PathBuf {
    std::env::var_os("UNBIND_WORKSPACE_ROOT").map_or_else(xtask::workspace_root, PathBuf::from)
}

/// What makes `cargo test --workspace` fail when a spec broke the Rust API without a bump.
#[test]
fn client_versions_cover_their_api_changes_since_the_baseline() {
    if let Err(behind) = xtask::release::check(&checked_root()) {
        panic!(
            "client crate versions are behind their specs:\n{}",
            behind.join("\n")
        );
    }
}

/// A copy of what `diff` and `release` read in the workspace: its manifest and lock file, the
/// specs and the client crates. Nothing is built in it, so the rest (the xtask, the facade, the
/// tests: two thirds of the files) is left out; creating files is most of what a copy costs.
fn copy() -> tempfile::TempDir {
    let (from, dir) = (xtask::workspace_root(), tempfile::tempdir().unwrap());
    let clients: Vec<String> = xtask::providers(&from)
        .unwrap()
        .iter()
        .map(|provider| format!("crates/{}", xtask::scaffold::package(provider)))
        .collect();
    let mut parts = vec!["Cargo.toml", "Cargo.lock", "specs"];
    parts.extend(clients.iter().map(String::as_str));
    copy_paths(&from, dir.path(), &parts);
    dir
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

/// Renames `customerId` of MantaGo's bind/unbind request body to `customerKey`.
fn rename_customer_id(root: &Path) {
    edit(
        root,
        "specs/manta.yaml",
        "        customerId:\n          type: string\n          description: The customer ID to bind/unbind\n",
        "        customerKey:\n          type: string\n          description: The customer ID to bind/unbind\n",
    );
    edit(
        root,
        "specs/manta.yaml",
        "        - customerId\n",
        "        - customerKey\n",
    );
}

/// `cargo xtask diff --from <this workspace's spec> --to <the copy's>`.
fn diff_against_here(copy: &Path, provider: &str) -> String {
    let from = xtask::workspace_root().join(format!("specs/{provider}.yaml"));
    let to = copy.join(format!("specs/{provider}.yaml"));
    let (code, out, err) = xtask(
        copy,
        &[
            "diff",
            "--from",
            from.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    out
}

#[test]
fn renaming_customer_id_in_manta_is_breaking_both_ways_and_shows_the_field() {
    let dir = copy();
    rename_customer_id(dir.path());
    let out = diff_against_here(dir.path(), "manta");
    assert!(
        out.contains(
            "  request-property-renamed               wire breaking   rust breaking   bind_customer, unbind_customer\n\
             \x20     /components/schemas/CustomerBindRequest/properties/customerKey\n\
             \x20     the request property customerId was renamed customerKey\n\
             \x20     also at /components/schemas/CustomerBindRequest/properties/customerId\n\
             \x20     → types::CustomerBindRequest: field customer_id renamed customer_key\n"
        ),
        "{out}"
    );
}

#[test]
fn an_optional_query_parameter_on_cloudbase_unbind_is_compatible_both_ways() {
    let dir = copy();
    edit(
        dir.path(),
        "specs/cloudbase.yaml",
        "        - $ref: '#/components/parameters/DeviceIdOptional'\n      # The docs'",
        "        - $ref: '#/components/parameters/DeviceIdOptional'\n        - name: reason\n          in: query\n          required: false\n          schema:\n            type: string\n      # The docs'",
    );
    let out = diff_against_here(dir.path(), "cloudbase");
    // The parameter's index depends on how many the spec declares today: not asserted, so that
    // an edit of the spec (the spec-edit loop of BENCHMARKS.md) does not break this test.
    let (before, after) = out
        .split_once("/delete/parameters/")
        .unwrap_or_else(|| panic!("a pointer to the new parameter:\n{out}"));
    assert!(
        before.ends_with(
            "  new-optional-request-parameter         wire compatible rust compatible unbind_provider\n\
             \x20     /paths/~1auth~1v1~1user~1provider~1{provider_id}"
        ),
        "{out}"
    );
    let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
    assert!(
        after.starts_with(
            "\n\x20     added the optional query request parameter reason\n\
             \x20     → builder::UnbindProvider: method reason(self, impl TryInto<String>) added\n"
        ),
        "{out}"
    );
    // Compatible for Rust: the version check does not ask for a bump.
    assert_eq!(xtask::release::check(dir.path()), Ok(()));
}

/// Runs this test binary's version check alone, on the workspace at `root`: what
/// `cargo test --workspace` would run there.
fn version_check_in(root: &Path) -> (bool, String) {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "versions::client_versions_cover_their_api_changes_since_the_baseline",
            "--exact",
            "--nocapture",
        ])
        .env("UNBIND_WORKSPACE_ROOT", root)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.contains("1 passed") || text.contains("1 failed"),
        "the check ran:\n{text}"
    );
    (output.status.success(), text)
}

#[test]
fn an_unbumped_breaking_change_fails_the_tests_until_release_bumps_it() {
    let dir = copy();
    let root = dir.path();
    assert!(version_check_in(root).0, "the copy passes before the edit");
    rename_customer_id(root);

    // The crate's version as committed (0.x): a Rust-breaking change needs the next minor.
    let now = xtask::release::crate_version(root, "manta").unwrap();
    assert_eq!(now.0, 0, "this test expects a 0.x crate, found {now}");
    let next = format!("0.{}.0", now.1 + 1);
    let behind = xtask::release::check(root).unwrap_err();
    assert_eq!(behind.len(), 1, "{behind:?}");
    assert!(
        behind[0].starts_with(&format!(
            "manta-client: its Rust API broke since release {now} (`request-property-renamed`: \
             the request property customerId was renamed customerKey → types::CustomerBindRequest: \
             field customer_id renamed customer_key); set version = \"{next}\" in \
             crates/manta-client/Cargo.toml (it is {now})"
        )),
        "{}",
        behind[0]
    );
    let (passed, text) = version_check_in(root);
    assert!(!passed, "{text}");
    assert!(
        text.contains(&format!("set version = \\\"{next}\\\""))
            || text.contains(&format!("set version = \"{next}\"")),
        "{text}"
    );

    let (code, out, err) = xtask(root, &["release", "manta"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.starts_with(&format!("manta-client {next}: wrote")),
        "{out}"
    );
    let manifest = std::fs::read_to_string(root.join("crates/manta-client/Cargo.toml")).unwrap();
    assert!(
        manifest.contains(&format!("\nversion = \"{next}\"\n")),
        "{manifest}"
    );
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert!(
        lock.contains(&format!("name = \"manta-client\"\nversion = \"{next}\"\n")),
        "Cargo.lock follows"
    );
    // Nothing else in either file moved: only the version line changed.
    let was = |file: &str| std::fs::read_to_string(xtask::workspace_root().join(file)).unwrap();
    let old_entry = format!("name = \"manta-client\"\nversion = \"{now}\"\n");
    let new_entry = format!("name = \"manta-client\"\nversion = \"{next}\"\n");
    assert_eq!(lock, was("Cargo.lock").replacen(&old_entry, &new_entry, 1));
    assert_eq!(
        manifest,
        was("crates/manta-client/Cargo.toml").replacen(
            &format!("\nversion = \"{now}\"\n"),
            &format!("\nversion = \"{next}\"\n"),
            1
        )
    );
    let changelog = std::fs::read_to_string(root.join("crates/manta-client/CHANGELOG.md")).unwrap();
    let newest = changelog
        .find(&format!("## [{next}] - "))
        .expect("the new entry");
    assert!(
        newest
            < changelog
                .find(&format!("## [{now}] - "))
                .expect("the release before"),
        "{changelog}"
    );
    assert!(
        changelog.contains(
            "### Changed\n\n- **Breaking (Rust, wire)** `request-property-renamed` (bind_customer, unbind_customer): \
             the request property customerId was renamed customerKey\n  - `types::CustomerBindRequest: field customer_id renamed customer_key`\n"
        ),
        "{changelog}"
    );
    assert_eq!(xtask::release::check(root), Ok(()));
    assert!(version_check_in(root).0, "passes after the release");
    // Released: nothing left to release.
    let (code, out, _) = xtask(root, &["release", "manta"]);
    assert_eq!(
        (code, out.trim()),
        (
            0,
            "manta-client: nothing changed since release 0.2.0; nothing written"
        )
    );
}

/// A throwaway workspace whose one spec, TINY, is generated and released (0.1.0).
fn released_tiny() -> tempfile::TempDir {
    let dir = crate::common::workspace(&[("tiny.yaml", crate::common::TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    assert_eq!(xtask(dir.path(), &["release", "tiny"]).0, 0);
    dir
}

/// Adds the required query parameter `name` to TINY's one operation: Rust-breaking.
fn require_query_parameter(root: &Path, name: &str) {
    edit(
        root,
        "specs/tiny.yaml",
        "        - name: id\n",
        &format!(
            "        - name: {name}\n          in: query\n          required: true\n          \
             schema:\n            type: string\n        - name: id\n"
        ),
    );
}

/// The version check of a released workspace (TINY) whose baseline is `baseline`: the one
/// message it fails with.
fn check_with_baseline(baseline: &[u8]) -> String {
    let dir = released_tiny();
    let root = dir.path();
    std::fs::write(root.join(xtask::release::baseline_path("tiny")), baseline).unwrap();
    let behind = xtask::release::check(root).unwrap_err();
    assert_eq!(behind.len(), 1, "{behind:?}");
    behind[0].clone()
}

/// A baseline that is there but cannot be read (here: not UTF-8) fails the check, naming the
/// file: it is not taken for "no baseline", which would pass without comparing anything.
#[test]
fn an_unreadable_baseline_fails_the_check_instead_of_being_skipped() {
    let message = check_with_baseline(b"openapi: 3.0.3\n\xff\xfe\n");
    assert!(
        message.starts_with("tiny-client: cannot read crates/tiny-client/baseline.yaml: "),
        "{message}"
    );
}

/// A release that cannot write all of its files writes none: with a CHANGELOG.md that cannot
/// be read (here: not UTF-8), `release` fails naming it and leaves the version, the lock file
/// and the changelog as they were, instead of replacing the changelog with a new one.
#[test]
fn a_release_that_cannot_read_the_changelog_changes_nothing() {
    let dir = released_tiny();
    let root = dir.path();
    let lock = "version = 4\n\n[[package]]\nname = \"tiny-client\"\nversion = \"0.1.0\"\n";
    std::fs::write(root.join("Cargo.lock"), lock).unwrap();
    require_query_parameter(root, "reason");
    let files = [
        "crates/tiny-client/Cargo.toml",
        "Cargo.lock",
        "crates/tiny-client/CHANGELOG.md",
        "crates/tiny-client/baseline.yaml",
    ];
    std::fs::write(root.join(files[2]), b"# Changelog\n\xff\n").unwrap();
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(root.join(f)).unwrap())
        .collect();
    let (code, out, err) = xtask(root, &["release", "tiny"]);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("crates/tiny-client/CHANGELOG.md"), "{err}");
    for (file, was) in files.iter().zip(&before) {
        assert_eq!(
            &std::fs::read(root.join(file)).unwrap(),
            was,
            "{file} changed"
        );
    }
}

/// A release whose crate folder is a symbolic link to a folder outside the workspace writes
/// nothing: not the crate's files there (not ours), nor the lock file here.
#[cfg(unix)]
#[test]
fn a_release_does_not_write_into_a_crate_linked_from_outside() {
    let dir = released_tiny();
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    let moved = outside.path().join("tiny-client");
    std::fs::rename(root.join("crates/tiny-client"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, root.join("crates/tiny-client")).unwrap();
    require_query_parameter(root, "reason");
    let snapshot = || {
        let mut files: Vec<(String, Vec<u8>)> = ["Cargo.toml", "CHANGELOG.md", "baseline.yaml"]
            .iter()
            .map(|f| (f.to_string(), std::fs::read(moved.join(f)).unwrap()))
            .collect();
        files.push((
            "Cargo.lock".into(),
            std::fs::read(root.join("Cargo.lock")).unwrap_or_default(),
        ));
        files
    };
    let before = snapshot();
    let (code, out, err) = xtask(root, &["release", "tiny"]);
    assert_ne!(code, 0, "{out}");
    assert!(
        err.contains("is outside the workspace (through a symbolic link)"),
        "{err}"
    );
    assert!(snapshot() == before, "a file changed");
}

/// A released version whose next version does not fit in a number (here: minor 2^64 - 1) is a
/// problem naming it, not an overflow.
#[test]
fn a_released_version_that_cannot_be_bumped_fails_the_check_without_a_panic() {
    let dir = released_tiny();
    let root = dir.path();
    edit(
        root,
        &xtask::release::baseline_path("tiny"),
        "  version: 0.1.0\n",
        "  version: 0.18446744073709551615.0\n",
    );
    let behind = xtask::release::check(root).unwrap_err();
    assert_eq!(
        behind,
        [
            "tiny-client: release 0.18446744073709551615.0 has no next version (a part would pass \
          18446744073709551615)"
        ]
    );
}

/// A registry package of the same name in `Cargo.lock` (another crate's dependency) is not the
/// workspace member: release bumps only the entry without a `source`.
#[test]
fn release_bumps_the_workspace_member_in_the_lock_file_not_a_namesake() {
    let dir = released_tiny();
    let root = dir.path();
    let lock = "version = 4\n\n\
        [[package]]\nname = \"tiny-client\"\nversion = \"9.9.9\"\n\
        source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n\
        [[package]]\nname = \"tiny-client\"\nversion = \"0.1.0\"\n";
    std::fs::write(root.join("Cargo.lock"), lock).unwrap();
    require_query_parameter(root, "reason");
    let (code, out, err) = xtask(root, &["release", "tiny"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(
        std::fs::read_to_string(root.join("Cargo.lock")).unwrap(),
        lock.replace(
            "name = \"tiny-client\"\nversion = \"0.1.0\"\n",
            "name = \"tiny-client\"\nversion = \"0.2.0\"\n"
        )
    );
}

/// A baseline with several problems reports each of them, as `generate` does for a spec.
#[test]
fn every_problem_of_a_broken_baseline_is_reported() {
    let broken = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-release: {version: 0.1.1}\n\
        paths:\n  /a:\n    get:\n      operationId: same\n      responses:\n        '200':\n\
        \x20         description: ok\n          content:\n            application/json:\n\
        \x20             schema: {$ref: '#/components/schemas/Nowhere'}\n\
        \x20 /b:\n    get:\n      operationId: same\n      responses: {'200': {description: ok}}\n";
    let message = check_with_baseline(broken.as_bytes());
    assert!(
        message.contains("same"),
        "the shared operationId: {message}"
    );
    assert!(message.contains("Nowhere"), "the dangling $ref: {message}");
}

#[test]
fn versions_bump_by_semver_rules() {
    use xtask::release::{Level, Version};
    let v = |s| Version::parse(s).unwrap();
    assert_eq!(v("0.1.3").bump(Level::Major), Ok(v("0.2.0")));
    assert_eq!(v("0.1.3").bump(Level::Minor), Ok(v("0.1.4")));
    assert_eq!(v("0.1.3").bump(Level::Patch), Ok(v("0.1.4")));
    assert_eq!(v("1.2.3").bump(Level::Major), Ok(v("2.0.0")));
    assert_eq!(v("1.2.3").bump(Level::Minor), Ok(v("1.3.0")));
    assert_eq!(v("1.2.3").bump(Level::Patch), Ok(v("1.2.4")));
    assert_eq!(Version::parse("1.2"), None);
}

/// A provider built from a published document and its overlay is released like any other: the
/// changelog and the baseline name both files, and a change made only upstream (the
/// provider's next version) is what the version check and the next release see.
#[test]
fn a_published_document_with_an_overlay_is_released_by_its_changes_upstream() {
    let published = crate::common::fixture("shapes/no_operation_ids.json");
    let overlay = "overlay: 1.0.0\ninfo:\n  title: ids\n  version: 1.0.0\nactions:\n  - target: $.paths[*].delete\n    update:\n      operationId: unlink_account\n";
    let dir = crate::common::workspace(&[
        ("upstream/acme.json", &published),
        ("acme.overlay.yaml", overlay),
    ]);
    let root = dir.path();
    assert_eq!(
        xtask(root, &["generate"]).0,
        0,
        "generate scaffolds acme-client"
    );
    let (code, out, err) = xtask(root, &["release", "acme"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let changelog = std::fs::read_to_string(root.join("crates/acme-client/CHANGELOG.md")).unwrap();
    assert!(
        changelog.contains(
            "- First release of `acme-client`, generated from `specs/upstream/acme.json with specs/acme.overlay.yaml`.\n"
        ),
        "{changelog}"
    );
    let baseline = std::fs::read_to_string(root.join("crates/acme-client/baseline.yaml")).unwrap();
    assert!(
        baseline.starts_with(
            "# Release baseline of acme-client: specs/upstream/acme.json with specs/acme.overlay.yaml as the generator saw it at release 0.1.0.\n"
        ),
        "{baseline}"
    );
    assert_eq!(xtask::release::check(root), Ok(()));

    // The next published version adds a required query parameter to the unlink operation:
    // breaking for Rust code that never sets it.
    let next = published.replace(
        r#"{"name":"provider","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"204""#,
        r#"{"name":"provider","in":"path","required":true,"schema":{"type":"string"}},{"name":"reason","in":"query","required":true,"schema":{"type":"string"}}],"responses":{"204""#,
    );
    assert_ne!(next, published, "the fixture changed under the test");
    std::fs::write(root.join("specs/upstream/acme.json"), next).unwrap();
    let behind = xtask::release::check(root).unwrap_err();
    assert_eq!(behind.len(), 1, "{behind:?}");
    assert!(
        behind[0].starts_with(
            "acme-client: its Rust API broke since release 0.1.0 (`new-required-request-parameter`: \
             added the required query request parameter reason"
        ),
        "{}",
        behind[0]
    );
    assert!(
        behind[0].contains("set version = \"0.2.0\""),
        "{}",
        behind[0]
    );
    let (code, out, err) = xtask(root, &["release", "acme"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.starts_with("acme-client 0.2.0: wrote"), "{out}");
    assert_eq!(xtask::release::check(root), Ok(()));
}

/// Spec text that reaches the changelog and the version check's message has its control
/// characters escaped, as in every other report.
#[test]
fn control_characters_from_a_spec_are_escaped_in_the_changelog_and_the_check() {
    let dir = released_tiny();
    let root = dir.path();
    require_query_parameter(root, "\"why\\e[2J\"");
    let behind = xtask::release::check(root).unwrap_err();
    assert!(
        behind[0].contains("why\\u{1b}[2J") && !behind[0].contains('\u{1b}'),
        "{behind:?}"
    );
    let (code, out, err) = xtask(root, &["release", "tiny"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let changelog = std::fs::read_to_string(root.join("crates/tiny-client/CHANGELOG.md")).unwrap();
    assert!(
        changelog.contains("why\\u{1b}[2J") && !changelog.contains('\u{1b}'),
        "{changelog:?}"
    );
}
