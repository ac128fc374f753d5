#![cfg(feature = "mocks")]

use manta_client::httpmock::MockServer;
use manta_client::mock::MockServerExt as _;
use manta_client::types::{
    BasicSuccessResponse, CustomerBindRequest, ErrorResponse, ErrorResponseErrResponse,
};
use manta_client::unbind_runtime::{SecretString, manta::Credentials};
use unbind_outside_manta_mocks::{disconnect, disconnect_with_retries};

fn client(server: &MockServer) -> manta_client::Client {
    let credentials = Credentials::new(SecretString::from("api-secret"))
        .with_token(SecretString::from("test-jwt"));
    manta_client::Client::new(&server.base_url(), credentials)
}

fn request() -> CustomerBindRequest {
    CustomerBindRequest {
        secret: "api-secret".into(),
        client_id: "wechat-1".into(),
        customer_id: "customer-42".into(),
    }
}

fn error(code: i64) -> ErrorResponse {
    ErrorResponse {
        success: false,
        err_response: ErrorResponseErrResponse {
            bot_id: None,
            code,
            message: "try later".into(),
        },
    }
}

#[tokio::test]
async fn a_typed_mock_matches_the_typed_body_and_answers_a_typed_response() {
    let server = MockServer::start_async().await;
    let mock = server.unbind_customer(|when, then| {
        when.bot_id("bot-123").body(&request());
        then.ok(&BasicSuccessResponse {
            success: true,
            message: "done".into(),
        });
    });
    let ok = disconnect(
        &client(&server),
        "api-secret",
        "bot-123",
        "wechat-1",
        "customer-42",
    )
    .await
    .unwrap();
    assert!(ok);
    mock.assert();
}

#[tokio::test]
async fn a_request_with_another_body_is_not_matched() {
    let server = MockServer::start_async().await;
    let mock = server.unbind_customer(|when, then| {
        when.bot_id("bot-123").body(&request());
        then.ok(&BasicSuccessResponse {
            success: true,
            message: "done".into(),
        });
    });
    let err = disconnect(
        &client(&server),
        "api-secret",
        "bot-123",
        "wechat-1",
        "someone-else",
    )
    .await
    .unwrap_err();
    // httpmock answers 404 with a body that is not the documented ErrorResponse: the client
    // reports an invalid payload, and the status is lost.
    eprintln!("unmatched: {err:?}");
    assert!(
        matches!(err, manta_client::Error::InvalidResponsePayload(..)),
        "{err:?}"
    );
    mock.assert_calls(0);
}

#[tokio::test]
async fn a_documented_error_comes_back_typed() {
    let server = MockServer::start_async().await;
    server.unbind_customer(|when, then| {
        when.bot_id("bot-123");
        then.forbidden(&error(1002));
    });
    let err = disconnect(
        &client(&server),
        "api-secret",
        "bot-123",
        "wechat-1",
        "customer-42",
    )
    .await
    .unwrap_err();
    match err {
        manta_client::Error::ErrorResponse(answer) => {
            assert_eq!(answer.status(), 403);
            assert_eq!(answer.err_response.code, 1002);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_sequence_of_answers_tests_retries() {
    let server = MockServer::start_async().await;
    // Two 5xx/429 answers, then success: each limited mock stops matching after its calls, and
    // the request falls through to the mock created after it.
    let busy = server.unbind_customer(|when, then| {
        when.bot_id("bot-123").body(&request());
        then.too_many_requests(&error(429))
            .into_inner()
            .up_to_n_times(1);
    });
    let broken = server.unbind_customer(|when, then| {
        when.bot_id("bot-123").body(&request());
        then.internal_server_error(&error(500))
            .into_inner()
            .up_to_n_times(1);
    });
    let ok = server.unbind_customer(|when, then| {
        when.bot_id("bot-123").body(&request());
        then.ok(&BasicSuccessResponse {
            success: true,
            message: "done".into(),
        });
    });
    let done = disconnect_with_retries(
        &client(&server),
        "api-secret",
        "bot-123",
        "wechat-1",
        "customer-42",
        3,
    )
    .await
    .unwrap();
    assert!(done);
    busy.assert_calls(1);
    broken.assert_calls(1);
    ok.assert_calls(1);
}

async fn get_client(server: &MockServer, client_id: &str, bot: &str) -> Option<u16> {
    client(server)
        .get_client()
        .client_id(client_id)
        .bot_id(bot)
        .body(manta_client::types::SecretRequest {
            secret: "api-secret".into(),
        })
        .send()
        .await
        .err()
        .and_then(|e| e.status().map(|s| s.as_u16()))
}

#[tokio::test]
async fn a_path_parameter_is_matched_as_the_client_sends_it() {
    let server = MockServer::start_async().await;
    for value in ["a.b", "wechat 1", "wechat 1/x", "ünï", "50%"] {
        let mock = server.get_client(|when, then| {
            when.client_id(value).bot_id("bot-123");
            then.not_found(&error(37011));
        });
        assert_eq!(
            get_client(&server, value, "bot-123").await,
            Some(404),
            "{value}"
        );
        mock.assert_calls(1);
        // A regex character in the value is a character, not a pattern: "a.b" is not "axb".
        let other = value.replace('.', "x").replace(' ', "+");
        if other == value {
            server.reset();
            continue;
        }
        let answer = get_client(&server, &other, "bot-123").await;
        mock.assert_calls(1);
        assert_eq!(answer, None, "{other:?} must not match {value:?}");
        server.reset();
    }
}

#[tokio::test]
async fn a_query_value_that_needs_encoding() {
    let server = MockServer::start_async().await;
    let mock = server.get_client(|when, then| {
        when.client_id("c").bot_id("bot 1&x=ü");
        then.not_found(&error(37011));
    });
    assert_eq!(get_client(&server, "c", "bot 1&x=ü").await, Some(404));
    mock.assert_calls(1);
}

#[tokio::test(flavor = "current_thread")]
async fn the_sync_mock_call_in_a_current_thread_runtime() {
    let server = MockServer::start_async().await;
    let mock = server.unbind_customer(|when, then| {
        when.bot_id("bot-123");
        then.ok(&BasicSuccessResponse {
            success: true,
            message: "done".into(),
        });
    });
    let ok = disconnect(
        &client(&server),
        "api-secret",
        "bot-123",
        "wechat-1",
        "customer-42",
    )
    .await
    .unwrap();
    assert!(ok);
    mock.assert();
}
