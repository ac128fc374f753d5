//! The MantaGo fake: bots with a secret and API tokens, and their chat-platform clients.
//!
//! Every call is `POST` with `?botId=`, `Authorization: Bearer <token>` with a token issued
//! for that bot, and a body that carries the bot's current `secret`. `/openapi/token` is no
//! exception (`specs/manta.yaml` puts the bearer on every call, and none of our sources
//! documents a call without it): with the current token and secret, it issues a new token and
//! a new secret and retires the old pair (code 120000 from then on); without a valid bearer it
//! is refused with 1004 like any other call, and nothing rotates. How the first token is
//! issued is not documented: the seed supplies it. Bind sets a client's customer; unbind
//! clears it when the customer matches; list and get reflect the state.
//!
//! Errors are the documented `ErrorResponse` `{success: false, errResponse: {message, code,
//! botId}}`. The docs give codes but not the HTTP status of each; the fake answers:
//!
//! | code | meaning | status |
//! |---|---|---|
//! | 1004 | token missing, invalid or not this bot's (on every call, `/openapi/token` too) | 401 |
//! | 120000 | a retired token or secret, after a refresh | 401 |
//! | 1002 | wrong secret | 403 |
//! | 5001 | bot not found | 404 |
//! | 429 | over the seed's `rate_limit_per_second` (with `Retry-After` in seconds) | 429 |
//! | 60001 | bind failed: unknown client, or bound to another customer | 500 |
//! | 60002 | unbind failed: unknown client, or not bound to that customer | 500 |
//! | 37011 | get client failed: unknown client | 500 |
//! | 110000 | a missing or malformed request variable, a body over [`REQUEST_BODY_LIMIT`](crate::REQUEST_BODY_LIMIT) or one that cannot be read | 500 |
//! | 404, 405 | a path the fake does not serve, or a method its path does not take (the fake's own codes) | 404, 405 |

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

use crate::Clock;
use crate::request::bearer;
use crate::seed::MantaSeed;
use crate::state::{lock, new_token};

/// The fake's state behind its routes.
#[derive(Debug)]
struct Manta {
    clock: Arc<dyn Clock>,
    rate_limit: Option<u32>,
    bots: Mutex<Vec<Bot>>,
}

#[derive(Debug)]
struct Bot {
    id: String,
    secret: String,
    retired_secrets: HashSet<String>,
    tokens: HashSet<String>,
    retired_tokens: HashSet<String>,
    clients: Vec<Client>,
    /// Start (Unix ms) and count of the current one-second rate-limit window.
    window: (i64, u32),
}

#[derive(Debug)]
struct Client {
    id: String,
    name: String,
    platform: String,
    customer_id: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl Client {
    fn to_json(&self) -> Value {
        let mut client = json!({
            "clientId": self.id,
            "clientName": self.name,
            "platform": self.platform,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
        });
        if let Some(customer) = &self.customer_id {
            client["customerId"] = json!(customer);
        }
        client
    }
}

/// An error answer.
#[derive(Debug)]
struct Failure {
    status: StatusCode,
    code: i64,
    message: String,
    bot_id: Option<String>,
    retry_after: Option<i64>,
}

impl Failure {
    fn new(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Failure {
            status,
            code,
            message: message.into(),
            bot_id: None,
            retry_after: None,
        }
    }

