//! Text from a published document reaches the files the xtask writes only as data: a title
//! cannot add keys to a Cargo.toml or items to a lib.rs, no code block in spec prose is ever
//! compiled or run as a doctest, no raw HTML in it reaches the HTML docs as markup, and an
//! empty operationId is not taken for a name.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::common::{fixture, workspace, xtask};

/// The spec of `xtask/tests/fixtures/untrusted/prose.yaml`.
pub(crate) fn prose() -> String {
    fixture("untrusted/prose.yaml")
}

/// A one-operation document (no JSON body) titled `title`, as JSON.
fn titled(title: &str) -> String {
    serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": title, "version": "1"},
        "paths": {"/things": {"get": {
            "operationId": "list_things",
            "responses": {"204": {"description": "ok"}}
        }}}
    })
    .to_string()
}

/// The scaffold's Cargo.toml and lib.rs for a published document titled `title`.
fn scaffold(title: &str) -> (String, String) {
    let dir = workspace(&[("upstream/acme.json", &titled(title))]);
    let outputs = xtask::plan(dir.path(), Some("acme"))
        .unwrap_or_else(|problems| panic!("{title:?}: {problems:?}"));
    let file = |path: &str| {
        outputs
            .iter()
            .find(|o| o.path == path)
            .unwrap_or_else(|| panic!("{title:?}: no {path}"))
            .new
            .clone()
    };
    (
        file("crates/acme-client/Cargo.toml"),
        file("crates/acme-client/src/lib.rs"),
    )
}

/// Every key of a TOML table, by its dotted path, at any depth, in order.
fn key_paths(table: &dyn toml_edit::TableLike, above: &str, out: &mut Vec<String>) {
    for (key, item) in table.iter() {
        let path = format!("{above}{key}");
        out.push(path.clone());
        if let Some(inner) = item.as_table_like() {
            key_paths(inner, &format!("{path}."), out);
        }
    }
}

/// The text rustdoc reads from doc comment lines (what follows each `///` or `//!`): joined,
/// less the indentation that every line that is not blank shares.
fn rustdoc_text(lines: &[String]) -> String {
    let blank = |l: &str| l.chars().all(char::is_whitespace);
    let indent = lines
        .iter()
        .filter(|l| !blank(l))
        .map(|l| l.chars().take_while(|c| matches!(c, ' ' | '\t')).count())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| if blank(l) { l.as_str() } else { &l[indent..] })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The options rustdoc parses a doc comment with.
