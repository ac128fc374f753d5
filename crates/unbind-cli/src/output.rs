//! What a successful command prints.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::Value;
use unbind::runtime::redact::changes_text_direction;

use crate::error::Exit;

/// The outcome of a successful command, in both output forms.
#[derive(Debug)]
pub struct Report {
    /// Human-readable lines for stdout.
    pub lines: Vec<String>,
    /// The JSON for stdout with `--json`.
    pub json: Value,
    /// A cursor for the next page, reported on stderr (stdout stays one item per line, or one
    /// JSON array).
    pub next: Option<Value>,
    /// The exit code: [`Exit::Ok`], or [`Exit::Refused`] for a bulk run in which an account
    /// failed (the report is printed all the same).
    pub exit: Exit,
}

impl Report {
    /// A report without a next page.
    pub fn new(lines: Vec<String>, json: Value) -> Self {
        Self {
            lines,
            json,
            next: None,
            exit: Exit::Ok,
        }
    }
}

/// A value for a human-readable line: as is when it is plain, else quoted and escaped, so that
/// a provider's string can neither split the line, send terminal control sequences, nor change
/// the direction the terminal shows text in.
pub(crate) fn show(value: &str) -> Cow<'_, str> {
    let plain = !value.is_empty()
        && value.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !changes_text_direction(c)
                && c != '"'
                && c != '\\'
        });
    if plain {
        Cow::Borrowed(value)
    } else {
        // Debug escapes controls and the text-direction characters (`\u{202e}`).
        Cow::Owned(format!("{value:?}"))
    }
}

/// `first` followed by `  key=value` for each value present.
pub(crate) fn line(first: &str, fields: &[(&str, Option<&str>)]) -> String {
    let mut out = show(first).into_owned();
    for (key, value) in fields {
        if let Some(value) = value {
            out.push_str("  ");
            out.push_str(key);
            out.push('=');
            out.push_str(&show(value));
        }
    }
    out
}

/// A JSON value as one `key=value` text: strings as they are, anything else as JSON.
pub(crate) fn json_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A JSON value as one line for stdout or stderr. serde_json escapes the C0 controls (ESC
/// included) but writes DEL and the C1 controls (U+0080 to U+009F, such as the 8-bit CSI
/// U+009B, which UTF-8 terminals act on) and the text-direction characters as they are: these
/// are escaped too. Only a string can hold one, and `\u009b` is the same string to any JSON
/// reader.
pub(crate) fn json_line(value: &Value) -> String {
    let text = value.to_string();
    let unsafe_char = |c: char| c.is_control() || changes_text_direction(c);
    if !text.chars().any(unsafe_char) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Serializes generated types; they always serialize, but a failure must not panic.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value)
        .unwrap_or_else(|e| Value::String(format!("(could not serialize: {e})")))
}

/// An unbind's outcome: the word for the JSON `outcome` field, and a suffix for the text line
/// (nothing when the binding was removed now).
pub(crate) fn outcome(outcome: unbind::UnbindOutcome) -> (&'static str, &'static str) {
    match outcome {
        unbind::UnbindOutcome::Unbound => ("unbound", ""),
        unbind::UnbindOutcome::AlreadyUnbound => {
            ("already_unbound", " (it was not bound: nothing to do)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A list of inputs and what they show as, as other crates' tests list theirs.
    #[test]
    fn provider_strings_cannot_break_lines_or_reach_the_terminal() {
        assert_eq!(show("github"), "github");
        assert_eq!(show("a b"), "\"a b\"");
        assert_eq!(show("x\u{1b}[2Jy"), "\"x\\u{1b}[2Jy\"");
        assert_eq!(show("l1\nl2"), "\"l1\\nl2\"");
        assert_eq!(show(""), "\"\"");
        assert_eq!(
            line("c1", &[("platform", Some("line")), ("name", None)]),
            "c1  platform=line"
        );
    }

    #[test]
    fn json_lines_escape_every_control_and_keep_the_value() {
        let value = serde_json::json!({"a": "x\u{1b}[2J\u{7f}\u{9b}31m\u{85}\n", "b": "é"});
        let text = json_line(&value);
        assert_eq!(text, r#"{"a":"x\u001b[2J\u007f\u009b31m\u0085\n","b":"é"}"#);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
