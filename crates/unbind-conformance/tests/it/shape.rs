//! Request snapshots (`Spec::shape`): what the specs mark hidden, and what they do not
//! declare, is blanked; the rest shows as sent; a request that breaks its spec has no shape.

use std::path::Path;

use serde_json::{Value, json};
use unbind_conformance::RecordedRequest;
use unbind_conformance::conformance::{REDACTED, Rule, Shape, Spec, load_spec};

fn spec(name: &str) -> Spec {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../specs/{name}.yaml"));
    Spec::new(load_spec(&path).unwrap()).unwrap()
}

/// A real-looking MantaGo API token (a JWT) and secret: none of their parts may show.
const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJib3QiOiJib3QtMTIzIiwiZXhwIjoxNzY1MDAwMDAwfQ.3q2-7wXbSPHo1vQ8rLZ0b5mKpN4tYfJ9cUeA6dGiTjs";
const SECRET: &str = "sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

fn manta_unbind(token: &str, secret: &str, request_id: &str) -> RecordedRequest {
    RecordedRequest::from_parts(
        "POST",
        "/openapi/unbind/customer",
        "botId=bot-123",
        [
            ("Authorization", format!("Bearer {token}")),
            ("Content-Type", "application/json".to_owned()),
            ("Accept", "application/json".to_owned()),
            ("X-Request-Id", request_id.to_owned()),
        ]
        .map(|(name, value)| (name.to_owned(), value)),
        json!({"secret": secret, "clientId": "wechat-1", "customerId": "customer-42"})
            .to_string()
            .as_bytes(),
    )
}

/// Every run of `len` characters of `secret` that `text` holds.
fn parts_of(secret: &str, text: &str, len: usize) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    chars
        .windows(len)
        .map(|window| window.iter().collect::<String>())
        .filter(|part| text.contains(part.as_str()))
        .collect()
}

#[test]
fn a_snapshot_of_a_real_looking_token_and_secret_holds_no_part_of_either() {
    let shape = spec("manta")
        .shape(&manta_unbind(JWT, SECRET, "4f1c2a"))
        .unwrap();
    let text = serde_json::to_string_pretty(&shape).unwrap();
    // Six characters: shorter runs (`Bearer`'s `ea`, say) occur in any text by chance.
    assert_eq!(parts_of(JWT, &text, 6), Vec::<String>::new(), "{text}");
    assert_eq!(parts_of(SECRET, &text, 6), Vec::<String>::new(), "{text}");
    assert_eq!(
        serde_json::to_value(&shape).unwrap(),
        json!({
            "operation": "unbind_customer",
            "method": "POST",
            "path": "/openapi/unbind/customer",
            "query": {"botId": "bot-123"},
            "headers": {
                "accept": "application/json",
                "authorization": format!("Bearer {REDACTED}"),
                "content-type": "application/json",
                // Not in the spec: its value may change with every call, or carry anything.
                "x-request-id": REDACTED,
            },
            "body": {"secret": REDACTED, "clientId": "wechat-1", "customerId": "customer-42"},
        })
    );
}

#[test]
fn the_shape_is_the_same_whatever_the_credentials_and_random_values() {
    let spec = spec("manta");
    let one = spec.shape(&manta_unbind(JWT, SECRET, "4f1c2a")).unwrap();
    let other = spec
        .shape(&manta_unbind(
            "another-token-0000",
            "another-secret-1111",
            "9e9e9e",
        ))
        .unwrap();
    assert_eq!(one, other);
    // What is data still differs.
    let mut moved = manta_unbind(JWT, SECRET, "4f1c2a");
    moved.query = vec![("botId".to_owned(), "bot-456".to_owned())];
    assert_ne!(spec.shape(&moved).unwrap(), one);
}

