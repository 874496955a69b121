//! Work that waits for typing to pause: the autosave and the address, the
//! risk simulation, the decision tools nobody is looking at.
//!
//! A [`Later`] holds at most one piece of work and one browser timer. Each
//! call replaces the work and pushes the deadline back, but does not touch
//! the timer: when it fires early it re-arms itself for the time left.
//! Clearing and setting a timeout on every keystroke, for three users, cost
//! more per edit than the work it delayed (issue #4).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{set_timeout, window_event_listener_untyped};

use crate::browser::clock::monotonic_ms as now;

struct State {
    work: Option<Box<dyn FnOnce()>>,
    /// When the work may run (performance.now() milliseconds).
    due: f64,
    /// A timer is pending.
    armed: bool,
    pause: f64,
}

/// One piece of work that runs once calls stop coming for a pause.
///
/// ```ignore
/// let save = Later::new(Duration::from_millis(120));
/// save.run(move || write_to_storage());
/// ```
#[derive(Clone)]
pub struct Later(Rc<RefCell<State>>);

thread_local! {
    /// The work that must not be lost when the page goes away.
    static KEPT: RefCell<Vec<Later>> = const { RefCell::new(Vec::new()) };
}

impl Later {
    pub fn new(pause: Duration) -> Self {
        Self(Rc::new(RefCell::new(State {
            work: None,
            due: 0.0,
            armed: false,
            pause: pause.as_secs_f64() * 1000.0,
        })))
    }

    /// Like [`Later::new`], and its work also runs at once when the page is
    /// hidden or left (a closed tab keeps its last keystrokes), or when
    /// [`flush_kept`] is called.
    pub fn kept(pause: Duration) -> Self {
        let later = Self::new(pause);
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            if kept.is_empty() {
                // Live as long as the page.
                std::mem::forget(window_event_listener_untyped("pagehide", |_| flush_kept()));
                std::mem::forget(window_event_listener_untyped("visibilitychange", |_| {
                    flush_kept()
                }));
            }
            kept.push(later.clone());
        });
        later
    }

    /// `work` runs once no other call has come for the pause; it replaces
    /// any work still waiting.
    pub fn run(&self, work: impl FnOnce() + 'static) {
        let arm = {
            let mut state = self.0.borrow_mut();
            state.work = Some(Box::new(work));
            state.due = now() + state.pause;
            !std::mem::replace(&mut state.armed, true)
        };
        if arm {
            let pause = self.0.borrow().pause;
            self.arm(pause);
        }
    }

    /// Runs the waiting work now, if any.
    pub fn flush(&self) {
        let work = self.0.borrow_mut().work.take();
        if let Some(work) = work {
            work();
        }
    }

    /// Drops the waiting work.
    pub fn cancel(&self) {
        self.0.borrow_mut().work = None;
    }

    fn arm(&self, millis: f64) {
        let later = self.clone();
        let delay = Duration::from_micros((millis.max(0.0) * 1000.0) as u64);
        set_timeout(move || later.fire(), delay);
    }

    fn fire(&self) {
        let left = {
            let mut state = self.0.borrow_mut();
            let left = state.due - now();
            if left <= 1.0 {
                state.armed = false;
            }
            left
        };
        if left > 1.0 {
            self.arm(left);
        } else {
            self.flush();
        }
    }
}

/// Runs now the work of every [`Later::kept`] (before a copy of the
/// address, a print, an export).
pub fn flush_kept() {
    let kept = KEPT.with(|kept| kept.borrow().clone());
    for later in kept {
        later.flush();
    }
}
