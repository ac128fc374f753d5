//! Shared by the fake's tests: starting a recording fake, and checking every answer it gave
//! against the provider's spec.

use std::path::PathBuf;

use unbind_conformance::Body;
use unbind_conformance::conformance::{Spec, load_spec};
use unbind_fake::{Fake, Seed};
use unbind_test_fixtures::keys;

/// A fake with the demo seed and the fixtures' test key that records every exchange.
pub(crate) async fn demo() -> Fake {
    seeded(with_test_key(Seed::demo())).await
}

/// `seed` with the fixtures' test private key as OneAccess's. Without one the fake generates an
/// RSA-2048 key at its first OneAccess call, which takes most of a second in a debug build: the
/// tests that want a generated key (an unknown one) say so.
pub(crate) fn with_test_key(mut seed: Seed) -> Seed {
    seed.oneaccess.private_key_pem = Some(keys::PRIVATE_KEY_PEM.to_owned());
    seed
}

/// A recording fake with `seed`.
pub(crate) async fn seeded(seed: Seed) -> Fake {
    Fake::builder()
        .seed(seed)
        .record_exchanges(true)
        .start()
        .await
        .expect("the fake starts")
}

/// The spec of `provider` in `specs/`.
pub(crate) fn spec(provider: &str) -> Spec {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../specs")
        .join(format!("{provider}.yaml"));
    Spec::new(load_spec(&path).expect("spec loads")).expect("spec indexes")
}

/// Checks every answer the fake gave for `provider` against its spec, and returns how many
/// there were with their operations. Requests that match no operation fail the check; a
/// request that matches one but breaks its rules (a test sending a bad request on purpose)
/// still has its answer checked.
pub(crate) fn answers_conform(fake: &Fake, provider: &str) -> Vec<(String, u16)> {
    let spec = spec(provider);
    let mut seen = Vec::new();
    let mut failures = Vec::new();
    for exchange in fake.exchanges().iter().filter(|e| e.provider == provider) {
        let request = exchange.request();
        let operation = match spec.check(&request) {
            Ok(id) => id,
            Err(violations) => match violations.iter().find_map(|v| v.operation.clone()) {
                Some(id) => id,
                None => {
                    failures.push(format!(
                        "{} {}: matches no operation",
                        request.method, request.path
                    ));
                    continue;
                }
            },
        };
        if let Err(violations) = spec.check_response(
            &operation,
            exchange.status,
            exchange.content_type.as_deref(),
            &Body::from_bytes(&exchange.response_body),
        ) {
            failures.extend(
                violations
                    .iter()
                    .map(|v| format!("{}: {v}", exchange.status)),
            );
        }
        seen.push((operation, exchange.status));
    }
    assert!(
        failures.is_empty(),
        "answers that do not conform to specs/{provider}.yaml:\n{}",
        failures.join("\n")
    );
    assert!(!seen.is_empty(), "the fake answered nothing for {provider}");
    seen
}

/// A provider error's HTTP status and the provider's own code.
pub(crate) fn status_and_code(error: &unbind::Error) -> (u16, Option<String>) {
    let provider = error.provider_error().expect("a provider error");
    (provider.status, provider.code.clone())
}
