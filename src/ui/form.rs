//! The central scenario's inputs: the essentials first, the rest in named
//! groups that stay collapsed until opened, or until a link or a saved
//! scenario sets one of their values.

use leptos::prelude::*;

use crate::engine::Field;
use crate::i18n::answer::{answer_text, AnswerText};
use crate::i18n::page::{text, Text};
use crate::i18n::{group_changes, group_label, InputGroup};
use crate::ui::field::FieldInput;
use crate::ui::state::Calculator;

/// The seven inputs that decide most of the answer.
#[component]
pub fn EssentialInputs() -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    view! {
        <section class="inputs" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">{move || text(lang.get(), Text::InputsHeading)}</h2>
            <form class="essentials" on:submit=|ev| ev.prevent_default() autocomplete="off">
                {InputGroup::Essentials
                    .fields()
                    .iter()
                    .map(|field| view! { <FieldInput field=*field /> })
                    .collect_view()}
            </form>
        </section>
    }
}

/// How many of a group's shown fields differ from the defaults.
fn changed_in(calc: Calculator, fields: &'static [Field]) -> usize {
    calc.central().with(|c| {
        let defaults = crate::engine::Inputs::default();
        fields
            .iter()
            .filter(|field| c.inputs.plain(**field) != defaults.plain(**field))
            .count()
    })
}

/// One collapsed group: its name and how many of its values differ from
/// the defaults, its fields once opened.
#[component]
fn InputGroupDetails(group: InputGroup) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    // The target is edited in the answer, beside the price it sets.
    let fields: &'static [Field] = match group {
        InputGroup::Thresholds => &[Field::Multiple, Field::Rounding],
        _ => group.fields(),
    };
    let changed = Memo::new(move |_| changed_in(calc, fields));
    // Open when a scenario arrives (page load, library, pasted link) with
    // one of the group's values set; then the user's own toggling rules.
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        calc.loads.track();
        if changed.get_untracked() > 0 {
            open.set(true);
        }
    });
    let details = NodeRef::<leptos::html::Details>::new();
    view! {
        <details
            class="group"
            id=format!("group-{}", group.key())
            node_ref=details
            prop:open=move || open.get()
            on:toggle=move |_| {
                if let Some(details) = details.get_untracked() {
                    open.set(details.open());
                }
            }
        >
            <summary>
                <span class="group-name">{move || group_label(lang.get(), group)}</span>
                <span class="group-changes" data-testid=format!("group-{}-changes", group.key())>
                    {move || group_changes(lang.get(), changed.get())}
                </span>
            </summary>
            {fields.iter().map(|field| view! { <FieldInput field=*field /> }).collect_view()}
        </details>
    }
}

/// Everything a sales director refines, and the scenario's name.
#[component]
pub fn MoreInputs() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    view! {
        <section class="more-inputs" aria-labelledby="more-inputs-heading">
            <h2 id="more-inputs-heading">{move || answer_text(lang.get(), AnswerText::MoreInputs)}</h2>
            <p class="lead">{move || answer_text(lang.get(), AnswerText::MoreInputsLead)}</p>
            <form on:submit=|ev| ev.prevent_default() autocomplete="off">
                {InputGroup::ALL
                    .into_iter()
                    .filter(|group| *group != InputGroup::Essentials)
                    .map(|group| view! { <InputGroupDetails group /> })
                    .collect_view()}
                <div class="field">
                    <label for="scenario-name">{move || text(lang.get(), Text::ScenarioName)}</label>
                    <input
                        id="scenario-name"
                        name="scenario-name"
                        type="text"
                        maxlength=crate::link::MAX_NAME_CHARS
                        prop:value=move || calc.name.get()
                        value=calc.name.get_untracked()
                        on:input=move |ev| calc.name.set(event_target_value(&ev))
                    />
                </div>
            </form>
        </section>
    }
}

/// Opens the group that holds `field`, so that it can take focus.
pub fn reveal(field: Field) {
    let group = InputGroup::of(field);
    if group == InputGroup::Essentials || field == Field::Target {
        return;
    }
    if let Some(details) = document()
        .get_element_by_id(&format!("group-{}", group.key()))
        .and_then(|element| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(element).ok()
        })
    {
        details.set_open(true);
    }
}
