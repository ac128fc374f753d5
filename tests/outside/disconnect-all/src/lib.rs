//! What an application runs when a user disconnects everything: unbind every identity source
//! the user has at CloudBase, except the one they log in with, since a user without a login
//! method could not sign in again.

use unbind::UnbindOutcome;
use unbind::cloudbase::CloudBaseClient;

/// What [`disconnect_all`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disconnected {
    /// Unbound by this run, in the order CloudBase listed them.
    pub unbound: Vec<String>,
    /// Listed as bound, but gone when this run came to them (unbound from another device).
    pub already_unbound: Vec<String>,
    /// The one left bound: `login` if it is bound, else the first bound; `None` when nothing
    /// was bound.
    pub kept: Option<String>,
}

/// Unbinds every identity source bound to the client's user except one: `login` (the source
/// the user logs in with) if it is bound, else the first one listed.
///
/// Stops at the first error: what was unbound before it stays unbound, and running the job
/// again finishes the rest (an unbind already done counts as [`Disconnected::already_unbound`]).
pub async fn disconnect_all(
    client: &CloudBaseClient,
    login: &str,
) -> Result<Disconnected, unbind::Error> {
    let bound: Vec<String> = client
        .list()
        .await?
        .into_iter()
        .filter(|source| source.bind == Some(true))
        .map(|source| source.id)
        .collect();
    let kept = bound
        .iter()
        .find(|id| *id == login)
        .or(bound.first())
        .cloned();
    let mut done = Disconnected {
        kept: kept.clone(),
        ..Disconnected::default()
    };
    for id in bound.into_iter().filter(|id| Some(id) != kept.as_ref()) {
        match client.unbind(&id).await? {
            UnbindOutcome::Unbound => done.unbound.push(id),
            UnbindOutcome::AlreadyUnbound => done.already_unbound.push(id),
        }
    }
    Ok(done)
}
