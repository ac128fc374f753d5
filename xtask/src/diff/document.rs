//! One side of a comparison: a spec's files loaded into the [`Document`] the generator sees,
//! exactly as `generate` prepares it.

use serde_json::Value;

use crate::problem::Problem;

/// One side of a comparison as the generator sees it: the checked document, as the typed
/// OpenAPI model and as JSON (for pointers).
#[derive(Clone, Debug)]
pub struct Document {
    /// What progenitor is given.
    pub openapi: openapiv3::OpenAPI,
    /// The same document as JSON.
    pub json: Value,
}

/// THE way a side of a diff is loaded: the spec's files → the document the generator sees,
/// through [`crate::spec::prepare`] (the overlay, the shape rewrites and the lints), exactly as
/// `generate` does, so that `diff` compares what is generated from. Also what a release
/// baseline holds.
pub fn load_source(source: &crate::spec::Source) -> Result<Document, Vec<Problem>> {
    let prepared = crate::spec::prepare(source)?;
    let json = serde_json::to_value(&prepared.openapi).map_err(|e| {
        vec![Problem::at(
            &source.name(),
            "",
            format!("cannot serialise: {e}"),
        )]
    })?;
    Ok(Document {
        openapi: prepared.openapi,
        json,
    })
}

/// [`load_source`] for one spec file's `text` (named `file` in problems).
pub fn load(text: &str, file: &str) -> Result<Document, Vec<Problem>> {
    load_source(&crate::spec::Source::Spec(crate::spec::Text {
        file: file.to_owned(),
        text: text.to_owned(),
    }))
}

/// A spec with no operations: the "before" of a spec that did not exist yet.
pub fn empty_document(title: &str) -> Document {
    let text = format!("openapi: 3.0.3\ninfo:\n  title: {title:?}\n  version: '0'\npaths: {{}}\n");
    load(&text, "(none)").expect("the empty document is valid")
}
