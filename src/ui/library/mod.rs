//! "Mes scénarios": the saved library (save, save as, open, rename,
//! duplicate, delete with undo), kept in step with other tabs, and the
//! tools that take a scenario elsewhere (link, print, export, import).
//!
//! [`Shelf`] holds the library as this tab knows it and which entry the
//! scenario on screen belongs to. Every change is applied to the library
//! as freshly read from storage (another tab may have written since) and
//! written back in one `setItem`, which either replaces the stored copy or
//! fails leaving it intact.

pub mod list;
pub mod share;
pub mod transfer;

use leptos::prelude::*;

use crate::browser::{clock, storage, tabs};
use crate::export::ImportProblem;
use crate::i18n::library::{import_problem_text, library_text, said_text, LibraryText as T};
use crate::i18n::Lang;
use crate::library::{Said, SaveOver};
use crate::scenario::Draft;
use crate::store::{self, Library as Stored, Loaded, SavedRef, SavedScenario, Working};
use crate::ui::notices::Notice;
use crate::ui::state::Calculator;

/// What the scenario on screen came from, as the page starts.
pub enum Opening {
    /// The working scenario saved in this browser (maybe tied to an entry).
    Stored(Option<SavedRef>),
    /// A shared link; `previous` is the working scenario it replaced.
    Link {
        previous: Option<Working>,
    },
    Fresh,
}

/// What the undo button puts back.
#[derive(Clone, Debug)]
pub enum Undo {
    Deleted(SavedScenario),
    /// The scenario that was on screen before an open, an import or a link.
    Opened {
        draft: Draft,
        saved: Option<SavedRef>,
    },
}

#[derive(Clone, Copy)]
pub struct Shelf {
    pub library: RwSignal<Stored>,
    /// The entry the scenario on screen was opened from or saved as.
    pub current: RwSignal<Option<SavedRef>>,
    /// The last thing done, said in words (a live region).
    pub said: RwSignal<Option<Said>>,
    /// What the last import did not take.
    pub problems: RwSignal<Vec<ImportProblem>>,
    pub undo: RwSignal<Option<Undo>>,
    /// A newer version of the open entry, saved by another tab, while this
    /// tab has changes of its own: the user chooses.
    pub conflict: RwSignal<Option<SavedScenario>>,
    /// When the printed report was last asked for (its date).
    pub printed: RwSignal<u64>,
    /// False when the stored library is newer or unreadable (and could not
    /// be kept aside): it is then never written.
    writable: StoredValue<bool>,
}

impl Shelf {
    /// Reads the stored library and says where the scenario came from.
    pub fn new(opening: Opening, notices: RwSignal<Vec<Notice>>) -> Self {
        let add_notice = |notice: Notice| {
            notices.update(|n| {
                if !n.contains(&notice) {
                    n.push(notice);
                }
            })
        };
        let (library, writable) = match storage::read_raw(store::LIBRARY_KEY) {
            None => (Stored::default(), true),
            Some(raw) => match store::decode_library(&raw) {
                Loaded::Found(library) => (library, true),
                Loaded::Unreadable => {
                    add_notice(Notice::StorageUnreadable);
                    // Only start afresh once the unreadable text is safe.
                    let kept = storage::write_raw(store::LIBRARY_BACKUP_KEY, &raw);
                    (Stored::default(), kept)
                }
                Loaded::Newer(_) => {
                    add_notice(Notice::StorageNewer);
                    (Stored::default(), false)
                }
            },
        };
        let shelf = Shelf {
            library: RwSignal::new(library),
            current: RwSignal::new(None),
            said: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            undo: RwSignal::new(None),
            conflict: RwSignal::new(None),
            printed: RwSignal::new(clock::now_ms()),
            writable: StoredValue::new(writable),
        };
        match opening {
            Opening::Stored(saved) => shelf.current.set(saved),
            Opening::Link { previous } => {
                shelf.said.set(Some(Said::LinkOpened));
                if let Some(previous) = previous {
                    shelf.undo.set(Some(Undo::Opened {
                        draft: previous.draft,
                        saved: previous.saved,
                    }));
                }
            }
            Opening::Fresh => {}
        }
        if !writable {
            shelf.said.set(Some(Said::ReadOnly));
        }
        shelf
    }

