//! The answer, kept in view: the verdict in a word and a sentence, the ROI
//! and net result, the highest price that pays and the highest price for
//! the target ROI (the target editable there), what a held meeting and a
//! customer cost, when the money comes back, the lifetime figures when
//! renewals count, and the guardrails. Beside the form and sticky on a wide
//! screen; right after the essentials on a phone.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::{Field, FigureId, Variant};
use crate::i18n::answer::{answer_text, AnswerText};
use crate::i18n::page::{text, Text};
use crate::i18n::{field_label, field_unit, figure_label};
use crate::lang::Lang;
use crate::ui::field::Control;
use crate::ui::figures::{roi_meets_target, FigureCard, Guardrail};
use crate::ui::state::Calculator;
use crate::ui::verdict::Verdict;

fn highest_price_label(lang: Lang) -> &'static str {
    answer_text(lang, AnswerText::HighestPrice)
}

/// The highest price for the target ROI, with the target typed in place.
#[component]
fn TargetPrice() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let rejected = calc.rejected(Field::Target);
    view! {
        <FigureCard id=FigureId::MaxPriceForTarget label=|lang| answer_text(lang, AnswerText::TargetPrice)>
            <div class="target-box" class:invalid=move || rejected.with(Option::is_some)>
                <Control
                    field=Field::Target
                    which=Variant::Central
                    shown=calc.shown(Field::Target)
                    id="in-target".to_string()
                    error_id="error-target".to_string()
                    rejected
                    label=Signal::derive(move || field_label(lang.get(), Field::Target).to_string())
                />
                <span class="unit">{move || field_unit(lang.get(), Field::Target)}</span>
            </div>
        </FigureCard>
    }
}

/// ROI and net result over the customers' lifetime, when renewals count.
#[component]
fn Lifetime() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let counted = Memo::new(move |_| {
        calc.central()
            .with(|c| c.inputs.years > 0 && c.inputs.recurring > Decimal::ZERO)
    });
    let line = Memo::new(move |_| {
        let lang = lang.get();
        calc.outcome().with(|o| {
            let roi = crate::ui::figures::figure_text(lang, FigureId::LifetimeRoi, &o.lifetime_roi);
            let net = crate::ui::figures::figure_text(lang, FigureId::LifetimeNet, &o.lifetime_net);
            format!(
                "{}{} {roi} · {}{} {net}",
                figure_label(lang, FigureId::LifetimeRoi),
                lang.colon(),
                figure_label(lang, FigureId::LifetimeNet),
                lang.colon()
            )
        })
    });
    view! {
        <Show when=move || counted.get()>
            <p class="lifetime" data-testid="answer-lifetime">
                <strong>{move || answer_text(lang.get(), AnswerText::Lifetime)}</strong>
                " "
                {move || line.get()}
            </p>
        </Show>
    }
}

#[component]
pub fn Answer(children: Children) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let multiple_ok = Signal::derive(move || calc.outcome().with(|o| o.guardrail_multiple_ok));
    let ltv_ok = Signal::derive(move || calc.outcome().with(|o| o.guardrail_ltv_cac_ok));
    let target_ok = Signal::derive(move || {
        let target = calc.central().with(|c| c.inputs.target);
        calc.outcome().with(|o| roi_meets_target(o, target))
    });
    view! {
        <section
            class="results answer"
            class:stale=move || calc.variant(Variant::Central).frozen()
            aria-labelledby="results-heading"
        >
            <h2 id="results-heading">
                {move || answer_text(lang.get(), AnswerText::Heading)}
                <span class="scenario-name" data-testid="scenario-name">
                    {move || calc.name.with(|name| if name.is_empty() { String::new() } else { format!(" — {name}") })}
                </span>
            </h2>
            <crate::ui::stale::StaleNotice />
            <Verdict />
            <div class="figures">
            <div class="headline">
                <FigureCard id=FigureId::Roi />
                <FigureCard id=FigureId::NetResult />
            </div>
            <div class="prices">
                <FigureCard id=FigureId::BreakEvenPrice label=highest_price_label />
                <TargetPrice />
            </div>
            </div>
            // Embedded on a marketing site: the call-to-action right under
            // the result.
            {children()}
            <div class="figures">
            <div class="costs">
                <FigureCard id=FigureId::CostPerHeld />
                <FigureCard id=FigureId::CostPerSale />
                <FigureCard id=FigureId::PaybackMonth />
            </div>
            </div>
            <Lifetime />
            <h3 class="guardrails-heading">{move || text(lang.get(), Text::GuardrailsHeading)}</h3>
            <ul class="guardrails">
                <Guardrail testid="guardrail-multiple" label=Text::GuardrailMultiple ok=multiple_ok />
                <Guardrail testid="guardrail-ltv-cac" label=Text::GuardrailLtvCac ok=ltv_ok />
                <Guardrail testid="guardrail-target" label=Text::GuardrailTarget ok=target_ok />
            </ul>
            // The library sits below the calculator: one press takes the
            // keyboard (and the eye) to its Save button.
            <p class="jump-to-library">
                <button type="button" class="link" data-testid="jump-to-library" on:click=move |_| {
                    crate::browser::dom::focus_within_when_present("library", "[data-testid=\"library-save\"]")
                }>{move || text(lang.get(), Text::SaveOrShare)}</button>
            </p>
        </section>
    }
}
