//! "Use these rates as the next plan": the observed rates of the latest
//! checkpoint go into the main form (as a segment is loaded into it) and a
//! new campaign starts, with no checkpoint and apart from the library
//! entry of this one, which stays as it was saved. Undo brings it back.

use leptos::prelude::*;

use crate::engine::tracking::observed_plan;
use crate::i18n::track::{next_campaign_name, next_plan_loaded, track_text, TrackText};
use crate::scenario::SegmentDraft;
use crate::ui::state::Calculator;
use crate::ui::track::state::{TrackState, Undo};

/// Puts the latest checkpoint's observed rates into the form and starts
/// the next campaign.
fn use_as_next_plan(calc: Calculator, state: TrackState) {
    let Some(latest) = calc.campaign.with_untracked(|c| c.latest().cloned()) else {
        return;
    };
    let plan = calc.central().with_untracked(|c| c.inputs.clone());
    let next = observed_plan(&plan, &latest);
    let before = calc.draft_untracked();
    let shelf = use_context::<crate::ui::library::Shelf>();
    let saved = shelf.and_then(|shelf| shelf.current.get_untracked());
    let lang = calc.lang.get_untracked();
    calc.load_central(&SegmentDraft::of(String::new(), &next).values);
    state.own_load.set_value(calc.loads.get_untracked());
    calc.checkpoints.set(Vec::new());
    calc.name.set(next_campaign_name(lang, &before.name));
    // A save now makes a new entry: the tracked campaign is not written over.
    if let Some(shelf) = shelf {
        shelf.current.set(None);
    }
    state.selected.set(None);
    state.reset();
    state.status.set(next_plan_loaded(lang, &next));
    state.undo.set(Some(Undo::NextPlan {
        draft: Box::new(before),
        saved,
    }));
    request_animation_frame(|| crate::browser::focus("track-undo"));
}

#[component]
pub fn NextPlanButton() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    view! {
        <p>
            <button type="button" id="track-next-plan" data-testid="track-next-plan"
                aria-describedby="track-next-plan-help"
                on:click=move |_| use_as_next_plan(calc, state)>
                {move || track_text(lang.get(), TrackText::NextPlan)}
            </button>
        </p>
        <p class="help" id="track-next-plan-help">{move || track_text(lang.get(), TrackText::NextPlanHelp)}</p>
    }
}
