//! Typed text → the plain value the model validates, for every number box
//! of the page: the main form, the scenario table, the decision tools, the
//! risk ranges and the trial count all read what was typed here, and say
//! why it is not taken with one type, [`Rejected`]. Pure: tested natively.

use std::collections::BTreeMap;

use crate::engine::risk::{RangeError, RangeProblem};
use crate::engine::tracking::CheckpointProblem;
use crate::engine::{
    Field, FieldKind, FieldSet, FieldSpec, InputField, Inputs, Problem, RangeField, Ranges,
    RiskInputs,
};
use crate::format::parse_number;
use crate::lang::Lang;

/// Why what was typed in a box is not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    /// Not a number in the user's locale.
    Unreadable,
    /// A number, but the model does not accept it.
    Invalid(Problem),
    /// A range end that does not fit the likely value (or out of its bounds).
    Range(RangeProblem),
    /// A checkpoint's value that does not fit the rest of the campaign
    /// (held above booked, a total going back, a week out of order).
    Checkpoint(CheckpointProblem),
    /// One comma or dot before exactly three digits (`"6,000"`): it reads
    /// as `grouped` (6000) to one typist and as `decimal` (6) to another,
    /// both plain; the page asks which (issue #17).
    Ambiguous { grouped: String, decimal: String },
}

/// Typed text → plain number text, or why it is not one. Every box reads
/// its number through this: a blank text gives `Ok("")`.
pub fn read_number(text: &str, lang: Lang) -> Result<String, Rejected> {
    if let Some((grouped, decimal)) = crate::format::ambiguous_readings(text) {
        return Err(Rejected::Ambiguous { grouped, decimal });
    }
    parse_number(text, lang).map_err(|_| Rejected::Unreadable)
}

/// For an ambiguous number, the two texts that say each reading without
/// doubt, to offer in place of what was typed (`"6 000"`, `"6"`).
pub fn readings(rejected: &Rejected, lang: Lang) -> Option<[String; 2]> {
    let Rejected::Ambiguous { grouped, decimal } = rejected else {
        return None;
    };
    let written = |plain: &str| {
        let number = plain.parse::<rust_decimal::Decimal>().ok()?.normalize();
        let mut text = crate::format::plain_for_input(&number.to_string(), lang);
        // 6.001 written "6,001" would be asked about again: a trailing 0
        // says it is decimals.
        if crate::format::ambiguous_readings(&text).is_some() {
            text.push('0');
        }
        Some(text)
    };
    Some([written(grouped)?, written(decimal)?])
}

/// A rate typed below 1 % with decimals (`0,4`): perhaps a fraction typed
/// for a percentage (40 %). Taken as typed, with a hint (issue #17).
pub fn small_rate(spec: &FieldSpec, plain: &str) -> Option<rust_decimal::Decimal> {
    if spec.kind != FieldKind::Percent || !plain.contains('.') {
        return None;
    }
    let value = plain.parse::<rust_decimal::Decimal>().ok()?;
    (value > rust_decimal::Decimal::ZERO && value < rust_decimal::Decimal::ONE).then_some(value)
}

/// Typed text of one input of `I` → its plain value, checked against the
/// input's rules (a choice's token as chosen; a number read in `lang`).
pub fn read<I: FieldSet>(field: I::Field, text: &str, lang: Lang) -> Result<String, Rejected> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Rejected::Invalid(Problem::Empty));
    }
    let plain = match field.spec().kind {
        FieldKind::Choice(_) => trimmed.to_ascii_lowercase(),
        _ => read_number(trimmed, lang)?,
    };
    // Validated now, so the box shows its message as soon as it is typed.
    I::default().set(field, &plain).map_err(Rejected::Invalid)?;
    Ok(plain)
}

/// A plain value → the text a box shows, in the user's locale.
pub fn shown(spec: &FieldSpec, plain: &str, lang: Lang) -> String {
    match spec.kind {
        FieldKind::Choice(_) => plain.to_string(),
        _ => crate::format::plain_for_input(plain, lang),
    }
}

/// Typed text → the plain value of a base input.
pub fn text_to_plain(field: Field, text: &str, lang: Lang) -> Result<String, Rejected> {
    read::<Inputs>(field, text, lang)
}

/// A base input's plain value → the text to show in its box.
pub fn plain_to_text(field: Field, plain: &str, lang: Lang) -> String {
    shown(&field.spec(), plain, lang)
}

/// A base input that cannot be taken, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: Field,
    pub problem: Rejected,
}

/// Validated inputs and the fields that could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub inputs: Inputs,
    pub errors: Vec<InputError>,
}

