//! Every deterministic figure, hand-computed.

use super::*;
use crate::engine::tracking::figures::{exact_quotient, Ratio};

/// Week 4 of the default plan (50 meetings over 3 months: W = 13 weeks,
/// a sales cycle of 2 months = 104/12 weeks), k = 20: 24 booked, 22 held,
/// 13 opportunities, 4 sales and 9 lost.
#[test]
fn week_4_of_the_default_plan_hand_computed() {
    let checkpoints = twelve_weeks();
    let inputs = campaign(checkpoints[..4].to_vec());
    assert!(inputs.validate().is_empty());
    assert!(campaign(checkpoints.clone()).validate().is_empty());
    let plan = Inputs::default();
    let tracking = track(&plan, &inputs, 2_000, DEFAULT_SEED).unwrap();
    let f = &tracking.figures;
    assert_eq!((f.campaign_weeks, f.week), (13, 4));
    // Plan to date: 50 × 4 / 13 booked and held, half of them opportunities,
    // no sale yet (12 × 4 − 52 × 2 < 0: nothing held a cycle ago).
    assert_fig(f.booked_plan, q(200, 13));
    assert_fig(f.held_plan, q(200, 13));
    assert_fig(f.opps_plan, q(100, 13));
    assert_fig(f.sales_plan, d("0"));
    // Pace: 24 / (200 / 13) = 1.56.
    assert_fig(f.pace, d("1.56"));
    // Observed: 2 no-shows of 24, 13 opportunities of 22 held, 4 won of 13 decided.
    assert_fig(f.noshow_obs, q(1, 12));
    assert_fig(f.opp_obs, q(13, 22));
    assert_fig(f.win_obs, q(4, 13)); // 30.8 %, "31 %" on the page
                                     // Re-estimated: (20 × 0 + 2) / 44, (20 × 0.5 + 13) / 42, (20 × 0.5 + 4) / 33.
    assert_fig(f.noshow_post, q(1, 22));
    assert_fig(f.opp_post, q(23, 42));
    assert_fig(f.win_post, q(14, 33));
    // Invoices: 120 × 24 booked; nothing internal.
    assert_fig(f.expected_invoice, d("2880"));
    assert_fig(f.invoiced, d("2880"));
    assert_fig(f.invoice_gap, d("0"));
    assert_fig(f.invoice_gap_meetings, d("0"));
    assert_fig(f.internal_to_date, d("0"));
    assert_fig(f.cost_per_held_actual, q(2880, 22));
    assert_fig(f.revenue, d("24000"));
    // Projection: 26 meetings to book, 26 × 21/22 = 273/11 held, 273/11 ×
    // 23/42 = 299/22 new opportunities, none pending; sales 4 + 299/22 ×
    // 14/33 = 4 + 2093/363 = 3545/363 = 9.77 → 9.
    assert_fig(f.remaining_booked, d("26"));
    assert_fig(f.remaining_held, q(273, 11));
    assert_fig(f.pending_opps, d("0"));
    assert_near(f.proj_held, q(515, 11));
    assert_near(f.proj_opps, q(585, 22));
    assert_fig(f.proj_sales_expected, q(3545, 363));
    assert_fig(f.proj_sales, d("9"));
    assert_fig(f.proj_billed, d("50"));
    assert_fig(f.proj_provider_cost, d("6000")); // 2,880 + 120 × 26
    assert_fig(f.proj_internal_cost, d("0"));
    assert_fig(f.proj_total_cost, d("6000"));
    assert_fig(f.proj_revenue, d("54000")); // 24,000 + 5 × 6,000
    assert_fig(f.proj_gross_margin, d("21600"));
    assert_fig(f.proj_net_result, d("15600"));
    assert_fig(f.proj_roi, d("2.6"));
    // (21,600 − 2,880) / 26 meetings still to bill.
    assert_fig(f.proj_break_even_price, d("720"));
    assert_fig(f.proj_ltv_to_cac, d("3.6")); // 2,400 × 9 / 6,000
                                             // The default plan is so profitable that a win rate of 31 % against
                                             // 50 % still clears the 100 % target and both guardrails.
    assert_eq!(tracking.verdict, TrackVerdict::Continue);
    assert_eq!(tracking.data_value(TrackFigureId::Verdict), "continue");
    assert_eq!(tracking.data_value(TrackFigureId::Pace), "1.56");
    assert_eq!(tracking.data_value(TrackFigureId::ProjRoi), "2.6");
    assert_eq!(
        tracking.data_value(TrackFigureId::Win),
        q(4, 13).normalize().to_string()
    );
}

