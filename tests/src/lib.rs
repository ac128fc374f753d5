//! The harness behind the workspace tests: it drives every operation of every spec through
//! the `unbind` facade against a [`Recorder`], with fixed test credentials, so that the
//! request-shape snapshots, the conformance checks and the documented examples share one
//! way of making each call.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};
use unbind::auth::SecretString;
use unbind::auth::cloudbase::DeviceId;
use unbind::auth::manta::Credentials;
use unbind::auth::oneaccess::DeviceProfile;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::manta::{ListQuery, MantaClient, MantaSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessLogin, OneAccessSettings};
use unbind::runtime::test_util::CountingRandom;
use unbind::runtime::test_util::FixedClock;
use unbind::{CallSettings, RetryPolicy};
use unbind_conformance::conformance::Spec;
use unbind_conformance::{Body, RecordedRequest, Recorder};

/// The providers, named as their spec files are.
pub const PROVIDERS: [&str; 3] = ["cloudbase", "manta", "oneaccess"];

/// Fixed test credentials: not secrets, and visible in the snapshots on purpose.
pub mod credentials {
    /// MantaGo bot.
    pub const MANTA_BOT: &str = "bot-test-1";
    /// MantaGo API token.
    pub const MANTA_TOKEN: &str = "test-manta-jwt";
    /// MantaGo API secret.
    pub const MANTA_SECRET: &str = "test-manta-secret";
    /// OneAccess session token.
    pub const ONEACCESS_SESSION: &str = "test-oneaccess-session";
    /// OneAccess state token of a social login.
    pub const ONEACCESS_STATE: &str = "test-oneaccess-state";
    /// CloudBase access token.
    pub const CLOUDBASE_TOKEN: &str = "test-cloudbase-access-token";
    /// CloudBase device id.
    pub const CLOUDBASE_DEVICE: &str = "0123456789abcdef0123456789abcdef";
}
use credentials::*;

/// The OneAccess test key pair's public half (the private half decrypts signatures in tests).
pub const PUBLIC_KEY: &str = unbind_test_fixtures::keys::PUBLIC_KEY_PEM;
/// The OneAccess server time every test server answers.
pub const SERVER_TIME: &str = "1700000000123";

/// Whether a call sets only what an operation requires, or every optional input too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Only the required inputs.
    Required,
    /// Every optional parameter, header and body field set as well.
    AllOptional,
}

impl Variant {
    /// The suffix of this variant's snapshot name.
    pub fn suffix(self) -> &'static str {
        match self {
            Variant::Required => "",
            Variant::AllOptional => "__all_optional",
        }
    }
}

/// `specs/<provider>.yaml`.
pub fn spec_path(provider: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(format!("{provider}.yaml"))
}

/// `specs/<provider>.yaml` as a JSON value.
pub fn spec_document(provider: &str) -> Value {
    unbind_conformance::conformance::load_spec(&spec_path(provider))
        .unwrap_or_else(|e| panic!("specs/{provider}.yaml: {e}"))
}

/// The conformance checker for `provider`'s spec.
pub fn spec(provider: &str) -> Spec {
    Spec::new(spec_document(provider)).unwrap_or_else(|e| panic!("specs/{provider}.yaml: {e}"))
}

