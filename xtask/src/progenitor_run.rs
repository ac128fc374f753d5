//! Runs progenitor on a document: its panics caught and their report silenced, and a time
//! limit where the document needs one.
//!
//! typify 0.8 merges a schema's keywords into its `oneOf`/`anyOf`/`allOf`/`not` members
//! (`{minimum: 10, oneOf: [...]}`, or any `allOf`), and the merge takes time exponential in
//! the subschemas nested below: measured in a debug build, a `oneOf` of two members nested
//! nine deep under a `minimum` took 1.1 s, one of eight members nested two deep, minutes.
//! progenitor cannot be interrupted, so a document with such a schema ([`merges`]) is
//! generated on a thread of its own that is given up at a time limit: the caller gets
//! [`Generated::TimedOut`] and goes on, and the thread is left to finish (or to end with the
//! process). Any other document is generated on the calling thread, as quickly as before
//! (handing tokens across threads means printing and parsing them again, which costs more
//! than generating our own specs).

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use openapiv3::OpenAPI;
use proc_macro2::TokenStream;
use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle};
use serde_json::Value;

/// How long progenitor may take on a document whose schemas it must merge, unless the caller
/// says otherwise: well above the 1-2 s that the largest published documents measured here
/// take (Ory Kratos, 60 operations), well below a wait that looks like a hang.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The settings every client crate is generated with (see README, "Interface style").
///
/// Each client crate's hand-written `lib.rs` defines `Context` (what its hooks need: credentials,
/// a device id, or `()`) and implements `ClientHooks<Context>` for the generated `Client`; the
/// hook impl cannot live anywhere else (orphan rule), and `HooksMode::Expected` makes a
/// missing one a compile error rather than a silent no-op.
pub fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_inner_type(quote::quote!(crate::Context))
        .with_hooks(HooksMode::Expected);
    settings
}

/// The stack of a thread that runs progenitor: it recurses as deep as the schemas nest (up to
/// 128 levels of YAML), with room to spare.
pub const STACK_SIZE: usize = 64 << 20;

/// The time limit that [`deadline`] gives, in milliseconds, when a process set one.
static DEADLINE_SET: AtomicU64 = AtomicU64::new(0);

/// How many runs this process gave up on: their threads may still be running.
static ABANDONED: AtomicUsize = AtomicUsize::new(0);

/// The time limit of [`crate::render::syntax`]: [`DEADLINE`], or what [`set_deadline`] set.
pub fn deadline() -> Duration {
    match DEADLINE_SET.load(Ordering::Relaxed) {
        0 => DEADLINE,
        millis => Duration::from_millis(millis),
    }
}

/// Sets the time limit of every later [`crate::render::syntax`] in this process (at least
/// 1 ms): for a process that runs many documents and has a limit of its own per document,
/// such as the workers of `cargo xtask mutate`.
pub fn set_deadline(limit: Duration) {
    let millis = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX).max(1);
    DEADLINE_SET.store(millis, Ordering::Relaxed);
}

/// How many runs this process has given up on at the time limit. Each one's thread may still
/// be using a core: a process that goes on with more documents should start afresh instead.
pub fn abandoned() -> usize {
    ABANDONED.load(Ordering::Relaxed)
}

/// What one run of progenitor gave.
pub enum Generated {
    /// The tokens, or progenitor's error (as its message), or its panic (as its message).
    Done(Result<Result<TokenStream, String>, String>),
    /// Still running at the time limit, which was this long.
    TimedOut(Duration),
}

/// Runs progenitor on `spec`: on this thread, or, when the document has a schema that typify
/// must merge ([`merges`]), on a thread of its own given up after `deadline`.
pub fn generate(spec: &OpenAPI, deadline: Duration) -> Generated {
    generate_with(spec, serde_json::to_value(spec).ok().as_ref(), deadline)
}

