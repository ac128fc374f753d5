//! [`Seed`]: the accounts, bindings and credentials a fake starts with, as JSON or built in code.
//!
//! Every field has a default, so `{}` is a valid seed (three empty providers). Unknown fields
//! are refused, so a misspelt key fails loudly instead of being ignored. The demo seed
//! ([`Seed::demo`], `demo-seed.json` beside this crate's `Cargo.toml`) is what `unbind-fake`
//! serves when no `--seed` is given. A seed file may be at most [`SEED_FILE_LIMIT`] (16 MiB)
//! long: a larger or endless input (`--seed /dev/zero`) is refused once the limit is read,
//! instead of being read until memory runs out.

use std::io::Read as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The starting state of all three fakes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Seed {
    /// MantaGo: bots, their secrets, tokens and clients.
    pub manta: MantaSeed,
    /// OneAccess: the key pair, users, sessions and pending social logins.
    pub oneaccess: OneAccessSeed,
    /// CloudBase: identity sources, users and pending provider tokens.
    pub cloudbase: CloudBaseSeed,
}

/// The largest seed file [`Seed::from_file`] reads: 16 MiB, far above any hand-written seed.
pub const SEED_FILE_LIMIT: u64 = 16 << 20;

/// Why a seed could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The file could not be read.
    #[error("cannot read seed file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is longer than [`SEED_FILE_LIMIT`] (or endless).
    #[error("seed file {path} is larger than the limit of {} MiB", limit >> 20)]
    TooLarge {
        /// The file.
        path: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The JSON does not describe a seed.
    #[error("seed file {path}: {source}")]
    Parse {
        /// The file (or `demo-seed.json`).
        path: String,
        /// Where and why it failed (serde_json gives line and column).
        source: serde_json::Error,
    },
}

impl Seed {
    /// The demo data: one account per provider with known demo credentials, something bound
    /// and something ready to bind. The README's "Try it offline" section uses it.
    pub fn demo() -> Seed {
        // The file is part of this crate and a test parses it: it cannot fail here.
        Seed::parse(DEMO_SEED, "demo-seed.json").unwrap_or_default()
    }

    /// Reads a seed from a JSON file of at most [`SEED_FILE_LIMIT`] bytes; reading stops
    /// there, so an endless input (a device, a pipe) is refused too.
    pub fn from_file(path: &Path) -> Result<Seed, SeedError> {
        let name = path.display().to_string();
        let read_error = |source| SeedError::Read {
            path: name.clone(),
            source,
        };
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|file| file.take(SEED_FILE_LIMIT + 1).read_to_end(&mut bytes))
            .map_err(read_error)?;
        if bytes.len() as u64 > SEED_FILE_LIMIT {
            return Err(SeedError::TooLarge {
                path: name,
                limit: SEED_FILE_LIMIT,
            });
        }
        let text = String::from_utf8(bytes)
            .map_err(|e| read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
        Seed::parse(&text, &name)
    }

    /// Parses a seed from JSON text; `name` is used in the error.
    pub fn parse(text: &str, name: &str) -> Result<Seed, SeedError> {
        serde_json::from_str(text).map_err(|source| SeedError::Parse {
            path: name.to_owned(),
            source,
        })
    }
}

/// The demo seed's JSON.
pub const DEMO_SEED: &str = include_str!("../demo-seed.json");

/// MantaGo's starting state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MantaSeed {
    /// The bots, by `botId`.
    pub bots: Vec<MantaBot>,
    /// Requests per second and bot above which the fake answers 429 with `Retry-After`
    /// (default: no limit).
    pub rate_limit_per_second: Option<u32>,
}

// Struct definitions: one documented field per line.
/// One MantaGo bot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MantaBot {
    /// The `botId`.
    pub id: String,
    /// The current API secret.
    pub secret: String,
    /// API tokens already issued and still valid (`Authorization: Bearer <token>`).
    pub tokens: Vec<String>,
    /// The bot's chat-platform clients.
    pub clients: Vec<MantaClient>,
}

/// One MantaGo chat-platform client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct MantaClient {
    /// The client ID.
    pub client_id: String,
    /// The display name.
    pub client_name: String,
    /// The chat platform (`whatsapp`, `line`, …).
    pub platform: String,
    /// The customer bound to this client, if any.
    pub customer_id: Option<String>,
    /// Creation time, Unix milliseconds (default: when the fake started).
    pub created_at: Option<i64>,
}

