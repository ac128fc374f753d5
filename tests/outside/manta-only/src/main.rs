//! One MantaGo unbind through `manta-client` against a loopback server on a thread of its own.
//! The server prints the request it saw on stdout; the process exits 0 only if the client
//! decoded the answer as a success.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};

use manta_client::types::CustomerBindRequest;
use manta_client::{Client, Context};

/// The answer MantaGo documents for a successful unbind.
const ANSWER: &str = r#"{"success":true,"message":"unbound"}"#;

/// Reads one HTTP/1.1 request (head and `Content-Length` body), answers [`ANSWER`], and
/// returns the request as it arrived.
fn answer_one(listener: &TcpListener) -> String {
    let (stream, _) = listener.accept().expect("accept");
    let mut reader = BufReader::new(stream);
    let mut request = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("request head");
        request.push_str(&line);
        if line == "\r\n" || line.is_empty() {
            break;
        }
        // This application stands outside the workspace on purpose: it shares no code with the
        // benches' fixed-answer server, whose request reading this repeats.
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().expect("Content-Length");
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("request body");
    request.push_str(&String::from_utf8(body).expect("UTF-8 body"));
    let stream: &mut TcpStream = reader.get_mut();
    write!(
        stream,
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         connection: close\r\n\r\n{ANSWER}",
        ANSWER.len()
    )
    .expect("answer");
    request
}

#[tokio::main]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let server = std::thread::spawn(move || answer_one(&listener));

    // Test credentials, not secrets.
    let secret: manta_client::unbind_runtime::SecretString = "test-api-secret".into();
    let context = Context::new(secret).with_token("test-jwt".into());
    let client = Client::new(&base, context);
    let answer = client
        .unbind_customer()
        .bot_id("bot-123")
        .body(CustomerBindRequest {
            secret: "test-api-secret".into(),
            client_id: "5b0c2d1e-platform-uuid".into(),
            customer_id: "customer-42".into(),
        })
        .send()
        .await
        .expect("the unbind succeeds");
    assert!(answer.success, "MantaGo answered success: true");
    print!("{}", server.join().expect("the server thread"));
}
