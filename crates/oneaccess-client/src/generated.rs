// This file is generated from specs/oneaccess.yaml (sha256 d0f7d49d6b723c24683952f8ecc2cb05ae79bd79ec6b00e16bef43f7dfb22044) by `cargo xtask generate`; do not edit it by hand.

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
    ///The body of every 400 response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct Error {
        ///Error code, for example APP.0001 or SDK.COMMON.1007.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_code: ::std::option::Option<::std::string::String>,
        ///Error details.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_msg: ::std::option::Option<::std::string::String>,
    }
    impl Error {
        pub fn builder() -> builder::Error {
            Default::default()
        }
    }
    ///`LoginRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct LoginRequest {
        ///Password.
        pub password: ::std::string::String,
        ///User name.
        pub username: ::std::string::String,
    }
    impl LoginRequest {
        pub fn builder() -> builder::LoginRequest {
            Default::default()
        }
    }
    ///`LoginResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct LoginResponse {
        ///Further data. Its type is not documented, so any JSON value is accepted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<::serde_json::Value>,
        ///Validity period of the session, in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expire: ::std::option::Option<i64>,
        ///A JWT carrying the user's identity (valid 2 hours by default).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id_token: ::std::option::Option<::std::string::String>,
        ///The user's session token, the input of the X-signature.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub session_token: ::std::option::Option<::std::string::String>,
        ///A state token, returned when the login needs a further step.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub state_token: ::std::option::Option<::std::string::String>,
        ///Login status. Its type is not documented, so any JSON value is accepted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::serde_json::Value>,
    }
    impl LoginResponse {
        pub fn builder() -> builder::LoginResponse {
            Default::default()
        }
    }
    ///`MobileVerifyRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct MobileVerifyRequest {
        ///Mobile number.
        pub mobile: ::std::string::String,
        ///SMS verification code sent to the mobile number.
        pub verify_code: ::std::string::String,
    }
    impl MobileVerifyRequest {
        pub fn builder() -> builder::MobileVerifyRequest {
            Default::default()
        }
    }
    ///`PublicKey`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct PublicKey {
        ///The application's RSA public key: Base64 DER SubjectPublicKeyInfo, possibly in PEM armour and possibly with literal `\n` sequences in the string.
        pub public_key: ::std::string::String,
    }
    impl PublicKey {
        pub fn builder() -> builder::PublicKey {
            Default::default()
        }
    }
    ///`ServerDate`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ServerDate {
        ///The server's current time, the `timestamp` of an X-signature.
        pub timestamp: ::std::string::String,
    }
    impl ServerDate {
        pub fn builder() -> builder::ServerDate {
            Default::default()
        }
    }
    ///The session created by binding or registering a social account.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct SessionResponse {
        ///Validity period of the session, in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expire: ::std::option::Option<i64>,
        ///A JWT carrying the user's identity.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id_token: ::std::option::Option<::std::string::String>,
        ///The user's session token, the input of the X-signature.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub session_token: ::std::option::Option<::std::string::String>,
        ///Status. Its type is not documented, so any JSON value is accepted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::serde_json::Value>,
    }
    impl SessionResponse {
        pub fn builder() -> builder::SessionResponse {
            Default::default()
        }
    }
    ///A social account bound to the user. The field names mix camelCase and snake_case (`social_uid`) as documented.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct SocialAccount {
        ///Binding time.
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::std::string::String>,
        ///ID automatically generated by the system; the `id` to pass to unbind_social_account.
        pub id: ::std::string::String,
        ///Account details at the social provider; may be null. Its type is not documented, so any JSON value is accepted.
        #[serde(
            rename = "socialAccountDetails",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub social_account_details: ::std::option::Option<::serde_json::Value>,
        ///Avatar URL at the social provider; may be null.
        #[serde(
            rename = "socialHeadImage",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub social_head_image: ::std::option::Option<::std::string::String>,
        ///Nickname at the social provider; may be null.
        #[serde(
            rename = "socialNickname",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub social_nickname: ::std::option::Option<::std::string::String>,
        ///Social type. Values seen: weixin, weixinmp, weibo, qq, alipay, wechat_work.
        #[serde(
            rename = "socialType",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub social_type: ::std::option::Option<::std::string::String>,
        ///The user's ID at the social provider.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub social_uid: ::std::option::Option<::std::string::String>,
        ///Last update time.
        #[serde(
            rename = "updatedAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub updated_at: ::std::option::Option<::std::string::String>,
        ///User ID.
        #[serde(
            rename = "userId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    impl SocialAccount {
        pub fn builder() -> builder::SocialAccount {
            Default::default()
        }
    }
    ///`SocialAccountList`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct SocialAccountList {
        ///Social account information set.
        pub social: ::std::vec::Vec<SocialAccount>,
    }
    impl SocialAccountList {
        pub fn builder() -> builder::SocialAccountList {
            Default::default()
        }
    }
    ///`UnbindSocialAccountRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct UnbindSocialAccountRequest {
        ///System auto-generated ID, which can be obtained by calling the API for querying the list of social accounts bound to a user.
        pub id: ::std::string::String,
    }
    impl UnbindSocialAccountRequest {
        pub fn builder() -> builder::UnbindSocialAccountRequest {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct Error {
            error_code: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            error_msg: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for Error {
            fn default() -> Self {
                Self {
                    error_code: Ok(Default::default()),
                    error_msg: Ok(Default::default()),
                }
            }
        }
        impl Error {
            pub fn error_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
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
            pub fn error_msg<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.error_msg = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error_msg: {e}")
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
                    error_code: value.error_code.map_err(::std::string::String::from)?,
                    error_msg: value.error_msg.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::Error> for Error {
            fn from(value: super::Error) -> Self {
                Self {
                    error_code: Ok(value.error_code),
                    error_msg: Ok(value.error_msg),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct LoginRequest {
            password: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            username: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for LoginRequest {
            fn default() -> Self {
                Self {
                    password: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for password"),
                    ),
                    username: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for username"),
                    ),
                }
            }
        }
        impl LoginRequest {
            pub fn password<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.password = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for password: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn username<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.username = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for username: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<LoginRequest> for super::LoginRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: LoginRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    password: value.password.map_err(::std::string::String::from)?,
                    username: value.username.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::LoginRequest> for LoginRequest {
            fn from(value: super::LoginRequest) -> Self {
                Self {
                    password: Ok(value.password),
                    username: Ok(value.username),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct LoginResponse {
            data: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
            expire: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::borrow::Cow<'static, str>,
            >,
            id_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            session_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            state_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            status: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for LoginResponse {
            fn default() -> Self {
                Self {
                    data: Ok(Default::default()),
                    expire: Ok(Default::default()),
                    id_token: Ok(Default::default()),
                    session_token: Ok(Default::default()),
                    state_token: Ok(Default::default()),
                    status: Ok(Default::default()),
                }
            }
        }
        impl LoginResponse {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
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
            pub fn expire<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.expire = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expire: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn id_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for id_token: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn session_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.session_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_token: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn state_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.state_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for state_token: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<LoginResponse> for super::LoginResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: LoginResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data.map_err(::std::string::String::from)?,
                    expire: value.expire.map_err(::std::string::String::from)?,
                    id_token: value.id_token.map_err(::std::string::String::from)?,
                    session_token: value
                        .session_token
                        .map_err(::std::string::String::from)?,
                    state_token: value.state_token.map_err(::std::string::String::from)?,
                    status: value.status.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::LoginResponse> for LoginResponse {
            fn from(value: super::LoginResponse) -> Self {
                Self {
                    data: Ok(value.data),
                    expire: Ok(value.expire),
                    id_token: Ok(value.id_token),
                    session_token: Ok(value.session_token),
                    state_token: Ok(value.state_token),
                    status: Ok(value.status),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MobileVerifyRequest {
            mobile: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            verify_code: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for MobileVerifyRequest {
            fn default() -> Self {
                Self {
                    mobile: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for mobile"),
                    ),
                    verify_code: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for verify_code"),
                    ),
                }
            }
        }
        impl MobileVerifyRequest {
            pub fn mobile<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.mobile = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mobile: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn verify_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.verify_code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for verify_code: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<MobileVerifyRequest>
        for super::MobileVerifyRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MobileVerifyRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    mobile: value.mobile.map_err(::std::string::String::from)?,
                    verify_code: value.verify_code.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::MobileVerifyRequest> for MobileVerifyRequest {
            fn from(value: super::MobileVerifyRequest) -> Self {
                Self {
                    mobile: Ok(value.mobile),
                    verify_code: Ok(value.verify_code),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PublicKey {
            public_key: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for PublicKey {
            fn default() -> Self {
                Self {
                    public_key: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for public_key"),
                    ),
                }
            }
        }
        impl PublicKey {
            pub fn public_key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.public_key = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for public_key: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<PublicKey> for super::PublicKey {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PublicKey,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    public_key: value.public_key.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::PublicKey> for PublicKey {
            fn from(value: super::PublicKey) -> Self {
                Self {
                    public_key: Ok(value.public_key),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ServerDate {
            timestamp: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ServerDate {
            fn default() -> Self {
                Self {
                    timestamp: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for timestamp"),
                    ),
                }
            }
        }
        impl ServerDate {
            pub fn timestamp<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.timestamp = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timestamp: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ServerDate> for super::ServerDate {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ServerDate,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    timestamp: value.timestamp.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ServerDate> for ServerDate {
            fn from(value: super::ServerDate) -> Self {
                Self {
                    timestamp: Ok(value.timestamp),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionResponse {
            expire: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::borrow::Cow<'static, str>,
            >,
            id_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            session_token: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            status: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for SessionResponse {
            fn default() -> Self {
                Self {
                    expire: Ok(Default::default()),
                    id_token: Ok(Default::default()),
                    session_token: Ok(Default::default()),
                    status: Ok(Default::default()),
                }
            }
        }
        impl SessionResponse {
            pub fn expire<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.expire = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expire: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn id_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for id_token: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn session_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.session_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_token: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<SessionResponse> for super::SessionResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    expire: value.expire.map_err(::std::string::String::from)?,
                    id_token: value.id_token.map_err(::std::string::String::from)?,
                    session_token: value
                        .session_token
                        .map_err(::std::string::String::from)?,
                    status: value.status.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::SessionResponse> for SessionResponse {
            fn from(value: super::SessionResponse) -> Self {
                Self {
                    expire: Ok(value.expire),
                    id_token: Ok(value.id_token),
                    session_token: Ok(value.session_token),
                    status: Ok(value.status),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SocialAccount {
            created_at: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            social_account_details: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
            social_head_image: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            social_nickname: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            social_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            social_uid: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            updated_at: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for SocialAccount {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    id: Err(::std::borrow::Cow::Borrowed("no value supplied for id")),
                    social_account_details: Ok(Default::default()),
                    social_head_image: Ok(Default::default()),
                    social_nickname: Ok(Default::default()),
                    social_type: Ok(Default::default()),
                    social_uid: Ok(Default::default()),
                    updated_at: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                }
            }
        }
        impl SocialAccount {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
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
            pub fn social_account_details<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
                T::Error: ::std::fmt::Display,
            {
                self.social_account_details = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for social_account_details: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn social_head_image<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.social_head_image = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for social_head_image: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn social_nickname<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.social_nickname = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for social_nickname: {e}"
                        )
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn social_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.social_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for social_type: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn social_uid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.social_uid = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for social_uid: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<SocialAccount> for super::SocialAccount {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SocialAccount,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at.map_err(::std::string::String::from)?,
                    id: value.id.map_err(::std::string::String::from)?,
                    social_account_details: value
                        .social_account_details
                        .map_err(::std::string::String::from)?,
                    social_head_image: value
                        .social_head_image
                        .map_err(::std::string::String::from)?,
                    social_nickname: value
                        .social_nickname
                        .map_err(::std::string::String::from)?,
                    social_type: value.social_type.map_err(::std::string::String::from)?,
                    social_uid: value.social_uid.map_err(::std::string::String::from)?,
                    updated_at: value.updated_at.map_err(::std::string::String::from)?,
                    user_id: value.user_id.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::SocialAccount> for SocialAccount {
            fn from(value: super::SocialAccount) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    social_account_details: Ok(value.social_account_details),
                    social_head_image: Ok(value.social_head_image),
                    social_nickname: Ok(value.social_nickname),
                    social_type: Ok(value.social_type),
                    social_uid: Ok(value.social_uid),
                    updated_at: Ok(value.updated_at),
                    user_id: Ok(value.user_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SocialAccountList {
            social: ::std::result::Result<
                ::std::vec::Vec<super::SocialAccount>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for SocialAccountList {
            fn default() -> Self {
                Self {
                    social: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for social"),
                    ),
                }
            }
        }
        impl SocialAccountList {
            pub fn social<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::SocialAccount>>,
                T::Error: ::std::fmt::Display,
            {
                self.social = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for social: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<SocialAccountList> for super::SocialAccountList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SocialAccountList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    social: value.social.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::SocialAccountList> for SocialAccountList {
            fn from(value: super::SocialAccountList) -> Self {
                Self { social: Ok(value.social) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UnbindSocialAccountRequest {
            id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for UnbindSocialAccountRequest {
            fn default() -> Self {
                Self {
                    id: Err(::std::borrow::Cow::Borrowed("no value supplied for id")),
                }
            }
        }
        impl UnbindSocialAccountRequest {
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
        }
        impl ::std::convert::TryFrom<UnbindSocialAccountRequest>
        for super::UnbindSocialAccountRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UnbindSocialAccountRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::UnbindSocialAccountRequest>
        for UnbindSocialAccountRequest {
            fn from(value: super::UnbindSocialAccountRequest) -> Self {
                Self { id: Ok(value.id) }
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
/// Client for Huawei Cloud OneAccess user-side SDK API (social accounts)
///
/// Login, server time, public key and the social-account calls of the OneAccess user-side SDK API. Every 400 is `{error_code, error_msg}`.
///
/// Version: v2
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
        "v2"
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
    /// Log in by user name and password
    ///
    /// Log in with a user name and password. On success the response carries the session_token (input of the X-signature) and an id_token.
    ///
    /// Sends a `POST` request to `/api/v2/sdk/login`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// - `body`
    /// ```text
    /// let response = client.login()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_tenant_id(x_tenant_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn login(&self) -> builder::Login<'_> {
        builder::Login::new(self)
    }
    /// Obtain the public key
    ///
    /// Obtain the application's RSA public key (one key per application), used to encrypt the X-signature.
    ///
    /// Sends a `GET` request to `/api/v2/sdk/public-key`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// ```text
    /// let response = client.get_public_key()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_tenant_id(x_tenant_id)
    ///     .send()
    ///     .await;
    /// ```
    pub fn get_public_key(&self) -> builder::GetPublicKey<'_> {
        builder::GetPublicKey::new(self)
    }
    /// Obtain the server time
    ///
    /// Obtain the server's current time, used as the `timestamp` of an X-signature. A client may keep the offset to its own clock instead of asking before every signature.
    ///
    /// Sends a `GET` request to `/api/v2/sdk/server-date`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// ```text
    /// let response = client.get_server_date()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_tenant_id(x_tenant_id)
    ///     .send()
    ///     .await;
    /// ```
    pub fn get_server_date(&self) -> builder::GetServerDate<'_> {
        builder::GetServerDate::new(self)
    }
    /// Obtain the list of social accounts bound to a user
    ///
    /// List the social accounts bound to the user whose session token is signed into X-signature.
    ///
    /// Sends a `GET` request to `/api/v2/sdk/social`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_signature`: The session token, signed. Plaintext `session_token=<session_token>&timestamp=<timestamp>&nonce=<nonce>`, where `timestamp` is the server's current time (see get_server_date) and `nonce` is a random string, new for each signature (the docs say the timestamp's hexadecimal value). The plaintext is encrypted with the application's RSA public key (see get_public_key) using RSA/ECB/OAEPWithSHA-256AndMGF1Padding (RSA-OAEP, SHA-256) and sent as standard Base64 without line breaks.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// ```text
    /// let response = client.list_social_accounts()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_signature(x_signature)
    ///     .x_tenant_id(x_tenant_id)
    ///     .send()
    ///     .await;
    /// ```
    pub fn list_social_accounts(&self) -> builder::ListSocialAccounts<'_> {
        builder::ListSocialAccounts::new(self)
    }
    /// Bind a social account to a mobile number
    ///
    /// Bind the social account identified by X-state-token (from a social login whose social account is not yet bound) to the existing user that owns the mobile number.
    ///
    /// Sends a `POST` request to `/api/v2/sdk/social/bind`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_state_token`: The state_token returned by a social login when the social account is not yet bound to a user.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// - `body`
    /// ```text
    /// let response = client.bind_social_account()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_state_token(x_state_token)
    ///     .x_tenant_id(x_tenant_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn bind_social_account(&self) -> builder::BindSocialAccount<'_> {
        builder::BindSocialAccount::new(self)
    }
    /// Register and bind a social account
    ///
    /// Register a new user with the mobile number and bind the social account identified by X-state-token to it.
    ///
    /// Sends a `POST` request to `/api/v2/sdk/social/register-bind`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_state_token`: The state_token returned by a social login when the social account is not yet bound to a user.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// - `body`
    /// ```text
    /// let response = client.register_and_bind_social_account()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_state_token(x_state_token)
    ///     .x_tenant_id(x_tenant_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn register_and_bind_social_account(
        &self,
    ) -> builder::RegisterAndBindSocialAccount<'_> {
        builder::RegisterAndBindSocialAccount::new(self)
    }
    /// Unbind a social account
    ///
    /// This API is used to unbind a social account.
    ///
    /// Sends a `POST` request to `/api/v2/sdk/social/unbind-account`
    ///
    /// Arguments:
    /// - `x_l`: Language type, for example, en.
    /// - `x_agent`: User agent information.
    /// - `x_client_id`: Application ID, which is a ClientId allocated to an application after registration. For an ISV application, the client_id of the ISV application template.
    /// - `x_device_fingerprint`: Caller device fingerprint, for example, 156aysdna213sc50.
    /// - `x_device_ip`: Caller IP address, for example, 10.10.10.1
    /// - `x_operating_sys_version`: Caller OS version, for example, Android 10.
    /// - `x_signature`: The session token, signed. Plaintext `session_token=<session_token>&timestamp=<timestamp>&nonce=<nonce>`, where `timestamp` is the server's current time (see get_server_date) and `nonce` is a random string, new for each signature (the docs say the timestamp's hexadecimal value). The plaintext is encrypted with the application's RSA public key (see get_public_key) using RSA/ECB/OAEPWithSHA-256AndMGF1Padding (RSA-OAEP, SHA-256) and sent as standard Base64 without line breaks.
    /// - `x_tenant_id`: Tenant ID. Mandatory when calling an ISV application: then the host is the ISV common domain name {common_domain} instead of {domain_name}, this header carries the tenant's tenant_id and X-client-id carries the client_id of the ISV application template.
    /// - `body`
    /// ```text
    /// let response = client.unbind_social_account()
    ///     .x_l(x_l)
    ///     .x_agent(x_agent)
    ///     .x_client_id(x_client_id)
    ///     .x_device_fingerprint(x_device_fingerprint)
    ///     .x_device_ip(x_device_ip)
    ///     .x_operating_sys_version(x_operating_sys_version)
    ///     .x_signature(x_signature)
    ///     .x_tenant_id(x_tenant_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn unbind_social_account(&self) -> builder::UnbindSocialAccount<'_> {
        builder::UnbindSocialAccount::new(self)
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
    /// Builder for [`Client::login`]
    ///
    /// [`Client::login`]: super::Client::login
    #[derive(Debug, Clone)]
    pub struct Login<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        body: Result<types::builder::LoginRequest, ::std::borrow::Cow<'static, str>>,
    }
    impl<'a> Login<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_tenant_id: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::LoginRequest>,
            <V as std::convert::TryInto<types::LoginRequest>>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `LoginRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::LoginRequest,
            ) -> types::builder::LoginRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/api/v2/sdk/login`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::LoginResponse>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_tenant_id,
                body,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::LoginRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/login"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(7usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "login",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::get_public_key`]
    ///
    /// [`Client::get_public_key`]: super::Client::get_public_key
    #[derive(Debug, Clone)]
    pub struct GetPublicKey<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> GetPublicKey<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_tenant_id: Ok(None),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `GET` request to `/api/v2/sdk/public-key`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::PublicKey>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_tenant_id,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/public-key"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(7usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "get_public_key",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::get_server_date`]
    ///
    /// [`Client::get_server_date`]: super::Client::get_server_date
    #[derive(Debug, Clone)]
    pub struct GetServerDate<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> GetServerDate<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_tenant_id: Ok(None),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `GET` request to `/api/v2/sdk/server-date`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ServerDate>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_tenant_id,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/server-date"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(7usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "get_server_date",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::list_social_accounts`]
    ///
    /// [`Client::list_social_accounts`]: super::Client::list_social_accounts
    #[derive(Debug, Clone)]
    pub struct ListSocialAccounts<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_signature: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> ListSocialAccounts<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_signature: Err(
                    ::std::borrow::Cow::Borrowed("x_signature was not initialized"),
                ),
                x_tenant_id: Ok(None),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_signature<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_signature = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_signature failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `GET` request to `/api/v2/sdk/social`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::SocialAccountList>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_signature,
                x_tenant_id,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_signature = x_signature
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/social"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(8usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-signature") },
                    x_signature.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "list_social_accounts",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::bind_social_account`]
    ///
    /// [`Client::bind_social_account`]: super::Client::bind_social_account
    #[derive(Debug, Clone)]
    pub struct BindSocialAccount<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_state_token: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        body: Result<
            types::builder::MobileVerifyRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> BindSocialAccount<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_state_token: Err(
                    ::std::borrow::Cow::Borrowed("x_state_token was not initialized"),
                ),
                x_tenant_id: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_state_token<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_state_token = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_state_token failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::MobileVerifyRequest>,
            <V as std::convert::TryInto<
                types::MobileVerifyRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `MobileVerifyRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::MobileVerifyRequest,
            ) -> types::builder::MobileVerifyRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/api/v2/sdk/social/bind`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::SessionResponse>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_state_token,
                x_tenant_id,
                body,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_state_token = x_state_token
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::MobileVerifyRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/social/bind"].concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(8usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static("x-state-token")
                    },
                    x_state_token.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "bind_social_account",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::register_and_bind_social_account`]
    ///
    /// [`Client::register_and_bind_social_account`]: super::Client::register_and_bind_social_account
    #[derive(Debug, Clone)]
    pub struct RegisterAndBindSocialAccount<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_state_token: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        body: Result<
            types::builder::MobileVerifyRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> RegisterAndBindSocialAccount<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_state_token: Err(
                    ::std::borrow::Cow::Borrowed("x_state_token was not initialized"),
                ),
                x_tenant_id: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_state_token<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_state_token = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_state_token failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::MobileVerifyRequest>,
            <V as std::convert::TryInto<
                types::MobileVerifyRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `MobileVerifyRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::MobileVerifyRequest,
            ) -> types::builder::MobileVerifyRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/api/v2/sdk/social/register-bind`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::SessionResponse>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_state_token,
                x_tenant_id,
                body,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_state_token = x_state_token
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::MobileVerifyRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/social/register-bind"]
                .concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(8usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static("x-state-token")
                    },
                    x_state_token.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "register_and_bind_social_account",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::unbind_social_account`]
    ///
    /// [`Client::unbind_social_account`]: super::Client::unbind_social_account
    #[derive(Debug, Clone)]
    pub struct UnbindSocialAccount<'a> {
        client: &'a super::Client,
        x_l: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        x_agent: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_device_fingerprint: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_device_ip: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        x_operating_sys_version: Result<
            ::std::string::String,
            ::std::borrow::Cow<'static, str>,
        >,
        x_signature: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        x_tenant_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        body: Result<
            types::builder::UnbindSocialAccountRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> UnbindSocialAccount<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_l: Ok(None),
                x_agent: Err(
                    ::std::borrow::Cow::Borrowed("x_agent was not initialized"),
                ),
                x_client_id: Err(
                    ::std::borrow::Cow::Borrowed("x_client_id was not initialized"),
                ),
                x_device_fingerprint: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_device_fingerprint was not initialized",
                    ),
                ),
                x_device_ip: Ok(None),
                x_operating_sys_version: Err(
                    ::std::borrow::Cow::Borrowed(
                        "x_operating_sys_version was not initialized",
                    ),
                ),
                x_signature: Err(
                    ::std::borrow::Cow::Borrowed("x_signature was not initialized"),
                ),
                x_tenant_id: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn x_l<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_l = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_l failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_agent<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_agent = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_agent failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_fingerprint<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_fingerprint = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_fingerprint failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_device_ip<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_device_ip = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_device_ip failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_operating_sys_version<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_operating_sys_version = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_operating_sys_version failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_signature<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_signature = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_signature failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn x_tenant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_tenant_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_tenant_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UnbindSocialAccountRequest>,
            <V as std::convert::TryInto<
                types::UnbindSocialAccountRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `UnbindSocialAccountRequest` for body failed: {}",
                        s
                    )
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UnbindSocialAccountRequest,
            ) -> types::builder::UnbindSocialAccountRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/api/v2/sdk/social/unbind-account`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<::std::string::String>, Error<types::Error>> {
            let Self {
                client,
                x_l,
                x_agent,
                x_client_id,
                x_device_fingerprint,
                x_device_ip,
                x_operating_sys_version,
                x_signature,
                x_tenant_id,
                body,
            } = self;
            let x_l = x_l
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_agent = x_agent
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_client_id = x_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_fingerprint = x_device_fingerprint
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_device_ip = x_device_ip
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_operating_sys_version = x_operating_sys_version
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_signature = x_signature
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let x_tenant_id = x_tenant_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::UnbindSocialAccountRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/api/v2/sdk/social/unbind-account"]
                .concat();
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(8usize);
            if let Some(value) = x_l {
                header_map
                    .append(
                        const { ::reqwest::header::HeaderName::from_static("x-l") },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-agent") },
                    x_agent.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-client-id") },
                    x_client_id.try_into()?,
                );
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-device-fingerprint",
                        )
                    },
                    x_device_fingerprint.try_into()?,
                );
            if let Some(value) = x_device_ip {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-device-ip")
                        },
                        value.try_into()?,
                    );
            }
            header_map
                .append(
                    const {
                        ::reqwest::header::HeaderName::from_static(
                            "x-operating-sys-version",
                        )
                    },
                    x_operating_sys_version.try_into()?,
                );
            header_map
                .append(
                    const { ::reqwest::header::HeaderName::from_static("x-signature") },
                    x_signature.try_into()?,
                );
            if let Some(value) = x_tenant_id {
                header_map
                    .append(
                        const {
                            ::reqwest::header::HeaderName::from_static("x-tenant-id")
                        },
                        value.try_into()?,
                    );
            }
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
                operation_id: "unbind_social_account",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                400u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
