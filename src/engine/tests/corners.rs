//! The corners of the input space: every input at a bound, together.

use crate::engine::*;

fn at_bounds(use_max: impl Fn(Field) -> bool) -> Inputs {
    let mut inputs = Inputs::default();
    for field in Field::ALL {
        let spec = field.spec();
        let plain = match spec.kind {
            FieldKind::Choice(tokens) => tokens[usize::from(use_max(field))].to_owned(),
            _ if use_max(field) => spec.max.to_string(),
            _ => spec.min.to_string(),
        };
        inputs.set(field, &plain).unwrap();
    }
    inputs
}

#[track_caller]
fn assert_no_overflow(inputs: &Inputs) -> Outcome {
    let outcome = evaluate(inputs);
    for id in FigureId::ALL {
        assert_ne!(
            outcome.figure(id),
            Err(Undefined::Overflow),
            "{id:?} for {inputs:?}"
        );
    }
    let horizon = inputs.months + inputs.cycle + 12 * inputs.years;
    assert_eq!(outcome.schedule.rows.len(), horizon as usize);
    let sweep = sweep(inputs, 50);
    assert_eq!(sweep.points.len(), 50);
    for point in &sweep.points {
        assert_ne!(point.net_result, Err(Undefined::Overflow));
        assert_ne!(point.roi, Err(Undefined::Overflow));
    }
    outcome
}

#[test]
fn all_maxima_together() {
    let outcome = assert_no_overflow(&at_bounds(|_| true));
    // Every booked meeting is a no-show at 100 %: nothing is held.
    assert_eq!(outcome.held, Ok(Decimal::ZERO));
    assert_eq!(outcome.schedule.rows.len(), 36 + 36 + 120);
}

#[test]
fn all_minima_together() {
    let outcome = assert_no_overflow(&at_bounds(|_| false));
    assert_eq!(outcome.total_cost, Ok(Decimal::ZERO));
    assert_eq!(outcome.roi, Err(Undefined::NoCost));
}

#[test]
fn the_largest_figures_the_bounds_allow() {
    // Everything at its maximum but the no-shows: 10^6 held meetings, all
    // signing 100 M€ baskets with ten years of 100 M€ renewals.
    let outcome = assert_no_overflow(&at_bounds(|field| field != Field::Noshow));
    assert_eq!(outcome.revenue, Ok(Decimal::from(100_000_000_000_000_i64)));
    assert_eq!(
        outcome.lifetime_margin,
        Ok(Decimal::from(1_100_000_000_000_000_i64))
    );
}

#[test]
fn the_smallest_divisors_the_bounds_allow() {
    // One meeting, 99.9999 % no-shows, billed on held meetings, tiny rates and
    // prices, huge fixed costs and target: every quotient at its largest.
    let mut inputs = at_bounds(|field| {
        matches!(
            field,
            Field::Basis
                | Field::Rounding
                | Field::Setup
                | Field::Hours
                | Field::Hourly
                | Field::Fixed
        )
    });
    for (field, plain) in [
        (Field::Noshow, "99.9999"),
        (Field::Price, "0.0001"),
        (Field::Opp, "0.0001"),
        (Field::Win, "0.0001"),
        (Field::Deal, "0.0001"),
        (Field::Margin, "0.0001"),
        (Field::Target, "-99.9999"),
        (Field::Multiple, "100"),
    ] {
        inputs.set(field, plain).unwrap();
    }
    let outcome = assert_no_overflow(&inputs);
    assert!(outcome.break_even_sale_rate.unwrap() > Decimal::from(1_000_000_000_000_i64));
}

#[test]
fn each_input_flipped_from_the_all_min_and_all_max_corners() {
    for base_is_max in [false, true] {
        for flipped in Field::ALL {
            let inputs = at_bounds(|field| (field == flipped) != base_is_max);
            assert_no_overflow(&inputs);
        }
    }
}
