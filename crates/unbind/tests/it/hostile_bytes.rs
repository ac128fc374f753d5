//! Hostile answers: arbitrary bytes, JSON-looking text and provider-shaped JSON with arbitrary
//! values, under an arbitrary status and content type, fed to each provider's unbind (and to
//! CloudBase's and OneAccess's list, whose 200 is parsed). Whatever comes back, the call must
//! return without a panic, and an error's `Display` must be one bounded line that never shows
//! the client's secrets, even when the answer holds them.
//!
//! One runtime, one loopback server and one client per property: each case only swaps the
//! answer the server gives.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::unexpected_200;
use crate::harness::{MANTA_SECRET, P, TOKEN, leaks, settings};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Value, json};
use unbind::{CallSettings, Error, ProviderBody, RetryPolicy, SNIPPET_CHARS, UnbindOutcome};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const STATUSES: [u16; 15] = [
    200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 599,
];
const CONTENT_TYPES: [&str; 7] = [
    "application/json",
    "application/json;charset=utf8",
    "text/plain",
    "text/html; charset=utf-8",
    "application/octet-stream",
    "application/problem+json",
    "",
];
/// Small enough that some generated bodies are over it.
const BODY_LIMIT: usize = 4096;
/// The longest error `Display` accepted: two snippets and their framing.
const MAX_DISPLAY_CHARS: usize = 2 * SNIPPET_CHARS + 300;

/// One generated answer.
#[derive(Clone)]
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// For a 301: send a `Location` (to a path nothing answers; never followed).
    location: bool,
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .field("content_type", &self.content_type)
            .field("body", &String::from_utf8_lossy(&self.body))
            .field("location", &self.location)
            .finish()
    }
}

impl Answer {
    fn template(&self) -> ResponseTemplate {
        let mut template = ResponseTemplate::new(self.status);
        template = if self.content_type.is_empty() {
            template.set_body_bytes(self.body.clone())
        } else {
            template.set_body_raw(self.body.clone(), self.content_type)
        };
        if self.location {
            template = template.insert_header("Location", "/moved-away");
        }
        template
    }
}

/// Answers every request with the current case's answer.
#[derive(Clone, Default)]
struct Current(Arc<Mutex<Option<ResponseTemplate>>>);

impl Current {
    fn set(&self, answer: &Answer) {
        *self.0.lock().unwrap() = Some(answer.template());
    }
}

impl Respond for Current {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        self.0
            .lock()
            .unwrap()
            .clone()
            .unwrap_or_else(|| ResponseTemplate::new(500))
    }
}

/// Strings a hostile answer is made of: the client's secrets, control characters, escapes,
/// Unicode, long runs, and anything at all.
fn text(secrets: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(secrets.to_vec()).prop_map(str::to_owned),
        2 => prop::sample::select(secrets.to_vec())
            .prop_flat_map(|s| (".{0,20}", Just(s), ".{0,20}"))
            .prop_map(|(a, s, b)| format!("{a}{s}{b}")),
        3 => Just("line one\nline two\r\n\t\u{1b}[31mred\u{7}\u{0}".to_owned()),
        1 => Just("provider_not_found".to_owned()),
        1 => Just("The social account does not exist.".to_owned()),
        1 => Just("signature invalid".to_owned()),
        3 => any::<String>(),
        2 => "[ -~]{0,40}",
        1 => "[a-z\n\u{2028}\u{200b}\u{7f}-\u{9f}]{0,60}",
        1 => (1_usize..2000).prop_map(|n| "long ".repeat(n)),
    ]
}

/// Arbitrary JSON values built from [`text`].
fn json_value(secrets: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        Just(json!(60002)),
        Just(json!(4004)),
        text(secrets).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(secrets), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// A field of a provider-shaped object: mostly of the type the schema wants (with a hostile
/// value), sometimes absent, sometimes any JSON value at all.
fn field(
    secrets: &'static [&'static str],
    typed: impl Strategy<Value = Value> + 'static,
) -> BoxedStrategy<Option<Value>> {
    prop_oneof![
        8 => typed.prop_map(Some),
        1 => Just(None),
        1 => json_value(secrets).prop_map(Some),
    ]
    .boxed()
}

