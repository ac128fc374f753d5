//! One test per rewrite pass of `xtask/src/render/rewrite/` (and the mocks' escape): progenitor
//! 0.15.1 run on a spec, and the pass applied to its output as `render::syntax` applies it,
//! must find and rewrite at least one site. After a progenitor upgrade, the tests that fail
//! name the passes to revisit: each message says which progenitor behaviour the pass relies
//! on. Each spec goes through progenitor once per test binary (`OnceLock`).

use std::sync::OnceLock;

use proc_macro2::TokenStream;

/// progenitor's raw output for the repository's `specs/<provider>.yaml`, as text (a
/// `TokenStream` cannot be shared between test threads), made once.
fn raw(provider: &str) -> TokenStream {
    static RAW: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let all = RAW.get_or_init(|| {
        let root = xtask::workspace_root();
        ["cloudbase", "manta", "oneaccess"]
            .into_iter()
            .map(|provider| {
                let source = xtask::spec::read(&root, provider).unwrap();
                let prepared = xtask::spec::prepare(&source)
                    .unwrap_or_else(|p| panic!("{provider}: {}", xtask::problem::one_line(&p)));
                (
                    provider.to_owned(),
                    progenitor(&prepared.openapi).to_string(),
                )
            })
            .collect()
    });
    let (_, text) = all.iter().find(|(name, _)| name == provider).unwrap();
    text.parse().unwrap()
}

/// progenitor's raw output for [`TINY`], as text, made once.
fn tiny() -> TokenStream {
    static TINY_RAW: OnceLock<String> = OnceLock::new();
    TINY_RAW
        .get_or_init(|| {
            let openapi: openapiv3::OpenAPI = serde_norway::from_str(TINY).unwrap();
            progenitor(&openapi).to_string()
        })
        .parse()
        .unwrap()
}

