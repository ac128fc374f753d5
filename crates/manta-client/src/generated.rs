// This file is generated from specs/manta.yaml (sha256 737eb24825f0f9ac3334eab6415752eefa199ba4bbb93201b38a2c81657de943) by `cargo xtask generate`; do not edit it by hand.

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
    ///A new API token and API secret; the token is valid for 30 days.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ApiTokenResponse {
        ///The new secret; the old one is rejected (code 120000) from now on.
        #[serde(rename = "apiSecret")]
        pub api_secret: ::std::string::String,
        ///The API token (JWT), sent as `Authorization: Bearer <apiToken>`.
        #[serde(rename = "apiToken")]
        pub api_token: ::std::string::String,
        pub message: ::std::string::String,
        pub success: bool,
    }
    impl ApiTokenResponse {
        pub fn builder() -> builder::ApiTokenResponse {
            Default::default()
        }
    }
    ///`BasicSuccessResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct BasicSuccessResponse {
        pub message: ::std::string::String,
        pub success: bool,
    }
    impl BasicSuccessResponse {
        pub fn builder() -> builder::BasicSuccessResponse {
            Default::default()
        }
    }
    ///A chat-platform client. The docs list these fields followed by "…": further fields are allowed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Client {
        ///The client ID (platform UUID).
        #[serde(rename = "clientId")]
        pub client_id: ::std::string::String,
        ///The client's display name.
        #[serde(
            rename = "clientName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub client_name: ::std::option::Option<::std::string::String>,
        ///Creation time. Its type is not documented (the query filters use 13-digit millisecond timestamps), so any JSON value is accepted.
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::serde_json::Value>,
        ///The customer ID bound to this client, if any.
        #[serde(
            rename = "customerId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub customer_id: ::std::option::Option<::std::string::String>,
        ///The client's chat platform.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub platform: ::std::option::Option<::std::string::String>,
        ///Last update time. Its type is not documented, so any JSON value is accepted.
        #[serde(
            rename = "updatedAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub updated_at: ::std::option::Option<::serde_json::Value>,
    }
    impl Client {
        pub fn builder() -> builder::Client {
            Default::default()
        }
    }
    ///`ClientList`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ClientList {
        ///The clients of this page.
        pub list: ::std::vec::Vec<Client>,
        ///Cursor for the next page, to pass back as the `next` query parameter. Its type is not documented, so any JSON value is accepted; absent or null at the end.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<::serde_json::Value>,
    }
    impl ClientList {
        pub fn builder() -> builder::ClientList {
            Default::default()
        }
    }
    ///`ClientListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ClientListResponse {
        #[serde(rename = "clientList")]
        pub client_list: ClientList,
        pub message: ::std::string::String,
        pub success: bool,
    }
    impl ClientListResponse {
        pub fn builder() -> builder::ClientListResponse {
            Default::default()
        }
    }
    ///`ClientResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ClientResponse {
        pub client: Client,
        pub message: ::std::string::String,
        pub success: bool,
    }
    impl ClientResponse {
        pub fn builder() -> builder::ClientResponse {
            Default::default()
        }
    }
    ///`CustomerBindRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct CustomerBindRequest {
        ///The client ID (platform UUID) to bind/unbind
        #[serde(rename = "clientId")]
        pub client_id: ::std::string::String,
        ///The customer ID to bind/unbind
        #[serde(rename = "customerId")]
        pub customer_id: ::std::string::String,
        ///Secret key for API authentication
        pub secret: ::std::string::String,
    }
    impl CustomerBindRequest {
        pub fn builder() -> builder::CustomerBindRequest {
            Default::default()
        }
    }
    ///`ErrorResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ErrorResponse {
        #[serde(rename = "errResponse")]
        pub err_response: ErrorResponseErrResponse,
        pub success: bool,
    }
    impl ErrorResponse {
        pub fn builder() -> builder::ErrorResponse {
            Default::default()
        }
    }
    ///`ErrorResponseErrResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ErrorResponseErrResponse {
        #[serde(
            rename = "botId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub bot_id: ::std::option::Option<::std::string::String>,
        ///Error code: 1004 token invalid or expired; 1002 permission denied; 5001 bot not found; 60001 bind customer failed; 60002 unbind customer failed; 37011 get client failed; 110000 missing request variables; 120000 old token or secret used after a refresh.
        pub code: i64,
        pub message: ::std::string::String,
    }
    impl ErrorResponseErrResponse {
        pub fn builder() -> builder::ErrorResponseErrResponse {
            Default::default()
        }
    }
    ///Request body of the calls that carry only the secret.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct SecretRequest {
        ///Secret key for API authentication
        pub secret: ::std::string::String,
    }
    impl SecretRequest {
        pub fn builder() -> builder::SecretRequest {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct ApiTokenResponse {
            api_secret: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            api_token: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            message: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            success: ::std::result::Result<bool, ::std::borrow::Cow<'static, str>>,
        }
        impl ::std::default::Default for ApiTokenResponse {
            fn default() -> Self {
                Self {
                    api_secret: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for api_secret"),
                    ),
                    api_token: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for api_token"),
                    ),
                    message: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for message"),
                    ),
                    success: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for success"),
                    ),
                }
            }
        }
        impl ApiTokenResponse {
            pub fn api_secret<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.api_secret = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for api_secret: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn api_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.api_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for api_token: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn success<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.success = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for success: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ApiTokenResponse> for super::ApiTokenResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ApiTokenResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    api_secret: value.api_secret.map_err(::std::string::String::from)?,
                    api_token: value.api_token.map_err(::std::string::String::from)?,
                    message: value.message.map_err(::std::string::String::from)?,
                    success: value.success.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ApiTokenResponse> for ApiTokenResponse {
            fn from(value: super::ApiTokenResponse) -> Self {
                Self {
                    api_secret: Ok(value.api_secret),
                    api_token: Ok(value.api_token),
                    message: Ok(value.message),
                    success: Ok(value.success),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct BasicSuccessResponse {
            message: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            success: ::std::result::Result<bool, ::std::borrow::Cow<'static, str>>,
        }
        impl ::std::default::Default for BasicSuccessResponse {
            fn default() -> Self {
                Self {
                    message: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for message"),
                    ),
                    success: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for success"),
                    ),
                }
            }
        }
        impl BasicSuccessResponse {
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn success<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.success = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for success: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<BasicSuccessResponse>
        for super::BasicSuccessResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BasicSuccessResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    message: value.message.map_err(::std::string::String::from)?,
                    success: value.success.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::BasicSuccessResponse> for BasicSuccessResponse {
            fn from(value: super::BasicSuccessResponse) -> Self {
                Self {
                    message: Ok(value.message),
                    success: Ok(value.success),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Client {
            client_id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            client_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            created_at: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
            customer_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            platform: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            updated_at: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for Client {
            fn default() -> Self {
                Self {
                    client_id: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for client_id"),
                    ),
                    client_name: Ok(Default::default()),
                    created_at: Ok(Default::default()),
                    customer_id: Ok(Default::default()),
                    platform: Ok(Default::default()),
                    updated_at: Ok(Default::default()),
                }
            }
        }
        impl Client {
            pub fn client_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.client_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for client_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn client_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.client_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for client_name: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
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
            pub fn customer_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.customer_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for customer_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn platform<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.platform = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for platform: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
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
        }
        impl ::std::convert::TryFrom<Client> for super::Client {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Client,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    client_id: value.client_id.map_err(::std::string::String::from)?,
                    client_name: value.client_name.map_err(::std::string::String::from)?,
                    created_at: value.created_at.map_err(::std::string::String::from)?,
                    customer_id: value.customer_id.map_err(::std::string::String::from)?,
                    platform: value.platform.map_err(::std::string::String::from)?,
                    updated_at: value.updated_at.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::Client> for Client {
            fn from(value: super::Client) -> Self {
                Self {
                    client_id: Ok(value.client_id),
                    client_name: Ok(value.client_name),
                    created_at: Ok(value.created_at),
                    customer_id: Ok(value.customer_id),
                    platform: Ok(value.platform),
                    updated_at: Ok(value.updated_at),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ClientList {
            list: ::std::result::Result<
                ::std::vec::Vec<super::Client>,
                ::std::borrow::Cow<'static, str>,
            >,
            next: ::std::result::Result<
                ::std::option::Option<::serde_json::Value>,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ClientList {
            fn default() -> Self {
                Self {
                    list: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for list"),
                    ),
                    next: Ok(Default::default()),
                }
            }
        }
        impl ClientList {
            pub fn list<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Client>>,
                T::Error: ::std::fmt::Display,
            {
                self.list = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for list: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn next<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::serde_json::Value>>,
                T::Error: ::std::fmt::Display,
            {
                self.next = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for next: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ClientList> for super::ClientList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ClientList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    list: value.list.map_err(::std::string::String::from)?,
                    next: value.next.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ClientList> for ClientList {
            fn from(value: super::ClientList) -> Self {
                Self {
                    list: Ok(value.list),
                    next: Ok(value.next),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ClientListResponse {
            client_list: ::std::result::Result<
                super::ClientList,
                ::std::borrow::Cow<'static, str>,
            >,
            message: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            success: ::std::result::Result<bool, ::std::borrow::Cow<'static, str>>,
        }
        impl ::std::default::Default for ClientListResponse {
            fn default() -> Self {
                Self {
                    client_list: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for client_list"),
                    ),
                    message: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for message"),
                    ),
                    success: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for success"),
                    ),
                }
            }
        }
        impl ClientListResponse {
            pub fn client_list<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ClientList>,
                T::Error: ::std::fmt::Display,
            {
                self.client_list = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for client_list: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn success<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.success = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for success: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ClientListResponse> for super::ClientListResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ClientListResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    client_list: value.client_list.map_err(::std::string::String::from)?,
                    message: value.message.map_err(::std::string::String::from)?,
                    success: value.success.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ClientListResponse> for ClientListResponse {
            fn from(value: super::ClientListResponse) -> Self {
                Self {
                    client_list: Ok(value.client_list),
                    message: Ok(value.message),
                    success: Ok(value.success),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ClientResponse {
            client: ::std::result::Result<
                super::Client,
                ::std::borrow::Cow<'static, str>,
            >,
            message: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            success: ::std::result::Result<bool, ::std::borrow::Cow<'static, str>>,
        }
        impl ::std::default::Default for ClientResponse {
            fn default() -> Self {
                Self {
                    client: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for client"),
                    ),
                    message: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for message"),
                    ),
                    success: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for success"),
                    ),
                }
            }
        }
        impl ClientResponse {
            pub fn client<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::Client>,
                T::Error: ::std::fmt::Display,
            {
                self.client = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for client: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn success<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.success = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for success: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ClientResponse> for super::ClientResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ClientResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    client: value.client.map_err(::std::string::String::from)?,
                    message: value.message.map_err(::std::string::String::from)?,
                    success: value.success.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ClientResponse> for ClientResponse {
            fn from(value: super::ClientResponse) -> Self {
                Self {
                    client: Ok(value.client),
                    message: Ok(value.message),
                    success: Ok(value.success),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CustomerBindRequest {
            client_id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            customer_id: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
            secret: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for CustomerBindRequest {
            fn default() -> Self {
                Self {
                    client_id: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for client_id"),
                    ),
                    customer_id: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for customer_id"),
                    ),
                    secret: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for secret"),
                    ),
                }
            }
        }
        impl CustomerBindRequest {
            pub fn client_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.client_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for client_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn customer_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.customer_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for customer_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn secret<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.secret = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for secret: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<CustomerBindRequest>
        for super::CustomerBindRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CustomerBindRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    client_id: value.client_id.map_err(::std::string::String::from)?,
                    customer_id: value.customer_id.map_err(::std::string::String::from)?,
                    secret: value.secret.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::CustomerBindRequest> for CustomerBindRequest {
            fn from(value: super::CustomerBindRequest) -> Self {
                Self {
                    client_id: Ok(value.client_id),
                    customer_id: Ok(value.customer_id),
                    secret: Ok(value.secret),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorResponse {
            err_response: ::std::result::Result<
                super::ErrorResponseErrResponse,
                ::std::borrow::Cow<'static, str>,
            >,
            success: ::std::result::Result<bool, ::std::borrow::Cow<'static, str>>,
        }
        impl ::std::default::Default for ErrorResponse {
            fn default() -> Self {
                Self {
                    err_response: Err(
                        ::std::borrow::Cow::Borrowed(
                            "no value supplied for err_response",
                        ),
                    ),
                    success: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for success"),
                    ),
                }
            }
        }
        impl ErrorResponse {
            pub fn err_response<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ErrorResponseErrResponse>,
                T::Error: ::std::fmt::Display,
            {
                self.err_response = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for err_response: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn success<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.success = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for success: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorResponse> for super::ErrorResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    err_response: value
                        .err_response
                        .map_err(::std::string::String::from)?,
                    success: value.success.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ErrorResponse> for ErrorResponse {
            fn from(value: super::ErrorResponse) -> Self {
                Self {
                    err_response: Ok(value.err_response),
                    success: Ok(value.success),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorResponseErrResponse {
            bot_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::borrow::Cow<'static, str>,
            >,
            code: ::std::result::Result<i64, ::std::borrow::Cow<'static, str>>,
            message: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for ErrorResponseErrResponse {
            fn default() -> Self {
                Self {
                    bot_id: Ok(Default::default()),
                    code: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for code"),
                    ),
                    message: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for message"),
                    ),
                }
            }
        }
        impl ErrorResponseErrResponse {
            pub fn bot_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.bot_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bot_id: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorResponseErrResponse>
        for super::ErrorResponseErrResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorResponseErrResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bot_id: value.bot_id.map_err(::std::string::String::from)?,
                    code: value.code.map_err(::std::string::String::from)?,
                    message: value.message.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::ErrorResponseErrResponse>
        for ErrorResponseErrResponse {
            fn from(value: super::ErrorResponseErrResponse) -> Self {
                Self {
                    bot_id: Ok(value.bot_id),
                    code: Ok(value.code),
                    message: Ok(value.message),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SecretRequest {
            secret: ::std::result::Result<
                ::std::string::String,
                ::std::borrow::Cow<'static, str>,
            >,
        }
        impl ::std::default::Default for SecretRequest {
            fn default() -> Self {
                Self {
                    secret: Err(
                        ::std::borrow::Cow::Borrowed("no value supplied for secret"),
                    ),
                }
            }
        }
        impl SecretRequest {
            pub fn secret<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.secret = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for secret: {e}")
                    })
                    .map_err(::std::convert::Into::into);
                self
            }
        }
        impl ::std::convert::TryFrom<SecretRequest> for super::SecretRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SecretRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    secret: value.secret.map_err(::std::string::String::from)?,
                })
            }
        }
        impl ::std::convert::From<super::SecretRequest> for SecretRequest {
            fn from(value: super::SecretRequest) -> Self {
                Self { secret: Ok(value.secret) }
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
/// Client for Manta OpenAPI
///
/// The MantaGo calls that bind a customer to a chat-platform client and remove that binding, with the API token and client lookups around them.
///
/// Version: 0.318.0
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
        "0.318.0"
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
    /// Bind customer
    ///
    /// Bind a customer to a chat-platform client (error code 60001 on failure).
    ///
    /// Sends a `POST` request to `/openapi/bind/customer`
    ///
    /// Arguments:
    /// - `bot_id`: The bot ID for the API request
    /// - `body`
    /// ```text
    /// let response = client.bind_customer()
    ///     .bot_id(bot_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn bind_customer(&self) -> builder::BindCustomer<'_> {
        builder::BindCustomer::new(self)
    }
    /// Get client
    ///
    /// Get one chat-platform client by its client ID (error code 37011 on failure). POST as documented, although it only reads; the body carries `secret`.
    ///
    /// Sends a `POST` request to `/openapi/client/{clientId}`
    ///
    /// Arguments:
    /// - `client_id`: The client ID (platform UUID).
    /// - `bot_id`: The bot ID for the API request
    /// - `platform`: The client's chat platform.
    /// - `platform_client_id`: The client's ID on its chat platform.
    /// - `body`
    /// ```text
    /// let response = client.get_client()
    ///     .client_id(client_id)
    ///     .bot_id(bot_id)
    ///     .platform(platform)
    ///     .platform_client_id(platform_client_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn get_client(&self) -> builder::GetClient<'_> {
        builder::GetClient::new(self)
    }
    /// List clients
    ///
    /// List the bot's chat-platform clients, optionally filtered by customer, platform, name and creation time, one page at a time (`limit`/`offset`, or the `next` cursor returned by the previous page). POST as documented, although it only reads; the body carries `secret`.
    ///
    /// Sends a `POST` request to `/openapi/clients`
    ///
    /// Arguments:
    /// - `bot_id`: The bot ID for the API request
    /// - `customer_id`: Only clients bound to this customer ID.
    /// - `end_at`: End of the time range, a 13-digit Unix timestamp in milliseconds.
    /// - `limit`: Page size, 1 to 100 (default 10).
    /// - `name`: Only clients with this name.
    /// - `next`: Pagination cursor: the `clientList.next` value of the previous page, sent as text.
    /// - `offset`: Number of clients to skip (default 0).
    /// - `platform`: Only clients of this chat platform.
    /// - `start_at`: Start of the time range, a 13-digit Unix timestamp in milliseconds.
    /// - `body`
    /// ```text
    /// let response = client.list_clients()
    ///     .bot_id(bot_id)
    ///     .customer_id(customer_id)
    ///     .end_at(end_at)
    ///     .limit(limit)
    ///     .name(name)
    ///     .next(next)
    ///     .offset(offset)
    ///     .platform(platform)
    ///     .start_at(start_at)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn list_clients(&self) -> builder::ListClients<'_> {
        builder::ListClients::new(self)
    }
    /// Get API token
    ///
    /// Exchange the bot's secret for an API token (a JWT used as the bearer token) and a new API secret. The token is valid for 30 days. After a refresh the old token and secret are rejected with error code 120000.
    ///
    /// Sends a `POST` request to `/openapi/token`
    ///
    /// Arguments:
    /// - `bot_id`: The bot ID for the API request
    /// - `body`
    /// ```text
    /// let response = client.get_api_token()
    ///     .bot_id(bot_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn get_api_token(&self) -> builder::GetApiToken<'_> {
        builder::GetApiToken::new(self)
    }
    /// Unbind customer
    ///
    /// Unbind a customer from the current session or context
    ///
    /// Sends a `POST` request to `/openapi/unbind/customer`
    ///
    /// Arguments:
    /// - `bot_id`: The bot ID for the API request
    /// - `body`
    /// ```text
    /// let response = client.unbind_customer()
    ///     .bot_id(bot_id)
    ///     .body(body)
    ///     .send()
    ///     .await;
    /// ```
    pub fn unbind_customer(&self) -> builder::UnbindCustomer<'_> {
        builder::UnbindCustomer::new(self)
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
    /// Builder for [`Client::bind_customer`]
    ///
    /// [`Client::bind_customer`]: super::Client::bind_customer
    #[derive(Debug, Clone)]
    pub struct BindCustomer<'a> {
        client: &'a super::Client,
        bot_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        body: Result<
            types::builder::CustomerBindRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> BindCustomer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                bot_id: Err(::std::borrow::Cow::Borrowed("bot_id was not initialized")),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn bot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.bot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for bot_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CustomerBindRequest>,
            <V as std::convert::TryInto<
                types::CustomerBindRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `CustomerBindRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CustomerBindRequest,
            ) -> types::builder::CustomerBindRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/openapi/bind/customer`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::BasicSuccessResponse>,
            Error<types::ErrorResponse>,
        > {
            let Self { client, bot_id, body } = self;
            let bot_id = bot_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::CustomerBindRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/openapi/bind/customer"].concat();
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
                .query(&progenitor_client::QueryParam::new("botId", &bot_id))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "bind_customer",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                401u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                403u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                404u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                429u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                500u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::get_client`]
    ///
    /// [`Client::get_client`]: super::Client::get_client
    #[derive(Debug, Clone)]
    pub struct GetClient<'a> {
        client: &'a super::Client,
        client_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        bot_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        platform: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        platform_client_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        body: Result<types::builder::SecretRequest, ::std::borrow::Cow<'static, str>>,
    }
    impl<'a> GetClient<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                client_id: Err(
                    ::std::borrow::Cow::Borrowed("client_id was not initialized"),
                ),
                bot_id: Err(::std::borrow::Cow::Borrowed("bot_id was not initialized")),
                platform: Ok(None),
                platform_client_id: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.client_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn bot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.bot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for bot_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn platform<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.platform = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for platform failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn platform_client_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.platform_client_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for platform_client_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::SecretRequest>,
            <V as std::convert::TryInto<types::SecretRequest>>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `SecretRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::SecretRequest,
            ) -> types::builder::SecretRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/openapi/client/{clientId}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ClientResponse>, Error<types::ErrorResponse>> {
            let Self { client, client_id, bot_id, platform, platform_client_id, body } = self;
            let client_id = client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let bot_id = bot_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let platform = platform
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let platform_client_id = platform_client_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::SecretRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [
                client.baseurl.as_str(),
                "/openapi/client/",
                encode_path(&client_id).as_str(),
            ]
                .concat();
            let header_map = ::reqwest::header::HeaderMap::with_capacity(0usize);
            let mut request_builder = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .query(&progenitor_client::QueryParam::new("botId", &bot_id));
            if platform.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("platform", &platform));
            }
            if platform_client_id.is_some() {
                request_builder = request_builder
                    .query(
                        &progenitor_client::QueryParam::new(
                            "platformClientId",
                            &platform_client_id,
                        ),
                    );
            }
            #[allow(unused_mut)]
            let mut request = request_builder.headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "get_client",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                401u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                403u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                404u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                429u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                500u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::list_clients`]
    ///
    /// [`Client::list_clients`]: super::Client::list_clients
    #[derive(Debug, Clone)]
    pub struct ListClients<'a> {
        client: &'a super::Client,
        bot_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        customer_id: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        end_at: Result<Option<i64>, ::std::borrow::Cow<'static, str>>,
        limit: Result<Option<::std::num::NonZeroU64>, ::std::borrow::Cow<'static, str>>,
        name: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        next: Result<Option<::std::string::String>, ::std::borrow::Cow<'static, str>>,
        offset: Result<Option<u64>, ::std::borrow::Cow<'static, str>>,
        platform: Result<
            Option<::std::string::String>,
            ::std::borrow::Cow<'static, str>,
        >,
        start_at: Result<Option<i64>, ::std::borrow::Cow<'static, str>>,
        body: Result<types::builder::SecretRequest, ::std::borrow::Cow<'static, str>>,
    }
    impl<'a> ListClients<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                bot_id: Err(::std::borrow::Cow::Borrowed("bot_id was not initialized")),
                customer_id: Ok(None),
                end_at: Ok(None),
                limit: Ok(None),
                name: Ok(None),
                next: Ok(None),
                offset: Ok(None),
                platform: Ok(None),
                start_at: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn bot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.bot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for bot_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn customer_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.customer_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for customer_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn end_at<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.end_at = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `i64` for end_at failed".to_string())
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn limit<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.limit = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for limit failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn name<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.name = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for name failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn next<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.next = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for next failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn offset<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<u64>,
        {
            self.offset = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `u64` for offset failed".to_string())
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn platform<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.platform = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for platform failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn start_at<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.start_at = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `i64` for start_at failed".to_string())
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::SecretRequest>,
            <V as std::convert::TryInto<types::SecretRequest>>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `SecretRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::SecretRequest,
            ) -> types::builder::SecretRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/openapi/clients`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::ClientListResponse>,
            Error<types::ErrorResponse>,
        > {
            let Self {
                client,
                bot_id,
                customer_id,
                end_at,
                limit,
                name,
                next,
                offset,
                platform,
                start_at,
                body,
            } = self;
            let bot_id = bot_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let customer_id = customer_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let end_at = end_at
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let limit = limit
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let name = name
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let next = next
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let offset = offset
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let platform = platform
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let start_at = start_at
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::SecretRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/openapi/clients"].concat();
            let header_map = ::reqwest::header::HeaderMap::with_capacity(0usize);
            let mut request_builder = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .query(&progenitor_client::QueryParam::new("botId", &bot_id));
            if customer_id.is_some() {
                request_builder = request_builder
                    .query(
                        &progenitor_client::QueryParam::new("customerId", &customer_id),
                    );
            }
            if end_at.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("endAt", &end_at));
            }
            if limit.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("limit", &limit));
            }
            if name.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("name", &name));
            }
            if next.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("next", &next));
            }
            if offset.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("offset", &offset));
            }
            if platform.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("platform", &platform));
            }
            if start_at.is_some() {
                request_builder = request_builder
                    .query(&progenitor_client::QueryParam::new("startAt", &start_at));
            }
            #[allow(unused_mut)]
            let mut request = request_builder.headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "list_clients",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                401u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                403u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                404u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                429u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                500u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::get_api_token`]
    ///
    /// [`Client::get_api_token`]: super::Client::get_api_token
    #[derive(Debug, Clone)]
    pub struct GetApiToken<'a> {
        client: &'a super::Client,
        bot_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        body: Result<types::builder::SecretRequest, ::std::borrow::Cow<'static, str>>,
    }
    impl<'a> GetApiToken<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                bot_id: Err(::std::borrow::Cow::Borrowed("bot_id was not initialized")),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn bot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.bot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for bot_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::SecretRequest>,
            <V as std::convert::TryInto<types::SecretRequest>>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `SecretRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::SecretRequest,
            ) -> types::builder::SecretRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/openapi/token`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::ApiTokenResponse>,
            Error<types::ErrorResponse>,
        > {
            let Self { client, bot_id, body } = self;
            let bot_id = bot_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::SecretRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/openapi/token"].concat();
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
                .query(&progenitor_client::QueryParam::new("botId", &bot_id))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_api_token",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                401u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                403u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                404u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                429u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                500u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /// Builder for [`Client::unbind_customer`]
    ///
    /// [`Client::unbind_customer`]: super::Client::unbind_customer
    #[derive(Debug, Clone)]
    pub struct UnbindCustomer<'a> {
        client: &'a super::Client,
        bot_id: Result<::std::string::String, ::std::borrow::Cow<'static, str>>,
        body: Result<
            types::builder::CustomerBindRequest,
            ::std::borrow::Cow<'static, str>,
        >,
    }
    impl<'a> UnbindCustomer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                bot_id: Err(::std::borrow::Cow::Borrowed("bot_id was not initialized")),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn bot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.bot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for bot_id failed"
                        .to_string()
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CustomerBindRequest>,
            <V as std::convert::TryInto<
                types::CustomerBindRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `CustomerBindRequest` for body failed: {}", s)
                })
                .map_err(::std::convert::Into::into);
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CustomerBindRequest,
            ) -> types::builder::CustomerBindRequest,
        {
            self.body = self.body.map(f).map_err(::std::convert::Into::into);
            self
        }
        ///Sends a `POST` request to `/openapi/unbind/customer`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::BasicSuccessResponse>,
            Error<types::ErrorResponse>,
        > {
            let Self { client, bot_id, body } = self;
            let bot_id = bot_id
                .map_err(::std::string::String::from)
                .map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(::std::string::String::from)
                .and_then(|v| {
                    types::CustomerBindRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = [client.baseurl.as_str(), "/openapi/unbind/customer"].concat();
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
                .query(&progenitor_client::QueryParam::new("botId", &bot_id))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "unbind_customer",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => response_value(response).await,
                401u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                403u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                404u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                429u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                500u16 => Err(Error::ErrorResponse(response_value(response).await?)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
