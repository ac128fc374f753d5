//! The OneAccess fake: users with sessions and bound social accounts, and the application's
//! RSA key pair.
//!
//! `server-date` answers the fake's clock in milliseconds (as a string) and `public-key` the
//! public half of its key pair (bare Base64 DER SubjectPublicKeyInfo). `login` issues a
//! session token for a user name and password. The signed calls (list, unbind) decrypt
//! `X-signature` with the private key, under OAEP-SHA-256 with MGF1-SHA-256 or, failing that,
//! MGF1-SHA-1 (the docs leave the MGF1 hash open), and check that the plaintext is
//! `session_token=…&timestamp=…&nonce=…` with a known session, a timestamp within the
//! seed's window of the server's time (read as milliseconds from 10^11 up, else as seconds;
//! any 64-bit value is answered, none can overflow), and a non-empty nonce. Each `X-signature`
//! value is accepted once: the same value again is a replay and refused
//! (`FAKE.SIGNATURE_REPLAYED`). The nonce alone is not checked for reuse: the facade's default
//! nonce is the timestamp in hex, which two honest calls in the same millisecond share, while
//! their OAEP ciphertexts still differ. An accepted signature is remembered only until its
//! timestamp leaves the window, so the memory this takes is bounded by one window of calls.
//! `social/bind` adds the social login waiting under `X-state-token`
//! to the user with that mobile number; `social/register-bind` makes a new user for it. Both
//! check the verification code and answer with a new session. Every call checks the four
//! required device headers.
//!
//! Failures are `400 {error_code, error_msg}` as documented. OneAccess's error-code page is
//! not among this project's sources, so the codes are the fake's own and say so (`FAKE.…`);
//! the messages use the words the facade's defaults look for: "signature" or "timestamp" when
//! a signature is refused, "does not exist" for an unknown social account id. A path the fake
//! does not serve, or a method its path does not take, is `404 FAKE.NOT_FOUND` or
//! `405 FAKE.METHOD_NOT_ALLOWED` in the same body; a body over
//! [`REQUEST_BODY_LIMIT`](crate::REQUEST_BODY_LIMIT) is `400 FAKE.BODY_TOO_LARGE`, and any
//! other request refused before a handler reads it `400 FAKE.BAD_REQUEST`.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::sync::{Arc, Mutex};

use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der};
use aws_lc_rs::rsa::{
    KeySize, OAEP_SHA256_MGF1SHA256, OaepPrivateDecryptingKey, PrivateDecryptingKey,
};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs8::{DecodePrivateKey as _, EncodePrivateKey as _, EncodePublicKey as _};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use crate::Clock;
use crate::request::header;
use crate::seed::{OneAccessSeed, OneAccessSocial};
use crate::start_error::StartError;
use crate::state::{lock, new_token};

/// The device headers every call must carry.
const DEVICE_HEADERS: [&str; 4] = [
    "X-operating-sys-version",
    "X-device-fingerprint",
    "X-agent",
    "X-client-id",
];

/// Default signature window, seconds.
const DEFAULT_WINDOW_SECONDS: u64 = 300;

/// Default verification code.
const DEFAULT_VERIFY_CODE: &str = "123456";

/// Lifetime the fake states for a session, in seconds.
const SESSION_SECONDS: i64 = 7200;

#[derive(Debug)]
struct OneAccess {
    clock: Arc<dyn Clock>,
    /// The seed's key pair, parsed at start; else one generated at the first call that needs it
    /// (RSA-2048 generation takes a while, and a fake serving only MantaGo or CloudBase never
    /// needs it).
    keys: tokio::sync::OnceCell<Keys>,
    /// How far a signature's timestamp may be from the clock, in milliseconds.
    window_ms: u64,
    verify_code: String,
    accounts: Mutex<Accounts>,
}

/// The key pair, ready for both OAEP variants.
struct Keys {
    sha256: OaepPrivateDecryptingKey,
    any_mgf: rsa::RsaPrivateKey,
    public_base64: String,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys")
            .field("public_base64", &self.public_base64)
            .finish_non_exhaustive()
    }
}

