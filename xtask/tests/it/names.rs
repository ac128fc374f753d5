//! Nothing is lost silently, and every problem sits at the deepest pointer that explains it:
//! two things in a document that become one Rust name, references that point at the wrong
//! kind of thing, and documents that are not OpenAPI, each refused where the fix belongs.

use crate::common::{
    TINY, fails_at, fails_strictly_with, fails_with, fixture, generate_published,
    generated_supabase, squashed, workspace, xtask,
};

/// TINY with `schemas` added to its component schemas and `paths` to its paths.
fn tiny_with(paths: &str, schemas: &str) -> String {
    TINY.replace("paths:\n", &format!("paths:\n{paths}"))
        .replace("  schemas:\n", &format!("  schemas:\n{schemas}"))
}

/// The case: progenitor names the inline body `MakeThingBody`, as it names the
/// schema; typify kept the schema, and the client could not send `a`, without a word.
#[test]
fn an_inline_body_named_like_a_schema_is_refused_naming_both() {
    let spec = tiny_with(
        "  /make:\n    post:\n      operationId: make_thing\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              properties:\n                a:\n                  type: string\n      responses:\n        '204':\n          description: Made\n",
        "    MakeThingBody:\n      type: object\n      properties:\n        b:\n          type: integer\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1make/post/requestBody/content/application~1json/schema: the request body of operation \"make_thing\" becomes the Rust type `types::MakeThingBody`, as does schema \"MakeThingBody\" (/components/schemas/MakeThingBody): rename one (a `title` names an inline schema's type): progenitor would drop one without a word, or generate two types of one name",
        ],
    );
}

/// An inline response, and a type made for an inline property, collide the same way.
#[test]
fn an_inline_response_or_property_named_like_a_schema_is_refused() {
    let spec = tiny_with(
        "  /get:\n    get:\n      operationId: get_it\n      responses:\n        '200':\n          description: Got\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  a:\n                    type: string\n",
        "    GetItResponse:\n      type: object\n      properties:\n        b:\n          type: integer\n    Outer:\n      type: object\n      properties:\n        inner:\n          type: object\n          properties:\n            c:\n              type: string\n    OuterInner:\n      type: string\n      enum: [x]\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /components/schemas/Outer/properties/inner: property \"inner\" of schema \"Outer\" becomes the Rust type `types::OuterInner`, as does schema \"OuterInner\" (/components/schemas/OuterInner): rename one (a `title` names an inline schema's type): progenitor would drop one without a word, or generate two types of one name",
            "specs/tiny.yaml: /paths/~1get/get/responses/200/content/application~1json/schema: the response of operation \"get_it\" becomes the Rust type `types::GetItResponse`, as does schema \"GetItResponse\" (/components/schemas/GetItResponse): rename one (a `title` names an inline schema's type): progenitor would drop one without a word, or generate two types of one name",
        ],
    );
}

