// This file is generated from specs/oneaccess.yaml (sha256 d0f7d49d6b723c24683952f8ecc2cb05ae79bd79ec6b00e16bef43f7dfb22044) by `cargo xtask generate`; do not edit it by hand.

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
    pub struct LoginWhen(::httpmock::When);
    impl LoginWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/api/v2/sdk/login$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
        pub fn body(self, value: &types::LoginRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct LoginThen(::httpmock::Then);
    impl LoginThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::LoginResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetPublicKeyWhen(::httpmock::When);
    impl GetPublicKeyWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/api/v2/sdk/public-key$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
    }
    pub struct GetPublicKeyThen(::httpmock::Then);
    impl GetPublicKeyThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::PublicKey) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetServerDateWhen(::httpmock::When);
    impl GetServerDateWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/api/v2/sdk/server-date$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
    }
    pub struct GetServerDateThen(::httpmock::Then);
    impl GetServerDateThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::ServerDate) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct ListSocialAccountsWhen(::httpmock::When);
    impl ListSocialAccountsWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/api/v2/sdk/social$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_signature(self, value: &str) -> Self {
            Self(self.0.header("X-signature", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
    }
    pub struct ListSocialAccountsThen(::httpmock::Then);
    impl ListSocialAccountsThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::SocialAccountList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct BindSocialAccountWhen(::httpmock::When);
    impl BindSocialAccountWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/api/v2/sdk/social/bind$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_state_token(self, value: &str) -> Self {
            Self(self.0.header("X-state-token", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
        pub fn body(self, value: &types::MobileVerifyRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct BindSocialAccountThen(::httpmock::Then);
    impl BindSocialAccountThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::SessionResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct RegisterAndBindSocialAccountWhen(::httpmock::When);
    impl RegisterAndBindSocialAccountWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/api/v2/sdk/social/register-bind$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_state_token(self, value: &str) -> Self {
            Self(self.0.header("X-state-token", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
        pub fn body(self, value: &types::MobileVerifyRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct RegisterAndBindSocialAccountThen(::httpmock::Then);
    impl RegisterAndBindSocialAccountThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::SessionResponse) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct UnbindSocialAccountWhen(::httpmock::When);
    impl UnbindSocialAccountWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(
                        regex::Regex::new("^/api/v2/sdk/social/unbind-account$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn x_l<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-L", value.to_string()))
            } else {
                Self(self.0.header_missing("X-L"))
            }
        }
        pub fn x_agent(self, value: &str) -> Self {
            Self(self.0.header("X-agent", value.to_string()))
        }
        pub fn x_client_id(self, value: &str) -> Self {
            Self(self.0.header("X-client-id", value.to_string()))
        }
        pub fn x_device_fingerprint(self, value: &str) -> Self {
            Self(self.0.header("X-device-fingerprint", value.to_string()))
        }
        pub fn x_device_ip<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-device-ip", value.to_string()))
            } else {
                Self(self.0.header_missing("X-device-ip"))
            }
        }
        pub fn x_operating_sys_version(self, value: &str) -> Self {
            Self(self.0.header("X-operating-sys-version", value.to_string()))
        }
        pub fn x_signature(self, value: &str) -> Self {
            Self(self.0.header("X-signature", value.to_string()))
        }
        pub fn x_tenant_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.header("X-tenant-id", value.to_string()))
            } else {
                Self(self.0.header_missing("X-tenant-id"))
            }
        }
        pub fn body(self, value: &types::UnbindSocialAccountRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct UnbindSocialAccountThen(::httpmock::Then);
    impl UnbindSocialAccountThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &str) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::Error) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
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
    fn login<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::LoginWhen, operations::LoginThen);
    fn get_public_key<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetPublicKeyWhen, operations::GetPublicKeyThen);
    fn get_server_date<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetServerDateWhen, operations::GetServerDateThen);
    fn list_social_accounts<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::ListSocialAccountsWhen,
            operations::ListSocialAccountsThen,
        );
    fn bind_social_account<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::BindSocialAccountWhen, operations::BindSocialAccountThen);
    fn register_and_bind_social_account<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::RegisterAndBindSocialAccountWhen,
            operations::RegisterAndBindSocialAccountThen,
        );
    fn unbind_social_account<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::UnbindSocialAccountWhen,
            operations::UnbindSocialAccountThen,
        );
}
impl MockServerExt for ::httpmock::MockServer {
    fn login<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::LoginWhen, operations::LoginThen),
    {
        self.mock(|when, then| {
            config_fn(operations::LoginWhen::new(when), operations::LoginThen::new(then))
        })
    }
    fn get_public_key<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetPublicKeyWhen, operations::GetPublicKeyThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetPublicKeyWhen::new(when),
                operations::GetPublicKeyThen::new(then),
            )
        })
    }
    fn get_server_date<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetServerDateWhen, operations::GetServerDateThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetServerDateWhen::new(when),
                operations::GetServerDateThen::new(then),
            )
        })
    }
    fn list_social_accounts<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::ListSocialAccountsWhen,
            operations::ListSocialAccountsThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListSocialAccountsWhen::new(when),
                operations::ListSocialAccountsThen::new(then),
            )
        })
    }
    fn bind_social_account<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::BindSocialAccountWhen, operations::BindSocialAccountThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::BindSocialAccountWhen::new(when),
                operations::BindSocialAccountThen::new(then),
            )
        })
    }
    fn register_and_bind_social_account<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::RegisterAndBindSocialAccountWhen,
            operations::RegisterAndBindSocialAccountThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::RegisterAndBindSocialAccountWhen::new(when),
                operations::RegisterAndBindSocialAccountThen::new(then),
            )
        })
    }
    fn unbind_social_account<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(
            operations::UnbindSocialAccountWhen,
            operations::UnbindSocialAccountThen,
        ),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UnbindSocialAccountWhen::new(when),
                operations::UnbindSocialAccountThen::new(then),
            )
        })
    }
}
/// The OpenAPI document this crate's client and mocks were generated from, as JSON
/// (operations that could not be generated taken out): what a test checks the
/// requests it recorded against, and snapshots them with, through
/// `unbind_conformance::conformance::Spec::from_yaml`.
pub const OPENAPI_JSON: &str = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Huawei Cloud OneAccess user-side SDK API (social accounts)\",\"description\":\"Login, server time, public key and the social-account calls of the OneAccess user-side SDK API. Every 400 is `{error_code, error_msg}`.\",\"version\":\"v2\"},\"servers\":[{\"url\":\"https://{domain_name}\",\"description\":\"The OneAccess instance's user domain name.\",\"variables\":{\"domain_name\":{\"default\":\"oneaccess.example.com\",\"description\":\"The instance's domain name ({domain_name} in the docs); there is no shared default.\"}}},{\"url\":\"https://{common_domain}\",\"description\":\"ISV applications: the ISV common domain name, with `X-tenant-id` set to the tenant and `X-client-id` set to the client_id of the ISV application template.\",\"variables\":{\"common_domain\":{\"default\":\"isv.example.com\",\"description\":\"The ISV common domain name ({common_domain} in the docs).\"}}}],\"paths\":{\"/api/v2/sdk/login\":{\"post\":{\"tags\":[\"Login\"],\"summary\":\"Log in by user name and password\",\"description\":\"Log in with a user name and password. On success the response carries the session_token (input of the X-signature) and an id_token.\",\"operationId\":\"login\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"requestBody\":{\"content\":{\"application/json;charset=utf8\":{\"schema\":{\"$ref\":\"#/components/schemas/LoginRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Request successful.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/LoginResponse\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}},\"/api/v2/sdk/public-key\":{\"get\":{\"tags\":[\"System\"],\"summary\":\"Obtain the public key\",\"description\":\"Obtain the application's RSA public key (one key per application), used to encrypt the X-signature.\",\"operationId\":\"get_public_key\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"responses\":{\"200\":{\"description\":\"Request successful.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/PublicKey\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}},\"/api/v2/sdk/server-date\":{\"get\":{\"tags\":[\"System\"],\"summary\":\"Obtain the server time\",\"description\":\"Obtain the server's current time, used as the `timestamp` of an X-signature. A client may keep the offset to its own clock instead of asking before every signature.\",\"operationId\":\"get_server_date\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"responses\":{\"200\":{\"description\":\"Request successful.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/ServerDate\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}},\"/api/v2/sdk/social\":{\"get\":{\"tags\":[\"Social\"],\"summary\":\"Obtain the list of social accounts bound to a user\",\"description\":\"List the social accounts bound to the user whose session token is signed into X-signature.\",\"operationId\":\"list_social_accounts\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XSignature\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"responses\":{\"200\":{\"description\":\"Request successful.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/SocialAccountList\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}},\"/api/v2/sdk/social/bind\":{\"post\":{\"tags\":[\"Social\"],\"summary\":\"Bind a social account to a mobile number\",\"description\":\"Bind the social account identified by X-state-token (from a social login whose social account is not yet bound) to the existing user that owns the mobile number.\",\"operationId\":\"bind_social_account\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XStateToken\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"requestBody\":{\"content\":{\"application/json;charset=utf8\":{\"schema\":{\"$ref\":\"#/components/schemas/MobileVerifyRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Request successful.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/SessionResponse\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}},\"/api/v2/sdk/social/register-bind\":{\"post\":{\"tags\":[\"Social\"],\"summary\":\"Register and bind a social account\",\"description\":\"Register a new user with the mobile number and bind the social account identified by X-state-token to it.\",\"operationId\":\"register_and_bind_social_account\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XStateToken\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"requestBody\":{\"content\":{\"application/json;charset=utf8\":{\"schema\":{\"$ref\":\"#/components/schemas/MobileVerifyRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Request successful.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/SessionResponse\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}},\"/api/v2/sdk/social/unbind-account\":{\"post\":{\"tags\":[\"Social\"],\"summary\":\"Unbind a social account\",\"description\":\"This API is used to unbind a social account.\",\"operationId\":\"unbind_social_account\",\"parameters\":[{\"$ref\":\"#/components/parameters/XOperatingSysVersion\"},{\"$ref\":\"#/components/parameters/XDeviceFingerprint\"},{\"$ref\":\"#/components/parameters/XDeviceIp\"},{\"$ref\":\"#/components/parameters/XAgent\"},{\"$ref\":\"#/components/parameters/XL\"},{\"$ref\":\"#/components/parameters/XClientId\"},{\"$ref\":\"#/components/parameters/XSignature\"},{\"$ref\":\"#/components/parameters/XTenantId\"}],\"requestBody\":{\"content\":{\"application/json;charset=utf8\":{\"schema\":{\"$ref\":\"#/components/schemas/UnbindSocialAccountRequest\"}}},\"required\":true},\"responses\":{\"200\":{\"description\":\"Request successful. The body is a JSON string, or empty.\",\"content\":{\"application/json\":{\"schema\":{\"type\":\"string\"}}}},\"400\":{\"$ref\":\"#/components/responses/BadRequest\"}}}}},\"components\":{\"schemas\":{\"Error\":{\"description\":\"The body of every 400 response.\",\"type\":\"object\",\"properties\":{\"error_code\":{\"example\":\"SDK.COMMON.1007\",\"description\":\"Error code, for example APP.0001 or SDK.COMMON.1007.\",\"type\":\"string\"},\"error_msg\":{\"description\":\"Error details.\",\"type\":\"string\"}}},\"LoginRequest\":{\"type\":\"object\",\"properties\":{\"password\":{\"description\":\"Password.\",\"type\":\"string\",\"format\":\"password\"},\"username\":{\"description\":\"User name.\",\"type\":\"string\"}},\"required\":[\"username\",\"password\"]},\"LoginResponse\":{\"type\":\"object\",\"properties\":{\"data\":{\"description\":\"Further data. Its type is not documented, so any JSON value is accepted.\"},\"expire\":{\"description\":\"Validity period of the session, in seconds.\",\"type\":\"integer\",\"format\":\"int64\"},\"id_token\":{\"description\":\"A JWT carrying the user's identity (valid 2 hours by default).\",\"type\":\"string\"},\"session_token\":{\"description\":\"The user's session token, the input of the X-signature.\",\"type\":\"string\"},\"state_token\":{\"description\":\"A state token, returned when the login needs a further step.\",\"type\":\"string\"},\"status\":{\"description\":\"Login status. Its type is not documented, so any JSON value is accepted.\"}}},\"MobileVerifyRequest\":{\"type\":\"object\",\"properties\":{\"mobile\":{\"description\":\"Mobile number.\",\"type\":\"string\"},\"verify_code\":{\"description\":\"SMS verification code sent to the mobile number.\",\"type\":\"string\"}},\"required\":[\"mobile\",\"verify_code\"]},\"PublicKey\":{\"type\":\"object\",\"properties\":{\"public_key\":{\"description\":\"The application's RSA public key: Base64 DER SubjectPublicKeyInfo, possibly in PEM armour and possibly with literal `\\\\n` sequences in the string.\",\"type\":\"string\"}},\"required\":[\"public_key\"]},\"ServerDate\":{\"type\":\"object\",\"properties\":{\"timestamp\":{\"description\":\"The server's current time, the `timestamp` of an X-signature.\",\"type\":\"string\"}},\"required\":[\"timestamp\"]},\"SessionResponse\":{\"description\":\"The session created by binding or registering a social account.\",\"type\":\"object\",\"properties\":{\"expire\":{\"description\":\"Validity period of the session, in seconds.\",\"type\":\"integer\",\"format\":\"int64\"},\"id_token\":{\"description\":\"A JWT carrying the user's identity.\",\"type\":\"string\"},\"session_token\":{\"description\":\"The user's session token, the input of the X-signature.\",\"type\":\"string\"},\"status\":{\"description\":\"Status. Its type is not documented, so any JSON value is accepted.\"}}},\"SocialAccount\":{\"description\":\"A social account bound to the user. The field names mix camelCase and snake_case (`social_uid`) as documented.\",\"type\":\"object\",\"properties\":{\"createdAt\":{\"description\":\"Binding time.\",\"type\":\"string\"},\"id\":{\"example\":\"001GKgGa15HGZA0aOxIa1bFktp1GKgG4\",\"description\":\"ID automatically generated by the system; the `id` to pass to unbind_social_account.\",\"type\":\"string\"},\"socialAccountDetails\":{\"description\":\"Account details at the social provider; may be null. Its type is not documented, so any JSON value is accepted.\"},\"socialHeadImage\":{\"nullable\":true,\"description\":\"Avatar URL at the social provider; may be null.\",\"type\":\"string\"},\"socialNickname\":{\"nullable\":true,\"description\":\"Nickname at the social provider; may be null.\",\"type\":\"string\"},\"socialType\":{\"example\":\"weixin\",\"description\":\"Social type. Values seen: weixin, weixinmp, weibo, qq, alipay, wechat_work.\",\"type\":\"string\"},\"social_uid\":{\"description\":\"The user's ID at the social provider.\",\"type\":\"string\"},\"updatedAt\":{\"description\":\"Last update time.\",\"type\":\"string\"},\"userId\":{\"description\":\"User ID.\",\"type\":\"string\"}},\"required\":[\"id\"]},\"SocialAccountList\":{\"type\":\"object\",\"properties\":{\"social\":{\"description\":\"Social account information set.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/SocialAccount\"}}},\"required\":[\"social\"]},\"UnbindSocialAccountRequest\":{\"example\":{\"id\":\"001GKgGa15HGZA0aOxIa1bFktp1GKgG4\"},\"type\":\"object\",\"properties\":{\"id\":{\"example\":\"001GKgGa15HGZA0aOxIa1bFktp1GKgG4\",\"description\":\"System auto-generated ID, which can be obtained by calling the API for querying the list of social accounts bound to a user.\",\"type\":\"string\"}},\"required\":[\"id\"]}},\"responses\":{\"BadRequest\":{\"description\":\"Invalid parameter.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"}}}}},\"parameters\":{\"XAgent\":{\"in\":\"header\",\"name\":\"X-agent\",\"description\":\"User agent information.\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"Mozilla/5.0 (Linux; Android 10; Redmi K30 Build/QKQ1.190825.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/80.0.3987.99 Mobile Safari/537.36\",\"style\":\"simple\"},\"XClientId\":{\"in\":\"header\",\"name\":\"X-client-id\",\"description\":\"Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"DRrYIqauawN0I8myTMoDTPys6ezGZxnm\",\"style\":\"simple\"},\"XDeviceFingerprint\":{\"in\":\"header\",\"name\":\"X-device-fingerprint\",\"description\":\"Caller device fingerprint, for example, 156aysdna213sc50.\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"156aysdna213sac\",\"style\":\"simple\"},\"XDeviceIp\":{\"in\":\"header\",\"name\":\"X-device-ip\",\"description\":\"Caller IP address, for example, 10.10.10.1\",\"schema\":{\"type\":\"string\"},\"example\":\"10.10.10.1\",\"style\":\"simple\"},\"XL\":{\"in\":\"header\",\"name\":\"X-L\",\"description\":\"Language type, for example, en.\",\"schema\":{\"type\":\"string\"},\"example\":\"zh\",\"style\":\"simple\"},\"XOperatingSysVersion\":{\"in\":\"header\",\"name\":\"X-operating-sys-version\",\"description\":\"Caller OS version, for example, Android 10.\",\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"Android 10\",\"style\":\"simple\"},\"XSignature\":{\"in\":\"header\",\"name\":\"X-signature\",\"description\":\"The session token, signed. Plaintext `session_token=<session_token>&timestamp=<timestamp>&nonce=<nonce>`, where `timestamp` is the server's current time (see get_server_date) and `nonce` is a random string, new for each signature (the docs say the timestamp's hexadecimal value). The plaintext is encrypted with the application's RSA public key (see get_public_key) using RSA/ECB/OAEPWithSHA-256AndMGF1Padding (RSA-OAEP, SHA-256) and sent as standard Base64 without line breaks.\",\"required\":true,\"schema\":{\"type\":\"string\",\"format\":\"password\"},\"example\":\"D0JeOUuVqU8Ixvl0xrmewQRk4AuGZrtk1RfBxueNKUrNPpgSbXrYnzw...\",\"style\":\"simple\"},\"XStateToken\":{\"in\":\"header\",\"name\":\"X-state-token\",\"description\":\"The state_token returned by a social login when the social account is not yet bound to a user.\",\"required\":true,\"schema\":{\"type\":\"string\",\"format\":\"password\"},\"style\":\"simple\"},\"XTenantId\":{\"in\":\"header\",\"name\":\"X-tenant-id\",\"description\":\"Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.\",\"schema\":{\"type\":\"string\"},\"example\":\"08f770f51f80d2f40f38c00cb199fd21\",\"style\":\"simple\"}}},\"security\":[],\"tags\":[{\"name\":\"System\",\"description\":\"Server time and public key.\"},{\"name\":\"Login\",\"description\":\"Login by user name and password.\"},{\"name\":\"Social\",\"description\":\"Social accounts bound to a user.\"}]}";
