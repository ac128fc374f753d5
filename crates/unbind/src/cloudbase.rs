//! Tencent CloudBase auth v1: the third-party identity sources bound to the logged-in user.

use std::sync::Arc;

use cloudbase_client::{ClientInfo as _, types};
use unbind_runtime::SecretString;
use unbind_runtime::cloudbase::DeviceId;
use unbind_runtime::random::{OsRandom, Random};

use crate::call::{CallSettings, Caller, Repeat};
use crate::error::Redactor;
use crate::{Error, Provider, UnbindOutcome, validate};

/// The documented gateway for an environment: `https://{env}.api.tcloudbasegateway.com`.
pub fn base_url(env: &str) -> Result<String, Error> {
    environment(env)?;
    Ok(format!("https://{env}.api.tcloudbasegateway.com"))
}

/// The international gateway for an environment: `https://{env}.api.intl.tcloudbasegateway.com`.
pub fn intl_base_url(env: &str) -> Result<String, Error> {
    environment(env)?;
    Ok(format!("https://{env}.api.intl.tcloudbasegateway.com"))
}

fn environment(env: &str) -> Result<(), Error> {
    validate::id("env", env)?;
    if !env
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Error::invalid(
            "env",
            "may hold only ASCII letters, digits, `-` and `_`",
        ));
    }
    Ok(())
}

/// A CloudBase client for one logged-in user on one device.
#[derive(Clone, Debug)]
pub struct CloudBaseClient {
    api: cloudbase_client::Client,
    caller: Caller,
    client_id: Option<String>,
    with_user_center: Option<bool>,
}

/// Settings of a [`CloudBaseClient`] beyond the base URL and the access token.
#[derive(Clone, Debug, Default)]
pub struct CloudBaseSettings {
    /// The device id sent as `x-device-id` (default: generated once, 32 hex characters).
    pub device_id: Option<DeviceId>,
    /// `client_id` query parameter on unbind (default: not sent; CloudBase then uses the
    /// environment id).
    pub client_id: Option<String>,
    /// `with_user_center` on unbind and bind (default: not sent, which CloudBase reads as false).
    pub with_user_center: Option<bool>,
    /// Source of the generated device id and each `x-request-id` (default: the OS).
    pub random: Option<Arc<dyn Random>>,
    /// Retries, timeouts and the answer size limit.
    pub call: CallSettings,
}

/// Whether a CloudBase error says the identity source is not bound: `provider_not_found`
/// (error_code 4004), as documented for unbind. (`unbind` reads it so only under a status
/// other than 401, 403, 429 and 502 to 504, which say the request was not acted on.)
pub fn is_not_bound(error: &crate::ProviderError) -> bool {
    error.kind.as_deref() == Some("provider_not_found") || error.code.as_deref() == Some("4004")
}

impl CloudBaseClient {
    /// A client with default settings.
    pub fn new(base_url: &str, access_token: SecretString) -> Result<Self, Error> {
        Self::with_settings(base_url, access_token, CloudBaseSettings::default())
    }

    /// A client with the given settings; checks every header value before anything is sent.
    pub fn with_settings(
        base_url: &str,
        access_token: SecretString,
        settings: CloudBaseSettings,
    ) -> Result<Self, Error> {
        unbind_runtime::header::bearer(&access_token)?;
        if let Some(client_id) = &settings.client_id {
            validate::id("client_id", client_id)?;
        }
        let random = settings.random.unwrap_or_else(|| Arc::new(OsRandom));
        let device_id = settings
            .device_id
            .unwrap_or_else(|| DeviceId::generate(random.as_ref()));
        let base = crate::validate::base(base_url)?;
        let caller = Caller::new(
            Provider::CloudBase,
            &base,
            Redactor::new([&access_token]),
            &settings.call,
        );
        let context = cloudbase_client::Context::new(device_id, Some(access_token), random);
        Ok(Self {
            api: cloudbase_client::Client::new_with_client(
                &base,
                settings.call.http_client()?,
                context,
            ),
            caller,
            client_id: settings.client_id,
            with_user_center: settings.with_user_center,
        })
    }

    /// The device id this client sends as `x-device-id`.
    pub fn device_id(&self) -> &DeviceId {
        &self.api.inner().device_id
    }

