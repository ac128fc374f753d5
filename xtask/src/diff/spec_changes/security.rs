//! An operation's security compared: the schemes it requires, added and removed.

use super::change::Changes;
use super::doc::Matched;
use crate::diff::terms::Side;
use crate::problem::join;

/// Compares the security schemes the operation `o` (old) and `n` (new) require (their own
/// `security`, else the document's).
pub(super) fn security_changes(matched: Matched<'_, '_>, out: &mut Changes) {
    let Matched {
        old_doc,
        o,
        new_doc,
        n,
    } = matched;
    let id = n.id.as_str();
    let (old_security, new_security) = (old_doc.security(o), new_doc.security(n));
    for (id_verb, verb, from, to) in [
        ("added", "now requires", &new_security, &old_security),
        (
            "removed",
            "no longer requires",
            &old_security,
            &new_security,
        ),
    ] {
        for scheme in from.difference(to) {
            out.push(
                &format!("api-security-{id_verb}"),
                Some(id),
                &join(&n.pointer, "security"),
                Side::New,
                format!("operation {id} {verb} the security scheme {scheme}"),
                Vec::new(),
            );
        }
    }
}
