//! MantaGo OpenAPI: customers bound to chat-platform clients.

use manta_client::ClientInfo as _;
use manta_client::types;
use unbind_runtime::manta::Credentials;
use unbind_runtime::{ExposeSecret as _, SecretString};

use crate::call::{CallSettings, Caller, Repeat};
use crate::error::Redactor;
use crate::{Error, Provider, UnbindOutcome, validate};

/// The documented host.
pub const BASE_URL: &str = "https://mantago.cc/api";

/// Settings of a [`MantaClient`] beyond the base URL, bot and credentials.
#[derive(Clone, Debug)]
pub struct MantaSettings {
    /// Retries, timeouts and the answer size limit.
    pub call: CallSettings,
    /// `errResponse.code`s that mean the customer was not bound to the client, so an unbind
    /// has nothing left to do ([`UnbindOutcome::AlreadyUnbound`]). Default: `60002`
    /// ("unbind customer failed"), the one unbind code MantaGo documents; empty the list to
    /// treat it as an error. Never read so under 401, 403, 429 or 502 to 504, which say the
    /// request was not acted on.
    pub already_unbound_codes: Vec<i64>,
}

impl Default for MantaSettings {
    fn default() -> Self {
        Self {
            call: CallSettings::default(),
            already_unbound_codes: vec![60002],
        }
    }
}

/// A MantaGo client for one bot.
#[derive(Clone, Debug)]
pub struct MantaClient {
    api: manta_client::Client,
    caller: Caller,
    bot_id: String,
    settings: MantaSettings,
}

/// One page of [`MantaClient::list`].
#[derive(Clone, Debug, Default)]
pub struct ListQuery {
    /// Only clients bound to this customer.
    pub customer_id: Option<String>,
    /// Only clients of this chat platform.
    pub platform: Option<String>,
    /// Only clients with this name.
    pub name: Option<String>,
    /// Only clients created from this time on (13-digit Unix milliseconds).
    pub start_at: Option<i64>,
    /// Only clients created up to this time (13-digit Unix milliseconds).
    pub end_at: Option<i64>,
    /// Page size, 1 to 100 (the provider's default: 10).
    pub limit: Option<u64>,
    /// Clients to skip (default 0).
    pub offset: Option<u64>,
    /// The `next` cursor of the previous page.
    pub next: Option<String>,
}

impl MantaClient {
    /// A client for `bot_id` with the API secret and an API token (JWT) you already hold.
    pub fn new(
        base_url: &str,
        bot_id: &str,
        secret: SecretString,
        token: SecretString,
    ) -> Result<Self, Error> {
        Self::with_settings(
            base_url,
            bot_id,
            Credentials::new(secret).with_token(token),
            MantaSettings::default(),
        )
    }

    /// A client from credentials and settings; checks every input before anything is sent.
    ///
    /// The credentials must hold a token: MantaGo takes `Authorization: Bearer` on every
    /// call, `/openapi/token` included, and documents no call that issues a first token (the
    /// operator supplies it).
    pub fn with_settings(
        base_url: &str,
        bot_id: &str,
        credentials: Credentials,
        settings: MantaSettings,
    ) -> Result<Self, Error> {
        validate::id("botId", bot_id)?;
        validate::secret("secret", credentials.secret().expose_secret())?;
        let token = credentials.token().ok_or_else(|| {
            Error::invalid(
                "token",
                "is required: MantaGo takes a bearer token on every call, /openapi/token included",
            )
        })?;
        unbind_runtime::header::bearer(token)?;
        let redactor = Redactor::new([token, credentials.secret()]);
        let http = settings.call.http_client()?;
        let base = crate::validate::base(base_url)?;
        Ok(Self {
            caller: Caller::new(Provider::Manta, &base, redactor, &settings.call),
            api: manta_client::Client::new_with_client(&base, http, credentials),
            bot_id: bot_id.to_owned(),
            settings,
        })
    }

