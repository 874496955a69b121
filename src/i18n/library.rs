//! Texts of the saved library, sharing, export, import and the printed
//! report.
//!
//! French typography as in [`super::fields`]: a no-break space (`\u{a0}`)
//! before `:`, `;`, `?`, `!` and inside « », the typographic apostrophe `’`.

use super::storage::size;
use super::{quoted, Lang};
use crate::engine::tracking::MAX_CHECKPOINTS;
use crate::engine::Field;
use crate::export::{ImportIssue, ImportProblem, MAX_IMPORT_BYTES};
use crate::library::{Said, MAX_SAVED};

/// One fixed text of the library and its tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryText {
    Heading,
    Lead,
    Save,
    SaveAs,
    Open,
    Rename,
    RenameLabel,
    NameRequired,
    RenameConfirm,
    Cancel,
    Duplicate,
    Delete,
    Undo,
    Empty,
    OpenMarker,
    StateSaved,
    StateModified,
    StateNotSaved,
    Untitled,
    CopySuffix,
    Changed,
    Tools,
    CopyLink,
    LinkField,
    LinkCopied,
    LinkKeepsLastValid,
    LinkSelected,
    Print,
    ExportJson,
    ExportAll,
    ExportCsv,
    Import,
    ConflictKeepMine,
    ConflictTakeTheirs,
    ConflictKeepBoth,
    ReportTitle,
    ReportDate,
    ReportLink,
    CsvScenario,
    CsvDate,
    CsvLink,
    CsvUnit,
    CsvInput,
    CsvResult,
    CsvMonth,
    DownloadBackup,
}

impl LibraryText {
    /// Every text, for the typography test.
    pub const ALL: [LibraryText; 46] = {
        use LibraryText::*;
        [
            Heading,
            Lead,
            Save,
            SaveAs,
            Open,
            Rename,
            RenameLabel,
            NameRequired,
            RenameConfirm,
            Cancel,
            Duplicate,
            Delete,
            Undo,
            Empty,
            OpenMarker,
            StateSaved,
            StateModified,
            StateNotSaved,
            Untitled,
            CopySuffix,
            Changed,
            Tools,
            CopyLink,
            LinkField,
            LinkCopied,
            LinkKeepsLastValid,
            LinkSelected,
            Print,
            ExportJson,
            ExportAll,
            ExportCsv,
            Import,
            ConflictKeepMine,
            ConflictTakeTheirs,
            ConflictKeepBoth,
            ReportTitle,
            ReportDate,
            ReportLink,
            CsvScenario,
            CsvDate,
            CsvLink,
            CsvUnit,
            CsvInput,
            CsvResult,
            CsvMonth,
            DownloadBackup,
        ]
    };
}

