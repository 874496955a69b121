//! The central scenario as the decision tools see it.

use leptos::prelude::*;

/// The central scenario as the decision tools see it. While their section
/// is off screen it follows the form a moment after typing pauses, not on
/// every keystroke: typing then pays only for what is on screen, and four
/// panels nobody sees catch up in the pause (as React's deferred values do).
#[derive(Clone, Copy)]
pub struct Seen {
    pub inputs: RwSignal<crate::engine::Inputs>,
    /// Held meetings of the central scenario (0 when undefined).
    pub held: RwSignal<crate::engine::Decimal>,
}
