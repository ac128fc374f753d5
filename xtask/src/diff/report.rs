//! Prints reports: text for a terminal, Markdown for a pull request, JSON for tools.
//!
//! The JSON shape (one object):
//!
//! ```json
//! {"specs": [{
//!   "label": "specs/manta.yaml (HEAD → working tree)",
//!   "wire": "breaking", "rust": "breaking",
//!   "changes": [{
//!     "id": "request-property-renamed", "operations": ["bind_customer"],
//!     "pointer": "/components/schemas/CustomerBindRequest/properties/customerID", "side": "new",
//!     "text": "the request property customerId was renamed customerID",
//!     "also": ["/components/schemas/CustomerBindRequest/properties/customerId"],
//!     "wire": "breaking", "rust": "breaking",
//!     "rust_changes": [{"lint": "struct_pub_field_renamed", "item": "types::CustomerBindRequest",
//!                       "member": "customer_i_d", "grade": "breaking",
//!                       "text": "types::CustomerBindRequest: field customer_id renamed customer_i_d"}]
//!   }],
//!   "unexplained": [/* rust_changes no spec change explains, same shape */]
//! }]}
//! ```
//!
//! Grades are `none`, `compatible` or `breaking`; `side` says whether `pointer` points into the
//! new or the old document; `also` lists the change's other places: where a renamed or moved
//! thing was in the old document, and the `$ref`s that follow a renamed schema (often empty).

use serde_json::{Value, json};

use super::outcome::{Change, Report};
use super::rust_api::RustChange;
use super::terms::Side;

/// The report as text, one block per spec.
pub fn text(reports: &[Report]) -> String {
    let mut out = String::new();
    for report in reports {
        if report.changes.is_empty() && report.unexplained.is_empty() {
            out.push_str(&format!("{}: no changes\n", report.label));
            continue;
        }
        out.push_str(&format!(
            "{}: {} change(s); wire {}, rust {}\n",
            report.label,
            report.changes.len(),
            report.wire().name(),
            report.rust().name()
        ));
        for change in &report.changes {
            out.push_str(&format!(
                "  {:<38} wire {:<10} rust {:<10} {}\n      {}{}\n      {}\n",
                change.id,
                change.wire.name(),
                change.rust.name(),
                operations(change),
                change.pointer,
                if change.side == Side::Old {
                    " (old spec)"
                } else {
                    ""
                },
                change.text
            ));
            if let [first, more @ ..] = change.also.as_slice() {
                let more = match more.len() {
                    0 => String::new(),
                    n => format!(" and {n} more place(s)"),
                };
                out.push_str(&format!("      also at {first}{more}\n"));
            }
            for rust in &change.rust_changes {
                out.push_str(&format!("      → {}\n", rust.text));
            }
        }
        if !report.unexplained.is_empty() {
            out.push_str("  Rust API differences no spec change explains (a generator change?):\n");
            for rust in &report.unexplained {
                out.push_str(&format!(
                    "      → {} (rust {})\n",
                    rust.text,
                    rust.grade.name()
                ));
            }
        }
    }
    out
}

fn operations(change: &Change) -> String {
    match change.operations.as_slice() {
        [] => String::new(),
        ops => ops.join(", "),
    }
}

/// The report as Markdown, for a pull request.
pub fn markdown(reports: &[Report]) -> String {
    let mut out = String::new();
    for report in reports {
        out.push_str(&format!("### {}\n\n", report.label));
        if report.changes.is_empty() && report.unexplained.is_empty() {
            out.push_str("No changes.\n\n");
            continue;
        }
        out.push_str(&format!(
            "Wire: **{}**, Rust: **{}**.\n\n| change | operation | wire | rust | what |\n|---|---|---|---|---|\n",
            report.wire().name(),
            report.rust().name()
        ));
        for change in &report.changes {
            let mut what = cell(&change.text);
            for rust in &change.rust_changes {
                what.push_str(&format!("<br>→ `{}`", cell(&rust.text)));
            }
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {what} |\n",
                change.id,
                operations(change),
                change.wire.name(),
                change.rust.name()
            ));
        }
        if !report.unexplained.is_empty() {
            out.push_str("\nRust API differences no spec change explains:\n\n");
            for rust in &report.unexplained {
                out.push_str(&format!(
                    "- `{}` ({})\n",
                    cell(&rust.text),
                    rust.grade.name()
                ));
            }
        }
        out.push('\n');
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn rust_json(rust: &RustChange) -> Value {
    json!({
        "lint": rust.lint,
        "item": rust.container,
        "member": rust.member,
        "grade": rust.grade.name(),
        "text": rust.text,
    })
}

/// The report as JSON (shape in the module docs).
pub fn json(reports: &[Report]) -> String {
    let specs: Vec<Value> = reports
        .iter()
        .map(|report| {
            json!({
                "label": report.label,
                "wire": report.wire().name(),
                "rust": report.rust().name(),
                "changes": report.changes.iter().map(|c| json!({
                    "id": c.id,
                    "operations": c.operations,
                    "pointer": c.pointer,
                    "side": if c.side == Side::Old { "old" } else { "new" },
                    "text": c.text,
                    "also": c.also,
                    "wire": c.wire.name(),
                    "rust": c.rust.name(),
                    "rust_changes": c.rust_changes.iter().map(rust_json).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "unexplained": report.unexplained.iter().map(rust_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({ "specs": specs })).unwrap_or_default();
    text.push('\n');
    text
}
