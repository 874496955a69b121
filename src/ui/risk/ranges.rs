//! The ranges table (low / likely / high per uncertain input), the trial
//! count and the "draw again" control.

use leptos::prelude::*;

use crate::engine::risk::{next_seed, parse_trials, End, Uncertain};
use crate::engine::{FieldKind, RangeField};
use crate::i18n::risk::{range_problem_message, risk_text, trials_problem_message, RiskText};
use crate::i18n::{field_label, field_unit, Lang};
use crate::ui::risk::{EndProblem, RiskState};
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

/// The default ranges of the central scenario (what an untouched end shows).
/// One end's text box: the typed text, or the default it follows.
fn end_input(field: RangeField) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<RiskState>();
    let lang = calc.lang;
    let key = field.key();
    let error_id = format!("risk-error-{key}");
    let column = match field.end {
        End::Low => "risk-col-low",
        End::High => "risk-col-high",
    };
    let labelled_by = format!("risk-row-{} {column}", field.input.field().key());
    let message = Memo::new(move |_| {
        let lang = lang.get();
        state.check.with(|check| {
            check.problems.get(&field).map(|problem| match problem {
                EndProblem::Unreadable => {
                    crate::i18n::parse_error_message(lang, field.input.field())
                }
                EndProblem::Range(problem) => {
                    let likely = value_text(
                        field.input,
                        state.defaults.get().get(field.input).likely,
                        lang,
                    );
                    range_problem_message(lang, &field.spec(), problem, &likely)
                }
            })
        })
    });
    // A memo: the box is written only when its text changes (see ui::field).
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
    view! {
        <td class:invalid=move || message.with(Option::is_some)>
            <input
                id=format!("risk-in-{key}")
                name=key
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                aria-labelledby=labelled_by
                aria-describedby=error_id.clone()
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || shown.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    calc.range_texts.update(|texts| {
                        texts.insert(field, text);
                    });
                }
                // A cleared end goes back to following the central scenario.
                on:change=move |_| {
                    calc.range_texts.update(|texts| {
                        if texts.get(&field).is_some_and(|t| t.trim().is_empty()) {
                            texts.remove(&field);
                        }
                    });
                }
            />
            <p class="error" id=error_id aria-live="polite">{move || message.get()}</p>
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
    let typed = RwSignal::new(None::<String>);
    // A language switch moves the typed count to the new number format,
    // and keeps it as typed (with its message) when it is not a number.
    Effect::new(move |previous: Option<Lang>| {
        let now = lang.get();
        if let Some(before) = previous.filter(|before| *before != now) {
            typed.update(|text| {
                if let Some(text) = text {
                    *text = crate::format::retyped(text, before, now);
                }
            });
        }
        now
    });
    // A count set from elsewhere (library, undo, another tab, an import)
    // replaces what was typed unless the text already says that count.
    Effect::new(move |_| {
        let trials = calc.trials.get();
        let says = typed.with_untracked(|text| {
            text.as_ref().map(|text| {
                crate::format::parse_number(text, lang.get_untracked())
                    .ok()
                    .and_then(|plain| parse_trials(&plain).ok())
            })
        });
        if matches!(says, Some(count) if count != Some(trials)) {
            typed.set(None);
        }
    });
    let problem = Memo::new(move |_| {
        let text = typed.get()?;
        let plain = match crate::format::parse_number(&text, lang.get()) {
            Ok(plain) => plain,
            Err(_) => {
                return Some(trials_problem_message(
                    lang.get(),
                    &crate::engine::Problem::NotANumber,
                ))
            }
        };
        parse_trials(&plain)
            .err()
            .map(|p| trials_problem_message(lang.get(), &p))
    });
    let shown = move || {
        typed.get().unwrap_or_else(|| {
            crate::format::plain_for_input(&calc.trials.get().to_string(), lang.get())
        })
    };
    view! {
        <div class="field" class:invalid=move || problem.with(Option::is_some)>
            <label for="risk-in-trials">{move || risk_text(lang.get(), RiskText::Trials)}</label>
            <input
                id="risk-in-trials"
                name="risk_trials"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-describedby="risk-trials-help risk-error-trials"
                aria-invalid=move || problem.with(Option::is_some).to_string()
                prop:value=shown
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if let Some(trials) = crate::format::parse_number(&text, lang.get_untracked())
                        .ok()
                        .and_then(|plain| parse_trials(&plain).ok())
                    {
                        calc.trials.set(trials);
                    }
                    typed.set(Some(text));
                }
            />
            <p class="help" id="risk-trials-help">{move || risk_text(lang.get(), RiskText::TrialsHelp)}</p>
            <p class="error" id="risk-error-trials" aria-live="polite">{move || problem.get()}</p>
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
