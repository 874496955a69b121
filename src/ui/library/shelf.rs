//! [`Shelf`]: the library as this tab knows it, which entry the scenario
//! on screen belongs to, and every change to it. Storage I/O only, no view.
//!
//! Every change is applied to the library as freshly read from storage
//! (another tab may have written since) and written back in one `setItem`
//! through `store::write_library`, a compare-and-swap on the text it was
//! read from: it either replaces that text or fails leaving it intact.
//! Reading goes through `store::open_library`, which copies aside whatever
//! cannot be read before repairing it.
//!
//! A compare-and-swap inside one tab cannot see a write another tab made
//! in the same instant: each Chromium renderer reads its own copy of
//! localStorage, updated a moment later. So each write carries a random
//! stamp (`Library::writes`); when another tab's write arrives without
//! this tab's last stamp, this tab's write was lost, and it is applied
//! again on top ([`Library::rebase`]); the scenario on screen, saved by
//! both, goes to the user (keep mine, take the other, keep both).

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::storage::{self, Local};
use crate::export::ImportProblem;
use crate::i18n::library::{library_text, LibraryText as T};
use crate::library::{Said, SaveOver};
use crate::notice::Notice;
use crate::scenario::Draft;
use crate::start::Opening;
use crate::store::{self, Library as Stored, Refused, SavedRef, SavedScenario, Vetted};
use crate::ui::state::Calculator;

/// This tab's writes kept until another tab's write shows them in its
/// stamps: past that, a lost write could no longer be applied again.
const PENDING_KEPT: usize = 8;

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

/// A write of this tab, until another tab's write is seen to include it.
#[derive(Clone, Debug)]
struct Pending {
    stamp: u32,
    /// The library it was made from, and the one it wrote.
    base: Stored,
    written: Stored,
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
    notices: RwSignal<Vec<Notice>>,
    io: StoredValue<Io>,
}

/// What this tab knows of the stored text (one stored value: each type of
/// stored value costs the page its own code).
#[derive(Clone, Debug, Default)]
struct Io {
    /// The stored text the library was last read from; None when it must
    /// not be written (a newer version's, or unreadable and not copied).
    vetted: Option<Vetted>,
    /// The library as last read, which the next change starts from.
    base: Stored,
    pending: Vec<Pending>,
}

impl Shelf {
    /// Reads the stored library and says where the scenario came from.
    pub fn new(opening: Opening, notices: RwSignal<Vec<Notice>>) -> Self {
        let shelf = Shelf {
            library: RwSignal::new(Stored::default()),
            current: RwSignal::new(None),
            said: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            undo: RwSignal::new(None),
            conflict: RwSignal::new(None),
            printed: RwSignal::new(clock::now_ms()),
            notices,
            io: StoredValue::new(Io::default()),
        };
        let library = shelf.read();
        shelf.library.set(library);
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
        if !shelf.writable() {
            shelf.said.set(Some(Said::ReadOnly));
        }
        shelf
    }

    fn add_notice(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Reads the stored library (copying aside and repairing what cannot
    /// be read, and saying so); from then on it is written over the text
    /// read, or not at all.
    fn read(&self) -> Stored {
        let opened = store::open_library(&mut Local);
        if let Some(report) = opened.report {
            self.add_notice(Notice::Storage(report));
        }
        if opened.newer.is_some() {
            self.add_notice(Notice::StorageNewer);
        }
        let library = opened.library;
        self.io.update_value(|io| {
            io.vetted = opened.vetted;
            io.base = library.clone();
        });
        library
    }

    fn writable(&self) -> bool {
        self.io.with_value(|io| io.vetted.is_some())
    }

    /// The library as stored now (another tab may have changed it). Data
    /// this version must not overwrite makes the library read-only from
    /// then on, and this tab keeps showing its own list.
    fn fresh(&self) -> Stored {
        if !self.writable() || !storage::available() {
            return self.library.get_untracked();
        }
        let library = self.read();
        if !self.writable() {
            return self.library.get_untracked();
        }
        library
    }

    /// Right after start: the working scenario's entry may have moved on
    /// while this page was closed. Same values: follow it; deleted: the
    /// scenario is no longer tied to it; different: a save will ask.
    pub fn settle(&self, calc: &Calculator) {
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
    fn commit(&self, mut next: Stored) -> bool {
        let Some(vetted) = self.io.with_value(|io| io.vetted.clone()) else {
            self.say(Said::ReadOnly);
            return false;
        };
        if !storage::available() {
            // Without storage the library lives in this page (the notice says so).
            self.library.set(next);
            return true;
        }
        let stamp = clock::salt();
        next.stamp(stamp);
        match store::write_library(&mut Local, &next, &vetted) {
            Ok(vetted) => {
                self.io.update_value(|io| {
                    io.vetted = Some(vetted);
                    let base = std::mem::replace(&mut io.base, next.clone());
                    io.pending.push(Pending {
                        stamp,
                        base,
                        written: next.clone(),
                    });
                    let excess = io.pending.len().saturating_sub(PENDING_KEPT);
                    io.pending.drain(..excess);
                });
                self.library.set(next);
                true
            }
            Err(refused) => {
                let fresh = self.fresh();
                self.library.set(fresh);
                self.say(match refused {
                    Refused::Moved => Said::ChangedMeanwhile,
                    Refused::Failed => Said::SaveFailed,
                    Refused::Newer(_) | Refused::Unreadable(_) => Said::ReadOnly,
                });
                false
            }
        }
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

    /// Another tab wrote the library: apply again this tab's writes it
    /// replaced, show its list, and follow the open entry if this tab has
    /// no changes of its own (else ask).
    pub fn on_other_tab(&self, calc: &Calculator) {
        let previous = self.library.get_untracked();
        let mut next = self.fresh();
        let pending = self.io.with_value(|io| io.pending.clone());
        // Writes of this tab that what is stored now does not descend from.
        let seen = pending.iter().rposition(|p| next.writes.contains(&p.stamp));
        let lost = &pending[seen.map_or(0, |i| i + 1)..];
        self.io.update_value(|io| io.pending.clear());
        if !lost.is_empty() && self.writable() {
            let mut merged = next.clone();
            let mut clashes = Vec::new();
            for write in lost {
                let (clashed, _) = merged.rebase(&write.base, &write.written);
                clashes.extend(clashed);
            }
            if merged.scenarios != next.scenarios && self.commit(merged) {
                next = self.library.get_untracked();
            }
            // The scenario on screen was saved here and there at once: the
            // other version is stored, this one is still on screen, and its
            // base is the version both started from, so no later save can
            // pass over the other one silently.
            let raced = self
                .current
                .get_untracked()
                .filter(|current| clashes.contains(&current.id));
            if let Some(current) = raced {
                let base = lost[0].base.find(&current.id).map(SavedScenario::saved_ref);
                if let Some(stored) = next.find(&current.id).cloned() {
                    self.current.set(base);
                    self.say(Said::Raced(stored.draft.name.clone()));
                    self.conflict.set(Some(stored));
                }
                self.library.set(next);
                return;
            }
        }
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
