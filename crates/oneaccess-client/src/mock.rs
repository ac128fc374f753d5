// This file is generated from specs/oneaccess.yaml (sha256 ed9adb186963d42256d3c6e9fda26ef568a23c523a5867f3b01acadfe612223a) by `cargo xtask generate`; do not edit it by hand.

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
