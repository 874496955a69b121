//! The checkpoint verdict: continue, adjust (with the lever), stop or
//! review (with the evidence that would decide it), as data for the page to
//! phrase.
//!
//! In the spec's order: `continue` when the projected ROI reaches the
//! target and both guardrails hold (margin per sale ≥ multiple × price,
//! projected LTV:CAC ≥ 3; an undefined figure fails them), `adjust` when the
//! projection still breaks even, `stop` when it loses money and more than
//! half the trials do, `review` otherwise. Where the spec is silent:
//!
//! - **The lever** compares each rate by the share of the plan's step it
//!   lost: `1 − s / (rate_plan × n)` for the opportunity and win rates (their
//!   relative shortfall, `(plan − observed) / plan`), and for the no-show rate
//!   the same on the show rate, `1 − held / ((1 − noshow_plan) × booked)`:
//!   the plan's no-show rate is often 0 % (the default), against which any
//!   no-show would be infinitely worse, whatever it costs. The price is a
//!   candidate when it is above `proj_break_even_price`, by `1 −
//!   break_even / price`. The largest shortfall wins; ties go to the funnel's
//!   order (no-show, opportunity, win, price). The comparison of rates is
//!   exact (cross-multiplied counts). A projected net result ≥ 0 means the
//!   price is at most the break-even price, so the price lever cannot show
//!   in `adjust`: `stop` names a lever as well (the spec does not ask for
//!   one), where the price is what to renegotiate.
//! - **Review's evidence** is the rate whose uncertainty moves the projected
//!   net result most: each random rate at its posterior mean ± one standard
//!   deviation, the others at their means. It comes with the count that
//!   measures it (booked meetings for no-shows, held meetings for
//!   opportunities, decided opportunities for wins), how many there are so
//!   far and how many the projection still expects.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use super::figures::{CheckpointFigures, Tally, TrackedRate};
use super::odds::{posterior_draws, FastProjection, Odds};
use super::Checkpoint;
use crate::engine::arith::{add, div, mul, sub};
use crate::engine::{Inputs, Undefined};

/// What moved most against the plan, and by how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// An observed rate against its plan value (fractions). `shortfall` is
    /// the share of the plan's step lost: `(planned − observed) / planned`
    /// for opportunities and wins, the same on the show rate for no-shows.
    Rate {
        rate: TrackedRate,
        observed: Decimal,
        planned: Decimal,
        shortfall: Decimal,
    },
    /// The price per meeting above `proj_break_even_price` (which may be
    /// below 0: no price saves the campaign). `shortfall` is `1 −
    /// break_even / price`, the share of the price to give up.
    Price {
        price: Decimal,
        break_even: Decimal,
        shortfall: Decimal,
    },
}

/// What would decide an uncertain campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// The rate whose uncertainty moves the projected net result most.
    pub rate: TrackedRate,
    /// The count that measures it so far: booked meetings (no-show), held
    /// meetings (opportunity), decided opportunities (win).
    pub observed: Decimal,
    /// How many more the projection expects: booked meetings still to come,
    /// held meetings still to come, opportunities pending or still to come.
    pub to_come: Decimal,
}

/// The checkpoint's verdict (`tracking.md`), as data for the page to phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackVerdict {
    /// The projection meets the target ROI and both guardrails.
    Continue,
    /// It breaks even but falls short of the target or a guardrail; the
    /// lever is `None` when nothing moved against the plan (the plan itself
    /// falls short).
    Adjust { lever: Option<Lever> },
    /// It loses money, in most trials too; the lever as for `Adjust`.
    Stop { lever: Option<Lever> },
    /// It loses money in the projection but not in most trials (or the
    /// projection is undefined): `None` when no rate is uncertain.
    Review { evidence: Option<Evidence> },
}

impl TrackVerdict {
    /// `continue`, `adjust`, `stop` or `review`: the `data-value` of `track-verdict`.
    pub fn token(&self) -> &'static str {
        match self {
            TrackVerdict::Continue => "continue",
            TrackVerdict::Adjust { .. } => "adjust",
            TrackVerdict::Stop { .. } => "stop",
            TrackVerdict::Review { .. } => "review",
        }
    }
}

/// The verdict of one checkpoint from its figures and odds (see the module doc).
pub fn checkpoint_verdict(
    plan: &Inputs,
    checkpoint: &Checkpoint,
    track_prior: u32,
    figures: &CheckpointFigures,
    odds: &Odds,
) -> TrackVerdict {
    let meets_target = matches!(figures.proj_roi, Ok(roi) if roi >= plan.target);
    let covers_multiple = match (figures.margin_per_sale, mul(plan.multiple, plan.price)) {
        (Ok(per_sale), Ok(floor)) => per_sale >= floor,
        _ => false,
    };
    let ltv_cac_ok = matches!(figures.proj_ltv_to_cac, Ok(ratio) if ratio >= Decimal::from(3));
    if meets_target && covers_multiple && ltv_cac_ok {
        return TrackVerdict::Continue;
    }
    match figures.proj_net_result {
        Ok(net) if net >= Decimal::ZERO => TrackVerdict::Adjust {
            lever: lever(plan, checkpoint, figures),
        },
        Ok(_) if odds.loss_probability > 0.5 => TrackVerdict::Stop {
            lever: lever(plan, checkpoint, figures),
        },
        _ => TrackVerdict::Review {
            evidence: evidence(plan, checkpoint, track_prior, figures),
        },
    }
}

