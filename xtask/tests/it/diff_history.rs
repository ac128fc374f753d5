//! Real history as tests (issue 25): `cargo xtask diff` on two real pairs of published
//! documents (`tests/fixtures/published/`), checked against an independent structural oracle
//! ([`oracle`]): every change the oracle finds is mentioned by the report, and every Rust API
//! difference is explained by some change.
//!
//! "Mentioned": some change with a place (its pointer, or one of its `also` places: where a
//! renamed or moved thing was, a `$ref` that follows a renamed schema) that is the item's
//! pointer, a JSON pointer prefix of it, or has it as a prefix (whole segments, whichever
//! document either points into), and whose text contains the item's name.
//!
//! Cost (debug build, 2 shared cores, 2026-12-07): each pair is loaded once and compared once,
//! and `compare` generates both sides: the Kratos test ≈ 4.3 s, Supabase ≈ 2.2 s; the oracle's
//! own tests under 10 ms.

pub(crate) mod oracle;

use std::collections::BTreeMap;

use serde_json::json;
use xtask::diff::{self, Change, Document, Grade, Report};

use crate::common::fixture;
use oracle::Item;

/// A published document, loaded as `diff` loads a side.
fn published(file: &str) -> Document {
    let text = fixture(&format!("published/{file}"));
    diff::load(&text, file).unwrap_or_else(|p| panic!("{file}: {p:?}"))
}

/// How many items of each kind.
fn counts(items: &[Item]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item.kind).or_default() += 1;
    }
    counts
}