/// A documented success answer for every operation of `provider`, so any call can run.
pub async fn answer_success(provider: &str, recorder: &Recorder) {
    let answers: Vec<(&str, &str, Value)> = match provider {
        "manta" => vec![
            (
                "POST",
                "/openapi/token",
                json!({"success": true, "message": "ok", "apiToken": "test-manta-jwt-2", "apiSecret": "test-manta-secret-2"}),
            ),
            (
                "POST",
                "/openapi/bind/customer",
                json!({"success": true, "message": "ok"}),
            ),
            (
                "POST",
                "/openapi/unbind/customer",
                json!({"success": true, "message": "ok"}),
            ),
            (
                "POST",
                "/openapi/clients",
                json!({"success": true, "message": "ok", "clientList": {"list": [{"clientId": "client-uuid-1", "platform": "line"}], "next": null}}),
            ),
            (
                "POST",
                "/openapi/client/client-uuid-1",
                json!({"success": true, "message": "ok", "client": {"clientId": "client-uuid-1", "platform": "line"}}),
            ),
        ],
        "oneaccess" => vec![
            (
                "GET",
                "/api/v2/sdk/public-key",
                json!({"public_key": PUBLIC_KEY}),
            ),
            (
                "GET",
                "/api/v2/sdk/server-date",
                json!({"timestamp": SERVER_TIME}),
            ),
            (
                "POST",
                "/api/v2/sdk/login",
                json!({"session_token": ONEACCESS_SESSION, "id_token": "test-id-token", "expire": 7200}),
            ),
            (
                "GET",
                "/api/v2/sdk/social",
                json!({"social": [{"id": "001GKgGa15HGZA0aOxIa1bFktp1GKgG4", "socialType": "weixin", "social_uid": "u1"}]}),
            ),
            (
                "POST",
                "/api/v2/sdk/social/bind",
                json!({"session_token": ONEACCESS_SESSION, "expire": 7200}),
            ),
            (
                "POST",
                "/api/v2/sdk/social/register-bind",
                json!({"session_token": ONEACCESS_SESSION, "expire": 7200}),
            ),
        ],
        "cloudbase" => vec![
            (
                "GET",
                "/auth/v1/user/provider",
                json!({"total": 1, "data": [{"id": "github", "name": "GitHub", "bind": true}]}),
            ),
            ("DELETE", "/auth/v1/user/provider/github", json!({})),
            ("POST", "/auth/v1/user/provider/bind", json!({})),
            (
                "POST",
                "/auth/v1/provider/token",
                json!({"provider_token": "test-provider-token", "expires_in": 600, "provider_profile": {"name": "octocat"}}),
            ),
            (
                "GET",
                "/auth/v1/provider/uri",
                json!({"uri": "https://github.com/login/oauth/authorize?client_id=x"}),
            ),
        ],
        other => panic!("no such provider {other}"),
    };
    for (method, path, body) in answers {
        recorder
            .answer(method, path, 200, body)
            .await
            .expect("a valid answer");
    }
    if provider == "oneaccess" {
        recorder
            .answer_raw(
                "POST",
                "/api/v2/sdk/social/unbind-account",
                200,
                "",
                "text/plain",
            )
            .await
            .expect("a valid answer");
    }
}

/// Performs `operation` of `provider` through the facade against `base`; on success, the
/// decoded answer as debug text.
pub async fn drive(
    provider: &str,
    operation: &str,
    variant: Variant,
    base: &str,
) -> Result<String, unbind::Error> {
    match provider {
        "manta" => drive_manta(operation, variant, base).await,
        "oneaccess" => drive_oneaccess(operation, variant, base).await,
        "cloudbase" => drive_cloudbase(operation, variant, base).await,
        other => panic!("no such provider {other}"),
    }
}

// One driver per provider: each maps operation names to its own client's calls.
async fn drive_manta(
    operation: &str,
    variant: Variant,
    base: &str,
) -> Result<String, unbind::Error> {
    let client = MantaClient::with_settings(
        base,
        MANTA_BOT,
        Credentials::new(SecretString::from(MANTA_SECRET))
            .with_token(SecretString::from(MANTA_TOKEN)),
        MantaSettings {
            call: call_settings(),
            ..MantaSettings::default()
        },
    )?;
    let all = variant == Variant::AllOptional;
    Ok(match operation {
        "get_api_token" => format!("{:?}", client.refresh().await?.credentials()),
        "bind_customer" => format!("{:?}", client.bind("client-uuid-1", "customer-42").await?),
        "unbind_customer" => format!("{:?}", client.unbind("client-uuid-1", "customer-42").await?),
        "list_clients" => {
            let query = if all {
                ListQuery {
                    customer_id: Some("customer-42".into()),
                    platform: Some("line".into()),
                    name: Some("Support".into()),
                    start_at: Some(1_704_067_200_000),
                    end_at: Some(1_735_689_599_999),
                    limit: Some(20),
                    offset: Some(40),
                    next: Some("cursor-2".into()),
                }
            } else {
                ListQuery::default()
            };
            format!("{:?}", client.list(&query).await?)
        }
        "get_client" => {
            let (platform_client_id, platform) = if all {
                (Some("U1234567890"), Some("line"))
            } else {
                (None, None)
            };
            format!(
                "{:?}",
                client
                    .get_client("client-uuid-1", platform_client_id, platform)
                    .await?
            )
        }
        other => panic!("manta has no operation {other}"),
    })
}

