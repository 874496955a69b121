//! Export (JSON of this scenario or of all saved ones, CSV for a
//! spreadsheet) and import of a JSON export. The codecs are
//! `crate::export`; this is only the buttons and the file edges.

use leptos::html::Input;
use leptos::prelude::*;

use crate::browser::{address, clock, files};
use crate::csv::export_csv;
use crate::export::{export_json, file_name, import_json};
use crate::i18n::library::{date_time, library_text, LibraryText as T};
use crate::ui::library::kit::{action, flag, tr};
use crate::ui::library::shelf::Shelf;
use crate::ui::state::Calculator;

const JSON: &str = "application/json";
const CSV: &str = "text/csv;charset=utf-8";

#[component]
pub fn Transfer() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let shelf = expect_context::<Shelf>();
    let lang = calc.lang;
    let fallback = move || library_text(lang.get_untracked(), T::Untitled);
    let export_one = move |()| {
        let draft = calc.draft();
        let name = file_name(&draft.name, fallback(), "json");
        files::download(&name, JSON, &export_json(&[&draft]));
    };
    let export_all = move |()| {
        let json = shelf.library.with(|library| {
            let drafts: Vec<_> = library.sorted().into_iter().map(|e| &e.draft).collect();
            export_json(&drafts)
        });
        let name = file_name(
            library_text(lang.get_untracked(), T::Heading),
            "scenarios",
            "json",
        );
        files::download(&name, JSON, &json);
    };
    let export_sheet = move |()| {
        let draft = calc.draft();
        let lang = lang.get_untracked();
        let date = date_time(lang, clock::local_parts(clock::now_ms()));
        let csv = export_csv(&draft, lang, &date, &address::href());
        files::download(&file_name(&draft.name, fallback(), "csv"), CSV, &csv);
    };
    let picker = NodeRef::<Input>::new();
    let import = move |_| {
        let Some(input) = picker.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = files::chosen_text(&input).await;
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let imported = import_json(text.as_deref().unwrap_or_default());
            shelf.add_imported(&calc, imported.scenarios, imported.problems);
        });
    };
    let has_saved = move || shelf.library.with(|library| !library.scenarios.is_empty());
    view! {
        <div class="transfer" role="group" aria-label=tr(lang, T::Tools)>
            {action(lang, "export-json", T::ExportJson, None, Callback::new(export_one))}
            <span hidden=flag(move || !has_saved())>
                {action(lang, "export-all", T::ExportAll, None, Callback::new(export_all))}
            </span>
            {action(lang, "export-csv", T::ExportCsv, None, Callback::new(export_sheet))}
            // A real file input, styled as a button by its label: keyboard
            // and screen readers use it as is.
            <label class="import">
                <input
                    type="file"
                    accept=".json,application/json"
                    node_ref=picker
                    data-testid="library-import"
                    on:change=import
                />
                <span>{tr(lang, T::Import)}</span>
            </label>
        </div>
    }
}
