//! `--save-credentials FILE`: where credentials that a provider issues during a run are kept.
//!
//! The file is created before the call that issues them (so a bad path fails before anything is
//! rotated), must not exist yet, is readable by its owner only (on Unix), and holds shell
//! assignments that `set -a; . FILE` loads.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use unbind::auth::{ExposeSecret as _, SecretString};

use crate::error::CliError;

/// A credentials file, created and still empty.
#[derive(Debug)]
pub(crate) struct CredentialFile {
    path: PathBuf,
    file: File,
}

impl CredentialFile {
    /// Creates `path` (which must not exist), owner-only on Unix.
    pub(crate) fn create(path: &Path) -> Result<Self, CliError> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let file = options.open(path).map_err(|e| {
            CliError::Input(format!(
                "--save-credentials {}: cannot create the file: {e}",
                path.display()
            ))
        })?;
        Ok(Self {
            path: path.to_owned(),
            file,
        })
    }

    /// Removes the file again: nothing was issued.
    pub(crate) fn discard(self) {
        drop(self.file);
        // Best effort: the file is ours (create_new) and empty.
        let _ = std::fs::remove_file(&self.path);
    }

    /// Writes `NAME='value'` lines and flushes them to disk.
    pub(crate) fn write(mut self, entries: &[(&str, &SecretString)]) -> Result<(), CliError> {
        let mut text = String::new();
        for (name, value) in entries {
            text.push_str(name);
            text.push('=');
            text.push_str(&shell_quote(value.expose_secret()));
            text.push('\n');
        }
        // Wiped when dropped, like the SecretStrings it is made from.
        let text = SecretString::from(text);
        self.file
            .write_all(text.expose_secret().as_bytes())
            .and_then(|()| self.file.sync_all())
            .map_err(|e| {
                CliError::Local(format!(
                    "could not write the new credentials to {}: {e}",
                    self.path.display()
                ))
            })
    }
}

/// `value` in single quotes for a POSIX shell.
fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_single_quoted() {
        assert_eq!(shell_quote("abc"), "'abc'");
        assert_eq!(shell_quote("a'b $c"), r"'a'\''b $c'");
    }
}
