//! `RUST_LOG`: the facade's `tracing` log (each retry, at debug level) on standard error,
//! through the same redaction as everything else the CLI prints.

use std::ffi::OsString;
use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use tracing_subscriber::EnvFilter;
use unbind::runtime::redact::Redactor;

use crate::env::Env;
use crate::error::CliError;

/// The variable that turns the log on, with `tracing-subscriber`'s filter syntax
/// (`unbind=debug`, `debug`, …).
pub(crate) const RUST_LOG: &str = "RUST_LOG";

/// A subscriber for `RUST_LOG`, or `None` when it is unset or empty; a filter that does not
/// parse is a usage error naming the variable (its text is not repeated).
pub(crate) fn subscriber(
    lookup: &dyn Fn(&str) -> Option<OsString>,
    env: &Env<'_>,
) -> Result<Option<impl tracing::Subscriber + Send + Sync + 'static>, CliError> {
    let Some(value) = lookup(RUST_LOG) else {
        return Ok(None);
    };
    let value = value
        .into_string()
        .map_err(|_| CliError::Usage(format!("{RUST_LOG} is not valid UTF-8")))?;
    if value.trim().is_empty() {
        return Ok(None);
    }
    let filter = EnvFilter::try_new(&value)
        .map_err(|e| CliError::Usage(format!("{RUST_LOG} is not a log filter: {e}")))?;
    let redactor = env.redactor();
    Ok(Some(
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(move || RedactedStderr(Arc::clone(&redactor)))
            .finish(),
    ))
}

/// Standard error, with every secret the CLI has seen blanked out of each write (the fmt
/// layer writes one whole event at a time).
struct RedactedStderr(Arc<Mutex<Redactor>>);

impl Write for RedactedStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let redacted = self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .redact(&text);
        std::io::stderr().write_all(redacted.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}
