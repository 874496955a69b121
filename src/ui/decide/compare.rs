//! Compare models (`decision-tools.md` §1): pay per result, an in-house team
//! or a provider by the day, at plan and when delivery falls short.

use leptos::prelude::*;

use crate::engine::compare::{testid, DELIVERY_PCT};
use crate::engine::{
    compare, verdict, CompareField, CompareFigure, CompareInputs, Comparison, Figure, FigureUnit,
    Model,
};
use crate::i18n::decide::{
    compare_field_label, compare_figure_label, decide_text, model_name, verdict_sentence,
    DecideText,
};
use crate::i18n::kind_unit;
use crate::i18n::{undefined_reason, Lang};
use crate::ui::decide::local::{local_input, Local};
use crate::ui::decide::seen::Seen;
use crate::ui::figures::data_value;
use crate::ui::state::Calculator;

const AT_PLAN: [CompareFigure; 8] = [
    CompareFigure::Booked,
    CompareFigure::Held,
    CompareFigure::Sales,
    CompareFigure::TotalCost,
    CompareFigure::CostPerHeld,
    CompareFigure::CostPerSale,
    CompareFigure::NetResult,
    CompareFigure::Roi,
];

const STRESS: [CompareFigure; 4] = [
    CompareFigure::RoiAt50,
    CompareFigure::RoiAt75,
    CompareFigure::RoiAt100,
    CompareFigure::RoiAt125,
];

fn figure_in_words(lang: Lang, figure: CompareFigure, value: &Figure) -> String {
    let unit = match figure {
        CompareFigure::Booked | CompareFigure::Held | CompareFigure::Sales => FigureUnit::Count,
        CompareFigure::TotalCost
        | CompareFigure::NetResult
        | CompareFigure::CostPerHeld
        | CompareFigure::CostPerSale => FigureUnit::Money,
        _ => FigureUnit::Ratio,
    };
    match value {
        Ok(_) => crate::format::figure(value, unit, lang),
        Err(why) => undefined_reason(lang, *why).to_string(),
    }
}

#[component]
pub fn ComparePanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let seen = expect_context::<Seen>();
    let lang = calc.lang;
    let state = Local::<CompareInputs>::bound(lang, calc.tools);
    let comparison = Memo::new(move |_| {
        let base = seen.inputs.get();
        state
            .inputs
            .with(|inputs| compare(&base, &inputs.team, &inputs.time))
    });
    view! {
        <section class="decide-panel" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{move || decide_text(lang.get(), DecideText::CompareHeading)}</h3>
            <p>{move || decide_text(lang.get(), DecideText::CompareLead)}</p>
            <CompareInputsForm state />
            <CompareTable comparison />
            <StressTable comparison />
            <StressChart comparison />
            <p class="decide-verdict" data-testid="compare-verdict">
                {move || comparison.with(|c| verdict_sentence(lang.get(), verdict(c)))}
            </p>
        </section>
    }
}

/// The team's and the day-rate provider's inputs, in two groups.
#[component]
fn CompareInputsForm(state: Local<CompareInputs>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let input = move |field: CompareField| {
        let label = Signal::derive(move || compare_field_label(lang.get(), field));
        let unit = Signal::derive(move || kind_unit(lang.get(), field.spec().kind));
        local_input(state, field, label, unit)
    };
    let group = move |title: DecideText, prefix: &'static str| {
        let fields = CompareField::ALL
            .into_iter()
            .filter(move |field| field.key().starts_with(prefix));
        view! {
            <fieldset class="decide-group">
                <legend>{move || decide_text(lang.get(), title)}</legend>
                {fields.map(input).collect_view()}
            </fieldset>
        }
    };
    view! {
        <div class="decide-inputs">
            {group(DecideText::TeamInputs, "team_")}
            {group(DecideText::TimeInputs, "time_")}
        </div>
    }
}

/// One cell: the figure in words, with the test hooks.
fn cell(comparison: Memo<Comparison>, model: Model, figure: CompareFigure) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let value = Memo::new(move |_| comparison.with(|c| c.figure(model, figure)));
    view! {
        <td data-testid=testid(model, figure) data-value=move || value.with(data_value)>
            {move || value.with(|v| figure_in_words(lang.get(), figure, v))}
        </td>
    }
}

