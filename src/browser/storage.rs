//! localStorage, guarded: storage may be missing (disabled, private mode)
//! or full, and the app must keep working in memory either way. What may
//! be written over what is decided by `store::backup`, over [`Local`].

/// localStorage, or None when it is missing or refuses access.
fn local() -> Option<web_sys::Storage> {
    crate::browser::window().and_then(|window| window.local_storage().ok().flatten())
}

/// Whether `window.localStorage` exists and answers.
pub fn available() -> bool {
    local().is_some()
}

/// The raw text stored under `key`, if any.
pub fn read_raw(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// localStorage as a `store::Area`: every write the app makes goes through
/// `store::backup` on it, so none destroys what could not be copied.
pub struct Local;

impl crate::store::Area for Local {
    fn get(&self, key: &str) -> Option<String> {
        read_raw(key)
    }
    fn set(&mut self, key: &str, value: &str) -> bool {
        local().is_some_and(|storage| storage.set_item(key, value).is_ok())
    }
    fn remove(&mut self, key: &str) {
        if let Some(storage) = local() {
            let _ = storage.remove_item(key);
        }
    }
    fn keys(&self) -> Vec<String> {
        let Some(storage) = local() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect()
    }
}

/// Offers the text stored under `key` as a file, byte for byte (a backup,
/// or unreadable data left in place): `.json` when it is JSON, so that the
/// import picker takes it.
pub fn download(key: &str) -> bool {
    let Some(raw) = read_raw(key) else {
        return false;
    };
    let json = serde_json::from_str::<serde::de::IgnoredAny>(&raw).is_ok();
    let name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let (name, mime) = match json {
        true => (format!("{name}.json"), "application/json"),
        false => (format!("{name}.txt"), "text/plain;charset=utf-8"),
    };
    super::files::download(&name, mime, &raw)
}

/// This tab's own copy of a value (sessionStorage: per tab, kept across a
/// reload), so that a reload shows what this tab showed, whatever another
/// tab saved since. Silently nothing where sessionStorage is missing.
pub mod tab {
    fn session() -> Option<web_sys::Storage> {
        crate::browser::window().and_then(|window| window.session_storage().ok().flatten())
    }

    pub fn read_raw(key: &str) -> Option<String> {
        session()?.get_item(key).ok().flatten()
    }

    pub fn write_raw(key: &str, value: &str) {
        if let Some(storage) = session() {
            let _ = storage.set_item(key, value);
        }
    }
}
