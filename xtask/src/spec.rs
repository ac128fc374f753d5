//! Reads a spec and turns it into the document progenitor sees:
//! text → JSON value → overlay (if any) → [`repair`](crate::repair) → what each `$ref` names
//! ([`check_ref_kinds`](crate::lint::check_ref_kinds), where the `$ref`s are written) →
//! [`normalize`](crate::normalize) → lint (with [`lint_names`](crate::lint_names)) →
//! `openapiv3::OpenAPI`.
//!
//! A provider's spec is one of (README, "Adding a provider"):
//!
//! - `specs/<provider>.yaml`: written by hand;
//! - `specs/upstream/<provider>.json` (or `.yaml`): the provider's published document, kept
//!   byte for byte as published, adapted by the hand-written overlay
//!   `specs/<provider>.overlay.yaml` if there is one.
//!
//! Either may come with a keep list, `specs/<provider>.keep.yaml`: the operations to generate
//! (see [`crate::keep`]).
//!
//! [`prepare`] takes texts, not paths, so a caller can feed it any revision of the files.

use std::path::Path;

use serde_json::{Map, Value};

use crate::lint::lint;
use crate::problem::{Location, Problem, escape};
use crate::yaml_depth;

pub use crate::keep::KEEP_SUFFIX;
pub use crate::workspace::{OVERLAY_SUFFIX, Text, UPSTREAM_DIR, provider_of};

/// Where a provider's spec comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A hand-written spec, `specs/<provider>.yaml`.
    Spec(Text),
    /// A published document, `specs/upstream/<provider>.{json,yaml}`, and the overlay that
    /// adapts it, `specs/<provider>.overlay.yaml`, if any.
    Published {
        /// The published document, as published.
        upstream: Text,
        /// The hand-written overlay.
        overlay: Option<Text>,
    },
    /// A spec (`Spec` or `Published`) and its keep list, `specs/<provider>.keep.yaml`: only
    /// the operations it names are generated.
    Kept {
        /// The spec the list applies to.
        spec: Box<Source>,
        /// The keep list.
        keep: Text,
    },
}

impl Source {
    /// The SHA-256 of each file named by [`Source::name`], in lower-case hex, in the same
    /// order and separated by `, `: what the generated file's first line carries, so that
    /// `sha256sum` on the files shows which versions produced a crate.
    pub fn sha256(&self) -> String {
        match self {
            Source::Spec(spec) => crate::sha256_hex(spec.text.as_bytes()),
            Source::Published { upstream, overlay } => std::iter::once(upstream)
                .chain(overlay)
                .map(|t| crate::sha256_hex(t.text.as_bytes()))
                .collect::<Vec<_>>()
                .join(", "),
            Source::Kept { spec, keep } => format!(
                "{}, {}",
                spec.sha256(),
                crate::sha256_hex(keep.text.as_bytes())
            ),
        }
    }

    /// How problems and the generated file's first line name this spec.
    pub fn name(&self) -> String {
        match self {
            Source::Spec(spec) => spec.file.clone(),
            Source::Published {
                upstream,
                overlay: None,
            } => upstream.file.clone(),
            Source::Published {
                upstream,
                overlay: Some(overlay),
            } => format!("{} with {}", upstream.file, overlay.file),
            Source::Kept { spec, keep } => {
                let spec = spec.name();
                let joint = if spec.contains(" with ") {
                    "and"
                } else {
                    "with"
                };
                format!("{spec} {joint} {}", keep.file)
            }
        }
    }
}

/// A spec made ready for progenitor.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The document progenitor sees, after the overlay and the rewrites.
    pub document: Value,
    /// The same, typed.
    pub openapi: openapiv3::OpenAPI,
    /// One note per rewrite that made a shape fit (see [`crate::normalize`]).
    pub notes: Vec<Problem>,
}

/// Reads a file by its workspace-relative path: `Ok(None)` when it does not exist there. The
/// working tree ([`read`]) is one; `cargo xtask diff` also reads from git revisions.
pub type Reader<'a> = dyn Fn(&str) -> Result<Option<String>, String> + 'a;

