//! The line that says the figures are frozen and which fields to fix.

use leptos::prelude::*;

use crate::engine::Variant;
use crate::i18n::field_label;
use crate::i18n::page::{text, Text};
use crate::ui::state::Calculator;

#[component]
pub fn StaleNotice() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let to_fix = Memo::new(move |_| {
        calc.variant(Variant::Central)
            .errors
            .with(|errors| errors.iter().map(|error| error.field).collect::<Vec<_>>())
    });
    view! {
        <Show when=move || to_fix.with(|fields| !fields.is_empty())>
            <p class="stale-notice" data-testid="stale" role="status">
                {move || text(lang.get(), Text::StaleNotice)} " "
                {move || {
                    to_fix
                        .get()
                        .iter()
                        .map(|field| {
                            let key = field.key();
                            view! {
                                <button
                                    type="button"
                                    class="link"
                                    on:click={
                                        let field = *field;
                                        move |_| {
                                            crate::ui::form::reveal(field);
                                            crate::browser::focus(&format!("in-{key}"));
                                        }
                                    }
                                >
                                    {field_label(lang.get(), *field)}
                                </button>
                                " "
                            }
                        })
                        .collect_view()
                }}
            </p>
        </Show>
    }
}
