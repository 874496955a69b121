//! `track_prior`: how many observed meetings the plan's rates are worth.

use leptos::prelude::*;

use crate::engine::tracking::{parse_track_prior, TRACK_PRIOR_KEY, TRACK_PRIOR_SPEC};
use crate::entry::{read_number, Rejected};
use crate::i18n::track::{track_text, TrackText};
use crate::lang::Lang;
use crate::ui::number_input::NumberInput;
use crate::ui::state::Calculator;

/// How many observed meetings the plan's rates are worth (`track_prior`).
#[component]
pub fn PriorInput() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let typed = RwSignal::new(None::<String>);
    let read = move |text: &str, lang: Lang| -> Result<u32, Rejected> {
        parse_track_prior(&read_number(text, lang)?).map_err(Rejected::Invalid)
    };
    // A weight set from elsewhere replaces what was typed unless the text
    // already says it.
    Effect::new(move |_| {
        let prior = calc.track_prior.get();
        let says = typed.with_untracked(|text| {
            text.as_ref()
                .map(|text| read(text, lang.get_untracked()).ok())
        });
        if matches!(says, Some(value) if value != Some(prior)) {
            typed.set(None);
        }
    });
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
    let rejected = Memo::new(move |_| typed.with(|text| read(text.as_deref()?, lang.get()).err()));
    let shown = Memo::new(move |_| {
        typed
            .get()
            .unwrap_or_else(|| calc.track_prior.get().to_string())
    });
    let on_text = move |text: String| {
        if let Ok(prior) = read(&text, lang.get_untracked()) {
            calc.track_prior.set(prior);
        }
        typed.set(Some(text));
    };
    view! {
        <div class="field track-prior" class:invalid=move || rejected.with(Option::is_some)>
            <label for="track-in-prior">{move || track_text(lang.get(), TrackText::Prior)}</label>
            <NumberInput
                id="track-in-prior"
                error_id="track-error-prior"
                name=TRACK_PRIOR_KEY
                spec=TRACK_PRIOR_SPEC
                shown
                rejected
                described_by=Some("track-help-prior".to_string())
                on_text=Callback::new(on_text)
            >
                <p class="help" id="track-help-prior">{move || track_text(lang.get(), TrackText::PriorHelp)}</p>
            </NumberInput>
        </div>
    }
}
