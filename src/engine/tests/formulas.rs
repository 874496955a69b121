//! Every formula of the spec against figures computed by hand.

use super::support::{assert_figure, d, inputs, value};
use crate::engine::*;

#[test]
fn article_example_gives_the_spec_figures() {
    let outcome = evaluate(&Inputs::default());
    // The figures the spec states for its defaults.
    assert_figure(outcome.total_cost, "6000");
    assert_figure(outcome.sales_expected, "12.5");
    assert_figure(outcome.sales, "12");
    assert_figure(outcome.revenue, "72000");
    assert_figure(outcome.gross_margin, "28800");
    assert_figure(outcome.net_result, "22800");
    assert_figure(outcome.roi, "3.8");
    assert_figure(outcome.margin_multiple, "4.8");
    assert_figure(outcome.payback_month, "3");
    // The rest, by hand: 50 held, 25 opportunities, 6,000 € of provider cost.
    assert_figure(outcome.held, "50");
    assert_figure(outcome.billed, "50");
    assert_figure(outcome.opportunities, "25");
    assert_figure(outcome.provider_cost, "6000");
    assert_figure(outcome.internal_cost, "0");
    assert_figure(outcome.provider_cost_per_held, "120");
    assert_figure(outcome.cost_per_held, "120");
    assert_figure(outcome.cost_per_sale, "500");
    assert_figure(outcome.margin_per_sale, "2400");
    assert_figure(outcome.ltv_revenue, "6000");
    assert_figure(outcome.ltv_margin, "2400");
    assert_figure(outcome.lifetime_margin, "28800");
    assert_figure(outcome.lifetime_net, "22800");
    assert_figure(outcome.lifetime_roi, "3.8");
    assert_figure(outcome.ltv_to_cac, "4.8");
    // 28,800 / 50 meetings; at +100 % the cost may be half the margin.
    assert_figure(outcome.break_even_price, "576");
    assert_figure(outcome.max_price_for_target, "288");
    // 6,000 / (50 × 2,400): one held meeting in twenty must sign.
    assert_figure(outcome.break_even_sale_rate, "0.05");
    assert!(outcome.guardrail_multiple_ok, "2,400 ≥ 3 × 120");
    assert!(outcome.guardrail_ltv_cac_ok, "4.8 ≥ 3");
    assert_eq!(data_value(outcome.roi), "3.8");
}

#[test]
fn faq_case_is_an_roi_of_two() {
    // 15 sales at 3,000 € of margin each = 45,000 € for 15,000 € spent.
    let outcome = evaluate(&inputs(&[
        (Field::Meetings, "100"),
        (Field::Price, "150"),
        (Field::Opp, "50"),
        (Field::Win, "30"),
        (Field::Deal, "7500"),
        (Field::Margin, "40"),
    ]));
    assert_figure(outcome.sales, "15");
    assert_figure(outcome.gross_margin, "45000");
    assert_figure(outcome.total_cost, "15000");
    assert_figure(outcome.net_result, "30000");
    assert_figure(outcome.roi, "2");
    assert_figure(outcome.margin_multiple, "3");
}

/// 80 booked, 25 % no-shows, billed on held meetings, set-up fee, internal time.
fn held_basis_case() -> Vec<(Field, &'static str)> {
    vec![
        (Field::Meetings, "80"),
        (Field::Price, "150"),
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
        (Field::Months, "4"),
        (Field::Cycle, "3"),
    ]
}

/// `expected` is the quotient's leading digits: the engine keeps 28 significant digits.
#[track_caller]
fn assert_quotient(figure: Figure, numerator: &str, denominator: &str, leading: &str) {
    assert_eq!(figure, Ok((d(numerator) / d(denominator)).normalize()));
    assert!(
        data_value(figure).starts_with(leading),
        "{} does not start with {leading}",
        data_value(figure)
    );
}

