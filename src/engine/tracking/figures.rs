//! Every deterministic figure of one checkpoint: the plan to date, the
//! observed rates, the invoice check, the re-estimated rates and the
//! projection at completion.
//!
//! As the spec writes them, with `W = ceil(months × 52 / 12)` weeks and a
//! sales cycle of `cycle × 52 / 12` weeks. Each is exact wherever the
//! quotient is, because every division is the last step of its figure:
//!
//! - plan to date: `booked_plan = meetings × min(w, W) / W`, …, and
//!   `sales_plan = meetings × clamp(12w − 52 cycle, 0, 12W) × (1 − noshow) ×
//!   opp × win / 12W` (the spec's `min(max(w − c, 0), W) / W` with `c`
//!   written in twelfths, so a cycle of one month is not rounded);
//! - `pace = booked × W / (meetings × min(w, W))`;
//! - the re-estimated rates `(k × rate_plan + s) / (k + n)` are kept as
//!   fractions until the last division of each projected figure: the
//!   projected sales `sales + (pending × Dn × Do + remaining × Ns × No) × Nw /
//!   (Dn × Do × Dw)` (N/D: the show, opportunity and win rates' numerators and
//!   denominators) is then a whole number exactly when it should be, so
//!   rounding down to whole customers never loses a sale to a last digit (a
//!   rate of 1/3 first rounded to 28 digits made 30 × 1/3 read 9.99…9). A
//!   fraction whose quotient is an exact decimal is replaced by it, so with
//!   nothing observed every projected figure is the plan's to the last digit.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::Checkpoint;
use crate::engine::arith::{add, div, mul, sub};
use crate::engine::{evaluate, Basis, Figure, Inputs, Rounding, Undefined};

/// Why a tracking figure has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TrackUndefined {
    /// The plan expects nothing booked by this week (week 0, or no campaign).
    NoPlanToDate,
    /// No meeting booked yet: no no-show rate.
    NoBookedMeetings,
    /// No opportunity won or lost yet: no win rate.
    NoDecidedOpportunities,
    /// The price per meeting is 0 €: an invoice gap is no number of meetings.
    NoPrice,
    /// Every meeting is billed already: no price for the rest.
    NothingLeftToBill,
    /// The base engine's reason (no held meeting, no cost, no sale, overflow).
    Engine(Undefined),
}

impl From<Undefined> for TrackUndefined {
    fn from(reason: Undefined) -> Self {
        TrackUndefined::Engine(reason)
    }
}

/// One tracking figure: its exact value, or why it is undefined.
pub type TrackFigure = Result<Decimal, TrackUndefined>;

/// A figure's `data-value`: the plain decimal, or `""` when undefined.
pub fn track_data_value(figure: TrackFigure) -> String {
    figure
        .map(|value| value.normalize().to_string())
        .unwrap_or_default()
}

/// `ceil(months × 52 / 12)`: weeks in the campaign.
pub fn campaign_weeks(months: u32) -> u64 {
    (u64::from(months) * 52).div_ceil(12)
}

