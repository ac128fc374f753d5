//! `cargo xtask diff` reads the old side's public Rust API from the code committed with it when
//! that code's first line names exactly the old side's spec (its files and their SHA-256), and
//! generates it otherwise (issue 25, item 6). The API so read is the API generated in memory,
//! and `render::api_syntax` (what `diff` generates) reads the same API as `render::syntax`.

use std::path::Path;

use xtask::diff::rust_api::Api;
use xtask::diff::source;
use xtask::spec::{Source, Text};

use crate::common::{TINY, fixture, generated_supabase, workspace, xtask};
use crate::diff_cli::{add_optional_query, committed, git};

/// The public API of `source` generated in memory: read from `render::syntax` (what `generate`
/// prints) and from `render::api_syntax` (what `diff` generates), which must agree.
fn generated_api(source: &Source) -> Api {
    let name = source.name();
    let document = xtask::diff::load_source(source).unwrap();
    let printed = Api::read(&xtask::render::syntax(&document.openapi, &name).unwrap());
    let read_by_diff = Api::read(&xtask::render::api_syntax(&document.openapi, &name).unwrap());
    assert_eq!(
        printed, read_by_diff,
        "{name}: api_syntax reads another API"
    );
    assert!(!printed.entries.is_empty(), "{name}: no API at all");
    printed
}

/// The public API of the code `read` holds for `provider`, as `diff` reads it: the code's
/// first line must name `source`.
fn committed_api(read: &source::Reader<'_>, provider: &str, source: &Source) -> Api {
    let code = source::committed_code(read, provider, source)
        .unwrap_or_else(|| panic!("{provider}: no code generated from {}", source.name()));
    let api = Api::read_code(&code).unwrap();
    assert_eq!(
        api,
        Api::read(&syn::parse_file(&code).unwrap()),
        "{provider}"
    );
    api
}

#[test]
fn the_committed_client_of_each_spec_has_the_api_generated_in_memory() {
    let root = xtask::workspace_root();
    let providers = xtask::providers(&root).unwrap();
    assert_eq!(providers, ["cloudbase", "manta", "oneaccess"]);
    for provider in &providers {
        let spec = xtask::spec::read(&root, provider).unwrap();
        let read = source::working_tree(&root);
        assert_eq!(
            committed_api(&read, provider, &spec),
            generated_api(&spec),
            "{provider}"
        );
    }
}

/// Supabase Auth as published, generated into a workspace: its code has the API generated in
/// memory. (`cargo xtask corpus` checks every published document the same way, with
/// [`xtask::diff::check_committed_api`]; Kratos takes seconds, too long for this loop.)
#[test]
fn a_published_document_generated_has_the_api_generated_in_memory() {
    let (_, code) = generated_supabase();
    let spec = Source::Published {
        upstream: Text {
            file: "specs/upstream/supabase.yaml".to_owned(),
            text: fixture("published/supabase-auth-2026-06-25.yaml"),
        },
        overlay: None,
    };
    // Its first line names the document, and the fast reader reads the API a full parse does.
    let read = |path: &str| Ok((path == xtask::generated_file("supabase")).then(|| code.clone()));
    committed_api(&read, "supabase", &spec);
    // `syntax`, `api_syntax` and the code agree (the comparison `generated_api` makes, without
    // generating the document twice more: 1.3 s of the loop's CPU).
    assert_eq!(xtask::diff::check_committed_api(&spec, code), Ok(()));
    // And it fails loudly on code generated from something else.
    let other = code.replace("pub struct ", "pub struct Planted; pub struct ");
    assert!(xtask::diff::check_committed_api(&spec, &other).is_err());
}

/// A sample of the diff fixtures (every sixth directory, both sides; all 138 took 7 s): the
/// API `diff` generates is the API of the code `generate` prints.
#[test]
fn the_api_that_diff_generates_is_the_api_of_the_printed_code_on_diff_fixtures() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let mut classes: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    classes.sort();
    let mut compared = 0;
    for class in classes.iter().step_by(6) {
        for side in ["old.yaml", "new.yaml"] {
            let file = class.join(side).to_string_lossy().into_owned();
            let spec = Source::Spec(Text {
                text: std::fs::read_to_string(&file).unwrap(),
                file,
            });
            generated_api(&spec);
            compared += 1;
        }
    }
    assert!(compared > 40, "{compared} fixtures");
}

/// TINY and its client, generated and then edited by `edit`, committed; in the working tree,
/// TINY with an optional query parameter more: the report of `diff tiny`.
fn report_with_client(edit: impl Fn(&str) -> String) -> String {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(xtask(dir.path(), &["generate"]).0, 0);
    let generated = dir.path().join(xtask::generated_file("tiny"));
    let code = std::fs::read_to_string(&generated).unwrap();
    std::fs::write(&generated, edit(&code)).unwrap();
    git(dir.path(), &["init", "--quiet"]);
    git(dir.path(), &["add", "."]);
    git(
        dir.path(),
        &["commit", "--quiet", "-m", "tiny and its client"],
    );
    add_optional_query(dir.path());
    let (code, out, err) = xtask(dir.path(), &["diff", "tiny"]);
    assert_eq!((code, err.as_str()), (0, ""));
    out
}

/// A public struct more in the committed code's `types`: seen in a report only if the API is
/// read from that code.
fn planted(code: &str) -> String {
    let planted = code.replacen(
        "pub mod types {",
        "pub mod types {\n    pub struct Planted;",
        1,
    );
    assert_ne!(planted, code, "no module types");
    planted
}

#[test]
fn the_old_side_is_read_from_its_committed_code_only_when_that_was_generated_from_it() {
    // No client committed: the old side is generated.
    let dir = committed(&[("tiny.yaml", TINY)]);
    add_optional_query(dir.path());
    let generated = xtask(dir.path(), &["diff", "tiny"]).1;
    assert!(
        generated.contains("builder::DeleteThing: method force(self, impl TryInto<bool>) added"),
        "{generated}"
    );
    // The client as generated: the same report.
    assert_eq!(report_with_client(str::to_owned), generated);
    // The committed code is read: what was planted in it is gone on the new side.
    let read = report_with_client(planted);
    assert!(read.contains("struct types::Planted removed"), "{read}");
    // Its first line names another text of the spec (a stale client): generated again.
    let stale = |code: &str| {
        let (header, rest) = code.split_once('\n').unwrap();
        let (before, after) = header.split_once("(sha256 ").unwrap();
        let other = xtask::sha256_hex(b"another spec");
        planted(&format!("{before}(sha256 {other}{}\n{rest}", &after[64..]))
    };
    assert_eq!(report_with_client(stale), generated);
    // It does not parse: generated again.
    assert_eq!(
        report_with_client(|code| format!("{}\nfn {{", planted(code))),
        generated
    );
}
