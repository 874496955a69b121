//! A saved scenario's campaign in the list: its latest checkpoint's
//! verdict and projected ROI, worked out once the item is on screen (a
//! projected loss runs the simulation). A saved entry never changes: a new
//! revision is a new item.

use leptos::html::Span;
use leptos::prelude::*;

use crate::engine::tracking::{track_data_value, TrackFigure, TrackFigureId, TrackVerdict};
use crate::i18n::track::{library_tracking, track_figure_label, track_figure_text};
use crate::library::tracked_summary;
use crate::scenario::Draft;
use crate::ui::state::Calculator;

#[component]
pub fn TrackedLine(draft: Draft) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let line = NodeRef::<Span>::new();
    let visible = crate::ui::visible::on_screen(move || line.get().map(Into::into));
    let draft = StoredValue::new(draft);
    type Summary = Option<(TrackVerdict, TrackFigure)>;
    // Worked out once, when first on screen.
    let summary = Memo::new(move |previous: Option<&Summary>| match previous {
        Some(Some(done)) => Some(*done),
        _ if visible.get() => draft.with_value(tracked_summary),
        _ => None,
    });
    view! {
        <span class="library-tracking" node_ref=line data-testid="library-tracking"
            data-value=move || summary.with(|s| s.as_ref().map(|(verdict, _)| verdict.token()))
            data-roi=move || summary.with(|s| s.as_ref().map(|(_, roi)| track_data_value(*roi)))>
            {move || summary.with(|s| s.as_ref().map(|(verdict, roi)| {
                let lang = lang.get();
                format!(
                    "{}, {} {}",
                    library_tracking(lang, verdict),
                    track_figure_label(lang, TrackFigureId::ProjRoi),
                    track_figure_text(lang, TrackFigureId::ProjRoi, roi)
                )
            }))}
        </span>
    }
}
