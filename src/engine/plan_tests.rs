//! Tests of the plan from a goal: every figure hand-computed, every reason.

use rust_decimal::Decimal;

use super::*;
use crate::engine::tests::support::{d, inputs as base};
use crate::engine::{Field, FieldKind, Inputs, Problem, Undefined};

fn goal(pairs: &[(PlanField, &str)]) -> GoalInputs {
    let (inputs, errors) = GoalInputs::from_plain(pairs.iter().copied());
    assert!(errors.is_empty(), "invalid test goal: {errors:?}");
    inputs
}

#[track_caller]
fn assert_fig(figure: PlanFigure, expected: &str) {
    assert_eq!(figure, Ok(d(expected)), "expected {expected}");
}

#[test]
fn keys_specs_and_defaults() {
    for field in PlanField::ALL {
        assert_eq!(PlanField::from_key(field.key()), Some(field));
    }
    assert_eq!(PlanField::from_key("goal"), None);
    let defaults = GoalInputs::default();
    for field in PlanField::ALL {
        assert_eq!(
            defaults.plain(field),
            field.spec().default,
            "{}",
            field.key()
        );
    }
    assert!(defaults.validate().is_empty());
    assert_eq!(
        PlanField::GoalKind.spec().kind,
        FieldKind::Choice(&["customers", "revenue", "margin"])
    );
    assert_eq!(
        PlanField::CallToConversation.spec().kind,
        FieldKind::Percent
    );
    let ids: Vec<_> = PlanFigureId::ALL.iter().map(|id| id.testid()).collect();
    assert_eq!(
        ids,
        [
            "plan-sales",
            "plan-held",
            "plan-booked",
            "plan-calls",
            "plan-budget",
            "plan-roi",
            "plan-max-price"
        ]
    );
}

#[test]
fn set_and_plain() {
    let mut inputs = GoalInputs::default();
    assert_eq!(inputs.set(PlanField::GoalKind, " revenue "), Ok(()));
    assert_eq!(inputs.kind, GoalKind::Revenue);
    assert_eq!(inputs.set(PlanField::CallToConversation, "12.5"), Ok(()));
    assert_eq!(inputs.call_to_conversation, d("0.125"));
    assert_eq!(inputs.plain(PlanField::CallToConversation), "12.5");
    assert_eq!(inputs.set(PlanField::GoalValue, "150000"), Ok(()));
    assert_eq!(inputs.plain(PlanField::GoalValue), "150000");

    let before = inputs.clone();
    let cases = [
        (PlanField::GoalKind, "Revenue", Problem::UnknownChoice),
        (PlanField::GoalKind, " ", Problem::Empty),
        (PlanField::GoalValue, "0", Problem::BelowMin { min: d("1") }),
        (PlanField::GoalValue, "10.5", Problem::NotAWholeNumber),
        (
            PlanField::ConversationToMeeting,
            "100.5",
            Problem::AboveMax { max: d("100") },
        ),
        (
            PlanField::ConversationToMeeting,
            "1.00001",
            Problem::TooManyDecimals { max: 4 },
        ),
    ];
    for (field, plain, problem) in cases {
        assert_eq!(inputs.set(field, plain), Err(problem), "{plain:?}");
    }
    assert_eq!(inputs, before);

    let (parsed, errors) =
        GoalInputs::from_plain([(PlanField::GoalKind, "margin"), (PlanField::GoalValue, "x")]);
    assert_eq!(parsed.kind, GoalKind::Margin);
    assert_eq!(parsed.value, d("10"));
    assert_eq!(errors, vec![(PlanField::GoalValue, Problem::NotANumber)]);

    let bad = GoalInputs {
        conversation_to_meeting: d("1.5"),
        ..GoalInputs::default()
    };
    assert_eq!(
        bad.validate(),
        vec![(
            PlanField::ConversationToMeeting,
            Problem::AboveMax { max: d("100") }
        )]
    );
}

