//! What a new client costs: one CloudBase facade client per iteration (as a deletion job that
//! holds one access token per user makes them), next to a bare `reqwest::Client` built with
//! reqwest's defaults, which is what a hand-written call needs first.
//!
//! ```sh
//! cargo bench -p unbind --bench construct
//! ```
//!
//! Both sides build their TLS set-up (rustls, the platform's roots); neither connects.

use std::hint::black_box;

use criterion::Criterion;
use unbind::auth::SecretString;
use unbind::cloudbase::CloudBaseClient;

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("new_client");
    group.bench_function("facade_cloudbase", |b| {
        b.iter(|| {
            let token = SecretString::from("eyJhbGciOi-bench-token");
            black_box(CloudBaseClient::new(
                black_box("https://env-1.api.tcloudbasegateway.com"),
                token,
            ))
            .expect("a client")
        })
    });
    group.bench_function("reqwest_default", |b| {
        b.iter(|| black_box(reqwest::Client::builder().build()).expect("a client"))
    });
    group.finish();
    c.final_summary();
}
