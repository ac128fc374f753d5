//! N unbinds of one provider, through the facade or by hand, for counting the client's
//! instructions with callgrind (instruction counts are steady on a shared machine; time is
//! not). BENCHMARKS.md has the commands.
//!
//! ```sh
//! cargo bench -p unbind --bench calls --no-run      # prints the binary's path
//! valgrind --tool=callgrind --callgrind-out-file=facade-1200.out BINARY facade 1200
//! ```
//!
//! `calls SIDE N [PROVIDER]` (SIDE `facade` or `raw`; PROVIDER `cloudbase`, the default,
//! `manta` or `oneaccess`) makes N unbinds one after the other on a current-thread runtime
//! with keep-alive, against a fixed-answer server that runs in **another process** (this
//! binary re-executed as `calls serve`, which callgrind does not follow), so only the client's
//! work is counted. Instructions per call are (Ir at N=1200 − Ir at N=200) / 1000, which
//! cancels start-up (runtime, client, connection, the first call's lazy set-up, and for
//! OneAccess the facade's one fetch of the key and server time).
//!
//! The raw side is the overhead bench's hand-written call: the same request (method, URL,
//! headers, body), no redirects, the status and a JSON `Content-Type` checked, the body
//! decoded into the documented type; for OneAccess, signed with a `Signer` and a cached key
//! and server time, as the facade does. Both sides check their answer, so a wrong server or a
//! refused call fails the run instead of being counted.
//!
//! Run with `serve`, it prints its address on stdout and answers every request on every
//! connection with what the overhead bench's axum server answers on that path, until its
//! standard input closes.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use serde_json::{Value, json};
use tokio::runtime::Runtime;
use unbind::UnbindOutcome;
use unbind::auth::SecretString;
use unbind::auth::oneaccess::ServerTime;
use unbind::runtime::clock::{Clock as _, SystemClock};

use unbind_test_fixtures::device_with_ip_and_language as device;
use unbind_test_fixtures::keys::PUBLIC_KEY_PEM;

