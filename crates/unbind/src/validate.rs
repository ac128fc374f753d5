//! Input checks that run before anything is sent.

use crate::Error;

/// An id must not be empty or only whitespace.
pub(crate) fn id(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "is empty or blank"));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, "contains a control character"));
    }
    Ok(())
}

/// A path segment must be an id that the URL parser cannot turn into another resource:
/// not `.` or `..`, and without `/` (or its percent-encoded form, or `\`).
pub(crate) fn path_segment(field: &str, value: &str) -> Result<(), Error> {
    id(field, value)?;
    if value == "." || value == ".." {
        return Err(Error::invalid(
            field,
            "is a dot segment (`.` or `..`), which would address another resource",
        ));
    }
    let lower = value.to_ascii_lowercase();
    if value.contains('/') || value.contains('\\') || lower.contains("%2f") || lower.contains("%5c")
    {
        return Err(Error::invalid(field, "contains a path separator"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(result: Result<(), Error>) -> String {
        match result {
            Err(Error::InvalidInput { field, reason }) => format!("{field} {reason}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn ids_must_not_be_blank() {
        assert_eq!(reason(id("id", "")), "id is empty or blank");
        assert_eq!(reason(id("id", " \t")), "id is empty or blank");
        assert_eq!(reason(id("id", "a\nb")), "id contains a control character");
        assert!(id("id", "001GKgGa15HGZA0aOxIa1bFktp1GKgG4").is_ok());
    }

    #[test]
    fn path_segments_cannot_escape() {
        for bad in [".", ".."] {
            assert!(
                reason(path_segment("provider_id", bad))
                    .starts_with("provider_id is a dot segment")
            );
        }
        for bad in ["a/b", "../user", "a%2Fb", "a%2fb", "a\\b"] {
            assert_eq!(
                reason(path_segment("provider_id", bad)),
                "provider_id contains a path separator",
                "{bad}"
            );
        }
        for good in ["github", "wx_open", "wx1234567890abcdef", "..a", "a.b"] {
            assert!(path_segment("provider_id", good).is_ok(), "{good}");
        }
    }
}
