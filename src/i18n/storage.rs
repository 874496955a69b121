//! Texts about stored data that could not be used as it was: what was
//! found, what was kept and where, what was removed. They say exactly
//! what happened (a copy that could not be made is never said to be kept).
//!
//! French typography as in [`super::library`].

use super::{quoted, Lang};
use crate::store::backup::BACKUPS_KEPT;
use crate::store::{EntryLabel, Found, Kept, Source, StorageReport, MAX_SAVED};

/// Unreadable entries listed one by one; the rest are counted.
const SHOWN_ENTRIES: usize = 8;

/// A size in bytes as people read it: `812 octets`, `12,5 Ko`, `4,9 Mo`.
pub fn size(lang: Lang, bytes: usize) -> String {
    const KIB: usize = 1024;
    let (unit, fr, en) = match bytes {
        b if b < KIB => {
            let one = lang.singular(b as u64);
            return lang.pick(
                format!("{b}\u{a0}{}", if one { "octet" } else { "octets" }),
                format!("{b} {}", if one { "byte" } else { "bytes" }),
            );
        }
        b if b < KIB * KIB => (KIB, "Ko", "KB"),
        _ => (KIB * KIB, "Mo", "MB"),
    };
    // One decimal, rounded half up, without a trailing ",0".
    let tenths = (bytes.saturating_mul(10) + unit / 2) / unit;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let number = match tenth {
        0 => whole.to_string(),
        _ => format!("{whole}{}{tenth}", lang.pick(',', '.')),
    };
    lang.pick(format!("{number}\u{a0}{fr}"), format!("{number} {en}"))
}

/// The notice's sentence: what was found, what the page does now, and
/// where the data is.
pub fn report_text(lang: Lang, report: &StorageReport) -> String {
    let q = |key: &str| quoted(lang, key);
    let working = report.source == Source::Working;
    let found = match (&report.found, working) {
        (Found::Unreadable, true) => lang.pick(
            "Le scénario enregistré dans ce navigateur était illisible\u{a0}: le calculateur repart des valeurs par défaut.",
            "The scenario saved in this browser could not be read: the calculator starts from the defaults.",
        ),
        (Found::Unreadable, false) => lang.pick(
            "Vos scénarios enregistrés étaient illisibles\u{a0}: la liste repart vide.",
            "Your saved scenarios could not be read: the list starts empty.",
        ),
        (Found::Displaced, _) => lang.pick(
            "Des données illisibles ont pris la place du scénario enregistré dans ce navigateur (un autre onglet ou une autre version\u{a0}?)\u{a0}: le scénario affiché reste tel quel.",
            "Unreadable data took the place of the scenario saved in this browser (another tab or another version?): the scenario on screen stays as it is.",
        ),
        (Found::Repaired { .. }, _) if report.kept.is_none() => lang.pick(
            "Des scénarios enregistrés portaient le même identifiant\u{a0}: chacun a maintenant le sien, et tous sont dans la liste.",
            "Some saved scenarios had the same identifier: each now has its own, and all are in the list.",
        ),
        (Found::Repaired { .. }, _) => lang.pick(
            "Vos scénarios enregistrés n’ont pu être lus qu’en partie\u{a0}: ceux qui se lisent sont dans la liste, les autres sont dits ci-dessous.",
            "Your saved scenarios could be read only in part: those that could are in the list, the others are listed below.",
        ),
    };
    let what = match (&report.found, working) {
        (Found::Unreadable, true) => lang.pick("Sa copie brute", "Its raw copy"),
        (Found::Unreadable, false) => lang.pick("Leur copie brute", "Their raw copy"),
        (Found::Displaced, _) => lang.pick("Leur copie brute", "Their raw copy"),
        _ => lang.pick("La liste telle qu’elle était", "The list as it was"),
    };
    // Only a library read in part holds what an import can take back.
    let imports = match report.found {
        Found::Repaired { .. } => lang.pick(
            " Le fichier téléchargé s’importe dans «\u{a0}Mes scénarios\u{a0}».",
            " The downloaded file can be imported into “My scenarios”.",
        ),
        _ => "",
    };
    // What this page does about the value left in place.
    let in_place = match working {
        true => lang.pick(
            " Le scénario affiché n’est gardé que dans cet onglet.",
            " The scenario on screen is kept in this tab only.",
        ),
        false => "",
    };
    let kept = match &report.kept {
        None => String::new(),
        Some(Kept::Backup {
            key,
            bytes,
            dropped,
        }) => {
            let erased = if dropped.is_empty() {
                lang.pick("rien n’est effacé", "nothing was erased")
            } else {
                lang.pick(
                    "la plus ancienne copie a été supprimée (voir ci-dessous)",
                    "the oldest copy was deleted (see below)",
                )
            };
            lang.pick(
                format!(" {what} ({}) est gardée sous {}\u{a0}; {erased}.{imports}", size(lang, *bytes), q(key)),
                format!(" {what} ({}) is kept under {}; {erased}.{imports}", size(lang, *bytes), q(key)),
            )
        }
        Some(Kept::InPlace { key, bytes }) => lang.pick(
            format!(" Le stockage est trop plein pour en garder une copie\u{a0}: les données restent telles quelles sous {} ({}), et cette page n’écrit rien par-dessus. Téléchargez-les pour les garder.{in_place}", q(key), size(lang, *bytes)),
            format!(" Storage is too full to keep a copy: the data stays as it was under {} ({}), and this page writes nothing over it. Download it to keep it.{in_place}", q(key), size(lang, *bytes)),
        ),
    };
    format!("{found}{kept}")
}