/// Why `field` cannot be taken, if it is among `errors`.
pub fn problem_of(errors: &[InputError], field: Field) -> Option<&Rejected> {
    errors
        .iter()
        .find(|error| error.field == field)
        .map(|error| &error.problem)
}

/// `base` with every readable, valid text applied; the rest reported.
pub fn checked_inputs(base: &Inputs, texts: &BTreeMap<Field, String>, lang: Lang) -> Checked {
    let mut inputs = base.clone();
    let mut errors = Vec::new();
    for (field, text) in texts {
        let applied = text_to_plain(*field, text, lang).and_then(|plain| {
            inputs
                .set(*field, &plain)
                .map_err(|error| Rejected::Invalid(error.problem))
        });
        if let Err(problem) = applied {
            errors.push(InputError {
                field: *field,
                problem,
            });
        }
    }
    Checked { inputs, errors }
}

/// The ranges in force, or what to fix at each end.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeCheck {
    pub ranges: Option<Ranges>,
    pub problems: BTreeMap<RangeField, Rejected>,
}

/// The typed ends, read against the central scenario's default ranges. An
/// empty end follows its default (the user cleared it).
pub fn check_ranges(
    defaults: Ranges,
    texts: &BTreeMap<RangeField, String>,
    lang: Lang,
) -> RangeCheck {
    let mut inputs = RiskInputs::default();
    let mut problems = BTreeMap::new();
    for (field, text) in texts {
        if text.trim().is_empty() {
            continue;
        }
        match read_number(text, lang) {
            Err(rejected) => {
                problems.insert(*field, rejected);
            }
            Ok(plain) => {
                if let Err(problem) = inputs.set(*field, &plain) {
                    problems.insert(*field, Rejected::Range(RangeProblem::Invalid(problem)));
                }
            }
        }
    }
    let ranges = match inputs.ranges_from(defaults) {
        Ok(ranges) => Some(ranges),
        Err(errors) => {
            for RangeError { field, problem } in errors {
                problems.entry(field).or_insert(Rejected::Range(problem));
            }
            None
        }
    };
    RangeCheck {
        ranges: ranges.filter(|_| problems.is_empty()),
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::risk::RangeProblem;

    fn texts(pairs: &[(&str, &str)]) -> BTreeMap<RangeField, String> {
        pairs
            .iter()
            .map(|(key, text)| (RangeField::from_key(key).unwrap(), text.to_string()))
            .collect()
    }

    #[test]
    fn untouched_ends_follow_the_central_scenario() {
        let base = Inputs::default();
        let check = check_ranges(Ranges::defaults(&base), &BTreeMap::new(), Lang::Fr);
        assert_eq!(check.ranges, Some(Ranges::defaults(&base)));
        // A cleared end is not an error: it goes back to its default.
        let check = check_ranges(
            Ranges::defaults(&base),
            &texts(&[("win_low", "  ")]),
            Lang::Fr,
        );
        assert_eq!(check.ranges, Some(Ranges::defaults(&base)));
    }

    #[test]
    fn typed_ends_are_read_in_the_locale() {
        let base = Inputs::default();
        let check = check_ranges(
            Ranges::defaults(&base),
            &texts(&[("win_low", "30"), ("deal_high", "9 000,50")]),
            Lang::Fr,
        );
        let ranges = check.ranges.expect("valid ranges");
        assert_eq!(
            ranges.get(crate::engine::Uncertain::Win).low,
            "0.3".parse().unwrap()
        );
        assert_eq!(
            ranges.get(crate::engine::Uncertain::Deal).high,
            "9000.5".parse().unwrap()
        );
    }

    #[test]
    fn each_wrong_end_is_reported_at_its_field() {
        let base = Inputs::default();
        let check = check_ranges(
            Ranges::defaults(&base),
            &texts(&[
                ("win_low", "abc"),
                ("opp_low", "150"),
                ("win_high", "20"),
                ("deal_low", "7000"),
            ]),
            Lang::Fr,
        );
        assert_eq!(check.ranges, None);
        let at = |key| {
            check
                .problems
                .get(&RangeField::from_key(key).unwrap())
                .cloned()
        };
        assert_eq!(at("win_low"), Some(Rejected::Unreadable));
        assert!(matches!(
            at("opp_low"),
            Some(Rejected::Range(RangeProblem::Invalid(_)))
        ));
        assert!(matches!(
            at("win_high"),
            Some(Rejected::Range(RangeProblem::BelowLikely { .. }))
        ));
        assert!(matches!(
            at("deal_low"),
            Some(Rejected::Range(RangeProblem::AboveLikely { .. }))
        ));
        assert_eq!(check.problems.len(), 4);
    }
}
