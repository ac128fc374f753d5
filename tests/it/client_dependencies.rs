//! Pay only for what you use: an application that depends on `manta-client` or
//! `cloudbase-client` alone never compiles the RSA stack of the OneAccess signer (unbind-runtime's
//! `oneaccess` feature, off by default).
//!
//! `cargo tree` reads only `Cargo.lock` and the package cache, never the target directory, so
//! this runs offline on a clean clone with or without `CARGO_TARGET_DIR`.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

/// Crates that only the OneAccess signer brings: `rsa` and its big-number and key-parsing
/// crates.
const RSA_STACK: [&str; 3] = ["rsa", "num-bigint-dig", "pkcs1"];

/// The names of every package in `package`'s normal dependency tree (what a user of it
/// compiles), each once.
fn normal_dependencies(package: &str) -> Vec<String> {
    normal_dependencies_with(package, &[])
}

/// [`normal_dependencies`] with more `cargo tree` arguments (features). Each tree is read
/// once for all the tests here, which ask for several of the same ones.
fn normal_dependencies_with(package: &str, more: &[&str]) -> Vec<String> {
    type Trees = Mutex<HashMap<Vec<String>, Arc<OnceLock<Vec<String>>>>>;
    static TREES: LazyLock<Trees> = LazyLock::new(Trees::default);
    let key: Vec<String> = std::iter::once(package)
        .chain(more.iter().copied())
        .map(str::to_owned)
        .collect();
    let once = Arc::clone(
        TREES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(key)
            .or_default(),
    );
    once.get_or_init(|| read_tree(package, more)).clone()
}

/// Runs `cargo tree` for [`normal_dependencies_with`].
fn read_tree(package: &str, more: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let output = Command::new(env!("CARGO"))
        .args(["tree", "--locked", "--offline", "--edges", "normal"])
        .args(["--prefix", "none", "--format", "{p}", "--package", package])
        .args(more)
        .current_dir(&root)
        .output()
        .expect("run cargo tree");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree -p {package} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    assert!(
        names.iter().any(|n| n == package),
        "the tree names its root:\n{stdout}"
    );
    names
}

fn rsa_stack_in(names: &[String]) -> Vec<&str> {
    RSA_STACK
        .into_iter()
        .filter(|c| names.iter().any(|n| n == c))
        .collect()
}

#[test]
fn manta_and_cloudbase_clients_compile_no_rsa() {
    for package in ["manta-client", "cloudbase-client"] {
        let names = normal_dependencies(package);
        assert_eq!(
            rsa_stack_in(&names),
            Vec::<&str>::new(),
            "{package} brings the RSA stack back: see `cargo tree -e normal -p {package} -i rsa` \
             (unbind-runtime's `oneaccess` feature must stay off for it)"
        );
    }
}

/// The check above can fail: the client that signs does bring the stack.
#[test]
fn the_oneaccess_client_brings_the_rsa_stack() {
    let names = normal_dependencies("oneaccess-client");
    assert_eq!(rsa_stack_in(&names), RSA_STACK.to_vec());
}

/// The typed mocks compile only where an importer asks for them: without the `mock` feature a
/// client crate's tree has no httpmock (nor anything only it brings); with it, it does. (The
/// facade does not turn the feature on either.)
#[test]
fn the_mocks_are_compiled_only_with_the_mock_feature() {
    // What httpmock alone brings into a client's tree (`regex` is the mocks' own).
    let mock_only = [
        "httpmock",
        "path-tree",
        "similar",
        "futures-timer",
        "assert-json-diff",
    ];
    for package in [
        "manta-client",
        "oneaccess-client",
        "cloudbase-client",
        "unbind",
    ] {
        let names = normal_dependencies(package);
        let found: Vec<&str> = mock_only
            .into_iter()
            .filter(|c| names.iter().any(|n| n == c))
            .collect();
        assert_eq!(found, Vec::<&str>::new(), "{package} without `mock`");
    }
    for package in ["manta-client", "oneaccess-client", "cloudbase-client"] {
        let names = normal_dependencies_with(package, &["--features", "mock"]);
        for krate in mock_only {
            assert!(
                names.iter().any(|n| n == krate),
                "{package} --features mock: {krate}"
            );
        }
    }
}

/// Lints live in one place, `[workspace.lints]`: every member's manifest takes them, so a new
/// crate (the xtask's scaffold included) cannot drift.
#[test]
fn every_member_takes_the_workspace_lints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut manifests: Vec<_> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .map(|entry| entry.expect("an entry").path().join("Cargo.toml"))
        .collect();
    manifests.extend([root.join("xtask/Cargo.toml"), root.join("tests/Cargo.toml")]);
    assert!(manifests.len() >= 10, "{manifests:?}");
    for manifest in manifests {
        let text = std::fs::read_to_string(&manifest).expect("a manifest");
        assert!(
            text.contains("\n[lints]\nworkspace = true\n"),
            "{} does not take the workspace lints",
            manifest.display()
        );
    }
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).expect("the workspace");
    for lint in [
        "unsafe_code",
        "missing_docs",
        "unreachable_pub",
        "rust_2018_idioms",
    ] {
        assert!(workspace.contains(&format!("\n{lint} = ")), "{lint}");
    }
}

/// The facade with one provider feature compiles that provider's client only, and the RSA
/// stack only with `oneaccess`.
#[test]
fn the_facade_compiles_only_the_providers_it_is_asked_for() {
    let clients = ["manta-client", "oneaccess-client", "cloudbase-client"];
    for (feature, client) in ["manta", "oneaccess", "cloudbase"].into_iter().zip(clients) {
        let names =
            normal_dependencies_with("unbind", &["--no-default-features", "--features", feature]);
        let present: Vec<&str> = clients
            .into_iter()
            .filter(|c| names.iter().any(|n| n == c))
            .collect();
        assert_eq!(present, [client], "unbind --features {feature}");
        let rsa = rsa_stack_in(&names);
        assert_eq!(rsa.is_empty(), feature != "oneaccess", "{feature}: {rsa:?}");
    }
    // By default, all three.
    let all = normal_dependencies("unbind");
    assert!(clients.iter().all(|c| all.iter().any(|n| n == c)));
}