/// Whether `prefix` is `pointer` or a JSON pointer prefix of it, by whole segments.
fn is_prefix(prefix: &str, pointer: &str) -> bool {
    pointer
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether `change` mentions `item` (see the module doc).
pub(crate) fn mentions(change: &Change, item: &Item) -> bool {
    let places = std::iter::once(&change.pointer).chain(&change.also);
    places
        .into_iter()
        .any(|at| is_prefix(at, &item.pointer) || is_prefix(&item.pointer, at))
        && change.text.contains(&item.name)
}

/// Asserts that the report `old` → `new` mentions every item, leaves nothing unexplained, and
/// shows each Rust difference under one change only (graded once); the failure lists every
/// item not mentioned and every unexplained difference, one per line. Returns the report.
fn assert_reported(label: &str, old: &Document, new: &Document, items: &[Item]) -> Report {
    let report = diff::compare(label, Some(old), Some(new)).unwrap_or_else(|p| panic!("{p:?}"));
    let missing: Vec<String> = items
        .iter()
        .filter(|item| !report.changes.iter().any(|c| mentions(c, item)))
        .map(|item| format!("  {} {} ({})", item.kind, item.pointer, item.name))
        .collect();
    let unexplained: Vec<String> = report
        .unexplained
        .iter()
        .map(|r| format!("  {}", r.text))
        .collect();
    assert!(
        missing.is_empty() && unexplained.is_empty(),
        "{label}: {} of {} oracle item(s) not mentioned by the report:\n{}\n\
         {} Rust difference(s) no change explains:\n{}",
        missing.len(),
        items.len(),
        missing.join("\n"),
        unexplained.len(),
        unexplained.join("\n")
    );
    let mut shown: Vec<&str> = report
        .changes
        .iter()
        .flat_map(|c| c.rust_changes.iter().map(|r| r.text.as_str()))
        .collect();
    let all = shown.len();
    shown.sort_unstable();
    shown.dedup();
    assert_eq!(
        shown.len(),
        all,
        "{label}: a Rust difference under two changes"
    );
    report
}

/// The wire grade of the one change that mentions `item`.
fn wire_of(report: &Report, item: &Item) -> Grade {
    let found: Vec<Grade> = report
        .changes
        .iter()
        .filter(|c| mentions(c, item))
        .map(|c| c.wire)
        .collect();
    assert_eq!(found.len(), 1, "{item:?}: {found:?}");
    found[0]
}

/// An item, for comparisons.
fn item(kind: &'static str, pointer: &str, name: &str) -> Item {
    Item {
        kind,
        pointer: pointer.to_owned(),
        name: name.to_owned(),
    }
}

/// Asserts that the oracle found each of `expected`.
fn assert_found(items: &[Item], expected: &[Item]) {
    for wanted in expected {
        assert!(
            items.contains(wanted),
            "the oracle misses {wanted:?}; it found:\n{items:#?}"
        );
    }
}

#[test]
fn kratos_history_is_reported_whole() {
    let old = published("kratos-2026-05-04.json");
    let new = published("kratos-2026-07-29.json");
    let items = oracle::changes(&old.json, &new.json);
    let expected = [
        ("enum-added", 5),
        ("enum-value-added", 10),
        ("mapping-key-added", 1),
        ("member-added", 1),
        ("operation-added", 4),
        ("parameter-added", 2),
        ("property-added", 6),
        ("schema-added", 18),
        ("schema-removed", 1),
        ("type-changed", 1),
    ];
    assert_eq!(counts(&items), BTreeMap::from(expected), "{items:#?}");
    let schema = "/components/schemas";
    let key = format!("{schema}/DeviceAuthnKey/properties");
    let template = format!("{schema}/message/properties/template_type/enum");
    assert_found(
        &items,
        &[
            item(
                "member-added",
                &format!("{schema}/continueWith/oneOf/5"),
                "continueWithDeviceAuthnPinEntryUi",
            ),
            item(
                "mapping-key-added",
                &format!("{schema}/continueWith/discriminator/mapping/show_pin_entry_ui"),
                "show_pin_entry_ui",
            ),
            item(
                "enum-added",
                &format!("{schema}/DeviceType/enum"),
                "Android",
            ),
            item("enum-added", &format!("{schema}/DeviceType/enum"), "iOS"),
            item("enum-added", &format!("{schema}/KeyState/enum"), "initial"),
            item(
                "enum-added",
                &format!("{schema}/KeyState/enum"),
                "confirmed",
            ),
            item("enum-added", &format!("{schema}/KeyState/enum"), "locked"),
            item(
                "enum-value-added",
                &format!("{schema}/uiNodeInputAttributes/properties/autocomplete/enum/6"),
                "username",
            ),
            item(
                "enum-value-added",
                &format!("{template}/11"),
                "verifiable_address_changed",
            ),
            item(
                "enum-value-added",
                &format!("{template}/12"),
                "authenticator_key_added",
            ),
            item(
                "property-added",
                &format!("{key}/attestation"),
                "attestation",
            ),
            item("property-added", &format!("{key}/pin"), "pin"),
            item(
                "property-added",
                &format!("{key}/relaxed_attestation_expires_at"),
                "relaxed_attestation_expires_at",
            ),
            item(
                "property-added",
                &format!("{key}/user_verification"),
                "user_verification",
            ),
            item("type-changed", &format!("{key}/public_key/type"), "string"),
        ],
    );
    let report = assert_reported("kratos", &old, &new, &items);
    // A variant or value a response can now carry breaks an old client on the wire; a schema
    // no operation uses changes no wire.
    let member = item(
        "member-added",
        &format!("{schema}/continueWith/oneOf/5"),
        "continueWithDeviceAuthnPinEntryUi",
    );
    let username = item(
        "enum-value-added",
        &format!("{schema}/uiNodeInputAttributes/properties/autocomplete/enum/6"),
        "username",
    );
    let pin = item("property-added", &format!("{key}/pin"), "pin");
    assert_eq!(wire_of(&report, &member), Grade::Breaking);
    assert_eq!(wire_of(&report, &username), Grade::Breaking);
    assert_eq!(wire_of(&report, &pin), Grade::None);
    // typify's name for an inline type moved when `createTestLoginFlowBody` arrived: one change
    // carries it.
    let moved = "struct types::NullDurationInner renamed types::CreateTestLoginFlowBodyProviderId";
    let carriers: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.rust_changes.iter().any(|r| r.text == moved))
        .map(|c| c.pointer.as_str())
        .collect();
    assert_eq!(carriers, ["/components/schemas/createTestLoginFlowBody"]);
}

#[test]
fn supabase_auth_history_is_reported_whole() {
    let old = published("supabase-auth-2026-02-19.yaml");
    let new = published("supabase-auth-2026-06-25.yaml");
    let items = oracle::changes(&old.json, &new.json);
    let expected = [
        ("property-added", 4),
        ("property-removed", 3),
        ("required-removed", 2),
    ];
    assert_eq!(counts(&items), BTreeMap::from(expected), "{items:#?}");
    let verify = "/paths/~1factors~1{factorId}~1verify/post/requestBody/content/application~1json/schema/properties/webauthn";
    assert_found(
        &items,
        &[
            item("required-removed", verify, "rpId"),
            item(
                "property-removed",
                &format!("{verify}/properties/rpOrigins"),
                "rpOrigins",
            ),
            item(
                "property-added",
                "/components/schemas/CustomOAuthProviderSchema/properties/custom_claims_allowlist",
                "custom_claims_allowlist",
            ),
        ],
    );
    assert_reported("supabase-auth", &old, &new, &items);
}

