//! The clipboard, where the browser allows it (secure context, permission).

use wasm_bindgen::JsValue;

/// Writes `text` to the clipboard; false when the API is missing or the
/// browser refuses (the caller then shows the text selected instead).
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = crate::browser::window().map(|window| window.navigator()) else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts: calling it
    // blindly would throw.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !present {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
