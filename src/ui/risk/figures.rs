//! The simulation's figures with their test hooks, and their reading in words.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::risk::{risk_data_value, RiskFigureId, RiskSummary};
use crate::i18n::risk::{risk_figure_label, risk_reading, risk_text, trials_count, RiskText};
use crate::lang::Lang;
use crate::ui::risk::state::RiskState;
use crate::ui::state::Calculator;

/// Whole euros, for simulated money (a simulation is not exact to the cent).
pub use crate::charts::money_label as money_f64;

/// A share (never negative) as a percentage, to a tenth of a point, unsigned.
pub fn share_f64(value: f64, lang: Lang) -> String {
    let value = Decimal::from_f64_retain((value * 1000.0).round() / 1000.0).unwrap_or_default();
    crate::format::percent_unsigned(value, lang)
}

/// A fraction as a percentage, to a tenth of a point.
pub fn percent_f64(value: f64, lang: Lang) -> String {
    let value = Decimal::from_f64_retain((value * 1000.0).round() / 1000.0).unwrap_or_default();
    crate::format::percent(value, lang)
}

fn in_words(lang: Lang, id: RiskFigureId, summary: &RiskSummary) -> String {
    match (id, summary.figure(id)) {
        (_, None) => "—".to_string(),
        (RiskFigureId::LossProbability, Some(value)) => {
            let value =
                Decimal::from_f64_retain((value * 1000.0).round() / 1000.0).unwrap_or_default();
            crate::format::percent_unsigned(value, lang)
        }
        (RiskFigureId::NetP10 | RiskFigureId::NetP50 | RiskFigureId::NetP90, Some(value)) => {
            money_f64(value, lang)
        }
        (_, Some(value)) => percent_f64(value, lang),
    }
}

/// One figure: its value in words, with `data-testid` and `data-value`.
fn figure(id: RiskFigureId, tag: &'static str) -> impl IntoView {
    let state = expect_context::<RiskState>();
    let lang = expect_context::<Calculator>().lang;
    let value = move || {
        state
            .run
            .with(|run| run.as_ref().map(|r| risk_data_value(r.summary.figure(id))))
            .unwrap_or_default()
    };
    let words = move || {
        state
            .run
            .with(|run| run.as_ref().map(|r| in_words(lang.get(), id, &r.summary)))
            .unwrap_or_else(|| "…".to_string())
    };
    match tag {
        "td" => view! { <td data-testid=id.testid() data-value=value>{words}</td> }.into_any(),
        _ => view! { <strong data-testid=id.testid() data-value=value>{words}</strong> }.into_any(),
    }
}

/// The reading of a run in words.
fn reading(lang: Lang, summary: &RiskSummary) -> String {
    let trials = crate::format::count(Decimal::from(summary.trials), lang);
    risk_reading(
        lang,
        summary.loss_probability,
        &share_f64(summary.loss_probability, lang),
        &money_f64(summary.net_p10.abs(), lang),
        summary.net_p10 < 0.0,
        &trials,
    )
}

#[component]
pub fn RiskFigures() -> impl IntoView {
    let state = expect_context::<RiskState>();
    let lang = expect_context::<Calculator>().lang;
    let text = move |key| move || risk_text(lang.get(), key);
    let trials = move || {
        state.run.with(|run| {
            run.as_ref()
                .map(|r| {
                    let lang = lang.get();
                    trials_count(
                        lang,
                        &crate::format::count(Decimal::from(r.summary.trials), lang),
                    )
                })
                .unwrap_or_default()
        })
    };
    let status = move || {
        let lang = lang.get();
        if state.check.with(|c| c.ranges.is_none()) {
            risk_text(lang, RiskText::FixRanges)
        } else if state.stale.get() {
            risk_text(lang, RiskText::Running)
        } else {
            ""
        }
    };
    view! {
        <div class="risk-figures" class:stale=move || state.stale.get()
            aria-busy=move || state.stale.get().to_string()>
            <h3>{text(RiskText::FiguresHeading)}</h3>
            <p class="risk-loss">
                {move || risk_figure_label(lang.get(), RiskFigureId::LossProbability)}
                " "
                {figure(RiskFigureId::LossProbability, "strong")}
                " "
                <span class="risk-trials" data-testid="risk-trials">{trials}</span>
            </p>
            <p class="risk-reading" data-testid="risk-reading" aria-live="polite">
                {move || state.run.with(|run| run.as_ref().map(|r| reading(lang.get(), &r.summary)))}
            </p>
            <p class="risk-status" role="status">{status}</p>
            <div class="decide-table" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="col">{text(RiskText::Pessimistic)}</th>
                            <th scope="col">{text(RiskText::Median)}</th>
                            <th scope="col">{text(RiskText::Optimistic)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{text(RiskText::NetResult)}</th>
                            {figure(RiskFigureId::NetP10, "td")}
                            {figure(RiskFigureId::NetP50, "td")}
                            {figure(RiskFigureId::NetP90, "td")}
                        </tr>
                        <tr>
                            <th scope="row">{text(RiskText::Roi)}</th>
                            {figure(RiskFigureId::RoiP10, "td")}
                            {figure(RiskFigureId::RoiP50, "td")}
                            {figure(RiskFigureId::RoiP90, "td")}
                        </tr>
                    </tbody>
                </table>
            </div>
        </div>
    }
}
