//! The changelog entry of a release, and where it goes in `CHANGELOG.md`: above the newest
//! release, below a `## [Unreleased]` section, the file's line endings kept.

use std::path::Path;

use super::version::{Version, krate};
use crate::Output;
use crate::diff::{self, Grade, Report};

/// The line ending of most lines of `text`: `"\r\n"` or `"\n"`.
pub(crate) fn ending(text: &str) -> &'static str {
    let lines = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    if crlf * 2 > lines { "\r\n" } else { "\n" }
}

/// `text` with its lines ending in `ending`.
pub(crate) fn with_ending(text: &str, ending: &str) -> String {
    if ending == "\n" {
        text.to_owned()
    } else {
        text.replace("\r\n", "\n").replace('\n', ending)
    }
}

pub(crate) fn entry(version: Version, date: &str, report: &Report) -> String {
    let mut sections: [(&str, Vec<String>); 3] = [
        ("Added", Vec::new()),
        ("Changed", Vec::new()),
        ("Removed", Vec::new()),
    ];
    for change in &report.changes {
        let section = if change.id.contains("removed") {
            2
        } else if change.id.contains("added") || change.id.starts_with("new-") {
            0
        } else {
            1
        };
        let mut breaking = Vec::new();
        if change.rust == Grade::Breaking {
            breaking.push("Rust");
        }
        if change.wire == Grade::Breaking {
            breaking.push("wire");
        }
        let mark = if breaking.is_empty() {
            String::new()
        } else {
            format!("**Breaking ({})** ", breaking.join(", "))
        };
        let operations = if change.operations.is_empty() {
            String::new()
        } else {
            format!(" ({})", change.operations.join(", "))
        };
        let mut line = format!("- {mark}`{}`{operations}: {}", change.id, change.text);
        for rust in &change.rust_changes {
            line.push_str(&format!("\n  - `{}`", rust.text));
        }
        sections[section].1.push(line);
    }
    for rust in &report.unexplained {
        sections[1].1.push(format!(
            "- Generated code: `{}` (no spec change explains it)",
            rust.text
        ));
    }
    let mut text = format!("## [{version}] - {date}\n");
    for (title, lines) in &sections {
        if !lines.is_empty() {
            text.push_str(&format!("\n### {title}\n\n{}\n", lines.join("\n")));
        }
    }
    text
}

/// `CHANGELOG.md` with `entry` above the newest release (below `## [Unreleased]`); a missing
/// changelog is started. A changelog with an entry for `version` already is an error.
pub(crate) fn changelog(
    root: &Path,
    provider: &str,
    version: Version,
    entry: &str,
) -> Result<Output, String> {
    let file = format!("{}/CHANGELOG.md", krate(provider));
    let package = crate::scaffold::package(provider);
    let old = diff::source::working_tree(root)(&file)?;
    let existing = old.clone().unwrap_or_else(|| {
        format!(
            "# Changelog\n\nAll notable changes to `{package}` are recorded here, newest first, by \
             `cargo xtask release {provider}`.\nThe format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/); \
             versions follow [Semantic Versioning](https://semver.org/)\nby the rule in README.md, \"When a provider changes its API\".\n"
        )
    });
    let lines = headings(&existing);
    let released = format!("## [{version}]");
    if lines.iter().any(|(_, line)| {
        line.strip_prefix(released.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', ':']))
    }) {
        return Err(format!(
            "{file}: already has an entry for {version}; nothing was written"
        ));
    }
    let is_entry = |line: &str| line.starts_with("## [") || unreleased(line);
    let at = match lines.iter().position(|(_, line)| is_entry(line)) {
        // Below `## [Unreleased]`: at the next heading of its level or above, or above the
        // link definitions that end the file.
        Some(first) if unreleased(lines[first].1) => lines[first + 1..]
            .iter()
            .find(|(_, line)| line.starts_with("## ") || line.starts_with("# "))
            .map_or_else(|| links_at_end(&existing), |(at, _)| *at),
        Some(first) => lines[first].0,
        None => links_at_end(&existing),
    };
    let (head, tail) = existing.split_at(at);
    let head = head.trim_end();
    let newline = ending(&existing);
    let entry = with_ending(entry, newline);
    let text = match (head.is_empty(), tail.is_empty()) {
        (true, true) => entry,
        (true, false) => format!("{entry}{newline}{tail}"),
        (false, true) => format!("{head}{newline}{newline}{entry}"),
        (false, false) => format!("{head}{newline}{newline}{entry}{newline}{tail}"),
    };
    Ok(Output {
        path: file,
        old,
        new: text,
    })
}

/// The Markdown headings of `text` outside fenced code blocks: each with the offset of its line,
/// trimmed at the end.
fn headings(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_end();
        let unindented = trimmed.trim_start_matches(' ');
        let marker = ["```", "~~~"]
            .into_iter()
            .find(|m| trimmed.len() - unindented.len() <= 3 && unindented.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m))
                if open == m && unindented.trim_start_matches(&m[..1]).is_empty() =>
            {
                fence = None;
            }
            (None, None) if trimmed.starts_with('#') => found.push((start, trimmed)),
            _ => {}
        }
    }
    found
}

/// Whether a heading line is Keep a Changelog's `## [Unreleased]` (any case, brackets or not).
fn unreleased(line: &str) -> bool {
    line.strip_prefix("## ").is_some_and(|title| {
        let title = title.trim();
        let title = title
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(title);
        title.eq_ignore_ascii_case("unreleased")
    })
}

/// Where the link reference definitions that end `text` (`[0.1.0]: https://…`) begin: its
/// length when it ends otherwise.
fn links_at_end(text: &str) -> usize {
    let mut at = text.len();
    let mut start = text.len();
    for line in text.split_inclusive('\n').rev() {
        let trimmed = line.trim();
        let link = trimmed.starts_with('[') && trimmed.contains("]:");
        if !link && !trimmed.is_empty() {
            break;
        }
        start -= line.len();
        if link {
            at = start;
        }
    }
    at
}