    // Each call builds its own generated builder (distinct types with the same method names, no
    // shared trait), so the retry-and-send shape repeats per operation.
    /// Exchanges the current token and secret for a new pair (`POST /openapi/token`, with the
    /// bearer token and the secret) and returns the new pair as MantaGo sent it, before any
    /// local check: MantaGo refuses the old pair from now on (code 120000), so keep the new
    /// one first (the CLI writes it to `--save-credentials`), then build a client with
    /// [`MantaClient::with_settings`], which checks it.
    ///
    /// Not retried except where the request cannot have arrived: a repeat would rotate twice.
    pub async fn rotate(&self) -> Result<Credentials, Error> {
        let caller = self.caller.clone().issuing();
        let issued = caller
            .retrying("get_api_token", Repeat::OnlyIfUnsent, || {
                caller.once(|| {
                    self.api
                        .get_api_token()
                        .bot_id(self.bot_id.clone())
                        .body(self.secret_body())
                        .send()
                })
            })
            .await?;
        succeeded(issued.success)?;
        Ok(Credentials::new(SecretString::from(issued.api_secret))
            .with_token(SecretString::from(issued.api_token)))
    }

    /// [`MantaClient::rotate`], then a client that uses the new pair (with the same settings
    /// and HTTP client). Keep [`MantaClient::credentials`] of the client returned: the old
    /// pair is refused from now on.
    pub async fn refresh(&self) -> Result<Self, Error> {
        let credentials = self.rotate().await?;
        let mut settings = self.settings.clone();
        settings.call.http = Some(self.api.client().clone());
        Self::with_settings(self.api.baseurl(), &self.bot_id, credentials, settings)
    }

    /// The credentials in use: after [`MantaClient::refresh`], the new token and rotated
    /// secret (keep them: MantaGo rejects the old pair from now on).
    pub fn credentials(&self) -> &Credentials {
        self.api.inner()
    }

    /// The bot this client acts for (`botId` on every call).
    pub fn bot_id(&self) -> &str {
        &self.bot_id
    }

    /// The generated client underneath, for calls this facade does not wrap.
    pub fn api(&self) -> &manta_client::Client {
        &self.api
    }

    fn secret(&self) -> &str {
        self.api.inner().secret().expose_secret()
    }

    fn secret_body(&self) -> types::SecretRequest {
        types::SecretRequest {
            secret: self.secret().to_owned(),
        }
    }

    /// The body of bind and unbind, made for each attempt from the ids (checked beforehand
    /// with `validate::manta_customer`) rather than made once and cloned for each.
    fn customer_body(&self, client_id: &str, customer_id: &str) -> types::CustomerBindRequest {
        types::CustomerBindRequest {
            secret: self.secret().to_owned(),
            client_id: client_id.to_owned(),
            customer_id: customer_id.to_owned(),
        }
    }

    /// Lists the bot's chat-platform clients, one page (`POST /openapi/clients`).
    pub async fn list(&self, query: &ListQuery) -> Result<types::ClientList, Error> {
        for (field, value) in [("customerId", &query.customer_id), ("next", &query.next)] {
            if let Some(value) = value {
                validate::id(field, value)?;
            }
        }
        let limit = match query.limit {
            Some(limit) => Some(
                std::num::NonZeroU64::new(limit)
                    .filter(|l| l.get() <= 100)
                    .ok_or_else(|| Error::invalid("limit", "must be from 1 to 100"))?,
            ),
            None => None,
        };
        let page = self
            .caller
            .retrying("list_clients", Repeat::Safe, || {
                let mut call = self
                    .api
                    .list_clients()
                    .bot_id(self.bot_id.clone())
                    .body(self.secret_body());
                if let Some(customer_id) = &query.customer_id {
                    call = call.customer_id(customer_id.clone());
                }
                if let Some(platform) = &query.platform {
                    call = call.platform(platform.clone());
                }
                if let Some(name) = &query.name {
                    call = call.name(name.clone());
                }
                if let Some(start_at) = query.start_at {
                    call = call.start_at(start_at);
                }
                if let Some(end_at) = query.end_at {
                    call = call.end_at(end_at);
                }
                if let Some(limit) = limit {
                    call = call.limit(limit);
                }
                if let Some(offset) = query.offset {
                    call = call.offset(offset);
                }
                if let Some(next) = &query.next {
                    call = call.next(next.clone());
                }
                self.caller.once(|| call.send())
            })
            .await?;
        succeeded(page.success)?;
        Ok(page.client_list)
    }

