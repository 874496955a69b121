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
/// let price = shown.key(Field::Price as usize);
/// ```
pub fn fan_out<K, V, const N: usize>(
    keys: [K; N],
    read: impl Fn(K) -> V + Send + Sync + 'static,
) -> FanOut<V, N>
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
    FanOut {
        signals,
        refresh: run_on_change(std::sync::Arc::new(refresh)),
    }
}

/// The signals of [`fan_out`].
pub struct FanOut<V: Send + Sync + 'static, const N: usize> {
    signals: [RwSignal<V>; N],
    refresh: StoredValue<std::sync::Arc<dyn Fn() + Send + Sync>>,
}

impl<V: Send + Sync + 'static, const N: usize> Clone for FanOut<V, N> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Send + Sync + 'static, const N: usize> Copy for FanOut<V, N> {}

impl<V: Send + Sync + 'static, const N: usize> FanOut<V, N> {
    /// The signal of the `index`-th key.
    pub fn key(&self, index: usize) -> RwSignal<V> {
        self.signals[index]
    }

    /// Brings every signal up to date now, not at the effect's next run: for
    /// a change made before the page is mounted (what a visitor typed into
    /// the prerendered page), which the first view must already show.
    pub fn sync(&self) {
        let refresh = self.refresh.get_value();
        untrack(|| refresh());
    }
}

/// The effect, compiled once for every use (bytes).
fn run_on_change(
    refresh: std::sync::Arc<dyn Fn() + Send + Sync>,
) -> StoredValue<std::sync::Arc<dyn Fn() + Send + Sync>> {
    let run = refresh.clone();
    Effect::new(move |_| run());
    StoredValue::new(refresh)
}
