//! A figure of the model: its exact value, or why it has none. A leaf: the
//! checked arithmetic, the evaluation and the schedule all speak it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Why a figure has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Undefined {
    /// Full cost is zero: nothing to divide a return by.
    NoCost,
    /// No meeting is held (all no-shows).
    NoHeldMeetings,
    /// Nothing is billed, so no price breaks even.
    NoBilledMeetings,
    /// No sale is signed (after rounding down, with `whole`).
    NoSales,
    /// A sale brings no margin (basket or margin rate is zero).
    NoMarginPerSale,
    /// A target ROI of −100 % asks for any price.
    TargetIsMinusHundred,
    /// The cumulative net is still negative at the horizon.
    NeverPaysBack,
    /// Beyond exact decimal arithmetic; only inputs outside the spec's bounds get here.
    Overflow,
}

/// One figure: its exact value, or why it is undefined.
pub type Figure = Result<Decimal, Undefined>;

/// The page's `data-value` for a figure: the plain decimal, or `""` when undefined.
pub fn data_value(figure: Figure) -> String {
    figure
        .map(|value| value.normalize().to_string())
        .unwrap_or_default()
}
