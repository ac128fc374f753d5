//! Input that could make the xtask hang or take minutes: a FIFO given to `diff --from`, YAML
//! nested deeper than any parser should follow. Each case runs the xtask binary as a child
//! process with a bound on its time, so that a hang fails the test instead of stalling it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{TINY, workspace};

/// Runs the xtask binary with `args` in `root`; `None` if it had not finished after `limit`
/// (it is then killed), else (exit code, stdout, stderr).
fn run_within(root: &Path, args: &[&str], limit: Duration) -> Option<(i32, String, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the xtask binary runs");
    let start = Instant::now();
    while child
        .try_wait()
        .expect("the child can be waited on")
        .is_none()
    {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("the child's output");
    Some((
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

/// Runs `cargo xtask <args>` on `root` in this process (the binary works on this workspace),
/// on a thread; `None` if it had not finished after `limit` (the thread is left to finish on
/// its own), else (exit code, stdout, stderr).
fn xtask_within(root: &Path, args: &[&str], limit: Duration) -> Option<(i32, String, String)> {
    let (root, args) = (
        root.to_path_buf(),
        args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>(),
    );
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = crate::common::xtask(&root, &args);
        let _ = send.send((i32::from(code), out, err));
    });
    receive.recv_timeout(limit).ok()
}

/// `diff --from` a FIFO that no one writes to: refused by name, as a spec path that is not a
/// regular file is, instead of waiting forever for a writer.
#[cfg(unix)]
#[test]
fn diff_from_a_fifo_is_refused_not_waited_on() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    let fifo = dir.path().join("old.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    for args in [
        ["diff", "--from", "old.yaml", "--to", "specs/tiny.yaml"],
        ["diff", "--from", "specs/tiny.yaml", "--to", "old.yaml"],
    ] {
        let finished = run_within(dir.path(), &args, Duration::from_secs(20));
        assert_eq!(
            finished,
            Some((
                2,
                String::new(),
                "error: cannot read old.yaml: not a regular file\n".to_owned()
            )),
            "{args:?}"
        );
    }
}

/// How the xtask refuses a text nested deeper than 128 collections, at `file:line:column`.
fn too_deep(file: &str, line: usize, column: usize) -> String {
    format!(
        "{file}:{line}:{column}: invalid YAML: collections nested more than 128 deep here; refused before parsing"
    )
}

/// YAML nested 100,000 deep (200-500 KB) took libyaml minutes to read before serde_norway
/// refused it: a spec, a published document, an overlay and `diff --from` are each refused
/// at the collection that passes 128 levels, in milliseconds (the bound here is generous).
#[test]
fn yaml_nested_100_000_deep_is_refused_quickly_wherever_it_is_read() {
    const N: usize = 100_000;
    // `{a: {a: …`, the slowest form measured (about two minutes); the 129th `{` is at 513.
    let flow_maps = format!("{}1{}", "{a: ".repeat(N), "}".repeat(N));
    // `a: [[[…`, inside a block mapping: the 128th `[` is the 129th collection, at 131.
    let flow_lists = format!("a: {}{}\n", "[".repeat(N), "]".repeat(N));
    // `- - - …`: block sequences in a mapping, the 128th `-` (the 129th collection) at 255.
    let block_lists = format!("overlay: 1.0.0\nx-deep:\n{}x\n", "- ".repeat(N));
    let spec = workspace(&[("deep.yaml", &flow_maps)]);
    let upstream = workspace(&[("upstream/deep.yaml", &flow_lists)]);
    let overlay = workspace(&[
        (
            "upstream/deep.json",
            &crate::common::fixture("shapes/no_operation_ids.json"),
        ),
        ("deep.overlay.yaml", &block_lists),
    ]);
    let diff = workspace(&[("tiny.yaml", TINY)]);
    std::fs::write(diff.path().join("deep.yaml"), &flow_maps).unwrap();
    let nothing_written =
        |problem: String| format!("{problem}\nerror: 1 problem(s); nothing was written\n");
    let cases = [
        (
            spec.path(),
            vec!["generate"],
            1,
            nothing_written(too_deep("specs/deep.yaml", 1, 513)),
        ),
        (
            upstream.path(),
            vec!["generate"],
            1,
            nothing_written(too_deep("specs/upstream/deep.yaml", 1, 131)),
        ),
        (
            overlay.path(),
            vec!["generate"],
            1,
            nothing_written(too_deep("specs/deep.overlay.yaml", 3, 255)),
        ),
        (
            diff.path(),
            vec!["diff", "--from", "deep.yaml", "--to", "specs/tiny.yaml"],
            2,
            format!(
                "error: the old (deep.yaml) side has problems: {}\n",
                too_deep("deep.yaml", 1, 513)
            ),
        ),
    ];
    for (root, args, code, expected) in &cases {
        let finished = if args[0] == "diff" {
            run_within(root, args, Duration::from_secs(20))
        } else {
            xtask_within(root, args, Duration::from_secs(20))
        };
        assert_eq!(
            finished,
            Some((*code, String::new(), expected.clone())),
            "{args:?}"
        );
    }
}

/// Aliases repeat what they name: a 10 KB text of 1,500 aliases to a list of 1,500 items is
/// 2.25 million values (serde_norway's own limit counts the aliases, not what they bring).
/// Refused once the values pass twice the text's size plus a million: memory stays in
/// proportion to the text.
#[test]
fn aliases_that_expand_far_past_the_text_are_refused() {
    const N: usize = 1_500;
    let wide = format!(
        "openapi: 3.0.3\nx-items: &items [{}]\nx-copies: [{}]\n",
        vec!["1"; N].join(", "),
        vec!["*items"; N].join(", ")
    );
    let dir = workspace(&[("wide.yaml", &wide)]);
    let (code, out, err) = crate::common::xtask(dir.path(), &["generate"]);
    assert_eq!((code, out.as_str()), (1, ""));
    let problem = err.lines().next().unwrap();
    // Located at the list an alias repeats, where the values ran out.
    assert!(
        problem.starts_with("specs/wide.yaml:2:10: invalid YAML: x-copies[")
            && problem.contains("]: the aliases repeat more than a document this size holds (twice its size in bytes plus a million values); refused"),
        "{err}"
    );
}

/// How deep `value` nests its lists and mappings (an empty one counts).
fn real_depth(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(real_depth).max().unwrap_or(0),
        serde_json::Value::Object(fields) => 1 + fields.values().map(real_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A value nested up to 140 deep: a spine of lists and mappings, each level with a few
/// scalar (or empty-collection) siblings; strings full of YAML's indicators.
fn nested_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value;
    let leaf = prop_oneof![
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[-\\[\\]{}#:,'\"|>&*!? \\na-z]{0,12}".prop_map(Value::from),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(serde_json::Map::new())),
    ];
    let level = (
        any::<bool>(),
        "[-\\[\\]{}#:,'\"|>&*!? a-z]{1,6}",
        proptest::collection::vec(leaf.clone(), 0..3),
    );
    (proptest::collection::vec(level, 0..140), leaf).prop_map(|(levels, innermost)| {
        levels
            .into_iter()
            .fold(innermost, |inner, (list, key, siblings)| {
                if list {
                    let mut items = siblings;
                    items.insert(items.len() / 2, inner);
                    Value::Array(items)
                } else {
                    let mut fields: serde_json::Map<String, Value> = siblings
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (format!("{key}{i}"), v))
                        .collect();
                    fields.insert(key, inner);
                    Value::Object(fields)
                }
            })
    })
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(64))]

    /// The depth check never reads a text as shallower than the value it parses to: for any
    /// value serialized as block YAML (serde_norway) or as flow YAML (JSON), the measured depth
    /// is the value's, and a value deeper than 128 is refused.
    #[test]
    fn the_depth_check_measures_the_depth_of_what_the_text_parses_to(value in nested_value()) {
        let depth = real_depth(&value);
        for text in [
            serde_norway::to_string(&value).unwrap(),
            serde_json::to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            proptest::prop_assert_eq!(xtask::yaml_depth::depth(&text, 1_000), Ok(depth), "{}", text);
            let limited = xtask::yaml_depth::depth(&text, xtask::yaml_depth::MAX_DEPTH);
            proptest::prop_assert_eq!(limited.is_err(), depth > 128, "{}", text);
        }
    }
}