/// Kratos has `nullTime` and `NullTime`: the later one in key order gets the first free
/// number, and every reference to it follows; a `$ref` in an example is data and stays.
#[test]
fn schemas_that_become_one_type_name_are_renamed_with_a_note() {
    let spec = tiny_with(
        "",
        "    foo-bar:\n      type: string\n    foo_bar:\n      type: integer\n    fooBar:\n      type: boolean\n    Uses:\n      type: object\n      properties:\n        a:\n          $ref: '#/components/schemas/foo_bar'\n        b:\n          $ref: '#/components/schemas/fooBar'\n      example:\n        $ref: '#/components/schemas/foo_bar'\n    Pick:\n      oneOf:\n        - $ref: '#/components/schemas/Uses'\n      discriminator:\n        propertyName: kind\n        mapping:\n          a: '#/components/schemas/foo_bar'\n          b: fooBar\n",
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "note: specs/tiny.yaml: /components/schemas/fooBar: schema \"fooBar\" becomes the Rust type `types::FooBar`, as does schema \"foo-bar\" (/components/schemas/foo-bar): renamed \"fooBar2\" (`types::FooBar2`), with the 2 reference(s) to it\n\
         note: specs/tiny.yaml: /components/schemas/foo_bar: schema \"foo_bar\" becomes the Rust type `types::FooBar`, as does schema \"foo-bar\" (/components/schemas/foo-bar): renamed \"foo_bar3\" (`types::FooBar3`), with the 2 reference(s) to it\n"
    );
    let generated =
        std::fs::read_to_string(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap();
    for (name, inner) in [
        ("FooBar", "::std::string::String"),
        ("FooBar2", "bool"),
        ("FooBar3", "i64"),
    ] {
        assert!(
            generated.contains(&format!("pub struct {name}(pub {inner});")),
            "{name}"
        );
    }
    assert!(generated.contains("pub a: ::std::option::Option<FooBar3>,"));
    assert!(generated.contains("pub b: ::std::option::Option<FooBar2>,"));
    // The example is data: as written.
    let source = xtask::spec::Source::Spec(xtask::spec::Text {
        file: "specs/tiny.yaml".to_owned(),
        text: spec,
    });
    let prepared = xtask::spec::prepare(&source).unwrap();
    let uses = &prepared.document["components"]["schemas"]["Uses"];
    assert_eq!(uses["example"]["$ref"], "#/components/schemas/foo_bar");
    let mapping = &prepared.document["components"]["schemas"]["Pick"]["discriminator"]["mapping"];
    assert_eq!(mapping["a"], "#/components/schemas/foo_bar3");
    assert_eq!(mapping["b"], "fooBar2");
}

/// Kratos's `isReady`: progenitor names both the inline 200 and the inline 503 schema
/// `IsReadyResponse`. The error one is named `IsReadyErrorResponse`.
#[test]
fn an_operation_s_inline_success_and_error_responses_get_two_names() {
    let spec = tiny_with(
        "  /ready:\n    get:\n      operationId: isReady\n      responses:\n        '200':\n          description: Ready\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  status:\n                    type: string\n        '503':\n          description: Not ready\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  errors:\n                    type: object\n",
        "",
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "note: specs/tiny.yaml: /paths/~1ready/get/responses/503/content/application~1json/schema: the response of operation \"isReady\" (503) becomes the Rust type `types::IsReadyResponse`, as does the response of operation \"isReady\" (/paths/~1ready/get/responses/200/content/application~1json/schema): named `types::IsReadyErrorResponse` (its `title`)\n"
    );
    let generated =
        std::fs::read_to_string(dir.path().join("crates/tiny-client/src/generated.rs")).unwrap();
    assert!(squashed(&generated).contains(&squashed(
        "Result<ResponseValue<types::IsReadyResponse>, Error<types::IsReadyErrorResponse>>"
    )));
}

/// Both Kratos documents as published: refused for `nullTime`/`NullTime` and `isReady`'s two
/// responses; now generated with no overlay.
#[test]
fn kratos_generates_with_no_overlay() {
    for (date, rendered) in [("2026-05-04", false), ("2026-07-29", true)] {
        let source = xtask::spec::Source::Published {
            upstream: xtask::spec::Text {
                file: "specs/upstream/kratos.json".to_owned(),
                text: fixture(&format!("published/kratos-{date}.json")),
            },
            overlay: None,
        };
        let prepared = xtask::spec::prepare(&source)
            .unwrap_or_else(|p| panic!("{date}: {}", xtask::problem::one_line(&p)));
        if rendered {
            xtask::render::syntax(&prepared.openapi, "specs/upstream/kratos.json")
                .unwrap_or_else(|p| panic!("{date}: {}", xtask::problem::one_line(&p)));
        }
    }
}

#[test]
fn properties_that_become_one_field_are_refused_naming_both() {
    let spec = tiny_with(
        "",
        "    Page:\n      type: object\n      properties:\n        page-size:\n          type: integer\n        pageSize:\n          type: string\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /components/schemas/Page/properties/pageSize: property \"pageSize\" becomes the Rust field `page_size`, as does property \"page-size\" (/components/schemas/Page/properties/page-size): rename one",
        ],
    );
}