#[path = "raw/mod.rs"]
mod raw;
use raw::{ACCOUNT, SERVER_TIME, TOKEN, raw_client};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` runs every bench binary with `--bench`: nothing to do then.
    let args: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--bench")
        .collect();
    match args.as_slice() {
        ["serve"] => serve(),
        [side @ ("facade" | "raw"), n, provider @ ..] => {
            let n: usize = n.parse().expect("N: a number of calls");
            let provider = match provider {
                [] => "cloudbase",
                [provider] => provider,
                _ => usage(),
            };
            run(side, n, provider);
        }
        [] => {}
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("usage: calls facade|raw N [cloudbase|manta|oneaccess]   (or: calls serve)");
    std::process::exit(2);
}

/// Answers every request on every connection until stdin closes.
fn serve() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    println!("{}", listener.local_addr().expect("local address"));
    std::io::stdout().flush().expect("stdout");
    // The parent closes our stdin when it is done (or dies): then we exit.
    std::thread::spawn(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
        std::process::exit(0);
    });
    let answers = Arc::new(Answers::new());
    for stream in listener.incoming() {
        let stream = stream.expect("accept");
        let answers = Arc::clone(&answers);
        std::thread::spawn(move || answer_all(stream, &answers));
    }
}

/// The fixed answers, by path, with the headers axum sends (a `date` of fixed length).
struct Answers {
    cloudbase: Vec<u8>,
    manta: Vec<u8>,
    public_key: Vec<u8>,
    server_date: Vec<u8>,
    empty: Vec<u8>,
}

impl Answers {
    fn new() -> Self {
        let json = |body: Value| {
            let body = body.to_string();
            format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
                 date: Mon, 23 Nov 2026 12:00:00 GMT\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        };
        Self {
            cloudbase: json(json!({})),
            manta: json(json!({"success": true, "message": "ok"})),
            public_key: json(json!({"public_key": PUBLIC_KEY_PEM})),
            server_date: json(json!({"timestamp": SERVER_TIME})),
            empty: b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\
                date: Mon, 23 Nov 2026 12:00:00 GMT\r\n\r\n"
                .to_vec(),
        }
    }

    fn to(&self, request_line: &str) -> &[u8] {
        let path = request_line.split(' ').nth(1).unwrap_or_default();
        let path = path.split('?').next().unwrap_or_default();
        match path {
            "/openapi/unbind/customer" => &self.manta,
            "/api/v2/sdk/public-key" => &self.public_key,
            "/api/v2/sdk/server-date" => &self.server_date,
            "/api/v2/sdk/social/unbind-account" => &self.empty,
            _ if path.starts_with("/auth/v1/user/provider/") => &self.cloudbase,
            _ => panic!("no fixed answer for {request_line:?}"),
        }
    }
}

/// Reads requests (headers, then a body of the declared length) and answers each.
fn answer_all(stream: TcpStream, answers: &Answers) {
    stream.set_nodelay(true).expect("nodelay");
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    let mut line = String::new();
    loop {
        request_line.clear();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
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
        if writer.write_all(answers.to(&request_line)).is_err() {
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

fn run(side: &str, n: usize, provider: &str) {
    let (mut server, url) = start_server();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match (provider, side) {
        ("cloudbase", "facade") => cloudbase_facade(&rt, &url, n),
        ("cloudbase", _) => cloudbase_raw(&rt, &url, n),
        ("manta", "facade") => manta_facade(&rt, &url, n),
        ("manta", _) => manta_raw(&rt, &url, n),
        ("oneaccess", "facade") => oneaccess_facade(&rt, &url, n),
        ("oneaccess", _) => oneaccess_raw(&rt, &url, n),
        _ => usage(),
    }
    drop(server.stdin.take());
    let _ = server.wait();
}

fn cloudbase_facade(rt: &Runtime, url: &str, n: usize) {
    let client = raw::cloudbase_facade(url);
    for _ in 0..n {
        let outcome = rt.block_on(client.unbind("github"));
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    }
}

// One raw runner per provider: each calls its own hand-written unbind from raw/mod.rs with its own
// URL and credentials.
fn cloudbase_raw(rt: &Runtime, url: &str, n: usize) {
    let client = raw_client();
    let url = format!("{url}/auth/v1/user/provider/github");
    let bearer = format!("Bearer {TOKEN}");
    for _ in 0..n {
        rt.block_on(raw::cloudbase_unbind(&client, &url, &bearer));
    }
}

fn manta_facade(rt: &Runtime, url: &str, n: usize) {
    let client = raw::manta_facade(url);
    for _ in 0..n {
        let outcome = rt.block_on(client.unbind("client-9", "customer-42"));
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    }
}

fn manta_raw(rt: &Runtime, url: &str, n: usize) {
    let client = raw_client();
    let url = format!("{url}/openapi/unbind/customer?botId=bot-1");
    let bearer = format!("Bearer {TOKEN}");
    for _ in 0..n {
        rt.block_on(raw::manta_unbind(&client, &url, &bearer));
    }
}

fn oneaccess_facade(rt: &Runtime, url: &str, n: usize) {
    let client = raw::oneaccess_facade(url);
    for _ in 0..n {
        let outcome = rt.block_on(client.unbind(ACCOUNT));
        assert_eq!(outcome.expect("facade unbind"), UnbindOutcome::Unbound);
    }
}

fn oneaccess_raw(rt: &Runtime, url: &str, n: usize) {
    let client = raw_client();
    let url = format!("{url}/api/v2/sdk/social/unbind-account");
    let token = SecretString::from(TOKEN);
    let signer = raw::raw_signer();
    let time = ServerTime::from_server(SERVER_TIME, SystemClock.now_millis()).expect("time");
    let profile = device();
    for _ in 0..n {
        let signature = signer
            .sign(&token, time.now_millis(&SystemClock))
            .expect("sign");
        rt.block_on(raw::oneaccess_unbind(&client, &url, &profile, &signature));
    }
}
