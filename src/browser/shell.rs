//! The document around the app: classes on `<html>` (read by the CSS and by
//! `web/shell.js`), whether the page is framed, and the test hook of the
//! error screen.

use wasm_bindgen::prelude::wasm_bindgen;

/// Adds `class` to `<html>`.
pub fn add_document_class(class: &str) {
    if let Some(root) = crate::browser::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        // Through the attribute: no extra web-sys feature for one call.
        let classes = root.get_attribute("class").unwrap_or_default();
        if !classes.split(' ').any(|c| c == class) {
            let _ = root.set_attribute("class", format!("{classes} {class}").trim());
        }
    }
}

/// Whether the page runs inside a frame (an iframe on another page).
pub fn is_framed() -> bool {
    let Some(window) = crate::browser::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => top != window,
        // A top we may not read is another page's: framed.
        _ => true,
    }
}

/// Test hook of the error screen (tests/e2e/security.test.mjs): panics on
/// purpose. Exported as `window.wasmBindings.test_panic`, so only a script
/// already running in the page can call it; no link, stored data or user
/// action reaches it, and the Content-Security-Policy admits no script but
/// the app's own. A script that could call it could break the page anyway.
#[wasm_bindgen]
pub fn test_panic() {
    panic!("test_panic: the error screen's test hook was called");
}

/// Where the crash screen (`web/shell.js`, plain JS, working once the wasm
/// has stopped) finds the scenario on screen, in the JSON export format.
const CRASH_EXPORT: &str = "teleprospectionRoiExport";

/// Keeps `json`, the scenario on screen as an export, where the crash
/// screen can offer it (a global of the page, not storage: it must be
/// there even when storage is off or full).
pub fn publish_export(json: &str) {
    if let Some(window) = crate::browser::window() {
        let _ = js_sys::Reflect::set(&window, &CRASH_EXPORT.into(), &json.into());
    }
}