impl Keys {
    /// The seed's key: PKCS#1 or PKCS#8 PEM.
    fn parse(pem: &str) -> Result<Keys, String> {
        let any_mgf = if pem.contains("BEGIN RSA PRIVATE KEY") {
            rsa::RsaPrivateKey::from_pkcs1_pem(pem).map_err(|e| e.to_string())?
        } else {
            rsa::RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| e.to_string())?
        };
        Keys::from_rsa(any_mgf)
    }

    /// A new RSA-2048 key pair.
    fn generate() -> Result<Keys, String> {
        let generated =
            PrivateDecryptingKey::generate(KeySize::Rsa2048).map_err(|e| e.to_string())?;
        let der = AsDer::<Pkcs8V1Der<'_>>::as_der(&generated).map_err(|e| e.to_string())?;
        Keys::from_rsa(rsa::RsaPrivateKey::from_pkcs8_der(der.as_ref()).map_err(|e| e.to_string())?)
    }

    fn from_rsa(any_mgf: rsa::RsaPrivateKey) -> Result<Keys, String> {
        let der = any_mgf.to_pkcs8_der().map_err(|e| e.to_string())?;
        let sha256 = PrivateDecryptingKey::from_pkcs8(der.as_bytes()).map_err(|e| e.to_string())?;
        let sha256 = OaepPrivateDecryptingKey::new(sha256).map_err(|e| e.to_string())?;
        let public = any_mgf
            .to_public_key()
            .to_public_key_der()
            .map_err(|e| e.to_string())?;
        Ok(Keys {
            sha256,
            any_mgf,
            public_base64: STANDARD.encode(public.as_bytes()),
        })
    }

    /// The plaintext of an OAEP ciphertext, under either MGF1 hash.
    fn decrypt(&self, ciphertext: &[u8]) -> Option<String> {
        let mut out = vec![0u8; self.sha256.min_output_size()];
        let plaintext =
            match self
                .sha256
                .decrypt(&OAEP_SHA256_MGF1SHA256, ciphertext, &mut out, None)
            {
                Ok(plaintext) => plaintext.to_vec(),
                Err(_) => self
                    .any_mgf
                    .decrypt(
                        rsa::Oaep::new_with_mgf_hash::<sha2::Sha256, sha1::Sha1>(),
                        ciphertext,
                    )
                    .ok()?,
            };
        String::from_utf8(plaintext).ok()
    }
}

#[derive(Debug)]
struct Accounts {
    users: Vec<User>,
    pending: Vec<Pending>,
    used: UsedSignatures,
}

/// The signatures already accepted, each kept only until its timestamp leaves the window (from
/// then on it is refused as expired anyway), so memory stays bounded by the calls of one window.
#[derive(Debug, Default)]
struct UsedSignatures {
    /// SHA-256 of each accepted ciphertext.
    seen: HashSet<[u8; 32]>,
    /// The same hashes by the time (Unix ms) after which they can be forgotten, soonest first.
    expiry: BinaryHeap<Reverse<(i64, [u8; 32])>>,
}

impl UsedSignatures {
    /// Records a signature's first use; `false` if it was used before.
    fn first_use(&mut self, ciphertext: &[u8], forget_after_ms: i64, now_ms: i64) -> bool {
        while let Some(Reverse((expiry, hash))) = self.expiry.peek().copied() {
            if expiry >= now_ms {
                break;
            }
            self.expiry.pop();
            self.seen.remove(&hash);
        }
        let hash: [u8; 32] = Sha256::digest(ciphertext).into();
        if !self.seen.insert(hash) {
            return false;
        }
        self.expiry.push(Reverse((forget_after_ms, hash)));
        true
    }
}

#[derive(Debug)]
struct User {
    id: String,
    username: String,
    password: String,
    mobile: String,
    sessions: HashSet<String>,
    social: Vec<Social>,
}