/// The same week 4 against a provider at 250 € a meeting: the projection
/// still breaks even but misses the target, and the win rate is the lever.
#[test]
fn week_4_at_250_euros_is_adjust_on_the_win_rate() {
    let plan = plan(&[(Field::Price, "250")]);
    let checkpoint = &twelve_weeks()[3];
    let tracking = track_checkpoint(&plan, checkpoint, 20, 2_000, DEFAULT_SEED);
    let f = &tracking.figures;
    assert_fig(f.expected_invoice, d("6000"));
    assert_fig(f.proj_provider_cost, d("12500")); // 6,000 + 250 × 26
    assert_fig(f.proj_net_result, d("9100")); // 21,600 − 12,500
    assert_fig(f.proj_roi, d("0.728"));
    assert_fig(f.proj_ltv_to_cac, d("1.728"));
    assert_fig(f.proj_break_even_price, d("600")); // (21,600 − 6,000) / 26
                                                   // Win: 4 of 13 decided against 50 %, a shortfall of 1 − 4 / 6.5 = 5/13;
                                                   // no-show: 22 held of 24 against all 24, 1/12; opportunities: above plan.
    assert_eq!(
        tracking.verdict,
        TrackVerdict::Adjust {
            lever: Some(Lever::Rate {
                rate: TrackedRate::Win,
                observed: q(4, 13),
                planned: d("0.5"),
                shortfall: d("1") - q(8, 13),
            })
        }
    );
    assert_eq!(tracking.data_value(TrackFigureId::Verdict), "adjust");
    assert_eq!(TrackedRate::Win.key(), "win");
}

/// Week 12: every meeting booked, one opportunity still pending.
#[test]
fn week_12_of_the_default_plan_hand_computed() {
    let inputs = campaign(twelve_weeks());
    let plan = Inputs::default();
    let f = assess(&plan, inputs.latest().unwrap(), inputs.track_prior);
    // Plan to date: 50 × 12 / 13 booked; sales from meetings held 12 − 104/12
    // = 40/12 weeks of the 13: 50 × 40 / 156 × 0.5 × 0.5 = 500 / 156.
    assert_fig(f.booked_plan, q(600, 13));
    assert_fig(f.sales_plan, q(500, 156));
    assert_fig(f.pace, q(650, 600)); // 50 × 13 / (50 × 12)
    assert_fig(f.win_post, q(19, 45)); // (10 + 9) / (20 + 25)
    assert_fig(f.remaining_booked, d("0"));
    assert_fig(f.remaining_held, d("0"));
    assert_fig(f.pending_opps, d("1"));
    assert_fig(f.proj_held, d("46"));
    assert_fig(f.proj_opps, d("26"));
    // 9 + 1 × 19/45.
    assert_fig(f.proj_sales_expected, d("9") + q(19, 45));
    assert_fig(f.proj_sales, d("9"));
    assert_fig(f.proj_total_cost, d("6000"));
    assert_fig(f.proj_net_result, d("15600"));
    assert_eq!(
        f.proj_break_even_price,
        Err(TrackUndefined::NothingLeftToBill)
    );
    // The thirteenth week decides the last opportunity; trusting only the
    // observations, the projection is what happened.
    let done = chk(13, 50, 46, 26, 9, 17);
    let mut all = inputs.checkpoints.clone();
    all.push(done.clone());
    assert!(campaign(all).validate().is_empty());
    let f = assess(&plan, &done, 0);
    assert_fig(f.noshow_post, q(4, 50));
    assert_fig(f.opp_post, q(26, 46));
    assert_fig(f.win_post, q(9, 26));
    assert_fig(f.proj_sales, d("9"));
    assert_fig(f.proj_revenue, d("54000"));
    assert_fig(f.proj_total_cost, d("6000"));
    assert_fig(f.proj_roi, d("2.6"));
}

// --- other formulas -------------------------------------------------------------

#[test]
fn invoices_beyond_the_counts() {
    // "The invoices exceed what the counts justify by 480 € (4 meetings)."
    let mut checkpoint = twelve_weeks()[3].clone();
    checkpoint.invoiced = Some(d("3360"));
    checkpoint.revenue = Some(d("20000"));
    let plan = plan(&[
        (Field::Setup, "500"),
        (Field::Hours, "2"),
        (Field::Hourly, "50"),
    ]);
    let f = assess(&plan, &checkpoint, 20);
    assert_fig(f.expected_invoice, d("3380")); // 120 × 24 + 500
    checkpoint.invoiced = Some(d("3860"));
    let f = assess(&plan, &checkpoint, 20);
    assert_fig(f.invoice_gap, d("480"));
    assert_fig(f.invoice_gap_meetings, d("4"));
    // 22 held × 2 h × 50 €.
    assert_fig(f.internal_to_date, d("2200"));
    assert_fig(f.cost_per_held_actual, q(3860 + 2200, 22));
    // The rest is billed at the plan's price on top of what was invoiced.
    assert_fig(f.proj_provider_cost, d("3860") + d("3120"));
    // Internal: 515/11 held × 100 €.
    assert_near(f.proj_internal_cost, q(51_500, 11));
    // Revenue: 20,000 signed + 5 more sales × 6,000.
    assert_fig(f.revenue, d("20000"));
    assert_fig(f.proj_revenue, d("50000"));
    assert_near(
        f.proj_break_even_price,
        (d("20000") - d("3860") - q(51_500, 11)) / d("26"),
    );
    // Invoiced less than expected: a negative gap.
    checkpoint.invoiced = Some(d("3020"));
    assert_fig(assess(&plan, &checkpoint, 20).invoice_gap, d("-360"));
}

