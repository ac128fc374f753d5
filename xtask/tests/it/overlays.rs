//! A published document kept as published (`specs/upstream/<provider>.json`) plus a
//! hand-written overlay (`specs/<provider>.overlay.yaml`): what an overlay does, and each way
//! one can fail — one line naming the file and the action or JSON pointer, nothing written.

use crate::common::{files, fixture, workspace, xtask};

/// The published document the overlays below adapt: two operations without ids.
fn upstream() -> String {
    fixture("shapes/no_operation_ids.json")
}

/// An Overlay 1.0 document with these actions (YAML list items, indented by two spaces).
fn overlay(actions: &str) -> String {
    format!(
        "overlay: 1.0.0\ninfo:\n  title: Linked accounts, adapted\n  version: 1.0.0\nactions:\n{actions}"
    )
}

/// Runs `generate` on `upstream/acme.json` + `acme.overlay.yaml`; asserts it fails with
/// exactly `expected` and writes nothing.
fn fails_with(upstream: &str, overlay: &str, expected: &str) {
    specs_fail_with(
        &[
            ("upstream/acme.json", upstream),
            ("acme.overlay.yaml", overlay),
        ],
        expected,
    );
}

/// Runs `generate` on a workspace holding `specs`; asserts it fails with exactly `expected`
/// (one problem) and writes nothing.
fn specs_fail_with(specs: &[(&str, &str)], expected: &str) {
    let dir = workspace(specs);
    let before = files(dir.path());
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        err,
        format!("{expected}\nerror: 1 problem(s); nothing was written\n")
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(files(dir.path()), before, "nothing may be written");
}

#[test]
fn an_overlay_sets_ids_appends_a_parameter_and_leaves_the_upstream_as_published() {
    let published = upstream();
    let adapted = overlay(
        r#"  - target: $.paths['/users/{userId}/identities'].get
    description: A better name than the derived one
    update:
      operationId: list_linked_accounts
  - target: $.paths[*].delete
    update:
      operationId: unlink_account
  - target: $.paths['/users/{userId}/identities'].get.parameters
    description: Documented on the provider's pagination page only
    update:
      name: per_page
      in: query
      schema:
        type: integer
  - target: $.info.description
    remove: true
"#,
    );
    let dir = workspace(&[
        ("upstream/acme.json", &published),
        ("acme.overlay.yaml", &adapted),
    ]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let generated =
        std::fs::read_to_string(dir.path().join("crates/acme-client/src/generated.rs")).unwrap();
    assert_eq!(
        generated.lines().next(),
        Some(
            format!(
                "// This file is generated from specs/upstream/acme.json with specs/acme.overlay.yaml (sha256 {}, {}) by `cargo xtask generate`; do not edit it by hand.",
                xtask::sha256_hex(published.as_bytes()),
                xtask::sha256_hex(adapted.as_bytes())
            )
            .as_str()
        )
    );
    assert!(
        generated.contains("pub fn list_linked_accounts(&self)"),
        "{generated}"
    );
    assert!(
        generated.contains("pub fn unlink_account(&self)"),
        "{generated}"
    );
    assert!(
        generated.contains("pub fn per_page<V>(mut self, value: V)"),
        "{generated}"
    );
    assert!(
        !generated.contains("Modelled on"),
        "the description was removed"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("specs/upstream/acme.json")).unwrap(),
        published,
        "the published document is never rewritten"
    );
}

#[test]
fn a_published_document_without_an_overlay_is_used_as_published() {
    let dir = workspace(&[("upstream/acme.json", &upstream())]);
    let (code, out, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("created crates/acme-client/src/generated.rs"),
        "{out}"
    );
    assert_eq!(
        err.lines().count(),
        2,
        "one note per derived operationId: {err}"
    );
}