/// No retries: each call is one request, so what a test serves is what the facade decodes.
pub fn call_settings() -> CallSettings {
    CallSettings {
        retry: RetryPolicy::never(),
        ..CallSettings::default()
    }
}

/// The device profile: the required headers, or every header.
pub fn device(variant: Variant) -> DeviceProfile {
    match variant {
        Variant::Required => unbind_test_fixtures::device(),
        Variant::AllOptional => DeviceProfile {
            tenant_id: Some("08f770f51f80d2f40f38c00cb199fd21".into()),
            ..unbind_test_fixtures::device_with_ip_and_language()
        },
    }
}

/// Settings with a fixed clock 1 000 123 ms behind the test server's.
pub fn oneaccess_settings() -> OneAccessSettings {
    OneAccessSettings {
        clock: Arc::new(FixedClock::new(1_699_999_000_000)),
        random: Arc::new(CountingRandom::new(1)),
        call: call_settings(),
        ..OneAccessSettings::default()
    }
}

async fn drive_oneaccess(
    operation: &str,
    variant: Variant,
    base: &str,
) -> Result<String, unbind::Error> {
    let device = device(variant);
    let settings = oneaccess_settings();
    let state = SecretString::from(ONEACCESS_STATE);
    let client = || {
        OneAccessClient::with_settings(
            base,
            device.clone(),
            SecretString::from(ONEACCESS_SESSION),
            oneaccess_settings(),
        )
    };
    Ok(match operation {
        // The key and the server time are fetched by the first signed call.
        "get_public_key" | "get_server_date" | "unbind_social_account" => {
            format!(
                "{:?}",
                client()?.unbind("001GKgGa15HGZA0aOxIa1bFktp1GKgG4").await?
            )
        }
        "list_social_accounts" => format!("{:?}", client()?.list().await?),
        "login" => {
            let password = SecretString::from("test-password");
            OneAccessLogin::new(base, device, settings)?
                .login("alice", &password)
                .await?;
            "a client for the new session".to_owned()
        }
        "bind_social_account" => format!(
            "{:?}",
            OneAccessLogin::new(base, device, settings.clone())?
                .bind(&state, "13800000000", "123456")
                .await?
        ),
        "register_and_bind_social_account" => format!(
            "{:?}",
            OneAccessLogin::new(base, device, settings.clone())?
                .register_and_bind(&state, "13800000000", "123456")
                .await?
        ),
        other => panic!("oneaccess has no operation {other}"),
    })
}

async fn drive_cloudbase(
    operation: &str,
    variant: Variant,
    base: &str,
) -> Result<String, unbind::Error> {
    let all = variant == Variant::AllOptional;
    let client = CloudBaseClient::with_settings(
        base,
        SecretString::from(CLOUDBASE_TOKEN),
        CloudBaseSettings {
            device_id: Some(DeviceId::new(CLOUDBASE_DEVICE)?),
            random: Some(Arc::new(CountingRandom::new(2))),
            client_id: all.then(|| "test-client-id".to_owned()),
            with_user_center: all.then_some(true),
            call: call_settings(),
        },
    )?;
    let api = client.api();
    let device = CLOUDBASE_DEVICE;
    Ok(match operation {
        "list_bound_providers" => format!("{:?}", client.list().await?),
        "unbind_provider" => format!("{:?}", client.unbind("github").await?),
        "bind_provider" => format!(
            "{:?}",
            client
                .bind(&SecretString::from("test-provider-token"))
                .await?
        ),
        "get_provider_token" => {
            let mut body = cloudbase_client::types::ProviderTokenRequest {
                provider_id: "github".into(),
                provider_code: Some("oauth-code-1".into()),
                provider_access_token: None,
                provider_id_token: None,
                provider_redirect_uri: None,
            };
            let mut call = api.get_provider_token().x_device_id(device);
            if all {
                body.provider_redirect_uri = Some("https://app.example.com/callback".into());
                body.provider_access_token = Some("third-party-access-token".into());
                body.provider_id_token = Some("third-party-id-token".into());
                call = call.client_id("test-client-id");
            }
            format!("{:?}", generated(call.body(body).send().await)?)
        }
        "get_provider_auth_uri" => {
            let mut call = api
                .get_provider_auth_uri()
                .provider_id("github")
                .x_device_id(device);
            if all {
                call = call
                    .client_id("test-client-id")
                    .redirect_uri("https://app.example.com/callback")
                    .response_type("code")
                    .scope("read:user")
                    .state("state-123");
            }
            format!("{:?}", generated(call.send().await)?)
        }
        other => panic!("cloudbase has no operation {other}"),
    })
}

