//! The OneAccess calls that come before a session: logging in by user name and password, and
//! binding the social account of a social login (its state token) to a mobile number.

use oneaccess_client::{ClientInfo as _, DeviceHeaders as _, types};
use unbind_runtime::oneaccess::DeviceProfile;
use unbind_runtime::{ExposeSecret as _, SecretString};

use super::{OneAccessClient, OneAccessSettings, unsigned_api};
use crate::call::{Caller, Repeat};
use crate::error::Redactor;
use crate::{Error, Provider, validate};

/// A OneAccess tenant and device before any session: log in, or bind a social login's
/// account, each of which answers with a session.
///
/// ```no_run
/// use unbind::auth::SecretString;
/// use unbind::auth::oneaccess::DeviceProfile;
/// use unbind::oneaccess::{OneAccessLogin, OneAccessSettings};
///
/// # async fn run(device: DeviceProfile) -> Result<(), unbind::Error> {
/// let tenant = OneAccessLogin::new(
///     "https://tenant.example.com",
///     device,
///     OneAccessSettings::default(),
/// )?;
/// let client = tenant
///     .login("alice", &SecretString::from("her password"))
///     .await?;
/// for account in client.list().await? {
///     println!("{}", account.id);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct OneAccessLogin {
    api: oneaccess_client::Client,
    base_url: String,
    device: DeviceProfile,
    settings: OneAccessSettings,
}

impl OneAccessLogin {
    /// The tenant at `base_url`, as `device`; checks the device headers and the base URL
    /// before anything is sent.
    pub fn new(
        base_url: &str,
        device: DeviceProfile,
        settings: OneAccessSettings,
    ) -> Result<Self, Error> {
        let api = unsigned_api(base_url, &device, &settings)?;
        Ok(Self {
            api,
            base_url: base_url.to_owned(),
            device,
            settings,
        })
    }

    /// Logs in by user name and password (`POST /api/v2/sdk/login`) and returns a client for
    /// the new session, with the same device, settings and HTTP client.
    ///
    /// A repeated login would open a second session: it is retried only where the request
    /// cannot have arrived.
    pub async fn login(
        &self,
        username: &str,
        password: &SecretString,
    ) -> Result<OneAccessClient, Error> {
        validate::id("username", username)?;
        let body = types::LoginRequest {
            username: username.to_owned(),
            password: password.expose_secret().to_owned(),
        };
        let caller = Caller::new(
            Provider::OneAccess,
            self.api.baseurl(),
            Redactor::new([password]),
            &self.settings.call,
        )
        .issuing();
        let answer = caller
            .retrying("login", Repeat::OnlyIfUnsent, || {
                caller.once(|| {
                    self.api
                        .login()
                        .device(&self.device)
                        .body(body.clone())
                        .send()
                })
            })
            .await?;
        let token =
            Session::from(answer)
                .session_token
                .ok_or_else(|| Error::UnexpectedResponse {
                    provider: Provider::OneAccess,
                    status: Some(200),
                    detail:
                        "login answered without a session_token (a further step, such as binding a \
                     mobile number, may be required)"
                            .to_owned(),
                })?;
        let mut settings = self.settings.clone();
        settings.call.http = Some(self.api.client().clone());
        OneAccessClient::with_settings(&self.base_url, self.device.clone(), token, settings)
    }

    /// Binds the social account of a social login (its `state_token`) to an existing user's
    /// mobile number (`POST /api/v2/sdk/social/bind`); OneAccess answers with a new session.
    pub async fn bind(
        &self,
        state_token: &SecretString,
        mobile: &str,
        verify_code: &str,
    ) -> Result<Session, Error> {
        let (body, caller) = self.state_call(state_token, mobile, verify_code)?;
        state_token_call(&caller, "bind_social_account", || {
            self.api
                .bind_social_account()
                .device(&self.device)
                .x_state_token(state_token.expose_secret().to_owned())
                .body(body.clone())
                .send()
        })
        .await
    }

    /// Registers a new user with a mobile number and binds the social account of a social login
    /// to it (`POST /api/v2/sdk/social/register-bind`); OneAccess answers with a new session.
    ///
    /// Its body repeats [`OneAccessLogin::bind`]'s: the two generated builders are distinct
    /// types with the same methods, and no trait of the generated code covers both.
    pub async fn register_and_bind(
        &self,
        state_token: &SecretString,
        mobile: &str,
        verify_code: &str,
    ) -> Result<Session, Error> {
        let (body, caller) = self.state_call(state_token, mobile, verify_code)?;
        state_token_call(&caller, "register_and_bind_social_account", || {
            self.api
                .register_and_bind_social_account()
                .device(&self.device)
                .x_state_token(state_token.expose_secret().to_owned())
                .body(body.clone())
                .send()
        })
        .await
    }

    /// Checks the inputs of a state-token call; returns its body and a caller that blanks the
    /// state token.
    fn state_call(
        &self,
        state_token: &SecretString,
        mobile: &str,
        verify_code: &str,
    ) -> Result<(types::MobileVerifyRequest, Caller), Error> {
        unbind_runtime::header::sensitive_value("X-state-token", state_token)?;
        validate::id("mobile", mobile)?;
        validate::id("verify_code", verify_code)?;
        let body = types::MobileVerifyRequest {
            mobile: mobile.to_owned(),
            verify_code: verify_code.to_owned(),
        };
        let caller = Caller::new(
            Provider::OneAccess,
            self.api.baseurl(),
            Redactor::new([state_token]),
            &self.settings.call,
        )
        .issuing();
        Ok((body, caller))
    }
}

/// Runs a state-token call (bind, register-and-bind): both answer with a session. Retried
/// only where the request cannot have arrived, as a repeat might bind twice.
async fn state_token_call<F, Fut>(
    caller: &Caller,
    operation: &'static str,
    call: F,
) -> Result<Session, Error>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<
            Output = Result<
                progenitor_client::ResponseValue<types::SessionResponse>,
                progenitor_client::Error<types::Error>,
            >,
        >,
{
    let answer = caller
        .retrying(operation, Repeat::OnlyIfUnsent, || caller.once(&call))
        .await?;
    Ok(Session::from(answer))
}

/// A session OneAccess issued (by login or bind); its tokens are secrets.
#[derive(Clone, Debug)]
pub struct Session {
    /// The session token, input of every `X-signature`.
    pub session_token: Option<SecretString>,
    /// The OpenID Connect ID token.
    pub id_token: Option<SecretString>,
    /// Seconds until the session expires.
    pub expire: Option<i64>,
    /// OneAccess's `status`, as sent (its type is not documented).
    pub status: Option<serde_json::Value>,
}

impl From<types::LoginResponse> for Session {
    fn from(answer: types::LoginResponse) -> Self {
        Self {
            session_token: answer.session_token.map(SecretString::from),
            id_token: answer.id_token.map(SecretString::from),
            expire: answer.expire,
            status: answer.status,
        }
    }
}

impl From<types::SessionResponse> for Session {
    fn from(answer: types::SessionResponse) -> Self {
        Self {
            session_token: answer.session_token.map(SecretString::from),
            id_token: answer.id_token.map(SecretString::from),
            expire: answer.expire,
            status: answer.status,
        }
    }
}
