//! N CloudBase unbinds, through the facade or by hand, for counting the client's instructions
//! with callgrind (instruction counts are steady on a shared machine; time is not).
//!
//! ```sh
//! cargo bench -p unbind --bench calls --no-run      # prints the binary's path
//! valgrind --tool=callgrind --callgrind-out-file=facade-1200.out BINARY facade 1200
//! ```
//!
//! `calls facade N` and `calls raw N` make N calls, one after the other on a current-thread
//! runtime with keep-alive, against a fixed-answer server that runs in **another process**
//! (this binary re-executed as `calls serve`, which callgrind does not follow), so only the
//! client's work is counted. Instructions per call are (Ir at N=1200 − Ir at N=200) / 1000,
//! which cancels start-up (runtime, client, connection, the first call's lazy set-up).
//!
//! The raw side is the overhead bench's hand-written call: the same request (method, URL,
//! headers), no redirects, the status and a JSON `Content-Type` checked, the body decoded
//! into the documented type. Both sides check their answer, so a wrong server or a refused
//! call fails the run instead of being counted.
//!
//! Run with `serve`, it prints its address on stdout and answers every request on every
//! connection with `200`, `content-type: application/json` and `{}` (what the overhead
//! bench's axum server answers CloudBase's unbind), until its standard input closes.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use unbind::auth::SecretString;
use unbind::auth::cloudbase::DeviceId;
use unbind::auth::random::{OsRandom, hex32};
use unbind::cloudbase::{CloudBaseClient, CloudBaseSettings};
use unbind::{CallSettings, RetryPolicy, UnbindOutcome};

const TOKEN: &str = "tok-0123456789abcdef0123456789abcdef";
const DEVICE: &str = "0123456789abcdef0123456789abcdef";

/// The fixed answer, with the headers axum sends (a `date` of fixed length included).
const ANSWER: &[u8] = b"HTTP/1.1 200 OK\r\n\
    content-type: application/json\r\n\
    content-length: 2\r\n\
    date: Mon, 23 Nov 2026 12:00:00 GMT\r\n\
    \r\n\
    {}";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["serve"] => serve(),
        [side @ ("facade" | "raw"), n] => {
            let n: usize = n.parse().expect("N: a number of calls");
            run(side, n);
        }
        // `cargo bench` runs every bench binary with `--bench`: nothing to do then.
        _ if args.contains(&"--bench") => {}
        _ => {
            eprintln!("usage: calls facade|raw N   (or: calls serve)");
            std::process::exit(2);
        }
    }
}

/// Answers every request on every connection with [`ANSWER`] until stdin closes.
fn serve() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    println!("{}", listener.local_addr().expect("local address"));
    std::io::stdout().flush().expect("stdout");
    // The parent closes our stdin when it is done (or dies): then we exit.
    std::thread::spawn(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
        std::process::exit(0);
    });
    for stream in listener.incoming() {
        let stream = stream.expect("accept");
        std::thread::spawn(move || answer_all(stream));
    }
}

/// Reads requests (headers only: the unbind has no body) and answers each.
fn answer_all(stream: TcpStream) {
    stream.set_nodelay(true).expect("nodelay");
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        let mut length = 0_usize;
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("content-length");
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("request body");
        if writer.write_all(ANSWER).is_err() {
            return;
        }
    }
}

/// The server child, and its address.
fn start_server() -> (Child, String) {
    let mut child = Command::new(std::env::current_exe().expect("this binary"))
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server");
    let mut address = String::new();
    BufReader::new(child.stdout.take().expect("server stdout"))
        .read_line(&mut address)
        .expect("server address");
    (child, format!("http://{}", address.trim()))
}

fn run(side: &str, n: usize) {
    let (mut server, url) = start_server();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match side {
        "facade" => {
            let client = CloudBaseClient::with_settings(
                &url,
                SecretString::from(TOKEN),
                CloudBaseSettings {
                    device_id: Some(DeviceId::new(DEVICE).expect("device id")),
                    call: CallSettings {
                        retry: RetryPolicy::never(),
                        ..CallSettings::default()
                    },
                    ..CloudBaseSettings::default()
                },
            )
            .expect("cloudbase client");
            for _ in 0..n {
                let outcome = rt.block_on(client.unbind("github"));
                assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
            }
        }
        _ => {
            let raw = reqwest::Client::builder()
                .connect_timeout(unbind::CONNECT_TIMEOUT)
                .timeout(unbind::REQUEST_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("reqwest client");
            let url = format!("{url}/auth/v1/user/provider/github");
            let bearer = format!("Bearer {TOKEN}");
            for _ in 0..n {
                rt.block_on(async {
                    let response = raw
                        .delete(&url)
                        .header("accept", "application/json")
                        .header("authorization", &bearer)
                        .header("x-device-id", DEVICE)
                        .header("x-request-id", hex32(&OsRandom))
                        .send()
                        .await
                        .expect("raw send");
                    assert_eq!(response.status(), reqwest::StatusCode::OK);
                    let json = response
                        .headers()
                        .get(reqwest::header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|v| v.starts_with("application/json"));
                    let body = response.bytes().await.expect("raw body");
                    assert!(json, "a JSON answer");
                    let answer: serde_json::Map<String, Value> =
                        serde_json::from_slice(&body).expect("the documented shape");
                    std::hint::black_box(answer);
                });
            }
        }
    }
    drop(server.stdin.take());
    let _ = server.wait();
}
