//! The tracking panel: it runs the projection's simulation and lays out
//! its parts. Like the risk panel, the simulation runs only while the panel
//! is on screen, once changes pause, never inside an input event.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::html::Section;
use leptos::prelude::*;

use crate::browser::pause::Later;
use crate::i18n::track::{track_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::state::{Request, Run, TrackState};
use crate::ui::track::{chart, editor, figures, odds, status, table, verdict};
use crate::ui::visible::deferred;

/// How long a change waits before the simulation runs: edits closer than
/// this share one run.
const SETTLE: Duration = Duration::from_millis(40);

#[component]
pub fn TrackPanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let section = NodeRef::<Section>::new();
    let visible = crate::ui::visible::on_screen(move || section.get().map(Into::into));
    // Off screen, the panel follows the form once typing pauses.
    let plan = deferred(visible, move || calc.central().with(|c| c.inputs.clone()));
    let errors = Memo::new(move |_| {
        calc.checkpoints.with(|checkpoints| {
            crate::engine::tracking::TrackingInputs {
                checkpoints: checkpoints.clone(),
                track_prior: calc.track_prior.get(),
            }
            .validate()
        })
    });
    let request = Memo::new(move |_| {
        let campaign = calc.campaign.get();
        (!campaign.checkpoints.is_empty()).then(|| Request {
            plan: plan.get(),
            campaign,
            trials: calc.trials.get(),
            seed: calc.seed.get(),
        })
    });
    let run = RwSignal::new(None::<Run>);
    let done_for = RwSignal::new(None::<Request>);
    let stale = Memo::new(move |_| {
        !errors.with(Vec::is_empty) || done_for.with(|done| done != &request.get())
    });
    let selected = RwSignal::new(
        calc.checkpoints
            .with_untracked(|list| list.len().checked_sub(1)),
    );
    let state = TrackState {
        plan,
        selected,
        texts: RwSignal::new(BTreeMap::new()),
        errors,
        run,
        stale,
        undo: RwSignal::new(None),
        status: RwSignal::new(String::new()),
        own_load: StoredValue::new(0),
    };
    provide_context(state);

    // A scenario loaded from elsewhere (library, link, other tab, undo)
    // replaces the campaign: the editor shows its latest checkpoint.
    Effect::new(move |first: Option<()>| {
        let loads = calc.loads.get();
        if first.is_some() {
            if loads != state.own_load.get_value() {
                state.reset();
            }
            state
                .selected
                .set(calc.checkpoints.with_untracked(|l| l.len().checked_sub(1)));
        }
    });

    let later = StoredValue::new_local(Later::new(SETTLE));
    Effect::new(move |_| {
        let wanted = request.get();
        let later = later.get_value();
        if done_for.with_untracked(|done| done == &wanted) {
            // Back to what is shown: a run still waiting would show other figures.
            later.cancel();
            return;
        }
        if !visible.get() {
            return;
        }
        later.run(move || {
            let fresh = wanted.as_ref().and_then(Request::run);
            // The panel may have been removed while this waited.
            let _ = run.try_set(fresh);
            let _ = done_for.try_set(Some(wanted).flatten());
        });
    });

    view! {
        <section class="track" id="tracking" aria-labelledby="track-heading" node_ref=section data-testid="track-panel"
            data-sim-ms=move || run.with(|r| r.as_ref().map(|r| format!("{:.2}", r.millis)))>
            <h2 id="track-heading">{move || track_text(lang.get(), TrackText::Heading)}</h2>
            <p class="decide-lead">{move || track_text(lang.get(), TrackText::Lead)}</p>
            <table::CheckpointTable />
            <status::TrackStatus />
            <editor::CheckpointEditor />
            <Show when=move || calc.campaign.with(|c| !c.checkpoints.is_empty())>
                <div class="track-results" class:stale=move || stale.get() aria-busy=move || stale.get().to_string()>
                    <verdict::TrackVerdictView />
                    <figures::LatestFigures />
                    <odds::TrackOdds />
                    <chart::TrackChart />
                </div>
            </Show>
        </section>
    }
}
