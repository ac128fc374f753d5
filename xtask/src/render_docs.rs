//! Spec prose in the generated doc comments: text, never code or markup.
//!
//! progenitor copies titles, summaries and descriptions into `#[doc]` attributes as they are.
//! rustdoc reads an item's doc attributes as one Markdown text and compiles and runs each Rust
//! code block in it as a doctest: a fenced block with no language, or an indented one (a curl
//! example), in a provider's description would be compiled, or run, by `cargo test`. It also
//! copies raw HTML in that text into the HTML docs as it is: a `<script>`, an `<img onerror>`,
//! a `<style>` or an unclosed `<div>` would be markup in the generated crate's docs, and a tag
//! rustdoc does not know (`<id>`) fails `cargo doc -D warnings`.
//! [`doc_comments`] rewrites the attributes so that:
//!
//! - each line is one attribute (printed as one `///` line), with no character that ends a
//!   line early or that rustc refuses in a comment ([`is_unsafe`]);
//! - every piece of raw HTML of an item's text (a block, an inline tag, a comment) is text,
//!   each of its `<` written `&lt;` ([`escape_html`]); an autolink (`<https://…>`) stays a link;
//! - every bare URL of that text is an autolink, and every link that resolves to nothing
//!   (`[JWK]`, `[a][b]`) is text, its `[` escaped ([`escape_links`]): rustdoc would warn of
//!   both (`bare_urls`, `broken_intra_doc_links`), and `cargo doc -D warnings` fail;
//! - every code block of that text, whatever language it claims, is a fenced `text` block
//!   ([`fence_code_blocks`]);
//!
//! and checks the result by parsing it as rustdoc does ([`plain_markdown`]). progenitor 0.15.1
//! writes no HTML of its own in the docs, so none is kept.

use proc_macro2::{Delimiter, Group, Punct, Spacing, TokenStream, TokenTree};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The info string every code block in spec prose gets: rustdoc shows it, and never runs it.
const TEXT: &str = "text";

/// `tokens` with every item's doc attributes made safe (see the module doc), at any depth.
///
/// An item whose text has no raw HTML and no code block other than `text` keeps its
/// attributes as they were, but for one line per attribute; any other has its whole text
/// rewritten ([`plain_markdown`]), one line per attribute where its first doc attribute was.
pub fn doc_comments(tokens: TokenStream) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut at = 0;
    while at < trees.len() {
        let run = attributes_at(&trees, at);
        if run.is_empty() {
            match &trees[at] {
                TokenTree::Group(group) => {
                    let mut rewritten = Group::new(group.delimiter(), doc_comments(group.stream()));
                    rewritten.set_span(group.span());
                    out.push(TokenTree::Group(rewritten));
                }
                other => out.push(other.clone()),
            }
            at += 1;
            continue;
        }
        at = run.last().map_or(at, |a| a.end);
        out.extend(rewrite_run(&trees, &run));
    }
    out.into_iter().collect()
}

/// One attribute in a token list: `#[…]` or `#![…]`.
struct Attribute {
    /// Where its `#` is.
    start: usize,
    /// Just past its bracketed group.
    end: usize,
    /// `#!`: an inner attribute.
    inner: bool,
    /// Its text, if it is `doc = "…"`.
    doc: Option<String>,
}

/// The attributes of one style (outer, or inner) that follow each other from `at`: those that
/// rustdoc reads as one text.
fn attributes_at(trees: &[TokenTree], mut at: usize) -> Vec<Attribute> {
    let mut run: Vec<Attribute> = Vec::new();
    while let Some(TokenTree::Punct(hash)) = trees.get(at)
        && hash.as_char() == '#'
    {
        let inner = matches!(trees.get(at + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        let Some(TokenTree::Group(group)) = trees.get(at + 1 + usize::from(inner)) else {
            break;
        };
        if group.delimiter() != Delimiter::Bracket || run.first().is_some_and(|a| a.inner != inner)
        {
            break;
        }
        let end = at + 2 + usize::from(inner);
        run.push(Attribute {
            start: at,
            end,
            inner,
            doc: doc_text(group.stream()),
        });
        at = end;
    }
    run
}

/// The text of `doc = "…"`.
fn doc_text(attribute: TokenStream) -> Option<String> {
    let syn::MetaNameValue { path, value, .. } = syn::parse2(attribute).ok()?;
    let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(text),
        ..
    }) = value
    else {
        return None;
    };
    path.is_ident("doc").then(|| text.value())
}

/// How one doc attribute is printed: as it is, or one ` line` attribute per line.
enum Printed {
    /// Untouched: one line, safe, printed as `///` and its text.
    Kept(String),
    /// One attribute per line, each printed as `/// ` and the line.
    Lines(Vec<String>),
}