    /// The library as stored now (another tab may have changed it). Data
    /// this version must not overwrite (newer, or unreadable and not kept
    /// aside) makes the library read-only from then on.
    fn fresh(&self) -> Stored {
        if !self.writable.get_value() || !storage::available() {
            return self.library.get_untracked();
        }
        let Some(raw) = storage::read_raw(store::LIBRARY_KEY) else {
            // Never written, or cleared in another tab.
            return Stored::default();
        };
        match store::decode_library(&raw) {
            Loaded::Found(library) => library,
            Loaded::Unreadable if storage::write_raw(store::LIBRARY_BACKUP_KEY, &raw) => {
                Stored::default()
            }
            _ => {
                self.writable.set_value(false);
                self.library.get_untracked()
            }
        }
    }

    /// Right after start: the working scenario's entry may have moved on
    /// while this page was closed. Same values: follow it; deleted: the
    /// scenario is no longer tied to it; different: a save will ask.
    fn settle(&self, calc: &Calculator) {
        let Some(current) = self.current.get_untracked() else {
            return;
        };
        let stored = self.library.with_untracked(|library| {
            library
                .find(&current.id)
                .map(|entry| (entry.saved_ref(), entry.draft.same_as(&calc.draft())))
        });
        match stored {
            None => self.current.set(None),
            Some((saved, true)) => self.current.set(Some(saved)),
            Some(_) => {}
        }
    }

    /// Stores `next` and shows it; on failure the stored copy is intact,
    /// the list shows it, and the user is told.
    fn commit(&self, next: Stored) -> bool {
        if !self.writable.get_value() {
            self.say(Said::ReadOnly);
            return false;
        }
        if storage::available()
            && !storage::write_raw(store::LIBRARY_KEY, &store::encode_library(&next))
        {
            self.library.set(self.fresh());
            self.say(Said::SaveFailed);
            return false;
        }
        // Without storage the library lives in this page (the notice says so).
        self.library.set(next);
        true
    }

    fn say(&self, said: Said) {
        self.problems.set(Vec::new());
        self.said.set(Some(said));
    }

    /// Whether the scenario on screen differs from its saved entry (or has
    /// none). Reactive.
    pub fn modified(&self, calc: &Calculator) -> bool {
        let draft = calc.draft();
        let Some(current) = self.current.get() else {
            return true;
        };
        self.library.with(|library| {
            library
                .find(&current.id)
                .filter(|entry| entry.revision == current.revision)
                .is_none_or(|entry| !entry.draft.same_as(&draft))
        })
    }

    /// The draft on screen, with a name (the untitled name if it has none).
    fn named_draft(&self, calc: &Calculator) -> Draft {
        let mut draft = calc.draft();
        if draft.name.trim().is_empty() {
            draft.name = library_text(calc.lang.get_untracked(), T::Untitled).to_string();
        }
        draft
    }

    /// Saves over the open entry, or as a new one when none is open.
    pub fn save(&self, calc: &Calculator) {
        let Some(base) = self.current.get_untracked() else {
            self.save_as(calc);
            return;
        };
        let draft = self.named_draft(calc);
        let mut library = self.fresh();
        match library.save_over(&base, &draft, clock::now_ms()) {
            SaveOver::Saved(saved) => {
                if self.commit(library) {
                    calc.name.set(draft.name.clone());
                    self.current.set(Some(saved));
                    self.conflict.set(None);
                    self.undo.set(None);
                    self.say(Said::Saved(draft.name));
                }
            }
            SaveOver::Conflict(stored) => {
                self.library.set(library);
                self.say(Said::Conflict(stored.draft.name.clone()));
                self.conflict.set(Some(stored));
            }
        }
    }

    /// Saves the scenario on screen as a new entry, under a free name.
    pub fn save_as(&self, calc: &Calculator) {
        let mut library = self.fresh();
        let mut draft = self.named_draft(calc);
        draft.name = library.free_name(&draft.name);
        match library.save_new(&draft, clock::now_ms(), clock::salt()) {
            Ok(saved) => {
                if self.commit(library) {
                    calc.name.set(draft.name.clone());
                    self.current.set(Some(saved));
                    self.conflict.set(None);
                    self.undo.set(None);
                    self.say(Said::SavedNew(draft.name));
                }
            }
            Err(_) => self.say(Said::Full),
        }
    }