#[derive(Debug)]
struct Social {
    id: String,
    social_type: String,
    social_uid: String,
    nickname: Option<String>,
    created_at: i64,
}

impl Social {
    fn new(seed: &OneAccessSocial, now: i64) -> Social {
        Social {
            id: seed.id.clone().unwrap_or_else(|| new_token("")),
            social_type: seed.social_type.clone(),
            social_uid: seed.social_uid.clone(),
            nickname: seed.nickname.clone(),
            created_at: now,
        }
    }

    fn to_json(&self, user_id: &str) -> Value {
        json!({
            "id": self.id,
            "userId": user_id,
            "socialType": self.social_type,
            "social_uid": self.social_uid,
            "socialNickname": self.nickname,
            "socialHeadImage": null,
            "socialAccountDetails": null,
            "createdAt": self.created_at.to_string(),
            "updatedAt": self.created_at.to_string(),
        })
    }
}

#[derive(Debug)]
struct Pending {
    state_token: String,
    social: OneAccessSocial,
}

/// An error answer: `400 {error_code, error_msg}`.
#[derive(Debug)]
struct Failure {
    code: &'static str,
    message: String,
}

fn fail(code: &'static str, message: impl Into<String>) -> Failure {
    Failure {
        code,
        message: message.into(),
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error_code": self.code, "error_msg": self.message})),
        )
            .into_response()
    }
}

/// The routes, below the `/oneaccess` prefix.
pub(crate) fn router(
    seed: &OneAccessSeed,
    clock: Arc<dyn Clock>,
) -> Result<(Router, crate::bindings::Reader<crate::OneAccessBinding>), StartError> {
    let now = clock.now_millis();
    let users = seed
        .users
        .iter()
        .map(|user| User {
            id: new_token("user-"),
            username: user.username.clone(),
            password: user.password.clone(),
            mobile: user.mobile.clone(),
            sessions: user.session_tokens.iter().cloned().collect(),
            social: user.social.iter().map(|s| Social::new(s, now)).collect(),
        })
        .collect();
    let pending = seed
        .state_tokens
        .iter()
        .map(|p| Pending {
            state_token: p.state_token.clone(),
            social: p.social.clone(),
        })
        .collect();
    let window = seed
        .signature_window_seconds
        .unwrap_or(DEFAULT_WINDOW_SECONDS);
    let state = Arc::new(OneAccess {
        clock,
        keys: match seed.private_key_pem.as_deref() {
            Some(pem) => {
                tokio::sync::OnceCell::new_with(Some(Keys::parse(pem).map_err(StartError::Key)?))
            }
            None => tokio::sync::OnceCell::new(),
        },
        window_ms: window.saturating_mul(1000),
        verify_code: seed
            .verify_code
            .clone()
            .unwrap_or_else(|| DEFAULT_VERIFY_CODE.to_owned()),
        accounts: Mutex::new(Accounts {
            users,
            pending,
            used: UsedSignatures::default(),
        }),
    });
    let read = crate::bindings::reader(&state, |state| {
        lock(&state.accounts)
            .users
            .iter()
            .flat_map(|u| {
                u.social.iter().map(|s| crate::OneAccessBinding {
                    username: u.username.clone(),
                    social_type: s.social_type.clone(),
                    social_uid: s.social_uid.clone(),
                })
            })
            .collect()
    });
    let routes = Router::new()
        .route("/api/v2/sdk/server-date", get(server_date))
        .route("/api/v2/sdk/public-key", get(public_key))
        .route("/api/v2/sdk/login", post(login))
        .route("/api/v2/sdk/social", get(list))
        .route("/api/v2/sdk/social/unbind-account", post(unbind))
        .route("/api/v2/sdk/social/bind", post(bind))
        .route("/api/v2/sdk/social/register-bind", post(register_bind))
        .with_state(state);
    // The fake's own codes, with the 404 or 405 status rather than the documented 400.
    let names = crate::errors::Names {
        not_found: "FAKE.NOT_FOUND",
        method_not_allowed: "FAKE.METHOD_NOT_ALLOWED",
    };
    let router = crate::errors::answered(
        routes,
        names,
        |status, code, message| {
            let body = json!({"error_code": code, "error_msg": message});
            (status, axum::Json(body)).into_response()
        },
        refused,
    );
    Ok((router, read))
}

