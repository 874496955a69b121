//! Properties over the whole input space (and beyond it, for stored data).

use proptest::prelude::*;

use super::*;
use crate::engine::{evaluate, FieldSpec, Outcome};

/// A valid plain value of `spec`: its bounds, anywhere between, small
/// values and whole numbers.
fn spec_value(spec: FieldSpec) -> BoxedStrategy<String> {
    if let FieldKind::Choice(tokens) = spec.kind {
        return proptest::sample::select(tokens.to_vec())
            .prop_map(str::to_owned)
            .boxed();
    }
    let decimals = spec.max_decimals;
    let unit = 10_i64.pow(decimals);
    let bound = |value: Decimal| i64::try_from(value).unwrap() * unit;
    let (low, high) = (bound(spec.min), bound(spec.max));
    prop_oneof![
        1 => Just(low),
        1 => Just(high),
        2 => low..=high,
        2 => low..=(low + 100 * unit).min(high),
        2 => (low / unit..=high / unit).prop_map(move |whole| whole * unit),
    ]
    .prop_map(move |units| Decimal::new(units, decimals).normalize().to_string())
    .boxed()
}

/// A plan anywhere in the spec's bounds.
pub(super) fn any_plan() -> impl Strategy<Value = Inputs> {
    Field::ALL
        .map(|field| spec_value(field.spec()))
        .to_vec()
        .prop_map(|texts| {
            let pairs = Field::ALL.into_iter().zip(texts.iter().map(String::as_str));
            let (inputs, errors) = Inputs::from_plain(pairs);
            assert!(errors.is_empty(), "{errors:?}");
            inputs
        })
}

/// A count up to `max`, often small.
fn count(max: i64) -> impl Strategy<Value = i64> {
    prop_oneof![0..=max.min(60), 0..=max]
}

/// Money within `max`, or `None` (follows the plan).
fn amount(max: i64) -> impl Strategy<Value = Option<Decimal>> {
    prop_oneof![
        Just(None),
        (0..=max).prop_map(|euros| Some(Decimal::from(euros))),
        (0..=1_000_000_000i64).prop_map(|units| Some(Decimal::new(units, 4))),
    ]
}

/// A checkpoint that passes every check on its own (shares of the
/// bounding count in thousandths, so every bound is reached).
pub(super) fn any_checkpoint() -> impl Strategy<Value = Checkpoint> {
    (
        1..=160u32,
        count(1_000_000),
        (0..=1000i64, 0..=1000i64, 0..=1000i64, 0..=1000i64),
        amount(10_000_000_000),
        amount(1_000_000_000_000),
    )
        .prop_map(|(week, booked, (h, o, s, l), invoiced, revenue)| {
            let share = |of: i64, thousandths: i64| of * thousandths / 1000;
            let held = share(booked, h);
            let opps = share(held, o);
            let sales = share(opps, s);
            let lost = share(opps - sales, l);
            Checkpoint {
                invoiced,
                revenue,
                ..chk(week, booked, held, opps, sales, lost)
            }
        })
}

/// Any decimal at all, as tampered stored data could hold.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0_u32..=28
        )
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                lo, mid, hi, negative, scale
            )),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        (-3_i64..=3, 0_u32..=28).prop_map(|(units, scale)| Decimal::new(units, scale)),
    ]
}

/// Nothing observed yet.
fn nothing(week: u32) -> Checkpoint {
    chk(week, 0, 0, 0, 0, 0)
}