    // Each provider's client has the same accessors over its own generated client and types.
    /// The generated client underneath, for calls this facade does not wrap.
    pub fn api(&self) -> &cloudbase_client::Client {
        &self.api
    }

    /// Lists the identity sources and whether each is bound (`GET /auth/v1/user/provider`).
    ///
    /// A 200 whose body names an `error` is [`Error::UnexpectedResponse`], as for unbind.
    pub async fn list(&self) -> Result<Vec<types::BoundProvider>, Error> {
        let list = self
            .caller
            .retrying("list_bound_providers", Repeat::Safe, || {
                self.caller.once(|| self.api.list_bound_providers().send())
            })
            .await?;
        let body = || serde_json::to_string(&list).unwrap_or_default();
        no_error_in(list.error.as_ref(), body, &self.caller.redactor)?;
        Ok(list.data)
    }

    /// Binds the account behind a `provider_token` (`POST /auth/v1/user/provider/bind`).
    ///
    /// CloudBase does not document bind as idempotent, so it is retried only where the request
    /// cannot have arrived (429, a refused connection).
    pub async fn bind(&self, provider_token: &SecretString) -> Result<(), Error> {
        use unbind_runtime::ExposeSecret as _;
        validate::secret("provider_token", provider_token.expose_secret())?;
        let body = types::BindProviderRequest {
            provider_token: provider_token.expose_secret().to_owned(),
            with_user_center: self.with_user_center,
        };
        let caller = self.caller.with_secrets([provider_token]);
        let answer = caller
            .retrying("bind_provider", Repeat::OnlyIfUnsent, || {
                caller.once(|| self.api.bind_provider().body(body.clone()).send())
            })
            .await?;
        names_no_error(&answer, &caller.redactor)
    }

    /// Unbinds an identity source (`DELETE /auth/v1/user/provider/{provider_id}`);
    /// `provider_not_found` is [`UnbindOutcome::AlreadyUnbound`].
    pub async fn unbind(&self, provider_id: &str) -> Result<UnbindOutcome, Error> {
        validate::cloudbase_provider_id(provider_id)?;
        let outcome = self
            .caller
            .retrying("unbind_provider", Repeat::Safe, || {
                // The builder is made inside `once`, which holds the closure in each of its
                // layers: a closure of three references rather than the builder itself.
                self.caller.once(|| {
                    let mut call = self.api.unbind_provider().provider_id(provider_id);
                    if let Some(client_id) = &self.client_id {
                        call = call.client_id(client_id.clone());
                    }
                    if let Some(flag) = self.with_user_center {
                        call = call.with_user_center(flag);
                    }
                    call.send()
                })
            })
            .await
            .and_then(|answer| names_no_error(&answer, &self.caller.redactor));
        UnbindOutcome::from_result(outcome, is_not_bound)
    }
}

/// A 2xx `{}` whose body names an `error` is not success: `Empty` allows unknown fields, and the
/// official JS SDK (`@cloudbase/oauth`) reads any answer with such an `error` as a failure,
/// whatever its status (see `Empty` in specs/cloudbase.yaml).
fn names_no_error(answer: &types::Empty, redactor: &Redactor) -> Result<(), Error> {
    let body = || serde_json::to_string(&answer.0).unwrap_or_default();
    no_error_in(answer.get("error"), body, redactor)
}

/// A set `error` (anything but absent, `null`, `false`, `0` or `""`) is `UnexpectedResponse`,
/// naming the body (`body` writes it, only then), redacted and cut short.
fn no_error_in(
    error: Option<&serde_json::Value>,
    body: impl FnOnce() -> String,
    redactor: &Redactor,
) -> Result<(), Error> {
    use serde_json::Value;
    let named = match error {
        None | Some(Value::Null | Value::Bool(false)) => false,
        Some(Value::String(name)) => !name.is_empty(),
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(_) => true,
    };
    if !named {
        return Ok(());
    }
    let body = body();
    Err(Error::UnexpectedResponse {
        provider: Provider::CloudBase,
        // The generated client takes only the documented 200 as success.
        status: Some(200),
        detail: format!(
            "the answer names an error; body: {:?}",
            crate::error::snippet(&redactor.redact(&body))
        ),
    })
}
