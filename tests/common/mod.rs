//! What the native property tests share: valid plain values drawn from the
//! engine's own field specs, so no test restates the spec's bounds.
#![allow(dead_code)] // each test crate uses its own part of it

use proptest::prelude::*;
use teleprospection_roi::engine::{Field, FieldKind};

/// A valid plain value for `field`, anywhere in its bounds.
pub fn plain_value(field: Field) -> BoxedStrategy<String> {
    spec_value(field.spec())
}

/// A valid plain value for an input of this spec.
pub fn spec_value(spec: teleprospection_roi::engine::FieldSpec) -> BoxedStrategy<String> {
    match spec.kind {
        FieldKind::Choice(tokens) => proptest::sample::select(tokens.to_vec())
            .prop_map(str::to_string)
            .boxed(),
        _ => {
            let scale = 10i64.pow(spec.max_decimals);
            let min = (spec.min * rust_decimal::Decimal::from(scale)).trunc();
            let max = (spec.max * rust_decimal::Decimal::from(scale)).trunc();
            let (min, max): (i64, i64) = (min.try_into().unwrap(), max.try_into().unwrap());
            (min..=max)
                .prop_map(move |units| {
                    rust_decimal::Decimal::new(units, spec.max_decimals)
                        .normalize()
                        .to_string()
                })
                .boxed()
        }
    }
}

/// A campaign that fits together, as the page records it: 0 to `max`
/// checkpoints in increasing weeks, each count at least the one before and
/// within the others (held ≤ booked, opps ≤ held, sales + lost ≤ opps), the
/// invoices and revenue given or following the plan.
pub fn campaign(
    max: usize,
) -> BoxedStrategy<Vec<teleprospection_roi::engine::tracking::Checkpoint>> {
    use rust_decimal::Decimal;
    use teleprospection_roi::engine::tracking::{Checkpoint, CheckpointField};
    let money = |field: CheckpointField| proptest::option::of(spec_value(field.spec()));
    let step = (
        1u32..4,
        (0u32..30, 0u32..30, 0u32..20, 0u32..10, 0u32..10),
        money(CheckpointField::Invoiced),
        money(CheckpointField::Revenue),
    );
    (1u32..6, proptest::collection::vec(step, 0..=max))
        .prop_map(|(start, steps)| {
            let mut checkpoints: Vec<Checkpoint> = Vec::new();
            let mut week = start;
            for (gap, (db, dh, dopp, ds, dl), invoiced, revenue) in steps {
                let previous = checkpoints.last().cloned();
                let mut next = Checkpoint::following(previous.as_ref());
                if previous.is_some() {
                    week += gap;
                }
                if week > 160 {
                    break;
                }
                next.week = week;
                let d = Decimal::from;
                next.booked += d(db);
                next.held = (next.held + d(dh)).min(next.booked);
                next.opps = (next.opps + d(dopp)).min(next.held);
                next.sales = (next.sales + d(ds)).min(next.opps - next.lost);
                next.lost = (next.lost + d(dl)).min(next.opps - next.sales);
                next.invoiced = invoiced.map(|v| v.parse().unwrap());
                next.revenue = revenue.map(|v| v.parse().unwrap());
                checkpoints.push(next);
            }
            checkpoints
        })
        .boxed()
}
