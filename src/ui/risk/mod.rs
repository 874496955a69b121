//! Risk (`decision-tools.md` §5): ranges on the uncertain inputs, a
//! reproducible Monte Carlo simulation, its figures, a histogram and a
//! tornado chart.
//!
//! The simulation never runs inside an input event: each change schedules
//! one run a few milliseconds later (changes in between replace it), and only
//! while the panel is on screen. Typing elsewhere on the page therefore pays
//! nothing, and a run (about 3 ms for 10,000 trials; see `make bench`) lands
//! after the edited figures have been painted.

pub mod charts;
pub mod figures;
pub mod panel;
pub mod ranges;
pub mod state;

pub use panel::RiskPanel;
