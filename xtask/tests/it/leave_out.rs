//! An operation progenitor cannot express is left out of the client with a note naming it and
//! why, at the deepest pointer; the rest of the document generates. `--strict` refuses it.

use crate::common::{TINY, fixture, workspace, xtask};

/// TINY with one more operation at `/more` (its `post`), `operation` being its body.
fn tiny_and(operation: &str) -> String {
    TINY.replace(
        "paths:\n",
        &format!("paths:\n  /more:\n    post:\n      operationId: more\n{operation}      responses:\n        '204':\n          description: Done\n"),
    )
}

/// Generates `spec` as `specs/tiny.yaml`: the exit code, stderr, and the generated client.
fn generate(spec: &str, args: &[&str]) -> (u8, String, String) {
    let dir = workspace(&[("tiny.yaml", spec)]);
    let (code, _, err) = xtask(dir.path(), args);
    let generated = std::fs::read_to_string(dir.path().join("crates/tiny-client/src/generated.rs"))
        .unwrap_or_default();
    (code, err, generated)
}

#[test]
fn a_body_only_in_media_types_progenitor_cannot_send_leaves_its_operation_out() {
    for media in [
        "multipart/form-data",
        "application/pkix-cert",
        "application/merge-patch+json",
    ] {
        let spec = tiny_and(&format!(
            "      requestBody:\n        content:\n          {media}:\n            schema:\n              type: string\n"
        ));
        let (code, err, generated) = generate(&spec, &["generate"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            err,
            format!(
                "note: specs/tiny.yaml: /paths/~1more/post/requestBody/content/{}: operation \"more\" (POST /more) left out of the client: request media type(s) {media}: progenitor 0.15.1 sends only application/json, application/x-www-form-urlencoded, text/plain, text/x-markdown, application/octet-stream; set one of those in an overlay (`cargo xtask generate --strict` refuses it instead)\n",
                media.replace('/', "~1")
            )
        );
        // The rest of the document is generated; nothing of the operation is.
        assert!(generated.contains("pub fn delete_thing(&self)"), "{media}");
        assert!(!generated.contains("fn more("), "{media}");
        assert!(!generated.contains("/more"), "{media}");

        let (code, err, _) = generate(&spec, &["generate", "--strict"]);
        assert_eq!(code, 1);
        assert!(
            err.starts_with(&format!(
                "specs/tiny.yaml: /paths/~1more/post/requestBody/content/{}: request media type(s) {media}: progenitor 0.15.1 sends only",
                media.replace('/', "~1")
            )),
            "{err}"
        );
    }
}

/// Clerk's `GET /public/interstitial` has both `frontendApi` and `frontend_api`.
#[test]
fn two_parameters_of_one_rust_name_leave_their_operation_out() {
    let spec = tiny_and(
        "      parameters:\n        - name: frontendApi\n          in: query\n          schema:\n            type: string\n        - name: frontend_api\n          in: query\n          schema:\n            type: string\n",
    );
    let (code, err, generated) = generate(&spec, &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "note: specs/tiny.yaml: /paths/~1more/post/parameters/1: operation \"more\" (POST /more) left out of the client: parameter \"frontend_api\" becomes the Rust argument `frontend_api` of operation \"more\", as does parameter \"frontendApi\" (/paths/~1more/post/parameters/0): rename one (`cargo xtask generate --strict` refuses it instead)\n"
    );
    assert!(!generated.contains("fn more("));
    assert!(generated.contains("pub fn delete_thing(&self)"));
}

/// progenitor refuses a cookie parameter (and, with `--strict`, still does: `names`). A path
/// item's cookie leaves each of its operations out; a path item left empty goes too.
#[test]
fn a_cookie_parameter_leaves_its_operations_out() {
    let spec = TINY.replace(
        "paths:\n",
        "paths:\n  /more:\n    parameters:\n      - name: session\n        in: cookie\n        schema:\n          type: string\n    get:\n      operationId: more\n      responses:\n        '204':\n          description: Done\n    put:\n      operationId: more_again\n      responses:\n        '204':\n          description: Done\n",
    );
    let (code, err, generated) = generate(&spec, &["generate"]);
    assert_eq!(code, 0, "{err}");
    let note = |id: &str, method: &str| {
        format!(
            "note: specs/tiny.yaml: /paths/~1more/parameters/0/in: operation \"{id}\" ({method} /more) left out of the client: cookie parameter \"session\": progenitor 0.15.1 cannot send a cookie parameter (`cargo xtask generate --strict` refuses it instead)\n"
        )
    };
    assert_eq!(err, note("more", "GET") + &note("more_again", "PUT"));
    assert!(!generated.contains("fn more"));
    assert!(generated.contains("pub fn delete_thing(&self)"));
}

/// Clerk's Backend API as published: three multipart uploads and the interstitial's two
/// parameters were four problems; now four notes, and the document is ready for progenitor.
#[test]
fn clerk_is_prepared_with_no_overlay() {
    let source = xtask::spec::Source::Published {
        upstream: xtask::spec::Text {
            file: "specs/upstream/clerk.yaml".to_owned(),
            text: fixture("published/clerk-bapi-2026-05-12.yaml"),
        },
        overlay: None,
    };
    let prepared = xtask::spec::prepare(&source).unwrap_or_else(|problems| {
        panic!("{}", xtask::problem::one_line(&problems));
    });
    let left_out: Vec<String> = prepared
        .notes
        .iter()
        .map(ToString::to_string)
        .filter(|note| note.contains("left out of the client"))
        .map(|note| note.split(" left out").next().unwrap().to_owned())
        .collect();
    assert_eq!(
        left_out,
        [
            "specs/upstream/clerk.yaml: /paths/~1oauth_applications~1{oauth_application_id}~1logo/put/requestBody/content/multipart~1form-data: operation \"UploadOAuthApplicationLogo\" (PUT /oauth_applications/{oauth_application_id}/logo)",
            "specs/upstream/clerk.yaml: /paths/~1organizations~1{organization_id}~1logo/put/requestBody/content/multipart~1form-data: operation \"UploadOrganizationLogo\" (PUT /organizations/{organization_id}/logo)",
            "specs/upstream/clerk.yaml: /paths/~1public~1interstitial/get/parameters/1: operation \"GetPublicInterstitial\" (GET /public/interstitial)",
            "specs/upstream/clerk.yaml: /paths/~1users~1{user_id}~1profile_image/post/requestBody/content/multipart~1form-data: operation \"SetUserProfileImage\" (POST /users/{user_id}/profile_image)",
        ]
    );
    assert!(
        prepared
            .document
            .pointer("/paths/~1public~1interstitial")
            .is_none()
    );
    // With --strict: today's refusal.
    assert!(xtask::spec::prepare_with(&source, true).is_err());
}

/// An operation that progenitor itself refuses, alone (a query parameter of a style it does
/// not take), is left out with a note; a schema it refuses is a problem. Each is found in the
/// same run: progenitor runs again without what failed.
#[test]
fn progenitor_s_refusals_are_all_reported_in_one_run_and_an_operation_s_is_left_out() {
    let style = |op: &str| {
        format!(
            "  /{op}:\n    get:\n      operationId: {op}\n      parameters:\n        - name: q\n          in: query\n          style: deepObject\n          schema:\n            type: object\n      responses:\n        '204':\n          description: Done\n"
        )
    };
    let spec = TINY
        .replace("paths:\n", &format!("paths:\n{}{}", style("one"), style("two")))
        .replace(
            "    Error:\n",
            "    Bad:\n      type: string\n      enum: [1, a]\n    Worse:\n      type: string\n      enum: [2, b]\n    Error:\n",
        );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(
        err,
        "specs/tiny.yaml: /components/schemas/Bad: progenitor refused schema \"Bad\": type error unexpected value type\n\
         specs/tiny.yaml: /components/schemas/Worse: progenitor refused schema \"Worse\": type error unexpected value type\n\
         error: 2 problem(s); nothing was written\n"
    );
    assert_eq!(code, 1);
    // Without the schemas: the operations are left out, and the rest generates.
    let spec = spec
        .replace("enum: [1, a]", "enum: [a]")
        .replace("enum: [2, b]", "enum: [b]");
    let (code, err, generated) = generate(&spec, &["generate"]);
    assert_eq!(code, 0, "{err}");
    let note = |op: &str| {
        format!(
            "note: specs/tiny.yaml: /paths/~1{op}/get: operation \"{op}\" (GET /{op}) left out of the client: progenitor 0.15.1 cannot generate it: unexpected or unhandled format in the OpenAPI document unsupported style of query parameter DeepObject (`cargo xtask generate --strict` refuses it instead)\n"
        )
    };
    assert_eq!(err, note("one") + &note("two"));
    assert!(generated.contains("pub fn delete_thing(&self)"));
    assert!(!generated.contains("fn one("));
    // --strict: both refused, in one run.
    let (code, err, _) = generate(&spec, &["generate", "--strict"]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 3, "{err}");
}

/// typify's `todo!` for a `not` it cannot take dumped the schema over many lines, and a
/// document showed one such schema per run: each is one line, at its `not`, in one run.
#[test]
fn typify_s_multi_line_panics_are_one_line_each_at_the_key_in_one_run() {
    let spec = TINY.replace(
        "    Error:\n",
        "    Odd:\n      not:\n        type: object\n        properties:\n          a:\n            type: string\n    Odder:\n      not:\n        allOf:\n          - type: string\n    Error:\n",
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 1);
    let line = |name: &str| {
        format!(
            "specs/tiny.yaml: /components/schemas/{name}/not: progenitor panicked while generating schema \"{name}\": a `not` of this kind (typify 0.8 takes `not` only of `{{}}` or of `enum` values)\n"
        )
    };
    assert_eq!(
        err,
        line("Odd") + &line("Odder") + "error: 2 problem(s); nothing was written\n"
    );
}

/// Each round takes one problem out; past eight, the run stops and says so.
#[test]
fn many_progenitor_problems_stop_after_eight_and_say_so() {
    let schemas: String = (0..10)
        .map(|i| format!("    Bad{i}:\n      type: string\n      enum: [{i}, a]\n"))
        .collect();
    let spec = TINY.replace("    Error:\n", &format!("{schemas}    Error:\n"));
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 10, "{err}");
    assert!(
        lines[..8]
            .iter()
            .all(|l| l.contains("progenitor refused schema \"Bad")),
        "{err}"
    );
    assert_eq!(
        lines[8],
        "specs/tiny.yaml: /: stopped after 8 problems that progenitor refuses or panics on; there may be more: fix these and run again"
    );
}

/// A body that is a `$ref` to `components/requestBodies` is located where its media type is
/// written; each operation that uses it is left out.
#[test]
fn a_shared_unsendable_body_is_located_in_the_component() {
    let spec = tiny_and("      requestBody:\n        $ref: '#/components/requestBodies/Upload'\n")
        .replace(
            "components:\n",
            "components:\n  requestBodies:\n    Upload:\n      content:\n        multipart/form-data:\n          schema:\n            type: object\n        application/pkix-cert:\n          schema:\n            type: string\n",
        );
    let (code, err, _) = generate(&spec, &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with("note: specs/tiny.yaml: /components/requestBodies/Upload/content: operation \"more\" (POST /more) left out of the client: request media type(s) application/pkix-cert, multipart/form-data: "),
        "{err}"
    );
}
