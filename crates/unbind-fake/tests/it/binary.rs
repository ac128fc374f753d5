//! The `unbind-fake` binary: it prints the three base URLs, serves them, refuses a bad (or
//! too large) seed file with a message that names the problem, and stops on Ctrl-C or SIGTERM
//! even while a client holds a half-sent request.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use unbind::auth::SecretString;
use unbind::cloudbase::CloudBaseClient;

const BINARY: &str = env!("CARGO_BIN_EXE_unbind-fake");

/// Kills the child when the test ends, pass or fail.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn it_prints_the_base_urls_and_serves_the_seed_it_was_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = dir.path().join("seed.json");
    std::fs::write(
        &seed,
        r#"{"cloudbase": {
            "providers": [{"id": "github", "name": "GitHub"}],
            "users": [{"access_tokens": ["tok"], "bound": [{"provider_id": "github"}]}]
        }}"#,
    )
    .expect("write seed");
    let seed = seed.to_str().expect("a UTF-8 temp path");
    let (_child, lines) = start_lines(&["--seed", seed]);
    let urls: Vec<(&str, &str)> = lines
        .iter()
        .map(|line| line.split_once(char::is_whitespace).expect("name and URL"))
        .map(|(name, url)| (name, url.trim()))
        .collect();
    let names: Vec<&str> = urls.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["manta", "oneaccess", "cloudbase"]);
    for (name, url) in &urls {
        assert!(
            url.starts_with("http://127.0.0.1:") && url.ends_with(&format!("/{name}")),
            "{url}"
        );
    }

    let client = CloudBaseClient::new(urls[2].1, SecretString::from("tok")).expect("client");
    let listed = client.list().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id.as_str(), listed[0].bind),
        ("github", Some(true))
    );
}

#[test]
fn a_seed_with_an_unknown_field_is_refused_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = dir.path().join("seed.json");
    std::fs::write(&seed, r#"{"cloudbase": {"user": []}}"#).expect("write seed");
    let output = run_with_seed(&seed);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown field `user`"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// Starts the binary on a free port with `args` and returns it with the three lines it prints
/// first (name and base URL of each provider).
/// Runs `unbind-fake --seed SEED` to its end (it exits when the seed is refused).
fn run_with_seed(seed: &std::path::Path) -> std::process::Output {
    Command::new(BINARY)
        .arg("--seed")
        .arg(seed)
        .output()
        .expect("run unbind-fake")
}

fn start_lines(args: &[&str]) -> (Running, Vec<String>) {
    let mut child = Running(
        Command::new(BINARY)
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn unbind-fake"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    // All three lines: a pipe closed early would fail the binary's later prints.
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .take(3)
        .map(|line| line.expect("a line"))
        .collect();
    (child, lines)
}

/// Starts the binary with `args` and returns it with its address (`127.0.0.1:PORT`), read
/// from the URLs it prints.
fn start(args: &[&str]) -> (Running, String) {
    let (child, lines) = start_lines(args);
    let first = lines.first().expect("a first line");
    let addr = first
        .split_whitespace()
        .nth(1)
        .and_then(|url| url.strip_prefix("http://"))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no URL in {first:?}"))
        .to_owned();
    (child, addr)
}

/// A connection that sent a request's header and the start of its body, then stalled.
fn half_sent_request(addr: &str) -> std::net::TcpStream {
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .write_all(
            b"POST /manta/openapi/token?botId=demo-bot HTTP/1.1\r\nHost: fake\r\n\
Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"secret\"",
        )
        .expect("write");
    stream
}

/// A connection that sent half a header.
fn half_sent_header(addr: &str) -> std::net::TcpStream {
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .write_all(b"GET /cloudbase/auth/v1/user/provider HTTP/1.1\r\nHost: fa")
        .expect("write");
    stream
}

#[cfg(unix)]
fn signal(child: &Running, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(child.0.id()).expect("a pid");
    // SAFETY: kill has no memory-safety preconditions; the pid is our own live child.
    #[allow(unsafe_code, reason = "FFI: std sends no signal but SIGKILL")]
    let sent = unsafe { libc::kill(pid, signal) };
    assert_eq!(sent, 0, "kill({pid}, {signal})");
}

/// Waits at most `bound` for the child to exit; its status, or `None` if it still runs.
fn exited_within(child: &mut Running, bound: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < bound {
        if let Some(status) = child.0.try_wait().expect("try_wait") {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_within_a_few_seconds_while_requests_are_half_sent() {
    // A grace period shorter than the default 2 s: the test waits it out.
    let (mut child, addr) = start(&["--shutdown-grace-ms", "300"]);
    let _body = half_sent_request(&addr);
    let _header = half_sent_header(&addr);
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    signal(&child, libc::SIGINT);
    let status = exited_within(&mut child, Duration::from_secs(5));
    let status = status.expect("still running 5 s after Ctrl-C");
    assert!(status.success(), "{status:?}");
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{:?}",
        start.elapsed()
    );
}

#[cfg(unix)]
#[test]
fn sigterm_stops_it_the_same_way() {
    let (mut child, addr) = start(&["--shutdown-grace-ms", "300"]);
    let _body = half_sent_request(&addr);
    std::thread::sleep(Duration::from_millis(200));
    signal(&child, libc::SIGTERM);
    let status = exited_within(&mut child, Duration::from_secs(5));
    let status = status.expect("still running 5 s after SIGTERM");
    assert!(status.success(), "{status:?}");
}

#[cfg(unix)]
#[test]
fn a_second_ctrl_c_stops_it_at_once() {
    // A long grace period: the first Ctrl-C waits for the stalled request, the second does not.
    let (mut child, addr) = start(&["--shutdown-grace-ms", "60000"]);
    let _body = half_sent_request(&addr);
    std::thread::sleep(Duration::from_millis(200));
    signal(&child, libc::SIGINT);
    assert!(
        exited_within(&mut child, Duration::from_millis(500)).is_none(),
        "the first Ctrl-C should wait out the grace period"
    );
    // It no longer accepts connections while it waits.
    assert!(std::net::TcpStream::connect(&addr).is_err());
    signal(&child, libc::SIGINT);
    let status = exited_within(&mut child, Duration::from_secs(2));
    let status = status.expect("still running after a second Ctrl-C");
    assert_eq!(status.code(), Some(130), "{status:?}");
}

#[test]
fn a_seed_file_over_the_size_limit_is_refused_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = dir.path().join("big.json");
    let file = std::fs::File::create(&seed).expect("create");
    // 16 MiB + 1 byte.
    file.set_len((16 << 20) + 1).expect("grow");
    let output = run_with_seed(&seed);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&seed.display().to_string()) && stderr.contains("16 MiB"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn an_endless_seed_is_refused_with_exit_code_2() {
    let mut child = Running(
        Command::new(BINARY)
            .args(["--seed", "/dev/zero"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn unbind-fake"),
    );
    let status = exited_within(&mut child, Duration::from_secs(10)).expect("it exits");
    assert_eq!(status.code(), Some(2));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.0.stderr.take().expect("stderr"), &mut stderr)
        .expect("read stderr");
    assert_eq!(
        stderr.trim(),
        "unbind-fake: seed file /dev/zero is larger than the limit of 16 MiB"
    );
}