impl Printed {
    /// For `text`: split into lines (escaped) when it has more than one, a character that
    /// must not reach a comment as itself, or a leading `/` (prettyplease would print that one
    /// as an attribute, which rustdoc indents differently).
    fn of(text: &str) -> Printed {
        if text.contains('\n') || text.contains(is_unsafe) || text.starts_with('/') {
            Printed::Lines(
                text.lines()
                    .map(|line| escape_unsafe(line.trim_end()))
                    .collect(),
            )
        } else {
            Printed::Kept(text.to_owned())
        }
    }

    /// What follows `///` on each printed line.
    fn comment_lines(&self) -> Vec<String> {
        match self {
            Printed::Kept(text) => vec![text.clone()],
            Printed::Lines(lines) => lines.iter().map(|line| format!(" {line}")).collect(),
        }
    }
}

/// The tokens of the attributes `run` (taken from `trees`), rewritten.
fn rewrite_run(trees: &[TokenTree], run: &[Attribute]) -> Vec<TokenTree> {
    let printed: Vec<Option<Printed>> = run
        .iter()
        .map(|a| a.doc.as_deref().map(Printed::of))
        .collect();
    let comment_lines: Vec<String> = printed
        .iter()
        .flatten()
        .flat_map(Printed::comment_lines)
        .collect();
    let inner = run.first().is_some_and(|a| a.inner);
    let text = rustdoc_text(&comment_lines);
    let fenced = (!is_plain(&text)).then(|| plain_markdown(&text));
    let mut out = Vec::new();
    let mut first_doc = true;
    for (attribute, printed) in run.iter().zip(&printed) {
        match (printed, &fenced) {
            (None, _) => out.extend(trees[attribute.start..attribute.end].iter().cloned()),
            (Some(_), Some(fenced)) => {
                if first_doc {
                    for line in fenced.lines() {
                        out.extend(doc_attribute(&format!(" {line}"), inner));
                    }
                }
            }
            (Some(Printed::Kept(_)), None) => {
                out.extend(trees[attribute.start..attribute.end].iter().cloned());
            }
            (Some(Printed::Lines(lines)), None) => {
                for line in lines {
                    out.extend(doc_attribute(&format!(" {line}"), inner));
                }
            }
        }
        if printed.is_some() {
            first_doc = false;
        }
    }
    out
}

/// `#[doc = "…"]` (or `#![doc = "…"]`) holding `text`.
fn doc_attribute(text: &str, inner: bool) -> Vec<TokenTree> {
    let mut out = vec![TokenTree::Punct(Punct::new('#', Spacing::Alone))];
    if inner {
        out.push(TokenTree::Punct(Punct::new('!', Spacing::Alone)));
    }
    out.push(TokenTree::Group(Group::new(
        Delimiter::Bracket,
        quote::quote!(doc = #text),
    )));
    out
}

/// `line` with each control character (but a tab) and each text-direction character written
/// as its Rust escape (`\u{1b}`): spec text in a doc comment must not reach a terminal as an
/// escape sequence (`generate --check` prints the diff), nor end a comment line (a lone CR),
/// nor make rustc refuse the crate (`text_direction_codepoint_in_comment`).
fn escape_unsafe(line: &str) -> String {
    crate::problem::escaped(line, is_unsafe).into_owned()
}

/// A control character but a tab or a line break, or a text-direction character (which
/// rustc refuses in comments).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text rustdoc reads from an item's doc comment lines (what follows each `///`): the
/// lines joined, each line that is not blank stripped of the indentation (spaces and tabs)
/// that all of them share.
pub fn rustdoc_text<S: AsRef<str>>(comment_lines: &[S]) -> String {
    let blank = |line: &str| line.chars().all(char::is_whitespace);
    let indent = comment_lines
        .iter()
        .map(AsRef::as_ref)
        .filter(|line| !blank(line))
        .map(|line| line.chars().take_while(|c| matches!(c, ' ' | '\t')).count())
        .min()
        .unwrap_or(0);
    let mut text = String::new();
    for line in comment_lines.iter().map(AsRef::as_ref) {
        // The indentation is spaces and tabs, one byte each.
        text.push_str(if blank(line) { line } else { &line[indent..] });
        text.push('\n');
    }
    text
}

/// The Markdown options rustdoc reads a doc comment's main text with.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// One code block of a Markdown text, as rustdoc's parser sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeBlock {
    /// The fence's info string (`rust,ignore`), or `None` for an indented block.
    pub info: Option<String>,
    /// What it holds, as rustdoc would compile it.
    pub content: String,
    /// Where the block is in the text, in bytes (from its fence or its first line's text, to
    /// its end).
    pub range: std::ops::Range<usize>,
}