/// A generated call's outcome with the error flattened to text, for calls the facade does
/// not wrap (the CloudBase pre-login calls).
fn generated<T, E: std::fmt::Debug>(
    outcome: Result<cloudbase_client::ResponseValue<T>, cloudbase_client::Error<E>>,
) -> Result<T, unbind::Error> {
    outcome
        .map(cloudbase_client::ResponseValue::into_inner)
        .map_err(|e| unbind::Error::InvalidInput {
            field: "generated call".into(),
            reason: format!("{e:?}"),
        })
}

/// The method and path [`drive`] sends `operation` of `provider` to (its ids are fixed).
pub fn endpoint(provider: &str, operation: &str) -> (&'static str, &'static str) {
    match (provider, operation) {
        ("manta", "get_api_token") => ("POST", "/openapi/token"),
        ("manta", "bind_customer") => ("POST", "/openapi/bind/customer"),
        ("manta", "unbind_customer") => ("POST", "/openapi/unbind/customer"),
        ("manta", "list_clients") => ("POST", "/openapi/clients"),
        ("manta", "get_client") => ("POST", "/openapi/client/client-uuid-1"),
        ("oneaccess", "get_server_date") => ("GET", "/api/v2/sdk/server-date"),
        ("oneaccess", "get_public_key") => ("GET", "/api/v2/sdk/public-key"),
        ("oneaccess", "login") => ("POST", "/api/v2/sdk/login"),
        ("oneaccess", "list_social_accounts") => ("GET", "/api/v2/sdk/social"),
        ("oneaccess", "unbind_social_account") => ("POST", "/api/v2/sdk/social/unbind-account"),
        ("oneaccess", "bind_social_account") => ("POST", "/api/v2/sdk/social/bind"),
        ("oneaccess", "register_and_bind_social_account") => {
            ("POST", "/api/v2/sdk/social/register-bind")
        }
        ("cloudbase", "list_bound_providers") => ("GET", "/auth/v1/user/provider"),
        ("cloudbase", "unbind_provider") => ("DELETE", "/auth/v1/user/provider/github"),
        ("cloudbase", "bind_provider") => ("POST", "/auth/v1/user/provider/bind"),
        ("cloudbase", "get_provider_token") => ("POST", "/auth/v1/provider/token"),
        ("cloudbase", "get_provider_auth_uri") => ("GET", "/auth/v1/provider/uri"),
        _ => panic!("{provider} has no operation {operation}"),
    }
}

/// Starts a recorder that answers every operation of `provider`, performs `operation`, and
/// returns every request the call made.
pub async fn record(provider: &str, operation: &str, variant: Variant) -> Vec<RecordedRequest> {
    let recorder = Recorder::start().await;
    answer_success(provider, &recorder).await;
    if let Err(e) = drive(provider, operation, variant, &recorder.uri()).await {
        panic!("{provider} {operation}: the call failed: {e}");
    }
    recorder.requests().await
}

/// The shape of a request for a snapshot: query and headers as maps (each header must arrive
/// once), the body as JSON, text or null.
pub fn shape(request: &RecordedRequest) -> Value {
    let mut headers = serde_json::Map::new();
    for (name, value) in &request.headers {
        let previous = headers.insert(name.clone(), Value::String(value.clone()));
        assert!(previous.is_none(), "header {name} arrived more than once");
    }
    let mut query = serde_json::Map::new();
    for (name, value) in &request.query {
        let previous = query.insert(name.clone(), Value::String(value.clone()));
        assert!(
            previous.is_none(),
            "query parameter {name} arrived more than once"
        );
    }
    let body = match &request.body {
        Body::Empty => Value::Null,
        Body::Json(json) => json.clone(),
        Body::Text(text) => Value::String(text.clone()),
    };
    json!({
        "method": request.method,
        "path": request.path,
        "query": query,
        "headers": headers,
        "body": body,
    })
}