/// The lines under the sentence: each entry left out, the entries past the
/// limit, the identifiers changed, the backups removed.
pub fn report_items(lang: Lang, report: &StorageReport) -> Vec<String> {
    let mut items = Vec::new();
    if let Found::Repaired {
        unreadable,
        beyond_cap,
        renumbered,
    } = &report.found
    {
        for entry in unreadable.iter().take(SHOWN_ENTRIES) {
            items.push(entry_text(lang, entry));
        }
        if let Some(more) = unreadable
            .len()
            .checked_sub(SHOWN_ENTRIES)
            .filter(|n| *n > 0)
        {
            items.push(super::page::ignored_more(lang, more));
        }
        let one = |n: usize| lang.singular(n as u64);
        if *beyond_cap > 0 {
            let n = *beyond_cap;
            items.push(match (lang, one(n)) {
                (Lang::Fr, true) => format!("{n} scénario au-delà des {MAX_SAVED} que la liste garde\u{a0}: gardé dans la copie"),
                (Lang::Fr, false) => format!("{n} scénarios au-delà des {MAX_SAVED} que la liste garde\u{a0}: gardés dans la copie"),
                (Lang::En, true) => format!("{n} scenario beyond the {MAX_SAVED} the list holds: kept in the copy"),
                (Lang::En, false) => format!("{n} scenarios beyond the {MAX_SAVED} the list holds: kept in the copy"),
            });
        }
        if *renumbered > 0 {
            let n = *renumbered;
            items.push(match (lang, one(n)) {
                (Lang::Fr, true) => {
                    format!("{n} identifiant en double remplacé (aucun scénario perdu)")
                }
                (Lang::Fr, false) => {
                    format!("{n} identifiants en double remplacés (aucun scénario perdu)")
                }
                (Lang::En, true) => format!("{n} duplicate identifier replaced (no scenario lost)"),
                (Lang::En, false) => {
                    format!("{n} duplicate identifiers replaced (no scenario lost)")
                }
            });
        }
    }
    if let Some(Kept::Backup { dropped, .. }) = &report.kept {
        for key in dropped {
            items.push(lang.pick(
                format!("{}, la plus ancienne copie, a été supprimée pour n’en garder que {BACKUPS_KEPT}", quoted(lang, key)),
                format!("{}, the oldest copy, was deleted to keep {BACKUPS_KEPT} at most", quoted(lang, key)),
            ));
        }
    }
    items
}

