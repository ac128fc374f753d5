//! The CloudBase fake: an environment's identity sources, users known by their access tokens,
//! and each user's bindings.
//!
//! The Bearer access token picks the user. `GET /auth/v1/user/provider` lists every identity
//! source of the environment with `bind` telling whether it is bound to that user. Unbind
//! removes a binding; bind adds the one a provider token stands for (and uses the token up).
//! `POST /auth/v1/provider/token` issues a provider token for an identity source from a
//! `provider_code`, `provider_access_token` or `provider_id_token` (the fake accepts any);
//! `GET /auth/v1/provider/uri` answers an authorisation URL. Those two need `x-device-id` and
//! no access token, as documented.
//!
//! Errors are the documented `{error, error_code, error_description}`:
//!
//! | error | error_code | status | when |
//! |---|---|---|---|
//! | `unauthorized` | 4003 | 401 | no access token, or one the fake did not issue |
//! | `provider_not_found` | 4004 | 404 | unbind of a source not bound to the user; an unknown source |
//! | `invalid_grant` | 4001 | 400 | bind with an unknown or used provider token |
//! | `invalid_argument` | 4000 | 400 | a missing `x-device-id`, a missing or malformed field (the fake's own name and code) |
//! | `invalid_argument` | 4000 | 413, 400 | a body over [`REQUEST_BODY_LIMIT`](crate::REQUEST_BODY_LIMIT), or any other request refused before a handler reads it |
//! | `not_found`, `method_not_allowed` | (none) | 404, 405 | a path the fake does not serve, or a method its path does not take (the fake's own names) |
//!
//! The docs give no HTTP statuses, only the `4XX` range: the statuses are the fake's choice.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use serde_json::{Value, json};

use crate::Clock;
use crate::request::{bearer, header};
use crate::seed::{CloudBaseProvider, CloudBaseSeed};
use crate::state::{lock, new_token};

/// Validity the fake states for a provider token, in seconds.
const PROVIDER_TOKEN_SECONDS: i64 = 600;

#[derive(Debug)]
struct CloudBase {
    providers: Vec<CloudBaseProvider>,
    accounts: Mutex<Accounts>,
}

#[derive(Debug)]
struct Accounts {
    users: Vec<User>,
    /// Provider tokens not yet used: (token, provider id, user name there).
    provider_tokens: Vec<(String, String, Option<String>)>,
}

#[derive(Debug)]
struct User {
    access_tokens: Vec<String>,
    /// (provider id, user name there).
    bound: Vec<(String, Option<String>)>,
}

/// An error answer.
#[derive(Debug)]
struct Failure {
    status: StatusCode,
    error: &'static str,
    code: i64,
    description: String,
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (
            self.status,
            axum::Json(json!({
                "error": self.error,
                "error_code": self.code,
                "error_description": self.description,
            })),
        )
            .into_response()
    }
}

fn unauthorized() -> Failure {
    Failure {
        status: StatusCode::UNAUTHORIZED,
        error: "unauthorized",
        code: 4003,
        description: "User not logged in or access_token invalid".to_owned(),
    }
}

fn not_found() -> Failure {
    Failure {
        status: StatusCode::NOT_FOUND,
        error: "provider_not_found",
        code: 4004,
        description: "Specified identity source does not exist".to_owned(),
    }
}

fn invalid(description: impl Into<String>) -> Failure {
    Failure {
        status: StatusCode::BAD_REQUEST,
        error: "invalid_argument",
        code: 4000,
        description: description.into(),
    }
}

