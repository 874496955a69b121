//! Checked decimal steps that turn an out-of-range result into
//! [`Undefined::Overflow`] and a zero divisor into the caller's reason, so the
//! formulas read like the spec and can never panic.

use rust_decimal::Decimal;

use super::figure::{Figure, Undefined};

pub(crate) fn add(a: Decimal, b: Decimal) -> Figure {
    a.checked_add(b).ok_or(Undefined::Overflow)
}

pub(crate) fn sub(a: Decimal, b: Decimal) -> Figure {
    a.checked_sub(b).ok_or(Undefined::Overflow)
}

pub(crate) fn mul(a: Decimal, b: Decimal) -> Figure {
    a.checked_mul(b).ok_or(Undefined::Overflow)
}

/// `a / b`, or `Err(if_zero)` when `b` is zero (the spec's "undefined when …").
pub(crate) fn div(a: Decimal, b: Decimal, if_zero: Undefined) -> Figure {
    if b.is_zero() {
        return Err(if_zero);
    }
    a.checked_div(b).ok_or(Undefined::Overflow)
}
