//! `track_prior`: how many observed meetings the plan's rates are worth.

use leptos::prelude::*;

use crate::engine::tracking::{parse_track_prior, TRACK_PRIOR_KEY, TRACK_PRIOR_SPEC};
use crate::i18n::track::{track_text, TrackText};
use crate::ui::count_text::count_text;
use crate::ui::number_input::NumberInput;
use crate::ui::state::Calculator;

/// How many observed meetings the plan's rates are worth (`track_prior`).
#[component]
pub fn PriorInput() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let prior = count_text(calc.track_prior, parse_track_prior, lang);
    view! {
        <div class="field track-prior" class:invalid=move || prior.rejected.with(Option::is_some)>
            <label for="track-in-prior">{move || track_text(lang.get(), TrackText::Prior)}</label>
            <NumberInput
                id="track-in-prior"
                error_id="track-error-prior"
                name=TRACK_PRIOR_KEY
                spec=TRACK_PRIOR_SPEC
                shown=prior.shown
                rejected=prior.rejected
                described_by=Some("track-help-prior".to_string())
                on_text=prior.on_text
            >
                <p class="help" id="track-help-prior">{move || track_text(lang.get(), TrackText::PriorHelp)}</p>
            </NumberInput>
        </div>
    }
}
