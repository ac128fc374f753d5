//! A client crate's version and where its files are: the numbers a release reads and bumps,
//! and the bump a report needs.

use crate::diff::{Grade, Report};

/// A `MAJOR.MINOR.PATCH` version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    /// Parses `1.2.3` (a pre-release or build suffix is not supported).
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('.').map(|p| p.parse::<u64>().ok());
        let version = Self(parts.next()??, parts.next()??, parts.next()??);
        parts.next().is_none().then_some(version)
    }

    /// The smallest version after `self` that a change of `level` needs; `Err` names `self`
    /// when the part to raise is already `u64::MAX`.
    pub fn bump(self, level: Level) -> Result<Self, String> {
        let Self(major, minor, patch) = self;
        let next = |part: u64| {
            part.checked_add(1).ok_or_else(|| {
                format!(
                    "release {self} has no next version (a part would pass {})",
                    u64::MAX
                )
            })
        };
        Ok(match (major, level) {
            (0, Level::Major) => Self(0, next(minor)?, 0),
            (0, _) => Self(0, minor, next(patch)?),
            (_, Level::Major) => Self(next(major)?, 0, 0),
            (_, Level::Minor) => Self(major, next(minor)?, 0),
            (_, Level::Patch) => Self(major, minor, next(patch)?),
        })
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// How big a bump a set of changes needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Nothing in the Rust API grew or broke.
    Patch,
    /// The Rust API grew.
    Minor,
    /// The Rust API broke.
    Major,
}

/// The level a report needs, or `None` when nothing changed.
pub fn level(report: &Report) -> Option<Level> {
    if report.changes.is_empty() && report.unexplained.is_empty() {
        return None;
    }
    Some(match report.rust() {
        Grade::Breaking => Level::Major,
        Grade::Compatible => Level::Minor,
        Grade::None => Level::Patch,
    })
}

/// Where a provider's crate keeps its files.
pub(super) fn krate(provider: &str) -> String {
    format!("crates/{}", crate::scaffold::package(provider))
}