/// A request refused before a handler read it: `400` as every documented OneAccess error,
/// `FAKE.BODY_TOO_LARGE` for a body over [`REQUEST_BODY_LIMIT`](crate::REQUEST_BODY_LIMIT),
/// else `FAKE.BAD_REQUEST`.
pub(crate) fn refused(status: StatusCode, message: String) -> Response {
    let code = if status == StatusCode::PAYLOAD_TOO_LARGE {
        "FAKE.BODY_TOO_LARGE"
    } else {
        "FAKE.BAD_REQUEST"
    };
    fail(code, message).into_response()
}

fn answer(result: Result<Value, Failure>) -> Response {
    match result {
        Ok(body) => axum::Json(body).into_response(),
        Err(failure) => failure.into_response(),
    }
}

/// Every call: the four required device headers.
fn device(headers: &HeaderMap) -> Result<(), Failure> {
    match DEVICE_HEADERS.iter().find(|h| header(headers, h).is_none()) {
        Some(missing) => Err(fail(
            "FAKE.HEADER_MISSING",
            format!("required header {missing} is missing"),
        )),
        None => Ok(()),
    }
}

/// A JSON object body's string field.
fn field(body: &Value, name: &str) -> Result<String, Failure> {
    body.get(name)
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| {
            fail(
                "FAKE.PARAMETER_INVALID",
                format!("invalid parameter: {name}"),
            )
        })
}

fn json_body(bytes: &Bytes) -> Result<Value, Failure> {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .filter(Value::is_object)
        .ok_or_else(|| fail("FAKE.PARAMETER_INVALID", "the body is not a JSON object"))
}

fn session(token: &str) -> Value {
    json!({
        "status": "success",
        "session_token": token,
        "id_token": new_token("id-"),
        "expire": SESSION_SECONDS,
    })
}

impl OneAccess {
    /// The key pair: the seed's, or the one generated (off the async workers) at the first call
    /// that needs it.
    async fn keys(&self) -> Result<&Keys, Response> {
        self.keys
            .get_or_try_init(|| async {
                tokio::task::spawn_blocking(Keys::generate)
                    .await
                    .map_err(|e| e.to_string())?
            })
            .await
            .map_err(|e| {
                // The fake's own failure, not the caller's: `Failure`'s body with a 500.
                let failure = fail(
                    "FAKE.KEY_UNAVAILABLE",
                    format!("the fake could not generate its key pair: {e}"),
                );
                (StatusCode::INTERNAL_SERVER_ERROR, failure).into_response()
            })
    }