#[test]
fn parameters_that_become_one_argument_are_refused_naming_both() {
    // Two in one operation.
    let spec = TINY.replace(
        "      parameters:\n",
        "      parameters:\n        - name: page-size\n          in: query\n          schema:\n            type: integer\n        - name: pageSize\n          in: header\n          schema:\n            type: string\n",
    );
    fails_strictly_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/parameters/1: parameter \"pageSize\" becomes the Rust argument `page_size` of operation \"delete_thing\", as does parameter \"page-size\" (/paths/~1things~1{id}/delete/parameters/0): rename one",
        ],
    );
    // One on the path item, one on the operation: the same name in another place is not an
    // override (progenitor would drop the path's `id` without a word).
    let spec = TINY
        .replace(
            "  /things/{id}:\n    delete:\n",
            "  /things/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        schema:\n          type: string\n    delete:\n",
        )
        .replace("          in: path\n          required: true\n", "          in: query\n");
    fails_strictly_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/parameters/0: parameter \"id\" (in query) becomes the Rust argument `id` of operation \"delete_thing\", as does parameter \"id\" (in path) (/paths/~1things~1{id}/parameters/0): rename one",
        ],
    );
}

/// typify could not name `a` and `A` apart and progenitor panicked; the panic was blamed on
/// an operation that uses the schema.
#[test]
fn enum_values_that_become_one_variant_are_refused_at_the_enum() {
    let spec = tiny_with(
        "",
        "    Case:\n      type: string\n      enum: [a, A]\n    Dash:\n      type: string\n      enum: [a-b, b, a_b]\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /components/schemas/Case/enum/1: enum value \"A\" becomes the Rust variant `A`, as does \"a\" (/components/schemas/Case/enum/0): rename one",
            "specs/tiny.yaml: /components/schemas/Dash/enum/2: enum value \"a_b\" becomes the Rust variant `AXb`, as does \"a-b\" (/components/schemas/Dash/enum/0): rename one",
        ],
    );
}

/// A progenitor panic caught on a spec that the lints did not stop (`render::syntax` is
/// called directly here): blamed on the schema whose enum makes it, not on the operation
/// that happens to come first.
#[test]
fn a_panic_from_a_component_schema_is_blamed_on_the_schema() {
    let spec = tiny_with("", "    Case:\n      type: string\n      enum: [a, A]\n");
    let value: serde_json::Value = serde_norway::from_str(&spec).unwrap();
    let openapi: openapiv3::OpenAPI = serde_json::from_value(value).unwrap();
    let Err(problems) = xtask::render::syntax(&openapi, "specs/tiny.yaml") else {
        panic!("progenitor generated code for an enum with `a` and `A`");
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "specs/tiny.yaml: /components/schemas/Case/enum/1: progenitor panicked while generating schema \"Case\": Failed to make unique variant names for [a,A]"
        ]
    );
}

#[test]
fn a_misspelt_parameter_location_is_reported_at_it() {
    let spec = TINY.replace(
        "  /things/{id}:\n    delete:\n",
        "  /things/{id}:\n    parameters:\n      - name: q\n        in: qurey\n        schema:\n          type: string\n    delete:\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/parameters/0/in: not a valid OpenAPI 3.0 document: unknown variant `qurey`, expected one of `query`, `header`, `path`, `cookie`",
        ],
    );
}

/// YAML merge keys are not applied: the operation's `responses` stay behind `<<`.
#[test]
fn a_merge_key_that_hides_responses_is_reported_at_the_merge_key() {
    let spec = TINY.replace(
        "paths:\n",
        "x-common:\n  responses: &common\n    responses:\n      '204':\n        description: Done\npaths:\n  /merged:\n    get:\n      operationId: merged\n      <<: *common\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1merged/get/<<: YAML merge keys (`<<`) are not applied: write the keys out (progenitor would skip them)",
        ],
    );
}

