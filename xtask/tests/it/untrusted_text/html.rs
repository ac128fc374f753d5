//! No raw HTML in spec prose reaches the HTML docs as markup: it is shown as text, in any container, also where escaping uncovers more; random Markdown included.

use super::*;

/// Each piece of raw HTML in `prose.yaml` (blocks of each of CommonMark's seven kinds, inline
/// tags and comments, in the API's, an operation's, a parameter's, a schema's, a property's
/// and an enum's description), as the docs must show it: as text.
const PROSE_HTML: [&str; 17] = [
    "<marquee>info_marquee</marquee>",
    "<script>operation_script()</script>",
    "<img src=x onerror=operation_img()>",
    "<!-- operation_comment -->",
    "an <id> tag",
    "<div>\noperation_unclosed_div",
    "<b>parameter_bold</b>",
    "<iframe src=\"https://example.invalid/parameter_iframe\"></iframe>",
    "<style>schema_style { display: none }</style>",
    "<pre>",
    "</pre>",
    // progenitor 0.15.1 writes no HTML of its own: this is the document's.
    "<details open><summary>JSON schema</summary>\nproperty_details",
    "An <a href=\"javascript:property_anchor()\">anchor</a>",
    "<!-- property_unclosed_comment",
    "<textarea>enum_textarea</textarea>",
    "<?php enum_processing_instruction(); ?>",
    "<!DOCTYPE enum_declaration>\n\n<![CDATA[ enum_cdata ]]>",
];

#[test]
fn raw_html_in_spec_prose_is_text_in_the_docs() {
    let dir = workspace(&[("prose.yaml", &prose())]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    let generated =
        std::fs::read_to_string(dir.path().join("crates/prose-client/src/generated.rs")).unwrap();
    let (mut shown, mut autolinks) = (String::new(), Vec::new());
    for text in doc_texts(&generated) {
        let (text, links) = shown_text(&text);
        shown.push_str(&text);
        autolinks.extend(links);
    }
    for html in PROSE_HTML {
        assert!(
            shown.contains(html),
            "{html:?} is not shown as text:\n{shown}"
        );
    }
    // An autolink is a link, not HTML: it stays one.
    assert!(
        autolinks.contains(&"https://example.invalid/operation_autolink".to_owned()),
        "{autolinks:?}"
    );
}

#[test]
fn raw_html_in_any_container_is_shown_as_text() {
    let containers = [
        "", "> ", "- ", "1. ", "> - ", "- > ", "  ", "   ", "* [ ] ", "[^1]: ",
    ];
    // Blocks of each of CommonMark's seven kinds, open or closed, inline tags and comments;
    // and HTML blocks holding what is code once they are text.
    let forms = [
        "<script>\nrun_me();\n</script>",
        "<style>p { display: none }</style>",
        "<pre>\n\n    run_me();\n</pre>",
        "<textarea>\n```rust\nrun_me();\n```\n</textarea>",
        "<!-- a comment -->",
        "<!-- a comment left open\n\nthe rest",
        "<?php run_me(); ?>",
        "<!DOCTYPE html>",
        "<![CDATA[ run_me(); ]]>",
        "<div>\nleft open",
        "<iframe src=\"https://example.invalid\"></iframe>",
        "<id>",
        "</div>",
        "Inline <b>bold</b>, <img src=x onerror=run_me()>, <!-- c --> and <br/>.",
        "<details open><summary>JSON schema</summary>\n\n</details>",
    ];
    let (mut cases, mut with_html) = (0, 0);
    for container in containers {
        let continued: String = container
            .chars()
            .map(|c| if c == '>' { c } else { ' ' })
            .collect();
        for form in forms {
            let mut text = "Intro.\n\n".to_owned();
            for (n, line) in form.lines().enumerate() {
                text.push_str(if n == 0 { container } else { &continued });
                text.push_str(line);
                text.push('\n');
            }
            text.push_str("\nAfter <https://example.invalid/after>.\n");
            cases += 1;
            if xtask::render_docs::html_ranges(&text).is_empty() {
                // A comment left open after a task's box is text already.
                continue;
            }
            with_html += 1;
            let plain = xtask::render_docs::plain_markdown(&text);
            assert!(is_plain(&plain), "{text:?} became {plain:?}");
            // Rewritten in place (not one block of the whole text): each line shown as it
            // was, and the autolink a link (unless an HTML block left open held it).
            assert_ne!(plain, xtask::render_docs::fence_all(&text), "{text:?}");
            let (shown, autolinks) = shown_text(&plain);
            for line in form
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with("```"))
            {
                assert!(
                    shown.contains(line),
                    "{line:?} of {text:?} is lost in {plain:?}"
                );
            }
            // Any other link is a URL of the text, once bare (out of the HTML that held it).
            let before = autolinks_of(&text);
            assert!(before.iter().all(|a| autolinks.contains(a)), "{plain:?}");
            assert!(
                autolinks.iter().all(|a| text.contains(a.as_str())),
                "{plain:?}"
            );
        }
    }
    assert_eq!(cases, containers.len() * forms.len());
    assert!(with_html + 5 > cases, "{with_html} of {cases}");
}