#[test]
fn held_basis_with_no_shows_setup_and_internal_costs() {
    let outcome = evaluate(&inputs(&held_basis_case()));
    assert_figure(outcome.held, "60"); // 80 × 0.75
    assert_figure(outcome.billed, "60");
    assert_figure(outcome.opportunities, "24");
    assert_figure(outcome.sales_expected, "7.2");
    assert_figure(outcome.sales, "7");
    assert_figure(outcome.provider_cost, "10000"); // 150 × 60 + 1,000
    assert_figure(outcome.internal_cost, "8000"); // 60 × 2.5 × 40 + 2,000
    assert_figure(outcome.total_cost, "18000");
    assert_figure(outcome.revenue, "70000");
    assert_figure(outcome.gross_margin, "24500");
    assert_figure(outcome.net_result, "6500");
    assert_quotient(outcome.roi, "6500", "18000", "0.36111111111");
    assert_quotient(outcome.margin_multiple, "24500", "18000", "1.36111111111");
    assert_quotient(
        outcome.provider_cost_per_held,
        "10000",
        "60",
        "166.6666666666",
    );
    assert_figure(outcome.cost_per_held, "300");
    assert_quotient(outcome.cost_per_sale, "18000", "7", "2571.428571428");
    assert_figure(outcome.margin_per_sale, "3500");
    assert_figure(outcome.ltv_revenue, "10000");
    assert_figure(outcome.ltv_margin, "3500");
    assert_figure(outcome.lifetime_margin, "24500");
    assert_figure(outcome.lifetime_net, "6500");
    assert_eq!(outcome.lifetime_roi, outcome.roi);
    // 3,500 / (18,000 / 7) = 49 / 36, through the rounded CAC.
    assert!(data_value(outcome.ltv_to_cac).starts_with("1.36111111111"));
    // (24,500 − 1,000 − 8,000) / 60 and (12,250 − 1,000 − 8,000) / 60.
    assert_quotient(outcome.break_even_price, "15500", "60", "258.33333333");
    assert_quotient(outcome.max_price_for_target, "3250", "60", "54.1666666666");
    // 18,000 / (60 × 3,500).
    assert_quotient(
        outcome.break_even_sale_rate,
        "18000",
        "210000",
        "0.0857142857",
    );
    assert!(outcome.guardrail_multiple_ok, "3,500 ≥ 3 × 150");
    assert!(!outcome.guardrail_ltv_cac_ok, "1.36 < 3");
    // Costs 6,750 then 3,750 × 3; margin 6,125 in months 4 to 7.
    assert_figure(outcome.payback_month, "6");
}

#[test]
fn booked_basis_bills_the_no_shows_too() {
    let mut pairs = held_basis_case();
    pairs.push((Field::Basis, "booked"));
    let outcome = evaluate(&inputs(&pairs));
    assert_figure(outcome.billed, "80");
    assert_figure(outcome.provider_cost, "13000"); // 150 × 80 + 1,000
    assert_figure(outcome.total_cost, "21000");
    assert_figure(outcome.net_result, "3500");
    assert_quotient(
        outcome.provider_cost_per_held,
        "13000",
        "60",
        "216.666666666",
    );
    assert_figure(outcome.cost_per_held, "350");
    assert_figure(outcome.break_even_price, "193.75"); // 15,500 / 80
}

#[test]
fn expected_rounding_keeps_fractional_sales() {
    let mut pairs = held_basis_case();
    pairs.push((Field::Rounding, "expected"));
    let outcome = evaluate(&inputs(&pairs));
    assert_figure(outcome.sales, "7.2");
    assert_figure(outcome.revenue, "72000");
    assert_figure(outcome.gross_margin, "25200");
    assert_figure(outcome.net_result, "7200");
    assert_figure(outcome.roi, "0.4");
    assert_figure(outcome.cost_per_sale, "2500");
    assert_figure(outcome.lifetime_margin, "25200");
    assert_figure(outcome.ltv_to_cac, "1.4");
    // The sale rate needed does not depend on rounding.
    assert_quotient(
        outcome.break_even_sale_rate,
        "18000",
        "210000",
        "0.0857142857",
    );
}

#[test]
fn whole_rounding_floors_sales() {
    let outcome = evaluate(&inputs(&[(Field::Win, "39.9999")]));
    // 25 × 0.399999 = 9.999975 expected, 9 whole.
    assert_figure(outcome.sales_expected, "9.999975");
    assert_figure(outcome.sales, "9");
}

#[test]
fn renewals_with_retention_build_the_lifetime_value() {
    let outcome = evaluate(&inputs(&[
        (Field::Recurring, "2000"),
        (Field::Retention, "50"),
        (Field::Years, "3"),
    ]));
    // 6,000 + 2,000 × (0.5 + 0.25 + 0.125).
    assert_figure(outcome.ltv_revenue, "7750");
    assert_figure(outcome.ltv_margin, "3100");
    assert_figure(outcome.lifetime_margin, "37200"); // 12 × 3,100
    assert_figure(outcome.lifetime_net, "31200");
    assert_figure(outcome.lifetime_roi, "5.2");
    assert_figure(outcome.ltv_to_cac, "6.2"); // 3,100 / 500
                                              // First-sale figures do not move.
    assert_figure(outcome.net_result, "22800");
    assert_figure(outcome.payback_month, "3");

    let outcome = evaluate(&inputs(&[
        (Field::Recurring, "2000"),
        (Field::Retention, "80"),
        (Field::Years, "2"),
    ]));
    assert_figure(outcome.ltv_revenue, "8880"); // 6,000 + 1,600 + 1,280
}