fn rustdoc_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Each code block of a Markdown text: its info string (`None` for an indented block) and
/// its content.
fn code_blocks(text: &str) -> Vec<(Option<String>, String)> {
    let mut blocks = Vec::new();
    let mut open = None;
    for event in Parser::new_ext(text, rustdoc_options()) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => Some(info.into_string()),
                    CodeBlockKind::Indented => None,
                };
                open = Some((info, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, content)) = &mut open {
                    content.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// The doc texts of a Rust file, one per run of `///` (or `//!`) lines, read as rustdoc
/// reads them; one-line attributes between them (`#[derive(…)]`) do not end a run.
fn doc_texts(rust: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut style = "";
    for line in rust.lines().map(str::trim_start) {
        let doc = ["///", "//!"]
            .into_iter()
            .find(|s| line.starts_with(s) && !line.starts_with("////"));
        match doc {
            Some(s) if run.is_empty() || s == style => {
                style = s;
                run.push(line[3..].to_owned());
            }
            None if line.starts_with("#[") && line.ends_with(']') => {}
            _ => {
                if !run.is_empty() {
                    texts.push(rustdoc_text(&run));
                    run.clear();
                }
                if let Some(s) = doc {
                    style = s;
                    run.push(line[3..].to_owned());
                }
            }
        }
    }
    if !run.is_empty() {
        texts.push(rustdoc_text(&run));
    }
    texts
}

/// A title as the first line of lib.rs must show it: whitespace folded to one space, each
/// control or text-direction character as its escape.
fn shown(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The plain text of the first paragraph of a Markdown text, and whether anything in it is
/// more than text or inline code (a link, HTML, emphasis…).
fn first_paragraph(markdown: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut more = Vec::new();
    for event in Parser::new_ext(markdown, rustdoc_options()) {
        match event {
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            other => more.push(format!("{other:?}")),
        }
    }
    (text, more)
}

#[test]
fn a_title_reaches_cargo_toml_and_lib_rs_only_as_data() {
    let titles = [
        "The \"Acme\" API".to_owned(),
        "Acme\nbuild = \"../../specs/inject_build.rs\"\n[lib]\npath = \"x.rs\"".to_owned(),
        "Acme\r\nkey = 1\rother = 2\r".to_owned(),
        "Acme \"\"\" API ''' x \"\"\"".to_owned(),
        "Acme ] [build] x".to_owned(),
        "Acme\n#![cfg(any())]\npub fn injected() {}\n//! more".to_owned(),
        "Acme \u{202E}evil\u{2066} \u{1b}[31m API\u{0}".to_owned(),
        "Acme \\ API \\\\ \\u0041 \\\" \\n".to_owned(),
        "Acme <id> `code` ``` [link](https://acme.example.com) *em* https://acme.example.com &amp;"
            .to_owned(),
        "Acme\n\n```\nstd::fs::write(\"pwned\", \"\").unwrap();\n```\n\n    indented".to_owned(),
        " \n\t ".to_owned(),
        "Acme ".repeat(5_000),
    ];
    let (benign_toml, benign_lib) = scaffold("Acme");
    let mut benign_keys = Vec::new();
    key_paths(
        benign_toml
            .parse::<toml_edit::DocumentMut>()
            .unwrap()
            .as_table(),
        "",
        &mut benign_keys,
    );
    assert!(benign_keys.contains(&"package.description".to_owned()));
    let items = |lib: &str| -> Vec<String> {
        let file = syn::parse_file(lib).unwrap_or_else(|e| panic!("{e}:\n{lib}"));
        assert!(file.attrs.iter().all(|a| a.path().is_ident("doc")), "{lib}");
        file.items
            .into_iter()
            .map(|mut item| {
                if let syn::Item::Mod(m) = &mut item {
                    m.attrs.retain(|a| !a.path().is_ident("doc"));
                }
                quote::ToTokens::to_token_stream(&item).to_string()
            })
            .collect()
    };
    let benign_items = items(&benign_lib);
    for title in &titles {
        let (toml, lib) = scaffold(title);
        let manifest: toml_edit::DocumentMut = toml
            .parse()
            .unwrap_or_else(|e| panic!("{title:?}: Cargo.toml does not parse: {e}\n{toml}"));
        let mut keys = Vec::new();
        key_paths(manifest.as_table(), "", &mut keys);
        assert_eq!(keys, benign_keys, "{title:?}:\n{toml}");
        assert_eq!(
            manifest["package"]["description"].as_str(),
            Some(
                format!(
                    "Typed client for {title}, generated from specs/upstream/acme.json by progenitor."
                )
                .as_str()
            ),
            "{title:?}"
        );

        assert_eq!(items(&lib), benign_items, "{title:?}:\n{lib}");
        assert!(
            !lib.contains(|c: char| (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{title:?}: {lib:?}"
        );
        // The crate's doc (the `//!` lines) and those of the template's items.
        let docs = doc_texts(&lib);
        assert_eq!(
            docs.len(),
            doc_texts(&benign_lib).len(),
            "{title:?}:\n{lib}"
        );
        let (text, more) = first_paragraph(&docs[0]);
        assert_eq!(
            text,
            format!(
                "Typed client for {}, generated from specs/upstream/acme.json.",
                shown(title)
            ),
            "{title:?}:\n{lib}"
        );
        assert!(
            more.iter().all(|e| e == "SoftBreak"),
            "{title:?}: {more:?}\n{lib}"
        );
        // The template's doctest, and nothing else, is code.
        let blocks = code_blocks(&docs[0]);
        assert_eq!(blocks.len(), 1, "{title:?}:\n{lib}");
        assert_eq!(blocks[0].0.as_deref(), Some(""), "{title:?}");
        assert!(
            blocks[0].1.contains("acme_client::Client::new("),
            "{title:?}: {blocks:?}"
        );
    }
}

/// The text each code block of `prose.yaml` holds, by where it is in the document.
const PROSE_BLOCKS: [&str; 14] = [
    "info_description_block();",
    "std::fs::write(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/pwned\"), \"\").unwrap();",
    "curl -X GET https://example.invalid/things/1",
    "parameter_block();",
    "blockquote_block();",
    "list_item_indented_block();",
    "list_item_ignore_block();",
    "no_run_block();",
    "should_panic_block();",
    "tab_indented_block();",
    "unclosed_block();",
    "enum_block();",
    // In a `<pre>` HTML block, after a blank line: code once the HTML is text.
    "schema_pre_indented_block();",
    // progenitor's own example of a call (after a parameter's description that opens a
    // fence its list item does not hold: the block runs to the end).
    "let response = client.get_thing()",
];

#[test]
fn every_code_block_in_spec_prose_is_a_text_block() {
    let dir = workspace(&[("prose.yaml", &prose())]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    let generated =
        std::fs::read_to_string(dir.path().join("crates/prose-client/src/generated.rs")).unwrap();
    let blocks: Vec<_> = doc_texts(&generated)
        .iter()
        .flat_map(|text| code_blocks(text))
        .collect();
    for (info, content) in &blocks {
        assert_eq!(
            info.as_deref(),
            Some("text"),
            "a code block that rustdoc would compile: {content}"
        );
    }
    // Each of the document's blocks is still there, in a block of its own or (where the
    // Markdown around it is ambiguous) within another.
    for expected in PROSE_BLOCKS {
        assert!(
            blocks.iter().any(|(_, content)| content.contains(expected)),
            "{expected:?} is in no code block: {blocks:#?}"
        );
    }
}

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

/// What rustdoc shows of a Markdown text as text (text, inline code, code blocks; a line
/// break as `\n`, the end of a block as a blank line), with smart punctuation undone (a
/// document's `--` or `"` shows as a dash or a curly quote, in HTML as in any prose); and the
/// destinations of its autolinks. Panics at any raw HTML.
fn shown_text(markdown: &str) -> (String, Vec<String>) {
    let mut shown = String::new();
    let mut autolinks = Vec::new();
    for event in Parser::new_ext(markdown, rustdoc_options()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("raw HTML {html:?} in a doc text:\n{markdown}")
            }
            Event::Text(t) | Event::Code(t) => shown.push_str(&t),
            Event::SoftBreak | Event::HardBreak => shown.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) => shown.push_str("\n\n"),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) => autolinks.push(dest_url.into_string()),
            _ => {}
        }
    }
    let plain = shown
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('\u{2014}', "---")
        .replace('\u{2013}', "--")
        .replace('\u{2026}', "...");
    (plain, autolinks)
}

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

#[test]
fn an_empty_operation_id_is_derived_as_a_missing_one_is() {
    let spec = r#"{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{
        "/things":{"get":{"operationId":"","responses":{"204":{"description":"ok"}}}},
        "/other/{id}":{"delete":{"operationId":" -_- ","parameters":[{"name":"id","in":"path",
            "required":true,"schema":{"type":"string"}}],"responses":{"204":{"description":"ok"}}}}}}"#;
    let dir = workspace(&[("upstream/t.json", spec)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "note: specs/upstream/t.json: /paths/~1other~1{id}/delete/operationId: operationId \" -_- \" has no letter or digit: derived \"delete_other_by_id\" from the method and path (an overlay can set another)\n\
         note: specs/upstream/t.json: /paths/~1things/get/operationId: operationId \"\" has no letter or digit: derived \"get_things\" from the method and path (an overlay can set another)\n"
    );
    let generated =
        std::fs::read_to_string(dir.path().join("crates/t-client/src/generated.rs")).unwrap();
    assert!(
        generated.contains("pub fn get_things(&self)"),
        "{generated}"
    );
    assert!(
        generated.contains("pub fn delete_other_by_id(&self)"),
        "{generated}"
    );
}

