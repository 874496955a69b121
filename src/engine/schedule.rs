//! The monthly schedule behind the payback month (spec, "Payback").
//!
//! Month 1 is the campaign's first month. The campaign's variable cost
//! (price × billed + held × hours × hourly) is spread evenly over `months`,
//! the one-off costs (setup + fixed) fall in month 1; each month's meetings
//! sign `cycle` months later and renew 12 k months after that. The horizon is
//! `months + cycle + 12 × years`, the month the last renewal arrives.
//!
//! Decision on rounding: each stream's monthly amount is `total / months`,
//! kept to [`SCHEDULE_DECIMALS`] decimals (10^-12 €, far below a cent), and
//! the stream's LAST month takes the remainder, so the months add up exactly
//! to the stream's total instead of drifting by a rounding step. The streams'
//! totals come from the results (the last margin stream is the lifetime
//! margin minus the others; month 1's one-off cost is the total cost minus
//! the variable cost), and the cumulative net at the horizon IS the
//! `lifetime_net` figure. So the schedule closes exactly on the number the
//! results show, and "payback none ⇔ cumulative net at the horizon < 0" holds
//! exactly. (A total with more than 12 decimals, which only sub-cent inputs
//! produce, is spread as its value rounded to 12 decimals; the horizon step
//! absorbs that sub-10^-12 € difference.) The common scale also keeps every
//! running sum exact and fast.

use rust_decimal::{Decimal, RoundingStrategy};

use super::arith::{add, div, mul, sub};
use super::evaluate::{self, Undefined};
use super::inputs::{Inputs, MAX_MONTHS, MAX_YEARS};

/// Decimals kept in the monthly amounts: 10^-12 € is invisible, and sums of
/// amounts up to 10^16 € on this grid stay exact (the bounds stay below 10^16).
pub const SCHEDULE_DECIMALS: u32 = 12;

/// One month of the schedule (amounts in euros; `cumulative_net` since month 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    pub month: u32,
    pub cost: Decimal,
    pub margin: Decimal,
    pub cumulative_net: Decimal,
}

/// Months 1 to the horizon, and the first month from which the cumulative net
/// stays at or above zero (`None` when it is negative at the horizon).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    pub rows: Vec<MonthRow>,
    pub payback_month: Option<u32>,
}

/// The schedule of one scenario; `Err` only when a total overflows (inputs
/// outside the spec's bounds). Same as [`evaluate()`](evaluate::evaluate)'s `schedule`.
pub fn schedule(inputs: &Inputs) -> Result<Schedule, Undefined> {
    let outcome = evaluate::evaluate(inputs);
    match outcome.payback_month {
        Err(reason) if reason != Undefined::NeverPaysBack => Err(reason),
        _ => Ok(outcome.schedule),
    }
}

/// The totals the schedule spreads, as the results computed them.
pub(crate) struct Totals {
    /// price × billed + held × hours × hourly.
    pub variable_cost: Decimal,
    pub total_cost: Decimal,
    /// sales × margin_per_sale.
    pub first_sale_margin: Decimal,
    /// sales × recurring × retention^k × margin, for k = 1..=years.
    pub renewal_margins: Vec<Decimal>,
    pub lifetime_margin: Decimal,
    pub lifetime_net: Decimal,
}

/// Builds the rows; `months` of 0 (never valid) is read as 1.
pub(crate) fn build(months: u32, cycle: u32, totals: &Totals) -> Result<Schedule, Undefined> {
    let years = u32::try_from(totals.renewal_margins.len()).map_err(|_| Undefined::Overflow)?;
    if months > MAX_MONTHS || cycle > MAX_MONTHS || years > MAX_YEARS {
        return Err(Undefined::Overflow);
    }
    let months = months.max(1);
    let horizon = months + cycle + 12 * years;
    let len = horizon as usize;

    // Cost: the variable cost over the campaign, the one-off costs in month 1.
    let mut costs = vec![Decimal::ZERO; len];
    let variable_cost = on_grid(totals.variable_cost);
    spread(&mut costs, 0, months, variable_cost)?;
    add_to(
        &mut costs,
        0,
        sub(on_grid(totals.total_cost), variable_cost)?,
    )?;

    // Margin: the first sales, then each renewal year, the last stream
    // taking what is left of the lifetime margin.
    let mut streams: Vec<Decimal> = std::iter::once(totals.first_sale_margin)
        .chain(totals.renewal_margins.iter().copied())
        .map(on_grid)
        .collect();
    if let Some((last, others)) = streams.split_last_mut() {
        let others_total = others
            .iter()
            .try_fold(Decimal::ZERO, |sum, total| add(sum, *total))?;
        *last = sub(on_grid(totals.lifetime_margin), others_total)?;
    }
    let mut margins = vec![Decimal::ZERO; len];
    for (k, total) in streams.into_iter().enumerate() {
        spread(&mut margins, cycle as usize + 12 * k, months, total)?;
    }

    let mut rows = Vec::with_capacity(len);
    let mut cumulative_net = Decimal::ZERO;
    for (index, (cost, margin)) in costs.into_iter().zip(margins).enumerate() {
        let month = u32::try_from(index + 1).map_err(|_| Undefined::Overflow)?;
        cumulative_net = if month == horizon {
            totals.lifetime_net
        } else {
            add(cumulative_net, sub(margin, cost)?)?
        };
        rows.push(MonthRow {
            month,
            cost: cost.normalize(),
            margin: margin.normalize(),
            cumulative_net: cumulative_net.normalize(),
        });
    }

    Ok(Schedule {
        payback_month: payback_month(&rows),
        rows,
    })
}

/// The smallest month from which the cumulative net never goes below zero
/// again up to the horizon; `None` when it is negative at the horizon.
fn payback_month(rows: &[MonthRow]) -> Option<u32> {
    let mut payback = None;
    for row in rows.iter().rev() {
        if row.cumulative_net < Decimal::ZERO {
            break;
        }
        payback = Some(row.month);
    }
    payback
}

/// Adds `total / months` (on the grid) to each of `months` slots from `first`,
/// the last slot taking the remainder so the slots add up to `total`.
fn spread(
    slots: &mut [Decimal],
    first: usize,
    months: u32,
    total: Decimal,
) -> Result<(), Undefined> {
    let share = on_grid(div(total, Decimal::from(months), Undefined::Overflow)?);
    let before_last = mul(share, Decimal::from(months - 1))?;
    let last = sub(total, before_last)?;
    for offset in 0..months as usize {
        let amount = if offset + 1 == months as usize {
            last
        } else {
            share
        };
        add_to(slots, first + offset, amount)?;
    }
    Ok(())
}

fn add_to(slots: &mut [Decimal], index: usize, amount: Decimal) -> Result<(), Undefined> {
    let slot = slots.get_mut(index).ok_or(Undefined::Overflow)?;
    *slot = add(*slot, amount)?;
    Ok(())
}

fn on_grid(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(SCHEDULE_DECIMALS, RoundingStrategy::MidpointNearestEven)
}
