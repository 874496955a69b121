//! Tests of the three-model comparison: every figure hand-computed.

use rust_decimal::Decimal;

use super::*;
use crate::engine::tests::support::{d, inputs as base};
use crate::engine::{Basis, Field, FieldKind, Inputs, Problem, Rounding, Undefined};

#[track_caller]
fn assert_fig(figure: Figure, expected: &str) {
    assert_eq!(figure, Ok(d(expected)), "expected {expected}");
}

#[test]
fn keys_round_trip_and_are_unique() {
    for field in CompareField::ALL {
        assert_eq!(CompareField::from_key(field.key()), Some(field));
    }
    let mut keys: Vec<_> = CompareField::ALL.iter().map(|f| f.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), CompareField::ALL.len());
    assert_eq!(CompareField::from_key("Team_callers"), None);
    assert_eq!(CompareField::from_key("meetings"), None);
}

#[test]
fn defaults_are_the_spec_defaults_and_valid() {
    let defaults = CompareInputs::default();
    for field in CompareField::ALL {
        let spec = field.spec();
        assert_eq!(defaults.plain(field), spec.default, "{}", field.key());
        assert!(spec.min <= defaults.number(field) && defaults.number(field) <= spec.max);
    }
    assert!(defaults.validate().is_empty());
    let (parsed, errors) = CompareInputs::from_plain(
        CompareField::ALL
            .into_iter()
            .map(|field| (field, field.spec().default)),
    );
    assert!(errors.is_empty());
    assert_eq!(parsed, defaults);
}

#[test]
fn plain_text_follows_the_base_grammar() {
    let mut inputs = CompareInputs::default();
    assert_eq!(inputs.set(CompareField::TeamSalary, " 4200.50 "), Ok(()));
    assert_eq!(inputs.plain(CompareField::TeamSalary), "4200.5");
    assert_eq!(inputs.team.salary, d("4200.5"));
    assert_eq!(inputs.set(CompareField::TeamRate, "17.5"), Ok(()));
    assert_eq!(inputs.team.rate, d("17.5"));

    let cases: [(CompareField, &str, Problem); 8] = [
        (CompareField::TeamCallers, "", Problem::Empty),
        (CompareField::TeamCallers, "1,5", Problem::NotANumber),
        (CompareField::TeamCallers, "1.5", Problem::NotAWholeNumber),
        (
            CompareField::TeamCallers,
            "0",
            Problem::BelowMin { min: d("1") },
        ),
        (
            CompareField::TeamCallers,
            "1001",
            Problem::AboveMax { max: d("1000") },
        ),
        (
            CompareField::TimeDayRate,
            "12.00001",
            Problem::TooManyDecimals { max: 4 },
        ),
        (
            CompareField::TimeSetup,
            "-1",
            Problem::BelowMin { min: d("0") },
        ),
        (
            CompareField::TimeSetup,
            "99999999999999999999999999999999",
            Problem::AboveMax { max: d("10000000") },
        ),
    ];
    for (field, plain, problem) in cases {
        let before = inputs.clone();
        assert_eq!(inputs.set(field, plain), Err(problem), "{plain:?}");
        assert_eq!(inputs, before, "a failed set leaves the inputs unchanged");
    }
    // "-0" is zero, as in the base inputs.
    assert_eq!(inputs.set(CompareField::TimeSetup, "-0"), Ok(()));
    assert_eq!(inputs.plain(CompareField::TimeSetup), "0");
}

#[test]
fn from_plain_reports_and_skips_bad_pairs() {
    let (inputs, errors) = CompareInputs::from_plain([
        (CompareField::TeamCallers, "3"),
        (CompareField::TimeDays, "abc"),
    ]);
    assert_eq!(inputs.team.callers, d("3"));
    assert_eq!(inputs.time.days, d("8"));
    assert_eq!(errors, vec![(CompareField::TimeDays, Problem::NotANumber)]);
}

#[test]
fn validate_flags_out_of_bounds_deserialized_values() {
    let mut inputs = CompareInputs::default();
    inputs.team.callers = d("0.5");
    inputs.time.rate = d("-1");
    assert_eq!(
        inputs.validate(),
        vec![
            (CompareField::TeamCallers, Problem::BelowMin { min: d("1") }),
            (CompareField::TimeRate, Problem::BelowMin { min: d("0") }),
        ]
    );
}

