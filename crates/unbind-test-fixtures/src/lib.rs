//! Fixtures shared by the workspace's tests, in one place. Dev-only: never published, never a
//! normal dependency of a crate users build.
//!
//! - [`keys`]: the test RSA key pair, in every form a OneAccess tenant hands out, for a signer
//!   or a test server; its private half is public on purpose.
//! - [`tls`]: a test CA and a server certificate it signed, for HTTPS on loopback.
//! - [`decrypt_signature`]: the only sound check of an `X-signature` (OAEP is randomised):
//!   decrypt it with the test private key and compare the plaintext.
//! - [`device`]: the OneAccess device profile of the docs' examples, required headers only;
//!   [`device_with_ip_and_language`] adds two optional headers (and leaves `X-tenant-id`
//!   out, so a test can check that an unset header is not sent).
//! - [`mock`]: what tests against a `wiremock` server repeat: mount an answer, read what
//!   arrived, read one header.
//! - [`RefusedPort`]: a loopback URL where connections are refused, for transport failures.
//! - [`SilentServer`]: a loopback URL that accepts connections and never answers, for
//!   timeouts; it counts the connections.
//! - [`read_request_head`]: what a hand-written loopback server reads of each request.
//!
//! Doubles of the injected clock and random source are `unbind_runtime::test_util`'s (feature
//! `test-util`).
//!
//! ```
//! use unbind_runtime::oneaccess::{Mgf1Hash, PublicKey, Signer, SignerSettings};
//! use unbind_runtime::random::OsRandom;
//! use unbind_runtime::{ExposeSecret as _, SecretString};
//! use unbind_test_fixtures::{decrypt_signature, keys};
//!
//! let key = PublicKey::parse(keys::PUBLIC_KEY_PEM)?;
//! let signer = Signer::new(key, SignerSettings::default(), std::sync::Arc::new(OsRandom));
//! let signature = signer.sign(&SecretString::from("session-1"), 1_700_000_000_123)?;
//! let value = signature.header_value();
//! assert_eq!(
//!     decrypt_signature(value.to_str()?, Mgf1Hash::Sha256)?,
//!     "session_token=session-1&timestamp=1700000000123&nonce=18bcfe5687b",
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use unbind_runtime::oneaccess::DeviceProfile;

/// The test key pair, from `unbind_runtime::test_util`, whose signer tests use it too.
pub use unbind_runtime::test_util::keys;

/// A test CA and a server certificate it signed, for HTTPS on loopback (`tls/`, described in
/// `tls/README.md`). **Test-only: the server's private key is public.**
pub mod tls {
    /// The CA certificate, PEM: the one root to trust (`SSL_CERT_FILE`) for [`SERVER_CERT_PEM`].
    pub const CA_PEM_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tls/ca.pem");
    /// The server certificate for `127.0.0.1` and `localhost`, PEM, signed by the CA.
    pub const SERVER_CERT_PEM: &str = include_str!("../tls/server.pem");
    /// Its private key, PKCS#8 PEM.
    pub const SERVER_KEY_PEM: &str = include_str!("../tls/server.key.pem");
}

/// X-signature decryption with the test private key, from `unbind_runtime::test_util`.
pub use unbind_runtime::test_util::decrypt_signature;

/// The OneAccess device profile of the docs' examples: the four required headers, no
/// optional one.
pub fn device() -> DeviceProfile {
    DeviceProfile {
        operating_sys_version: "Android 10".into(),
        device_fingerprint: "156aysdna213sac".into(),
        agent: "Mozilla/5.0 (Linux; Android 10)".into(),
        client_id: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm".into(),
        ..DeviceProfile::default()
    }
}

/// [`device`] with the optional `X-device-ip` (`10.10.10.1`) and `X-L` (`zh`) set, and
/// `X-tenant-id` still unset.
pub fn device_with_ip_and_language() -> DeviceProfile {
    DeviceProfile {
        device_ip: Some("10.10.10.1".into()),
        language: Some("zh".into()),
        ..device()
    }
}

/// A loopback URL where connections are refused, for as long as this value lives: it holds its
/// port bound but not listening, so that no server of a test running alongside can be given the
/// port meanwhile (a port bound and released at once can be, and then a "refused" test talks to
/// that server).
#[derive(Debug)]
pub struct RefusedPort {
    _socket: tokio::net::TcpSocket,
    url: String,
}

