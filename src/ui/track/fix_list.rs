//! What to fix in checkpoints other than the one being edited, each with a
//! button that opens it.

use leptos::prelude::*;

use crate::i18n::track::{fix_checkpoint, track_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::state::TrackState;

/// Problems of checkpoints other than the one in the editor, each with a
/// button to edit it.
#[component]
pub fn FixList() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let others = Memo::new(move |_| {
        let selected = state.selected.get();
        let mut seen = Vec::new();
        state.errors.with(|errors| {
            for error in errors {
                if Some(error.index) != selected && !seen.iter().any(|(i, _)| *i == error.index) {
                    seen.push((error.index, error.field));
                }
            }
        });
        seen
    });
    view! {
        <div class="track-fix" role="status" data-testid="track-fix" hidden=move || state.errors.with(Vec::is_empty)>
            <p>{move || track_text(lang.get(), TrackText::FixFirst)}</p>
            <ul>
                {move || others.get().into_iter().map(|(index, field)| view! {
                    <li>
                        {move || fix_checkpoint(lang.get(), index + 1, field)} " "
                        <button type="button" on:click=move |_| {
                            state.selected.set(Some(index));
                            state.texts.update(|t| t.clear());
                            let id = format!("track-in-{}", field.key());
                            request_animation_frame(move || crate::browser::focus(&id));
                        }>{move || track_text(lang.get(), TrackText::Edit)}</button>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
