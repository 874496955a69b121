//! The page's address as the share link: read once at start, then kept in
//! step with the scenario with `replaceState` (no history entry per key).

/// The link part of the address: the fragment if it has one, else the
/// query (marketing sites link with `?meetings=…`).
pub fn current_link() -> String {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return String::new();
    };
    let hash = location.hash().unwrap_or_default();
    let hash = hash.trim_start_matches('#');
    if !hash.is_empty() {
        return hash.to_string();
    }
    location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}

/// Replaces the address by `path#link`, dropping any query: the fragment
/// never reaches a server log.
pub fn replace_link(link: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}#{link}");
    if window
        .location()
        .href()
        .ok()
        .is_some_and(|href| href.ends_with(&url))
    {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The full address of the current page, for "copy link".
pub fn href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// The address that opens `link` on this page (for the printed report).
pub fn url_for(link: &str) -> String {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return String::new();
    };
    format!(
        "{}{}#{link}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}
