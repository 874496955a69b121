//! What the app keeps in localStorage, as versioned JSON. Pure: the
//! browser edge is `browser::storage`. Reading never fails as a whole:
//! unreadable data is reported (and kept aside, [`backup`]) and the app
//! starts from what it could read.
//!
//! Two keys: the working scenario (saved as the user types) and the saved
//! library. Both carry the same `schema` number.
//!
//! Schema history (each has a fixture in `tests/fixtures/storage/`):
//! - 1: `working` only: `{schema, lang, draft}`.
//! - 2: `working` gains `saved`, the library entry it was opened from (and
//!   that entry's revision); the `library` key appears. A v1 working
//!   scenario migrates with no library entry. Later, within schema 2, the
//!   library gains `writes` (optional; older code ignores it).

pub mod backup;
pub mod format;
pub mod report;

pub use backup::{
    keep_aside, open_library, write_library, write_working, Area, Opened, Refused, Vetted,
};
pub use format::{
    decode_library, decode_working, encode_library, encode_working, read_library, EntryLabel,
    Library, LibraryRead, Loaded, SavedRef, SavedScenario, Source, Working, BACKUP_KEY,
    LIBRARY_BACKUP_KEY, LIBRARY_KEY, MAX_SAVED, SCHEMA, WORKING_KEY, WRITES_KEPT,
};
pub use report::{Found, Kept, StorageReport};
