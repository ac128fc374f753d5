//! Running the `unbind` binary as a user does, for every CLI test file.

use serde_json::Value;

/// What one run of the binary gave.
#[derive(Debug)]
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub(crate) fn stdout_json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {self:?}"))
    }

    pub(crate) fn stderr_json(&self) -> Value {
        serde_json::from_str(&self.stderr).unwrap_or_else(|e| panic!("{e}: {self:?}"))
    }

    pub(crate) fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// Runs `unbind args…` with only `env` set (stdout and stderr are pipes, not a terminal), and
/// checks that neither shows any of `secrets`.
pub(crate) async fn run(args: &[&str], env: &[(&str, &str)], secrets: &[&str]) -> Run {
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_unbind"))
        .args(args)
        .env_clear()
        .envs(env.iter().copied())
        .output()
        .await
        .expect("the binary runs");
    let run = Run {
        code: output.status.code().expect("the binary exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    for secret in secrets {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{secret} was printed: {run:?}"
        );
    }
    run
}

/// The token of each provider's tests; it must never be printed or journaled.
pub(crate) const SECRET: &str = "tok-SECRET-123";
/// The MantaGo API secret.
pub(crate) const MANTA_SECRET: &str = "api-SECRET-456";
/// The environment of a MantaGo run: the API secret and the token.
pub(crate) const MANTA_ENV: [(&str, &str); 2] =
    [("MANTA_SECRET", MANTA_SECRET), ("MANTA_TOKEN", SECRET)];
/// The environment of a CloudBase run: the access token.
pub(crate) const CLOUDBASE_ENV: [(&str, &str); 1] = [("CLOUDBASE_ACCESS_TOKEN", SECRET)];

/// The OneAccess device flags; the first eight are the required ones, `--language` is optional.
pub(crate) const DEVICE_FLAGS: [&str; 10] = [
    "--os-version",
    "Android 10",
    "--device-fingerprint",
    "156aysdna213sac",
    "--agent",
    "Mozilla/5.0 (Linux; Android 10)",
    "--client-id",
    "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
    "--language",
    "zh-CN",
];

/// `base` followed by `more`.
pub(crate) fn args<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

/// `unbind cloudbase unbind --base-url URI --provider-id ID`.
pub(crate) fn cloudbase_unbind<'a>(uri: &'a str, provider_id: &'a str) -> [&'a str; 6] {
    [
        "cloudbase",
        "unbind",
        "--base-url",
        uri,
        "--provider-id",
        provider_id,
    ]
}

/// A command line as a user types it, split at white space, each `{}` replaced by the next of
/// `values` (for words that are made at run time: a URL, a path).
///
/// # Panics
///
/// If the number of `{}` differs from the number of values.
pub(crate) fn words<'a>(line: &'a str, values: &[&'a str]) -> Vec<&'a str> {
    let mut values = values.iter();
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|word| match word {
            "{}" => values.next().expect("a value for each {}"),
            word => word,
        })
        .collect();
    assert!(values.next().is_none(), "more values than {{}} in {line:?}");
    words
}