#[test]
fn specs_kinds() {
    assert_eq!(CompareField::TeamRamp.spec().kind, FieldKind::Months);
    assert_eq!(CompareField::TeamSalary.spec().kind, FieldKind::Money);
    assert_eq!(CompareField::TeamRate.spec().max_decimals, 4);
    assert_eq!(CompareField::TeamCallers.spec().max_decimals, 0);
}

#[test]
fn testids() {
    assert_eq!(
        testid(Model::Result, CompareFigure::Booked),
        "compare-result-booked"
    );
    assert_eq!(
        testid(Model::Team, CompareFigure::TotalCost),
        "compare-team-total-cost"
    );
    assert_eq!(
        testid(Model::Time, CompareFigure::CostPerSale),
        "compare-time-cost-per-sale"
    );
    assert_eq!(
        testid(Model::Time, CompareFigure::RoiAt50),
        "compare-time-roi-at-50"
    );
    assert_eq!(
        testid(Model::Result, CompareFigure::RoiAt125),
        "compare-result-roi-at-125"
    );
    let all: Vec<String> = Model::ALL
        .into_iter()
        .flat_map(|m| CompareFigure::ALL.into_iter().map(move |f| testid(m, f)))
        .collect();
    assert_eq!(all.len(), 36);
}

/// The defaults: 50 meetings × 120 €, 25 % of held meetings sign, 2,400 € of
/// margin per sale, 3 months.
#[test]
fn defaults_hand_computed() {
    let comparison = compare(
        &Inputs::default(),
        &TeamInputs::default(),
        &TimeInputs::default(),
    );

    // Pay per result: the scenario itself (roi-model.md's worked example).
    let r = &comparison.result;
    assert_fig(r.booked, "50");
    assert_fig(r.held, "50");
    assert_fig(r.sales, "12");
    assert_fig(r.model_cost, "6000");
    assert_fig(r.total_cost, "6000");
    assert_fig(r.net_result, "22800");
    assert_fig(r.roi, "3.8");
    assert_fig(r.cost_per_held, "120");
    assert_fig(r.cost_per_sale, "500");
    // 50 %: 25 meetings, floor(6.25) = 6 sales, 14,400 − 3,000 = 11,400.
    // 75 %: 37.5 meetings, floor(9.375) = 9 sales, 21,600 − 4,500 = 17,100.
    // 125 %: 62.5 meetings, floor(15.625) = 15 sales, 36,000 − 7,500 = 28,500.
    let expected = [
        ("25", "3000", "11400"),
        ("37.5", "4500", "17100"),
        ("50", "6000", "22800"),
        ("62.5", "7500", "28500"),
    ];
    for (point, (booked, cost, net)) in r.stress.iter().zip(expected) {
        assert_fig(point.booked, booked);
        assert_fig(point.model_cost, cost);
        assert_fig(point.net_result, net);
        assert_fig(point.roi, "3.8");
    }

    // Team: 1 × 20 × (3 − 0.5 × 1) = 50 booked; 1 × 3,650 × 3 + 2,000 = 12,950 €.
    let t = &comparison.team;
    assert_fig(t.booked, "50");
    assert_fig(t.held, "50");
    assert_fig(t.sales, "12");
    assert_fig(t.model_cost, "12950");
    assert_fig(t.total_cost, "12950");
    assert_fig(t.net_result, "15850");
    assert_eq!(t.roi, Ok(d("15850") / d("12950")));
    assert_fig(t.cost_per_held, "259");
    assert_eq!(t.cost_per_sale, Ok(d("12950") / d("12")));
    let expected = [
        ("25", "1450"),
        ("37.5", "8650"),
        ("50", "15850"),
        ("62.5", "23050"),
    ];
    for (point, (booked, net)) in t.stress.iter().zip(expected) {
        assert_fig(point.booked, booked);
        assert_fig(point.model_cost, "12950");
        assert_fig(point.net_result, net);
    }
    assert_eq!(t.stress[0].roi, Ok(d("1450") / d("12950")));

    // Time: 8 × 3 × 1 = 24 booked; 450 × 8 × 3 = 10,800 €; floor(6) = 6 sales.
    let m = &comparison.time;
    assert_fig(m.booked, "24");
    assert_fig(m.held, "24");
    assert_fig(m.sales, "6");
    assert_fig(m.model_cost, "10800");
    assert_fig(m.net_result, "3600");
    assert_eq!(m.roi, Ok(d("3600") / d("10800")));
    assert_fig(m.cost_per_held, "450");
    assert_fig(m.cost_per_sale, "1800");
    // 50 %: 12 booked, 3 sales, 7,200 − 10,800 = −3,600.
    assert_fig(m.stress[0].booked, "12");
    assert_fig(m.stress[0].net_result, "-3600");
    assert_eq!(m.stress[0].roi, Ok(d("-3600") / d("10800")));
    assert_eq!(
        comparison.figure(Model::Time, CompareFigure::RoiAt50),
        m.stress[0].roi
    );
    assert_eq!(
        comparison.figure(Model::Team, CompareFigure::RoiAt100),
        t.roi
    );

    assert_eq!(m.worst_roi(), m.stress[0].roi);
    assert_eq!(
        verdict(&comparison),
        Verdict {
            best_net_result: Some(Model::Result),
            safest: Some(Model::Result),
        }
    );
}

