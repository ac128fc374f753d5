//! What the three real specs do not exercise: `$ref` cycles, `nullable`, alternative security, and specs the checker cannot use.

use super::*;

/// A small spec exercising what the three real ones do not.
fn synthetic() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "security": [{"key": []}, {"basic": []}],
        "paths": {
            "/trees/{treeId}": {
                "parameters": [
                    {"name": "treeId", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "X-Trace", "in": "header", "required": true, "schema": {"type": "string"}}
                ],
                "put": {
                    "operationId": "put_tree",
                    "parameters": [
                        {"name": "x-trace", "in": "header", "required": false, "schema": {"type": "string"}},
                        {"name": "Content-Type", "in": "header", "required": true, "schema": {"type": "string"}}
                    ],
                    "requestBody": {"$ref": "#/components/requestBodies/Tree"},
                    "responses": {"204": {"description": "stored"}}
                }
            }
        },
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "query", "name": "api_key"},
                "basic": {"type": "http", "scheme": "basic"}
            },
            "requestBodies": {
                "Tree": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}
                }
            },
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "readOnly": true},
                        "name": {"type": "string", "nullable": true, "example": "oak"},
                        "kind": {"type": "string", "enum": ["leaf", "branch"], "nullable": true},
                        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                        "meta": {"type": "object", "additionalProperties": true},
                        "planted": {"type": "string", "format": "date-time"},
                        "rings": {"type": "integer", "format": "int64", "exclusiveMinimum": true, "minimum": 0},
                        "parent": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Node"}]}
                    },
                    "required": ["id", "name"],
                    "discriminator": {"propertyName": "kind"}
                }
            }
        }
    })
}

#[test]
fn refs_cycles_nullable_and_alternative_security() {
    let spec = Spec::new(synthetic()).unwrap();
    assert_eq!(spec.operations_with_optional_parameters(), ["put_tree"]);
    let tree = |query: &[(&str, &str)], headers: &[(&str, &str)], body: Value| {
        let mut all = vec![("content-type", "application/json")];
        all.extend_from_slice(headers);
        with_body(request("PUT", "/trees/t1", query, &all), body)
    };
    let good = json!({
        "name": null,
        "kind": null,
        "planted": "2024-05-01T12:00:00Z",
        "rings": 120,
        "meta": {"anything": [1, {"goes": true}]},
        "parent": null,
        "children": [{"name": "twig", "children": []}]
    });
    // The operation's optional `x-trace` overrides the path item's required `X-Trace`, and
    // the `readOnly` id is not required in a request. The API key meets the security.
    assert_eq!(
        spec.check(&tree(&[("api_key", "k")], &[], good.clone())),
        Ok("put_tree".to_owned())
    );
    // The other alternative.
    assert_eq!(
        spec.check(&tree(&[], &[("authorization", "basic dTpw")], good)),
        Ok("put_tree".to_owned())
    );
    let bad = json!({
        "name": "oak",
        "kind": "root",
        "planted": "yesterday",
        "rings": 0,
        "children": [{"name": 1, "colour": "green"}],
        "parent": {"name": "x", "age": 3}
    });
    let shown: Vec<String> = spec
        .check(&tree(&[], &[], bad))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            r#"put_tree: missing_parameter: required query parameter "api_key" is missing (and no other security requirement is met)"#,
            r#"put_tree: missing_header: header "Authorization: Basic <credentials>" is missing (and no other security requirement is met)"#,
            r#"put_tree: undeclared_body_field: body field "/children/0/colour" is not declared"#,
            r#"put_tree: undeclared_body_field: body field "/parent/age" is not declared"#,
            r#"put_tree: body_schema: body /children/0/name: value is not of types "null", "string""#,
            r#"put_tree: body_schema: body /kind: value is not one of "leaf", "branch" or null"#,
            r#"put_tree: body_schema: body /planted: value is not a "date-time""#,
            r#"put_tree: body_schema: body /rings: value is less than or equal to the minimum of 0"#,
        ]
    );
}

#[test]
fn specs_the_checker_cannot_use_are_errors() {
    let error = |doc: Value| Spec::new(doc).unwrap_err().to_string();
    let mut v31 = synthetic();
    v31["openapi"] = json!("3.1.0");
    assert_eq!(error(v31), r#"/openapi: version "3.1.0" is not 3.0.x"#);

    let mut broken_ref = synthetic();
    broken_ref["components"]["schemas"]["Node"]["properties"]["children"]["items"] =
        json!({"$ref": "#/components/schemas/Nope"});
    assert_eq!(
        error(broken_ref),
        r##"/components/schemas/Node/properties/children/items: $ref "#/components/schemas/Nope" points nowhere"##
    );

    let mut cycle = synthetic();
    cycle["components"]["schemas"]["A"] = json!({"$ref": "#/components/schemas/B"});
    cycle["components"]["schemas"]["B"] = json!({"$ref": "#/components/schemas/A"});
    assert!(error(cycle).contains("cycle of $refs"));

    let mut no_id = synthetic();
    no_id["paths"]["/trees/{treeId}"]["put"]
        .as_object_mut()
        .unwrap()
        .remove("operationId");
    assert_eq!(
        error(no_id),
        "/paths/~1trees~1{treeId}/put: has no operationId"
    );

    let mut partial = synthetic();
    let item = partial["paths"]["/trees/{treeId}"].take();
    partial["paths"] = json!({"/trees/{treeId}.json": item});
    assert_eq!(
        error(partial),
        r#"/paths/~1trees~1{treeId}.json: path segment "{treeId}.json": a parameter must be a whole segment"#
    );

    let mut unknown_scheme = synthetic();
    unknown_scheme["security"] = json!([{"nope": []}]);
    assert_eq!(
        error(unknown_scheme),
        r#"/security/0: security scheme "nope" is not defined"#
    );

    assert!(matches!(
        load_spec(Path::new("/nonexistent/spec.yaml")),
        Err(SpecError::Read { .. })
    ));
    let dir = std::env::temp_dir().join(format!("unbind-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_yaml = dir.join("bad.yaml");
    std::fs::write(&bad_yaml, "openapi: [3.0.3\n").unwrap();
    let message = load_spec(&bad_yaml).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(message.contains("bad.yaml: invalid YAML:"), "{message}");
}
