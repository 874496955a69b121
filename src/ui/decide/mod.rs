//! "Comparer et planifier" (`decision-tools.md` §1–3): three panels on top
//! of the central scenario, and the segments. Each panel keeps its own
//! inputs ([`local::Local`]: the engine's input struct and the texts as
//! typed) and reads the central scenario through [`seen::Seen`], so it
//! follows every edit of the main form.

pub mod capacity;
pub mod compare;
pub mod local;
pub mod plan;
pub mod section;
pub mod seen;
pub mod segments;

pub use section::Decide;