#[test]
fn billed_on_held_meetings_and_expected_sales() {
    let plan = plan(&[(Field::Basis, "held"), (Field::Rounding, "expected")]);
    let checkpoint = &twelve_weeks()[3];
    let f = assess(&plan, checkpoint, 20);
    let assert_near = |figure: TrackFigure, expected: Decimal| {
        let value = figure.unwrap();
        assert!(
            (value - expected).abs() <= expected.abs() * d("0.0000000000000000000001"),
            "{value} vs {expected}"
        );
    };
    assert_fig(f.expected_invoice, d("2640")); // 120 × 22 held
    assert_near(f.proj_billed, q(515, 11));
    // 2,640 + 120 × 273/11.
    assert_near(f.proj_provider_cost, d("2640") + q(120 * 273, 11));
    assert_fig(f.proj_sales, q(3545, 363));
    assert_near(f.proj_revenue, q(3545, 363) * d("6000"));
    assert_near(
        f.proj_break_even_price,
        (q(3545, 363) * d("2400") - d("2640")) / q(273, 11),
    );
}

#[test]
fn plan_to_date_follows_the_weeks_and_the_cycle() {
    // One month of cycle is 52/12 = 4.33 weeks: at week 5, meetings of the
    // first 8/12 of a week have had time to sign (12 × 5 − 52 = 8).
    let plan = plan(&[(Field::Cycle, "1"), (Field::Noshow, "10")]);
    let f = assess(&plan, &chk(5, 20, 18, 9, 1, 1), 20);
    assert_fig(f.booked_plan, q(250, 13));
    assert_fig(f.held_plan, q(225, 13));
    assert_fig(f.opps_plan, q(225, 26));
    // 50 × 8 × 0.9 × 0.5 × 0.5 / 156.
    assert_fig(f.sales_plan, q(90, 156));
    // Past the campaign's weeks the plan stays at its totals: W = 13, so
    // week 20 counts as 13, and sales have had time from week 13 + 4.33 on.
    let f = assess(&plan, &chk(20, 50, 45, 22, 5, 6), 20);
    assert_fig(f.booked_plan, d("50"));
    assert_fig(f.held_plan, d("45"));
    assert_fig(f.sales_plan, d("11.25"));
    assert_fig(f.pace, d("1"));
    // A one-month campaign has ceil(52/12) = 5 weeks; 36 months, 156.
    assert_eq!(campaign_weeks(1), 5);
    assert_eq!(campaign_weeks(3), 13);
    assert_eq!(campaign_weeks(36), 156);
    assert_eq!(campaign_weeks(0), 0);
}

#[test]
fn posterior_rates_hand_computed() {
    let plan = plan(&[
        (Field::Noshow, "10"),
        (Field::Opp, "40"),
        (Field::Win, "25"),
    ]);
    let checkpoint = chk(6, 30, 24, 12, 3, 6);
    // k = 10: (1 + 6) / 40, (4 + 12) / 34, (2.5 + 3) / 19.
    let f = assess(&plan, &checkpoint, 10);
    assert_fig(f.noshow_post, d("0.175"));
    assert_fig(f.opp_post, q(16, 34));
    assert_fig(f.win_post, q(55, 190));
    // k = 0: the observed rates.
    let f = assess(&plan, &checkpoint, 0);
    assert_fig(f.noshow_post, d("0.2"));
    assert_fig(f.opp_post, d("0.5"));
    assert_fig(f.win_post, q(1, 3));
    // k = 0 and nothing observed (k + n = 0): the plan's rates.
    let f = assess(&plan, &chk(1, 0, 0, 0, 0, 0), 0);
    assert_fig(f.noshow_post, d("0.1"));
    assert_fig(f.opp_post, d("0.4"));
    assert_fig(f.win_post, d("0.25"));
    // k = 1000 weighs the plan much more than six weeks.
    let f = assess(&plan, &checkpoint, 1000);
    assert_fig(f.noshow_post, q(106, 1030));
}