fn string(secrets: &'static [&'static str]) -> BoxedStrategy<Option<Value>> {
    field(secrets, text(secrets).prop_map(Value::String))
}

fn integer(secrets: &'static [&'static str]) -> BoxedStrategy<Option<Value>> {
    let typed = prop_oneof![
        Just(json!(60002)),
        Just(json!(4004)),
        Just(json!(1004)),
        any::<i64>().prop_map(|n| json!(n))
    ];
    field(secrets, typed)
}

fn boolean(secrets: &'static [&'static str]) -> BoxedStrategy<Option<Value>> {
    field(secrets, any::<bool>().prop_map(Value::Bool))
}

fn object(fields: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect(),
    )
}

/// JSON in the provider's own shapes (error body, success body, list), each field hostile.
fn shaped(p: P) -> BoxedStrategy<Value> {
    let s = p.secrets();
    match p {
        P::Manta => (
            boolean(s),
            string(s),
            (integer(s), string(s), string(s)),
            prop::option::of(json_value(s)),
        )
            .prop_map(|(success, message, (code, inner, bot), list)| {
                let err = object(vec![("code", code), ("message", inner), ("botId", bot)]);
                object(vec![
                    ("success", success),
                    ("message", message),
                    ("errResponse", Some(err)),
                    ("clientList", list),
                ])
            })
            .boxed(),
        P::OneAccess => {
            let account = (string(s), string(s), string(s)).prop_map(|(id, kind, nick)| {
                object(vec![
                    ("id", id),
                    ("socialType", kind),
                    ("socialNickname", nick),
                ])
            });
            let social = field(
                s,
                prop::collection::vec(account, 0..4).prop_map(Value::Array),
            );
            (string(s), string(s), social)
                .prop_map(|(code, message, social)| {
                    object(vec![
                        ("error_code", code),
                        ("error_msg", message),
                        ("social", social),
                    ])
                })
                .boxed()
        }
        P::CloudBase => {
            let bound = (string(s), string(s), boolean(s)).prop_map(|(id, name, bind)| {
                object(vec![("id", id), ("name", name), ("bind", bind)])
            });
            let data = field(s, prop::collection::vec(bound, 0..4).prop_map(Value::Array));
            ((string(s), integer(s), string(s)), data, integer(s))
                .prop_map(|((error, code, description), data, total)| {
                    object(vec![
                        ("error", error),
                        ("error_code", code),
                        ("error_description", description),
                        ("data", data),
                        ("total", total),
                    ])
                })
                .boxed()
        }
    }
}

/// Bodies: raw bytes (some over the limit), text, arbitrary JSON and provider-shaped JSON
/// (whole, or cut off anywhere), and any of them with a secret spliced in.
fn body(p: P) -> impl Strategy<Value = Vec<u8>> {
    let json_text = prop_oneof![json_value(p.secrets()), shaped(p), shaped(p), shaped(p)]
        .prop_map(|v| v.to_string().into_bytes());
    let cut = (json_text.clone(), any::<prop::sample::Index>()).prop_map(|(mut bytes, at)| {
        if !bytes.is_empty() {
            bytes.truncate(at.index(bytes.len()));
        }
        bytes
    });
    let plain = prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..512),
        1 => prop::collection::vec(any::<u8>(), BODY_LIMIT - 64..BODY_LIMIT + 64),
        1 => text(p.secrets()).prop_map(String::into_bytes),
        5 => json_text,
        1 => cut,
    ];
    (
        plain,
        prop::option::of((
            any::<prop::sample::Index>(),
            prop::sample::select(p.secrets().to_vec()),
        )),
    )
        .prop_map(|(mut bytes, splice)| {
            if let Some((at, secret)) = splice {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, secret.bytes());
            }
            bytes
        })
}

