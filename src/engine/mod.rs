//! The reference ROI model (`shared/spec/roi-model.md`), in exact decimal arithmetic.
//!
//! Pure and platform-free: no browser API, no floating point for money. Every
//! operation is checked, so a figure that would leave [`Decimal`]'s range is
//! `Err(Undefined::Overflow)`, never a panic.
//!
//! - [`inputs`]: the twenty inputs, their bounds, defaults and plain-text form
//!   (the share link's and the UI's);
//! - [`evaluate()`]: every figure of the spec, with the reason a figure is undefined;
//! - [`schedule()`]: the monthly cost / margin schedule behind the payback month;
//! - [`sweep()`]: net result and ROI as functions of the price per meeting;
//! - [`derive_variant`]: the prudent and ambitious readings of a scenario.

mod arith;
pub mod capacity;
pub mod compare;
pub mod evaluate;
pub mod field;
pub mod figure;
pub mod inputs;
pub mod plan;
pub mod risk;
pub mod scenarios;
pub mod schedule;
pub mod segments;
pub mod sweep;
pub mod tracking;

#[cfg(test)]
mod tests;

pub use crate::keyed::Keyed;
pub use capacity::{
    capacity, Capacity, CapacityField, CapacityFigureId, CapacityInputs, CapacityUndefined,
};
pub use compare::{
    compare, verdict, CompareField, CompareFigure, CompareInputs, Comparison, Model, ModelOutcome,
    TeamInputs, TimeInputs, Verdict,
};
pub use evaluate::schedule;
pub use evaluate::{
    data_value, evaluate, net_result_at_price, Figure, FigureId, FigureUnit, Outcome, Undefined,
};
pub use field::{parse_number, FieldKind, FieldSet, FieldSpec, InputField, Problem};
pub use inputs::{parse_plain, Basis, Field, FieldError, Inputs, Rounding, Value};
pub use plan::{
    plan, GoalInputs, GoalKind, Plan, PlanField, PlanFigure, PlanFigureId, PlanUndefined,
};
pub use risk::{
    simulate, tornado, RangeField, Ranges, RiskInputs, RiskSummary, TornadoBar, Uncertain,
    DEFAULT_SEED, DEFAULT_TRIALS,
};
pub use rust_decimal::Decimal;
pub use scenarios::{derive_variant, Variant};
pub use schedule::{MonthRow, Schedule};
pub use segments::{rank, RankedSegment, Segment};
pub use sweep::{sweep, Sweep, SweepPoint};
pub use tracking::{
    assess, odds, track, track_checkpoint, Checkpoint, CheckpointField, CheckpointFigures,
    TrackFigureId, TrackVerdict, Tracking, TrackingInputs,
};