#[test]
fn a_signature_and_a_password_marked_hidden_in_the_spec_are_blanked() {
    let spec = spec("oneaccess");
    let device = [
        ("X-operating-sys-version", "Android 10"),
        ("X-device-fingerprint", "156aysdna213sac"),
        ("X-agent", "Mozilla/5.0"),
        ("X-client-id", "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"),
    ];
    let headers = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        device
            .iter()
            .chain(extra)
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    };
    let unbind = RecordedRequest::from_parts(
        "POST",
        "/api/v2/sdk/social/unbind-account",
        "",
        headers(&[
            (
                "X-signature",
                "D0JeOUuVqU8Ixvl0xrmewQRk4AuGZrtk1RfBxueNKUrNPpgSbXr",
            ),
            ("Content-Type", "application/json;charset=utf8"),
        ]),
        br#"{"id":"001GKgGa15HGZA0aOxIa1bFktp1GKgG4"}"#,
    );
    let shape = spec.shape(&unbind).unwrap();
    assert_eq!(shape.headers["x-signature"], REDACTED);
    // Declared, not hidden: shown as sent.
    assert_eq!(
        shape.headers["x-client-id"],
        "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"
    );
    assert_eq!(
        shape.body,
        json!({"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4"})
    );

    let login = RecordedRequest::from_parts(
        "POST",
        "/api/v2/sdk/login",
        "",
        headers(&[("Content-Type", "application/json;charset=utf8")]),
        br#"{"username":"alice","password":"correct horse battery staple"}"#,
    );
    let shape = spec.shape(&login).unwrap();
    assert_eq!(
        shape.body,
        json!({"username": "alice", "password": REDACTED})
    );
}

#[test]
fn a_request_that_breaks_its_spec_has_no_shape() {
    let mut request = manta_unbind(JWT, SECRET, "4f1c2a");
    request.query.clear();
    let violations = spec("manta").shape(&request).unwrap_err();
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert_eq!(violations[0].rule, Rule::MissingParameter);
    // The violations quote no secret either.
    assert!(!format!("{violations:?}").contains(SECRET));
}

/// A spec with a hidden path parameter, an API key in the query, and a hidden field inside an
/// array of a composed schema.
fn hidden_everywhere() -> Spec {
    Spec::from_yaml(
        r#"
openapi: 3.0.3
info: {title: Hidden, version: "1"}
security: [{key: []}]
components:
  securitySchemes: {key: {type: apiKey, in: query, name: api_key}}
  schemas:
    Login:
      allOf:
        - {type: object, properties: {pin: {type: string, format: password}}}
        - {type: object, properties: {user: {type: string}}}
paths:
  /vault/{token}/items:
    post:
      operationId: store
      parameters:
        - {name: token, in: path, required: true, schema: {type: string, format: password}}
        - {name: X-Trace, in: header, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                logins: {type: array, items: {$ref: '#/components/schemas/Login'}}
      responses: {"200": {description: ok}}
"#,
    )
    .unwrap()
}

#[test]
fn hidden_path_values_api_keys_and_nested_fields_are_blanked() {
    let request = RecordedRequest::from_parts(
        "POST",
        "/vault/tok-9f8e7d6c/items",
        "api_key=key-0a1b2c3d",
        [
            ("content-type", "application/json"),
            ("x-trace", "t-1"),
            ("x-trace", "t-2"),
            ("cookie", "session=s-77aa"),
        ]
        .map(|(n, v)| (n.to_owned(), v.to_owned())),
        br#"{"logins":[{"user":"alice","pin":"1234"},{"user":"bob","pin":"9876"}]}"#,
    );
    let shape: Shape = hidden_everywhere().shape(&request).unwrap();
    assert_eq!(shape.path, format!("/vault/{REDACTED}/items"));
    assert_eq!(shape.query["api_key"], REDACTED);
    // Sent twice: both values, in order.
    assert_eq!(shape.headers["x-trace"], json!(["t-1", "t-2"]));
    assert_eq!(shape.headers["cookie"], REDACTED);
    assert_eq!(
        shape.body,
        json!({"logins": [{"user": "alice", "pin": REDACTED}, {"user": "bob", "pin": REDACTED}]})
    );
    let text: Value = serde_json::to_value(&shape).unwrap();
    for secret in ["tok-9f8e7d6c", "key-0a1b2c3d", "s-77aa", "1234", "9876"] {
        assert!(!text.to_string().contains(secret), "{secret} in {text}");
    }
}

#[test]
fn a_spec_that_is_not_yaml_is_an_error_naming_the_place() {
    let error = Spec::from_yaml("openapi: [3.0.3\n").unwrap_err();
    assert!(error.to_string().starts_with("invalid YAML: "), "{error}");
}
