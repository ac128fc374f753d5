//! The check that each Rust item progenitor generated has one name of its own, located at the
//! spec's places that became the name.

use openapiv3::OpenAPI;

use super::rewrite::last_segment;
use crate::problem::{Problem, join};

/// Two things in the spec that become one Rust name (two operationIds, two schemas, an inline
/// body and a schema, two parameters of an operation, two properties of a schema): progenitor
/// generates both items (a crate that does not compile) or typify keeps one. The lints refuse
/// what they foresee ([`crate::lint_names`]); this checks the generated code itself. Each such
/// name is a problem at the later of the spec's places that become it, naming the first (or,
/// if the spec explains it with fewer than two, at the whole file). And each type made from
/// a schema must have a field for each of the schema's properties
/// ([`crate::lint_names::missing_fields`]), reported in the same run.
pub(super) fn one_item_per_name(
    spec: &OpenAPI,
    file: &str,
    syntax: &syn::File,
) -> Result<(), Vec<Problem>> {
    use crate::lint_names::{named_types, operations};
    let doc = serde_json::to_value(spec).unwrap_or_default();
    let mut twice = std::collections::BTreeSet::new();
    repeated_names(&syntax.items, "", &mut twice);
    let spec_names = SpecNames {
        doc: &doc,
        named: named_types(&doc),
        operations: operations(&doc),
    };
    let mut located = std::collections::BTreeMap::new();
    let mut unlocated = Vec::new();
    for (module, name) in &twice {
        let rust = if module.is_empty() {
            name.clone()
        } else {
            format!("{module}::{name}")
        };
        let found = spec_names.places(module, name);
        let (Some(first), Some(later)) = (found.first(), found.get(1)) else {
            unlocated.push(Problem::at(
                file,
                "",
                format!(
                    "progenitor generated two items named `{rust}`: the crate does not compile"
                ),
            ));
            continue;
        };
        located.entry(later.1.clone()).or_insert_with(|| {
            Problem::at(
                file,
                later.1.clone(),
                format!(
                    "{} becomes the Rust item `{rust}`, as does {} ({}): rename one, or the \
                     generated crate does not compile",
                    later.0, first.0, first.1
                ),
            )
        });
    }
    let mut problems: Vec<Problem> = if located.is_empty() {
        unlocated
    } else {
        located.into_values().collect()
    };
    // Every schema's own check in the same run, but where a name was already blamed.
    for missing in crate::lint_names::missing_fields(file, &doc, syntax) {
        if !problems.iter().any(|p| p.location == missing.location) {
            problems.push(missing);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Adds to `twice` each (module, name) that `items`, in the module at path `module`, define
/// more than once: types, functions, modules, and the methods of each type's inherent `impl`
/// blocks (as `Type::method`).
fn repeated_names(
    items: &[syn::Item],
    module: &str,
    twice: &mut std::collections::BTreeSet<(String, String)>,
) {
    let mut names = Vec::new();
    for item in items {
        match item {
            syn::Item::Struct(s) => names.push(s.ident.to_string()),
            syn::Item::Enum(e) => names.push(e.ident.to_string()),
            syn::Item::Type(t) => names.push(t.ident.to_string()),
            syn::Item::Fn(f) => names.push(f.sig.ident.to_string()),
            syn::Item::Mod(m) => {
                names.push(m.ident.to_string());
                let inner = if module.is_empty() {
                    m.ident.to_string()
                } else {
                    format!("{module}::{}", m.ident)
                };
                if let Some((_, items)) = &m.content {
                    repeated_names(items, &inner, twice);
                }
            }
            syn::Item::Impl(block) if block.trait_.is_none() => {
                let Some(own) = last_segment(&block.self_ty) else {
                    continue;
                };
                for item in &block.items {
                    if let syn::ImplItem::Fn(method) = item {
                        names.push(format!("{}::{}", own.ident, method.sig.ident));
                    }
                }
            }
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name.clone()) {
            twice.insert((module.to_owned(), name));
        }
    }
}

/// The spec's named things that [`one_item_per_name`] looks the repeated names up in.
struct SpecNames<'a> {
    /// The whole document, for the parameters' `$ref`s.
    doc: &'a serde_json::Value,
    /// The types the spec's schemas, bodies and responses become.
    named: Vec<crate::lint_names::Named<'a>>,
    /// The spec's operations.
    operations: Vec<crate::lint_names::Operation<'a>>,
}

impl SpecNames<'_> {
    /// The spec's places (what, pointer) that become `name` (`Type::member` for a member) in
    /// `module`.
    fn places(&self, module: &str, name: &str) -> Vec<(String, String)> {
        use crate::lint_names::{argument_name, field_name, type_name};
        let (named, operations, doc) = (&self.named, &self.operations, self.doc);
        // `Client::x` is an operation's method, as a builder `X` is.
        let (owner, member) = match name.rsplit_once("::") {
            Some(("Client", member)) => (None, member),
            Some((owner, member)) => (Some(owner), member),
            None => (None, name),
        };
        let mut found = Vec::new();
        match (module.starts_with("types"), owner) {
            // A type, or a field of a type's builder.
            (true, None) => found.extend(
                named
                    .iter()
                    .filter(|n| n.rust == member)
                    .map(|n| (n.what.clone(), n.at.clone())),
            ),
            // Two members of one type: two of its properties. (Two types of one name repeat
            // each other's members too: that is the types' problem, found above.)
            (true, Some(owner)) => {
                for n in named.iter().filter(|n| n.rust == owner) {
                    let properties = n.schema.get("properties").and_then(|p| p.as_object());
                    let mut same = Vec::new();
                    for key in properties.into_iter().flatten().map(|(k, _)| k) {
                        if field_name(key) == member {
                            same.push((
                                format!("property {key:?} of {}", n.what),
                                join(&join(&n.at, "properties"), key),
                            ));
                        }
                    }
                    if same.len() > 1 {
                        found = same;
                        break;
                    }
                }
            }
            // A method of `Client`, or a builder.
            (false, None) => found.extend(
                operations
                    .iter()
                    .filter(|o| argument_name(o.id) == member || type_name(o.id) == member)
                    .map(|o| {
                        (
                            format!("operationId {:?}", o.id),
                            join(&o.at, "operationId"),
                        )
                    }),
            ),
            // An argument of an operation's builder.
            (false, Some(owner)) => {
                for o in operations.iter().filter(|o| type_name(o.id) == owner) {
                    let mut same = Vec::new();
                    for (holder_at, holder) in [(&o.item_at, o.item), (&o.at, o.op)] {
                        let list = holder.get("parameters").and_then(|p| p.as_array());
                        for (i, parameter) in list.into_iter().flatten().enumerate() {
                            let parameter = match parameter.get("$ref").and_then(|r| r.as_str()) {
                                Some(target) => target
                                    .strip_prefix('#')
                                    .and_then(|p| doc.pointer(p))
                                    .unwrap_or(parameter),
                                None => parameter,
                            };
                            let Some(api) = parameter.get("name").and_then(|n| n.as_str()) else {
                                continue;
                            };
                            if argument_name(api) == member {
                                same.push((
                                    format!("parameter {api:?} of operation {:?}", o.id),
                                    join(&join(holder_at, "parameters"), &i.to_string()),
                                ));
                            }
                        }
                    }
                    if same.len() > 1 {
                        found = same;
                        break;
                    }
                }
            }
        }
        found
    }
}
