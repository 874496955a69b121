//! The chart of plan against actual, with a spoken summary and its data as
//! a table: booked meetings and sales week by week, the projected ROI and
//! its P10–P90 band at each checkpoint.

use leptos::prelude::*;

use crate::charts::tracking::{self, TrackChart as ChartData};
use crate::engine::tracking::{assess, campaign_weeks, Checkpoint, TrackFigureId};
use crate::format::decimal_to_f64;
use crate::i18n::track::{band_note, odds_text, planned, track_figure_text, track_text, TrackText};
use crate::lang::Lang;
use crate::ui::charts::ChartFrame;
use crate::ui::state::Calculator;
use crate::ui::track::state::TrackState;

/// One row of the chart's data: a checkpoint's week, counts and what the
/// plan expected of them, its projected ROI and band.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    week: u32,
    booked: rust_decimal::Decimal,
    booked_plan: Option<rust_decimal::Decimal>,
    sales: rust_decimal::Decimal,
    sales_plan: Option<rust_decimal::Decimal>,
    roi: crate::engine::tracking::TrackFigure,
    p10: Option<f64>,
    p90: Option<f64>,
}

fn count(value: rust_decimal::Decimal, lang: Lang) -> String {
    crate::format::count(value, lang)
}

#[component]
pub fn TrackChart() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let rows = Memo::new(move |_| {
        let plan = state.plan.get();
        let k = calc.campaign.with(|c| c.track_prior);
        state.run.with(|run| {
            let Some(run) = run else { return Vec::new() };
            calc.campaign.with(|campaign| {
                campaign
                    .checkpoints
                    .iter()
                    .zip(&run.band)
                    .map(|(checkpoint, band)| {
                        let f = assess(&plan, checkpoint, k);
                        Row {
                            week: checkpoint.week,
                            booked: checkpoint.booked,
                            booked_plan: f.booked_plan.ok(),
                            sales: checkpoint.sales,
                            sales_plan: f.sales_plan.ok(),
                            roi: band.roi,
                            p10: band.p10,
                            p90: band.p90,
                        }
                    })
                    .collect()
            })
        })
    });
    let data = Memo::new(move |_| {
        let plan = state.plan.get();
        let rows = rows.get();
        let last = rows.last().map_or(0, |r| r.week);
        let weeks = campaign_weeks(plan.months).max(u64::from(last)).min(160);
        let k = calc.campaign.with(|c| c.track_prior);
        // The plan at each whole week: its own figures to date.
        let plan_line = (0..=weeks)
            .map(|week| {
                let f = assess(
                    &plan,
                    &Checkpoint {
                        week: week as u32,
                        ..Checkpoint::following(None)
                    },
                    k,
                );
                let at = |figure: crate::engine::tracking::TrackFigure| {
                    figure.map(decimal_to_f64).unwrap_or(0.0)
                };
                (week as f64, at(f.booked_plan), at(f.sales_plan))
            })
            .collect();
        ChartData {
            weeks: weeks as f64,
            plan: plan_line,
            actual: rows
                .iter()
                .map(|r| {
                    (
                        f64::from(r.week),
                        decimal_to_f64(r.booked),
                        decimal_to_f64(r.sales),
                    )
                })
                .collect(),
            roi: rows
                .iter()
                .map(|r| {
                    (
                        f64::from(r.week),
                        r.roi.ok().map(decimal_to_f64),
                        r.p10,
                        r.p90,
                    )
                })
                .collect(),
            plan_roi: crate::engine::evaluate(&plan).roi.ok().map(decimal_to_f64),
        }
    });
    let summary = Signal::derive(move || {
        let lang = lang.get();
        let parts: Vec<String> = rows.with(|rows| {
            rows.iter()
                .map(|r| {
                    let roi = track_figure_text(lang, TrackFigureId::ProjRoi, &r.roi);
                    let (p10, p90) = (
                        odds_text(lang, TrackFigureId::RoiP10, r.p10),
                        odds_text(lang, TrackFigureId::RoiP90, r.p90),
                    );
                    let plan = |v: Option<rust_decimal::Decimal>| {
                        planned(lang, &v.map_or_else(|| "—".to_string(), |v| count(v, lang)))
                    };
                    lang.pick(
                        format!(
                            "semaine {}\u{a0}: {} rendez-vous pris ({}), {} ventes ({}), ROI projeté {roi} (P10 {p10}, P90 {p90})",
                            r.week,
                            count(r.booked, lang),
                            plan(r.booked_plan),
                            count(r.sales, lang),
                            plan(r.sales_plan)
                        ),
                        format!(
                            "week {}: {} booked meetings ({}), {} sales ({}), projected ROI {roi} (P10 {p10}, P90 {p90})",
                            r.week,
                            count(r.booked, lang),
                            plan(r.booked_plan),
                            count(r.sales, lang),
                            plan(r.sales_plan)
                        ),
                    )
                })
                .collect()
        });
        format!(
            "{}. {}",
            track_text(lang, TrackText::ChartTitle),
            parts.join(lang.pick("\u{a0}; ", "; "))
        )
    });
    let table = move || {
        let lang = lang.get();
        let text = move |key| track_text(lang, key);
        let heading = |label: &str| {
            let planned = text(TrackText::Planned);
            format!("{label} ({planned})")
        };
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{text(TrackText::ChartWeek)}</th>
                    <th scope="col">{text(TrackText::ChartBooked)}</th>
                    <th scope="col">{heading(text(TrackText::ChartBooked))}</th>
                    <th scope="col">{text(TrackText::ChartSales)}</th>
                    <th scope="col">{heading(text(TrackText::ChartSales))}</th>
                    <th scope="col">{text(TrackText::ChartRoi)}</th>
                    <th scope="col">"P10"</th>
                    <th scope="col">"P90"</th>
                </tr></thead>
                <tbody>
                    {rows.get().into_iter().map(|r| {
                        let plan = |v: Option<rust_decimal::Decimal>| v.map_or_else(|| "—".to_string(), |v| count(v, lang));
                        view! { <tr data-testid="track-chart-row">
                            <th scope="row">{r.week}</th>
                            <td>{count(r.booked, lang)}</td>
                            <td>{plan(r.booked_plan)}</td>
                            <td>{count(r.sales, lang)}</td>
                            <td>{plan(r.sales_plan)}</td>
                            <td>{track_figure_text(lang, TrackFigureId::ProjRoi, &r.roi)}</td>
                            <td>{odds_text(lang, TrackFigureId::RoiP10, r.p10)}</td>
                            <td>{odds_text(lang, TrackFigureId::RoiP90, r.p90)}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let note = Signal::derive(move || {
        let several = rows.with(|rows| rows.len() > 1);
        let trials = state.run.with(|r| r.as_ref().map(|r| r.band_trials));
        match trials {
            Some(trials) if several => {
                let lang = lang.get();
                band_note(lang, &count(rust_decimal::Decimal::from(trials), lang))
            }
            _ => String::new(),
        }
    });
    view! {
        <ChartFrame testid="chart-tracking" title=|l| track_text(l, TrackText::ChartTitle) data draw=|c, d, l| {
            let _ = tracking::draw(c, d, l);
        } summary table=ViewFn::from(table) note />
    }
}
