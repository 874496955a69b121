//! What the app keeps in localStorage, as versioned JSON. Pure: the
//! browser edge is `browser::storage`. Reading never fails as a whole:
//! unreadable data is reported (and kept aside by the caller) and the app
//! starts from the defaults.
//!
//! Two keys: the working scenario (saved as the user types) and the saved
//! library. Both carry the same `schema` number.
//!
//! Schema history (each has a fixture in `tests/fixtures/storage/`):
//! - 1: `working` only: `{schema, lang, draft}`.
//! - 2: `working` gains `saved`, the library entry it was opened from (and
//!   that entry's revision); the `library` key appears. A v1 working
//!   scenario migrates with no library entry.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::scenario::Draft;

/// The scenario being worked on, saved as the user types.
pub const WORKING_KEY: &str = "teleprospection-roi/working";
/// Where unreadable stored data is moved so that nothing is lost.
pub const BACKUP_KEY: &str = "teleprospection-roi/unreadable-backup";
/// The saved scenarios.
pub const LIBRARY_KEY: &str = "teleprospection-roi/library";
/// Where an unreadable library is moved so that nothing is lost.
pub const LIBRARY_BACKUP_KEY: &str = "teleprospection-roi/library-unreadable-backup";
/// The schema this code writes. Every schema ever written has a fixture in
/// `tests/fixtures/storage/` and a test that it still loads.
pub const SCHEMA: u32 = 2;

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
}

impl Default for Library {
    fn default() -> Self {
        Library {
            schema: SCHEMA,
            scenarios: Vec::new(),
        }
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

pub fn decode_library(raw: &str) -> Loaded<Library> {
    // The library first appeared in schema 2.
    match schema_of(raw) {
        Some(schema) if schema > SCHEMA => Loaded::Newer(schema),
        Some(SCHEMA) => serde_json::from_str::<Library>(raw)
            .map(|library| {
                Loaded::Found(Library {
                    schema: SCHEMA,
                    ..library
                })
            })
            .unwrap_or(Loaded::Unreadable),
        _ => Loaded::Unreadable,
    }
}