/// A fixed text in `lang`.
pub fn library_text(lang: Lang, key: LibraryText) -> &'static str {
    use LibraryText::*;
    let (fr, en) = match key {
        Heading => ("Mes scénarios", "My scenarios"),
        Lead => (
            "Enregistrés dans ce navigateur seulement. Pour les transmettre, copiez le lien ou exportez-les.",
            "Saved in this browser only. To pass them on, copy the link or export them.",
        ),
        Save => ("Enregistrer", "Save"),
        SaveAs => ("Enregistrer comme nouveau", "Save as new"),
        Open => ("Ouvrir", "Open"),
        Rename => ("Renommer", "Rename"),
        RenameLabel => ("Nouveau nom", "New name"),
        NameRequired => ("Donnez un nom au scénario.", "Give the scenario a name."),
        RenameConfirm => ("Valider", "OK"),
        Cancel => ("Annuler", "Cancel"),
        Duplicate => ("Dupliquer", "Duplicate"),
        Delete => ("Supprimer", "Delete"),
        Undo => ("Annuler", "Undo"),
        Empty => (
            "Aucun scénario enregistré pour l’instant. «\u{a0}Enregistrer\u{a0}» garde le scénario affiché.",
            "No saved scenario yet. “Save” keeps the scenario on screen.",
        ),
        OpenMarker => ("affiché", "on screen"),
        StateSaved => ("Enregistré", "Saved"),
        StateModified => ("Modifications non enregistrées", "Unsaved changes"),
        StateNotSaved => ("Pas encore enregistré", "Not saved yet"),
        Untitled => ("Scénario sans nom", "Untitled scenario"),
        CopySuffix => (" (copie)", " (copy)"),
        Changed => ("modifié le", "changed"),
        Tools => ("Partager et exporter", "Share and export"),
        CopyLink => ("Copier le lien", "Copy link"),
        LinkField => ("Lien de ce scénario", "Link to this scenario"),
        LinkCopied => ("Lien copié dans le presse-papiers.", "Link copied to the clipboard."),
        LinkKeepsLastValid => (
            "Attention\u{a0}: un champ est à corriger, le lien garde sa dernière valeur valide.",
            "Note: a field needs fixing; the link keeps its last valid value.",
        ),
        LinkSelected => (
            "Copie automatique impossible\u{a0}: le lien est sélectionné ci-dessous, copiez-le avec Ctrl+C (⌘+C sur Mac).",
            "Automatic copy is not available: the link is selected below, copy it with Ctrl+C (⌘+C on a Mac).",
        ),
        Print => ("Imprimer", "Print"),
        ExportJson => ("Exporter ce scénario (JSON)", "Export this scenario (JSON)"),
        ExportAll => ("Exporter tous mes scénarios (JSON)", "Export all my scenarios (JSON)"),
        ExportCsv => ("Exporter pour un tableur (CSV)", "Export for a spreadsheet (CSV)"),
        Import => ("Importer un fichier JSON", "Import a JSON file"),
        ConflictKeepMine => ("Garder ma version", "Keep my version"),
        ConflictTakeTheirs => ("Prendre l’autre version", "Take the other version"),
        ConflictKeepBoth => ("Garder les deux", "Keep both"),
        ReportTitle => (
            "ROI d’une campagne de téléprospection au résultat",
            "ROI of a pay-per-meeting telemarketing campaign",
        ),
        ReportDate => ("Édité le", "Printed on"),
        ReportLink => ("Lien\u{a0}:", "Link:"),
        CsvScenario => ("Scénario", "Scenario"),
        CsvDate => ("Date", "Date"),
        CsvLink => ("Lien", "Link"),
        CsvUnit => ("Unité", "Unit"),
        CsvInput => ("Donnée", "Input"),
        CsvResult => ("Résultat", "Result"),
        CsvMonth => ("mois", "month"),
        DownloadBackup => ("Télécharger la copie brute", "Download the raw copy"),
    };
    lang.pick(fr, en)
}

