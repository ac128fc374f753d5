//! The per-request rewrites `cargo xtask generate` makes in progenitor's builders
//! (`render::rewrite_builders`): what a rewritten `send` does, and that a form they do not know
//! stops generation.

use xtask::render::rewrite_builders;

/// A builder module of the shape progenitor writes, with one optional query parameter `q`,
/// a path parameter `id` and a header parameter `x_agent`, whose `send` is `body`.
fn builder(body: &str) -> syn::File {
    syn::parse_str(&format!(
        "pub mod builder {{
            pub struct GetThing<'a> {{
                client: &'a super::Client,
                id: Result<::std::string::String, String>,
                q: Result<Option<::std::string::String>, String>,
                x_agent: Result<::std::string::String, String>,
            }}
            impl<'a> GetThing<'a> {{
                pub async fn send(self) -> Result<(), Error> {{ {body} }}
            }}
        }}"
    ))
    .unwrap()
}

const URL: &str =
    r#"let url = format!("{}/things/{}", client.baseurl, encode_path(&id.to_string()));"#;
const HEADERS: &str = r#"let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
    header_map.append("X-agent", x_agent.to_string().try_into()?);"#;
const QUERY: &str = r#".query(&progenitor_client::QueryParam::new("q", &q))"#;

fn rewritten(body: &str) -> Result<String, String> {
    let mut file = builder(body);
    rewrite_builders(&mut file)?;
    Ok(prettyplease::unparse(&file))
}

#[test]
fn progenitors_send_is_rewritten_to_the_same_request_with_less_work() {
    let code = rewritten(&format!(
        "{URL} {HEADERS}
        let request = client.client.get(url){QUERY}.headers(header_map).build()?;
        Ok(())"
    ))
    .unwrap();
    let expected = [
        r#"let url = [client.baseurl.as_str(), "/things/", encode_path(&id).as_str()].concat();"#,
        r#"::reqwest::header::HeaderName::from_static("x-agent")"#,
        "x_agent.try_into()?",
        "let mut request_builder = client.client.get(url);",
        "if q.is_some() {",
        "let request = request_builder.headers(header_map).build()?;",
    ];
    // Compared without whitespace: prettyplease wraps lines as it sees fit.
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    for line in expected {
        assert!(
            squeeze(&code).contains(&squeeze(line)),
            "{line}\nis not in\n{code}"
        );
    }
    assert!(
        !code.contains("format!") && !code.contains("to_string"),
        "{code}"
    );
}

#[test]
fn a_form_it_does_not_know_stops_generation_instead_of_keeping_the_cost() {
    let cases = [
        (
            // The query chain held by another local than `request`.
            format!("{URL} {HEADERS} let built = client.client.get(url){QUERY}; Ok(())"),
            "query calls on optional parameters: 1 found, 0 made conditional",
        ),
        (
            format!(
                r#"let url = format!("{{}}/things/{{:?}}", client.baseurl, id); {HEADERS}
                let request = client.client.get(url).build()?; Ok(())"#
            ),
            "1 URLs made by `format!`",
        ),
        (
            format!(
                r#"{URL} let mut header_map = ::reqwest::header::HeaderMap::new();
                header_map.append(AGENT, x_agent.to_string().try_into()?);
                let request = client.client.get(url).build()?; Ok(())"#
            ),
            "1 header parameters appended by a name parsed per request",
        ),
    ];
    for (body, message) in cases {
        let error = rewritten(&body).unwrap_err();
        assert!(error.starts_with(message), "{error}");
    }
}

/// An operation's header map as progenitor writes it: `api-version` first, then `x_agent`.
const API_VERSION_HEADERS: &str = r#"
    let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
    header_map.append(
        ::reqwest::header::HeaderName::from_static("api-version"),
        ::reqwest::header::HeaderValue::from_static(Client::api_version()),
    );
    header_map.append("X-agent", x_agent.to_string().try_into()?);"#;

