//! Attributes each Rust API difference to the spec change(s) that explain it, and grades each
//! spec change for Rust by the differences it caused.

use super::outcome::Change;
use super::rust_api::{Kind, RustChange};
use super::spec_changes::{SpecChange, norm};
use super::terms::{Grade, Target};

/// How well `target` explains `change`: (0, _) not at all; higher is better, and between two
/// targets of one kind, the one that names more of the Rust item (the longer type name, a
/// variant named in full) is more specific.
fn fit(target: &Target, change: &RustChange) -> (u8, usize) {
    let container = |c: &str| norm(c.rsplit("::").next().unwrap_or(c));
    let names = || {
        std::iter::once(change.container.as_str())
            .chain(change.old_container.as_deref())
            .map(container)
            .collect::<Vec<_>>()
    };
    let members = || {
        std::iter::once(change.member.as_str())
            .chain(change.old_member.as_deref())
            .map(norm)
            .collect::<Vec<_>>()
    };
    let in_types = change.container.starts_with("types::");
    let in_builder = change.container.starts_with("builder::");
    let typed = |ty: &str| names().iter().any(|n| n.starts_with(ty));
    let exact = |yes: bool, base: u8, specific: usize| if yes { (base, specific) } else { (0, 0) };
    match target {
        Target::Field(ty, field) if in_types && change.kind == Kind::Field => {
            exact(typed(ty) && members().contains(field), 3, ty.len())
        }
        Target::Variant(ty, value) if in_types && change.kind == Kind::Variant && typed(ty) => {
            let members = members();
            if members.contains(value) {
                (3, ty.len() + value.len())
            } else {
                // typify names a `oneOf` member's variant by the member's schema, less the
                // prefix it shares with the enum: `continueWithPinUi` in `ContinueWith` is
                // `ContinueWith::PinUi`.
                let suffix = members
                    .iter()
                    .filter(|m| !m.is_empty() && value.ends_with(m.as_str()))
                    .map(String::len)
                    .max();
                suffix.map_or((0, 0), |len| (2, ty.len() + len))
            }
        }
        Target::BuilderMember(op, member) if in_builder && change.kind == Kind::BuilderMethod => {
            exact(
                names().contains(op) && members().contains(member),
                3,
                op.len(),
            )
        }
        Target::ClientMethod(op) if change.kind == Kind::ClientMethod => {
            exact(members().contains(op), 3, op.len())
        }
        Target::Builder(op) if in_builder => exact(names().contains(op), 2, op.len()),
        Target::Type(prefix) if in_types => {
            let names = names();
            if names.contains(prefix) {
                (2, prefix.len())
            } else {
                exact(typed(prefix), 1, prefix.len())
            }
        }
        _ => (0, 0),
    }
}

/// The Rust identifiers in `text`, normalised as spec names are ([`norm`]).
fn identifiers(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(norm)
        .collect()
}

/// Gives each unexplained difference that only follows a type rename (a field, a method whose
/// signature names the type by its old name before the arrow and its new one after it) to the
/// change that explains the rename: one whose Rust differences rename the type, or a
/// component schema renamed in the spec. Returns the rest.
fn follow_renames(
    spec: &[SpecChange],
    explained: &mut [Vec<RustChange>],
    unexplained: Vec<RustChange>,
) -> Vec<RustChange> {
    let short = |path: &str| norm(path.rsplit("::").next().unwrap_or(path));
    let mut renames: Vec<(String, String, usize)> = Vec::new();
    for (i, list) in explained.iter().enumerate() {
        for r in list {
            if let Some(old) = &r.old_container {
                renames.push((short(old), short(&r.container), i));
            }
        }
    }
    for (i, change) in spec.iter().enumerate() {
        if let (true, [Target::Type(old), Target::Type(new)]) =
            (change.id == "api-schema-renamed", change.targets.as_slice())
        {
            renames.push((old.clone(), new.clone(), i));
        }
    }
    let mut rest = Vec::new();
    for difference in unexplained {
        let cause = difference
            .text
            .split_once(" → ")
            .and_then(|(before, after)| {
                let (before, after) = (identifiers(before), identifiers(after));
                renames
                    .iter()
                    .find(|(old, new, _)| before.contains(old) && after.contains(new))
            });
        match cause {
            Some((_, _, i)) => explained[*i].push(difference),
            None => rest.push(difference),
        }
    }
    rest
}

/// Pairs spec changes with Rust differences: each Rust difference goes to the one spec change
/// that explains it best (the first in document order of equals), so that it is graded once;
/// the ones nothing explains come back on their own.
pub fn attribute(spec: Vec<SpecChange>, rust: Vec<RustChange>) -> (Vec<Change>, Vec<RustChange>) {
    let mut unexplained = Vec::new();
    let mut explained: Vec<Vec<RustChange>> = vec![Vec::new(); spec.len()];
    for difference in rust {
        let mut best: Option<((u8, usize), usize)> = None;
        for (i, change) in spec.iter().enumerate() {
            let score = change
                .targets
                .iter()
                .map(|t| fit(t, &difference))
                .max()
                .unwrap_or((0, 0));
            if score.0 > 0 && best.is_none_or(|(top, _)| score > top) {
                best = Some((score, i));
            }
        }
        match best {
            Some((_, i)) => explained[i].push(difference),
            None => unexplained.push(difference),
        }
    }
    let unexplained = follow_renames(&spec, &mut explained, unexplained);
    let changes = spec
        .into_iter()
        .zip(explained)
        .map(|(c, rust_changes)| Change {
            rust: rust_changes
                .iter()
                .map(|r| r.grade)
                .max()
                .unwrap_or(Grade::None),
            id: c.id,
            operations: c.operations.into_iter().collect(),
            pointer: c.pointer,
            side: c.side,
            text: c.text,
            wire: c.wire,
            rust_changes,
            also: c.also,
        })
        .collect();
    (changes, unexplained)
}
