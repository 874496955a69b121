//! The page's address as the share link: read once at start, then kept in
//! step with the scenario with `replaceState` (no history entry per key).
//!
//! `replaceState` costs Chromium a few milliseconds (it syncs session
//! history with the browser process): done on every keystroke it was the
//! largest single cost of an edit. [`follow`] writes the address once the
//! user pauses, and at once when the page is hidden or left.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::{set_timeout_with_handle, window_event_listener_untyped, TimeoutHandle};

/// How long the address waits for typing to pause.
const PAUSE: Duration = Duration::from_millis(120);

thread_local! {
    static PENDING: RefCell<Option<(String, Option<TimeoutHandle>)>> = const { RefCell::new(None) };
    static FLUSH_ON_HIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The address will show `link` once typing pauses (or the page is hidden).
pub fn follow(link: String) {
    if !FLUSH_ON_HIDE.replace(true) {
        // Lives as long as the page.
        std::mem::forget(window_event_listener_untyped("pagehide", |_| flush()));
        std::mem::forget(window_event_listener_untyped("visibilitychange", |_| {
            flush()
        }));
    }
    let timer = set_timeout_with_handle(flush, PAUSE).ok();
    let previous = PENDING.with(|pending| pending.borrow_mut().replace((link, timer)));
    if let Some((_, Some(timer))) = previous {
        timer.clear();
    }
}

/// Writes the pending link now, if any.
pub fn flush() {
    if let Some((link, timer)) = PENDING.with(|pending| pending.borrow_mut().take()) {
        if let Some(timer) = timer {
            timer.clear();
        }
        replace_link(&link);
    }
}

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

/// Whether this page load is a reload. The address follows typing with a
/// delay, so on a reload it may lag the autosaved scenario, which is then
/// the fresher of the two.
pub fn is_reload() -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
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
    let Some(location) = web_sys::window().map(|window| window.location()) else {
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
    flush();
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}