#[test]
fn code_blocks_in_any_container_are_fenced_as_text_with_their_text_kept() {
    let containers = [
        "", "> ", "- ", "1. ", "> - ", "- > ", "  ", "   ", "\t", "* [ ] ", "[^1]: ", ">",
    ];
    let forms = [
        "```\nrun_me();\n```",
        "```rust,ignore\nrun_me();\n```",
        "~~~ sh {.x}\nrun_me();\n~~~",
        "```\nrun_me();",
        "    run_me();\n\n    and_me();",
        "\trun_me();",
        "````\n```\nrun_me();\n````",
        "```text\nrun_me();\n```",
        "```no_run\n    run_me();\n```\n\n    and_me();",
    ];
    let mut rewritten_in_place = 0;
    let mut cases = 0;
    for container in containers {
        // Later lines as a list item's continuation (spaces) or a block quote's (`>`), or
        // with the container repeated.
        let continued: String = container
            .chars()
            .map(|c| if c == '>' || c == '\t' { c } else { ' ' })
            .collect();
        for later in [continued.as_str(), container] {
            for form in forms {
                let mut text = "Intro.\n\n".to_owned();
                for (n, line) in form.lines().enumerate() {
                    text.push_str(if n == 0 { container } else { later });
                    text.push_str(line);
                    text.push('\n');
                }
                text.push_str("\nAfter.\n");
                let before = code_blocks(&text);
                let fenced = xtask::render_docs::fence_code_blocks(&text);
                let after = code_blocks(&rustdoc_text(
                    &fenced.lines().map(str::to_owned).collect::<Vec<_>>(),
                ));
                cases += 1;
                for (info, _) in &after {
                    assert_eq!(info.as_deref(), Some("text"), "{text:?} became {fenced:?}");
                }
                for (_, content) in &before {
                    assert!(
                        after.iter().any(|(_, c)| c.contains(content.trim())),
                        "{content:?} of {text:?} is lost in {fenced:?}"
                    );
                }
                if !after.iter().any(|(_, c)| c.contains("Intro.")) {
                    rewritten_in_place += 1;
                }
            }
        }
    }
    // Each is rewritten in place: none became one block of the whole text.
    assert_eq!(rewritten_in_place, cases);
}

