//! Can the sales team absorb the meetings? (`decision-tools.md` §3)

use leptos::prelude::*;

use crate::engine::capacity::CapacityFigure;
use crate::engine::{capacity, Capacity, CapacityField, CapacityFigureId, CapacityInputs};
use crate::format;
use crate::i18n::decide::{
    capacity_field_label, capacity_undefined_reason, decide_text, DecideText,
};
use crate::i18n::kind_unit;
use crate::lang::Lang;
use crate::ui::decide::local::{local_input, Local};
use crate::ui::decide::seen::Seen;
use crate::ui::state::Calculator;

fn capacity_in_words(lang: Lang, id: CapacityFigureId, figure: &CapacityFigure) -> String {
    match (id, figure) {
        (_, Err(why)) => capacity_undefined_reason(lang, *why).to_string(),
        (CapacityFigureId::Load, Ok(load)) => format::percent_unsigned(*load, lang),
        (CapacityFigureId::ExtraWeeks, Ok(count)) => crate::i18n::decide::weeks(lang, *count),
    }
}

fn capacity_label(lang: Lang, id: CapacityFigureId) -> &'static str {
    match id {
        CapacityFigureId::Load => lang.pick("Charge de vos commerciaux", "Your sales team’s load"),
        CapacityFigureId::ExtraWeeks => lang.pick(
            "Semaines de plus pour tout absorber",
            "Extra weeks to take every meeting",
        ),
    }
}

#[component]
pub fn CapacityPanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let seen = expect_context::<Seen>();
    let lang = calc.lang;
    let state = Local::<CapacityInputs>::bound(lang, calc.tools);
    let result = Memo::new(move |_| {
        let held = seen.held.get();
        let months = seen.inputs.with(|inputs| inputs.months);
        state.inputs.with(|team| capacity(held, months, team))
    });
    let input = move |field: CapacityField| {
        let label = Signal::derive(move || capacity_field_label(lang.get(), field));
        let unit = Signal::derive(move || kind_unit(lang.get(), field.spec().kind));
        local_input(state, field, label, unit)
    };
    view! {
        <section class="decide-panel" aria-labelledby="capacity-heading">
            <h3 id="capacity-heading">{move || decide_text(lang.get(), DecideText::CapacityHeading)}</h3>
            <p>{move || decide_text(lang.get(), DecideText::CapacityLead)}</p>
            <div class="decide-inputs">
                {CapacityField::ALL.map(input).collect_view()}
            </div>
            <CapacityFigures result />
        </section>
    }
}

/// The load, the extra weeks and, above 100 %, the warning in words.
#[component]
fn CapacityFigures(result: Memo<Capacity>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let figure = move |id: CapacityFigureId| {
        let value = Memo::new(move |_| result.with(|c| c.figure(id)));
        let data = move || value.with(|v| v.map(|v| v.normalize().to_string()).unwrap_or_default());
        view! {
            <div class="card">
                <span class="card-label">{move || capacity_label(lang.get(), id)}</span>
                <output class="card-value" data-testid=id.testid() data-value=data>
                    {move || value.with(|v| capacity_in_words(lang.get(), id, v))}
                </output>
            </div>
        }
    };
    let overloaded = move || result.with(|c| c.overloaded);
    view! {
        <div class="headline">{CapacityFigureId::ALL.map(figure).collect_view()}</div>
        <Show
            when=overloaded
            fallback=move || view! { <p class="decide-ok" data-testid="capacity-ok">{move || decide_text(lang.get(), DecideText::CapacityOk)}</p> }
        >
            <p class="decide-warning" role="alert" data-testid="capacity-warning">
                {move || decide_text(lang.get(), DecideText::CapacityWarning)}
            </p>
        </Show>
    }
}