/// A document with these paths and component schemas.
fn document(paths: serde_json::Value, schemas: serde_json::Value) -> serde_json::Value {
    json!({"openapi": "3.0.3", "paths": paths, "components": {"schemas": schemas}})
}

#[test]
fn the_oracle_finds_a_one_of_member_and_a_mapping_key_added() {
    let cat = json!({"$ref": "#/components/schemas/Cat"});
    let dog = json!({"$ref": "#/components/schemas/Dog"});
    let pet = |members: serde_json::Value, mapping: serde_json::Value| {
        let discriminator = json!({"propertyName": "kind", "mapping": mapping});
        document(
            json!({}),
            json!({
                "Cat": {"type": "object"},
                "Dog": {"type": "object"},
                "Pet": {"oneOf": members, "discriminator": discriminator},
            }),
        )
    };
    let old = pet(json!([cat]), json!({"cat": "#/components/schemas/Cat"}));
    let new = pet(
        json!([cat, dog]),
        json!({"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}),
    );
    assert_eq!(
        oracle::changes(&old, &new),
        [
            item(
                "mapping-key-added",
                "/components/schemas/Pet/discriminator/mapping/dog",
                "dog"
            ),
            item("member-added", "/components/schemas/Pet/oneOf/1", "Dog"),
        ]
    );
}

#[test]
fn the_oracle_finds_an_enum_value_removed_and_a_ref_changed_not_followed() {
    let operation = |values: serde_json::Value, target: &str, description: &str| {
        let response = json!({"type": "string", "enum": values, "description": description});
        document(
            json!({"/things": {"get": {
                "operationId": "list_things",
                "parameters": [{"name": "kind", "in": "query", "schema": {"$ref": target}}],
                "responses": {"200": {"description": "ok",
                    "content": {"application/json": {"schema": response}}}},
            }}}),
            json!({"A": {"type": "string"}, "B": {"type": "integer"}}),
        )
    };
    let old = operation(json!(["a", "b", "c"]), "#/components/schemas/A", "old");
    let new = operation(json!(["a", "c"]), "#/components/schemas/B", "new");
    let get = "/paths/~1things/get";
    assert_eq!(
        oracle::changes(&old, &new),
        [
            item("ref-changed", &format!("{get}/parameters/0/schema"), "B"),
            item(
                "enum-value-removed",
                &format!("{get}/responses/200/content/application~1json/schema/enum/1"),
                "b"
            ),
        ]
    );
}

#[test]
fn the_oracle_sees_a_renamed_property_as_removed_and_added() {
    let thing = |name: &str| {
        let properties = json!({ name: {"type": "string"} });
        document(
            json!({}),
            json!({"Thing": {"type": "object", "properties": properties, "required": [name]}}),
        )
    };
    let thing_at = "/components/schemas/Thing";
    assert_eq!(
        oracle::changes(&thing("customerId"), &thing("customerID")),
        [
            item("required-added", thing_at, "customerID"),
            item("required-removed", thing_at, "customerId"),
            item(
                "property-added",
                &format!("{thing_at}/properties/customerID"),
                "customerID"
            ),
            item(
                "property-removed",
                &format!("{thing_at}/properties/customerId"),
                "customerId"
            ),
        ]
    );
    assert!(is_prefix(thing_at, &format!("{thing_at}/properties")));
    assert!(!is_prefix(thing_at, &format!("{thing_at}s")));
}

#[test]
fn the_oracle_reads_a_format_within_its_type() {
    let size = |schema: serde_json::Value| document(json!({}), json!({"Size": schema}));
    let int32 = size(json!({"type": "integer", "format": "int32"}));
    assert_eq!(
        oracle::changes(&int32, &size(json!({"type": "string"}))),
        [item(
            "type-changed",
            "/components/schemas/Size/type",
            "string"
        )]
    );
    assert_eq!(
        oracle::changes(&int32, &size(json!({"type": "integer", "format": "int64"}))),
        [item(
            "format-changed",
            "/components/schemas/Size/format",
            "int64"
        )]
    );
}
