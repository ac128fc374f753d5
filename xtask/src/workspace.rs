//! Where the workspace's files are and how the xtask reads and writes them: the root, the
//! target directory, the layout of specs/ and the providers it has, a client crate's paths,
//! and files (a [`Text`]) read only when regular and replaced whole.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Problem;

/// The directory below `specs/` that holds published documents.
pub const UPSTREAM_DIR: &str = "upstream";

/// The suffix of an overlay's file name: `specs/<provider>.overlay.yaml`.
pub const OVERLAY_SUFFIX: &str = ".overlay.yaml";

/// One file's name (relative to the workspace, for messages) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The path relative to the workspace root, e.g. `specs/manta.yaml`.
    pub file: String,
    /// The file's contents.
    pub text: String,
}

/// The provider a workspace-relative file belongs to: `specs/<p>.yaml`,
/// `specs/<p>.overlay.yaml`, `specs/<p>.keep.yaml` and `specs/upstream/<p>.{json,yaml,yml}`
/// name `<p>`; anything else
/// names none. How both the working tree and a git revision are listed.
pub fn provider_of(path: &str) -> Option<&str> {
    let name = path.strip_prefix("specs/")?;
    let stem = match name
        .strip_prefix(UPSTREAM_DIR)
        .and_then(|n| n.strip_prefix('/'))
    {
        Some(upstream) => ["json", "yaml", "yml"]
            .iter()
            .find_map(|ext| upstream.strip_suffix(ext)?.strip_suffix('.'))?,
        None => {
            let stem = name.strip_suffix(".yaml")?;
            stem.strip_suffix(".overlay")
                .or_else(|| stem.strip_suffix(".keep"))
                .unwrap_or(stem)
        }
    };
    (!stem.is_empty() && !stem.contains('/')).then_some(stem)
}

/// The workspace root: the parent of this crate's directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// A `cargo` command (the one running this process, else `cargo` from `PATH`) that builds into
/// this workspace's target directory (or `CARGO_TARGET_DIR`), so that a copy of the workspace
/// or an application beside it compiles only what the workspace has not compiled already.
pub fn cargo_sharing_target() -> Command {
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo.env("CARGO_TARGET_DIR", target_dir());
    cargo
}

/// This workspace's target directory: `CARGO_TARGET_DIR`, else `target/` at the root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The providers with a spec, sorted: the names of `specs/<provider>.yaml`,
/// `specs/<provider>.overlay.yaml`, `specs/<provider>.keep.yaml` and
/// `specs/upstream/<provider>.{json,yaml}`.
pub fn providers(root: &Path) -> Result<Vec<String>, Problem> {
    let mut names = Vec::new();
    for dir in ["specs".to_owned(), format!("specs/{}", UPSTREAM_DIR)] {
        let path = root.join(&dir);
        if dir != "specs" && !path.is_dir() {
            continue;
        }
        let entries = std::fs::read_dir(&path)
            .map_err(|e| Problem::at(&dir, "", format!("cannot list {}: {e}", path.display())))?;
        for entry in entries {
            let entry = entry.map_err(|e| Problem::at(&dir, "", format!("cannot list: {e}")))?;
            let file = format!("{dir}/{}", entry.file_name().to_string_lossy());
            // Whatever it is (a directory, a FIFO…): reading it names what is wrong, where
            // skipping it would report nothing at all.
            if let Some(provider) = provider_of(&file) {
                names.push(provider.to_owned());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// The folder of `provider`'s client crate, relative to the workspace root.
pub fn client_crate(provider: &str) -> String {
    format!("crates/{provider}-client")
}

/// Where `generate` writes `provider`'s generated code, relative to the workspace root: its
/// first line is [`render::header`](crate::render::header).
pub fn generated_file(provider: &str) -> String {
    format!("{}/src/generated.rs", client_crate(provider))
}

/// Why an output whose folder is reached through a link to elsewhere is not written.
pub(crate) const OUTSIDE: &str =
    "is outside the workspace (through a symbolic link); the xtask writes only inside it";

/// Whether the folder that `path` (relative to `root`) would be written into resolves, links
/// followed, to somewhere outside `root`: its nearest existing ancestor is looked at, as
/// `create_dir_all` would create the rest inside it. The file itself may be a link: it is
/// replaced by the rename, not written through.
pub(crate) fn leaves_workspace(root: &Path, path: &str) -> bool {
    let Ok(real_root) = std::fs::canonicalize(root) else {
        return false;
    };
    let mut dir = root.join(path);
    while dir.pop() {
        match std::fs::canonicalize(&dir) {
            Ok(real) => return !real.starts_with(&real_root),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            // Anything else is for the write to report, naming the file.
            Err(_) => return false,
        }
    }
    false
}

/// The text of the file at `path`, or `None` if there is none. Anything there that is not a
/// regular file (after symbolic links) is an error before it is opened: reading a directory
/// fails, but reading a FIFO waits for a writer that may never come, and a device such as
/// `/dev/zero` never ends.
pub fn read_file(path: &Path) -> std::io::Result<Option<String>> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
        Ok(meta) if !meta.is_file() => Err(std::io::Error::other("not a regular file")),
        Ok(_) => std::fs::read_to_string(path).map(Some),
    }
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Replaces the file at `path` with `bytes` through a temporary file beside it and a rename,
/// creating its folder if needed: the file is never half-written, and after an error it is as
/// it was.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("not a file in a folder"))?;
    let temporary = dir.join(format!(
        ".{}.xtask-tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("out")
    ));
    // A temporary file left over (or a link put there: it would be written through, to a
    // file that is not ours) is removed; the new one is created afresh, never followed.
    let _ = std::fs::remove_file(&temporary);
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temporary)
        })
        .and_then(|mut file| std::io::Write::write_all(&mut file, bytes))
        .and_then(|()| std::fs::rename(&temporary, path));
    // Only a temporary file of ours is removed; the file itself is as it was.
    if written.is_err() && temporary.is_file() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}