/// A rate of exactly 1/3 (10 of 30) on 30 meetings to come makes exactly 10
/// opportunities, all won: 10 whole sales, never 9.99…9 rounded down to 9.
#[test]
fn a_third_of_thirty_is_ten_whole_sales() {
    let plan = plan(&[(Field::Meetings, "40"), (Field::Win, "100")]);
    let f = assess(&plan, &chk(3, 10, 10, 0, 0, 0), 20);
    assert_fig(f.opp_post, q(1, 3));
    assert_fig(f.proj_opps, d("10"));
    assert_fig(f.proj_sales_expected, d("10"));
    assert_fig(f.proj_sales, d("10"));
}

#[test]
fn undefined_figures_say_why() {
    let plan = Inputs::default();
    let f = assess(&plan, &chk(1, 0, 0, 0, 0, 0), 20);
    assert_eq!(f.noshow_obs, Err(TrackUndefined::NoBookedMeetings));
    assert_eq!(f.opp_obs, Err(Undefined::NoHeldMeetings.into()));
    assert_eq!(f.win_obs, Err(TrackUndefined::NoDecidedOpportunities));
    assert_eq!(
        f.cost_per_held_actual,
        Err(Undefined::NoHeldMeetings.into())
    );
    assert_fig(f.pace, d("0"));
    // Free meetings, no internal cost: no invoice gap in meetings, no ROI.
    let free = self::plan(&[(Field::Price, "0")]);
    let f = assess(&free, &chk(2, 5, 5, 2, 0, 0), 20);
    assert_eq!(f.invoice_gap_meetings, Err(TrackUndefined::NoPrice));
    assert_eq!(f.proj_roi, Err(Undefined::NoCost.into()));
    assert_eq!(f.proj_ltv_to_cac, Err(Undefined::NoCost.into()));
    // No sale projected: no LTV:CAC.
    let hopeless = self::plan(&[(Field::Win, "0")]);
    let f = assess(&hopeless, &chk(2, 5, 5, 2, 0, 2), 0);
    assert_fig(f.proj_sales, d("0"));
    assert_eq!(f.proj_ltv_to_cac, Err(Undefined::NoSales.into()));
    // Everything booked (basis booked): nothing left to price.
    let f = assess(&plan, &chk(9, 60, 55, 20, 5, 5), 20);
    assert_eq!(
        f.proj_break_even_price,
        Err(TrackUndefined::NothingLeftToBill)
    );
    assert_fig(f.remaining_booked, d("0"));
    // Week 0 or a campaign of no months (stored data only): no plan to date.
    let f = assess(&plan, &chk(0, 1, 1, 0, 0, 0), 20);
    assert_eq!(f.pace, Err(TrackUndefined::NoPlanToDate));
    let no_months = Inputs {
        months: 0,
        ..Inputs::default()
    };
    let f = assess(&no_months, &chk(1, 1, 1, 0, 0, 0), 20);
    assert_eq!(f.booked_plan, Err(TrackUndefined::NoPlanToDate));
    assert_eq!(f.sales_plan, Err(TrackUndefined::NoPlanToDate));
}

#[test]
fn observed_rates_start_the_next_plan() {
    let plan = Inputs::default();
    let next = observed_plan(&plan, &twelve_weeks()[11]);
    // 4 no-shows of 50, 26 of 46 held, 9 of 25 decided: to 4 decimals of a percent.
    assert_eq!(next.noshow, d("0.08"));
    assert_eq!(next.opp, d("0.565217")); // 56.5217 %
    assert_eq!(next.win, d("0.36"));
    assert_eq!(next.price, plan.price);
    assert!(next.validate().is_empty());
    // Nothing observed: the plan's own rates.
    assert_eq!(observed_plan(&plan, &chk(1, 0, 0, 0, 0, 0)), plan);
}

#[test]
fn exact_quotients_are_built_exactly() {
    assert_eq!(exact_quotient(d("23"), d("36")), None);
    assert_eq!(exact_quotient(d("13"), d("26")), Some(d("0.5")));
    assert_eq!(exact_quotient(d("2.5"), d("8")), Some(d("0.3125")));
    assert_eq!(exact_quotient(d("-3"), d("4")), Some(d("-0.75")));
    assert_eq!(exact_quotient(d("0"), d("7")), Some(d("0")));
    assert_eq!(exact_quotient(d("1"), d("0")), None);
    assert_eq!(exact_quotient(d("1"), d("2.5")), None); // not a whole denominator
                                                        // 2^-90 needs 90 decimals: beyond Decimal, so kept as a fraction.
    let two_to_90 = Decimal::from_i128_with_scale(1 << 90, 0);
    assert_eq!(exact_quotient(d("1"), two_to_90), None);
    let ratio = Ratio::new(d("20"), d("60"));
    assert_eq!((ratio.num, ratio.den), (d("20"), d("60")));
    assert_eq!(ratio.complement().unwrap().value(), Ok(d("40") / d("60")));
}