/// A schema that `$ref`s a response: progenitor panicked, and the panic was blamed on
/// another operation. One with a JSON schema is repaired (`repairs.rs`); one without has
/// nothing to stand for a schema, and is refused at the `$ref`.
#[test]
fn a_schema_ref_to_a_response_without_a_json_schema_is_refused_at_the_ref() {
    let spec = TINY
        .replace(
            "                $ref: '#/components/schemas/Error'\n",
            "                $ref: '#/components/responses/Refused'\n",
        )
        .replace(
            "components:\n",
            "components:\n  responses:\n    Refused:\n      description: Refused\n      content:\n        text/plain:\n          schema:\n            type: string\n",
        );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: $ref \"#/components/responses/Refused\" is a response, not a schema: a schema may only refer to #/components/schemas/<name>",
        ],
    );
}

/// A schema that `$ref`s a request body is not repaired: refused at the `$ref`, naming the
/// body's JSON schema.
#[test]
fn a_schema_ref_to_a_request_body_is_refused_naming_its_json_schema() {
    let spec = TINY
        .replace(
            "                $ref: '#/components/schemas/Error'\n",
            "                $ref: '#/components/requestBodies/Sent'\n",
        )
        .replace(
            "components:\n",
            "components:\n  requestBodies:\n    Sent:\n      content:\n        application/json:\n          schema:\n            $ref: '#/components/schemas/Error'\n",
        );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: $ref \"#/components/requestBodies/Sent\" is a request body, not a schema (its JSON schema is #/components/schemas/Error): a schema may only refer to #/components/schemas/<name>",
        ],
    );
}

