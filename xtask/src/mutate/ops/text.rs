//! Mutations of a file's text: deep nesting, a line broken, YAML's own features.

use super::super::rng::Rng;

/// A mutation of a file's text, after any mutation of its parsed document.
pub(crate) fn mutate_text(rng: &mut Rng, text: &str, json: bool) -> Option<(String, String)> {
    match rng.below(20) {
        0..=5 => nest_text(rng, text, json),
        6..=7 => {
            let c = *rng.pick(&[
                '\0', '\u{1b}', '\u{202e}', '\u{feff}', '\r', '\t', '\u{85}', '\u{2028}', '\u{7f}',
                '\u{fffd}',
            ])?;
            let at = char_boundary(text, rng.below(text.len() + 1));
            Some((
                format!("{}{c}{}", &text[..at], &text[at..]),
                format!("insert {:?} at byte {at}", c),
            ))
        }
        8..=12 => line_edit(rng, text),
        13 => {
            let at = char_boundary(text, rng.below(text.len() + 1));
            Some((text[..at].to_owned(), format!("truncate at byte {at}")))
        }
        _ if json => None,
        _ => yaml_feature(rng, text),
    }
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Nests a value 100, 200 or 10,000 levels deep in flow (`[[[…]]]`, `{a: {a: …}}`) or block
/// (`- - - x`, indented mappings) style.
fn nest_text(rng: &mut Rng, text: &str, json: bool) -> Option<(String, String)> {
    let depth = *rng.pick(&[100, 200, 200, 200, 10_000])?;
    let style = if json { rng.below(2) } else { rng.below(4) };
    let nested = match style {
        0 => format!("{}1{}", "[".repeat(depth), "]".repeat(depth)),
        1 if json => format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        1 => format!("{}1{}", "{a: ".repeat(depth), "}".repeat(depth)),
        2 => format!("\n{}x", "- ".repeat(depth)),
        _ => {
            let depth = depth.min(200);
            let mut block = String::new();
            for level in 0..depth {
                block.push('\n');
                block.push_str(&" ".repeat(level + 1));
                block.push_str("a:");
            }
            block.push_str(" 1");
            block
        }
    };
    let kind = [
        "flow lists",
        "flow mappings",
        "block lists",
        "block mappings",
    ][style];
    // The value of a random `key: value` line (or `"key": value,` in JSON), or the whole file.
    let lines: Vec<(usize, &str)> = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter_map(|start| {
            let line = text[start..].lines().next()?;
            let colon = if json {
                line.find("\": ")
            } else {
                line.find(": ")
            }?;
            let value_start = start + colon + if json { 3 } else { 2 };
            let rest = &text[value_start..start + line.len()];
            // A scalar value, not the opening of a JSON object or list.
            (!rest.is_empty() && !rest.starts_with(['{', '['])).then_some((value_start, rest))
        })
        .collect();
    if style >= 2 && lines.is_empty() {
        return None;
    }
    match rng.pick(&lines) {
        Some(&(start, rest)) if rng.percent(85) => {
            let end = if json {
                start + rest.trim_end_matches(',').len()
            } else {
                start + rest.len()
            };
            let at = line_column(text, start);
            Some((
                format!("{}{nested}{}", &text[..start], &text[end..]),
                format!("nest the value at {at} {depth} levels of {kind}"),
            ))
        }
        _ if style < 2 => Some((nested, format!("the whole file: {depth} levels of {kind}"))),
        _ => None,
    }
}

/// `line:column` (1-based) of byte `at`.
fn line_column(text: &str, at: usize) -> String {
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{column}")
}

fn line_edit(rng: &mut Rng, text: &str) -> Option<(String, String)> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.len() < 2 {
        return None;
    }
    let at = rng.below(lines.len());
    let done = match rng.below(3) {
        0 => {
            lines.remove(at);
            format!("delete line {}", at + 1)
        }
        1 => {
            lines.insert(at, lines[at]);
            format!("duplicate line {}", at + 1)
        }
        _ => {
            let other = rng.below(lines.len());
            lines.swap(at, other);
            format!("swap lines {} and {}", at + 1, other + 1)
        }
    };
    Some((lines.join("\n"), done))
}

/// YAML's own features, appended as a new top-level key or replacing the file's head.
fn yaml_feature(rng: &mut Rng, text: &str) -> Option<(String, String)> {
    let (addition, what) = match rng.below(8) {
        0 => {
            // Nine levels of nine aliases: 387 million nodes if expanded.
            let mut bomb = String::from("x-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
            for level in 1..9 {
                let previous = level - 1;
                bomb.push_str(&format!(
                    "  a{level}: &a{level} [{}]\n",
                    vec![format!("*a{previous}"); 9].join(", ")
                ));
            }
            (bomb, "an alias bomb")
        }
        1 => (
            "x-base: &base\n  description: merged\n  responses: {}\nx-merged:\n  <<: *base\n  other: 1\n"
                .to_owned(),
            "a merge key",
        ),
        2 => ("x-tagged: !Custom {a: 1}\nx-binary: !!binary aGVsbG8=\n".to_owned(), "tags"),
        3 => ("---\nopenapi: 3.0.3\n".to_owned(), "a second document"),
        4 => ("1: one\n? [a, b]\n: complex\nnull: nothing\ntrue: yes\n".to_owned(), "keys that are not strings"),
        5 => (
            "x-numbers: [123456789012345678901234567890, .nan, .inf, -.inf, 0x1F, 0o17, 1e999]\n".to_owned(),
            "numbers beyond i64 and f64",
        ),
        6 => ("x-self: &self\n  a: *self\n".to_owned(), "an alias to itself"),
        _ => ("x-anchor: *undefined\n".to_owned(), "an undefined alias"),
    };
    Some((format!("{text}\n{addition}"), format!("append {what}")))
}
