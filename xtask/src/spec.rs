//! Reads a spec: YAML text → JSON value → lint → `openapiv3::OpenAPI`.

use std::path::Path;

use serde_json::Value;

use crate::lint::lint;
use crate::problem::{Location, Problem, escape};

/// Reads and checks the spec at `path`, naming it `file` (relative to the workspace) in problems.
pub fn load(path: &Path, file: &str) -> Result<openapiv3::OpenAPI, Vec<Problem>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![Problem::at(file, "", format!("cannot read: {e}"))])?;
    parse(&text, file)
}

/// Checks the spec text `text`, naming it `file` in problems.
pub fn parse(text: &str, file: &str) -> Result<openapiv3::OpenAPI, Vec<Problem>> {
    let doc: Value = serde_norway::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        vec![Problem {
            file: file.to_owned(),
            location: Location::LineColumn(line, column),
            message: format!("invalid YAML: {e}"),
        }]
    })?;
    let problems = lint(file, &doc);
    if !problems.is_empty() {
        return Err(problems);
    }
    serde_path_to_error::deserialize(&doc).map_err(|e| {
        let pointer: String = e
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Some(format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => Some(format!("/{}", escape(key))),
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        vec![Problem::at(
            file,
            pointer,
            format!("not a valid OpenAPI 3.0 document: {}", e.inner()),
        )]
    })
}
