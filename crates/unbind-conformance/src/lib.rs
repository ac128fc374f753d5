//! Check requests and answers against their OpenAPI spec, and record what a client sends.
//!
//! - [`Recorder`] is a loopback HTTP server (on top of [`wiremock`]) that answers as told and
//!   records every request as a [`RecordedRequest`]: query and headers sorted, header names in
//!   lower case, connection headers such as `host` (which carries the random port) left out,
//!   and the body as JSON when it parses as JSON. Recorded requests compare by meaning and
//!   serialise stably, for assertions and snapshots.
//! - [`conformance::Spec`] says which operation of an OpenAPI 3.0 spec a recorded request is,
//!   and lists every rule it breaks: a missing parameter, header or bearer token, an
//!   undeclared query parameter or body field, a wrong content type, a body that fails its
//!   schema.
//!
//! ```
//! use serde_json::json;
//! use unbind_conformance::conformance::{Rule, Spec};
//! use unbind_conformance::{Body, Recorder};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // In a test of this workspace: conformance::load_spec(Path::new(".../specs/cloudbase.yaml")).
//! let spec = Spec::new(json!({
//!     "openapi": "3.0.3",
//!     "info": {"title": "Pets", "version": "1"},
//!     "paths": {"/pets/{id}": {"delete": {
//!         "operationId": "delete_pet",
//!         "parameters": [{"name": "id", "in": "path", "required": true}],
//!         "responses": {"204": {"description": "deleted"}}
//!     }}}
//! }))?;
//!
//! tokio::runtime::Runtime::new()?.block_on(async {
//!     let recorder = Recorder::start().await;
//!     recorder.answer("DELETE", "/pets/7", 200, json!({})).await?;
//!
//!     // The client under test is pointed at the recorder ...
//!     let url = format!("{}/pets/7?force=true", recorder.uri());
//!     let response = reqwest::Client::new().delete(url).send().await?;
//!     assert_eq!(response.status(), 200);
//!
//!     // ... and the test checks what arrived.
//!     let requests = recorder.requests().await;
//!     assert_eq!(requests[0].path, "/pets/7");
//!     assert_eq!(requests[0].query, [("force".to_owned(), "true".to_owned())]);
//!     assert_eq!(requests[0].body, Body::Empty);
//!     let violations = spec.check(&requests[0]).unwrap_err();
//!     assert_eq!(violations[0].rule, Rule::UndeclaredQueryParameter);
//!     assert_eq!(
//!         violations[0].to_string(),
//!         r#"delete_pet: undeclared_query_parameter: query parameter "force" is not declared"#
//!     );
//!     Ok::<(), Box<dyn std::error::Error>>(())
//! })
//! # }
//! ```

pub mod conformance;
mod recorded;
mod recorder;

pub use recorded::{Body, CONNECTION_HEADERS, RecordedRequest};
pub use recorder::{AnswerError, Recorder};
