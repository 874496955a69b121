//! The simulated odds at completion.

use super::*;
use crate::engine::tracking::odds::posterior_draws;

#[test]
fn odds_are_reproducible_and_ordered() {
    let plan = Inputs::default();
    let checkpoint = &twelve_weeks()[3];
    let first = odds(&plan, checkpoint, 20, 10_000, DEFAULT_SEED);
    assert_eq!(first, odds(&plan, checkpoint, 20, 10_000, DEFAULT_SEED));
    assert_ne!(first, odds(&plan, checkpoint, 20, 10_000, DEFAULT_SEED + 1));
    assert_eq!(
        (first.trials, first.seed, first.roi_trials),
        (10_000, DEFAULT_SEED, 10_000)
    );
    let (p10, p50, p90) = (
        first.roi_p10.unwrap(),
        first.roi_p50.unwrap(),
        first.roi_p90.unwrap(),
    );
    assert!(p10 <= p50 && p50 <= p90 && p10 < p90, "{p10} {p50} {p90}");
    // The projection's ROI (2.6) sits inside the spread; the 4 sales signed
    // already bring 9,600 € of margin against at most 6,000 € of cost.
    assert!(p10 < 2.6 && 2.6 < p90);
    assert_eq!(first.loss_probability, 0.0);
    assert_eq!(odds(&plan, checkpoint, 20, 0, 1).trials, 1);
}

/// With k = 0 and every observed rate at 0 % or 100 %, no rate is random:
/// each trial is the projection.
#[test]
fn fixed_rates_give_the_projection_in_every_trial() {
    // 4 + (16 pending + 30 new) × 1 = 50 sales: 120,000 € of margin.
    for (price, loss) in [("120", 0.0), ("5000", 1.0)] {
        let plan = plan(&[(Field::Price, price)]);
        let checkpoint = chk(4, 20, 20, 20, 4, 0);
        let f = assess(&plan, &checkpoint, 0);
        let roi = to_f64(f.proj_roi.unwrap());
        let odds = odds(&plan, &checkpoint, 0, 500, DEFAULT_SEED);
        assert_eq!(odds.loss_probability, loss);
        for p in [odds.roi_p10, odds.roi_p50, odds.roi_p90] {
            assert_close(p.unwrap(), roi, 1e-12 * roi.abs().max(1.0));
        }
    }
}

/// One random rate: the loss probability is the Beta CDF below the rate
/// that breaks even. Plan opportunity rate 100 % and every held meeting an
/// opportunity (opp fixed at 1), no no-show (fixed at 0), no opportunity
/// decided yet: win ~ Beta(20 × 0.5, 20 × 0.5) = Beta(10, 10). With expected
/// sales, 10 pending + 40 new opportunities make 50 × win sales, a gross
/// margin of 120,000 × win against 50 × 1,440 = 72,000 €: a loss below
/// win = 0.6, P = I_0.6(10, 10) = 0.81391. Standard error at 10,000
/// trials: 0.0039. The median ROI is 120,000 × 0.5 / 72,000 − 1 = −1/6.
#[test]
fn one_random_rate_matches_the_beta_cdf() {
    let plan = plan(&[
        (Field::Rounding, "expected"),
        (Field::Price, "1440"),
        (Field::Opp, "100"),
    ]);
    let checkpoint = chk(4, 10, 10, 10, 0, 0);
    let draws = posterior_draws(&plan, &checkpoint, 20);
    assert!(draws[0].deviation().is_none() && draws[1].deviation().is_none());
    assert_eq!(draws[2].params, Ok((d("10"), d("10"))));
    for seed in [DEFAULT_SEED, 1, 2] {
        let odds = odds(&plan, &checkpoint, 20, 10_000, seed);
        assert_close(odds.loss_probability, 0.81391, 0.012);
        assert_close(odds.roi_p50.unwrap(), -1.0 / 6.0, 0.01);
    }
}

/// The week-4 checkpoint at 250 € a meeting, the risk panel's default
/// trials and seed: the page must show these very data-values (native and
/// wasm32 draws are bit-identical; an end-to-end test can read the same
/// fixture).
#[test]
fn the_week_4_odds_match_the_fixture() {
    let fixture: std::collections::BTreeMap<String, String> = serde_json::from_str(include_str!(
        "../../../../tests/fixtures/tracking/week-4.json"
    ))
    .expect("fixture is JSON");
    let plan = plan(&[(Field::Price, "250")]);
    let tracking = track_checkpoint(
        &plan,
        &twelve_weeks()[3],
        DEFAULT_TRACK_PRIOR,
        crate::engine::DEFAULT_TRIALS,
        DEFAULT_SEED,
    );
    for id in TrackFigureId::ALL {
        assert_eq!(
            Some(&tracking.data_value(id)),
            fixture.get(id.testid()),
            "{}",
            id.testid()
        );
    }
}
