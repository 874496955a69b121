//! The saved scenarios, most recently changed first, each with its
//! headline ROI and its actions (open, rename, duplicate, delete).

use leptos::html::Input;
use leptos::prelude::*;

use crate::browser::{clock, focus};
use crate::engine::FigureId;
use crate::i18n::figure_label;
use crate::i18n::library::{date_time, LibraryText as T};
use crate::library::headline_roi;
use crate::store::SavedScenario;
use crate::ui::figures::{data_value, figure_text};
use crate::ui::library::kit::{action, flag, live, tr};
use crate::ui::library::shelf::Shelf;
use crate::ui::library::tracked::TrackedLine;
use crate::ui::state::Calculator;

#[component]
pub fn SavedList() -> impl IntoView {
    let shelf = expect_context::<Shelf>();
    let lang = expect_context::<Calculator>().lang;
    let entries = move || {
        shelf
            .library
            .with(|library| library.sorted().into_iter().cloned().collect::<Vec<_>>())
    };
    view! {
        <Show
            when=move || shelf.library.with(|library| !library.scenarios.is_empty())
            fallback=move || view! { <p class="library-empty">{tr(lang, T::Empty)}</p> }
        >
            // Focusable: a long list scrolls, keyboard users must reach it.
            <ul class="library-list" data-testid="library" tabindex="0" aria-labelledby="library-heading">
                <For
                    each=entries
                    key=|entry| (entry.id.clone(), entry.revision)
                    children=move |entry| view! { <SavedItem entry /> }
                />
            </ul>
        </Show>
    }
}

#[component]
fn SavedItem(entry: SavedScenario) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let shelf = expect_context::<Shelf>();
    let lang = calc.lang;
    let roi = headline_roi(&entry.draft);
    let tracked = (!entry.draft.checkpoints.is_empty()).then(|| entry.draft.clone());
    let name = entry.draft.name;
    let updated = clock::local_parts(entry.updated);
    let id = StoredValue::new(entry.id.clone());
    let is_open = flag(move || {
        shelf
            .current
            .with(|c| c.as_ref().is_some_and(|c| id.with_value(|id| c.id == *id)))
    });
    let renaming = RwSignal::new(false);
    let field = NodeRef::<Input>::new();
    let item_id = format!("library-item-{}", entry.id);
    // Leaving the rename form puts focus back on this item's Rename button
    // (after a rename the item is rebuilt, so it is found by its id).
    let back_to_rename = {
        let item_id = item_id.clone();
        move || {
            let item_id = item_id.clone();
            request_animation_frame(move || {
                crate::browser::focus_within(&item_id, "[data-testid=\"library-rename\"]")
            });
        }
    };
    let confirm = {
        let back = back_to_rename.clone();
        move || {
            if let Some(input) = field.get_untracked() {
                shelf.rename(&calc, &id.get_value(), &input.value());
            }
            renaming.set(false);
            back();
        }
    };
    let act =
        |testid, label, run: Callback<()>| action(lang, testid, label, Some(name.clone()), run);
    let actions = view! {
        <div class="library-item-actions" hidden=renaming>
            {act("library-open", T::Open, Callback::new(move |()| shelf.open(&calc, &id.get_value())))}
            {act("library-rename", T::Rename, Callback::new({
                let name = name.clone();
                move |()| {
                renaming.set(true);
                // A rename left with Escape starts again from the name (at
                // once, not in the frame below, so nothing typed is lost).
                if let Some(input) = field.get_untracked() {
                    input.set_value(&name);
                }
                request_animation_frame(move || {
                    if let Some(input) = field.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                });
            }}))}
            {act("library-duplicate", T::Duplicate, Callback::new(move |()| shelf.duplicate(&calc, &id.get_value())))}
            {act("library-delete", T::Delete, Callback::new(move |()| {
                shelf.delete(&id.get_value());
                // The item is gone: keyboard focus goes to the undo button.
                request_animation_frame(|| focus("library-undo"));
            }))}
        </div>
    };
    view! {
        <li class="library-item" class:open=is_open data-testid="library-item" id=item_id>
            <div class="library-item-main">
                <span class="library-name" data-testid="library-item-name">{name.clone()}</span>
                <span class="library-marker" hidden=flag(move || !is_open.get())>{tr(lang, T::OpenMarker)}</span>
                <span class="library-roi" data-testid="library-roi" data-value=data_value(&roi)>
                    {live(move || figure_label(lang.get(), FigureId::Roi).to_string())} " "
                    <b>{live(move || figure_text(lang.get(), FigureId::Roi, &roi))}</b>
                </span>
                {tracked.map(|draft| view! { <TrackedLine draft /> })}
                <span class="library-date">
                    {tr(lang, T::Changed)} " " {live(move || date_time(lang.get(), updated))}
                </span>
            </div>
            {actions}
            <form class="library-rename" hidden=flag(move || !renaming.get()) on:submit=move |ev| {
                ev.prevent_default();
                confirm();
            }>
                <label>
                    <span class="visually-hidden">{tr(lang, T::RenameLabel)}</span>
                    <input
                        type="text"
                        node_ref=field
                        data-testid="library-rename-input"
                        required
                        // Not only spaces: a saved scenario is found and said by its name.
                        pattern=".*\\S.*"
                        title=tr(lang, T::NameRequired)
                        maxlength=crate::link::MAX_NAME_CHARS
                        value=name.clone()
                        on:keydown={
                            let back = back_to_rename.clone();
                            move |ev| if ev.key() == "Escape" { renaming.set(false); back() }
                        }
                    />
                </label>
                <button type="submit" data-testid="library-rename-confirm">{tr(lang, T::RenameConfirm)}</button>
                <button type="button" on:click=move |_| { renaming.set(false); back_to_rename() }>{tr(lang, T::Cancel)}</button>
            </form>
        </li>
    }
}
