//! What the hand-written hooks assume about a spec is checked against the spec, so a spec edit
//! that invalidates a hook fails here instead of on the wire.

use serde_json::Value;

fn spec(name: &str) -> Value {
    let path = xtask::workspace_root().join("specs").join(name);
    serde_norway::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The operationIds whose `security` is an empty list (no bearer token).
fn without_security(spec: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for operation in item.as_object().unwrap().values() {
            if operation.get("security") == Some(&Value::Array(vec![])) {
                ids.push(operation["operationId"].as_str().unwrap().to_owned());
            }
        }
    }
    ids.sort();
    ids
}

#[test]
fn cloudbase_sends_no_bearer_exactly_where_the_spec_has_no_security() {
    let mut hooked: Vec<String> = cloudbase_client::WITHOUT_BEARER
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    hooked.sort();
    assert_eq!(hooked, without_security(&spec("cloudbase.yaml")));
}