/// The routes, below the `/cloudbase` prefix.
pub(crate) fn router(
    seed: &CloudBaseSeed,
    _clock: Arc<dyn Clock>,
) -> (Router, crate::bindings::Reader<crate::CloudBaseBound>) {
    let users = seed
        .users
        .iter()
        .map(|u| User {
            access_tokens: u.access_tokens.clone(),
            bound: u
                .bound
                .iter()
                .map(|b| (b.provider_id.clone(), b.provider_user_name.clone()))
                .collect(),
        })
        .collect();
    let provider_tokens = seed
        .provider_tokens
        .iter()
        .map(|t| {
            (
                t.provider_token.clone(),
                t.provider_id.clone(),
                t.provider_user_name.clone(),
            )
        })
        .collect();
    let state = Arc::new(CloudBase {
        providers: seed.providers.clone(),
        accounts: Mutex::new(Accounts {
            users,
            provider_tokens,
        }),
    });
    let read = crate::bindings::reader(&state, |state| {
        lock(&state.accounts)
            .users
            .iter()
            .enumerate()
            .flat_map(|(user, u)| {
                u.bound.iter().map(move |(id, name)| crate::CloudBaseBound {
                    user,
                    provider_id: id.clone(),
                    provider_user_name: name.clone(),
                })
            })
            .collect()
    });
    let routes = Router::new()
        .route("/auth/v1/user/provider", get(list))
        .route("/auth/v1/user/provider/{provider_id}", delete(unbind))
        .route("/auth/v1/user/provider/bind", post(bind))
        .route("/auth/v1/provider/token", post(provider_token))
        .route("/auth/v1/provider/uri", get(provider_uri))
        .with_state(state);
    // The fake's own names, with no `error_code`: the docs name none for either case.
    let names = crate::errors::Names {
        not_found: "not_found",
        method_not_allowed: "method_not_allowed",
    };
    let router = crate::errors::answered(
        routes,
        names,
        |status, error, description| {
            let body = json!({"error": error, "error_description": description});
            (status, axum::Json(body)).into_response()
        },
        refused,
    );
    (router, read)
}

/// A request refused before a handler read it (a body over
/// [`REQUEST_BODY_LIMIT`](crate::REQUEST_BODY_LIMIT): 413; one that cannot be read: 400):
/// `invalid_argument` (4000) with that status, within the spec's `4XX`.
pub(crate) fn refused(status: StatusCode, message: String) -> Response {
    let status = if status.is_client_error() {
        status
    } else {
        StatusCode::BAD_REQUEST
    };
    Failure {
        status,
        ..invalid(message)
    }
    .into_response()
}

fn answer(result: Result<Value, Failure>) -> Response {
    match result {
        Ok(body) => axum::Json(body).into_response(),
        Err(failure) => failure.into_response(),
    }
}

/// The index of the user the request's access token belongs to.
fn user_index(headers: &HeaderMap, accounts: &Accounts) -> Result<usize, Failure> {
    let token = bearer(headers).ok_or_else(unauthorized)?;
    accounts
        .users
        .iter()
        .position(|u| u.access_tokens.iter().any(|t| t == token))
        .ok_or_else(unauthorized)
}

/// The user the request's access token belongs to.
fn user<'a>(headers: &HeaderMap, accounts: &'a mut Accounts) -> Result<&'a mut User, Failure> {
    let index = user_index(headers, accounts)?;
    Ok(&mut accounts.users[index])
}

fn device_id(headers: &HeaderMap) -> Result<(), Failure> {
    header(headers, "x-device-id")
        .map(|_| ())
        .ok_or_else(|| invalid("header x-device-id is required"))
}

fn json_body(bytes: &Bytes) -> Result<Value, Failure> {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .filter(Value::is_object)
        .ok_or_else(|| invalid("the body is not a JSON object"))
}

