//! The monthly schedule behind the payback month (spec, "Payback").
//!
//! Month 1 is the campaign's first month. The campaign's variable cost
//! (price × billed + held × hours × hourly) is spread evenly over `months`,
//! the one-off costs (setup + fixed) fall in month 1; each month's meetings
//! sign `cycle` months later and renew 12 k months after that. The horizon is
//! `months + cycle + 12 × years`, the month the last renewal arrives.
//!
//! Decision on rounding: each stream's amount to date at month t is its
//! total × (months of it elapsed) / months, the streams' sum divided once
//! and kept to [`SCHEDULE_DECIMALS`] decimals (10^-12 €, far below a cent);
//! a month's cost or margin is the difference between two such amounts to
//! date. So the months add up exactly to each total, an amount to date that
//! is exact (a cumulative net of exactly 0 included) is shown exact, and
//! the payback month is the spec's. The streams' totals come from the
//! results (the last margin stream is the lifetime margin minus the others;
//! month 1's one-off cost is the total cost minus the variable cost), and
//! the cumulative net at the horizon IS the `lifetime_net` figure. So the
//! schedule closes exactly on the number the results show, and "payback
//! none ⇔ cumulative net at the horizon < 0" holds exactly. (A total with
//! more than 12 decimals, which only sub-cent inputs produce, is taken
//! rounded to 12 decimals; the horizon step absorbs that sub-10^-12 €
//! difference. For the same reason a cumulative net within 10^-12 € of zero
//! counts as what it shows.) The common scale also keeps every running sum
//! exact and fast.

use rust_decimal::{Decimal, RoundingStrategy};

