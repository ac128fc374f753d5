//! Each provider's unbind call declares exactly the parameters that `PROVIDERS.md` documents
//! for it (from the providers' docs and official SDKs). A parameter in a spec becomes a builder
//! method of the generated client and a promise about the wire: none may be there undocumented.

use serde_json::Value;
use unbind_tests::spec_document;

/// The parameters of `method path` in `specs/<provider>.yaml`, `$ref`s followed, in the spec's
/// order: `in name`, with ` (required)` after a required one.
fn parameters(provider: &str, path: &str, method: &str) -> Vec<String> {
    let spec = spec_document(provider);
    let item = &spec["paths"][path];
    [&item["parameters"], &item[method]["parameters"]]
        .into_iter()
        .filter_map(Value::as_array)
        .flatten()
        .map(|parameter| match parameter["$ref"].as_str() {
            Some(target) => spec
                .pointer(target.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("{provider}: no {target}")),
            None => parameter,
        })
        .map(|p| {
            let required = if p["required"] == true {
                " (required)"
            } else {
                ""
            };
            format!(
                "{} {}{required}",
                p["in"].as_str().unwrap(),
                p["name"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn mantago_unbind_customer_takes_the_bot_id_in_its_query() {
    assert_eq!(
        parameters("manta", "/openapi/unbind/customer", "post"),
        ["query botId (required)"]
    );
}

/// PROVIDERS.md: the common headers of every call, and `X-signature` on this one.
#[test]
fn oneaccess_unbind_account_takes_the_common_headers_and_the_signature() {
    assert_eq!(
        parameters("oneaccess", "/api/v2/sdk/social/unbind-account", "post"),
        [
            "header X-operating-sys-version (required)",
            "header X-device-fingerprint (required)",
            "header X-device-ip",
            "header X-agent (required)",
            "header X-L",
            "header X-client-id (required)",
            "header X-signature (required)",
            "header X-tenant-id",
        ]
    );
}

/// PROVIDERS.md: query `with_user_center?` (bool), `client_id?`; header `x-device-id?`.
#[test]
fn cloudbase_unbind_provider_takes_its_documented_query_and_device_id() {
    assert_eq!(
        parameters(
            "cloudbase",
            "/auth/v1/user/provider/{provider_id}",
            "delete"
        ),
        [
            "path provider_id (required)",
            "query with_user_center",
            "query client_id",
            "header x-device-id",
        ]
    );
}
