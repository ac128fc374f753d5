//! `cargo xtask diff` on its fixtures: one pair of specs per class of change
//! (`tests/fixtures/diff/<class>/{old,new}.yaml`), each with its id and both grades.
//!
//! The Rust grade is measured (both sides generated in memory and their public APIs compared),
//! so these tests also pin down what progenitor 0.15.1 does with each kind of change.

use std::path::{Path, PathBuf};

use xtask::diff::{self, Grade, Report, rules};

use Grade::None as N;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

/// One side (`old` or `new`) of the fixture pair `class`, loaded as `diff` loads a side.
fn load(class: &str, side: &str) -> diff::Document {
    let file = fixtures().join(class).join(format!("{side}.yaml"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    diff::load(&text, &format!("{class}/{side}.yaml")).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Compares a fixture pair: the report of `old.yaml` → `new.yaml`.
pub(crate) fn compare(class: &str) -> Report {
    let (old, new) = (load(class, "old"), load(class, "new"));
    diff::compare(class, Some(&old), Some(&new)).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Checks that the fixture `class` reports exactly one change, `id`, graded `wire` and `rust`,
/// that it mentions everything the independent oracle of `diff_history` finds changed, and
/// that every Rust API difference is explained by it.
fn check_class(class: &str, id: &str, wire: Grade, rust: Grade) -> Result<(), String> {
    let dir = fixtures().join(class);
    if !dir.join("old.yaml").is_file() || !dir.join("new.yaml").is_file() {
        return Err(format!(
            "{id}: no fixture {}/{{old,new}}.yaml",
            dir.display()
        ));
    }
    let (old, new) = (load(class, "old"), load(class, "new"));
    let report = diff::compare(class, Some(&old), Some(&new)).unwrap_or_else(|p| panic!("{p:?}"));
    let found: Vec<(&str, Grade, Grade)> = report
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.wire, c.rust))
        .collect();
    if found != [(id, wire, rust)] {
        return Err(format!(
            "{class}: expected [({id:?}, {wire:?}, {rust:?})], found {found:?}\n{}",
            diff::report::text(std::slice::from_ref(&report))
        ));
    }
    if !report.unexplained.is_empty() {
        return Err(format!(
            "{class}: Rust differences no change explains: {:?}",
            report.unexplained
        ));
    }
    let missing: Vec<String> = crate::diff_history::oracle::changes(&old.json, &new.json)
        .into_iter()
        .filter(|item| !crate::diff_history::mentions(&report.changes[0], item))
        .map(|item| format!("{} {} ({})", item.kind, item.pointer, item.name))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{class}: the change does not mention what the oracle found: {missing:?}"
        ));
    }
    let change = &report.changes[0];
    if change.rust_changes.is_empty() != (rust == N) {
        return Err(format!(
            "{class}: a Rust grade other than none shows the Rust differences: {:?}",
            change.rust_changes
        ));
    }
    if !change.pointer.starts_with('/') {
        return Err(format!("{class}: pointer {:?}", change.pointer));
    }
    Ok(())
}

/// Fixtures beyond each rule's own: (directory, the rule it shows).
const MORE: &[(&str, &str)] = &[
    (
        "nested-body-property-type-changed",
        "request-property-type-changed",
    ),
    (
        "nested-body-property-became-required",
        "request-property-became-required",
    ),
];

/// Checks every rule whose index is `shard` modulo 4 against its fixture, with the table's
/// grades (four tests, so that the fixtures are generated on both cores).
fn check_rules(shard: usize) {
    let extra = MORE
        .iter()
        .map(|(dir, id)| (*dir, rules::rule(id).expect("a rule")));
    let own = rules::RULES.iter().map(|r| (r.fixture, r));
    let failures: Vec<String> = own
        .chain(extra)
        .enumerate()
        .filter(|(i, _)| i % 4 == shard)
        .filter_map(|(_, (dir, r))| check_class(dir, r.id, r.wire, r.rust).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} rule(s) not shown by their fixture:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rules_0_of_4_are_shown_by_their_fixtures() {
    check_rules(0);
}

#[test]
fn rules_1_of_4_are_shown_by_their_fixtures() {
    check_rules(1);
}

#[test]
fn rules_2_of_4_are_shown_by_their_fixtures() {
    check_rules(2);
}

#[test]
fn rules_3_of_4_are_shown_by_their_fixtures() {
    check_rules(3);
}

#[test]
fn every_fixture_directory_is_a_rule_s_fixture() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut listed: Vec<String> = rules::RULES
        .iter()
        .map(|r| r.fixture)
        .chain(MORE.iter().map(|m| m.0))
        .map(str::to_owned)
        .collect();
    listed.sort();
    let strays: Vec<&String> = dirs.iter().filter(|d| !listed.contains(d)).collect();
    assert!(strays.is_empty(), "fixtures of no rule: {strays:?}");
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

/// A response whose `$ref` moved from one schema to another: the schema left behind is no
/// longer compared through the operation, and its own changes are still reported (they were
/// lost, and its Rust change put under the `$ref` swap).
#[test]
fn a_schema_swapped_out_of_an_operation_still_has_its_own_changes_reported() {
    let old = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /things:\n    get:\n      operationId: get_thing\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Old'}\ncomponents:\n  schemas:\n    Old:\n      type: object\n      properties:\n        name: {type: string}\n    New:\n      type: object\n      properties:\n        id: {type: integer}\n";
    let new = old.replace("schemas/Old'}", "schemas/New'}").replace(
        "name: {type: string}\n",
        "name: {type: string}\n        size: {type: integer}\n",
    );
    let (old, new) = (
        diff::load(old, "old.yaml").unwrap(),
        diff::load(&new, "new.yaml").unwrap(),
    );
    let report = diff::compare("swap", Some(&old), Some(&new)).unwrap();
    let found: Vec<(&str, &str)> = report
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.pointer.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "api-schema-changed",
                "/components/schemas/Old/properties/size"
            ),
            (
                "response-body-type-changed",
                "/paths/~1things/get/responses/200/content/application~1json/schema"
            ),
        ]
    );
    let size = &report.changes[0].rust_changes;
    assert!(
        size.len() == 1 && size[0].text.starts_with("types::Old: field size"),
        "{size:?}"
    );
}
