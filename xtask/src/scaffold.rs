//! The hand-written files of a new client crate, each written once, where the crate has none:
//! `lib.rs`, and the `Cargo.toml` that [`crate::dependencies::in_step`] then keeps in step with
//! the generated code.

/// The crate's package name for the spec `specs/<provider>.yaml`.
pub fn package(provider: &str) -> String {
    format!("{provider}-client")
}

/// The template of a client crate's Cargo.toml: [`cargo_toml`] sets its name and description.
const CARGO_TOML: &str = r#"[package]
name = ""
version = "0.1.0"
description = ""
edition.workspace = true
rust-version.workspace = true
license.workspace = true
publish.workspace = true

[features]
default = ["rustls"]
# HTTPS through rustls; turn off to bring your own TLS via `Client::new_with_client`.
rustls = ["reqwest/rustls"]
# Typed httpmock mocks of every operation (`src/mock.rs`, written by `cargo xtask generate`
# from progenitor's mock generator). For an application's tests: turn it on from
# `[dev-dependencies]`, never from `[dependencies]`.
mock = ["dep:httpmock", "dep:regex"]

[dependencies]
httpmock = { workspace = true, optional = true }
progenitor-client.workspace = true
regex = { workspace = true, optional = true }
reqwest.workspace = true
serde.workspace = true
serde_json.workspace = true

[dev-dependencies]
tokio.workspace = true

[lints]
workspace = true
"#;

/// `crates/<provider>-client/Cargo.toml`, for the spec named `spec` (see [`crate::spec::Source::name`])
/// whose title is `title`. The title is the document's: it is written as a TOML string by
/// toml_edit, whatever it holds.
pub fn cargo_toml(provider: &str, title: &str, spec: &str) -> String {
    let mut manifest: toml_edit::DocumentMut = CARGO_TOML
        .parse()
        .expect("the template is TOML (tested by every scaffold)");
    manifest["package"]["name"] = toml_edit::value(package(provider));
    manifest["package"]["description"] = toml_edit::value(format!(
        "Typed client for {title}, generated from {spec} by progenitor."
    ));
    manifest.to_string()
}

/// `text` as Markdown that shows it as it is, on one line: whitespace (line breaks included)
/// folded to one space, each control or text-direction character as its escape (`\u{1b}`),
/// each ASCII punctuation mark after a backslash, so that `[x]`, `<id>`, a backtick or a URL
/// is text, not a link, HTML, code or a rustdoc warning.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if crate::render_docs::is_unsafe(c) {
                out.extend(c.escape_unicode());
            } else {
                if c.is_ascii_punctuation() {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

// The opening of this template (`mod generated`, the re-exports) is what every
// client crate's `lib.rs` starts with, and so stands again in each of them: each crate must
// declare its own generated module.
/// `crates/<provider>-client/src/lib.rs`: re-exports the generated module; yours to extend.
/// The document's `title` is in its first line as text ([`markdown_text`]); `spec` is
/// Markdown already.
pub fn lib_rs(provider: &str, title: &str, spec: &str) -> String {
    let krate = package(provider).replace('-', "_");
    let title = markdown_text(title);
    format!(
        r#"//! Typed client for {title}, generated from {spec}.
//!
//! `src/generated.rs` (and `src/mock.rs`, behind the feature `mock`) is written by
//! `cargo xtask generate`; this file is hand-written.
//!
//! ```
//! use {krate}::ClientInfo as _;
//!
//! let client = {krate}::Client::new("https://example.invalid", ());
//! assert_eq!(client.baseurl(), "https://example.invalid");
//! ```

// Written by `cargo xtask generate`; the few lints its code trips are allowed at its top, each
// with its reason. Printed by prettyplease, not rustfmt (which took longer than all the rest of
// generation on a large document), so `cargo fmt` leaves it as generated.
#[rustfmt::skip]
mod generated;

pub use generated::*;
/// Typed mocks of every operation, for an application's tests (feature `mock`): see
/// [`mock::MockServerExt`].
#[cfg(feature = "mock")]
#[rustfmt::skip]
pub mod mock;
/// The `httpmock` the mocks are built on (feature `mock`), re-exported so that a test can
/// start its `MockServer` without a dependency of its own that could drift from this crate's.
#[cfg(feature = "mock")]
pub use httpmock;
/// The HTTP client this crate is built on, for [`Client::new_with_client`].
pub use reqwest;

/// What this crate's hooks need at every request (credentials, a device id…); nothing yet.
pub type Context = ();

/// The request hooks: `pre` can add headers or sign a request before it is sent.
impl progenitor_client::ClientHooks<Context> for Client {{}}
"#
    )
}
