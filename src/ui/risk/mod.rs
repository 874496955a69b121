//! Risk (`decision-tools.md` §5): ranges on the uncertain inputs, a
//! reproducible Monte Carlo simulation, its figures, a histogram and a
//! tornado chart.
//!
//! The simulation never runs inside an input event: each change schedules
//! one run a few milliseconds later (changes in between replace it), and only
//! while the panel is on screen. Typing elsewhere on the page therefore pays
//! nothing, and a run (about 3 ms for 10,000 trials; see `make bench`) lands
//! after the edited figures have been painted.

pub mod charts;
pub mod figures;
pub mod ranges;

use std::time::Duration;

use leptos::html::Section;
use leptos::prelude::*;

use crate::browser::pause::Later;
use crate::engine::risk::{RiskSummary, TornadoBar};
use crate::engine::{simulate, tornado, Inputs, Ranges};
use crate::i18n::risk::{risk_text, RiskText};
pub use crate::scenario::{check_ranges, EndProblem, RangeCheck};
use crate::ui::state::Calculator;
use crate::ui::visible::deferred;

/// How long a change waits before the simulation runs: edits closer than
/// this share one run.
const SETTLE: Duration = Duration::from_millis(40);

/// One simulation's results and what it cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub summary: RiskSummary,
    pub tornado: Vec<TornadoBar>,
    /// Wall time of the simulation and the tornado, in milliseconds.
    pub millis: f64,
}

/// What the simulation runs on: equal requests give equal runs.
#[derive(Clone, Debug, PartialEq)]
struct Request {
    base: Inputs,
    ranges: Ranges,
    trials: u32,
    seed: u64,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The default ranges: likely from the central scenario, the ends from the
/// prudent and ambitious scenarios as shown (with the user's own values).
pub fn default_ranges(calc: Calculator) -> Ranges {
    let prudent = calc.prudent.with(|c| c.inputs.clone());
    let ambitious = calc.ambitious.with(|c| c.inputs.clone());
    calc.central
        .with(|c| Ranges::between(&prudent, &c.inputs, &ambitious))
}

/// Shared by the panel's parts.
#[derive(Clone, Copy)]
pub struct RiskState {
    /// The ranges that follow the scenarios (see [`default_ranges`]), as
    /// the panel shows them.
    pub defaults: RwSignal<Ranges>,
    pub check: Memo<RangeCheck>,
    pub run: RwSignal<Option<Run>>,
    /// A run is scheduled, or the inputs are wrong: the figures shown are not
    /// those of the inputs on screen.
    pub stale: Memo<bool>,
}

#[component]
pub fn RiskPanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let section = NodeRef::<Section>::new();
    let visible = crate::ui::visible::on_screen(move || section.get().map(Into::into));
    // While the panel is off screen it follows the form once typing pauses:
    // its 30-odd boxes and checks then cost nothing per keystroke.
    let base = deferred(visible, move || calc.central.with(|c| c.inputs.clone()));
    let defaults = deferred(visible, move || default_ranges(calc));
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
