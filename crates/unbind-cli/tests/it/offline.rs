//! The `unbind` binary against the `unbind-fake` binary: one full cycle per provider, as the
//! README's "Try it offline" shows it. Both are real processes, talking over loopback.

use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// A running `unbind-fake` (demo seed, a free port), killed when dropped.
struct Fake {
    child: Child,
    /// `(provider, base URL)` as it printed them.
    urls: Vec<(String, String)>,
}

impl Fake {
    fn start() -> Fake {
        let mut child = Command::new(fake_binary())
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("unbind-fake starts");
        let stdout = child.stdout.take().expect("stdout");
        let urls = BufReader::new(stdout)
            .lines()
            .take(3)
            .map(|line| {
                let line = line.expect("a line");
                let (name, url) = line.split_once(char::is_whitespace).expect("name and URL");
                (name.to_owned(), url.trim().to_owned())
            })
            .collect();
        Fake { child, urls }
    }

    fn url(&self, provider: &str) -> String {
        self.urls
            .iter()
            .find(|(name, _)| name == provider)
            .map(|(_, url)| url.clone())
            .unwrap_or_else(|| panic!("unbind-fake printed no {provider} URL: {:?}", self.urls))
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `unbind-fake` binary beside this package's `unbind`. Cargo gives a test only its own
/// package's binaries: `cargo test --workspace` builds this one fresh (for unbind-fake's own
/// tests); when it is missing (`cargo test -p unbind-cli` on a clean tree) it is built here.
/// After changing the fake, run its tests or the workspace's, or this may find an old build.
fn fake_binary() -> &'static PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let binary = PathBuf::from(env!("CARGO_BIN_EXE_unbind"))
            .with_file_name(format!("unbind-fake{}", std::env::consts::EXE_SUFFIX));
        if !binary.exists() {
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--package", "unbind-fake", "--bin", "unbind-fake"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("cargo runs");
            assert!(status.success(), "cargo build -p unbind-fake failed");
        }
        binary
    })
}

const DEVICE: [&str; 8] = [
    "--os-version",
    "Android 10",
    "--device-fingerprint",
    "fp-1",
    "--agent",
    "demo-agent",
    "--client-id",
    "demo-app",
];

/// Runs `unbind --json --base-url <base_url> args…` with only `env` set, none of whose values
/// may be printed; returns the exit code and stdout as JSON (`null` when empty).
async fn unbind(base_url: &str, args: &[&str], env: &[(&str, &str)]) -> (i32, Value) {
    let args = [&["--json", "--base-url", base_url][..], args].concat();
    let secrets: Vec<&str> = env.iter().map(|(_, value)| *value).collect();
    let run = crate::common::run(&args, env, &secrets).await;
    let json = if run.stdout.trim().is_empty() {
        Value::Null
    } else {
        run.stdout_json()
    };
    (run.code, json)
}

fn outcome(json: &Value) -> &str {
    json["outcome"]
        .as_str()
        .unwrap_or_else(|| panic!("no outcome in {json}"))
}

#[tokio::test]
async fn manta_bind_list_unbind_and_unbind_again() {
    let fake = Fake::start();
    let url = fake.url("manta");
    let env = [
        ("MANTA_SECRET", "demo-secret"),
        ("MANTA_TOKEN", "demo-token"),
    ];
    let bot = ["--bot-id", "demo-bot"];
    let binding = ["--client-id", "c-2", "--customer-id", "u-2"];
    let bound_to_u2 = || async {
        let (code, list) = unbind(
            &url,
            &[&["manta", "list"][..], &bot, &["--customer-id", "u-2"]].concat(),
            &env,
        )
        .await;
        assert_eq!(code, 0);
        // As for each provider below: the ids the fake lists, each provider's answer under its own
        // field name.
        list.as_array()
            .expect("a JSON array")
            .iter()
            .map(|c| c["clientId"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };

    assert!(bound_to_u2().await.is_empty());
    let (code, _) = unbind(
        &url,
        &[&["manta", "bind"][..], &bot, &binding].concat(),
        &env,
    )
    .await;
    assert_eq!(code, 0);
    assert_eq!(bound_to_u2().await, ["c-2"]);
    let (code, json) = unbind(
        &url,
        &[&["manta", "unbind"][..], &bot, &binding].concat(),
        &env,
    )
    .await;
    assert_eq!((code, outcome(&json)), (0, "unbound"));
    assert!(bound_to_u2().await.is_empty());
    let (code, json) = unbind(
        &url,
        &[&["manta", "unbind"][..], &bot, &binding].concat(),
        &env,
    )
    .await;
    assert_eq!((code, outcome(&json)), (0, "already_unbound"));
}

#[tokio::test]
async fn oneaccess_bind_list_unbind_and_unbind_again() {
    let fake = Fake::start();
    let url = fake.url("oneaccess");
    let session = [("ONEACCESS_SESSION_TOKEN", "demo-session")];
    let listed = || async {
        let (code, list) = unbind(
            &url,
            &[&["oneaccess", "list"][..], &DEVICE].concat(),
            &session,
        )
        .await;
        assert_eq!(code, 0);
        list.as_array()
            .expect("a JSON array")
            .iter()
            .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };

    assert_eq!(listed().await, ["social-weibo-1"]);
    let bind = [
        &["oneaccess", "bind"][..],
        &DEVICE,
        &["--mobile", "13800000000", "--verify-code", "123456"],
    ]
    .concat();
    let (code, _) = unbind(&url, &bind, &[("ONEACCESS_STATE_TOKEN", "demo-state")]).await;
    assert_eq!(code, 0);
    assert_eq!(listed().await, ["social-weibo-1", "social-weixin-1"]);
    let unbind_wechat = [
        &["oneaccess", "unbind"][..],
        &DEVICE,
        &["--id", "social-weixin-1"],
    ]
    .concat();
    let (code, json) = unbind(&url, &unbind_wechat, &session).await;
    assert_eq!((code, outcome(&json)), (0, "unbound"));
    assert_eq!(listed().await, ["social-weibo-1"]);
    let (code, json) = unbind(&url, &unbind_wechat, &session).await;
    assert_eq!((code, outcome(&json)), (0, "already_unbound"));
}

#[tokio::test]
async fn cloudbase_bind_list_unbind_and_unbind_again() {
    let fake = Fake::start();
    let url = fake.url("cloudbase");
    let access = ("CLOUDBASE_ACCESS_TOKEN", "demo-access-token");
    let bound = || async {
        let (code, list) = unbind(&url, &["cloudbase", "list"], &[access]).await;
        assert_eq!(code, 0);
        list.as_array()
            .expect("a JSON array")
            .iter()
            .filter(|p| p["bind"] == Value::Bool(true))
            .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };

    assert_eq!(bound().await, ["wx_open"]);
    let (code, _) = unbind(
        &url,
        &["cloudbase", "bind"],
        &[access, ("CLOUDBASE_PROVIDER_TOKEN", "demo-provider-token")],
    )
    .await;
    assert_eq!(code, 0);
    assert_eq!(bound().await, ["github", "wx_open"]);
    let unbind_github = ["cloudbase", "unbind", "--provider-id", "github"];
    let (code, json) = unbind(&url, &unbind_github, &[access]).await;
    assert_eq!((code, outcome(&json)), (0, "unbound"));
    assert_eq!(bound().await, ["wx_open"]);
    let (code, json) = unbind(&url, &unbind_github, &[access]).await;
    assert_eq!((code, outcome(&json)), (0, "already_unbound"));
}
