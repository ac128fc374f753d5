//! What the mutations write: prose and names a document's author controls, `$ref` targets,
//! parameter places, path keys, formats, and a value of another type.

use serde_json::{Value, json};

use super::super::rng::Rng;

/// Prose a document's author controls: descriptions, summaries, titles.
pub(super) const PROSE: &[&str] = &[
    "```\nstd::fs::write(\"pwned-by-doctest\", \"\").unwrap();\n```",
    "Run this:\n```rust\nfn main() { panic!(\"a doctest ran\") }\n```\nDone.",
    "Example:\n\n    curl -X POST https://example.invalid/x -d '{}'\n\nEnd.",
    "    an indented first line",
    "~~~\nlet x = 1;\n~~~",
    "```ignore\nnot rust\n```",
    "```text\nplain\n```\n```\nunterminated",
    "The \"Acme\" API, with a \\ backslash",
    "Line one\n[build]\nbuild = \"../../specs/inject_build.rs\"",
    "x\"\nbuild = \"build.rs\"\n[package.metadata]\ny = \"",
    "title\n#![cfg(any())]\npub fn injected() {}\n//",
    "*/ pub fn injected() {} /*",
    "\u{1b}[31mred\u{1b}[0m and \u{7}bell",
    "right\u{202e}gnol and \u{2066}isolate\u{2069}",
    "nul\u{0}byte",
    "carriage\rreturn\r\nand CRLF",
    "\u{feff}byte order mark",
    "line\u{2028}separator\u{2029}paragraph\u{85}next line",
    "tab\tand\u{7f}delete",
    "{} {0} {name} %s %n {{",
    "'''\n\"\"\"\n r#\"raw\"#",
    "<script>alert(1)</script> [link](javascript:alert(1)) [`Client`] [crate::x]",
    "",
    " ",
    "\n",
    "#[doc = \"x\"]\n#![allow(warnings)]",
    "\\u{1b} \\n \\\"",
    "é 日本語 🙂 \u{0301}",
    "[package]\nname = \"other\"",
    "\"\"\"\ndescription = \"",
];

/// Names a document's author controls: operationIds, properties, parameters, schemas, enum
/// values, tags.
pub(super) const IDENTS: &[&str] = &[
    "",
    " ",
    "x",
    "X",
    "123",
    "1abc",
    "fn",
    "self",
    "Self",
    "super",
    "crate",
    "type",
    "r#type",
    "async",
    "await",
    "dyn",
    "try",
    "union",
    "a b",
    "a-b",
    "a.b",
    "a/b",
    "a\"b",
    "a'b",
    "a\nb",
    "a\u{0}b",
    "a\u{202e}b",
    "é",
    "日本",
    "🙂",
    "_",
    "__",
    "-",
    "$ref",
    "Client",
    "Error",
    "ResponseValue",
    "builder",
    "types",
    "new",
    "baseurl",
    "Result",
    "Option",
    "String",
    "Vec",
    "Box",
    "std",
    "core",
    "progenitor_client",
    "reqwest",
    "a_",
    "_a",
    "A_B",
    "aB",
    "ab",
    "AB",
    "{id}",
    "~1",
    "%20",
    "\\",
    "a::b",
    "<T>",
    "clone",
    "drop",
    "main",
];

/// Where a `$ref` can be sent.
pub(crate) const REF_TARGETS: &[&str] = &[
    "#/components/responses/x",
    "#/components/schemas/Missing",
    "#/components/parameters/x",
    "#/components/requestBodies/x",
    "#",
    "",
    "#/",
    "other.yaml#/components/schemas/X",
    "https://example.invalid/spec.yaml#/X",
    "#/paths",
    "#/info/title",
    "#/components/schemas",
    "#components/schemas/X",
    "#/components/schemas/~2",
    "#/components/schemas/a%20b",
];

/// What a parameter's `in` can be instead of a valid place.
pub(crate) const PARAMETER_PLACES: &[&str] = &[
    "qurey", "body", "formData", "cookie", "header", "path", "query", "", "Query", "PATH",
];

/// Paths a document can name.
pub(crate) const PATH_KEYS: &[&str] = &[
    "/a/{b}/{b}",
    "x",
    "",
    "/",
    "/{}",
    "/a b",
    "/{id",
    "/..",
    "//",
    "/a?b=c",
    "/a#b",
    "/{id}/{missing}",
    "/é/{日本}",
    "/{a}{b}",
    "/{self}",
    "/{type}",
];

/// Formats a schema can claim.
pub(crate) const FORMATS: &[&str] = &[
    "date-time",
    "date",
    "uuid",
    "binary",
    "byte",
    "int128",
    "uint8",
    "int8",
    "float",
    "double",
    "ip",
    "ipv4",
    "ipv6",
    "uri",
    "email",
    "password",
    "🙂",
    "",
    "int64",
    "uint64",
];

/// Whole values that replace a node of another type.
pub(crate) fn other_values(rng: &mut Rng, original: &Value) -> Value {
    let candidates = [
        json!("x"),
        json!(""),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(1e300),
        json!(true),
        json!(false),
        Value::Null,
        json!([]),
        json!([original.clone()]),
        json!({}),
        json!({ "x": original.clone() }),
        json!(PROSE[rng.below(PROSE.len())]),
    ];
    let kind = |v: &Value| std::mem::discriminant(v);
    let differing: Vec<&Value> = candidates
        .iter()
        .filter(|v| kind(v) != kind(original))
        .collect();
    (*rng.pick(&differing).expect("several types differ")).clone()
}
