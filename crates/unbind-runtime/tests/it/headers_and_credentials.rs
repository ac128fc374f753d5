//! Header checks, device headers and ids, credentials, and that no secret is ever shown.

use std::sync::Arc;

use unbind_runtime::cloudbase::{self, DeviceId};
use unbind_runtime::header::{InvalidHeaderValue, bearer, header_value, sensitive_value};
use unbind_runtime::manta;
use unbind_runtime::oneaccess::{
    DeviceProfile, PublicKey, SignError, Signer, SignerSettings, plaintext,
};
use unbind_runtime::random::OsRandom;
use unbind_runtime::test_util::CountingRandom;
use unbind_runtime::test_util::keys::PUBLIC_KEY_PEM as KEY_PEM;
use unbind_runtime::{ExposeSecret, SecretString};
const SECRET: &str = "tok-SECRET-123";

fn reason(value: &str) -> &'static str {
    header_value("X-agent", value)
        .expect_err("value must be refused")
        .reason
}

#[test]
fn header_value_rejects_each_class_with_its_reason() {
    assert_eq!(reason(""), "is empty");
    assert_eq!(reason("   "), "is blank");
    // One assertion per class of bad value: a list of cases, each with its own reason.
    assert_eq!(reason("a\rb"), "contains CR or LF");
    assert_eq!(reason("a\nb"), "contains CR or LF");
    assert_eq!(reason("ok\r\nX-Injected: 1"), "contains CR or LF");
    assert_eq!(reason("a\0b"), "contains NUL");
    assert_eq!(reason("a\tb"), "contains a tab");
    assert_eq!(reason("a\u{7}b"), "contains a control character");
    assert_eq!(reason("a\u{7f}b"), "contains a control character");
    assert_eq!(
        reason("café"),
        "contains a character that is not visible ASCII"
    );
    assert_eq!(reason(" leading"), "has leading or trailing whitespace");
    assert_eq!(reason("trailing "), "has leading or trailing whitespace");
    // Several faults at once: the most dangerous is named, wherever it stands.
    assert_eq!(reason(" é\t\u{7}\0x\n"), "contains CR or LF");
    assert_eq!(reason(" é\t\u{7}\0x"), "contains NUL");
    assert_eq!(reason(" é\u{7}\tx"), "contains a tab");
    assert_eq!(reason(" é\u{7}x"), "contains a control character");
    assert_eq!(
        reason(" éx "),
        "contains a character that is not visible ASCII"
    );
    assert_eq!(
        reason(" \u{a0} "),
        "contains a character that is not visible ASCII"
    );

    let err = header_value("X-agent", "a\nb").expect_err("refused");
    assert_eq!(
        err,
        InvalidHeaderValue {
            field: "X-agent".to_owned(),
            reason: "contains CR or LF"
        }
    );
    assert_eq!(
        err.to_string(),
        "invalid value for X-agent: contains CR or LF"
    );
}

#[test]
fn header_value_accepts_visible_ascii_with_inner_spaces() {
    for ok in [
        "Mozilla/5.0 (Linux; Android 10)",
        "x",
        "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
    ] {
        let value = header_value("X-agent", ok).expect(ok);
        assert_eq!(value.to_str().expect("ASCII"), ok);
        assert!(!value.is_sensitive());
    }
}

#[test]
fn sensitive_values_and_bearer() {
    let value = sensitive_value("X-state-token", &SecretString::from("st-1")).expect("ok");
    assert!(value.is_sensitive());
    assert_eq!(value.to_str().expect("ASCII"), "st-1");

    let auth = bearer(&SecretString::from("eyJhbGciOi.J9.abc")).expect("ok");
    assert!(auth.is_sensitive());
    assert_eq!(auth.to_str().expect("ASCII"), "Bearer eyJhbGciOi.J9.abc");
    assert_eq!(format!("{auth:?}"), "Sensitive");

    let err = bearer(&SecretString::from("abc\r\nX-Evil: 1")).expect_err("refused");
    assert_eq!(err.field, "Authorization");
    assert_eq!(err.reason, "contains CR or LF");
    assert_eq!(
        bearer(&SecretString::from("")).expect_err("refused").reason,
        "is empty"
    );
    assert_eq!(
        bearer(&SecretString::from(" abc"))
            .expect_err("refused")
            .reason,
        "has leading or trailing whitespace"
    );
}