#[test]
fn a_text_whose_blocks_cannot_be_rewritten_in_place_becomes_one_text_block() {
    // An indented block after a list marker and a tab: fenced in place, its columns change.
    let text = "\t> \n\n- \t  *``` > x\t       >  x\n";
    assert_eq!(code_blocks(text)[0].0, None);
    let fenced = xtask::render_docs::fence_code_blocks(text);
    assert_eq!(fenced, xtask::render_docs::fence_all(text));
    assert_eq!(
        code_blocks(&fenced),
        [(Some("text".to_owned()), text.to_owned())]
    );

    // The fence is longer than any run of backticks in the text.
    let text = "Intro ``````` with backticks.\n\n```\nrun_me();\n```\n";
    let fenced = xtask::render_docs::fence_all(text);
    assert!(fenced.starts_with("````````text\n"), "{fenced}");
    assert_eq!(
        code_blocks(&fenced),
        [(Some("text".to_owned()), text.to_owned())]
    );
}

#[test]
fn random_markdown_keeps_no_code_block_but_text() {
    // Markdown made of pieces that open containers, fences and indented blocks, mixed at
    // random (a fixed sequence: the same cases on every run).
    let pieces = [
        "> ",
        "- ",
        "1. ",
        "\t",
        "    ",
        "  ",
        "```",
        "~~~",
        "x",
        "\n",
        "\n",
        "\n",
        "`",
        "[^1]: ",
        "<pre>",
        "|a|\n|-|\n",
        "rust",
        " ",
        "*",
        "#",
    ];
    let mut seed: u64 = 12345;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let (mut with_code, mut whole) = (0, 0);
    for case in 0..6_000 {
        let text: String = (0..3 + case % 30)
            .map(|_| pieces[next() % pieces.len()])
            .collect();
        let text = rustdoc_text(&text.lines().map(str::to_owned).collect::<Vec<_>>());
        let before = code_blocks(&text);
        if before
            .iter()
            .all(|(info, _)| info.as_deref() == Some("text"))
        {
            continue;
        }
        with_code += 1;
        let fenced = xtask::render_docs::fence_code_blocks(&text);
        let after = code_blocks(&rustdoc_text(
            &fenced.lines().map(str::to_owned).collect::<Vec<_>>(),
        ));
        for (info, _) in &after {
            assert_eq!(info.as_deref(), Some("text"), "{text:?} became {fenced:?}");
        }
        if fenced == xtask::render_docs::fence_all(&text) {
            whole += 1;
        }
    }
    // Most are rewritten in place; the rest (tabs against list markers, mostly) became one
    // block of the whole text, which the check after each rewrite is there for.
    assert!(
        with_code > 1_500 && whole > 0 && whole * 10 < with_code,
        "{whole} of {with_code}"
    );
}

/// Whether `text`, as rustdoc reads the doc comment lines it is printed as, has no raw HTML
/// and no code block but `text` ones.
fn is_plain(text: &str) -> bool {
    let text = rustdoc_text(&text.lines().map(str::to_owned).collect::<Vec<_>>());
    Parser::new_ext(&text, rustdoc_options()).all(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => false,
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => &*info == "text",
        Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => false,
        _ => true,
    })
}

/// The destinations of the autolinks of a Markdown text.
fn autolinks_of(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, rustdoc_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect()
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
