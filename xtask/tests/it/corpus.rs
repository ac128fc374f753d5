//! The published documents of `xtask/tests/fixtures/published/` (the corpus), in memory: each
//! is still accepted, with the notes and overlay actions it had. `cargo xtask corpus` generates
//! them all and builds, clippy- and doc-checks their crates; this is the part cheap enough for
//! every `cargo test`.
//!
//! Cost (CPU, debug build, 2026-12-07): `prepare` of all five ≈ 1.5 s (Clerk 0.8 s);
//! progenitor on top (`render::syntax`, no rustfmt) would add ≈ 6.6 s (Clerk 3.4 s, each Kratos
//! ≈ 1 s, each Supabase 0.6 s), too much for the spec-edit loop: only the smallest document is
//! given to progenitor here; the command gives it all of them.

use std::path::Path;

use xtask::corpus::{self, Fixture};
use xtask::spec::Source;

use crate::common::xtask;

/// Per fixture: the overlay actions it still needs (each works around a defect that a repair
/// in the xtask is to make unneeded: delete the action, and lower its count here), and how
/// many notes `generate` prints for it.
const EXPECTED: [(&str, usize, usize); 5] = [
    ("clerk-bapi-2026-05-12", 4, 17),
    ("kratos-2026-05-04", 2, 110),
    ("kratos-2026-07-29", 2, 116),
    ("supabase-auth-2026-02-19", 2, 74),
    ("supabase-auth-2026-06-25", 2, 74),
];

/// The fixture that progenitor also sees in memory: the smallest, and its unlink operation
/// (the published document has no `operationId`: it is derived).
const RENDERED: (&str, &str) = (
    "supabase-auth-2026-06-25",
    "delete_user_identities_by_identity_id",
);

/// A document's notes, or its problems, one line each.
type Prepared = Result<Vec<String>, Vec<String>>;

fn fixtures() -> Vec<Fixture> {
    corpus::fixtures(&xtask::workspace_root()).unwrap()
}

/// How many actions the fixture's overlay has (0 without one).
fn overlay_actions(source: &Source) -> usize {
    match source {
        Source::Published {
            overlay: Some(overlay),
            ..
        } => {
            let overlay: serde_json::Value = serde_norway::from_str(&overlay.text).unwrap();
            overlay["actions"].as_array().map_or(0, Vec::len)
        }
        _ => 0,
    }
}

#[test]
fn every_published_document_is_accepted_with_its_notes_and_overlay_actions() {
    let fixtures = fixtures();
    let stems: Vec<&str> = fixtures.iter().map(|f| f.stem.as_str()).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|(stem, _, _)| *stem).collect();
    assert_eq!(
        stems, expected,
        "a fixture added or removed: update EXPECTED"
    );
    // One thread each: Clerk alone is half the time.
    let found: Vec<(usize, Prepared)> = std::thread::scope(|scope| {
        let runs: Vec<_> = fixtures
            .iter()
            .map(|fixture| {
                scope.spawn(move || {
                    let source = fixture.source().unwrap();
                    let prepared = xtask::spec::prepare(&source);
                    let lines =
                        |found: &[xtask::Problem]| found.iter().map(|p| p.to_string()).collect();
                    (
                        overlay_actions(&source),
                        prepared.map(|p| lines(&p.notes)).map_err(|e| lines(&e)),
                    )
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    for ((stem, actions, notes), (found_actions, prepared)) in EXPECTED.iter().zip(found) {
        let found_notes = prepared
            .unwrap_or_else(|problems| panic!("{stem} is refused:\n{}", problems.join("\n")));
        assert_eq!(
            (found_actions, found_notes.len()),
            (*actions, *notes),
            "{stem}: (overlay actions, notes) changed; its notes now:\n{}",
            found_notes.join("\n")
        );
    }
}

#[test]
fn the_smallest_published_document_generates_its_unlink_call() {
    let (stem, unlink) = RENDERED;
    let fixture = fixtures().into_iter().find(|f| f.stem == stem).unwrap();
    let source = fixture.source().unwrap();
    let prepared = xtask::spec::prepare(&source).unwrap();
    let syntax = xtask::render::syntax(&prepared.openapi, &source.name())
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    let code = quote::ToTokens::to_token_stream(&syntax).to_string();
    assert!(
        code.contains(&format!("fn {unlink} ")),
        "no method {unlink}"
    );
}

#[test]
fn a_fixture_becomes_a_provider_with_its_overlay_beside_it() {
    assert_eq!(
        corpus::provider_name("kratos-2026-05-04").as_deref(),
        Some("kratos_2026_05_04")
    );
    assert_eq!(
        corpus::provider_name("Clerk.bapi").as_deref(),
        Some("clerk_bapi")
    );
    assert_eq!(corpus::provider_name("2026-kratos"), None);
    assert_eq!(corpus::provider_name("kratos api"), None);

    let kratos = fixtures()
        .into_iter()
        .find(|f| f.stem == "kratos-2026-05-04")
        .unwrap();
    let files: Vec<(String, String)> = kratos
        .spec_files()
        .into_iter()
        .map(|(file, from)| {
            (
                file,
                from.file_name().unwrap().to_string_lossy().into_owned(),
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            (
                "specs/upstream/kratos_2026_05_04.json".to_owned(),
                "kratos-2026-05-04.json".to_owned()
            ),
            (
                "specs/kratos_2026_05_04.overlay.yaml".to_owned(),
                "kratos-2026-05-04.overlay.yaml".to_owned()
            ),
        ]
    );
    assert_eq!(kratos.package(), "kratos_2026_05_04-client");
}

#[test]
fn an_overlay_without_its_document_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let published = dir.path().join(corpus::FIXTURES);
    std::fs::create_dir_all(&published).unwrap();
    std::fs::write(published.join("acme.overlay.yaml"), "overlay: 1.0.0\n").unwrap();
    assert_eq!(
        corpus::fixtures(dir.path()),
        Err(format!(
            "{}/acme.overlay.yaml: no document acme.json (or .yaml) beside it",
            corpus::FIXTURES
        ))
    );
}

#[test]
fn the_scratch_manifest_takes_the_workspace_tables_as_written() {
    let root = xtask::workspace_root();
    let text = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let ours: toml_edit::DocumentMut = text.parse().unwrap();
    let scratch: toml_edit::DocumentMut = corpus::manifest(&text).unwrap().parse().unwrap();
    for key in ["dependencies", "lints", "package", "resolver"] {
        assert_eq!(
            scratch["workspace"][key].to_string(),
            ours["workspace"][key].to_string(),
            "[workspace.{key}]"
        );
    }
    assert_eq!(
        scratch["profile"]["dev"].to_string(),
        ours["profile"]["dev"].to_string()
    );
    assert_eq!(
        scratch["workspace"]["members"].to_string().trim(),
        r#"["crates/*"]"#
    );
}

#[test]
fn the_command_names_its_fixtures_when_asked_for_one_it_lacks() {
    let (code, out, err) = xtask(&xtask::workspace_root(), &["corpus", "--only", "okta"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "error: no fixture okta; the fixtures are: clerk-bapi-2026-05-12, kratos-2026-05-04, \
         kratos-2026-07-29, supabase-auth-2026-02-19, supabase-auth-2026-06-25\n"
    );
    let (code, out, _) = xtask(Path::new("."), &["corpus", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("usage: cargo xtask corpus [--only NAME]"),
        "{out}"
    );
}
