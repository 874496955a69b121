//! What the page tells about stored data it could not use as it was: what
//! was found, and where it is kept now.

use super::format::{EntryLabel, Source};

/// Where a value that could not be used as it was is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Copied, byte for byte, under `key`. `dropped`: the oldest backups
    /// removed to stay within [`super::backup::BACKUPS_KEPT`].
    Backup {
        key: String,
        bytes: usize,
        dropped: Vec<String>,
    },
    /// Could not be copied (storage full): left as it was under `key`,
    /// and this page does not write over it.
    InPlace { key: String, bytes: usize },
}

impl Kept {
    /// The key that holds the value now.
    pub fn key(&self) -> &str {
        match self {
            Kept::Backup { key, .. } | Kept::InPlace { key, .. } => key,
        }
    }
}

/// What a stored value held that could not be used as it was, and what
/// was kept where: said to the user in full (`i18n::storage`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageReport {
    pub source: Source,
    pub found: Found,
    /// The copy made before the value was replaced (or why none could be
    /// made); None when nothing was lost by the repair.
    pub kept: Option<Kept>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing in it could be read.
    Unreadable,
    /// Unreadable data took the place of the working scenario while the
    /// page was open (another tab, another version): the scenario on
    /// screen is kept.
    Displaced,
    /// A library read in part ([`LibraryRead`]).
    Repaired {
        unreadable: Vec<EntryLabel>,
        beyond_cap: usize,
        renumbered: usize,
    },
}
