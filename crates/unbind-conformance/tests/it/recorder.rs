//! The recorder against real HTTP requests from reqwest.

use reqwest::header::HeaderValue;
use serde_json::json;
use unbind_conformance::{AnswerError, Body, CONNECTION_HEADERS, RecordedRequest, Recorder};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_json_request_is_recorded_normalised() {
    let recorder = Recorder::start().await;
    recorder
        .answer(
            "POST",
            "/openapi/unbind/customer",
            200,
            json!({"success": true, "message": "unbound"}),
        )
        .await
        .unwrap();

    let response = reqwest::Client::new()
        .post(format!(
            "{}/openapi/unbind/customer?zeta=last&botId=b%201&alpha=2&alpha=1",
            recorder.uri()
        ))
        .header("X-Request-ID", "r-1")
        .header("x-multi", "second")
        .header("X-Multi", "first")
        .bearer_auth("jwt")
        .json(&json!({"secret": "s", "clientId": "c", "customerId": "u"}))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    assert_eq!(
        response.json::<serde_json::Value>().await.unwrap(),
        json!({"success": true, "message": "unbound"})
    );
    let requests = recorder.requests().await;
    assert_eq!(
        requests,
        vec![RecordedRequest {
            method: "POST".to_owned(),
            path: "/openapi/unbind/customer".to_owned(),
            // Sorted by name; the two `alpha`s keep the order they were sent in; decoded.
            query: pairs(&[
                ("alpha", "2"),
                ("alpha", "1"),
                ("botId", "b 1"),
                ("zeta", "last")
            ]),
            // Lower case, sorted by name then value, both `x-multi`s; no host or length.
            headers: pairs(&[
                ("accept", "*/*"),
                ("authorization", "Bearer jwt"),
                ("content-type", "application/json"),
                ("x-multi", "first"),
                ("x-multi", "second"),
                ("x-request-id", "r-1"),
            ]),
            body: Body::Json(json!({"secret": "s", "clientId": "c", "customerId": "u"})),
        }]
    );
    let request = &requests[0];
    assert_eq!(request.header("X-MULTI"), Some("first"));
    assert_eq!(request.header("Authorization"), Some("Bearer jwt"));
    assert_eq!(request.header("host"), None);
    // The raw request did carry the connection headers that were left out.
    let raw = &recorder.server().received_requests().await.unwrap()[0];
    assert!(raw.headers.contains_key("host"));
    assert!(raw.headers.contains_key("content-length"));
    for (name, _) in &request.headers {
        assert!(!CONNECTION_HEADERS.contains(&name.as_str()), "{name}");
    }
}

#[tokio::test]
async fn text_and_empty_bodies_and_raw_answers() {
    let recorder = Recorder::start().await;
    recorder
        .answer_raw(
            "POST",
            "/notes",
            502,
            "<html>bad gateway</html>",
            "text/html; charset=utf-8",
        )
        .await
        .unwrap();
    let client = reqwest::Client::new();

    let response = client
        .post(format!("{}/notes", recorder.uri()))
        // One request per case, each with its own method and body.
        .header("content-type", "text/plain")
        .body("not {json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 502);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.text().await.unwrap(), "<html>bad gateway</html>");

    // Unanswered: wiremock's 404, and still recorded.
    let response = client
        .get(format!("{}/nothing/here", recorder.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);

    // A body that parses as JSON is JSON whatever its content type says.
    client
        .put(format!("{}/notes", recorder.uri()))
        .header("content-type", "text/plain")
        .body("[1, 2]")
        .send()
        .await
        .unwrap();

    let requests = recorder.requests().await;
    let bodies: Vec<&Body> = requests.iter().map(|r| &r.body).collect();
    assert_eq!(
        bodies,
        [
            &Body::Text("not {json".to_owned()),
            &Body::Empty,
            &Body::Json(json!([1, 2]))
        ]
    );
    assert_eq!(requests[1].method, "GET");
    assert_eq!(requests[1].path, "/nothing/here");
    assert!(requests[1].query.is_empty());
}

#[tokio::test]
async fn non_utf8_headers_and_bodies_are_kept_lossily() {
    let recorder = Recorder::start().await;
    reqwest::Client::new()
        .post(recorder.uri())
        .header("x-latin1", HeaderValue::from_bytes(b"caf\xe9").unwrap())
        .body(b"\xff\xfeok".to_vec())
        .send()
        .await
        .unwrap();

    let request = &recorder.requests().await[0];
    assert_eq!(request.path, "/");
    assert_eq!(request.header("x-latin1"), Some("caf\u{fffd}"));
    assert_eq!(request.body, Body::Text("\u{fffd}\u{fffd}ok".to_owned()));
}

#[tokio::test]
async fn bad_answers_are_errors_not_panics() {
    let recorder = Recorder::start().await;
    let body = json!({});
    assert_eq!(
        recorder.answer("GET", "/a", 1000, body.clone()).await,
        Err(AnswerError::Status(1000))
    );
    assert_eq!(
        recorder.answer("GET", "/a", 99, body.clone()).await,
        Err(AnswerError::Status(99))
    );
    assert_eq!(
        recorder.answer("GE T", "/a", 200, body.clone()).await,
        Err(AnswerError::Method("GE T".to_owned()))
    );
    assert_eq!(
        recorder.answer("", "/a", 200, body.clone()).await,
        Err(AnswerError::Method(String::new()))
    );
    for path in ["a", "/a?b=c", "/a#top", "http://example.com/a"] {
        assert_eq!(
            recorder.answer("GET", path, 200, body.clone()).await,
            Err(AnswerError::Path(path.to_owned()))
        );
    }
    assert_eq!(
        recorder
            .answer_raw("GET", "/a", 200, "x", "text/plain\r\nx-evil: 1")
            .await,
        Err(AnswerError::ContentType(
            "text/plain\r\nx-evil: 1".to_owned()
        ))
    );
    assert_eq!(
        AnswerError::Status(1000).to_string(),
        "1000 is not an HTTP status code"
    );

    // Nothing was mounted: the server still answers 404.
    let response = reqwest::get(format!("{}/a", recorder.uri())).await.unwrap();
    assert_eq!(response.status(), 404);
    // A lower-case method is accepted, as wiremock does.
    recorder.answer("get", "/a", 204, body).await.unwrap();
    let response = reqwest::get(format!("{}/a", recorder.uri())).await.unwrap();
    assert_eq!(response.status(), 204);
}

#[test]
fn recorded_requests_serialise_for_snapshots() {
    let request = RecordedRequest {
        method: "DELETE".to_owned(),
        path: "/auth/v1/user/provider/github".to_owned(),
        query: pairs(&[("with_user_center", "true")]),
        headers: pairs(&[("authorization", "Bearer t")]),
        body: Body::Empty,
    };
    let value = serde_json::to_value(&request).unwrap();
    assert_eq!(
        value,
        json!({
            "method": "DELETE",
            "path": "/auth/v1/user/provider/github",
            "query": [["with_user_center", "true"]],
            "headers": [["authorization", "Bearer t"]],
            "body": "empty",
        })
    );
    assert_eq!(
        serde_json::from_value::<RecordedRequest>(value).unwrap(),
        request
    );
    assert_eq!(
        serde_json::to_value(Body::Json(json!({"id": 1}))).unwrap(),
        json!({"json": {"id": 1}})
    );
    assert_eq!(
        serde_json::to_value(Body::Text("x".to_owned())).unwrap(),
        json!({"text": "x"})
    );
}
