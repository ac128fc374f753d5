//! `cargo xtask diff` on its fixtures: one pair of specs per class of change
//! (`tests/fixtures/diff/<class>/{old,new}.yaml`), each with its id and both grades.
//!
//! The Rust grade is measured (both sides generated in memory and their public APIs compared),
//! so these tests also pin down what progenitor 0.15.1 does with each kind of change.

use std::path::{Path, PathBuf};

use xtask::diff::{self, Grade, Report};

use Grade::{Breaking as B, Compatible as C, None as N};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

/// Compares a fixture pair: the report of `old.yaml` → `new.yaml`.
pub(crate) fn compare(class: &str) -> Report {
    let dir = fixtures().join(class);
    let load = |side: &str| {
        let file = dir.join(format!("{side}.yaml"));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        diff::load(&text, &format!("{class}/{side}.yaml")).unwrap_or_else(|p| panic!("{p:?}"))
    };
    let (old, new) = (load("old"), load("new"));
    diff::compare(class, Some(&old), Some(&new)).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Asserts that the fixture `class` reports exactly one change, `id`, graded `wire` and `rust`,
/// and that every Rust API difference is explained by it.
fn assert_class(class: &str, id: &str, wire: Grade, rust: Grade) {
    let report = compare(class);
    let found: Vec<(&str, Grade, Grade)> = report
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.wire, c.rust))
        .collect();
    assert_eq!(
        found,
        [(id, wire, rust)],
        "{class}: (id, wire, rust) of each change\n{}",
        diff::report::text(std::slice::from_ref(&report))
    );
    assert!(
        report.unexplained.is_empty(),
        "{class}: Rust differences no change explains: {:?}",
        report.unexplained
    );
    let change = &report.changes[0];
    assert_eq!(
        change.rust_changes.is_empty(),
        rust == N,
        "{class}: a Rust grade other than none shows the Rust differences: {:?}",
        change.rust_changes
    );
    assert!(
        change.pointer.starts_with('/'),
        "{class}: pointer {:?}",
        change.pointer
    );
}

/// One test per class, and `CLASSES`: (fixture directory, id, wire grade, rust grade).
macro_rules! classes {
    ($($test:ident: $class:literal => $id:literal, $wire:ident, $rust:ident;)*) => {
        const CLASSES: &[(&str, &str, Grade, Grade)] = &[$(($class, $id, $wire, $rust)),*];
        $(
            #[test]
            fn $test() {
                assert_class($class, $id, $wire, $rust);
            }
        )*
    };
}

