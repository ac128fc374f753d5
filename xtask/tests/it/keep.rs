//! A keep list, `specs/<provider>.keep.yaml`: only the operations it names are generated, with
//! what they refer to; each way a list can be wrong is one located problem.

use std::collections::BTreeSet;

use serde_json::Value;
use xtask::spec::{Source, Text};

use crate::common::{fails_in, fixture, workspace, xtask};

/// The document of `keep/accounts.yaml`, with `keep` as its keep list.
fn accounts(keep: &str) -> Source {
    Source::Kept {
        spec: Box::new(Source::Spec(Text {
            file: "specs/accounts.yaml".to_owned(),
            text: fixture("keep/accounts.yaml"),
        })),
        keep: Text {
            file: "specs/accounts.keep.yaml".to_owned(),
            text: keep.to_owned(),
        },
    }
}

/// The names in `components/<section>` of a prepared document.
fn names(document: &Value, section: &str) -> Vec<String> {
    document["components"][section]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// The operations of a prepared document, as `METHOD /path operationId`.
fn operations(document: &Value) -> Vec<String> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                found.push(format!("{} {path} {id}", method.to_uppercase()));
            }
        }
    }
    found
}

const SUMMARY: &str = "note: specs/accounts.keep.yaml: /operations: kept 2 of 4 operations, 10 of 13 component schemas, 1 of 2 responses, 2 of 3 parameters, 0 of 1 request bodies, 1 of 1 headers, 2 of 3 security schemes; dropped (not generated): 2 operations, 3 component schemas, 1 response, 1 parameter, 1 request body, 1 security scheme; list an operation here to generate it too";

#[test]
fn a_keep_list_keeps_its_operations_and_exactly_what_they_refer_to() {
    let prepared = xtask::spec::prepare(&accounts(&fixture("keep/accounts.keep.yaml")))
        .unwrap_or_else(|p| panic!("{}", xtask::problem::one_line(&p)));
    let document = &prepared.document;
    assert_eq!(
        operations(document),
        [
            "GET /users ListUsers",
            "DELETE /users/{user_id}/accounts/{account_id} delete_users_by_user_id_accounts_by_account_id",
        ]
    );
    // Reached through a property, `items`, `oneOf`, a discriminator's mapping (a pointer or a
    // bare name), a parameter's schema, a response; not from an example or an extension
    // (`Unused`), nor only from dropped operations (`NewUser`, `Organization`).
    assert_eq!(
        names(document, "schemas"),
        [
            "Account",
            "Deleted",
            "EmailAddress",
            "ErrorBody",
            "ErrorItem",
            "LegacyAccount",
            "OAuthAccount",
            "ObjectKind",
            "User",
            "Web3Wallet",
        ]
    );
    assert_eq!(names(document, "responses"), ["Error"]);
    // `UserId` through the path item's own parameters.
    assert_eq!(names(document, "parameters"), ["Email", "UserId"]);
    assert_eq!(names(document, "requestBodies"), Vec::<String>::new());
    assert_eq!(names(document, "headers"), ["RateLimit"]);
    // `bearer` by the document's `security`, `apiKey` by the kept operation's.
    assert_eq!(names(document, "securitySchemes"), ["apiKey", "bearer"]);
    // Examples are data: kept whole.
    assert_eq!(names(document, "examples"), ["AUser"]);
    let notes: Vec<String> = prepared
        .notes
        .iter()
        .map(|n| format!("note: {n}"))
        .collect();
    assert_eq!(
        notes,
        [
            SUMMARY.to_owned(),
            "note: specs/accounts.yaml with specs/accounts.keep.yaml: /paths/~1users~1{user_id}~1accounts~1{account_id}/delete: no operationId: derived \"delete_users_by_user_id_accounts_by_account_id\" from the method and path (an overlay can set another)".to_owned(),
            "note: specs/accounts.yaml with specs/accounts.keep.yaml: /paths/~1users~1{user_id}~1accounts~1{account_id}/delete/responses/default: `default` beside 200 becomes the error response for 4XX and 5XX".to_owned(),
        ]
    );
}

