//! At most one chart draw per animation frame (issue #8).
//!
//! The first call in a frame runs the job at once, so an edit shows its
//! chart in the very frame it lands in (and typing pays no wait). Further
//! calls in the same frame only mark it to run again: it then runs once, at
//! the start of the next frame, with whatever data is current by then.
//! Edits that come faster than frames (a held key, a burst of events) thus
//! cost one draw per frame, not one per edit.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::request_animation_frame;

struct Gate {
    job: Box<dyn Fn()>,
    /// The job ran in the current frame.
    ran: Cell<bool>,
    /// A call came after that: run again at the next frame.
    again: Cell<bool>,
    /// Cleared when the owner goes away: a frame already asked for must
    /// not run the job on disposed signals. Atomic only because Leptos'
    /// cleanups must be `Send`.
    live: Arc<AtomicBool>,
}

/// A job that runs at most once per animation frame.
///
/// ```ignore
/// let redraw = OncePerFrame::new(move || draw(&canvas, &data));
/// on_cleanup(redraw.stopper());
/// redraw.run(); // draws now
/// redraw.run(); // same frame: draws once more, at the next frame
/// ```
#[derive(Clone)]
pub struct OncePerFrame(Rc<Gate>);

impl OncePerFrame {
    pub fn new(job: impl Fn() + 'static) -> Self {
        Self(Rc::new(Gate {
            job: Box::new(job),
            ran: Cell::new(false),
            again: Cell::new(false),
            live: Arc::new(AtomicBool::new(true)),
        }))
    }

    /// What stops the job for good, for the owner's cleanup.
    pub fn stopper(&self) -> impl FnOnce() + Send + Sync + 'static {
        let live = self.0.live.clone();
        move || live.store(false, Ordering::Relaxed)
    }

    /// Runs the job now if it has not run in this frame, else once at the
    /// start of the next one.
    pub fn run(&self) {
        if !self.0.live.load(Ordering::Relaxed) {
            return;
        }
        if self.0.ran.get() {
            self.0.again.set(true);
            return;
        }
        (self.0.job)();
        self.0.ran.set(true);
        let gate = self.clone();
        request_animation_frame(move || {
            gate.0.ran.set(false);
            if gate.0.again.replace(false) {
                gate.run();
            }
        });
    }
}
