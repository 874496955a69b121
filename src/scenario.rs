//! A scenario as the user edits, saves and shares it. Pure: tested
//! natively. What was typed becomes plain values in [`crate::entry`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::tracking::{
    Checkpoint, CheckpointField, CheckpointProblem, TrackingInputs, DEFAULT_TRACK_PRIOR,
    MAX_CHECKPOINTS, TRACK_PRIOR_SPEC,
};
use crate::engine::{
    derive_variant, CapacityInputs, CompareInputs, Field, FieldSet, GoalInputs, Inputs, Keyed,
    Problem, RangeField, Variant,
};
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
    /// The campaign's checkpoints (`tracking.md`), in week order: what
    /// happened so far, against the plan (the central scenario). A
    /// scenario stored before campaign tracking has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<Checkpoint>,
    /// `track_prior` when set; `None`: the default (20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_prior: Option<u32>,
}

/// Every decision-tool input's link key, in the order links write them.
pub fn tool_keys() -> impl Iterator<Item = &'static str> {
    fn keys<I: FieldSet>() -> impl Iterator<Item = &'static str> {
        I::Field::all().iter().map(|field| field.key())
    }
    keys::<CompareInputs>()
        .chain(keys::<GoalInputs>())
        .chain(keys::<CapacityInputs>())
}

/// A decision-tool value checked against its input: `None` when `key` is
/// not a decision-tool input, else its normalised plain form or the problem.
pub fn tool_value(key: &str, value: &str) -> Option<Result<String, Problem>> {
    fn checked<I: FieldSet>(key: &str, value: &str) -> Option<Result<String, Problem>> {
        let field = I::Field::from_key(key)?;
        let mut inputs = I::default();
        Some(inputs.set(field, value).map(|()| inputs.plain(field)))
    }
    checked::<CompareInputs>(key, value)
        .or_else(|| checked::<GoalInputs>(key, value))
        .or_else(|| checked::<CapacityInputs>(key, value))
}

/// A decision-tool input's default, in plain form.
pub fn tool_default(key: &str) -> Option<String> {
    fn default<I: FieldSet>(key: &str) -> Option<String> {
        I::Field::from_key(key).map(|field| I::default().plain(field))
    }
    default::<CompareInputs>(key)
        .or_else(|| default::<GoalInputs>(key))
        .or_else(|| default::<CapacityInputs>(key))
}

/// One decision tool's inputs as a scenario carries them (`tools`, plain
/// values by link key): the defaults, overridden by every valid value.
pub fn tool_inputs<I: FieldSet>(tools: &BTreeMap<String, String>) -> I {
    let mut inputs = I::default();
    for field in I::Field::all() {
        if let Some(plain) = tools.get(field.key()) {
            let _ = inputs.set(*field, plain);
        }
    }
    inputs
}

/// Writes one tool's inputs into `tools`: the values that differ from the
/// defaults, and no key for the others.
pub fn store_tool_inputs<I: FieldSet>(inputs: &I, tools: &mut BTreeMap<String, String>) {
    for field in I::Field::all() {
        tools.remove(field.key());
    }
    for (field, plain) in inputs.differences() {
        tools.insert(field.key().to_string(), plain);
    }
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
    #[serde(default, with = "by_key", skip_serializing_if = "BTreeMap::is_empty")]
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

    /// `track_prior` in force: the one set, when within its bounds, else the
    /// default (a stored value out of bounds is not one the page wrote).
    pub fn track_prior(&self) -> u32 {
        self.track_prior
            .filter(|k| rust_decimal::Decimal::from(*k) <= TRACK_PRIOR_SPEC.max)
            .unwrap_or(DEFAULT_TRACK_PRIOR)
    }

    /// The campaign as the engine tracks it.
    pub fn tracking(&self) -> TrackingInputs {
        TrackingInputs {
            checkpoints: self.checkpoints.clone(),
            track_prior: self.track_prior(),
        }
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

    /// The risk settings, decision-tool inputs, segments and campaign by
    /// what they mean: defaults dropped, values normalised, segments by
    /// their inputs, checkpoints by their values.
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
        let checkpoints: Vec<_> = self
            .checkpoints
            .iter()
            .map(|checkpoint| CheckpointField::ALL.map(|field| checkpoint.number(field)))
            .collect();
        (
            (
                &self.risk.ends,
                self.risk.trials.filter(|t| *t != DEFAULT_TRIALS),
                self.risk.seed.filter(|s| *s != DEFAULT_SEED),
            ),
            tools,
            segments,
            checkpoints,
            self.track_prior(),
        )
    }
}

