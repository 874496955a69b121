//! The saved library's operations: save, save as, rename, duplicate,
//! delete and restore, on the stored [`Library`]. Pure (the caller gives
//! the time and a random salt), so every rule is tested natively.
//!
//! Two tabs share one library: the caller applies each operation to the
//! library as freshly read from storage, and a save over an entry is
//! refused when that entry changed since this tab last saw it
//! ([`SaveOver::Conflict`]), so no save silently overwrites a newer one.

use crate::engine::{evaluate, Figure, Variant};
use crate::link::MAX_NAME_CHARS;
use crate::scenario::Draft;
use crate::store::{Library, SavedRef, SavedScenario};

/// More than anyone keeps; bounds the stored size and the list.
pub const MAX_SAVED: usize = 300;

/// The library is full ([`MAX_SAVED`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Full;

/// What a save over an existing entry did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOver {
    Saved(SavedRef),
    /// The stored entry changed since `base` and differs from what is
    /// being saved: nothing was written; here is the stored version.
    Conflict(SavedScenario),
}

/// What the library just did, told to the user in words
/// (`i18n::library::said_text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    Saved(String),
    SavedNew(String),
    Renamed(String),
    Duplicated(String),
    Deleted(String),
    Restored(String),
    Opened(String),
    /// The scenario shown before was put back (undo of an open).
    BackToPrevious,
    /// The open scenario was saved in another tab and reloaded here.
    UpdatedElsewhere(String),
    /// A save was refused: another tab saved a newer version.
    Conflict(String),
    /// The page opened a shared link.
    LinkOpened,
    Imported {
        count: usize,
        skipped: usize,
    },
    ImportFailed,
    SaveFailed,
    /// Storage is off: the library lives in this page only.
    InMemory,
    Full,
    /// The stored library is newer or unreadable: not written.
    ReadOnly,
}

/// The headline ROI of a saved scenario (its central variant).
pub fn headline_roi(draft: &Draft) -> Figure {
    evaluate(&draft.inputs(Variant::Central)).roi
}

