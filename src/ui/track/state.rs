//! What the tracking panel's parts share: the plan and campaign it shows,
//! the checkpoint in the editor and what was typed there, the campaign's
//! problems, and the last simulation run.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::browser::clock::monotonic_ms as now;
use crate::engine::tracking::{
    odds, track, Checkpoint, CheckpointError, CheckpointField, TrackFigure, Tracking,
    TrackingInputs,
};
use crate::engine::Inputs;
use crate::scenario::Draft;
use crate::store::SavedRef;

/// Trials behind the P10–P90 band of each checkpoint but the latest (whose
/// odds are the simulation's own): 1,000 each, fewer when there are many,
/// so that all of them together take at most [`BAND_BUDGET`] (52
/// checkpoints then cost two full runs, not fifty-two: measured 52.7 to
/// 77 ms with 4× CPU throttling at 1,000 each), and never fewer than 200.
pub const BAND_TRIALS: u32 = 1_000;
pub const BAND_BUDGET: u32 = 20_000;
const BAND_FLOOR: u32 = 200;

/// The trials each earlier checkpoint's band gets when there are `earlier`.
pub fn band_trials(earlier: usize) -> u32 {
    let earlier = u32::try_from(earlier).unwrap_or(u32::MAX).max(1);
    (BAND_BUDGET / earlier).clamp(BAND_FLOOR, BAND_TRIALS)
}

/// What a run computes from: equal requests give equal runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub plan: Inputs,
    pub campaign: TrackingInputs,
    pub trials: u32,
    pub seed: u64,
}

/// One checkpoint's projected ROI and its P10–P90 band, for the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BandPoint {
    pub week: u32,
    pub roi: TrackFigure,
    pub p10: Option<f64>,
    pub p90: Option<f64>,
}

/// One run: everything about the latest checkpoint, and the band at each.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub latest: Tracking,
    pub band: Vec<BandPoint>,
    /// Trials behind each earlier checkpoint's band.
    pub band_trials: u32,
    /// The plan it ran on (the verdict's words need its target and price).
    pub plan: Inputs,
    /// Wall time of the run, in milliseconds.
    pub millis: f64,
}

impl Request {
    /// The run, `None` before the first checkpoint.
    pub fn run(&self) -> Option<Run> {
        let started = now();
        let latest = track(&self.plan, &self.campaign, self.trials, self.seed)?;
        let last = self.campaign.checkpoints.len().saturating_sub(1);
        let trials = band_trials(last);
        let band = self
            .campaign
            .checkpoints
            .iter()
            .enumerate()
            .map(|(index, checkpoint)| {
                let (roi, p10, p90) = if index == last {
                    (
                        latest.figures.proj_roi,
                        latest.odds.roi_p10,
                        latest.odds.roi_p90,
                    )
                } else {
                    let k = self.campaign.track_prior;
                    let odds = odds(&self.plan, checkpoint, k, trials, self.seed);
                    let roi = crate::engine::tracking::assess(&self.plan, checkpoint, k).proj_roi;
                    (roi, odds.roi_p10, odds.roi_p90)
                };
                BandPoint {
                    week: checkpoint.week,
                    roi,
                    p10,
                    p90,
                }
            })
            .collect();
        Some(Run {
            latest,
            band,
            band_trials: trials,
            plan: self.plan.clone(),
            millis: now() - started,
        })
    }
}

/// Shared by the panel's parts.
#[derive(Clone, Copy)]
pub struct TrackState {
    /// The plan (the central scenario), followed once typing pauses while
    /// the panel is off screen.
    pub plan: RwSignal<Inputs>,
    /// The checkpoint in the editor (its index); `None`: none.
    pub selected: RwSignal<Option<usize>>,
    /// What was typed into the editor's boxes, for the selected checkpoint.
    pub texts: RwSignal<BTreeMap<CheckpointField, String>>,
    /// The campaign's problems as edited (empty: it fits together).
    pub errors: Memo<Vec<CheckpointError>>,
    pub run: RwSignal<Option<Run>>,
    /// A run is waiting, or none can run: the figures shown are not those
    /// of the campaign on screen.
    pub stale: Memo<bool>,
    /// What "undo" brings back.
    pub undo: RwSignal<Option<Undo>>,
    /// What the last action did, said to screen readers.
    pub status: RwSignal<String>,
    /// `calc.loads` after the panel's own load into the form (the next
    /// plan, its undo): that load must not reset the panel's status.
    pub own_load: StoredValue<u64>,
}

/// What the panel's last action can take back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A checkpoint removed from where it was.
    Removed {
        index: usize,
        checkpoint: Checkpoint,
    },
    /// The scenario as it was before "use these rates as the next plan",
    /// and the library entry it belonged to.
    NextPlan {
        draft: Box<Draft>,
        saved: Option<SavedRef>,
    },
}

impl TrackState {
    /// Forgets what was typed and what can be undone (another checkpoint
    /// or another scenario is shown).
    pub fn reset(&self) {
        self.texts.update(|texts| texts.clear());
        self.undo.set(None);
        self.status.set(String::new());
    }
}
