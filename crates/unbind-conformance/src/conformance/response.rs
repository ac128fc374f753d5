//! Checking an answer against the responses its operation declares.

use super::text::essence;
use super::{Rule, Spec, Violation, schema};
use crate::Body;

impl Spec {
    /// Whether an answer conforms to what operation `operation_id` declares for `status`:
    /// the status is declared (exactly, by range such as `4XX`, or by `default`); a declared
    /// body has a declared `Content-Type` and, if JSON, validates against its schema with no
    /// undeclared object fields; a response that declares no content has an empty body.
    ///
    /// Violations never quote body values. An unknown `operation_id` is a
    /// [`Rule::NoSuchOperation`].
    pub fn check_response(
        &self,
        operation_id: &str,
        status: u16,
        content_type: Option<&str>,
        body: &Body,
    ) -> Result<(), Vec<Violation>> {
        let violation = |rule, detail: String| Violation {
            operation: Some(operation_id.to_owned()),
            rule,
            detail,
        };
        let Some(operation) = self.operations.iter().find(|op| op.id == operation_id) else {
            return Err(vec![Violation {
                operation: None,
                rule: Rule::NoSuchOperation,
                detail: format!("no operation has the id {operation_id:?}"),
            }]);
        };
        // The exact status first, then its range (`4XX`), then `default`.
        let exact = status.to_string();
        let range = format!("{}XX", status / 100);
        let find =
            |wanted: &dyn Fn(&str) -> bool| operation.responses.iter().find(|(key, _)| wanted(key));
        let declared = find(&|key| key == exact)
            .or_else(|| find(&|key| key.eq_ignore_ascii_case(&range)))
            .or_else(|| find(&|key| key == "default"));
        let Some((key, media)) = declared else {
            return Err(vec![violation(
                Rule::UndeclaredStatus,
                format!("status {status} is not declared"),
            )]);
        };
        if media.is_empty() {
            return match body {
                Body::Empty => Ok(()),
                _ => Err(vec![violation(
                    Rule::ResponseContentType,
                    format!("response {key} declares no content, but a body was sent"),
                )]),
            };
        }
        let Some(content_type) = content_type else {
            return Err(vec![violation(
                Rule::ResponseContentType,
                format!("response {key} has a body but no Content-Type"),
            )]);
        };
        let wanted = essence(content_type);
        let Some(found) = media.iter().find(|m| m.essence == wanted) else {
            let keys: Vec<&str> = media.iter().map(|m| m.key.as_str()).collect();
            return Err(vec![violation(
                Rule::ResponseContentType,
                format!(
                    "content type {content_type:?} is not one of {} (response {key})",
                    keys.join(", ")
                ),
            )]);
        };
        let Some((schema, validator)) = &found.schema else {
            return Ok(());
        };
        let Body::Json(json) = body else {
            return Err(vec![violation(
                Rule::ResponseBody,
                format!("the body is not JSON, but {:?} is", found.key),
            )]);
        };
        let mut broken = Vec::new();
        let mut undeclared = Vec::new();
        schema::undeclared_fields(&self.doc, &[schema], json, "", &mut undeclared);
        for pointer in undeclared {
            broken.push(violation(
                Rule::ResponseBody,
                format!("body field {pointer:?} is not declared"),
            ));
        }
        for error in validator.iter_errors(json) {
            let path = error.instance_path().as_str();
            let message = error.masked();
            broken.push(violation(
                Rule::ResponseBody,
                if path.is_empty() {
                    format!("body: {message}")
                } else {
                    format!("body {path}: {message}")
                },
            ));
        }
        if broken.is_empty() {
            Ok(())
        } else {
            Err(broken)
        }
    }
}
