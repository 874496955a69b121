//! The saved library's operations: save, save as, rename, duplicate,
//! delete and restore, on the stored [`Library`]. Pure (the caller gives
//! the time and a random salt), so every rule is tested natively.
//!
//! Two tabs share one library: the caller applies each operation to the
//! library as freshly read from storage, and a save over an entry is
//! refused when that entry changed since this tab last saw it
//! ([`SaveOver::Conflict`]), so no save silently overwrites a newer one.
//! Two writes made in the same instant (each tab still reading the library
//! as it was) are caught afterwards: the tab whose write was lost applies
//! its change again on top of the other's ([`Library::rebase`]).

use crate::engine::tracking::{assess, checkpoint_verdict, odds, Odds, TrackFigure, TrackVerdict};
use crate::engine::{evaluate, Figure, Variant};
use crate::link::MAX_NAME_CHARS;
use crate::scenario::Draft;
pub use crate::store::MAX_SAVED;
use crate::store::{Library, SavedRef, SavedScenario};

/// The library is full ([`MAX_SAVED`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Full;

/// What a save over an existing entry did.
#[derive(Clone, Debug, PartialEq, Eq)]
// A scenario with its campaign is a few hundred bytes; one of these is
// made per save or start, so boxing it would buy nothing.
#[allow(clippy::large_enum_variant)]
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
    /// This tab's save was lost: another tab saved the same scenario in
    /// the same instant, and its version is the one stored.
    Raced(String),
    /// Another tab wrote the library between this tab's read and write:
    /// nothing was written.
    ChangedMeanwhile,
    /// The page opened a shared link.
    LinkOpened,
    /// `count` scenarios were added; `skipped` values or entries of the
    /// file were not taken (listed); `left_out` scenarios did not fit in
    /// the list, which had room for `count` only.
    Imported {
        count: usize,
        skipped: usize,
        left_out: usize,
    },
    ImportFailed,
    /// The file's `count` scenarios were not imported: the list is full.
    ImportNoRoom {
        count: usize,
    },
    SaveFailed,
    /// Storage is off: the library lives in this page only.
    InMemory,
    Full,
    /// The stored library is newer or unreadable: not written.
    ReadOnly,
}

/// What [`Library::add_imported`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    /// The first scenario added, to open.
    pub first: Option<(SavedRef, Draft)>,
    pub count: usize,
    /// Scenarios that did not fit ([`MAX_SAVED`]).
    pub left_out: usize,
}

/// The headline ROI of a saved scenario (its central variant).
pub fn headline_roi(draft: &Draft) -> Figure {
    evaluate(&draft.inputs(Variant::Central)).roi
}

