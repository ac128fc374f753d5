//! MantaGo's published document (the seed page, kept unchanged in `tests/fixtures/manta/`) plus
//! an overlay generates the same unbind operation as the hand-written `specs/manta.yaml`.

use serde_json::Value;

use crate::common::{fixture, workspace, xtask};

/// The seed page's one ```json block: MantaGo's document as published, byte for byte.
fn published_document(page: &str) -> &str {
    let start = page.find("```json\n").expect("a ```json block") + "```json\n".len();
    let length = page[start..].find("\n```").expect("the block's end");
    &page[start..start + length]
}

/// `specs/manta.yaml` with only the unbind operation and what it refers to.
fn hand_written_unbind_only() -> String {
    let text = std::fs::read_to_string(xtask::workspace_root().join("specs/manta.yaml")).unwrap();
    let mut spec: Value = serde_norway::from_str(&text).unwrap();
    let paths = spec["paths"].as_object_mut().unwrap();
    paths.retain(|path, _| path == "/openapi/unbind/customer");
    assert_eq!(paths.len(), 1, "specs/manta.yaml documents the unbind call");
    let schemas = spec["components"]["schemas"].as_object_mut().unwrap();
    for unused in [
        "SecretRequest",
        "ApiTokenResponse",
        "ClientListResponse",
        "ClientList",
        "ClientResponse",
        "Client",
    ] {
        assert!(schemas.remove(unused).is_some(), "{unused}");
    }
    serde_norway::to_string(&spec).unwrap()
}

/// `generated.rs` below the first line, which names the spec it came from.
fn generated_body(dir: &std::path::Path) -> String {
    let generated =
        std::fs::read_to_string(dir.join("crates/manta-client/src/generated.rs")).unwrap();
    generated.split_once('\n').unwrap().1.to_owned()
}

#[test]
fn the_published_manta_document_plus_an_overlay_generates_the_unbind_operation() {
    let page = fixture("manta/000_4ca9ab292c078803.txt");
    let published = published_document(&page);
    assert!(
        published.starts_with("{\"openapi\":\"3.0.3\""),
        "{published}"
    );

    let from_seed = workspace(&[
        ("upstream/manta.json", published),
        ("manta.overlay.yaml", &fixture("manta/unbind.overlay.yaml")),
    ]);
    let (code, out, err) = xtask(from_seed.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");

    let by_hand = workspace(&[("manta.yaml", &hand_written_unbind_only())]);
    let (code, out, err) = xtask(by_hand.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");

    let (seed, hand) = (
        generated_body(from_seed.path()),
        generated_body(by_hand.path()),
    );
    assert!(
        seed.contains("pub fn unbind_customer(&self) -> builder::UnbindCustomer<'_>"),
        "{seed}"
    );
    if seed != hand {
        let diff = similar::TextDiff::from_lines(&hand, &seed)
            .unified_diff()
            .header("specs/manta.yaml (unbind only)", "seed + overlay")
            .to_string();
        panic!("the two clients differ:\n{diff}");
    }
}
