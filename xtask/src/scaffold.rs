//! The hand-written files of a new client crate, each written once, where the crate has none.

/// The crate's package name for the spec `specs/<provider>.yaml`.
pub fn package(provider: &str) -> String {
    format!("{provider}-client")
}

/// `crates/<provider>-client/Cargo.toml`, for the spec named `spec` (see [`crate::spec::Source::name`]).
pub fn cargo_toml(provider: &str, title: &str, spec: &str) -> String {
    let package = package(provider);
    format!(
        r#"[package]
name = "{package}"
version = "0.1.0"
description = "Typed client for {title}, generated from {spec} by progenitor."
edition.workspace = true
rust-version.workspace = true
license.workspace = true
publish.workspace = true

[features]
default = ["rustls"]
# HTTPS through rustls; turn off to bring your own TLS via `Client::new_with_client`.
rustls = ["reqwest/rustls"]

[dependencies]
progenitor-client.workspace = true
reqwest.workspace = true
serde.workspace = true
serde_json.workspace = true

[dev-dependencies]
tokio.workspace = true

[lints]
workspace = true
"#
    )
}

// The opening of this template (the `allow` on `mod generated`, the re-exports) is what every
// client crate's `lib.rs` starts with, and so stands again in each of them: each crate must
// declare its own generated module.
/// `crates/<provider>-client/src/lib.rs`: re-exports the generated module; yours to extend.
pub fn lib_rs(provider: &str, title: &str, spec: &str) -> String {
    let krate = package(provider).replace('-', "_");
    format!(
        r#"//! Typed client for {title}, generated from {spec}.
//!
//! `src/generated.rs` is written by `cargo xtask generate`; this file is hand-written.
//!
//! ```
//! use {krate}::ClientInfo as _;
//!
//! let client = {krate}::Client::new("https://example.invalid", ());
//! assert_eq!(client.baseurl(), "https://example.invalid");
//! ```

#[allow(
    clippy::all,
    missing_docs,
    reason = "progenitor output: fix it through the spec or the xtask, not by hand"
)]
mod generated;

pub use generated::*;
/// The HTTP client this crate is built on, for [`Client::new_with_client`].
pub use reqwest;

/// What this crate's hooks need at every request (credentials, a device id…); nothing yet.
pub type Context = ();

/// The request hooks: `pre` can add headers or sign a request before it is sent.
impl progenitor_client::ClientHooks<Context> for Client {{}}
"#
    )
}
