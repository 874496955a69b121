//! One signal per key of a value that changes as a whole (a scenario's
//! shown texts, its errors, its figures): an edit wakes the readers of the
//! keys whose value changed, not every reader of the whole.
//!
//! Why by hand: Leptos marks every reader of a memo, and everything that
//! depends on them, each time the memo may have changed, and a memo that
//! runs again unsubscribes and subscribes anew; with ~20 readers per memo
//! that bookkeeping was most of a keystroke's script (issue #18). Here one
//! effect reads the whole and writes only the keys that changed.

use leptos::prelude::*;

/// `N` signals, the `i`-th holding `read(keys[i])`, kept up to date by one
/// effect (the only reader of what `read` reads).
///
/// ```ignore
/// let shown = fan_out(Field::ALL, move |field| texts.with(|t| t[&field].clone()));
/// let price = shown[Field::Price as usize];
/// ```
pub fn fan_out<K, V, const N: usize>(
    keys: [K; N],
    read: impl Fn(K) -> V + Send + Sync + 'static,
) -> [RwSignal<V>; N]
where
    K: Copy + Send + Sync + 'static,
    V: Clone + PartialEq + Send + Sync + 'static,
{
    let read = std::sync::Arc::new(read);
    let signals = keys.map(|key| RwSignal::new(untrack(|| read(key))));
    let refresh = move || {
        for (key, signal) in keys.iter().zip(signals) {
            let fresh = read(*key);
            if signal.with_untracked(|current| current != &fresh) {
                signal.set(fresh);
            }
        }
    };
    run_on_change(Box::new(refresh));
    signals
}

/// The effect, compiled once for every use (bytes).
fn run_on_change(refresh: Box<dyn Fn() + Send + Sync>) {
    Effect::new(move |_| refresh());
}