/// Reads the files of `provider`'s spec below `root` (see the module docs for the layout).
pub fn read(root: &Path, provider: &str) -> Result<Source, Vec<Problem>> {
    read_with(
        &|file: &str| crate::read_file(&root.join(file)).map_err(|e| format!("cannot read: {e}")),
        provider,
    )
}

/// Reads the files of `provider`'s spec through `reader`. `Err` with one problem "no such
/// spec" at `specs/<provider>.yaml` when the provider has no spec there (and no keep list:
/// a keep list without a spec is a problem of its own).
pub fn read_with(reader: &Reader<'_>, provider: &str) -> Result<Source, Vec<Problem>> {
    let keep = format!("specs/{provider}{KEEP_SUFFIX}");
    let keep = reader(&keep)
        .map_err(|e| vec![Problem::at(&keep, "", e)])?
        .map(|text| Text { file: keep, text });
    match (read_spec(reader, provider), keep) {
        (Ok(spec), None) => Ok(spec),
        (Ok(spec), Some(keep)) => Ok(Source::Kept {
            spec: Box::new(spec),
            keep,
        }),
        (Err(mut problems), Some(keep)) if problems.iter().any(|p| p.message == NO_SUCH_SPEC) => {
            problems.retain(|p| p.message != NO_SUCH_SPEC);
            problems.push(Problem::at(
                &keep.file,
                "",
                format!(
                    "no spec to keep operations of: put it in specs/{provider}.yaml, or the published document in specs/{UPSTREAM_DIR}/{provider}.json (or .yaml)"
                ),
            ));
            Err(problems)
        }
        (Err(problems), _) => Err(problems),
    }
}

/// [`read_with`] but for the keep list.
fn read_spec(reader: &Reader<'_>, provider: &str) -> Result<Source, Vec<Problem>> {
    let spec = format!("specs/{provider}.yaml");
    let overlay = format!("specs/{provider}{OVERLAY_SUFFIX}");
    let fetch = |file: &str| -> Result<Option<Text>, Vec<Problem>> {
        Ok(reader(file)
            .map_err(|e| vec![Problem::at(file, "", e)])?
            .map(|text| Text {
                file: file.to_owned(),
                text,
            }))
    };
    let mut upstreams = Vec::new();
    for ext in ["json", "yaml", "yml"] {
        if let Some(text) = fetch(&format!("specs/{UPSTREAM_DIR}/{provider}.{ext}"))? {
            upstreams.push(text);
        }
    }
    let overlay = fetch(&overlay)?;
    if let Some(spec) = fetch(&spec)? {
        if let Some(other) = upstreams.first().or(overlay.as_ref()) {
            return Err(vec![Problem::at(
                &spec.file,
                "",
                format!(
                    "{} is a second spec for the same provider: keep one of them",
                    other.file
                ),
            )]);
        }
        return Ok(Source::Spec(spec));
    }
    match upstreams.len() {
        1 => Ok(Source::Published {
            upstream: upstreams.remove(0),
            overlay,
        }),
        0 => Err(vec![match overlay {
            Some(overlay) => Problem::at(
                &overlay.file,
                "",
                format!(
                    "no published document to apply it to: put it in specs/{UPSTREAM_DIR}/{provider}.json (or .yaml), unchanged"
                ),
            ),
            None => Problem::at(&spec, "", NO_SUCH_SPEC),
        }]),
        n => Err(vec![Problem::at(
            &upstreams[0].file,
            "",
            format!("{n} published documents for one provider: keep one"),
        )]),
    }
}

/// The message of [`read_with`] when a provider has no spec at all.
pub const NO_SUCH_SPEC: &str = "no such spec";

/// Turns `source` into the document progenitor sees, or every problem found on the way.
pub fn prepare(source: &Source) -> Result<Prepared, Vec<Problem>> {
    prepare_with(source, false)
}

