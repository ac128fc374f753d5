//! `cargo xtask diff [PROVIDER] [--base REV | --from FILE --to FILE [--from-overlay O]
//! [--to-overlay O]] [--format text|markdown|json] [--fail-on rust|wire|any]`, and
//! `cargo xtask diff --rules [--format text|markdown]`.

use std::io::Write;
use std::path::Path;

use super::{Grade, Report, report, source};

/// The usage text of `cargo xtask diff`.
pub const USAGE: &str = "\
usage: cargo xtask diff [PROVIDER] [--base REV | --from FILE --to FILE]
                        [--from-overlay OVERLAY] [--to-overlay OVERLAY]
                        [--format text|markdown|json] [--fail-on rust|wire|any]
       cargo xtask diff --rules [--format text|markdown]

  What changed in specs/<provider>.yaml, graded for the wire (a client built from the old spec
  against a server implementing the new one) and for Rust (code written against the old
  generated crate). Default: the spec committed at HEAD against the working tree.

  PROVIDER        only this spec (default: every spec)
  --base REV      the old spec from this git revision (a branch, a tag, HEAD~3); its API is
                  read from the generated.rs committed there if that was generated from it
  --from/--to     compare any two spec files (regular files: not a pipe, a FIFO or a device),
                  such as two versions of a provider's published document
  --from-overlay, --to-overlay
                  apply this Overlay 1.0 file to that side's document first, as `generate`
                  applies specs/<provider>.overlay.yaml to specs/upstream/<provider>.json
  --format        text (default), markdown (for a pull request), json
  --fail-on       exit 1 when a change is rust-breaking, wire-breaking, or either (default:
                  report only, exit 0)
  --rules         print the rule table instead: every class of change with its id, its wire
                  grade, the Rust grade its fixture measures, one line, and its fixture under
                  xtask/tests/fixtures/diff/ (markdown: the README's copy)
  Bad input (unknown revision, no git, a spec with problems) is one line on stderr, exit 2.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FailOn {
    Nothing,
    Rust,
    Wire,
    Any,
}

/// Runs `cargo xtask diff` with `args` (after `diff`). Exit code: 0 fine, 1 the `--fail-on`
/// policy failed, 2 bad input.
pub fn run(root: &Path, args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut provider = None;
    let (mut base, mut from, mut to) = (None, None, None);
    let (mut from_overlay, mut to_overlay) = (None, None);
    let (mut format, mut fail_on) = (Format::Text, FailOn::Nothing);
    let mut rules = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let parsed = match arg.as_str() {
            "-h" | "--help" => {
                let _ = writeln!(out, "{USAGE}");
                return 0;
            }
            "--rules" => {
                rules = true;
                Ok(())
            }
            "--base" => value("--base").map(|v| base = Some(v)),
            "--from" => value("--from").map(|v| from = Some(v)),
            "--to" => value("--to").map(|v| to = Some(v)),
            "--from-overlay" => value("--from-overlay").map(|v| from_overlay = Some(v)),
            "--to-overlay" => value("--to-overlay").map(|v| to_overlay = Some(v)),
            "--format" => value("--format").and_then(|v| {
                format = match v.as_str() {
                    "text" => Format::Text,
                    "markdown" => Format::Markdown,
                    "json" => Format::Json,
                    other => {
                        return Err(format!("unknown format {other:?} (text, markdown, json)"));
                    }
                };
                Ok(())
            }),
            "--fail-on" => value("--fail-on").and_then(|v| {
                fail_on = match v.as_str() {
                    "rust" => FailOn::Rust,
                    "wire" => FailOn::Wire,
                    "any" => FailOn::Any,
                    other => return Err(format!("unknown --fail-on {other:?} (rust, wire, any)")),
                };
                Ok(())
            }),
            flag if flag.starts_with('-') => Err(format!("unknown flag {flag}")),
            name if provider.is_none() => {
                provider = Some(name.to_owned());
                Ok(())
            }
            extra => Err(format!("unexpected argument {extra}")),
        };
        if let Err(message) = parsed {
            return bad(err, &format!("{message}\n\n{USAGE}"));
        }
    }
    if rules {
        let others = provider.is_some() || base.is_some() || from.is_some() || to.is_some();
        let table = match format {
            _ if others || from_overlay.is_some() || to_overlay.is_some() => {
                return bad(err, &format!("--rules takes only --format\n\n{USAGE}"));
            }
            Format::Json => return bad(err, "--rules prints text or markdown"),
            Format::Text => super::rules::text(),
            Format::Markdown => super::rules::markdown(),
        };
        let _ = write!(out, "{table}");
        return 0;
    }
    let reports = match (from, to) {
        (Some(from), Some(to)) if base.is_none() && provider.is_none() => files(
            (&from, from_overlay.as_deref()),
            (&to, to_overlay.as_deref()),
        ),
        (None, None) if from_overlay.is_some() || to_overlay.is_some() => {
            Err("--from-overlay and --to-overlay go with --from and --to".to_owned())
        }
        (None, None) => revision(root, base.as_deref().unwrap_or("HEAD"), provider.as_deref()),
        _ => Err("--from and --to go together, without --base or PROVIDER".to_owned()),
    };
    let reports = match reports {
        Ok(reports) => reports,
        Err(message) => return bad(err, &message),
    };
    // Spec text in the reports is printed with its control characters escaped; JSON escapes
    // them its own way.
    let printed = match format {
        Format::Text => crate::problem::printable(&report::text(&reports)).into_owned(),
        Format::Markdown => crate::problem::printable(&report::markdown(&reports)).into_owned(),
        Format::Json => report::json(&reports),
    };
    let _ = write!(out, "{printed}");
    let worst =
        |grade: fn(&Report) -> Grade| reports.iter().map(grade).max().unwrap_or(Grade::None);
    let failed = match fail_on {
        FailOn::Nothing => false,
        FailOn::Rust => worst(Report::rust) == Grade::Breaking,
        FailOn::Wire => worst(Report::wire) == Grade::Breaking,
        FailOn::Any => {
            worst(Report::rust) == Grade::Breaking || worst(Report::wire) == Grade::Breaking
        }
    };
    u8::from(failed)
}

