//! The published documents of `xtask/tests/fixtures/published/` (the corpus), in memory: each
//! is accepted as published (no overlay), with the notes it had. `cargo xtask corpus` generates
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

/// Per fixture: how many notes `generate` prints for it, and the notes of its defects (each
/// as its pointer and what was done), which no overlay works around any more: every published
/// document generates as published (issue 24).
/// A note, as its pointer and what it says.
type Note = (&'static str, &'static str);

const EXPECTED: [(&str, usize, &[Note]); 5] = [
    (
        "clerk-bapi-2026-05-12",
        21,
        &[
            (
                "/paths/~1oauth_applications~1{oauth_application_id}~1logo/put/requestBody/content/multipart~1form-data",
                "operation \"UploadOAuthApplicationLogo\" (PUT /oauth_applications/{oauth_application_id}/logo) left out of the client: request media type(s) multipart/form-data",
            ),
            (
                "/paths/~1organizations~1{organization_id}~1logo/put/requestBody/content/multipart~1form-data",
                "operation \"UploadOrganizationLogo\" (PUT /organizations/{organization_id}/logo) left out of the client",
            ),
            (
                "/paths/~1users~1{user_id}~1profile_image/post/requestBody/content/multipart~1form-data",
                "operation \"SetUserProfileImage\" (POST /users/{user_id}/profile_image) left out of the client",
            ),
            (
                "/paths/~1public~1interstitial/get/parameters/1",
                "operation \"GetPublicInterstitial\" (GET /public/interstitial) left out of the client: parameter \"frontend_api\" becomes the Rust argument `frontend_api`",
            ),
        ],
    ),
    ("kratos-2026-05-04", 113, KRATOS_NAMES),
    (
        "kratos-2026-07-29",
        120,
        &[
            KRATOS_NAMES[0],
            KRATOS_NAMES[1],
            (
                "/paths/~1.well-known~1change-password/get/responses/default",
                "`default` beside 303 and no 2xx becomes the error response for 4XX and 5XX",
            ),
        ],
    ),
    ("supabase-auth-2026-02-19", 76, SUPABASE_REFS),
    ("supabase-auth-2026-06-25", 76, SUPABASE_REFS),
];

/// Both Kratos documents: two schemas and two responses of one Rust name.
const KRATOS_NAMES: &[Note] = &[
    (
        "/components/schemas/nullTime",
        "renamed \"nullTime2\" (`types::NullTime2`), with the 3 reference(s) to it",
    ),
    (
        "/paths/~1health~1ready/get/responses/503/content/application~1json/schema",
        "named `types::IsReadyErrorResponse` (its `title`)",
    ),
];

/// Both Supabase documents: the unlink call's errors name responses where a schema belongs.
const SUPABASE_REFS: &[Note] = &[
    (
        "/paths/~1user~1identities~1{identityId}/delete/responses/401/content/application~1json/schema/$ref",
        "$ref \"#/components/responses/UnauthorizedResponse\" is a response, not a schema: replaced by its JSON schema",
    ),
    (
        "/paths/~1user~1identities~1{identityId}/delete/responses/403/content/application~1json/schema/$ref",
        "$ref \"#/components/responses/ForbiddenResponse\" is a response, not a schema: replaced by its JSON schema",
    ),
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

/// The file extension of the fixture `stem`.
fn ext(stem: &str) -> &'static str {
    if stem.starts_with("kratos") {
        "json"
    } else {
        "yaml"
    }
}

#[test]
fn every_published_document_is_accepted_as_published_with_its_notes() {
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
    for ((stem, notes, defects), (found_actions, prepared)) in EXPECTED.iter().zip(found) {
        let found_notes = prepared
            .unwrap_or_else(|problems| panic!("{stem} is refused:\n{}", problems.join("\n")));
        assert_eq!(found_actions, 0, "{stem} needs an overlay again");
        for (at, what) in *defects {
            assert!(
                found_notes
                    .iter()
                    .any(|note| note.contains(&format!(".{}: {at}: ", ext(stem)))
                        && note.contains(what)),
                "{stem}: no note at {at} saying {what:?}; its notes:\n{}",
                found_notes.join("\n")
            );
        }
        assert_eq!(
            found_notes.len(),
            *notes,
            "{stem}: the number of notes changed; its notes now:\n{}",
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
fn a_fixture_becomes_a_provider_with_its_overlay_and_keep_list_beside_it() {
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

    // A document with an overlay and a keep list beside it, as a fixture may have them.
    let dir = tempfile::tempdir().unwrap();
    let published = dir.path().join(corpus::FIXTURES);
    std::fs::create_dir_all(&published).unwrap();
    for file in [
        "acme-2026-01-02.json",
        "acme-2026-01-02.overlay.yaml",
        "acme-2026-01-02.keep.yaml",
    ] {
        std::fs::write(published.join(file), "{}").unwrap();
    }
    let acme = corpus::fixtures(dir.path()).unwrap().pop().unwrap();
    let files: Vec<(String, String)> = acme
        .spec_files()
        .into_iter()
        .map(|(file, from)| {
            (
                file,
                from.file_name().unwrap().to_string_lossy().into_owned(),
            )
        })
        .collect();
    let expected = [
        (
            "specs/upstream/acme_2026_01_02.json",
            "acme-2026-01-02.json",
        ),
        (
            "specs/acme_2026_01_02.overlay.yaml",
            "acme-2026-01-02.overlay.yaml",
        ),
        (
            "specs/acme_2026_01_02.keep.yaml",
            "acme-2026-01-02.keep.yaml",
        ),
    ]
    .map(|(to, from)| (to.to_owned(), from.to_owned()));
    assert_eq!(files, expected);
    assert_eq!(acme.package(), "acme_2026_01_02-client");
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
