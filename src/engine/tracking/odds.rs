//! Odds at completion: the projection with each rate drawn from its Beta
//! posterior.
//!
//! Each trial draws every rate from `Beta(k × rate_plan + s, k × (1 −
//! rate_plan) + n − s)` (fixed at its mean when a parameter is not
//! positive) and runs the projection with the drawn rates exactly, in
//! `f64`, in the spec's order of operations: parameter uncertainty only.
//! Each rate has its own stream ([`SplitMix64`] seeded with the seed, then
//! [`next_seed`] of it, then [`next_seed`] of that), so fixing one rate does
//! not reshuffle the others' draws; the draws are bit-identical on native
//! and wasm32 (see `sampling`). Percentiles are the risk panel's
//! (nearest rank, over the trials with a cost).
//!
//! [`SplitMix64`]: crate::engine::risk::SplitMix64

use rust_decimal::Decimal;

use super::figures::Tally;
use super::sampling::RateDraw;
use super::Checkpoint;
use crate::engine::risk::{next_seed, percentile, to_f64, whole_sales, MAX_TRIALS};
use crate::engine::{Basis, Inputs, Rounding, Undefined};

/// What a trial does not draw, in `f64`.
#[derive(Debug, Clone, Copy)]
pub(super) struct FastProjection {
    remaining_booked: f64,
    held: f64,
    sales: f64,
    pending_opps: f64,
    invoiced: f64,
    revenue: f64,
    price: f64,
    hours: f64,
    hourly: f64,
    fixed: f64,
    deal: f64,
    margin: f64,
    billed_on_held: bool,
    whole: bool,
}

impl FastProjection {
    pub(super) fn new(plan: &Inputs, cp: &Checkpoint) -> FastProjection {
        let f = to_f64;
        let billed_obs = match plan.basis {
            Basis::Booked => cp.booked,
            Basis::Held => cp.held,
        };
        let expected_invoice = f(plan.price) * f(billed_obs) + f(plan.setup);
        FastProjection {
            remaining_booked: (f(plan.meetings) - f(cp.booked)).max(0.0),
            held: f(cp.held),
            sales: f(cp.sales),
            pending_opps: f(cp.opps) - f(cp.sales) - f(cp.lost),
            invoiced: cp.invoiced.map_or(expected_invoice, f),
            revenue: cp.revenue.map_or(f(cp.sales) * f(plan.deal), f),
            price: f(plan.price),
            hours: f(plan.hours),
            hourly: f(plan.hourly),
            fixed: f(plan.fixed),
            deal: f(plan.deal),
            margin: f(plan.margin),
            billed_on_held: plan.basis == Basis::Held,
            whole: plan.rounding == Rounding::Whole,
        }
    }

    /// Projected net result and ROI (`None` without a cost) with these rates:
    /// the spec's projection, in its order of operations.
    pub(super) fn net_and_roi(&self, [noshow, opp, win]: [f64; 3]) -> (f64, Option<f64>) {
        let remaining_held = self.remaining_booked * (1.0 - noshow);
        let new_opps = remaining_held * opp;
        let expected = self.sales + (self.pending_opps + new_opps) * win;
        let sales = if self.whole {
            whole_sales(expected).max(self.sales)
        } else {
            expected
        };
        let remaining_billed = if self.billed_on_held {
            remaining_held
        } else {
            self.remaining_booked
        };
        let provider = self.invoiced + self.price * remaining_billed;
        let internal = (self.held + remaining_held) * self.hours * self.hourly + self.fixed;
        let total = provider + internal;
        let revenue = self.revenue + (sales - self.sales) * self.deal;
        let net = revenue * self.margin - total;
        (net, (total != 0.0).then(|| net / total))
    }
}

/// Each rate's posterior: Beta parameters (when they can be computed) and
/// mean in `f64` (the plan's rate when not even that can), in the order of
/// [`TrackedRate::ALL`](super::TrackedRate::ALL).
pub(super) fn posterior_draws(plan: &Inputs, cp: &Checkpoint, track_prior: u32) -> [Posterior; 3] {
    let k = Decimal::from(track_prior);
    let planned = [plan.noshow, plan.opp, plan.win];
    let tallies = Tally::all(plan, cp);
    [0, 1, 2].map(|index| {
        let tally = tallies.map(|tallies| tallies[index]);
        let mean = tally
            .and_then(|tally| tally.posterior(k)?.value())
            .unwrap_or(planned[index]);
        Posterior {
            params: tally.and_then(|tally| tally.beta(k)),
            mean: to_f64(mean).clamp(0.0, 1.0),
        }
    })
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Posterior {
    pub(super) params: Result<(Decimal, Decimal), Undefined>,
    pub(super) mean: f64,
}

impl Posterior {
    /// The standard deviation of a random posterior; `None` when it is fixed.
    pub(super) fn deviation(&self) -> Option<f64> {
        let (a, b) = match self.params {
            Ok((a, b)) if a > Decimal::ZERO && b > Decimal::ZERO => (to_f64(a), to_f64(b)),
            _ => return None,
        };
        let total = a + b;
        Some((a * b / (total * total * (total + 1.0))).sqrt())
    }
}

/// What the simulation of the projection says.
#[derive(Debug, Clone, PartialEq)]
pub struct Odds {
    /// Trials run (the requested count, clamped to `1..=MAX_TRIALS`).
    pub trials: u32,
    pub seed: u64,
    /// Share of trials with a projected net result below 0, a fraction.
    pub loss_probability: f64,
    /// Projected ROI percentiles (nearest rank, fractions) over the trials
    /// with a cost; `None` if none has one.
    pub roi_p10: Option<f64>,
    pub roi_p50: Option<f64>,
    pub roi_p90: Option<f64>,
    /// Trials whose ROI is defined.
    pub roi_trials: u32,
}

/// Runs `trials` trials (clamped to `1..=MAX_TRIALS`) of the projection of
/// `checkpoint`, each rate drawn from its posterior (see the module doc).
pub fn odds(
    plan: &Inputs,
    checkpoint: &Checkpoint,
    track_prior: u32,
    trials: u32,
    seed: u64,
) -> Odds {
    let trials = trials.clamp(1, MAX_TRIALS);
    let projection = FastProjection::new(plan, checkpoint);
    let posteriors = posterior_draws(plan, checkpoint, track_prior);
    let seeds = [seed, next_seed(seed), next_seed(next_seed(seed))];
    let mut draws = [0, 1, 2].map(|i| {
        let posterior = posteriors[i];
        RateDraw::new(posterior.params, posterior.mean, seeds[i])
    });
    let mut rois = Vec::with_capacity(trials as usize);
    let mut losses: u32 = 0;
    for _ in 0..trials {
        let rates = [draws[0].sample(), draws[1].sample(), draws[2].sample()];
        let (net, roi) = projection.net_and_roi(rates);
        if net < 0.0 {
            losses += 1;
        }
        if let Some(roi) = roi {
            rois.push(roi);
        }
    }
    rois.sort_unstable_by(f64::total_cmp);
    Odds {
        trials,
        seed,
        loss_probability: f64::from(losses) / f64::from(trials),
        roi_p10: percentile(&rois, 10),
        roi_p50: percentile(&rois, 50),
        roi_p90: percentile(&rois, 90),
        roi_trials: u32::try_from(rois.len()).unwrap_or(u32::MAX),
    }
}
