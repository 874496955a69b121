//! The price sweep behind the main chart, by hand.

use super::support::{assert_figure, d, inputs};
use crate::engine::*;

#[test]
fn article_example_sweeps_to_one_and_a_half_break_even_prices() {
    let sweep = sweep(&Inputs::default(), 4);
    // max(2 × 120, 1.5 × 576, 10) = 864.
    assert_eq!(sweep.max_price, d("864"));
    let prices: Vec<String> = sweep
        .points
        .iter()
        .map(|point| point.price.to_string())
        .collect();
    assert_eq!(prices, ["0", "288", "576", "864"]);
    let [free, half, even, over] = &sweep.points[..] else {
        panic!("four points expected");
    };
    assert_figure(free.net_result, "28800");
    assert_eq!(free.roi, Err(Undefined::NoCost));
    assert_figure(half.net_result, "14400");
    assert_figure(half.roi, "1");
    assert_figure(even.net_result, "0");
    assert_figure(even.roi, "0");
    assert_figure(over.net_result, "-14400");
    assert_eq!(over.roi, Ok((d("-14400") / d("43200")).normalize()));
}

#[test]
fn max_price_is_the_largest_of_three() {
    let max_price = |pairs: &[(Field, &str)]| sweep(&inputs(pairs), 2).max_price;
    // Twice the price wins over 1.5 × 576.
    assert_eq!(max_price(&[(Field::Price, "500")]), d("1000"));
    // No break-even price (nothing billed), a low price: 10 €.
    assert_eq!(
        max_price(&[
            (Field::Price, "3"),
            (Field::Noshow, "100"),
            (Field::Basis, "held")
        ]),
        d("10")
    );
    // A negative break-even price never wins.
    assert_eq!(
        max_price(&[
            (Field::Price, "1"),
            (Field::Deal, "0"),
            (Field::Fixed, "100")
        ]),
        d("10")
    );
    // 1.5 × 15,500 / 60 = 387.4999…: rounded up to a 4-decimal price.
    assert_eq!(
        max_price(&[
            (Field::Meetings, "80"),
            (Field::Basis, "held"),
            (Field::Noshow, "25"),
            (Field::Setup, "1000"),
            (Field::Opp, "40"),
            (Field::Win, "30"),
            (Field::Deal, "10000"),
            (Field::Margin, "35"),
            (Field::Hours, "2.5"),
            (Field::Hourly, "40"),
            (Field::Fixed, "2000"),
        ]),
        d("387.5")
    );
}

#[test]
fn point_count_is_clamped() {
    let central = Inputs::default();
    assert_eq!(sweep(&central, 0).points.len(), 2);
    assert_eq!(sweep(&central, 1).points.len(), 2);
    assert_eq!(sweep(&central, 200).points.len(), 200);
    assert_eq!(sweep(&central, 1_000_000).points.len(), sweep::MAX_POINTS);
}

#[test]
fn prices_are_evenly_spaced_four_decimal_prices() {
    let sweep = sweep(&Inputs::default(), 200);
    let step = sweep.max_price / d("199");
    for (index, point) in sweep.points.iter().enumerate() {
        let exact = step * Decimal::from(index);
        assert!(
            (point.price - exact).abs() <= d("0.00005"),
            "{index}: {}",
            point.price
        );
        assert!(point.price.scale() <= 4);
    }
    assert_eq!(sweep.points[0].price, Decimal::ZERO);
    assert_eq!(sweep.points[199].price, sweep.max_price);
}