    /// Shows a saved entry; the scenario that was on screen can come back
    /// with undo.
    pub fn open(&self, calc: &Calculator, id: &str) {
        let library = self.fresh();
        let Some(entry) = library.find(id).cloned() else {
            self.library.set(library);
            return;
        };
        self.undo.set(Some(Undo::Opened {
            draft: calc.draft(),
            saved: self.current.get_untracked(),
        }));
        calc.load(&entry.draft);
        self.current.set(Some(entry.saved_ref()));
        self.conflict.set(None);
        self.library.set(library);
        self.say(Said::Opened(entry.draft.name));
    }

    pub fn rename(&self, calc: &Calculator, id: &str, name: &str) {
        let mut library = self.fresh();
        let before = library.find(id).map(SavedScenario::saved_ref);
        let Some(renamed) = library.rename(id, name, clock::now_ms()) else {
            return;
        };
        let name = library
            .find(id)
            .map(|e| e.draft.name.clone())
            .unwrap_or_default();
        if self.commit(library) {
            // The open entry: the screen follows, and stays in step with it
            // unless it was already behind.
            if let Some(current) = self.current.get_untracked().filter(|c| c.id == id) {
                calc.name.set(name.clone());
                if Some(current) == before {
                    self.current.set(Some(renamed));
                }
            }
            self.say(Said::Renamed(name));
        }
    }

    pub fn duplicate(&self, calc: &Calculator, id: &str) {
        let mut library = self.fresh();
        let suffix = library_text(calc.lang.get_untracked(), T::CopySuffix);
        match library.duplicate(id, suffix, clock::now_ms(), clock::salt()) {
            Some(Ok(copy)) => {
                let name = library.find(&copy.id).map(|e| e.draft.name.clone());
                if self.commit(library) {
                    self.say(Said::Duplicated(name.unwrap_or_default()));
                }
            }
            Some(Err(_)) => self.say(Said::Full),
            None => self.library.set(library),
        }
    }

    pub fn delete(&self, id: &str) {
        let mut library = self.fresh();
        let Some(entry) = library.delete(id) else {
            self.library.set(library);
            return;
        };
        if self.commit(library) {
            if self.current.get_untracked().is_some_and(|c| c.id == id) {
                self.current.set(None);
                self.conflict.set(None);
            }
            let name = entry.draft.name.clone();
            self.say(Said::Deleted(name));
            self.undo.set(Some(Undo::Deleted(entry)));
        }
    }

    pub fn undo(&self, calc: &Calculator) {
        let Some(undo) = self.undo.get_untracked() else {
            return;
        };
        match undo {
            Undo::Deleted(entry) => {
                let mut library = self.fresh();
                let name = entry.draft.name.clone();
                let relink =
                    self.current.get_untracked().is_none() && entry.draft.same_as(&calc.draft());
                let saved = entry.saved_ref();
                library.restore(entry);
                if self.commit(library) {
                    if relink {
                        self.current.set(Some(saved));
                    }
                    self.undo.set(None);
                    self.say(Said::Restored(name));
                }
            }
            Undo::Opened { draft, saved } => {
                calc.load(&draft);
                self.current.set(saved);
                self.conflict.set(None);
                self.undo.set(None);
                self.say(Said::BackToPrevious);
            }
        }
    }

    /// After a conflict: write the scenario on screen over the other tab's.
    pub fn keep_mine(&self, calc: &Calculator) {
        let Some(base) = self.current.get_untracked() else {
            return;
        };
        let draft = self.named_draft(calc);
        let mut library = self.fresh();
        let saved = library.overwrite(&base, &draft, clock::now_ms());
        if self.commit(library) {
            self.current.set(Some(saved));
            self.conflict.set(None);
            self.say(Said::Saved(draft.name));
        }
    }

    /// After a conflict: show the other tab's version instead.
    pub fn take_theirs(&self, calc: &Calculator) {
        if let Some(current) = self.current.get_untracked() {
            self.conflict.set(None);
            self.open(calc, &current.id);
        }
    }

    /// After a conflict: keep both, the scenario on screen as a new entry.
    pub fn keep_both(&self, calc: &Calculator) {
        self.save_as(calc);
    }

