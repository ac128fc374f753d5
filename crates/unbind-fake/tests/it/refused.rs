//! A request the fake refuses before any provider logic looks at it (here, a body over the
//! size the fake reads) is answered in the provider's error body, with a status the provider's
//! spec declares for it: never axum's plain-text `413`. Checked against `specs/` by the
//! conformance checker, with recording off and on (the recording layer reads the body too).

use reqwest::Method;
use serde_json::{Value, json};
use unbind_conformance::Body;
use unbind_fake::{Fake, REQUEST_BODY_LIMIT, Seed};

use crate::common::{answers_conform, seeded, spec, with_test_key};

/// A JSON object of `len` bytes, `{"secret":"aaa…"}`, so that only its size can be wrong.
fn body_of(len: usize) -> Vec<u8> {
    let mut body = b"{\"secret\":\"".to_vec();
    body.resize(len - 2, b'a');
    body.extend_from_slice(b"\"}");
    assert_eq!(body.len(), len);
    body
}

/// A body one byte over what the fake reads of a request.
fn oversize() -> Vec<u8> {
    body_of(REQUEST_BODY_LIMIT + 1)
}

/// One provider's case: its prefix, an operation's method, path and id, the status expected,
/// and the body expected but for its message (`message` is where the message goes).
struct Case {
    provider: &'static str,
    method: Method,
    path: &'static str,
    operation: &'static str,
    status: u16,
    body: fn(&str) -> Value,
}

const CASES: [Case; 3] = [
    Case {
        provider: "manta",
        method: Method::POST,
        path: "/openapi/unbind/customer?botId=bot-123",
        operation: "unbind_customer",
        // MantaGo's "missing or malformed request variables", as the fake answers a body
        // that is not JSON: the spec declares no 413.
        status: 500,
        body: |message| json!({"success": false, "errResponse": {"code": 110000, "message": message}}),
    },
    Case {
        provider: "oneaccess",
        method: Method::POST,
        path: "/api/v2/sdk/social/unbind-account",
        operation: "unbind_social_account",
        // Every OneAccess error the spec declares is a 400.
        status: 400,
        body: |message| json!({"error_code": "FAKE.BODY_TOO_LARGE", "error_msg": message}),
    },
    Case {
        provider: "cloudbase",
        method: Method::POST,
        path: "/auth/v1/user/provider/bind",
        operation: "bind_provider",
        // Within the 4XX range the spec declares.
        status: 413,
        body: |message| json!({"error": "invalid_argument", "error_code": 4000, "error_description": message}),
    },
];

/// Sends the oversize body to each provider of `fake`, and checks each answer.
async fn each_answers_in_its_shape(fake: &Fake) {
    let http = reqwest::Client::new();
    for case in CASES {
        let base = match case.provider {
            "manta" => fake.manta_url(),
            "oneaccess" => fake.oneaccess_url(),
            _ => fake.cloudbase_url(),
        };
        let answer = http
            .request(case.method.clone(), format!("{base}{}", case.path))
            .header("content-type", "application/json")
            .body(oversize())
            .send()
            .await
            .unwrap_or_else(|e| panic!("{}: no answer: {e}", case.provider));
        let status = answer.status().as_u16();
        let content_type = answer
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let bytes = answer.bytes().await.expect("the body");
        let label = format!("{}: {status} {content_type:?} {bytes:?}", case.provider);
        assert_eq!(status, case.status, "{label}");
        assert_eq!(content_type.as_deref(), Some("application/json"), "{label}");
        let got: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}: {label}"));
        let message = got
            .pointer(match case.provider {
                "manta" => "/errResponse/message",
                "oneaccess" => "/error_msg",
                _ => "/error_description",
            })
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no message: {label}"));
        assert!(
            message.contains("body is over") && message.contains(" bytes"),
            "{label}"
        );
        assert_eq!(got, (case.body)(message), "{label}");
        spec(case.provider)
            .check_response(
                case.operation,
                status,
                content_type.as_deref(),
                &Body::from_bytes(&bytes),
            )
            .unwrap_or_else(|v| panic!("{label}: {v:?}"));
    }
}

