//! What the risk panel's parts share: the default ranges, the check of
//! the typed ends, the last run and whether it is current.

use leptos::prelude::*;

use crate::engine::risk::{RiskSummary, TornadoBar};
use crate::engine::{Inputs, Ranges, Variant};
use crate::entry::RangeCheck;
use crate::ui::state::Calculator;

/// One simulation's results and what it cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub summary: RiskSummary,
    pub tornado: Vec<TornadoBar>,
    /// Wall time of the simulation and the tornado, in milliseconds.
    pub millis: f64,
}

/// What the simulation runs on: equal requests give equal runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub base: Inputs,
    pub ranges: Ranges,
    pub trials: u32,
    pub seed: u64,
}

/// The default ranges: likely from the central scenario, the ends from the
/// prudent and ambitious scenarios as shown (with the user's own values).
pub fn default_ranges(calc: Calculator) -> Ranges {
    let prudent = calc
        .variant(Variant::Prudent)
        .checked
        .with(|c| c.inputs.clone());
    let ambitious = calc
        .variant(Variant::Ambitious)
        .checked
        .with(|c| c.inputs.clone());
    calc.central()
        .with(|c| Ranges::between(&prudent, &c.inputs, &ambitious))
}

/// Shared by the panel's parts.
#[derive(Clone, Copy)]
pub struct RiskState {
    /// The ranges that follow the scenarios (see [`default_ranges`]), as
    /// the panel shows them.
    pub defaults: RwSignal<Ranges>,
    pub check: Memo<RangeCheck>,
    pub run: RwSignal<Option<Run>>,
    /// A run is scheduled, or the inputs are wrong: the figures shown are not
    /// those of the inputs on screen.
    pub stale: Memo<bool>,
}
