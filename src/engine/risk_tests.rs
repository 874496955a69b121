//! Tests of the risk tools: ranges, the generator, the f64 fast path against
//! the decimal engine, the simulation's statistics and the tornado.

use rust_decimal::Decimal;

use super::*;
use crate::engine::tests::support::{d, inputs as base};
use crate::engine::{Field, Inputs, Problem, Undefined};

fn field(key: &str) -> RangeField {
    RangeField::from_key(key).unwrap_or_else(|| panic!("no range field {key}"))
}

fn range(low: &str, likely: &str, high: &str) -> Range {
    Range {
        low: d(low),
        likely: d(likely),
        high: d(high),
    }
}

/// The simulation's own conversion, so that deterministic values compare exactly.
fn f(value: Decimal) -> f64 {
    to_f64(value)
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

// --- generator --------------------------------------------------------------

/// The reference SplitMix64's outputs for seed 1234567 (Vigna's `splitmix64.c`).
#[test]
fn splitmix64_matches_the_reference_sequence() {
    let mut rng = SplitMix64::new(1_234_567);
    let outputs: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
    assert_eq!(
        outputs,
        [
            6_457_827_717_110_365_317,
            3_203_168_211_198_807_973,
            9_817_491_932_198_370_423,
            4_593_380_528_125_082_431,
            16_408_922_859_458_223_821,
        ]
    );
    // The uniform is the top 53 bits: 6457827717110365317 >> 11 over 2^53.
    let mut rng = SplitMix64::new(1_234_567);
    assert_eq!(
        rng.next_f64(),
        (6_457_827_717_110_365_317u64 >> 11) as f64 / 9_007_199_254_740_992.0
    );
    let mut rng = SplitMix64::new(DEFAULT_SEED);
    for _ in 0..10_000 {
        let u = rng.next_f64();
        assert!((0.0..1.0).contains(&u));
    }
    assert_ne!(next_seed(DEFAULT_SEED), DEFAULT_SEED);
    assert_eq!(next_seed(1_234_567), 6_457_827_717_110_365_317);
}

// --- ranges -----------------------------------------------------------------

#[test]
fn range_fields_keys_and_specs() {
    let keys: Vec<_> = RangeField::ALL.iter().map(|field| field.key()).collect();
    assert_eq!(
        keys,
        [
            "noshow_low",
            "noshow_high",
            "opp_low",
            "opp_high",
            "win_low",
            "win_high",
            "deal_low",
            "deal_high",
            "margin_low",
            "margin_high",
            "hours_low",
            "hours_high"
        ]
    );
    for range_field in RangeField::ALL {
        assert_eq!(RangeField::from_key(range_field.key()), Some(range_field));
        let spec = range_field.spec();
        let base_spec = range_field.input.field().spec();
        assert_eq!(
            (spec.kind, spec.min, spec.max),
            (base_spec.kind, base_spec.min, base_spec.max)
        );
        assert_eq!(spec.max_decimals, base_spec.max_decimals);
        assert_eq!(spec.default, "");
    }
    assert_eq!(RangeField::from_key("win"), None);
    assert_eq!(RangeField::from_key("price_low"), None);
}

/// Defaults: prudent and ambitious values of the default scenario.
#[test]
fn default_ranges_come_from_the_variants() {
    let ranges = Ranges::defaults(&Inputs::default());
    // No-show: central 0 %, ambitious −5 points clamped to 0, prudent +10 points.
    assert_eq!(*ranges.get(Uncertain::Noshow), range("0", "0", "0.1"));
    // Rates ×0.8 and ×1.2.
    assert_eq!(*ranges.get(Uncertain::Opp), range("0.4", "0.5", "0.6"));
    assert_eq!(*ranges.get(Uncertain::Win), range("0.4", "0.5", "0.6"));
    // Basket ×0.85 and ×1.15.
    assert_eq!(*ranges.get(Uncertain::Deal), range("5100", "6000", "6900"));
    // Margin ±5 points.
    assert_eq!(*ranges.get(Uncertain::Margin), range("0.35", "0.4", "0.45"));
    // Hours 0: ×1.25 and ×0.9 of nothing.
    assert_eq!(*ranges.get(Uncertain::Hours), range("0", "0", "0"));

    // Hours 4: prudent 5 (×1.25), ambitious 3.6 (×0.9); no-show 30 %: 25 and 40.
    let ranges = Ranges::defaults(&base(&[(Field::Hours, "4"), (Field::Noshow, "30")]));
    assert_eq!(*ranges.get(Uncertain::Hours), range("3.6", "4", "5"));
    assert_eq!(*ranges.get(Uncertain::Noshow), range("0.25", "0.3", "0.4"));
    assert_eq!(
        Ranges::certain(&Inputs::default()).get(Uncertain::Deal),
        &range("6000", "6000", "6000")
    );
}

#[test]
fn overrides_parse_in_plain_units_and_resolve_against_the_central_value() {
    let central = Inputs::default();
    let mut risk = RiskInputs::default();
    assert_eq!(risk.ranges(&central), Ok(Ranges::defaults(&central)));
    assert_eq!(risk.set(field("win_low"), "30"), Ok(()));
    assert_eq!(risk.set(field("win_high"), " 60 "), Ok(()));
    assert_eq!(risk.set(field("deal_high"), "9000.5"), Ok(()));
    assert_eq!(risk.low[Uncertain::Win as usize], Some(d("0.3")));
    assert_eq!(risk.plain(field("win_low")), Some("30".to_owned()));
    assert_eq!(risk.plain(field("noshow_high")), None);
    assert_eq!(risk.effective_plain(field("noshow_high"), &central), "10");
    assert_eq!(risk.effective_plain(field("win_high"), &central), "60");
    assert_eq!(risk.effective_plain(field("deal_low"), &central), "5100");
    let ranges = risk.ranges(&central).unwrap();
    assert_eq!(*ranges.get(Uncertain::Win), range("0.3", "0.5", "0.6"));
    assert_eq!(
        *ranges.get(Uncertain::Deal),
        range("5100", "6000", "9000.5")
    );

    // Field-level problems, with the base field's bounds and precision.
    let before = risk.clone();
    assert_eq!(risk.set(field("win_low"), "abc"), Err(Problem::NotANumber));
    assert_eq!(
        risk.set(field("win_low"), "101"),
        Err(Problem::AboveMax { max: d("100") })
    );
    assert_eq!(
        risk.set(field("deal_low"), "1.12345"),
        Err(Problem::TooManyDecimals { max: 4 })
    );
    assert_eq!(risk.set(field("hours_high"), ""), Err(Problem::Empty));
    assert_eq!(risk, before);

    // Ends on the wrong side of the likely value name their own control.
    assert_eq!(risk.set(field("win_low"), "55"), Ok(()));
    assert_eq!(risk.set(field("margin_high"), "39.5"), Ok(()));
    assert_eq!(
        risk.ranges(&central),
        Err(vec![
            RangeError {
                field: field("win_low"),
                problem: RangeProblem::AboveLikely { likely: d("50") },
            },
            RangeError {
                field: field("margin_high"),
                problem: RangeProblem::BelowLikely { likely: d("40") },
            },
        ])
    );
    // The same overrides fit another central scenario.
    let moved = base(&[(Field::Win, "55"), (Field::Margin, "39")]);
    let ranges = risk.ranges(&moved).unwrap();
    assert_eq!(*ranges.get(Uncertain::Win), range("0.55", "0.55", "0.6"));
    assert_eq!(ranges.get(Uncertain::Margin).high, d("0.395"));
    // Low = likely = high is allowed.
    risk.clear(field("win_low"));
    risk.clear(field("margin_high"));
    assert_eq!(risk.set(field("win_low"), "50"), Ok(()));
    assert_eq!(risk.set(field("win_high"), "50"), Ok(()));
    assert_eq!(
        *risk.ranges(&central).unwrap().get(Uncertain::Win),
        range("0.5", "0.5", "0.5")
    );

    // A deserialized override out of bounds.
    let mut stored = RiskInputs::default();
    stored.high[Uncertain::Noshow as usize] = Some(d("1.5"));
    assert_eq!(
        stored.ranges(&central),
        Err(vec![RangeError {
            field: field("noshow_high"),
            problem: RangeProblem::Invalid(Problem::AboveMax { max: d("100") }),
        }])
    );

    let (parsed, errors) =
        RiskInputs::from_plain([(field("opp_low"), "20"), (field("opp_high"), "x")]);
    assert_eq!(parsed.low[Uncertain::Opp as usize], Some(d("0.2")));
    assert_eq!(errors, vec![(field("opp_high"), Problem::NotANumber)]);
}

// --- statistics -------------------------------------------------------------

#[test]
fn nearest_rank_percentiles() {
    let ten: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(percentile(&ten, 10), Some(1.0));
    assert_eq!(percentile(&ten, 50), Some(5.0));
    assert_eq!(percentile(&ten, 90), Some(9.0));
    assert_eq!(percentile(&ten, 100), Some(10.0));
    let three = [1.0, 2.0, 3.0];
    assert_eq!(percentile(&three, 10), Some(1.0)); // ceil(0.3) = 1
    assert_eq!(percentile(&three, 50), Some(2.0)); // ceil(1.5) = 2
    assert_eq!(percentile(&three, 90), Some(3.0)); // ceil(2.7) = 3
    assert_eq!(percentile(&[7.0], 10), Some(7.0));
    assert_eq!(percentile(&[], 50), None);
    let many: Vec<f64> = (1..=10_000).map(f64::from).collect();
    assert_eq!(percentile(&many, 10), Some(1_000.0));
    assert_eq!(percentile(&many, 90), Some(9_000.0));
}

#[test]
fn histogram_bins_cover_every_value_and_align_on_zero() {
    let values: Vec<f64> = (0..1_000).map(|i| f64::from(i) * 7.3 - 2_000.0).collect();
    let bins = histogram(&values);
    assert!(bins.len() == HISTOGRAM_BINS || bins.len() == HISTOGRAM_BINS + 1);
    assert_eq!(bins.iter().map(|bin| bin.count).sum::<u32>(), 1_000);
    assert!(bins[0].lo <= values[0]);
    assert!(bins[bins.len() - 1].hi >= values[999]);
    assert!(
        bins.iter().any(|bin| bin.lo == 0.0),
        "an edge at 0: {bins:?}"
    );
    for pair in bins.windows(2) {
        assert_eq!(pair[0].hi, pair[1].lo);
    }
    for bin in &bins {
        assert!(bin.lo < bin.hi);
        let inside = values
            .iter()
            .filter(|&&v| v >= bin.lo && (v < bin.hi || (bin.hi >= values[999] && v <= bin.hi)))
            .count();
        assert_eq!(inside as u32, bin.count, "{bin:?}");
    }
    // All gains: exactly HISTOGRAM_BINS bins from min to max.
    let gains: Vec<f64> = (1..=100).map(f64::from).collect();
    let bins = histogram(&gains);
    assert_eq!(bins.len(), HISTOGRAM_BINS);
    assert_eq!((bins[0].lo, bins[19].hi), (1.0, 100.0));
    assert_eq!(bins.iter().map(|bin| bin.count).sum::<u32>(), 100);
    // One value: one bin.
    assert_eq!(
        histogram(&[5.0, 5.0]),
        vec![Bin {
            lo: 5.0,
            hi: 5.0,
            count: 2
        }]
    );
    assert!(histogram(&[]).is_empty());
}

#[test]
fn data_values_and_testids() {
    assert_eq!(risk_data_value(Some(0.25)), "0.25");
    assert_eq!(risk_data_value(Some(-0.0)), "0");
    assert_eq!(risk_data_value(Some(1e21)), "1000000000000000000000");
    assert_eq!(risk_data_value(Some(-1234.5)), "-1234.5");
    assert_eq!(risk_data_value(None), "");
    let ids: Vec<_> = RiskFigureId::ALL.iter().map(|id| id.testid()).collect();
    assert_eq!(
        ids,
        [
            "risk-loss-probability",
            "risk-net-p10",
            "risk-net-p50",
            "risk-net-p90",
            "risk-roi-p10",
            "risk-roi-p50",
            "risk-roi-p90"
        ]
    );
}

// --- simulation -------------------------------------------------------------

/// Degenerate ranges: every trial is the deterministic scenario.
#[test]
fn degenerate_ranges_give_the_deterministic_figures() {
    for (pairs, loss) in [
        (vec![], 0.0),                       // net +22,800
        (vec![(Field::Price, "1000")], 1.0), // 50,000 € for 28,800 €: −21,200
        (
            vec![
                (Field::Noshow, "12.5"),
                (Field::Hours, "2"),
                (Field::Hourly, "75"),
            ],
            0.0,
        ),
    ] {
        let scenario = base(&pairs);
        let outcome = evaluate(&scenario);
        let (net, roi) = (f(outcome.net_result.unwrap()), f(outcome.roi.unwrap()));
        let summary = simulate(&scenario, &Ranges::certain(&scenario), 2_000, DEFAULT_SEED);
        assert_eq!(summary.trials, 2_000);
        assert_eq!(summary.loss_probability, loss);
        for p in [summary.net_p10, summary.net_p50, summary.net_p90] {
            assert_close(p, net, 1e-9 * net.abs());
        }
        assert_eq!(
            (summary.net_p10, summary.net_p50),
            (summary.net_p90, summary.net_p90)
        );
        for p in [summary.roi_p10, summary.roi_p50, summary.roi_p90] {
            assert_close(p.unwrap(), roi, 1e-9 * roi.abs().max(1.0));
        }
        assert_eq!(summary.roi_trials, 2_000);
        assert_eq!(summary.histogram.len(), 1);
        assert_eq!(summary.histogram[0].count, 2_000);
    }
    // Ranges collapsed away from the central value: that value is used.
    let scenario = Inputs::default();
    let mut ranges = Ranges::certain(&scenario);
    *ranges.get_mut(Uncertain::Win) = Range::certain(d("0.3"));
    let summary = simulate(&scenario, &ranges, 100, 7);
    // 50 × 0.5 × 0.3 = 7.5 → 7 sales × 2,400 − 6,000 = 10,800.
    assert_close(summary.net_p50, 10_800.0, 1e-8);
}

/// One uncertain input, whose loss probability follows from the triangular CDF.
///
/// Rounding `expected`, 50 meetings, no no-show, opp 50 %: 25 opportunities;
/// gross margin = 25 × win × 6,000 × 40 % = 60,000 × win. With win ~
/// Triangular(a = 10 %, c = 25 %, b = 50 %):
///
/// - price 240 €: cost 12,000 €, a loss when win < 20 % (< c):
///   P = (0.20 − a)² / ((b − a)(c − a)) = 0.01 / (0.4 × 0.15) = 1/6 ≈ 16.67 %;
/// - price 360 €: cost 18,000 €, a loss when win < 30 % (> c):
///   P = 1 − (b − 0.30)² / ((b − a)(b − c)) = 1 − 0.04 / (0.4 × 0.25) = 60 %.
///
/// At 10,000 trials the standard error is √(p(1 − p)/n) ≤ 0.5 point, so
/// ±1.5 points is three standard errors and more.
///
/// The median of win is b − √((b − a)(b − c) / 2) = 0.5 − √0.05 ≈ 27.64 %
/// (F(c) = 0.375 < 0.5), so net p50 ≈ 60,000 × 0.27639 − 12,000 ≈ 4,583.6 €
/// at 240 €; its standard error is about 67 € (density 4.47 at the median).
#[test]
fn one_uncertain_input_matches_the_triangular_cdf() {
    for (price, expected_loss) in [("240", 1.0 / 6.0), ("360", 0.6)] {
        let scenario = base(&[(Field::Rounding, "expected"), (Field::Price, price)]);
        let mut ranges = Ranges::certain(&scenario);
        *ranges.get_mut(Uncertain::Win) = range("0.10", "0.25", "0.50");
        let summary = simulate(&scenario, &ranges, 10_000, DEFAULT_SEED);
        assert_eq!(summary.trials, 10_000);
        assert_close(summary.loss_probability, expected_loss, 0.015);
        if price == "240" {
            let median = 60_000.0 * (0.5 - 0.05f64.sqrt()) - 12_000.0;
            assert_close(summary.net_p50, median, 300.0);
            // Every trial stays within the range's results: 60,000 × [0.1, 0.5] − 12,000.
            assert!(-6_000.0 <= summary.net_p10 && summary.net_p90 <= 18_000.0);
            // The histogram's edges are aligned on 0 (one bin at most beyond 20).
            assert!(summary.histogram.len() <= HISTOGRAM_BINS + 1);
            assert!(summary.histogram.iter().any(|bin| bin.lo == 0.0));
            // ROI = net / 12,000.
            assert_close(summary.roi_p50.unwrap(), summary.net_p50 / 12_000.0, 1e-12);
        }
        // Other seeds agree with the CDF as well.
        for seed in [1, 2, 3] {
            let other = simulate(&scenario, &ranges, 10_000, seed);
            assert_close(other.loss_probability, expected_loss, 0.015);
        }
    }
}

#[test]
fn same_inputs_and_seed_give_identical_results() {
    let scenario = base(&[
        (Field::Hours, "2"),
        (Field::Hourly, "60"),
        (Field::Noshow, "15"),
    ]);
    let ranges = Ranges::defaults(&scenario);
    let first = simulate(&scenario, &ranges, DEFAULT_TRIALS, DEFAULT_SEED);
    let again = simulate(&scenario, &ranges, DEFAULT_TRIALS, DEFAULT_SEED);
    assert_eq!(first, again);
    assert_eq!(first.seed, DEFAULT_SEED);
    assert_eq!(
        first.histogram.iter().map(|bin| bin.count).sum::<u32>(),
        DEFAULT_TRIALS
    );
    let other = simulate(&scenario, &ranges, DEFAULT_TRIALS, next_seed(DEFAULT_SEED));
    assert_ne!(first, other);
    // Percentiles are ordered.
    assert!(first.net_p10 <= first.net_p50 && first.net_p50 <= first.net_p90);
    let (p10, p50, p90) = (
        first.roi_p10.unwrap(),
        first.roi_p50.unwrap(),
        first.roi_p90.unwrap(),
    );
    assert!(p10 <= p50 && p50 <= p90);
    // The deterministic central result sits inside the simulated spread.
    let central = f(evaluate(&scenario).net_result.unwrap());
    assert!(first.net_p10 < central && central < first.net_p90);
}

#[test]
fn trial_counts_are_clamped_and_rois_need_a_cost() {
    let scenario = Inputs::default();
    let one = simulate(&scenario, &Ranges::defaults(&scenario), 0, DEFAULT_SEED);
    assert_eq!(one.trials, 1);
    assert_eq!(one.histogram.iter().map(|bin| bin.count).sum::<u32>(), 1);
    // Free meetings, no internal cost: no trial has an ROI.
    let free = base(&[(Field::Price, "0")]);
    let summary = simulate(&free, &Ranges::defaults(&free), 500, DEFAULT_SEED);
    assert_eq!(summary.roi_trials, 0);
    assert_eq!(
        (summary.roi_p10, summary.roi_p50, summary.roi_p90),
        (None, None, None)
    );
    assert_eq!(summary.loss_probability, 0.0);
}

#[test]
fn hand_built_ranges_out_of_order_do_not_panic() {
    let scenario = Inputs::default();
    let mut ranges = Ranges::defaults(&scenario);
    *ranges.get_mut(Uncertain::Win) = range("0.6", "0.9", "0.4"); // ends swapped, likely outside
    let summary = simulate(&scenario, &ranges, 1_000, DEFAULT_SEED);
    assert!(summary.net_p10.is_finite());
    let bars = tornado(&scenario, &ranges);
    let win = bars.iter().find(|bar| bar.input == Uncertain::Win).unwrap();
    assert_eq!((win.low, win.high), (d("0.4"), d("0.6")));
}

#[test]
fn triangular_inverse_cdf() {
    let t = Triangular::new(&range("0.1", "0.25", "0.5"));
    assert_eq!(t.sample(0.0), 0.1);
    // F(c) = 0.375: u = 0.375 gives the mode.
    assert_close(t.sample(0.375), 0.25, 1e-15);
    // u = 0.09375 = 0.375 / 4 gives a + (c − a) / 2 (the CDF is quadratic).
    assert_close(t.sample(0.09375), 0.175, 1e-15);
    assert!(t.sample(1.0 - f64::EPSILON) <= 0.5);
    let point = Triangular::new(&range("0.3", "0.3", "0.3"));
    assert_eq!(point.sample(0.123), 0.3);
}

#[test]
fn whole_sales_snap_only_true_integers() {
    assert_eq!(whole_sales(2.999_999_999_999_999_6), 3.0); // 30 × 0.1 in f64
    assert_eq!(whole_sales(2.999_999), 2.0);
    assert_eq!(whole_sales(12.5), 12.0);
    assert_eq!(whole_sales(0.0), 0.0);
    assert_eq!(whole_sales(1e-15), 0.0);
}

// --- tornado ----------------------------------------------------------------

/// Defaults: 50 meetings × 120 €, 12 sales, ROI 3.8.
#[test]
fn tornado_hand_computed() {
    let scenario = Inputs::default();
    let bars = tornado(&scenario, &Ranges::defaults(&scenario));
    let order: Vec<_> = bars.iter().map(|bar| bar.field.key()).collect();
    // opp and win tie (swing 2): the spec's order keeps opp first.
    assert_eq!(order, ["opp", "win", "deal", "margin", "noshow", "hours"]);
    let expect = |bar: &TornadoBar, low: &str, high: &str, swing: &str| {
        assert_eq!(bar.roi_at_low, Ok(d(low)), "{:?}", bar.input);
        assert_eq!(bar.roi_at_high, Ok(d(high)), "{:?}", bar.input);
        assert_eq!(bar.swing, Ok(d(swing)), "{:?}", bar.input);
    };
    // opp 40 %: floor(50 × 0.4 × 0.5) = 10 sales, 24,000 − 6,000 → 3; 60 %: 15 sales → 5.
    expect(&bars[0], "3", "5", "2");
    expect(&bars[1], "3", "5", "2");
    // deal 5,100: 12 × 5,100 × 0.4 = 24,480 → 3.08; 6,900: 33,120 → 4.52.
    expect(&bars[2], "3.08", "4.52", "1.44");
    // margin 35 %: 25,200 → 3.2; 45 %: 32,400 → 4.4.
    expect(&bars[3], "3.2", "4.4", "1.2");
    // no-show 0 %: 3.8; 10 %: floor(11.25) = 11 sales, 26,400 → 3.4.
    expect(&bars[4], "3.8", "3.4", "0.4");
    expect(&bars[5], "3.8", "3.8", "0");
    assert_eq!(bars[2].net_at_low, Ok(d("18480")));
    assert_eq!(bars[4].net_at_high, Ok(d("20400")));
    assert_eq!((bars[2].low, bars[2].high), (d("5100"), d("6900")));
}

#[test]
fn tornado_undefined_swing_goes_last() {
    // Free meetings: the only cost is the sales time, 50 × hours × 50 €.
    let scenario = base(&[
        (Field::Price, "0"),
        (Field::Hours, "1"),
        (Field::Hourly, "50"),
    ]);
    let mut ranges = Ranges::defaults(&scenario);
    *ranges.get_mut(Uncertain::Hours) = range("0", "1", "2");
    let bars = tornado(&scenario, &ranges);
    let last = bars.last().unwrap();
    assert_eq!(last.input, Uncertain::Hours);
    assert_eq!(last.roi_at_low, Err(Undefined::NoCost));
    assert_eq!(last.swing, Err(Undefined::NoCost));
    // At 2 hours: cost 5,000, 12 sales → 28,800; ROI 4.76.
    assert_eq!(last.roi_at_high, Ok(d("4.76")));
    assert!(bars[..5].iter().all(|bar| bar.swing.is_ok()));
}

// --- the f64 fast path agrees with the decimal engine ------------------------

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::{Basis, Rounding};

    /// A percent as a fraction: a whole percent half of the time (exact
    /// integer sales are then common, the hard case for `floor` in f64),
    /// else up to 4 decimals.
    fn rate() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (0..=100i64).prop_map(|pct| Decimal::new(pct, 2)),
            (0..=1_000_000i64).prop_map(|units| Decimal::new(units, 6)),
        ]
    }

    fn money(max: i64) -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (0..=max).prop_map(Decimal::from),
            (0..=max * 10_000).prop_map(|units| Decimal::new(units, 4)),
        ]
    }

    fn scenario() -> impl Strategy<Value = Inputs> {
        (
            (
                1..=1_000_000i64,
                money(100_000),
                any::<bool>(),
                rate(),
                money(10_000_000),
            ),
            (rate(), rate(), any::<bool>(), money(100_000_000), rate()),
            (money(1_000), money(10_000), money(100_000_000)),
        )
            .prop_map(
                |(
                    (meetings, price, held, noshow, setup),
                    (opp, win, whole, deal, margin),
                    (hours, hourly, fixed),
                )| Inputs {
                    meetings: Decimal::from(meetings),
                    price,
                    basis: if held { Basis::Held } else { Basis::Booked },
                    noshow,
                    setup,
                    opp,
                    win,
                    rounding: if whole {
                        Rounding::Whole
                    } else {
                        Rounding::Expected
                    },
                    deal,
                    margin,
                    hours,
                    hourly,
                    fixed,
                    ..Inputs::default()
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        /// Net result and ROI from the f64 path equal the decimal engine's within
        /// 1e-9 of the figures' scale (max of |gross margin|, total cost, 1 €;
        /// for the ROI, that scale over the total cost).
        #[test]
        fn fast_path_agrees_with_evaluate(scenario in scenario()) {
            let outcome = evaluate(&scenario);
            let draw = Uncertain::ALL.map(|input| f(input.get(&scenario)));
            let (net, roi) = FastModel::new(&scenario).net_and_roi(&draw);
            let gross = f(outcome.gross_margin.unwrap());
            let total = f(outcome.total_cost.unwrap());
            let scale = gross.abs().max(total).max(1.0);
            let exact_net = f(outcome.net_result.unwrap());
            prop_assert!((net - exact_net).abs() <= 1e-9 * scale, "net {} vs {}", net, exact_net);
            match outcome.roi {
                Ok(exact_roi) => {
                    let roi = roi.expect("a cost, so an ROI");
                    let exact_roi = f(exact_roi);
                    prop_assert!(
                        (roi - exact_roi).abs() <= 1e-9 * (scale / total).max(1.0),
                        "roi {} vs {}", roi, exact_roi
                    );
                }
                Err(reason) => {
                    prop_assert_eq!(reason, Undefined::NoCost);
                    prop_assert_eq!(roi, None);
                }
            }
            // Sales themselves, whole or expected, agree (the floor is the delicate part).
            let sales = f(outcome.sales.unwrap());
            let expected = f(outcome.sales_expected.unwrap());
            let [noshow, opp, win, ..] = draw;
            let f64_expected = f(scenario.meetings) * (1.0 - noshow) * opp * win;
            let f64_sales = if scenario.rounding == Rounding::Whole { whole_sales(f64_expected) } else { f64_expected };
            prop_assert!((f64_sales - sales).abs() <= 1e-9 * expected.max(1.0));
        }

        /// Certain ranges reproduce the fast path's deterministic value in every trial.
        #[test]
        fn certain_ranges_are_not_random(scenario in scenario(), seed in any::<u64>()) {
            let summary = simulate(&scenario, &Ranges::certain(&scenario), 50, seed);
            let draw = Uncertain::ALL.map(|input| f(input.get(&scenario)));
            let (net, _) = FastModel::new(&scenario).net_and_roi(&draw);
            prop_assert_eq!(summary.net_p10, net);
            prop_assert_eq!(summary.net_p90, net);
            prop_assert!(summary.loss_probability == 0.0 || summary.loss_probability == 1.0);
        }
    }
}

#[test]
fn trial_counts_follow_their_bounds() {
    assert_eq!(parse_trials("10000"), Ok(10_000));
    assert_eq!(parse_trials("100"), Ok(100));
    assert_eq!(parse_trials("100000"), Ok(100_000));
    assert_eq!(parse_trials("99"), Err(Problem::BelowMin { min: d("100") }));
    assert_eq!(
        parse_trials("100001"),
        Err(Problem::AboveMax { max: d("100000") })
    );
    assert_eq!(parse_trials("1000.5"), Err(Problem::NotAWholeNumber));
    assert_eq!(parse_trials("dix"), Err(Problem::NotANumber));
    assert_eq!(TRIALS_SPEC.default, DEFAULT_TRIALS.to_string());
}

#[test]
fn seeds_are_plain_whole_numbers() {
    assert_eq!(parse_seed("0"), Some(0));
    assert_eq!(parse_seed("18446744073709551615"), Some(u64::MAX));
    assert_eq!(parse_seed("18446744073709551616"), None);
    assert_eq!(parse_seed("-1"), None);
    assert_eq!(parse_seed("+1"), None);
    assert_eq!(parse_seed(""), None);
    assert_eq!(parse_seed("1e3"), None);
}

/// The browser shows these very data-values (tests/e2e/risk.test.mjs reads
/// the same fixture): native and wasm32 simulations agree to the bit.
#[test]
fn the_default_simulation_matches_the_browser_fixture() {
    let fixture: std::collections::BTreeMap<String, String> = serde_json::from_str(include_str!(
        "../../tests/fixtures/risk/default-scenario.json"
    ))
    .expect("fixture is JSON");
    let base = Inputs::default();
    let summary = simulate(
        &base,
        &Ranges::defaults(&base),
        DEFAULT_TRIALS,
        DEFAULT_SEED,
    );
    for id in RiskFigureId::ALL {
        assert_eq!(
            Some(&risk_data_value(summary.figure(id))),
            fixture.get(id.testid()),
            "{}",
            id.testid()
        );
    }
}

/// The user's own prudent and ambitious values set the ends, not the
/// derivation rule; likely stays the central value.
#[test]
fn ranges_between_the_variants_as_given() {
    let central = Inputs::default();
    let prudent = base(&[(Field::Win, "20")]);
    let ambitious = base(&[(Field::Win, "70")]);
    let ranges = Ranges::between(&prudent, &central, &ambitious);
    assert_eq!(*ranges.get(Uncertain::Win), range("0.2", "0.5", "0.7"));
    // A variant on the wrong side of the central value still brackets it.
    let odd = base(&[(Field::Win, "60")]);
    let ranges = Ranges::between(&odd, &central, &ambitious);
    assert_eq!(*ranges.get(Uncertain::Win), range("0.5", "0.5", "0.7"));
    // Overrides resolve against the given defaults.
    let mut risk = RiskInputs::default();
    risk.set(field("win_low"), "25").unwrap();
    let resolved = risk
        .ranges_from(Ranges::between(&prudent, &central, &ambitious))
        .unwrap();
    assert_eq!(*resolved.get(Uncertain::Win), range("0.25", "0.5", "0.7"));
}