/// A name cut to the link's limit (names travel in links too).
fn clean_name(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

impl Library {
    pub fn find(&self, id: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|entry| entry.id == id)
    }

    fn find_mut(&mut self, id: &str) -> Option<&mut SavedScenario> {
        self.scenarios.iter_mut().find(|entry| entry.id == id)
    }

    /// Most recently changed first; ties by name, then id, so the order is
    /// the same in every tab.
    pub fn sorted(&self) -> Vec<&SavedScenario> {
        let order = |a: &SavedScenario, b: &SavedScenario| {
            b.updated
                .cmp(&a.updated)
                .then_with(|| a.draft.name.cmp(&b.draft.name))
                .then_with(|| a.id.cmp(&b.id))
        };
        // Insertion by binary search: a few hundred entries at most, and
        // far less code in the page than a general sort.
        let mut list: Vec<&SavedScenario> = Vec::with_capacity(self.scenarios.len());
        for entry in &self.scenarios {
            let at = list.partition_point(|placed| order(placed, entry).is_le());
            list.insert(at, entry);
        }
        list
    }

    /// `name`, or `name (2)`, `name (3)`… if that name is taken.
    pub fn free_name(&self, name: &str) -> String {
        let name = clean_name(name);
        let taken = |candidate: &str| self.scenarios.iter().any(|e| e.draft.name == candidate);
        if !taken(&name) {
            return name;
        }
        (2..)
            .map(|n| {
                let suffix = format!(" ({n})");
                let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
                format!("{}{suffix}", name.chars().take(room).collect::<String>())
            })
            .find(|candidate| !taken(candidate))
            .unwrap_or_default()
    }

    /// An id no entry has: the time and a random salt, in hexadecimal.
    fn new_id(&self, now: u64, salt: u32) -> String {
        (0u32..)
            .map(|n| format!("{now:x}-{:x}", salt.wrapping_add(n)))
            .find(|id| self.find(id).is_none())
            .unwrap_or_default()
    }

    /// Saves `draft` as a new entry (revision 1).
    pub fn save_new(&mut self, draft: &Draft, now: u64, salt: u32) -> Result<SavedRef, Full> {
        if self.scenarios.len() >= MAX_SAVED {
            return Err(Full);
        }
        let entry = SavedScenario {
            id: self.new_id(now, salt),
            revision: 1,
            updated: now,
            draft: Draft {
                name: clean_name(&draft.name),
                ..draft.clone()
            },
        };
        let saved = entry.saved_ref();
        self.scenarios.push(entry);
        Ok(saved)
    }

    /// Saves `draft` over the entry `base` names, unless another tab saved
    /// a different version in between. An entry deleted elsewhere is
    /// saved again under the same id: the user asked to save it.
    pub fn save_over(&mut self, base: &SavedRef, draft: &Draft, now: u64) -> SaveOver {
        match self.find(&base.id) {
            Some(stored) if stored.revision != base.revision && !stored.draft.same_as(draft) => {
                SaveOver::Conflict(stored.clone())
            }
            _ => SaveOver::Saved(self.overwrite(base, draft, now)),
        }
    }

    /// Writes `draft` over the entry whatever its revision (the user chose
    /// to keep theirs after a conflict).
    pub fn overwrite(&mut self, base: &SavedRef, draft: &Draft, now: u64) -> SavedRef {
        let draft = Draft {
            name: clean_name(&draft.name),
            ..draft.clone()
        };
        match self.find_mut(&base.id) {
            Some(entry) => {
                entry.revision = entry.revision.max(base.revision).saturating_add(1);
                entry.updated = now;
                entry.draft = draft;
                entry.saved_ref()
            }
            None => {
                let entry = SavedScenario {
                    id: base.id.clone(),
                    revision: base.revision.saturating_add(1),
                    updated: now,
                    draft,
                };
                let saved = entry.saved_ref();
                self.scenarios.push(entry);
                saved
            }
        }
    }

    /// Renames an entry (a change like any other: new revision, new time).
    /// `None`, and nothing changes, for an unknown id or a blank name: a
    /// saved scenario always has a name to be found and said by.
    pub fn rename(&mut self, id: &str, name: &str, now: u64) -> Option<SavedRef> {
        let name = Some(clean_name(name)).filter(|name| !name.is_empty())?;
        let entry = self.find_mut(id)?;
        entry.draft.name = name;
        entry.revision = entry.revision.saturating_add(1);
        entry.updated = now;
        Some(entry.saved_ref())
    }

    /// A copy of an entry under a free name made of its name and `suffix`
    /// (`" (copie)"`), as a new entry.
    pub fn duplicate(
        &mut self,
        id: &str,
        suffix: &str,
        now: u64,
        salt: u32,
    ) -> Option<Result<SavedRef, Full>> {
        let source = self.find(id)?;
        let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        let name: String = source.draft.name.chars().take(room).collect();
        let draft = Draft {
            name: self.free_name(&format!("{name}{suffix}")),
            ..source.draft.clone()
        };
        Some(self.save_new(&draft, now, salt))
    }

    /// Removes an entry and gives it back, for undo.
    pub fn delete(&mut self, id: &str) -> Option<SavedScenario> {
        let index = self.scenarios.iter().position(|entry| entry.id == id)?;
        Some(self.scenarios.remove(index))
    }

    /// Puts a deleted entry back as it was; false if an entry with its id
    /// exists again (then nothing changes).
    pub fn restore(&mut self, entry: SavedScenario) -> bool {
        if self.find(&entry.id).is_some() {
            return false;
        }
        self.scenarios.push(entry);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Field;

    fn draft(name: &str, price: &str) -> Draft {
        let mut draft = Draft::with_defaults();
        draft.name = name.to_string();
        draft.central.insert(Field::Price, price.to_string());
        draft
    }

    #[test]
    fn entries_are_listed_most_recent_first() {
        let mut library = Library::default();
        library.save_new(&draft("Old", "100"), 1_000, 1).unwrap();
        let recent = library.save_new(&draft("New", "100"), 3_000, 2).unwrap();
        library.save_new(&draft("Mid", "100"), 2_000, 3).unwrap();
        let names: Vec<_> = library
            .sorted()
            .iter()
            .map(|e| e.draft.name.as_str())
            .collect();
        assert_eq!(names, ["New", "Mid", "Old"]);
        library.rename(&library.sorted()[2].id.clone(), "Renamed", 4_000);
        assert_eq!(library.sorted()[0].draft.name, "Renamed");
        // A blank name changes nothing.
        let first = library.sorted()[0].id.clone();
        assert_eq!(library.rename(&first, "  \t ", 5_000), None);
        assert_eq!(library.sorted()[0].draft.name, "Renamed");
        assert_eq!(library.find(&recent.id).unwrap().revision, 1);
    }

    #[test]
    fn the_headline_roi_is_the_engines() {
        // Default scenario: +380 %; at 240 € per meeting: +140 %.
        assert_eq!(
            headline_roi(&Draft::with_defaults()),
            Ok("3.8".parse().unwrap())
        );
        assert_eq!(headline_roi(&draft("", "240")), Ok("1.4".parse().unwrap()));
    }

    #[test]
    fn a_save_over_a_newer_version_is_refused() {
        let mut library = Library::default();
        let base = library.save_new(&draft("A", "100"), 1, 1).unwrap();
        // Another tab saves from the same base first.
        let theirs = library.save_over(&base, &draft("A", "130"), 2);
        let SaveOver::Saved(theirs) = theirs else {
            panic!("the first save from the base must pass");
        };
        assert_eq!(theirs.revision, 2);
        // This tab, still on revision 1, is told and nothing is written.
        let mine = library.save_over(&base, &draft("A", "150"), 3);
        let SaveOver::Conflict(stored) = mine else {
            panic!("a stale save must be refused");
        };
        assert_eq!(stored.draft.central[&Field::Price], "130");
        assert_eq!(
            library.find(&base.id).unwrap().draft.central[&Field::Price],
            "130"
        );
        // Choosing to keep mine writes it on top, with a newer revision.
        let kept = library.overwrite(&base, &draft("A", "150"), 4);
        assert_eq!(kept.revision, 3);
        assert_eq!(
            library.find(&base.id).unwrap().draft.central[&Field::Price],
            "150"
        );
    }

    #[test]
    fn a_stale_save_of_the_same_values_is_no_conflict() {
        let mut library = Library::default();
        let base = library.save_new(&draft("A", "100"), 1, 1).unwrap();
        library.save_over(&base, &draft("A", "130"), 2);
        let again = library.save_over(&base, &draft("A", "130.00"), 3);
        assert!(matches!(again, SaveOver::Saved(_)));
    }

    #[test]
    fn a_save_over_an_entry_deleted_elsewhere_saves_it_again() {
        let mut library = Library::default();
        let base = library.save_new(&draft("A", "100"), 1, 1).unwrap();
        library.delete(&base.id);
        let SaveOver::Saved(saved) = library.save_over(&base, &draft("A", "110"), 2) else {
            panic!("nothing to conflict with");
        };
        assert_eq!(saved.id, base.id);
        assert_eq!(library.scenarios.len(), 1);
    }

    #[test]
    fn duplicate_takes_a_free_name_and_a_new_id() {
        let mut library = Library::default();
        let source = library.save_new(&draft("Plan", "100"), 1, 7).unwrap();
        let copy = library
            .duplicate(&source.id, " (copy)", 2, 7)
            .unwrap()
            .unwrap();
        let again = library
            .duplicate(&source.id, " (copy)", 2, 7)
            .unwrap()
            .unwrap();
        assert_ne!(copy.id, source.id);
        assert_ne!(again.id, copy.id);
        assert_eq!(library.find(&copy.id).unwrap().draft.name, "Plan (copy)");
        assert_eq!(
            library.find(&again.id).unwrap().draft.name,
            "Plan (copy) (2)"
        );
        assert_eq!(
            library.find(&copy.id).unwrap().draft.central[&Field::Price],
            "100"
        );
    }

    #[test]
    fn delete_then_restore_gives_back_the_same_entry() {
        let mut library = Library::default();
        let kept = library.save_new(&draft("A", "100"), 1, 1).unwrap();
        library.save_new(&draft("B", "100"), 2, 2).unwrap();
        let before = library.clone();
        let deleted = library.delete(&kept.id).unwrap();
        assert_eq!(library.scenarios.len(), 1);
        assert!(library.restore(deleted.clone()));
        assert_eq!(library.sorted(), before.sorted());
        assert!(!library.restore(deleted), "restoring twice does nothing");
        assert_eq!(library.scenarios.len(), 2);
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        let mut library = Library::default();
        let long = "x".repeat(500);
        let saved = library
            .save_new(&draft(&format!("  {long} "), "100"), 1, 1)
            .unwrap();
        assert_eq!(
            library.find(&saved.id).unwrap().draft.name.chars().count(),
            MAX_NAME_CHARS
        );
        let copy = library
            .duplicate(&saved.id, " (copie)", 2, 2)
            .unwrap()
            .unwrap();
        let name = &library.find(&copy.id).unwrap().draft.name;
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(name.ends_with(" (copie)"));
    }

    #[test]
    fn the_library_has_a_bound() {
        let mut library = Library::default();
        for n in 0..MAX_SAVED {
            library.save_new(&draft("A", "100"), n as u64, 0).unwrap();
        }
        assert_eq!(library.save_new(&draft("A", "100"), 0, 0), Err(Full));
    }
}
