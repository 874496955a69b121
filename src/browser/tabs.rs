//! Other tabs of the same origin: the `storage` event fires in every other
//! tab when one writes localStorage, so a save in one tab shows in the rest.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Stops listening when dropped.
pub struct Listening {
    window: web_sys::Window,
    callback: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("storage", self.callback.as_ref().unchecked_ref());
    }
}

/// Calls `on_change` when another tab changes `key` (or clears storage).
/// The caller reads the new value itself, through `browser::storage`.
pub fn on_change(key: &'static str, on_change: impl Fn() + 'static) -> Option<Listening> {
    let window = crate::browser::window()?;
    let callback =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            // No key: `localStorage.clear()` in another tab.
            if event.key().is_none_or(|changed| changed == key) {
                on_change();
            }
        });
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(Listening { window, callback })
}
