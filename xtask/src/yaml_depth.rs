//! How deep a YAML text nests its collections, measured before the text is parsed into a value,
//! so that a text nested too deep is refused in milliseconds.
//!
//! serde_norway refuses a value nested deeper than [`MAX_DEPTH`] collections, but only after
//! libyaml has read the whole text into events, and libyaml's scanner costs time in proportion
//! to the flow collections open at each token: a 200 KB text of 100,000 nested `{a: ` took
//! about two minutes (measured, debug build: 10,000 levels 1.6 s, 30,000 levels 9.3 s; the
//! same with `a: [[[…`: 0.8 s and 5 s). Block nesting (`- - - …`) and indentation cost no more
//! than their size (100,000 `- ` in 94 ms), and a text at most [`MAX_DEPTH`] deep reads in
//! linear time (500 KB of one list inside 127 others: as long as the same list alone).
//!
//! [`depth`] reads the text with the same parser, event by event (the events are dropped as
//! they come), and stops at the first collection that passes the limit. libyaml looks at most
//! about 1,024 characters ahead of the event it returns (a simple key goes stale after that),
//! so it stops within that distance of the place, whatever follows. The same parser means the
//! same verdict: no text that this check reads as shallow is nested otherwise for
//! serde_norway, and a syntax error ends the check where serde_norway will report it.
//!
//! Pure-Rust event parsers were measured too: saphyr-parser 0.3.4 (and yaml-rust2 0.13.2) also
//! stop early, but disagree with libyaml on what is YAML. They refuse `key:<TAB>value`,
//! `"value"#comment` and `[a]#comment`, all of which libyaml reads; a check that gave up there
//! would hand libyaml whatever deep text came next, and one that refused them would refuse
//! documents that parse today.
//!
//! libyaml's API is C's, so calling it takes `unsafe`: one parser, made and freed here, reading
//! a string that outlives it, each event deleted after its type and position are read.

#![allow(
    unsafe_code,
    reason = "libyaml's event API (the parser serde_norway uses) is C's, through raw pointers"
)]

use std::mem::MaybeUninit;

use unsafe_libyaml_norway as unsafe_sys;

/// The deepest nesting of collections read: serde_norway's own limit (it refuses a 129th
/// collection inside 128 others).
pub const MAX_DEPTH: usize = 128;

/// Where a text first nests deeper than the limit: the start of the collection that passes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// The deepest nesting of collections (sequences and mappings, block or flow) in `text`, read
/// up to its first syntax error if it has one (the parse fails there anyway); `Err` at the
/// first collection nested deeper than `limit`, without reading much further. Aliases are not
/// followed: what they repeat is already counted where it stands.
pub fn depth(text: &str, limit: usize) -> Result<usize, TooDeep> {
    let mut parser = Parser::new(text);
    let (mut depth, mut deepest) = (0usize, 0usize);
    while let Some((kind, mark)) = parser.next() {
        match kind {
            unsafe_sys::YAML_SEQUENCE_START_EVENT | unsafe_sys::YAML_MAPPING_START_EVENT => {
                depth += 1;
                if depth > limit {
                    let position = |n: u64| usize::try_from(n).map_or(usize::MAX, |n| n + 1);
                    return Err(TooDeep {
                        line: position(mark.line),
                        column: position(mark.column),
                    });
                }
                deepest = deepest.max(depth);
            }
            unsafe_sys::YAML_SEQUENCE_END_EVENT | unsafe_sys::YAML_MAPPING_END_EVENT => {
                depth = depth.saturating_sub(1);
            }
            unsafe_sys::YAML_STREAM_END_EVENT => break,
            _ => {}
        }
    }
    Ok(deepest)
}

/// A libyaml parser reading `text` (borrowed for as long as the parser lives).
struct Parser<'text> {
    /// Boxed: libyaml keeps pointers into the parser while it reads.
    sys: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
    /// Whether `sys` was initialised (and so must be deleted).
    live: bool,
    /// Whether more events may be asked for: not after an error.
    live_events: bool,
    _text: std::marker::PhantomData<&'text str>,
}

impl<'text> Parser<'text> {
    fn new(text: &'text str) -> Self {
        let mut parser = Parser {
            sys: Box::new(MaybeUninit::uninit()),
            live: false,
            live_events: true,
            _text: std::marker::PhantomData,
        };
        let raw = parser.sys.as_mut_ptr();
        // SAFETY: `raw` points to memory owned by the box, which initialize fills (it fails
        // only when memory runs out, which aborts first in this port). The input is `text`,
        // which outlives the parser (`'text`); its length fits in u64. The box does not move
        // while the parser lives (libyaml points into it).
        unsafe {
            if unsafe_sys::yaml_parser_initialize(raw).ok {
                parser.live = true;
                unsafe_sys::yaml_parser_set_encoding(raw, unsafe_sys::YAML_UTF8_ENCODING);
                unsafe_sys::yaml_parser_set_input_string(raw, text.as_ptr(), text.len() as u64);
            }
        }
        parser
    }

    /// The next event's type and start, or `None` at a syntax error (or if libyaml could not
    /// even start).
    fn next(&mut self) -> Option<(unsafe_sys::yaml_event_type_t, unsafe_sys::yaml_mark_t)> {
        if !self.live || !self.live_events {
            return None;
        }
        let raw = self.sys.as_mut_ptr();
        let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        // SAFETY: the parser is initialised (`live`). On success, parse filled `event`, which
        // is read, then deleted once; on failure it holds nothing to delete.
        unsafe {
            if !unsafe_sys::yaml_parser_parse(raw, event.as_mut_ptr()).ok {
                // The parser is left in its error state: no further call is made.
                self.live_events = false;
                return None;
            }
            let event = event.as_mut_ptr();
            let found = ((*event).type_, (*event).start_mark);
            unsafe_sys::yaml_event_delete(event);
            Some(found)
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        if self.live {
            // SAFETY: initialised and not yet deleted.
            unsafe { unsafe_sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
        }
    }
}
