//! The same MantaGo unbind written by hand with reqwest, built but not sent: what an
//! application pays to compile without the client crate.

#[tokio::main]
async fn main() {
    let client = reqwest::Client::builder().build().expect("HTTP client");
    let request = client
        .post("http://127.0.0.1:9/openapi/unbind/customer")
        .query(&[("botId", "bot-123")])
        .bearer_auth("test-jwt")
        .header("content-type", "application/json")
        .body(r#"{"secret":"test-api-secret","clientId":"5b0c2d1e-platform-uuid","customerId":"customer-42"}"#)
        .build()
        .expect("request");
    println!("{} {}", request.method(), request.url());
}
