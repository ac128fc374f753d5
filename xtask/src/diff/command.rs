//! `cargo xtask diff [PROVIDER] [--base REV | --from FILE --to FILE [--from-overlay O]
//! [--to-overlay O]] [--format text|markdown|json] [--fail-on rust|wire|any]`, and
//! `cargo xtask diff --rules [--format text|markdown]`.

use std::io::Write;
use std::path::Path;

use super::compare::{both_sides, compare, compare_with};
use super::document::Document;
use super::outcome::Report;
use super::terms::Grade;
use super::{report, source};
use crate::flags::{Diff, FailOn, Format, usage};

/// Runs `cargo xtask diff` with its `flags`. Exit code: 0 fine, 1 the `--fail-on` policy
/// failed, 2 bad input.
pub fn run(root: &Path, flags: &Diff, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Diff {
        provider,
        base,
        from,
        to,
        from_overlay,
        to_overlay,
        format,
        fail_on,
        rules,
    } = flags.clone();
    if rules {
        let others = provider.is_some() || base.is_some() || from.is_some() || to.is_some();
        let table = match format {
            _ if others || from_overlay.is_some() || to_overlay.is_some() => {
                return bad(
                    err,
                    &format!("--rules takes only --format\n\n{}", usage("diff")),
                );
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
        None => false,
        Some(FailOn::Rust) => worst(Report::rust) == Grade::Breaking,
        Some(FailOn::Wire) => worst(Report::wire) == Grade::Breaking,
        Some(FailOn::Any) => {
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
    let (old, new) = both_sides(
        || source::file_document(&read, from.0, from.1, &format!("old ({})", named(from))),
        || source::file_document(&read, to.0, to.1, &format!("new ({})", named(to))),
    );
    let (old, new) = (old?, new?);
    let label = format!("{} → {}", named(from), named(to));
    Ok(vec![
        compare(&label, old.as_ref(), new.as_ref()).map_err(one_line)?,
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
        let (old, new) = both_sides(
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
            compare_with(&label, old.as_ref(), new.as_ref(), old_code.as_deref())
                .map_err(one_line)?,
        );
    }
    Ok(reports)
}

/// The old side of `provider` at `rev`: its name and document (`None`: no spec there), and the
/// code committed with it if that was generated from it ([`source::committed_code`]), to read
/// its API from.
type OldSide = (Option<(String, Document)>, Option<String>);

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
