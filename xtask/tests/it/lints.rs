//! Each lint, and each way a spec can fail, on a small broken spec: the exact message, and
//! nothing written. A shape that progenitor cannot take but the xtask rewrites: the note.

use crate::common::{TINY, fails_strictly_with, fails_with, files, workspace, xtask};

/// Runs `generate` on a workspace holding only `tiny.yaml` = `spec`; asserts it succeeds
/// with exactly the notes `expected` on stderr, and returns the generated code.
fn generates_with(spec: &str, expected: &[&str]) -> String {
    let dir = workspace(&[("tiny.yaml", spec)]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    let want: String = expected
        .iter()
        .map(|line| format!("note: {line}\n"))
        .collect();
    assert_eq!(err, want);
    assert_eq!(code, 0);
    assert!(
        out.contains("created crates/tiny-client/src/generated.rs"),
        "{out}"
    );
    std::fs::read_to_string(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap()
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
fn openapi_3_1_without_3_1_constructs_is_read_as_3_0() {
    generates_with(
        &TINY.replace("openapi: 3.0.3", "openapi: 3.1.0"),
        &["specs/tiny.yaml: /openapi: OpenAPI 3.1.0 uses no 3.1-only construct: read as 3.0.3"],
    );
}

#[test]
fn openapi_3_1_constructs_are_refused_saying_what_to_change() {
    let spec = TINY.replace("openapi: 3.0.3", "openapi: 3.1.0").replace(
        "        done:\n          type: boolean\n",
        "        done:\n          const: true\n        count:\n          type: [integer, string]\n          exclusiveMinimum: 0\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /components/schemas/Done/properties/count/exclusiveMinimum: OpenAPI 3.1 numeric `exclusiveMinimum`: use `minimum: N` with `exclusiveMinimum: true`, in an overlay",
            "specs/tiny.yaml: /components/schemas/Done/properties/count/type: OpenAPI 3.1 type list [\"integer\",\"string\"]: 3.0 has one type per schema: use `oneOf` with one schema per type, in an overlay",
            "specs/tiny.yaml: /components/schemas/Done/properties/done/const: OpenAPI 3.1 keyword `const` has no 3.0 equivalent (progenitor 0.15.1 reads only 3.0.x): use `enum: [value]`, in an overlay",
        ],
    );
}

/// Casdoor's document is Swagger 2.0: it was refused as "missing OpenAPI version (expected
/// 3.0.x)", which named neither Swagger nor what to do, nor the 3.1 that is accepted.
#[test]
fn swagger_2_is_named_with_what_to_do() {
    fails_with(
        &TINY.replace("openapi: 3.0.3", "swagger: '2.0'"),
        &[
            "specs/tiny.yaml: /swagger: a Swagger 2.0 document: convert it to OpenAPI 3 first (with swagger2openapi, or the Swagger Editor's Convert to OpenAPI 3) and use the converted document; OpenAPI 3.0.x and 3.1 are accepted",
        ],
    );
    fails_with(
        &TINY.replace("openapi: 3.0.3", "openapi: '2.0'"),
        &[
            "specs/tiny.yaml: /openapi: OpenAPI version \"2.0\" is not 3.0.x or 3.1.x: a Swagger 2.0 version? convert it to OpenAPI 3 first (with swagger2openapi, or the Swagger Editor's Convert to OpenAPI 3) and use the converted document; OpenAPI 3.0.x and 3.1 are accepted",
        ],
    );
}

#[test]
fn a_missing_version_is_rejected() {
    fails_with(
        &TINY.replace("openapi: 3.0.3\n", ""),
        &[
            "specs/tiny.yaml: /openapi: missing OpenAPI version: expected `openapi: 3.0.x` or `3.1.x` (a Swagger 2.0 document says `swagger: \"2.0\"`)",
        ],
    );
}

#[test]
fn a_missing_operation_id_is_derived_from_method_and_path() {
    let generated = generates_with(
        &TINY.replace("      operationId: delete_thing\n", ""),
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete: no operationId: derived \"delete_things_by_id\" from the method and path (an overlay can set another)",
        ],
    );
    assert!(
        generated.contains("pub fn delete_things_by_id(&self)"),
        "{generated}"
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
fn two_error_schemas_in_one_operation_become_one_type() {
    let spec = TINY.replace(
        "components:\n",
        "        '500':\n          description: Broken\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Done'\ncomponents:\n",
    );
    let generated = generates_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses: error bodies 400 → Error; 500 → Done become one type ErrorOrDone (oneOf; progenitor 0.15.1 takes one per operation)",
        ],
    );
    assert!(
        generated.contains("#[serde(untagged)]\n    pub enum ErrorOrDone {\n        Error(Error),\n        Done(Done),\n    }"),
        "{generated}"
    );
    assert!(generated.contains("Result<ResponseValue<types::Done>, Error<types::ErrorOrDone>>"));
}

#[test]
fn an_error_without_a_body_beside_one_with_a_body_is_left_out() {
    let spec = TINY.replace(
        "components:\n",
        "        '404':\n          description: Gone\ncomponents:\n",
    );
    let generated = generates_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses: 404 without a JSON body left out of the error type (progenitor 0.15.1 takes one per operation): such an answer comes back as Error::UnexpectedResponse",
        ],
    );
    assert!(
        generated.contains("400u16 => Err(Error::ErrorResponse("),
        "{generated}"
    );
    assert!(!generated.contains("404u16"), "{generated}");
}

