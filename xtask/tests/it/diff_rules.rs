//! The rule table of `cargo xtask diff` (`xtask/src/diff/rules.rs`): complete for every place a
//! schema sits, printed by `--rules`, and copied into the README.

use xtask::diff::Grade::{Breaking as B, Compatible as C};
use xtask::diff::rules::{self, RULES};

#[test]
fn every_schema_rule_of_every_place_is_in_the_table() {
    let schema = rules::SCHEMA_PLACES
        .iter()
        .flat_map(|p| rules::SCHEMA_SUFFIXES.map(|s| (*p, s)));
    let composed = rules::COMPOSED_PLACES
        .iter()
        .flat_map(|p| rules::COMPOSED_SUFFIXES.map(|s| (*p, s)));
    let missing: Vec<String> = schema
        .chain(composed)
        .map(|(place, suffix)| format!("{place}-{suffix}"))
        .filter(|id| rules::rule(id).is_none())
        .collect();
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn ids_and_fixtures_are_unique() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let mut fixtures: Vec<&str> = RULES.iter().map(|r| r.fixture).collect();
    ids.sort_unstable();
    ids.dedup();
    fixtures.sort_unstable();
    fixtures.dedup();
    assert_eq!((ids.len(), fixtures.len()), (RULES.len(), RULES.len()));
}

#[test]
fn a_value_a_response_can_now_carry_breaks_an_old_client_and_one_a_request_may_send_does_not() {
    assert_eq!(rules::wire("response-property-enum-value-added"), B);
    assert_eq!(rules::wire("request-property-enum-value-added"), C);
    assert_eq!(rules::wire("response-property-one-of-member-added"), B);
    assert_eq!(rules::wire("request-body-one-of-member-added"), C);
    assert_eq!(rules::wire("response-body-discriminator-mapping-added"), B);
    // An id not in the table is never passed as compatible.
    assert_eq!(rules::wire("no-such-rule"), B);
}

#[test]
fn diff_rules_prints_every_rule_with_its_grades_and_fixture() {
    let dir = crate::common::workspace(&[]);
    let (code, stdout, stderr) = crate::common::xtask(dir.path(), &["diff", "--rules"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, rules::text());
    assert_eq!(stdout.lines().count(), RULES.len() + 1);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("response-property-one-of-member-added "))
        .expect("the rule is printed");
    assert!(
        line.contains("breaking") && line.contains("(response-property-one-of-member-added)"),
        "{line}"
    );
}

#[test]
fn the_readme_table_is_the_rule_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("the README");
    let begin = "<!-- diff-rules: begin; `cargo xtask diff --rules --format markdown` -->\n";
    let end = "<!-- diff-rules: end -->";
    let table = readme
        .split_once(begin)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(table, _)| table)
        .expect("the README has the diff-rules markers");
    assert_eq!(
        table,
        rules::markdown(),
        "the README's rule table is stale: paste `cargo xtask diff --rules --format markdown` between its markers"
    );
}