    /// Adds imported scenarios as new entries, as many as there is room
    /// for, and opens the first. `problems` are what the file did not give.
    pub fn add_imported(
        &self,
        calc: &Calculator,
        drafts: Vec<Draft>,
        problems: Vec<ImportProblem>,
    ) {
        use crate::export::ImportIssue;
        // Values and entries not taken; the file's own problems are listed
        // but are not values.
        let skipped = problems.iter().filter(|p| p.scenario.is_some()).count();
        // Scenarios the file holds past what one import reads.
        let unread = problems
            .iter()
            .find_map(|p| match p.issue {
                ImportIssue::TooManyScenarios { found } => Some(found),
                _ => None,
            })
            .map_or(0, |found| found.saturating_sub(drafts.len()));
        if drafts.is_empty() {
            self.said.set(Some(Said::ImportFailed));
            self.problems.set(problems);
            return;
        }
        let mut library = self.fresh();
        let untitled = library_text(calc.lang.get_untracked(), T::Untitled);
        let added = library.add_imported(&drafts, untitled, clock::now_ms(), clock::salt);
        if added.count == 0 {
            self.said.set(Some(Said::ImportNoRoom {
                count: drafts.len() + unread,
            }));
            self.problems.set(problems);
            return;
        }
        if !self.commit(library) {
            return;
        }
        if let Some((saved, draft)) = added.first {
            self.undo.set(Some(Undo::Opened {
                draft: calc.draft(),
                saved: self.current.get_untracked(),
            }));
            calc.load(&draft);
            self.current.set(Some(saved));
            self.conflict.set(None);
        }
        self.said.set(Some(Said::Imported {
            count: added.count,
            skipped,
            left_out: added.left_out + unread,
        }));
        self.problems.set(problems);
    }

    /// Another tab wrote the library: show its list, and follow the open
    /// entry if this tab has no changes of its own (else ask).
    fn on_other_tab(&self, calc: &Calculator) {
        let next = self.fresh();
        let previous = self.library.get_untracked();
        if let Some(current) = self.current.get_untracked() {
            let stored = next.find(&current.id);
            if stored.is_none_or(|entry| entry.revision != current.revision) {
                let draft = calc.draft();
                let unchanged = previous
                    .find(&current.id)
                    .filter(|entry| entry.revision == current.revision)
                    .is_some_and(|entry| entry.draft.same_as(&draft));
                match stored {
                    Some(entry) if entry.draft.same_as(&draft) => {
                        self.current.set(Some(entry.saved_ref()));
                    }
                    Some(entry) if unchanged => {
                        calc.load(&entry.draft);
                        self.current.set(Some(entry.saved_ref()));
                        self.say(Said::UpdatedElsewhere(entry.draft.name.clone()));
                    }
                    Some(entry) => {
                        self.say(Said::Conflict(entry.draft.name.clone()));
                        self.conflict.set(Some(entry.clone()));
                    }
                    // Deleted elsewhere: the scenario stays on screen, unsaved.
                    None => self.current.set(None),
                }
            }
        }
        self.library.set(next);
    }
}

/// Downloads the unreadable data kept aside (working scenario, library),
/// so that nothing stored is ever out of the user's reach.
pub fn download_backup() {
    let text: Vec<String> = [store::BACKUP_KEY, store::LIBRARY_BACKUP_KEY]
        .iter()
        .filter_map(|key| storage::read_raw(key).map(|raw| format!("{key}\n{raw}\n")))
        .collect();
    crate::browser::files::download(
        "teleprospection-roi-backup.txt",
        "text/plain;charset=utf-8",
        &text.join("\n"),
    );
}

/// A library text in the current language. One closure type for every
/// text, so the view code for it is compiled once (bytes).
pub fn tr(
    lang: RwSignal<Lang>,
    key: T,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || library_text(lang.get(), key)
}

/// A text that follows signals. Type-erased, so that every such text
/// shares one compiled view (bytes).
pub fn live(text: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(text)
}

/// A condition that follows signals, type-erased like [`live`].
pub fn flag(test: impl Fn() -> bool + Send + Sync + 'static) -> Signal<bool> {
    Signal::derive(test)
}

/// A button of the library and its tools: its test hook, its label, for
/// screen readers the scenario it acts on, and what it does. Not generic:
/// every button shares one compiled view.
pub fn action(
    lang: RwSignal<Lang>,
    testid: &'static str,
    label: T,
    about: Option<String>,
    on: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" data-testid=testid on:click=move |_| on.run(())>
            {tr(lang, label)}
            {about.map(|name| view! { <span class="visually-hidden">" " {name}</span> })}
        </button>
    }
}

/// The library panel: status line, actions, the list and the tools.
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
        </Show>
    }
}