fn answer(p: P) -> impl Strategy<Value = Answer> {
    (
        // Weighted towards 200, the status whose body the most code reads.
        prop_oneof![1 => Just(200_u16), 3 => prop::sample::select(STATUSES.to_vec())],
        prop::sample::select(CONTENT_TYPES.to_vec()),
        body(p),
        any::<bool>(),
    )
        .prop_map(|(status, content_type, body, location)| Answer {
            status,
            content_type,
            body,
            location: location && status == 301,
        })
}

fn call() -> CallSettings {
    CallSettings {
        body_limit: BODY_LIMIT,
        request_timeout: Duration::from_secs(10),
        ..settings(RetryPolicy::never())
    }
}

/// Which call a property makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    Unbind,
    List,
}

/// What a property checks on each outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Property {
    /// What holds today: the call returns; a non-2xx answer is a provider error with its
    /// status, a 2xx is success or an unexpected response with its status; a provider error
    /// shows no secret anywhere (fields, body, `Display`, `Debug`) and its text body is a
    /// bounded single-line snippet; the body snippet of an unexpected response shows no secret.
    Survives,
    /// The whole promise: every error's `Display` and `Debug` hold no secret, and its
    /// `Display` is one line (no control character) of at most [`MAX_DISPLAY_CHARS`].
    CleanBoundedLine,
}

fn is_snippet(text: &str) -> bool {
    text.chars().count() <= SNIPPET_CHARS + 1 && !text.chars().any(char::is_control)
}

fn check(
    p: P,
    property: Property,
    answer: &Answer,
    outcome: &Result<Option<UnbindOutcome>, Error>,
) -> Result<(), TestCaseError> {
    let error = match outcome {
        // "Not bound" is an error status read as done.
        Ok(Some(UnbindOutcome::AlreadyUnbound)) => {
            prop_assert!(!(200..300).contains(&answer.status), "{outcome:?}");
            return Ok(());
        }
        Ok(_) => {
            prop_assert!(
                (200..300).contains(&answer.status),
                "HTTP {} came back as success",
                answer.status
            );
            return Ok(());
        }
        Err(error) => error,
    };
    let display = error.to_string();
    let debug = format!("{error:?}");
    match property {
        Property::Survives => match error {
            Error::Provider(e) => {
                prop_assert_eq!(e.provider, p.provider());
                prop_assert_eq!(e.status, answer.status, "the status is kept");
                prop_assert!(!(200..300).contains(&e.status), "{e:?}");
                for field in [&e.code, &e.kind, &e.message].into_iter().flatten() {
                    prop_assert!(!leaks(p, field), "a field leaks a secret: {field}");
                }
                if let ProviderBody::Text(text) = &e.body {
                    prop_assert!(is_snippet(text), "not a snippet: {text:?}");
                }
                prop_assert!(!leaks(p, &display), "Display leaks a secret: {display}");
                prop_assert!(!leaks(p, &debug), "Debug leaks a secret: {debug}");
            }
            Error::UnexpectedResponse {
                provider,
                status,
                detail,
            } => {
                prop_assert_eq!(*provider, p.provider());
                prop_assert_eq!(*status, Some(answer.status), "the status is kept");
                prop_assert!((200..300).contains(&answer.status), "{detail}");
                if let Some((_, body)) = detail.rsplit_once("; body: ") {
                    prop_assert!(!leaks(p, body), "the body snippet leaks a secret: {body}");
                    prop_assert!(!body.chars().any(char::is_control), "{body:?}");
                } else {
                    let content_type = detail
                        .strip_prefix("the answer's Content-Type is ")
                        .and_then(|rest| rest.strip_suffix(", not JSON"));
                    if let Some(shown) = content_type {
                        prop_assert!(
                            answer.content_type.is_empty() || !answer.content_type.contains("json"),
                            "{detail}"
                        );
                        prop_assert!(!shown.chars().any(char::is_control), "{detail:?}");
                    } else if p == P::Manta && detail.contains("success") {
                        prop_assert_eq!(detail.as_str(), "the answer says \"success\": false");
                    } else {
                        prop_assert_eq!(
                            detail.as_str(),
                            "the answer is over the 4096-byte limit and was not read"
                        );
                    }
                }
            }
            // A redirect is never followed: its status is kept, and the host it names only
            // when there is a Location.
            Error::Redirect {
                provider,
                status,
                host,
                followed,
            } => {
                prop_assert_eq!(*provider, p.provider());
                prop_assert_eq!(*status, answer.status, "the status is kept");
                prop_assert!((300..400).contains(status), "{error:?}");
                prop_assert!(!followed);
                prop_assert_eq!(host.is_some(), answer.location, "{:?}", host);
                prop_assert!(!leaks(p, &display), "Display leaks a secret: {display}");
                prop_assert!(!leaks(p, &debug), "Debug leaks a secret: {debug}");
            }
            other => prop_assert!(
                false,
                "neither a provider error, a redirect nor unexpected: {other:?}"
            ),
        },
        Property::CleanBoundedLine => {
            prop_assert!(!leaks(p, &display), "Display leaks a secret: {display}");
            prop_assert!(!leaks(p, &debug), "Debug leaks a secret: {debug}");
            prop_assert!(
                !display.chars().any(char::is_control),
                "Display holds a control character: {display:?}"
            );
            prop_assert!(
                display.chars().count() <= MAX_DISPLAY_CHARS,
                "Display is {} characters: {display:?}",
                display.chars().count()
            );
        }
    }
    Ok(())
}

