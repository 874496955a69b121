//! The page's address as the share link: read once at start, then kept in
//! step with the scenario with `replaceState` (no history entry per key).
//!
//! `replaceState` costs Chromium a few milliseconds (it syncs session
//! history with the browser process): done on every keystroke it was the
//! largest single cost of an edit. The app writes the address once the user
//! pauses, and at once when the page is hidden or left (`super::pause`).

/// The address's query, without its `?` (marketing sites link with
/// `?meetings=…`).
pub fn query() -> String {
    crate::browser::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}

/// The address's fragment, without its `#` (the share link).
pub fn fragment() -> String {
    crate::browser::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// The link part of the address as one list of pairs: the query's, then
/// the fragment's (a page anchor such as `#top` left out), so that a key
/// given in both reads as the fragment's (`link::decode_address` says so).
pub fn current_link() -> String {
    let (query, fragment) = (query(), fragment());
    let fragment = if crate::link::is_anchor(&fragment) {
        ""
    } else {
        fragment.as_str()
    };
    match (query.is_empty(), fragment.is_empty()) {
        (_, true) => query,
        (true, false) => fragment.to_string(),
        (false, false) => format!("{query}&{fragment}"),
    }
}

/// Replaces the address by `path#link`, dropping any query: the fragment
/// never reaches a server log.
pub fn replace_link(link: &str) {
    let Some(window) = crate::browser::window() else {
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

/// Whether this page load is a reload. The address follows typing with a
/// delay, so on a reload it may lag the autosaved scenario, which is then
/// the fresher of the two.
pub fn is_reload() -> bool {
    use wasm_bindgen::JsCast;
    crate::browser::window()
        .and_then(|window| window.performance())
        .and_then(|performance| {
            performance
                .get_entries_by_type("navigation")
                .get(0)
                .dyn_into::<web_sys::PerformanceNavigationTiming>()
                .ok()
        })
        .is_some_and(|timing| timing.type_() == web_sys::NavigationType::Reload)
}

/// The address that opens `link` on this page (for the printed report).
pub fn url_for(link: &str) -> String {
    let Some(location) = crate::browser::window().map(|window| window.location()) else {
        return String::new();
    };
    format!(
        "{}{}#{link}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The full address of the current page, for "copy link" and exports.
/// Writes a pending link first: the address may lag the last keystroke.
pub fn href() -> String {
    super::pause::flush_kept();
    crate::browser::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}