/// For a tracked scenario, its latest checkpoint's verdict and projected
/// ROI, as the tracking panel shows them (the scenario's trials and seed);
/// `None` without a checkpoint. The simulation runs only when the verdict
/// reads it (a projected loss: stop or review), so a list of campaigns on
/// track costs no trials.
pub fn tracked_summary(draft: &Draft) -> Option<(TrackVerdict, TrackFigure)> {
    use crate::engine::risk::{DEFAULT_SEED, DEFAULT_TRIALS};
    let plan = draft.inputs(Variant::Central);
    let campaign = draft.tracking();
    let latest = campaign.latest()?;
    let k = campaign.track_prior;
    let figures = assess(&plan, latest, k);
    let seed = draft.risk.seed.unwrap_or(DEFAULT_SEED);
    let odds = match figures.proj_net_result {
        Ok(net) if net < rust_decimal::Decimal::ZERO => {
            let trials = draft.risk.trials.unwrap_or(DEFAULT_TRIALS);
            odds(&plan, latest, k, trials, seed)
        }
        // Not read by the verdict: nothing is lost.
        _ => Odds {
            trials: 0,
            seed,
            loss_probability: 0.0,
            roi_p10: None,
            roi_p50: None,
            roi_p90: None,
            roi_trials: 0,
        },
    };
    let verdict = checkpoint_verdict(&plan, latest, k, &figures, &odds);
    Some((verdict, figures.proj_roi))
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

    /// Adds imported scenarios as new entries while there is room, under
    /// free names (`untitled` for a scenario without one).
    pub fn add_imported(
        &mut self,
        drafts: &[Draft],
        untitled: &str,
        now: u64,
        mut salt: impl FnMut() -> u32,
    ) -> Added {
        let room = MAX_SAVED.saturating_sub(self.scenarios.len());
        let mut added = Added {
            first: None,
            count: 0,
            left_out: drafts.len().saturating_sub(room),
        };
        for draft in drafts.iter().take(room) {
            let mut draft = draft.clone();
            if draft.name.trim().is_empty() {
                draft.name = untitled.to_string();
            }
            draft.name = self.free_name(&draft.name);
            if let Ok(saved) = self.save_new(&draft, now, salt()) {
                added.first.get_or_insert((saved, draft));
                added.count += 1;
            }
        }
        added
    }

    /// Applies again, on top of this library (the one stored now), the
    /// change that turned `base` into `mine`, a write of this tab that a
    /// write from another tab, made in the same instant from `base` too,
    /// replaced. Added entries are added (while there is room); changed
    /// ones are written where this library still has `base`'s version;
    /// deleted ones are deleted where it still has `base`'s version. Gives
    /// the ids that both tabs changed differently: this library's version
    /// is kept and the caller decides (for the scenario on screen, the
    /// user does); and the added entries that did not fit.
    pub fn rebase(&mut self, base: &Library, mine: &Library) -> (Vec<String>, Vec<SavedScenario>) {
        let mut clashes = Vec::new();
        let mut left_out = Vec::new();
        for entry in &mine.scenarios {
            let before = base.find(&entry.id);
            if before == Some(entry) {
                continue;
            }
            let room = self.scenarios.len() < MAX_SAVED;
            match self.find_mut(&entry.id) {
                Some(stored) if stored == entry => {}
                Some(stored) if Some(&*stored) == before => *stored = entry.clone(),
                Some(stored) if stored.draft.same_as(&entry.draft) => {}
                Some(stored) => clashes.push(stored.id.clone()),
                // Added here, or changed here and deleted there: a change
                // outweighs a deletion (nothing is lost).
                None if room => self.scenarios.push(entry.clone()),
                None => left_out.push(entry.clone()),
            }
        }
        for entry in &base.scenarios {
            if mine.find(&entry.id).is_none() && self.find(&entry.id) == Some(entry) {
                self.delete(&entry.id);
            }
        }
        (clashes, left_out)
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

    #[test]
    fn an_import_takes_what_fits_and_says_what_did_not() {
        let mut library = Library::default();
        library.save_new(&draft("Kept", "100"), 1, 1).unwrap();
        let drafts: Vec<Draft> = (0..500).map(|n| draft(&format!("I{n}"), "100")).collect();
        let mut salt = 0;
        let added = library.add_imported(&drafts, "Untitled", 2, || {
            salt += 1;
            salt
        });
        assert_eq!(added.count, MAX_SAVED - 1);
        assert_eq!(added.left_out, 500 - (MAX_SAVED - 1));
        assert_eq!(library.scenarios.len(), MAX_SAVED);
        assert_eq!(added.first.unwrap().1.name, "I0");
        // Full: nothing more goes in, and all of it is said left out.
        let again = library.add_imported(&drafts[..3], "Untitled", 3, || 7);
        assert_eq!((again.count, again.left_out, again.first), (0, 3, None));
        let mut empty = Library::default();
        let named = empty.add_imported(&[draft(" ", "1")], "Untitled", 4, || 1);
        assert_eq!(named.first.unwrap().1.name, "Untitled");
    }

    #[test]
    fn a_write_lost_to_another_tab_is_applied_again_on_top() {
        let mut base = Library::default();
        let open = base.save_new(&draft("Open", "100"), 1, 1).unwrap();
        let other = base.save_new(&draft("Other", "100"), 1, 2).unwrap();
        let gone = base.save_new(&draft("Gone", "100"), 1, 3).unwrap();
        // This tab: saves "Open", adds "New", deletes "Gone".
        let mut mine = base.clone();
        let SaveOver::Saved(_) = mine.save_over(&open, &draft("Open", "150"), 2) else {
            panic!("no conflict in this tab");
        };
        let new = mine.save_new(&draft("New", "100"), 2, 9).unwrap();
        mine.delete(&gone.id);
        // The other tab, from the same base, renamed "Other" and wrote last.
        let mut theirs = base.clone();
        theirs.rename(&other.id, "Other renamed", 3);
        let (clashes, left_out) = theirs.rebase(&base, &mine);
        assert!(clashes.is_empty() && left_out.is_empty());
        assert_eq!(theirs.find(&open.id), mine.find(&open.id));
        assert_eq!(theirs.find(&new.id), mine.find(&new.id));
        assert_eq!(theirs.find(&other.id).unwrap().draft.name, "Other renamed");
        assert!(theirs.find(&gone.id).is_none());
        // Applying it twice changes nothing more.
        let once = theirs.clone();
        theirs.rebase(&base, &mine);
        assert_eq!(theirs, once);
    }

    #[test]
    fn a_scenario_both_tabs_saved_is_a_clash_and_theirs_stays() {
        let mut base = Library::default();
        let open = base.save_new(&draft("Open", "100"), 1, 1).unwrap();
        let mut mine = base.clone();
        mine.save_over(&open, &draft("Open", "150"), 2);
        let mut theirs = base.clone();
        theirs.save_over(&open, &draft("Open", "300"), 2);
        let stored = theirs.clone();
        let (clashes, _) = theirs.rebase(&base, &mine);
        assert_eq!(clashes, std::slice::from_ref(&open.id));
        assert_eq!(theirs, stored, "theirs is kept until the user chooses");
        // Both saved the same values: no clash.
        let mut same = base.clone();
        same.save_over(&open, &draft("Open", "150.0"), 3);
        assert!(same.rebase(&base, &mine).0.is_empty());
        // Changed here, deleted there: the change comes back.
        let mut deleted = base.clone();
        deleted.delete(&open.id);
        deleted.rebase(&base, &mine);
        assert_eq!(deleted.find(&open.id), mine.find(&open.id));
    }
}
