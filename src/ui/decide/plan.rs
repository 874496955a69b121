//! Plan from a goal (`decision-tools.md` §2): from customers, revenue or
//! margin back to the sales, meetings, calls and budget it takes.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::{
    plan, FieldSet, GoalInputs, GoalKind, Plan, PlanField, PlanFigure, PlanFigureId,
};
use crate::format;
use crate::i18n::decide::{
    decide_text, goal_kind_label, goal_unit, plan_field_label, plan_step_label,
    plan_undefined_reason, plan_vs_results, DecideText,
};
use crate::i18n::kind_unit;
use crate::lang::Lang;
use crate::ui::decide::local::{local_input, Local};
use crate::ui::decide::seen::Seen;
use crate::ui::state::Calculator;

fn step_in_words(lang: Lang, id: PlanFigureId, figure: &PlanFigure) -> String {
    match figure {
        Err(why) => plan_undefined_reason(lang, *why).to_string(),
        Ok(value) if id == PlanFigureId::MaxPrice && *value < Decimal::ZERO => {
            decide_text(lang, DecideText::NoPriceBreaksEven).to_string()
        }
        Ok(value) => match id {
            PlanFigureId::Budget => format::money(*value, lang),
            PlanFigureId::MaxPrice => format::price_ceiling(*value, lang),
            PlanFigureId::Roi => format::percent(*value, lang),
            _ => format::count(*value, lang),
        },
    }
}

#[component]
pub fn PlanPanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let seen = expect_context::<Seen>();
    let lang = calc.lang;
    let state = Local::<GoalInputs>::bound(lang, calc.tools);
    let result = Memo::new(move |_| {
        let base = seen.inputs.get();
        state.inputs.with(|goal| plan(&base, goal))
    });
    let input = move |field: PlanField| {
        let label = Signal::derive(move || plan_field_label(lang.get(), field));
        let unit = Signal::derive(move || match field {
            PlanField::GoalValue => state.inputs.with(|goal| goal_unit(lang.get(), goal.kind)),
            _ => kind_unit(lang.get(), field.spec().kind),
        });
        local_input(state, field, label, unit)
    };
    view! {
        <section class="decide-panel" aria-labelledby="plan-heading">
            <h3 id="plan-heading">{move || decide_text(lang.get(), DecideText::PlanHeading)}</h3>
            <p>{move || decide_text(lang.get(), DecideText::PlanLead)}</p>
            <div class="decide-inputs">
                <GoalKindSelect state />
                {input(PlanField::GoalValue)}
                {input(PlanField::CallToConversation)}
                {input(PlanField::ConversationToMeeting)}
            </div>
            <PlanSteps result />
            <PlanVsResults result />
        </section>
    }
}

/// Customers, revenue or margin.
#[component]
fn GoalKindSelect(state: Local<GoalInputs>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let key = PlanField::GoalKind.key();
    let id = format!("decide-in-{key}");
    view! {
        <div class="field">
            <label for=id.clone()>{move || plan_field_label(lang.get(), PlanField::GoalKind)}</label>
            <select
                id=id
                name=key
                prop:value=move || state.inputs.with(|goal| goal.kind.token())
                on:change=move |ev| {
                    let token = event_target_value(&ev);
                    state.inputs.update(|goal| {
                        let _ = goal.set(PlanField::GoalKind, &token);
                    });
                }
            >
                {GoalKind::ALL
                    .map(|kind| {
                        let selected = state.inputs.with_untracked(|goal| goal.kind == kind);
                        view! { <option value=kind.token() selected=selected>{move || goal_kind_label(lang.get(), kind)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Why the plan's ROI and highest price are not the results' (another
/// number of meetings, sales not lost to rounding), when they differ.
#[component]
fn PlanVsResults(result: Memo<Plan>) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let seen = expect_context::<Seen>();
    let lang = calc.lang;
    let note = Memo::new(move |_| {
        let lang = lang.get();
        let booked = result.with(|plan| plan.booked_needed.ok())?;
        let inputs = seen.inputs.get();
        if booked == inputs.meetings {
            return None;
        }
        let outcome = calc.outcome().get();
        let rounded = match (outcome.sales_expected, outcome.sales) {
            (Ok(expected), Ok(counted)) if expected != counted => {
                Some((format::count(expected, lang), format::count(counted, lang)))
            }
            _ => None,
        };
        Some(plan_vs_results(
            lang,
            &format::count(booked, lang),
            &format::count(inputs.meetings, lang),
            rounded.as_ref().map(|(e, c)| (e.as_str(), c.as_str())),
        ))
    });
    view! { <p class="decide-note" data-testid="plan-vs-results">{move || note.get()}</p> }
}

/// Sales → held → booked → calls → budget → ROI → highest price.
#[component]
fn PlanSteps(result: Memo<Plan>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let step = move |id: PlanFigureId| {
        let figure = Memo::new(move |_| result.with(|plan| plan.figure(id)));
        let value =
            move || figure.with(|f| f.map(|v| v.normalize().to_string()).unwrap_or_default());
        view! {
            <li class="decide-step" class:undefined=move || figure.with(Result::is_err)>
                <span class="decide-step-label">{move || plan_step_label(lang.get(), id)}</span>
                <output data-testid=id.testid() data-value=value>
                    {move || figure.with(|f| step_in_words(lang.get(), id, f))}
                </output>
            </li>
        }
    };
    view! { <ol class="decide-steps">{PlanFigureId::ALL.map(step).collect_view()}</ol> }
}