/// Every deterministic figure of one checkpoint, named as in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointFigures {
    /// `W`, weeks in the campaign.
    pub campaign_weeks: u64,
    /// `w`, the checkpoint's week.
    pub week: u32,
    /// Where the plan expected to be at week `w` (expected values, never rounded).
    pub booked_plan: TrackFigure,
    pub held_plan: TrackFigure,
    pub opps_plan: TrackFigure,
    pub sales_plan: TrackFigure,
    /// Booked meetings against the plan to date (1 = on plan).
    pub pace: TrackFigure,
    /// The observed rates, fractions.
    pub noshow_obs: TrackFigure,
    pub opp_obs: TrackFigure,
    pub win_obs: TrackFigure,
    /// The rates re-estimated from the evidence (the plan's rate without any).
    pub noshow_post: TrackFigure,
    pub opp_post: TrackFigure,
    pub win_post: TrackFigure,
    /// `price × billed_obs + setup`.
    pub expected_invoice: TrackFigure,
    /// The invoices in force: the checkpoint's, or the expected invoice.
    pub invoiced: TrackFigure,
    /// `invoiced − expected_invoice`; positive: invoiced more than the counts justify.
    pub invoice_gap: TrackFigure,
    /// The gap in meetings' worth at the plan's price.
    pub invoice_gap_meetings: TrackFigure,
    pub internal_to_date: TrackFigure,
    /// `(invoiced + internal_to_date) / held`.
    pub cost_per_held_actual: TrackFigure,
    /// The revenue in force: the checkpoint's, or `sales × deal`.
    pub revenue: TrackFigure,
    pub remaining_booked: TrackFigure,
    pub remaining_held: TrackFigure,
    pub pending_opps: TrackFigure,
    pub proj_held: TrackFigure,
    pub proj_opps: TrackFigure,
    pub proj_sales_expected: TrackFigure,
    pub proj_sales: TrackFigure,
    pub proj_billed: TrackFigure,
    pub proj_provider_cost: TrackFigure,
    pub proj_internal_cost: TrackFigure,
    pub proj_total_cost: TrackFigure,
    pub proj_revenue: TrackFigure,
    pub proj_gross_margin: TrackFigure,
    pub proj_net_result: TrackFigure,
    pub proj_roi: TrackFigure,
    /// The highest price for the meetings still to be billed at which the
    /// campaign as a whole breaks even (below 0: no price saves it).
    pub proj_break_even_price: TrackFigure,
    pub proj_ltv_to_cac: TrackFigure,
    /// The plan's `deal × margin`, for the verdict's guardrail.
    pub margin_per_sale: TrackFigure,
}

/// A rate as a fraction `num / den`, divided only as the last step of a
/// figure (see the module doc). `den` is 1 when the quotient is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ratio {
    pub(super) num: Decimal,
    pub(super) den: Decimal,
}

impl Ratio {
    pub(super) fn exact(value: Decimal) -> Ratio {
        Ratio {
            num: value,
            den: Decimal::ONE,
        }
    }

    pub(super) fn new(num: Decimal, den: Decimal) -> Ratio {
        match exact_quotient(num, den) {
            Some(quotient) => Ratio::exact(quotient),
            None => Ratio { num, den },
        }
    }

    /// `1 − num / den`, as a fraction.
    pub(super) fn complement(self) -> Result<Ratio, Undefined> {
        Ok(Ratio {
            num: sub(self.den, self.num)?,
            den: self.den,
        })
    }

    pub(super) fn value(self) -> Figure {
        div(self.num, self.den, Undefined::Overflow)
    }
}

/// `num / den` when it is a decimal of at most 28 digits and `den` a
/// positive whole number: then it is built exactly, from the reduced
/// fraction's mantissa, never rounded by a division.
pub(super) fn exact_quotient(num: Decimal, den: Decimal) -> Option<Decimal> {
    let (num, den) = (num.normalize(), den.normalize());
    if den.scale() != 0 || den <= Decimal::ZERO {
        return None;
    }
    let d = u128::try_from(den.mantissa()).ok()?;
    let m = num.mantissa().unsigned_abs();
    if m == 0 {
        return Some(Decimal::ZERO);
    }
    let g = gcd(m, d);
    let mut rest = d / g;
    let (mut twos, mut fives) = (0u32, 0u32);
    while rest.is_multiple_of(2) {
        rest /= 2;
        twos += 1;
    }
    while rest.is_multiple_of(5) {
        rest /= 5;
        fives += 1;
    }
    if rest != 1 {
        return None;
    }
    // m / (10^s × 2^twos × 5^fives) = m × 2^(e − twos) × 5^(e − fives) / 10^(s + e).
    let e = twos.max(fives);
    let mantissa = (m / g)
        .checked_mul(2u128.checked_pow(e - twos)?)?
        .checked_mul(5u128.checked_pow(e - fives)?)?;
    let signed = i128::try_from(mantissa).ok()?;
    let signed = if num.is_sign_negative() {
        -signed
    } else {
        signed
    };
    Decimal::try_from_i128_with_scale(signed, num.scale().checked_add(e)?).ok()
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

crate::keyed! {
    /// The three rates the checkpoint observes, in the funnel's order; the
    /// key is the plan's input it re-estimates (`noshow`, `opp`, `win`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum TrackedRate {
        Noshow = "noshow",
        Opp = "opp",
        Win = "win",
    }
}

