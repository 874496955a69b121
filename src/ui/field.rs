//! One input of the model: label, control, help and its error message.

use leptos::prelude::*;

use crate::engine::{Field, FieldKind, Variant};
use crate::entry::Rejected;
use crate::i18n::answer::{answer_text, AnswerText};
use crate::i18n::{choice_label, field_help, field_hint, field_label, field_unit, input_message};
use crate::ui::number_input::NumberInput;
use crate::ui::state::{rejected_of, shown_of, Calculator, VariantReading};

/// The control's `name`: the share-link key for the central scenario (the
/// spec's test hook), prefixed by the variant for the others.
pub fn control_name(field: Field, which: Variant) -> String {
    match which {
        Variant::Central => field.key().to_string(),
        _ => format!("{}.{}", which.key(), field.key()),
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
    let rejected = calc.rejected(field);
    let shown = calc.shown(field);
    view! {
        <div class="field" class:invalid=move || rejected.with(Option::is_some)>
            <label for=id.clone()>
                {move || field_label(lang.get(), field)}
                <span class="unit">{move || field_unit(lang.get(), field)}</span>
            </label>
            <Control field which=Variant::Central shown id error_id rejected described_by=help_id.clone()>
                <div class="help-row">
                    <p class="help" id=help_id>{move || field_hint(lang.get(), field)}</p>
                    <details class="more-help">
                        <summary>
                            {move || answer_text(lang.get(), AnswerText::MoreHelp)}
                            <span class="visually-hidden">{move || format!(" — {}", field_label(lang.get(), field))}</span>
                        </summary>
                        <p>{move || field_help(lang.get(), field)}</p>
                    </details>
                </div>
            </Control>
        </div>
    }
}

/// Why a variant's `field` is not taken. A memo: it changes only when that
/// field's problem does. (The central scenario's: [`Calculator::rejected`].)
pub fn field_rejected(reading: VariantReading, field: Field) -> Signal<Option<Rejected>> {
    Memo::new(move |_| reading.errors.with(|errors| rejected_of(errors, field))).into()
}

/// The text a variant's `field` shows: what was typed, or the value in
/// force. (The central scenario's: [`Calculator::shown`].)
pub fn field_shown(reading: VariantReading, field: Field) -> Signal<String> {
    Memo::new(move |_| reading.shown.with(|shown| shown_of(shown, field))).into()
}

/// The bare control (text box or list) bound to one variant's text, with
/// its message; `children` go between them. It shows `shown` and writes
/// the variant's texts.
#[component]
pub fn Control(
    field: Field,
    which: Variant,
    shown: Signal<String>,
    id: String,
    error_id: String,
    rejected: Signal<Option<Rejected>>,
    #[prop(optional, into)] described_by: Option<String>,
    #[prop(optional)] label: Option<Signal<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let texts = calc.variant(which).texts;
    let lang = calc.lang;
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
            let plain = crate::entry::text_to_plain(field, typed, lang).ok()?;
            Some(crate::entry::plain_to_text(field, &plain, lang)).filter(|shown| shown != typed)
        });
        if let Some(shown) = read {
            set(shown);
        }
    };
    let name = control_name(field, which);
    match field.spec().kind {
        FieldKind::Choice(tokens) => view! {
            <select
                id=id
                name=name
                aria-describedby=match &described_by {
                    Some(help) => format!("{help} {error_id}"),
                    None => error_id.clone(),
                }
                aria-label=move || label.map(|label| label.get())
                prop:value=move || shown.get()
                on:change=move |ev| set(event_target_value(&ev))
            >
                {tokens
                    .iter()
                    .map(|token| {
                        // The attribute too, for the prerendered page.
                        let selected = shown.with_untracked(|shown| shown == token);
                        view! {
                            <option value=*token selected=selected>{move || choice_label(lang.get(), field, token)}</option>
                        }
                    })
                    .collect_view()}
            </select>
            {children.map(|children| children())}
            <p class="error" id=error_id aria-live="polite">
                {move || rejected.get().map(|rejected| input_message(lang.get(), field, &rejected))}
            </p>
        }
        .into_any(),
        _ => {
            view! {
                <NumberInput
                    id
                    error_id
                    name
                    spec=field.spec()
                    shown
                    rejected
                    described_by
                    aria_label=label
                    on_text=Callback::new(set)
                    on_leave=Callback::new(move |()| settle())
                >
                    {children.map(|children| children())}
                </NumberInput>
            }
            .into_any()
        }
    }
}
