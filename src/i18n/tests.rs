use rust_decimal::Decimal;

use super::*;
use crate::engine::{Field, FieldKind, FigureId, Problem, Undefined};

const UNDEFINED: [Undefined; 8] = [
    Undefined::NoCost,
    Undefined::NoHeldMeetings,
    Undefined::NoBilledMeetings,
    Undefined::NoSales,
    Undefined::NoMarginPerSale,
    Undefined::TargetIsMinusHundred,
    Undefined::NeverPaysBack,
    Undefined::Overflow,
];

/// Fails to compile when a variant is added, so the lists above get updated.
#[allow(dead_code)]
fn lists_are_complete(why: Undefined, problem: Problem) {
    match why {
        Undefined::NoCost
        | Undefined::NoHeldMeetings
        | Undefined::NoBilledMeetings
        | Undefined::NoSales
        | Undefined::NoMarginPerSale
        | Undefined::TargetIsMinusHundred
        | Undefined::NeverPaysBack
        | Undefined::Overflow => {}
    }
    match problem {
        Problem::Empty
        | Problem::NotANumber
        | Problem::NotAWholeNumber
        | Problem::TooManyDecimals { .. }
        | Problem::BelowMin { .. }
        | Problem::AboveMax { .. }
        | Problem::UnknownChoice => {}
    }
}

fn problems(field: Field) -> Vec<Problem> {
    let spec = field.spec();
    vec![
        Problem::Empty,
        Problem::NotANumber,
        Problem::NotAWholeNumber,
        Problem::TooManyDecimals { max: 0 },
        Problem::TooManyDecimals { max: 1 },
        Problem::TooManyDecimals { max: 2 },
        Problem::BelowMin { min: spec.min },
        Problem::AboveMax { max: spec.max },
        Problem::UnknownChoice,
    ]
}

/// Asserts both texts are there and, when `differ`, not the same.
fn check_pair(what: &str, fr: &str, en: &str, differ: bool) {
    assert!(!fr.trim().is_empty(), "{what}: French text missing");
    assert!(!en.trim().is_empty(), "{what}: English text missing");
    if differ {
        assert_ne!(fr, en, "{what}: French and English are the same");
    }
}

/// French typography: no-break space before `:` `;` `?` `!` `%` `€`, the
/// typographic apostrophe.
fn check_french(what: &str, fr: &str) {
    for bad in [" :", " ;", " ?", " !", " %", " €", "'", "\u{a0}\u{a0}"] {
        assert!(!fr.contains(bad), "{what}: {bad:?} in {fr:?}");
    }
    for mark in [':', ';', '?', '!'] {
        for (i, _) in fr.match_indices(mark) {
            let before = fr[..i].chars().next_back();
            assert_eq!(
                before,
                Some('\u{a0}'),
                "{what}: no-break space before {mark:?} in {fr:?}"
            );
        }
    }
}

fn check_english(what: &str, en: &str) {
    for bad in ["\u{a0}:", " %", "'", "  "] {
        assert!(!en.contains(bad), "{what}: {bad:?} in {en:?}");
    }
}

fn check_texts(what: &str, fr: &str, en: &str, differ: bool) {
    check_pair(what, fr, en, differ);
    check_french(what, fr);
    check_english(what, en);
}

#[test]
fn every_field_has_texts() {
    for field in Field::ALL {
        let (fr, en) = (field_label(Lang::Fr, field), field_label(Lang::En, field));
        check_texts(&format!("label {field:?}"), fr, en, true);
        let (fr, en) = (field_help(Lang::Fr, field), field_help(Lang::En, field));
        check_texts(&format!("help {field:?}"), fr, en, true);
        assert!(
            fr.ends_with('.') && en.ends_with('.'),
            "help {field:?} ends with a period"
        );
    }
}