/// [`prepare`]; `strict` refuses an operation that progenitor cannot express instead of
/// leaving it out of the client with a note (see [`crate::leave_out`]).
pub fn prepare_with(source: &Source, strict: bool) -> Result<Prepared, Vec<Problem>> {
    let name = source.name();
    let (source, keep) = match source {
        Source::Kept { spec, keep } => (&**spec, Some(keep)),
        _ => (source, None),
    };
    let (mut document, after) = match source {
        Source::Kept { keep, .. } => {
            return Err(vec![Problem::at(
                &keep.file,
                "",
                "a keep list of a keep list",
            )]);
        }
        Source::Spec(spec) => (parse_text(spec)?, None),
        Source::Published { upstream, overlay } => {
            let document = parse_text(upstream)?;
            match overlay {
                None => (document, None),
                Some(overlay) => {
                    let actions = parse_text(overlay)?;
                    let overlaid =
                        crate::overlay::apply(&overlay.file, &actions, document, |doc| {
                            typed(doc).map(|_| ()).map_err(|(pointer, why)| {
                                if pointer.is_empty() {
                                    why
                                } else {
                                    format!("at {pointer}: {why}")
                                }
                            })
                        })?;
                    (overlaid, Some("the overlay"))
                }
            }
        }
    };
    // The keep list, before any check: nothing it drops can stop the document.
    let mut kept = match keep {
        Some(keep) => Some(crate::keep::apply(
            &name,
            keep,
            &parse_text(keep)?,
            &mut document,
        )?),
        None => None,
    };
    // Defects with one obvious meaning, mended where they are written (a schema that names a
    // response, before `check_ref_kinds` refuses it).
    let repaired = crate::repair::repair(&name, &mut document);
    // Where a `$ref` is written, before `normalize` moves schemas into new components.
    let mut problems = crate::lint::check_ref_kinds(&name, &document);
    if let Some(kept) = &mut kept {
        problems.append(&mut kept.problems);
    }
    // What progenitor would skip, before `normalize` leaves out what it cannot take.
    let fields = crate::lint_fields::check(&name, &document);
    problems.extend(fields.problems);
    let mut notes = match crate::normalize::normalize_with(&name, &mut document, after, strict) {
        Ok(notes) => notes,
        Err(mut found) => {
            problems.append(&mut found);
            problems.sort();
            return Err(problems);
        }
    };
    if let Some(kept) = kept {
        kept.after_normalize(&name, &mut document, &mut problems, &mut notes);
    }
    problems.extend(lint(&name, &document));
    notes.extend(fields.notes);
    notes.extend(repaired);
    notes.sort();
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    let openapi = typed(&document).map_err(|(pointer, why)| {
        vec![Problem::at(
            &name,
            pointer,
            format!("not a valid OpenAPI 3.0 document: {why}"),
        )]
    })?;
    Ok(Prepared {
        document,
        openapi,
        notes,
    })
}

/// Parses YAML (or, for a `.json` file, JSON) into a value; a syntax error names the line.
///
/// A published document is untrusted input, so reading one is bounded in time and memory by
/// its size:
///
/// - YAML nested deeper than [`yaml_depth::MAX_DEPTH`] collections is refused before it is
///   parsed, where the limit is passed (see [`crate::yaml_depth`]: libyaml alone took minutes
///   to reach serde_norway's own refusal). JSON: serde_json refuses the same depth as it reads.
/// - Aliases (`*name`) repeat what they name, so a small text can stand for a huge value
///   (serde_norway's own limit counts the aliases, not the values they bring: 21 KB made 9
///   million values, 300 MB). The values made may number at most twice the text's size in
///   bytes plus a million ([`max_values`]); a text without aliases makes at most one per byte.
fn parse_text(source: &Text) -> Result<Value, Vec<Problem>> {
    let at = |line: usize, column: usize, message: String| {
        vec![Problem {
            file: source.file.clone(),
            location: Location::LineColumn(line, column),
            message,
        }]
    };
    let budget = std::cell::Cell::new(max_values(&source.text));
    if source.file.ends_with(".json") {
        let mut json = serde_json::Deserializer::from_str(&source.text);
        serde::de::DeserializeSeed::deserialize(Unique(&budget), &mut json)
            .and_then(|value| json.end().map(|()| value))
            .map_err(|e| at(e.line(), e.column(), format!("invalid JSON: {e}")))
    } else {
        if let Err(deep) = yaml_depth::depth(&source.text, yaml_depth::MAX_DEPTH) {
            return Err(at(
                deep.line,
                deep.column,
                format!(
                    "invalid YAML: collections nested more than {} deep here; refused before parsing",
                    yaml_depth::MAX_DEPTH
                ),
            ));
        }
        serde::de::DeserializeSeed::deserialize(
            Unique(&budget),
            serde_norway::Deserializer::from_str(&source.text),
        )
        .map_err(|e| {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            at(line, column, format!("invalid YAML: {e}"))
        })
    }
}

