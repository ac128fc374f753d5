//! One mutant: drawn from the inputs by its seed and number alone ([`mutant`]), with the files
//! it is made of.

use serde_json::Value;

use super::inputs::Input;
use super::ops;
use super::rng::Rng;
use crate::spec::{OVERLAY_SUFFIX, Source, Text};

/// Every this many mutants, one goes through the whole `plan` (rustfmt and the scaffold).
pub const FULL_EVERY: u64 = 20;

/// One mutated input.
#[derive(Clone, Debug)]
pub struct Mutant {
    /// The seed it was drawn with.
    pub seed: u64,
    /// Its number under that seed.
    pub index: u64,
    /// The provider name its files are filed under.
    pub provider: String,
    /// The input it was made from ([`Source::name`]).
    pub input: String,
    /// The file that was mutated.
    pub file: String,
    /// What was done to it, in order.
    pub mutations: Vec<String>,
    /// The mutated files.
    pub source: Source,
}

impl Mutant {
    /// Whether it changed the document's `info` (which the scaffold writes into files).
    pub(super) fn touches_info(&self) -> bool {
        self.mutations.iter().any(|m| m.contains("/info"))
    }

    /// How to reproduce it and what it is, in a few lines.
    pub fn describe(&self) -> String {
        format!(
            "mutant {index} of seed {seed} (cargo xtask mutate --seed {seed} --index {index}): {file} of {input}, {mutations}",
            index = self.index,
            seed = self.seed,
            file = self.file,
            input = self.input,
            mutations = self.mutations.join("; then "),
        )
    }
}

/// Mutant `index` of `seed`, drawn from `corpus` (which must not be empty).
pub fn mutant(corpus: &[Input], seed: u64, index: u64) -> Mutant {
    let mut rng = Rng::for_mutant(seed, index);
    let total: u64 = corpus.iter().map(|input| input.weight.max(1)).sum();
    let mut draw = rng.next_u64() % total.max(1);
    let input = corpus
        .iter()
        .find(|input| {
            let weight = input.weight.max(1);
            draw < weight || {
                draw -= weight;
                false
            }
        })
        .unwrap_or(&corpus[0]);
    let mut source = input.source.clone();
    let mut mutations = Vec::new();
    // A published document without an overlay sometimes gets one made up.
    if let Source::Published {
        upstream,
        overlay: overlay @ None,
    } = &mut source
        && rng.percent(30)
        && let Ok(doc) = parse_document(upstream)
    {
        let (made, done) = ops::synthesize_overlay(&mut rng, &doc);
        *overlay = Some(Text {
            file: format!("specs/{}{OVERLAY_SUFFIX}", input.provider),
            text: serde_norway::to_string(&made).unwrap_or_default(),
        });
        mutations.push(done);
    }
    let target = pick(&mut rng, &mut source);
    let json = target.file.ends_with(".json");
    let overlay = target.file.ends_with(OVERLAY_SUFFIX);
    let structural = *rng.pick(&[0, 1, 1, 1, 1, 2, 2, 3]).expect("not empty");
    if structural > 0
        && let Ok(mut doc) = parse_document(target)
    {
        let before = mutations.len();
        for _ in 0..structural {
            if let Some(done) = ops::mutate_document(&mut rng, &mut doc, overlay) {
                mutations.push(done);
            }
        }
        if mutations.len() > before {
            let printed = if json {
                serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
            } else {
                serde_norway::to_string(&doc).map_err(|e| e.to_string())
            };
            match printed {
                Ok(text) => target.text = text,
                Err(e) => mutations.push(format!("(cannot print the mutated document: {e})")),
            }
        }
    }
    if mutations.is_empty() || rng.percent(25) {
        for _ in 0..4 {
            if let Some((text, done)) = ops::mutate_text(&mut rng, &target.text, json) {
                target.text = text;
                mutations.push(done);
                break;
            }
        }
    }
    if mutations.is_empty() {
        mutations.push("none (no mutation applied)".to_owned());
    }

    Mutant {
        seed,
        index,
        provider: input.provider.clone(),
        input: input.source.name(),
        file: target.file.clone(),
        mutations,
        source,
    }
}

/// A file's text parsed as a document (JSON for `.json`, else YAML).
fn parse_document(text: &Text) -> Result<Value, String> {
    if text.file.ends_with(".json") {
        serde_json::from_str(&text.text).map_err(|e| e.to_string())
    } else {
        serde_norway::from_str(&text.text).map_err(|e| e.to_string())
    }
}

/// The file of `source` to mutate: an overlay more often than the document it adapts.
fn pick<'a>(rng: &mut Rng, source: &'a mut Source) -> &'a mut Text {
    match source {
        Source::Spec(spec) => spec,
        Source::Published {
            upstream,
            overlay: Some(overlay),
        } => {
            if rng.percent(60) {
                overlay
            } else {
                upstream
            }
        }
        Source::Published { upstream, .. } => upstream,
        Source::Kept { spec, keep } => {
            if rng.percent(30) {
                keep
            } else {
                pick(rng, spec)
            }
        }
    }
}

/// The files of `source`.
pub(super) fn files(source: &Source) -> Vec<&Text> {
    match source {
        Source::Spec(spec) => vec![spec],
        Source::Published { upstream, overlay } => {
            std::iter::once(upstream).chain(overlay).collect()
        }
        Source::Kept { spec, keep } => {
            let mut files = files(spec);
            files.push(keep);
            files
        }
    }
}
