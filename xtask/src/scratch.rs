//! Folders that tests build in, kept between runs under the target directory
//! (`target/tmp/<name>`), so that cargo reuses a build there when nothing in it changed.
//!
//! A temporary folder has a new path on every run, and cargo compiles a path crate again when
//! its path changes; here the path stays, and files are written only when their contents
//! change, so their modification times (cargo's fingerprints) do too.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// A folder of one test's own, locked for as long as this value lives: two test runs sharing a
/// target directory take turns instead of writing the same files at once.
#[derive(Debug)]
pub struct Scratch {
    path: PathBuf,
    _lock: File,
}

impl Scratch {
    /// `target/tmp/<name>` (below `CARGO_TARGET_DIR` if set), created if missing, and locked.
    pub fn new(name: &str) -> io::Result<Scratch> {
        let tmp = crate::target_dir().join("tmp");
        let path = tmp.join(name);
        std::fs::create_dir_all(&path)?;
        let lock = File::create(tmp.join(format!("{name}.lock")))?;
        lock.lock()?;
        Ok(Scratch { path, _lock: lock })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Writes `contents` to `path` (and its parent folders) unless it already holds exactly that.
pub fn write_if_changed(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    let contents = contents.as_ref();
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, contents)
}

/// Makes the folder `to` hold what `from` holds: changed and new files written (with
/// [`write_if_changed`]), files and folders that `from` lacks removed, except the top-level
/// entries named in `keep`, which are left as they are in `to` (a build's `target`, say, or a
/// file the caller writes itself): neither removed nor written.
pub fn mirror(from: &Path, to: &Path, keep: &[&str]) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(to)? {
        let entry = entry?;
        let name = entry.file_name();
        if keep.iter().any(|k| name == *k) || from.join(&name).exists() {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if keep.iter().any(|k| entry.file_name() == *k) {
            continue;
        }
        let (source, dest) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            if dest.is_file() {
                std::fs::remove_file(&dest)?;
            }
            mirror(&source, &dest, &[])?;
        } else {
            if dest.is_dir() {
                std::fs::remove_dir_all(&dest)?;
            }
            write_if_changed(&dest, std::fs::read(&source)?)?;
        }
    }
    Ok(())
}
