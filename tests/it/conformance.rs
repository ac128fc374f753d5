//! Conformance: every request the facade makes, for every operation of every spec and with
//! all optional inputs set where there are any, is checked against its operation in the spec
//! (method and path template, required parameters and headers, no undeclared query parameter
//! or body field, content type, the body against the request schema).

use unbind_tests::{Variant, endpoint, record, spec};

async fn check_provider(provider: &str) {
    let spec = spec(provider);
    let optional = spec.operations_with_optional_parameters();
    let mut failures = Vec::new();
    let mut checked = 0;
    for operation in spec.operation_ids() {
        let mut variants = vec![Variant::Required];
        if optional.contains(&operation) {
            variants.push(Variant::AllOptional);
        }
        for variant in variants {
            let (method, path) = endpoint(provider, &operation);
            let mut seen = false;
            for request in record(provider, &operation, variant).await {
                checked += 1;
                match spec.check(&request) {
                    Ok(id) => {
                        seen |= id == operation && request.method == method && request.path == path
                    }
                    Err(violations) => failures.extend(
                        violations
                            .iter()
                            .map(|v| format!("{provider} ({operation}, {variant:?}): {v}")),
                    ),
                }
            }
            if !seen {
                failures.push(format!(
                    "{provider}: {operation} sent no conforming {method} {path}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "requests that do not conform to specs/{provider}.yaml:\n{}",
        failures.join("\n")
    );
    assert!(checked > 0);
}

#[tokio::test]
async fn manta_requests_conform() {
    check_provider("manta").await;
}

#[tokio::test]
async fn oneaccess_requests_conform() {
    check_provider("oneaccess").await;
}

#[tokio::test]
async fn cloudbase_requests_conform() {
    check_provider("cloudbase").await;
}

/// A stored request-shape snapshot turned back into a request.
fn stored(path: &std::path::Path) -> unbind_conformance::RecordedRequest {
    let text = std::fs::read_to_string(path).unwrap();
    // insta's header is a `---`-fenced block; the JSON follows it.
    let json = text.splitn(3, "---\n").nth(2).expect("an insta snapshot");
    let shape: serde_json::Value = serde_json::from_str(json).expect("a JSON snapshot");
    let pairs = |key: &str| -> Vec<(String, String)> {
        shape[key]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect()
    };
    unbind_conformance::RecordedRequest {
        method: shape["method"].as_str().unwrap().to_owned(),
        path: shape["path"].as_str().unwrap().to_owned(),
        query: pairs("query"),
        headers: pairs("headers"),
        body: match &shape["body"] {
            serde_json::Value::Null => unbind_conformance::Body::Empty,
            body => unbind_conformance::Body::Json(body.clone()),
        },
    }
}

/// The reviewed wire shapes must still fit the specs: a spec edit that the snapshots do not
/// follow (a renamed body field, a new required parameter) fails here as well as in
/// `request_shapes.rs`.
#[test]
fn stored_snapshots_conform_to_the_specs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix("request_shapes__"))
            .and_then(|n| n.strip_suffix(".snap"))
        else {
            continue;
        };
        let (provider, rest) = name.split_once("__").unwrap();
        let operation = rest.strip_suffix("__all_optional").unwrap_or(rest);
        checked += 1;
        match spec(provider).check(&stored(&path)) {
            Ok(id) if id == operation => {}
            Ok(id) => failures.push(format!("{name}: the spec calls this request {id}")),
            Err(violations) => {
                failures.extend(violations.iter().map(|v| format!("{name}: {v}")));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 17, "only {checked} snapshots found");
}