fn model_headings(lang: RwSignal<Lang>, first: DecideText) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{move || decide_text(lang.get(), first)}</th>
                {Model::ALL
                    .map(|model| view! { <th scope="col">{move || model_name(lang.get(), model)}</th> })
                    .collect_view()}
            </tr>
        </thead>
    }
}

/// One column per model, one row per figure at plan.
#[component]
fn CompareTable(comparison: Memo<Comparison>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let row = move |figure: CompareFigure| {
        view! {
            <tr>
                <th scope="row">{move || compare_figure_label(lang.get(), figure)}</th>
                {Model::ALL.map(|model| cell(comparison, model, figure)).collect_view()}
            </tr>
        }
    };
    view! {
        // Focusable so keyboard users can scroll the table on a phone.
        <div class="decide-table" tabindex="0">
            <table>
                {model_headings(lang, DecideText::Figure)}
                <tbody>{AT_PLAN.map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// The ROI of each model when 50, 75, 100 or 125 % of the meetings come.
#[component]
fn StressTable(comparison: Memo<Comparison>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let row = move |(pct, figure): (u32, CompareFigure)| {
        let percent = move || match lang.get() {
            Lang::Fr => format!("{pct}\u{a0}%"),
            Lang::En => format!("{pct}%"),
        };
        view! {
            <tr>
                <th scope="row">{percent}</th>
                {Model::ALL.map(|model| cell(comparison, model, figure)).collect_view()}
            </tr>
        }
    };
    view! {
        <h4>{move || decide_text(lang.get(), DecideText::StressHeading)}</h4>
        <p>{move || decide_text(lang.get(), DecideText::StressLead)}</p>
        // Focusable so keyboard users can scroll the table on a phone.
        <div class="decide-table" tabindex="0">
            <table>
                {model_headings(lang, DecideText::Delivery)}
                <tbody>{DELIVERY_PCT.into_iter().zip(STRESS).map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// ROI against delivery, one line per model (the stress table as a chart).
#[component]
fn StressChart(comparison: Memo<Comparison>) -> impl IntoView {
    use crate::charts::delivery::{self, DeliveryChart};
    let lang = expect_context::<Calculator>().lang;
    let data = Memo::new(move |_| {
        let lang = lang.get();
        comparison.with(|c| DeliveryChart {
            lines: Model::ALL
                .iter()
                .map(|&model| {
                    let points = DELIVERY_PCT
                        .iter()
                        .zip(STRESS)
                        .filter_map(|(&pct, figure)| {
                            let roi = c.figure(model, figure).ok()?;
                            Some((f64::from(pct), crate::format::decimal_to_f64(roi)))
                        })
                        .collect();
                    (model_name(lang, model).to_string(), points)
                })
                .collect(),
        })
    });
    let summary = Signal::derive(move || {
        let lang = lang.get();
        let parts: Vec<String> = comparison.with(|c| {
            Model::ALL
                .iter()
                .map(|&model| {
                    let at = |figure| figure_in_words(lang, figure, &c.figure(model, figure));
                    format!(
                        "{}{} {} → {}",
                        model_name(lang, model),
                        lang.colon(),
                        at(CompareFigure::RoiAt50),
                        at(CompareFigure::RoiAt125)
                    )
                })
                .collect()
        });
        let range = lang.pick("de 50\u{a0}% à 125\u{a0}%", "from 50% to 125%");
        format!(
            "{} ({range}). {}",
            decide_text(lang, DecideText::StressChartTitle),
            parts.join(lang.pick("\u{a0}; ", "; "))
        )
    });
    let table = move || view! { <p>{summary.get()}</p> };
    view! {
        <crate::ui::charts::ChartFrame testid="chart-delivery" title=|l| decide_text(l, DecideText::StressChartTitle) data draw=|c, d, l| { let _ = delivery::draw(c, d, l); } summary table=ViewFn::from(table) />
    }
}