#[test]
fn target_roi_sets_the_max_price() {
    let max_price =
        |target: &str| evaluate(&inputs(&[(Field::Target, target)])).max_price_for_target;
    assert_figure(max_price("0"), "576"); // the break-even price
    assert_figure(max_price("50"), "384"); // 28,800 / 1.5 / 50
    assert_figure(max_price("-50"), "1152"); // 28,800 / 0.5 / 50
                                             // 28,800 / 101 / 50, through two roundings.
    assert!(data_value(max_price("10000")).starts_with("5.702970297029"));
    assert_eq!(max_price("-100"), Err(Undefined::TargetIsMinusHundred));
}

#[test]
fn no_cost_leaves_the_ratios_undefined() {
    let outcome = evaluate(&inputs(&[(Field::Price, "0")]));
    assert_figure(outcome.total_cost, "0");
    assert_figure(outcome.net_result, "28800");
    assert_eq!(outcome.roi, Err(Undefined::NoCost));
    assert_eq!(outcome.margin_multiple, Err(Undefined::NoCost));
    assert_eq!(outcome.lifetime_roi, Err(Undefined::NoCost));
    // Sales exist but cost nothing: the CAC is 0 and LTV:CAC undefined.
    assert_figure(outcome.cost_per_sale, "0");
    assert_eq!(outcome.ltv_to_cac, Err(Undefined::NoCost));
    assert!(!outcome.guardrail_ltv_cac_ok);
    assert_figure(outcome.cost_per_held, "0");
    assert_figure(outcome.break_even_sale_rate, "0");
    assert_figure(outcome.break_even_price, "576");
    assert_figure(outcome.payback_month, "1");
    assert_eq!(data_value(outcome.roi), "");
}

#[test]
fn no_held_meeting_leaves_per_held_figures_undefined() {
    let outcome = evaluate(&inputs(&[(Field::Noshow, "100")]));
    assert_figure(outcome.held, "0");
    assert_figure(outcome.billed, "50"); // booked: no-shows are billed
    assert_figure(outcome.sales, "0");
    assert_figure(outcome.roi, "-1");
    assert_eq!(
        outcome.provider_cost_per_held,
        Err(Undefined::NoHeldMeetings)
    );
    assert_eq!(outcome.cost_per_held, Err(Undefined::NoHeldMeetings));
    assert_eq!(outcome.break_even_sale_rate, Err(Undefined::NoHeldMeetings));
    assert_eq!(outcome.cost_per_sale, Err(Undefined::NoSales));
    assert_eq!(outcome.ltv_to_cac, Err(Undefined::NoSales));
    assert_figure(outcome.break_even_price, "0");
    assert_eq!(outcome.payback_month, Err(Undefined::NeverPaysBack));
    assert!(!outcome.guardrail_ltv_cac_ok);

    // Billed on held meetings, nothing is billed and no price breaks even.
    let outcome = evaluate(&inputs(&[(Field::Noshow, "100"), (Field::Basis, "held")]));
    assert_figure(outcome.billed, "0");
    assert_eq!(outcome.break_even_price, Err(Undefined::NoBilledMeetings));
    assert_eq!(
        outcome.max_price_for_target,
        Err(Undefined::NoBilledMeetings)
    );
    assert_eq!(outcome.roi, Err(Undefined::NoCost));
}

#[test]
fn no_whole_sale_leaves_the_cac_undefined() {
    // 4 × 0.5 × 0.25 = 0.5 expected sale, 0 whole.
    let outcome = evaluate(&inputs(&[(Field::Meetings, "4"), (Field::Win, "25")]));
    assert_figure(outcome.sales_expected, "0.5");
    assert_figure(outcome.sales, "0");
    assert_eq!(outcome.cost_per_sale, Err(Undefined::NoSales));
    assert_eq!(outcome.ltv_to_cac, Err(Undefined::NoSales));
    assert_figure(outcome.gross_margin, "0");
    assert_figure(outcome.roi, "-1");
}

#[test]
fn no_margin_per_sale_leaves_the_break_even_sale_rate_undefined() {
    for (field, zero) in [(Field::Deal, "0"), (Field::Margin, "0")] {
        let outcome = evaluate(&inputs(&[(field, zero)]));
        assert_figure(outcome.margin_per_sale, "0");
        assert_eq!(
            outcome.break_even_sale_rate,
            Err(Undefined::NoMarginPerSale)
        );
        assert_eq!(outcome.payback_month, Err(Undefined::NeverPaysBack));
    }
}

