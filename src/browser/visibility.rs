//! Whether an element is on screen, through IntersectionObserver: charts
//! off screen skip their redraw and catch up when they scroll into view.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

/// Stops observing when dropped.
pub struct Watch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change(true/false)` each time `element` enters or leaves the
/// viewport (once at the start too). None where the API is missing: the
/// caller then treats the element as always visible.
pub fn watch(element: &Element, on_change: impl Fn(bool) + 'static) -> Option<Watch> {
    watch_within(element, "0px", on_change)
}

/// [`watch`], with the viewport grown by `margin` (a CSS length, `"150%"`
/// of its own height too): what is about to scroll into view counts.
pub fn watch_within(
    element: &Element,
    margin: &str,
    on_change: impl Fn(bool) + 'static,
) -> Option<Watch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|entry| entry.dyn_into::<IntersectionObserverEntry>().ok())
        {
            on_change(entry.is_intersecting());
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(element);
    Some(Watch {
        observer,
        _callback: callback,
    })
}
