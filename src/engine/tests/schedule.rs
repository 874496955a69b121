//! The monthly schedule and the payback month, by hand.

use super::support::{d, inputs};
use crate::engine::*;

/// (month, cost, margin, cumulative net) as decimal literals.
fn rows(schedule: &Schedule) -> Vec<(u32, String, String, String)> {
    schedule
        .rows
        .iter()
        .map(|row| {
            (
                row.month,
                row.cost.to_string(),
                row.margin.to_string(),
                row.cumulative_net.to_string(),
            )
        })
        .collect()
}

fn row(
    month: u32,
    cost: &str,
    margin: &str,
    cumulative_net: &str,
) -> (u32, String, String, String) {
    (month, cost.into(), margin.into(), cumulative_net.into())
}

#[test]
fn article_example_pays_back_in_month_three() {
    let schedule = schedule(&Inputs::default()).unwrap();
    // 6,000 € over three months; 12 sales × 2,400 € signed two months later.
    assert_eq!(
        rows(&schedule),
        [
            row(1, "2000", "0", "-2000"),
            row(2, "2000", "0", "-4000"),
            row(3, "2000", "9600", "3600"),
            row(4, "0", "9600", "13200"),
            row(5, "0", "9600", "22800"),
        ]
    );
    assert_eq!(schedule.payback_month, Some(3));
    assert_eq!(evaluate(&Inputs::default()).schedule, schedule);
}

#[test]
fn one_off_costs_fall_in_month_one_and_sales_wait_for_the_cycle() {
    let schedule = schedule(&inputs(&[
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
    ]))
    .unwrap();
    // Variable cost 15,000 over 4 months, 3,000 of one-offs in month 1;
    // 7 sales × 3,500 € spread over months 4 to 7.
    assert_eq!(
        rows(&schedule),
        [
            row(1, "6750", "0", "-6750"),
            row(2, "3750", "0", "-10500"),
            row(3, "3750", "0", "-14250"),
            row(4, "3750", "6125", "-11875"),
            row(5, "0", "6125", "-5750"),
            row(6, "0", "6125", "375"),
            row(7, "0", "6125", "6500"),
        ]
    );
    assert_eq!(schedule.payback_month, Some(6));
}

#[test]
fn renewals_arrive_twelve_months_apart_up_to_the_horizon() {
    let inputs = inputs(&[
        (Field::Recurring, "2000"),
        (Field::Retention, "50"),
        (Field::Years, "3"),
    ]);
    let schedule = schedule(&inputs).unwrap();
    // Horizon: 3 + 2 + 12 × 3 months.
    assert_eq!(schedule.rows.len(), 41);
    let margin = |month: usize| schedule.rows[month - 1].margin.to_string();
    // 12 customers × 2,000 € × 0.5^k × 40 %, over three months.
    for month in 15..=17 {
        assert_eq!(margin(month), "1600");
    }
    for month in 27..=29 {
        assert_eq!(margin(month), "800");
    }
    for month in 39..=41 {
        assert_eq!(margin(month), "400");
    }
    for month in [6, 14, 18, 26, 30, 38] {
        assert_eq!(margin(month), "0");
    }
    let last = schedule.rows.last().unwrap();
    assert_eq!(last.cumulative_net, d("31200"));
    assert_eq!(Ok(last.cumulative_net), evaluate(&inputs).lifetime_net);
}

#[test]
fn amounts_to_date_are_rounded_once_and_add_up_to_the_total() {
    // 100 € over three months: 33.33…, 66.66…, 100 to date on the 10^-12
    // grid; each month is the difference.
    let schedule = schedule(&inputs(&[
        (Field::Meetings, "1"),
        (Field::Price, "100"),
        (Field::Opp, "0"),
        (Field::Cycle, "0"),
    ]))
    .unwrap();
    let costs: Vec<String> = schedule
        .rows
        .iter()
        .map(|row| row.cost.to_string())
        .collect();
    assert_eq!(
        costs,
        ["33.333333333333", "33.333333333334", "33.333333333333"]
    );
    let total: Decimal = schedule.rows.iter().map(|row| row.cost).sum();
    assert_eq!(total, d("100"));
    let nets: Vec<String> = schedule
        .rows
        .iter()
        .map(|row| row.cumulative_net.to_string())
        .collect();
    assert_eq!(nets, ["-33.333333333333", "-66.666666666667", "-100"]);
    assert_eq!(schedule.payback_month, None);
}

#[test]
fn a_cumulative_net_of_exactly_zero_is_paid_back() {
    // 50 × 80 € = 4,000 € over 6 months (666.66… a month) and 7,600 € of
    // setup in month 1; 12 sales × 2,400 € of margin over months 2 to 7
    // (4,800 a month). At month 3: 2 × 4,800 − 3 × 666.66… − 7,600 = 0, so
    // the spec's payback month is 3. Equal rounded shares made it
    // −0.000000000001 and payback month 4.
    let outcome = evaluate(&inputs(&[
        (Field::Price, "80"),
        (Field::Setup, "7600"),
        (Field::Months, "6"),
        (Field::Cycle, "1"),
    ]));
    let schedule = &outcome.schedule;
    assert_eq!(schedule.rows[1].cumulative_net, d("-4133.333333333333"));
    assert_eq!(schedule.rows[2].cumulative_net, Decimal::ZERO);
    assert_eq!(schedule.payback_month, Some(3));
    assert_eq!(outcome.payback_month, Ok(d("3")));
}

#[test]
fn payback_waits_for_the_sales_cycle() {
    // 1,500 € a month for 4 months; 7,200 € of margin a month from month 4.
    let schedule = schedule(&inputs(&[(Field::Months, "4"), (Field::Cycle, "3")])).unwrap();
    let cumulative: Vec<String> = schedule
        .rows
        .iter()
        .map(|row| row.cumulative_net.to_string())
        .collect();
    assert_eq!(
        cumulative,
        ["-1500", "-3000", "-4500", "1200", "8400", "15600", "22800"]
    );
    assert_eq!(schedule.payback_month, Some(4));
}

#[test]
fn a_campaign_that_loses_money_never_pays_back() {
    let inputs = inputs(&[(Field::Price, "600")]);
    let schedule = schedule(&inputs).unwrap();
    assert_eq!(schedule.payback_month, None);
    assert_eq!(schedule.rows.last().unwrap().cumulative_net, d("-1200"));
    assert_eq!(
        evaluate(&inputs).payback_month,
        Err(Undefined::NeverPaysBack)
    );
}

#[test]
fn breaking_exactly_even_pays_back_at_the_horizon() {
    // At the break-even price the cumulative net ends at exactly 0.
    let schedule = schedule(&inputs(&[(Field::Price, "576")])).unwrap();
    assert_eq!(schedule.rows.last().unwrap().cumulative_net, Decimal::ZERO);
    assert_eq!(schedule.payback_month, Some(5));
}
