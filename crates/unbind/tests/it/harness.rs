//! What the fault-injection tests share: one enum over the three providers, each with its
//! client built against a loopback server, its unbind path, its success and error answers,
//! and a scripted responder that counts the attempts it sees.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use unbind::auth::SecretString;
use unbind::auth::manta::Credentials;
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::manta::{MantaClient, MantaSettings};
use unbind::oneaccess::{OneAccessClient, OneAccessSettings};
use unbind::{CallSettings, Error, RetryPolicy, UnbindOutcome};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use unbind_test_fixtures::device;

use crate::common::{PUBLIC_KEYS, cloudbase_not_found, manta_ok};

/// The bearer token (Manta, CloudBase) or session token (OneAccess) of every client here.
///
/// It starts with a letter no `{:?}` escape ends in (`\t`, `\n`, `\r`, `\0`, `\u{…}`), so
/// finding it in a `Debug` text means it is really there: with `tok-…`, a tab followed by
/// `ok-SECRET-123` would print as `\tok-SECRET-123`.
pub(crate) const TOKEN: &str = "Tok-SECRET-123";
/// The Manta API secret, sent in every Manta body.
pub(crate) const MANTA_SECRET: &str = "Api-SECRET-456";

/// The three providers, for tests that loop over them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum P {
    Manta,
    OneAccess,
    CloudBase,
}

pub(crate) const ALL: [P; 3] = [P::Manta, P::OneAccess, P::CloudBase];

/// A retry policy for tests: `max_retries` retries, backoff from `min_delay` doubling, no
/// jitter (so waits can be asserted), nothing else in the way.
pub(crate) fn policy(max_retries: usize, min_delay_ms: u64) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        min_delay: Duration::from_millis(min_delay_ms),
        max_delay: Duration::from_secs(5),
        max_total: Duration::from_secs(30),
        max_retry_after: Duration::from_secs(60),
        jitter: false,
    }
}

/// Call settings with `retry` and otherwise the defaults.
pub(crate) fn settings(retry: RetryPolicy) -> CallSettings {
    CallSettings {
        retry,
        ..CallSettings::default()
    }
}

pub(crate) fn manta(base: &str, call: CallSettings) -> MantaClient {
    MantaClient::with_settings(
        base,
        "bot-1",
        Credentials::new(SecretString::from(MANTA_SECRET)).with_token(SecretString::from(TOKEN)),
        MantaSettings {
            call,
            ..MantaSettings::default()
        },
    )
    .unwrap()
}

pub(crate) fn oneaccess(base: &str, call: CallSettings) -> OneAccessClient {
    OneAccessClient::with_settings(
        base,
        device(),
        SecretString::from(TOKEN),
        OneAccessSettings {
            call,
            ..OneAccessSettings::default()
        },
    )
    .unwrap()
}

pub(crate) fn cloudbase(base: &str, call: CallSettings) -> CloudBaseClient {
    CloudBaseClient::with_settings(
        base,
        SecretString::from(TOKEN),
        CloudBaseSettings {
            call,
            ..CloudBaseSettings::default()
        },
    )
    .unwrap()
}