#[test]
fn a_method_and_path_name_the_same_operation_as_its_id() {
    let by_id = xtask::spec::prepare(&accounts(&fixture("keep/accounts.keep.yaml"))).unwrap();
    let by_route = xtask::spec::prepare(&accounts(
        "operations:\n  - get /users\n  - DELETE /users/{user_id}/accounts/{account_id}\n",
    ))
    .unwrap();
    assert_eq!(by_route.document, by_id.document);
}

#[test]
fn generate_writes_only_what_is_kept_and_the_keep_list_is_part_of_the_source() {
    let keep = fixture("keep/accounts.keep.yaml");
    let dir = workspace(&[
        ("accounts.yaml", &fixture("keep/accounts.yaml")),
        ("accounts.keep.yaml", &keep),
    ]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(SUMMARY), "{err}");
    let generated_at = dir.path().join("crates/accounts-client/src/generated.rs");
    let generated = std::fs::read_to_string(&generated_at).unwrap();
    let sha = |text: &str| xtask::sha256_hex(text.as_bytes());
    assert!(
        generated.starts_with(&format!(
            "// This file is generated from specs/accounts.yaml with specs/accounts.keep.yaml (sha256 {}, {}) by",
            sha(&fixture("keep/accounts.yaml")),
            sha(&keep)
        )),
        "{}",
        generated.lines().next().unwrap()
    );
    for kept in ["list_users", "User", "LegacyAccount", "ErrorBody"] {
        assert!(generated.contains(kept), "{kept} is missing");
    }
    for dropped in [
        "create_user",
        "list_organizations",
        "Organization",
        "NewUser",
        "Unused",
    ] {
        assert!(!generated.contains(dropped), "{dropped} is generated");
    }
    // The list is part of the source: even a new comment in it makes the file stale, its
    // first line (and nothing else) changing.
    let commented = format!("# Only the unlink calls.\n{keep}");
    std::fs::write(dir.path().join("specs/accounts.keep.yaml"), &commented).unwrap();
    let (code, out, _) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!(code, 1, "{out}");
    let changed: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(['-', '+']) && !l.starts_with("---") && !l.starts_with("+++"))
        .collect();
    // generated.rs and mock.rs: one line each.
    assert_eq!(changed.len(), 4, "{out}");
    for added in [changed[1], changed[3]] {
        assert!(
            added.contains(&format!(", {}) by", sha(&commented))),
            "{out}"
        );
    }
    // Without the list, the whole document.
    std::fs::remove_file(dir.path().join("specs/accounts.keep.yaml")).unwrap();
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    let whole = std::fs::read_to_string(&generated_at).unwrap();
    assert!(whole.contains("list_organizations") && whole.contains("NewUser"));
}

/// Runs `generate` on `accounts.yaml` with `keep` as its list; asserts it fails with exactly
/// `expected` and writes nothing.
fn keep_fails_with(keep: &str, expected: &[&str]) {
    fails_in(
        &[
            ("accounts.yaml", &fixture("keep/accounts.yaml")),
            ("accounts.keep.yaml", keep),
        ],
        &["generate"],
        expected,
    );
}

#[test]
fn an_entry_that_names_no_operation_is_located_with_the_nearest_one() {
    keep_fails_with(
        "operations:\n  - ListUsers\n  - list_users\n  - DeleteAccount\n  - DELETE /users/{userId}/accounts/{account_id}\n",
        &[
            "specs/accounts.keep.yaml: /operations/1: no operation \"list_users\"; did you mean \"ListUsers\"?",
            "specs/accounts.keep.yaml: /operations/2: no operation \"DeleteAccount\"",
            "specs/accounts.keep.yaml: /operations/3: no operation \"DELETE /users/{userId}/accounts/{account_id}\"; did you mean \"DELETE /users/{user_id}/accounts/{account_id}\"?",
        ],
    );
}

