//! How the fake treats connections that stall: a socket that sends nothing, half a header or
//! half a body is closed after the builder's timeouts, a slow answer is not, and stopping
//! (or dropping) the fake does not wait for a half-sent request.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use unbind_fake::{Fake, FakeBuilder, Seed};

/// A demo fake with short timeouts, easy to tell apart: `idle` and `header` as given, and a
/// long shutdown grace unless a test sets one.
fn fake(idle: Duration, header: Duration) -> FakeBuilder {
    Fake::builder()
        .seed(Seed::demo())
        .idle_timeout(idle)
        .header_read_timeout(header)
}

async fn connect(fake: &Fake) -> TcpStream {
    TcpStream::connect(fake.addr()).await.expect("connect")
}

/// Reads until the server closes the connection (end of stream or reset), and returns how long
/// that took; fails if it is still open after `bound`.
async fn closed_within(stream: &mut TcpStream, bound: Duration) -> Duration {
    let start = Instant::now();
    let mut buffer = [0u8; 1024];
    let closed = tokio::time::timeout(bound, async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(
        closed.is_ok(),
        "the connection is still open after {bound:?}"
    );
    start.elapsed()
}

/// The demo user's CloudBase list, through reqwest: what an honest client gets.
async fn list_status(fake: &Fake) -> u16 {
    reqwest::Client::new()
        .get(format!("{}/auth/v1/user/provider", fake.cloudbase_url()))
        .bearer_auth("demo-access-token")
        .send()
        .await
        .expect("an answer")
        .status()
        .as_u16()
}

const HALF_HEADER: &[u8] = b"GET /cloudbase/auth/v1/user/provider HTTP/1.1\r\nHost: fake\r\n";
const HALF_BODY: &[u8] = b"POST /cloudbase/auth/v1/user/provider/bind HTTP/1.1\r\nHost: fake\r\n\
Authorization: Bearer demo-access-token\r\nContent-Type: application/json\r\n\
Content-Length: 100\r\n\r\n{\"provider_";

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed_after_the_idle_timeout() {
    let fake = fake(Duration::from_millis(300), Duration::from_secs(60))
        .start()
        .await
        .expect("fake");
    let mut silent = connect(&fake).await;
    let took = closed_within(&mut silent, Duration::from_secs(5)).await;
    assert!(took >= Duration::from_millis(250), "closed after {took:?}");
    assert_eq!(list_status(&fake).await, 200);
}

#[tokio::test]
async fn a_header_sent_byte_by_byte_is_cut_by_the_header_read_timeout() {
    // Each byte comes well within the idle timeout; the header as a whole takes too long.
    let fake = fake(Duration::from_millis(400), Duration::from_millis(1000))
        .start()
        .await
        .expect("fake");
    let mut slow = connect(&fake).await;
    let start = Instant::now();
    let trickle = async {
        for byte in HALF_HEADER {
            if slow.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    // The trickle takes longer than the header timeout: cut it off when the server closes.
    let _ = tokio::time::timeout(Duration::from_secs(5), trickle).await;
    let took = start.elapsed() + closed_within(&mut slow, Duration::from_secs(5)).await;
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(5),
        "closed after {took:?}"
    );
}

// The slow-client tests share their steps (start, send part of a request, wait for the close, the
// fake still answers); each sets its own timeouts and sends its own part.
#[tokio::test]
async fn half_a_header_is_closed_after_the_header_read_timeout() {
    let fake = fake(Duration::from_secs(60), Duration::from_millis(500))
        .start()
        .await
        .expect("fake");
    let mut half = connect(&fake).await;
    half.write_all(HALF_HEADER).await.expect("write");
    closed_within(&mut half, Duration::from_secs(5)).await;
    assert_eq!(list_status(&fake).await, 200);
}

#[tokio::test]
async fn a_body_that_stops_coming_is_closed_after_the_idle_timeout() {
    let fake = fake(Duration::from_millis(300), Duration::from_secs(60))
        .start()
        .await
        .expect("fake");
    let mut half = connect(&fake).await;
    half.write_all(HALF_BODY).await.expect("write");
    closed_within(&mut half, Duration::from_secs(5)).await;
    assert_eq!(list_status(&fake).await, 200);
}

#[tokio::test]
async fn an_answer_slower_than_the_idle_timeout_is_not_cut() {
    let fake = fake(Duration::from_millis(200), Duration::from_millis(400))
        .latency(Duration::from_millis(800))
        .start()
        .await
        .expect("fake");
    let client = reqwest::Client::new();
    // Twice on one kept-alive connection: the second request comes right after the first
    // answer, within the timeouts.
    for _ in 0..2 {
        let answer = client
            .get(format!("{}/auth/v1/user/provider", fake.cloudbase_url()))
            .bearer_auth("demo-access-token")
            .send()
            .await
            .expect("an answer");
        assert_eq!(answer.status(), 200);
    }
}

#[tokio::test]
async fn stop_returns_within_the_grace_period_despite_half_sent_requests() {
    let fake = fake(Duration::from_secs(60), Duration::from_secs(60))
        .shutdown_grace(Duration::from_millis(300))
        .start()
        .await
        .expect("fake");
    let mut half_header = connect(&fake).await;
    half_header.write_all(HALF_HEADER).await.expect("write");
    let mut half_body = connect(&fake).await;
    half_body.write_all(HALF_BODY).await.expect("write");
    tokio::time::sleep(Duration::from_millis(100)).await;

    let start = Instant::now();
    let stopped = tokio::time::timeout(Duration::from_secs(5), fake.stop()).await;
    assert!(stopped.is_ok(), "stop() still waiting after 5 s");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    closed_within(&mut half_header, Duration::from_secs(1)).await;
    closed_within(&mut half_body, Duration::from_secs(1)).await;
}

#[tokio::test]
async fn dropping_the_fake_closes_a_half_sent_request_after_the_grace_period() {
    let fake = fake(Duration::from_secs(60), Duration::from_secs(60))
        .shutdown_grace(Duration::from_millis(300))
        .start()
        .await
        .expect("fake");
    let addr = fake.addr();
    let mut half_body = connect(&fake).await;
    half_body.write_all(HALF_BODY).await.expect("write");
    tokio::time::sleep(Duration::from_millis(100)).await;
    drop(fake);
    closed_within(&mut half_body, Duration::from_secs(5)).await;
    // And it no longer accepts.
    assert!(TcpStream::connect(addr).await.is_err());
}