#[test]
fn units_follow_the_kind() {
    for field in Field::ALL {
        let (fr, en) = (field_unit(Lang::Fr, field), field_unit(Lang::En, field));
        match field.spec().kind {
            FieldKind::Count | FieldKind::Choice(_) => assert_eq!((fr, en), ("", "")),
            FieldKind::Months | FieldKind::Years => check_pair("unit", fr, en, true),
            _ => {
                assert_eq!(fr, en);
                assert!(!fr.is_empty());
            }
        }
    }
    assert_eq!(field_unit(Lang::Fr, Field::Price), "€");
    assert_eq!(field_unit(Lang::Fr, Field::Noshow), "%");
    assert_eq!(field_unit(Lang::Fr, Field::Months), "mois");
    assert_eq!(field_unit(Lang::En, Field::Months), "months");
    assert_eq!(field_unit(Lang::Fr, Field::Years), "ans");
    assert_eq!(field_unit(Lang::En, Field::Hours), "h");
    assert_eq!(field_unit(Lang::En, Field::Multiple), "×");
    assert_eq!(field_unit(Lang::En, Field::Meetings), "");
}

/// The short line under a box says something its label does not: it never
/// repeats the label (the help stands on its own).
#[test]
fn no_hint_repeats_its_label() {
    for field in Field::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let (label, hint) = (field_label(lang, field), field_hint(lang, field));
            check_pair(&format!("hint {field:?}"), hint, hint, false);
            let fold = |text: &str| text.to_lowercase().replace('\u{a0}', " ");
            assert!(
                !fold(hint).contains(&fold(label)) && !fold(label).contains(&fold(hint)),
                "{field:?} ({lang:?}): the hint {hint:?} repeats the label {label:?}"
            );
        }
        check_texts(
            &format!("hint {field:?}"),
            field_hint(Lang::Fr, field),
            field_hint(Lang::En, field),
            true,
        );
    }
}

#[test]
fn every_choice_has_a_label() {
    let mut choices = 0;
    for field in Field::ALL {
        if let FieldKind::Choice(tokens) = field.spec().kind {
            for token in tokens {
                let (fr, en) = (
                    choice_label(Lang::Fr, field, token),
                    choice_label(Lang::En, field, token),
                );
                check_texts(&format!("choice {field:?} {token}"), fr, en, true);
                choices += 1;
            }
        }
    }
    assert_eq!(choices, 4);
    assert_eq!(choice_label(Lang::Fr, Field::Basis, "nope"), "");
    assert_eq!(choice_label(Lang::Fr, Field::Price, "booked"), "");
}

#[test]
fn every_figure_has_texts() {
    for id in FigureId::ALL {
        let (fr, en) = (figure_label(Lang::Fr, id), figure_label(Lang::En, id));
        check_texts(&format!("label {id:?}"), fr, en, id != FigureId::Roi);
        let (fr, en) = (figure_help(Lang::Fr, id), figure_help(Lang::En, id));
        check_texts(&format!("help {id:?}"), fr, en, true);
        assert!(
            fr.ends_with('.') && en.ends_with('.'),
            "help {id:?} ends with a period"
        );
    }
}

#[test]
fn roi_help_explains_with_the_figures_on_screen() {
    // The help stands on its own (no "article" a visitor never read) and
    // the explanation quotes the scenario's own figures, here the defaults'.
    use super::answer::roi_explanation;
    for lang in Lang::ALL {
        assert!(!figure_help(lang, FigureId::Roi).contains("article"));
    }
    let fr = roi_explanation(
        Lang::Fr,
        "22\u{202f}800\u{a0}€",
        "6\u{202f}000\u{a0}€",
        "+380\u{a0}%",
        "+280\u{a0}%",
    );
    assert!(
        fr.contains("+380\u{a0}%") && fr.contains("+280\u{a0}%") && fr.contains("deux fois"),
        "{fr}"
    );
    assert!(fr.contains("22\u{202f}800\u{a0}€") && fr.contains("6\u{202f}000\u{a0}€"));
    let en = roi_explanation(Lang::En, "€22,800", "€6,000", "+380%", "+280%");
    assert!(
        en.contains("+380%") && en.contains("+280%") && en.contains("twice"),
        "{en}"
    );
    check_texts("roi explanation", &fr, &en, true);
}