/// A document with the shapes the lint-only passes remove: an operation that uses no type
/// (its `builder` module's `use super::types` is then unused), a `minLength: 0` string, a
/// number's default (for which typify writes a `defaults::default_i64` that nothing calls,
/// beside the property's own default function),
/// and prose with a bare URL (the doc lines).
const TINY: &str = r#"
openapi: 3.0.3
info: { title: Tiny, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      description: See https://tiny.example/ping.
      responses:
        "204": { description: alive }
components:
  schemas:
    Thing:
      type: object
      properties:
        name: { type: string, minLength: 0 }
        ratio: { type: number, default: 1.5 }
"#;

fn progenitor(openapi: &openapiv3::OpenAPI) -> TokenStream {
    xtask::progenitor_run::quietly(openapi)
        .expect("progenitor panicked")
        .expect("progenitor refused the spec")
}

/// `tokens` parsed, as `render::syntax` parses them (after the token passes).
fn parse(tokens: TokenStream) -> syn::File {
    let tokens = xtask::render::move_response_headers(tokens).unwrap();
    syn::parse2(tokens).unwrap()
}

/// How many times `needle` occurs in `file` printed as tokens, spaces removed.
fn count(file: &syn::File, needle: &str) -> usize {
    let text: String = quote::ToTokens::to_token_stream(file)
        .to_string()
        .split_whitespace()
        .collect();
    text.matches(needle).count()
}

#[test]
fn api_version_finds_progenitors_header_in_every_operation() {
    let tokens = raw("cloudbase");
    let found = tokens.to_string().matches("\"api-version\"").count();
    let mut file = parse(tokens);
    let dropped = xtask::render::drop_api_version(&mut file, found).unwrap_or_else(|e| {
        panic!("rewrite/api_version.rs: progenitor's header map changed shape: {e}")
    });
    assert!(
        dropped > 0,
        "rewrite/api_version.rs: progenitor 0.15.1 appended an `api-version` header to every \
         request's header map; none found in CloudBase's client: drop the pass if progenitor no \
         longer sends it"
    );
}

#[test]
fn builders_find_optional_queries_header_names_and_formatted_urls() {
    let mut total = xtask::render::BuilderRewrites::default();
    for provider in ["cloudbase", "oneaccess"] {
        let mut file = parse(raw(provider));
        let found = quote::ToTokens::to_token_stream(&file)
            .to_string()
            .matches("\"api-version\"")
            .count();
        xtask::render::drop_api_version(&mut file, found).unwrap();
        let done = xtask::render::rewrite_builders(&mut file).unwrap_or_else(|e| {
            panic!("rewrite/builders.rs on {provider}: progenitor's `send` changed shape: {e}")
        });
        total.queries += done.queries;
        total.header_names += done.header_names;
        total.urls += done.urls;
    }
    let relies = [
        (
            total.queries,
            "calls `.query(&QueryParam::new(name, &value))` for an absent optional query \
             parameter (skip_absent_queries)",
        ),
        (
            total.header_names,
            "appends a header parameter by a `&str` name parsed per request \
             (tidy_header_parameters)",
        ),
        (total.urls, "makes each URL with `format!` (concat_urls)"),
    ];
    for (rewritten, behaviour) in relies {
        assert!(
            rewritten > 0,
            "rewrite/builders.rs: progenitor 0.15.1 {behaviour}; no such site in CloudBase's \
             and OneAccess's clients ({total:?}): revisit that rewrite"
        );
    }
}

#[test]
fn unset_messages_find_allocated_messages_in_builders() {
    let mut file = parse(raw("manta"));
    let before =
        count(&file, "wasnotinitialized\".to_string()") + count(&file, "novaluesuppliedfor");
    xtask::render::static_unset_messages(&mut file);
    let borrowed = count(&file, "::std::borrow::Cow::Borrowed(");
    assert!(
        before > 0 && borrowed > 0,
        "rewrite/unset_messages.rs: progenitor 0.15.1 (and typify 0.8) start each builder field \
         as `Err(\"… was not initialized\".to_string())`; {before} such messages found in \
         MantaGo's client, {borrowed} made `Cow::Borrowed`: revisit the pass"
    );
}

#[test]
fn response_headers_find_from_response_and_response_value_is_added() {
    let tokens = raw("manta");
    let before = tokens.to_string().matches("from_response").count();
    let tokens = xtask::render::move_response_headers(tokens).unwrap_or_else(|e| {
        panic!("rewrite/response_headers.rs: progenitor's answer reading changed shape: {e}")
    });
    assert!(
        before > 0,
        "rewrite/response_headers.rs: progenitor 0.15.1 reads each JSON answer with \
         `ResponseValue::from_response` (which clones the headers); none in MantaGo's client: \
         revisit this pass and rewrite/response_value.rs"
    );
    let mut file: syn::File = syn::parse2(tokens).unwrap();
    let helpers = count(&file, "asyncfnresponse_value");
    xtask::render::add_response_value(&mut file);
    assert!(
        count(&file, "asyncfnresponse_value") > helpers,
        "rewrite/response_value.rs: progenitor 0.15.1's `builder` module, once its calls are \
         `response_value`, gains that function; none added to MantaGo's client: revisit the pass"
    );
}

#[test]
fn unused_imports_find_the_builders_unused_types_import() {
    let mut file = parse(tiny());
    let before = count(&file, "usesuper::types;");
    xtask::render::drop_unused_imports(&mut file.items);
    let after = count(&file, "usesuper::types;");
    assert!(
        before > after,
        "rewrite/unused_imports.rs: progenitor 0.15.1's `builder` module imports \
         `super::types` even where no operation uses a type; {before} such imports before, \
         {after} after: revisit the pass"
    );
}

#[test]
fn shorter_than_zero_finds_typifys_check_of_min_length_zero() {
    let mut file = parse(tiny());
    let check = "chars().count()<0usize";
    let before = count(&file, check);
    xtask::render::drop_shorter_than_zero(&mut file.items);
    let after = count(&file, check);
    assert!(
        before > 0 && after == 0,
        "rewrite/shorter_than_zero.rs: progenitor 0.15.1 (typify 0.8) checks `minLength: 0` \
         as `value.chars().count() < 0usize`; {before} such checks before the pass, {after} \
         after: revisit the pass"
    );
}

#[test]
fn unused_defaults_find_a_default_function_nothing_names() {
    let mut file = parse(tiny());
    let before = count(&file, "pub(super)fn");
    xtask::render::drop_unused_defaults(&mut file);
    let after = count(&file, "pub(super)fn");
    assert!(
        before > after,
        "rewrite/unused_defaults.rs: progenitor 0.15.1 (typify 0.8) writes default functions \
         in `defaults` that nothing calls; {before} functions before the pass, {after} after: \
         revisit the pass"
    );
}

#[test]
fn doc_lines_rewrite_prose_progenitor_copies_as_it_is() {
    let tokens = tiny();
    let before = tokens.to_string();
    let after = xtask::render_docs::doc_comments(tokens).to_string();
    assert!(
        before.contains("See https://tiny.example/ping.")
            && after.contains("See <https://tiny.example/ping>."),
        "render_docs.rs: progenitor 0.15.1 copies an operation's description into a doc \
         attribute as it is (a bare URL stays bare); the doc-line pass no longer finds it"
    );
}

#[test]
fn mocks_find_path_values_put_into_patterns_as_they_are() {
    let root = xtask::workspace_root();
    let source = xtask::spec::read(&root, "cloudbase").unwrap();
    let prepared = xtask::spec::prepare(&source).unwrap();
    let tokens = xtask::progenitor_run::mock_quietly(&prepared.openapi, "crate")
        .expect("progenitor's mock generator panicked")
        .expect("progenitor's mock generator refused CloudBase's spec");
    let (_, escaped) = xtask::render::escape_path_values(tokens);
    assert!(
        escaped > 0,
        "render/mock.rs: progenitor 0.15.1's mocks match a path parameter with \
         `format!(\"^/a/{{}}$\", value.to_string())`; none in CloudBase's mocks: revisit \
         `escape_path_values`"
    );
}