/// `$ref` inside an example, a default or an enum value is data, not a reference.
#[test]
fn a_ref_key_in_example_data_is_not_a_reference() {
    let spec = TINY.replace(
        "        done:\n          type: boolean\n",
        "        done:\n          type: boolean\n      example:\n        $ref: nowhere\n      default:\n        $ref: '#/nowhere'\n",
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
}

/// The Supabase Auth document as published (2026-02-19 and 2026-06-25): the unlink
/// operation's errors refer to responses where a schema belongs. The caught panic named
/// `/paths/~1admin~1audit/get`; then the lint refused both, where they are. Now each is
/// repaired there, with a note, and both dates generate with no overlay.
#[test]
fn supabase_auth_s_misplaced_refs_are_repaired_where_they_are() {
    let older = generate_published(
        "supabase.yaml",
        &fixture("published/supabase-auth-2026-02-19.yaml"),
    );
    for (date, (err, _)) in [("2026-02-19", &older), ("2026-06-25", generated_supabase())] {
        let at = "note: specs/upstream/supabase.yaml: /paths/~1user~1identities~1{identityId}/delete/responses";
        for (status, response) in [
            ("401", "UnauthorizedResponse"),
            ("403", "ForbiddenResponse"),
        ] {
            assert!(
                err.contains(&format!(
                    "{at}/{status}/content/application~1json/schema/$ref: $ref \"#/components/responses/{response}\" is a response, not a schema: replaced by its JSON schema, $ref \"#/components/schemas/ErrorSchema\"\n"
                )),
                "{date}: {err}"
            );
        }
        assert!(!err.contains("panicked"), "{date}: {err}");
        assert!(!err.contains("/admin~1audit"), "{date}: {err}");
    }
}

/// The provider's name is checked naming the file that is there.
#[test]
fn a_bad_provider_name_names_the_file_that_exists() {
    fails_at(
        "upstream/..json",
        "{}",
        &[
            "specs/upstream/..json: /: a provider's file name must be lower-case letters, digits and `_`, starting with a letter",
        ],
    );
}

/// What `render::syntax` reports for `spec` (the lints are not run: what is left is the check
/// of the generated code against the document).
fn generated_problems(spec: &str) -> Vec<String> {
    let value: serde_json::Value = serde_norway::from_str(spec).unwrap();
    let openapi: openapiv3::OpenAPI = serde_json::from_value(value).unwrap();
    match xtask::render::syntax(&openapi, "specs/tiny.yaml") {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// The case again, past the lints: the generated `MakeThingBody` has `b` and not
/// the body's `a`, which the check of the output against the document finds.
#[test]
fn a_generated_type_without_its_schema_s_properties_is_refused() {
    let spec = tiny_with(
        "  /make:\n    post:\n      operationId: make_thing\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              properties:\n                a:\n                  type: string\n      responses:\n        '204':\n          description: Made\n",
        "    MakeThingBody:\n      type: object\n      properties:\n        b:\n          type: integer\n",
    );
    assert_eq!(
        generated_problems(&spec),
        [
            "specs/tiny.yaml: /paths/~1make/post/requestBody/content/application~1json/schema: the request body of operation \"make_thing\" has property \"a\", which the generated `types::MakeThingBody` lacks: another type of that name was generated in its place"
        ]
    );
}

/// Two items of one name in the generated code are located at the spec's two places, in
/// its terms, not at `/` with Rust names.
#[test]
fn two_generated_items_of_one_name_are_located_in_the_spec() {
    let spec = tiny_with(
        "",
        "    Page:\n      type: object\n      properties:\n        page-size:\n          type: integer\n        pageSize:\n          type: string\n",
    );
    assert_eq!(
        generated_problems(&spec),
        [
            "specs/tiny.yaml: /components/schemas/Page/properties/pageSize: property \"pageSize\" of schema \"Page\" becomes the Rust item `types::builder::Page::page_size`, as does property \"page-size\" of schema \"Page\" (/components/schemas/Page/properties/page-size): rename one, or the generated crate does not compile"
        ]
    );
}

/// progenitor reads a response's `$ref` by its last segment in `components/responses`: a
/// response that refers to a schema named like a response would silently be that response.
#[test]
fn a_response_ref_to_a_schema_is_refused_at_the_ref() {
    let spec = TINY
        .replace(
            "        '400':\n          description: Refused\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Error'\n",
            "        '400':\n          $ref: '#/components/schemas/Error'\n",
        )
        .replace(
            "components:\n",
            "components:\n  responses:\n    Error:\n      description: Refused\n      content:\n        application/json:\n          schema:\n            $ref: '#/components/schemas/Done'\n",
        );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/$ref: $ref \"#/components/schemas/Error\" is a schema, not a response: a response may only refer to #/components/responses/<name>",
        ],
    );
}

/// Supabase Auth's document past the lints and without the repair (`normalize` alone, then
/// `render::syntax`: `generate` repairs the `$ref`s first): the caught panic was blamed on
/// `/paths/~1admin~1audit/get`, the first operation that panicked alone (every operation
/// did: the bad `$ref` had been moved into a component schema). It is blamed on that schema,
/// at the `$ref`, naming the unlink operation that uses it.
#[test]
fn supabase_auth_s_panic_is_blamed_on_the_unlink_operation_s_errors() {
    let text = fixture("published/supabase-auth-2026-02-19.yaml");
    let mut doc: serde_json::Value = serde_norway::from_str(&text).unwrap();
    xtask::normalize::normalize("specs/upstream/supabase.yaml", &mut doc, None).unwrap();
    let openapi: openapiv3::OpenAPI = serde_json::from_value(doc).unwrap();
    let Err(problems) = xtask::render::syntax(&openapi, "specs/upstream/supabase.yaml") else {
        panic!("progenitor took a schema that refers to a response");
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "specs/upstream/supabase.yaml: /components/schemas/DeleteUserIdentitiesByIdentityIdError/oneOf/0/$ref: progenitor panicked while generating schema \"DeleteUserIdentitiesByIdentityIdError\" (used by operation \"delete_user_identities_by_identity_id\" at /paths/~1user~1identities~1{identityId}/delete): $ref #/components/responses/UnauthorizedResponse is missing"
        ]
    );
}