fn bad(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "error: {message}");
    2
}

/// Compares two files, each with the overlay given for it, if any.
fn files(from: (&str, Option<&str>), to: (&str, Option<&str>)) -> Result<Vec<Report>, String> {
    let read = |path: &str| source::any_file(Path::new(path)).map(Some);
    let named = |(file, overlay): (&str, Option<&str>)| match overlay {
        Some(overlay) => format!("{file} with {overlay}"),
        None => file.to_owned(),
    };
    let (old, new) = super::both_sides(
        || source::file_document(&read, from.0, from.1, &format!("old ({})", named(from))),
        || source::file_document(&read, to.0, to.1, &format!("new ({})", named(to))),
    );
    let (old, new) = (old?, new?);
    let label = format!("{} → {}", named(from), named(to));
    Ok(vec![
        super::compare(&label, old.as_ref(), new.as_ref()).map_err(one_line)?,
    ])
}

fn revision(root: &Path, rev: &str, only: Option<&str>) -> Result<Vec<Report>, String> {
    let old_read = source::revision(root, rev)?;
    let new_read = source::working_tree(root);
    let mut providers = crate::providers(root).map_err(|p| p.to_string())?;
    for name in source::providers_at(root, rev)? {
        if !providers.contains(&name) {
            providers.push(name);
        }
    }
    providers.sort();
    if let Some(name) = only {
        if !providers.iter().any(|p| p == name) {
            return Err(format!(
                "no spec specs/{name}.yaml in the working tree or at {rev}; the providers are: {}",
                providers.join(", ")
            ));
        }
        providers = vec![name.to_owned()];
    }
    let mut reports = Vec::new();
    for provider in &providers {
        let (old, new) = super::both_sides(
            || old_side(&old_read, provider, rev),
            || source::provider_document(&new_read, provider, "new (working tree)"),
        );
        let ((old, old_code), new) = (old?, new?);
        // Named by the files it comes from now (or, when gone, then).
        let name = new.as_ref().or(old.as_ref()).map_or_else(
            || format!("specs/{provider}.yaml"),
            |(name, _)| name.clone(),
        );
        let label = format!("{name} ({rev} → working tree)");
        let (old, new) = (old.map(|(_, d)| d), new.map(|(_, d)| d));
        reports.push(
            super::compare_with(&label, old.as_ref(), new.as_ref(), old_code.as_deref())
                .map_err(one_line)?,
        );
    }
    Ok(reports)
}

/// The old side of `provider` at `rev`: its name and document (`None`: no spec there), and the
/// code committed with it if that was generated from it ([`source::committed_code`]), to read
/// its API from.
type OldSide = (Option<(String, super::Document)>, Option<String>);

fn old_side(read: &source::Reader<'_>, provider: &str, rev: &str) -> Result<OldSide, String> {
    let Some(found) = source::provider_source(read, provider, &format!("old ({rev})"))? else {
        return Ok((None, None));
    };
    let document = source::load(&found, &format!("old ({rev})"))?;
    let code = source::committed_code(read, provider, &found);
    Ok((Some((found.name(), document)), code))
}

fn one_line(problems: Vec<crate::Problem>) -> String {
    crate::problem::one_line(&problems)
}