/// Runs 64 cases of `call_kind` at `p` against generated answers, checking `property`.
fn hostile(p: P, call_kind: Call, property: Property) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let current = Current::default();
    let server = runtime.block_on(async {
        let server = MockServer::start().await;
        if p == P::OneAccess {
            crate::harness::mount_signing(&server).await;
        }
        let (verb, at) = match (p, call_kind) {
            (_, Call::Unbind) => p.unbind_route(),
            (P::CloudBase, Call::List) => ("GET", "/auth/v1/user/provider"),
            (P::OneAccess, Call::List) => ("GET", "/api/v2/sdk/social"),
            (P::Manta, Call::List) => ("POST", "/openapi/clients"),
        };
        Mock::given(method(verb))
            .and(path(at))
            .respond_with(current.clone())
            .mount(&server)
            .await;
        server
    });
    let base = server.uri();
    let manta = crate::harness::manta(&base, call());
    let oneaccess = crate::harness::oneaccess(&base, call());
    let cloudbase = crate::harness::cloudbase(&base, call());

    // 64 cases unless PROPTEST_CASES asks for more (or fewer).
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let outcome = runner.run(&answer(p), |answer| {
        current.set(&answer);
        let outcome = runtime.block_on(async {
            let call = async {
                match (p, call_kind) {
                    (P::Manta, Call::Unbind) => {
                        manta.unbind("client-9", "customer-42").await.map(Some)
                    }
                    (P::OneAccess, Call::Unbind) => oneaccess.unbind("id-1").await.map(Some),
                    (P::CloudBase, Call::Unbind) => cloudbase.unbind("github").await.map(Some),
                    (P::Manta, Call::List) => manta.list(&Default::default()).await.map(|_| None),
                    (P::OneAccess, Call::List) => oneaccess.list().await.map(|_| None),
                    (P::CloudBase, Call::List) => cloudbase.list().await.map(|_| None),
                }
            };
            tokio::time::timeout(Duration::from_secs(15), call).await
        });
        let outcome = outcome.map_err(|_| TestCaseError::fail("the call did not return"))?;
        check(p, property, &answer, &outcome)
    });
    if let Err(failure) = outcome {
        panic!("{p:?} {call_kind:?} {property:?}: {failure}");
    }
}

