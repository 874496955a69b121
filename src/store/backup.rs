//! The one way stored data is written over: never destroying what could
//! not be copied. Pure over an [`Area`] (localStorage in the page,
//! `browser::storage::Local`; [`Memory`] in tests, with a quota).
//!
//! - A value that cannot be read in full is copied to a backup before
//!   anything replaces it; when the copy fails (storage full) it stays
//!   where it is and this page does not write over it ([`Kept::InPlace`]).
//! - Backups never overwrite one another: each takes the next number
//!   (`…-backup`, `…-backup.2`, `…-backup.3`…). At most [`BACKUPS_KEPT`]
//!   per value are kept; past that the oldest is removed, once the new copy
//!   is safely written, and the caller is told which ([`Kept::Backup`]).
//! - The same text is never copied twice: an identical backup is reused.
//! - The library is written by compare-and-swap on the text it was read
//!   from ([`Vetted`]): a write over a text that changed since is refused.

use super::format::{decode_working, encode_library, read_library, Library, Loaded, Source};
use super::report::{Found, Kept, StorageReport};

/// Backups kept per stored value; the oldest goes first.
pub const BACKUPS_KEPT: usize = 5;

/// A key–value store like localStorage: `set` may fail (quota).
pub trait Area {
    fn get(&self, key: &str) -> Option<String>;
    /// False when the value was not stored (storage full or off).
    fn set(&mut self, key: &str, value: &str) -> bool;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// Why a write was not made. In every case the stored value is as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A newer version's data is stored there.
    Newer(u32),
    /// Unreadable data is stored there and could not be copied aside.
    Unreadable(Kept),
    /// The stored text changed since it was read (another tab wrote).
    Moved,
    /// The write itself failed (storage full or off).
    Failed,
}

/// The key of backup number `slot` (from 1) of `source`.
pub fn backup_key(source: Source, slot: u32) -> String {
    match slot {
        1 => source.backup_key().to_string(),
        _ => format!("{}.{slot}", source.backup_key()),
    }
}

/// The backup number `key` is for `source`, if it is one of its backups.
pub fn backup_slot(source: Source, key: &str) -> Option<u32> {
    let rest = key.strip_prefix(source.backup_key())?;
    if rest.is_empty() {
        return Some(1);
    }
    let digits = rest.strip_prefix('.')?;
    let slot: u32 = digits.parse().ok()?;
    // One spelling per number: `.2`, not `.02` or `.+2`.
    (slot >= 2 && digits == slot.to_string()).then_some(slot)
}

/// The backups of `source` in `area`, oldest (lowest number) first.
pub fn backups(area: &impl Area, source: Source) -> Vec<(u32, String)> {
    // Placed in order as found: a handful of keys, and no copy of the
    // standard sort in the page (bytes).
    let mut found: Vec<(u32, String)> = Vec::new();
    for key in area.keys() {
        if let Some(slot) = backup_slot(source, &key) {
            let at = found.partition_point(|(placed, _)| *placed < slot);
            found.insert(at, (slot, key));
        }
    }
    found
}

/// Copies `raw`, the stored text of `source` that cannot be used as it
/// is, to a new backup (or finds an identical one).
pub fn keep_aside(area: &mut impl Area, source: Source, raw: &str) -> Kept {
    let existing = backups(area, source);
    let bytes = raw.len();
    if let Some((_, key)) = existing
        .iter()
        .find(|(_, key)| area.get(key).as_deref() == Some(raw))
    {
        return Kept::Backup {
            key: key.clone(),
            bytes,
            dropped: Vec::new(),
        };
    }
    let in_place = || Kept::InPlace {
        key: source.key().to_string(),
        bytes,
    };
    let Some(slot) = existing
        .last()
        .map_or(Some(1), |(slot, _)| slot.checked_add(1))
    else {
        return in_place();
    };
    let key = backup_key(source, slot);
    if !area.set(&key, raw) {
        return in_place();
    }
    // Only now that the copy is safe may the oldest go.
    let excess = (existing.len() + 1).saturating_sub(BACKUPS_KEPT);
    let mut dropped = Vec::new();
    for (_, old) in existing.into_iter().take(excess) {
        area.remove(&old);
        dropped.push(old);
    }
    Kept::Backup {
        key,
        bytes,
        dropped,
    }
}

