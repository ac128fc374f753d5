//! The xtask never panics and never hangs on input: a few hundred mutants of the specs and
//! fixtures (`cargo xtask mutate` runs thousands in CI), and every mutant that once broke
//! something, kept in `tests/fixtures/mutants/`.

use std::path::Path;
use std::time::Duration;

use xtask::mutate::{self, Settings, Verdict};

/// Long enough for a mutant that takes milliseconds on a loaded machine; a hang takes minutes.
const DEADLINE: Duration = Duration::from_secs(10);

/// How long progenitor may take on one mutant here: less than `cargo xtask mutate` gives it,
/// so that the kept mutant that typify would merge for minutes costs a fraction of a second
/// (a document given up on is a located problem all the same).
const PROGENITOR: Duration = Duration::from_millis(300);

/// The xtask's executable: mutants run in worker processes of it, killed if they hang.
const XTASK: &str = env!("CARGO_BIN_EXE_xtask");

fn corpus() -> Vec<mutate::Input> {
    let corpus = mutate::corpus(&xtask::workspace_root());
    assert!(
        corpus.len() > 50,
        "the specs and fixtures: {} inputs",
        corpus.len()
    );
    corpus
}

#[test]
fn a_few_hundred_mutants_end_in_success_or_in_located_problems() {
    let scratch = xtask::scratch::Scratch::new("mutants-test").unwrap();
    let settings = Settings {
        seed: 23,
        indices: 0..200,
        seconds: None,
        deadline: DEADLINE,
        workspace: Some(scratch.path().to_path_buf()),
        running: None,
        worker: Some(XTASK.into()),
        progenitor: PROGENITOR,
    };
    let figures = mutate::run_many(&corpus(), &settings, &mut |_, _| {});
    let failures: Vec<String> = figures
        .failures
        .iter()
        .map(|(mutant, verdict)| format!("{}\n    {verdict}", mutant.describe()))
        .collect();
    let report = format!(
        "{} mutant(s) failed (their files: cargo xtask mutate --seed 23 --index N):\n{}\n{}",
        failures.len(),
        failures.join("\n"),
        figures.summary()
    );
    assert!(failures.is_empty(), "{report}");
    assert_eq!(figures.run, 200, "{}", figures.summary());
    // Mutants reach both ends: some are refused, some generate, some through the whole plan.
    assert!(
        figures.successes > 20 && figures.problems > 20 && figures.full > 5,
        "{}",
        figures.summary()
    );
}

#[test]
fn each_kept_mutant_ends_in_success_or_in_located_problems() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mutants");
    let scratch = xtask::scratch::Scratch::new("mutants-cases-test").unwrap();
    // In memory, then through the whole plan (the scaffold's files included), in a process
    // of the xtask's that is killed if it hangs.
    let results =
        mutate::check_cases(Path::new(XTASK), &dir, scratch.path(), DEADLINE, PROGENITOR).unwrap();
    assert!(
        results.len() >= 8,
        "{} runs in {}",
        results.len(),
        dir.display()
    );
    let failures: Vec<String> = results
        .iter()
        .filter(|r| r.verdict.failed())
        .map(ToString::to_string)
        .collect();
    let report = format!(
        "{} of {} runs of the kept mutants failed:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
    assert!(failures.is_empty(), "{report}");
}

#[test]
fn a_panic_and_a_hang_are_caught_and_told_apart() {
    let (verdict, _) = mutate::guarded(DEADLINE, || panic!("a mutant's panic"));
    let Verdict::Panic(message) = verdict else {
        panic!("expected a panic, got {verdict}");
    };
    assert!(message.starts_with("a mutant's panic (at "), "{message}");
    assert!(
        message.contains("mutants.rs:"),
        "where it was raised: {message}"
    );

    let (verdict, time) = mutate::guarded(Duration::from_millis(100), || {
        std::thread::sleep(Duration::from_secs(5));
        Verdict::Success
    });
    assert_eq!(verdict, Verdict::Hang(Duration::from_millis(100)));
    assert!(
        time < Duration::from_secs(5),
        "the caller did not wait: {time:?}"
    );

    let (verdict, _) = mutate::guarded(DEADLINE, || {
        Verdict::Problems(1, "specs/x.yaml: /: why".to_owned())
    });
    assert!(!verdict.failed(), "{verdict}");
}

#[test]
fn a_mutant_depends_only_on_its_seed_and_index() {
    let corpus = corpus();
    let text = |m: &mutate::Mutant| format!("{:?}", m.source);
    let a = mutate::mutant(&corpus, 7, 42);
    let again = mutate::mutant(&corpus, 7, 42);
    assert_eq!((text(&a), &a.mutations), (text(&again), &again.mutations));
    let others: Vec<String> = (0..20)
        .map(|i| text(&mutate::mutant(&corpus, 7, i)))
        .collect();
    assert!(
        others.iter().filter(|o| **o == text(&a)).count() <= 1,
        "mutants of one seed differ"
    );
    assert_ne!(
        text(&mutate::mutant(&corpus, 8, 42)),
        text(&a),
        "seeds differ"
    );
}

#[test]
fn the_time_bound_stops_the_run_and_says_so() {
    let settings = Settings {
        seed: 1,
        indices: 0..1000,
        seconds: Some(Duration::ZERO),
        deadline: DEADLINE,
        workspace: None,
        running: None,
        worker: None,
        progenitor: PROGENITOR,
    };
    let figures = mutate::run_many(&corpus(), &settings, &mut |_, _| {});
    assert_eq!(figures.run, 0);
    let summary = figures.summary();
    assert!(
        summary.contains("stopped early: the time bound of 0ns was reached before mutant 0"),
        "{summary}"
    );
}