fn entry_text(lang: Lang, entry: &EntryLabel) -> String {
    let n = entry.position;
    match &entry.name {
        Some(name) => lang.pick(
            format!(
                "Entrée {n} ({})\u{a0}: illisible, gardée dans la copie",
                quoted(lang, name)
            ),
            format!(
                "Entry {n} ({}): unreadable, kept in the copy",
                quoted(lang, name)
            ),
        ),
        None => lang.pick(
            format!("Entrée {n}\u{a0}: illisible, gardée dans la copie"),
            format!("Entry {n}: unreadable, kept in the copy"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(Lang::Fr, 1), "1\u{a0}octet");
        assert_eq!(size(Lang::En, 812), "812 bytes");
        assert_eq!(size(Lang::Fr, 12_800), "12,5\u{a0}Ko");
        assert_eq!(size(Lang::En, 4 * 1024 * 1024), "4 MB");
        assert_eq!(size(Lang::Fr, 5_138_022), "4,9\u{a0}Mo");
    }

    fn backup(dropped: Vec<String>) -> Option<Kept> {
        Some(Kept::Backup {
            key: "teleprospection-roi/unreadable-backup.2".into(),
            bytes: 5_138_022,
            dropped,
        })
    }

    #[test]
    fn a_copy_is_said_kept_only_when_it_was_made() {
        let kept = StorageReport {
            source: Source::Working,
            found: Found::Unreadable,
            kept: backup(Vec::new()),
        };
        let fr = report_text(Lang::Fr, &kept);
        assert!(
            fr.contains("«\u{a0}teleprospection-roi/unreadable-backup.2\u{a0}»"),
            "{fr}"
        );
        assert!(fr.contains("4,9\u{a0}Mo"), "{fr}");
        assert!(fr.contains("rien n’est effacé"), "{fr}");
        let in_place = StorageReport {
            kept: Some(Kept::InPlace {
                key: "teleprospection-roi/working".into(),
                bytes: 5_138_022,
            }),
            ..kept.clone()
        };
        for lang in Lang::ALL {
            let text = report_text(lang, &in_place);
            assert!(!text.contains("rien n’est effacé") && !text.contains("nothing was erased"));
            assert!(text.contains("teleprospection-roi/working"), "{text}");
        }
        let dropped = StorageReport {
            kept: backup(vec!["teleprospection-roi/unreadable-backup".into()]),
            ..kept
        };
        let en = report_text(Lang::En, &dropped);
        assert!(!en.contains("nothing was erased"), "{en}");
        let items = report_items(Lang::En, &dropped);
        assert_eq!(
            items,
            ["“teleprospection-roi/unreadable-backup”, the oldest copy, was deleted to keep 5 at most"]
        );
    }

    #[test]
    fn a_repaired_library_lists_every_entry_left_out() {
        let report = StorageReport {
            source: Source::Library,
            found: Found::Repaired {
                unreadable: (1..=10)
                    .map(|position| EntryLabel {
                        position,
                        name: (position == 3).then(|| "Plan B".to_string()),
                    })
                    .collect(),
                beyond_cap: 9_700,
                renumbered: 1,
            },
            kept: backup(Vec::new()),
        };
        let items = report_items(Lang::Fr, &report);
        assert_eq!(
            items[2],
            "Entrée 3 («\u{a0}Plan B\u{a0}»)\u{a0}: illisible, gardée dans la copie"
        );
        assert_eq!(items[8], "… et 2 autres");
        assert!(
            items[9].starts_with("9700 scénarios au-delà des 300"),
            "{}",
            items[9]
        );
        assert!(
            items[10].starts_with("1 identifiant en double"),
            "{}",
            items[10]
        );
    }

    /// French typography: a no-break space before `:` `;` `?` `!` and
    /// inside « », the typographic apostrophe; English without either.
    #[test]
    fn every_text_follows_each_languages_typography() {
        let kept = [
            None,
            backup(Vec::new()),
            backup(vec!["k".into()]),
            Some(Kept::InPlace {
                key: "k".into(),
                bytes: 12,
            }),
        ];
        let found = [
            Found::Unreadable,
            Found::Displaced,
            Found::Repaired {
                unreadable: vec![
                    EntryLabel {
                        position: 1,
                        name: None,
                    },
                    EntryLabel {
                        position: 2,
                        name: Some("B".into()),
                    },
                ],
                beyond_cap: 2,
                renumbered: 1,
            },
        ];
        for source in [Source::Working, Source::Library] {
            for found in &found {
                for kept in &kept {
                    let report = StorageReport {
                        source,
                        found: found.clone(),
                        kept: kept.clone(),
                    };
                    let texts = |lang| {
                        let mut all = vec![report_text(lang, &report)];
                        all.extend(report_items(lang, &report));
                        all
                    };
                    for (fr, en) in texts(Lang::Fr).iter().zip(texts(Lang::En)) {
                        for bad in [" :", " ;", " ?", " !", "'", "« ", " »"] {
                            assert!(!fr.contains(bad), "{bad:?} in {fr:?}");
                        }
                        for bad in ["\u{a0}", "'"] {
                            assert!(!en.contains(bad), "{bad:?} in {en:?}");
                        }
                    }
                }
            }
        }
    }
}