fn profile() -> DeviceProfile {
    DeviceProfile {
        operating_sys_version: "Android 10".to_owned(),
        device_fingerprint: "fp-0123456789".to_owned(),
        agent: "Mozilla/5.0 (Linux; Android 10)".to_owned(),
        client_id: "client-1".to_owned(),
        device_ip: None,
        language: Some("zh-CN".to_owned()),
        tenant_id: None,
    }
}

#[test]
fn device_profile_headers() {
    let profile = profile();
    profile.validate().expect("valid");
    let headers: Vec<(&str, String)> = profile
        .header_values()
        .expect("valid")
        .into_iter()
        .map(|(name, value)| (name, value.to_str().expect("ASCII").to_owned()))
        .collect();
    assert_eq!(
        headers,
        [
            ("X-operating-sys-version", "Android 10".to_owned()),
            ("X-device-fingerprint", "fp-0123456789".to_owned()),
            ("X-agent", "Mozilla/5.0 (Linux; Android 10)".to_owned()),
            ("X-client-id", "client-1".to_owned()),
            ("X-L", "zh-CN".to_owned()),
        ]
    );
}

/// Makes one field of a good profile bad.
type Spoil = fn(&mut DeviceProfile);

#[test]
fn device_profile_errors_name_the_wire_header() {
    let cases: [(Spoil, &str, &str); 7] = [
        (
            |p| p.operating_sys_version.clear(),
            "X-operating-sys-version",
            "is empty",
        ),
        (
            |p| p.device_fingerprint = " fp".to_owned(),
            "X-device-fingerprint",
            "has leading or trailing whitespace",
        ),
        (
            |p| p.agent = "Mozilla\r\n".to_owned(),
            "X-agent",
            "contains CR or LF",
        ),
        (
            |p| p.client_id = "   ".to_owned(),
            "X-client-id",
            "is blank",
        ),
        (
            |p| p.device_ip = Some("10.0.0.1\0".to_owned()),
            "X-device-ip",
            "contains NUL",
        ),
        (
            |p| p.language = Some("français".to_owned()),
            "X-L",
            "contains a character that is not visible ASCII",
        ),
        (
            |p| p.tenant_id = Some("t\t1".to_owned()),
            "X-tenant-id",
            "contains a tab",
        ),
    ];
    for (spoil, field, reason) in cases {
        let mut profile = profile();
        spoil(&mut profile);
        let err = profile.validate().expect_err(field);
        assert_eq!((err.field.as_str(), err.reason), (field, reason));
    }
}

#[test]
fn device_id_given() {
    let id = DeviceId::new("abcdefghij_KLMNO-0123").expect("valid");
    assert_eq!(id.as_str(), "abcdefghij_KLMNO-0123");
    assert_eq!(id.to_string(), "abcdefghij_KLMNO-0123");
    assert!(DeviceId::new(&"a".repeat(16)).is_ok());
    assert!(DeviceId::new(&"a".repeat(48)).is_ok());

    for (bad, reason) in [
        ("", "is empty"),
        ("a".repeat(15).as_str(), "must be 16 to 48 characters long"),
        ("a".repeat(49).as_str(), "must be 16 to 48 characters long"),
        (
            "abcdefghijklmno!",
            "may contain only A-Z, a-z, 0-9, '_' and '-'",
        ),
        (
            "abcdefgh ijklmnop",
            "may contain only A-Z, a-z, 0-9, '_' and '-'",
        ),
        (
            "abcdefghijklmnop\n",
            "may contain only A-Z, a-z, 0-9, '_' and '-'",
        ),
    ] {
        let err = DeviceId::new(bad).expect_err(bad);
        assert_eq!(
            (err.field.as_str(), err.reason),
            ("x-device-id", reason),
            "{bad:?}"
        );
    }
}

#[test]
fn device_id_generated() {
    let random = CountingRandom::new(3);
    let id = DeviceId::generate(&random);
    assert_eq!(id.as_str().len(), 32);
    assert!(
        id.as_str()
            .bytes()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
    );
    // Generated once, it stays: clones are equal, and it passes its own check.
    let again = id.clone();
    assert_eq!(again, id);
    assert_eq!(DeviceId::new(id.as_str()), Ok(id.clone()));
    // Same seed, same id; the next one differs.
    assert_eq!(DeviceId::generate(&CountingRandom::new(3)), id);
    assert_ne!(DeviceId::generate(&random), id);
    assert_ne!(DeviceId::generate(&OsRandom), DeviceId::generate(&OsRandom));

    let creds = cloudbase::Credentials::new(SecretString::from("at"), id.clone());
    assert_eq!(creds.device_id(), &id);
    assert_eq!(creds.access_token().expose_secret(), "at");
}