/// The code blocks of `text`, read as rustdoc reads a doc comment (after [`rustdoc_text`]).
pub fn code_blocks(text: &str) -> Vec<CodeBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<CodeBlock> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                open = Some(CodeBlock {
                    info: match kind {
                        CodeBlockKind::Fenced(info) => Some(info.into_string()),
                        CodeBlockKind::Indented => None,
                    },
                    content: String::new(),
                    range,
                });
            }
            Event::Text(content) => {
                if let Some(block) = &mut open {
                    block.content.push_str(&content);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// Whether `text` has a code block that is not a fenced `text` block.
fn has_code_to_fence(text: &str) -> bool {
    code_blocks(text)
        .iter()
        .any(|block| block.info.as_deref() != Some(TEXT))
}

/// Whether `text`, read as rustdoc reads a doc comment, has no raw HTML, no code block but
/// fenced `text` blocks, no bare URL and no link that resolves to nothing ([`bare_urls`],
/// [`broken_links`]).
fn is_plain(text: &str) -> bool {
    bare_urls(text).is_empty()
        && broken_links(text).is_empty()
        && Parser::new_ext(text, options()).all(|event| match event {
            Event::Html(_) | Event::InlineHtml(_) => false,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                !is_unsafe_link(&dest_url)
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => &*info == TEXT,
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => false,
            _ => true,
        })
}

/// `text` (Markdown as rustdoc reads it) as prose and text blocks only: its raw HTML escaped
/// ([`escape_html`]), its bare URLs and links to nothing made links and text
/// ([`escape_links`]), then its code blocks fenced as `text` ([`fence_code_blocks`]), in that
/// order (escaping an HTML block can turn what it held into a code block). The result is
/// parsed again, as its printed lines will be: unless it has no raw HTML and no code block
/// but `text` ones, the whole of `text` becomes one `text` block instead.
pub fn plain_markdown(text: &str) -> String {
    let rewritten = escape_html(text)
        .and_then(|escaped| escape_links(&escaped))
        .and_then(|escaped| {
            if has_code_to_fence(&escaped) {
                try_fence_code_blocks(&escaped)
            } else {
                Some(escaped)
            }
        });
    match rewritten {
        Some(rewritten) if is_plain(&rustdoc_text(&rewritten.lines().collect::<Vec<_>>())) => {
            rewritten
        }
        _ => fence_all(text),
    }
}

/// How many times [`escape_html`] escapes the raw HTML it finds and parses the result again:
/// escaping a tag can make HTML of what was not (a backtick in a tag, no longer in it, opens
/// a code span that moves where a later one ends).
const HTML_ROUNDS: usize = 8;

/// The byte ranges of `text`'s raw HTML, read as rustdoc reads a doc comment: each line of an
/// HTML block (of CommonMark's seven kinds: `<script>`, `<!-- -->`, `<?…?>`, `<!X>`,
/// `<![CDATA[`, a known block tag, any other tag alone on its line), each inline tag or
/// comment. An autolink is a link, not HTML.
pub fn html_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
        .map(|(_, range)| range)
        .collect()
}

/// Whether a link to `dest` (as decoded from the Markdown) would run or show something other
/// than a page in rustdoc's HTML: any scheme but `http`, `https` and `mailto` (`javascript:`,
/// `data:`, `vbscript:`, `file:`…). Tabs and line breaks are dropped first, as browsers drop
/// them from a URL. A relative link, a fragment or a Rust path (`super::Client`) has no scheme.
pub fn is_unsafe_link(dest: &str) -> bool {
    let dest: String = dest
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let dest = dest.trim_start_matches(|c: char| c <= ' ');
    let Some((scheme, rest)) = dest.split_once(':') else {
        return false;
    };
    // `super::Client::send` is an intra-doc link (progenitor writes such definitions), a
    // Rust path that rustdoc resolves, not a URL.
    !rest.starts_with(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !["http", "https", "mailto"]
            .iter()
            .any(|safe| scheme.eq_ignore_ascii_case(safe))
}

/// Where each link or image of `text` to an unsafe destination ([`is_unsafe_link`]) opens: the
/// byte offset of its `[` (or of an autolink's `<`), which escaping turns into text.
fn unsafe_link_openings(text: &str) -> Vec<usize> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_unsafe_link(&dest_url) =>
            {
                text.get(range.clone())?
                    .find(['[', '<'])
                    .map(|at| range.start + at)
            }
            _ => None,
        })
        .collect()
}