    fn missing(what: &str) -> Self {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            110000,
            format!("missing request variables: {what}"),
        )
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut detail = json!({"message": self.message, "code": self.code});
        if let Some(bot_id) = self.bot_id {
            detail["botId"] = json!(bot_id);
        }
        let mut response = (
            self.status,
            axum::Json(json!({"success": false, "errResponse": detail})),
        )
            .into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The routes, below the `/manta` prefix.
pub(crate) fn router(
    seed: &MantaSeed,
    clock: Arc<dyn Clock>,
) -> (Router, crate::bindings::Reader<crate::MantaBinding>) {
    let now = clock.now_millis();
    // Each provider's state is made from its own seed's fields.
    let bots = seed
        .bots
        .iter()
        .map(|bot| Bot {
            id: bot.id.clone(),
            secret: bot.secret.clone(),
            retired_secrets: HashSet::new(),
            tokens: bot.tokens.iter().cloned().collect(),
            retired_tokens: HashSet::new(),
            clients: bot
                .clients
                .iter()
                .map(|c| Client {
                    id: c.client_id.clone(),
                    name: c.client_name.clone(),
                    platform: c.platform.clone(),
                    customer_id: c.customer_id.clone(),
                    created_at: c.created_at.unwrap_or(now),
                    updated_at: c.created_at.unwrap_or(now),
                })
                .collect(),
            window: (now, 0),
        })
        .collect();
    let state = Arc::new(Manta {
        clock,
        rate_limit: seed.rate_limit_per_second,
        bots: Mutex::new(bots),
    });
    let read = crate::bindings::reader(&state, |state| {
        lock(&state.bots)
            .iter()
            .flat_map(|bot| {
                bot.clients.iter().filter_map(|c| {
                    c.customer_id
                        .clone()
                        .map(|customer_id| crate::MantaBinding {
                            bot_id: bot.id.clone(),
                            client_id: c.id.clone(),
                            customer_id,
                        })
                })
            })
            .collect()
    });
    let routes = Router::new()
        .route("/openapi/token", post(token))
        .route("/openapi/bind/customer", post(set_customer_call::<true>))
        .route("/openapi/unbind/customer", post(set_customer_call::<false>))
        .route("/openapi/clients", post(list))
        .route("/openapi/client/{client_id}", post(get_client))
        .with_state(state);
    // The code is the HTTP status, the fake's own: MantaGo's docs name no code for either case.
    let names = crate::errors::Names {
        not_found: "404",
        method_not_allowed: "405",
    };
    let router = crate::errors::answered(
        routes,
        names,
        |status, _, message| {
            Failure::new(status, i64::from(status.as_u16()), message).into_response()
        },
        refused,
    );
    (router, read)
}

/// A request refused before a handler read it (a body over
/// [`REQUEST_BODY_LIMIT`](crate::REQUEST_BODY_LIMIT), or one that cannot be read): a malformed
/// request, `500` with code 110000 as for a body that is not JSON (the spec declares no 413).
pub(crate) fn refused(_: StatusCode, message: String) -> Response {
    Failure::new(StatusCode::INTERNAL_SERVER_ERROR, 110000, message).into_response()
}

type Params = Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>;

/// What every call shares: the query, the headers and the JSON body.
struct Call {
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Value,
}

impl Call {
    fn new(query: Params, headers: HeaderMap, body: &Bytes) -> Result<Call, Failure> {
        let Ok(Query(query)) = query else {
            return Err(Failure::missing("a malformed query string"));
        };
        let body: Value =
            serde_json::from_slice(body).map_err(|_| Failure::missing("the body is not JSON"))?;
        if !body.is_object() {
            return Err(Failure::missing("the body is not a JSON object"));
        }
        Ok(Call {
            query,
            headers,
            body,
        })
    }

    fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn field(&self, name: &str) -> Result<&str, Failure> {
        self.body
            .get(name)
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Failure::missing(name))
    }
}

impl Manta {
    /// Reads the call, then [`Manta::authorised`].
    fn serve(
        &self,
        query: Params,
        headers: HeaderMap,
        body: &Bytes,
        then: impl FnOnce(&Call, &mut Bot, i64) -> Result<Value, Failure>,
    ) -> Response {
        match Call::new(query, headers, body) {
            Ok(call) => self.authorised(&call, |bot, now| then(&call, bot, now)),
            Err(failure) => failure.into_response(),
        }
    }

