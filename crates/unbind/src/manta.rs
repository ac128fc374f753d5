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

    /// Exchanges the secret for an API token (`POST /openapi/token`) and returns a client that
    /// uses it. MantaGo also rotates the secret: the returned client holds the new one.
    pub async fn login(base_url: &str, bot_id: &str, secret: SecretString) -> Result<Self, Error> {
        let bare = Self::with_http(base_url, bot_id, Credentials::new(secret), http_client()?)?;
        let body = types::SecretRequest {
            secret: bare.secret().to_owned(),
        };
        let issued = status::capture(
            bare.api.get_api_token().bot_id(bot_id).body(body).send(),
            &bare.redactor,
        )
        .await?;
        let credentials = Credentials::new(SecretString::from(issued.api_secret))
            .with_token(SecretString::from(issued.api_token));
        Self::with_http(base_url, bot_id, credentials, bare.api.client().clone())
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
