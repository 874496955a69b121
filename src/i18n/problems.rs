//! What went wrong: a box's text not taken (one wording for every box of
//! the page), undefined figures.

use rust_decimal::Decimal;

use super::choice_label;
use crate::engine::risk::RangeProblem;
use crate::engine::tracking::{CheckpointProblem, Limit};
use crate::engine::{Field, FieldKind, FieldSpec, Problem, Undefined};
use crate::entry::Rejected;
use crate::format;
use crate::i18n::fields::kind_unit;
use crate::lang::Lang;

/// The message under a base input whose text is not taken (see
/// [`rejected_message`]).
pub fn input_message(lang: Lang, field: Field, rejected: &Rejected) -> String {
    rejected_message(lang, &field.spec(), rejected, &choice_labels(lang, field))
}

/// The message under a base input the engine rejected, e.g.
/// `"Entrez un nombre entre 0 et 100 %."`.
pub fn problem_message(lang: Lang, field: Field, problem: &Problem) -> String {
    input_message(lang, field, &Rejected::Invalid(*problem))
}

/// The message for text that is not a number in the locale's format, with
/// an example of the right format for the field.
pub fn parse_error_message(lang: Lang, field: Field) -> String {
    input_message(lang, field, &Rejected::Unreadable)
}

/// The labels of a base choice input's options, in their order.
fn choice_labels(lang: Lang, field: Field) -> Vec<&'static str> {
    match field.spec().kind {
        FieldKind::Choice(tokens) => tokens
            .iter()
            .map(|token| choice_label(lang, field, token))
            .collect(),
        _ => Vec::new(),
    }
}

/// The one message under any box of the page whose text is not taken:
/// the main form, the scenario table, the decision tools, the risk ranges
/// and the trial count all say it this way. `choices` are the labels of a
/// choice input's options (empty for numbers).
pub fn rejected_message(
    lang: Lang,
    spec: &FieldSpec,
    rejected: &Rejected,
    choices: &[&str],
) -> String {
    match rejected {
        Rejected::Unreadable => match spec.kind {
            FieldKind::Choice(_) => choose_message(lang, choices),
            _ => unreadable_text(lang, spec),
        },
        Rejected::Invalid(problem) | Rejected::Range(RangeProblem::Invalid(problem)) => {
            problem_text(lang, spec, problem, choices)
        }
        Rejected::Range(RangeProblem::AboveLikely { likely }) => {
            let likely = format::plain_for_input(&likely.normalize().to_string(), lang);
            lang.pick(
                format!("La valeur basse ne peut pas dépasser la valeur probable ({likely})."),
                format!("The low value cannot be above the likely value ({likely})."),
            )
        }
        Rejected::Ambiguous { grouped, decimal } => {
            let reading = |plain: &str| match plain.parse::<Decimal>() {
                Ok(value) => with_unit(lang, spec.kind, value.normalize()),
                Err(_) => plain.to_string(),
            };
            let (grouped, decimal) = (reading(grouped), reading(decimal));
            lang.pick(
                format!(
                    "{grouped} ou {decimal}\u{a0}? Choisissez, ou écrivez le nombre autrement."
                ),
                format!("{grouped} or {decimal}? Choose one, or write the number another way."),
            )
        }
        Rejected::Checkpoint(problem) => checkpoint_text(lang, spec, problem),
        Rejected::Range(RangeProblem::BelowLikely { likely }) => {
            let likely = format::plain_for_input(&likely.normalize().to_string(), lang);
            lang.pick(
                format!("La valeur haute ne peut pas être sous la valeur probable ({likely})."),
                format!("The high value cannot be below the likely value ({likely})."),
            )
        }
    }
}