    /// Checks the signature, records its use, and returns the index of the user whose session
    /// it carries. A signature is accepted once: its exact value again is a replay.
    fn signed(
        &self,
        keys: &Keys,
        headers: &HeaderMap,
        accounts: &mut Accounts,
    ) -> Result<usize, Failure> {
        let signature = header(headers, "X-signature")
            .ok_or_else(|| fail("FAKE.SIGNATURE_MISSING", "header X-signature is missing"))?;
        let invalid = |why: &str| {
            fail(
                "FAKE.SIGNATURE_INVALID",
                format!("invalid signature: {why}"),
            )
        };
        let undecryptable = || invalid("it does not decrypt with the application's key");
        let ciphertext = STANDARD
            .decode(signature.trim())
            .map_err(|_| undecryptable())?;
        let plaintext = keys.decrypt(&ciphertext).ok_or_else(undecryptable)?;
        let shape = "the plaintext is not session_token=…&timestamp=…&nonce=…";
        let (rest, nonce) = plaintext
            .rsplit_once("&nonce=")
            .ok_or_else(|| invalid(shape))?;
        let (rest, timestamp) = rest
            .rsplit_once("&timestamp=")
            .ok_or_else(|| invalid(shape))?;
        let token = rest
            .strip_prefix("session_token=")
            .ok_or_else(|| invalid(shape))?;
        if nonce.is_empty() {
            return Err(invalid("the nonce is empty"));
        }
        let timestamp: i64 = timestamp
            .parse()
            .map_err(|_| invalid("the timestamp is not a number"))?;
        let timestamp_ms = if timestamp >= 100_000_000_000 {
            timestamp
        } else {
            timestamp.saturating_mul(1000)
        };
        // `abs_diff`: any i64 pair, even i64::MIN against now, has a distance that fits a u64.
        let now = self.clock.now_millis();
        if now.abs_diff(timestamp_ms) > self.window_ms {
            return Err(fail(
                "FAKE.SIGNATURE_EXPIRED",
                "the signature's timestamp is outside the allowed window",
            ));
        }
        let user = accounts
            .users
            .iter()
            .position(|u| !token.is_empty() && u.sessions.contains(token))
            .ok_or_else(|| fail("FAKE.SESSION_INVALID", "session token invalid or expired"))?;
        let window = i64::try_from(self.window_ms).unwrap_or(i64::MAX);
        let forget_after = timestamp_ms.saturating_add(window);
        if !accounts.used.first_use(&ciphertext, forget_after, now) {
            return Err(fail(
                "FAKE.SIGNATURE_REPLAYED",
                "invalid signature: it was already used (a replay)",
            ));
        }
        Ok(user)
    }

    /// Checks the verification code and takes the social login waiting under the state token.
    fn take_pending(
        &self,
        headers: &HeaderMap,
        body: &Value,
        accounts: &mut Accounts,
    ) -> Result<(String, OneAccessSocial), Failure> {
        let state_token = header(headers, "X-state-token").ok_or_else(|| {
            fail(
                "FAKE.STATE_TOKEN_INVALID",
                "header X-state-token is missing",
            )
        })?;
        let mobile = field(body, "mobile")?;
        if field(body, "verify_code")? != self.verify_code {
            return Err(fail(
                "FAKE.VERIFY_CODE_INVALID",
                "the verification code is incorrect",
            ));
        }
        let index = accounts
            .pending
            .iter()
            .position(|p| p.state_token == state_token)
            .ok_or_else(|| {
                fail(
                    "FAKE.STATE_TOKEN_INVALID",
                    "state token invalid or already used",
                )
            })?;
        Ok((mobile, accounts.pending.remove(index).social))
    }
}

async fn server_date(State(fake): State<Arc<OneAccess>>, headers: HeaderMap) -> Response {
    answer(device(&headers).map(|()| json!({"timestamp": fake.clock.now_millis().to_string()})))
}

async fn public_key(State(fake): State<Arc<OneAccess>>, headers: HeaderMap) -> Response {
    match device_then_keys(&fake, &headers).await {
        Ok(keys) => answer(Ok(json!({"public_key": keys.public_base64}))),
        Err(response) => response,
    }
}

/// The device headers checked, then the key pair (generated now if it must be).
async fn device_then_keys<'a>(
    fake: &'a OneAccess,
    headers: &HeaderMap,
) -> Result<&'a Keys, Response> {
    device(headers).map_err(IntoResponse::into_response)?;
    fake.keys().await
}

async fn login(State(fake): State<Arc<OneAccess>>, headers: HeaderMap, body: Bytes) -> Response {
    answer((|| {
        device(&headers)?;
        let body = json_body(&body)?;
        let (username, password) = (field(&body, "username")?, field(&body, "password")?);
        let mut accounts = lock(&fake.accounts);
        let user = accounts
            .users
            .iter_mut()
            .find(|u| u.username == username && u.password == password)
            .ok_or_else(|| fail("FAKE.LOGIN_FAILED", "incorrect user name or password"))?;
        let token = new_token("oa-session-");
        user.sessions.insert(token.clone());
        Ok(session(&token))
    })())
}

