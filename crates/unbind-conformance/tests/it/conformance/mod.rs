//! The conformance checker against the real specs in `specs/`: which operation a request is
//! and each rule it breaks (`requests`), specs the three real ones do not cover
//! (`synthetic`), answers (`responses`), and parameter values read as their schema type
//! (`values`). The helpers here build the requests the modules check.

mod requests;
mod responses;
mod synthetic;
mod values;

use std::path::Path;

use serde_json::{Value, json};
use unbind_conformance::conformance::{Rule, Spec, SpecError, Violation, load_spec};
use unbind_conformance::{Body, RecordedRequest};

fn spec(name: &str) -> Spec {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../specs/{name}.yaml"));
    Spec::new(load_spec(&path).unwrap()).unwrap()
}

fn request(
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> RecordedRequest {
    let own = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    };
    RecordedRequest {
        method: method.to_owned(),
        path: path.to_owned(),
        query: own(query),
        headers: own(headers),
        body: Body::Empty,
    }
}

fn with_body(mut request: RecordedRequest, body: Value) -> RecordedRequest {
    request.body = Body::Json(body);
    request
}

fn violation(operation: Option<&str>, rule: Rule, detail: &str) -> Violation {
    Violation {
        operation: operation.map(str::to_owned),
        rule,
        detail: detail.to_owned(),
    }
}

fn manta_unbind() -> RecordedRequest {
    with_body(
        request(
            "POST",
            "/openapi/unbind/customer",
            &[("botId", "b")],
            &[
                ("authorization", "Bearer jwt"),
                ("content-type", "application/json"),
            ],
        ),
        json!({"secret": "s", "clientId": "c", "customerId": "u"}),
    )
}

const DEVICE_HEADERS: [(&str, &str); 4] = [
    ("x-agent", "Mozilla/5.0"),
    ("x-client-id", "DRrYIqauawN0I8myTMoDTPys6ezGZxnm"),
    ("x-device-fingerprint", "156aysdna213sac"),
    ("x-operating-sys-version", "Android 10"),
];

fn oneaccess_unbind() -> RecordedRequest {
    let mut headers = DEVICE_HEADERS.to_vec();
    headers.push(("content-type", "application/json;charset=utf8"));
    headers.push(("x-signature", "c2lnbmVk"));
    with_body(
        request("POST", "/api/v2/sdk/social/unbind-account", &[], &headers),
        json!({"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4"}),
    )
}

fn cloudbase_unbind() -> RecordedRequest {
    request(
        "DELETE",
        "/auth/v1/user/provider/github",
        &[],
        &[("authorization", "Bearer access")],
    )
}

fn remove_header(mut request: RecordedRequest, name: &str) -> RecordedRequest {
    request.headers.retain(|(n, _)| n != name);
    request
}

fn set_header(request: RecordedRequest, name: &str, value: &str) -> RecordedRequest {
    let mut request = remove_header(request, name);
    request.headers.push((name.to_owned(), value.to_owned()));
    request.headers.sort();
    request
}

#[test]
fn the_three_specs_index_every_operation() {
    assert_eq!(
        spec("manta").operation_ids(),
        [
            "bind_customer",
            "get_api_token",
            "get_client",
            "list_clients",
            "unbind_customer"
        ]
    );
    assert_eq!(
        spec("oneaccess").operation_ids(),
        [
            "bind_social_account",
            "get_public_key",
            "get_server_date",
            "list_social_accounts",
            "login",
            "register_and_bind_social_account",
            "unbind_social_account",
        ]
    );
    assert_eq!(
        spec("cloudbase").operation_ids(),
        [
            "bind_provider",
            "get_provider_auth_uri",
            "get_provider_token",
            "list_bound_providers",
            "unbind_provider",
        ]
    );
}

#[test]
fn operations_with_optional_parameters() {
    // Manta: the list filters and get_client's platform ids; every body field is required.
    assert_eq!(
        spec("manta").operations_with_optional_parameters(),
        ["get_client", "list_clients"]
    );
    // OneAccess: X-device-ip, X-L and X-tenant-id are optional on every call.
    assert_eq!(
        spec("oneaccess").operations_with_optional_parameters(),
        spec("oneaccess").operation_ids()
    );
    // CloudBase: all but the list, which takes nothing; bind_provider only through its
    // optional body field `with_user_center`.
    assert_eq!(
        spec("cloudbase").operations_with_optional_parameters(),
        [
            "bind_provider",
            "get_provider_auth_uri",
            "get_provider_token",
            "unbind_provider"
        ]
    );
}

#[test]
fn conforming_requests_name_their_operation() {
    assert_eq!(
        spec("manta").check(&manta_unbind()),
        Ok("unbind_customer".to_owned())
    );

    let oneaccess = spec("oneaccess");
    assert_eq!(
        oneaccess.check(&oneaccess_unbind()),
        Ok("unbind_social_account".to_owned())
    );
    // Spaces and case in the parameters do not matter.
    let spaced = set_header(
        oneaccess_unbind(),
        "content-type",
        "Application/JSON; Charset=UTF8",
    );
    assert_eq!(
        oneaccess.check(&spaced),
        Ok("unbind_social_account".to_owned())
    );
    // Optional headers may be sent.
    let full = set_header(oneaccess_unbind(), "x-l", "en");
    assert_eq!(
        oneaccess.check(&full),
        Ok("unbind_social_account".to_owned())
    );

    let cloudbase = spec("cloudbase");
    assert_eq!(
        cloudbase.check(&cloudbase_unbind()),
        Ok("unbind_provider".to_owned())
    );
    let mut optional = set_header(cloudbase_unbind(), "x-device-id", "0123456789abcdef");
    optional.query = vec![
        ("client_id".to_owned(), "env".to_owned()),
        ("with_user_center".to_owned(), "true".to_owned()),
    ];
    assert_eq!(cloudbase.check(&optional), Ok("unbind_provider".to_owned()));
    // A percent-encoded path parameter is decoded before matching.
    let mut encoded = cloudbase_unbind();
    encoded.path = "/auth/v1/user/provider/wx%5Fopen".to_owned();
    assert_eq!(cloudbase.check(&encoded), Ok("unbind_provider".to_owned()));
    // `security: []`: no bearer token needed before login.
    let token = with_body(
        request(
            "POST",
            "/auth/v1/provider/token",
            &[],
            &[
                ("content-type", "application/json"),
                ("x-device-id", "0123456789abcdef"),
            ],
        ),
        json!({"provider_id": "github", "provider_code": "code"}),
    );
    assert_eq!(cloudbase.check(&token), Ok("get_provider_token".to_owned()));
    // A literal path beats a template: `bind` is not a provider id here.
    let bind = with_body(
        request(
            "POST",
            "/auth/v1/user/provider/bind",
            &[],
            &[
                ("authorization", "Bearer access"),
                ("content-type", "application/json"),
            ],
        ),
        json!({"provider_token": "pt"}),
    );
    assert_eq!(cloudbase.check(&bind), Ok("bind_provider".to_owned()));
}