fn string_field(body: &Value, name: &str) -> Option<String> {
    body.get(name)
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

async fn list(State(fake): State<Arc<CloudBase>>, headers: HeaderMap) -> Response {
    answer((|| {
        let mut accounts = lock(&fake.accounts);
        let user = user(&headers, &mut accounts)?;
        let data: Vec<Value> = fake
            .providers
            .iter()
            .map(|p| {
                let bound = user.bound.iter().find(|(id, _)| *id == p.id);
                let mut entry = json!({"id": p.id, "name": p.name, "bind": bound.is_some()});
                if let Some((_, Some(name))) = bound {
                    entry["provider_user_name"] = json!(name);
                }
                entry
            })
            .collect();
        Ok(json!({"total": data.len(), "data": data}))
    })())
}

async fn unbind(
    State(fake): State<Arc<CloudBase>>,
    Path(provider_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    answer((|| {
        let mut accounts = lock(&fake.accounts);
        let user = user(&headers, &mut accounts)?;
        let position = user
            .bound
            .iter()
            .position(|(id, _)| *id == provider_id)
            .ok_or_else(not_found)?;
        user.bound.remove(position);
        Ok(json!({}))
    })())
}

async fn bind(State(fake): State<Arc<CloudBase>>, headers: HeaderMap, body: Bytes) -> Response {
    answer((|| {
        // The bearer token first, as for every call that needs one: a 401 whatever the body.
        let mut accounts = lock(&fake.accounts);
        let user = user_index(&headers, &accounts)?;
        let body = json_body(&body)?;
        let token = string_field(&body, "provider_token")
            .ok_or_else(|| invalid("provider_token is required"))?;
        let index = accounts
            .provider_tokens
            .iter()
            .position(|(t, _, _)| *t == token)
            .ok_or_else(|| Failure {
                status: StatusCode::BAD_REQUEST,
                error: "invalid_grant",
                code: 4001,
                description: "provider_token invalid or already used".to_owned(),
            })?;
        let (_, provider_id, name) = accounts.provider_tokens.remove(index);
        let user = &mut accounts.users[user];
        user.bound.retain(|(id, _)| *id != provider_id);
        user.bound.push((provider_id, name));
        Ok(json!({}))
    })())
}

async fn provider_token(
    State(fake): State<Arc<CloudBase>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    answer((|| {
        device_id(&headers)?;
        let body = json_body(&body)?;
        let provider_id =
            string_field(&body, "provider_id").ok_or_else(|| invalid("provider_id is required"))?;
        if !fake.providers.iter().any(|p| p.id == provider_id) {
            return Err(not_found());
        }
        let grant = [
            "provider_code",
            "provider_access_token",
            "provider_id_token",
        ]
        .iter()
        .any(|name| string_field(&body, name).is_some());
        if !grant {
            return Err(invalid(
                "one of provider_code, provider_access_token or provider_id_token is required",
            ));
        }
        let token = new_token("pt-");
        let name = format!("user-at-{provider_id}");
        lock(&fake.accounts).provider_tokens.push((
            token.clone(),
            provider_id.clone(),
            Some(name.clone()),
        ));
        Ok(json!({
            "provider_token": token,
            "expires_in": PROVIDER_TOKEN_SECONDS,
            "provider_profile": {"provider_id": provider_id, "name": name},
        }))
    })())
}

async fn provider_uri(
    State(fake): State<Arc<CloudBase>>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    answer((|| {
        device_id(&headers)?;
        let Query(query) = query.map_err(|_| invalid("the query string is malformed"))?;
        let get = |name: &str| {
            query
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let provider_id = get("provider_id")
            .filter(|v| !v.is_empty())
            .ok_or_else(|| invalid("provider_id is required"))?;
        if !fake.providers.iter().any(|p| p.id == provider_id) {
            return Err(not_found());
        }
        // The fake's authorisation server does not exist: `.invalid` is reserved (RFC 2606).
        // The response type asked for (the code flow by default), then what else was given.
        let response_type = get("response_type").filter(|v| !v.is_empty());
        let pairs = std::iter::once(("response_type", response_type.unwrap_or("code"))).chain(
            ["redirect_uri", "state", "scope", "client_id"]
                .into_iter()
                .filter_map(|name| get(name).map(|value| (name, value))),
        );
        let uri = url::Url::parse_with_params(
            &format!("https://authorize.fake.invalid/{provider_id}"),
            pairs,
        )
        .map_err(|e| invalid(format!("provider_id cannot be part of a URL: {e}")))?;
        Ok(json!({"uri": uri.as_str()}))
    })())
}