impl P {
    pub(crate) fn name(self) -> &'static str {
        match self {
            P::Manta => "MantaGo",
            P::OneAccess => "OneAccess",
            P::CloudBase => "CloudBase",
        }
    }

    pub(crate) fn provider(self) -> unbind::Provider {
        match self {
            P::Manta => unbind::Provider::Manta,
            P::OneAccess => unbind::Provider::OneAccess,
            P::CloudBase => unbind::Provider::CloudBase,
        }
    }

    /// The method and path of this provider's unbind call.
    pub(crate) fn unbind_route(self) -> (&'static str, &'static str) {
        match self {
            P::Manta => ("POST", "/openapi/unbind/customer"),
            P::OneAccess => ("POST", "/api/v2/sdk/social/unbind-account"),
            P::CloudBase => ("DELETE", "/auth/v1/user/provider/github"),
        }
    }

    /// The operation name the retry log uses for unbind.
    pub(crate) fn unbind_operation(self) -> &'static str {
        match self {
            P::Manta => "unbind_customer",
            P::OneAccess => "unbind_social_account",
            P::CloudBase => "unbind_provider",
        }
    }

    /// The secrets this provider's client holds (and must never show).
    pub(crate) fn secrets(self) -> &'static [&'static str] {
        match self {
            P::Manta => &[TOKEN, MANTA_SECRET],
            P::OneAccess | P::CloudBase => &[TOKEN],
        }
    }

    /// Unbinds this provider's test account with a client built for `base` and `call`.
    pub(crate) async fn unbind(
        self,
        base: &str,
        call: CallSettings,
    ) -> Result<UnbindOutcome, Error> {
        match self {
            P::Manta => manta(base, call).unbind("client-9", "customer-42").await,
            P::OneAccess => {
                oneaccess(base, call)
                    .unbind("001GKgGa15HGZA0aOxIa1bFktp1GKgG4")
                    .await
            }
            P::CloudBase => cloudbase(base, call).unbind("github").await,
        }
    }

    /// The documented success answer of unbind.
    pub(crate) fn ok(self) -> ResponseTemplate {
        match self {
            P::Manta => ResponseTemplate::new(200).set_body_json(manta_ok()),
            P::OneAccess => ResponseTemplate::new(200).set_body_json("success"),
            P::CloudBase => ResponseTemplate::new(200).set_body_json(json!({})),
        }
    }

    /// This provider's JSON error body with `code` and `message`.
    pub(crate) fn error_json(self, code: i64, message: &str) -> Value {
        match self {
            P::Manta => {
                json!({"success": false, "errResponse": {"code": code, "message": message}})
            }
            P::OneAccess => {
                json!({"error_code": format!("SDK.COMMON.{code}"), "error_msg": message})
            }
            P::CloudBase => {
                json!({"error": "some_error", "error_code": code, "error_description": message})
            }
        }
    }

    /// The provider's own error answer with `status`, `code` and `message`.
    pub(crate) fn error(self, status: u16, code: i64, message: &str) -> ResponseTemplate {
        ResponseTemplate::new(status).set_body_json(self.error_json(code, message))
    }

    /// The `code` a [`P::error_json`] body decodes to.
    pub(crate) fn code(self, code: i64) -> String {
        match self {
            P::OneAccess => format!("SDK.COMMON.{code}"),
            P::Manta | P::CloudBase => code.to_string(),
        }
    }

    /// The answer each provider gives when the binding is already gone.
    pub(crate) fn not_bound(self) -> ResponseTemplate {
        match self {
            P::Manta => ResponseTemplate::new(404).set_body_json(
                json!({"success": false, "errResponse": {"code": 60002, "message": "unbind customer failed"}}),
            ),
            P::OneAccess => ResponseTemplate::new(400).set_body_json(
                json!({"error_code": "APP.0001", "error_msg": "The social account does not exist."}),
            ),
            P::CloudBase => ResponseTemplate::new(404).set_body_json(
                cloudbase_not_found(),
            ),
        }
    }

    /// A server that answers this provider's unbind with `responder` (and, for OneAccess,
    /// hands out the public key and the server time as well).
    pub(crate) async fn server(self, responder: impl Respond + 'static) -> MockServer {
        let server = MockServer::start().await;
        self.mount(&server, responder).await;
        server
    }

    /// Mounts `responder` on this provider's unbind route (and the OneAccess key and time).
    pub(crate) async fn mount(self, server: &MockServer, responder: impl Respond + 'static) {
        if self == P::OneAccess {
            mount_signing(server).await;
        }
        let (verb, at) = self.unbind_route();
        Mock::given(method(verb))
            .and(path(at))
            .respond_with(responder)
            .mount(server)
            .await;
    }
}

/// Mounts the OneAccess public key and server time on `server`.
pub(crate) async fn mount_signing(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/api/v2/sdk/public-key"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"public_key": PUBLIC_KEYS[0].1})),
        )
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/sdk/server-date"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"timestamp": now_millis().to_string()})),
        )
        .mount(server)
        .await;
}

pub(crate) fn now_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

/// Answers the n-th request with `steps[n]`, and every request past the end with the last
/// step; counts the requests it answered.
#[derive(Clone)]
pub(crate) struct Script {
    steps: Arc<Vec<ResponseTemplate>>,
    hits: Arc<AtomicUsize>,
}

impl Script {
    pub(crate) fn new(steps: impl IntoIterator<Item = ResponseTemplate>) -> Self {
        let steps: Vec<_> = steps.into_iter().collect();
        assert!(!steps.is_empty(), "a script needs at least one answer");
        Self {
            steps: Arc::new(steps),
            hits: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// The same answer forever.
    pub(crate) fn always(answer: ResponseTemplate) -> Self {
        Self::new([answer])
    }

    /// A handle on the number of requests answered, usable after the script is mounted.
    pub(crate) fn counter(&self) -> Attempts {
        Attempts(Arc::clone(&self.hits))
    }
}

impl Respond for Script {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.hits.fetch_add(1, Ordering::SeqCst);
        self.steps[n.min(self.steps.len() - 1)].clone()
    }
}

/// How many requests a [`Script`] (or a hand-written server) has answered.
#[derive(Clone, Default)]
pub(crate) struct Attempts(Arc<AtomicUsize>);

impl Attempts {
    /// Counts one more.
    pub(crate) fn bump(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    pub(crate) fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// Whether `text` holds any of `provider`'s secrets.
pub(crate) fn leaks(provider: P, text: &str) -> bool {
    provider.secrets().iter().any(|s| text.contains(s))
}
