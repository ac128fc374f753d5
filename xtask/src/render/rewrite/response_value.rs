//! The `response_value` function that [`super::move_response_headers`] calls, added to each
//! `builder` module that calls it.
//!
//! **What progenitor 0.15.1 does.** It has no such function: its operations call
//! `ResponseValue::from_response`, which clones the answer's headers (see
//! `response_headers.rs`, the other half of this rewrite).
//!
//! **Why.** The figure is the two halves' together: 81.02k → 80.40k instructions per call of
//! CloudBase's facade unbind (`45b0f19`; MantaGo 86.46k → 85.97k).
//!
//! **What would make it unnecessary.** The same as for `response_headers.rs`: a
//! `progenitor-client` whose `from_response` moves the headers.

use super::tokens::names_ident;

/// The `response_value` that [`super::move_response_headers`] calls, at the top of each `builder`
/// module that calls it (after its `use` items): one whose operations decode no JSON answer
/// does not, and an unused function would warn.
/// Public for its test (`xtask/tests/it/render_passes.rs`); [`crate::render::syntax`] runs it.
pub fn add_response_value(file: &mut syn::File) {
    for item in &mut file.items {
        let syn::Item::Mod(module) = item else {
            continue;
        };
        let Some((_, items)) = &mut module.content else {
            continue;
        };
        if module.ident != "builder" || !names_ident(items, "response_value") {
            continue;
        }
        let helper: syn::Item = syn::parse_quote! {
            /// `ResponseValue::from_response` with the answer's headers moved into the value
            /// instead of cloned: added by `cargo xtask generate` (see xtask/src/render/rewrite/response_value.rs).
            async fn response_value<T: ::serde::de::DeserializeOwned, E>(
                mut response: ::reqwest::Response,
            ) -> Result<ResponseValue<T>, Error<E>> {
                let status = response.status();
                let headers = ::std::mem::take(response.headers_mut());
                let full = response.bytes().await.map_err(Error::ResponseBodyError)?;
                let inner = ::serde_json::from_slice(&full)
                    .map_err(|e| Error::InvalidResponsePayload(full, e))?;
                Ok(ResponseValue::new(inner, status, headers))
            }
        };
        let at = items
            .iter()
            .position(|item| !matches!(item, syn::Item::Use(_)))
            .unwrap_or(items.len());
        items.insert(at, helper);
    }
}
