//! Unbind linked accounts at MantaGo, Huawei Cloud OneAccess and Tencent CloudBase, with each
//! provider's auth and signing done for you.
//!
//! One client type per provider exposes the cycle its API allows (list what is bound, bind,
//! unbind), each behind its provider's feature, all on by default:
//!
#![cfg_attr(feature = "manta", doc = "- MantaGo: [`manta::MantaClient`]")]
#![cfg_attr(
    feature = "oneaccess",
    doc = "- Huawei Cloud OneAccess: [`oneaccess::OneAccessClient`]"
)]
#![cfg_attr(
    feature = "cloudbase",
    doc = "- Tencent CloudBase: [`cloudbase::CloudBaseClient`]"
)]
//!
//! [`Unbinder`] says "unbind this account" without caring which provider it is, and
//! [`bulk`] unbinds a whole list of them, resumably.
//! Every input is checked before a byte is sent, secrets never reach `Debug`, `Display` or
//! errors, and every failure is one [`Error`].
//!
// The example is CloudBase's: compiled only where that feature is on.
#![cfg_attr(feature = "cloudbase", doc = "```no_run")]
#![cfg_attr(not(feature = "cloudbase"), doc = "```ignore")]
//! use unbind::auth::SecretString;
//! use unbind::cloudbase::{self, CloudBaseClient};
//! use unbind::{Account, Unbinder};
//!
//! # async fn run() -> Result<(), unbind::Error> {
//! let client = CloudBaseClient::new(
//!     &cloudbase::base_url("my-env-id")?,
//!     SecretString::from("eyJhbGciOi..."),
//! )?;
//! let unbinder = Unbinder::CloudBase(client);
//! unbinder
//!     .unbind(&Account::CloudBase {
//!         provider_id: "github".into(),
//!     })
//!     .await?;
//! # Ok(())
//! # }
//! ```

/// Credentials and what signs with them: the secret string every credential is held in,
/// each provider's credential types and ids, and OneAccess's device profile, key and
/// `X-signature` signer (from `unbind_runtime`, re-exported under a name that says what they
/// are; the rest of that crate is [`runtime`]).
pub mod auth {
    #[cfg(feature = "oneaccess")]
    pub use unbind_runtime::oneaccess;
    pub use unbind_runtime::{ExposeSecret, SecretString, cloudbase, manta};
}
pub mod bulk;
mod call;
#[cfg(feature = "cloudbase")]
pub mod cloudbase;
mod error;
#[cfg(feature = "manta")]
pub mod manta;
#[cfg(feature = "oneaccess")]
pub mod oneaccess;
mod outcome;
mod provider;
mod retry;
mod tls;
mod validate;

pub use call::{
    BODY_LIMIT, CONNECT_TIMEOUT, CallSettings, MAX_REDIRECTS, REQUEST_TIMEOUT, Redirects,
};
#[cfg(feature = "oneaccess")]
pub use error::SigningError;
pub use error::{Error, ErrorKind, ProviderBody, ProviderError, SNIPPET_CHARS};
pub use outcome::UnbindOutcome;
pub use provider::{ParseProviderError, Provider};
pub use retry::{MAX_RETRY_AFTER, MAX_TOTAL, RetryPolicy, WaitRefused};
/// What `unbind_runtime` holds besides credentials: the injected clock and random source
/// ([`runtime::clock`], [`runtime::random`]), secret blanking ([`runtime::redact`]), the
/// bounded HTTP exchange the clients' hooks make ([`runtime::exchange`]) and, with its
/// `test-util` feature, test doubles (`runtime::test_util`). Credentials are in [`auth`].
pub use unbind_runtime as runtime;
pub use validate::MAX_ID_BYTES;

/// An account bound at one provider, named the way that provider names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Account {
    /// A MantaGo customer bound to a chat-platform client.
    Manta {
        /// The client ID (platform UUID).
        client_id: String,
        /// The customer ID.
        customer_id: String,
    },
    /// A OneAccess social account, by the `id` its list call returns.
    OneAccess {
        /// The binding's id.
        id: String,
    },
    /// A CloudBase identity source bound to the logged-in user.
    CloudBase {
        /// The identity source id (`github`, `wx_open`, …).
        provider_id: String,
    },
}

impl Account {
    /// The provider this account lives at.
    pub fn provider(&self) -> Provider {
        match self {
            Account::Manta { .. } => Provider::Manta,
            Account::OneAccess { .. } => Provider::OneAccess,
            Account::CloudBase { .. } => Provider::CloudBase,
        }
    }

