//! A scenario as the user edits, saves and shares it, and the step from
//! typed text to validated inputs. Pure: tested natively.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::risk::RangeError;
use crate::engine::{
    derive_variant, Field, FieldKind, Inputs, Problem, RangeField, Ranges, RiskInputs, Variant,
};
use crate::format::parse_number;
use crate::lang::Lang;
use crate::maps::map_of;

/// Plain values by field: `.` as the decimal point, percentages as percent
/// numbers, as in the share link.
pub type PlainValues = BTreeMap<Field, String>;

/// One scenario with its three variants. The central variant holds every
/// field; prudent and ambitious hold only what the user overrode on top of
/// the values derived from the central one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub name: String,
    #[serde(default, with = "by_key")]
    pub central: PlainValues,
    #[serde(default, with = "by_key")]
    pub prudent: PlainValues,
    #[serde(default, with = "by_key")]
    pub ambitious: PlainValues,
    #[serde(default, skip_serializing_if = "RiskDraft::is_default")]
    pub risk: RiskDraft,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentDraft>,
    /// The decision tools' inputs (compare, plan, capacity) that differ from
    /// their defaults, as plain values by link key (`team_callers`: `"2"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tools: BTreeMap<String, String>,
}

/// Every decision-tool input's link key, in the order links write them.
pub fn tool_keys() -> impl Iterator<Item = &'static str> {
    use crate::engine::{CapacityField, CompareField, PlanField};
    CompareField::ALL
        .iter()
        .map(|f| f.key())
        .chain(PlanField::ALL.iter().map(|f| f.key()))
        .chain(CapacityField::ALL.iter().map(|f| f.key()))
}

/// A decision-tool value checked against its input: `None` when `key` is
/// not a decision-tool input, else its normalised plain form or the problem.
pub fn tool_value(key: &str, value: &str) -> Option<Result<String, Problem>> {
    use crate::engine::{
        CapacityField, CapacityInputs, CompareField, CompareInputs, GoalInputs, PlanField,
    };
    if let Some(field) = CompareField::from_key(key) {
        let mut inputs = CompareInputs::default();
        return Some(inputs.set(field, value).map(|()| inputs.plain(field)));
    }
    if let Some(field) = PlanField::from_key(key) {
        let mut inputs = GoalInputs::from_plain(std::iter::empty()).0;
        return Some(inputs.set(field, value).map(|()| inputs.plain(field)));
    }
    if let Some(field) = CapacityField::from_key(key) {
        let mut inputs = CapacityInputs::from_plain(std::iter::empty()).0;
        return Some(inputs.set(field, value).map(|()| inputs.plain(field)));
    }
    None
}

/// A decision-tool input's default, in plain form.
pub fn tool_default(key: &str) -> Option<String> {
    use crate::engine::{
        CapacityField, CapacityInputs, CompareField, CompareInputs, GoalInputs, PlanField,
    };
    if let Some(field) = CompareField::from_key(key) {
        return Some(CompareInputs::default().plain(field));
    }
    if let Some(field) = PlanField::from_key(key) {
        return Some(GoalInputs::from_plain(std::iter::empty()).0.plain(field));
    }
    CapacityField::from_key(key).map(|field| {
        CapacityInputs::from_plain(std::iter::empty())
            .0
            .plain(field)
    })
}

/// Most segments one scenario holds (and a link carries).
pub const MAX_SEGMENTS: usize = 12;

/// A named segment (`decision-tools.md` §4): a full scenario of its own,
/// kept as plain values by field like the central scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentDraft {
    #[serde(default)]
    pub name: String,
    #[serde(default, with = "by_key")]
    pub values: PlainValues,
}

impl SegmentDraft {
    /// A segment holding `inputs` (every field, in plain form).
    pub fn of(name: String, inputs: &Inputs) -> Self {
        SegmentDraft {
            name,
            values: map_of(
                Field::ALL
                    .iter()
                    .map(|field| (*field, inputs.plain(*field))),
            ),
        }
    }

    /// Its inputs: the defaults overridden by every valid value.
    pub fn inputs(&self) -> Inputs {
        Inputs::from_plain(self.values.iter().map(|(f, v)| (*f, v.as_str()))).0
    }
}

