//! French / English switch; the choice is remembered with the scenario.

use leptos::prelude::*;

use crate::i18n::page::{text, Text};
use crate::lang::Lang;
use crate::ui::state::Calculator;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    view! {
        <div class="language" role="group" aria-label=move || text(lang.get(), Text::LanguageLabel)>
            {Lang::ALL
                .iter()
                .map(|option| {
                    let option = *option;
                    view! {
                        <button
                            type="button"
                            lang=option.code()
                            data-testid=format!("lang-{}", option.code())
                            aria-pressed=move || (lang.get() == option).to_string()
                            on:click=move |_| calc.switch_language(option)
                        >
                            {option.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
