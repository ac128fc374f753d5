// This file is generated from specs/manta.yaml (sha256 737eb24825f0f9ac3334eab6415752eefa199ba4bbb93201b38a2c81657de943) by `cargo xtask generate`; do not edit it by hand.

#![allow(
    missing_docs,
    reason = "progenitor's mock generator writes no doc text for the wrappers and methods of each operation"
)]
#![allow(
    clippy::unnecessary_to_owned,
    reason = "a path parameter's value is turned into text as `value.to_string()` whatever its type, `&str` included"
)]
pub mod operations {
    //! [`When`](::httpmock::When) and [`Then`](::httpmock::Then)
    //! wrappers for each operation. Each can be converted to
    //! its inner type with a call to `into_inner()`. This can
    //! be used to explicitly deviate from permitted values.
    use crate::*;
    pub struct BindCustomerWhen(::httpmock::When);
    impl BindCustomerWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/openapi/bind/customer$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn bot_id(self, value: &str) -> Self {
            Self(self.0.query_param("botId", value.to_string()))
        }
        pub fn body(self, value: &types::CustomerBindRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct BindCustomerThen(::httpmock::Then);
    impl BindCustomerThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::BasicSuccessResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetClientWhen(::httpmock::When);
    impl GetClientWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/openapi/client/[^/]*$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn client_id(self, value: &str) -> Self {
            let re = regex::Regex::new(
                    &format!(
                        "^/openapi/client/{}$", regex::escape(&
                        progenitor_client::encode_path(& value.to_string()))
                    ),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn bot_id(self, value: &str) -> Self {
            Self(self.0.query_param("botId", value.to_string()))
        }
        pub fn platform<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("platform", value.to_string()))
            } else {
                Self(self.0.query_param_missing("platform"))
            }
        }
        pub fn platform_client_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("platformClientId", value.to_string()))
            } else {
                Self(self.0.query_param_missing("platformClientId"))
            }
        }
        pub fn body(self, value: &types::SecretRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct GetClientThen(::httpmock::Then);
    impl GetClientThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ClientResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct ListClientsWhen(::httpmock::When);
    impl ListClientsWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/openapi/clients$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn bot_id(self, value: &str) -> Self {
            Self(self.0.query_param("botId", value.to_string()))
        }
        pub fn customer_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("customerId", value.to_string()))
            } else {
                Self(self.0.query_param_missing("customerId"))
            }
        }
        pub fn end_at<T>(self, value: T) -> Self
        where
            T: Into<Option<i64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("endAt", value.to_string()))
            } else {
                Self(self.0.query_param_missing("endAt"))
            }
        }
        pub fn limit<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("limit", value.to_string()))
            } else {
                Self(self.0.query_param_missing("limit"))
            }
        }
        pub fn name<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("name", value.to_string()))
            } else {
                Self(self.0.query_param_missing("name"))
            }
        }
        pub fn next<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("next", value.to_string()))
            } else {
                Self(self.0.query_param_missing("next"))
            }
        }
        pub fn offset<T>(self, value: T) -> Self
        where
            T: Into<Option<u64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("offset", value.to_string()))
            } else {
                Self(self.0.query_param_missing("offset"))
            }
        }
        pub fn platform<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("platform", value.to_string()))
            } else {
                Self(self.0.query_param_missing("platform"))
            }
        }
        pub fn start_at<T>(self, value: T) -> Self
        where
            T: Into<Option<i64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("startAt", value.to_string()))
            } else {
                Self(self.0.query_param_missing("startAt"))
            }
        }
        pub fn body(self, value: &types::SecretRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct ListClientsThen(::httpmock::Then);
    impl ListClientsThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ClientListResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetApiTokenWhen(::httpmock::When);
    impl GetApiTokenWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/openapi/token$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn bot_id(self, value: &str) -> Self {
            Self(self.0.query_param("botId", value.to_string()))
        }
        pub fn body(self, value: &types::SecretRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct GetApiTokenThen(::httpmock::Then);
    impl GetApiTokenThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ApiTokenResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct UnbindCustomerWhen(::httpmock::When);
    impl UnbindCustomerWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/openapi/unbind/customer$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn bot_id(self, value: &str) -> Self {
            Self(self.0.query_param("botId", value.to_string()))
        }
        pub fn body(self, value: &types::CustomerBindRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct UnbindCustomerThen(::httpmock::Then);
    impl UnbindCustomerThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::BasicSuccessResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorResponse) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
}
/// An extension trait for [`MockServer`](::httpmock::MockServer) that
/// adds a method for each operation. These are the equivalent of
/// type-checked [`mock()`](::httpmock::MockServer::mock) calls.
pub trait MockServerExt {
    fn bind_customer<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::BindCustomerWhen, operations::BindCustomerThen);
    fn get_client<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetClientWhen, operations::GetClientThen);
    fn list_clients<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListClientsWhen, operations::ListClientsThen);
    fn get_api_token<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetApiTokenWhen, operations::GetApiTokenThen);
    fn unbind_customer<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UnbindCustomerWhen, operations::UnbindCustomerThen);
}
impl MockServerExt for ::httpmock::MockServer {
    fn bind_customer<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::BindCustomerWhen, operations::BindCustomerThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::BindCustomerWhen::new(when),
                operations::BindCustomerThen::new(then),
            )
        })
    }
    fn get_client<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetClientWhen, operations::GetClientThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetClientWhen::new(when),
                operations::GetClientThen::new(then),
            )
        })
    }
    fn list_clients<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListClientsWhen, operations::ListClientsThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListClientsWhen::new(when),
                operations::ListClientsThen::new(then),
            )
        })
    }
    fn get_api_token<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetApiTokenWhen, operations::GetApiTokenThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetApiTokenWhen::new(when),
                operations::GetApiTokenThen::new(then),
            )
        })
    }
    fn unbind_customer<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UnbindCustomerWhen, operations::UnbindCustomerThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UnbindCustomerWhen::new(when),
                operations::UnbindCustomerThen::new(then),
            )
        })
    }
}
/// The OpenAPI document this crate's client and mocks were generated from, as JSON
/// (operations that could not be generated taken out): what a test checks the
/// requests it recorded against, and snapshots them with, through
/// `unbind_conformance::conformance::Spec::from_yaml`.
pub const OPENAPI_JSON: &str = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Manta OpenAPI\",\"description\":\"The MantaGo calls that bind a customer to a chat-platform client and remove that binding, with the API token and client lookups around them.\",\"version\":\"0.318.0\"},\"servers\":[{\"url\":\"https://mantago.cc/api\",\"description\":\"MantaGo Openapi host url\"}],\"paths\":{\"/openapi/bind/customer\":{\"post\":{\"tags\":[\"Core\"],\"summary\":\"Bind customer\",\"description\":\"Bind a customer to a chat-platform client (error code 60001 on failure).\",\"operationId\":\"bind_customer\",\"parameters\":[{\"$ref\":\"#/components/parameters/BotId\"}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/CustomerBindRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Customer bound successfully\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/BasicSuccessResponse\"}}}},\"401\":{\"$ref\":\"#/components/responses/TokenError\"},\"403\":{\"$ref\":\"#/components/responses/PermissionError\"},\"404\":{\"$ref\":\"#/components/responses/GetOpenApiError\"},\"429\":{\"$ref\":\"#/components/responses/RateLimitError\"},\"500\":{\"$ref\":\"#/components/responses/InternalServerError\"}}}},\"/openapi/client/{clientId}\":{\"post\":{\"tags\":[\"Core\"],\"summary\":\"Get client\",\"description\":\"Get one chat-platform client by its client ID (error code 37011 on failure). POST as documented, although it only reads; the body carries `secret`.\",\"operationId\":\"get_client\",\"parameters\":[{\"$ref\":\"#/components/parameters/BotId\"},{\"in\":\"path\",\"name\":\"clientId\",\"description\":\"The client ID (platform UUID).\",\"required\":true,\"schema\":{\"type\":\"string\"},\"style\":\"simple\"},{\"in\":\"query\",\"name\":\"platformClientId\",\"description\":\"The client's ID on its chat platform.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"platform\",\"description\":\"The client's chat platform.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/SecretRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"The client\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ClientResponse\"}}}},\"401\":{\"$ref\":\"#/components/responses/TokenError\"},\"403\":{\"$ref\":\"#/components/responses/PermissionError\"},\"404\":{\"$ref\":\"#/components/responses/GetOpenApiError\"},\"429\":{\"$ref\":\"#/components/responses/RateLimitError\"},\"500\":{\"$ref\":\"#/components/responses/InternalServerError\"}}}},\"/openapi/clients\":{\"post\":{\"tags\":[\"Core\"],\"summary\":\"List clients\",\"description\":\"List the bot's chat-platform clients, optionally filtered by customer, platform, name and creation time, one page at a time (`limit`/`offset`, or the `next` cursor returned by the previous page). POST as documented, although it only reads; the body carries `secret`.\",\"operationId\":\"list_clients\",\"parameters\":[{\"$ref\":\"#/components/parameters/BotId\"},{\"in\":\"query\",\"name\":\"customerId\",\"description\":\"Only clients bound to this customer ID.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"platform\",\"description\":\"Only clients of this chat platform.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"name\",\"description\":\"Only clients with this name.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"limit\",\"description\":\"Page size, 1 to 100 (default 10).\",\"schema\":{\"default\":10,\"type\":\"integer\",\"minimum\":1,\"maximum\":100},\"example\":10,\"style\":\"form\"},{\"in\":\"query\",\"name\":\"offset\",\"description\":\"Number of clients to skip (default 0).\",\"schema\":{\"default\":0,\"type\":\"integer\",\"minimum\":0},\"example\":0,\"style\":\"form\"},{\"in\":\"query\",\"name\":\"startAt\",\"description\":\"Start of the time range, a 13-digit Unix timestamp in milliseconds.\",\"schema\":{\"type\":\"integer\",\"format\":\"int64\"},\"example\":1704067200000,\"style\":\"form\"},{\"in\":\"query\",\"name\":\"endAt\",\"description\":\"End of the time range, a 13-digit Unix timestamp in milliseconds.\",\"schema\":{\"type\":\"integer\",\"format\":\"int64\"},\"example\":1735689599999,\"style\":\"form\"},{\"in\":\"query\",\"name\":\"next\",\"description\":\"Pagination cursor: the `clientList.next` value of the previous page, sent as text.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/SecretRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"One page of clients\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ClientListResponse\"}}}},\"401\":{\"$ref\":\"#/components/responses/TokenError\"},\"403\":{\"$ref\":\"#/components/responses/PermissionError\"},\"404\":{\"$ref\":\"#/components/responses/GetOpenApiError\"},\"429\":{\"$ref\":\"#/components/responses/RateLimitError\"},\"500\":{\"$ref\":\"#/components/responses/InternalServerError\"}}}},\"/openapi/token\":{\"post\":{\"tags\":[\"Core\"],\"summary\":\"Get API token\",\"description\":\"Exchange the bot's secret for an API token (a JWT used as the bearer token) and a new API secret. The token is valid for 30 days. After a refresh the old token and secret are rejected with error code 120000.\",\"operationId\":\"get_api_token\",\"parameters\":[{\"$ref\":\"#/components/parameters/BotId\"}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/SecretRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"API token issued\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ApiTokenResponse\"}}}},\"401\":{\"$ref\":\"#/components/responses/TokenError\"},\"403\":{\"$ref\":\"#/components/responses/PermissionError\"},\"404\":{\"$ref\":\"#/components/responses/GetOpenApiError\"},\"429\":{\"$ref\":\"#/components/responses/RateLimitError\"},\"500\":{\"$ref\":\"#/components/responses/InternalServerError\"}}}},\"/openapi/unbind/customer\":{\"post\":{\"tags\":[\"Core\"],\"summary\":\"Unbind customer\",\"description\":\"Unbind a customer from the current session or context\",\"operationId\":\"unbind_customer\",\"parameters\":[{\"$ref\":\"#/components/parameters/BotId\"}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/CustomerBindRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Customer unbound successfully\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/BasicSuccessResponse\"}}}},\"401\":{\"$ref\":\"#/components/responses/TokenError\"},\"403\":{\"$ref\":\"#/components/responses/PermissionError\"},\"404\":{\"$ref\":\"#/components/responses/GetOpenApiError\"},\"429\":{\"$ref\":\"#/components/responses/RateLimitError\"},\"500\":{\"$ref\":\"#/components/responses/InternalServerError\"}}}}},\"components\":{\"schemas\":{\"ApiTokenResponse\":{\"description\":\"A new API token and API secret; the token is valid for 30 days.\",\"type\":\"object\",\"properties\":{\"apiSecret\":{\"description\":\"The new secret; the old one is rejected (code 120000) from now on.\",\"type\":\"string\"},\"apiToken\":{\"description\":\"The API token (JWT), sent as `Authorization: Bearer <apiToken>`.\",\"type\":\"string\"},\"message\":{\"type\":\"string\"},\"success\":{\"type\":\"boolean\"}},\"required\":[\"success\",\"message\",\"apiToken\",\"apiSecret\"]},\"BasicSuccessResponse\":{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"},\"success\":{\"type\":\"boolean\",\"enum\":[true]}},\"required\":[\"success\",\"message\"]},\"Client\":{\"description\":\"A chat-platform client. The docs list these fields followed by \\\"…\\\": further fields are allowed.\",\"type\":\"object\",\"properties\":{\"clientId\":{\"description\":\"The client ID (platform UUID).\",\"type\":\"string\"},\"clientName\":{\"description\":\"The client's display name.\",\"type\":\"string\"},\"createdAt\":{\"description\":\"Creation time. Its type is not documented (the query filters use 13-digit millisecond timestamps), so any JSON value is accepted.\"},\"customerId\":{\"description\":\"The customer ID bound to this client, if any.\",\"type\":\"string\"},\"platform\":{\"description\":\"The client's chat platform.\",\"type\":\"string\"},\"updatedAt\":{\"description\":\"Last update time. Its type is not documented, so any JSON value is accepted.\"}},\"required\":[\"clientId\"],\"additionalProperties\":true},\"ClientList\":{\"type\":\"object\",\"properties\":{\"list\":{\"description\":\"The clients of this page.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Client\"}},\"next\":{\"description\":\"Cursor for the next page, to pass back as the `next` query parameter. Its type is not documented, so any JSON value is accepted; absent or null at the end.\"}},\"required\":[\"list\"]},\"ClientListResponse\":{\"type\":\"object\",\"properties\":{\"clientList\":{\"$ref\":\"#/components/schemas/ClientList\"},\"message\":{\"type\":\"string\"},\"success\":{\"type\":\"boolean\"}},\"required\":[\"success\",\"message\",\"clientList\"]},\"ClientResponse\":{\"type\":\"object\",\"properties\":{\"client\":{\"$ref\":\"#/components/schemas/Client\"},\"message\":{\"type\":\"string\"},\"success\":{\"type\":\"boolean\"}},\"required\":[\"success\",\"message\",\"client\"]},\"CustomerBindRequest\":{\"type\":\"object\",\"properties\":{\"clientId\":{\"description\":\"The client ID (platform UUID) to bind/unbind\",\"type\":\"string\"},\"customerId\":{\"description\":\"The customer ID to bind/unbind\",\"type\":\"string\"},\"secret\":{\"description\":\"Secret key for API authentication\",\"type\":\"string\",\"format\":\"password\"}},\"required\":[\"secret\",\"clientId\",\"customerId\"]},\"ErrorResponse\":{\"type\":\"object\",\"properties\":{\"errResponse\":{\"type\":\"object\",\"properties\":{\"botId\":{\"type\":\"string\"},\"code\":{\"example\":1004,\"description\":\"Error code: 1004 token invalid or expired; 1002 permission denied; 5001 bot not found; 60001 bind customer failed; 60002 unbind customer failed; 37011 get client failed; 110000 missing request variables; 120000 old token or secret used after a refresh.\",\"type\":\"integer\"},\"message\":{\"type\":\"string\"}},\"required\":[\"message\",\"code\"]},\"success\":{\"type\":\"boolean\"}},\"required\":[\"success\",\"errResponse\"]},\"SecretRequest\":{\"description\":\"Request body of the calls that carry only the secret.\",\"type\":\"object\",\"properties\":{\"secret\":{\"description\":\"Secret key for API authentication\",\"type\":\"string\",\"format\":\"password\"}},\"required\":[\"secret\"]}},\"responses\":{\"GetOpenApiError\":{\"description\":\"OpenAPI configuration not found\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ErrorResponse\"}}}},\"InternalServerError\":{\"description\":\"Internal server error\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ErrorResponse\"}}}},\"PermissionError\":{\"description\":\"Permission denied - insufficient access rights\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ErrorResponse\"}}}},\"RateLimitError\":{\"description\":\"Rate limit exceeded\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ErrorResponse\"}}}},\"TokenError\":{\"description\":\"JWT token is invalid or expired\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ErrorResponse\"}}}}},\"parameters\":{\"BotId\":{\"in\":\"query\",\"name\":\"botId\",\"description\":\"The bot ID for the API request\",\"required\":true,\"schema\":{\"type\":\"string\"},\"style\":\"form\"}},\"securitySchemes\":{\"bearerAuth\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\",\"description\":\"Bearer token for API authentication\"}}},\"security\":[{\"bearerAuth\":[]}],\"tags\":[{\"name\":\"Core\",\"description\":\"Core OpenAPI functionality for customer management and broadcasting\"}]}";
