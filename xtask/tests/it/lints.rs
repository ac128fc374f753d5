//! Each lint, and each way a spec can fail, on a small broken spec: the exact message, and
//! nothing written.

use crate::common::{TINY, files, workspace, xtask};

/// Runs `generate` on a workspace holding only `tiny.yaml` = `spec`; asserts it fails with
/// exactly `expected` on stderr and writes nothing.
fn fails_with(spec: &str, expected: &[&str]) {
    let dir = workspace(&[("tiny.yaml", spec)]);
    let before = files(dir.path());
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    let mut want: String = expected.iter().map(|line| format!("{line}\n")).collect();
    want.push_str(&format!(
        "error: {} problem(s); nothing was written\n",
        expected.len()
    ));
    assert_eq!(err, want);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(files(dir.path()), before, "nothing may be written");
}

#[test]
fn the_tiny_spec_itself_generates() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("created crates/tiny-client/src/generated.rs"),
        "{out}"
    );
}

#[test]
fn openapi_3_1_is_rejected() {
    fails_with(
        &TINY.replace("openapi: 3.0.3", "openapi: 3.1.0"),
        &[
            "specs/tiny.yaml: /openapi: OpenAPI version \"3.1.0\" is not 3.0.x (progenitor 0.15.1 reads only 3.0.x)",
        ],
    );
}

#[test]
fn a_missing_version_is_rejected() {
    fails_with(
        &TINY.replace("openapi: 3.0.3\n", ""),
        &["specs/tiny.yaml: /openapi: missing OpenAPI version (expected 3.0.x)"],
    );
}

#[test]
fn a_missing_operation_id_is_rejected() {
    fails_with(
        &TINY.replace("      operationId: delete_thing\n", ""),
        &["specs/tiny.yaml: /paths/~1things~1{id}/delete: missing operationId"],
    );
}

#[test]
fn a_duplicate_operation_id_is_rejected() {
    let spec = TINY.replace(
        "paths:\n",
        "paths:\n  /zzz:\n    get:\n      operationId: delete_thing\n      responses:\n        '204':\n          description: Nothing\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1zzz/get/operationId: duplicate operationId \"delete_thing\" (first used at /paths/~1things~1{id}/delete)",
        ],
    );
}

#[test]
fn two_error_schemas_in_one_operation_are_rejected() {
    let spec = TINY.replace(
        "components:\n",
        "        '500':\n          description: Broken\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Done'\ncomponents:\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses: more than one error schema (500 → #/components/schemas/Done; 400 → #/components/schemas/Error); progenitor 0.15.1 takes one per operation",
        ],
    );
}

#[test]
fn an_error_with_and_one_without_a_body_count_as_two_schemas() {
    let spec = TINY.replace(
        "components:\n",
        "        '404':\n          description: Gone\ncomponents:\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses: more than one error schema (400 → #/components/schemas/Error; 404 → no content); progenitor 0.15.1 takes one per operation",
        ],
    );
}

#[test]
fn json_without_a_schema_is_rejected() {
    let spec = TINY.replace(
        "            application/json:\n              schema:\n                $ref: '#/components/schemas/Done'\n",
        "            application/json: {}\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/200/content/application~1json: application/json without a schema",
        ],
    );
}

#[test]
fn an_unresolved_ref_is_rejected() {
    fails_with(
        &TINY.replace("schemas/Error'", "schemas/Missing'"),
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: unresolved $ref \"#/components/schemas/Missing\"",
        ],
    );
}

#[test]
fn every_problem_of_every_spec_is_reported() {
    let broken = TINY
        .replace("      operationId: delete_thing\n", "")
        .replace("schemas/Error'", "schemas/Missing'");
    fails_with(
        &broken,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete: missing operationId",
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: unresolved $ref \"#/components/schemas/Missing\"",
        ],
    );
}

#[test]
fn invalid_yaml_names_file_line_and_column() {
    let spec = TINY.replace("  title: Tiny API\n", "  title: Tiny API\n   version: [\n");
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml:4:11: invalid YAML: mapping values are not allowed in this context at line 4 column 11",
        ],
    );
}

#[test]
fn a_document_that_is_not_openapi_names_the_place() {
    let spec = TINY.replace("          required: true\n", "          required: maybe\n");
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths: not a valid OpenAPI 3.0 document: invalid type: string \"maybe\", expected a boolean",
        ],
    );
}

#[test]
fn a_progenitor_panic_is_caught_and_names_the_operation() {
    // Two media types on one request body pass the lints but make progenitor 0.15.1 panic.
    let spec = TINY.replace(
        "      responses:\n",
        "      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Done'\n          text/plain:\n            schema:\n              type: string\n      responses:\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete: progenitor panicked while generating operation \"delete_thing\": not yet implemented: more media types than expected for delete_thing: 2",
        ],
    );
}

#[test]
fn a_broken_spec_stops_the_good_ones_too() {
    let dir = workspace(&[
        ("good.yaml", TINY),
        (
            "tiny.yaml",
            &TINY.replace("openapi: 3.0.3", "openapi: 3.1.0"),
        ),
    ]);
    let before = files(dir.path());
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("error: 1 problem(s); nothing was written\n"),
        "{err}"
    );
    assert_eq!(
        files(dir.path()),
        before,
        "the good spec's crate must not be written either"
    );
}

#[test]
fn an_unknown_provider_lists_the_known_ones() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let (code, _, err) = xtask(dir.path(), &["generate", "nope"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "specs/nope.yaml: /: no such spec; the providers are: tiny\nerror: 1 problem(s); nothing was written\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    for args in [
        &["frobnicate"][..],
        &["generate", "--force"],
        &["generate", "a", "b"],
        &[],
    ] {
        let (code, out, err) = xtask(dir.path(), args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(
            err.contains("usage: cargo xtask generate [PROVIDER] [--check]"),
            "{err}"
        );
    }
}
