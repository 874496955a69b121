//! "Comparer et planifier" (`decision-tools.md` §1–3): the section that
//! holds the tools' panels, and what they see of the central scenario.

use leptos::prelude::*;

use crate::i18n::decide::{decide_text, DecideText};
use crate::ui::decide::seen::Seen;
use crate::ui::decide::{capacity, compare, plan, segments};
use crate::ui::state::Calculator;

/// The section holding the panels.
#[component]
pub fn Decide() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let section = NodeRef::<leptos::html::Section>::new();
    let on_screen = crate::ui::visible::on_screen(move || section.get().map(Into::into));
    provide_context(Seen {
        inputs: crate::ui::visible::deferred(on_screen, move || {
            calc.central().with(|c| c.inputs.clone())
        }),
        held: crate::ui::visible::deferred(on_screen, move || {
            calc.outcome()
                .with(|o| o.held.unwrap_or(crate::engine::Decimal::ZERO))
        }),
    });
    view! {
        <section class="decide" aria-labelledby="decide-heading" node_ref=section>
            <h2 id="decide-heading">{move || decide_text(lang.get(), DecideText::Heading)}</h2>
            <p class="decide-lead">{move || decide_text(lang.get(), DecideText::Lead)}</p>
            <compare::ComparePanel />
            <plan::PlanPanel />
            <capacity::CapacityPanel />
            <segments::SegmentsPanel />
        </section>
    }
}