#[test]
fn guardrails_are_inclusive() {
    // Margin per sale 1,000 × 36 % = 360 = 3 × 120.
    let multiple_ok = |price: &str| {
        evaluate(&inputs(&[
            (Field::Deal, "1000"),
            (Field::Margin, "36"),
            (Field::Price, price),
        ]))
        .guardrail_multiple_ok
    };
    assert!(multiple_ok("120"));
    assert!(!multiple_ok("120.0001"));

    // 50 × 192 = 9,600 € for 12 sales: CAC 800, LTV:CAC 2,400 / 800 = 3.
    let at_192 = evaluate(&inputs(&[(Field::Price, "192")]));
    assert_figure(at_192.ltv_to_cac, "3");
    assert!(at_192.guardrail_ltv_cac_ok);
    assert!(!evaluate(&inputs(&[(Field::Price, "192.0001")])).guardrail_ltv_cac_ok);

    // A cost per sale that does not terminate: 9,584 / 12 = 798.66…7. LTV
    // 5,990 × 40 % = 2,396, and 2,396 × 12 / 9,584 = 3 exactly; dividing by
    // the rounded cost per sale gave 2.99…9 and a failed guardrail.
    let exactly_three = evaluate(&inputs(&[(Field::Deal, "5990"), (Field::Fixed, "3584")]));
    assert!(data_value(exactly_three.cost_per_sale).starts_with("798.666666"));
    assert_figure(exactly_three.ltv_to_cac, "3");
    assert!(exactly_three.guardrail_ltv_cac_ok);
}

#[test]
fn net_result_at_price_is_the_evaluated_net_result() {
    let central = inputs(&held_basis_case());
    for price in ["0", "0.0001", "99.9999", "258.3333", "100000"] {
        let mut priced = central.clone();
        priced.set(Field::Price, price).unwrap();
        assert_eq!(
            net_result_at_price(&central, d(price)),
            evaluate(&priced).net_result
        );
    }
    assert_figure(net_result_at_price(&Inputs::default(), d("576")), "0");
}

#[test]
fn figure_ids_carry_the_spec_test_ids() {
    let spec_list = [
        "held",
        "billed",
        "opportunities",
        "sales-expected",
        "sales",
        "provider-cost",
        "internal-cost",
        "total-cost",
        "revenue",
        "gross-margin",
        "net-result",
        "roi",
        "margin-multiple",
        "provider-cost-per-held",
        "cost-per-held",
        "cost-per-sale",
        "margin-per-sale",
        "ltv-revenue",
        "ltv-margin",
        "lifetime-margin",
        "lifetime-net",
        "lifetime-roi",
        "ltv-to-cac",
        "break-even-price",
        "max-price-for-target",
        "break-even-sale-rate",
        "payback-month",
    ];
    let ids: Vec<&str> = FigureId::ALL.iter().map(|id| id.testid()).collect();
    assert_eq!(ids, spec_list);
    for id in FigureId::ALL {
        assert_eq!(FigureId::from_testid(id.testid()), Some(id));
    }
    assert_eq!(FigureId::from_testid("roi "), None);
    assert_eq!(FigureId::Roi.unit(), FigureUnit::Ratio);
    assert_eq!(FigureId::BreakEvenSaleRate.unit(), FigureUnit::Ratio);
    assert_eq!(FigureId::LtvToCac.unit(), FigureUnit::Multiple);
    assert_eq!(FigureId::SalesExpected.unit(), FigureUnit::Count);
    assert_eq!(FigureId::PaybackMonth.unit(), FigureUnit::Month);
    assert_eq!(FigureId::MaxPriceForTarget.unit(), FigureUnit::Money);
}

#[test]
fn outcome_figure_reads_the_named_field() {
    let outcome = evaluate(&inputs(&held_basis_case()));
    let by_name = [
        outcome.held,
        outcome.billed,
        outcome.opportunities,
        outcome.sales_expected,
        outcome.sales,
        outcome.provider_cost,
        outcome.internal_cost,
        outcome.total_cost,
        outcome.revenue,
        outcome.gross_margin,
        outcome.net_result,
        outcome.roi,
        outcome.margin_multiple,
        outcome.provider_cost_per_held,
        outcome.cost_per_held,
        outcome.cost_per_sale,
        outcome.margin_per_sale,
        outcome.ltv_revenue,
        outcome.ltv_margin,
        outcome.lifetime_margin,
        outcome.lifetime_net,
        outcome.lifetime_roi,
        outcome.ltv_to_cac,
        outcome.break_even_price,
        outcome.max_price_for_target,
        outcome.break_even_sale_rate,
        outcome.payback_month,
    ];
    for (id, figure) in FigureId::ALL.into_iter().zip(by_name) {
        assert_eq!(outcome.figure(id), figure, "{id:?}");
    }
    assert_eq!(value(outcome.figure(FigureId::Held)), d("60"));
}

#[test]
fn data_values_are_canonical() {
    assert_eq!(data_value(Ok(d("3.800"))), "3.8");
    assert_eq!(data_value(Ok(d("-0.00"))), "0");
    assert_eq!(data_value(Ok(d("120"))), "120");
    assert_eq!(data_value(Err(Undefined::NoSales)), "");
}