/// The message under a checkpoint's box whose value does not fit the rest
/// of the campaign (`spec`: the box's own bounds).
fn checkpoint_text(lang: Lang, spec: &FieldSpec, problem: &CheckpointProblem) -> String {
    match problem {
        CheckpointProblem::Invalid(problem) => problem_text(lang, spec, problem, &[]),
        CheckpointProblem::Exceeds { limit, max } => {
            let max = format::count(*max, lang);
            match limit {
                Limit::Booked => lang.pick(
                    format!("Pas plus que les rendez-vous pris ({max})."),
                    format!("No more than the booked meetings ({max})."),
                ),
                Limit::Held => lang.pick(
                    format!("Pas plus que les rendez-vous tenus ({max})."),
                    format!("No more than the held meetings ({max})."),
                ),
                Limit::OppsLessLost => lang.pick(
                    format!("Pas plus que les opportunités non perdues ({max})."),
                    format!("No more than the opportunities not lost ({max})."),
                ),
                Limit::OppsLessSales => lang.pick(
                    format!("Pas plus que les opportunités non signées ({max})."),
                    format!("No more than the opportunities not signed ({max})."),
                ),
            }
        }
        CheckpointProblem::BelowPrevious { previous } => {
            let previous = format::count(*previous, lang);
            lang.pick(
                format!("Un cumul ne recule pas\u{a0}: au moins {previous}, le chiffre du point d’étape précédent."),
                format!("A total never goes back: at least {previous}, the previous checkpoint’s."),
            )
        }
        CheckpointProblem::NotAfterPrevious { previous } => lang.pick(
            format!("Une semaine après la semaine {previous} du point d’étape précédent."),
            format!("A week after week {previous} of the previous checkpoint."),
        ),
        CheckpointProblem::TooMany { max } => lang.pick(
            format!("{max} points d’étape au plus."),
            format!("{max} checkpoints at most."),
        ),
    }
}

/// Under a rate typed below 1 % with decimals (`0,4`): a fraction may have
/// been typed for a percentage. The value is taken; this only says so.
pub fn small_rate_hint(lang: Lang, value: Decimal) -> String {
    let typed = with_unit(lang, FieldKind::Percent, value);
    let meant_value = value * Decimal::ONE_HUNDRED;
    let meant = with_unit(lang, FieldKind::Percent, meant_value);
    let number = format::count(meant_value, lang);
    lang.pick(
        format!("{typed}\u{a0}: pour {meant}, tapez {number}."),
        format!("{typed}: for {meant}, type {number}."),
    )
}

/// A value with its unit, as a reading offered for an ambiguous number.
pub fn value_with_unit(lang: Lang, kind: FieldKind, value: Decimal) -> String {
    with_unit(lang, kind, value)
}

/// What to type instead of a value the model refuses. Bounds are written
/// in the locale, the upper one with the unit.
fn problem_text(lang: Lang, spec: &FieldSpec, problem: &Problem, choices: &[&str]) -> String {
    if let FieldKind::Choice(_) = spec.kind {
        return choose_message(lang, choices);
    }
    let range = |min: Decimal, max: Decimal| range_text(lang, spec, min, max);
    match problem {
        Problem::Empty => lang.pick(
            format!(
                "Ce champ est vide\u{a0}: entrez {}.",
                range(spec.min, spec.max)
            ),
            format!("This field is empty: enter {}.", range(spec.min, spec.max)),
        ),
        Problem::NotANumber => lang.pick(
            format!("Entrez {}.", range(spec.min, spec.max)),
            format!("Enter {}.", range(spec.min, spec.max)),
        ),
        Problem::NotAWholeNumber | Problem::TooManyDecimals { max: 0 } => lang.pick(
            format!(
                "Sans décimales\u{a0}: entrez {}.",
                range(spec.min, spec.max)
            ),
            format!("No decimals here: enter {}.", range(spec.min, spec.max)),
        ),
        Problem::TooManyDecimals { max: 1 } => lang
            .pick("Une décimale au plus.", "One decimal at most.")
            .to_string(),
        Problem::TooManyDecimals { max } => lang.pick(
            format!("{max} décimales au plus."),
            format!("{max} decimals at most."),
        ),
        Problem::BelowMin { min } => lang.pick(
            format!("Trop petit\u{a0}: entrez {}.", range(*min, spec.max)),
            format!("Too small: enter {}.", range(*min, spec.max)),
        ),
        Problem::AboveMax { max } => lang.pick(
            format!("Trop grand\u{a0}: entrez {}.", range(spec.min, *max)),
            format!("Too large: enter {}.", range(spec.min, *max)),
        ),
        Problem::UnknownChoice => choose_message(lang, choices),
    }
}

/// "un nombre (entier) entre 0 et 100 %" / "a (whole) number between 0 and
/// 100%": the lower bound without unit (except English money), the upper
/// bound with it.
fn range_text(lang: Lang, spec: &FieldSpec, min: Decimal, max: Decimal) -> String {
    let whole = spec.max_decimals == 0;
    let min_text = match (spec.kind, lang) {
        (FieldKind::Money, Lang::En) => format::money(min, lang),
        _ => format::count(min, lang),
    };
    let max_text = with_unit(lang, spec.kind, max);
    lang.pick(
        format!(
            "un nombre {}entre {min_text} et {max_text}",
            if whole { "entier " } else { "" }
        ),
        format!(
            "a {}number between {min_text} and {max_text}",
            if whole { "whole " } else { "" }
        ),
    )
}

