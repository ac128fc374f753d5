//! MantaGo OpenAPI: customers bound to chat-platform clients.

use manta_client::ClientInfo as _;
use manta_client::types;
use unbind_auth::manta::Credentials;
use unbind_auth::{ExposeSecret as _, SecretString};

use crate::error::Redactor;
use crate::{Error, http_client, status, validate};

/// The documented host.
pub const BASE_URL: &str = "https://mantago.cc/api";

/// A MantaGo client for one bot.
#[derive(Clone, Debug)]
pub struct MantaClient {
    api: manta_client::Client,
    redactor: Redactor,
    bot_id: String,
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
        Self::with_http(
            base_url,
            bot_id,
            Credentials::new(secret).with_token(token),
            http_client()?,
        )
    }

    /// A client from credentials and your own HTTP client.
    pub fn with_http(
        base_url: &str,
        bot_id: &str,
        credentials: Credentials,
        http: reqwest::Client,
    ) -> Result<Self, Error> {
        validate::id("botId", bot_id)?;
        validate::id("secret", credentials.secret().expose_secret())?;
        if let Some(token) = credentials.token() {
            unbind_auth::header::bearer(token)?;
        }
        let redactor = Redactor::new(
            credentials
                .token()
                .into_iter()
                .chain([credentials.secret()]),
        );
        Ok(Self {
            api: manta_client::Client::new_with_client(&crate::base(base_url)?, http, credentials),
            redactor,
            bot_id: bot_id.to_owned(),
        })
    }

    /// Asks for an API token with the secret alone (`POST /openapi/token`) and returns a client
    /// that uses it. MantaGo also rotates the secret: the returned client holds the new one.
    ///
    /// PROVIDERS.md says every MantaGo call carries a bearer token; where `/openapi/token` needs
    /// one too, build the client with the token you hold and call [`MantaClient::refresh`].
    pub async fn login(base_url: &str, bot_id: &str, secret: SecretString) -> Result<Self, Error> {
        Self::with_http(base_url, bot_id, Credentials::new(secret), http_client()?)?
            .refresh()
            .await
    }

    /// Exchanges the current credentials for a new API token and secret (`POST /openapi/token`,
    /// with the bearer token if one is held) and returns a client that uses them. The old token
    /// and secret are refused from then on (code 120000): keep [`MantaClient::credentials`].
    pub async fn refresh(&self) -> Result<Self, Error> {
        let body = types::SecretRequest {
            secret: self.secret().to_owned(),
        };
        let issued = status::capture(
            self.api
                .get_api_token()
                .bot_id(self.bot_id.clone())
                .body(body)
                .send(),
            &self.redactor,
        )
        .await?;
        let credentials = Credentials::new(SecretString::from(issued.api_secret))
            .with_token(SecretString::from(issued.api_token));
        Self::with_http(
            self.api.baseurl(),
            &self.bot_id,
            credentials,
            self.api.client().clone(),
        )
    }

    /// The credentials in use: after [`MantaClient::login`], the new token and rotated secret
    /// (keep them: MantaGo rejects the old secret from now on).
    pub fn credentials(&self) -> &Credentials {
        self.api.inner()
    }

    /// The generated client underneath, for calls this facade does not wrap.
    pub fn api(&self) -> &manta_client::Client {
        &self.api
    }

    fn secret(&self) -> &str {
        self.api.inner().secret().expose_secret()
    }

    fn customer_body(
        &self,
        client_id: &str,
        customer_id: &str,
    ) -> Result<types::CustomerBindRequest, Error> {
        validate::id("clientId", client_id)?;
        validate::id("customerId", customer_id)?;
        Ok(types::CustomerBindRequest {
            secret: self.secret().to_owned(),
            client_id: client_id.to_owned(),
            customer_id: customer_id.to_owned(),
        })
    }

    /// Lists the bot's chat-platform clients, one page (`POST /openapi/clients`).
    pub async fn list(&self, query: &ListQuery) -> Result<types::ClientList, Error> {
        let mut call =
            self.api
                .list_clients()
                .bot_id(self.bot_id.clone())
                .body(types::SecretRequest {
                    secret: self.secret().to_owned(),
                });
        if let Some(customer_id) = &query.customer_id {
            validate::id("customerId", customer_id)?;
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
        if let Some(limit) = query.limit {
            let limit = std::num::NonZeroU64::new(limit)
                .filter(|l| l.get() <= 100)
                .ok_or_else(|| Error::invalid("limit", "must be from 1 to 100"))?;
            call = call.limit(limit);
        }
        if let Some(offset) = query.offset {
            call = call.offset(offset);
        }
        if let Some(next) = &query.next {
            call = call.next(next.clone());
        }
        let page = status::capture(call.send(), &self.redactor).await?;
        Ok(page.client_list.unwrap_or_default())
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
        let mut call = self
            .api
            .get_client()
            .bot_id(self.bot_id.clone())
            .client_id(client_id)
            .body(types::SecretRequest {
                secret: self.secret().to_owned(),
            });
        if let Some(id) = platform_client_id {
            validate::id("platformClientId", id)?;
            call = call.platform_client_id(id);
        }
        if let Some(platform) = platform {
            call = call.platform(platform);
        }
        Ok(status::capture(call.send(), &self.redactor).await?.client)
    }

    /// Binds a customer to a chat-platform client (`POST /openapi/bind/customer`).
    pub async fn bind(&self, client_id: &str, customer_id: &str) -> Result<(), Error> {
        let body = self.customer_body(client_id, customer_id)?;
        status::capture(
            self.api
                .bind_customer()
                .bot_id(self.bot_id.clone())
                .body(body)
                .send(),
            &self.redactor,
        )
        .await?;
        Ok(())
    }

    /// Unbinds a customer from a chat-platform client (`POST /openapi/unbind/customer`).
    pub async fn unbind(&self, client_id: &str, customer_id: &str) -> Result<(), Error> {
        let body = self.customer_body(client_id, customer_id)?;
        status::capture(
            self.api
                .unbind_customer()
                .bot_id(self.bot_id.clone())
                .body(body)
                .send(),
            &self.redactor,
        )
        .await?;
        Ok(())
    }
}
