//! Blanking secrets out of text that is about to be shown: error messages, logs, CLI output,
//! journal lines.
//!
//! A provider that echoes a token back may escape it on the way: as JSON (`\"`, `\\`,
//! `\u0041`, surrogate pairs), as Rust's `Debug` does (`\u{1b}`, `\'`), or twice over (a JSON
//! error body quoted inside another JSON document). [`Redactor::redact`] finds a secret in its
//! raw form and in every such escaped form, up to [`MAX_ESCAPE_DEPTH`] levels deep, and
//! replaces the whole escaped run with [`REDACTED`].
//!
//! Such text may also hold characters that drive the terminal it is shown on: control
//! characters, and those [`changes_text_direction`] picks, which what shows it escapes.
//!
//! ```
//! use unbind_runtime::SecretString;
//! use unbind_runtime::redact::Redactor;
//!
//! let redactor = Redactor::new([&SecretString::from(r#"tok-"quoted"-1"#)]);
//! assert_eq!(
//!     redactor.redact(r#"{"echo":"tok-\"quoted\"-1","again":"tok-\u0022quoted\u0022-1"}"#),
//!     r#"{"echo":"[REDACTED]","again":"[REDACTED]"}"#
//! );
//! ```

use std::fmt;

use secrecy::{ExposeSecret as _, SecretString};

/// What replaces a secret.
pub const REDACTED: &str = "[REDACTED]";

/// Secrets shorter than this many characters are not blanked: replacing every `true` of a
/// short "secret" would garble the text (and break its JSON) and protect little.
pub const MIN_SECRET_CHARS: usize = 8;

/// How many levels of escaping are undone when looking for a secret (JSON in JSON in a
/// `Debug` string is three).
pub const MAX_ESCAPE_DEPTH: usize = 3;

/// Whether `c` changes the direction a terminal shows text in: the embeddings, overrides and
/// isolates of Unicode's bidirectional algorithm (U+202A to U+202E, U+2066 to U+2069), with
/// which a provider's text could show in another order than it is (`invoice\u{202e}fdp.exe`).
pub fn changes_text_direction(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The secrets a client or a command holds, to blank out of anything it shows.
///
/// `Debug` shows only how many secrets it holds.
#[derive(Clone, Default)]
pub struct Redactor {
    secrets: Vec<SecretString>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redactor({} secrets)", self.secrets.len())
    }
}

/// One character of a (possibly unescaped) view of the text, with the bytes of the original
/// text it stands for.
#[derive(Clone, Copy)]
struct Spot {
    c: char,
    start: usize,
    end: usize,
}

