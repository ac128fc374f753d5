//! Reading the input: JSON Lines, one account a line, each line bounded and checked.

use std::io::{self, BufRead, Read as _};

use serde_json::{Map, Value};

use super::error::BulkError;
use crate::{Account, Error, Provider};

/// The longest line of input or journal read, in bytes (64 KiB): a longer one is an error
/// instead of a line held whole in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One account of the input, and the line it was on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line number, from 1.
    pub number: u64,
    /// The account.
    pub account: Account,
}

/// Accounts read from JSON Lines one line at a time (see the [module docs](super) for the
/// format). Stops after the first error.
///
/// Reads are blocking `BufRead` reads: fine for a file, which is what a bulk run reads.
#[derive(Debug)]
pub struct Accounts<R> {
    reader: R,
    provider: Provider,
    line: u64,
    buf: Vec<u8>,
    stopped: bool,
}

impl<R: BufRead> Accounts<R> {
    /// Accounts of `provider`, from `reader`.
    pub fn new(reader: R, provider: Provider) -> Self {
        Self {
            reader,
            provider,
            line: 0,
            buf: Vec::new(),
            stopped: false,
        }
    }

    fn next_line(&mut self) -> Result<Option<Line>, BulkError> {
        loop {
            self.line += 1;
            let line = self.line;
            let read = read_line(&mut self.reader, &mut self.buf)
                .map_err(|source| BulkError::Read { line, source })?;
            let invalid = |reason: String| BulkError::Input { line, reason };
            let text = match read {
                Read::End => return Ok(None),
                Read::TooLong => return Err(invalid(too_long())),
                Read::Line { .. } => trim(&self.buf, line == 1),
            };
            if text.is_empty() {
                continue;
            }
            let account = parse(text, Some(self.provider)).map_err(invalid)?.0;
            account.check().map_err(|e| invalid(check_failed(e)))?;
            return Ok(Some(Line {
                number: line,
                account,
            }));
        }
    }
}

impl<R: BufRead> Iterator for Accounts<R> {
    type Item = Result<Line, BulkError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped {
            return None;
        }
        let next = self.next_line().transpose();
        self.stopped = !matches!(next, Some(Ok(_)));
        next
    }
}

/// What one bounded line read found.
pub(super) enum Read {
    /// Nothing left.
    End,
    /// A line (in the buffer, without its end); `terminated` if it ended with `\n`.
    Line { terminated: bool },
    /// More than [`MAX_LINE_BYTES`] before the end of the line.
    TooLong,
}

/// Reads one line into `buf`, at most [`MAX_LINE_BYTES`] of it.
pub(super) fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Read> {
    buf.clear();
    let limit = MAX_LINE_BYTES as u64 + 1;
    let read = reader.take(limit).read_until(b'\n', buf)?;
    if read == 0 {
        return Ok(Read::End);
    }
    let terminated = buf.last() == Some(&b'\n');
    if terminated {
        buf.pop();
    } else if buf.len() > MAX_LINE_BYTES {
        return Ok(Read::TooLong);
    }
    Ok(Read::Line { terminated })
}

/// Why [`Account::check`] refused a line's account, without the value: `has a "provider_id"
/// that contains a path separator`.
fn check_failed(error: Error) -> String {
    match error {
        Error::InvalidInput { field, reason } => format!("has a \"{field}\" that {reason}"),
        other => other.to_string(),
    }
}

pub(super) fn too_long() -> String {
    format!("is longer than {MAX_LINE_BYTES} bytes")
}

/// A line without surrounding whitespace (a `\r` of CRLF included) and, on the first line,
/// without a UTF-8 byte order mark.
fn trim(line: &[u8], first: bool) -> &[u8] {
    let line = match (first, line.strip_prefix(b"\xEF\xBB\xBF")) {
        (true, Some(rest)) => rest,
        _ => line,
    };
    line.trim_ascii()
}

/// Parses one line into an account and the rest of its fields. With `expected`, the account
/// must be of that provider (a `"provider"` field is optional); without, `"provider"` says
/// which it is. The error says what is wrong without quoting the line.
pub(super) fn parse(
    text: &[u8],
    expected: Option<Provider>,
) -> Result<(Account, Map<String, Value>), String> {
    if std::str::from_utf8(text).is_err() {
        return Err("is not UTF-8".to_owned());
    }
    let object = match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err("is not a JSON object".to_owned()),
        // serde's own message may quote the text: keep only where it went wrong.
        Err(e) => return Err(format!("is not JSON (error at column {})", e.column())),
    };
    let tagged = match object.get("provider") {
        None => None,
        Some(Value::String(tag)) => Some(tag.parse::<Provider>().map_err(|_| {
            "has a \"provider\" that is not manta, oneaccess or cloudbase".to_owned()
        })?),
        Some(_) => return Err("has a \"provider\" that is not a string".to_owned()),
    };
    let provider = match (expected, tagged) {
        (Some(expected), Some(tagged)) if expected != tagged => {
            return Err(format!(
                "is a {} account, not {}",
                tagged.tag(),
                expected.tag()
            ));
        }
        (Some(provider), _) | (None, Some(provider)) => provider,
        (None, None) => return Err("has no \"provider\"".to_owned()),
    };
    let field = |name: &str| match object.get(name) {
        Some(Value::String(value)) if value.trim().is_empty() => {
            Err(format!("has an empty \"{name}\""))
        }
        Some(Value::String(value)) => Ok(value.clone()),
        Some(_) => Err(format!("has a \"{name}\" that is not a string")),
        None => Err(format!("has no \"{name}\"")),
    };
    let account = match provider {
        Provider::Manta => Account::Manta {
            client_id: field("clientId")?,
            customer_id: field("customerId")?,
        },
        Provider::OneAccess => Account::OneAccess { id: field("id")? },
        Provider::CloudBase => Account::CloudBase {
            provider_id: field("provider_id")?,
        },
    };
    Ok((account, object))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_up_to_the_limit() {
        let long = format!("{}\n", "x".repeat(MAX_LINE_BYTES));
        let mut reader = io::Cursor::new(long.as_bytes());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line(&mut reader, &mut buf).unwrap(),
            Read::Line { terminated: true }
        ));
        assert_eq!(buf.len(), MAX_LINE_BYTES);
        let longer = "x".repeat(MAX_LINE_BYTES + 1);
        let mut reader = io::Cursor::new(longer.as_bytes());
        assert!(matches!(
            read_line(&mut reader, &mut buf).unwrap(),
            Read::TooLong
        ));
    }
}
