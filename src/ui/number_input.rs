//! The one way the page edits a number: a text box (numbers are typed in
//! the user's locale, `"1 500,50"`, which `type="number"` refuses) with its
//! message, wired for screen readers and phones. The main form, the
//! scenario table, the decision tools, the risk ranges and the trial count
//! all use it; what differs between them is where the text goes and how it
//! is read, which their state owns.

use leptos::prelude::*;

/// A text box for a number and the message under it.
///
/// ```ignore
/// view! {
///     <NumberInput id="in-price" error_id="error-price" name="price"
///         shown=shown message=message on_text=Callback::new(move |text| type_price(text)) />
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
    /// The text in the box: what was typed, or the value in force.
    #[prop(into)]
    shown: Signal<String>,
    /// Why what was typed is not taken, in words; `None` when it is.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// Each edit's text.
    on_text: Callback<String>,
    /// Leaving the box (to show the number as it was read, or to drop a
    /// cleared override).
    #[prop(optional)]
    on_leave: Option<Callback<()>>,
    /// Whole numbers only: a phone shows its numeric keypad.
    #[prop(optional)]
    whole: bool,
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
    let invalid = Memo::new(move |_| message.with(Option::is_some));
    let described_by = match described_by {
        Some(help) => format!("{help} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <input
            id=id
            name=name
            type="text"
            inputmode=if whole { "numeric" } else { "decimal" }
            autocomplete="off"
            spellcheck="false"
            aria-describedby=described_by
            aria-labelledby=labelled_by
            aria-label=move || aria_label.map(|label| label.get())
            aria-invalid=move || invalid.get().to_string()
            // A memo behind `shown`: the box is written only when its text
            // changes (re-setting ~60 unchanged values per keystroke made
            // Chromium lay all of them out again, issue #4).
            prop:value=move || shown.get()
            on:input=move |ev| on_text.run(event_target_value(&ev))
            on:blur=move |_| {
                if let Some(leave) = on_leave {
                    leave.run(());
                }
            }
        />
        {children.map(|children| children())}
        <p class="error" id=error_id aria-live="polite">{move || message.get()}</p>
    }
}