impl Redactor {
    /// A redactor for `secrets`; those shorter than [`MIN_SECRET_CHARS`] are left out.
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a SecretString>) -> Self {
        let mut redactor = Self::default();
        redactor.extend(secrets);
        redactor
    }

    /// This redactor plus `more` secrets.
    pub fn with<'a>(&self, more: impl IntoIterator<Item = &'a SecretString>) -> Self {
        let mut all = self.clone();
        all.extend(more);
        all
    }

    /// Adds `more` secrets (those shorter than [`MIN_SECRET_CHARS`] are left out).
    pub fn extend<'a>(&mut self, more: impl IntoIterator<Item = &'a SecretString>) {
        self.secrets.extend(
            more.into_iter()
                .filter(|s| s.expose_secret().chars().count() >= MIN_SECRET_CHARS)
                .cloned(),
        );
    }

    /// How many secrets it blanks.
    pub fn len(&self) -> usize {
        self.secrets.len()
    }

    /// Whether it blanks nothing.
    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }

    /// `text` with every secret, raw or escaped (see the [module docs](self)), replaced by
    /// [`REDACTED`].
    pub fn redact(&self, text: &str) -> String {
        if self.secrets.is_empty() {
            return text.to_owned();
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for secret in &self.secrets {
            let secret = secret.expose_secret();
            // Overlapping occurrences too: `match_indices` would skip the second of two that
            // share characters.
            let mut from = 0;
            while let Some(at) = text[from..].find(secret) {
                let at = from + at;
                found.push((at, at + secret.len()));
                from = at + text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        // Escaped forms need a backslash; most texts have none and stop here.
        if text.contains('\\') {
            let secrets: Vec<Vec<char>> = self
                .secrets
                .iter()
                .map(|s| s.expose_secret().chars().collect())
                .collect();
            let mut view: Vec<Spot> = text
                .char_indices()
                .map(|(start, c)| Spot {
                    c,
                    start,
                    end: start + c.len_utf8(),
                })
                .collect();
            for _ in 0..MAX_ESCAPE_DEPTH {
                let Some(next) = unescape(&view) else {
                    break;
                };
                view = next;
                for secret in &secrets {
                    find(&view, secret, &mut found);
                }
            }
        }
        replace(text, found)
    }
}

/// Pushes the original byte range of every occurrence of `secret` in `view`.
fn find(view: &[Spot], secret: &[char], found: &mut Vec<(usize, usize)>) {
    if secret.is_empty() || view.len() < secret.len() {
        return;
    }
    for at in 0..=view.len() - secret.len() {
        let window = &view[at..at + secret.len()];
        if window.iter().zip(secret).all(|(spot, c)| spot.c == *c) {
            found.push((window[0].start, window[secret.len() - 1].end));
        }
    }
}

/// `text` with the byte ranges `found` (in any order, possibly overlapping) replaced by
/// [`REDACTED`].
fn replace(text: &str, mut found: Vec<(usize, usize)>) -> String {
    if found.is_empty() {
        return text.to_owned();
    }
    found.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    let mut current: Option<(usize, usize)> = None;
    for (start, end) in found {
        match &mut current {
            Some((_, current_end)) if start <= *current_end => {
                *current_end = (*current_end).max(end);
            }
            _ => {
                if let Some((s, e)) = current.take() {
                    out.push_str(&text[done..s]);
                    out.push_str(REDACTED);
                    done = e;
                }
                current = Some((start, end));
            }
        }
    }
    if let Some((s, e)) = current {
        out.push_str(&text[done..s]);
        out.push_str(REDACTED);
        done = e;
    }
    out.push_str(&text[done..]);
    out
}

/// One level of JSON and Rust `Debug` escapes undone, each resulting character keeping the
/// original bytes of its whole escape; `None` when there is nothing to undo.
fn unescape(view: &[Spot]) -> Option<Vec<Spot>> {
    let mut out = Vec::with_capacity(view.len());
    let mut changed = false;
    let mut i = 0;
    while i < view.len() {
        if view[i].c == '\\'
            && let Some((c, used)) = escape(&view[i + 1..])
        {
            out.push(Spot {
                c,
                start: view[i].start,
                end: view[i + used].end,
            });
            changed = true;
            i += used + 1;
            continue;
        }
        out.push(view[i]);
        i += 1;
    }
    changed.then_some(out)
}

/// The character an escape stands for, given what follows its backslash, and how many of
/// those characters it used.
fn escape(rest: &[Spot]) -> Option<(char, usize)> {
    let simple = match rest.first()?.c {
        c @ ('"' | '\\' | '/' | '\'') => c,
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'b' => '\u{8}',
        'f' => '\u{c}',
        '0' => '\0',
        'u' => return unicode(&rest[1..]).map(|(c, used)| (c, used + 1)),
        _ => return None,
    };
    Some((simple, 1))
}

/// A `\u` escape without its `\u`: Rust's `{1b}`, or JSON's four hex digits (a surrogate pair
/// as two escapes).
fn unicode(rest: &[Spot]) -> Option<(char, usize)> {
    if rest.first()?.c == '{' {
        let close = rest.iter().take(8).position(|s| s.c == '}')?;
        let code = hex(&rest[1..close])?;
        return Some((char::from_u32(code)?, close + 1));
    }
    let unit = hex(rest.get(..4)?)?;
    if let Some(c) = char::from_u32(unit) {
        return Some((c, 4));
    }
    // A high surrogate, which needs `\uDC00`–`\uDFFF` right after it.
    let low = rest.get(4..10)?;
    if low[0].c != '\\' || low[1].c != 'u' {
        return None;
    }
    let low = hex(&low[2..])?;
    if !(0xD800..0xDC00).contains(&unit) || !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    Some((char::from_u32(code)?, 10))
}

/// Hex digits (1 to 6) as a number.
fn hex(digits: &[Spot]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 6 {
        return None;
    }
    digits
        .iter()
        .try_fold(0_u32, |n, s| Some(n * 16 + s.c.to_digit(16)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = r#"Tok-"q"\x-é😀-1"#;

    #[test]
    fn text_direction_characters_are_the_embeddings_overrides_and_isolates() {
        let picked: Vec<u32> = (0x2000..0x2100)
            .filter_map(char::from_u32)
            .filter(|&c| changes_text_direction(c))
            .map(u32::from)
            .collect();
        let expected: Vec<u32> = (0x202a..=0x202e).chain(0x2066..=0x2069).collect();
        assert_eq!(picked, expected);
        assert!(!changes_text_direction('a') && !changes_text_direction('\u{1b}'));
    }

    fn redactor() -> Redactor {
        Redactor::new([&SecretString::from(SECRET), &SecretString::from("short")])
    }

    #[test]
    fn raw_json_and_debug_forms_are_blanked() {
        let json = serde_json_like(SECRET);
        let debug = format!("{SECRET:?}");
        let r = redactor();
        assert_eq!(r.len(), 1, "the 5-character secret is left out");
        for form in [SECRET.to_owned(), json.clone(), debug.clone()] {
            let text = format!("before {form} after");
            let out = r.redact(&text);
            assert!(!out.contains("Tok-"), "{text} -> {out}");
            assert!(
                out.starts_with("before ") && out.ends_with(" after"),
                "{out}"
            );
        }
        // The quotes of the JSON and Debug forms stay; only the secret inside goes.
        assert_eq!(r.redact(&debug), "\"[REDACTED]\"");
        assert_eq!(r.redact("short stays"), "short stays");
    }

    #[test]
    fn every_character_escaped_as_u_is_blanked() {
        // The way some encoders write every character: `\u0054\u006f…`, with a surrogate
        // pair for the emoji.
        let mut escaped = String::new();
        for unit in SECRET.encode_utf16() {
            escaped.push_str(&format!("\\u{unit:04x}"));
        }
        assert_eq!(
            redactor().redact(&format!("[\"{escaped}\"]")),
            "[\"[REDACTED]\"]"
        );
        let upper = escaped.to_uppercase().replace("\\U", "\\u");
        assert_eq!(redactor().redact(&upper), REDACTED);
    }

    #[test]
    fn escapes_nested_twice_are_blanked() {
        let once = serde_json_like(SECRET);
        let twice = serde_json_like(&format!("\"{once}\""));
        let thrice = format!("{:?}", format!("\"{twice}\""));
        for text in [twice, thrice] {
            let out = redactor().redact(&text);
            assert!(
                out.contains(REDACTED) && !out.contains("Tok-"),
                "{text} -> {out}"
            );
        }
    }

    #[test]
    fn other_text_is_left_exactly_as_it_was() {
        let text = r#"a \"b\" \u00e9 \u{1b} \ud800 \q \u12 \"#;
        assert_eq!(redactor().redact(text), text);
        assert_eq!(Redactor::default().redact(SECRET), SECRET);
        assert_eq!(format!("{:?}", redactor()), "Redactor(1 secrets)");
    }

    #[test]
    fn overlapping_and_adjacent_occurrences_are_one_blank_each_run() {
        let r = Redactor::new([&SecretString::from("abcabcab")]);
        assert_eq!(r.redact("xabcabcabcabx"), "x[REDACTED]x");
        assert_eq!(r.redact("abcabcab abcabcab"), "[REDACTED] [REDACTED]");
    }

    /// JSON's escaping of a string's content, as serde_json writes it (no quotes).
    fn serde_json_like(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out
    }
}