/// Why a checkpoint read from a link or a file was not taken (it is then
/// left out whole: its other values go with it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckpointRefusal {
    /// A required field (week, booked, held, opportunities, sales) has no
    /// valid value.
    Missing,
    /// It does not fit itself (held above booked…) or the checkpoint taken
    /// before it (counts going back, a week not after it), or comes past
    /// the 52nd.
    Problem(CheckpointProblem),
}

/// One reason a checkpoint was left out, at the field it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedCheckpoint {
    /// Its number where it was read (`chk<number>`, from 1).
    pub number: usize,
    pub field: CheckpointField,
    /// The value given, as given (empty when missing).
    pub value: String,
    pub refusal: CheckpointRefusal,
}

/// Checkpoints read from plain values by their number (a link's
/// `chk<n>.<field>`, an export's list), each value already valid for its
/// field. In number order, a checkpoint is taken when it has every
/// required field and fits itself and the last one taken ([`TrackingInputs::validate`]);
/// otherwise it is left out whole, each of its problems reported, and the
/// next is checked against the last one taken. Gaps in the numbers close.
pub fn checkpoints_from(
    numbered: &BTreeMap<usize, Vec<(CheckpointField, String)>>,
) -> (Vec<Checkpoint>, Vec<RefusedCheckpoint>) {
    let mut taken: Vec<Checkpoint> = Vec::new();
    let mut refused = Vec::new();
    for (number, pairs) in numbered {
        let value_of = |field: CheckpointField| {
            pairs
                .iter()
                .rev()
                .find(|(given, _)| *given == field)
                .map(|(_, value)| value.clone())
                .unwrap_or_default()
        };
        let mut refuse = |field: CheckpointField, refusal: CheckpointRefusal| {
            refused.push(RefusedCheckpoint {
                number: *number,
                field,
                value: value_of(field),
                refusal,
            })
        };
        let (checkpoint, errors) =
            Checkpoint::from_plain(pairs.iter().map(|(field, value)| (*field, value.as_str())));
        let Some(checkpoint) = checkpoint else {
            for (field, problem) in errors {
                let refusal = match problem {
                    Problem::Empty if value_of(field).is_empty() => CheckpointRefusal::Missing,
                    _ => CheckpointRefusal::Problem(CheckpointProblem::Invalid(problem)),
                };
                refuse(field, refusal);
            }
            continue;
        };
        if taken.len() >= MAX_CHECKPOINTS {
            refuse(
                CheckpointField::Week,
                CheckpointRefusal::Problem(CheckpointProblem::TooMany {
                    max: MAX_CHECKPOINTS,
                }),
            );
            continue;
        }
        // Against the last one taken only: those before it fit already.
        let last = taken.last().cloned();
        let index = usize::from(last.is_some());
        let pair = TrackingInputs {
            checkpoints: last.into_iter().chain([checkpoint.clone()]).collect(),
            track_prior: DEFAULT_TRACK_PRIOR,
        };
        let problems: Vec<_> = pair
            .validate()
            .into_iter()
            .filter(|error| error.index == index)
            .collect();
        if problems.is_empty() {
            taken.push(checkpoint);
        } else {
            for error in problems {
                refuse(error.field, CheckpointRefusal::Problem(error.problem));
            }
        }
    }
    (taken, refused)
}

/// The plain values of `inputs` that differ from `base` (what a link or an
/// override needs to carry).
pub fn differences(inputs: &Inputs, base: &Inputs) -> PlainValues {
    map_of(Field::ALL.iter().filter_map(|field| {
        let value = inputs.plain(*field);
        (value != base.plain(*field)).then_some((*field, value))
    }))
}

/// Stores plain values under their link keys (`"meetings": "50"`,
/// `"win_low": "30"`) and skips keys it does not know, so that data written
/// by another version loads.
mod by_key {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::keyed::Keyed;
    use crate::maps::map_of;

    pub fn serialize<F: Keyed, S: Serializer>(
        values: &BTreeMap<F, String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let by_key: BTreeMap<&str, &str> = map_of(
            values
                .iter()
                .map(|(field, value)| (field.key(), value.as_str())),
        );
        by_key.serialize(serializer)
    }

    pub fn deserialize<'de, F: Keyed + Ord, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<F, String>, D::Error> {
        let by_key = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(map_of(by_key.into_iter().filter_map(|(key, value)| {
            F::from_key(&key).map(|field| (field, value))
        })))
    }
}
