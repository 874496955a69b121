//! The campaign's checkpoints, one row each, with what the plan expected by
//! the same week beside every count.

use leptos::prelude::*;

use crate::i18n::track::{checkpoint_field_label, track_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::row::{CheckpointRow, COLUMNS};

#[component]
pub fn CheckpointTable() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let count = Memo::new(move |_| calc.checkpoints.with(Vec::len));
    let any = move || count.get() != 0;
    let text = move |key| move || track_text(lang.get(), key);
    view! {
        <Show
            when=any
            fallback=move || view! { <p class="muted" data-testid="track-empty">{text(TrackText::Empty)}</p> }
        >
            // Focusable so keyboard users can scroll the table on a phone.
            <div class="decide-table track-table" tabindex="0" role="region" aria-labelledby="track-table-caption">
                <table>
                    <caption id="track-table-caption">{text(TrackText::TableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(TrackText::Checkpoint)}</th>
                            {COLUMNS.map(|field| view! {
                                <th scope="col">{move || checkpoint_field_label(lang.get(), field)}</th>
                            }).collect_view()}
                            <th scope="col">{text(TrackText::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|index| *index children=move |index| view! { <CheckpointRow index /> } />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