/// Internal costs, no-shows and billing on held meetings apply to every model alike.
#[test]
fn shared_funnel_and_internal_costs() {
    let scenario = base(&[
        (Field::Noshow, "20"),
        (Field::Basis, "held"),
        (Field::Hours, "2"),
        (Field::Hourly, "50"),
        (Field::Fixed, "1000"),
        (Field::Setup, "500"),
    ]);
    let team = TeamInputs {
        callers: d("2"),
        management: d("1000"),
        ramp: d("5"), // longer than the campaign: min(ramp, months) = 3
        ..TeamInputs::default()
    };
    let time = TimeInputs {
        days: d("10.5"),
        rate: d("1.5"),
        setup: d("300"),
        ..TimeInputs::default()
    };
    let comparison = compare(&scenario, &team, &time);

    // Result: held 40 = billed; 120 × 40 + 500 = 5,300; internal 40 × 2 × 50 + 1,000 = 5,000;
    // sales 40 × 0.25 = 10; margin 24,000; net 24,000 − 10,300 = 13,700.
    let r = &comparison.result;
    assert_fig(r.held, "40");
    assert_fig(r.model_cost, "5300");
    assert_fig(r.total_cost, "10300");
    assert_fig(r.sales, "10");
    assert_fig(r.net_result, "13700");
    // At 50 %: 25 booked, 20 held and billed: 2,400 + 500 = 2,900.
    assert_fig(r.stress[0].model_cost, "2900");
    // internal 20 × 100 + 1,000 = 3,000; sales 5; margin 12,000; net 12,000 − 5,900.
    assert_fig(r.stress[0].net_result, "6100");

    // Team: 2 × 20 × (3 − 1.5) = 60 booked; 2 × 3,650 × 3 + 1,000 × 3 + 2 × 2,000 = 28,900.
    let t = &comparison.team;
    assert_fig(t.booked, "60");
    assert_fig(t.model_cost, "28900");
    // held 48; internal 48 × 100 + 1,000 = 5,800; sales floor(12) = 12; margin 28,800.
    assert_fig(t.held, "48");
    assert_fig(t.total_cost, "34700");
    assert_fig(t.net_result, "-5900");
    assert_eq!(t.cost_per_held, Ok(d("34700") / d("48")));

    // Time: 10.5 × 3 × 1.5 = 47.25 booked; 450 × 10.5 × 3 + 300 = 14,475.
    let m = &comparison.time;
    assert_fig(m.booked, "47.25");
    assert_fig(m.model_cost, "14475");
    // held 37.8; internal 3,780 + 1,000 = 4,780; sales floor(9.45) = 9; margin 21,600.
    assert_fig(m.held, "37.8");
    assert_fig(m.total_cost, "19255");
    assert_fig(m.sales, "9");
    assert_fig(m.net_result, "2345");
    assert_eq!(m.cost_per_sale, Ok(d("19255") / d("9")));
}

#[test]
fn undefined_figures_carry_the_base_reason() {
    // No callers' output: nothing booked, nothing held, no sale.
    let team = TeamInputs {
        rate: Decimal::ZERO,
        ..TeamInputs::default()
    };
    // A free provider and no internal cost: ROI has nothing to divide by.
    let time = TimeInputs {
        day_rate: Decimal::ZERO,
        ..TimeInputs::default()
    };
    let comparison = compare(&Inputs::default(), &team, &time);
    assert_fig(comparison.team.booked, "0");
    assert_eq!(
        comparison.team.cost_per_held,
        Err(Undefined::NoHeldMeetings)
    );
    assert_eq!(comparison.team.cost_per_sale, Err(Undefined::NoSales));
    assert_fig(comparison.team.net_result, "-12950");
    assert_fig(comparison.team.roi, "-1");
    assert_eq!(comparison.time.roi, Err(Undefined::NoCost));
    assert_eq!(comparison.time.worst_roi(), Err(Undefined::NoCost));
    let verdict = verdict(&comparison);
    // The free provider nets 14,400 €, less than pay per result's 22,800 €;
    // its ROI is undefined, so its worst case is not compared.
    assert_fig(comparison.time.net_result, "14400");
    assert_eq!(verdict.best_net_result, Some(Model::Result));
    assert_eq!(verdict.safest, Some(Model::Result));
}

