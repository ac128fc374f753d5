//! Input that could make the xtask hang or take minutes: a FIFO given to `diff --from`, YAML
//! nested deeper than any parser should follow. Each case runs the xtask binary as a child
//! process with a bound on its time, so that a hang fails the test instead of stalling it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{TINY, workspace};

/// Runs the xtask binary with `args` in `root`; `None` if it had not finished after `limit`
/// (it is then killed), else (exit code, stdout, stderr).
fn run_within(root: &Path, args: &[&str], limit: Duration) -> Option<(i32, String, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the xtask binary runs");
    let start = Instant::now();
    while child
        .try_wait()
        .expect("the child can be waited on")
        .is_none()
    {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("the child's output");
    Some((
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

/// `diff --from` a FIFO that no one writes to: refused by name, as a spec path that is not a
/// regular file is, instead of waiting forever for a writer.
#[cfg(unix)]
#[test]
fn diff_from_a_fifo_is_refused_not_waited_on() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let fifo = dir.path().join("old.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    for args in [
        ["diff", "--from", "old.yaml", "--to", "specs/tiny.yaml"],
        ["diff", "--from", "specs/tiny.yaml", "--to", "old.yaml"],
    ] {
        let finished = run_within(dir.path(), &args, Duration::from_secs(20));
        assert_eq!(
            finished,
            Some((
                2,
                String::new(),
                "error: cannot read old.yaml: not a regular file\n".to_owned()
            )),
            "{args:?}"
        );
    }
}