#[test]
fn an_overlay_that_is_not_overlay_1_0_is_refused() {
    let cases = [
        (
            overlay("  - target: $.info\n    update: {}\n")
                .replace("overlay: 1.0.0", "overlay: 2.0.0"),
            "specs/acme.overlay.yaml: /overlay: not a valid Overlay 1.0 document: version \"2.0.0\" is not 1.0.x",
        ),
        (
            "overlay: 1.0.0\nactions:\n  - target: $.info\n    update: {}\n".to_owned(),
            "specs/acme.overlay.yaml: /info: not a valid Overlay 1.0 document: missing `info` (a mapping with `title` and `version`)",
        ),
        (
            overlay(""),
            "specs/acme.overlay.yaml: /actions: not a valid Overlay 1.0 document: `actions` must be a list",
        ),
        (
            overlay("  - target: $.info\n    updates: {}\n"),
            "specs/acme.overlay.yaml: /actions/0/updates: not a valid Overlay 1.0 document: unknown field `updates` (expected one of: target, description, update, remove)",
        ),
        (
            overlay(
                "  - target: $.info\n    description: both\n    update: {}\n    remove: true\n",
            ),
            "specs/acme.overlay.yaml: /actions/0: not a valid Overlay 1.0 document: action /actions/0 (\"both\") has both `update` and `remove: true`; use one",
        ),
        (
            overlay("  - target: $.info\n    update: [\n"),
            "specs/acme.overlay.yaml:8:1: invalid YAML: did not find expected node content at line 8 column 1, while parsing a flow node",
        ),
    ];
    for (text, expected) in cases {
        fails_with(&upstream(), &text, expected);
    }
}

#[test]
fn a_target_that_does_not_parse_is_refused() {
    fails_with(
        &upstream(),
        &overlay("  - target: $.paths[\n    description: unfinished\n    remove: true\n"),
        "specs/acme.overlay.yaml: /actions/0/target: action /actions/0 (\"unfinished\"): target $.paths[ is not an RFC 9535 JSONPath: parser error (at character 7)",
    );
}

#[test]
fn a_target_that_matches_nothing_is_refused() {
    fails_with(
        &upstream(),
        &overlay(
            "  - target: $.info\n    update:\n      version: '5'\n  - target: $.paths['/v1/users'].get\n    description: rename the v1 list\n    update:\n      operationId: list\n",
        ),
        "specs/acme.overlay.yaml: /actions/1: action /actions/1 (\"rename the v1 list\"): target $.paths['/v1/users'].get matches nothing in the document; fix or delete the action",
    );
}

#[test]
fn an_update_that_makes_the_document_invalid_is_refused() {
    fails_with(
        &upstream(),
        &overlay(
            "  - target: $.paths['/users/{userId}/identities'].get\n    description: break it\n    update:\n      responses: none\n",
        ),
        "specs/acme.overlay.yaml: /actions/0: action /actions/0 (\"break it\"): the update of /paths/~1users~1{userId}~1identities/get makes the document invalid OpenAPI (at /paths/~1users~1{userId}~1identities/get/responses: invalid type: string \"none\", expected struct Responses)",
    );
}

#[test]
fn a_document_that_is_not_openapi_3_0_after_the_overlay_is_refused() {
    fails_with(
        &upstream(),
        &overlay("  - target: $\n    update:\n      openapi: '2.0'\n"),
        "specs/upstream/acme.json with specs/acme.overlay.yaml: /openapi: OpenAPI version \"2.0\" is not 3.0.x or 3.1.x after the overlay: a Swagger 2.0 version? convert it to OpenAPI 3 first (with swagger2openapi, or the Swagger Editor's Convert to OpenAPI 3) and use the converted document; OpenAPI 3.0.x and 3.1 are accepted",
    );
}

#[test]
fn an_overlay_without_a_published_document_is_refused() {
    specs_fail_with(
        &[(
            "acme.overlay.yaml",
            &overlay("  - target: $\n    update: {}\n"),
        )],
        "specs/acme.overlay.yaml: /: no published document to apply it to: put it in specs/upstream/acme.json (or .yaml), unchanged",
    );
}

#[test]
fn a_hand_written_spec_beside_a_published_one_is_refused() {
    specs_fail_with(
        &[
            ("upstream/tiny.json", &upstream()),
            ("tiny.yaml", crate::common::TINY),
        ],
        "specs/tiny.yaml: /: specs/upstream/tiny.json is a second spec for the same provider: keep one of them",
    );
}

