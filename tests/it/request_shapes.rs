//! Request-shape snapshots: every operation of every spec, called through the facade with
//! fixed test credentials, as it arrived on a loopback recorder (`conformance.rs` checks the
//! same requests against the specs).
//!
//! Only the OneAccess `X-signature` is redacted: RSA-OAEP padding is random. The redaction
//! first checks that the value is the Base64 of one 2048-bit RSA block. Everything else is
//! deterministic: the clock and the random sources (nonce, `x-request-id`) are fixed.

use base64::Engine as _;
use unbind_tests::{Variant, endpoint, record, shape};

/// Snapshots the request that is `operation` as `<provider>__<operation>[__all_optional]`.
async fn check_shape(provider: &str, operation: &str, variant: Variant) {
    let (method, path) = endpoint(provider, operation);
    let requests = record(provider, operation, variant).await;
    let matching: Vec<_> = requests
        .iter()
        .filter(|r| r.method == method && r.path == path)
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "{provider} {operation}: expected one {method} {path}"
    );
    let name = format!(
        "request_shapes__{provider}__{operation}{}",
        variant.suffix()
    );
    crate::snapshots().bind(|| {
        insta::assert_json_snapshot!(name, shape(matching[0]), {
            r#".headers["x-signature"]"# => insta::dynamic_redaction(|value, _| {
                let text = value.as_str().expect("X-signature is text");
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .expect("X-signature is standard Base64");
                assert_eq!(bytes.len(), 256, "X-signature is one RSA-2048 block");
                "[RSA-OAEP ciphertext: 256 bytes, Base64]"
            }),
        })
    });
}

macro_rules! shapes {
    ($($test:ident: $provider:literal $operation:literal $variant:ident;)*) => {
        $(
            #[tokio::test]
            async fn $test() {
                check_shape($provider, $operation, Variant::$variant).await;
            }
        )*
    };
}

shapes! {
    manta_get_api_token: "manta" "get_api_token" Required;
    manta_bind_customer: "manta" "bind_customer" Required;
    manta_unbind_customer: "manta" "unbind_customer" Required;
    manta_list_clients: "manta" "list_clients" Required;
    manta_list_clients_all_optional: "manta" "list_clients" AllOptional;
    manta_get_client: "manta" "get_client" Required;
    manta_get_client_all_optional: "manta" "get_client" AllOptional;

    oneaccess_get_server_date: "oneaccess" "get_server_date" Required;
    oneaccess_get_server_date_all_optional: "oneaccess" "get_server_date" AllOptional;
    oneaccess_get_public_key: "oneaccess" "get_public_key" Required;
    oneaccess_get_public_key_all_optional: "oneaccess" "get_public_key" AllOptional;
    oneaccess_login: "oneaccess" "login" Required;
    oneaccess_login_all_optional: "oneaccess" "login" AllOptional;
    oneaccess_list_social_accounts: "oneaccess" "list_social_accounts" Required;
    oneaccess_list_social_accounts_all_optional: "oneaccess" "list_social_accounts" AllOptional;
    oneaccess_unbind_social_account: "oneaccess" "unbind_social_account" Required;
    oneaccess_unbind_social_account_all_optional: "oneaccess" "unbind_social_account" AllOptional;
    oneaccess_bind_social_account: "oneaccess" "bind_social_account" Required;
    oneaccess_bind_social_account_all_optional: "oneaccess" "bind_social_account" AllOptional;
    oneaccess_register_and_bind_social_account: "oneaccess" "register_and_bind_social_account" Required;
    oneaccess_register_and_bind_social_account_all_optional: "oneaccess" "register_and_bind_social_account" AllOptional;

    cloudbase_list_bound_providers: "cloudbase" "list_bound_providers" Required;
    cloudbase_unbind_provider: "cloudbase" "unbind_provider" Required;
    cloudbase_unbind_provider_all_optional: "cloudbase" "unbind_provider" AllOptional;
    cloudbase_bind_provider: "cloudbase" "bind_provider" Required;
    cloudbase_bind_provider_all_optional: "cloudbase" "bind_provider" AllOptional;
    cloudbase_get_provider_token: "cloudbase" "get_provider_token" Required;
    cloudbase_get_provider_token_all_optional: "cloudbase" "get_provider_token" AllOptional;
    cloudbase_get_provider_auth_uri: "cloudbase" "get_provider_auth_uri" Required;
    cloudbase_get_provider_auth_uri_all_optional: "cloudbase" "get_provider_auth_uri" AllOptional;
}