#[test]
fn every_undefined_reason_has_texts() {
    for why in UNDEFINED {
        let (fr, en) = (
            undefined_reason(Lang::Fr, why),
            undefined_reason(Lang::En, why),
        );
        check_texts(&format!("{why:?}"), fr, en, true);
    }
}

#[test]
fn every_problem_has_a_message() {
    for field in Field::ALL {
        for problem in problems(field) {
            let fr = problem_message(Lang::Fr, field, &problem);
            let en = problem_message(Lang::En, field, &problem);
            check_texts(&format!("{field:?} {problem:?}"), &fr, &en, true);
        }
        let (fr, en) = (
            parse_error_message(Lang::Fr, field),
            parse_error_message(Lang::En, field),
        );
        check_texts(&format!("parse {field:?}"), &fr, &en, true);
    }
}

#[test]
fn problem_messages_write_bounds_in_the_locale() {
    let m = |lang, field, problem| problem_message(lang, field, &problem);
    assert_eq!(
        m(Lang::Fr, Field::Noshow, Problem::NotANumber),
        "Entrez un nombre entre 0 et 100\u{a0}%."
    );
    assert_eq!(
        m(Lang::En, Field::Noshow, Problem::NotANumber),
        "Enter a number between 0 and 100%."
    );
    assert_eq!(
        m(
            Lang::Fr,
            Field::Meetings,
            Problem::BelowMin { min: Decimal::ONE }
        ),
        "Trop petit\u{a0}: entrez un nombre entier entre 1 et 1\u{202f}000\u{202f}000."
    );
    assert_eq!(
        m(
            Lang::En,
            Field::Price,
            Problem::AboveMax {
                max: Decimal::new(100_000, 0)
            }
        ),
        "Too large: enter a number between €0 and €100,000."
    );
    assert_eq!(
        m(Lang::Fr, Field::Price, Problem::Empty),
        "Ce champ est vide\u{a0}: entrez un nombre entre 0 et 100\u{202f}000\u{a0}€."
    );
    assert_eq!(
        m(Lang::Fr, Field::Target, Problem::NotANumber),
        "Entrez un nombre entre \u{2212}100 et 10\u{202f}000\u{a0}%."
    );
    assert_eq!(
        m(Lang::En, Field::Months, Problem::NotAWholeNumber),
        "No decimals here: enter a whole number between 1 and 36\u{a0}months."
    );
    assert_eq!(
        m(Lang::Fr, Field::Price, Problem::TooManyDecimals { max: 2 }),
        "2 décimales au plus."
    );
    assert_eq!(
        m(Lang::Fr, Field::Basis, Problem::UnknownChoice),
        "Choisissez «\u{a0}Tous, absences comprises\u{a0}» ou «\u{a0}Seuls les rendez-vous tenus\u{a0}»."
    );
}

