//! The comparison of two [`Document`]s: the spec walk and the two public Rust APIs, read at the
//! same time on two threads ([`both_sides`]), and graded into a [`Report`].

use super::document::{Document, empty_document, load_source};
use super::outcome::Report;
use super::{grade, rust_api, spec_changes};
use crate::problem::Problem;

/// Compares two documents (`None`: the spec does not exist on that side).
pub fn compare(
    label: &str,
    old: Option<&Document>,
    new: Option<&Document>,
) -> Result<Report, Vec<Problem>> {
    compare_with(label, old, new, None)
}

/// [`compare`], given the code that `generate` wrote for the old document, if it is known
/// ([`super::source::committed_code`]): the old side's public Rust API is read from it instead of
/// generated again (unless it does not parse). The two sides' APIs are read at the same time,
/// on two threads.
pub fn compare_with(
    label: &str,
    old: Option<&Document>,
    new: Option<&Document>,
    old_code: Option<&str>,
) -> Result<Report, Vec<Problem>> {
    let title = |d: Option<&Document>| d.map(|d| d.openapi.info.title.clone());
    let empty = empty_document(&title(new).or_else(|| title(old)).unwrap_or_default());
    let old_code = old_code.filter(|_| old.is_some());
    let (old, new) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    if old.json == new.json {
        return Ok(Report {
            label: label.to_owned(),
            ..Report::default()
        });
    }
    let (old_label, new_label) = (format!("{label} (old)"), format!("{label} (new)"));
    // Syntax trees cannot cross threads: each side's API is read where its tree is made.
    let (old_api, (new_api, spec)) = both_sides(
        || api_of(old, old_code, &old_label),
        || {
            let api = api_of(new, None, &new_label);
            (api, spec_changes::changes(&old.json, &new.json))
        },
    );
    // The old side's problems first, as when the sides were read one after the other.
    let old_api = old_api?;
    let rust = new_api?.changes_since(&old_api);
    let (changes, unexplained) = grade::attribute(spec, rust);
    Ok(Report {
        label: label.to_owned(),
        changes,
        unexplained,
    })
}

/// `old()` and `new()` at the same time: `old` on a thread of its own (with progenitor's stack,
/// [`crate::progenitor_run::STACK_SIZE`]), `new` on this one; both on this one if no thread
/// can be started. A panic of `old`'s goes on here.
pub(crate) fn both_sides<A: Send, B>(
    old: impl FnOnce() -> A + Send,
    new: impl FnOnce() -> B,
) -> (A, B) {
    // Where `old` waits for its thread: still there if the thread did not start.
    let slot = std::sync::Mutex::new(Some(old));
    let take = || slot.lock().ok().and_then(|mut slot| slot.take());
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("diff: old side".to_owned())
            .stack_size(crate::progenitor_run::STACK_SIZE)
            .spawn_scoped(scope, || take().map(|old| old()));
        let new = new();
        let old = match thread {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => take().map(|old| old()),
        };
        (
            old.expect("`old` runs once, on one thread or the other"),
            new,
        )
    })
}

/// Checks that `code`, generated from `source`, has the public API `diff` generates for it in
/// memory ([`crate::render::api_syntax`]) and the API of the whole rewrite
/// ([`crate::render::syntax`]), as [`rust_api::Api::read_code`] reads committed code: what
/// reading the old side from its committed code relies on. `cargo xtask corpus` checks it on
/// every published document; the tests on the specs and a sample of the diff fixtures.
pub fn check_committed_api(source: &crate::spec::Source, code: &str) -> Result<(), String> {
    let name = source.name();
    let problems = |p: Vec<Problem>| crate::problem::one_line(&p);
    let document = load_source(source).map_err(problems)?;
    let whole =
        rust_api::Api::read(&crate::render::syntax(&document.openapi, &name).map_err(problems)?);
    let for_diff = rust_api::Api::read(
        &crate::render::api_syntax(&document.openapi, &name).map_err(problems)?,
    );
    let committed = rust_api::Api::read_code(code)
        .ok_or_else(|| format!("{name}: the generated code does not parse"))?;
    if whole != for_diff {
        return Err(format!(
            "{name}: diff's in-memory API differs from the rewritten code's"
        ));
    }
    if committed != whole {
        return Err(format!(
            "{name}: the API read from the generated code differs from the API generated in memory"
        ));
    }
    Ok(())
}

/// The public Rust API of `document`: read from `code`, the code generated from it, when that
/// parses; generated ([`crate::render::api_syntax`]) otherwise.
fn api_of(
    document: &Document,
    code: Option<&str>,
    file: &str,
) -> Result<rust_api::Api, Vec<Problem>> {
    if let Some(api) = code.and_then(rust_api::Api::read_code) {
        return Ok(api);
    }
    crate::render::api_syntax(&document.openapi, file).map(|syntax| rust_api::Api::read(&syntax))
}
