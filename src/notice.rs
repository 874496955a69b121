//! Messages about the app itself, as data (shown by `ui::notices`, worded
//! by `i18n::page` and `i18n::storage`): stored data that could not be used
//! as it was, storage that is off or full, a link not taken in full.

use crate::link::Ignored;
use crate::store::StorageReport;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Stored data that could not be read in full, and what was kept where.
    Storage(StorageReport),
    /// Data from a newer version: neither read nor written here.
    StorageNewer,
    StorageOff,
    /// A write failed (storage full): the stored copy is as it was.
    SaveFailed,
    LinkIgnored(Vec<Ignored>),
}
