//! localStorage through gloo-storage, guarded: storage may be missing
//! (disabled, private mode) or full, and the app must keep working in
//! memory either way.

use gloo_storage::{LocalStorage, Storage};

/// Whether `window.localStorage` exists and answers. gloo-storage's `raw()`
/// panics when it does not, so every access checks this first.
pub fn available() -> bool {
    crate::browser::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

/// The raw text stored under `key`, if any.
pub fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when storage is off or full.
pub fn write_raw(key: &str, value: &str) -> bool {
    available() && LocalStorage::raw().set_item(key, value).is_ok()
}

/// This tab's own copy of a value (sessionStorage: per tab, kept across a
/// reload), so that a reload shows what this tab showed, whatever another
/// tab saved since. Silently nothing where sessionStorage is missing.
pub mod tab {
    use gloo_storage::{SessionStorage, Storage};

    fn available() -> bool {
        crate::browser::window()
            .and_then(|window| window.session_storage().ok().flatten())
            .is_some()
    }

    pub fn read_raw(key: &str) -> Option<String> {
        if !available() {
            return None;
        }
        SessionStorage::raw().get_item(key).ok().flatten()
    }

    pub fn write_raw(key: &str, value: &str) {
        if available() {
            let _ = SessionStorage::raw().set_item(key, value);
        }
    }
}
