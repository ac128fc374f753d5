// This file is generated from specs/cloudbase.yaml (sha256 f6ee8f34514d9a444cbd1e0aa9c79822c4590ef90e26354f84701e500af0bd41) by `cargo xtask generate`; do not edit it by hand.

#![allow(
    missing_docs,
    reason = "progenitor documents what the document describes: an operation, schema or property without a description has no doc text"
)]
#![allow(
    clippy::doc_lazy_continuation,
    reason = "the document's prose: a list item continued on an unindented line is valid Markdown, shown as its author meant"
)]
#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///`BindProviderRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct BindProviderRequest {
        ///The provider_token returned by get_provider_token.
        pub provider_token: ::std::string::String,
        ///Whether to record in user centralized security log, default false
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub with_user_center: ::std::option::Option<bool>,
    }
    impl BindProviderRequest {
        pub fn builder() -> builder::BindProviderRequest {
            Default::default()
        }
    }
    ///`BoundProvider`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct BoundProvider {
        ///Whether the identity source is bound to the current user.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub bind: ::std::option::Option<bool>,
        ///Homepage of the identity source.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub homepage: ::std::option::Option<::std::string::String>,
        ///Identity source ID, the provider_id of unbind_provider.
        pub id: ::std::string::String,
        ///Display name of the identity source.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///Icon URL of the identity source.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub picture: ::std::option::Option<::std::string::String>,
        ///Type of the identity source.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub provider_type: ::std::option::Option<::std::string::String>,
        ///The user's name at the identity source, when bound.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub provider_user_name: ::std::option::Option<::std::string::String>,
    }
    impl BoundProvider {
        pub fn builder() -> builder::BoundProvider {
            Default::default()
        }
    }
    ///Empty object {} returned on success; unknown fields are allowed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(transparent)]
    pub struct Empty(pub ::serde_json::Map<::std::string::String, ::serde_json::Value>);
    impl ::std::ops::Deref for Empty {
        type Target = ::serde_json::Map<::std::string::String, ::serde_json::Value>;
        fn deref(
            &self,
        ) -> &::serde_json::Map<::std::string::String, ::serde_json::Value> {
            &self.0
        }
    }
    impl ::std::convert::From<Empty>
    for ::serde_json::Map<::std::string::String, ::serde_json::Value> {
        fn from(value: Empty) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    > for Empty {
        fn from(
            value: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Self {
            Self(value)
        }
    }
    ///The body of every error response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct Error {
        ///Error name, for example unauthorized, provider_not_found, invalid_grant, internal_error.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///Numeric error code, for example 4001 invalid_grant, 4003 unauthorized, 4004 provider_not_found.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_code: ::std::option::Option<i64>,
        ///Human-readable error description.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_description: ::std::option::Option<::std::string::String>,
    }
    impl Error {
        pub fn builder() -> builder::Error {
            Default::default()
        }
    }
    ///`ProviderAuthUri`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ProviderAuthUri {
        ///The third party's sign-out URL, if any.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub signout_uri: ::std::option::Option<::std::string::String>,
        ///The third party's authorization URL.
        pub uri: ::std::string::String,
    }
    impl ProviderAuthUri {
        pub fn builder() -> builder::ProviderAuthUri {
            Default::default()
        }
    }
    ///`ProviderList`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ProviderList {
        pub data: ::std::vec::Vec<BoundProvider>,
        ///Set only on a failure: a 200 whose error is set (not null, false, 0 or "") is not a list.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::serde_json::Value>,
        ///Number of identity sources in `data`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total: ::std::option::Option<i64>,
    }
    impl ProviderList {
        pub fn builder() -> builder::ProviderList {
            Default::default()
        }
    }
    ///`ProviderTokenRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ProviderTokenRequest {
        ///An access token issued by the third party.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub provider_access_token: ::std::option::Option<::std::string::String>,
        ///Authorization code the third party passed to the redirect URI.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub provider_code: ::std::option::Option<::std::string::String>,
        ///Identity source ID, such as wx_open, github, wechat, qq.
        pub provider_id: ::std::string::String,
        ///An ID token issued by the third party.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub provider_id_token: ::std::option::Option<::std::string::String>,
        ///The redirect URI used to obtain provider_code.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub provider_redirect_uri: ::std::option::Option<::std::string::String>,
    }
    impl ProviderTokenRequest {
        pub fn builder() -> builder::ProviderTokenRequest {
            Default::default()
        }
    }
    ///`ProviderTokenResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ProviderTokenResponse {
        ///Validity of provider_token, in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_in: ::std::option::Option<i64>,
        ///The user's profile at the third party; its fields are not documented.
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub provider_profile: ::serde_json::Map<
            ::std::string::String,
            ::serde_json::Value,
        >,
        ///Token standing for the third-party authorization, input of bind_provider.
        pub provider_token: ::std::string::String,
    }
    impl ProviderTokenResponse {
        pub fn builder() -> builder::ProviderTokenResponse {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct BindProviderRequest {
            provider_token: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            with_user_center: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for BindProviderRequest {
            fn default() -> Self {
                Self {
                    provider_token: Err(
                        ::std::borrow::Cow::Borrowed(
                            "no value supplied for provider_token",
                        ),
                    ),
                    with_user_center: Ok(Default::default()),
                }
            }
        }
        impl BindProviderRequest {
            pub fn provider_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_token: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn with_user_center<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.with_user_center = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for with_user_center: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<BindProviderRequest>
        for super::BindProviderRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BindProviderRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    provider_token: value
                        .provider_token
                        .map_err(::std::string::String::from)?,
                    with_user_center: value
                        .with_user_center
                        .map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::BindProviderRequest> for BindProviderRequest {
            fn from(value: super::BindProviderRequest) -> Self {
                Self {
                    provider_token: Ok(value.provider_token),
                    with_user_center: Ok(value.with_user_center),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct BoundProvider {
            bind: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::borrow::Cow<'static, str>,
            >,
            homepage: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            picture: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for BoundProvider {
            fn default() -> Self {
                Self {
                    bind: Ok(Default::default()),
                    homepage: Ok(Default::default()),
                    id: Err(::std::borrow::Cow::Borrowed("no value supplied for id")),
                    name: Ok(Default::default()),
                    picture: Ok(Default::default()),
                    provider_type: Ok(Default::default()),
                    provider_user_name: Ok(Default::default()),
                }
            }
        }
        impl BoundProvider {
            pub fn bind<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.bind = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bind: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn homepage<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.homepage = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for homepage: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"))
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn picture<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.picture = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for picture: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for provider_type: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_user_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_user_name = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_user_name: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<BoundProvider> for super::BoundProvider {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BoundProvider,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bind: value.bind.map_err(::std::string::String::from)?,
                    homepage: value.homepage.map_err(::std::string::String::from)?,
                    id: value.id.map_err(::std::string::String::from)?,
                    name: value.name.map_err(::std::string::String::from)?,
                    picture: value.picture.map_err(::std::string::String::from)?,
                    provider_type: value
                        .provider_type
                        .map_err(::std::string::String::from)?,
                    provider_user_name: value
                        .provider_user_name
                        .map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::BoundProvider> for BoundProvider {
            fn from(value: super::BoundProvider) -> Self {
                Self {
                    bind: Ok(value.bind),
                    homepage: Ok(value.homepage),
                    id: Ok(value.id),
                    name: Ok(value.name),
                    picture: Ok(value.picture),
                    provider_type: Ok(value.provider_type),
                    provider_user_name: Ok(value.provider_user_name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Error {
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            error_code: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::borrow::Cow<'static, str>,
            >,
            error_description: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for Error {
            fn default() -> Self {
                Self {
                    error: Ok(Default::default()),
                    error_code: Ok(Default::default()),
                    error_description: Ok(Default::default()),
                }
            }
        }
        impl Error {
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn error_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.error_code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error_code: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn error_description<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.error_description = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for error_description: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<Error> for super::Error {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Error,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    error: value.error.map_err(::std::string::String::from)?,
                    error_code: value.error_code.map_err(::std::string::String::from)?,
                    error_description: value
                        .error_description
                        .map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::Error> for Error {
            fn from(value: super::Error) -> Self {
                Self {
                    error: Ok(value.error),
                    error_code: Ok(value.error_code),
                    error_description: Ok(value.error_description),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ProviderAuthUri {
            signout_uri: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            uri: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ProviderAuthUri {
            fn default() -> Self {
                Self {
                    signout_uri: Ok(Default::default()),
                    uri: Err(::std::borrow::Cow::Borrowed("no value supplied for uri")),
                }
            }
        }
        impl ProviderAuthUri {
            pub fn signout_uri<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.signout_uri = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for signout_uri: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn uri<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.uri = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for uri: {e}"))
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ProviderAuthUri> for super::ProviderAuthUri {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ProviderAuthUri,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    signout_uri: value.signout_uri.map_err(::std::string::String::from)?,
                    uri: value.uri.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ProviderAuthUri> for ProviderAuthUri {
            fn from(value: super::ProviderAuthUri) -> Self {
                Self {
                    signout_uri: Ok(value.signout_uri),
                    uri: Ok(value.uri),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ProviderList {
            data: ::std::result::Result<
                ::std::vec::Vec<super::BoundProvider>,
                ::std::borrow::Cow<'static, str>,
            >,
            error: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
            total: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ProviderList {
            fn default() -> Self {
                Self {
                    data: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for data"),
                    ),
                    error: Ok(Default::default()),
                    total: Ok(Default::default()),
                }
            }
        }
        impl ProviderList {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::BoundProvider>>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn total<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.total = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ProviderList> for super::ProviderList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ProviderList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data.map_err(::std::string::String::from)?,
                    error: value.error.map_err(::std::string::String::from)?,
                    total: value.total.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ProviderList> for ProviderList {
            fn from(value: super::ProviderList) -> Self {
                Self {
                    data: Ok(value.data),
                    error: Ok(value.error),
                    total: Ok(value.total),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ProviderTokenRequest {
            provider_access_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_code: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_id_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_redirect_uri: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ProviderTokenRequest {
            fn default() -> Self {
                Self {
                    provider_access_token: Ok(Default::default()),
                    provider_code: Ok(Default::default()),
                    provider_id: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for provider_id"),
                    ),
                    provider_id_token: Ok(Default::default()),
                    provider_redirect_uri: Ok(Default::default()),
                }
            }
        }
        impl ProviderTokenRequest {
            pub fn provider_access_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_access_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_access_token: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for provider_code: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for provider_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_id_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_id_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_id_token: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_redirect_uri<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_redirect_uri = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_redirect_uri: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ProviderTokenRequest>
        for super::ProviderTokenRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ProviderTokenRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    provider_access_token: value
                        .provider_access_token
                        .map_err(::std::string::String::from)?,
                    provider_code: value
                        .provider_code
                        .map_err(::std::string::String::from)?,
                    provider_id: value.provider_id.map_err(::std::string::String::from)?,
                    provider_id_token: value
                        .provider_id_token
                        .map_err(::std::string::String::from)?,
                    provider_redirect_uri: value
                        .provider_redirect_uri
                        .map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ProviderTokenRequest> for ProviderTokenRequest {
            fn from(value: super::ProviderTokenRequest) -> Self {
                Self {
                    provider_access_token: Ok(value.provider_access_token),
                    provider_code: Ok(value.provider_code),
                    provider_id: Ok(value.provider_id),
                    provider_id_token: Ok(value.provider_id_token),
                    provider_redirect_uri: Ok(value.provider_redirect_uri),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ProviderTokenResponse {
            expires_in: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_profile: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
            provider_token: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ProviderTokenResponse {
            fn default() -> Self {
                Self {
                    expires_in: Ok(Default::default()),
                    provider_profile: Ok(Default::default()),
                    provider_token: Err(
                        ::std::borrow::Cow::Borrowed(
                            "no value supplied for provider_token",
                        ),
                    ),
                }
            }
        }
        impl ProviderTokenResponse {
            pub fn expires_in<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.expires_in = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_in: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_profile<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.provider_profile = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_profile: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn provider_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.provider_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for provider_token: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ProviderTokenResponse>
        for super::ProviderTokenResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ProviderTokenResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    expires_in: value.expires_in.map_err(::std::string::String::from)?,
                    provider_profile: value
                        .provider_profile
                        .map_err(::std::string::String::from)?,
                    provider_token: value
                        .provider_token
                        .map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ProviderTokenResponse>
        for ProviderTokenResponse {
            fn from(value: super::ProviderTokenResponse) -> Self {
                Self {
                    expires_in: Ok(value.expires_in),
                    provider_profile: Ok(value.provider_profile),
                    provider_token: Ok(value.provider_token),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/// Client for Tencent CloudBase auth v1 API (third-party identity sources)
///
/// Bind, list and unbind the third-party identity sources (GitHub, WeChat, QQ, ...) of the logged-in user, and the pre-login calls that produce a provider_token. The official JS SDK (@cloudbase/oauth 3.3.3) also sends `x-request-id` and `x-device-id` on every call, and through @cloudbase/js-sdk `X-SDK-Version` and `Accept-Language`; the API docs declare only the headers below.
///
/// Version: v1
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::Context,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: crate::Context) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::Context,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::Context> for Client {
    fn api_version() -> &'static str {
        "v1"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::Context {
        &self.inner
    }
}
const _: () = {
    #[allow(dead_code)]
    fn assert_client_hooks()
    where
        Client: ClientHooks<crate::Context>,
    {}
};
impl Client {
    /// Get third-party authorization info
    ///
    /// Exchange the third party's authorization result (a code from the callback URL, or an access or ID token) for a provider_token and the third-party profile. Runs before login: no bearer token.
    ///
    /// Sends a `POST` request to `/auth/v1/provider/token`
    ///
    /// Arguments:
    /// - `client_id`: Client ID corresponding to the application, can be obtained from Cloud Development Platform -> Identity Authentication -> Development Settings. Defaults to environment ID, can be omitted
    /// - `x_device_id`: Device ID, the ID of the current device. The client should generate it randomly and cache it on the client (the official SDK uses 16 to 48 characters).
    /// - `body`
    /// ```text
    /// let response = client.get_provider_token()
    ///     .client_id(client_id)
    ///     .x_device_id(x_device_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn get_provider_token(&self) -> builder::GetProviderToken<'_> {
        builder::GetProviderToken::new(self)
    }
    /// Get third-party login callback URL
    ///
    /// Get the third party's authorization URL to send the user to; the third party then redirects to redirect_uri with a code for get_provider_token. Runs before login: no bearer token.
    ///
    /// Sends a `GET` request to `/auth/v1/provider/uri`
    ///
    /// Arguments:
    /// - `client_id`: Client ID corresponding to the application, can be obtained from Cloud Development Platform -> Identity Authentication -> Development Settings. Defaults to environment ID, can be omitted
    /// - `provider_id`: Identity source ID, such as wx_open, github, wechat, qq.
    /// - `redirect_uri`: Where the third party redirects after authorization.
    /// - `response_type`: OAuth response type.
    /// - `scope`: Scopes to request from the third party.
    /// - `state`: Opaque value returned unchanged to redirect_uri.
    /// - `x_device_id`: Device ID, the ID of the current device. The client should generate it randomly and cache it on the client (the official SDK uses 16 to 48 characters).
    /// ```text
    /// let response = client.get_provider_auth_uri()
    ///     .client_id(client_id)
    ///     .provider_id(provider_id)
    ///     .redirect_uri(redirect_uri)
    ///     .response_type(response_type)
    ///     .scope(scope)
    ///     .state(state)
    ///     .x_device_id(x_device_id)
    ///     .send()
    ///     .await;
    /// ```
    pub fn get_provider_auth_uri(&self) -> builder::GetProviderAuthUri<'_> {
        builder::GetProviderAuthUri::new(self)
    }
    /// Get list of third-party identity sources bound to account
    ///
    /// List the third-party identity sources and whether each is bound to the current user.
    ///
    /// Sends a `GET` request to `/auth/v1/user/provider`
    ///
    /// ```text
    /// let response = client.list_bound_providers()
    ///     .send()
    ///     .await;
    /// ```
    pub fn list_bound_providers(&self) -> builder::ListBoundProviders<'_> {
        builder::ListBoundProviders::new(self)
    }
    /// Bind third-party account
    ///
    /// Bind the third-party account behind a provider_token (from get_provider_token) to the current logged-in user. POST, not PATCH.
    ///
    /// Sends a `POST` request to `/auth/v1/user/provider/bind`
    ///
    /// ```text
    /// let response = client.bind_provider()
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn bind_provider(&self) -> builder::BindProvider<'_> {
        builder::BindProvider::new(self)
    }
    /// Unbind third-party account
    ///
    /// Unbind third-party account API, used to remove the binding relationship between the current logged-in user and specified third-party identity source (such as GitHub, WeChat, QQ, etc.).
    ///
    /// Sends a `DELETE` request to `/auth/v1/user/provider/{provider_id}`
    ///
    /// Arguments:
    /// - `provider_id`: Identity source ID, such as wx_open, github, wechat, qq, or a WeChat Mini Program appid.
    /// - `client_id`: Client ID corresponding to the application, can be obtained from Cloud Development Platform -> Identity Authentication -> Development Settings. Defaults to environment ID, can be omitted
    /// - `with_user_center`: Whether to record in user centralized security log, default false
    /// - `x_device_id`: Device ID, the ID of the current logged-in device. The client should generate it randomly and cache it on the client (the official SDK uses 16 to 48 characters). This parameter is related to the number of logged-in accounts.
    /// ```text
    /// let response = client.unbind_provider()
    ///     .provider_id(provider_id)
    ///     .client_id(client_id)
    ///     .with_user_center(with_user_center)
    ///     .x_device_id(x_device_id)
    ///     .send()
    ///     .await;
    /// ```
    pub fn unbind_provider(&self) -> builder::UnbindProvider<'_> {
        builder::UnbindProvider::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
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
    /// Builder for [`Client::get_provider_token`]
    ///
    /// [`Client::get_provider_token`]: super::Client::get_provider_token
    #[derive(Debug, Clone)]
    pub struct GetProviderToken<'a> {
        client: &'a super::Client,
        client_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        body: Result<
            types::builder::ProviderTokenRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> GetProviderToken<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                client_id: Ok(None),
                x_device_id: Err(
                    ::std::borrow::Cow::Borrowed("x_device_id was not initialized"),
                ),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.client_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::ProviderTokenRequest>,
            <V as std::convert::TryInto<
                types::ProviderTokenRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `ProviderTokenRequest` for body failed: {}", s
                    )
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::ProviderTokenRequest,
            ) -> types::builder::ProviderTokenRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/auth/v1/provider/token`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ProviderTokenResponse>, Error<types::Error>> {
            let Self { client, client_id, x_device_id, body } = self;
            let client_id = client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_id = x_device_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::ProviderTokenRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/auth/v1/provider/token"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-device-id") },
                    x_device_id.try_into()?,
                );
            let mut request_builder = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body);
            if client_id.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("client_id", &client_id));
            }
            #[allow(unused_mut)]
            let mut request = request_builder.headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "get_provider_token",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::get_provider_auth_uri`]
    ///
    /// [`Client::get_provider_auth_uri`]: super::Client::get_provider_auth_uri
    #[derive(Debug, Clone)]
    pub struct GetProviderAuthUri<'a> {
        client: &'a super::Client,
        client_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        provider_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        redirect_uri: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        response_type: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        scope: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        state: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_device_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
    }
    impl<'a> GetProviderAuthUri<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                client_id: Ok(None),
                provider_id: Err(
                    ::std::borrow::Cow::Borrowed("provider_id was not initialized"),
                ),
                redirect_uri: Ok(None),
                response_type: Ok(None),
                scope: Ok(None),
                state: Ok(None),
                x_device_id: Err(
                    ::std::borrow::Cow::Borrowed("x_device_id was not initialized"),
                ),
            }
        }
        pub fn client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.client_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn provider_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.provider_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for provider_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn redirect_uri<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.redirect_uri = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for redirect_uri failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn response_type<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.response_type = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for response_type failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn scope<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.scope = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for scope failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn state<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.state = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for state failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `GET` request to `/auth/v1/provider/uri`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ProviderAuthUri>, Error<types::Error>> {
            let Self {
                client,
                client_id,
                provider_id,
                redirect_uri,
                response_type,
                scope,
                state,
                x_device_id,
            } = self;
            let client_id = client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let provider_id = provider_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let redirect_uri = redirect_uri
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let response_type = response_type
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let scope = scope
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let state = state
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_id = x_device_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/auth/v1/provider/uri"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-device-id") },
                    x_device_id.try_into()?,
                );
            let mut request_builder = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                );
            if client_id.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("client_id", &client_id));
            }
            request_builder = request_builder
                .query(&progenitor_client::QueryParam::new("provider_id", &provider_id));
            if redirect_uri.is_some() {
                request_builder = request_builder
                    .query(
                        &progenitor_client::QueryParam::new(
                            "redirect_uri",
                            &redirect_uri,
                        ),
                    );
            }
            if response_type.is_some() {
                request_builder = request_builder
                    .query(
                        &progenitor_client::QueryParam::new(
                            "response_type",
                            &response_type,
                        ),
                    );
            }
            if scope.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("scope", &scope));
            }
            if state.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("state", &state));
            }
            #[allow(unused_mut)]
            let mut request = request_builder.headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "get_provider_auth_uri",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::list_bound_providers`]
    ///
    /// [`Client::list_bound_providers`]: super::Client::list_bound_providers
    #[derive(Debug, Clone)]
    pub struct ListBoundProviders<'a> {
        client: &'a super::Client,
    }
    impl<'a> ListBoundProviders<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/auth/v1/user/provider`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ProviderList>, Error<types::Error>> {
            let Self { client } = self;
            let url = [client.baseurl.as_str(), "/auth/v1/user/provider"].concat();
            let header_map = ::reqwest::header::HeaderMap::with_capacity(0usize);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_bound_providers",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::bind_provider`]
    ///
    /// [`Client::bind_provider`]: super::Client::bind_provider
    #[derive(Debug, Clone)]
    pub struct BindProvider<'a> {
        client: &'a super::Client,
        body: Result<
            types::builder::BindProviderRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> BindProvider<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::BindProviderRequest>,
            <V as std::convert::TryInto<
                types::BindProviderRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `BindProviderRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::BindProviderRequest,
            ) -> types::builder::BindProviderRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/auth/v1/user/provider/bind`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Empty>, Error<types::Error>> {
            let Self { client, body } = self;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::BindProviderRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/auth/v1/user/provider/bind"].concat();
            let header_map = ::reqwest::header::HeaderMap::with_capacity(0usize);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "bind_provider",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::unbind_provider`]
    ///
    /// [`Client::unbind_provider`]: super::Client::unbind_provider
    #[derive(Debug, Clone)]
    pub struct UnbindProvider<'a> {
        client: &'a super::Client,
        provider_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        client_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        with_user_center: Result<Option<bool>, ::std::borrow::Cow<'static, str>>,
        x_device_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> UnbindProvider<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                provider_id: Err(
                    ::std::borrow::Cow::Borrowed("provider_id was not initialized"),
                ),
                client_id: Ok(None),
                with_user_center: Ok(None),
                x_device_id: Ok(None),
            }
        }
        pub fn provider_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.provider_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for provider_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.client_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn with_user_center<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<bool>,
        {
            self.with_user_center = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `bool` for with_user_center failed".to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `DELETE` request to `/auth/v1/user/provider/{provider_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Empty>, Error<types::Error>> {
            let Self { client, provider_id, client_id, with_user_center, x_device_id } = self;
            let provider_id = provider_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let client_id = client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let with_user_center = with_user_center
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_id = x_device_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let url = [
                client.baseurl.as_str(),
                "/auth/v1/user/provider/",
                encode_path(&provider_id).as_str(),
            ]
                .concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(0usize);
            if let Some(value) = x_device_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-id")
                        },
                        value.try_into()?,
                    );
            }
            let mut request_builder = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                );
            if client_id.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("client_id", &client_id));
            }
            if with_user_center.is_some() {
                request_builder = request_builder
                    .query(
                        &progenitor_client::QueryParam::new(
                            "with_user_center",
                            &with_user_center,
                        ),
                    );
            }
            #[allow(unused_mut)]
            let mut request = request_builder.headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "unbind_provider",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(response_value(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
