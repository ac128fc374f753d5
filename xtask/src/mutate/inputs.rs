//! What `mutate` mutates: the workspace's specs and the xtask's test fixtures, each a provider's
//! files with a weight.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::spec::{KEEP_SUFFIX, OVERLAY_SUFFIX, Source, Text, UPSTREAM_DIR};

/// One input to mutate: a provider's files, as the workspace or a fixture has them.
#[derive(Clone, Debug)]
pub struct Input {
    /// The provider name the files are filed under.
    pub provider: String,
    /// The files.
    pub source: Source,
    /// How often it is drawn, against the others' weights: the workspace's specs and the
    /// overlays more than the many small fixtures.
    pub weight: u64,
}

/// The fixture folders [`corpus`] leaves out: `mutants/` holds the kept failures, which
/// `check_cases` runs as they are; `published/` holds real documents of up to 740 KB, each of
/// which takes seconds through the pipeline (Clerk's 106,000 generated lines), so that a few
/// mutants of them would take the time of hundreds of the others. `cargo xtask corpus` and the
/// `corpus` tests run them whole.
const SKIPPED: [&str; 2] = ["mutants", "published"];

/// The inputs below `root`: each provider's spec in `specs/`, and each document, overlay and
/// keep list in `xtask/tests/fixtures/`, but `mutants/` (the failures kept as regression cases)
/// and `published/` (see `SKIPPED`).
pub fn corpus(root: &Path) -> Vec<Input> {
    let mut inputs = Vec::new();
    for provider in crate::providers(root).unwrap_or_default() {
        if let Ok(source) = crate::spec::read(root, &provider) {
            inputs.push(Input {
                provider,
                source,
                weight: 12,
            });
        }
    }
    let fixtures = root.join("xtask/tests/fixtures");
    let mut dirs = vec![fixtures.clone()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        let relative = dir
            .strip_prefix(&fixtures)
            .unwrap_or(&dir)
            .to_string_lossy();
        let prefix = provider_name(&relative.replace('/', "_"));
        let mut documents = Vec::new();
        let mut overlays = Vec::new();
        let mut keeps = Vec::new();
        let first = inputs.len();
        for path in paths {
            if path.is_dir() {
                if path
                    .file_name()
                    .is_some_and(|n| !SKIPPED.iter().any(|s| n == *s))
                {
                    dirs.push(path);
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let stem = provider_name(&format!(
                "{prefix}_{}",
                name.split('.').next().unwrap_or("")
            ));
            if name.ends_with(".json") {
                documents.push((stem, text));
            } else if name.ends_with(".txt") {
                if let Some(block) = json_block(&text) {
                    documents.push((stem, block.to_owned()));
                }
            } else if name.ends_with(KEEP_SUFFIX) {
                keeps.push((stem, text));
            } else if name.ends_with(".yaml") {
                match serde_norway::from_str::<Value>(&text) {
                    Ok(doc) if doc.get("overlay").is_some() => overlays.push(text),
                    Ok(doc) if doc.get("openapi").is_some() => inputs.push(Input {
                        source: Source::Spec(Text {
                            file: format!("specs/{stem}.yaml"),
                            text,
                        }),
                        provider: stem,
                        weight: 1,
                    }),
                    _ => {}
                }
            }
        }
        for (stem, text) in &documents {
            let upstream = Text {
                file: format!("specs/{UPSTREAM_DIR}/{stem}.json"),
                text: text.clone(),
            };
            inputs.push(Input {
                provider: stem.clone(),
                source: Source::Published {
                    upstream: upstream.clone(),
                    overlay: None,
                },
                weight: 3,
            });
            // An overlay applies to the documents beside it.
            for overlay in &overlays {
                inputs.push(Input {
                    provider: stem.clone(),
                    source: Source::Published {
                        upstream: upstream.clone(),
                        overlay: Some(Text {
                            file: format!("specs/{stem}{OVERLAY_SUFFIX}"),
                            text: overlay.clone(),
                        }),
                    },
                    weight: 25,
                });
            }
        }
        // A keep list applies to the spec or document of the same name beside it.
        for (stem, keep) in keeps {
            let kept: Vec<Input> = inputs[first..]
                .iter()
                .filter(|input| input.provider == stem)
                .map(|input| Input {
                    provider: stem.clone(),
                    source: Source::Kept {
                        spec: Box::new(input.source.clone()),
                        keep: Text {
                            file: format!("specs/{stem}{KEEP_SUFFIX}"),
                            text: keep.clone(),
                        },
                    },
                    weight: 3,
                })
                .collect();
            inputs.extend(kept);
        }
    }
    inputs
}

/// A page's one ```json block (how the seed pages hold a published document).
fn json_block(page: &str) -> Option<&str> {
    let start = page.find("```json\n")? + "```json\n".len();
    let length = page[start..].find("\n```")?;
    Some(&page[start..start + length])
}

/// `name` as a provider name: lower-case letters, digits and `_`, starting with a letter.
pub(crate) fn provider_name(name: &str) -> String {
    let mut provider: String = name
        .trim_matches('_')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !provider.starts_with(|c: char| c.is_ascii_lowercase()) {
        provider.insert_str(0, "f_");
    }
    provider
}