/// What the library just did, in one sentence.
pub fn said_text(lang: Lang, said: &Said) -> String {
    let q = |name: &str| quoted(lang, name);
    match said {
        Said::Saved(name) => lang.pick(format!("{} enregistré.", q(name)), format!("{} saved.", q(name))),
        Said::SavedNew(name) => lang.pick(
            format!("{} enregistré comme nouveau scénario.", q(name)),
            format!("{} saved as a new scenario.", q(name)),
        ),
        Said::Renamed(name) => lang.pick(format!("Renommé en {}.", q(name)), format!("Renamed to {}.", q(name))),
        Said::Duplicated(name) => lang.pick(format!("Copie créée\u{a0}: {}.", q(name)), format!("Copy made: {}.", q(name))),
        Said::Deleted(name) => lang.pick(format!("{} supprimé.", q(name)), format!("{} deleted.", q(name))),
        Said::Restored(name) => lang.pick(format!("{} rétabli.", q(name)), format!("{} restored.", q(name))),
        Said::Opened(name) => lang.pick(format!("{} ouvert.", q(name)), format!("{} opened.", q(name))),
        Said::BackToPrevious => lang
            .pick("Le scénario précédent est revenu.", "The previous scenario is back.")
            .to_string(),
        Said::UpdatedElsewhere(name) => lang.pick(
            format!("{} a été modifié dans un autre onglet\u{a0}: la nouvelle version est affichée.", q(name)),
            format!("{} was changed in another tab: the new version is shown.", q(name)),
        ),
        Said::Conflict(name) => lang.pick(
            format!("{} a été modifié dans un autre onglet depuis que vous l’avez ouvert. Rien n’a été écrasé\u{a0}: que voulez-vous garder\u{a0}?", q(name)),
            format!("{} was changed in another tab since you opened it. Nothing was overwritten: what do you want to keep?", q(name)),
        ),
        Said::LinkOpened => lang
            .pick(
                "Scénario ouvert depuis un lien\u{a0}: il n’entre dans vos scénarios que si vous l’enregistrez.",
                "Scenario opened from a link: it joins your scenarios only if you save it.",
            )
            .to_string(),
        Said::Imported {
            count,
            skipped,
            left_out,
        } => {
            let one = |n: usize| lang.singular(n as u64);
            let scenarios = match (lang, one(*count)) {
                (Lang::Fr, true) => format!("{count} scénario importé"),
                (Lang::Fr, false) => format!("{count} scénarios importés"),
                (Lang::En, true) => format!("{count} scenario imported"),
                (Lang::En, false) => format!("{count} scenarios imported"),
            };
            let values = match (lang, one(*skipped)) {
                (Lang::Fr, true) => format!("{skipped} valeur non reprise"),
                (Lang::Fr, false) => format!("{skipped} valeurs non reprises"),
                (Lang::En, true) => format!("{skipped} value not taken"),
                (Lang::En, false) => format!("{skipped} values not taken"),
            };
            // What did not fit, and why: the list's limit and the room it had.
            let room = match (lang, one(*left_out)) {
                (_, _) if *left_out == 0 => String::new(),
                (Lang::Fr, true) => format!("\u{a0}; {left_out} non importé\u{a0}: la liste garde au plus {MAX_SAVED} scénarios et n’avait de la place que pour {count}."),
                (Lang::Fr, false) => format!("\u{a0}; {left_out} non importés\u{a0}: la liste garde au plus {MAX_SAVED} scénarios et n’avait de la place que pour {count}."),
                (Lang::En, _) => format!("; {left_out} not imported: the list holds at most {MAX_SAVED} scenarios and had room for {count} only."),
            };
            match (lang, skipped, left_out) {
                (Lang::Fr, 0, 0) => format!("{scenarios} dans vos scénarios."),
                (Lang::En, 0, 0) => format!("{scenarios} into your scenarios."),
                (_, 0, _) => format!("{scenarios}{room}"),
                (Lang::Fr, _, 0) => format!("{scenarios}\u{a0}; {values}\u{a0}:"),
                (Lang::En, _, 0) => format!("{scenarios}; {values}:"),
                (Lang::Fr, _, _) => format!("{scenarios}{room} {values}\u{a0}:"),
                (Lang::En, _, _) => format!("{scenarios}{room} {values}:"),
            }
        }
        Said::ImportNoRoom { count } => lang.pick(
            format!("Rien n’a été importé\u{a0}: la liste est pleine ({MAX_SAVED} scénarios au plus) et le fichier en apporte {count}. Supprimez des scénarios pour faire de la place, puis importez de nouveau."),
            format!("Nothing was imported: the list is full ({MAX_SAVED} scenarios at most) and the file brings {count}. Delete scenarios to make room, then import again."),
        ),
        Said::Raced(name) => lang.pick(
            format!("{} a été enregistré dans un autre onglet au même instant, et c’est sa version qui est gardée dans vos scénarios. La vôtre est toujours affichée\u{a0}: laquelle voulez-vous garder\u{a0}?", q(name)),
            format!("{} was saved in another tab at the same instant, and its version is the one kept in your scenarios. Yours is still on screen: which do you want to keep?", q(name)),
        ),
        Said::ChangedMeanwhile => lang
            .pick(
                "Vos scénarios ont été modifiés dans un autre onglet au même moment\u{a0}: rien n’a été écrit. Réessayez.",
                "Your scenarios were changed in another tab at the same moment: nothing was written. Try again.",
            )
            .to_string(),
        Said::ImportFailed => lang
            .pick("Rien n’a été importé\u{a0}:", "Nothing was imported:")
            .to_string(),
        Said::SaveFailed => lang
            .pick(
                "L’enregistrement a échoué (stockage plein\u{a0}?)\u{a0}: la copie enregistrée précédente est intacte.",
                "Saving failed (storage full?): the previous saved copy is intact.",
            )
            .to_string(),
        Said::InMemory => lang
            .pick(
                "Enregistrement local désactivé\u{a0}: cette liste ne dure que le temps de la page. Exportez-la pour la garder.",
                "Local saving is off: this list lasts only while the page is open. Export it to keep it.",
            )
            .to_string(),
        Said::Full => lang
            .pick(
                "La liste est pleine\u{a0}: supprimez un scénario avant d’en enregistrer un autre.",
                "The list is full: delete a scenario before saving another one.",
            )
            .to_string(),
        Said::ReadOnly => lang
            .pick(
                "Vos scénarios enregistrés viennent d’une version plus récente ou sont illisibles\u{a0}: ils ne sont pas modifiés ici.",
                "Your saved scenarios come from a newer version or cannot be read: they are not changed here.",
            )
            .to_string(),
    }
}

