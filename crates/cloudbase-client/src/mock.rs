// This file is generated from specs/cloudbase.yaml (sha256 f6ee8f34514d9a444cbd1e0aa9c79822c4590ef90e26354f84701e500af0bd41) by `cargo xtask generate`; do not edit it by hand.

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
    pub struct GetProviderTokenWhen(::httpmock::When);
    impl GetProviderTokenWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/auth/v1/provider/token$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn client_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("client_id", value.to_string()))
            } else {
                Self(self.0.query_param_missing("client_id"))
            }
        }
        pub fn x_device_id(self, value: &str) -> Self {
            Self(self.0.header("x-device-id", value.to_string()))
        }
        pub fn body(self, value: &types::ProviderTokenRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct GetProviderTokenThen(::httpmock::Then);
    impl GetProviderTokenThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ProviderTokenResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn client_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 4u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetProviderAuthUriWhen(::httpmock::When);
    impl GetProviderAuthUriWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/auth/v1/provider/uri$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn client_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("client_id", value.to_string()))
            } else {
                Self(self.0.query_param_missing("client_id"))
            }
        }
        pub fn provider_id(self, value: &str) -> Self {
            Self(self.0.query_param("provider_id", value.to_string()))
        }
        pub fn redirect_uri<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("redirect_uri", value.to_string()))
            } else {
                Self(self.0.query_param_missing("redirect_uri"))
            }
        }
        pub fn response_type<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("response_type", value.to_string()))
            } else {
                Self(self.0.query_param_missing("response_type"))
            }
        }
        pub fn scope<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("scope", value.to_string()))
            } else {
                Self(self.0.query_param_missing("scope"))
            }
        }
        pub fn state<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("state", value.to_string()))
            } else {
                Self(self.0.query_param_missing("state"))
            }
        }
        pub fn x_device_id(self, value: &str) -> Self {
            Self(self.0.header("x-device-id", value.to_string()))
        }
    }
    pub struct GetProviderAuthUriThen(::httpmock::Then);
    impl GetProviderAuthUriThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ProviderAuthUri) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn client_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 4u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct ListBoundProvidersWhen(::httpmock::When);
    impl ListBoundProvidersWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/auth/v1/user/provider$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
    }
    pub struct ListBoundProvidersThen(::httpmock::Then);
    impl ListBoundProvidersThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ProviderList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn client_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 4u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct BindProviderWhen(::httpmock::When);
    impl BindProviderWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/auth/v1/user/provider/bind$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn body(self, value: &types::BindProviderRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct BindProviderThen(::httpmock::Then);
    impl BindProviderThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Empty) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn client_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 4u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct UnbindProviderWhen(::httpmock::When);
    impl UnbindProviderWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::DELETE)
                    .path_matches(
                        regex::Regex::new("^/auth/v1/user/provider/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn provider_id(self, value: &str) -> Self {
            let re = regex::Regex::new(
                    &format!(
                        "^/auth/v1/user/provider/{}$", regex::escape(&
                        progenitor_client::encode_path(& value.to_string()))
                    ),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn client_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("client_id", value.to_string()))
            } else {
                Self(self.0.query_param_missing("client_id"))
            }
        }
        pub fn with_user_center<T>(self, value: T) -> Self
        where
            T: Into<Option<bool>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("with_user_center", value.to_string()))
            } else {
                Self(self.0.query_param_missing("with_user_center"))
            }
        }
        pub fn x_device_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("x-device-id", value.to_string()))
            } else {
                Self(self.0.header_missing("x-device-id"))
            }
        }
    }
    pub struct UnbindProviderThen(::httpmock::Then);
    impl UnbindProviderThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Empty) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn client_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 4u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::Error) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
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
    fn get_provider_token<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetProviderTokenWhen, operations::GetProviderTokenThen);
    fn get_provider_auth_uri<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::GetProviderAuthUriWhen,
            operations::GetProviderAuthUriThen,
        );
    fn list_bound_providers<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::ListBoundProvidersWhen,
            operations::ListBoundProvidersThen,
        );
    fn bind_provider<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::BindProviderWhen, operations::BindProviderThen);
    fn unbind_provider<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UnbindProviderWhen, operations::UnbindProviderThen);
}
impl MockServerExt for ::httpmock::MockServer {
    fn get_provider_token<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetProviderTokenWhen, operations::GetProviderTokenThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetProviderTokenWhen::new(when),
                operations::GetProviderTokenThen::new(then),
            )
        })
    }
    fn get_provider_auth_uri<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::GetProviderAuthUriWhen,
            operations::GetProviderAuthUriThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetProviderAuthUriWhen::new(when),
                operations::GetProviderAuthUriThen::new(then),
            )
        })
    }
    fn list_bound_providers<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::ListBoundProvidersWhen,
            operations::ListBoundProvidersThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListBoundProvidersWhen::new(when),
                operations::ListBoundProvidersThen::new(then),
            )
        })
    }
    fn bind_provider<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::BindProviderWhen, operations::BindProviderThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::BindProviderWhen::new(when),
                operations::BindProviderThen::new(then),
            )
        })
    }
    fn unbind_provider<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UnbindProviderWhen, operations::UnbindProviderThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UnbindProviderWhen::new(when),
                operations::UnbindProviderThen::new(then),
            )
        })
    }
}
/// The OpenAPI document this crate's client and mocks were generated from, as JSON
/// (operations that could not be generated taken out): what a test checks the
/// requests it recorded against, and snapshots them with, through
/// `unbind_conformance::conformance::Spec::from_yaml`.
pub const OPENAPI_JSON: &str = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Tencent CloudBase auth v1 API (third-party identity sources)\",\"description\":\"Bind, list and unbind the third-party identity sources (GitHub, WeChat, QQ, ...) of the logged-in user, and the pre-login calls that produce a provider_token. The official JS SDK (@cloudbase/oauth 3.3.3) also sends `x-request-id` and `x-device-id` on every call, and through @cloudbase/js-sdk `X-SDK-Version` and `Accept-Language`; the API docs declare only the headers below.\",\"version\":\"v1\"},\"servers\":[{\"url\":\"https://{env}.api.tcloudbasegateway.com\",\"description\":\"CloudBase environment gateway.\",\"variables\":{\"env\":{\"default\":\"your-env-id\",\"description\":\"The CloudBase environment ID.\"}}},{\"url\":\"https://{env}.api.intl.tcloudbasegateway.com\",\"description\":\"CloudBase environment gateway, international site.\",\"variables\":{\"env\":{\"default\":\"your-env-id\",\"description\":\"The CloudBase environment ID.\"}}}],\"paths\":{\"/auth/v1/provider/token\":{\"post\":{\"tags\":[\"Provider\"],\"summary\":\"Get third-party authorization info\",\"description\":\"Exchange the third party's authorization result (a code from the callback URL, or an access or ID token) for a provider_token and the third-party profile. Runs before login: no bearer token.\",\"operationId\":\"get_provider_token\",\"parameters\":[{\"$ref\":\"#/components/parameters/ClientId\"},{\"$ref\":\"#/components/parameters/DeviceId\"}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ProviderTokenRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"A successful response.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ProviderTokenResponse\"}}}},\"4XX\":{\"$ref\":\"#/components/responses/ClientError\"},\"5XX\":{\"$ref\":\"#/components/responses/ServerError\"}},\"security\":[]}},\"/auth/v1/provider/uri\":{\"get\":{\"tags\":[\"Provider\"],\"summary\":\"Get third-party login callback URL\",\"description\":\"Get the third party's authorization URL to send the user to; the third party then redirects to redirect_uri with a code for get_provider_token. Runs before login: no bearer token.\",\"operationId\":\"get_provider_auth_uri\",\"parameters\":[{\"in\":\"query\",\"name\":\"provider_id\",\"description\":\"Identity source ID, such as wx_open, github, wechat, qq.\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"github\",\"style\":\"form\"},{\"in\":\"query\",\"name\":\"redirect_uri\",\"description\":\"Where the third party redirects after authorization.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"state\",\"description\":\"Opaque value returned unchanged to redirect_uri.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"scope\",\"description\":\"Scopes to request from the third party.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"in\":\"query\",\"name\":\"response_type\",\"description\":\"OAuth response type.\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},{\"$ref\":\"#/components/parameters/ClientId\"},{\"$ref\":\"#/components/parameters/DeviceId\"}],\"responses\":{\"200\":{\"description\":\"A successful response.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ProviderAuthUri\"}}}},\"4XX\":{\"$ref\":\"#/components/responses/ClientError\"},\"5XX\":{\"$ref\":\"#/components/responses/ServerError\"}},\"security\":[]}},\"/auth/v1/user/provider\":{\"get\":{\"tags\":[\"User\"],\"summary\":\"Get list of third-party identity sources bound to account\",\"description\":\"List the third-party identity sources and whether each is bound to the current user.\",\"operationId\":\"list_bound_providers\",\"responses\":{\"200\":{\"description\":\"A successful response.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ProviderList\"}}}},\"4XX\":{\"$ref\":\"#/components/responses/ClientError\"},\"5XX\":{\"$ref\":\"#/components/responses/ServerError\"}}}},\"/auth/v1/user/provider/bind\":{\"post\":{\"tags\":[\"User\"],\"summary\":\"Bind third-party account\",\"description\":\"Bind the third-party account behind a provider_token (from get_provider_token) to the current logged-in user. POST, not PATCH.\",\"operationId\":\"bind_provider\",\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/BindProviderRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Returns empty object {} on success\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Empty\"},\"example\":{}}}},\"4XX\":{\"$ref\":\"#/components/responses/ClientError\"},\"5XX\":{\"$ref\":\"#/components/responses/ServerError\"}}}},\"/auth/v1/user/provider/{provider_id}\":{\"delete\":{\"tags\":[\"User\"],\"summary\":\"Unbind third-party account\",\"description\":\"Unbind third-party account API, used to remove the binding relationship between the current logged-in user and specified third-party identity source (such as GitHub, WeChat, QQ, etc.).\",\"operationId\":\"unbind_provider\",\"parameters\":[{\"in\":\"path\",\"name\":\"provider_id\",\"description\":\"Identity source ID, such as wx_open, github, wechat, qq, or a WeChat Mini Program appid.\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"github\",\"style\":\"simple\"},{\"in\":\"query\",\"name\":\"with_user_center\",\"description\":\"Whether to record in user centralized security log, default false\",\"schema\":{\"default\":false,\"type\":\"boolean\"},\"example\":true,\"style\":\"form\"},{\"$ref\":\"#/components/parameters/ClientId\"},{\"$ref\":\"#/components/parameters/DeviceIdOptional\"}],\"responses\":{\"200\":{\"description\":\"Returns empty object {} on success\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Empty\"},\"example\":{}}}},\"4XX\":{\"description\":\"Client error, for example not logged in or identity source not found.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"},\"examples\":{\"provider_not_found\":{\"summary\":\"Identity Source Not Found Response Example\",\"value\":{\"error\":\"provider_not_found\",\"error_code\":4004,\"error_description\":\"Specified identity source does not exist\"}},\"unauthorized\":{\"summary\":\"Not Logged In Response Example\",\"value\":{\"error\":\"unauthorized\",\"error_code\":4003,\"error_description\":\"User not logged in or access_token invalid\"}}}}}},\"5XX\":{\"$ref\":\"#/components/responses/ServerError\"}}}}},\"components\":{\"schemas\":{\"BindProviderRequest\":{\"type\":\"object\",\"properties\":{\"provider_token\":{\"description\":\"The provider_token returned by get_provider_token.\",\"type\":\"string\"},\"with_user_center\":{\"description\":\"Whether to record in user centralized security log, default false\",\"type\":\"boolean\"}},\"required\":[\"provider_token\"]},\"BoundProvider\":{\"type\":\"object\",\"properties\":{\"bind\":{\"description\":\"Whether the identity source is bound to the current user.\",\"type\":\"boolean\"},\"homepage\":{\"description\":\"Homepage of the identity source.\",\"type\":\"string\"},\"id\":{\"example\":\"github\",\"description\":\"Identity source ID, the provider_id of unbind_provider.\",\"type\":\"string\"},\"name\":{\"example\":\"GitHub\",\"description\":\"Display name of the identity source.\",\"type\":\"string\"},\"picture\":{\"description\":\"Icon URL of the identity source.\",\"type\":\"string\"},\"provider_type\":{\"description\":\"Type of the identity source.\",\"type\":\"string\"},\"provider_user_name\":{\"description\":\"The user's name at the identity source, when bound.\",\"type\":\"string\"}},\"required\":[\"id\"]},\"Empty\":{\"description\":\"Empty object {} returned on success; unknown fields are allowed.\",\"type\":\"object\",\"additionalProperties\":true},\"Error\":{\"description\":\"The body of every error response.\",\"type\":\"object\",\"properties\":{\"error\":{\"example\":\"unauthorized\",\"description\":\"Error name, for example unauthorized, provider_not_found, invalid_grant, internal_error.\",\"type\":\"string\"},\"error_code\":{\"example\":4003,\"description\":\"Numeric error code, for example 4001 invalid_grant, 4003 unauthorized, 4004 provider_not_found.\",\"type\":\"integer\"},\"error_description\":{\"example\":\"User not logged in or access_token invalid\",\"description\":\"Human-readable error description.\",\"type\":\"string\"}}},\"ProviderAuthUri\":{\"type\":\"object\",\"properties\":{\"signout_uri\":{\"description\":\"The third party's sign-out URL, if any.\",\"type\":\"string\"},\"uri\":{\"description\":\"The third party's authorization URL.\",\"type\":\"string\"}},\"required\":[\"uri\"]},\"ProviderList\":{\"example\":{\"data\":[{\"bind\":true,\"id\":\"github\",\"name\":\"GitHub\"}],\"total\":1},\"type\":\"object\",\"properties\":{\"data\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/BoundProvider\"}},\"error\":{\"description\":\"Set only on a failure: a 200 whose error is set (not null, false, 0 or \\\"\\\") is not a list.\"},\"total\":{\"description\":\"Number of identity sources in `data`.\",\"type\":\"integer\"}},\"required\":[\"data\"]},\"ProviderTokenRequest\":{\"type\":\"object\",\"properties\":{\"provider_access_token\":{\"description\":\"An access token issued by the third party.\",\"type\":\"string\"},\"provider_code\":{\"description\":\"Authorization code the third party passed to the redirect URI.\",\"type\":\"string\"},\"provider_id\":{\"example\":\"github\",\"description\":\"Identity source ID, such as wx_open, github, wechat, qq.\",\"type\":\"string\"},\"provider_id_token\":{\"description\":\"An ID token issued by the third party.\",\"type\":\"string\"},\"provider_redirect_uri\":{\"description\":\"The redirect URI used to obtain provider_code.\",\"type\":\"string\"}},\"required\":[\"provider_id\"]},\"ProviderTokenResponse\":{\"type\":\"object\",\"properties\":{\"expires_in\":{\"description\":\"Validity of provider_token, in seconds.\",\"type\":\"integer\",\"format\":\"int64\"},\"provider_profile\":{\"description\":\"The user's profile at the third party; its fields are not documented.\",\"type\":\"object\",\"additionalProperties\":true},\"provider_token\":{\"description\":\"Token standing for the third-party authorization, input of bind_provider.\",\"type\":\"string\"}},\"required\":[\"provider_token\"]}},\"responses\":{\"ClientError\":{\"description\":\"Client error (4xx).\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"}}}},\"ServerError\":{\"description\":\"An unexpected error response.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"}}}}},\"parameters\":{\"ClientId\":{\"in\":\"query\",\"name\":\"client_id\",\"description\":\"Client ID corresponding to the application, can be obtained from Cloud Development Platform -> Identity Authentication -> Development Settings. Defaults to environment ID, can be omitted\",\"schema\":{\"type\":\"string\"},\"style\":\"form\"},\"DeviceId\":{\"in\":\"header\",\"name\":\"x-device-id\",\"description\":\"Device ID, the ID of the current device. The client should generate it randomly and cache it on the client (the official SDK uses 16 to 48 characters).\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"device_abc123\",\"style\":\"simple\"},\"DeviceIdOptional\":{\"in\":\"header\",\"name\":\"x-device-id\",\"description\":\"Device ID, the ID of the current logged-in device. The client should generate it randomly and cache it on the client (the official SDK uses 16 to 48 characters). This parameter is related to the number of logged-in accounts.\",\"schema\":{\"type\":\"string\"},\"example\":\"device_abc123\",\"style\":\"simple\"}},\"securitySchemes\":{\"bearerAuth\":{\"type\":\"http\",\"scheme\":\"bearer\",\"description\":\"The access_token of the current logged-in user, format is Bearer xxx\"}}},\"security\":[{\"bearerAuth\":[]}],\"tags\":[{\"name\":\"User\",\"description\":\"Identity sources bound to the logged-in user.\"},{\"name\":\"Provider\",\"description\":\"Third-party authorization before login.\"}]}";