/// progenitor calls an operation's request body `body`, and its builders have `new` and
/// `send`: a parameter of one of those names would be a second builder method of that name.
#[test]
fn a_parameter_named_body_beside_a_request_body_is_refused() {
    let spec = tiny_with(
        "  /make:\n    post:\n      operationId: make_thing\n      parameters:\n        - name: Body\n          in: query\n          schema:\n            type: string\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Done'\n      responses:\n        '204':\n          description: Made\n",
        "",
    );
    fails_strictly_with(
        &spec,
        &[
            "specs/tiny.yaml: /paths/~1make/post/parameters/0: parameter \"Body\" becomes the Rust argument `body` of operation \"make_thing\", as does its request body's builder method (/paths/~1make/post/requestBody): rename the parameter",
        ],
    );
    fails_strictly_with(
        &TINY.replace(
            "      parameters:\n",
            "      parameters:\n        - name: send\n          in: query\n          schema:\n            type: string\n",
        ),
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/parameters/0: parameter \"send\" becomes the Rust argument `send` of operation \"delete_thing\", as does its builder's own method `send`: rename the parameter",
        ],
    );
}

/// Two operationIds of one method name: one problem at the later one, not one more for each
/// member of the builder they share.
#[test]
fn two_generated_methods_of_one_name_are_one_problem() {
    let spec = TINY
        .replace("operationId: delete_thing", "operationId: deleteThing")
        .replace(
            "paths:\n",
            "paths:\n  /other/{id}:\n    get:\n      operationId: delete_thing\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '204':\n          description: Done\n",
        );
    assert_eq!(
        generated_problems(&spec),
        [
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/operationId: operationId \"deleteThing\" becomes the Rust item `Client::delete_thing`, as does operationId \"delete_thing\" (/paths/~1other~1{id}/get/operationId): rename one, or the generated crate does not compile"
        ]
    );
}

/// typify names an array property's inline items `{Type}{Property}Item`, re-cased: `A.b`'s
/// items are `AbItem`, as is a schema `ABItem`.
#[test]
fn inline_array_items_named_like_a_schema_are_refused() {
    let spec = tiny_with(
        "",
        "    A:\n      type: object\n      properties:\n        b:\n          type: array\n          items:\n            type: object\n            properties:\n              c: {type: string}\n    ABItem: {type: integer}\n",
    );
    fails_with(
        &spec,
        &[
            "specs/tiny.yaml: /components/schemas/A/properties/b/items: the items of property \"b\" of schema \"A\" becomes the Rust type `types::AbItem`, as does schema \"ABItem\" (/components/schemas/ABItem): rename one (a `title` names an inline schema's type): progenitor would drop one without a word, or generate two types of one name",
        ],
    );
}

/// typify reads `#/components/schemas/Done/properties/done` as the schema `done`.
#[test]
fn a_schema_ref_inside_a_schema_is_refused_at_the_ref() {
    fails_with(
        &TINY.replace(
            "                $ref: '#/components/schemas/Error'\n",
            "                $ref: '#/components/schemas/Done/properties/done'\n",
        ),
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/content/application~1json/schema/$ref: $ref \"#/components/schemas/Done/properties/done\" points inside a schema: a schema may only refer to #/components/schemas/<name>",
        ],
    );
}

/// An error progenitor returns (not a panic) is located as a panic is: at the schema that
/// alone makes it, not at `/`.
#[test]
fn a_progenitor_error_is_located_at_the_schema_that_alone_makes_it() {
    fails_with(
        &TINY.replace(
            "          type: boolean\n",
            "          type: string\n          enum: [1, a]\n",
        ),
        &[
            "specs/tiny.yaml: /components/schemas/Done: progenitor refused schema \"Done\" (used by operation \"delete_thing\" at /paths/~1things~1{id}/delete): type error unexpected value type",
        ],
    );
}

