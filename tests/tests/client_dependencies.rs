//! Pay only for what you use: an application that depends on `manta-client` or
//! `cloudbase-client` alone never compiles the RSA stack of the OneAccess signer (unbind-auth's
//! `oneaccess` feature, off by default).
//!
//! `cargo tree` reads only `Cargo.lock` and the package cache, never the target directory, so
//! this runs offline on a clean clone with or without `CARGO_TARGET_DIR`.

use std::path::Path;
use std::process::Command;

/// Crates that only the OneAccess signer brings: `rsa` and its big-number and key-parsing
/// crates.
const RSA_STACK: [&str; 3] = ["rsa", "num-bigint-dig", "pkcs1"];

/// The names of every package in `package`'s normal dependency tree (what a user of it
/// compiles), each once.
fn normal_dependencies(package: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let output = Command::new(env!("CARGO"))
        .args(["tree", "--locked", "--offline", "--edges", "normal"])
        .args(["--prefix", "none", "--format", "{p}", "--package", package])
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
             (unbind-auth's `oneaccess` feature must stay off for it)"
        );
    }
}

/// The check above can fail: the client that signs does bring the stack.
#[test]
fn the_oneaccess_client_brings_the_rsa_stack() {
    let names = normal_dependencies("oneaccess-client");
    assert_eq!(rsa_stack_in(&names), RSA_STACK.to_vec());
}
