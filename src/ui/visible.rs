//! Whether an element of the page is on screen, as a signal: what is off
//! screen (charts, the risk simulation, the decision tools) waits for it.

use leptos::prelude::*;

/// `true` while the element `element()` returns is in the viewport; always
/// `true` where IntersectionObserver is missing. `element` is read in an
/// effect, so a `NodeRef` read there is tracked until it is mounted.
///
/// ```ignore
/// let canvas = NodeRef::<leptos::html::Canvas>::new();
/// let shown = on_screen(move || canvas.get().map(Into::into));
/// ```
pub fn on_screen(element: impl Fn() -> Option<web_sys::Element> + 'static) -> RwSignal<bool> {
    let shown = RwSignal::new(false);
    // Keeps the observer alive as long as the component.
    let watch = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(element) = element() {
            let watching = crate::browser::visibility::watch(&element, move |on| shown.set(on));
            if watching.is_none() {
                shown.set(true);
            }
            watch.set_value(watching);
        }
    });
    shown
}
