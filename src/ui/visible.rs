//! Whether an element of the page is on screen, as a signal: what is off
//! screen (charts, the risk simulation, the decision tools) waits for it.

use std::sync::Arc;
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

/// `source()` at once while `on_screen` (and when a scenario is loaded),
/// else once typing pauses: what nobody sees catches up in the pause
/// instead of on every keystroke.
/// Every off-screen value waits on one shared pause: one timer, however
/// many panels wait (each timer firing cost a keystroke ~1 ms at 4× CPU).
pub fn deferred<T: Clone + PartialEq + Send + Sync + 'static>(
    on_screen: RwSignal<bool>,
    source: impl Fn() -> T + Send + Sync + 'static,
) -> RwSignal<T> {
    let source = Arc::new(source);
    let watched = source.clone();
    // Off screen it is read to be tracked, and read again in the pause.
    deferred_on(
        on_screen,
        move || {
            let _ = watched();
        },
        move || source(),
    )
}

/// [`deferred`], for a `source` that costs work of its own (a variant's
/// evaluation): off screen, the effect tracks only `inputs` (signals
/// computed anyway, such as what was typed) and `source` runs once typing
/// pauses, so that nothing of it is computed on a keystroke.
pub fn deferred_on<T: Clone + PartialEq + Send + Sync + 'static>(
    on_screen: RwSignal<bool>,
    inputs: impl Fn() + Send + Sync + 'static,
    source: impl Fn() -> T + Send + Sync + 'static,
) -> RwSignal<T> {
    let value = RwSignal::new(leptos::prelude::untrack(&source));
    let refresh = move || {
        let fresh = source();
        if value.try_with_untracked(|current| current != &fresh) == Some(true) {
            value.set(fresh);
        }
    };
    follow(on_screen, Arc::new(inputs), Arc::new(refresh));
    value
}

/// How many scenarios were loaded over what was on screen
/// (`Calculator::loads`), as the page provides it to deferred values.
#[derive(Clone, Copy)]
pub struct Arrivals(pub RwSignal<u64>);

/// What every deferred value does, compiled once (the values' types only
/// reach it behind `dyn`: ten deferred copies in the scenario table had
/// cost 7 KiB of wasm as generic code).
fn follow(
    on_screen: RwSignal<bool>,
    inputs: Arc<dyn Fn() + Send + Sync>,
    refresh: Arc<dyn Fn() + Send + Sync>,
) {
    let waiting = catch_up::Waiting::new();
    // A scenario arriving (a link, the library, an import) is not typing:
    // everything follows it at once.
    let loads = use_context::<Arrivals>().map(|Arrivals(loads)| loads);
    let loads_seen = StoredValue::new(loads.map(|loads| loads.get_untracked()));
    Effect::new(move |_| {
        let shown = on_screen.get();
        let arrived = loads.map(|loads| loads.get()) != loads_seen.get_value();
        if shown || arrived {
            loads_seen.set_value(loads.map(|loads| loads.get_untracked()));
            waiting.cancel();
            refresh();
        } else {
            inputs();
            let refresh = refresh.clone();
            waiting.after_pause(move || leptos::prelude::untrack(|| refresh()));
        }
    });
}

/// The shared pause of [`deferred`] values.
mod catch_up {
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use std::time::Duration;

    use leptos::prelude::window_event_listener_untyped;

    use crate::browser::pause::Later;

    /// How long an off-screen panel waits for typing to pause.
    const OFF_SCREEN_PAUSE: Duration = Duration::from_millis(150);

    thread_local! {
        static PAUSE: Later = Later::new(OFF_SCREEN_PAUSE);
        static WORK: RefCell<BTreeMap<u64, Box<dyn FnOnce()>>> = const { RefCell::new(BTreeMap::new()) };
        static NEXT: Cell<u64> = const { Cell::new(0) };
    }

    /// One value's place in the queue: its latest work replaces the last.
    #[derive(Clone, Copy)]
    pub struct Waiting(u64);

    impl Waiting {
        pub fn new() -> Self {
            let id = NEXT.with(|next| next.replace(next.get() + 1));
            if id == 0 {
                // Paper shows what is typed, off screen or not. Made with the
                // first deferred value, so it runs before any chart's own
                // print handler (charts are made after the values they show).
                std::mem::forget(window_event_listener_untyped("beforeprint", |_| run_now()));
            }
            Waiting(id)
        }

        pub fn after_pause(self, work: impl FnOnce() + 'static) {
            WORK.with(|queue| queue.borrow_mut().insert(self.0, Box::new(work)));
            PAUSE.with(|pause| pause.run(run_all));
        }

        pub fn cancel(self) {
            WORK.with(|queue| queue.borrow_mut().remove(&self.0));
        }
    }

    fn run_now() {
        PAUSE.with(|pause| pause.cancel());
        run_all();
    }

    fn run_all() {
        // Taken first: a value set here may queue work again.
        let work = WORK.with(|queue| std::mem::take(&mut *queue.borrow_mut()));
        for work in work.into_values() {
            work();
        }
    }
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
                // Once is enough: an observer left running costs every frame
                // (dropped after this callback returns, not inside it).
                queue_microtask(move || watch.set_value(None));
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