/// `text` (Markdown as rustdoc reads it) with each `<` of its raw HTML ([`html_ranges`])
/// written `&lt;`, so that rustdoc shows that HTML as text, and each link or image to an
/// unsafe destination ([`is_unsafe_link`]) made text by escaping its opening `[` (`\[`) or
/// `<`; the rest of the Markdown as it was. Parsed again until no raw HTML or unsafe link is
/// left, `None` if some is after `HTML_ROUNDS` rounds.
pub fn escape_html(text: &str) -> Option<String> {
    let mut text = text.to_owned();
    for _ in 0..HTML_ROUNDS {
        let ranges = html_ranges(&text);
        let openings = unsafe_link_openings(&text);
        if ranges.is_empty() && openings.is_empty() {
            return Some(text);
        }
        let mut in_html = vec![false; text.len()];
        for range in ranges {
            in_html.get_mut(range)?.fill(true);
        }
        let mut escaped = String::with_capacity(text.len() + 16);
        for (at, c) in text.char_indices() {
            let opens_link = openings.contains(&at);
            if c == '<' && (in_html[at] || opens_link) {
                escaped.push_str("&lt;");
            } else if c == '[' && opens_link {
                escaped.push_str("\\[");
            } else {
                escaped.push(c);
            }
        }
        text = escaped;
    }
    (html_ranges(&text).is_empty() && unsafe_link_openings(&text).is_empty()).then_some(text)
}

/// The byte ranges of the bare URLs of `text` (Markdown as rustdoc reads it), as rustdoc's
/// `bare_urls` lint finds them: `http://` or `https://` and a host name in text that is not
/// a link, a code span or a code block; each ends before the first character that cannot be
/// in a URL, less a last `.`, `,`, `:`, `;`, `!`, `?` or unmatched `)`, which end a sentence.
pub fn bare_urls(text: &str) -> Vec<std::ops::Range<usize>> {
    // The runs of text outside links and code blocks: the parser splits a text at each
    // character that could be emphasis (`x_(y)`), so adjacent pieces are joined.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut within = 0usize;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => within += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                within = within.saturating_sub(1);
            }
            Event::Text(_) if within == 0 => match runs.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => runs.push(range),
            },
            _ => {}
        }
    }
    let mut found = Vec::new();
    for range in runs {
        let Some(source) = text.get(range.clone()) else {
            continue;
        };
        let mut from = 0;
        while let Some(at) = source[from..].find("http").map(|n| from + n) {
            let rest = &source[at..];
            let after_scheme = ["https://", "http://"]
                .into_iter()
                .find(|scheme| rest.starts_with(scheme))
                .map(str::len);
            let word_start = source[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric());
            let (Some(scheme), true) = (after_scheme, word_start) else {
                from = at + 4;
                continue;
            };
            let mut end = scheme
                + rest[scheme..]
                    .find(|c: char| {
                        !(c.is_ascii_alphanumeric() || "-@:%._+~#?&/=()!,;*$'".contains(c))
                    })
                    .unwrap_or(rest.len() - scheme);
            // What ends a sentence or closes a parenthesis opened before the URL.
            loop {
                let url = &rest[..end];
                let last = url.chars().next_back().unwrap_or(' ');
                let unmatched = last == ')' && url.matches('(').count() < url.matches(')').count();
                if ".,:;!?'*".contains(last) || unmatched {
                    end -= 1;
                } else {
                    break;
                }
            }
            let host = &rest[scheme..end];
            if host
                .split(['/', '?', '#'])
                .next()
                .is_some_and(|h| h.contains('.'))
            {
                found.push(range.start + at..range.start + at + end);
            }
            from = at + end.max(scheme);
        }
    }
    found
}

/// The byte ranges of the links of `text` (Markdown as rustdoc reads it) that have no
/// destination: `[JWK]`, `[a][b]`, `[a][]` with no definition of their label, which rustdoc
/// would try to resolve as Rust paths (`broken_intra_doc_links`). A link that the text
/// defines (progenitor's `[`Client::x`]: super::Client::x`) is not one of them.
pub fn broken_links(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut note = |link: pulldown_cmark::BrokenLink<'_>| {
        found.push(link.span.clone());
        None
    };
    Parser::new_with_broken_link_callback(text, options(), Some(&mut note)).for_each(drop);
    found
}

