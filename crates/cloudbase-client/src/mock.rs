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
