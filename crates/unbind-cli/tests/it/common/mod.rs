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
