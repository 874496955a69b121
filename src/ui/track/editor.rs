//! Adding a checkpoint and editing the one selected: its eight boxes
//! ([`CheckpointBox`]), what to fix elsewhere ([`FixList`]) and the weight
//! of the plan ([`PriorInput`]).

use leptos::prelude::*;

use crate::engine::tracking::{Checkpoint, CheckpointField, MAX_CHECKPOINTS};
use crate::i18n::track::{checkpoint_name, track_text, TrackText};
use crate::lang::Lang;
use crate::ui::state::Calculator;
use crate::ui::track::checkpoint_box::CheckpointBox;
use crate::ui::track::fix_list::FixList;
use crate::ui::track::prior::PriorInput;
use crate::ui::track::state::TrackState;

/// The last week a checkpoint may name.
pub fn last_week() -> u32 {
    u32::try_from(CheckpointField::Week.spec().max.mantissa()).unwrap_or(u32::MAX)
}

/// Adds a checkpoint a week after the latest, with its counts (nothing has
/// happened since, which never goes back), and opens it in the editor.
pub fn add_checkpoint(calc: Calculator, state: TrackState) {
    let mut added = None;
    calc.checkpoints.update(|list| {
        let latest = list.last();
        if list.len() < MAX_CHECKPOINTS && latest.is_none_or(|c| c.week < last_week()) {
            list.push(Checkpoint::following(latest));
            added = Some(list.len() - 1);
        }
    });
    if let Some(index) = added {
        state.selected.set(Some(index));
        state.reset();
        // The week is filled in: the booked meetings come next, selected so
        // that the new total replaces last week's.
        request_animation_frame(|| crate::browser::focus_and_select("track-in-booked"));
    }
}

#[component]
pub fn CheckpointEditor() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    // Typed texts move to a new language's number format; what is not a
    // number stays as typed, with its message.
    Effect::new(move |previous: Option<Lang>| {
        let now = lang.get();
        if let Some(before) = previous.filter(|before| *before != now) {
            state.texts.update(|texts| {
                for text in texts.values_mut() {
                    *text = crate::format::retyped(text, before, now);
                }
            });
        }
        now
    });
    let full = Memo::new(move |_| calc.checkpoints.with(|l| l.len() >= MAX_CHECKPOINTS));
    let at_last_week = Memo::new(move |_| {
        calc.checkpoints
            .with(|l| l.last().is_some_and(|c| c.week >= last_week()))
    });
    let blocked = move || full.get() || at_last_week.get();
    // Only a change of the checkpoint edited rebuilds the boxes (never a
    // keystroke: the focus and caret stay where they are).
    let editing = Memo::new(move |_| {
        state
            .selected
            .get()
            .filter(|index| calc.checkpoints.with(|l| *index < l.len()))
    });
    let text = move |key| move || track_text(lang.get(), key);
    view! {
        <div class="track-editor">
            <p>
                <button type="button" data-testid="track-add" on:click=move |_| add_checkpoint(calc, state) disabled=blocked>
                    {text(TrackText::Add)}
                </button>
                " "
                <span class="muted">
                    {move || {
                        let lang = lang.get();
                        if full.get() {
                            track_text(lang, TrackText::Full)
                        } else if at_last_week.get() {
                            track_text(lang, TrackText::LastWeek)
                        } else {
                            ""
                        }
                    }}
                </span>
            </p>
            {move || editing.get().map(editor_body)}
            <FixList />
            <PriorInput />
        </div>
    }
}

/// The boxes of checkpoint `index`.
fn editor_body(index: usize) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let week = Memo::new(move |_| calc.checkpoints.with(|l| l.get(index).map(|c| c.week)));
    let heading = move || {
        week.get()
            .map(|week| checkpoint_name(lang.get(), index + 1, week))
    };
    view! {
        <fieldset class="track-checkpoint" data-testid="track-editor" data-index=index + 1>
            <legend id="track-editor-heading">{heading}</legend>
            <p class="help">{move || track_text(lang.get(), TrackText::EditorLead)}</p>
            <div class="decide-inputs">
                {CheckpointField::ALL.map(|field| view! { <CheckpointBox index field /> }).collect_view()}
            </div>
        </fieldset>
    }
}