/// How many values (scalars, lists and mappings; not keys) a text of this size may make:
/// twice its size in bytes, plus a million.
fn max_values(text: &str) -> usize {
    text.len().saturating_mul(2).saturating_add(1_000_000)
}

/// Reads a document as [`Value`] does, except that:
///
/// - a key twice in one mapping is an error: YAML forbids it, and both parsers would otherwise
///   keep the last one silently (a path pasted twice would lose the first one's operations
///   without a word);
/// - each value made takes one from the budget, and running out is an error (see
///   [`parse_text`]).
#[derive(Clone, Copy)]
struct Unique<'a>(&'a std::cell::Cell<usize>);

impl<'de> serde::de::DeserializeSeed<'de> for Unique<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        let left = self.0.get();
        if left == 0 {
            return Err(serde::de::Error::custom(
                "the aliases repeat more than a document this size holds (twice its size in bytes \
                 plus a million values); refused",
            ));
        }
        self.0.set(left - 1);
        deserializer.deserialize_any(UniqueVisitor(self))
    }
}

struct UniqueVisitor<'a>(Unique<'a>);

impl<'de> serde::de::Visitor<'de> for UniqueVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        // The same value, not a new one: give back what `deserialize` took for it.
        self.0.0.set(self.0.0.get() + 1);
        serde::de::DeserializeSeed::deserialize(self.0, d)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.0)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "the key {key:?} twice in one mapping"
                )));
            }
            let value = map.next_value_seed(self.0)?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

/// The typed document, or where and why it is not OpenAPI 3.0: at the deepest node that
/// fails on its own (see [`deepest`]).
///
/// Each schema is checked on its own first, its subschemas stubbed ([`invalid_schema`]):
/// openapiv3 reads a schema through untagged enums that try each variant in turn, and a
/// variant that fails deep down is tried again by the next, so an invalid schema at the bottom
/// of nested ones took time exponential in their depth (30 levels of `items`: hours). A
/// document whose schemas are each valid is read in one pass.
fn typed(doc: &Value) -> Result<openapiv3::OpenAPI, (String, String)> {
    if let Some(found) = invalid_schema(Kind::Document, "", doc) {
        return Err(found);
    }
    try_as::<openapiv3::OpenAPI>(doc)
        .map_err(|(pointer, why)| deepest(Kind::Document, "", doc).unwrap_or((pointer, why)))
}

