//! Whether an element of the page is on screen, as a signal: what is off
//! screen (charts, the risk simulation, the decision tools) waits for it.

use std::time::Duration;

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
    on_screen_assuming(false, element)
}

/// [`on_screen`], taken as `assumed` until the first report: `true` where
/// showing something over the element while unsure would flash.
pub fn on_screen_assuming(
    assumed: bool,
    element: impl Fn() -> Option<web_sys::Element> + 'static,
) -> RwSignal<bool> {
    let shown = RwSignal::new(assumed);
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

/// How long an off-screen panel waits for typing to pause.
const OFF_SCREEN_PAUSE: Duration = Duration::from_millis(150);

/// `source()` at once while `on_screen`, else once typing pauses: what
/// nobody sees catches up in the pause instead of on every keystroke.
pub fn deferred<T: Clone + PartialEq + Send + Sync + 'static>(
    on_screen: RwSignal<bool>,
    source: impl Fn() -> T + Send + Sync + 'static,
) -> RwSignal<T> {
    let value = RwSignal::new(leptos::prelude::untrack(&source));
    let later = StoredValue::new_local(crate::browser::pause::Later::new(OFF_SCREEN_PAUSE));
    Effect::new(move |_| {
        let fresh = source();
        let later = later.get_value();
        if on_screen.get() {
            later.cancel();
            if value.with_untracked(|current| current != &fresh) {
                value.set(fresh);
            }
        } else {
            later.run(move || {
                if value.try_with_untracked(|current| current != &fresh) == Some(true) {
                    value.set(fresh);
                }
            });
        }
    });
    value
}

/// Runs `then` once, when the element `place` holds comes within a screen
/// and a half of the viewport (at once where IntersectionObserver is
/// missing).
pub fn when_near<E>(place: NodeRef<E>, then: impl Fn() + Clone + 'static)
where
    E: leptos::html::ElementType,
    E::Output: Clone + wasm_bindgen::JsCast + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    let watch = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(element) = place.get() else { return };
        let element: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(element);
        let near = then.clone();
        let watching = crate::browser::visibility::watch_within(&element, "150% 0px", move |on| {
            if on {
                near();
            }
        });
        if watching.is_none() {
            then();
        }
        watch.set_value(watching);
    });
}

/// How long after the page became interactive it counts as idle: the
/// first keystrokes come before any panel's chunk.
const IDLE_AFTER: Duration = Duration::from_millis(1500);

/// Runs `then` once the page is idle after it became interactive (the
/// browser's idle callback, after a short wait).
pub fn when_idle(then: impl Fn() + 'static) {
    if crate::browser::window().is_none() {
        return;
    }
    set_timeout(move || request_idle_callback(then), IDLE_AFTER);
}