/// A value written with its unit: `"100 000 €"`, `"€100,000"`, `"100 %"`,
/// `"100%"`, `"36 mois"`, `"3×"`, `"1 000"`.
fn with_unit(lang: Lang, kind: FieldKind, value: Decimal) -> String {
    let number = format::count(value, lang);
    match kind {
        FieldKind::Money => format::money(value, lang),
        FieldKind::Multiple => format::multiple(value, lang),
        FieldKind::Count | FieldKind::Choice(_) => number,
        FieldKind::Percent if lang == Lang::En => format!("{number}%"),
        FieldKind::Percent | FieldKind::Hours | FieldKind::Months | FieldKind::Years => {
            format!("{number}\u{a0}{}", kind_unit(lang, kind))
        }
    }
}

/// "Choisissez « … » ou « … »." for a two-way choice; a generic request to
/// pick an option otherwise.
fn choose_message(lang: Lang, labels: &[&str]) -> String {
    match labels {
        [a, b] => lang.pick(
            format!("Choisissez «\u{a0}{a}\u{a0}» ou «\u{a0}{b}\u{a0}»."),
            format!("Choose “{a}” or “{b}”."),
        ),
        _ => lang
            .pick(
                "Choisissez l’une des options proposées.",
                "Choose one of the options offered.",
            )
            .to_string(),
    }
}

/// Text that is not a number in the locale's format, with an example of
/// the right format for the input, e.g. `"Nombre illisible. Écrivez par
/// exemple 6 000 ou 120,50 (virgule pour les décimales)."`
fn unreadable_text(lang: Lang, spec: &FieldSpec) -> String {
    let (whole, decimal) = match spec.kind {
        FieldKind::Money | FieldKind::Choice(_) => ("6000", "120.50"),
        FieldKind::Percent => ("25", "12.5"),
        FieldKind::Hours => ("2", "1.5"),
        FieldKind::Multiple => ("3", "2.5"),
        FieldKind::Months => ("12", "1.5"),
        FieldKind::Years => ("3", "1.5"),
        FieldKind::Count => ("1500", "12.5"),
    };
    let whole = format::plain_for_input(whole, lang);
    if spec.max_decimals == 0 {
        return lang.pick(
            format!("Nombre illisible. Écrivez un nombre entier, par exemple {whole}."),
            format!("Unreadable number. Type a whole number, for example {whole}."),
        );
    }
    let decimal = format::plain_for_input(decimal, lang);
    lang.pick(
        format!("Nombre illisible. Écrivez par exemple {whole} ou {decimal} (virgule pour les décimales)."),
        format!("Unreadable number. Type for example {whole} or {decimal} (a point for decimals)."),
    )
}

/// Why a figure shows "—": one short sentence.
pub fn undefined_reason(lang: Lang, why: Undefined) -> &'static str {
    let (fr, en) = match why {
        Undefined::NoCost => (
            "Aucun coût\u{a0}: un rendement rapporté à zéro euro n’a pas de sens.",
            "No cost: a return on zero euros has no meaning.",
        ),
        Undefined::NoHeldMeetings => (
            "Aucun rendez-vous tenu\u{a0}: ce chiffre se calcule par rendez-vous tenu.",
            "No meeting is held: this figure is worked out per held meeting.",
        ),
        Undefined::NoBilledMeetings => (
            "Aucun rendez-vous facturé\u{a0}: le prix par rendez-vous ne change rien.",
            "No billed meetings: the price per meeting changes nothing.",
        ),
        Undefined::NoSales => (
            "Aucune vente signée\u{a0}: pas de coût par client à calculer.",
            "No signed sale: there is no cost per customer to work out.",
        ),
        Undefined::NoMarginPerSale => (
            "Aucune marge par vente\u{a0}: aucun taux de signature ne couvre les coûts.",
            "No margin per sale: no close rate can cover the costs.",
        ),
        Undefined::TargetIsMinusHundred => (
            "Un ROI visé de −100\u{a0}% revient à accepter de tout perdre\u{a0}: il ne fixe aucun prix maximal.",
            "A target ROI of −100% means accepting to lose everything: it sets no highest price.",
        ),
        Undefined::NeverPaysBack => (
            "La campagne ne se rembourse pas sur la période étudiée.",
            "The campaign doesn’t pay for itself within the period studied.",
        ),
        Undefined::Overflow => (
            "Nombres trop grands pour un calcul exact.",
            "Numbers too large to compute exactly.",
        ),
    };
    lang.pick(fr, en)
}