    /// Finds the bot, applies the rate limit, and checks the bearer token and the secret; then
    /// runs `then` on the bot.
    fn authorised(
        &self,
        call: &Call,
        then: impl FnOnce(&mut Bot, i64) -> Result<Value, Failure>,
    ) -> Response {
        let bot_id = call.query("botId").unwrap_or_default().to_owned();
        let result = (|| {
            if bot_id.is_empty() {
                return Err(Failure::missing("botId"));
            }
            let now = self.clock.now_millis();
            let mut bots = lock(&self.bots);
            let bot = bots
                .iter_mut()
                .find(|b| b.id == bot_id)
                .ok_or_else(|| Failure::new(StatusCode::NOT_FOUND, 5001, "bot not found"))?;
            if let Some(limit) = self.rate_limit {
                let (start, count) = &mut bot.window;
                // Saturating: a clock set far back or forth (ManualClock) must not panic.
                if now.saturating_sub(*start) >= 1000 {
                    (*start, *count) = (now, 0);
                }
                *count = count.saturating_add(1);
                if *count > limit {
                    let mut failure =
                        Failure::new(StatusCode::TOO_MANY_REQUESTS, 429, "rate limit exceeded");
                    let left_ms = start.saturating_add(1000).saturating_sub(now);
                    failure.retry_after = Some((left_ms.saturating_add(999) / 1000).max(1));
                    return Err(failure);
                }
            }
            let token = bearer(&call.headers).unwrap_or_default();
            if bot.retired_tokens.contains(token) {
                return Err(Failure::new(
                    StatusCode::UNAUTHORIZED,
                    120000,
                    "old token used after a refresh",
                ));
            }
            if !bot.tokens.contains(token) {
                return Err(Failure::new(
                    StatusCode::UNAUTHORIZED,
                    1004,
                    "token invalid or expired",
                ));
            }
            let secret = call.field("secret")?;
            if bot.retired_secrets.contains(secret) {
                return Err(Failure::new(
                    StatusCode::UNAUTHORIZED,
                    120000,
                    "old secret used after a refresh",
                ));
            }
            if secret != bot.secret {
                return Err(Failure::new(
                    StatusCode::FORBIDDEN,
                    1002,
                    "permission denied",
                ));
            }
            then(bot, now)
        })();
        match result {
            Ok(body) => axum::Json(body).into_response(),
            Err(mut failure) => {
                failure.bot_id = Some(bot_id).filter(|id| !id.is_empty());
                failure.into_response()
            }
        }
    }
}

fn success(extra: Value) -> Value {
    let mut body = json!({"success": true, "message": "success"});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    body
}

// Each handler's signature is the extractor list axum needs; what the handlers share (the query,
// the headers, the JSON body, the bot's checks) is in `Manta::serve`.
async fn token(
    State(manta): State<Arc<Manta>>,
    query: Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    manta.serve(query, headers, &body, |_, bot, _| {
        let token = new_token("manta-token-");
        let secret = new_token("manta-secret-");
        bot.retired_tokens.extend(bot.tokens.drain());
        bot.tokens.insert(token.clone());
        let old = std::mem::replace(&mut bot.secret, secret.clone());
        bot.retired_secrets.insert(old);
        Ok(success(json!({"apiToken": token, "apiSecret": secret})))
    })
}

/// `POST /openapi/bind/customer` (`BIND`) and `/openapi/unbind/customer`: one handler, as the
/// two calls differ only in what [`set_customer`] does.
async fn set_customer_call<const BIND: bool>(
    State(manta): State<Arc<Manta>>,
    query: Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    manta.serve(query, headers, &body, |call, bot, now| {
        set_customer(call, bot, now, BIND)
    })
}

/// Bind: the client takes the customer, unless another is bound (60001). Unbind: the client
/// drops the customer, who must be the one bound (60002).
fn set_customer(call: &Call, bot: &mut Bot, now: i64, bind: bool) -> Result<Value, Failure> {
    let client_id = call.field("clientId")?;
    let customer_id = call.field("customerId")?;
    let failed = |why: &str| {
        let (code, what) = if bind {
            (60001, "bind")
        } else {
            (60002, "unbind")
        };
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            code,
            format!("{what} customer failed: {why}"),
        )
    };
    let client = bot
        .clients
        .iter_mut()
        .find(|c| c.id == client_id)
        .ok_or_else(|| failed("client not found"))?;
    let bound = client.customer_id.as_deref();
    client.customer_id = match (bind, bound) {
        (true, Some(other)) if other != customer_id => {
            return Err(failed("the client is bound to another customer"));
        }
        (true, _) => Some(customer_id.to_owned()),
        (false, Some(this)) if this == customer_id => None,
        (false, _) => return Err(failed("the customer is not bound to this client")),
    };
    client.updated_at = now;
    Ok(success(json!({})))
}

async fn list(
    State(manta): State<Arc<Manta>>,
    query: Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    manta.serve(query, headers, &body, |call, bot, _| {
        let number = |name: &str| -> Result<Option<i64>, Failure> {
            call.query(name)
                .map(|v| v.parse::<i64>().map_err(|_| Failure::missing(name)))
                .transpose()
        };
        let limit = number("limit")?.unwrap_or(10);
        if !(1..=100).contains(&limit) {
            return Err(Failure::missing("limit (1 to 100)"));
        }
        let offset = match call.query("next") {
            Some(next) => next.parse::<i64>().map_err(|_| Failure::missing("next"))?,
            None => number("offset")?.unwrap_or(0),
        };
        if offset < 0 {
            return Err(Failure::missing("offset (0 or more)"));
        }
        let (start, end) = (number("startAt")?, number("endAt")?);
        let matching: Vec<&Client> = bot
            .clients
            .iter()
            .filter(|c| {
                call.query("customerId")
                    .is_none_or(|id| c.customer_id.as_deref() == Some(id))
                    && call.query("platform").is_none_or(|p| c.platform == p)
                    && call.query("name").is_none_or(|n| c.name == n)
                    && start.is_none_or(|s| c.created_at >= s)
                    && end.is_none_or(|e| c.created_at <= e)
            })
            .collect();
        // Both are in 0..=i64::MAX here, and a page is at most 100 long.
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        let limit = usize::try_from(limit).unwrap_or(100);
        let page: Vec<Value> = matching
            .iter()
            .skip(offset)
            .take(limit)
            .map(|c| c.to_json())
            .collect();
        let next =
            (offset.saturating_add(limit) < matching.len()).then(|| (offset + limit).to_string());
        Ok(success(json!({"clientList": {"list": page, "next": next}})))
    })
}

async fn get_client(
    State(manta): State<Arc<Manta>>,
    Path(client_id): Path<String>,
    query: Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    manta.serve(query, headers, &body, |call, bot, _| {
        let client = bot
            .clients
            .iter()
            .find(|c| c.id == client_id && call.query("platform").is_none_or(|p| c.platform == p))
            .ok_or_else(|| {
                Failure::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    37011,
                    "get client failed: client not found",
                )
            })?;
        Ok(success(json!({"client": client.to_json()})))
    })
}
