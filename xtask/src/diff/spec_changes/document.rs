//! Document-wide changes: `info` and servers.

use std::collections::BTreeSet;

use serde_json::Value;

use super::change::{Changes, shown, str_at};
use crate::diff::terms::Side;

/// `info.version`, `info.description`, `info.title` and the server URLs.
pub(super) fn document_changes(old: &Value, new: &Value, out: &mut Changes) {
    let version = |doc: &Value| doc.pointer("/info/version").cloned();
    if version(old) != version(new) {
        out.push(
            "api-version-changed",
            None,
            "/info/version",
            Side::New,
            format!(
                "info.version changed from {} to {} (every request's `api-version` header)",
                shown(version(old).as_ref()),
                shown(version(new).as_ref())
            ),
            Vec::new(),
        );
    }
    for (key, what) in [
        ("/info/description", "info.description"),
        ("/info/title", "info.title"),
    ] {
        if old.pointer(key) != new.pointer(key) && new.pointer(key).is_some() {
            out.push(
                "description-changed",
                None,
                key,
                Side::New,
                format!("{what} changed"),
                Vec::new(),
            );
        }
    }
    let urls = |doc: &Value| -> BTreeSet<String> {
        doc.get("servers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| str_at(s, "url"))
            .collect()
    };
    let (old_urls, new_urls) = (urls(old), urls(new));
    if old_urls != new_urls && !old_urls.is_empty() {
        let gone: Vec<&String> = old_urls.difference(&new_urls).collect();
        let came: Vec<&String> = new_urls.difference(&old_urls).collect();
        out.push(
            if gone.is_empty() {
                "server-url-added"
            } else {
                "server-url-changed"
            },
            None,
            "/servers",
            Side::New,
            format!("server URLs: removed {gone:?}, added {came:?}"),
            Vec::new(),
        );
    }
}