impl RefusedPort {
    /// Binds a free loopback port without listening on it.
    pub fn new() -> RefusedPort {
        let socket = tokio::net::TcpSocket::new_v4().expect("a TCP socket");
        socket
            .bind(([127, 0, 0, 1], 0).into())
            .expect("bind a loopback port");
        let url = format!("http://{}", socket.local_addr().expect("its address"));
        RefusedPort {
            _socket: socket,
            url,
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Default for RefusedPort {
    fn default() -> Self {
        Self::new()
    }
}

/// A loopback server that accepts every connection, holds it open and never answers: a
/// provider that does not answer. It counts the connections it accepted (a client that times
/// out drops its connection, so each attempt is one). Dropping it closes them all.
#[derive(Debug)]
pub struct SilentServer {
    url: String,
    accepted: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl SilentServer {
    /// Listens on a free loopback port, on the current tokio runtime.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound.
    pub async fn start() -> SilentServer {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("its address"));
        let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = std::sync::Arc::clone(&accepted);
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = listener.accept().await {
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                held.push(stream);
            }
        });
        SilentServer {
            url,
            accepted,
            task,
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// How many connections it has accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for SilentServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Reads one HTTP request's head (up to and with its blank line, and whatever arrived with it)
/// from `stream`, for a test's own loopback server; `None` when the client closes the stream
/// or it fails first.
pub async fn read_request_head(
    stream: &mut (impl tokio::io::AsyncRead + Unpin),
) -> Option<Vec<u8>> {
    use tokio::io::AsyncReadExt as _;
    let mut head = Vec::new();
    let mut buffer = [0_u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    Some(head)
}

/// Helpers for tests against a `wiremock` loopback server.
pub mod mock {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, Request, ResponseTemplate};

    /// A method and a path: one of the [`route`]s below, or any other.
    pub type Route<'a> = (&'a str, &'a str);

    /// The providers' routes that tests answer, named once (without the `?query`).
    pub mod route {
        use super::Route;

        /// MantaGo: list the clients of a bot.
        pub const MANTA_CLIENTS: Route<'_> = ("POST", "/openapi/clients");
        /// MantaGo: unbind a customer.
        pub const MANTA_UNBIND: Route<'_> = ("POST", "/openapi/unbind/customer");
        /// MantaGo: rotate the token and secret.
        pub const MANTA_TOKEN: Route<'_> = ("POST", "/openapi/token");
        /// OneAccess: the public key that signatures are encrypted with.
        pub const ONEACCESS_PUBLIC_KEY: Route<'_> = ("GET", "/api/v2/sdk/public-key");
        /// OneAccess: the server's time, for the signature's timestamp.
        pub const ONEACCESS_SERVER_DATE: Route<'_> = ("GET", "/api/v2/sdk/server-date");
        /// OneAccess: list the social accounts.
        pub const ONEACCESS_SOCIAL: Route<'_> = ("GET", "/api/v2/sdk/social");
        /// OneAccess: bind a social account to a mobile number.
        pub const ONEACCESS_BIND: Route<'_> = ("POST", "/api/v2/sdk/social/bind");
        /// OneAccess: unbind a social account.
        pub const ONEACCESS_UNBIND: Route<'_> = ("POST", "/api/v2/sdk/social/unbind-account");
        /// CloudBase: list the identity sources.
        pub const CLOUDBASE_PROVIDERS: Route<'_> = ("GET", "/auth/v1/user/provider");
        /// CloudBase: bind an identity source.
        pub const CLOUDBASE_BIND: Route<'_> = ("POST", "/auth/v1/user/provider/bind");
        /// CloudBase: unbind the identity source `github`.
        pub const CLOUDBASE_UNBIND_GITHUB: Route<'_> = ("DELETE", "/auth/v1/user/provider/github");
    }

    /// MantaGo's answer to a call that went through: `{"success": true, "message": "ok"}`.
    pub fn manta_ok() -> serde_json::Value {
        serde_json::json!({"success": true, "message": "ok"})
    }

    /// CloudBase's answer for an identity source that is not bound (with HTTP 404).
    pub fn cloudbase_not_found() -> serde_json::Value {
        serde_json::json!({"error": "provider_not_found", "error_code": 4004,
                           "error_description": "Specified identity source does not exist"})
    }

    /// Mounts `status` with a JSON `body` for `(verb, at)`, a method and a path.
    pub async fn answer(server: &MockServer, at: Route<'_>, status: u16, body: serde_json::Value) {
        answer_with(
            server,
            at,
            ResponseTemplate::new(status).set_body_json(body),
        )
        .await;
    }

    /// A new server that answers `status` with a JSON `body` for `at` (and nothing else yet).
    pub async fn serving(at: Route<'_>, status: u16, body: serde_json::Value) -> MockServer {
        let server = MockServer::start().await;
        answer(&server, at, status, body).await;
        server
    }

    /// Mounts the answers to OneAccess's signing calls: `public_key`, and the server time
    /// `timestamp` (milliseconds, as text).
    pub async fn oneaccess_signing(server: &MockServer, public_key: &str, timestamp: &str) {
        let key = serde_json::json!({"public_key": public_key});
        answer(server, route::ONEACCESS_PUBLIC_KEY, 200, key).await;
        let date = serde_json::json!({"timestamp": timestamp});
        answer(server, route::ONEACCESS_SERVER_DATE, 200, date).await;
    }

    /// Mounts CloudBase's answer `{}` to every unbind (any `DELETE`), below the mocks mounted
    /// before it with a priority.
    pub async fn cloudbase_unbinds_all(server: &MockServer) {
        Mock::given(method("DELETE"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
            .mount(server)
            .await;
    }

    /// Mounts `template` for `(verb, at)`, a method and a path.
    pub async fn answer_with(
        server: &MockServer,
        (verb, at): Route<'_>,
        template: ResponseTemplate,
    ) {
        Mock::given(method(verb))
            .and(path(at))
            .respond_with(template)
            .mount(server)
            .await;
    }

    /// The last path segment of each request (the id a call unbound), sorted.
    pub fn last_path_segments(requests: &[Request]) -> Vec<String> {
        let mut ids: Vec<String> = requests
            .iter()
            .map(|r| {
                r.url
                    .path()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        ids.sort();
        ids
    }

    /// The requests the server received, in order.
    ///
    /// # Panics
    ///
    /// If the server does not record requests (`MockServer::start` does), rather than
    /// answering "none", which would let a test of "nothing was sent" pass unseen.
    pub async fn received(server: &MockServer) -> Vec<Request> {
        server
            .received_requests()
            .await
            .expect("the mock server records requests")
    }

    /// A header's value as text, if present.
    ///
    /// # Panics
    ///
    /// If the header was sent more than once: every header the clients set goes on the wire
    /// exactly once.
    pub fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
        let mut values = request.headers.get_all(name).iter();
        let first = values.next()?;
        assert!(values.next().is_none(), "{name} is sent more than once");
        first.to_str().ok()
    }
}