#[test]
fn a_keep_list_that_is_not_a_list_of_operations_is_refused() {
    keep_fails_with(
        "operations:\n  - ListUsers\n  - 3\n  - GET /users\nschemas: [User]\n",
        &[
            "specs/accounts.keep.yaml: /operations/1: 3 is not an operationId (a string)",
            "specs/accounts.keep.yaml: /schemas: unknown key \"schemas\": a keep list has only `operations`",
        ],
    );
    keep_fails_with(
        "operations:\n  - ListUsers\n  - ListUsers\n",
        &[
            "specs/accounts.keep.yaml: /operations/1: \"ListUsers\" is listed already, at /operations/0",
        ],
    );
    keep_fails_with(
        "operations: []\n",
        &[
            "specs/accounts.keep.yaml: /operations: lists no operation: list the ones to generate, or delete the file to generate all",
        ],
    );
    keep_fails_with(
        "operations: ListUsers\n",
        &[
            "specs/accounts.keep.yaml: /operations: `operations` is a list of operationIds, not \"ListUsers\"",
        ],
    );
    keep_fails_with(
        "- ListUsers\n",
        &[
            "specs/accounts.keep.yaml: /: a keep list is a mapping with `operations:` (the operations to generate), not a list",
        ],
    );
    keep_fails_with(
        "operations:\n  - ListUsers\n  - ListUsers: 1\n",
        &["specs/accounts.keep.yaml: /operations/1: a mapping is not an operationId (a string)"],
    );
}

#[test]
fn a_keep_list_is_untrusted_input_and_names_its_provider() {
    // Read as the other files are: a key twice is refused at its line.
    keep_fails_with(
        "operations:\n  - ListUsers\noperations:\n  - CreateUser\n",
        &[
            "specs/accounts.keep.yaml:1:1: invalid YAML: the key \"operations\" twice in one mapping",
        ],
    );
    assert_eq!(
        xtask::spec::provider_of("specs/accounts.keep.yaml"),
        Some("accounts")
    );
    // A list without a spec is a problem, as an overlay without a document is.
    let dir = workspace(&[("acme.keep.yaml", "operations:\n  - GetUser\n")]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "specs/acme.keep.yaml: /: no spec to keep operations of: put it in specs/acme.yaml, or the published document in specs/upstream/acme.json (or .yaml)\nerror: 1 problem(s); nothing was written\n"
        )
    );
}

/// A `$ref` into a dropped operation would dangle: the operation stays, and both the keep
/// list and the `$ref` (which should name a component) are problems, with no "unresolved
/// $ref" after them.
#[test]
fn what_is_kept_may_not_refer_into_a_dropped_operation() {
    let spec = fixture("keep/accounts.yaml").replace(
        "                  $ref: '#/components/schemas/Organization'",
        "                  $ref: '#/components/schemas/Organization'\n  /teams:\n    get:\n      operationId: ListTeams\n      responses:\n        '200':\n          $ref: '#/paths/~1organizations/get/responses/200'",
    );
    let dir = workspace(&[
        ("accounts.yaml", &spec),
        ("accounts.keep.yaml", "operations:\n  - ListTeams\n"),
    ]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "specs/accounts.yaml with specs/accounts.keep.yaml: /paths/~1teams/get/responses/200/$ref: $ref \"#/paths/~1organizations/get/responses/200\" names no component: a response may only refer to #/components/responses/<name>\nspecs/accounts.yaml with specs/accounts.keep.yaml: /paths/~1teams/get/responses/200/$ref: refers to #/paths/~1organizations/get/responses/200, inside /paths/~1organizations/get, which the keep list leaves out: list it too, or move what the $ref names into components (in an overlay)\nerror: 2 problem(s); nothing was written\n"
        )
    );
}

