//! The names progenitor 0.15.1 and typify 0.8 give to types, fields, arguments and enum
//! variants, computed as they compute them. Uses nothing else of the lint.

use std::collections::BTreeSet;

use heck::{ToPascalCase, ToSnakeCase};
use unicode_ident::{is_xid_continue, is_xid_start};

/// typify 0.8's `sanitize(input, Case::Pascal)`: the name of a type.
pub fn type_name(input: &str) -> String {
    sanitize(input, true, "x")
}

/// typify 0.8's `sanitize(input, Case::Snake)`: the name of a field.
pub fn field_name(input: &str) -> String {
    sanitize(input, false, "x")
}

/// progenitor 0.15.1's `sanitize(input, Case::Snake)`: the name of a method or an argument.
pub fn argument_name(input: &str) -> String {
    sanitize(input, false, "_")
}

/// progenitor's and typify's `sanitize`: they differ only in what precedes a name that does
/// not start as an identifier (`_` for progenitor, `x` for typify).
fn sanitize(input: &str, pascal: bool, prefix: &str) -> String {
    let to_case = |s: &str| {
        if pascal {
            s.to_pascal_case()
        } else {
            s.to_snake_case()
        }
    };
    let out = match input {
        "+1" => "plus1".to_owned(),
        "-1" => "minus1".to_owned(),
        _ => to_case(
            &input
                .replace('\'', "")
                .replace(|c: char| !is_xid_continue(c), "-"),
        ),
    };
    let out = match out.chars().next() {
        None => to_case("x"),
        Some(c) if is_xid_start(c) => out,
        Some(_) if prefix == "x" => format!("{}{out}", to_case("x")),
        Some(_) => format!("{prefix}{out}"),
    };
    if is_keyword(&out) {
        format!("{out}_")
    } else {
        out
    }
}

/// The words typify's `accept_as_ident` refuses (a trailing `_` is added to them).
fn is_keyword(ident: &str) -> bool {
    matches!(
        ident,
        "_" | "abstract"
            | "as"
            | "async"
            | "await"
            | "become"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "do"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "final"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "macro"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "override"
            | "priv"
            | "pub"
            | "ref"
            | "return"
            | "Self"
            | "self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "try"
            | "type"
            | "typeof"
            | "unsafe"
            | "unsized"
            | "use"
            | "virtual"
            | "where"
            | "while"
            | "yield"
    )
}

/// The variant names typify 0.8 gives a string enum's values, as it does: each value
/// sanitized; if two are equal, each value again with `_` and every character that cannot
/// continue an identifier made `X`.
pub fn variant_names(values: &[&str]) -> Vec<String> {
    let unique = |names: &[String]| names.iter().collect::<BTreeSet<_>>().len() == names.len();
    let first: Vec<String> = values.iter().map(|v| type_name(v)).collect();
    if unique(&first) {
        return first;
    }
    values
        .iter()
        .map(|v| type_name(&v.replace(|c: char| c == '_' || !is_xid_continue(c), "X")))
        .collect()
}