#[test]
fn a_default_beside_204_becomes_the_error_response() {
    let spec = TINY
        .replace("        '200':\n          description: Deleted\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Done'\n", "        '204':\n          description: Deleted\n")
        .replace("        '400':\n", "        default:\n");
    let generated = generates_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/default: `default` beside 204 becomes the error response for 4XX and 5XX",
        ],
    );
    assert!(
        generated.contains("Result<ResponseValue<()>, Error<types::Error>>"),
        "{generated}"
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

/// `$ref`s that lead only to each other name nothing: progenitor made `Done(Box<Loop>)` and
/// `Loop(Box<Done>)`, which compile but can never be decoded (the stack overflows), and a
/// response that is such a cycle was left out as "without a JSON body". Each `$ref` in the
/// cycle is refused.
#[test]
fn a_ref_cycle_is_rejected() {
    let done = "    Done:\n      type: object\n      properties:\n        done:\n          type: boolean\n";
    fails_with(
        &TINY.replace(
            done,
            "    Done:\n      $ref: '#/components/schemas/Loop'\n    Loop:\n      $ref: '#/components/schemas/Done'\n",
        ),
        &[
            "specs/tiny.yaml: /components/schemas/Done/$ref: $ref cycle /components/schemas/Done → /components/schemas/Loop → /components/schemas/Done: it names nothing",
            "specs/tiny.yaml: /components/schemas/Loop/$ref: $ref cycle /components/schemas/Loop → /components/schemas/Done → /components/schemas/Loop: it names nothing",
        ],
    );
}

/// Spec text goes into doc comments: a control character there reaches the terminal raw
/// through `generate --check`'s diff (an escape sequence sets the window title), and a
/// text-direction character makes rustc refuse the crate (`text_direction_codepoint_in_comment`).
/// Both are written as escapes.
#[test]
fn control_and_direction_characters_in_spec_text_are_escaped_in_the_code() {
    let generated = generates_with(
        &TINY.replace(
            "summary: Delete a thing",
            "summary: \"Delete \\e]0;TITLE\\a a \\u202Ething\"",
        ),
        &[],
    );
    assert!(
        generated.contains("/// Delete \\u{1b}]0;TITLE\\u{7} a \\u{202e}thing\n"),
        "{generated}"
    );
    assert!(
        !generated.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{generated}"
    );
}

/// A problem's place and message quote the spec: a control character there is printed as
/// an escape, not sent raw to the terminal.
#[test]
fn control_characters_in_a_problem_are_escaped() {
    let spec = TINY.replace(
        "paths:\n",
        "paths:\n  \"/x\\e[2J\":\n    get:\n      operationId: delete_thing\n      responses:\n        '204':\n          description: Done\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1x\\u{1b}[2J/get/operationId: duplicate operationId \"delete_thing\" (first used at /paths/~1things~1{id}/delete)",
        ],
    );
}

#[test]
fn every_problem_of_every_spec_is_reported() {
    let broken = TINY
        .replace(
            "paths:\n",
            "paths:\n  /zzz:\n    get:\n      operationId: delete_thing\n      responses:\n        '204':\n          description: Nothing\n",
        )
        .replace("schemas/Error'", "schemas/Missing'");
    fails_with(
        &broken,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: unresolved $ref \"#/components/schemas/Missing\"",
            "specs/tiny.yaml: /paths/~1zzz/get/operationId: duplicate operationId \"delete_thing\" (first used at /paths/~1things~1{id}/delete)",
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

/// A key twice in one mapping (a path block pasted twice) is refused where the second one
/// is: both parsers would keep the last and silently drop the first, operations and all.
#[test]
fn a_key_twice_in_one_mapping_is_rejected() {
    let twice = TINY.replace(
        "paths:\n",
        "paths:\n  /things/{id}:\n    get:\n      operationId: get_thing\n      responses:\n        '204':\n          description: Found\n",
    );
    fails_with(
        &twice,
        &[
            "specs/tiny.yaml:6:3: invalid YAML: paths: the key \"/things/{id}\" twice in one mapping at line 6 column 3",
        ],
    );
    let dir = workspace(&[(
        "upstream/tiny.json",
        r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {}, "paths": {}}"#,
    )]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "specs/upstream/tiny.json:2:32: invalid JSON: the key \"paths\" twice in one mapping at line 2 column 32\n\
             error: 1 problem(s); nothing was written\n"
        )
    );
}

