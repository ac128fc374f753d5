//! `Signer::sign` on both MGF1 paths, against the bare RSA-2048 OAEP-SHA-256 encryptions
//! available to the workspace, in the same run: aws-lc-rs (the fastest, which the default path
//! wraps) and the pure-Rust `rsa` crate (which the MGF1-SHA-1 path wraps).

use std::hint::black_box;
use std::sync::Arc;

use aws_lc_rs::rsa::{OAEP_SHA256_MGF1SHA256, OaepPublicEncryptingKey, PublicEncryptingKey};
use base64::Engine as _;
use criterion::{Criterion, criterion_group, criterion_main};
use rsa::pkcs8::DecodePublicKey as _;
use secrecy::ExposeSecret as _;
use unbind_runtime::SecretString;
use unbind_runtime::oneaccess::{Mgf1Hash, PublicKey, Signer, SignerSettings, plaintext};
use unbind_runtime::random::OsRandom;
use unbind_runtime::test_util::keys::{PUBLIC_KEY_BASE64, PUBLIC_KEY_PEM};

const NOW_MILLIS: i64 = 1_700_000_000_123;

fn bench_sign(c: &mut Criterion) {
    // A session token of a typical length (the plaintext is then ~80 bytes, as in DESIGN.md).
    let token = SecretString::from("7b4d1c2e9f0a43e6b8d5c1a2f3e4d5c6");
    let key = PublicKey::parse(PUBLIC_KEY_PEM).expect("fixture key parses");

    for (name, mgf1) in [
        ("sign/mgf1-sha256 (aws-lc-rs)", Mgf1Hash::Sha256),
        ("sign/mgf1-sha1 (rsa)", Mgf1Hash::Sha1),
    ] {
        let settings = SignerSettings {
            mgf1,
            ..SignerSettings::default()
        };
        let signer = Signer::new(key.clone(), settings, Arc::new(OsRandom));
        c.bench_function(name, |b| {
            b.iter(|| signer.sign(black_box(&token), black_box(NOW_MILLIS)))
        });
    }

    // Baseline: the bare aws-lc-rs encryption of a plaintext of the same length.
    let der = base64::engine::general_purpose::STANDARD
        .decode(PUBLIC_KEY_BASE64.trim())
        .expect("fixture Base64 decodes");
    let raw =
        OaepPublicEncryptingKey::new(PublicEncryptingKey::from_der(&der).expect("fixture key"))
            .expect("OAEP key");
    let text = plaintext(&token, "1700000000123", "18bcfe5687b");
    let message = text.expose_secret().as_bytes();
    let mut out = vec![0u8; raw.ciphertext_size()];
    c.bench_function("raw/aws-lc-rs OaepPublicEncryptingKey::encrypt", |b| {
        b.iter(|| {
            raw.encrypt(&OAEP_SHA256_MGF1SHA256, black_box(message), &mut out, None)
                .map(|c| c.len())
        })
    });
    let pure = rsa::RsaPublicKey::from_public_key_der(&der).expect("fixture key");
    let mut rng = rand_core::OsRng;
    c.bench_function("raw/rsa RsaPublicKey::encrypt (OAEP-SHA-256)", |b| {
        b.iter(|| {
            pure.encrypt(
                &mut rng,
                rsa::Oaep::new::<sha2::Sha256>(),
                black_box(message),
            )
            .map(|c| c.len())
        })
    });
}

criterion_group!(benches, bench_sign);
criterion_main!(benches);