fn engine<T>(figure: Result<T, Undefined>) -> Result<T, TrackUndefined> {
    figure.map_err(TrackUndefined::from)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// With nothing observed and the plan worth something, the
    /// projection is the plan, figure by figure, to the last digit.
    #[test]
    fn nothing_observed_projects_the_plan(plan in any_plan(), week in 1..=160u32, k in 1..=1000u32) {
        let f = assess(&plan, &nothing(week), k);
        let o: Outcome = evaluate(&plan);
        prop_assert_eq!(f.noshow_post, engine(Ok(plan.noshow.normalize())));
        prop_assert_eq!(f.opp_post, engine(Ok(plan.opp.normalize())));
        prop_assert_eq!(f.win_post, engine(Ok(plan.win.normalize())));
        prop_assert_eq!(f.proj_held, engine(o.held));
        prop_assert_eq!(f.proj_opps, engine(o.opportunities));
        prop_assert_eq!(f.proj_sales_expected, engine(o.sales_expected));
        prop_assert_eq!(f.proj_sales, engine(o.sales));
        prop_assert_eq!(f.proj_billed, engine(o.billed));
        prop_assert_eq!(f.proj_provider_cost, engine(o.provider_cost));
        prop_assert_eq!(f.proj_internal_cost, engine(o.internal_cost));
        prop_assert_eq!(f.proj_total_cost, engine(o.total_cost));
        prop_assert_eq!(f.proj_revenue, engine(o.revenue));
        prop_assert_eq!(f.proj_gross_margin, engine(o.gross_margin));
        prop_assert_eq!(f.proj_net_result, engine(o.net_result));
        prop_assert_eq!(f.proj_roi, engine(o.roi));
        prop_assert_eq!(f.proj_ltv_to_cac, engine(o.ltv_to_cac));
        match o.break_even_price {
            Ok(price) => prop_assert_eq!(f.proj_break_even_price, Ok(price)),
            Err(_) => prop_assert_eq!(f.proj_break_even_price, Err(TrackUndefined::NothingLeftToBill)),
        }
    }

    /// Trusting only the observations, a finished campaign (every meeting
    /// booked, no opportunity pending) projects what happened.
    #[test]
    fn a_finished_campaign_projects_what_happened(plan in any_plan(), checkpoint in any_checkpoint()) {
        let cp = Checkpoint {
            booked: checkpoint.booked.max(plan.meetings),
            lost: checkpoint.opps - checkpoint.sales,
            ..checkpoint
        };
        let f = assess(&plan, &cp, 0);
        prop_assert_eq!(f.remaining_booked, Ok(Decimal::ZERO));
        prop_assert_eq!(f.pending_opps, Ok(Decimal::ZERO));
        prop_assert_eq!(f.proj_held, Ok(cp.held.normalize()));
        prop_assert_eq!(f.proj_opps, Ok(cp.opps.normalize()));
        prop_assert_eq!(f.proj_sales, Ok(cp.sales.normalize()));
        prop_assert_eq!(f.proj_revenue, f.revenue);
        let spent = f.invoiced.unwrap() + f.internal_to_date.unwrap();
        prop_assert_eq!(f.proj_total_cost, Ok(spent.normalize()));
        prop_assert_eq!(f.proj_provider_cost, f.invoiced);
        prop_assert_eq!(f.proj_internal_cost, f.internal_to_date);
        // The re-estimated rates are the observed ones, where observed.
        for (post, observed) in [(f.noshow_post, f.noshow_obs), (f.opp_post, f.opp_obs), (f.win_post, f.win_obs)] {
            if let Ok(observed) = observed {
                prop_assert_eq!(post, Ok(observed));
            }
        }
    }

    /// Each re-estimated rate lies between the plan's and the observed one.
    #[test]
    fn re_estimated_rates_lie_between_plan_and_observation(
        plan in any_plan(), checkpoint in any_checkpoint(), k in 0..=1000u32,
    ) {
        let f = assess(&plan, &checkpoint, k);
        for (post, observed, planned) in [
            (f.noshow_post, f.noshow_obs, plan.noshow),
            (f.opp_post, f.opp_obs, plan.opp),
            (f.win_post, f.win_obs, plan.win),
        ] {
            let post = post.unwrap();
            match observed {
                Ok(observed) => {
                    prop_assert!(post >= planned.min(observed) && post <= planned.max(observed),
                        "{} not between {} and {}", post, planned, observed);
                }
                Err(_) => prop_assert_eq!(post, planned.normalize()),
            }
        }
    }

    /// A count lower than the previous checkpoint's is refused, on that
    /// count of that checkpoint.
    #[test]
    fn counts_that_go_back_are_refused(
        first in any_checkpoint(), field_index in 1..=5usize, back in 1..=1000i64,
    ) {
        let field = CheckpointField::ALL[field_index];
        let before = first.number(field).unwrap();
        prop_assume!(before > Decimal::ZERO);
        let mut second = Checkpoint { week: first.week + 1, ..first.clone() };
        prop_assume!(second.week <= 160);
        let lower = (before - Decimal::from(back)).max(Decimal::ZERO);
        second.set(field, &lower.to_string()).unwrap();
        // Lower the counts it bounds as well, so only going back is wrong.
        second.held = second.held.min(second.booked);
        second.opps = second.opps.min(second.held);
        second.sales = second.sales.min(second.opps);
        second.lost = second.lost.min(second.opps - second.sales);
        let errors = campaign(vec![first.clone(), second]).validate();
        prop_assert!(errors.contains(&CheckpointError {
            index: 1,
            field,
            problem: CheckpointProblem::BelowPrevious { previous: before },
        }), "{:?}", errors);
        let only_back = errors.iter().all(|e| matches!(e.problem, CheckpointProblem::BelowPrevious { .. }));
        prop_assert!(only_back, "{:?}", errors);
    }

    /// Anywhere in bounds: no panic, no overflow, odds in range and
    /// ordered, a verdict consistent with the figures.
    #[test]
    fn anywhere_in_bounds_everything_is_defined_and_consistent(
        plan in any_plan(), checkpoint in any_checkpoint(), k in 0..=1000u32, seed in any::<u64>(),
    ) {
        let tracking = track_checkpoint(&plan, &checkpoint, k, 200, seed);
        let f = &tracking.figures;
        let overflow = Err(TrackUndefined::Engine(Undefined::Overflow));
        for id in TrackFigureId::ALL {
            if let Some(figure) = tracking.figure(id) {
                prop_assert!(figure != overflow, "{} overflowed", id.testid());
            }
            let _ = tracking.data_value(id);
        }
        for figure in [f.proj_held, f.proj_opps, f.proj_sales, f.proj_total_cost, f.proj_net_result, f.booked_plan, f.sales_plan] {
            prop_assert!(figure.is_ok());
        }
        let odds = &tracking.odds;
        prop_assert!((0.0..=1.0).contains(&odds.loss_probability));
        if let (Some(p10), Some(p50), Some(p90)) = (odds.roi_p10, odds.roi_p50, odds.roi_p90) {
            prop_assert!(p10 <= p50 && p50 <= p90);
        }
        let net = f.proj_net_result.unwrap();
        match tracking.verdict {
            TrackVerdict::Continue => prop_assert!(f.proj_roi.unwrap() >= plan.target),
            TrackVerdict::Adjust { .. } => prop_assert!(net >= Decimal::ZERO),
            TrackVerdict::Stop { .. } => prop_assert!(net < Decimal::ZERO && odds.loss_probability > 0.5),
            TrackVerdict::Review { .. } => prop_assert!(net < Decimal::ZERO && odds.loss_probability <= 0.5),
        }
        prop_assert_eq!(&tracking, &track_checkpoint(&plan, &checkpoint, k, 200, seed));
    }

    /// The projection never falls below what has been observed.
    #[test]
    fn the_projection_keeps_what_happened(plan in any_plan(), checkpoint in any_checkpoint(), k in 0..=1000u32) {
        let f = assess(&plan, &checkpoint, k);
        prop_assert!(f.proj_held.unwrap() >= checkpoint.held);
        prop_assert!(f.proj_opps.unwrap() >= checkpoint.opps);
        prop_assert!(f.proj_sales.unwrap() >= checkpoint.sales);
        prop_assert!(f.proj_total_cost.unwrap() >= f.invoiced.unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Stored data with any values (bounds ignored): never a panic.
    #[test]
    fn tampered_values_never_panic(
        numbers in proptest::collection::vec(any_decimal(), 7),
        week in any::<u32>(), months in any::<u32>(), k in any::<u32>(), seed in any::<u64>(),
    ) {
        let checkpoint = Checkpoint {
            week,
            booked: numbers[0],
            held: numbers[1],
            opps: numbers[2],
            sales: numbers[3],
            lost: numbers[4],
            invoiced: Some(numbers[5]),
            revenue: Some(numbers[6]),
        };
        let plan = Inputs { months, cycle: months, ..Inputs::default() };
        let tracking = track_checkpoint(&plan, &checkpoint, k, 50, seed);
        for id in TrackFigureId::ALL {
            let _ = tracking.data_value(id);
        }
        let _ = campaign(vec![checkpoint.clone(), checkpoint]).validate();
    }
}
