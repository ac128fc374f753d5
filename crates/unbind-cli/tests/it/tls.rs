//! HTTPS as a user runs it: the provider's certificate is checked against the system's roots
//! (here the one root that `SSL_CERT_FILE` names), and nothing is sent to a server they do not
//! vouch for.

use std::sync::{Arc, Mutex};

use tokio::io::AsyncWriteExt as _;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject as _;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use unbind_test_fixtures::{read_request_head, tls};

use crate::common::{CLOUDBASE_ENV, Run, SECRET, args, cloudbase_unbind, run};

/// A loopback HTTPS server with the fixtures' server certificate: it answers every request
/// `200 {}` and keeps each request line.
struct HttpsServer {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl HttpsServer {
    async fn start() -> Self {
        let certificate = CertificateDer::from_pem_slice(tls::SERVER_CERT_PEM.as_bytes()).unwrap();
        let key = PrivateKeyDer::from_pem_slice(tls::SERVER_KEY_PEM.as_bytes()).unwrap();
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![certificate], key)
            .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!(
            "https://127.0.0.1:{}",
            listener.local_addr().unwrap().port()
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (acceptor, seen) = (acceptor.clone(), Arc::clone(&seen));
                tokio::spawn(async move {
                    // A client that refuses the certificate ends the handshake here.
                    let Ok(mut stream) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Some(head) = read_request_head(&mut stream).await else {
                        return;
                    };
                    let line = String::from_utf8_lossy(&head)
                        .lines()
                        .next()
                        .map(str::to_owned);
                    seen.lock().unwrap().extend(line);
                    let answer = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                                  content-length: 2\r\nconnection: close\r\n\r\n{}";
                    let _ = stream.write_all(answer.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Self { url, requests }
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// `unbind cloudbase unbind` of `github` against this server, with `env` beside the token.
    async fn unbind(&self, env: &[(&str, &str)]) -> Run {
        let env: Vec<_> = CLOUDBASE_ENV.iter().chain(env).copied().collect();
        let command = args(&cloudbase_unbind(&self.url, "github"), &["--retries", "0"]);
        run(&command, &env, &[SECRET]).await
    }
}

#[tokio::test]
async fn a_certificate_the_system_roots_do_not_vouch_for_is_refused_and_nothing_is_sent() {
    let server = HttpsServer::start().await;
    let refused = server.unbind(&[]).await;
    assert_eq!(refused.code, 3, "{refused:?}");
    assert!(
        refused
            .stderr
            .starts_with("unbind: CloudBase: transport failure: "),
        "{refused:?}"
    );
    // Refused for its certificate, not for anything else about the connection.
    assert!(
        refused
            .stderr
            .trim_end()
            .ends_with("invalid peer certificate: UnknownIssuer"),
        "{refused:?}"
    );
    assert_eq!(refused.stdout, "");
    assert_eq!(server.requests(), Vec::<String>::new());
}

#[tokio::test]
async fn https_to_a_certificate_the_roots_vouch_for_unbinds() {
    let server = HttpsServer::start().await;
    let done = server.unbind(&[("SSL_CERT_FILE", tls::CA_PEM_PATH)]).await;
    assert_eq!(done.code, 0, "{done:?}");
    assert_eq!(done.stdout, "CloudBase: unbound identity source github\n");
    assert_eq!(
        server.requests(),
        ["DELETE /auth/v1/user/provider/github HTTP/1.1"]
    );
}
