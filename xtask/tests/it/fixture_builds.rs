//! Every shape fixture generates a client that builds and decodes each documented answer: the
//! four generated clients go into one temporary crate (one module each, one build, sharing this
//! workspace's target directory), whose `main` calls them against a loopback server.

use crate::common::{SHAPES, cargo_ok, fixture, workspace, xtask};

/// The temporary crate's manifest: the dependencies generated code needs, with the features
/// and profile the workspace gives them, so that a build sharing its target reuses them.
const MANIFEST: &str = r#"[package]
name = "unbind-shape-fixtures"
version = "0.1.0"
edition = "2024"
publish = false

# Its own workspace: not a member of the one that runs this test.
[workspace]

[dependencies]
progenitor-client = "=0.15.1"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

[profile.dev]
debug = "line-tables-only"

[profile.dev.package."*"]
debug = false
"#;

#[test]
fn every_shape_fixture_builds_and_decodes_its_documented_answers() {
    let specs: Vec<(String, String)> = SHAPES
        .iter()
        .map(|name| {
            (
                format!("upstream/{name}.json"),
                fixture(&format!("shapes/{name}.json")),
            )
        })
        .collect();
    let specs: Vec<(&str, &str)> = specs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let generated = workspace(&specs);
    let (code, _, err) = xtask(generated.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");

    // Kept between runs (target/tmp), files written only when they change: cargo builds the
    // crate again only when a fixture or the generator changed.
    let app = xtask::scratch::Scratch::new("shape-fixtures").unwrap();
    let write = |name: &str, text: &[u8]| {
        xtask::scratch::write_if_changed(&app.path().join(name), text).unwrap();
    };
    write("Cargo.toml", MANIFEST.as_bytes());
    write(
        "Cargo.lock",
        &std::fs::read(xtask::workspace_root().join("Cargo.lock")).unwrap(),
    );
    write("src/main.rs", fixture("shapes/main.rs").as_bytes());
    for name in SHAPES {
        let path = format!("crates/{name}-client/src/generated.rs");
        write(
            &format!("src/{name}.rs"),
            &std::fs::read(generated.path().join(path)).unwrap(),
        );
    }

    let stdout = cargo_ok(
        app.path(),
        &["run", "--offline", "--quiet"],
        "the fixtures' clients must build and run",
    );
    // Each documented body decoded into its type; the 204 beside a JSON 200 comes back as
    // UnexpectedResponse with its status, as `generate`'s note says; JSON is the body sent.
    let expected = r#"default_beside_success DELETE /users/u1/identities/github HTTP/1.1 -> 200: Ok 200 [Identity { provider: "github", user_id: "123" }]
default_beside_success DELETE /users/u1/identities/github HTTP/1.1 -> 204: UnexpectedResponse 204
default_beside_success DELETE /users/u1/identities/github HTTP/1.1 -> 404: ErrorResponse 404 Error { error: "Not Found", error_code: None, message: "no such identity", status_code: 404 }
default_beside_success DELETE /users/u1/identities/github HTTP/1.1 -> 503: ErrorResponse 503 Error { error: "Service Unavailable", error_code: Some("busy"), message: "try later", status_code: 503 }
three_error_bodies DELETE /identities/i1/credentials/password HTTP/1.1 -> 204: Ok 204 ()
three_error_bodies DELETE /identities/i1/credentials/password HTTP/1.1 -> 400: ErrorResponse 400 ValidationError(ValidationError { errors: [ValidationErrorErrorsItem { field: "type", message: "unknown credential type" }] })
three_error_bodies DELETE /identities/i1/credentials/password HTTP/1.1 -> 401: ErrorResponse 401 OAuthError(OAuthError { error: "invalid_token", error_description: None })
three_error_bodies DELETE /identities/i1/credentials/password HTTP/1.1 -> 500: ErrorResponse 500 ServerError(ServerError { code: 500, message: "boom", request_id: Some("r-1") })
no_operation_ids GET /users/7/identities HTTP/1.1 -> 200: Ok 200 [LinkedAccount { extern_uid: "42", provider: "github" }]
no_operation_ids GET /users/7/identities HTTP/1.1 -> 404: ErrorResponse 404 Message { message: "404 User Not Found" }
no_operation_ids DELETE /users/7/identities/github HTTP/1.1 -> 204: Ok 204 ()
no_operation_ids DELETE /users/7/identities/github HTTP/1.1 -> 404: ErrorResponse 404 Message { message: "404 Not found" }
two_media_types POST /oauth/revoke HTTP/1.1 (application/json {"client_id":"app-1","token":"rt-1"}) -> 200: Ok 200 Revoked { revoked: true }
two_media_types POST /oauth/revoke HTTP/1.1 (application/json {"client_id":"app-1","token":"rt-1"}) -> 400: ErrorResponse 400 OAuthError { error: "unsupported_token_type", error_description: None }
"#;
    assert_eq!(stdout, expected);
}
