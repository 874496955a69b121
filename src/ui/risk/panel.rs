//! The risk panel: it runs the simulation and lays out its parts.

use std::time::Duration;

use leptos::html::Section;
use leptos::prelude::*;

use crate::browser::clock::monotonic_ms as now;
use crate::browser::pause::Later;
use crate::engine::{simulate, tornado, Variant};
use crate::entry::check_ranges;
use crate::i18n::risk::{risk_text, RiskText};
use crate::ui::risk::state::{default_ranges, Request, RiskState, Run};
use crate::ui::risk::{charts, figures, ranges};
use crate::ui::state::Calculator;
use crate::ui::visible::{deferred, deferred_on};

/// How long a change waits before the simulation runs: edits closer than
/// this share one run.
const SETTLE: Duration = Duration::from_millis(40);

#[component]
pub fn RiskPanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let section = NodeRef::<Section>::new();
    let visible = crate::ui::visible::on_screen(move || section.get().map(Into::into));
    // While the panel is off screen it follows the form once typing pauses:
    // its 30-odd boxes and checks then cost nothing per keystroke.
    let base = deferred(visible, move || calc.central().with(|c| c.inputs.clone()));
    // The prudent and ambitious scenarios are not evaluated on a keystroke
    // while the panel is off screen: what they follow is watched instead.
    let defaults = deferred_on(
        visible,
        move || {
            calc.central().track();
            for which in [Variant::Prudent, Variant::Ambitious] {
                calc.variant(which).texts.track();
            }
            calc.lang.track();
        },
        move || default_ranges(calc),
    );
    let check = Memo::new(move |_| {
        let defaults = defaults.get();
        calc.range_texts
            .with(|texts| check_ranges(defaults, texts, lang.get()))
    });
    let request = Memo::new(move |_| {
        let ranges = check.with(|c| c.ranges)?;
        Some(Request {
            base: base.get(),
            ranges,
            trials: calc.trials.get(),
            seed: calc.seed.get(),
        })
    });
    let run = RwSignal::new(None::<Run>);
    let done_for = RwSignal::new(None::<Request>);
    let stale = Memo::new(move |_| {
        request.with(|r| r.is_none()) || done_for.with(|done| done != &request.get())
    });
    provide_context(RiskState {
        defaults,
        check,
        run,
        stale,
    });

    let later = StoredValue::new_local(Later::new(SETTLE));
    Effect::new(move |_| {
        let Some(wanted) = request.get() else { return };
        let later = later.get_value();
        if done_for.with_untracked(|done| done.as_ref() == Some(&wanted)) {
            // Back to what is shown (A, B, then A again): a run still
            // waiting for B would show B's figures under A's inputs.
            later.cancel();
            return;
        }
        if !visible.get() {
            return;
        }
        later.run(move || {
            let started = now();
            let summary = simulate(&wanted.base, &wanted.ranges, wanted.trials, wanted.seed);
            let bars = tornado(&wanted.base, &wanted.ranges);
            let millis = now() - started;
            // The panel may have been removed while this waited.
            let _ = run.try_set(Some(Run {
                summary,
                tornado: bars,
                millis,
            }));
            let _ = done_for.try_set(Some(wanted));
        });
    });

    view! {
        <section class="risk" aria-labelledby="risk-heading" node_ref=section data-testid="risk-panel"
            data-sim-ms=move || run.with(|r| r.as_ref().map(|r| format!("{:.2}", r.millis)))>
            <h2 id="risk-heading">{move || risk_text(lang.get(), RiskText::Heading)}</h2>
            <p class="decide-lead">{move || risk_text(lang.get(), RiskText::Lead)}</p>
            <ranges::RangesForm />
            <figures::RiskFigures />
            <charts::RiskCharts />
        </section>
    }
}