#[test]
fn html_that_escaping_uncovers_is_escaped_in_turn_a_few_times_then_the_text_is_one_block() {
    // The backtick in the first tag opens a code span once that tag is text, and the code
    // span that held `<b>` is gone: `<b>` is HTML on the second parse.
    let text = "<a title=\"`\">x `<b>` y`\n";
    let html: Vec<&str> = xtask::render_docs::html_ranges(text)
        .into_iter()
        .map(|range| &text[range])
        .collect();
    assert_eq!(html, ["<a title=\"`\">"]);
    let plain = xtask::render_docs::plain_markdown(text);
    assert_eq!(plain, "&lt;a title=\"`\">x `&lt;b>` y`\n");
    assert!(is_plain(&plain));
    // A chain of them uncovers one more on each parse: past a few, the whole text is one
    // `text` block rather than parsed again and again.
    let chain = "<a t=\"`\">`".repeat(3) + "\n";
    assert_eq!(
        xtask::render_docs::plain_markdown(&chain),
        "&lt;a t=\"`\">`".repeat(3) + "\n"
    );
    let chain = "<a t=\"`\">`".repeat(1_000) + "\n";
    assert_eq!(xtask::render_docs::escape_html(&chain), None);
    assert_eq!(
        xtask::render_docs::plain_markdown(&chain),
        xtask::render_docs::fence_all(&chain)
    );
}

#[test]
fn random_markdown_keeps_no_raw_html() {
    // Markdown made of pieces of HTML, code and containers, mixed at random (a fixed
    // sequence: the same cases on every run).
    let pieces = [
        "<div>",
        "</div>",
        "<pre>",
        "</pre>",
        "<script>",
        "<!--",
        "-->",
        "<?",
        "?>",
        "<!X",
        "<![CDATA[",
        "]]>",
        "<a t=\"",
        "\"",
        ">",
        "<",
        "<https://x.y>",
        "`",
        "```",
        "    ",
        "> ",
        "- ",
        "\n",
        "\n",
        "\n",
        "x",
        " ",
        "\\",
        "[",
        "](",
        ")",
        "&lt;",
    ];
    let mut seed: u64 = 54321;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let (mut with_html, mut whole) = (0, 0);
    for case in 0..6_000 {
        let text: String = (0..3 + case % 30)
            .map(|_| pieces[next() % pieces.len()])
            .collect();
        let text = rustdoc_text(&text.lines().map(str::to_owned).collect::<Vec<_>>());
        if xtask::render_docs::html_ranges(&text).is_empty() {
            continue;
        }
        with_html += 1;
        let plain = xtask::render_docs::plain_markdown(&text);
        assert!(is_plain(&plain), "{text:?} became {plain:?}");
        if plain == xtask::render_docs::fence_all(&text) {
            whole += 1;
        }
    }
    // Most are rewritten in place; the rest became one block of the whole text, which the
    // check after each rewrite is there for.
    assert!(
        with_html > 1_500 && whole * 10 < with_html,
        "{whole} of {with_html}"
    );
}
