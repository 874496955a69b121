//! The one way the page edits a number: a text box (numbers are typed in
//! the user's locale, `"1 500,50"`, which `type="number"` refuses) with its
//! message, wired for screen readers and phones. The main form, the
//! scenario table, the decision tools, the risk ranges and the trial count
//! all use it; what differs between them is where the text goes and how it
//! is read, which their state owns.

use leptos::prelude::*;

use crate::engine::FieldSpec;
use crate::entry::{read_number, readings, small_rate, Rejected};
use crate::i18n::{rejected_message, small_rate_hint, value_with_unit};
use crate::lang::Lang;

/// A text box for a number, the message under it when what was typed is
/// not taken, the two readings of an ambiguous number as buttons, and a
/// hint under a rate that looks like a fraction typed for a percentage.
/// Reads the language from the `RwSignal<Lang>` context.
///
/// ```ignore
/// view! {
///     <NumberInput id="in-price" error_id="error-price" name="price" spec=Field::Price.spec()
///         shown rejected on_text=Callback::new(move |text| type_price(text)) />
/// }
/// ```
#[component]
pub fn NumberInput(
    /// The box's id (a `<label for>` names it).
    #[prop(into)]
    id: String,
    /// The message paragraph's id.
    #[prop(into)]
    error_id: String,
    /// The box's `name`: its share-link key, the spec's test hook.
    #[prop(into)]
    name: String,
    /// What the box takes: its unit, bounds and decimals.
    spec: FieldSpec,
    /// The text in the box: what was typed, or the value in force.
    #[prop(into)]
    shown: Signal<String>,
    /// Why what was typed is not taken; `None` when it is.
    #[prop(into)]
    rejected: Signal<Option<Rejected>>,
    /// Each edit's text (typed, or a reading chosen).
    on_text: Callback<String>,
    /// Leaving the box (to show the number as it was read, or to drop a
    /// cleared override).
    #[prop(optional)]
    on_leave: Option<Callback<()>>,
    /// Ids of more text that describes the box (its help), read before the
    /// message.
    #[prop(optional_no_strip)]
    described_by: Option<String>,
    /// Ids of the texts that name the box when no `<label for>` does (a
    /// table's row and column headings).
    #[prop(optional_no_strip)]
    labelled_by: Option<String>,
    /// Its accessible name when neither a label nor headings give it.
    #[prop(optional_no_strip)]
    aria_label: Option<Signal<String>>,
    /// Shown between the box and its message (a help text).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let message = Memo::new(move |_| {
        rejected.with(|rejected| {
            rejected
                .as_ref()
                .map(|rejected| rejected_message(lang.get(), &spec, rejected, &[]))
        })
    });
    // "6,000": the two readings, each a button that writes it plainly.
    let choices = Memo::new(move |_| {
        let lang = lang.get();
        let texts = rejected.with(|r| r.as_ref().and_then(|r| readings(r, lang)))?;
        let Some(Rejected::Ambiguous { grouped, decimal }) = rejected.get() else {
            return None;
        };
        let label = |plain: &str| {
            let value = plain.parse::<rust_decimal::Decimal>().ok()?.normalize();
            Some(value_with_unit(lang, spec.kind, value))
        };
        let [grouped_text, decimal_text] = texts;
        Some([
            (label(&grouped)?, grouped_text),
            (label(&decimal)?, decimal_text),
        ])
    });
    let hint = Memo::new(move |_| {
        let lang = lang.get();
        let plain = shown.with(|text| read_number(text, lang).ok())?;
        small_rate(&spec, &plain).map(|value| small_rate_hint(lang, value))
    });
    let hint_id = format!("{error_id}-hint");
    // A chosen reading replaces the buttons: the keyboard goes back to the box.
    let choose = {
        let id = id.clone();
        move |text: String| {
            on_text.run(text);
            crate::browser::focus(&id);
        }
    };
    // The help, the message, and the hint while there is one.
    let described_by = {
        let base = match described_by {
            Some(help) => format!("{help} {error_id}"),
            None => error_id.clone(),
        };
        let hint_id = hint_id.clone();
        move || {
            if hint.with(Option::is_some) {
                format!("{base} {hint_id}")
            } else {
                base.clone()
            }
        }
    };
    view! {
        <input
            id=id
            name=name
            type="text"
            inputmode=if spec.max_decimals == 0 { "numeric" } else { "decimal" }
            autocomplete="off"
            spellcheck="false"
            aria-describedby=described_by
            aria-labelledby=labelled_by
            aria-label=move || aria_label.map(|label| label.get())
            aria-invalid=move || rejected.with(Option::is_some).to_string()
            // A memo behind `shown`: the box is written only when its text
            // changes (re-setting ~60 unchanged values per keystroke made
            // Chromium lay all of them out again, issue #4).
            prop:value=move || shown.get()
            // Also as the attribute: the prerendered page shows it, and a
            // box whose text differs from it was typed into before the app
            // started (browser::takeover).
            value=shown.get_untracked()
            on:input=move |ev| on_text.run(event_target_value(&ev))
            on:blur=move |_| {
                if let Some(leave) = on_leave {
                    leave.run(());
                }
            }
        />
        {children.map(|children| children())}
        <p class="error" id=error_id aria-live="polite">{move || message.get()}</p>
        {move || {
            choices
                .get()
                .map(|choices| {
                    view! {
                        <p class="readings">
                            {choices
                                .map(|(label, text)| {
                                    let choose = choose.clone();
                                    view! {
                                        <button type="button" class="reading" on:click=move |_| choose(text.clone())>
                                            {label}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })
        }}
        <p class="hint" id=hint_id aria-live="polite">{move || hint.get()}</p>
    }
}
