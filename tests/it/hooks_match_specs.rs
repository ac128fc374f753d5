//! What the hand-written hooks assume about a spec is checked against the spec, so a spec edit
//! that invalidates a hook fails here instead of on the wire.

use serde_json::Value;
use unbind_tests::spec_document;

/// `names` as owned strings, sorted.
fn sorted(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
    names.sort();
    names
}

/// The operationIds of the operations that `keep` holds for, sorted.
fn operation_ids(spec: &Value, keep: impl Fn(&Value) -> bool) -> Vec<String> {
    let mut ids = Vec::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for operation in item.as_object().unwrap().values() {
            if keep(operation) {
                ids.push(operation["operationId"].as_str().unwrap().to_owned());
            }
        }
    }
    ids.sort();
    ids
}

/// The operationIds whose `security` is an empty list (no bearer token).
fn without_security(spec: &Value) -> Vec<String> {
    operation_ids(spec, |operation| {
        operation.get("security") == Some(&Value::Array(vec![]))
    })
}

#[test]
fn cloudbase_sends_no_bearer_exactly_where_the_spec_has_no_security() {
    let hooked = sorted(&cloudbase_client::WITHOUT_BEARER);
    assert_eq!(hooked, without_security(&spec_document("cloudbase")));
}

/// The operationIds that take the OneAccess device header `X-agent` (by `$ref` to
/// `#/components/parameters/XAgent`).
fn with_device_headers(spec: &Value) -> Vec<String> {
    operation_ids(spec, |operation| {
        operation["parameters"].as_array().is_some_and(|list| {
            list.iter()
                .any(|p| p["$ref"] == "#/components/parameters/XAgent")
        })
    })
}

#[test]
fn every_oneaccess_builder_with_device_headers_takes_a_device_profile() {
    let extended = sorted(oneaccess_client::DEVICE_OPERATIONS);
    let spec = with_device_headers(&spec_document("oneaccess"));
    assert_eq!(spec.len(), 7, "{spec:?}");
    assert_eq!(extended, spec);
}
