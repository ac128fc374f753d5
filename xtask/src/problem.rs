//! One thing wrong with a spec, located by file and JSON pointer (or line and column).

use std::fmt;

/// A problem found in a spec, printed as `specs/<file>: <where>: <what is wrong>`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The spec's path relative to the workspace root, e.g. `specs/manta.yaml`.
    pub file: String,
    /// Where in the file: a JSON pointer (`/paths/~1token/post`), or `LINE:COLUMN` for YAML syntax.
    pub location: Location,
    /// What is wrong, in a sentence fragment.
    pub message: String,
}

/// Where a problem sits inside a spec file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// A JSON pointer into the parsed document (RFC 6901); the empty string is the whole document.
    Pointer(String),
    /// A 1-based line and column in the YAML text.
    LineColumn(usize, usize),
}

impl Problem {
    /// A problem at a JSON pointer.
    pub fn at(file: &str, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            location: Location::Pointer(pointer.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// A control character (from the spec's keys or text) but a line break or a tab is
    /// written as its escape (`\u{1b}`), so that printing a problem cannot drive the terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = match &self.location {
            Location::Pointer(p) if p.is_empty() => format!("{}: /: {}", self.file, self.message),
            Location::Pointer(p) => format!("{}: {}: {}", self.file, p, self.message),
            Location::LineColumn(line, col) => {
                format!("{}:{}:{}: {}", self.file, line, col, self.message)
            }
        };
        f.write_str(&printable(&line))
    }
}

/// `text` with each control character but a line break or a tab written as its escape
/// (`\u{1b}`): how spec text is printed, so that it cannot drive the terminal.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    escaped(text, |c| c.is_control() && c != '\n' && c != '\t')
}

/// `text` with each character that `unsafe_char` picks written as its Rust escape (`\u{1b}`).
pub fn escaped(text: &str, unsafe_char: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.contains(&unsafe_char) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if unsafe_char(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Every problem in one line, `; ` between them: how a command that reports one line per
/// failure (`diff`, `release`) shows a spec's problems.
pub fn one_line(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Escapes one reference token for a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Undoes [`escape`]: one reference token of a JSON pointer as the key it names.
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Joins a JSON pointer and one more (unescaped) token.
pub fn join(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", escape(token))
}
