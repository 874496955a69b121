//! How long one full evaluation (figures + monthly schedule) and the main
//! chart's 200-point price sweep take: the work the page redoes on every
//! keystroke. Target: ≤ 50 µs for both together. Also one checkpoint of
//! campaign tracking: its figures, and its odds over the risk panel's
//! default 10,000 trials (the risk simulation's own run is ~1.3 ms).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use teleprospection_roi::engine::*;

/// The spec's defaults: the article's worked example.
fn article_example() -> Inputs {
    Inputs::default()
}

/// The longest schedule the bounds allow (36 + 36 + 12 × 10 = 192 months,
/// eleven margin streams) with sub-cent values everywhere.
fn longest_schedule() -> Inputs {
    let (inputs, errors) = Inputs::from_plain([
        (Field::Meetings, "123457"),
        (Field::Price, "187.3333"),
        (Field::Basis, "held"),
        (Field::Noshow, "17.3333"),
        (Field::Setup, "2500.5"),
        (Field::Opp, "33.3333"),
        (Field::Win, "27.7777"),
        (Field::Rounding, "expected"),
        (Field::Deal, "7777.7777"),
        (Field::Margin, "41.4141"),
        (Field::Recurring, "3333.3333"),
        (Field::Retention, "83.3333"),
        (Field::Years, "10"),
        (Field::Hours, "2.3333"),
        (Field::Hourly, "61.1111"),
        (Field::Fixed, "12000.0001"),
        (Field::Months, "36"),
        (Field::Cycle, "36"),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    inputs
}

fn evaluation_and_sweep(c: &mut Criterion) {
    for (name, inputs) in [
        ("article example", article_example()),
        ("longest schedule", longest_schedule()),
    ] {
        c.bench_function(&format!("evaluate + sweep(200), {name}"), |b| {
            b.iter(|| {
                let outcome = evaluate(black_box(&inputs));
                let chart = sweep(black_box(&inputs), 200);
                (outcome, chart)
            })
        });
        c.bench_function(&format!("evaluate, {name}"), |b| {
            b.iter(|| evaluate(black_box(&inputs)))
        });
        c.bench_function(&format!("sweep(200), {name}"), |b| {
            b.iter(|| sweep(black_box(&inputs), 200))
        });
    }
}

/// Week 4 of a 12-week campaign on the default plan (every rate random),
/// and a checkpoint of a year-long campaign with large counts.
fn tracking(c: &mut Criterion) {
    let week_4 = Checkpoint {
        week: 4,
        booked: Decimal::from(24),
        held: Decimal::from(22),
        opps: Decimal::from(13),
        sales: Decimal::from(4),
        lost: Decimal::from(9),
        invoiced: None,
        revenue: None,
    };
    let large = Checkpoint {
        week: 30,
        booked: Decimal::from(61_234),
        held: Decimal::from(50_101),
        opps: Decimal::from(17_777),
        sales: Decimal::from(3_210),
        lost: Decimal::from(9_876),
        invoiced: Some(Decimal::new(110_000_005, 1)),
        revenue: None,
    };
    for (name, plan, checkpoint) in [
        ("week 4", article_example(), week_4),
        ("large counts", longest_schedule(), large),
    ] {
        c.bench_function(&format!("tracking figures, {name}"), |b| {
            b.iter(|| assess(black_box(&plan), black_box(&checkpoint), 20))
        });
        c.bench_function(&format!("tracking odds (10,000 trials), {name}"), |b| {
            b.iter(|| {
                odds(
                    black_box(&plan),
                    black_box(&checkpoint),
                    20,
                    DEFAULT_TRIALS,
                    DEFAULT_SEED,
                )
            })
        });
    }
}

criterion_group!(benches, evaluation_and_sweep, tracking);
criterion_main!(benches);
