//! A decision tool's own inputs: the engine's input struct (any
//! [`FieldSet`]) and the texts as typed, bound to the scenario so that they
//! are saved and shared with it, and the labelled box that edits one of them.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::engine::{FieldSet, InputField, Keyed};
use crate::entry::{read, Rejected};
use crate::lang::Lang;
use crate::scenario::{store_tool_inputs, tool_inputs};
use crate::ui::number_input::NumberInput;
use crate::ui::state::Calculator;

/// A panel's own inputs: the last valid values and the texts as typed.
pub struct Local<I: FieldSet> {
    pub inputs: RwSignal<I>,
    pub texts: RwSignal<BTreeMap<I::Field, String>>,
}

impl<I: FieldSet> Clone for Local<I> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I: FieldSet> Copy for Local<I> {}

impl<I: FieldSet> Local<I> {
    /// `inputs` as a starting point. When the language changes, typed
    /// texts move to its number format, and what does not read as a number
    /// stays as typed, with its message, as in the main form.
    pub fn new(inputs: I, lang: RwSignal<Lang>) -> Self {
        let local = Local {
            inputs: RwSignal::new(inputs),
            texts: RwSignal::new(BTreeMap::new()),
        };
        Effect::new(move |previous: Option<Lang>| {
            let now = lang.get();
            if let Some(before) = previous.filter(|before| *before != now) {
                local.texts.update(|texts| {
                    for text in texts.values_mut() {
                        *text = crate::format::retyped(text, before, now);
                    }
                });
            }
            now
        });
        local
    }

    /// The panel's inputs as saved and shared: read from `tools` (the
    /// scenario's decision-tool values by link key) and written back to it,
    /// so they travel in links and storage and follow a loaded scenario.
    pub fn bound(lang: RwSignal<Lang>, tools: RwSignal<BTreeMap<String, String>>) -> Self {
        let local = Local::new(tools.with_untracked(tool_inputs::<I>), lang);
        // A scenario loaded from elsewhere (library, other tab) replaces ours.
        Effect::new(move |_| {
            let wanted = tools.with(tool_inputs::<I>);
            if local.inputs.with_untracked(|inputs| inputs != &wanted) {
                local.inputs.set(wanted);
                local.texts.set(BTreeMap::new());
            }
        });
        // Our edits go to the scenario: only values that differ from the defaults.
        Effect::new(move |_| {
            let ours = local.inputs.with(|inputs| {
                let mut values = tools.get_untracked();
                store_tool_inputs(inputs, &mut values);
                values
            });
            if tools.with_untracked(|values| values != &ours) {
                tools.set(ours);
            }
        });
        local
    }

    /// Stores the typed text and, when it is valid, the value.
    pub fn type_text(&self, field: I::Field, text: String, lang: Lang) {
        if let Ok(plain) = read::<I>(field, &text, lang) {
            self.inputs.update(|inputs| {
                let _ = inputs.set(field, &plain);
            });
        }
        self.texts.update(|texts| {
            texts.insert(field, text);
        });
    }

    /// The text to show: as typed, or the valid value in the locale.
    pub fn shown(&self, field: I::Field, lang: Lang) -> String {
        self.texts
            .with(|texts| texts.get(&field).cloned())
            .unwrap_or_else(|| {
                let plain = self.inputs.with(|inputs| inputs.plain(field));
                crate::entry::shown(&field.spec(), &plain, lang)
            })
    }

    /// Why what was typed is not taken, if it is not.
    pub fn rejected(&self, field: I::Field, lang: Lang) -> Option<Rejected> {
        let text = self.texts.with(|texts| texts.get(&field).cloned())?;
        read::<I>(field, &text, lang).err()
    }
}

/// A labelled text box bound to one of a panel's inputs, with its message.
pub fn local_input<I: FieldSet>(
    state: Local<I>,
    field: I::Field,
    label: Signal<&'static str>,
    unit: Signal<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let key = field.key();
    let id = format!("decide-in-{key}");
    let rejected = Memo::new(move |_| state.rejected(field, lang.get()));
    let shown = Memo::new(move |_| state.shown(field, lang.get()));
    view! {
        <div class="field" class:invalid=move || rejected.with(Option::is_some)>
            <label for=id.clone()>
                {move || label.get()}
                <span class="unit">{move || unit.get()}</span>
            </label>
            <NumberInput
                id
                error_id=format!("decide-error-{key}")
                name=key
                spec=field.spec()
                shown
                rejected
                on_text=Callback::new(move |text| state.type_text(field, text, lang.get_untracked()))
            />
        </div>
    }
}
