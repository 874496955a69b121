//! The library panel: status line, actions, the list and the tools.

use leptos::prelude::*;

use crate::browser::tabs;
use crate::i18n::library::{import_problem_text, library_text, said_text, LibraryText as T};
use crate::store;
use crate::ui::library::kit::{action, flag, live, tr};
use crate::ui::library::shelf::Shelf;
use crate::ui::library::{list, share, transfer};
use crate::ui::state::Calculator;

#[component]
pub fn Library() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let shelf = expect_context::<Shelf>();
    let lang = calc.lang;
    let printing = expect_context::<share::Printing>().0;
    shelf.settle(&calc);
    let listening = StoredValue::new_local(tabs::on_change(store::LIBRARY_KEY, move || {
        shelf.on_other_tab(&calc)
    }));
    on_cleanup(move || drop(listening.try_update_value(Option::take)));
    let state = live(move || {
        let key = match (shelf.current.get(), shelf.modified(&calc)) {
            (None, _) => T::StateNotSaved,
            (Some(_), true) => T::StateModified,
            (Some(_), false) => T::StateSaved,
        };
        library_text(lang.get(), key).to_string()
    });
    let act = |testid, label, run: fn(&Shelf, &Calculator)| {
        action(
            lang,
            testid,
            label,
            None,
            Callback::new(move |()| run(&shelf, &calc)),
        )
    };
    view! {
        <section class="library" id="library" aria-labelledby="library-heading">
            <div class="library-head">
                <h2 id="library-heading">{tr(lang, T::Heading)}</h2>
                <p class="library-state" data-testid="library-state">{state}</p>
            </div>
            <p class="lead">{tr(lang, T::Lead)}</p>
            <div class="library-actions">
                {act("library-save", T::Save, Shelf::save)}
                {act("library-save-as", T::SaveAs, Shelf::save_as)}
            </div>
            <div class="library-status" role="status" aria-live="polite" data-testid="library-status">
                <p>{live(move || shelf.said.with(|said| said.as_ref().map(|said| said_text(lang.get(), said)).unwrap_or_default()))}</p>
                {move || {
                    let problems = shelf.problems.get();
                    (!problems.is_empty()).then(|| {
                        let lang = lang.get();
                        view! {
                            <ul class="import-problems" data-testid="import-problems" tabindex="0">
                                {problems.iter().map(|p| view! { <li>{import_problem_text(lang, p)}</li> }).collect_view()}
                            </ul>
                        }
                    })
                }}
                <div class="library-conflict" data-testid="library-conflict" hidden=flag(move || shelf.conflict.with(Option::is_none))>
                    {act("library-conflict-mine", T::ConflictKeepMine, Shelf::keep_mine)}
                    {act("library-conflict-theirs", T::ConflictTakeTheirs, Shelf::take_theirs)}
                    {act("library-conflict-both", T::ConflictKeepBoth, Shelf::keep_both)}
                </div>
                <button
                    type="button"
                    id="library-undo"
                    data-testid="library-undo"
                    hidden=flag(move || shelf.undo.with(Option::is_none))
                    on:click=move |_| shelf.undo(&calc)
                >
                    {tr(lang, T::Undo)}
                </button>
            </div>
            <list::SavedList />
            <share::Share />
            <transfer::Transfer />
        </section>
        <Show when=move || printing.get()>
            <share::PrintInputs />
            <share::PrintTracking />
        </Show>
    }
}