async fn list(State(fake): State<Arc<OneAccess>>, headers: HeaderMap) -> Response {
    let keys = match device_then_keys(&fake, &headers).await {
        Ok(keys) => keys,
        Err(response) => return response,
    };
    answer((|| {
        let mut accounts = lock(&fake.accounts);
        let index = fake.signed(keys, &headers, &mut accounts)?;
        let user = &accounts.users[index];
        let social: Vec<Value> = user.social.iter().map(|s| s.to_json(&user.id)).collect();
        Ok(json!({"social": social}))
    })())
}

async fn unbind(State(fake): State<Arc<OneAccess>>, headers: HeaderMap, body: Bytes) -> Response {
    let keys = match device_then_keys(&fake, &headers).await {
        Ok(keys) => keys,
        Err(response) => return response,
    };
    let result = (|| -> Result<(), Failure> {
        let mut accounts = lock(&fake.accounts);
        let index = fake.signed(keys, &headers, &mut accounts)?;
        let id = field(&json_body(&body)?, "id")?;
        let social = &mut accounts.users[index].social;
        let position = social
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| fail("FAKE.SOCIAL_NOT_EXIST", "the social account does not exist"))?;
        social.remove(position);
        Ok(())
    })();
    match result {
        // The documented 200 is a JSON string (specs/oneaccess.yaml; the facade also takes an
        // empty body, which the Chinese page describes).
        Ok(()) => Json("success").into_response(),
        Err(failure) => failure.into_response(),
    }
}

async fn bind(State(fake): State<Arc<OneAccess>>, headers: HeaderMap, body: Bytes) -> Response {
    answer((|| {
        device(&headers)?;
        let body = json_body(&body)?;
        let mut accounts = lock(&fake.accounts);
        let index = accounts
            .users
            .iter()
            .position(|u| Some(u.mobile.as_str()) == body.get("mobile").and_then(Value::as_str))
            .ok_or_else(|| fail("FAKE.USER_NOT_FOUND", "no user has this mobile number"))?;
        let (_, social) = fake.take_pending(&headers, &body, &mut accounts)?;
        let now = fake.clock.now_millis();
        let token = new_token("oa-session-");
        let user = &mut accounts.users[index];
        user.social.push(Social::new(&social, now));
        user.sessions.insert(token.clone());
        Ok(session(&token))
    })())
}

async fn register_bind(
    State(fake): State<Arc<OneAccess>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    answer((|| {
        device(&headers)?;
        let body = json_body(&body)?;
        let mut accounts = lock(&fake.accounts);
        if accounts
            .users
            .iter()
            .any(|u| Some(u.mobile.as_str()) == body.get("mobile").and_then(Value::as_str))
        {
            return Err(fail(
                "FAKE.MOBILE_REGISTERED",
                "this mobile number is already registered",
            ));
        }
        let (mobile, social) = fake.take_pending(&headers, &body, &mut accounts)?;
        let now = fake.clock.now_millis();
        let token = new_token("oa-session-");
        accounts.users.push(User {
            id: new_token("user-"),
            username: mobile.clone(),
            password: String::new(),
            mobile,
            sessions: HashSet::from([token.clone()]),
            social: vec![Social::new(&social, now)],
        });
        Ok(session(&token))
    })())
}

#[cfg(test)]
mod tests {
    use super::UsedSignatures;

    #[test]
    fn a_used_signature_is_refused_until_its_window_has_passed_then_forgotten() {
        let mut used = UsedSignatures::default();
        assert!(used.first_use(b"a", 1_000, 0));
        assert!(!used.first_use(b"a", 1_000, 500));
        assert!(!used.first_use(b"a", 1_000, 1_000));
        // A later call forgets "a": its timestamp is out of the window, refused as expired.
        assert!(used.first_use(b"b", 5_000, 1_001));
        assert_eq!((used.seen.len(), used.expiry.len()), (1, 1));
        assert!(used.first_use(b"a", 2_000, 1_002));
    }
}
