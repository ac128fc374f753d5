//! What is bound at each provider, read from a running fake ([`crate::Fake::bindings`]): what
//! a test asserts after its code ran, without going through the providers' own list calls.

use std::fmt;
use std::sync::Arc;

/// The bindings of all three providers at one moment, each in the fake's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bindings {
    /// MantaGo: each client of each bot that is bound to a customer.
    pub manta: Vec<MantaBinding>,
    /// OneAccess: each social account bound to a user.
    pub oneaccess: Vec<OneAccessBinding>,
    /// CloudBase: each provider bound to a user.
    pub cloudbase: Vec<CloudBaseBound>,
}

/// A MantaGo client bound to a customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MantaBinding {
    /// The bot (`botId`).
    pub bot_id: String,
    /// The client (`clientId`).
    pub client_id: String,
    /// The customer it is bound to.
    pub customer_id: String,
}

/// A social account bound to a OneAccess user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneAccessBinding {
    /// The user's name.
    pub username: String,
    /// The social platform (`socialType`).
    pub social_type: String,
    /// The account there (`socialUid`).
    pub social_uid: String,
}

/// A provider bound to a CloudBase user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloudBaseBound {
    /// The user, by position in the seed's `users` (a user has no other name but its tokens).
    pub user: usize,
    /// The provider (`provider_id`).
    pub provider_id: String,
    /// The user's name there, if known.
    pub provider_user_name: Option<String>,
}

/// Reads one provider's bindings from its state.
pub(crate) type Reader<T> = Arc<dyn Fn() -> Vec<T> + Send + Sync>;

/// A [`Reader`] of `state` by `read`.
pub(crate) fn reader<S, T: 'static>(state: &Arc<S>, read: fn(&S) -> Vec<T>) -> Reader<T>
where
    S: Send + Sync + 'static,
{
    let state = state.clone();
    Arc::new(move || read(&state))
}

/// The three readers a running fake keeps.
#[derive(Clone)]
pub(crate) struct Readers {
    pub(crate) manta: Reader<MantaBinding>,
    pub(crate) oneaccess: Reader<OneAccessBinding>,
    pub(crate) cloudbase: Reader<CloudBaseBound>,
}

impl Readers {
    /// Every provider's bindings, now.
    pub(crate) fn read(&self) -> Bindings {
        Bindings {
            manta: (self.manta)(),
            oneaccess: (self.oneaccess)(),
            cloudbase: (self.cloudbase)(),
        }
    }
}

impl fmt::Debug for Readers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Readers")
    }
}