    /// Gets one chat-platform client (`POST /openapi/client/{clientId}`), optionally narrowed
    /// by its id on the platform and the platform's name.
    pub async fn get_client(
        &self,
        client_id: &str,
        platform_client_id: Option<&str>,
        platform: Option<&str>,
    ) -> Result<types::Client, Error> {
        validate::path_segment("clientId", client_id)?;
        if let Some(id) = platform_client_id {
            validate::id("platformClientId", id)?;
        }
        let found = self
            .caller
            .retrying("get_client", Repeat::Safe, || {
                let mut call = self
                    .api
                    .get_client()
                    .bot_id(self.bot_id.clone())
                    .client_id(client_id)
                    .body(self.secret_body());
                if let Some(id) = platform_client_id {
                    call = call.platform_client_id(id);
                }
                if let Some(platform) = platform {
                    call = call.platform(platform);
                }
                self.caller.once(|| call.send())
            })
            .await?;
        succeeded(found.success)?;
        Ok(found.client)
    }

    /// Binds a customer to a chat-platform client (`POST /openapi/bind/customer`).
    ///
    /// MantaGo does not document bind as idempotent, so it is retried only where the request
    /// cannot have arrived (429, a refused connection).
    pub async fn bind(&self, client_id: &str, customer_id: &str) -> Result<(), Error> {
        validate::manta_customer(client_id, customer_id)?;
        let answer = self
            .caller
            .retrying("bind_customer", Repeat::OnlyIfUnsent, || {
                self.caller.once(|| {
                    self.api
                        .bind_customer()
                        .bot_id(self.bot_id.clone())
                        .body(self.customer_body(client_id, customer_id))
                        .send()
                })
            })
            .await?;
        succeeded(answer.success)
    }

    /// Unbinds a customer from a chat-platform client (`POST /openapi/unbind/customer`).
    /// An error whose code is in [`MantaSettings::already_unbound_codes`] is
    /// [`UnbindOutcome::AlreadyUnbound`].
    pub async fn unbind(&self, client_id: &str, customer_id: &str) -> Result<UnbindOutcome, Error> {
        validate::manta_customer(client_id, customer_id)?;
        // The closures below capture this one array by reference instead of each id: the call's
        // future stays under 2112 bytes (2056), glibc's threshold for copying it with
        // `rep movsb` when `block_on` moves it (see BENCHMARKS.md).
        let ids = [client_id, customer_id];
        let outcome = self
            .caller
            .retrying("unbind_customer", Repeat::Safe, || {
                self.caller.once(|| {
                    self.api
                        .unbind_customer()
                        .bot_id(self.bot_id.clone())
                        .body(self.customer_body(ids[0], ids[1]))
                        .send()
                })
            })
            .await
            .and_then(|answer| succeeded(answer.success));
        UnbindOutcome::from_result(outcome, |e| {
            // (`from_result` already leaves out the statuses that say it was not acted on.)
            e.code
                .as_deref()
                .and_then(|c| c.parse::<i64>().ok())
                .is_some_and(|c| self.settings.already_unbound_codes.contains(&c))
        })
    }
}

/// A MantaGo 200 says `"success": true`; one that says false is not success, whatever else
/// it holds (see `BasicSuccessResponse` in specs/manta.yaml).
fn succeeded(success: bool) -> Result<(), Error> {
    if success {
        Ok(())
    } else {
        Err(Error::UnexpectedResponse {
            provider: Provider::Manta,
            status: Some(200),
            detail: "the answer says \"success\": false".to_owned(),
        })
    }
}