/// Defaults: 10 customers, 25 % of held meetings sign, no no-shows, 3 % of calls book.
#[test]
fn defaults_hand_computed() {
    let plan = plan(&Inputs::default(), &GoalInputs::default());
    assert_fig(plan.sales_needed, "10");
    assert_fig(plan.held_needed, "40"); // 10 / (0.5 × 0.5)
    assert_fig(plan.booked_needed, "40"); // ceil(40 / 1)
    assert_fig(plan.calls_needed, "1334"); // ceil(40 / 0.03) = ceil(1,333.3…)
    assert_fig(plan.budget, "4800"); // 40 × 120
    assert_fig(plan.roi, "4"); // 10 × 2,400 = 24,000; (24,000 − 4,800) / 4,800
    assert_fig(plan.max_price, "600"); // 24,000 / 40
    assert_eq!(plan.scenario.as_ref().map(|s| s.meetings), Ok(d("40")));
    assert_eq!(plan.figure(PlanFigureId::Calls), plan.calls_needed);
}

#[test]
fn revenue_goal_hand_computed() {
    let scenario = base(&[(Field::Noshow, "20")]);
    let goal = goal(&[
        (PlanField::GoalKind, "revenue"),
        (PlanField::GoalValue, "100000"),
        (PlanField::CallToConversation, "25"),
        (PlanField::ConversationToMeeting, "8"),
    ]);
    let plan = plan(&scenario, &goal);
    assert_fig(plan.sales_needed, "17"); // ceil(100,000 / 6,000) = ceil(16.67)
    assert_fig(plan.held_needed, "68"); // 17 / 0.25
    assert_fig(plan.booked_needed, "85"); // 68 / 0.8
    assert_fig(plan.calls_needed, "4250"); // 85 / (0.25 × 0.08)
    assert_fig(plan.budget, "10200"); // 85 × 120, billed on booked meetings
                                      // 85 × 0.8 × 0.25 = 17 sales; 17 × 2,400 = 40,800; (40,800 − 10,200) / 10,200 = 3.
    assert_fig(plan.roi, "3");
    assert_fig(plan.max_price, "480"); // 40,800 / 85
}

#[test]
fn margin_goal_hand_computed() {
    let scenario = base(&[
        (Field::Opp, "30"),
        (Field::Win, "40"),
        (Field::Noshow, "12.5"),
        (Field::Hours, "1.5"),
        (Field::Hourly, "60"),
        (Field::Fixed, "2000"),
    ]);
    let goal = goal(&[
        (PlanField::GoalKind, "margin"),
        (PlanField::GoalValue, "50000"),
    ]);
    let plan = plan(&scenario, &goal);
    assert_fig(plan.sales_needed, "21"); // ceil(50,000 / 2,400) = ceil(20.83)
    assert_fig(plan.held_needed, "175"); // 21 / 0.12
    assert_fig(plan.booked_needed, "200"); // 175 / 0.875
    assert_fig(plan.calls_needed, "6667"); // ceil(200 / 0.03) = ceil(6,666.7)
                                           // provider 200 × 120 = 24,000; internal 175 × 1.5 × 60 + 2,000 = 17,750.
    assert_fig(plan.budget, "41750");
    // 21 sales × 2,400 = 50,400; net 8,650.
    assert_eq!(plan.roi, Ok(d("8650") / d("41750")));
    assert_fig(plan.max_price, "163.25"); // (50,400 − 17,750) / 200
}

#[test]
fn whole_rounding_needs_the_ceiling() {
    // 10 / (0.33 × 0.33) = 91.83 held: 92 booked give 10.0188 expected sales, floor 10.
    let scenario = base(&[(Field::Opp, "33"), (Field::Win, "33")]);
    let plan = plan(&scenario, &GoalInputs::default());
    assert_fig(plan.booked_needed, "92");
    let forward = evaluate(plan.scenario.as_ref().unwrap());
    assert_eq!(forward.sales, Ok(d("10")));
    let one_less = evaluate(&Inputs {
        meetings: d("91"),
        ..scenario
    });
    assert_eq!(one_less.sales, Ok(d("9")));
}

