//! The stored data's format: the keys, the working scenario and the
//! library as versioned JSON, and reading them back.
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::lang::Lang;
use crate::scenario::Draft;

/// The scenario being worked on, saved as the user types.
pub const WORKING_KEY: &str = "teleprospection-roi/working";
/// Where unreadable stored data is moved so that nothing is lost: this key
/// for the first copy, then `….2`, `….3`… ([`backup`]).
pub const BACKUP_KEY: &str = "teleprospection-roi/unreadable-backup";
/// The saved scenarios.
pub const LIBRARY_KEY: &str = "teleprospection-roi/library";
/// Where a library that could not be read in full is copied before it is
/// repaired, numbered like [`BACKUP_KEY`].
pub const LIBRARY_BACKUP_KEY: &str = "teleprospection-roi/library-unreadable-backup";
/// The schema this code writes. Every schema ever written has a fixture in
/// `tests/fixtures/storage/` and a test that it still loads.
pub const SCHEMA: u32 = 2;
/// More saved scenarios than anyone keeps; bounds the stored size, the
/// list on screen and the time it takes to show.
pub const MAX_SAVED: usize = 300;
/// How many write stamps the library remembers ([`Library::writes`]).
pub const WRITES_KEPT: usize = 16;

/// The two stored values, and where each is copied when it cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Working,
    Library,
}

impl Source {
    pub fn key(self) -> &'static str {
        match self {
            Source::Working => WORKING_KEY,
            Source::Library => LIBRARY_KEY,
        }
    }

    /// The first backup's key; later ones add `.2`, `.3`…
    pub fn backup_key(self) -> &'static str {
        match self {
            Source::Working => BACKUP_KEY,
            Source::Library => LIBRARY_BACKUP_KEY,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Working {
    pub schema: u32,
    #[serde(default)]
    pub lang: Lang,
    pub draft: Draft,
    /// The library entry this scenario was opened from or saved as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<SavedRef>,
}

/// A library entry as one tab last saw it: a save over it is refused when
/// the stored revision has moved on (another tab saved in between).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRef {
    pub id: String,
    pub revision: u32,
}

/// The saved scenarios, in no particular order (the list sorts them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub schema: u32,
    #[serde(default)]
    pub scenarios: Vec<SavedScenario>,
    /// Random stamps of the last [`WRITES_KEPT`] writes, oldest first. Two
    /// tabs may write in the same instant, each from the library as it was
    /// before: the one whose stamp is missing from what is stored afterwards
    /// knows its write was lost, and applies its change again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub writes: Vec<u32>,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            schema: SCHEMA,
            scenarios: Vec::new(),
            writes: Vec::new(),
        }
    }
}

impl Library {
    /// Marks this version as written by the write stamped `stamp`.
    pub fn stamp(&mut self, stamp: u32) {
        self.writes.push(stamp);
        let excess = self.writes.len().saturating_sub(WRITES_KEPT);
        self.writes.drain(..excess);
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub id: String,
    /// 1 when first saved, +1 on every change.
    pub revision: u32,
    /// Last change, in milliseconds since 1970 (UTC).
    pub updated: u64,
    pub draft: Draft,
}

impl SavedScenario {
    pub fn saved_ref(&self) -> SavedRef {
        SavedRef {
            id: self.id.clone(),
            revision: self.revision,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded<T = Working> {
    Found(T),
    /// Stored text that is not ours or not readable (kept as a backup).
    Unreadable,
    /// Written by a newer version of the app: not touched.
    Newer(u32),
}

/// A stored library entry that could not be read: its place in the stored
/// list (from 1) and its name, when that much could be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryLabel {
    pub position: usize,
    pub name: Option<String>,
}

/// A stored library read entry by entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryRead {
    /// The entries that load: readable, at most [`MAX_SAVED`], ids unique.
    pub library: Library,
    /// Entries that could not be read (left out of `library`).
    pub unreadable: Vec<EntryLabel>,
    /// Entries after the first [`MAX_SAVED`] readable ones (left out).
    pub beyond_cap: usize,
    /// Entries that had the id of an earlier one and got a new id.
    pub renumbered: usize,
}

impl LibraryRead {
    /// Whether writing `library` in place of the stored text would lose
    /// entries (so the stored text must be copied aside first).
    pub fn lossy(&self) -> bool {
        !self.unreadable.is_empty() || self.beyond_cap > 0
    }

