//! The regression cases kept in xtask/tests/fixtures/mutants/: the files written from a failing
//! mutant, and read back. `case_runs.rs` runs them.

use std::path::Path;

use super::inputs::Input;
use super::inputs::provider_name;
use crate::spec::{KEEP_SUFFIX, OVERLAY_SUFFIX, Source, Text, UPSTREAM_DIR};

/// The files of a regression case, as `xtask/tests/fixtures/mutants/` keeps them: `<name>.yaml`
/// is a hand-written spec; `<name>.json` a published document; `<name>.overlay.yaml` an overlay
/// applied to the `<name>.json` (or `<name>.upstream.yaml`) beside it; `<name>.keep.yaml` a
/// keep list of either.
pub fn case_files(name: &str, source: &Source) -> Vec<(String, String)> {
    match source {
        Source::Kept { spec, keep } => {
            let mut files = case_files(name, spec);
            files.push((format!("{name}{KEEP_SUFFIX}"), keep.text.clone()));
            files
        }
        Source::Spec(spec) => vec![(format!("{name}.yaml"), spec.text.clone())],
        Source::Published { upstream, overlay } => {
            let ext = if upstream.file.ends_with(".json") {
                "json"
            } else {
                "upstream.yaml"
            };
            std::iter::once((format!("{name}.{ext}"), upstream.text.clone()))
                .chain(
                    overlay
                        .iter()
                        .map(|o| (format!("{name}{OVERLAY_SUFFIX}"), o.text.clone())),
                )
                .collect()
        }
    }
}

/// The regression cases in `dir` (see [`case_files`]), by name, sorted: each a provider name
/// and its files.
pub fn cases(dir: &Path) -> std::io::Result<Vec<(String, Input)>> {
    let mut names = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        for suffix in [
            OVERLAY_SUFFIX,
            KEEP_SUFFIX,
            ".upstream.yaml",
            ".yaml",
            ".json",
        ] {
            if let Some(stem) = name.strip_suffix(suffix) {
                names.insert(stem.to_owned());
                break;
            }
        }
    }
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).ok();
    let mut cases = Vec::new();
    for name in names {
        let provider = provider_name(&name);
        let overlay = read(&format!("{name}{OVERLAY_SUFFIX}")).map(|text| Text {
            file: format!("specs/{provider}{OVERLAY_SUFFIX}"),
            text,
        });
        let source = if let Some(text) = read(&format!("{name}.json")) {
            Source::Published {
                upstream: Text {
                    file: format!("specs/{UPSTREAM_DIR}/{provider}.json"),
                    text,
                },
                overlay,
            }
        } else if let Some(text) = read(&format!("{name}.upstream.yaml")) {
            Source::Published {
                upstream: Text {
                    file: format!("specs/{UPSTREAM_DIR}/{provider}.yaml"),
                    text,
                },
                overlay,
            }
        } else if let Some(text) = read(&format!("{name}.yaml")) {
            Source::Spec(Text {
                file: format!("specs/{provider}.yaml"),
                text,
            })
        } else {
            continue;
        };
        let source = match read(&format!("{name}{KEEP_SUFFIX}")) {
            Some(text) => Source::Kept {
                spec: Box::new(source),
                keep: Text {
                    file: format!("specs/{provider}{KEEP_SUFFIX}"),
                    text,
                },
            },
            None => source,
        };
        cases.push((
            name,
            Input {
                provider,
                source,
                weight: 1,
            },
        ));
    }
    Ok(cases)
}
