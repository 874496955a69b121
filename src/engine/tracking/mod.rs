//! Campaign tracking (`tracking.md`): the plan against what happened, the
//! rates re-estimated from the evidence, the projection at completion, its
//! odds, and the checkpoint verdict.
//!
//! The scenario is the **plan**; the user records **checkpoints** of
//! cumulative counts since the start of the campaign ([`Checkpoint`], at most
//! [`MAX_CHECKPOINTS`], in increasing week order). Every figure is a figure of
//! one checkpoint ([`assess`]); the page shows the latest one's, and the chart
//! each one's.
//!
//! - [`checkpoint`]: the inputs, their bounds, link keys and checks;
//! - [`figures`]: the plan to date, observed and re-estimated rates, the
//!   invoice check and the projection, in exact decimals ([`assess`]);
//! - [`odds`](mod@odds): the projection simulated over the rates'
//!   posteriors, on the draws of `sampling` (Beta by two Gamma draws,
//!   bit-identical on every target);
//! - [`verdict`]: continue, adjust, stop or review, with the lever or the
//!   evidence;
//! - here: everything about one checkpoint ([`track_checkpoint`]) and the
//!   page's test hooks ([`TrackFigureId`], [`Tracking::data_value`]).

pub mod checkpoint;
pub mod figures;
pub mod odds;
mod sampling;
pub mod verdict;

pub use checkpoint::{
    checkpoint_key, parse_checkpoint_key, parse_track_prior, Checkpoint, CheckpointError,
    CheckpointField, CheckpointProblem, Limit, TrackingInputs, DEFAULT_TRACK_PRIOR,
    MAX_CHECKPOINTS, TRACK_PRIOR_KEY, TRACK_PRIOR_SPEC,
};
pub use figures::{
    assess, campaign_weeks, observed_plan, track_data_value, CheckpointFigures, TrackFigure,
    TrackUndefined, TrackedRate,
};
pub use odds::{odds, Odds};
pub use verdict::{checkpoint_verdict, lever, Evidence, Lever, TrackVerdict};

use crate::engine::risk::risk_data_value;
use crate::engine::{FigureUnit, Inputs};

/// One checkpoint's figures, odds and verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracking {
    pub figures: CheckpointFigures,
    pub odds: Odds,
    pub verdict: TrackVerdict,
}

/// Everything about `checkpoint` against `plan`, the odds over `trials`
/// trials from `seed` (the risk panel's).
pub fn track_checkpoint(
    plan: &Inputs,
    checkpoint: &Checkpoint,
    track_prior: u32,
    trials: u32,
    seed: u64,
) -> Tracking {
    let figures = assess(plan, checkpoint, track_prior);
    let odds = odds(plan, checkpoint, track_prior, trials, seed);
    let verdict = checkpoint_verdict(plan, checkpoint, track_prior, &figures, &odds);
    Tracking {
        figures,
        odds,
        verdict,
    }
}

/// The latest checkpoint's [`Tracking`]; `None` before the first checkpoint.
///
/// Its figures mean something once [`TrackingInputs::validate`] is empty;
/// an inconsistent campaign (a stored one, or one being typed) still gets
/// figures, never a panic, as the page keeps its last valid state anyway.
pub fn track(plan: &Inputs, inputs: &TrackingInputs, trials: u32, seed: u64) -> Option<Tracking> {
    let latest = inputs.latest()?;
    Some(track_checkpoint(
        plan,
        latest,
        inputs.track_prior,
        trials,
        seed,
    ))
}

