//! Attributes each Rust API difference to the spec change(s) that explain it, and grades each
//! spec change for Rust by the differences it caused.

use super::rust_api::{Kind, RustChange};
use super::spec_changes::{SpecChange, norm};
use super::{Change, Grade, Target};

/// How well `target` explains `change`: 0 not at all, higher is more specific.
fn fit(target: &Target, change: &RustChange) -> u8 {
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
    match target {
        Target::Field(ty, field) if in_types && change.kind == Kind::Field => {
            u8::from(
                names().iter().any(|n| n.starts_with(ty.as_str())) && members().contains(field),
            ) * 3
        }
        Target::Variant(ty, value) if in_types && change.kind == Kind::Variant => {
            u8::from(
                names().iter().any(|n| n.starts_with(ty.as_str())) && members().contains(value),
            ) * 3
        }
        Target::BuilderMember(op, member) if in_builder && change.kind == Kind::BuilderMethod => {
            u8::from(names().contains(op) && members().contains(member)) * 3
        }
        Target::ClientMethod(op) if change.kind == Kind::ClientMethod => {
            u8::from(members().contains(op)) * 3
        }
        Target::Builder(op) if in_builder => u8::from(names().contains(op)) * 2,
        Target::Type(prefix) if in_types => {
            let names = names();
            if names.contains(prefix) {
                2
            } else {
                u8::from(names.iter().any(|n| n.starts_with(prefix.as_str())))
            }
        }
        _ => 0,
    }
}

/// Pairs spec changes with Rust differences: each Rust difference goes to every spec change
/// that explains it best; the ones nothing explains come back on their own.
pub fn attribute(spec: Vec<SpecChange>, rust: Vec<RustChange>) -> (Vec<Change>, Vec<RustChange>) {
    let mut unexplained = Vec::new();
    let mut explained: Vec<Vec<RustChange>> = vec![Vec::new(); spec.len()];
    for difference in rust {
        let scores: Vec<u8> = spec
            .iter()
            .map(|c| {
                c.targets
                    .iter()
                    .map(|t| fit(t, &difference))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best == 0 {
            unexplained.push(difference);
            continue;
        }
        for (i, score) in scores.iter().enumerate() {
            if *score == best {
                explained[i].push(difference.clone());
            }
        }
    }
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
        })
        .collect();
    (changes, unexplained)
}
