//! The shape every provider's runner shares, written once: `list`, `unbind --from FILE` and
//! the calls on one account each make a client first; the actions a provider makes its own way
//! (MantaGo's `refresh`, OneAccess's and CloudBase's `bind`) are left to it.
//!
//! Each provider module (`manta.rs`, `oneaccess.rs`, `cloudbase.rs`) implements [`Provider`]
//! on what its `run` read of the flags, and hands it to [`run`].

use std::path::Path;

use unbind::Unbinder;

use crate::bulk::Console;
use crate::env::Env;
use crate::error::CliError;
use crate::flags::BulkArgs;
use crate::output::Report;

/// What a provider's action asks for, as [`run`] sorts it, with what the provider's part of
/// that step needs: `L` for a list (its filters), `O` for one account (its ids), `W` for the
/// provider's own action.
pub(crate) enum Step<'a, L, O, W> {
    /// `list`: what is bound, one line per item ([`Provider::list`]).
    List(L),
    /// `unbind --from FILE`: every account of a list, through [`crate::bulk::run`].
    Bulk {
        /// The list of accounts.
        from: &'a Path,
        /// The bulk flags.
        args: &'a BulkArgs,
    },
    /// A bind or unbind of the one account the flags name ([`Provider::one`]).
    One(O),
    /// An action the provider makes its own way ([`Provider::own`]).
    Own(W),
}

/// The [`Step`] of provider `P`'s action.
pub(crate) type StepOf<'a, P> =
    Step<'a, <P as Provider>::List, <P as Provider>::One, <P as Provider>::Own>;

/// One provider's parts of [`run`]: its client, and what each step does with it.
pub(crate) trait Provider {
    /// The facade's client of this provider.
    type Client;
    /// What `list` takes from the action (its filters, or nothing).
    type List;
    /// What a call on one account takes from the action (its ids, and which call).
    type One;
    /// What the provider's own action takes from the action.
    type Own;

    /// Which step the action is; a usage error if the flags do not name what it needs.
    fn step(&self) -> Result<StepOf<'_, Self>, CliError>;

    /// A client, with the credentials it needs from `env`.
    fn connect(&self, env: &Env<'_>) -> Result<Self::Client, CliError>;

    /// `list`, with `client`.
    async fn list(&self, client: &Self::Client, list: Self::List) -> Result<Report, CliError>;

    /// `client` as a provider-neutral [`Unbinder`], for a bulk run.
    fn unbinder(client: Self::Client) -> Unbinder;

    /// A bind or unbind of one account, with `client`.
    async fn one(&self, client: &Self::Client, one: Self::One) -> Result<Report, CliError>;

    /// An action of [`Step::Own`], which makes its own client if it needs one.
    async fn own(&self, env: &Env<'_>, own: Self::Own) -> Result<Report, CliError>;
}

/// Runs the action `provider` holds: a client first, unless the action is the provider's own.
pub(crate) async fn run<P: Provider>(
    provider: &P,
    env: &Env<'_>,
    console: &mut Console<'_>,
) -> Result<Report, CliError> {
    match provider.step()? {
        Step::List(list) => provider.list(&provider.connect(env)?, list).await,
        Step::Bulk { from, args } => {
            let unbinder = P::unbinder(provider.connect(env)?);
            crate::bulk::run(unbinder, from, args, env, console).await
        }
        Step::One(one) => provider.one(&provider.connect(env)?, one).await,
        Step::Own(own) => provider.own(env, own).await,
    }
}
