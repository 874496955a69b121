//! Tests of campaign tracking: the inputs and their checks, every figure
//! hand-computed (a 12-week campaign among them), the sampler, the odds, the
//! verdict, and properties over the whole input space.

mod checkpoint;
mod figures;
mod odds;
#[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
mod properties;
mod sampling;
mod verdict;

use rust_decimal::Decimal;

use super::*;
use crate::engine::risk::{to_f64, SplitMix64, DEFAULT_SEED};
use crate::engine::{Field, FieldKind, FigureUnit, Inputs, Problem, Undefined};

fn d(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|error| panic!("bad test decimal {text:?}: {error}"))
}

/// `num / den` as the engine's one rounded division gives it.
fn q(num: i64, den: i64) -> Decimal {
    Decimal::from(num) / Decimal::from(den)
}

fn plan(pairs: &[(Field, &str)]) -> Inputs {
    let (inputs, errors) = Inputs::from_plain(pairs.iter().copied());
    assert!(errors.is_empty(), "invalid test plan: {errors:?}");
    inputs
}

/// A checkpoint of whole counts, invoices and revenue following the plan.
fn chk(week: u32, booked: i64, held: i64, opps: i64, sales: i64, lost: i64) -> Checkpoint {
    Checkpoint {
        week,
        booked: Decimal::from(booked),
        held: Decimal::from(held),
        opps: Decimal::from(opps),
        sales: Decimal::from(sales),
        lost: Decimal::from(lost),
        invoiced: None,
        revenue: None,
    }
}

#[track_caller]
fn assert_fig(figure: TrackFigure, expected: Decimal) {
    assert_eq!(figure, Ok(expected.normalize()), "expected {expected}");
    assert_eq!(track_data_value(figure), expected.normalize().to_string());
}

/// Within 10^-24 of `expected`: for quotients the engine reaches by
/// another grouping than the test's one division.
#[track_caller]
fn assert_near(figure: TrackFigure, expected: Decimal) {
    let value = figure.unwrap_or_else(|reason| panic!("undefined: {reason:?}"));
    assert!(
        (value - expected).abs() <= d("0.000000000000000000000001"),
        "{value} is not {expected}"
    );
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

fn campaign(checkpoints: Vec<Checkpoint>) -> TrackingInputs {
    TrackingInputs {
        checkpoints,
        track_prior: DEFAULT_TRACK_PRIOR,
    }
}

/// A brisk provider: 24 of the 50 meetings booked by week 4, all 50 by week 12.
fn twelve_weeks() -> Vec<Checkpoint> {
    [
        (6, 6, 3, 0, 0),
        (12, 11, 6, 1, 2),
        (18, 17, 10, 2, 5),
        (24, 22, 13, 4, 9),
        (28, 26, 15, 4, 10),
        (32, 29, 17, 5, 11),
        (36, 33, 19, 6, 12),
        (40, 36, 21, 7, 13),
        (43, 39, 23, 7, 14),
        (46, 42, 24, 8, 15),
        (48, 44, 25, 8, 15),
        (50, 46, 26, 9, 16),
    ]
    .into_iter()
    .zip(1..)
    .map(|((booked, held, opps, sales, lost), week)| chk(week, booked, held, opps, sales, lost))
    .collect()
}
