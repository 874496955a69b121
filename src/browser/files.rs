//! Files in and out: a download made from text, the text of a chosen file,
//! and the print dialog.

use wasm_bindgen::JsCast;

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    let Some(document) = crate::browser::window().and_then(|window| window.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // Free the file once the download has surely started.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = crate::browser::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    clicked
}

/// The text of the first file chosen in a file input, if readable.
pub async fn chosen_text(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    text.as_string()
}

/// Opens the browser's print dialog (the address first catches up, so the
/// printed link and the address bar agree).
pub fn print() {
    super::pause::flush_kept();
    if let Some(window) = crate::browser::window() {
        let _ = window.print();
    }
}
