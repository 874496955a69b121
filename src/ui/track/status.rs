//! What the panel's last action did, and its undo: a checkpoint removed,
//! or the next plan loaded into the form.

use leptos::prelude::*;

use crate::i18n::track::{track_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::state::{TrackState, Undo};

#[component]
pub fn TrackStatus() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let undo = move |_| {
        let Some(what) = state.undo.get_untracked() else {
            return;
        };
        match what {
            Undo::Removed { index, checkpoint } => {
                let back = index.min(calc.checkpoints.with_untracked(Vec::len));
                calc.checkpoints
                    .update(|list| list.insert(back, checkpoint));
                state.selected.set(Some(back));
                state.reset();
                // Focus goes to the restored checkpoint's edit button.
                let button = format!("[data-testid=\"track-{}-edit\"]", back + 1);
                request_animation_frame(move || crate::browser::focus_within("tracking", &button));
            }
            Undo::NextPlan { draft, saved } => {
                calc.load(&draft);
                state.own_load.set_value(calc.loads.get_untracked());
                if let Some(shelf) = use_context::<crate::ui::library::Shelf>() {
                    shelf.current.set(saved);
                }
                state.reset();
                request_animation_frame(|| crate::browser::focus("track-next-plan"));
            }
        }
    };
    view! {
        <p class="segment-status track-status" role="status" data-testid="track-status">
            {move || state.status.get()}
            {move || state.undo.with(Option::is_some).then(|| view! {
                " "
                <button type="button" id="track-undo" data-testid="track-undo" on:click=undo>
                    {move || track_text(lang.get(), TrackText::Undo)}
                </button>
            })}
        </p>
    }
}
