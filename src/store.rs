//! What the app keeps in localStorage, as versioned JSON. Pure: the
//! browser edge is `browser::storage`. Reading never fails as a whole:
//! unreadable data is reported (and kept aside by the caller) and the app
//! starts from the defaults.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::scenario::Draft;

/// The scenario being worked on, saved as the user types.
pub const WORKING_KEY: &str = "teleprospection-roi/working";
/// Where unreadable stored data is moved so that nothing is lost.
pub const BACKUP_KEY: &str = "teleprospection-roi/unreadable-backup";
/// The schema this code writes. Every schema ever written has a fixture in
/// `tests/fixtures/storage/` and a test that it still loads.
pub const SCHEMA: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Working {
    pub schema: u32,
    #[serde(default)]
    pub lang: Lang,
    pub draft: Draft,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    Found(Working),
    /// Stored text that is not ours or not readable (kept as a backup).
    Unreadable,
    /// Written by a newer version of the app: not touched.
    Newer(u32),
}

pub fn encode_working(working: &Working) -> String {
    serde_json::to_string(working).unwrap_or_default()
}

pub fn decode_working(raw: &str) -> Loaded {
    #[derive(Deserialize)]
    struct Envelope {
        schema: u32,
    }
    match serde_json::from_str::<Envelope>(raw) {
        Ok(Envelope { schema }) if schema > SCHEMA => Loaded::Newer(schema),
        Ok(_) => serde_json::from_str::<Working>(raw)
            .map(Loaded::Found)
            .unwrap_or(Loaded::Unreadable),
        Err(_) => Loaded::Unreadable,
    }
}