/// One thing an import did not take, in words.
pub fn import_problem_text(lang: Lang, problem: &ImportProblem) -> String {
    let why = match &problem.issue {
        ImportIssue::TooLarge { bytes } => lang.pick(
            format!(
                "fichier trop volumineux ({}\u{a0}; {} au plus)",
                size(lang, *bytes),
                size(lang, MAX_IMPORT_BYTES)
            ),
            format!(
                "file too large ({}; {} at most)",
                size(lang, *bytes),
                size(lang, MAX_IMPORT_BYTES)
            ),
        ),
        ImportIssue::NotJson => lang
            .pick("ce fichier n’est pas du JSON", "this file is not JSON")
            .to_string(),
        ImportIssue::NotAnExport => lang
            .pick(
                "ce fichier n’est pas un export de ce calculateur",
                "this file is not an export of this calculator",
            )
            .to_string(),
        ImportIssue::Newer(schema) => lang.pick(
            format!("fichier d’une version plus récente du calculateur (schéma {schema})"),
            format!("file from a newer version of the calculator (schema {schema})"),
        ),
        ImportIssue::NoScenarios => lang
            .pick(
                "le fichier ne contient aucun scénario",
                "the file holds no scenario",
            )
            .to_string(),
        ImportIssue::TooManyScenarios { found } => lang.pick(
            format!("le fichier contient {found} scénarios\u{a0}: seuls les {MAX_SAVED} premiers sont lus, la liste n’en garde pas plus"),
            format!("the file holds {found} scenarios: only the first {MAX_SAVED} are read, the list holds no more"),
        ),
        ImportIssue::Cut { max } => lang.pick(
            format!("trop long, coupé à {max}\u{a0}caractères"),
            format!("too long, cut to {max} characters"),
        ),
        ImportIssue::NotAScenario => lang
            .pick("ce n’est pas un scénario", "this is not a scenario")
            .to_string(),
        ImportIssue::UnknownKey => lang
            .pick("nom inconnu, ignoré", "unknown name, ignored")
            .to_string(),
        ImportIssue::NotAValue => lang
            .pick(
                "ni un texte ni un nombre, ignoré",
                "neither text nor a number, ignored",
            )
            .to_string(),
        ImportIssue::Invalid(issue) => {
            let field = problem.key.rsplit('.').next().and_then(Field::from_key);
            let detail = field
                .map(|field| super::problem_message(lang, field, issue))
                .or_else(|| super::track::key_problem(lang, &problem.key, issue))
                .unwrap_or_default();
            lang.pick(
                format!("valeur refusée, la valeur par défaut est gardée. {detail}"),
                format!("value rejected, the default is kept. {detail}"),
            )
        }
        ImportIssue::TooManyCheckpoints { found } => lang.pick(
            format!("{found} points d’étape\u{a0}: seuls les {MAX_CHECKPOINTS} premiers sont lus"),
            format!("{found} checkpoints: only the first {MAX_CHECKPOINTS} are read"),
        ),
        ImportIssue::Checkpoint(refusal) => {
            let field = crate::engine::tracking::parse_checkpoint_key(&problem.key)
                .map_or(crate::engine::tracking::CheckpointField::Week, |(_, f)| f);
            super::track::refused_checkpoint(lang, field, refusal)
        }
        ImportIssue::Missing => lang
            .pick(
                "absent, la valeur par défaut est utilisée",
                "missing, the default is used",
            )
            .to_string(),
    };
    let place = match (problem.scenario, problem.key.is_empty()) {
        (None, _) => String::new(),
        (Some(n), true) => lang.pick(format!("Scénario {n}\u{a0}: "), format!("Scenario {n}: ")),
        (Some(n), false) => lang.pick(
            format!("Scénario {n}, {}\u{a0}: ", quoted(lang, &problem.key)),
            format!("Scenario {n}, {}: ", quoted(lang, &problem.key)),
        ),
    };
    let text = format!("{place}{why}");
    // Sentence case when the reason starts the line.
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// A local date and time: `29/11/2026 à 14:05` / `2026-11-29 14:05`.
pub fn date_time(
    lang: Lang,
    (year, month, day, hour, minute): (u32, u32, u32, u32, u32),
) -> String {
    match lang {
        Lang::Fr => format!("{day:02}/{month:02}/{year} à {hour:02}:{minute:02}"),
        Lang::En => format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_quote_names_in_each_language() {
        let said = Said::Deleted("Plan A".into());
        assert_eq!(said_text(Lang::Fr, &said), "«\u{a0}Plan A\u{a0}» supprimé.");
        assert_eq!(said_text(Lang::En, &said), "“Plan A” deleted.");
    }

    #[test]
    fn an_import_problem_names_the_scenario_the_key_and_the_rule() {
        let problem = ImportProblem {
            scenario: Some(2),
            key: "prudent.win".into(),
            issue: ImportIssue::Invalid(crate::engine::Problem::AboveMax { max: 100.into() }),
        };
        let fr = import_problem_text(Lang::Fr, &problem);
        assert!(
            fr.starts_with("Scénario 2, «\u{a0}prudent.win\u{a0}»\u{a0}: valeur refusée"),
            "{fr}"
        );
        assert!(fr.contains("100"), "{fr}");
        let whole = ImportProblem {
            scenario: None,
            key: String::new(),
            issue: ImportIssue::NotJson,
        };
        assert_eq!(
            import_problem_text(Lang::En, &whole),
            "This file is not JSON"
        );
    }

    /// French typography: a no-break space before `:` `;` `?` `!`, the
    /// typographic apostrophe; English without French spacing.
    fn check_typography(fr: &str, en: &str) {
        assert!(!fr.trim().is_empty() && !en.trim().is_empty());
        for bad in [" :", " ;", " ?", " !", "'", "\u{a0}\u{a0}"] {
            assert!(!fr.contains(bad), "{bad:?} in {fr:?}");
        }
        for mark in [':', ';', '?', '!'] {
            for (i, _) in fr.match_indices(mark) {
                assert_eq!(
                    fr[..i].chars().next_back(),
                    Some('\u{a0}'),
                    "before {mark:?} in {fr:?}"
                );
            }
        }
        for bad in ["\u{a0}", "'", "  "] {
            assert!(!en.contains(bad), "{bad:?} in {en:?}");
        }
    }

    #[test]
    fn every_text_follows_each_languages_typography() {
        for key in LibraryText::ALL {
            check_typography(library_text(Lang::Fr, key), library_text(Lang::En, key));
        }
        let name = || "Plan A".to_string();
        let said = [
            Said::Saved(name()),
            Said::SavedNew(name()),
            Said::Renamed(name()),
            Said::Duplicated(name()),
            Said::Deleted(name()),
            Said::Restored(name()),
            Said::Opened(name()),
            Said::BackToPrevious,
            Said::UpdatedElsewhere(name()),
            Said::Conflict(name()),
            Said::LinkOpened,
            Said::Imported {
                count: 2,
                skipped: 0,
                left_out: 0,
            },
            Said::Imported {
                count: 2,
                skipped: 3,
                left_out: 0,
            },
            Said::Imported {
                count: 299,
                skipped: 0,
                left_out: 1,
            },
            Said::Imported {
                count: 1,
                skipped: 2,
                left_out: 200,
            },
            Said::ImportFailed,
            Said::ImportNoRoom { count: 12 },
            Said::Raced(name()),
            Said::ChangedMeanwhile,
            Said::SaveFailed,
            Said::InMemory,
            Said::Full,
            Said::ReadOnly,
        ];
        for said in said {
            check_typography(&said_text(Lang::Fr, &said), &said_text(Lang::En, &said));
        }
        let imported = |lang, count, skipped| {
            said_text(
                lang,
                &Said::Imported {
                    count,
                    skipped,
                    left_out: 0,
                },
            )
        };
        assert_eq!(
            imported(Lang::Fr, 1, 0),
            "1 scénario importé dans vos scénarios."
        );
        assert_eq!(
            imported(Lang::Fr, 2, 1),
            "2 scénarios importés\u{a0}; 1 valeur non reprise\u{a0}:"
        );
        assert_eq!(
            imported(Lang::En, 1, 2),
            "1 scenario imported; 2 values not taken:"
        );
        assert_eq!(
            imported(Lang::En, 3, 0),
            "3 scenarios imported into your scenarios."
        );
        for issue in [
            ImportIssue::TooLarge { bytes: 5_000_000 },
            ImportIssue::NotJson,
            ImportIssue::NotAnExport,
            ImportIssue::Newer(4),
            ImportIssue::NoScenarios,
            ImportIssue::TooManyScenarios { found: 500 },
            ImportIssue::Cut { max: 80 },
            ImportIssue::NotAScenario,
            ImportIssue::UnknownKey,
            ImportIssue::NotAValue,
            ImportIssue::Invalid(crate::engine::Problem::NotANumber),
            ImportIssue::Missing,
        ] {
            let problem = ImportProblem {
                scenario: Some(1),
                key: "price".into(),
                issue,
            };
            check_typography(
                &import_problem_text(Lang::Fr, &problem),
                &import_problem_text(Lang::En, &problem),
            );
        }
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(
            date_time(Lang::Fr, (2026, 3, 7, 9, 5)),
            "07/03/2026 à 09:05"
        );
        assert_eq!(date_time(Lang::En, (2026, 3, 7, 9, 5)), "2026-03-07 09:05");
    }
}