#[tokio::test]
async fn an_oversize_body_is_answered_in_the_providers_error_shape() {
    let fake = Fake::builder()
        .seed(with_test_key(Seed::demo()))
        .start()
        .await
        .expect("the fake starts");
    each_answers_in_its_shape(&fake).await;
}

/// A body of exactly the limit is read and reaches the provider's logic, which refuses what
/// it holds (an unknown bot, no credentials), not its size.
#[tokio::test]
async fn a_body_at_the_limit_is_read() {
    let fake = Fake::builder()
        .seed(Seed::demo())
        .start()
        .await
        .expect("the fake starts");
    let answer = reqwest::Client::new()
        .post(format!(
            "{}/openapi/unbind/customer?botId=bot-123",
            fake.manta_url()
        ))
        .header("content-type", "application/json")
        .body(body_of(REQUEST_BODY_LIMIT))
        .send()
        .await
        .expect("an answer");
    let status = answer.status().as_u16();
    let body: Value = answer.json().await.expect("a JSON body");
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["errResponse"]["code"], 5001, "{body}");
}

#[tokio::test]
async fn an_oversize_body_is_answered_and_recorded_alike_when_recording() {
    let fake = seeded(with_test_key(Seed::demo())).await;
    each_answers_in_its_shape(&fake).await;
    for case in CASES {
        let seen = answers_conform(&fake, case.provider);
        assert_eq!(seen, [(case.operation.to_owned(), case.status)]);
    }
}

/// A body sent in chunks, with no `Content-Length` to refuse it by, is read up to the limit and
/// refused there, as CloudBase's `413` error body.
#[tokio::test]
async fn a_chunked_oversize_body_is_refused_at_the_limit() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    let fake = Fake::builder()
        .seed(Seed::demo())
        .start()
        .await
        .expect("the fake starts");
    let mut stream = tokio::net::TcpStream::connect(fake.addr())
        .await
        .expect("connect");
    let head = "POST /cloudbase/auth/v1/user/provider/bind HTTP/1.1\r\nhost: fake\r\n\
                content-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n";
    stream.write_all(head.as_bytes()).await.expect("the head");
    let body = oversize();
    for chunk in body.chunks(64 * 1024) {
        let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
        frame.extend_from_slice(chunk);
        frame.extend_from_slice(b"\r\n");
        // The fake may answer, and stop reading, before the last chunk.
        if stream.write_all(&frame).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    assert!(
        answer.contains("content-type: application/json\r\n"),
        "{answer}"
    );
    let body = answer.split_once("\r\n\r\n").expect("a body").1;
    let body: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {answer}"));
    let message = format!("the request body is over {REQUEST_BODY_LIMIT} bytes");
    assert_eq!(body, (CASES[2].body)(&message));
}

/// A path parameter axum cannot decode (`%FF` is not UTF-8) is refused in the provider's error
/// body too, not in axum's plain text.
#[tokio::test]
async fn an_undecodable_path_parameter_is_answered_in_the_providers_error_shape() {
    let fake = Fake::builder()
        .seed(Seed::demo())
        .start()
        .await
        .expect("the fake starts");
    let http = reqwest::Client::new();
    let cloudbase = format!("{}/auth/v1/user/provider/%FF", fake.cloudbase_url());
    let manta = format!("{}/openapi/client/%FF?botId=bot-123", fake.manta_url());
    for (method, url, code) in [
        (Method::DELETE, cloudbase, "/error_code"),
        (Method::POST, manta, "/errResponse/code"),
    ] {
        let answer = http
            .request(method, &url)
            .body("{}")
            .send()
            .await
            .expect("an answer");
        let status = answer.status().as_u16();
        let body: Value = answer.json().await.expect("a JSON body");
        let expected = if url.contains("manta") { 110000 } else { 4000 };
        assert_eq!(body.pointer(code), Some(&json!(expected)), "{url}: {body}");
        assert_eq!(status, if expected == 4000 { 400 } else { 500 }, "{url}");
    }
}