use super::arith::{add, sub};
use super::figure::Undefined;
use super::inputs::{MAX_MONTHS, MAX_YEARS};

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

    // Cost: the one-off costs in month 1, the variable cost over the campaign.
    let variable_cost = on_grid(totals.variable_cost);
    let one_off = sub(on_grid(totals.total_cost), variable_cost)?;
    let costs = [
        (Stream::OneOff, one_off),
        (Stream::Spread(0), variable_cost),
    ];

    // Margin: the first sales, then each renewal year, the last stream
    // taking what is left of the lifetime margin.
    let mut margin_totals: Vec<Decimal> = std::iter::once(totals.first_sale_margin)
        .chain(totals.renewal_margins.iter().copied())
        .map(on_grid)
        .collect();
    if let Some((last, others)) = margin_totals.split_last_mut() {
        let others_total = others
            .iter()
            .try_fold(Decimal::ZERO, |sum, total| add(sum, *total))?;
        *last = sub(on_grid(totals.lifetime_margin), others_total)?;
    }
    let margins: Vec<(Stream, Decimal)> = margin_totals
        .into_iter()
        .enumerate()
        .map(|(k, total)| (Stream::Spread(cycle + 12 * k as u32), total))
        .collect();

    let costs_to_date = to_date(&costs, horizon, months).ok_or(Undefined::Overflow)?;
    let margins_to_date = to_date(&margins, horizon, months).ok_or(Undefined::Overflow)?;
    let mut rows = Vec::with_capacity(len);
    let (mut cost_so_far, mut margin_so_far) = (Decimal::ZERO, Decimal::ZERO);
    for (month, (cost_by_now, margin_by_now)) in
        (1..=horizon).zip(costs_to_date.into_iter().zip(margins_to_date))
    {
        let cumulative_net = if month == horizon {
            totals.lifetime_net
        } else {
            sub(margin_by_now, cost_by_now)?
        };
        rows.push(MonthRow {
            month,
            cost: sub(cost_by_now, cost_so_far)?.normalize(),
            margin: sub(margin_by_now, margin_so_far)?.normalize(),
            cumulative_net: cumulative_net.normalize(),
        });
        (cost_so_far, margin_so_far) = (cost_by_now, margin_by_now);
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

/// When a stream's amount falls.
#[derive(Clone, Copy)]
enum Stream {
    /// All of it in month 1.
    OneOff,
    /// Evenly over `months` months, the first being the month after this
    /// many months (0: month 1).
    Spread(u32),
}

/// What the streams add up to by the end of each month to the horizon, on
/// the grid.
///
/// A stream's amount to date is `total × months elapsed / months`: the sum
/// of the numerators runs exactly (additions on the grid) and each month's
/// sum is divided once. So an amount that is exact at some month (say
/// 2,000 € after 3 of 6 months of 4,000 €) comes out exact, and costs and
/// margins equal at that month give a cumulative net of exactly 0, hence the
/// payback month the spec defines. Rounding equal monthly shares first made
/// that month 10^-12 € short, and payback a month late.
///
/// The sums run in whole 10^-12 € as integers: additions and one small
/// division a month. (In `Decimal`s the schedule cost three times as much,
/// and the longest one broke the engine's 50 µs budget.) `None` when an
/// amount does not fit (beyond 10^26 €): no input in bounds comes near,
/// and the totals themselves stay below 10^16 €.
fn to_date(streams: &[(Stream, Decimal)], horizon: u32, months: u32) -> Option<Vec<Decimal>> {
    let months = months.max(1);
    // What each month adds to (amount to date × months).
    let mut added = vec![0i128; horizon as usize];
    for (stream, total) in streams {
        let total = in_units(*total)?;
        match *stream {
            Stream::OneOff => {
                let first = added.first_mut()?;
                *first = first.checked_add(total.checked_mul(i128::from(months))?)?;
            }
            Stream::Spread(after) => {
                for slot in added.get_mut(after as usize..(after + months) as usize)? {
                    *slot = slot.checked_add(total)?;
                }
            }
        }
    }
    let mut times_months = 0i128;
    added
        .into_iter()
        .map(|amount| {
            times_months = times_months.checked_add(amount)?;
            let units = divided_half_even(times_months, months);
            Decimal::try_from_i128_with_scale(units, SCHEDULE_DECIMALS).ok()
        })
        .collect()
}

/// An amount on the grid as a whole number of 10^-12 €.
fn in_units(amount: Decimal) -> Option<i128> {
    let up = SCHEDULE_DECIMALS.checked_sub(amount.scale())?;
    amount.mantissa().checked_mul(10i128.checked_pow(up)?)
}

/// `amount / by`, rounded half to even (exactly, in integers).
fn divided_half_even(amount: i128, by: u32) -> i128 {
    let by = i128::from(by.max(1));
    // 64-bit division is one instruction; 128-bit is a library call.
    let (quotient, remainder) = match i64::try_from(amount) {
        Ok(small) => {
            let by = by as i64;
            (i128::from(small / by), i128::from(small % by))
        }
        Err(_) => (amount / by, amount % by),
    };
    let twice = remainder.abs() * 2;
    if twice > by || (twice == by && quotient % 2 != 0) {
        quotient + amount.signum()
    } else {
        quotient
    }
}

fn on_grid(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(SCHEDULE_DECIMALS, RoundingStrategy::MidpointNearestEven)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_division_rounds_once_half_to_even() {
        let cases = [
            (100, 3, 33),
            (200, 3, 67),
            (-200, 3, -67),
            (12_000, 6, 2_000),
            // Halfway: to the even neighbour, up or down.
            (5, 2, 2),
            (7, 2, 4),
            (-5, 2, -2),
            (-7, 2, -4),
            (0, 7, 0),
            // Beyond 64 bits.
            // (2^63 − 1 + ½ → 2^63, the even one.)
            (i128::from(i64::MAX) * 4 + 2, 4, i128::from(i64::MAX) + 1),
        ];
        for (amount, by, expected) in cases {
            assert_eq!(divided_half_even(amount, by), expected, "{amount} / {by}");
        }
    }

    #[test]
    fn amounts_to_date_add_up_exactly() {
        let d = |text: &str| text.parse::<Decimal>().unwrap();
        let streams = [
            (Stream::OneOff, d("7600")),
            (Stream::Spread(0), d("4000")),
            (Stream::Spread(1), d("-28800")),
        ];
        let amounts = to_date(&streams, 8, 6).unwrap();
        let text: Vec<String> = amounts.iter().map(|a| a.normalize().to_string()).collect();
        // 7,600 + 4,000 × k / 6 − 28,800 × (k − 1) / 6.
        assert_eq!(
            text,
            [
                "8266.666666666667",
                "4133.333333333333",
                "0",
                "-4133.333333333333",
                "-8266.666666666667",
                "-12400",
                "-17200",
                "-17200"
            ]
        );
        // Beyond the integers (10^26 € and more): an overflow, not a panic.
        let huge = [(Stream::OneOff, Decimal::MAX / Decimal::from(4))];
        assert_eq!(to_date(&huge, 1, 3), None);
    }
}