/// The deepest schema below `node` (a `kind`, at `at`) that is not valid on its own: each one
/// is read with its subschemas replaced by `{}` (which is always valid), children first, so
/// that every schema is read once and the whole walk costs as much as the document's size.
fn invalid_schema(kind: Kind, at: &str, node: &Value) -> Option<(String, String)> {
    for (key, child_kind, child) in kind.children(node) {
        if let Some(found) = invalid_schema(child_kind, &format!("{at}{key}"), child) {
            return Some(found);
        }
    }
    if !matches!(kind, Kind::Schema) {
        return None;
    }
    let mut alone = node.clone();
    if node.get("$ref").is_none()
        && let Some(map) = alone.as_object_mut()
    {
        let stub = |value: &mut Value| {
            if value.is_object() {
                *value = Value::Object(Map::new());
            }
        };
        for &(key, shape, _) in Kind::Schema.fields() {
            match (shape, map.get_mut(key)) {
                (Shape::One, Some(value)) => stub(value),
                (Shape::Map, Some(Value::Object(entries))) => entries.values_mut().for_each(stub),
                (Shape::List, Some(Value::Array(items))) => items.iter_mut().for_each(stub),
                _ => {}
            }
        }
    }
    Kind::Schema
        .check(&alone)
        .err()
        .map(|(inner, why)| (format!("{at}{inner}"), why))
}

/// `node` as a `T`, or the pointer (relative to `node`) and message of why not.
fn try_as<T: serde::de::DeserializeOwned>(node: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(node).map_err(|e| {
        let pointer: String = e
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Some(format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => Some(format!("/{}", escape(key))),
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        (pointer, e.inner().to_string())
    })
}

/// What a node of an OpenAPI document is, for [`deepest`].
#[derive(Clone, Copy)]
enum Kind {
    Document,
    Components,
    Paths,
    PathItem,
    Operation,
    Parameter,
    RequestBody,
    Responses,
    Response,
    Header,
    MediaType,
    Schema,
    Callback,
}

impl Kind {
    /// Whether `node` deserializes as this kind (or, with a `$ref`, as a reference to one):
    /// `Err` with the pointer inside `node` and the message when it does not. An object
    /// without `$ref` is read as the object itself, not through openapiv3's untagged
    /// `ReferenceOr`, whose errors lose their place.
    fn check(self, node: &Value) -> Result<(), (String, String)> {
        fn ok<T: serde::de::DeserializeOwned>(node: &Value) -> Result<(), (String, String)> {
            if node.get("$ref").is_some() {
                try_as::<openapiv3::ReferenceOr<T>>(node).map(|_| ())
            } else {
                try_as::<T>(node).map(|_| ())
            }
        }
        match self {
            Kind::Document => ok::<openapiv3::OpenAPI>(node),
            Kind::Components => ok::<openapiv3::Components>(node),
            Kind::Paths => ok::<openapiv3::Paths>(node),
            Kind::PathItem => ok::<openapiv3::PathItem>(node),
            Kind::Operation => ok::<openapiv3::Operation>(node),
            Kind::Parameter => ok::<openapiv3::Parameter>(node),
            Kind::RequestBody => ok::<openapiv3::RequestBody>(node),
            Kind::Responses => ok::<openapiv3::Responses>(node),
            Kind::Response => ok::<openapiv3::Response>(node),
            Kind::Header => ok::<openapiv3::Header>(node),
            Kind::MediaType => ok::<openapiv3::MediaType>(node),
            Kind::Schema => ok::<openapiv3::Schema>(node),
            Kind::Callback => ok::<openapiv3::Callback>(node),
        }
    }

    /// The keys of this kind of node that hold OpenAPI objects of their own: one object, a
    /// map of them by name, or a list of them.
    fn fields(self) -> &'static [(&'static str, Shape, Kind)] {
        use Kind::*;
        use Shape::{List, Map, One};
        match self {
            Document => &[("paths", One, Paths), ("components", One, Components)],
            Components => &[
                ("schemas", Map, Schema),
                ("responses", Map, Response),
                ("parameters", Map, Parameter),
                ("requestBodies", Map, RequestBody),
                ("headers", Map, Header),
                ("callbacks", Map, Callback),
            ],
            PathItem => &[("parameters", List, Parameter)],
            Operation => &[
                ("parameters", List, Parameter),
                ("requestBody", One, RequestBody),
                ("responses", One, Responses),
                ("callbacks", Map, Callback),
            ],
            Parameter | Header => &[("schema", One, Schema), ("content", Map, MediaType)],
            RequestBody => &[("content", Map, MediaType)],
            Response => &[("content", Map, MediaType), ("headers", Map, Header)],
            MediaType => &[("schema", One, Schema)],
            Schema => &[
                ("properties", Map, Schema),
                ("items", One, Schema),
                ("additionalProperties", One, Schema),
                ("not", One, Schema),
                ("allOf", List, Schema),
                ("oneOf", List, Schema),
                ("anyOf", List, Schema),
            ],
            Paths | Responses | Callback => &[],
        }
    }

    /// The children of `node` that are OpenAPI objects of their own, with their pointers
    /// (relative to `node`) and kinds.
    fn children(self, node: &Value) -> Vec<(String, Kind, &Value)> {
        let mut found = Vec::new();
        if node.get("$ref").is_some() {
            return found;
        }
        for &(key, shape, kind) in self.fields() {
            let at = format!("/{}", escape(key));
            match (shape, node.get(key)) {
                (Shape::One, Some(value)) if value.is_object() => found.push((at, kind, value)),
                (Shape::Map, Some(Value::Object(entries))) => {
                    for (name, value) in entries {
                        found.push((format!("{at}/{}", escape(name)), kind, value));
                    }
                }
                (Shape::List, Some(Value::Array(items))) => {
                    for (i, value) in items.iter().enumerate() {
                        found.push((format!("{at}/{i}"), kind, value));
                    }
                }
                _ => {}
            }
        }
        // Maps whose every entry but an extension is of one kind, keyed by anything.
        let entries = match self {
            Kind::Paths | Kind::Callback => Some(Kind::PathItem),
            Kind::Responses => Some(Kind::Response),
            _ => None,
        };
        if let (Some(kind), Some(map)) = (entries, node.as_object()) {
            for (name, value) in map.iter().filter(|(name, _)| !name.starts_with("x-")) {
                found.push((format!("/{}", escape(name)), kind, value));
            }
        }
        if let (Kind::PathItem, Some(map)) = (self, node.as_object()) {
            for method in crate::lint::METHODS {
                if let Some(value) = map.get(method) {
                    found.push((format!("/{method}"), Kind::Operation, value));
                }
            }
        }
        found
    }
}