/// Writes the working scenario. Over a scenario of ours (or `last`, the
/// text this page wrote last) at once; over unreadable data only once it
/// is copied aside; never over a newer version's data. Gives the copy
/// made, if any (to be said, even when the write then failed), and
/// whether the value was written.
pub fn write_working(
    area: &mut impl Area,
    value: &str,
    last: Option<&str>,
) -> (Option<Kept>, Result<(), Refused>) {
    let mut kept = None;
    if let Some(raw) = area.get(Source::Working.key()) {
        if Some(raw.as_str()) != last {
            match decode_working(&raw) {
                Loaded::Found(_) => {}
                Loaded::Newer(schema) => return (None, Err(Refused::Newer(schema))),
                Loaded::Unreadable => match keep_aside(area, Source::Working, &raw) {
                    backup @ Kept::Backup { .. } => kept = Some(backup),
                    in_place => return (None, Err(Refused::Unreadable(in_place))),
                },
            }
        }
    }
    let written = match area.set(Source::Working.key(), value) {
        true => Ok(()),
        false => Err(Refused::Failed),
    };
    (kept, written)
}

/// The stored library text as read by [`open_library`], which made sure it
/// may be replaced (it is ours, or was copied aside): the only way to
/// [`write_library`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vetted(Option<String>);

/// The library as stored now, ready to be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub library: Library,
    /// What it was read from; None when it must not be written.
    pub vetted: Option<Vetted>,
    /// What could not be used as it was, and where it went.
    pub report: Option<StorageReport>,
    /// A newer version's library (left untouched).
    pub newer: Option<u32>,
}

/// Reads the stored library. Whatever cannot be read, and the entries past
/// the limit, are first copied aside, then the repaired library is written
/// in its place (so the repair is made once). When the copy fails the
/// readable part shows but nothing is written over the stored text.
pub fn open_library(area: &mut impl Area) -> Opened {
    let key = Source::Library.key();
    let Some(raw) = area.get(key) else {
        return Opened {
            library: Library::default(),
            vetted: Some(Vetted(None)),
            report: None,
            newer: None,
        };
    };
    let (library, found) = match read_library(&raw) {
        Loaded::Newer(schema) => {
            return Opened {
                library: Library::default(),
                vetted: None,
                report: None,
                newer: Some(schema),
            }
        }
        Loaded::Unreadable => (Library::default(), Found::Unreadable),
        Loaded::Found(read) if !read.repaired() => {
            return Opened {
                library: read.library,
                vetted: Some(Vetted(Some(raw))),
                report: None,
                newer: None,
            }
        }
        Loaded::Found(read) => {
            let lossy = read.lossy();
            let found = Found::Repaired {
                unreadable: read.unreadable,
                beyond_cap: read.beyond_cap,
                renumbered: read.renumbered,
            };
            if !lossy {
                // New ids only: nothing is lost by writing the repair.
                let vetted = repair(area, &read.library, raw);
                let report = StorageReport {
                    source: Source::Library,
                    found,
                    kept: None,
                };
                return Opened {
                    library: read.library,
                    vetted: Some(vetted),
                    report: Some(report),
                    newer: None,
                };
            }
            (read.library, found)
        }
    };
    let kept = keep_aside(area, Source::Library, &raw);
    let vetted = match kept {
        Kept::Backup { .. } => Some(repair(area, &library, raw)),
        Kept::InPlace { .. } => None,
    };
    Opened {
        library,
        vetted,
        report: Some(StorageReport {
            source: Source::Library,
            found,
            kept: Some(kept),
        }),
        newer: None,
    }
}

/// Writes the repaired library over `raw` (already safe to replace); if
/// that fails the stored text stays, still safe to replace later.
fn repair(area: &mut impl Area, library: &Library, raw: String) -> Vetted {
    let encoded = encode_library(library);
    if area.set(Source::Library.key(), &encoded) {
        Vetted(Some(encoded))
    } else {
        Vetted(Some(raw))
    }
}

/// Writes `library` in place of the text `vetted` was read from, unless
/// that text changed since (compare-and-swap: another tab wrote; read
/// again and decide again). Gives what is stored now.
pub fn write_library(
    area: &mut impl Area,
    library: &Library,
    vetted: &Vetted,
) -> Result<Vetted, Refused> {
    let key = Source::Library.key();
    if area.get(key) != vetted.0 {
        return Err(Refused::Moved);
    }
    let encoded = encode_library(library);
    if !area.set(key, &encoded) {
        return Err(Refused::Failed);
    }
    Ok(Vetted(Some(encoded)))
}

/// An [`Area`] in memory, with a quota on the characters of its keys and
/// values (localStorage has one too), for tests.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    pub values: std::collections::BTreeMap<String, String>,
    /// None: no limit.
    pub quota: Option<usize>,
}

impl Memory {
    fn used(&self) -> usize {
        self.values.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Area for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> bool {
        let freed = self.values.get(key).map_or(0, |old| key.len() + old.len());
        let fits = self
            .quota
            .is_none_or(|quota| self.used() - freed + key.len() + value.len() <= quota);
        if fits {
            self.values.insert(key.to_string(), value.to_string());
        }
        fits
    }
    fn remove(&mut self, key: &str) {
        self.values.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.values.keys().cloned().collect()
    }
}