/// The workspace's specs and the test fixtures: the depth check measures what they parse to,
/// far below the limit.
#[test]
fn the_depth_check_measures_the_specs_and_fixtures() {
    fn walk(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
            {
                found.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("../specs"), &mut files);
    walk(&root.join("tests/fixtures"), &mut files);
    assert!(files.len() > 10, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let value: serde_json::Value = serde_norway::from_str(&text).unwrap();
        assert_eq!(
            xtask::yaml_depth::depth(&text, xtask::yaml_depth::MAX_DEPTH),
            Ok(real_depth(&value)),
            "{}",
            file.display()
        );
    }
}

/// `release` whose crate's `Cargo.toml` is a FIFO that no one writes to: refused by name,
/// instead of waiting forever for a writer.
#[cfg(unix)]
#[test]
fn release_with_a_fifo_for_a_manifest_is_refused_not_waited_on() {
    let dir = workspace(&[("tiny.yaml", TINY)]);
    assert_eq!(crate::common::xtask(dir.path(), &["generate"]).0, 0);
    let manifest = dir.path().join("crates/tiny-client/Cargo.toml");
    std::fs::remove_file(&manifest).unwrap();
    let made = Command::new("mkfifo").arg(&manifest).status();
    assert!(made.unwrap().success());
    let (code, out, err) = xtask_within(dir.path(), &["release", "tiny"], Duration::from_secs(20))
        .expect("release does not wait for a writer");
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.contains("crates/tiny-client/Cargo.toml") && err.contains("not a regular file"),
        "{err}"
    );
}