#[test]
fn every_zero_rate_has_its_reason() {
    let goal_default = GoalInputs::default();
    let opp0 = plan(&base(&[(Field::Opp, "0")]), &goal_default);
    assert_fig(opp0.sales_needed, "10");
    for figure in [
        opp0.held_needed,
        opp0.booked_needed,
        opp0.calls_needed,
        opp0.budget,
        opp0.roi,
        opp0.max_price,
    ] {
        assert_eq!(figure, Err(PlanUndefined::NoOpportunities));
    }
    assert_eq!(opp0.scenario, Err(PlanUndefined::NoOpportunities));

    let win0 = plan(&base(&[(Field::Win, "0")]), &goal_default);
    assert_eq!(win0.held_needed, Err(PlanUndefined::NoWins));
    assert_eq!(win0.budget, Err(PlanUndefined::NoWins));

    let all_no_shows = plan(&base(&[(Field::Noshow, "100")]), &goal_default);
    assert_fig(all_no_shows.held_needed, "40");
    assert_eq!(all_no_shows.booked_needed, Err(PlanUndefined::AllNoShows));
    assert_eq!(all_no_shows.calls_needed, Err(PlanUndefined::AllNoShows));

    let revenue = goal(&[(PlanField::GoalKind, "revenue")]);
    let no_deal = plan(&base(&[(Field::Deal, "0")]), &revenue);
    assert_eq!(no_deal.sales_needed, Err(PlanUndefined::NoDeal));
    assert_eq!(no_deal.roi, Err(PlanUndefined::NoDeal));

    let margin = goal(&[(PlanField::GoalKind, "margin")]);
    let no_margin = plan(&base(&[(Field::Margin, "0")]), &margin);
    assert_eq!(no_margin.sales_needed, Err(PlanUndefined::NoMarginPerSale));
    // A customers goal does not care about the basket.
    assert_fig(
        plan(&base(&[(Field::Deal, "0")]), &goal_default).booked_needed,
        "40",
    );

    let no_conversations = plan(
        &Inputs::default(),
        &goal(&[(PlanField::CallToConversation, "0")]),
    );
    assert_eq!(
        no_conversations.calls_needed,
        Err(PlanUndefined::NoConversations)
    );
    // Calls do not enter the budget.
    assert_fig(no_conversations.budget, "4800");
    let no_meetings = plan(
        &Inputs::default(),
        &goal(&[(PlanField::ConversationToMeeting, "0")]),
    );
    assert_eq!(
        no_meetings.calls_needed,
        Err(PlanUndefined::NoMeetingsFromConversations)
    );
}

#[test]
fn engine_reasons_pass_through() {
    // A free campaign: the budget is 0 and the ROI has nothing to divide by.
    let free = plan(&base(&[(Field::Price, "0")]), &GoalInputs::default());
    assert_fig(free.budget, "0");
    assert_eq!(free.roi, Err(PlanUndefined::Engine(Undefined::NoCost)));
    // Out-of-bounds values overflow instead of panicking.
    let overflow = plan(
        &Inputs {
            deal: Decimal::MAX,
            margin: Decimal::MAX,
            ..Inputs::default()
        },
        &goal(&[(PlanField::GoalKind, "margin")]),
    );
    assert_eq!(
        overflow.sales_needed,
        Err(PlanUndefined::Engine(Undefined::Overflow))
    );
}