    /// Whether `library` differs from what is stored.
    pub fn repaired(&self) -> bool {
        self.lossy() || self.renumbered > 0
    }
}

pub fn encode_working(working: &Working) -> String {
    serde_json::to_string(working).unwrap_or_default()
}

pub fn encode_library(library: &Library) -> String {
    serde_json::to_string(library).unwrap_or_default()
}

/// The schema a stored text claims, if it is a JSON object with one.
fn schema_of(raw: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Envelope {
        schema: u32,
    }
    serde_json::from_str::<Envelope>(raw)
        .ok()
        .map(|envelope| envelope.schema)
}

pub fn decode_working(raw: &str) -> Loaded {
    /// Schema 1: no library yet.
    #[derive(Deserialize)]
    struct WorkingV1 {
        #[serde(default)]
        lang: Lang,
        draft: Draft,
    }
    let found = match schema_of(raw) {
        Some(schema) if schema > SCHEMA => return Loaded::Newer(schema),
        Some(1) => serde_json::from_str::<WorkingV1>(raw)
            .map(|v1| Working {
                schema: SCHEMA,
                lang: v1.lang,
                draft: v1.draft,
                saved: None,
            })
            .ok(),
        Some(SCHEMA) => serde_json::from_str::<Working>(raw).ok(),
        _ => None,
    };
    found.map_or(Loaded::Unreadable, Loaded::Found)
}

/// The library's readable entries (see [`read_library`] for what is left
/// out and why).
pub fn decode_library(raw: &str) -> Loaded<Library> {
    match read_library(raw) {
        Loaded::Found(read) => Loaded::Found(read.library),
        Loaded::Unreadable => Loaded::Unreadable,
        Loaded::Newer(schema) => Loaded::Newer(schema),
    }
}

/// Reads a stored library entry by entry: an entry that cannot be read is
/// left out and listed, the others load; entries after the first
/// [`MAX_SAVED`] are counted, not read (the list would not show them, and
/// reading thousands would hold the page up); an entry with the id of an
/// earlier one gets a new id, so that each can be opened, saved and
/// deleted on its own. Unreadable as a whole only when it is not a schema-2
/// object or its `scenarios` is not a list.
pub fn read_library(raw: &str) -> Loaded<LibraryRead> {
    #[derive(Deserialize)]
    struct Envelope<'a> {
        #[serde(default, borrow)]
        scenarios: Vec<&'a RawValue>,
        #[serde(default, borrow)]
        writes: Option<&'a RawValue>,
    }
    /// As much of a bad entry as names it.
    #[derive(Deserialize)]
    struct Named {
        draft: NamedDraft,
    }
    #[derive(Deserialize)]
    struct NamedDraft {
        name: String,
    }
    // The library first appeared in schema 2.
    match schema_of(raw) {
        Some(schema) if schema > SCHEMA => return Loaded::Newer(schema),
        Some(SCHEMA) => {}
        _ => return Loaded::Unreadable,
    }
    let Ok(envelope) = serde_json::from_str::<Envelope>(raw) else {
        return Loaded::Unreadable;
    };
    let entries = envelope.scenarios;
    let mut read = LibraryRead {
        library: Library {
            // Stamps that cannot be read only cost a tab its lost-write check.
            writes: envelope
                .writes
                .and_then(|w| serde_json::from_str(w.get()).ok())
                .unwrap_or_default(),
            ..Library::default()
        },
        unreadable: Vec::new(),
        beyond_cap: 0,
        renumbered: 0,
    };
    // At most MAX_SAVED ids: a list is enough (and smaller in the page).
    let mut ids: Vec<String> = Vec::new();
    let mut loaded = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        if loaded.len() >= MAX_SAVED {
            read.beyond_cap = entries.len() - index;
            break;
        }
        match serde_json::from_str::<SavedScenario>(entry.get()) {
            Ok(scenario) => {
                ids.push(scenario.id.clone());
                loaded.push(scenario);
            }
            Err(_) => read.unreadable.push(EntryLabel {
                position: index + 1,
                name: serde_json::from_str::<Named>(entry.get())
                    .ok()
                    .map(|named| named.draft.name)
                    .filter(|name| !name.trim().is_empty()),
            }),
        }
    }
    // A repeated id: the later entry is a copy, with an id of its own
    // (derived from the old one, so every tab repairs it the same way).
    for mut scenario in loaded {
        let taken = |id: &String| read.library.scenarios.iter().any(|e| e.id == *id);
        if taken(&scenario.id) {
            let new_id = (2u32..)
                .map(|n| format!("{}-{n}", scenario.id))
                .find(|id| !ids.contains(id) && !taken(id))
                .unwrap_or_default();
            scenario.id = new_id;
            read.renumbered += 1;
        }
        read.library.scenarios.push(scenario);
    }
    Loaded::Found(read)
}
