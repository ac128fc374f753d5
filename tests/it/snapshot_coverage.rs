//! Coverage: every operation in every spec has a request-shape snapshot, every operation with
//! optional inputs has a second one with all of them set, and no snapshot outlives its
//! operation.

use std::collections::BTreeSet;

use unbind_tests::{PROVIDERS, Variant, spec};

/// The snapshot names `request_shapes.rs` must have written, from the specs.
fn expected() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for provider in PROVIDERS {
        let spec = spec(provider);
        for operation in spec.operation_ids() {
            names.insert(format!(
                "{provider}__{operation}{}",
                Variant::Required.suffix()
            ));
        }
        for operation in spec.operations_with_optional_parameters() {
            names.insert(format!(
                "{provider}__{operation}{}",
                Variant::AllOptional.suffix()
            ));
        }
    }
    names
}

/// The request-shape snapshots on disk.
fn found() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let name = name
                .strip_prefix("request_shapes__")?
                .strip_suffix(".snap")?;
            Some(name.to_owned())
        })
        .collect()
}

#[test]
fn every_operation_has_its_snapshots_and_every_snapshot_its_operation() {
    let expected = expected();
    let found = found();
    let missing: Vec<_> = expected.difference(&found).collect();
    let stale: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "operations without a request-shape snapshot (add them to tests/tests/request_shapes.rs): {missing:?}\n\
         snapshots whose operation or optional inputs no longer exist (delete them): {stale:?}"
    );
    // 17 operations, plus one per operation with optional inputs.
    assert!(expected.len() >= 17, "{expected:?}");
}