#[test]
fn beyond_a_million_meetings() {
    // 250,000 customers at 25 %: exactly the bound.
    let at_bound = plan(
        &Inputs::default(),
        &goal(&[(PlanField::GoalValue, "250000")]),
    );
    assert_fig(at_bound.booked_needed, "1000000");
    assert_fig(at_bound.budget, "120000000");
    // One more customer: 1,000,004 meetings, out of the calculator's range.
    let beyond = plan(
        &Inputs::default(),
        &goal(&[(PlanField::GoalValue, "250001")]),
    );
    assert_fig(beyond.booked_needed, "1000004");
    assert_fig(beyond.calls_needed, "33333467"); // ceil(1,000,004 / 0.03) = ceil(33,333,466.67)
    assert_eq!(beyond.budget, Err(PlanUndefined::TooManyMeetings));
    assert_eq!(beyond.roi, Err(PlanUndefined::TooManyMeetings));
    assert_eq!(beyond.max_price, Err(PlanUndefined::TooManyMeetings));
    // The largest goal with the smallest rates stays exact and panic-free.
    let extreme = plan(
        &base(&[
            (Field::Opp, "0.0001"),
            (Field::Win, "0.0001"),
            (Field::Noshow, "99.9999"),
        ]),
        &goal(&[
            (PlanField::GoalValue, "1000000000"),
            (PlanField::CallToConversation, "0.0001"),
            (PlanField::ConversationToMeeting, "0.0001"),
        ]),
    );
    assert_fig(extreme.held_needed, "1000000000000000000000"); // 10^9 / 10^-12
    assert_fig(extreme.booked_needed, "1000000000000000000000000000"); // / 10^-6
    assert_eq!(
        extreme.calls_needed,
        Err(PlanUndefined::Engine(Undefined::Overflow))
    );
    assert_eq!(extreme.budget, Err(PlanUndefined::TooManyMeetings));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::{Basis, Rounding};

    /// A percent with up to 4 decimals in [min, 100] %, as a fraction.
    fn rate(min_units: i64) -> impl Strategy<Value = Decimal> {
        (min_units..=1_000_000i64).prop_map(|units| Decimal::new(units, 6))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Evaluated forward, the plan's scenario reaches the goal, and one
        /// booked meeting less would not reach the sales needed.
        #[test]
        fn the_plan_reaches_the_goal(
            (opp, win) in (rate(1), rate(1)),
            noshow in (0..=999_999i64).prop_map(|units| Decimal::new(units, 6)),
            (deal, margin) in (1..=1_000_000i64, rate(1)),
            whole in any::<bool>(),
            held_basis in any::<bool>(),
            kind in prop::sample::select(GoalKind::ALL.to_vec()),
            value in 1..=50_000i64,
        ) {
            let scenario = Inputs {
                opp,
                win,
                noshow,
                deal: Decimal::from(deal),
                margin,
                rounding: if whole { Rounding::Whole } else { Rounding::Expected },
                basis: if held_basis { Basis::Held } else { Basis::Booked },
                ..Inputs::default()
            };
            let goal = GoalInputs { kind, value: Decimal::from(value), ..GoalInputs::default() };
            let plan = plan(&scenario, &goal);
            let sales_needed = plan.sales_needed.unwrap();
            let booked = plan.booked_needed.unwrap();
            prop_assert!(booked >= Decimal::ONE);
            prop_assert_eq!(booked, booked.trunc());
            let Ok(forward) = plan.scenario.clone() else {
                prop_assert!(booked > Decimal::from(MAX_MEETINGS));
                prop_assert_eq!(plan.budget, Err(PlanUndefined::TooManyMeetings));
                return Ok(());
            };
            let outcome = evaluate(&forward);
            let sales = outcome.sales.unwrap();
            prop_assert!(sales >= sales_needed);
            let reached = match kind {
                GoalKind::Customers => sales,
                GoalKind::Revenue => outcome.revenue.unwrap(),
                GoalKind::Margin => outcome.gross_margin.unwrap(),
            };
            prop_assert!(reached >= goal.value, "{} < {}", reached, goal.value);
            prop_assert_eq!(plan.budget, outcome.total_cost.map_err(PlanUndefined::from));
            prop_assert_eq!(plan.max_price, outcome.break_even_price.map_err(PlanUndefined::from));
            if booked > Decimal::ONE {
                let fewer = evaluate(&Inputs { meetings: booked - Decimal::ONE, ..forward });
                prop_assert!(fewer.sales.unwrap() < sales_needed);
            }
        }
    }
}