// One test per provider, call and property rather than a table: each runs its own proptest and
// fails under its own name.
#[test]
fn manta_unbind_survives_hostile_bytes() {
    hostile(P::Manta, Call::Unbind, Property::Survives);
}

#[test]
fn oneaccess_unbind_survives_hostile_bytes() {
    hostile(P::OneAccess, Call::Unbind, Property::Survives);
}

#[test]
fn cloudbase_unbind_survives_hostile_bytes() {
    hostile(P::CloudBase, Call::Unbind, Property::Survives);
}

#[test]
fn cloudbase_list_survives_hostile_bytes() {
    hostile(P::CloudBase, Call::List, Property::Survives);
}

#[test]
fn oneaccess_list_survives_hostile_bytes() {
    hostile(P::OneAccess, Call::List, Property::Survives);
}

#[test]
fn manta_unbind_errors_are_one_clean_bounded_line() {
    hostile(P::Manta, Call::Unbind, Property::CleanBoundedLine);
}

#[test]
fn oneaccess_unbind_errors_are_one_clean_bounded_line() {
    hostile(P::OneAccess, Call::Unbind, Property::CleanBoundedLine);
}

#[test]
fn cloudbase_unbind_errors_are_one_clean_bounded_line() {
    hostile(P::CloudBase, Call::Unbind, Property::CleanBoundedLine);
}

#[test]
fn cloudbase_list_errors_are_one_clean_bounded_line() {
    hostile(P::CloudBase, Call::List, Property::CleanBoundedLine);
}

#[test]
fn oneaccess_list_errors_are_one_clean_bounded_line() {
    hostile(P::OneAccess, Call::List, Property::CleanBoundedLine);
}

/// The smallest answers that show each bug, as plain tests.
async fn first_error(p: P, status: u16, body: &str) -> Error {
    let template = ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json");
    let server = p.server(template).await;
    p.unbind(&server.uri(), call()).await.unwrap_err()
}

#[tokio::test]
async fn a_200_off_the_schema_does_not_echo_a_secret() {
    for (p, body) in [
        (
            P::Manta,
            format!(r#"{{"success": "{TOKEN}", "message": "ok"}}"#),
        ),
        (
            P::Manta,
            format!(r#"{{"success": true, "message": "{MANTA_SECRET}"#),
        ),
        (P::CloudBase, format!(r#""{TOKEN}""#)),
    ] {
        let error = first_error(p, 200, &body).await;
        assert!(unexpected_200(Some(&error)), "{error:?}");
        let display = error.to_string();
        assert!(!leaks(p, &display), "{p:?}: {display}");
        assert!(!leaks(p, &format!("{error:?}")), "{p:?}: {error:?}");
    }
}

#[tokio::test]
async fn a_200_off_the_schema_has_a_bounded_detail() {
    let long = "x".repeat(4000);
    let error = first_error(
        P::Manta,
        200,
        &format!(r#"{{"success": "{long}", "message": "ok"}}"#),
    )
    .await;
    let display = error.to_string();
    assert!(
        display.chars().count() <= MAX_DISPLAY_CHARS,
        "{} characters: {display}",
        display.chars().count()
    );
}

#[tokio::test]
async fn a_provider_message_is_one_bounded_line() {
    let hostile = format!("line one\nFAKE LOG LINE\u{1b}[2J{}", "x".repeat(4000));
    for p in crate::harness::ALL {
        let body = p.error_json(1, &hostile).to_string();
        let error = first_error(p, 400, &body).await;
        assert!(matches!(error, Error::Provider(_)), "{error:?}");
        let display = error.to_string();
        assert!(!display.chars().any(char::is_control), "{p:?}: {display:?}");
        assert!(
            display.chars().count() <= MAX_DISPLAY_CHARS,
            "{p:?}: {} characters",
            display.chars().count()
        );
    }
}