/// A schema nested `depth` levels in `items`, with `bottom` as the innermost schema, as a
/// whole spec (the pointer of the innermost schema second).
fn nested_items(depth: usize, bottom: &str) -> (String, String) {
    let schema = format!("{}{bottom}{}", "{items: ".repeat(depth), "}".repeat(depth));
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    Thing: {schema}\n"
    );
    (
        spec,
        format!("/components/schemas/Thing{}", "/items".repeat(depth)),
    )
}

/// openapiv3's untagged enums try each variant of a schema at each level, so an invalid
/// schema at the bottom of 30 nested `items` took hours to type (it doubled with each level;
/// seen at 14 levels: 0.5 s, 20: 40 s). Each schema is now checked on its own first, its
/// subschemas stubbed: refused at the invalid schema, at once.
#[test]
fn an_invalid_schema_deep_in_items_is_refused_at_once_where_it_is() {
    let (spec, at) = nested_items(40, "{type: {x: string}}");
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, out, err) = xtask_within(dir.path(), &["generate"], Duration::from_secs(20))
        .expect("refused within 20 s");
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.starts_with(&format!("specs/tiny.yaml: {at}")), "{err}");
    // Valid, the same depth generates.
    let (spec, _) = nested_items(40, "{type: string}");
    let dir = workspace(&[("tiny.yaml", &spec)]);
    let (code, _, err) = xtask_within(dir.path(), &["generate"], Duration::from_secs(20))
        .expect("generated within 20 s");
    assert_eq!(code, 0, "{err}");
}

/// A spec whose query parameter has `minimum` beside a `oneOf` of `width` members, the first
/// a `oneOf` again, `depth` times: typify merges the keyword into each member, in time that
/// grows exponentially (measured: depth 9 × width 2 about 1 s, depth 2 × width 8 minutes).
fn merged_one_of(depth: usize, width: usize) -> String {
    let mut schema = "{type: string}".to_owned();
    for _ in 0..depth {
        let others = vec!["{type: string, maxLength: 3}"; width - 1].join(", ");
        schema = format!("{{oneOf: [{schema}, {others}]}}");
    }
    format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths:\n  /x:\n    get:\n      operationId: get_x\n      parameters:\n        - name: p\n          in: query\n          required: true\n          schema: {{minimum: 10, oneOf: [{schema}, {{type: string}}]}}\n      responses:\n        '200': {{description: ok}}\n"
    )
}

/// progenitor on a small valid document that typify takes minutes to merge: given up at the
/// time limit, with a problem at the schema it merges, instead of a hang.
#[test]
fn a_schema_that_progenitor_would_take_minutes_on_is_given_up_at_the_limit() {
    let source = xtask::spec::Source::Spec(xtask::spec::Text {
        file: "specs/tiny.yaml".to_owned(),
        // About 1.1 s alone (measured), so 200 ms always gives up on it, and the thread left
        // running ends soon after.
        text: merged_one_of(9, 2),
    });
    let prepared = xtask::spec::prepare(&source).expect("a valid document");
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let outcome = xtask::render::syntax_within(
            &prepared.openapi,
            "specs/tiny.yaml",
            Duration::from_millis(200),
        )
        .map(|_| ());
        let _ = send.send(outcome);
    });
    let problems = receive
        .recv_timeout(Duration::from_secs(30))
        .expect("given up within 30 s")
        .expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = problems[0].to_string();
    assert!(
        problem.starts_with(
            "specs/tiny.yaml: /paths/~1x/get/parameters/0/schema: progenitor did not finish within 0.2 s"
        ),
        "{problem}"
    );
}
