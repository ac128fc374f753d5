//! Defects of a published document that have one obvious meaning are repaired in memory, each
//! with one note at its pointer (`xtask/src/repair/`), in a small fixture modelled on the
//! document that had it (`xtask/tests/fixtures/repairs/`): the exact notes, and what the
//! generated client shows of the repair. Data (examples, defaults, enum values, extensions) is
//! never read as part of the document.

use crate::common::{fixture, workspace, xtask};

/// Generates `repairs/<file>` as the published document `specs/upstream/<file>`, alone:
/// (stderr, generated.rs).
fn generate(file: &str) -> (String, String) {
    let (name, _) = file.rsplit_once('.').unwrap();
    let dir = workspace(&[(
        &format!("upstream/{file}"),
        &fixture(&format!("repairs/{file}")),
    )]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{out}\n{err}");
    let generated = std::fs::read_to_string(
        dir.path()
            .join(format!("crates/{name}-client/src/generated.rs")),
    )
    .unwrap();
    (err, generated)
}

/// `$ref` keys in examples, defaults, enum values and extensions (`x-…`, also beside paths
/// and statuses) are data: nothing reports them as references, resolves them or repairs
/// them. Okta's examples gave ten false "unresolved $ref" problems; `x-…` beside paths and
/// statuses were read as paths and responses. The fixture's data also holds a schema with
/// every defect `repair` mends, and an operation with a path parameter and a redirect.
#[test]
fn ref_keys_and_schemas_in_data_are_neither_linted_nor_resolved_nor_repaired() {
    let (err, generated) = generate("example_refs.yaml");
    assert_eq!(err, "");
    assert_eq!(generated.matches("pub fn get_user(&self)").count(), 1);
    assert!(generated.contains("pub fn put_user(&self)"));
}
