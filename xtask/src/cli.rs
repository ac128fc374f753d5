//! The command line: `cargo xtask generate [PROVIDER] [--check] [--strict]`.

use std::io::Write;
use std::path::Path;

const USAGE: &str = "\
usage: cargo xtask generate [PROVIDER] [--check] [--strict]
       cargo xtask diff [PROVIDER] [--base REV | --from FILE --to FILE] [--format F] [--fail-on G]
       cargo xtask diff --rules [--format text|markdown]
       cargo xtask release PROVIDER
       cargo xtask mutate [--count N] [--seed S] [--seconds T] [--index N] [--deadline D]
       cargo xtask corpus [--only NAME]

  Reads specs/<provider>.yaml, or a published document specs/upstream/<provider>.json (or .yaml)
  as published with specs/<provider>.overlay.yaml if any, and specs/<provider>.keep.yaml if any
  (the operations to generate), and regenerates crates/<provider>-client/src/generated.rs with
  progenitor. A provider with no crate yet gets crates/<provider>-client/ scaffolded (Cargo.toml,
  src/lib.rs); the crate's [dependencies] follow what generated.rs uses on every run.
  A document's defects with one obvious meaning are repaired, shapes progenitor cannot take are
  rewritten, names that would clash renamed, and operations it cannot express left out, each
  with a `note:` line on stderr; every problem is one line. Swagger 2.0: convert it first.

  PROVIDER   only this spec (default: every spec in specs/)
  --check    write nothing; print a diff of what is stale and exit 1 if anything is
  --strict   refuse an operation progenitor cannot express (a body only in multipart/form-data,
             two parameters that become one Rust name, a cookie parameter, anything progenitor
             refuses in it) instead of leaving it out of the client with a note";

/// Runs the command line `args` (without the program name) on the workspace at `root`.
///
/// Returns the exit code: 0 done (or up to date), 1 a problem or stale files, 2 a usage error.
pub fn run(root: &Path, args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut check = false;
    let mut strict = false;
    let mut provider = None;
    match args.first().map(String::as_str) {
        Some("generate") => {}
        Some("diff") => return crate::diff::command::run(root, &args[1..], out, err),
        Some("release") => return crate::release::run(root, &args[1..], out, err),
        Some("mutate") => return crate::mutate::run_command(root, &args[1..], out, err),
        Some("corpus") => return crate::corpus::run(root, &args[1..], out, err),
        Some("-h" | "--help" | "help") => {
            let _ = writeln!(out, "{USAGE}");
            return 0;
        }
        _ => {
            return usage_error(
                err,
                "expected the task `generate`, `diff`, `release`, `mutate` or `corpus`",
            );
        }
    }
    for arg in &args[1..] {
        match arg.as_str() {
            "--check" => check = true,
            "--strict" => strict = true,
            "-h" | "--help" => {
                let _ = writeln!(out, "{USAGE}");
                return 0;
            }
            flag if flag.starts_with('-') => {
                return usage_error(err, &format!("unknown flag {flag}"));
            }
            name if provider.is_none() => provider = Some(name.to_owned()),
            extra => return usage_error(err, &format!("unexpected argument {extra}")),
        }
    }
    let outputs = match crate::plan_strict(root, provider.as_deref(), strict) {
        Ok((outputs, notes)) => {
            for note in &notes {
                let _ = writeln!(err, "note: {note}");
            }
            outputs
        }
        Err(problems) => {
            for problem in &problems {
                let _ = writeln!(err, "{problem}");
            }
            let _ = writeln!(
                err,
                "error: {} problem(s); nothing was written",
                problems.len()
            );
            return 1;
        }
    };
    let stale: Vec<_> = outputs.iter().filter(|o| o.is_stale()).collect();
    if check {
        for output in &stale {
            let _ = write!(out, "{}", output.diff());
        }
        if stale.is_empty() {
            let _ = writeln!(out, "{} file(s) up to date", outputs.len());
            return 0;
        }
        let _ = writeln!(
            err,
            "error: {} file(s) stale; run `cargo xtask generate`",
            stale.len()
        );
        return 1;
    }
    if let Err(e) = crate::write(root, &outputs) {
        let _ = writeln!(err, "error: writing {e}");
        return 1;
    }
    for output in &outputs {
        let state = match (&output.old, output.is_stale()) {
            (None, _) => "created",
            (Some(_), true) => "updated",
            (Some(_), false) => "unchanged",
        };
        let _ = writeln!(
            out,
            "{state:>9} {} ({} lines)",
            output.path,
            output.new.lines().count()
        );
    }
    0
}

fn usage_error(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "error: {message}\n\n{USAGE}");
    2
}