/// The evidence behind one rate: `successes` out of `trials`, and the plan's value.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tally {
    pub(super) plan: Decimal,
    pub(super) successes: Decimal,
    pub(super) trials: Decimal,
}

impl Tally {
    /// noshow: booked − held of booked; opp: opps of held; win: sales of sales + lost.
    pub(super) fn all(plan: &Inputs, checkpoint: &Checkpoint) -> Result<[Tally; 3], Undefined> {
        Ok([
            Tally {
                plan: plan.noshow,
                successes: sub(checkpoint.booked, checkpoint.held)?,
                trials: checkpoint.booked,
            },
            Tally {
                plan: plan.opp,
                successes: checkpoint.opps,
                trials: checkpoint.held,
            },
            Tally {
                plan: plan.win,
                successes: checkpoint.sales,
                trials: add(checkpoint.sales, checkpoint.lost)?,
            },
        ])
    }

    /// `(k × rate_plan + s) / (k + n)`, or the plan's rate when `k + n = 0`.
    pub(super) fn posterior(self, k: Decimal) -> Result<Ratio, Undefined> {
        let den = add(k, self.trials)?;
        if den.is_zero() {
            return Ok(Ratio::exact(self.plan));
        }
        Ok(Ratio::new(add(mul(k, self.plan)?, self.successes)?, den))
    }

    /// The Beta posterior's parameters `(k × rate_plan + s, k × (1 − rate_plan) + n − s)`.
    pub(super) fn beta(self, k: Decimal) -> Result<(Decimal, Decimal), Undefined> {
        let a = add(mul(k, self.plan)?, self.successes)?;
        let failures = sub(self.trials, self.successes)?;
        let b = add(mul(k, sub(Decimal::ONE, self.plan)?)?, failures)?;
        Ok((a, b))
    }
}

