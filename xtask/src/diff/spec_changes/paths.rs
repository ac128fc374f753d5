//! Paths and operations compared: operations added, removed or moved (matched by method and
//! path shape, then by operationId), and each matched one's id, summary and description; its
//! security, parameters, request body and responses go to their own modules.

use std::collections::BTreeSet;

use super::change::{Changes, norm};
use super::doc::{Doc, Matched, Op, path_shape};
use super::parameters::parameter_changes;
use super::request_body::body_changes;
use super::responses::response_changes;
use super::security::security_changes;
use crate::diff::terms::{Side, Target};
use crate::problem::join;

/// What an operation added or removed touches in Rust: its client method, builder and types.
pub(super) fn operation_targets(id: &str) -> Vec<Target> {
    vec![
        Target::ClientMethod(norm(id)),
        Target::Builder(norm(id)),
        Target::Type(norm(id)),
    ]
}

/// Every operation of `old_doc` matched with one of `new_doc` and compared; the rest added,
/// removed or moved.
pub(super) fn path_changes<'a>(old_doc: &Doc<'a>, new_doc: &Doc<'a>, out: &mut Changes) {
    let old_ops = old_doc.operations();
    let new_ops = new_doc.operations();
    let key = |op: &Op<'_>| (op.method, path_shape(&op.path));
    let mut matched_new: BTreeSet<usize> = BTreeSet::new();
    let mut unmatched_old = Vec::new();
    for o in &old_ops {
        match new_ops.iter().position(|n| key(n) == key(o)) {
            Some(i) => {
                matched_new.insert(i);
                let n = &new_ops[i];
                operation_changes(
                    Matched {
                        old_doc,
                        o,
                        new_doc,
                        n,
                    },
                    out,
                );
            }
            None => unmatched_old.push(o),
        }
    }
    for o in unmatched_old {
        let moved = new_ops
            .iter()
            .enumerate()
            .find(|(i, n)| !matched_new.contains(i) && n.id == o.id);
        if let Some((i, n)) = moved {
            matched_new.insert(i);
            moved_operation(o, n, out);
            operation_changes(
                Matched {
                    old_doc,
                    o,
                    new_doc,
                    n,
                },
                out,
            );
        } else {
            endpoint(o, ("removed", Side::Old), out);
        }
    }
    for (i, n) in new_ops.iter().enumerate() {
        if !matched_new.contains(&i) {
            endpoint(n, ("added", Side::New), out);
        }
    }
}

/// Records the operation `op` added (on the new side) or removed (on the old).
fn endpoint(op: &Op<'_>, (verb, side): (&str, Side), out: &mut Changes) {
    out.push(
        &format!("endpoint-{verb}"),
        Some(&op.id),
        &op.pointer,
        side,
        format!(
            "{verb} the operation {} ({} {})",
            op.id,
            op.method.to_uppercase(),
            op.path
        ),
        operation_targets(&op.id),
    );
}

/// Records the operation `o` moved to another method or path as `n` (the same operationId).
fn moved_operation(o: &Op<'_>, n: &Op<'_>, out: &mut Changes) {
    out.push(
        "endpoint-moved",
        Some(&n.id),
        &n.pointer,
        Side::New,
        format!(
            "operation {} moved from {} {} to {} {}",
            n.id,
            o.method.to_uppercase(),
            o.path,
            n.method.to_uppercase(),
            n.path
        ),
        vec![
            Target::ClientMethod(norm(&n.id)),
            Target::Builder(norm(&n.id)),
        ],
    );
    out.also(&n.pointer, "endpoint-moved", &o.pointer);
}

/// Compares the operation `o` (old) with `n` (new): its id, summary and description, then its
/// security, parameters, request body and responses.
fn operation_changes(matched: Matched<'_, '_>, out: &mut Changes) {
    let Matched { o, n, .. } = matched;
    let id = n.id.as_str();
    if o.id != n.id {
        let mut targets = operation_targets(&o.id);
        targets.extend(operation_targets(&n.id));
        out.push(
            "api-operation-id-changed",
            Some(id),
            &join(&n.pointer, "operationId"),
            Side::New,
            format!(
                "the operationId of {} {} changed from {} to {}",
                n.method.to_uppercase(),
                n.path,
                o.id,
                n.id
            ),
            targets,
        );
    }
    for key in ["summary", "description"] {
        if o.value.get(key) != n.value.get(key) {
            out.push(
                "description-changed",
                Some(id),
                &join(&n.pointer, key),
                Side::New,
                format!("the {key} of operation {id} changed"),
                Vec::new(),
            );
        }
    }
    security_changes(matched, out);
    parameter_changes(matched, out);
    body_changes(matched, out);
    response_changes(matched, out);
}
