//! The histogram of simulated net results and the tornado chart, each with
//! a spoken summary and its data as a table.

use leptos::prelude::*;

use crate::charts::{histogram, tornado};
use crate::format::decimal_to_f64;
use crate::i18n::field_label;
use crate::i18n::risk::{risk_text, RiskText};
use crate::ui::charts::ChartFrame;
use crate::ui::risk::figures::{money_f64, share_f64};
use crate::ui::risk::state::RiskState;
use crate::ui::state::Calculator;

fn roi_words(figure: &crate::engine::Figure, lang: crate::lang::Lang) -> String {
    match figure {
        Ok(value) => crate::format::percent(*value, lang),
        Err(why) => crate::i18n::undefined_reason(lang, *why).to_string(),
    }
}

#[component]
fn HistogramChart() -> impl IntoView {
    let state = expect_context::<RiskState>();
    let lang = expect_context::<Calculator>().lang;
    let data = Memo::new(move |_| histogram::Histogram {
        zero_label: risk_text(lang.get(), RiskText::BreakEvenLine).to_string(),
        count_label: risk_text(lang.get(), RiskText::HistogramTrials).to_string(),
        bins: state.run.with(|run| {
            run.as_ref()
                .map(|r| {
                    r.summary
                        .histogram
                        .iter()
                        .map(|b| (b.lo, b.hi, b.count))
                        .collect()
                })
                .unwrap_or_default()
        }),
    });
    let summary = Signal::derive(move || {
        let lang = lang.get();
        let detail = state.run.with(|run| {
            run.as_ref().map(|r| {
                let s = &r.summary;
                let from = money_f64(s.histogram.first().map_or(0.0, |b| b.lo), lang);
                let to = money_f64(s.histogram.last().map_or(0.0, |b| b.hi), lang);
                let (median, losing) = (
                    money_f64(s.net_p50, lang),
                    share_f64(s.loss_probability, lang),
                );
                lang.pick(
                    format!("de {from} à {to}, médiane {median}, {losing} des tirages sous zéro"),
                    format!(
                        "from {from} to {to}, median {median}, {losing} of the trials below zero"
                    ),
                )
            })
        });
        format!(
            "{}. {}",
            risk_text(lang, RiskText::HistogramTitle),
            detail.unwrap_or_default()
        )
    });
    let table = move || {
        let lang = lang.get();
        let text = move |key| risk_text(lang, key);
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{text(RiskText::HistogramFrom)}</th>
                    <th scope="col">{text(RiskText::HistogramTo)}</th>
                    <th scope="col">{text(RiskText::HistogramTrials)}</th>
                </tr></thead>
                <tbody>
                    {data.get().bins.into_iter().map(|(from, to, count)| view! { <tr>
                        <td>{money_f64(from, lang)}</td>
                        <td>{money_f64(to, lang)}</td>
                        <td>{count}</td>
                    </tr> }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <ChartFrame testid="chart-histogram" title=|l| risk_text(l, RiskText::HistogramTitle) data draw=|c, d, l| {
            // A test hook: the net-result axis as drawn (zero inside it).
            if let Ok(Some(axis)) = histogram::draw(c, d, l) {
                let _ = c.set_attribute("data-net-range", &crate::charts::range_text(&axis));
            }
        } summary table=ViewFn::from(table) />
    }
}

#[component]
fn TornadoChart() -> impl IntoView {
    let state = expect_context::<RiskState>();
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let data = Memo::new(move |_| {
        let lang = lang.get();
        let likely_roi = calc
            .outcome()
            .with(|o| o.roi.map(decimal_to_f64).unwrap_or(0.0));
        tornado::Tornado {
            bars: state.run.with(|run| {
                run.as_ref()
                    .map(|r| {
                        r.tornado
                            .iter()
                            .filter_map(|bar| {
                                let low = bar.roi_at_low.ok()?;
                                let high = bar.roi_at_high.ok()?;
                                Some((
                                    field_label(lang, bar.field).to_string(),
                                    decimal_to_f64(low),
                                    decimal_to_f64(high),
                                ))
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            }),
            likely_roi,
        }
    });
    let rows = move || {
        state
            .run
            .with(|run| run.as_ref().map(|r| r.tornado.clone()).unwrap_or_default())
    };
    let summary = Signal::derive(move || {
        let lang = lang.get();
        let parts: Vec<String> = rows()
            .iter()
            .map(|bar| {
                format!(
                    "{} {} → {}",
                    field_label(lang, bar.field),
                    roi_words(&bar.roi_at_low, lang),
                    roi_words(&bar.roi_at_high, lang)
                )
            })
            .collect();
        format!(
            "{}. {}",
            risk_text(lang, RiskText::TornadoTitle),
            parts.join(lang.pick("\u{a0}; ", "; "))
        )
    });
    let table = move || {
        let lang = lang.get();
        let text = move |key| risk_text(lang, key);
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{text(RiskText::TornadoInput)}</th>
                    <th scope="col">{text(RiskText::TornadoAtLow)}</th>
                    <th scope="col">{text(RiskText::TornadoAtHigh)}</th>
                </tr></thead>
                <tbody>
                    {rows().into_iter().map(|bar| view! { <tr data-testid=format!("tornado-{}", bar.field.key())>
                        <th scope="row">{field_label(lang, bar.field)}</th>
                        <td>{roi_words(&bar.roi_at_low, lang)}</td>
                        <td>{roi_words(&bar.roi_at_high, lang)}</td>
                    </tr> }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <ChartFrame testid="chart-tornado" title=|l| risk_text(l, RiskText::TornadoTitle) data draw=|c, d, l| {
            // A test hook: how many names the chart had to cut.
            if let Ok(cut) = tornado::draw(c, d, l) {
                let _ = c.set_attribute("data-names-cut", &cut.to_string());
            }
        } summary table=ViewFn::from(table) />
    }
}

#[component]
pub fn RiskCharts() -> impl IntoView {
    view! {
        <div class="risk-charts">
            <HistogramChart />
            <TornadoChart />
        </div>
    }
}
