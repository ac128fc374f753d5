//! Huawei Cloud OneAccess, user-side SDK API: social accounts bound to a user.
//!
//! The signed calls carry `X-signature`: RSA-OAEP of `session_token=…&timestamp=…&nonce=…` with
//! the application's public key, at the server's time. The key and the offset between the
//! server's clock and ours are fetched once and cached, so N signed calls cost N + 2 requests.
//! When the server refuses a signature or a timestamp, both are fetched again and the call is
//! retried once.
//!
//! [`OneAccessLogin`] makes the calls that come before a session: logging in, and binding a
//! social login's account to a mobile number.

use std::sync::Arc;

use oneaccess_client::{ClientInfo as _, DeviceHeaders as _, types};
use tokio::sync::Mutex;
use unbind_runtime::clock::{Clock, SystemClock};
use unbind_runtime::oneaccess::{DeviceProfile, PublicKey, ServerTime, Signer, SignerSettings};
use unbind_runtime::random::{OsRandom, Random};
use unbind_runtime::{ExposeSecret as _, SecretString};

use crate::call::{CallSettings, Caller, Repeat};

mod login;

use crate::error::Redactor;
use crate::{Error, Provider, UnbindOutcome, validate};
pub use login::{OneAccessLogin, Session};

/// Settings of a [`OneAccessClient`] beyond the base URL, device and session.
#[derive(Clone, Debug)]
pub struct OneAccessSettings {
    /// MGF1 hash, nonce form and timestamp unit of the signature (defaults: MGF1-SHA-256, the
    /// timestamp in lower-case hex, milliseconds).
    pub signer: SignerSettings,
    /// `error_code`s that mean "signature or timestamp refused": the key and server time are
    /// fetched again and the call retried once. The docs list none, so the default is empty and
    /// a 400 whose `error_msg` mentions "signature" or "timestamp" counts too.
    pub rejection_codes: Vec<String>,
    /// The clock the server-time offset is kept against (default: the system clock).
    pub clock: Arc<dyn Clock>,
    /// The random source of nonces and OAEP padding where injectable (default: the OS).
    pub random: Arc<dyn Random>,
    /// The application's public key, if you hold it (PEM, bare Base64 DER, or either with
    /// literal `\n`): checked when the client is built, and used instead of fetching
    /// `/public-key` until the server refuses a signature. Default: fetched on first use.
    pub public_key: Option<String>,
    /// `error_code`s that mean the social account id is unknown, so an unbind has nothing left
    /// to do ([`UnbindOutcome::AlreadyUnbound`]). The docs list none: the default is empty, and
    /// a 400 whose `error_msg` says the account does not exist ("not exist") counts too.
    pub already_unbound_codes: Vec<String>,
    /// Retries, timeouts and the answer size limit.
    pub call: CallSettings,
}

impl Default for OneAccessSettings {
    fn default() -> Self {
        Self {
            signer: SignerSettings::default(),
            rejection_codes: Vec::new(),
            clock: Arc::new(SystemClock),
            random: Arc::new(OsRandom),
            public_key: None,
            already_unbound_codes: Vec::new(),
            call: CallSettings::default(),
        }
    }
}

/// A OneAccess client for one user session on one device.
#[derive(Debug)]
pub struct OneAccessClient {
    api: oneaccess_client::Client,
    caller: Caller,
    device: DeviceProfile,
    session_token: SecretString,
    settings: OneAccessSettings,
    configured_key: Option<PublicKey>,
    signing: Mutex<Option<Arc<Signing>>>,
}

/// The cached public key (as a signer) and server-time offset.
#[derive(Debug)]
struct Signing {
    signer: Signer,
    time: ServerTime,
}

impl OneAccessClient {
    /// A client for a session you already hold, with default settings.
    pub fn new(
        base_url: &str,
        device: DeviceProfile,
        session_token: SecretString,
    ) -> Result<Self, Error> {
        Self::with_settings(
            base_url,
            device,
            session_token,
            OneAccessSettings::default(),
        )
    }

    /// A client with the given settings; checks every header value before anything is sent.
    pub fn with_settings(
        base_url: &str,
        device: DeviceProfile,
        session_token: SecretString,
        settings: OneAccessSettings,
    ) -> Result<Self, Error> {
        validate::secret("session_token", session_token.expose_secret())?;
        unbind_runtime::header::sensitive_value("session_token", &session_token)?;
        let configured_key = match &settings.public_key {
            Some(text) => Some(
                PublicKey::parse(text).map_err(|e| Error::invalid("public_key", e.to_string()))?,
            ),
            None => None,
        };
        let api = unsigned_api(base_url, &device, &settings)?;
        let caller = Caller::new(
            Provider::OneAccess,
            api.baseurl(),
            Redactor::new([&session_token]),
            &settings.call,
        );
        Ok(Self {
            api,
            caller,
            device,
            session_token,
            settings,
            configured_key,
            signing: Mutex::new(None),
        })
    }

    /// The generated client underneath, for calls this facade does not wrap.
    pub fn api(&self) -> &oneaccess_client::Client {
        &self.api
    }

