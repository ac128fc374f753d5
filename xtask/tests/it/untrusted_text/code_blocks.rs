//! No code block in spec prose is compiled or run as a doctest: each is fenced as `text`, in any container, with its text kept; random Markdown included.

use super::*;

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
