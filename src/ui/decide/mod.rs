//! "Comparer et planifier" (`decision-tools.md` §1–3): three panels on top
//! of the central scenario. Each panel keeps its own inputs in local signals
//! (the engine's input struct and the texts as typed, in the user's locale)
//! and reads the central scenario from the [`Calculator`] context, so it
//! follows every edit of the main form.

pub mod capacity;
pub mod compare;
pub mod plan;
pub mod segments;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::engine::{
    CapacityField, CapacityInputs, CompareField, CompareInputs, FieldSpec, GoalInputs, PlanField,
    Problem,
};
use crate::i18n::decide::{decide_problem_message, decide_text, DecideText};
use crate::lang::Lang;
use crate::ui::state::Calculator;

/// The engine's input structs the panels edit, seen the same way.
pub trait Editable: Clone + PartialEq + Send + Sync + 'static {
    type Field: Copy + Ord + Send + Sync + 'static;
    fn set_plain(&mut self, field: Self::Field, plain: &str) -> Result<(), Problem>;
    fn plain_of(&self, field: Self::Field) -> String;
    fn spec_of(field: Self::Field) -> FieldSpec;
    fn key_of(field: Self::Field) -> &'static str;
    fn fields() -> &'static [Self::Field];
    fn defaults() -> Self;
}

macro_rules! editable {
    ($inputs:ty, $field:ty) => {
        impl Editable for $inputs {
            type Field = $field;
            fn set_plain(&mut self, field: $field, plain: &str) -> Result<(), Problem> {
                self.set(field, plain)
            }
            fn plain_of(&self, field: $field) -> String {
                self.plain(field)
            }
            fn spec_of(field: $field) -> FieldSpec {
                field.spec()
            }
            fn key_of(field: $field) -> &'static str {
                field.key()
            }
            fn fields() -> &'static [$field] {
                &<$field>::ALL
            }
            fn defaults() -> Self {
                <$inputs>::from_plain(std::iter::empty()).0
            }
        }
    };
}
editable!(CompareInputs, CompareField);
editable!(GoalInputs, PlanField);
editable!(CapacityInputs, CapacityField);

/// A panel's own inputs: the last valid values and the texts as typed.
pub struct Local<I: Editable> {
    pub inputs: RwSignal<I>,
    pub texts: RwSignal<BTreeMap<I::Field, String>>,
}

impl<I: Editable> Clone for Local<I> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I: Editable> Copy for Local<I> {}

impl<I: Editable> Local<I> {
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
        let from_tools = move || {
            tools.with(|values| {
                let mut inputs = I::defaults();
                for field in I::fields() {
                    if let Some(plain) = values.get(I::key_of(*field)) {
                        let _ = inputs.set_plain(*field, plain);
                    }
                }
                inputs
            })
        };
        let local = Local::new(from_tools(), lang);
        // A scenario loaded from elsewhere (library, other tab) replaces ours.
        Effect::new(move |_| {
            let wanted = from_tools();
            if local.inputs.with_untracked(|inputs| inputs != &wanted) {
                local.inputs.set(wanted);
                local.texts.set(BTreeMap::new());
            }
        });
        // Our edits go to the scenario: only values that differ from the defaults.
        Effect::new(move |_| {
            let defaults = I::defaults();
            let ours: Vec<(&'static str, Option<String>)> = local.inputs.with(|inputs| {
                I::fields()
                    .iter()
                    .map(|field| {
                        let plain = inputs.plain_of(*field);
                        let differs = plain != defaults.plain_of(*field);
                        (I::key_of(*field), differs.then_some(plain))
                    })
                    .collect()
            });
            let changed = tools.with_untracked(|values| {
                ours.iter()
                    .any(|(key, plain)| values.get(*key) != plain.as_ref())
            });
            if changed {
                tools.update(|values| {
                    for (key, plain) in ours {
                        match plain {
                            Some(plain) => values.insert(key.to_string(), plain),
                            None => values.remove(key),
                        };
                    }
                });
            }
        });
        local
    }

    /// What the user typed, read in `lang`: the plain value, or what is wrong.
    fn check(&self, field: I::Field, text: &str, lang: Lang) -> Result<String, Option<Problem>> {
        let plain = crate::format::parse_number(text, lang).map_err(|_| None)?;
        if plain.is_empty() {
            return Err(Some(Problem::Empty));
        }
        let mut probe = self.inputs.get_untracked();
        probe.set_plain(field, &plain).map_err(Some)?;
        Ok(plain)
    }

    /// Stores the typed text and, when it is valid, the value.
    pub fn type_text(&self, field: I::Field, text: String, lang: Lang) {
        if let Ok(plain) = self.check(field, &text, lang) {
            self.inputs.update(|inputs| {
                let _ = inputs.set_plain(field, &plain);
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
                let plain = self.inputs.with(|inputs| inputs.plain_of(field));
                crate::format::plain_for_input(&plain, lang)
            })
    }

    /// The message at the field, if what was typed is not taken.
    pub fn error(&self, field: I::Field, lang: Lang) -> Option<String> {
        let text = self.texts.with(|texts| texts.get(&field).cloned())?;
        match self.check(field, &text, lang).err()? {
            None => Some(decide_text(lang, DecideText::Unreadable).to_string()),
            Some(problem) => Some(decide_problem_message(lang, &I::spec_of(field), &problem)),
        }
    }
}

/// A labelled text box bound to one of a panel's inputs, with its error.
pub fn local_input<I: Editable>(
    state: Local<I>,
    field: I::Field,
    label: Signal<&'static str>,
    unit: Signal<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let key = I::key_of(field);
    let id = format!("decide-in-{key}");
    let error_id = format!("decide-error-{key}");
    let error = Memo::new(move |_| state.error(field, lang.get()));
    // A memo: the box is written only when its text changes (see ui::field).
    let shown = Memo::new(move |_| state.shown(field, lang.get()));
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {move || label.get()}
                <span class="unit">{move || unit.get()}</span>
            </label>
            <input
                id=id
                name=key
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=error_id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || shown.get()
                on:input=move |ev| state.type_text(field, event_target_value(&ev), lang.get_untracked())
            />
            <p class="error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The central scenario as the decision tools see it. While their section
/// is off screen it follows the form a moment after typing pauses, not on
/// every keystroke: typing then pays only for what is on screen, and four
/// panels nobody sees catch up in the pause (as React's deferred values do).
#[derive(Clone, Copy)]
pub struct Seen {
    pub inputs: RwSignal<crate::engine::Inputs>,
    /// Held meetings of the central scenario (0 when undefined).
    pub held: RwSignal<crate::engine::Decimal>,
}

/// The section holding the panels.
#[component]
pub fn Decide() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let section = NodeRef::<leptos::html::Section>::new();
    let on_screen = crate::ui::visible::on_screen(move || section.get().map(Into::into));
    provide_context(Seen {
        inputs: crate::ui::visible::deferred(on_screen, move || {
            calc.central.with(|c| c.inputs.clone())
        }),
        held: crate::ui::visible::deferred(on_screen, move || {
            calc.outcome
                .with(|o| o.held.unwrap_or(crate::engine::Decimal::ZERO))
        }),
    });
    view! {
        <section class="decide" aria-labelledby="decide-heading" node_ref=section>
            <h2 id="decide-heading">{move || decide_text(lang.get(), DecideText::Heading)}</h2>
            <p class="decide-lead">{move || decide_text(lang.get(), DecideText::Lead)}</p>
            <compare::ComparePanel />
            <plan::PlanPanel />
            <capacity::CapacityPanel />
            <segments::SegmentsPanel />
        </section>
    }
}
