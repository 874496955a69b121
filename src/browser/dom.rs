//! A few DOM helpers: the window, focus, and the document's language,
//! title and description.

/// The browser's window; `None` off the browser. The build-time prerender
/// renders the page natively, where web-sys would panic: every browser edge
/// asks here first, so natively it reads nothing and writes nothing (a
/// fresh visit with the default scenario, which is what is prerendered).
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Moves keyboard focus to the element with this id, if any.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the text box with this id and selects its
/// text, so that what is typed next replaces it.
pub fn focus_and_select(id: &str) {
    use wasm_bindgen::JsCast;
    let input = window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        input.select();
    }
}

/// Moves keyboard focus to the first element matching `selector` inside
/// the element with this id, if any.
pub fn focus_within(id: &str, selector: &str) {
    use wasm_bindgen::JsCast;
    let element = window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|container| container.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Keeps `<html lang>`, the tab's title and the meta description in the
/// chosen language.
pub fn set_document_language(code: &str, title: &str, description: &str) {
    let Some(document) = window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", code);
    }
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector(r#"meta[name="description"]"#) {
        let _ = meta.set_attribute("content", description);
    }
}

/// [`focus_within`], once the element is there: a panel that comes in a
/// chunk of its own (`ui::lazy`) may still be on its way. Its place is
/// scrolled into view first (which also asks for it); tries for about five
/// seconds of frames.
pub fn focus_within_when_present(id: &'static str, selector: &'static str) {
    fn attempt(id: &'static str, selector: &'static str, frames_left: u32) {
        let document = window().and_then(|window| window.document());
        let found = document
            .as_ref()
            .and_then(|document| document.get_element_by_id(id))
            .and_then(|container| container.query_selector(selector).ok().flatten())
            .is_some();
        if found {
            focus_within(id, selector);
        } else if frames_left > 0 {
            leptos::prelude::request_animation_frame(move || {
                attempt(id, selector, frames_left - 1)
            });
        }
    }
    if let Some(place) = window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(&format!("#{id}, [data-lazy=\"{id}\"]"))
                .ok()
                .flatten()
        })
    {
        place.scroll_into_view();
    }
    attempt(id, selector, 300);
}