/// The risk panel's settings as saved and shared (`decision-tools.md` §5):
/// the range ends the user overrode (plain values, rates as percent numbers,
/// by link key), and the trial count and seed when they are not the defaults.
/// An end may not fit the central value (low above likely): it is kept as
/// typed and the panel says what to fix, as the main form does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskDraft {
    #[serde(
        default,
        with = "range_by_key",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub ends: BTreeMap<RangeField, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trials: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl RiskDraft {
    pub fn is_default(&self) -> bool {
        self == &RiskDraft::default()
    }
}

impl Draft {
    /// The spec's default scenario (the article's worked example).
    pub fn with_defaults() -> Self {
        let defaults = Inputs::default();
        Draft {
            central: map_of(
                Field::ALL
                    .iter()
                    .map(|field| (*field, defaults.plain(*field))),
            ),
            ..Draft::default()
        }
    }

    /// The validated inputs of one variant: the central values (defaults
    /// where a value is missing or invalid), then for prudent and ambitious
    /// the derived values with the overrides on top.
    pub fn inputs(&self, which: Variant) -> Inputs {
        let (central, _) = Inputs::from_plain(self.central.iter().map(|(f, v)| (*f, v.as_str())));
        let overrides = match which {
            Variant::Central => return central,
            Variant::Prudent => &self.prudent,
            Variant::Ambitious => &self.ambitious,
        };
        let mut inputs = derive_variant(&central, which);
        for (field, value) in overrides {
            let _ = inputs.set(*field, value);
        }
        inputs
    }

    /// Whether two drafts give the same name and the same inputs in every
    /// variant (however their values are written).
    pub fn same_as(&self, other: &Draft) -> bool {
        self.name == other.name
            && Variant::ALL
                .iter()
                .all(|which| self.inputs(*which) == other.inputs(*which))
            && self.settings_meaning() == other.settings_meaning()
    }

    /// The risk settings, decision-tool inputs and segments by what they
    /// mean: defaults dropped, values normalised, segments by their inputs.
    fn settings_meaning(&self) -> impl PartialEq + '_ {
        use crate::engine::risk::{DEFAULT_SEED, DEFAULT_TRIALS};
        let tools: Vec<(&String, String)> = self
            .tools
            .iter()
            .filter_map(|(key, value)| {
                let plain = tool_value(key, value)?.ok()?;
                (Some(&plain) != tool_default(key).as_ref()).then_some((key, plain))
            })
            .collect();
        let segments: Vec<(&String, Inputs)> = self
            .segments
            .iter()
            .map(|segment| (&segment.name, segment.inputs()))
            .collect();
        (
            &self.risk.ends,
            self.risk.trials.filter(|t| *t != DEFAULT_TRIALS),
            self.risk.seed.filter(|s| *s != DEFAULT_SEED),
            tools,
            segments,
        )
    }
}

/// Why a typed value was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// Not a number in the user's locale.
    Unreadable,
    /// A number, but the model does not accept it.
    Invalid(Problem),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: Field,
    pub problem: InputProblem,
}

/// Validated inputs and the fields that could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub inputs: Inputs,
    pub errors: Vec<InputError>,
}

/// Why `field` cannot be taken, if it is among `errors`.
pub fn problem_of(errors: &[InputError], field: Field) -> Option<&InputProblem> {
    errors
        .iter()
        .find(|error| error.field == field)
        .map(|error| &error.problem)
}

/// Typed text → the plain value the model validates.
pub fn text_to_plain(field: Field, text: &str, lang: Lang) -> Result<String, InputProblem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputProblem::Invalid(Problem::Empty));
    }
    let plain = match field.spec().kind {
        FieldKind::Choice(_) => trimmed.to_ascii_lowercase(),
        _ => parse_number(trimmed, lang).map_err(|_| InputProblem::Unreadable)?,
    };
    // Validate now so the field shows its message as soon as it is typed.
    crate::engine::parse_plain(field, &plain).map_err(InputProblem::Invalid)?;
    Ok(plain)
}

