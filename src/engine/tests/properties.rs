//! Properties over the whole bounded input space (and, for "never panics",
//! beyond it). Case counts are moderate so the suite stays fast on two cores.

use proptest::prelude::*;

use super::strategies::{unchecked_inputs, valid_inputs, valid_plain};
use crate::engine::*;

/// Any 4-decimal price the form accepts.
fn valid_price() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(0_i64),
        0_i64..=1_000_000_000,
        (0_u32..=9).prop_flat_map(|digits| 0..=10_i64.pow(digits)),
    ]
    .prop_map(|units| Decimal::new(units, 4))
}

fn with_price(inputs: &Inputs, price: Decimal) -> Inputs {
    Inputs {
        price,
        ..inputs.clone()
    }
}

fn tolerance(text: &str) -> Decimal {
    text.parse().expect("tolerance literal")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No panic, no overflow within the bounds, and the funnel only narrows.
    #[test]
    fn every_valid_scenario_evaluates(inputs in valid_inputs()) {
        let outcome = evaluate(&inputs);
        for id in FigureId::ALL {
            prop_assert_ne!(outcome.figure(id), Err(Undefined::Overflow), "{:?}", id);
        }
        let held = outcome.held.unwrap();
        let opportunities = outcome.opportunities.unwrap();
        let sales = outcome.sales.unwrap();
        prop_assert!(Decimal::ZERO <= held && held <= inputs.meetings);
        prop_assert!(opportunities <= held);
        prop_assert!(sales <= outcome.sales_expected.unwrap());
        prop_assert!(outcome.sales_expected.unwrap() <= opportunities);
        prop_assert!(Decimal::ZERO <= sales);
        prop_assert_eq!(
            outcome.guardrail_multiple_ok,
            outcome.margin_per_sale.unwrap() >= inputs.multiple * inputs.price
        );
        prop_assert_eq!(
            outcome.guardrail_ltv_cac_ok,
            matches!(outcome.ltv_to_cac, Ok(ratio) if ratio >= Decimal::from(3))
        );
    }

    /// The schedule runs to the horizon, adds up to the totals and closes on
    /// the lifetime net; payback is none exactly when that is negative.
    #[test]
    fn schedule_adds_up_and_payback_follows_the_cumulative_net(inputs in valid_inputs()) {
        let outcome = evaluate(&inputs);
        let schedule = &outcome.schedule;
        prop_assert_eq!(Ok(schedule.clone()), crate::engine::schedule(&inputs));
        let horizon = inputs.months + inputs.cycle + 12 * inputs.years;
        prop_assert_eq!(schedule.rows.len(), horizon as usize);
        let last = schedule.rows.last().unwrap();
        prop_assert_eq!(Ok(last.cumulative_net), outcome.lifetime_net);
        prop_assert_eq!(schedule.payback_month.is_none(), last.cumulative_net < Decimal::ZERO);
        prop_assert_eq!(
            outcome.payback_month,
            schedule.payback_month.map(Decimal::from).ok_or(Undefined::NeverPaysBack)
        );
        if let Some(month) = schedule.payback_month {
            let from = month as usize - 1;
            prop_assert!(schedule.rows[from..].iter().all(|row| row.cumulative_net >= Decimal::ZERO));
            prop_assert!(from == 0 || schedule.rows[from - 1].cumulative_net < Decimal::ZERO);
        }
        // Before the horizon each cumulative net is the previous one plus the month.
        let mut running = Decimal::ZERO;
        for row in &schedule.rows[..schedule.rows.len() - 1] {
            running += row.margin - row.cost;
            prop_assert_eq!(row.cumulative_net, running, "month {}", row.month);
        }
        // The months add up to the totals on the 10^-12 grid.
        let grid = tolerance("0.000000000001");
        let costs: Decimal = schedule.rows.iter().map(|row| row.cost).sum();
        let margins: Decimal = schedule.rows.iter().map(|row| row.margin).sum();
        prop_assert_eq!(costs, outcome.total_cost.unwrap().round_dp(12));
        prop_assert_eq!(margins, outcome.lifetime_margin.unwrap().round_dp(12));
        prop_assert!((running + last.margin - last.cost - last.cumulative_net).abs() <= grid);
    }

    /// net(p1) + net(p3) = 2 net((p1 + p3) / 2): everything but the provider's
    /// bill is fixed, and the bill is price × billed.
    #[test]
    fn net_result_is_linear_in_price(inputs in valid_inputs(), p1 in valid_price(), p3 in valid_price()) {
        let p2 = (p1 + p3) / Decimal::TWO;
        let net = |price| net_result_at_price(&inputs, price).unwrap();
        let curvature = net(p1) + net(p3) - Decimal::TWO * net(p2);
        prop_assert!(curvature.abs() <= tolerance("0.000000000001"), "{}", curvature);
    }

    /// At the break-even price the net result is zero, up to the rounding of a
    /// 28-digit quotient: break_even_price × billed rebuilds the numerator only
    /// to Decimal's last digit (relative error ~10^-27, absolute at most
    /// billed × 10^-28 where the quotient hits the 28-decimal floor), and the
    /// final difference rounds once more at the scale of the largest term.
    /// 10^-20 of the largest term (at least 1 €) covers both with a wide margin
    /// and is still far below anything shown.
    #[test]
    fn break_even_price_zeroes_the_net_result(inputs in valid_inputs()) {
        let outcome = evaluate(&inputs);
        if let Ok(price) = outcome.break_even_price {
            let net = net_result_at_price(&inputs, price).unwrap();
            let largest = outcome.gross_margin.unwrap().abs()
                .max(inputs.setup)
                .max(outcome.internal_cost.unwrap())
                .max(Decimal::ONE);
            prop_assert!(net.abs() <= largest * tolerance("0.00000000000000000001"), "{}", net);
        } else {
            prop_assert_eq!(outcome.billed, Ok(Decimal::ZERO));
        }
    }

    /// ROI = gross margin / total cost − 1, and total cost grows with the price
    /// when something is billed: ROI falls as the price rises. Strictly when
    /// there is a margin at all (with none it is −1 at every price) and the
    /// exact drop is above the 28-digit arithmetic's resolution; never rises.
    #[test]
    fn roi_falls_as_price_rises(inputs in valid_inputs(), a in valid_price(), b in valid_price()) {
        prop_assume!(a != b);
        let (low, high) = (a.min(b), a.max(b));
        let at_low = evaluate(&with_price(&inputs, low));
        let at_high = evaluate(&with_price(&inputs, high));
        let billed = at_low.billed.unwrap();
        let (cost_low, cost_high) = (at_low.total_cost.unwrap(), at_high.total_cost.unwrap());
        prop_assume!(cost_low > Decimal::ZERO && billed > Decimal::ZERO);
        let (roi_low, roi_high) = (at_low.roi.unwrap(), at_high.roi.unwrap());
        let margin = at_low.gross_margin.unwrap();
        let resolution = tolerance("0.000000000000000000000001") * (Decimal::ONE + roi_low.abs());
        // The exact drop: margin × billed × (high − low) / (cost_low × cost_high).
        let drop = (margin * billed)
            .checked_mul(high - low)
            .and_then(|spread| spread.checked_div(cost_low * cost_high))
            .unwrap_or(Decimal::ZERO);
        if drop > resolution {
            prop_assert!(roi_high < roi_low, "{} !< {}", roi_high, roi_low);
        } else {
            prop_assert!(roi_high <= roi_low + resolution, "{} > {}", roi_high, roi_low);
        }
    }

    /// Every point of the sweep is a full evaluation at that price.
    #[test]
    fn sweep_points_are_direct_evaluations(inputs in valid_inputs(), points in 2_usize..=12) {
        let sweep = sweep(&inputs, points);
        prop_assert_eq!(sweep.points.len(), points);
        let outcome = evaluate(&inputs);
        prop_assert!(sweep.max_price >= inputs.price * Decimal::TWO);
        prop_assert!(sweep.max_price >= Decimal::TEN);
        if let Ok(break_even) = outcome.break_even_price {
            prop_assert!(sweep.max_price >= break_even * Decimal::new(15, 1));
        }
        prop_assert_eq!(sweep.points[0].price, Decimal::ZERO);
        prop_assert_eq!(sweep.points[points - 1].price, sweep.max_price);
        for point in &sweep.points {
            let direct = evaluate(&with_price(&inputs, point.price));
            prop_assert_eq!(point.net_result, direct.net_result);
            prop_assert_eq!(point.roi, direct.roi);
            prop_assert_eq!(data_value(point.roi), data_value(direct.roi));
            prop_assert_eq!(point.price.to_string(), point.price.normalize().to_string());
        }
    }

    /// The share link's promise: plain text gives back exactly the value, and
    /// writing it again gives the same text.
    #[test]
    fn plain_text_round_trips(inputs in valid_inputs()) {
        let mut rebuilt = Inputs::default();
        for field in Field::ALL {
            let plain = inputs.plain(field);
            prop_assert_eq!(rebuilt.set(field, &plain), Ok(()));
            prop_assert_eq!(rebuilt.plain(field), plain);
        }
        prop_assert_eq!(&rebuilt, &inputs);
        prop_assert_eq!(inputs.validate(), vec![]);
    }

    /// Derived variants are always valid inputs.
    #[test]
    fn variants_are_valid(inputs in valid_inputs()) {
        for variant in Variant::ALL {
            let derived = derive_variant(&inputs, variant);
            prop_assert_eq!(derived.validate(), vec![], "{:?}", variant);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any text at all is a value or a problem, never a panic; an accepted
    /// number is within the bounds, has at most max_decimals, and is the
    /// decimal the text spells.
    #[test]
    fn parsing_never_panics(
        field in proptest::sample::select(Field::ALL.to_vec()),
        text in prop_oneof![
            any::<String>(),
            "[ \t]?-?[0-9]{0,14}(\\.[0-9]{0,8})?[ \t]?",
            "[-+.eE0-9 ]{0,12}",
        ],
    ) {
        if let Ok(Value::Number(number)) = parse_plain(field, &text) {
            let spec = field.spec();
            prop_assert!(spec.min <= number && number <= spec.max);
            prop_assert!(number.scale() <= spec.max_decimals);
            prop_assert_eq!(Ok(number), text.trim().parse::<Decimal>());
        }
    }

    /// Valid plain text for a field is accepted as is.
    #[test]
    fn valid_plain_text_is_accepted(
        (field, text) in proptest::sample::select(Field::ALL.to_vec())
            .prop_flat_map(|field| (Just(field), valid_plain(field))),
    ) {
        let mut inputs = Inputs::default();
        prop_assert_eq!(inputs.set(field, &text), Ok(()));
        prop_assert_eq!(inputs.plain(field), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Out-of-bounds values (a tampered saved state) give undefined figures
    /// at worst, never a panic.
    #[test]
    fn unchecked_inputs_never_panic(inputs in unchecked_inputs()) {
        let outcome = evaluate(&inputs);
        let _ = sweep(&inputs, 7);
        let _ = crate::engine::schedule(&inputs);
        for variant in Variant::ALL {
            let _ = evaluate(&derive_variant(&inputs, variant));
        }
        for field in Field::ALL {
            let _ = inputs.plain(field);
        }
        let _ = inputs.validate();
        let _ = net_result_at_price(&inputs, Decimal::MAX);
        if outcome.payback_month != Err(Undefined::Overflow) {
            prop_assert!(!outcome.schedule.rows.is_empty());
        }
    }
}