#[test]
fn manta_credentials() {
    let creds = manta::Credentials::new(SecretString::from("s"));
    assert_eq!(creds.secret().expose_secret(), "s");
    assert!(creds.token().is_none());
    let creds = creds.with_token(SecretString::from("jwt"));
    assert_eq!(creds.token().map(|t| t.expose_secret()), Some("jwt"));
    let cloned = creds.clone();
    assert_eq!(cloned.secret().expose_secret(), "s");
}

/// Asserts that neither `Debug` nor (where given) `Display` shows the secret.
fn assert_hidden(what: &str, shown: &str) {
    assert!(
        !shown.contains("SECRET"),
        "{what} shows the secret: {shown}"
    );
}

#[test]
fn no_secret_in_debug_or_display() {
    let secret = || SecretString::from(SECRET);

    let manta = manta::Credentials::new(secret()).with_token(secret());
    let shown = format!("{manta:?}");
    assert_hidden("manta::Credentials", &shown);
    assert!(shown.contains("REDACTED"), "{shown}");

    let device = DeviceId::generate(&CountingRandom::new(1));
    let cloudbase = cloudbase::Credentials::new(secret(), device.clone());
    let shown = format!("{cloudbase:?}");
    assert_hidden("cloudbase::Credentials", &shown);
    assert!(
        shown.contains(device.as_str()),
        "the device id is not secret: {shown}"
    );

    let key = PublicKey::parse(KEY_PEM).expect("key");
    assert_eq!(format!("{key:?}"), "PublicKey { bits: 2048 }");
    let signer = Signer::new(key, SignerSettings::default(), Arc::new(OsRandom));
    assert_hidden("Signer", &format!("{signer:?}"));

    let signature = signer.sign(&secret(), 1_700_000_000_123).expect("signs");
    let shown = format!("{signature:?}");
    assert_hidden("Signature", &shown);
    let value = signature.header_value();
    let base64 = value.to_str().expect("ASCII");
    assert!(
        !shown.contains(base64),
        "Signature shows its value: {shown}"
    );
    assert_eq!(format!("{value:?}"), "Sensitive");

    let text = plaintext(&secret(), "1", "1");
    assert_hidden("plaintext", &format!("{text:?}"));

    let long = SecretString::from(format!("{SECRET}-{}", "x".repeat(300)));
    let err = signer.sign(&long, 1).expect_err("too long");
    assert!(matches!(err, SignError::PlaintextTooLong { .. }));
    assert_hidden("SignError", &format!("{err} {err:?}"));

    for err in [
        sensitive_value("X-state-token", &SecretString::from(format!("{SECRET}\n"))),
        bearer(&SecretString::from(format!("{SECRET}\r\n"))),
        bearer(&SecretString::from(format!("{SECRET}é"))),
        header_value("X-device-fingerprint", &format!(" {SECRET}")),
    ]
    .map(|r| r.expect_err("refused"))
    {
        assert_hidden("InvalidHeaderValue", &format!("{err} {err:?}"));
    }
    let mut profile = profile();
    profile.device_fingerprint = format!("{SECRET}\t");
    let err = profile.validate().expect_err("refused");
    assert_hidden("DeviceProfile error", &format!("{err} {err:?}"));
}

#[test]
fn header_values_have_a_documented_maximum_length() {
    let at_limit = "x".repeat(8 * 1024);
    let over = "x".repeat(8 * 1024 + 1);
    assert!(header_value("X-agent", &at_limit).is_ok());
    assert_eq!(reason(&over), "is longer than 8192 bytes");
    // The length is named before anything else, and the value is never echoed.
    let hostile = format!("{over}\r\nX-Injected: 1");
    let err = header_value("X-agent", &hostile).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid value for X-agent: is longer than 8192 bytes"
    );
    let token = SecretString::from("t".repeat(100_000));
    let err = bearer(&token).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid value for Authorization: is longer than 8192 bytes"
    );
    assert!(sensitive_value("X-state-token", &token).is_err());
    let device = DeviceProfile {
        operating_sys_version: "Android 10".into(),
        device_fingerprint: "f".repeat(100_000),
        agent: "a".into(),
        client_id: "c".into(),
        ..DeviceProfile::default()
    };
    assert_eq!(
        device.validate().unwrap_err().to_string(),
        "invalid value for X-device-fingerprint: is longer than 8192 bytes"
    );
}
