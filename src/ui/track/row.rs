//! One checkpoint of the table: its values, the plan to date beside each
//! count, and its actions (edit, remove with undo).

use leptos::prelude::*;

use crate::engine::tracking::{assess, CheckpointField, TrackFigure};
use crate::i18n::track::{checkpoint_name, checkpoint_removed, planned, track_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::state::{TrackState, Undo};

/// The columns after the checkpoint's number, in the editor's order.
pub const COLUMNS: [CheckpointField; 7] = [
    CheckpointField::Week,
    CheckpointField::Booked,
    CheckpointField::Held,
    CheckpointField::Opps,
    CheckpointField::Sales,
    CheckpointField::Lost,
    CheckpointField::Invoiced,
];

/// What the plan expected of a count by the checkpoint's week.
fn plan_to_date(
    figures: &crate::engine::tracking::CheckpointFigures,
    field: CheckpointField,
) -> Option<TrackFigure> {
    match field {
        CheckpointField::Booked => Some(figures.booked_plan),
        CheckpointField::Held => Some(figures.held_plan),
        CheckpointField::Opps => Some(figures.opps_plan),
        CheckpointField::Sales => Some(figures.sales_plan),
        _ => None,
    }
}

/// Removes checkpoint `index`, says so and offers to undo it.
pub fn remove_checkpoint(calc: Calculator, state: TrackState, index: usize) {
    let mut gone = None;
    calc.checkpoints.update(|list| {
        if index < list.len() {
            gone = Some(list.remove(index));
        }
    });
    let Some(checkpoint) = gone else { return };
    let left = calc.checkpoints.with_untracked(Vec::len);
    state.selected.update(|selected| {
        *selected = match *selected {
            Some(s) if s == index => left.checked_sub(1),
            Some(s) if s > index => Some(s - 1),
            other => other,
        };
    });
    state.reset();
    state.status.set(checkpoint_removed(
        calc.lang.get_untracked(),
        checkpoint.week,
    ));
    state.undo.set(Some(Undo::Removed { index, checkpoint }));
    // The row is gone: keyboard focus goes to "undo".
    request_animation_frame(|| crate::browser::focus("track-undo"));
}

#[component]
pub fn CheckpointRow(index: usize) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let number = index + 1;
    let checkpoint = Memo::new(move |_| calc.checkpoints.with(|l| l.get(index).cloned()));
    let figures = Memo::new(move |_| {
        let checkpoint = checkpoint.get()?;
        let plan = state.plan.get();
        Some(assess(&plan, &checkpoint, calc.track_prior.get()))
    });
    let invalid = Memo::new(move |_| state.errors.with(|e| e.iter().any(|e| e.index == index)));
    let editing = Memo::new(move |_| state.selected.get() == Some(index));
    let cell = move |field: CheckpointField| {
        let value =
            Memo::new(move |_| checkpoint.with(|c| c.as_ref().and_then(|c| c.number(field))));
        let shown = move || {
            let lang = lang.get();
            match (field, value.get()) {
                (CheckpointField::Invoiced, Some(amount)) => crate::format::money(amount, lang),
                (CheckpointField::Invoiced, None) => "—".to_string(),
                (_, Some(count)) => crate::format::count(count, lang),
                (_, None) => String::new(),
            }
        };
        let plan = move || figures.with(|f| f.as_ref().and_then(|f| plan_to_date(f, field)));
        let plan_view = plan_to_date_view(lang, number, field, plan);
        view! {
            <td data-testid=format!("track-{number}-{}", field.key())
                data-value=move || value.get().map(|v| v.to_string()).unwrap_or_default()>
                {shown}
                {plan_view}
            </td>
        }
    };
    let name = move || {
        checkpoint.with(|c| {
            c.as_ref()
                .map(|c| checkpoint_name(lang.get(), number, c.week))
        })
    };
    view! {
        <tr data-testid="track-row" data-index=number class:invalid=invalid class:editing=editing
            aria-current=move || editing.get().then_some("true")>
            <th scope="row">{number}</th>
            {COLUMNS.map(cell).collect_view()}
            <td class="segment-actions">
                <button type="button" data-testid=format!("track-{number}-edit") aria-pressed=move || editing.get().to_string() on:click=move |_| {
                    state.selected.set(Some(index));
                    state.texts.update(|t| t.clear());
                    request_animation_frame(|| crate::browser::focus("track-in-week"));
                }>
                    {move || track_text(lang.get(), TrackText::Edit)}
                    <span class="visually-hidden">" " {name}</span>
                </button>
                <button type="button" data-testid=format!("track-{number}-remove") on:click=move |_| remove_checkpoint(calc, state, index)>
                    {move || track_text(lang.get(), TrackText::Remove)}
                    <span class="visually-hidden">" " {name}</span>
                </button>
            </td>
        </tr>
    }
}

/// "prévu 15,38" under a count, with the exact value as a test hook.
fn plan_to_date_view(
    lang: RwSignal<crate::lang::Lang>,
    number: usize,
    field: CheckpointField,
    plan: impl Fn() -> Option<TrackFigure> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    plan_to_date_applies(field).then(|| {
        view! {
            <span class="track-planned" data-testid=format!("track-{number}-{}-plan", field.key())
                data-value=move || plan().map(crate::engine::tracking::track_data_value).unwrap_or_default()>
                {move || {
                    let lang = lang.get();
                    let value = plan().and_then(|f| f.ok()).map(|v| crate::format::count(v, lang));
                    planned(lang, &value.unwrap_or_else(|| "—".to_string()))
                }}
            </span>
        }
    })
}

fn plan_to_date_applies(field: CheckpointField) -> bool {
    matches!(
        field,
        CheckpointField::Booked
            | CheckpointField::Held
            | CheckpointField::Opps
            | CheckpointField::Sales
    )
}
