//! Why a fake could not start.

use std::net::SocketAddr;

/// Why a fake could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The seed's OneAccess key is unusable.
    #[error("OneAccess key: {0}")]
    Key(String),
}