/// `text` (Markdown as rustdoc reads it) with each bare URL ([`bare_urls`]) made an autolink
/// (`<https://…>`, still a link) and the opening `[` of each link that resolves to nothing
/// ([`broken_links`]) escaped (`\[JWK]`, shown as it was written). Parsed again until none is
/// left, `None` if some is after `HTML_ROUNDS` rounds.
pub fn escape_links(text: &str) -> Option<String> {
    let mut text = text.to_owned();
    for _ in 0..HTML_ROUNDS {
        let urls = bare_urls(&text);
        let broken = broken_links(&text);
        if urls.is_empty() && broken.is_empty() {
            return Some(text);
        }
        // Insertions at byte offsets, made from the last so that the earlier stay right.
        let mut inserts: Vec<(usize, &str)> = Vec::new();
        for url in urls {
            inserts.push((url.start, "<"));
            inserts.push((url.end, ">"));
        }
        for link in broken {
            let bracket = link.start + text.get(link.clone())?.find('[')?;
            inserts.push((bracket, "\\"));
        }
        inserts.sort_by(|a, b| b.cmp(a));
        inserts.dedup();
        for (at, what) in inserts {
            text.insert_str(at, what);
        }
    }
    (bare_urls(&text).is_empty() && broken_links(&text).is_empty()).then_some(text)
}

/// `text` (Markdown as rustdoc reads it) with every code block a fenced `text` block: a
/// fence's info string replaced, an indented block fenced (in the list item or block quote it
/// is in). The result is parsed again: unless it has the same blocks with the same contents,
/// all `text`, the whole of `text` becomes one `text` block instead.
pub fn fence_code_blocks(text: &str) -> String {
    try_fence_code_blocks(text).unwrap_or_else(|| fence_all(text))
}

/// [`fence_code_blocks`]' rewrite, `None` where its check fails.
fn try_fence_code_blocks(text: &str) -> Option<String> {
    let before = code_blocks(text);
    let rewritten = rewrite_blocks(text, &before)?;
    let after = code_blocks(&rustdoc_text(&rewritten.lines().collect::<Vec<_>>()));
    (after.len() == before.len()
        && after
            .iter()
            .zip(&before)
            .all(|(a, b)| a.info.as_deref() == Some(TEXT) && a.content == b.content))
    .then_some(rewritten)
}

/// `text` as one fenced `text` block, its fence longer than any run of backticks in it.
pub fn fence_all(text: &str) -> String {
    let fence = fence_for(text);
    let mut out = format!("{fence}{TEXT}\n");
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
    out
}

/// A backtick fence longer than any run of backticks in `content` (three at least).
fn fence_for(content: &str) -> String {
    let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// [`fence_code_blocks`]' rewrite, not yet checked; `None` where the blocks' places are not
/// as expected (each after the one before it).
fn rewrite_blocks(text: &str, blocks: &[CodeBlock]) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16 * blocks.len());
    let mut done = 0;
    for block in blocks {
        if block.info.as_deref() == Some(TEXT) {
            continue;
        }
        let line_start = text
            .get(..block.range.start)?
            .rfind('\n')
            .map_or(0, |n| n + 1);
        if line_start < done || block.range.end < block.range.start {
            return None;
        }
        if block.info.is_some() {
            // The opening fence: its run of backticks or tildes kept, its info string made
            // `text`; the rest of the block is unchanged.
            let fence_start =
                block.range.start + text[block.range.start..].find(|c| c != ' ').unwrap_or(0);
            let marker = text[fence_start..].chars().next().unwrap_or('`');
            let run = text[fence_start..]
                .find(|c| c != marker)
                .unwrap_or(text.len() - fence_start);
            out.push_str(text.get(done..fence_start + run)?);
            out.push_str(TEXT);
            done = text[fence_start..]
                .find('\n')
                .map_or(text.len(), |n| fence_start + n);
        } else {
            // An indented block: its lines from their start, fenced at the indentation of
            // what contains it (its prefix less the four columns that make it code).
            let prefix = &text[line_start..block.range.start];
            let container = prefix
                .strip_suffix("    ")
                .or_else(|| prefix.strip_suffix('\t'))
                .unwrap_or(prefix);
            // On the lines after the first, a block quote's `>` is kept, a list marker is
            // spaces.
            let continued: String = container
                .chars()
                .map(|c| if c == '>' || c == '\t' { c } else { ' ' })
                .collect();
            let fence = fence_for(&block.content);
            out.push_str(text.get(done..line_start)?);
            out.push_str(&format!("{container}{fence}{TEXT}\n"));
            for line in block.content.lines() {
                out.push_str(&format!("{continued}{line}\n"));
            }
            out.push_str(&format!("{continued}{fence}\n"));
            // The block's range ends after its last line break.
            done = block.range.end;
        }
    }
    out.push_str(text.get(done..)?);
    Some(out)
}