#[test]
fn verdict_prefers_the_flat_model_when_it_is_cheaper_and_safest_follows_worst_case() {
    // At 400 € a meeting, pay per result costs 20,000 € for 50 meetings;
    // the team costs 12,950 € for the same 50: the team wins at plan.
    let scenario = base(&[(Field::Price, "400")]);
    let comparison = compare(&scenario, &TeamInputs::default(), &TimeInputs::default());
    assert_fig(comparison.result.net_result, "8800");
    assert_fig(comparison.team.net_result, "15850");
    let verdict = verdict(&comparison);
    assert_eq!(verdict.best_net_result, Some(Model::Team));
    // Worst cases: result 0.44 at every level (6 × 2,400 / 10,000 − 1 = 0.44);
    // team at 50 %: 1,450 / 12,950 ≈ 0.11. Pay per result is the safer bet.
    assert_fig(comparison.result.worst_roi(), "0.44");
    assert_eq!(verdict.safest, Some(Model::Result));
}

#[test]
fn rounding_expected_and_ties() {
    let scenario = base(&[(Field::Rounding, "expected")]);
    let comparison = compare(&scenario, &TeamInputs::default(), &TimeInputs::default());
    // 75 %: 37.5 × 0.25 = 9.375 expected sales; margin 22,500; cost 4,500; net 18,000.
    assert_fig(comparison.result.stress[1].net_result, "18000");
    assert_eq!(scenario.rounding, Rounding::Expected);

    // Identical models: the tie goes to the first in Model::ALL order.
    let same = Inputs {
        price: Decimal::ZERO,
        setup: d("12950"),
        ..Inputs::default()
    };
    let comparison = compare(&same, &TeamInputs::default(), &TimeInputs::default());
    assert_eq!(comparison.result.net_result, comparison.team.net_result);
    assert_eq!(verdict(&comparison).best_net_result, Some(Model::Result));
    assert_eq!(same.basis, Basis::Booked);
}

#[test]
fn model_formulas() {
    let team = TeamInputs {
        callers: d("3"),
        salary: d("3000"),
        tools: d("100"),
        management: d("2000"),
        onboarding: d("1500"),
        rate: d("18"),
        ramp: d("2"),
    };
    // 3 × 18 × (6 − 1) = 270; 3 × 3,100 × 6 + 2,000 × 6 + 3 × 1,500 = 72,300.
    assert_fig(team_booked(6, &team), "270");
    assert_fig(team_cost(6, &team), "72300");
    // A ramp longer than the campaign: half speed throughout.
    assert_fig(team_booked(1, &team), "27");
    let time = TimeInputs {
        day_rate: d("480"),
        days: d("12"),
        rate: d("1.25"),
        setup: d("1000"),
    };
    // 12 × 6 × 1.25 = 90; 480 × 12 × 6 + 1,000 = 35,560.
    assert_fig(time_booked(6, &time), "90");
    assert_fig(time_cost(6, &time), "35560");
}

