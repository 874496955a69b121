//! One input of the model: label, control, help and its error message.

use leptos::prelude::*;

use crate::engine::{Field, FieldKind, Variant};
use crate::i18n::{choice_label, field_help, field_label, field_unit};
use crate::scenario::problem_of;
use crate::ui::message::input_problem_message;
use crate::ui::state::Calculator;

/// The control's `name`: the share-link key for the central scenario (the
/// spec's test hook), prefixed by the variant for the others.
pub fn control_name(field: Field, which: Variant) -> String {
    match which {
        Variant::Central => field.key().to_string(),
        Variant::Prudent => format!("prudent.{}", field.key()),
        Variant::Ambitious => format!("ambitious.{}", field.key()),
    }
}

/// A labelled input of the central scenario, with its help text.
#[component]
pub fn FieldInput(field: Field) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let id = format!("in-{}", field.key());
    let help_id = format!("help-{}", field.key());
    let error_id = format!("error-{}", field.key());
    let problem = Memo::new(move |_| {
        calc.errors(Variant::Central)
            .with(|errors| problem_of(errors, field).cloned())
            .map(|problem| input_problem_message(lang.get(), field, &problem))
    });
    let described_by = format!("{help_id} {error_id}");
    view! {
        <div class="field" class:invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>
                {move || field_label(lang.get(), field)}
                <span class="unit">{move || field_unit(lang.get(), field)}</span>
            </label>
            <Control field which=Variant::Central id=id described_by />
            <p class="help" id=help_id>{move || field_help(lang.get(), field)}</p>
            <p class="error" id=error_id aria-live="polite">{move || problem.get()}</p>
        </div>
    }
}

/// The bare control (text box or list) bound to one variant's text.
#[component]
pub fn Control(
    field: Field,
    which: Variant,
    id: String,
    described_by: String,
    #[prop(optional)] label: Option<Signal<String>>,
) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let texts = calc.texts(which);
    let lang = calc.lang;
    // Memos, so that an edit writes to the page only the controls whose text
    // or validity changed: re-setting ~60 unchanged `value`s per keystroke
    // made Chromium lay all of them out again (issue #4).
    let invalid = Memo::new(move |_| {
        calc.errors(which)
            .with(|errors| problem_of(errors, field).is_some())
    });
    // Prudent/ambitious cells show the derived value until overridden.
    let shown = Memo::new(move |_| {
        calc.shown(which)
            .with(|shown| shown.get(&field).cloned())
            .unwrap_or_default()
    });
    let set = move |value: String| {
        texts.update(|texts| {
            texts.insert(field, value);
        })
    };
    // Leaving a box shows the number as it was read, in the locale's own
    // writing: "1.50" becomes "1,50" and "1.500" becomes "1 500" in French,
    // so an ambiguous point is settled where it was typed. Text that cannot
    // be taken stays as typed, with its message.
    let settle = move || {
        let lang = lang.get_untracked();
        let read = texts.with_untracked(|texts| {
            let typed = texts.get(&field)?;
            let plain = crate::scenario::text_to_plain(field, typed, lang).ok()?;
            Some(crate::scenario::plain_to_text(field, &plain, lang)).filter(|shown| shown != typed)
        });
        if let Some(shown) = read {
            set(shown);
        }
    };
    let aria_label = move || label.map(|label| label.get());
    match field.spec().kind {
        FieldKind::Choice(tokens) => view! {
            <select
                id=id
                name=control_name(field, which)
                aria-describedby=described_by
                aria-label=aria_label
                prop:value=move || shown.get()
                on:change=move |ev| set(event_target_value(&ev))
            >
                {tokens
                    .iter()
                    .map(|token| {
                        view! {
                            <option value=*token>{move || choice_label(lang.get(), field, token)}</option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        _ => view! {
            <input
                id=id
                name=control_name(field, which)
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described_by
                aria-label=aria_label
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || shown.get()
                on:input=move |ev| set(event_target_value(&ev))
                on:blur=move |_| settle()
            />
        }
        .into_any(),
    }
}