/// A path item, a response or a schema is read through openapiv3's untagged `$ref`-or-object
/// enum, whose errors lost their place: each is now at the key.
#[test]
fn a_wrong_type_inside_a_path_item_or_a_response_is_reported_at_the_key() {
    fails_with(
        &TINY.replace(
            "  /things/{id}:\n    delete:\n",
            "  /things/{id}:\n    parameters: 5\n    delete:\n",
        ),
        &["specs/tiny.yaml: /paths/~1things~1{id}/parameters: `parameters` must be a list, not 5"],
    );
    fails_with(
        &TINY.replace(
            "          description: Refused\n",
            "          description: [Refused]\n",
        ),
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/responses/400/description: not a valid OpenAPI 3.0 document: invalid type: sequence, expected a string",
        ],
    );
}

/// An operation's parameter overrides the path item's of the same name and place: the two
/// are not two types (progenitor makes only the operation's), and nothing is refused.
#[test]
fn an_overridden_path_parameter_is_not_a_second_type() {
    let spec = TINY.replace(
        "  /things/{id}:\n    delete:\n",
        "  /things/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        schema:\n          type: string\n          enum: [a, b]\n    delete:\n",
    ).replace(
        "          in: path\n          required: true\n          schema:\n            type: string\n",
        "          in: path\n          required: true\n          schema:\n            type: string\n            enum: [a, b, c]\n",
    );
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
}

/// progenitor's errors for a cookie parameter and a path item that is a `$ref`: at the
/// parameter's `in` and at the `$ref`, on one line (the cookie's error went on to dump the
/// parameter over forty lines). Without `--strict`, the cookie's operation is left out
/// (`leave_out`).
#[test]
fn progenitor_errors_are_one_line_at_what_they_name() {
    fails_strictly_with(
        &TINY.replace("          in: path\n", "          in: cookie\n"),
        &[
            "specs/tiny.yaml: /paths/~1things~1{id}/delete/parameters/0/in: progenitor refused operation \"delete_thing\": unexpected or unhandled format in the OpenAPI document cookie parameters are not supported",
        ],
    );
    fails_with(
        &TINY.replace(
            "paths:\n",
            "paths:\n  /x:\n    $ref: '#/paths/~1things~1{id}'\n",
        ),
        &[
            "specs/tiny.yaml: /paths/~1x/$ref: progenitor: unexpected or unhandled format in the OpenAPI document path /x uses reference, unsupported",
        ],
    );
}

/// Two items of one name and a type that lacks its schema's property, past the lints: both
/// in one run (the second was shown only once the first was fixed).
#[test]
fn checks_of_the_generated_code_report_together() {
    let spec = tiny_with(
        "  /make:\n    post:\n      operationId: make_thing\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              properties:\n                a:\n                  type: string\n      responses:\n        '204':\n          description: Made\n",
        "    MakeThingBody:\n      type: object\n      properties:\n        b:\n          type: integer\n    Page:\n      type: object\n      properties:\n        page-size:\n          type: integer\n        pageSize:\n          type: string\n",
    );
    assert_eq!(
        generated_problems(&spec),
        [
            "specs/tiny.yaml: /components/schemas/Page/properties/pageSize: property \"pageSize\" of schema \"Page\" becomes the Rust item `types::builder::Page::page_size`, as does property \"page-size\" of schema \"Page\" (/components/schemas/Page/properties/page-size): rename one, or the generated crate does not compile",
            "specs/tiny.yaml: /paths/~1make/post/requestBody/content/application~1json/schema: the request body of operation \"make_thing\" has property \"a\", which the generated `types::MakeThingBody` lacks: another type of that name was generated in its place",
        ]
    );
}
