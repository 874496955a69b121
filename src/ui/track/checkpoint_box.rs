//! One box of the checkpoint being edited: a [`NumberInput`] with the
//! engine's field spec. What is typed goes into the campaign at once when
//! its field takes it; a value that does not fit the rest (held above
//! booked, a total going back) is kept and said at the box, and the
//! figures keep the last state that fitted.

use leptos::prelude::*;

use crate::engine::tracking::{checkpoint_key, Checkpoint, CheckpointField};
use crate::entry::{read_number, Rejected};
use crate::i18n::kind_unit;
use crate::i18n::track::{checkpoint_field_help, checkpoint_field_label};
use crate::lang::Lang;
use crate::ui::number_input::NumberInput;
use crate::ui::state::Calculator;
use crate::ui::track::state::TrackState;

/// Typed text of a checkpoint's box → its plain value (`None`: emptied, for
/// a field that then follows its default), checked against its own bounds.
pub fn read_checkpoint_text(
    field: CheckpointField,
    text: &str,
    lang: Lang,
) -> Result<Option<String>, Rejected> {
    if text.trim().is_empty() {
        return if field.is_required() {
            Err(Rejected::Invalid(crate::engine::Problem::Empty))
        } else {
            Ok(None)
        };
    }
    let plain = read_number(text, lang)?;
    Checkpoint::following(None)
        .set(field, &plain)
        .map_err(Rejected::Invalid)?;
    Ok(Some(plain))
}

/// One labelled box of checkpoint `index`.
#[component]
pub fn CheckpointBox(index: usize, field: CheckpointField) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let key = field.key();
    let id = format!("track-in-{key}");
    let help_id = format!("track-help-{key}");
    let spec = field.spec();
    let value = Memo::new(move |_| {
        calc.checkpoints
            .with(|l| l.get(index).and_then(|c| c.plain(field)))
    });
    let typed = Memo::new(move |_| state.texts.with(|t| t.get(&field).cloned()));
    let rejected = Memo::new(move |_| {
        let own = typed.with(|text| {
            text.as_ref()
                .and_then(|text| read_checkpoint_text(field, text, lang.get()).err())
        });
        own.or_else(|| {
            state.errors.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.index == index && e.field == field)
                    .map(|e| Rejected::Checkpoint(e.problem))
            })
        })
    });
    let shown = Memo::new(move |_| {
        typed.get().unwrap_or_else(|| {
            value
                .get()
                .map(|plain| crate::format::plain_for_input(&plain, lang.get()))
                .unwrap_or_default()
        })
    });
    let on_text = move |text: String| {
        let read = read_checkpoint_text(field, &text, lang.get_untracked());
        state.texts.update(|texts| {
            texts.insert(field, text);
        });
        if let Ok(plain) = read {
            calc.checkpoints.update(|list| {
                if let Some(checkpoint) = list.get_mut(index) {
                    match plain {
                        Some(plain) => {
                            let _ = checkpoint.set(field, &plain);
                        }
                        None => checkpoint.clear(field),
                    }
                }
            });
        }
    };
    // Leaving a box that was read shows the value as the page writes it.
    let on_leave = move |()| {
        let taken = typed.with_untracked(|text| {
            text.as_ref()
                .is_some_and(|text| read_checkpoint_text(field, text, lang.get_untracked()).is_ok())
        });
        if taken {
            state.texts.update(|texts| {
                texts.remove(&field);
            });
        }
    };
    view! {
        <div class="field" class:invalid=move || rejected.with(Option::is_some)>
            <label for=id.clone()>
                {move || checkpoint_field_label(lang.get(), field)}
                <span class="unit">{move || kind_unit(lang.get(), spec.kind)}</span>
            </label>
            <NumberInput
                id
                error_id=format!("track-error-{key}")
                name=checkpoint_key(index + 1, field)
                spec
                shown
                rejected
                described_by=Some(help_id.clone())
                on_text=Callback::new(on_text)
                on_leave=Callback::new(on_leave)
            >
                <p class="help" id=help_id>{move || checkpoint_field_help(lang.get(), field)}</p>
            </NumberInput>
        </div>
    }
}
