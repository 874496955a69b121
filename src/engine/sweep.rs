//! Net result and ROI as functions of the price per meeting, everything else
//! fixed (the main chart).
//!
//! Only the price moves, so the price-independent part of the model (funnel,
//! revenue, internal cost) is computed once and each point costs a product,
//! two sums, a difference and a quotient. Each point goes through the same
//! code as [`evaluate()`](super::evaluate::evaluate), so it equals a full
//! evaluation at that price to the last digit.
//!
//! Every price of the sweep is a price the form accepts (at most 4 decimals):
//! `max_price` is rounded up to 4 decimals and each point to the nearest
//! 0.0001 € (half up), so points are evenly spaced to within 0.0001 €. Short
//! prices also keep each point's arithmetic short and fast.

use rust_decimal::{Decimal, RoundingStrategy};

use super::arith::mul;
use super::evaluate::{self, Figure};
use super::inputs::{Field, Inputs};

/// Most points a sweep computes (a chart is a few hundred pixels wide).
pub const MAX_POINTS: usize = 10_000;

/// One price of the sweep and the figures at that price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SweepPoint {
    pub price: Decimal,
    pub net_result: Figure,
    pub roi: Figure,
}

/// Evenly spaced prices from 0 to `max_price` inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sweep {
    pub points: Vec<SweepPoint>,
    /// max(2 × price, 1.5 × break-even price, 10 €), rounded up to 4 decimals:
    /// the current and the break-even prices are both on the chart, with room
    /// to see the trend.
    pub max_price: Decimal,
}

/// `points` evenly spaced prices from 0 to [`Sweep::max_price`], `points`
/// clamped to 2..=[`MAX_POINTS`].
pub fn sweep(inputs: &Inputs, points: usize) -> Sweep {
    let count = points.clamp(2, MAX_POINTS);
    let funnel = evaluate::funnel(inputs);
    let max_price = max_price(inputs.price, evaluate::break_even_price(&funnel));
    let points = price_grid(max_price, count)
        .map(|price| {
            let at_price = evaluate::priced(&funnel, price);
            SweepPoint {
                price,
                net_result: at_price.net_result.map(evaluate::normalized),
                roi: at_price.roi.map(evaluate::normalized),
            }
        })
        .collect();
    Sweep { points, max_price }
}

/// max(2 × price, 1.5 × break-even price, 10), rounded up to 4 decimals.
fn max_price(price: Decimal, break_even_price: Figure) -> Decimal {
    let twice_price = mul(price, Decimal::TWO);
    let past_break_even = break_even_price.and_then(|price| mul(price, Decimal::new(15, 1)));
    [twice_price, past_break_even]
        .into_iter()
        .filter_map(Result::ok)
        .fold(Decimal::TEN, Decimal::max)
        .round_dp_with_strategy(
            Field::Price.spec().max_decimals,
            RoundingStrategy::ToPositiveInfinity,
        )
        .normalize()
}

/// `count` prices from 0 to `max_price` (which has at most 4 decimals), each
/// `max_price × index / (count − 1)` rounded half up to 0.0001 €. Computed in
/// whole ten-thousandths of a euro, by stepping a quotient and a remainder:
/// exact, and no division per point (128-bit division is slow).
fn price_grid(max_price: Decimal, count: usize) -> impl Iterator<Item = Decimal> {
    let mut units = max_price;
    // A top price too large for 4 decimals keeps fewer (inputs out of bounds only).
    units.rescale(Field::Price.spec().max_decimals);
    let (top, scale) = (units.mantissa(), units.scale());
    let intervals = i128::try_from(count.saturating_sub(1).max(1)).unwrap_or(i128::MAX);
    // top = step × intervals + spare, so top × index = whole × intervals + rest.
    let step = top.checked_div(intervals).unwrap_or(0);
    let spare = top.checked_rem(intervals).unwrap_or(0);
    let (mut whole, mut rest) = (0_i128, 0_i128);
    (0..count).map_while(move |index| {
        if index > 0 {
            whole = whole.checked_add(step)?;
            rest = rest.checked_add(spare)?;
            if rest >= intervals {
                rest = rest.checked_sub(intervals)?;
                whole = whole.checked_add(1)?;
            }
        }
        // Half up: the remainder is at least half an interval.
        let rounded = if rest.checked_mul(2)? >= intervals {
            whole.checked_add(1)?
        } else {
            whole
        };
        Decimal::try_from_i128_with_scale(rounded, scale)
            .ok()
            .map(|price| price.normalize())
    })
}
