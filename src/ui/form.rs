//! The central scenario's inputs, grouped the way a sales director thinks.

use leptos::prelude::*;

use crate::i18n::page::{text, Text};
use crate::i18n::{group_label, InputGroup};
use crate::ui::field::FieldInput;
use crate::ui::state::Calculator;

#[component]
pub fn ScenarioForm() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    view! {
        <section class="inputs" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">{move || text(lang.get(), Text::InputsHeading)}</h2>
            <form on:submit=|ev| ev.prevent_default() autocomplete="off">
                <div class="field">
                    <label for="scenario-name">{move || text(lang.get(), Text::ScenarioName)}</label>
                    <input
                        id="scenario-name"
                        name="scenario-name"
                        type="text"
                        maxlength=crate::link::MAX_NAME_CHARS
                        prop:value=move || calc.name.get()
                        on:input=move |ev| calc.name.set(event_target_value(&ev))
                    />
                </div>
                {InputGroup::ALL
                    .iter()
                    .map(|group| {
                        let group = *group;
                        view! {
                            <fieldset>
                                <legend>{move || group_label(lang.get(), group)}</legend>
                                {group
                                    .fields()
                                    .iter()
                                    .map(|field| view! { <FieldInput field=*field /> })
                                    .collect_view()}
                            </fieldset>
                        }
                    })
                    .collect_view()}
            </form>
        </section>
    }
}
