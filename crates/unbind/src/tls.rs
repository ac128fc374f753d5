//! The TLS set-up of the HTTP clients the facade builds.
//!
//! It is what reqwest's `rustls` feature sets up by itself: rustls with the process's default
//! crypto provider (else aws-lc-rs), TLS 1.2 and 1.3, server names sent (SNI), and the
//! platform's roots through `rustls-platform-verifier`; ALPN offers HTTP/1.1, as reqwest does
//! without its `http2` feature. One thing differs: reqwest reads the platform's roots again for
//! every client it builds (on Linux, every certificate under `/etc/ssl`, about 4 ms), and a job
//! that holds one token per user builds a client per user. Here they are read once per process
//! and shared by every client, as is their verifier, which holds nothing else. Set
//! `SSL_CERT_FILE` or `SSL_CERT_DIR` before the first client is built.

use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use rustls::client::danger::ServerCertVerifier;
use rustls::crypto::CryptoProvider;

use crate::Error;

/// reqwest's provider when the process has not installed a default one.
static AWS_LC: LazyLock<Arc<CryptoProvider>> =
    LazyLock::new(|| Arc::new(rustls::crypto::aws_lc_rs::default_provider()));

/// The verifier built last, with the provider it was built for.
type Shared = (Arc<CryptoProvider>, Arc<dyn ServerCertVerifier>);

static VERIFIER: Mutex<Option<Shared>> = Mutex::new(None);

/// The crypto provider a new client uses: the process's default, else reqwest's.
fn provider() -> Arc<CryptoProvider> {
    Arc::clone(CryptoProvider::get_default().unwrap_or(&AWS_LC))
}

/// A TLS configuration for one new HTTP client (its own session cache), whose certificate
/// verifier is the shared one.
pub(crate) fn client_config() -> Result<rustls::ClientConfig, Error> {
    let provider = provider();
    let verifier = verifier(&provider)?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(rustls::ALL_VERSIONS)
        .map_err(|e| Error::invalid("http client", e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// The platform's verifier for `provider`: built (and the roots read) the first time, and again
/// only if the process's default provider changed since.
fn verifier(provider: &Arc<CryptoProvider>) -> Result<Arc<dyn ServerCertVerifier>, Error> {
    let mut shared = VERIFIER.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((built_for, verifier)) = &*shared
        && Arc::ptr_eq(built_for, provider)
    {
        return Ok(Arc::clone(verifier));
    }
    // A failure (no root certificates found) is not kept: the next client tries again.
    let verifier: Arc<dyn ServerCertVerifier> = Arc::new(
        rustls_platform_verifier::Verifier::new(Arc::clone(provider))
            .map_err(|e| Error::invalid("http client", e.to_string()))?,
    );
    *shared = Some((Arc::clone(provider), Arc::clone(&verifier)));
    Ok(verifier)
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test, not two: another provider replaces the shared verifier, which a test running
    // beside it would see.
    #[test]
    fn clients_share_one_verifier_per_provider_and_each_gets_its_own_configuration() {
        let provider = provider();
        let first = verifier(&provider).unwrap();
        let second = verifier(&provider).unwrap();
        assert!(Arc::ptr_eq(&first, &second), "the roots were read again");
        let config = client_config().unwrap();
        assert_eq!(config.alpn_protocols, [b"http/1.1".to_vec()]);
        assert!(config.enable_sni);

        let other = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let theirs = verifier(&other).unwrap();
        assert!(!Arc::ptr_eq(&theirs, &first), "built for another provider");
    }
}
