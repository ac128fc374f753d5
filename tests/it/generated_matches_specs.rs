//! Drift: every `crates/<provider>/src/generated.rs` is exactly what `cargo xtask generate`
//! makes from `specs/<provider>.yaml` now. Fails with the diff otherwise.

#[test]
fn generated_code_matches_the_specs() {
    let root = xtask::workspace_root();
    let outputs = match xtask::plan(&root, None) {
        Ok(outputs) => outputs,
        Err(problems) => {
            let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the specs have problems:\n{}", listed.join("\n"));
        }
    };
    let providers = xtask::providers(&root).unwrap();
    assert!(
        providers.len() >= 3,
        "expected the three provider specs, found {providers:?}"
    );
    assert!(
        outputs.len() >= providers.len(),
        "every spec must have a generated.rs"
    );
    let stale: Vec<String> = outputs
        .iter()
        .filter(|o| o.is_stale())
        .map(xtask::Output::diff)
        .collect();
    assert!(
        stale.is_empty(),
        "generated code is stale; run `cargo xtask generate`:\n{}",
        stale.join("\n")
    );
}