    /// Checks the account's ids as its client's `unbind` does before sending anything: not
    /// blank, no control character, at most [`MAX_ID_BYTES`]; a CloudBase `provider_id` (a path
    /// segment) also not `.` or `..` and without `/`, `\\` or their percent-encoded forms.
    ///
    /// The error is [`Error::InvalidInput`] naming the field as the provider names it
    /// (`clientId`, `customerId`, `id`, `provider_id`), never the value.
    pub fn check(&self) -> Result<(), Error> {
        // The very functions each client's `unbind` calls.
        match self {
            Account::Manta {
                client_id,
                customer_id,
            } => validate::manta_customer(client_id, customer_id),
            Account::OneAccess { id } => validate::oneaccess_id(id),
            Account::CloudBase { provider_id } => validate::cloudbase_provider_id(provider_id),
        }
    }
}

#[cfg(not(any(feature = "manta", feature = "oneaccess", feature = "cloudbase")))]
compile_error!("enable at least one provider feature of `unbind`: manta, oneaccess or cloudbase");

/// A client of any provider, for provider-neutral code such as a deletion job (a variant per
/// provider feature).
#[derive(Debug)]
#[non_exhaustive]
pub enum Unbinder {
    /// MantaGo.
    #[cfg(feature = "manta")]
    Manta(manta::MantaClient),
    /// OneAccess (boxed: it carries its signing cache).
    #[cfg(feature = "oneaccess")]
    OneAccess(Box<oneaccess::OneAccessClient>),
    /// CloudBase.
    #[cfg(feature = "cloudbase")]
    CloudBase(cloudbase::CloudBaseClient),
}

impl Unbinder {
    /// The provider this client talks to.
    pub fn provider(&self) -> Provider {
        // `*self`, not `self`: built with no provider feature the enum is empty, and only a
        // match on the value itself needs no arm (the one error is then `compile_error!`'s).
        match *self {
            #[cfg(feature = "manta")]
            Unbinder::Manta(_) => Provider::Manta,
            #[cfg(feature = "oneaccess")]
            Unbinder::OneAccess(_) => Provider::OneAccess,
            #[cfg(feature = "cloudbase")]
            Unbinder::CloudBase(_) => Provider::CloudBase,
        }
    }

    /// Where this client's calls go, as a bulk journal records it (see [`bulk::Journal`]): the
    /// base URL, and for MantaGo its bot (`https://mantago.cc/api?botId=bot-123`). It holds
    /// no credential, and not the user a token stands for.
    pub fn target(&self) -> String {
        match *self {
            #[cfg(feature = "manta")]
            Unbinder::Manta(ref client) => {
                use manta_client::ClientInfo as _;
                format!("{}?botId={}", client.api().baseurl(), client.bot_id())
            }
            #[cfg(feature = "oneaccess")]
            Unbinder::OneAccess(ref client) => {
                use oneaccess_client::ClientInfo as _;
                client.api().baseurl().to_owned()
            }
            #[cfg(feature = "cloudbase")]
            Unbinder::CloudBase(ref client) => {
                use cloudbase_client::ClientInfo as _;
                client.api().baseurl().to_owned()
            }
        }
    }

    /// Unbinds `account`, which must belong to this client's provider.
    pub async fn unbind(&self, account: &Account) -> Result<UnbindOutcome, Error> {
        match (self, account) {
            #[cfg(feature = "manta")]
            (
                Unbinder::Manta(client),
                Account::Manta {
                    client_id,
                    customer_id,
                },
            ) => client.unbind(client_id, customer_id).await,
            #[cfg(feature = "oneaccess")]
            (Unbinder::OneAccess(client), Account::OneAccess { id }) => client.unbind(id).await,
            #[cfg(feature = "cloudbase")]
            (Unbinder::CloudBase(client), Account::CloudBase { provider_id }) => {
                client.unbind(provider_id).await
            }
            (client, account) => Err(Error::invalid(
                "account",
                format!(
                    "is a {} account but this client is for {}",
                    account.provider(),
                    client.provider()
                ),
            )),
        }
    }
}

/// The README's Rust examples, compiled as doctests so they cannot rot (with every provider
/// feature: they use all three).
#[cfg(all(
    doctest,
    feature = "manta",
    feature = "oneaccess",
    feature = "cloudbase"
))]
#[doc = include_str!("../../../README.md")]
struct ReadmeExamples;