crate::keyed! {
    @key testid, from_testid;
    /// Names the figures the page carries with a test id, in the spec's
    /// order: the deterministic ones first ([`TrackFigureId::DETERMINISTIC`]),
    /// then the simulation's and the verdict.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum TrackFigureId {
        Pace = "track-pace",
        Noshow = "track-noshow",
        Opp = "track-opp",
        Win = "track-win",
        NoshowPost = "track-noshow-post",
        OppPost = "track-opp-post",
        WinPost = "track-win-post",
        ExpectedInvoice = "track-expected-invoice",
        InvoiceGap = "track-invoice-gap",
        CostPerHeld = "track-cost-per-held",
        ProjSales = "track-proj-sales",
        ProjTotalCost = "track-proj-total-cost",
        ProjNetResult = "track-proj-net-result",
        ProjRoi = "track-proj-roi",
        ProjBreakEvenPrice = "track-proj-break-even-price",
        LossProbability = "track-loss-probability",
        RoiP10 = "track-roi-p10",
        RoiP50 = "track-roi-p50",
        RoiP90 = "track-roi-p90",
        Verdict = "track-verdict",
    }
}

impl TrackFigureId {
    /// The figures that need no simulation (the latest checkpoint's
    /// table): every one before the loss probability.
    pub const DETERMINISTIC: &'static [TrackFigureId] = TrackFigureId::ALL
        .split_at(TrackFigureId::LossProbability as usize)
        .0;

    /// How the figure reads; `None` for the verdict (a word).
    pub fn unit(self) -> Option<FigureUnit> {
        use TrackFigureId as T;
        Some(match self {
            T::Pace
            | T::Noshow
            | T::Opp
            | T::Win
            | T::NoshowPost
            | T::OppPost
            | T::WinPost
            | T::ProjRoi
            | T::LossProbability
            | T::RoiP10
            | T::RoiP50
            | T::RoiP90 => FigureUnit::Ratio,
            T::ExpectedInvoice
            | T::InvoiceGap
            | T::CostPerHeld
            | T::ProjTotalCost
            | T::ProjNetResult
            | T::ProjBreakEvenPrice => FigureUnit::Money,
            T::ProjSales => FigureUnit::Count,
            T::Verdict => return None,
        })
    }
}

impl Tracking {
    /// The deterministic figure behind `id`; `None` for the simulated ones
    /// and the verdict.
    pub fn figure(&self, id: TrackFigureId) -> Option<TrackFigure> {
        let f = &self.figures;
        Some(match id {
            TrackFigureId::Pace => f.pace,
            TrackFigureId::Noshow => f.noshow_obs,
            TrackFigureId::Opp => f.opp_obs,
            TrackFigureId::Win => f.win_obs,
            TrackFigureId::NoshowPost => f.noshow_post,
            TrackFigureId::OppPost => f.opp_post,
            TrackFigureId::WinPost => f.win_post,
            TrackFigureId::ExpectedInvoice => f.expected_invoice,
            TrackFigureId::InvoiceGap => f.invoice_gap,
            TrackFigureId::CostPerHeld => f.cost_per_held_actual,
            TrackFigureId::ProjSales => f.proj_sales,
            TrackFigureId::ProjTotalCost => f.proj_total_cost,
            TrackFigureId::ProjNetResult => f.proj_net_result,
            TrackFigureId::ProjRoi => f.proj_roi,
            TrackFigureId::ProjBreakEvenPrice => f.proj_break_even_price,
            TrackFigureId::LossProbability
            | TrackFigureId::RoiP10
            | TrackFigureId::RoiP50
            | TrackFigureId::RoiP90
            | TrackFigureId::Verdict => return None,
        })
    }

    /// The page's `data-value` for `id`: a plain decimal (rates as
    /// fractions), `""` when undefined, the verdict's token.
    pub fn data_value(&self, id: TrackFigureId) -> String {
        if let Some(figure) = self.figure(id) {
            return track_data_value(figure);
        }
        match id {
            TrackFigureId::LossProbability => risk_data_value(Some(self.odds.loss_probability)),
            TrackFigureId::RoiP10 => risk_data_value(self.odds.roi_p10),
            TrackFigureId::RoiP50 => risk_data_value(self.odds.roi_p50),
            TrackFigureId::RoiP90 => risk_data_value(self.odds.roi_p90),
            _ => self.verdict.token().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests;