classes! {
    endpoint_added: "endpoint-added" => "endpoint-added", C, C;
    endpoint_removed: "endpoint-removed" => "endpoint-removed", B, B;
    operation_id_renamed: "operation-id-renamed" => "api-operation-id-changed", C, B;
    endpoint_moved: "endpoint-moved" => "endpoint-moved", B, N;
    parameter_added_required: "parameter-added-required" => "new-required-request-parameter", B, B;
    parameter_added_optional: "parameter-added-optional" => "new-optional-request-parameter", C, C;
    parameter_removed: "parameter-removed" => "request-parameter-removed", C, B;
    parameter_renamed: "parameter-renamed" => "request-parameter-renamed", B, B;
    parameter_became_required: "parameter-became-required" => "request-parameter-became-required", B, B;
    parameter_became_optional: "parameter-became-optional" => "request-parameter-became-optional", C, C;
    parameter_type_changed: "parameter-type-changed" => "request-parameter-type-changed", B, B;
    parameter_moved: "parameter-moved" => "request-parameter-location-changed", B, N;
    body_added: "body-added" => "request-body-added-required", B, B;
    body_removed: "body-removed" => "request-body-removed", B, B;
    body_became_required: "body-became-required" => "request-body-became-required", B, N;
    body_property_added_required: "body-property-added-required" => "new-required-request-property", B, B;
    body_property_added_optional: "body-property-added-optional" => "new-optional-request-property", C, B;
    body_property_removed: "body-property-removed" => "request-property-removed", C, B;
    body_property_became_required: "body-property-became-required" => "request-property-became-required", B, B;
    body_property_type_changed: "body-property-type-changed" => "request-property-type-changed", B, B;
    body_property_format_changed: "body-property-format-changed" => "request-property-format-changed", B, B;
    body_media_type_changed: "body-media-type-changed" => "request-body-media-type-changed", B, N;
    nested_body_property_type_changed: "nested-body-property-type-changed" => "request-property-type-changed", B, B;
    nested_body_property_became_required: "nested-body-property-became-required" => "request-property-became-required", B, B;
    request_enum_value_added: "request-enum-value-added" => "request-property-enum-value-added", C, B;
    request_enum_value_removed: "request-enum-value-removed" => "request-property-enum-value-removed", B, B;
    response_enum_value_added: "response-enum-value-added" => "response-property-enum-value-added", B, B;
    response_enum_value_removed: "response-enum-value-removed" => "response-property-enum-value-removed", C, B;
    request_became_enum: "request-became-enum" => "request-property-became-enum", B, B;
    parameter_enum_value_added: "parameter-enum-value-added" => "request-parameter-enum-value-added", C, B;
    parameter_enum_value_removed: "parameter-enum-value-removed" => "request-parameter-enum-value-removed", B, B;
    response_became_enum: "response-became-enum" => "response-property-became-enum", C, B;
    success_status_added: "success-status-added" => "response-success-status-added", B, N;
    success_status_removed: "success-status-removed" => "response-success-status-removed", C, N;
    error_status_added: "error-status-added" => "response-non-success-status-added", C, N;
    error_status_removed: "error-status-removed" => "response-non-success-status-removed", C, N;
    response_property_added: "response-property-added" => "response-optional-property-added", C, B;
    response_property_removed: "response-property-removed" => "response-required-property-removed", B, B;
    response_property_became_optional: "response-property-became-optional" => "response-property-became-optional", B, B;
    response_property_became_nullable: "response-property-became-nullable" => "response-property-became-nullable", B, B;
    response_property_type_changed: "response-property-type-changed" => "response-property-type-changed", B, B;
    response_content_type_changed: "response-content-type-changed" => "response-media-type-changed", B, B;
    security_added: "security-added" => "api-security-added", B, N;
    security_removed: "security-removed" => "api-security-removed", C, N;
    server_url_changed: "server-url-changed" => "server-url-changed", B, N;
    info_version_changed: "info-version-changed" => "api-version-changed", C, N;
    description_changed: "description-changed" => "description-changed", N, N;
}

#[test]
fn every_fixture_directory_is_a_listed_class() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut listed: Vec<String> = CLASSES.iter().map(|c| c.0.to_owned()).collect();
    listed.sort();
    assert_eq!(dirs, listed);
}

#[test]
fn a_new_response_enum_value_shows_the_variant_that_breaks_an_exhaustive_match() {
    let report = compare("response-enum-value-added");
    let lines: Vec<&str> = report.changes[0]
        .rust_changes
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        lines,
        ["types::ThingState: variant Archived added (an exhaustive match no longer compiles)"]
    );
}

#[test]
fn a_renamed_operation_id_renames_the_client_method_and_its_builder() {
    let report = compare("operation-id-renamed");
    let lines: Vec<&str> = report.changes[0]
        .rust_changes
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        lines.contains(&"struct builder::ListThings renamed builder::FindThings"),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"Client: method list_things removed"),
        "{lines:?}"
    );
}

#[test]
fn the_same_document_on_both_sides_has_no_changes() {
    let dir = fixtures().join("endpoint-added");
    let text = std::fs::read_to_string(dir.join("old.yaml")).unwrap();
    let doc = diff::load(&text, "old.yaml").unwrap();
    let report = diff::compare("same", Some(&doc), Some(&doc)).unwrap();
    assert!(report.changes.is_empty() && report.unexplained.is_empty());
}

/// A property of an inline object inside a body is found at its depth, named by its path, and
/// its Rust change lands on the struct progenitor made for the inline object.
#[test]
fn a_nested_inline_property_is_named_by_its_path_and_its_own_struct() {
    for (class, text, rust) in [
        (
            "nested-body-property-type-changed",
            "the request property meta.tag changed type from string to integer",
            "types::ThingUpdateMeta: field tag: Option<String> → Option<i64>",
        ),
        (
            "nested-body-property-became-required",
            "the request property meta.tag became required",
            "types::ThingUpdateMeta: field tag: Option<String> → String",
        ),
    ] {
        let report = compare(class);
        let change = &report.changes[0];
        assert_eq!(change.text, text, "{class}");
        assert!(
            change
                .pointer
                .starts_with("/components/schemas/ThingUpdate/properties/meta/properties/tag"),
            "{class}: {}",
            change.pointer
        );
        let lines: Vec<&str> = change
            .rust_changes
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(lines, [rust], "{class}");
    }
}
