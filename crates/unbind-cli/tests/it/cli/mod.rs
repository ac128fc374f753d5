//! The `unbind` binary as a user runs it: a real process, real HTTP to a loopback server.
//!
//! Every run goes through [`unbind`], which clears the environment, sets only the variables the
//! test names, and checks that no credential shows in stdout or stderr.

mod cloudbase;
mod exits;
mod manta;
mod oneaccess;
mod output;

use crate::common::{
    CLOUDBASE_ENV, DEVICE_FLAGS, MANTA_ENV, MANTA_SECRET, Run, SECRET, args, cloudbase_unbind,
    words,
};
use serde_json::{Value, json};
use unbind::auth::oneaccess::Mgf1Hash;
use unbind_test_fixtures::keys::PUBLIC_KEY_PEM as PUBLIC_KEY;
use unbind_test_fixtures::mock::{
    answer, answer_with, cloudbase_not_found, header, manta_ok, oneaccess_signing, received, route,
    serving,
};
use unbind_test_fixtures::{RefusedPort, SilentServer, decrypt_signature};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The OneAccess state token.
const STATE_TOKEN: &str = "state-SECRET-789";

/// The CloudBase provider token.
const PROVIDER_TOKEN: &str = "provider-SECRET-000";

// Lists of test values, one per line as rustfmt lays them out.
/// What providers issue during a run: a new MantaGo token and secret, a OneAccess session.
const ISSUED: [&str; 4] = [
    "jwt-NEW-SECRET",
    "secret-NEW-SECRET",
    "sess-NEW-SECRET",
    "id-NEW-SECRET",
];

const SERVER_TIME: u64 = 1_700_000_000_123;

/// Runs `unbind args…` with only `env` set, and checks that no credential was printed.
async fn unbind(args: &[&str], env: &[(&str, &str)]) -> Run {
    let secrets: Vec<&str> = [SECRET, MANTA_SECRET, STATE_TOKEN, PROVIDER_TOKEN]
        .into_iter()
        .chain(ISSUED)
        .collect();
    crate::common::run(args, env, &secrets).await
}

/// Environment variables for one run.
type Vars<'a> = &'a [(&'a str, &'a str)];

/// Mounts CloudBase's answer to unbinding `github`: 200, `{}`.
async fn github_unbinds(server: &MockServer) {
    answer(server, route::CLOUDBASE_UNBIND_GITHUB, 200, json!({})).await;
}

fn body(request: &Request) -> Value {
    serde_json::from_slice(&request.body).expect("a JSON body")
}

fn query(request: &Request) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = request.url.query_pairs().into_owned().collect();
    pairs.sort();
    pairs
}

// As the recorder's tests' `pairs`: the two test crates share no module.
fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Failures and exit codes

/// `line` run with `env` twice: as text, then with `--json`.
async fn in_both_forms(line: &[&str], env: &[(&str, &str)]) -> [Run; 2] {
    [
        unbind(line, env).await,
        unbind(&args(line, &["--json"]), env).await,
    ]
}
