//! The checkpoint verdict, its lever and its evidence.

use super::*;

#[test]
fn the_four_verdicts() {
    let checkpoint = &twelve_weeks()[3];
    // Continue: shown above. Adjust without a lever: nothing is behind plan
    // but the plan itself misses a 500 % target.
    let ambitious = plan(&[(Field::Target, "500")]);
    let on_plan = chk(4, 16, 16, 8, 2, 2);
    let tracking = track_checkpoint(&ambitious, &on_plan, 20, 1_000, DEFAULT_SEED);
    assert_eq!(tracking.verdict, TrackVerdict::Adjust { lever: None });

    // Stop: at 700 € a meeting the week-4 campaign loses 13,400 €, in nearly
    // every trial; break-even for the 26 meetings to come is (21,600 − 700 ×
    // 24) / 26 = 184.6 €, so the price is the lever (1 − 184.6 / 700 = 73.6 %
    // beats the win rate's 38.5 %).
    let dear = plan(&[(Field::Price, "700")]);
    let tracking = track_checkpoint(&dear, checkpoint, 20, 2_000, DEFAULT_SEED);
    assert_fig(tracking.figures.proj_break_even_price, q(4_800, 26));
    assert!(tracking.odds.loss_probability > 0.5);
    let TrackVerdict::Stop {
        lever:
            Some(Lever::Price {
                price,
                break_even,
                shortfall,
            }),
    } = tracking.verdict
    else {
        panic!("{:?}", tracking.verdict);
    };
    assert_eq!((price, break_even), (d("700"), q(4_800, 26)));
    assert_eq!(shortfall, d("1") - q(4_800, 26) / d("700"));
    assert_eq!(tracking.data_value(TrackFigureId::Verdict), "stop");

    // Review: a projected loss the odds do not confirm. Plan win 89.8 %
    // (k × win = 17.96), every held meeting an opportunity at 100 %, none
    // decided: 50 × 0.898 = 44.9 sales, 44 whole ones, 105,600 € of margin
    // against 50 × 2,140 = 107,000 €. A 45th sale (win ≥ 0.9) turns it into
    // +1,000 €, and P(Beta(17.96, 2.04) < 0.9) = 0.4328: the left-skewed
    // posterior wins more often than its mean says.
    let close = plan(&[
        (Field::Price, "2140"),
        (Field::Opp, "100"),
        (Field::Win, "89.8"),
    ]);
    let tracking = track_checkpoint(&close, &chk(4, 10, 10, 10, 0, 0), 20, 10_000, DEFAULT_SEED);
    assert_fig(tracking.figures.proj_sales_expected, d("44.9"));
    assert_fig(tracking.figures.proj_net_result, d("-1400"));
    assert_close(tracking.odds.loss_probability, 0.4328, 0.015);
    // Only the win rate is uncertain: no opportunity decided yet, 50 to come.
    assert_eq!(
        tracking.verdict,
        TrackVerdict::Review {
            evidence: Some(Evidence {
                rate: TrackedRate::Win,
                observed: d("0"),
                to_come: d("50"),
            })
        }
    );
    assert_eq!(tracking.data_value(TrackFigureId::Verdict), "review");
}

#[test]
fn the_lever_is_the_largest_shortfall() {
    // Plan no-show 0 %: a few no-shows are measured on the show rate (held 18
    // of 20: 10 % lost), not as infinitely worse than 0 %.
    let plan = plan(&[(Field::Opp, "60")]);
    let figures_of = |checkpoint: &Checkpoint| assess(&plan, checkpoint, 20);
    let checkpoint = chk(4, 20, 18, 9, 3, 3); // opp 50 % vs 60 %: 1/6; win 50 %: on plan
    let found = lever(&plan, &checkpoint, &figures_of(&checkpoint)).unwrap();
    assert_eq!(
        found,
        Lever::Rate {
            rate: TrackedRate::Opp,
            observed: d("0.5"),
            planned: d("0.6"),
            shortfall: d("1") - d("9") / d("10.8"),
        }
    );
    // More no-shows (held 14 of 20: 30 % lost) outweigh it.
    let checkpoint = chk(4, 20, 14, 7, 3, 3);
    let Some(Lever::Rate {
        rate,
        observed,
        planned,
        shortfall,
    }) = lever(&plan, &checkpoint, &figures_of(&checkpoint))
    else {
        panic!()
    };
    assert_eq!(
        (rate, observed, planned),
        (TrackedRate::Noshow, d("0.3"), d("0"))
    );
    assert_eq!(shortfall, d("0.3"));
    // An exact tie (win 40 % vs 50 %, opp 48 % vs 60 %: both 20 %) goes to
    // the funnel's order.
    let checkpoint = chk(4, 25, 25, 12, 4, 6);
    let Some(Lever::Rate {
        rate, shortfall, ..
    }) = lever(&plan, &checkpoint, &figures_of(&checkpoint))
    else {
        panic!()
    };
    assert_eq!((rate, shortfall), (TrackedRate::Opp, d("0.2")));
    // Everything at or above plan: no lever.
    let checkpoint = chk(4, 20, 20, 12, 3, 3);
    assert_eq!(lever(&plan, &checkpoint, &figures_of(&checkpoint)), None);
}
