//! The checkpoint verdict in plain words: what to do, which lever and by
//! how much, or what evidence would decide; and the next plan.

use leptos::prelude::*;

use crate::i18n::track::{track_text, verdict_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::next_plan::NextPlanButton;
use crate::ui::track::state::TrackState;

#[component]
pub fn TrackVerdictView() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let token = move || {
        state
            .run
            .with(|r| r.as_ref().map(|r| r.latest.verdict.token()))
            .unwrap_or_default()
    };
    let words = move || {
        state.run.with(|r| {
            r.as_ref()
                .map(|r| verdict_text(lang.get(), &r.plan, &r.latest))
        })
    };
    view! {
        <div class="track-verdict-block">
            <h3>{move || track_text(lang.get(), TrackText::VerdictHeading)}</h3>
            <p class="decide-verdict track-verdict" data-testid="track-verdict" data-value=token aria-live="polite">
                {words}
            </p>
            <NextPlanButton />
        </div>
    }
}
