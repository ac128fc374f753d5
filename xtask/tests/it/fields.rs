//! Nothing in a document is dropped without a word: a field that openapiv3 (and so progenitor)
//! would skip, a response under a key that is not a status, or a part of the wrong type, is a
//! problem at its pointer; an unknown schema keyword is a note.

use crate::common::{TINY, fails_with, workspace, xtask};

const OP: &str = "specs/tiny.yaml: /paths/~1things~1{id}/delete";

/// TINY with `extra` (indented for the operation's fields) inserted before its `responses`.
fn with_operation_field(extra: &str) -> String {
    let spec = TINY.replace("      responses:\n", &format!("{extra}      responses:\n"));
    assert_ne!(spec, TINY);
    spec
}

#[test]
fn a_misspelt_operation_field_is_refused_not_skipped() {
    let spec = with_operation_field(
        "      requestbody:\n        content:\n          application/json:\n            schema:\n              type: object\n",
    );
    fails_with(
        &spec,
        &[&format!(
            "{OP}/requestbody: unknown field `requestbody` of an operation (did you mean `requestBody`?): progenitor would skip it"
        )],
    );
}

#[test]
fn a_response_under_a_key_that_is_not_a_status_is_refused() {
    let spec = TINY.replace("        '400':\n", "        '4OO':\n");
    fails_with(
        &spec,
        &[&format!(
            "{OP}/responses/4OO: `4OO` is not a status (`200`, `4XX`, `default`) nor an extension (`x-…`): progenitor would skip this response"
        )],
    );
}

#[test]
fn a_response_that_is_not_a_mapping_is_refused() {
    let spec = TINY.replace("        '400':\n", "        '201': 5\n        '400':\n");
    fails_with(
        &spec,
        &[&format!(
            "{OP}/responses/201: a response must be a mapping (or a `$ref`), not 5"
        )],
    );
}

#[test]
fn a_misspelt_parameter_field_is_refused() {
    let spec = TINY.replace("          required: true\n", "          requierd: true\n");
    fails_with(
        &spec,
        &[&format!(
            "{OP}/parameters/0/requierd: unknown field `requierd` of a parameter: progenitor would skip it"
        )],
    );
}

#[test]
fn an_unknown_schema_keyword_is_a_note() {
    let spec = TINY.replace(
        "    Done:\n      type: object\n      properties:\n",
        "    Done:\n      type: object\n      propertes:\n        extra:\n          type: string\n      properties:\n",
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        (code, err.as_str()),
        (
            0,
            "note: specs/tiny.yaml: /components/schemas/Done/propertes: unknown schema keyword `propertes` (did you mean `properties`?): progenitor skips it\n"
        )
    );
}

#[test]
fn a_ref_that_is_not_a_string_is_refused_not_read_as_any_value() {
    let spec = TINY.replace(
        "                $ref: '#/components/schemas/Done'\n",
        "                $ref: 5\n",
    );
    fails_with(
        &spec,
        &[&format!(
            "{OP}/responses/200/content/application~1json/schema/$ref: a `$ref` must be a string (`#/components/…`), not 5"
        )],
    );
}
