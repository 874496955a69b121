//! The ranges table (low / likely / high per uncertain input), the trial
//! count and the "draw again" control.

use leptos::prelude::*;

use crate::engine::risk::{next_seed, parse_trials, End, Uncertain, TRIALS_SPEC};
use crate::engine::{FieldKind, RangeField};
use crate::i18n::risk::{risk_text, RiskText};
use crate::i18n::{field_label, field_unit};
use crate::lang::Lang;
use crate::ui::count_text::count_text;
use crate::ui::number_input::NumberInput;
use crate::ui::risk::state::RiskState;
use crate::ui::state::Calculator;

/// An engine value (a rate as a fraction) as the user types it.
fn value_text(input: Uncertain, value: crate::engine::Decimal, lang: Lang) -> String {
    let plain = if input.field().spec().kind == FieldKind::Percent {
        (value * crate::engine::Decimal::ONE_HUNDRED).normalize()
    } else {
        value.normalize()
    };
    crate::format::plain_for_input(&plain.to_string(), lang)
}

/// One end's text box: the typed text, or the default it follows.
fn end_input(field: RangeField) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<RiskState>();
    let lang = calc.lang;
    let key = field.key();
    let column = match field.end {
        End::Low => "risk-col-low",
        End::High => "risk-col-high",
    };
    let rejected = Memo::new(move |_| {
        state
            .check
            .with(|check| check.problems.get(&field).cloned())
    });
    let shown = Memo::new(move |_| {
        let lang = lang.get();
        calc.range_texts
            .with(|texts| texts.get(&field).cloned())
            .unwrap_or_else(|| {
                value_text(
                    field.input,
                    state.defaults.get().get(field.input).end(field.end),
                    lang,
                )
            })
    });
    let type_text = move |text: String| {
        calc.range_texts.update(|texts| {
            texts.insert(field, text);
        });
    };
    // A cleared end goes back to following the central scenario.
    let leave = move |()| {
        calc.range_texts.update(|texts| {
            if texts.get(&field).is_some_and(|t| t.trim().is_empty()) {
                texts.remove(&field);
            }
        });
    };
    view! {
        <td class:invalid=move || rejected.with(Option::is_some)>
            <NumberInput
                id=format!("risk-in-{key}")
                error_id=format!("risk-error-{key}")
                name=key
                spec=field.spec()
                shown
                rejected
                labelled_by=Some(format!("risk-row-{} {column}", field.input.field().key()))
                on_text=Callback::new(type_text)
                on_leave=Callback::new(leave)
            />
        </td>
    }
}

fn row(input: Uncertain) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<RiskState>();
    let lang = calc.lang;
    let field = input.field();
    let likely = move || value_text(input, state.defaults.get().get(input).likely, lang.get());
    view! {
        <tr>
            <th scope="row" id=format!("risk-row-{}", field.key())>
                {move || field_label(lang.get(), field)}
                <span class="unit">{move || field_unit(lang.get(), field)}</span>
            </th>
            {end_input(RangeField { input, end: End::Low })}
            <td class="likely" data-testid=format!("risk-likely-{}", field.key())>{likely}</td>
            {end_input(RangeField { input, end: End::High })}
        </tr>
    }
}

/// The trial count: typed text kept while it is wrong, the value otherwise.
#[component]
fn TrialsInput() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let trials = count_text(calc.trials, parse_trials, lang);
    view! {
        <div class="field" class:invalid=move || trials.rejected.with(Option::is_some)>
            <label for="risk-in-trials">{move || risk_text(lang.get(), RiskText::Trials)}</label>
            <NumberInput
                id="risk-in-trials"
                error_id="risk-error-trials"
                name="risk_trials"
                spec=TRIALS_SPEC
                shown=trials.shown
                rejected=trials.rejected
                described_by=Some("risk-trials-help".to_string())
                on_text=trials.on_text
            >
                <p class="help" id="risk-trials-help">{move || risk_text(lang.get(), RiskText::TrialsHelp)}</p>
            </NumberInput>
        </div>
    }
}

#[component]
pub fn RangesForm() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    view! {
        // Focusable so keyboard users can scroll the table on a phone.
        <div class="decide-table risk-ranges" tabindex="0">
            <table>
                <caption>{move || risk_text(lang.get(), RiskText::RangesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || risk_text(lang.get(), RiskText::Input)}</th>
                        <th scope="col" id="risk-col-low">{move || risk_text(lang.get(), RiskText::Low)}</th>
                        <th scope="col">{move || risk_text(lang.get(), RiskText::Likely)}</th>
                        <th scope="col" id="risk-col-high">{move || risk_text(lang.get(), RiskText::High)}</th>
                    </tr>
                </thead>
                <tbody>{Uncertain::ALL.map(row).collect_view()}</tbody>
            </table>
        </div>
        <div class="risk-controls">
            <TrialsInput />
            <div class="field">
                <span class="seed">
                    {move || risk_text(lang.get(), RiskText::Seed)}" "
                    <span data-testid="risk-seed">{move || calc.seed.get().to_string()}</span>
                </span>
                <button type="button" data-testid="risk-new-seed"
                    on:click=move |_| calc.seed.update(|seed| *seed = next_seed(*seed))>
                    {move || risk_text(lang.get(), RiskText::NewSeed)}
                </button>
            </div>
        </div>
    }
}
