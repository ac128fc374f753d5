//! The command line: `cargo xtask generate|diff|release|mutate|corpus`, as [`crate::flags`]
//! parses it, dispatched to each command's `run`.

use std::io::Write;
use std::path::Path;

use crate::flags::{self, Command};

/// Runs the command line `args` (without the program name) on the workspace at `root`.
///
/// Returns the exit code: 0 done (or up to date), 1 a problem or stale files, 2 a usage error.
pub fn run(root: &Path, args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let command = match flags::parse(args) {
        Ok(command) => command,
        Err(stop) => {
            let _ = if stop.code == 0 {
                write!(out, "{}", stop.text)
            } else {
                write!(err, "{}", stop.text)
            };
            return stop.code;
        }
    };
    match &command {
        Command::Generate(flags) => crate::generate::run(root, flags, out, err),
        Command::Diff(flags) => crate::diff::command::run(root, flags, out, err),
        Command::Release(flags) => crate::release::run(root, &flags.provider, out, err),
        Command::Mutate(flags) => crate::mutate::run_command(root, flags, out, err),
        Command::Corpus(flags) => crate::corpus::run(root, flags.only.as_deref(), out, err),
    }
}