// One seed struct per provider: their fields look alike (keys, users, tokens) but are what each
// provider's fake needs, and serde reads each with its own names.
/// OneAccess's starting state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OneAccessSeed {
    /// The application's RSA private key, PKCS#1 or PKCS#8 PEM (default: a new 2048-bit key,
    /// generated at the first call that needs it: `public-key`, list or unbind).
    pub private_key_pem: Option<String>,
    /// How far a signature's timestamp may be from the server's time, in seconds
    /// (default: 300).
    pub signature_window_seconds: Option<u64>,
    /// The verification code every `verify_code` must equal (default: `123456`).
    pub verify_code: Option<String>,
    /// The users.
    pub users: Vec<OneAccessUser>,
    /// Social logins not yet bound to a user, each waiting under its state token.
    pub state_tokens: Vec<OneAccessStateToken>,
}

/// One OneAccess user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OneAccessUser {
    /// The login name.
    pub username: String,
    /// The password.
    pub password: String,
    /// The mobile number that `social/bind` finds the user by.
    pub mobile: String,
    /// Session tokens already issued and still valid.
    pub session_tokens: Vec<String>,
    /// The social accounts bound to this user.
    pub social: Vec<OneAccessSocial>,
}

/// One social account bound to a OneAccess user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OneAccessSocial {
    /// The binding's id, which unbind takes (default: generated).
    pub id: Option<String>,
    /// `weixin`, `weibo`, `qq`, …
    #[serde(rename = "socialType")]
    pub social_type: String,
    /// The account's id at the social provider.
    pub social_uid: String,
    /// The nickname at the social provider.
    #[serde(rename = "socialNickname")]
    pub nickname: Option<String>,
}

/// A social login waiting to be bound to a user, as `social/bind` or `social/register-bind`
/// find it by its `X-state-token`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OneAccessStateToken {
    /// The state token.
    pub state_token: String,
    /// The social account it stands for.
    pub social: OneAccessSocial,
}

/// CloudBase's starting state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CloudBaseSeed {
    /// The identity sources the environment offers (`github`, `wx_open`, …).
    pub providers: Vec<CloudBaseProvider>,
    /// The users, by access token.
    pub users: Vec<CloudBaseUser>,
    /// Provider tokens already issued (as `POST /auth/v1/provider/token` would) and not yet
    /// used by a bind.
    pub provider_tokens: Vec<CloudBaseProviderToken>,
}

/// One CloudBase identity source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CloudBaseProvider {
    /// The identity source id.
    pub id: String,
    /// The display name.
    pub name: String,
}

/// One CloudBase user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CloudBaseUser {
    /// Access tokens that identify this user.
    pub access_tokens: Vec<String>,
    /// The identity sources bound to this user.
    pub bound: Vec<CloudBaseBinding>,
}

/// One identity source bound to a CloudBase user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CloudBaseBinding {
    /// The identity source id.
    pub provider_id: String,
    /// The user's name there.
    pub provider_user_name: Option<String>,
}

/// A provider token waiting for a bind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CloudBaseProviderToken {
    /// The token.
    pub provider_token: String,
    /// The identity source it binds.
    pub provider_id: String,
    /// The user's name there.
    pub provider_user_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_seed_parses_and_has_one_account_per_provider() {
        let seed = Seed::parse(DEMO_SEED, "demo-seed.json").expect("demo seed");
        assert_eq!(seed.manta.bots.len(), 1);
        assert_eq!(seed.oneaccess.users.len(), 1);
        assert_eq!(seed.cloudbase.users.len(), 1);
        assert_eq!(Seed::demo(), seed);
    }

    #[test]
    fn an_empty_object_is_an_empty_seed() {
        assert_eq!(Seed::parse("{}", "x").expect("seed"), Seed::default());
    }

    #[test]
    fn a_seed_file_is_read_up_to_the_limit_and_no_further() {
        let dir = tempfile::tempdir().expect("temp dir");
        let at_limit = dir.path().join("at-limit.json");
        let padding = " ".repeat(usize::try_from(SEED_FILE_LIMIT).expect("fits") - 2);
        std::fs::write(&at_limit, format!("{{}}{padding}")).expect("write");
        assert_eq!(Seed::from_file(&at_limit).expect("seed"), Seed::default());

        let over = dir.path().join("over.json");
        std::fs::write(&over, format!("{{}}{padding} ")).expect("write");
        let error = Seed::from_file(&over).unwrap_err();
        assert!(
            matches!(error, SeedError::TooLarge { limit, .. } if limit == SEED_FILE_LIMIT),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "seed file {} is larger than the limit of 16 MiB",
                over.display()
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_seed_is_refused_at_the_limit() {
        let error = Seed::from_file(Path::new("/dev/zero")).unwrap_err();
        assert!(matches!(error, SeedError::TooLarge { .. }), "{error:?}");
    }

    #[test]
    fn a_misspelt_field_is_refused_with_its_name() {
        let error = Seed::parse(r#"{"manta": {"bot": []}}"#, "s.json").unwrap_err();
        let text = error.to_string();
        assert!(
            text.starts_with("seed file s.json: unknown field `bot`"),
            "{text}"
        );
    }
}