#[test]
fn diff_reads_the_kept_document() {
    let spec = fixture("keep/accounts.yaml");
    let keep = fixture("keep/accounts.keep.yaml");
    let read = |file: &str| -> Result<Option<String>, String> {
        Ok(match file {
            "specs/accounts.yaml" => Some(spec.clone()),
            "specs/accounts.keep.yaml" => Some(keep.clone()),
            _ => None,
        })
    };
    let (name, document) = xtask::diff::source::provider_document(&read, "accounts", "new")
        .unwrap()
        .unwrap();
    assert_eq!(name, "specs/accounts.yaml with specs/accounts.keep.yaml");
    let paths: BTreeSet<&str> = document
        .openapi
        .paths
        .paths
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        paths,
        BTreeSet::from(["/users", "/users/{user_id}/accounts/{account_id}"])
    );
}

/// Clerk's document with `keep` as its keep list.
fn clerk(keep: &str) -> Source {
    Source::Kept {
        spec: Box::new(Source::Published {
            upstream: Text {
                file: "specs/upstream/clerk.yaml".to_owned(),
                text: fixture("published/clerk-bapi-2026-05-12.yaml"),
            },
            overlay: None,
        }),
        keep: Text {
            file: "specs/clerk.keep.yaml".to_owned(),
            text: keep.to_owned(),
        },
    }
}

/// The figures of README and BENCHMARKS.md, "Keep only what you call".
#[test]
fn clerk_kept_to_its_unlink_calls_needs_no_overlay() {
    let source = clerk("operations:\n  - GetUserList\n  - GetUser\n  - DeleteExternalAccount\n");
    let prepared = xtask::spec::prepare(&source)
        .unwrap_or_else(|p| panic!("{}", xtask::problem::one_line(&p)));
    assert_eq!(
        operations(&prepared.document),
        [
            "GET /users GetUserList",
            "GET /users/{user_id} GetUser",
            "DELETE /users/{user_id}/external_accounts/{external_account_id} DeleteExternalAccount",
        ]
    );
    let summary = prepared
        .notes
        .iter()
        .find(|n| n.file == "specs/clerk.keep.yaml")
        .unwrap()
        .to_string();
    assert!(
        summary.starts_with("specs/clerk.keep.yaml: /operations: kept 3 of 249 operations, 29 of 167 component schemas, 7 of 114 responses"),
        "{summary}"
    );
    // README's example of a wrong entry.
    let wrong =
        xtask::spec::prepare(&clerk("operations:\n  - GetUserList\n  - getUser\n")).unwrap_err();
    assert_eq!(
        xtask::problem::one_line(&wrong),
        "specs/clerk.keep.yaml: /operations/1: no operation \"getUser\"; did you mean \"GetUser\"?"
    );
}

/// `cargo xtask mutate` draws the fixture with its keep list too (the list is untrusted input).
#[test]
fn the_mutants_corpus_holds_the_fixture_with_its_keep_list() {
    let corpus = xtask::mutate::corpus(&xtask::workspace_root());
    let kept: Vec<String> = corpus
        .iter()
        .filter(|input| matches!(input.source, Source::Kept { .. }))
        .map(|input| input.source.name())
        .collect();
    assert_eq!(
        kept,
        ["specs/keep_accounts.yaml with specs/keep_accounts.keep.yaml"]
    );
}

#[test]
fn a_published_document_an_overlay_and_a_keep_list_are_named_and_hashed_in_that_order() {
    let text = |file: &str, text: &str| Text {
        file: file.to_owned(),
        text: text.to_owned(),
    };
    let source = Source::Kept {
        spec: Box::new(Source::Published {
            upstream: text("specs/upstream/acme.json", "a"),
            overlay: Some(text("specs/acme.overlay.yaml", "b")),
        }),
        keep: text("specs/acme.keep.yaml", "c"),
    };
    assert_eq!(
        source.name(),
        "specs/upstream/acme.json with specs/acme.overlay.yaml and specs/acme.keep.yaml"
    );
    let sha = |t: &str| xtask::sha256_hex(t.as_bytes());
    assert_eq!(
        source.sha256(),
        format!("{}, {}, {}", sha("a"), sha("b"), sha("c"))
    );
}