/// A lever's case: its shortfall is `1 − num / den` (`den > 0`).
struct Candidate {
    lever: Lever,
    num: Decimal,
    den: Decimal,
}

/// The lever that moved most against the plan, if any (see the module doc).
pub fn lever(plan: &Inputs, checkpoint: &Checkpoint, figures: &CheckpointFigures) -> Option<Lever> {
    let observed = [figures.noshow_obs, figures.opp_obs, figures.win_obs];
    let mut candidates = Vec::new();
    if let Ok(tallies) = Tally::all(plan, checkpoint) {
        for (index, rate) in TrackedRate::ALL.into_iter().enumerate() {
            let tally = tallies[index];
            // The step's own rate: the show rate for no-shows.
            let (kept, step) = match rate {
                TrackedRate::Noshow => (
                    checkpoint.held,
                    sub(Decimal::ONE, plan.noshow).unwrap_or_default(),
                ),
                _ => (tally.successes, tally.plan),
            };
            let Ok(den) = mul(step, tally.trials) else {
                continue;
            };
            let Ok(observed) = observed[index] else {
                continue;
            };
            if den > Decimal::ZERO && kept < den {
                candidates.push(Candidate {
                    lever: Lever::Rate {
                        rate,
                        observed,
                        planned: tally.plan.normalize(),
                        shortfall: shortfall(kept, den),
                    },
                    num: kept,
                    den,
                });
            }
        }
    }
    if let Ok(break_even) = figures.proj_break_even_price {
        if plan.price > Decimal::ZERO && plan.price > break_even {
            candidates.push(Candidate {
                lever: Lever::Price {
                    price: plan.price.normalize(),
                    break_even,
                    shortfall: shortfall(break_even, plan.price),
                },
                num: break_even,
                den: plan.price,
            });
        }
    }
    // The smallest kept share is the largest shortfall; the first wins a tie.
    let mut best: Option<Candidate> = None;
    for candidate in candidates {
        let better = match &best {
            None => true,
            Some(best) => compare_shares(&candidate, best) == Ordering::Less,
        };
        if better {
            best = Some(candidate);
        }
    }
    best.map(|candidate| candidate.lever)
}

/// `1 − num / den`, normalized (0 on overflow, which bounds never reach).
fn shortfall(num: Decimal, den: Decimal) -> Decimal {
    div(num, den, Undefined::Overflow)
        .and_then(|share| sub(Decimal::ONE, share))
        .map(|value| value.normalize())
        .unwrap_or_default()
}

/// `a.num / a.den` against `b.num / b.den`, exactly by cross-multiplying
/// (both dens are positive), by the rounded quotients past Decimal's range.
fn compare_shares(a: &Candidate, b: &Candidate) -> Ordering {
    match (mul(a.num, b.den), mul(b.num, a.den)) {
        (Ok(left), Ok(right)) => left.cmp(&right),
        _ => {
            let quotient = |c: &Candidate| div(c.num, c.den, Undefined::Overflow).ok();
            quotient(a).cmp(&quotient(b))
        }
    }
}

/// The rate whose uncertainty moves the projected net result most, with its
/// counts (see the module doc); `None` when every rate is fixed.
fn evidence(
    plan: &Inputs,
    checkpoint: &Checkpoint,
    track_prior: u32,
    figures: &CheckpointFigures,
) -> Option<Evidence> {
    let projection = FastProjection::new(plan, checkpoint);
    let posteriors = posterior_draws(plan, checkpoint, track_prior);
    let means = posteriors.map(|posterior| posterior.mean);
    let mut decisive: Option<(TrackedRate, f64)> = None;
    for (index, rate) in TrackedRate::ALL.into_iter().enumerate() {
        let Some(deviation) = posteriors[index].deviation() else {
            continue;
        };
        let at = |value: f64| {
            let mut rates = means;
            rates[index] = value.clamp(0.0, 1.0);
            projection.net_and_roi(rates).0
        };
        let mean = means[index];
        let swing = (at(mean + deviation) - at(mean - deviation)).abs();
        if decisive.is_none_or(|(_, best)| swing > best) {
            decisive = Some((rate, swing));
        }
    }
    let (rate, _) = decisive?;
    let decided = add(checkpoint.sales, checkpoint.lost).ok()?;
    let (observed, to_come) = match rate {
        TrackedRate::Noshow => (checkpoint.booked, figures.remaining_booked),
        TrackedRate::Opp => (checkpoint.held, figures.remaining_held),
        TrackedRate::Win => (
            decided,
            figures.proj_opps.and_then(|opps| Ok(sub(opps, decided)?)),
        ),
    };
    Some(Evidence {
        rate,
        observed: observed.normalize(),
        to_come: to_come.ok()?.normalize(),
    })
}