#[test]
fn a_document_that_is_not_openapi_names_the_place() {
    let spec = TINY.replace("          required: true\n", "          required: maybe\n");
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/parameters/0/required: not a valid OpenAPI 3.0 document: invalid type: string \"maybe\", expected a boolean",
        ],
    );
}

/// With `--strict`; without, the operation is left out with a note saying the same
/// (`leave_out`). The message was progenitor's assertion, `mt.encoding.is_empty()`.
#[test]
fn a_progenitor_panic_is_caught_and_names_the_operation() {
    // An `encoding` on a JSON response passes the lints but makes progenitor 0.15.1 panic.
    let spec = TINY.replace(
        "                $ref: '#/components/schemas/Done'\n",
        "                $ref: '#/components/schemas/Done'\n              encoding:\n                done:\n                  contentType: text/plain\n",
    );
    fails_strictly_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/200/content/application~1json/encoding: progenitor panicked while generating operation \"delete_thing\": `encoding` on a JSON media type (progenitor 0.15.1 takes none)",
        ],
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "note: specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/200/content/application~1json/encoding: operation \"delete_thing\" (DELETE /things/{id}) left out of the client: progenitor 0.15.1 cannot generate it: `encoding` on a JSON media type (progenitor 0.15.1 takes none) (`cargo xtask generate --strict` refuses it instead)\n"
    );
}

#[test]
fn a_broken_spec_stops_the_good_ones_too() {
    let dir = workspace(&[
        ("good.yaml", TINY),
        (
            "tiny.yaml",
            &TINY.replace("openapi: 3.0.3", "openapi: '2.0'"),
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

/// The clap definitions of every command hold together (names, value names, defaults): clap
/// checks them only when asked.
#[test]
fn the_command_line_definitions_are_consistent() {
    xtask::flags::command().debug_assert();
}

/// `deleteThing` and `delete_thing` both become the method `delete_thing` (and the builder
/// `DeleteThing`): progenitor generates both, and the crate would not compile. The later name
/// is refused where it is, naming the first. (`Done` and `done`, both the type `Done`, are
/// renamed: `names`.)
#[test]
fn names_that_become_the_same_rust_name_are_rejected() {
    let spec = TINY
        .replace("operationId: delete_thing", "operationId: deleteThing")
        .replace(
            "paths:\n",
            "paths:\n  /other:\n    get:\n      operationId: delete_thing\n      responses:\n        '204':\n          description: Done\n",
        );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/operationId: operationId \"deleteThing\" becomes the Rust method `Client::delete_thing`, as does operationId \"delete_thing\" (/paths/~1other/get/operationId): rename one",
        ],
    );
}

/// An `allOf` of two that merges `Done` into itself made typify recurse until progenitor's
/// thread overflowed its stack and the process aborted (a mutant of a diff fixture, `cargo
/// xtask mutate --seed 1 --index 1357`); it is refused where the loop closes. A one-member
/// `allOf` is a reference to typify, and generates.
#[test]
fn an_all_of_that_merges_a_schema_into_itself_is_refused_not_a_stack_overflow() {
    let looped = "        done:\n          type: boolean\n        again:\n          allOf:\n            - $ref: '#/components/schemas/Done'\n            - $ref: '#/components/schemas/Error'\n";
    fails_with(
        &TINY.replace("        done:\n          type: boolean\n", looped),
        &[
            "specs/tiny.yaml: /components/schemas/Done/properties/again/allOf/0: this allOf merges Done into Done, and merging Done merges Done again: typify would recurse without end (make it a $ref, or a oneOf)",
        ],
    );
    let one = "        done:\n          type: boolean\n        again:\n          allOf:\n            - $ref: '#/components/schemas/Done'\n";
    generates_with(
        &TINY.replace("        done:\n          type: boolean\n", one),
        &[],
    );
}
