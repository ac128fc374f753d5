//! A client crate's `[dependencies]` follow what its generated code uses: added where the
//! generated code names a crate, removed where the xtask added one that it no longer names,
//! hand-written entries left alone, and `--check` reports a stale Cargo.toml.

use std::collections::BTreeSet;

use xtask::dependencies::{MARK, crates_in, in_step, used};

use crate::common::{workspace, xtask};

/// A spec whose one schema has a property of `format`, and the `pattern` given.
fn spec(properties: &str) -> String {
    format!(
        r#"openapi: 3.0.3
info:
  title: Dated API
  version: '1'
paths:
  /things:
    get:
      operationId: list_things
      responses:
        '200':
          description: The things
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
components:
  schemas:
    Thing:
      type: object
      properties:
{properties}"#
    )
}

const DATED: &str = "        at:\n          type: string\n          format: date-time\n";
const UUID: &str = "        id:\n          type: string\n          format: uuid\n";
const PATTERN: &str = "        code:\n          type: string\n          pattern: '^[a-z]+$'\n";

fn manifest(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("crates/dated-client/Cargo.toml")).unwrap()
}

#[test]
fn the_created_crate_lists_what_its_generated_code_uses_and_keeps_it_in_step() {
    let all = spec(&format!("{DATED}{UUID}{PATTERN}"));
    let dir = workspace(&[("dated.yaml", &all)]);
    let (code, _, err) = xtask(dir.path(), &["generate"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let created = manifest(dir.path());
    for line in [
        format!("chrono.workspace = true {MARK}"),
        format!("regress.workspace = true {MARK}"),
        format!("uuid.workspace = true {MARK}"),
        // The scaffold's own entries are hand-written: no mark.
        "serde_json.workspace = true\n".to_owned(),
    ] {
        assert!(created.contains(&line), "{line:?} missing:\n{created}");
    }

    // A hand-written entry and a comment of the user's, then the spec loses its uuid and
    // pattern: `--check` says Cargo.toml is stale, and generate removes only the xtask's.
    let edited = created.replace(
        "[dependencies]\n",
        "[dependencies]\n# mine\nanyhow = \"1\" # my own\n",
    );
    std::fs::write(dir.path().join("crates/dated-client/Cargo.toml"), &edited).unwrap();
    std::fs::write(dir.path().join("specs/dated.yaml"), spec(DATED)).unwrap();
    let (code, out, _) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("-uuid.workspace = true {MARK}")),
        "{out}"
    );
    assert!(
        out.contains(&format!("-regress.workspace = true {MARK}")),
        "{out}"
    );
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let expected = edited
        .replace(&format!("regress.workspace = true {MARK}\n"), "")
        .replace(&format!("uuid.workspace = true {MARK}\n"), "");
    assert_eq!(manifest(dir.path()), expected);

    // Up to date now; back to all three, they are added again (after the others).
    let (code, out, _) = xtask(dir.path(), &["generate", "--check"]);
    assert_eq!((code, out.as_str()), (0, "3 file(s) up to date\n"));
    std::fs::write(dir.path().join("specs/dated.yaml"), &all).unwrap();
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let again = manifest(dir.path());
    assert!(again.contains("anyhow = \"1\" # my own\n"), "{again}");
    assert!(
        again.contains(&format!(
            "chrono.workspace = true {MARK}\nregress.workspace = true {MARK}\nuuid.workspace = true {MARK}\n"
        )),
        "{again}"
    );
}

#[test]
fn a_hand_written_entry_is_never_touched() {
    // The crate's author declared chrono themselves (another form, other features) and
    // regress too, which the spec does not need: both stay as written, nothing is added twice.
    let hand_written = "[package]\nname = \"dated-client\"\n\n[dependencies]\nchrono = { version = \"0.4\", features = [\"clock\"] } # for my hooks\nregress.workspace = true\n";
    let used: BTreeSet<&str> = ["chrono", "serde"].into_iter().collect();
    let out = in_step(hand_written, "Cargo.toml", &used).unwrap();
    assert_eq!(
        out,
        format!("{hand_written}serde.workspace = true {MARK}\n")
    );
    // Not TOML: a problem naming the file, not a panic.
    let problem = in_step("[dependencies\n", "crates/x/Cargo.toml", &used).unwrap_err();
    assert!(
        problem
            .to_string()
            .starts_with("crates/x/Cargo.toml: /: is not TOML: "),
        "{problem}"
    );
}

#[test]
fn the_crates_are_read_from_the_generated_syntax() {
    let local: BTreeSet<String> = ["types", "defaults"].map(str::to_owned).into();
    let read = |code: &str| -> Vec<String> {
        crates_in(code.parse().unwrap(), &local)
            .into_iter()
            .collect()
    };
    assert_eq!(
        read("<D::Error as ::serde::de::Error>::custom(e)"),
        ["serde"]
    );
    assert_eq!(
        read("pub at: ::chrono::DateTime<::chrono::offset::Utc>"),
        ["chrono"]
    );
    assert_eq!(
        read("Vec::<u8>::new(); u64::MAX; Self::X; types::Thing; super::x"),
        [] as [&str; 0]
    );
    assert_eq!(
        read("use futures::StreamExt; progenitor_client::encode_path(x)"),
        ["futures", "progenitor_client"]
    );
    assert_eq!(
        read(
            r#"#[serde(default = "defaults::x", skip_serializing_if = "::serde_json::Map::is_empty")] f: u8"#
        ),
        ["serde_json"]
    );
    assert_eq!(
        read("#[allow(clippy::all, rustdoc::bare_urls)] fn f<'a>(x: &'a ::std::string::String) {}"),
        ["std"]
    );
}

#[test]
fn an_unknown_crate_is_a_problem_at_the_schema_its_type_comes_from() {
    let doc: openapiv3::OpenAPI = serde_norway::from_str(&spec(DATED)).unwrap();
    let syntax: syn::File =
        syn::parse_str("pub mod types { pub struct Thing { pub at: ::time::OffsetDateTime } }")
            .unwrap();
    let problems = used(&doc, "specs/dated.yaml", &syntax).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "specs/dated.yaml: /components/schemas/Thing: the generated `types::Thing` uses the crate `time`, which the xtask does not know how to add to Cargo.toml (it knows chrono, futures, progenitor_client, regress, reqwest, serde, serde_json, uuid)"
        ]
    );
}