/// [`generate`], given `spec` as JSON (`None` if it does not serialise), for a caller that
/// needs the JSON too: serialising a large document costs as much as a rewrite pass.
pub fn generate_with(spec: &OpenAPI, json: Option<&Value>, deadline: Duration) -> Generated {
    if !json.is_some_and(merges) {
        return Generated::Done(quietly(spec).map(|r| r.map_err(|e| e.to_string())));
    }
    let spec = spec.clone();
    let (send, receive) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("progenitor".to_owned())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            // Tokens are not `Send`: they cross as text, parsed again below.
            let outcome = quietly(&spec).map(|r| {
                r.map(|tokens| tokens.to_string())
                    .map_err(|e| e.to_string())
            });
            let _ = send.send(outcome);
        });
    if let Err(e) = spawned {
        return Generated::Done(Err(format!("cannot start a thread for progenitor: {e}")));
    }
    match receive.recv_timeout(deadline) {
        Ok(outcome) => Generated::Done(outcome.map(|r| {
            r.and_then(|text| {
                text.parse::<TokenStream>()
                    .map_err(|e| format!("progenitor's code does not lex: {e}"))
            })
        })),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            ABANDONED.fetch_add(1, Ordering::Relaxed);
            Generated::TimedOut(deadline)
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Generated::Done(Err("progenitor's thread ended without an answer".to_owned()))
        }
    }
}

/// Whether any mapping in `doc` is a schema that typify merges: one with `allOf`, or with
/// `oneOf`, `anyOf` or `not` beside any other keyword. Conservative: a mapping in an example
/// counts too (it only costs a thread).
pub fn merges(doc: &Value) -> bool {
    match doc {
        Value::Object(map) => merged_here(map).is_some() || map.values().any(merges),
        Value::Array(items) => items.iter().any(merges),
        _ => false,
    }
}

/// The keywords that combine subschemas, in the order a message names them.
pub(crate) const COMPOSITIONS: [&str; 4] = ["allOf", "oneOf", "anyOf", "not"];

/// When typify merges the schema `map` into its subschemas (it has `allOf`, or `oneOf`,
/// `anyOf` or `not` beside any other keyword): the first combining keyword it has.
pub(crate) fn merged_here(map: &serde_json::Map<String, Value>) -> Option<&'static str> {
    let combined: Vec<&'static str> = COMPOSITIONS
        .into_iter()
        .filter(|key| map.contains_key(*key))
        .collect();
    (combined.contains(&"allOf") || (!combined.is_empty() && map.len() > combined.len()))
        .then(|| combined[0])
}

thread_local! {
    /// Whether a panic on this thread is progenitor's, caught by [`quietly`]: its report is
    /// not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Puts in place, once per process, a panic hook that passes every panic to the hook before
/// it but those of a thread inside [`quietly`].
fn silence_progenitor() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs progenitor with its panics caught and their report silenced; a panic comes back as
/// its message.
pub fn quietly(spec: &OpenAPI) -> Result<Result<TokenStream, progenitor::Error>, String> {
    silence_progenitor();
    QUIET.with(|quiet| quiet.set(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        Generator::new(&settings()).generate_tokens(spec)
    }));
    QUIET.with(|quiet| quiet.set(false));
    outcome.map_err(|payload| panic_message(payload.as_ref()))
}

/// Runs progenitor's own mock generator (`Generator::httpmock`) on `spec`, with the same
/// settings as the client, its panics caught and silenced like [`quietly`]'s: typed
/// `when`/`then` wrappers of the `httpmock` crate, one pair per operation, and a
/// `MockServerExt` trait with one method per operation. `crate_path` is the path the mocks
/// name the client by (`crate` for a module of the client crate itself).
///
/// `spec` must be the document the client was generated from, after every operation
/// [`crate::render::syntax_with`] left out was taken out: the mocks then cover exactly the
/// client's operations.
pub fn mock_quietly(
    spec: &OpenAPI,
    crate_path: &str,
) -> Result<Result<TokenStream, progenitor::Error>, String> {
    silence_progenitor();
    QUIET.with(|quiet| quiet.set(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        Generator::new(&settings()).httpmock(spec, crate_path)
    }));
    QUIET.with(|quiet| quiet.set(false));
    outcome.map_err(|payload| panic_message(payload.as_ref()))
}

/// The message a panic carried.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "(no message)".to_owned())
}