/// A plain value → the text to show in an input, in the user's locale.
pub fn plain_to_text(field: Field, plain: &str, lang: Lang) -> String {
    match field.spec().kind {
        FieldKind::Choice(_) => plain.to_string(),
        _ => crate::format::plain_for_input(plain, lang),
    }
}

/// `base` with every readable, valid text applied; the rest reported.
pub fn checked_inputs(base: &Inputs, texts: &BTreeMap<Field, String>, lang: Lang) -> Checked {
    let mut inputs = base.clone();
    let mut errors = Vec::new();
    for (field, text) in texts {
        let applied = text_to_plain(*field, text, lang).and_then(|plain| {
            inputs
                .set(*field, &plain)
                .map_err(|error| InputProblem::Invalid(error.problem))
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

/// Why a range end is not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum EndProblem {
    /// Not a number in the user's locale.
    Unreadable,
    /// A number the range does not accept.
    Range(crate::engine::risk::RangeProblem),
}

/// The ranges in force, or what to fix at each end.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeCheck {
    pub ranges: Option<Ranges>,
    pub problems: BTreeMap<RangeField, EndProblem>,
}

/// The typed ends, read against the central scenario `base`. An empty end
/// follows its default (the user cleared it).
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
        match crate::format::parse_number(text, lang) {
            Err(_) => {
                problems.insert(*field, EndProblem::Unreadable);
            }
            Ok(plain) => {
                if let Err(problem) = inputs.set(*field, &plain) {
                    problems.insert(
                        *field,
                        EndProblem::Range(crate::engine::risk::RangeProblem::Invalid(problem)),
                    );
                }
            }
        }
    }
    let ranges = match inputs.ranges_from(defaults) {
        Ok(ranges) => Some(ranges),
        Err(errors) => {
            for RangeError { field, problem } in errors {
                problems.entry(field).or_insert(EndProblem::Range(problem));
            }
            None
        }
    };
    RangeCheck {
        ranges: ranges.filter(|_| problems.is_empty()),
        problems,
    }
}

/// The plain values of `inputs` that differ from `base` (what a link or an
/// override needs to carry).
pub fn differences(inputs: &Inputs, base: &Inputs) -> PlainValues {
    map_of(Field::ALL.iter().filter_map(|field| {
        let value = inputs.plain(*field);
        (value != base.plain(*field)).then_some((*field, value))
    }))
}

/// Stores plain values under the spec's keys (`"meetings": "50"`) and skips
/// keys it does not know, so that data written by another version loads.
mod by_key {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::PlainValues;
    use crate::engine::Field;
    use crate::maps::map_of;

    pub fn serialize<S: Serializer>(
        values: &PlainValues,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let by_key: BTreeMap<&str, &str> = map_of(
            values
                .iter()
                .map(|(field, value)| (field.key(), value.as_str())),
        );
        by_key.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<PlainValues, D::Error> {
        let by_key = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(map_of(by_key.into_iter().filter_map(|(key, value)| {
            Field::from_key(&key).map(|field| (field, value))
        })))
    }
}

/// Range ends under their link keys (`"win_low": "30"`); unknown keys skipped.
mod range_by_key {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::engine::RangeField;
    use crate::maps::map_of;

    pub fn serialize<S: Serializer>(
        values: &BTreeMap<RangeField, String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let by_key: BTreeMap<&str, &str> = map_of(
            values
                .iter()
                .map(|(field, value)| (field.key(), value.as_str())),
        );
        by_key.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<RangeField, String>, D::Error> {
        let by_key = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(map_of(by_key.into_iter().filter_map(|(key, value)| {
            RangeField::from_key(&key).map(|field| (field, value))
        })))
    }
}

#[cfg(test)]
mod risk_tests {
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
        assert_eq!(at("win_low"), Some(EndProblem::Unreadable));
        assert!(matches!(
            at("opp_low"),
            Some(EndProblem::Range(RangeProblem::Invalid(_)))
        ));
        assert!(matches!(
            at("win_high"),
            Some(EndProblem::Range(RangeProblem::BelowLikely { .. }))
        ));
        assert!(matches!(
            at("deal_low"),
            Some(EndProblem::Range(RangeProblem::AboveLikely { .. }))
        ));
        assert_eq!(check.problems.len(), 4);
    }
}
