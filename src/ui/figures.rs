//! The central scenario's figures: headline, verdict, guardrails, details.
//! Every figure carries the spec's test hooks (`data-testid`, `data-value`).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::{Figure, FigureId, Outcome, Variant};
use crate::i18n::page::{text, Text};
use crate::i18n::{figure_help, figure_label, undefined_reason, Lang};
use crate::ui::state::Calculator;

/// The figures the answer shows on cards (each figure's test hook stands
/// once on the page: the details table has the others).
pub const SHOWN: [FigureId; 7] = [
    FigureId::Roi,
    FigureId::NetResult,
    FigureId::BreakEvenPrice,
    FigureId::MaxPriceForTarget,
    FigureId::CostPerHeld,
    FigureId::CostPerSale,
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

/// A figure's value on a card, and the short note under it: the reason it
/// has no value, or that no price is advice (a price below zero).
pub fn card_texts(lang: Lang, id: FigureId, figure: &Figure) -> (String, Option<String>) {
    match figure {
        Ok(value) if is_price_advice(id) && *value < Decimal::ZERO => (
            crate::format::UNDEFINED.to_string(),
            Some(crate::i18n::page::no_price_reaches(lang, id).to_string()),
        ),
        Ok(_) => (crate::format::figure_for(id, figure, lang), None),
        Err(why) => (
            crate::format::UNDEFINED.to_string(),
            Some(undefined_reason(lang, *why).to_string()),
        ),
    }
}

/// The sign a figure carries, for its colour: `good` above zero, `bad`
/// below (ROI and net result only; the words say it too).
fn tone(id: FigureId, figure: &Figure) -> &'static str {
    match (id, figure) {
        (
            FigureId::Roi | FigureId::NetResult | FigureId::LifetimeRoi | FigureId::LifetimeNet,
            Ok(value),
        ) => match value.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => "good",
            std::cmp::Ordering::Less => "bad",
            std::cmp::Ordering::Equal => "",
        },
        _ => "",
    }
}

/// One headline figure: its label, its value ("—" when undefined, with the
/// reason in small text) and the spec's test hooks. `label` replaces the
/// figure's own label where the answer names it otherwise.
#[component]
pub fn FigureCard(
    id: FigureId,
    #[prop(optional)] label: Option<fn(Lang) -> &'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let figure = calc.figure(id);
    let texts = Memo::new(move |_| figure.with(|f| card_texts(lang.get(), id, f)));
    view! {
        <div
            class=move || format!("card {}", figure.with(|f| tone(id, f)))
            data-testid=id.testid()
            data-value=move || figure.with(data_value)
        >
            <span class="card-label" title=move || figure_help(lang.get(), id)>
                {move || label.map_or_else(|| figure_label(lang.get(), id), |label| label(lang.get()))}
            </span>
            {children.map(|children| children())}
            <output class="card-value">{move || texts.with(|(value, _)| value.clone())}</output>
            <small class="card-note">{move || texts.with(|(_, note)| note.clone())}</small>
        </div>
    }
}

#[component]
fn DetailRow(id: FigureId) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let figure = calc.figure(id);
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
pub fn Guardrail(testid: &'static str, label: Text, ok: Signal<bool>) -> impl IntoView {
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

pub fn roi_meets_target(outcome: &Outcome, target: Decimal) -> bool {
    matches!(outcome.roi, Ok(roi) if roi >= target)
}

/// Every figure of the spec that the answer does not show, and how to read
/// the ROI with this scenario's figures.
#[component]
pub fn FigureDetails() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let details = FigureId::ALL.iter().filter(|id| !SHOWN.contains(id));
    let explanation = Memo::new(move |_| {
        let lang = lang.get();
        calc.outcome().with(|o| {
            let (Ok(net), Ok(cost), Ok(roi)) = (o.net_result, o.total_cost, o.roi) else {
                return figure_help(lang, FigureId::Roi).to_string();
            };
            crate::i18n::answer::roi_explanation(
                lang,
                &crate::format::money(net, lang),
                &crate::format::money(cost, lang),
                &crate::format::percent(roi, lang),
                &crate::format::percent(roi - Decimal::ONE, lang),
            )
        })
    });
    view! {
        <section class="figure-details" aria-label=move || text(lang.get(), Text::DetailsHeading)>
            <details class="roi-help">
                <summary>{move || text(lang.get(), Text::RoiHelpSummary)}</summary>
                <p data-testid="roi-explanation">{move || explanation.get()}</p>
            </details>
            <details class="details">
                <summary>{move || text(lang.get(), Text::DetailsHeading)}</summary>
                <div class="table-scroll" tabindex="0">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{move || text(lang.get(), Text::DetailsFigure)}</th>
                                <th scope="col">{move || text(lang.get(), Text::DetailsValue)}</th>
                            </tr>
                        </thead>
                        <tbody>{details.map(|id| view! { <DetailRow id=*id /> }).collect_view()}</tbody>
                    </table>
                </div>
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
            class=move || format!("summary-bar {}", calc.outcome().with(crate::ui::verdict::verdict_class))
            class:stale=move || calc.variant(Variant::Central).frozen()
            hidden=move || headline_shown.get()
            aria-hidden="true"
        >
            <span>{move || figure_label(lang.get(), FigureId::Roi)} " " <b>{move || shown(FigureId::Roi)}</b></span>
            <span>{move || figure_label(lang.get(), FigureId::NetResult)} " " <b>{move || shown(FigureId::NetResult)}</b></span>
        </div>
    }
}