/// Which provider a file under `specs/` belongs to: one rule for the working tree
/// (`cargo xtask generate`) and for a git revision (`cargo xtask diff --base`).
#[test]
fn the_files_that_name_a_provider() {
    use xtask::spec::provider_of;
    for (file, provider) in [
        ("specs/manta.yaml", Some("manta")),
        ("specs/acme.overlay.yaml", Some("acme")),
        ("specs/upstream/acme.json", Some("acme")),
        ("specs/upstream/acme.yaml", Some("acme")),
        ("specs/upstream/acme.yml", Some("acme")),
        ("specs/acme.json", None),
        ("specs/notes.txt", None),
        ("specs/upstream/acme.txt", None),
        ("specs/upstream/deeper/acme.json", None),
        ("specs/.yaml", None),
        ("crates/manta.yaml", None),
    ] {
        assert_eq!(provider_of(file), provider, "{file}");
    }
}

/// Applies one action (`target`, and `update` or, when `None`, `remove: true`) to `doc`, with
/// every document taken as valid OpenAPI.
fn apply_one(
    doc: serde_json::Value,
    target: &str,
    update: Option<serde_json::Value>,
) -> Result<serde_json::Value, Vec<xtask::Problem>> {
    let mut action = serde_json::json!({ "target": target });
    match update {
        Some(update) => action["update"] = update,
        None => action["remove"] = true.into(),
    }
    let overlay = serde_json::json!({
        "overlay": "1.0.0",
        "info": { "title": "t", "version": "1" },
        "actions": [action],
    });
    xtask::overlay::apply("specs/acme.overlay.yaml", &overlay, doc, |_| Ok(()))
}

/// A target that selects a node and a node inside it: the inner node is updated first, so
/// the outer update (which replaces what holds the inner node) finds its node where it was.
/// Updating the outer node first lost the inner one, and the xtask panicked (exit 101).
#[test]
fn a_target_that_selects_a_node_and_a_node_inside_it_updates_the_inner_one_first() {
    let doc = serde_json::json!({ "x-a": { "b": { "c": { "b": { "d": 1 } } } } });
    // `$..[?@.b]` selects /x-a (it has a `b`) and /x-a/b/c (so has it).
    assert_eq!(
        apply_one(doc, "$..[?@.b]", Some(serde_json::json!({ "b": 5 }))).unwrap(),
        serde_json::json!({ "x-a": { "b": 5 } })
    );
    // Nested lists, both selected (`$..[?@[0]]`: what has a first item): each gets the item
    // appended once.
    let doc = serde_json::json!({ "x-l": [[1], 2] });
    assert_eq!(
        apply_one(doc, "$..[?@[0]]", Some(serde_json::json!(9))).unwrap(),
        serde_json::json!({ "x-l": [[1, 9], 2, 9] })
    );
}

/// RFC 9535 lets a query select a node twice (`[0,0]`); an action applies once per node.
#[test]
fn a_node_selected_twice_is_removed_or_updated_once() {
    let doc = serde_json::json!({ "paths": { "/x": { "get": { "parameters": [
        { "name": "p1" }, { "name": "p2" }
    ] } } } });
    let removed = apply_one(doc, "$.paths['/x'].get.parameters[0,0]", None).unwrap();
    assert_eq!(
        removed["paths"]["/x"]["get"]["parameters"],
        serde_json::json!([{ "name": "p2" }])
    );
    // Removing from the end: the same node through two indices.
    let doc = serde_json::json!({ "list": [1, 2, 3] });
    assert_eq!(
        apply_one(doc, "$.list[2,-1]", None).unwrap(),
        serde_json::json!({ "list": [1, 2] })
    );
    let doc = serde_json::json!({ "list": [1], "m": {} });
    assert_eq!(
        apply_one(doc, "$['list','list']", Some(serde_json::json!(2))).unwrap(),
        serde_json::json!({ "list": [1, 2], "m": {} })
    );
}