/// Every deterministic figure of `checkpoint` against the plan `plan`, with
/// the plan's rates worth `track_prior` observations. Never panics: a figure
/// out of `Decimal`'s range (only for inputs out of bounds) is `Overflow`.
pub fn assess(plan: &Inputs, checkpoint: &Checkpoint, track_prior: u32) -> CheckpointFigures {
    let cp = checkpoint;
    let k = Decimal::from(track_prior);
    let weeks = campaign_weeks(plan.months);
    let w = u64::from(cp.week);
    let weeks_d = Decimal::from(weeks);
    let so_far = Decimal::from(w.min(weeks));
    let no_plan = TrackUndefined::NoPlanToDate;

    // Plan to date.
    let show_plan = sub(Decimal::ONE, plan.noshow);
    let booked_share = mul(plan.meetings, so_far);
    let booked_plan = to_date(booked_share, weeks_d);
    let held_share = booked_share.and_then(|b| mul(b, show_plan?));
    let held_plan = to_date(held_share, weeks_d);
    let opps_share = held_share.and_then(|h| mul(h, plan.opp));
    let opps_plan = to_date(opps_share, weeks_d);
    let twelfths = i64::try_from(weeks.saturating_mul(12)).unwrap_or(i64::MAX);
    let ready = (12 * i64::from(cp.week) - 52 * i64::from(plan.cycle)).clamp(0, twelfths);
    let sales_share = (|| {
        let signed = mul(mul(plan.meetings, Decimal::from(ready))?, show_plan?)?;
        mul(mul(signed, plan.opp)?, plan.win)
    })();
    let sales_plan = to_date(sales_share, Decimal::from(twelfths));
    let pace = (|| {
        let planned = mul(plan.meetings, so_far)?;
        if planned.is_zero() {
            return Err(no_plan);
        }
        Ok(div(mul(cp.booked, weeks_d)?, planned, Undefined::Overflow)?)
    })();

    // Observed.
    let noshow_obs = sub(cp.booked, cp.held)
        .map_err(TrackUndefined::from)
        .and_then(|missed| {
            Ok(div(
                missed,
                nonzero(cp.booked, TrackUndefined::NoBookedMeetings)?,
                Undefined::Overflow,
            )?)
        });
    let opp_obs = nonzero(cp.held, Undefined::NoHeldMeetings.into())
        .and_then(|held| Ok(div(cp.opps, held, Undefined::Overflow)?));
    let decided = add(cp.sales, cp.lost);
    let win_obs = decided.map_err(TrackUndefined::from).and_then(|decided| {
        let decided = nonzero(decided, TrackUndefined::NoDecidedOpportunities)?;
        Ok(div(cp.sales, decided, Undefined::Overflow)?)
    });
    let billed_obs = match plan.basis {
        Basis::Booked => cp.booked,
        Basis::Held => cp.held,
    };
    let expected_invoice = mul(plan.price, billed_obs).and_then(|cost| add(cost, plan.setup));
    let invoiced = cp.invoiced.map_or(expected_invoice, Ok);
    let invoice_gap = invoiced.and_then(|invoiced| sub(invoiced, expected_invoice?));
    let invoice_gap_meetings = invoice_gap.map_err(TrackUndefined::from).and_then(|gap| {
        let price = nonzero(plan.price, TrackUndefined::NoPrice)?;
        Ok(div(gap, price, Undefined::Overflow)?)
    });
    let internal_to_date = internal_cost(plan, Ok(cp.held));
    let cost_per_held_actual = (|| {
        let spent = add(invoiced?, internal_to_date?)?;
        let held = nonzero(cp.held, Undefined::NoHeldMeetings.into())?;
        Ok(div(spent, held, Undefined::Overflow)?)
    })();
    let revenue = cp.revenue.map_or_else(|| mul(cp.sales, plan.deal), Ok);

    // Re-estimated rates, as fractions.
    let posteriors = Tally::all(plan, cp).and_then(|tallies| {
        let [noshow, opp, win] = tallies.map(|tally| tally.posterior(k));
        Ok([noshow?, opp?, win?])
    });
    let post = |index: usize| -> TrackFigure { Ok(posteriors?[index].value()?) };

    // Projection at completion.
    let remaining_booked = sub(plan.meetings, cp.booked).map(|left| left.max(Decimal::ZERO));
    let show = posteriors.and_then(|[noshow, _, _]| noshow.complement());
    let remaining_held = (|| {
        let show = show?;
        div(
            mul(remaining_booked?, show.num)?,
            show.den,
            Undefined::Overflow,
        )
    })();
    let pending_opps = decided.and_then(|decided| sub(cp.opps, decided));
    let proj_held = remaining_held.and_then(|rest| add(cp.held, rest));
    let proj_opps = (|| {
        let (show, [_, opp, _]) = (show?, posteriors?);
        let new = mul(mul(remaining_booked?, show.num)?, opp.num)?;
        let new = div(new, mul(show.den, opp.den)?, Undefined::Overflow)?;
        add(cp.opps, new)
    })();
    let proj_sales_expected = (|| {
        let (show, [_, opp, win]) = (show?, posteriors?);
        let dens = mul(show.den, opp.den)?;
        let pending = mul(pending_opps?, dens)?;
        let new = mul(mul(remaining_booked?, show.num)?, opp.num)?;
        let signed = mul(add(pending, new)?, win.num)?;
        let more = div(signed, mul(dens, win.den)?, Undefined::Overflow)?;
        add(cp.sales, more)
    })();
    let proj_sales = proj_sales_expected.map(|expected| match plan.rounding {
        Rounding::Whole => expected.floor().max(cp.sales),
        Rounding::Expected => expected,
    });
    let (remaining_billed, proj_billed) = match plan.basis {
        Basis::Booked => (
            remaining_booked,
            remaining_booked.and_then(|rest| add(cp.booked, rest)),
        ),
        Basis::Held => (remaining_held, proj_held),
    };
    let proj_provider_cost =
        invoiced.and_then(|invoiced| add(invoiced, mul(plan.price, remaining_billed?)?));
    let proj_internal_cost = internal_cost(plan, proj_held);
    let proj_total_cost =
        proj_provider_cost.and_then(|provider| add(provider, proj_internal_cost?));
    let proj_revenue = revenue.and_then(|revenue| {
        let more = mul(sub(proj_sales?, cp.sales)?, plan.deal)?;
        add(revenue, more)
    });
    let proj_gross_margin = proj_revenue.and_then(|revenue| mul(revenue, plan.margin));
    let proj_net_result = proj_gross_margin.and_then(|margin| sub(margin, proj_total_cost?));
    let proj_roi =
        proj_total_cost.and_then(|total| div(proj_net_result?, total, Undefined::NoCost));
    let proj_break_even_price = (|| {
        let rest = nonzero(remaining_billed?, TrackUndefined::NothingLeftToBill)?;
        let left = sub(sub(proj_gross_margin?, invoiced?)?, proj_internal_cost?)?;
        Ok(div(left, rest, Undefined::Overflow)?)
    })();
    let ltv_margin = evaluate(plan).ltv_margin;
    let proj_ltv_to_cac = (|| {
        let sales = nonzero(proj_sales?, Undefined::NoSales.into())?;
        let total = nonzero(proj_total_cost?, Undefined::NoCost.into())?;
        Ok(div(mul(ltv_margin?, sales)?, total, Undefined::NoCost)?)
    })();

    let t = |figure: Figure| -> TrackFigure { figure.map(|v| v.normalize()).map_err(Into::into) };
    let n = |figure: TrackFigure| figure.map(|v| v.normalize());
    CheckpointFigures {
        campaign_weeks: weeks,
        week: cp.week,
        booked_plan: n(booked_plan),
        held_plan: n(held_plan),
        opps_plan: n(opps_plan),
        sales_plan: n(sales_plan),
        pace: n(pace),
        noshow_obs: n(noshow_obs),
        opp_obs: n(opp_obs),
        win_obs: n(win_obs),
        noshow_post: n(post(0)),
        opp_post: n(post(1)),
        win_post: n(post(2)),
        expected_invoice: t(expected_invoice),
        invoiced: t(invoiced),
        invoice_gap: t(invoice_gap),
        invoice_gap_meetings: n(invoice_gap_meetings),
        internal_to_date: t(internal_to_date),
        cost_per_held_actual: n(cost_per_held_actual),
        revenue: t(revenue),
        remaining_booked: t(remaining_booked),
        remaining_held: t(remaining_held),
        pending_opps: t(pending_opps),
        proj_held: t(proj_held),
        proj_opps: t(proj_opps),
        proj_sales_expected: t(proj_sales_expected),
        proj_sales: t(proj_sales),
        proj_billed: t(proj_billed),
        proj_provider_cost: t(proj_provider_cost),
        proj_internal_cost: t(proj_internal_cost),
        proj_total_cost: t(proj_total_cost),
        proj_revenue: t(proj_revenue),
        proj_gross_margin: t(proj_gross_margin),
        proj_net_result: t(proj_net_result),
        proj_roi: t(proj_roi),
        proj_break_even_price: n(proj_break_even_price),
        proj_ltv_to_cac: n(proj_ltv_to_cac),
        margin_per_sale: t(mul(plan.deal, plan.margin)),
    }
}

