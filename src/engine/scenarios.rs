//! The prudent and ambitious readings of a scenario.
//!
//! A single "central" answer hides how much of it rests on hopeful rates; the
//! decision tools (risk ranges, comparisons) default to these two variants.
//! Each moves the inputs nobody controls — no-shows, conversion, basket,
//! margin, time spent — by a fixed, documented amount, in the input's plain
//! unit (percentage points for rates). The price, volumes and costs the buyer
//! negotiates stay put. Every result is clamped into the field's bounds and
//! rounded to its `max_decimals` (half away from zero), so a derived variant
//! is always valid inputs.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::inputs::{Field, Inputs};

crate::keyed! {
    /// Which reading of a scenario.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Variant {
        Prudent = "prudent",
        Central = "central",
        Ambitious = "ambitious",
    }
}

/// How a variant moves one input, in that input's plain unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// Adds this many units (percentage points for a rate).
    Points(Decimal),
    /// Multiplies by this factor.
    Times(Decimal),
}

/// `units × 10^-scale`, negative when `negative`; a `const` decimal literal.
const fn decimal(units: u32, scale: u32, negative: bool) -> Decimal {
    Decimal::from_parts(units, 0, 0, negative, scale)
}

/// The prudent reading: what a buyer should plan for.
pub const PRUDENT: [(Field, Shift); 6] = [
    // No-shows run above the provider's promise once meetings are real.
    (Field::Noshow, Shift::Points(decimal(10, 0, false))),
    // Meetings booked by a third party qualify less often than one's own.
    (Field::Opp, Shift::Times(decimal(8, 1, false))),
    // Cold opportunities close less often than warm ones.
    (Field::Win, Shift::Times(decimal(8, 1, false))),
    // New customers start with smaller baskets and ask for discounts.
    (Field::Deal, Shift::Times(decimal(85, 2, false))),
    // Discounts and onboarding eat into the margin of the first sales.
    (Field::Margin, Shift::Points(decimal(5, 0, true))),
    // Unfamiliar prospects take longer to prepare for and follow up.
    (Field::Hours, Shift::Times(decimal(125, 2, false))),
];

/// The ambitious reading: what a campaign that goes well looks like; smaller
/// moves than the prudent ones, since surprises are rarely on the upside.
pub const AMBITIOUS: [(Field, Shift); 6] = [
    // A well-targeted list and reminders keep no-shows down.
    (Field::Noshow, Shift::Points(decimal(5, 0, true))),
    // Good targeting brings more qualified opportunities.
    (Field::Opp, Shift::Times(decimal(12, 1, false))),
    // A well-briefed provider brings prospects closer to buying.
    (Field::Win, Shift::Times(decimal(12, 1, false))),
    // Better-fitting customers buy more.
    (Field::Deal, Shift::Times(decimal(115, 2, false))),
    // Fewer discounts are needed to close.
    (Field::Margin, Shift::Points(decimal(5, 0, false))),
    // Well-qualified meetings need less preparation and chasing.
    (Field::Hours, Shift::Times(decimal(9, 1, false))),
];

/// The `variant` reading of `central` (a clone for [`Variant::Central`]).
pub fn derive_variant(central: &Inputs, variant: Variant) -> Inputs {
    let shifts: &[(Field, Shift)] = match variant {
        Variant::Prudent => &PRUDENT,
        Variant::Central => return central.clone(),
        Variant::Ambitious => &AMBITIOUS,
    };
    let mut derived = central.clone();
    for &(field, shift) in shifts {
        let Some(value) = central.number(field) else {
            continue;
        };
        let spec = field.spec();
        let moved = match shift {
            Shift::Points(points) => value.checked_add(points),
            Shift::Times(factor) => value.checked_mul(factor),
        };
        // Only an out-of-bounds central value can overflow: it goes to the bound on its side.
        let moved = moved.unwrap_or(if value.is_sign_negative() {
            spec.min
        } else {
            spec.max
        });
        let valid = moved
            .clamp(spec.min, spec.max)
            .round_dp_with_strategy(spec.max_decimals, RoundingStrategy::MidpointAwayFromZero);
        derived.store_number(field, valid);
    }
    derived
}