/// `drop_api_version` on a builder whose `send` is `body`, told how many `"api-version"`
/// literals its printed tokens hold (as `render::syntax` counts them before it parses).
fn without_api_version(body: &str) -> Result<String, String> {
    let mut file = builder(body);
    let tokens = quote::ToTokens::to_token_stream(&file).to_string();
    let found = tokens.matches("\"api-version\"").count();
    xtask::render::drop_api_version(&mut file, found)?;
    Ok(prettyplease::unparse(&file))
}

#[test]
fn the_api_version_header_is_dropped_and_a_form_not_known_stops_generation() {
    let code = without_api_version(&format!("{API_VERSION_HEADERS} Ok(())")).unwrap();
    assert!(!code.contains("api-version"), "{code}");
    assert!(code.contains("HeaderMap::with_capacity(1usize)"), "{code}");
    // The header set another way, beside the known one: one dropped, one left.
    let error = without_api_version(&format!(
        r#"{API_VERSION_HEADERS} let name = "api-version"; Ok(())"#
    ))
    .unwrap_err();
    assert_eq!(
        error,
        "progenitor's `api-version` header: 1 removed, and it is still in the generated code; \
         render/rewrite/api_version.rs's `drop_api_version` does not know this form of it"
    );
}

#[test]
fn answers_are_read_by_response_value_and_a_form_not_known_stops_generation() {
    let read = "match response.status().as_u16() { 200u16 => ResponseValue::from_response(response).await, _ => todo!() }";
    let tokens: proc_macro2::TokenStream = format!("pub mod builder {{ fn send() {{ {read} }} }}")
        .parse()
        .unwrap();
    let code = xtask::render::move_response_headers(tokens)
        .unwrap()
        .to_string();
    assert!(
        code.contains("200u16 => response_value (response) . await"),
        "{code}"
    );
    assert!(!code.contains("from_response"), "{code}");
    // Outside `builder`, where `response_value` is not added: left, and named.
    let tokens: proc_macro2::TokenStream = format!(
        "pub mod builder {{ fn send() {{ {read} }} }} pub mod other {{ fn send() {{ {read} }} }}"
    )
    .parse()
    .unwrap();
    let error = xtask::render::move_response_headers(tokens).unwrap_err();
    assert_eq!(
        error,
        "`ResponseValue::from_response`: 1 replaced, and it is still in the generated code; \
         render/rewrite/response_headers.rs's `move_response_headers` does not know this form of it"
    );
    // Another form of the call, in `builder` itself: not replaced, and named.
    let tokens: proc_macro2::TokenStream =
        "pub mod builder { fn send() { ResponseValue::from_response_parts(response) } }"
            .parse()
            .unwrap();
    let error = xtask::render::move_response_headers(tokens).unwrap_err();
    assert!(
        error.starts_with("`ResponseValue::from_response`: 0 replaced"),
        "{error}"
    );
}

#[test]
fn a_default_function_that_nothing_names_is_dropped() {
    // typify's generic default functions, one named in a serde attribute's string, one in a
    // `Default` impl, one nowhere (which warned: `dead_code`).
    let mut file: syn::File = syn::parse_str(
        r#"pub mod types {
            pub struct A {
                #[serde(default = "defaults::default_u64::<i64, 1>")]
                pub a: i64,
            }
            impl Default for B { fn default() -> Self { Self(defaults::b_x()) } }
            pub mod defaults {
                pub(super) fn default_bool<const V: bool>() -> bool { V }
                pub(super) fn default_u64<T, const V: u64>() -> T where T: From<u64> { T::from(V) }
                pub(super) fn b_x() -> i64 { 3 }
            }
        }"#,
    )
    .unwrap();
    xtask::render::drop_unused_defaults(&mut file);
    let printed = prettyplease::unparse(&file);
    assert!(!printed.contains("fn default_bool"), "{printed}");
    assert!(printed.contains("fn default_u64"), "{printed}");
    assert!(printed.contains("fn b_x"), "{printed}");
}
