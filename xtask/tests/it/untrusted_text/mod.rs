//! Text from a published document reaches the files the xtask writes only as data: a title
//! cannot add keys to a Cargo.toml or items to a lib.rs, no code block in spec prose is ever
//! compiled or run as a doctest, no raw HTML in it reaches the HTML docs as markup, and an
//! empty operationId is not taken for a name.

mod code_blocks;
mod html;
mod links;

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