/// `share / weeks`: a plan-to-date count from `meetings × weeks elapsed × …`.
fn to_date(share: Figure, weeks: Decimal) -> TrackFigure {
    let weeks = nonzero(weeks, TrackUndefined::NoPlanToDate)?;
    Ok(div(share?, weeks, Undefined::Overflow)?)
}

/// `held × hours × hourly + fixed`, as the base engine writes it.
fn internal_cost(plan: &Inputs, held: Figure) -> Figure {
    let hours = mul(held?, plan.hours)?;
    add(mul(hours, plan.hourly)?, plan.fixed)
}

fn nonzero(value: Decimal, reason: TrackUndefined) -> TrackFigure {
    if value.is_zero() {
        Err(reason)
    } else {
        Ok(value)
    }
}

/// The plan with the checkpoint's observed rates in place of its own, where
/// observed ("use these rates as the next plan"), rounded half away from
/// zero to the 4 decimals of a percent an input takes, so the result is
/// valid inputs.
pub fn observed_plan(plan: &Inputs, checkpoint: &Checkpoint) -> Inputs {
    let figures = assess(plan, checkpoint, 0);
    let as_input = |observed: TrackFigure, planned: Decimal| {
        observed
            .map(|rate| {
                rate.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
                    .clamp(Decimal::ZERO, Decimal::ONE)
                    .normalize()
            })
            .unwrap_or(planned)
    };
    Inputs {
        noshow: as_input(figures.noshow_obs, plan.noshow),
        opp: as_input(figures.opp_obs, plan.opp),
        win: as_input(figures.win_obs, plan.win),
        ..plan.clone()
    }
}