    /// Lists the social accounts bound to the user (`GET /api/v2/sdk/social`, signed).
    pub async fn list(&self) -> Result<Vec<types::SocialAccount>, Error> {
        let list = self
            .caller
            .retrying("list_social_accounts", Repeat::Safe, || {
                self.signed(|signature| {
                    self.caller.once(|| {
                        self.api
                            .list_social_accounts()
                            .device(&self.device)
                            .x_signature(signature)
                            .send()
                    })
                })
            })
            .await?;
        Ok(list.social)
    }

    /// Unbinds a social account by the `id` from [`OneAccessClient::list`]
    /// (`POST /api/v2/sdk/social/unbind-account`, signed). An unknown id (see
    /// [`OneAccessSettings::already_unbound_codes`]) is [`UnbindOutcome::AlreadyUnbound`].
    pub async fn unbind(&self, id: &str) -> Result<UnbindOutcome, Error> {
        validate::oneaccess_id(id)?;
        let outcome = self
            .caller
            .retrying("unbind_social_account", Repeat::Safe, || {
                self.signed(|signature| {
                    // The documented 200 is a JSON string or an empty body (see the spec).
                    self.caller.once_or_empty(
                        || {
                            self.api
                                .unbind_social_account()
                                .device(&self.device)
                                .x_signature(signature)
                                .body(types::UnbindSocialAccountRequest { id: id.to_owned() })
                                .send()
                        },
                        true,
                    )
                })
            })
            .await;
        UnbindOutcome::from_result(outcome, |e| {
            let listed = e
                .code
                .as_ref()
                .is_some_and(|c| self.settings.already_unbound_codes.contains(c));
            let says = e
                .message
                .as_ref()
                .is_some_and(|m| m.to_ascii_lowercase().contains("not exist"));
            e.status == 400 && (listed || says)
        })
    }

    /// Runs a signed call; refreshes the key and server time and retries once when the server
    /// refuses the signature or timestamp.
    async fn signed<T, F, Fut>(&self, call: F) -> Result<T, Error>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<T, Error>>,
    {
        let signing = self.signing(false).await?;
        match call(self.sign(&signing)?).await {
            Err(error) if self.is_rejection(&error) => {
                let signing = self.signing(true).await?;
                call(self.sign(&signing)?).await
            }
            outcome => outcome,
        }
    }

    fn sign(&self, signing: &Signing) -> Result<String, Error> {
        let now = signing.time.now_millis(self.settings.clock.as_ref());
        let signature = signing
            .signer
            .sign(&self.session_token, now)
            .map_err(signing_error)?;
        signature
            .header_value()
            .to_str()
            .map(str::to_owned)
            .map_err(signing_error)
    }

    fn is_rejection(&self, error: &Error) -> bool {
        let Some(e) = error.provider_error() else {
            return false;
        };
        let listed = e
            .code
            .as_ref()
            .is_some_and(|code| self.settings.rejection_codes.contains(code));
        let says = e.message.as_ref().is_some_and(|m| {
            let m = m.to_ascii_lowercase();
            m.contains("signature") || m.contains("timestamp")
        });
        e.status == 400 && (listed || says)
    }

    /// The cached key and offset, fetched on first use (the key only if none was configured),
    /// or again when `refresh`.
    async fn signing(&self, refresh: bool) -> Result<Arc<Signing>, Error> {
        let mut cached = self.signing.lock().await;
        if let (Some(signing), false) = (cached.as_ref(), refresh) {
            return Ok(Arc::clone(signing));
        }
        let key = match (&self.configured_key, refresh) {
            (Some(key), false) => key.clone(),
            _ => {
                // Not retried here: the signed call around this is, and retries must not nest.
                let fetched = self
                    .caller
                    .once(|| self.api.get_public_key().device(&self.device).send())
                    .await?;
                PublicKey::parse(&fetched.public_key).map_err(signing_error)?
            }
        };
        let date = self
            .caller
            .once(|| self.api.get_server_date().device(&self.device).send())
            .await?;
        let local = self.settings.clock.now_millis();
        let time = ServerTime::from_server(&date.timestamp, local).map_err(signing_error)?;
        let signing = Arc::new(Signing {
            signer: Signer::new(key, self.settings.signer, Arc::clone(&self.settings.random)),
            time,
        });
        *cached = Some(Arc::clone(&signing));
        Ok(signing)
    }
}

/// A generated client for calls that need no signature: the device profile checked, the
/// settings' HTTP client (or the default one).
fn unsigned_api(
    base_url: &str,
    device: &DeviceProfile,
    settings: &OneAccessSettings,
) -> Result<oneaccess_client::Client, Error> {
    device.validate()?;
    let http = settings.call.http_client()?;
    Ok(oneaccess_client::Client::new_with_client(
        &crate::validate::base(base_url)?,
        http,
        (),
    ))
}

fn signing_error(error: impl Into<crate::SigningError>) -> Error {
    Error::Signing {
        provider: Provider::OneAccess,
        source: error.into(),
    }
}
