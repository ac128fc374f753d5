//! URLs are links and brackets that link nowhere are text, as rustdoc reads them; a link to a script is text.

use super::*;

/// The destinations of every link of `markdown` that pulldown-cmark resolves (an undefined
/// `[x]` is no link), and whether rustdoc would try `[x]` as a Rust path: a link that resolves
/// to nothing, or a bare URL.
fn links(markdown: &str) -> (Vec<String>, usize) {
    let destinations = Parser::new_ext(markdown, rustdoc_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect();
    let lint = xtask::render_docs::broken_links(markdown).len()
        + xtask::render_docs::bare_urls(markdown).len();
    (destinations, lint)
}

#[test]
fn urls_are_links_and_brackets_that_link_nowhere_are_text() {
    let dir = workspace(&[("prose.yaml", &prose())]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    let generated =
        std::fs::read_to_string(dir.path().join("crates/prose-client/src/generated.rs")).unwrap();
    let (mut shown, mut destinations) = (String::new(), Vec::new());
    for text in doc_texts(&generated) {
        let (found, lint) = links(&text);
        assert_eq!(lint, 0, "a bare URL or a link to nothing:\n{text}");
        destinations.extend(found);
        shown.push_str(&shown_text(&text).0);
    }
    // Bare URLs are links (without the full stop after one), a Markdown link stays one.
    for url in [
        "https://example.invalid/operation_bare_url",
        "https://example.invalid/operation_markdown_link",
        "https://example.invalid/property_bare_url",
    ] {
        assert!(
            destinations.contains(&url.to_owned()),
            "{url}: {destinations:?}"
        );
    }
    // Brackets that link nowhere show as written.
    assert!(
        shown.contains("the [JWK] and the\n[a][b] and [c][] that link nowhere"),
        "{shown}"
    );
    // What rustdoc does with the rest: `scaffold_builds` builds the docs with `-D warnings`.
}

#[test]
fn bare_urls_are_found_as_rustdoc_finds_them() {
    fn found(text: &str) -> Vec<&str> {
        xtask::render_docs::bare_urls(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }
    assert_eq!(
        found(
            "See https://a.example/x_(y). Or (http://b.example/z), or https://c.example?q=1&r=2!"
        ),
        [
            "https://a.example/x_(y)",
            "http://b.example/z",
            "https://c.example?q=1&r=2"
        ]
    );
    // Not in a link, a code span, a code block or an autolink; not without a host.
    assert_eq!(
        found(
            "[t](https://a.example) `https://b.example` <https://c.example> https://localhost xhttps://d.example\n\n    https://e.example\n"
        ),
        [] as [&str; 0]
    );
    assert_eq!(
        xtask::render_docs::escape_links("a https://a.example. [JWK] [a][b]\n").as_deref(),
        Some("a <https://a.example>. \\[JWK] \\[a]\\[b]\n")
    );
    // A defined reference stays a link (progenitor's intra-doc links are such).
    let defined = "[`Client::x`]\n\n[`Client::x`]: super::Client::x\n";
    assert_eq!(
        xtask::render_docs::escape_links(defined).as_deref(),
        Some(defined)
    );
}

/// The link and image destinations of `markdown`, read as rustdoc reads a doc comment.
fn destinations(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, rustdoc_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// A link in spec prose whose destination is a script (`javascript:`, `data:`, `vbscript:`)
/// would be a live link in the generated crate's HTML docs: it is shown as text. Links to
/// `https:`, `http:` and `mailto:` stay links.
#[test]
fn a_link_to_a_script_in_spec_prose_is_text_in_the_docs() {
    let cases = [
        "See [the docs](javascript:alert(1)) first.",
        "![logo](data:text/html;base64,PHNjcmlwdD4=)",
        "Open <javascript:alert(1)> now.",
        "Read [this][r].\n\n[r]: VBScript:msgbox(1)",
        "- a list with [a link]( javascript:alert(1) 'title')",
        "> [quoted](jAvAsCrIpT:alert(1))",
    ];
    for case in cases {
        let shown = xtask::render_docs::plain_markdown(case);
        assert_eq!(
            destinations(&shown),
            Vec::<String>::new(),
            "{case:?} → {shown:?}"
        );
        assert!(
            shown.contains("alert(1)") || shown.contains("msgbox(1)") || shown.contains("base64"),
            "{shown:?}"
        );
    }
    let kept = "See [the docs](https://example.com/a), <http://example.com>, [mail](mailto:a@example.com) or [`Client`](super::Client).";
    assert_eq!(xtask::render_docs::plain_markdown(kept), kept);
    assert_eq!(
        destinations(&xtask::render_docs::plain_markdown(kept)),
        [
            "https://example.com/a",
            "http://example.com",
            "mailto:a@example.com",
            "super::Client"
        ]
    );
}
