//! A whole count kept in a signal and edited as text (the risk panel's
//! trials, tracking's `track_prior`): what was typed stays while it cannot
//! be taken, with its message; the value in force shows otherwise.

use leptos::prelude::*;

use crate::engine::Problem;
use crate::entry::{read_number, Rejected};
use crate::lang::Lang;

/// What a [`NumberInput`](crate::ui::number_input::NumberInput) for a
/// count needs: its text, why it is refused, and what to do with an edit.
#[derive(Clone, Copy)]
pub struct CountText {
    pub shown: Memo<String>,
    pub rejected: Memo<Option<Rejected>>,
    pub on_text: Callback<String>,
}

/// Ties `value` to a box's text, read in `lang` and checked by `parse`.
///
/// ```ignore
/// let trials = count_text(calc.trials, parse_trials, calc.lang);
/// view! { <NumberInput shown=trials.shown rejected=trials.rejected on_text=trials.on_text … /> }
/// ```
pub fn count_text(
    value: RwSignal<u32>,
    parse: fn(&str) -> Result<u32, Problem>,
    lang: RwSignal<Lang>,
) -> CountText {
    let typed = RwSignal::new(None::<String>);
    let read = move |text: &str, lang: Lang| -> Result<u32, Rejected> {
        parse(&read_number(text, lang)?).map_err(Rejected::Invalid)
    };
    // A language switch moves the typed text to the new number format, and
    // keeps it as typed (with its message) when it is not a number.
    Effect::new(move |previous: Option<Lang>| {
        let now = lang.get();
        if let Some(before) = previous.filter(|before| *before != now) {
            typed.update(|text| {
                if let Some(text) = text {
                    *text = crate::format::retyped(text, before, now);
                }
            });
        }
        now
    });
    // A value set from elsewhere (library, undo, another tab, an import)
    // replaces what was typed unless the text already says that value.
    Effect::new(move |_| {
        let current = value.get();
        let says = typed.with_untracked(|text| {
            text.as_ref()
                .map(|text| read(text, lang.get_untracked()).ok())
        });
        if matches!(says, Some(said) if said != Some(current)) {
            typed.set(None);
        }
    });
    let rejected = Memo::new(move |_| typed.with(|text| read(text.as_deref()?, lang.get()).err()));
    let shown = Memo::new(move |_| {
        typed
            .get()
            .unwrap_or_else(|| crate::format::plain_for_input(&value.get().to_string(), lang.get()))
    });
    let on_text = Callback::new(move |text: String| {
        if let Ok(taken) = read(&text, lang.get_untracked()) {
            value.set(taken);
        }
        typed.set(Some(text));
    });
    CountText {
        shown,
        rejected,
        on_text,
    }
}