/// How a key holds OpenAPI objects (see [`Kind::fields`]).
#[derive(Clone, Copy)]
enum Shape {
    One,
    Map,
    List,
}

/// Where and why the `kind` node `node` at `at` is not valid, at the deepest node that is not
/// valid on its own: serde reports an error inside an untagged enum (every `$ref`-or-object
/// in openapiv3) at the enum, which would put a misspelt `in: qurey` at `/paths`. Each child
/// that fails alone is descended into; `None` when `node` is valid.
fn deepest(kind: Kind, at: &str, node: &Value) -> Option<(String, String)> {
    let (inner, why) = kind.check(node).err()?;
    for (key, child_kind, child) in kind.children(node) {
        if let Some(found) = deepest(child_kind, &format!("{at}{key}"), child) {
            return Some(found);
        }
    }
    // A merge key that YAML did not apply (the parser keeps `<<` as a key).
    if node.get("<<").is_some() {
        return Some((
            format!("{at}/<<"),
            format!("{why}: YAML merge keys (`<<`) are not applied; write the keys out"),
        ));
    }
    // A parameter is an enum tagged by `in`: serde reports an unknown `in`, and an error in
    // the fields beside it, at the parameter.
    if matches!(kind, Kind::Parameter) && inner.is_empty() {
        let place = node.get("in").and_then(Value::as_str);
        if !matches!(place, Some("query" | "header" | "path" | "cookie")) {
            return Some((format!("{at}/in"), why));
        }
        let mut data = node.clone();
        if let Some(map) = data.as_object_mut() {
            for key in ["in", "style", "allowReserved", "allowEmptyValue"] {
                map.remove(key);
            }
        }
        if let Err((inner, why)) = try_as::<openapiv3::ParameterData>(&data)
            && !inner.is_empty()
        {
            return Some((format!("{at}{inner}"), why));
        }
    }
    Some((format!("{at}{inner}"), why))
}
