//! The central scenario's figures: headline, verdict, guardrails, details.
//! Every figure carries the spec's test hooks (`data-testid`, `data-value`).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::{Figure, FigureId, Outcome, Variant};
use crate::i18n::page::{text, Text};
use crate::i18n::{figure_help, figure_label, undefined_reason, Lang};
use crate::ui::state::Calculator;
use crate::ui::verdict::Verdict;

/// The figures a buyer reads first.
pub const HEADLINE: [FigureId; 6] = [
    FigureId::Roi,
    FigureId::NetResult,
    FigureId::CostPerHeld,
    FigureId::CostPerSale,
    FigureId::BreakEvenPrice,
    FigureId::PaybackMonth,
];

/// [`crate::engine::data_value`] of a borrowed figure (what a memo's
/// `with` hands out).
pub fn data_value(figure: &Figure) -> String {
    crate::engine::data_value(*figure)
}

/// A figure in words: the formatted number, or why there is none. A price
/// below zero is not advice: it means no price reaches the goal.
pub fn figure_text(lang: Lang, id: FigureId, figure: &Figure) -> String {
    match figure {
        Ok(value) if is_price_advice(id) && *value < Decimal::ZERO => {
            crate::i18n::page::no_price_reaches(lang, id).to_string()
        }
        Ok(_) => crate::format::figure_for(id, figure, lang),
        Err(why) => undefined_reason(lang, *why).to_string(),
    }
}

fn is_price_advice(id: FigureId) -> bool {
    matches!(id, FigureId::BreakEvenPrice | FigureId::MaxPriceForTarget)
}

#[component]
fn FigureCard(id: FigureId) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let figure = Memo::new(move |_| calc.outcome().with(|outcome| outcome.figure(id)));
    view! {
        <div class="card" data-testid=id.testid() data-value=move || figure.with(data_value)>
            <span class="card-label" title=move || figure_help(lang.get(), id)>
                {move || figure_label(lang.get(), id)}
            </span>
            <output class="card-value">{move || figure.with(|f| figure_text(lang.get(), id, f))}</output>
        </div>
    }
}

#[component]
fn DetailRow(id: FigureId) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let figure = Memo::new(move |_| calc.outcome().with(|outcome| outcome.figure(id)));
    view! {
        <tr>
            <th scope="row">
                {move || figure_label(lang.get(), id)}
                <span class="row-help">{move || figure_help(lang.get(), id)}</span>
            </th>
            <td data-testid=id.testid() data-value=move || figure.with(data_value)>
                {move || figure.with(|f| figure_text(lang.get(), id, f))}
            </td>
        </tr>
    }
}

#[component]
fn Guardrail(testid: &'static str, label: Text, ok: Signal<bool>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    view! {
        <li class="guardrail" class:pass=ok data-testid=testid data-value=move || ok.get().to_string()>
            <span class="badge" aria-hidden="true">{move || if ok.get() { "✓" } else { "✗" }}</span>
            <span>{move || text(lang.get(), label)}</span>
            <span class="visually-hidden">
                {move || format!(" : {}", text(lang.get(), if ok.get() { Text::Pass } else { Text::Fail }))}
            </span>
        </li>
    }
}

fn roi_meets_target(outcome: &Outcome, target: Decimal) -> bool {
    matches!(outcome.roi, Ok(roi) if roi >= target)
}

#[component]
pub fn Results() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let multiple_ok = Signal::derive(move || calc.outcome().with(|o| o.guardrail_multiple_ok));
    let ltv_ok = Signal::derive(move || calc.outcome().with(|o| o.guardrail_ltv_cac_ok));
    let target_ok = Signal::derive(move || {
        let target = calc.central().with(|c| c.inputs.target);
        calc.outcome().with(|o| roi_meets_target(o, target))
    });
    let details = FigureId::ALL.iter().filter(|id| !HEADLINE.contains(id));
    view! {
        <section
            class="results"
            class:stale=move || calc.variant(Variant::Central).frozen()
            aria-labelledby="results-heading"
        >
            <h2 id="results-heading">
                {move || text(lang.get(), Text::ResultsHeading)}
                <span class="scenario-name" data-testid="scenario-name">
                    {move || calc.name.with(|name| if name.is_empty() { String::new() } else { format!(" — {name}") })}
                </span>
            </h2>
            <crate::ui::stale::StaleNotice />
            <div class="headline">
                {HEADLINE.iter().map(|id| view! { <FigureCard id=*id /> }).collect_view()}
            </div>
            <Verdict />
            // The library sits below the calculator: one press takes the
            // keyboard (and the eye) to its Save button.
            <p class="jump-to-library">
                <button type="button" class="link" data-testid="jump-to-library" on:click=move |_| {
                    crate::browser::focus_within("library", "[data-testid=\"library-save\"]")
                }>{move || text(lang.get(), Text::SaveOrShare)}</button>
            </p>
            <details class="roi-help">
                <summary>{move || text(lang.get(), Text::RoiHelpSummary)}</summary>
                <p>{move || figure_help(lang.get(), FigureId::Roi)}</p>
            </details>
            <h3>{move || text(lang.get(), Text::GuardrailsHeading)}</h3>
            <ul class="guardrails">
                <Guardrail testid="guardrail-multiple" label=Text::GuardrailMultiple ok=multiple_ok />
                <Guardrail testid="guardrail-ltv-cac" label=Text::GuardrailLtvCac ok=ltv_ok />
                <Guardrail testid="guardrail-target" label=Text::GuardrailTarget ok=target_ok />
            </ul>
            <details class="details">
                <summary>{move || text(lang.get(), Text::DetailsHeading)}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || text(lang.get(), Text::DetailsFigure)}</th>
                            <th scope="col">{move || text(lang.get(), Text::DetailsValue)}</th>
                        </tr>
                    </thead>
                    <tbody>{details.map(|id| view! { <DetailRow id=*id /> }).collect_view()}</tbody>
                </table>
            </details>
        </section>
    }
}

/// While the headline figures are off screen (a phone's form comes first; on
/// a wide screen the form runs on below them), this bar keeps ROI and net
/// result in sight. Hidden from screen readers (the figures are above).
#[component]
pub fn SummaryBar() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let shown = move |id: FigureId| {
        calc.outcome()
            .with(|outcome| figure_text(lang.get(), id, &outcome.figure(id)))
    };
    let headline_shown = crate::ui::visible::on_screen_assuming(true, || {
        document()
            .query_selector(".results .headline")
            .ok()
            .flatten()
    });
    view! {
        <div
            class="summary-bar"
            class:stale=move || calc.variant(Variant::Central).frozen()
            hidden=move || headline_shown.get()
            aria-hidden="true"
        >
            <span>{move || figure_label(lang.get(), FigureId::Roi)} " " <b>{move || shown(FigureId::Roi)}</b></span>
            <span>{move || figure_label(lang.get(), FigureId::NetResult)} " " <b>{move || shown(FigureId::NetResult)}</b></span>
        </div>
    }
}
