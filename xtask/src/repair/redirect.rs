//! `default` beside a redirect (`3xx`) and no success status, as Ory Kratos writes
//! `getWellKnownChangePassword` (303 or `default`): progenitor decodes no 3xx and makes
//! `default` the success type, and the generated `match` had two catch-all arms (`unreachable
//! pattern`). The redirect is the success and `default` the errors: `default` becomes the
//! error response for `4XX` and `5XX`, as beside a 2xx ([`crate::normalize`]). The 3xx is not
//! decoded: reqwest follows a redirect, and the 2xx it leads to comes back as a byte stream
//! (progenitor's rule for an operation that declares no success); a 3xx not followed comes
//! back as `Error::UnexpectedResponse`.

use serde_json::Value;

use crate::lint::{METHODS, is_extension};
use crate::problem::{Problem, join};

/// Moves `default` to `4XX` and `5XX` (those not declared) in each operation that has it
/// beside a 3xx and no success status, one note each.
pub(super) fn repair(file: &str, doc: &mut Value, notes: &mut Vec<Problem>) {
    let mut found = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths.iter().filter(|(path, _)| !is_extension(path)) {
            for method in METHODS {
                if item.get(method).is_some() {
                    found.push(join(&join(&join("/paths", path), method), "responses"));
                }
            }
        }
    }
    for at in found {
        let Some(Value::Object(responses)) = doc.pointer_mut(&at) else {
            continue;
        };
        let statuses: Vec<&String> = responses
            .keys()
            .filter(|s| !is_extension(s) && *s != "default")
            .collect();
        let success = statuses
            .iter()
            .any(|s| s.starts_with('2') || s.as_str() == "101");
        let redirects: Vec<String> = statuses
            .iter()
            .filter(|s| s.starts_with('3'))
            .map(|s| (*s).clone())
            .collect();
        if success || redirects.is_empty() {
            continue;
        }
        let Some(default) = responses.remove("default") else {
            continue;
        };
        let mut ranges = Vec::new();
        for range in ["4XX", "5XX"] {
            if !responses.keys().any(|s| s.eq_ignore_ascii_case(range)) {
                responses.insert(range.to_owned(), default.clone());
                ranges.push(range);
            }
        }
        let to = if ranges.is_empty() {
            "no status (4XX and 5XX are declared)".to_owned()
        } else {
            ranges.join(" and ")
        };
        notes.push(Problem::at(
            file,
            join(&at, "default"),
            format!(
                "`default` beside {} and no 2xx becomes the error response for {to}, not the success type",
                redirects.join(", ")
            ),
        ));
    }
}