#[test]
fn parse_error_examples_are_readable_in_their_locale() {
    assert_eq!(
        parse_error_message(Lang::Fr, Field::Price),
        "Nombre illisible. Écrivez par exemple 6\u{202f}000 ou 120,50 (virgule pour les décimales)."
    );
    assert_eq!(
        parse_error_message(Lang::En, Field::Meetings),
        "Unreadable number. Type a whole number, for example 1\u{202f}500."
    );
    for field in Field::ALL {
        for lang in Lang::ALL {
            let message = parse_error_message(lang, field);
            let examples = message
                .split(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{202f}')))
                .map(|s| s.trim_end_matches(['.', ',']))
                .filter(|s| s.starts_with(|c: char| c.is_ascii_digit()));
            for example in examples {
                assert!(
                    crate::format::parse_number(example, lang).is_ok(),
                    "{example:?} in {message:?}"
                );
            }
        }
    }
}

#[test]
fn groups_hold_every_field_once() {
    let mut seen: Vec<Field> = InputGroup::ALL
        .iter()
        .flat_map(|g| g.fields().iter().copied())
        .collect();
    assert_eq!(seen.len(), Field::ALL.len());
    seen.dedup();
    for field in Field::ALL {
        assert_eq!(seen.iter().filter(|f| **f == field).count(), 1, "{field:?}");
    }
    for group in InputGroup::ALL {
        check_texts(
            group.key(),
            group_label(Lang::Fr, group),
            group_label(Lang::En, group),
            true,
        );
    }
}

#[test]
fn language_codes() {
    assert_eq!(Lang::default(), Lang::Fr);
    assert_eq!(Lang::Fr.code(), "fr");
    assert_eq!(Lang::En.code(), "en");
    for (code, lang) in [
        ("fr", Some(Lang::Fr)),
        ("fr-FR", Some(Lang::Fr)),
        ("FR_ca", Some(Lang::Fr)),
        (" fr-BE ", Some(Lang::Fr)),
        ("en", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("EN-us", Some(Lang::En)),
        ("de-DE", None),
        ("", None),
        ("f", None),
        ("french", None),
        ("ﬀr", None),
    ] {
        assert_eq!(Lang::from_code(code), lang, "{code:?}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::Fr.native_name(), "Français");
    assert_eq!(Lang::En.native_name(), "English");
    assert_eq!(Lang::En.pick(1, 2), 2);
}

#[test]
fn risk_texts_are_complete_and_typeset() {
    use super::risk::*;
    use crate::engine::risk::{RangeProblem, RiskFigureId};
    for key in RiskText::ALL {
        let (fr, en) = (risk_text(Lang::Fr, key), risk_text(Lang::En, key));
        // "ROI" is the same word in both languages.
        check_texts(&format!("{key:?}"), fr, en, key != RiskText::Roi);
    }
    for id in RiskFigureId::ALL {
        let (fr, en) = (
            risk_figure_label(Lang::Fr, id),
            risk_figure_label(Lang::En, id),
        );
        check_texts(&format!("{id:?}"), fr, en, true);
    }
    let spec = crate::engine::RangeField::ALL[0].spec();
    for problem in [
        RangeProblem::AboveLikely {
            likely: Decimal::TEN,
        },
        RangeProblem::BelowLikely {
            likely: Decimal::TEN,
        },
        RangeProblem::Invalid(Problem::Empty),
    ] {
        let problem = crate::entry::Rejected::Range(problem);
        let fr = crate::i18n::rejected_message(Lang::Fr, &spec, &problem, &[]);
        let en = crate::i18n::rejected_message(Lang::En, &spec, &problem, &[]);
        check_texts(&format!("{problem:?}"), &fr, &en, true);
    }
}

#[test]
fn the_risk_reading_gives_the_odds_in_words() {
    use super::risk::risk_reading;
    let reading =
        |lang, p, loss| risk_reading(lang, p, "x", "12\u{a0}300\u{a0}€", loss, "10\u{a0}000");
    assert_eq!(
        reading(Lang::Fr, 0.125, false),
        "Sur 10\u{a0}000\u{a0}tirages, environ 1 chance sur 8 (x) de perdre de l’argent\u{a0}; \
         dans 9 cas sur 10, le résultat net atteint au moins 12\u{a0}300\u{a0}€."
    );
    assert_eq!(
        reading(Lang::En, 0.7, true),
        "Over 10\u{a0}000 trials, about 7 chances in 10 (x) of losing money; \
         in 9 cases out of 10 the loss is at most 12\u{a0}300\u{a0}€."
    );
    assert!(reading(Lang::Fr, 0.0, false).starts_with("Aucun des"));
    assert!(reading(Lang::En, 1.0, true).starts_with("All 10"));
    assert!(reading(Lang::En, 0.001, false).contains("less than 1 chance in 200"));
    assert!(reading(Lang::Fr, 0.9, true).contains("environ 9 chances sur 10"));
    assert!(reading(Lang::Fr, 0.97, true).contains("plus de 9 chances sur 10"));
    assert!(reading(Lang::En, 0.999, true).contains("more than 199 chances in 200"));
    for p in [0.0, 0.001, 0.2, 0.5, 0.51, 0.97, 0.99, 0.999, 1.0] {
        for loss in [false, true] {
            check_french("reading", &reading(Lang::Fr, p, loss));
            check_english("reading", &reading(Lang::En, p, loss));
        }
    }
}

#[test]
fn segment_texts_are_complete_and_typeset() {
    use super::segments::*;
    for key in SegmentText::ALL {
        let (fr, en) = (segment_text(Lang::Fr, key), segment_text(Lang::En, key));
        // "Segment" and "Actions" are the same word in both languages.
        let same = matches!(key, SegmentText::Segment | SegmentText::Actions);
        check_texts(&format!("{key:?}"), fr, en, !same);
    }
    for (fr, en) in [
        (
            segment_removed(Lang::Fr, "PME"),
            segment_removed(Lang::En, "PME"),
        ),
        (
            segment_loaded(Lang::Fr, "PME"),
            segment_loaded(Lang::En, "PME"),
        ),
        (
            segment_name_label(Lang::Fr, 2),
            segment_name_label(Lang::En, 2),
        ),
    ] {
        check_texts("segment message", &fr, &en, true);
    }
}

#[test]
fn page_texts_are_typeset() {
    use super::page::*;
    for key in Text::ALL {
        check_french(&format!("{key:?}"), text(Lang::Fr, key));
        check_english(&format!("{key:?}"), text(Lang::En, key));
    }
    let readings = [
        Reading::Profitable {
            per_euro: "3,80 €",
            roi: "+380 %",
            max_price: "600 €",
        },
        Reading::BreakEven {
            max_price: "600 €"
        },
        Reading::Loss {
            loss: "1 000 €",
            max_price: Some("90 €"),
        },
        Reading::Loss {
            loss: "1 000 €",
            max_price: None,
        },
        Reading::NoCost,
    ];
    for r in &readings {
        // The figures come formatted in the locale; only the wording is checked.
        check_french(
            "reading",
            &reading(Lang::Fr, r)
                .replace(" €", "\u{a0}€")
                .replace(" %", "\u{a0}%"),
        );
        check_english("reading", &reading(Lang::En, r).replace(" %", "%"));
    }
}

#[test]
fn an_ignored_link_key_is_quoted_the_way_each_language_quotes() {
    use crate::link::{Ignored, IgnoredReason};
    let with_value = Ignored {
        key: "renewal".into(),
        value: "2000".into(),
        reason: IgnoredReason::UnknownKey,
    };
    let bare = Ignored {
        value: String::new(),
        ..with_value.clone()
    };
    assert_eq!(
        page::ignored_text(Lang::Fr, &with_value),
        "«\u{a0}renewal=2000\u{a0}»\u{a0}: paramètre inconnu"
    );
    assert_eq!(
        page::ignored_text(Lang::En, &with_value),
        "“renewal=2000”: unknown parameter"
    );
    assert_eq!(
        page::ignored_text(Lang::En, &bare),
        "“renewal”: unknown parameter"
    );
    // A refused value of the main form says what the field takes.
    let refused = Ignored {
        key: "win".into(),
        value: "250".into(),
        reason: IgnoredReason::Invalid(Problem::AboveMax {
            max: Decimal::ONE_HUNDRED,
        }),
    };
    let fr = page::ignored_text(Lang::Fr, &refused);
    assert!(
        fr.starts_with("«\u{a0}win=250\u{a0}»\u{a0}: valeur refusée. "),
        "{fr}"
    );
    assert!(fr.contains("100"), "{fr}");
    check_french("refused", &fr);
    check_english("refused", &page::ignored_text(Lang::En, &refused));
    let repeated = Ignored {
        reason: IgnoredReason::Repeated,
        ..refused
    };
    check_french("repeated", &page::ignored_text(Lang::Fr, &repeated));
    assert_eq!(
        page::ignored_text(Lang::En, &repeated),
        "“win=250”: repeated parameter, the last value is used"
    );
    // The embed's colour keys say what they take.
    for (key, value, reason, takes) in [
        ("accent", "red", IgnoredReason::BadColour, "1d4ed8"),
        ("bg", "white", IgnoredReason::BadBackground, "transparent"),
    ] {
        let item = Ignored {
            key: key.into(),
            value: value.into(),
            reason,
        };
        let (fr, en) = (
            page::ignored_text(Lang::Fr, &item),
            page::ignored_text(Lang::En, &item),
        );
        check_texts(key, &fr, &en, true);
        assert!(fr.contains(takes) && en.contains(takes), "{fr} / {en}");
    }
}

#[test]
fn tracking_texts_are_complete_and_typeset() {
    use super::track::*;
    use crate::engine::tracking::{
        CheckpointField, CheckpointProblem, Limit, TrackFigureId, TrackUndefined, TrackedRate,
    };
    for key in TrackText::ALL {
        let (fr, en) = (track_text(Lang::Fr, key), track_text(Lang::En, key));
        // "Plan", "Actions" and "P10–P90" are the same in both languages.
        let same = matches!(
            key,
            TrackText::Plan | TrackText::Actions | TrackText::ChartBand
        );
        check_texts(&format!("{key:?}"), fr, en, !same);
    }
    for field in CheckpointField::ALL {
        let label = (
            checkpoint_field_label(Lang::Fr, field),
            checkpoint_field_label(Lang::En, field),
        );
        check_texts(&format!("label {field:?}"), label.0, label.1, true);
        let (fr, en) = (
            checkpoint_field_help(Lang::Fr, field),
            checkpoint_field_help(Lang::En, field),
        );
        check_texts(&format!("help {field:?}"), fr, en, true);
        assert!(fr.ends_with('.') && en.ends_with('.'), "help {field:?}");
    }
    for id in TrackFigureId::ALL {
        let (fr, en) = (
            track_figure_label(Lang::Fr, id),
            track_figure_label(Lang::En, id),
        );
        check_texts(&format!("{id:?}"), fr, en, id != TrackFigureId::Verdict);
    }
    for why in [
        TrackUndefined::NoPlanToDate,
        TrackUndefined::NoBookedMeetings,
        TrackUndefined::NoDecidedOpportunities,
        TrackUndefined::NoPrice,
        TrackUndefined::NothingLeftToBill,
        TrackUndefined::Engine(Undefined::NoCost),
    ] {
        let (fr, en) = (
            track_undefined(Lang::Fr, why),
            track_undefined(Lang::En, why),
        );
        check_texts(&format!("{why:?}"), fr, en, true);
    }
    for rate in TrackedRate::ALL {
        check_texts(
            "rate",
            rate_name(Lang::Fr, rate),
            rate_name(Lang::En, rate),
            true,
        );
    }
    let spec = CheckpointField::Held.spec();
    let ten = Decimal::TEN;
    let mut problems = vec![
        CheckpointProblem::Invalid(Problem::Empty),
        CheckpointProblem::BelowPrevious { previous: ten },
        CheckpointProblem::NotAfterPrevious { previous: 4 },
        CheckpointProblem::TooMany { max: 52 },
    ];
    for limit in [
        Limit::Booked,
        Limit::Held,
        Limit::OppsLessLost,
        Limit::OppsLessSales,
    ] {
        problems.push(CheckpointProblem::Exceeds { limit, max: ten });
    }
    for problem in problems {
        let (fr, en) = (
            checkpoint_problem(Lang::Fr, &spec, &problem),
            checkpoint_problem(Lang::En, &spec, &problem),
        );
        check_texts(&format!("{problem:?}"), &fr, &en, true);
        // The same message under a box, through the one wording of the page.
        let rejected = crate::entry::Rejected::Checkpoint(problem);
        assert_eq!(
            crate::i18n::rejected_message(Lang::Fr, &spec, &rejected, &[]),
            fr
        );
        for refusal in [
            crate::scenario::CheckpointRefusal::Problem(problem),
            crate::scenario::CheckpointRefusal::Missing,
        ] {
            let (fr, en) = (
                refused_checkpoint(Lang::Fr, CheckpointField::Held, &refusal),
                refused_checkpoint(Lang::En, CheckpointField::Held, &refusal),
            );
            check_texts("refused", &fr, &en, true);
        }
    }
    for (fr, en) in [
        (
            checkpoint_name(Lang::Fr, 3, 4),
            checkpoint_name(Lang::En, 3, 4),
        ),
        (
            checkpoint_removed(Lang::Fr, 4),
            checkpoint_removed(Lang::En, 4),
        ),
        (planned(Lang::Fr, "15,38"), planned(Lang::En, "15.38")),
        (
            fix_checkpoint(Lang::Fr, 3, CheckpointField::Week),
            fix_checkpoint(Lang::En, 3, CheckpointField::Week),
        ),
        (
            link_leaves_out(Lang::Fr, 4, 52),
            link_leaves_out(Lang::En, 4, 52),
        ),
        (
            beyond_checkpoints(Lang::Fr, 52),
            beyond_checkpoints(Lang::En, 52),
        ),
        (
            next_plan_loaded(Lang::Fr, &crate::engine::Inputs::default()),
            next_plan_loaded(Lang::En, &crate::engine::Inputs::default()),
        ),
        (
            next_campaign_name(Lang::Fr, "PME"),
            next_campaign_name(Lang::En, "PME"),
        ),
    ] {
        check_texts("tracking message", &fr, &en, true);
    }
    assert_eq!(next_campaign_name(Lang::Fr, "  "), "");
    assert_eq!(next_campaign_name(Lang::En, "Q3"), "Q3 (next)");
    let long = next_campaign_name(Lang::Fr, &"x".repeat(90));
    assert_eq!(long.chars().count(), crate::link::MAX_NAME_CHARS);
    assert!(long.ends_with("x (suite)"));
}

/// The engine's week-4 checkpoint (24 booked, 22 held, 13 opportunities,
/// 4 sales, 9 lost) against plans that give each verdict.
#[cfg(test)]
fn week_4(pairs: &[(Field, &str)]) -> (crate::engine::Inputs, crate::engine::tracking::Tracking) {
    use crate::engine::tracking::{track_checkpoint, Checkpoint};
    let (plan, errors) = crate::engine::Inputs::from_plain(pairs.iter().copied());
    assert!(errors.is_empty());
    let checkpoint = Checkpoint {
        week: 4,
        booked: Decimal::from(24),
        held: Decimal::from(22),
        opps: Decimal::from(13),
        sales: Decimal::from(4),
        lost: Decimal::from(9),
        invoiced: None,
        revenue: None,
    };
    let tracking = track_checkpoint(&plan, &checkpoint, 20, 2_000, 1);
    (plan, tracking)
}

#[test]
fn the_verdict_says_which_lever_and_by_how_much() {
    use super::track::verdict_text;
    let (plan, tracking) = week_4(&[(Field::Price, "250")]);
    assert_eq!(tracking.verdict.token(), "adjust");
    let fr = verdict_text(Lang::Fr, &plan, &tracking);
    assert_eq!(
        fr,
        "Ajuster\u{a0}: opportunité → vente à 30,8\u{a0}% contre 50\u{a0}% prévus, \
         38,5\u{a0}% de ventes en moins que prévu. Projeté\u{a0}: ROI +72,8\u{a0}% pour un \
         objectif de +100\u{a0}%, LTV/CAC 1,72× pour 3×\u{a0}au moins."
    );
    let en = verdict_text(Lang::En, &plan, &tracking);
    assert!(
        en.starts_with("Adjust: opportunity → sale at 30.8% against 50% planned, 38.5% fewer sales than planned."),
        "{en}"
    );
    check_texts("adjust", &fr, &en, true);
    // The default plan still clears its target at week 4.
    let (plan, tracking) = week_4(&[]);
    let fr = verdict_text(Lang::Fr, &plan, &tracking);
    assert!(
        fr.starts_with("Continuer\u{a0}: le ROI projeté (+260\u{a0}%)"),
        "{fr}"
    );
    check_texts(
        "continue",
        &fr,
        &verdict_text(Lang::En, &plan, &tracking),
        true,
    );
    // At 700 € the campaign loses and the price is the lever.
    let (plan, tracking) = week_4(&[(Field::Price, "700")]);
    assert_eq!(tracking.verdict.token(), "stop");
    let fr = verdict_text(Lang::Fr, &plan, &tracking);
    assert!(
        fr.starts_with("Arrêter\u{a0}: la campagne projetée perd 13\u{202f}400\u{a0}€"),
        "{fr}"
    );
    assert!(
        fr.contains("184,61\u{a0}€ au plus, contre 700\u{a0}€."),
        "{fr}"
    );
    check_texts("stop", &fr, &verdict_text(Lang::En, &plan, &tracking), true);
    // A projected loss the trials do not confirm: what would decide it.
    let (plan, tracking) = week_4(&[(Field::Price, "600")]);
    let fr = verdict_text(Lang::Fr, &plan, &tracking);
    let en = verdict_text(Lang::En, &plan, &tracking);
    check_texts(tracking.verdict.token(), &fr, &en, true);
}

#[test]
fn the_invoice_check_says_the_gap_in_euros_and_meetings() {
    use super::track::invoice_check;
    use crate::engine::tracking::{assess, Checkpoint};
    let plan = crate::engine::Inputs::default();
    let mut checkpoint = Checkpoint {
        week: 4,
        booked: Decimal::from(24),
        held: Decimal::from(22),
        opps: Decimal::from(13),
        sales: Decimal::from(4),
        lost: Decimal::from(9),
        invoiced: None,
        revenue: None,
    };
    let said = |lang, checkpoint: &Checkpoint| {
        invoice_check(
            lang,
            checkpoint.invoiced.is_some(),
            &assess(&plan, checkpoint, 20),
        )
    };
    assert!(said(Lang::Fr, &checkpoint).starts_with("Aucune facture saisie"));
    // 120 € × 24 = 2 880 € justified; 3 360 € invoiced: 480 €, 4 meetings more.
    checkpoint.invoiced = Some(Decimal::from(3_360));
    assert_eq!(
        said(Lang::Fr, &checkpoint),
        "Les factures dépassent de 480\u{a0}€ (4\u{a0}rendez-vous) ce que justifient les \
         volumes\u{a0}: 3\u{202f}360\u{a0}€ facturés pour 2\u{202f}880\u{a0}€."
    );
    assert_eq!(
        said(Lang::En, &checkpoint),
        "The invoices exceed what the counts justify by €480 (4 meetings): €3,360 invoiced for €2,880."
    );
    checkpoint.invoiced = Some(Decimal::from(2_760));
    let fr = said(Lang::Fr, &checkpoint);
    assert!(
        fr.starts_with("Les factures sont inférieures de 120\u{a0}€ (1\u{a0}rendez-vous)"),
        "{fr}"
    );
    assert!(said(Lang::En, &checkpoint).contains("€120 (1 meeting) below"));
    checkpoint.invoiced = Some(Decimal::from(2_880));
    assert!(said(Lang::En, &checkpoint).starts_with("The invoices (€2,880) match"));
    for invoiced in [None, Some(3_360), Some(2_760), Some(2_880)] {
        checkpoint.invoiced = invoiced.map(Decimal::from);
        check_texts(
            "invoice",
            &said(Lang::Fr, &checkpoint),
            &said(Lang::En, &checkpoint),
            true,
        );
    }
}

#[test]
fn simulated_shares_are_never_rounded_to_none_or_all() {
    use super::track::odds_text;
    use crate::engine::tracking::TrackFigureId::LossProbability as Loss;
    assert_eq!(odds_text(Lang::Fr, Loss, Some(0.0)), "0\u{a0}%");
    assert_eq!(
        odds_text(Lang::Fr, Loss, Some(0.0003)),
        "moins de 0,1\u{a0}%"
    );
    assert_eq!(odds_text(Lang::En, Loss, Some(0.9997)), "over 99.9%");
    assert_eq!(odds_text(Lang::En, Loss, Some(1.0)), "100%");
    assert_eq!(odds_text(Lang::En, Loss, Some(0.0123)), "1.2%");
}