#[test]
fn out_of_bounds_values_give_overflow_not_a_panic() {
    let team = TeamInputs {
        callers: Decimal::MAX,
        salary: Decimal::MAX,
        ..TeamInputs::default()
    };
    let comparison = compare(&Inputs::default(), &team, &TimeInputs::default());
    assert_eq!(comparison.team.model_cost, Err(Undefined::Overflow));
    assert_eq!(comparison.team.roi, Err(Undefined::Overflow));
    assert_eq!(comparison.team.stress[0].roi, Err(Undefined::Overflow));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// A value of `field`'s plain grid: an integer number of 10^-decimals steps in bounds.
    fn plain_value(min: i64, max: i64, decimals: u32) -> impl Strategy<Value = Decimal> {
        let scale = 10i64.pow(decimals);
        (min * scale..=max * scale).prop_map(move |units| Decimal::new(units, decimals))
    }

    fn scenario() -> impl Strategy<Value = Inputs> {
        (
            1i64..=2_000,
            plain_value(0, 1_000, 2),
            any::<bool>(),
            plain_value(0, 100, 2),
            plain_value(0, 5_000, 0),
            (plain_value(0, 100, 2), plain_value(0, 100, 2)),
            any::<bool>(),
            (plain_value(0, 50_000, 0), plain_value(0, 100, 1)),
            (plain_value(0, 10, 1), plain_value(0, 200, 0), 1u32..=36),
        )
            .prop_map(
                |(
                    meetings,
                    price,
                    held,
                    noshow,
                    setup,
                    (opp, win),
                    whole,
                    (deal, margin),
                    (hours, hourly, months),
                )| {
                    let pct = |v: Decimal| v / Decimal::ONE_HUNDRED;
                    Inputs {
                        meetings: Decimal::from(meetings),
                        price,
                        basis: if held { Basis::Held } else { Basis::Booked },
                        noshow: pct(noshow),
                        setup,
                        opp: pct(opp),
                        win: pct(win),
                        rounding: if whole {
                            Rounding::Whole
                        } else {
                            Rounding::Expected
                        },
                        deal,
                        margin: pct(margin),
                        hours,
                        hourly,
                        months,
                        ..Inputs::default()
                    }
                },
            )
    }

    fn team() -> impl Strategy<Value = TeamInputs> {
        (
            1i64..=20,
            plain_value(0, 10_000, 2),
            plain_value(0, 1_000, 2),
            plain_value(0, 10_000, 0),
            plain_value(0, 10_000, 0),
            plain_value(0, 100, 2),
            0i64..=36,
        )
            .prop_map(
                |(callers, salary, tools, management, onboarding, rate, ramp)| TeamInputs {
                    callers: Decimal::from(callers),
                    salary,
                    tools,
                    management,
                    onboarding,
                    rate,
                    ramp: Decimal::from(ramp),
                },
            )
    }

    fn time() -> impl Strategy<Value = TimeInputs> {
        (
            plain_value(0, 2_000, 2),
            plain_value(0, 100, 1),
            plain_value(0, 10, 2),
            plain_value(0, 10_000, 0),
        )
            .prop_map(|(day_rate, days, rate, setup)| TimeInputs {
                day_rate,
                days,
                rate,
                setup,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// The pay-per-result cost follows delivery linearly:
        /// cost(f) − setup = f × (cost(100 %) − setup); team and time costs are flat.
        #[test]
        fn delivery_moves_only_the_pay_per_result_cost(
            scenario in scenario(), team in team(), time in time()
        ) {
            let comparison = compare(&scenario, &team, &time);
            let plan_variable = comparison.result.model_cost.unwrap() - scenario.setup;
            for point in &comparison.result.stress {
                let f = Decimal::from(point.delivery_pct) / Decimal::ONE_HUNDRED;
                prop_assert_eq!(point.model_cost.unwrap() - scenario.setup, f * plan_variable);
                prop_assert_eq!(point.booked.unwrap(), f * scenario.meetings);
            }
            for outcome in [&comparison.team, &comparison.time] {
                let plan_booked = outcome.booked.unwrap();
                for point in &outcome.stress {
                    prop_assert_eq!(point.model_cost, outcome.model_cost);
                    let f = Decimal::from(point.delivery_pct) / Decimal::ONE_HUNDRED;
                    prop_assert_eq!(point.booked.unwrap(), (f * plan_booked).normalize());
                }
            }
            prop_assert_eq!(comparison.team.model_cost, team_cost(scenario.months, &team));
            prop_assert_eq!(comparison.time.model_cost, time_cost(scenario.months, &time));
        }

        /// Every model's figures are the base engine's on the scenario standing for it.
        #[test]
        fn flat_models_are_the_base_model_with_a_flat_fee(
            scenario in scenario(), team in team()
        ) {
            let comparison = compare(&scenario, &team, &TimeInputs::default());
            let standing = Inputs {
                meetings: team_booked(scenario.months, &team).unwrap(),
                price: Decimal::ZERO,
                basis: Basis::Booked,
                setup: team_cost(scenario.months, &team).unwrap(),
                ..scenario.clone()
            };
            let outcome = crate::engine::evaluate(&standing);
            prop_assert_eq!(comparison.team.net_result, outcome.net_result);
            prop_assert_eq!(comparison.team.roi, outcome.roi);
            prop_assert_eq!(comparison.team.cost_per_sale, outcome.cost_per_sale);
            let own = crate::engine::evaluate(&scenario);
            prop_assert_eq!(comparison.result.net_result, own.net_result);
            prop_assert_eq!(comparison.result.cost_per_held, own.cost_per_held);
            prop_assert_eq!(comparison.result.stress[2].roi, own.roi);
        }
    }
}
