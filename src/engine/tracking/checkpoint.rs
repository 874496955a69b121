//! The campaign's record: checkpoints of cumulative counts and `track_prior`,
//! their bounds, plain text and link keys, and the checks across fields and
//! checkpoints.
//!
//! | key (checkpoint n, 1–52) | input | kind | bounds | decimals | default |
//! |---|---|---|---|---|---|
//! | `chk<n>.week` | campaign week of the checkpoint | count | 1 – 160 | 0 | required |
//! | `chk<n>.booked` | booked (validated) meetings so far | count | 0 – 1,000,000 | 0 | required |
//! | `chk<n>.held` | held meetings so far | count | 0 – booked | 0 | required |
//! | `chk<n>.opps` | opportunities so far | count | 0 – held | 0 | required |
//! | `chk<n>.sales` | sales signed so far | count | 0 – opps − lost | 0 | required |
//! | `chk<n>.lost` | opportunities lost so far | count | 0 – opps − sales | 0 | 0 |
//! | `chk<n>.invoiced` | provider invoices so far, set-up fee included | money | 0 – 10^10 | 4 | the expected invoice |
//! | `chk<n>.revenue` | first-sale revenue signed so far | money | 0 – 10^12 | 4 | `sales × deal` |
//! | `track_prior` | meetings' worth of evidence the plan's rates are worth | count | 0 – 1,000 | 0 | 20 |
//!
//! Each field is parsed alone with its own bounds ([`Checkpoint::set`]); the
//! bounds that name another field, and the order of the checkpoints, are
//! checked once both are parsed ([`TrackingInputs::validate`]): held ≤ booked,
//! opps ≤ held, sales + lost ≤ opps (reported on sales as "at most opps −
//! lost" and on lost as "at most opps − sales"), a count that goes back from
//! the previous checkpoint on that count, a week not after the previous one
//! on the week, and checkpoints past the 52nd on their week. `invoiced` and
//! `revenue` without a value follow the plan (`None`), so that they stay
//! right when the plan's price or basket is edited.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::field::{field_spec, parse_number, FieldKind, FieldSpec, InputField, Problem};

/// Checkpoints one campaign holds (one a week for a year).
pub const MAX_CHECKPOINTS: usize = 52;
/// `track_prior` when nobody set it: the plan counts as much as 20 meetings.
pub const DEFAULT_TRACK_PRIOR: u32 = 20;
/// The share-link key of `track_prior`.
pub const TRACK_PRIOR_KEY: &str = "track_prior";
/// `track_prior`'s row of the table.
pub const TRACK_PRIOR_SPEC: FieldSpec = FieldSpec {
    kind: FieldKind::Count,
    min: Decimal::ZERO,
    max: Decimal::from_parts(1_000, 0, 0, false, 0),
    max_decimals: 0,
    default: "20",
};

/// `track_prior` in plain text (`"20"`), checked against [`TRACK_PRIOR_SPEC`].
pub fn parse_track_prior(plain: &str) -> Result<u32, Problem> {
    parse_number(&TRACK_PRIOR_SPEC, plain)?
        .to_u32()
        .ok_or(Problem::NotAWholeNumber)
}

crate::keyed! {
    /// One field of a checkpoint; its link key is `chk<n>.<key>`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum CheckpointField {
        Week = "week",
        Booked = "booked",
        Held = "held",
        Opps = "opps",
        Sales = "sales",
        Lost = "lost",
        Invoiced = "invoiced",
        Revenue = "revenue",
    }
}

impl CheckpointField {
    /// The field's own bounds (the module table; a bound naming another
    /// field is checked by [`TrackingInputs::validate`]). `default` is empty
    /// for the required fields and for the two that follow the plan.
    pub fn spec(self) -> FieldSpec {
        use FieldKind as K;
        match self {
            CheckpointField::Week => field_spec(K::Count, 1, MAX_WEEK.into(), 0, ""),
            CheckpointField::Booked
            | CheckpointField::Held
            | CheckpointField::Opps
            | CheckpointField::Sales => field_spec(K::Count, 0, MAX_COUNT, 0, ""),
            CheckpointField::Lost => field_spec(K::Count, 0, MAX_COUNT, 0, "0"),
            CheckpointField::Invoiced => field_spec(K::Money, 0, 10_000_000_000, 4, ""),
            CheckpointField::Revenue => field_spec(K::Money, 0, 1_000_000_000_000, 4, ""),
        }
    }

    /// Week, booked, held, opps and sales: a checkpoint is nothing without them.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            CheckpointField::Week
                | CheckpointField::Booked
                | CheckpointField::Held
                | CheckpointField::Opps
                | CheckpointField::Sales
        )
    }

    /// Invoiced and revenue: without a value they follow the plan (the
    /// expected invoice, `sales × deal`).
    pub fn follows_plan(self) -> bool {
        matches!(self, CheckpointField::Invoiced | CheckpointField::Revenue)
    }

    /// The cumulative counts, which never go back from one checkpoint to the next.
    fn is_count(self) -> bool {
        matches!(
            self,
            CheckpointField::Booked
                | CheckpointField::Held
                | CheckpointField::Opps
                | CheckpointField::Sales
                | CheckpointField::Lost
        )
    }
}

impl InputField for CheckpointField {
    fn spec(self) -> FieldSpec {
        CheckpointField::spec(self)
    }
}

/// The last campaign week a checkpoint may name.
const MAX_WEEK: u32 = 160;
/// The highest count: `meetings`' own bound.
const MAX_COUNT: i64 = 1_000_000;

/// `chk<n>.<key>`, the link key of checkpoint `n` (1-based) and `field`.
pub fn checkpoint_key(n: usize, field: CheckpointField) -> String {
    format!("chk{n}.{}", field.key())
}

/// The checkpoint number (1 – [`MAX_CHECKPOINTS`]) and field of a link key,
/// written exactly as [`checkpoint_key`] writes it (no leading zero, no
/// sign); `None` for anything else.
pub fn parse_checkpoint_key(key: &str) -> Option<(usize, CheckpointField)> {
    let (number, field) = key.strip_prefix("chk")?.split_once('.')?;
    if number.is_empty()
        || number.len() > 2
        || number.starts_with('0')
        || !number.bytes().all(|byte| byte.is_ascii_digit())
    {
        return None;
    }
    let n: usize = number.parse().ok()?;
    if n > MAX_CHECKPOINTS {
        return None;
    }
    Some((n, CheckpointField::from_key(field)?))
}

/// What had happened by one week of the campaign: cumulative counts since
/// its start, and what was invoiced and signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub week: u32,
    pub booked: Decimal,
    pub held: Decimal,
    pub opps: Decimal,
    pub sales: Decimal,
    pub lost: Decimal,
    /// `None`: the expected invoice.
    pub invoiced: Option<Decimal>,
    /// `None`: `sales × deal`.
    pub revenue: Option<Decimal>,
}

impl Checkpoint {
    /// A new checkpoint a week after `previous`, with its counts and amounts
    /// (nothing has happened since, which never goes back); week 1 and
    /// nothing at all without one.
    pub fn following(previous: Option<&Checkpoint>) -> Checkpoint {
        match previous {
            Some(previous) => Checkpoint {
                week: previous.week.saturating_add(1).min(MAX_WEEK),
                ..previous.clone()
            },
            None => Checkpoint {
                week: 1,
                booked: Decimal::ZERO,
                held: Decimal::ZERO,
                opps: Decimal::ZERO,
                sales: Decimal::ZERO,
                lost: Decimal::ZERO,
                invoiced: None,
                revenue: None,
            },
        }
    }

    /// Parses `plain` with the field's own bounds and stores it. On error the
    /// checkpoint is left unchanged.
    pub fn set(&mut self, field: CheckpointField, plain: &str) -> Result<(), Problem> {
        let value = parse_number(&field.spec(), plain)?;
        match field {
            CheckpointField::Week => self.week = value.to_u32().ok_or(Problem::NotAWholeNumber)?,
            CheckpointField::Booked => self.booked = value,
            CheckpointField::Held => self.held = value,
            CheckpointField::Opps => self.opps = value,
            CheckpointField::Sales => self.sales = value,
            CheckpointField::Lost => self.lost = value,
            CheckpointField::Invoiced => self.invoiced = Some(value),
            CheckpointField::Revenue => self.revenue = Some(value),
        }
        Ok(())
    }

    /// Back to the default: `invoiced` and `revenue` follow the plan again,
    /// `lost` is 0; the required fields have none and are left as they are.
    pub fn clear(&mut self, field: CheckpointField) {
        match field {
            CheckpointField::Lost => self.lost = Decimal::ZERO,
            CheckpointField::Invoiced => self.invoiced = None,
            CheckpointField::Revenue => self.revenue = None,
            _ => {}
        }
    }

    /// The stored value in plain units; `None` for `invoiced` and `revenue`
    /// while they follow the plan.
    pub fn number(&self, field: CheckpointField) -> Option<Decimal> {
        let value = match field {
            CheckpointField::Week => Decimal::from(self.week),
            CheckpointField::Booked => self.booked,
            CheckpointField::Held => self.held,
            CheckpointField::Opps => self.opps,
            CheckpointField::Sales => self.sales,
            CheckpointField::Lost => self.lost,
            CheckpointField::Invoiced => self.invoiced?,
            CheckpointField::Revenue => self.revenue?,
        };
        Some(value.normalize())
    }

    /// The inverse of [`Checkpoint::set`]: normalized plain text (`"12"`,
    /// `"1440.5"`); `None` when the field follows the plan (the link then
    /// omits the key).
    pub fn plain(&self, field: CheckpointField) -> Option<String> {
        self.number(field).map(|value| value.to_string())
    }

    /// A checkpoint from its link values: `None` unless every required field
    /// has a valid value. Every invalid pair is reported (a required field
    /// with no value as [`Problem::Empty`]) and the rest still read; an
    /// optional field with an invalid value keeps its default.
    pub fn from_plain<'a>(
        pairs: impl IntoIterator<Item = (CheckpointField, &'a str)>,
    ) -> (Option<Checkpoint>, Vec<(CheckpointField, Problem)>) {
        let mut checkpoint = Checkpoint::following(None);
        let mut given = [false; CheckpointField::ALL.len()];
        let mut errors = Vec::new();
        for (field, plain) in pairs {
            match checkpoint.set(field, plain) {
                Ok(()) => given[field as usize] = true,
                Err(problem) => errors.push((field, problem)),
            }
        }
        let mut complete = true;
        for field in CheckpointField::ALL {
            if field.is_required() && !given[field as usize] {
                complete = false;
                if !errors.iter().any(|(reported, _)| *reported == field) {
                    errors.push((field, Problem::Empty));
                }
            }
        }
        (complete.then_some(checkpoint), errors)
    }

    /// Every field whose stored value is not one [`Checkpoint::set`] could
    /// have produced (after deserializing saved data, whose fields are public).
    pub fn validate(&self) -> Vec<(CheckpointField, Problem)> {
        CheckpointField::ALL
            .into_iter()
            .filter_map(|field| {
                let plain = self.plain(field)?;
                let problem = parse_number(&field.spec(), &plain).err()?;
                Some((field, problem))
            })
            .collect()
    }
}

/// The bound a count exceeds, named after the field(s) it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Held meetings are at most the booked ones.
    Booked,
    /// Opportunities are at most the held meetings.
    Held,
    /// Sales are at most the opportunities not lost.
    OppsLessLost,
    /// Lost opportunities are at most those not signed.
    OppsLessSales,
}

/// Why a checkpoint's value does not fit the rest of the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckpointProblem {
    /// Outside the field's own bounds (a stored value `set` could not produce).
    Invalid(Problem),
    /// Above what another field of the same checkpoint allows (`max`, never below 0).
    Exceeds { limit: Limit, max: Decimal },
    /// Fewer than at the previous checkpoint: counts are cumulative.
    BelowPrevious { previous: Decimal },
    /// Not after the previous checkpoint's week.
    NotAfterPrevious { previous: u32 },
    /// Past the [`MAX_CHECKPOINTS`] a campaign holds (reported on the week).
    TooMany { max: usize },
}

/// A [`CheckpointProblem`] with where it belongs: checkpoint `index`
/// (0-based: `chk<index + 1>`) and the field shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CheckpointError {
    pub index: usize,
    pub field: CheckpointField,
    pub problem: CheckpointProblem,
}

/// The campaign's record: its checkpoints, in week order, and how much the
/// plan's rates weigh against them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingInputs {
    pub checkpoints: Vec<Checkpoint>,
    pub track_prior: u32,
}

impl Default for TrackingInputs {
    fn default() -> Self {
        TrackingInputs {
            checkpoints: Vec::new(),
            track_prior: DEFAULT_TRACK_PRIOR,
        }
    }
}

impl TrackingInputs {
    /// The checkpoint whose figures the page shows.
    pub fn latest(&self) -> Option<&Checkpoint> {
        self.checkpoints.last()
    }

    /// Parses and stores `track_prior`. On error it is left unchanged.
    pub fn set_track_prior(&mut self, plain: &str) -> Result<(), Problem> {
        self.track_prior = parse_track_prior(plain)?;
        Ok(())
    }

    pub fn track_prior_plain(&self) -> String {
        self.track_prior.to_string()
    }

    /// A stored `track_prior` that [`TrackingInputs::set_track_prior`] could not have produced.
    pub fn track_prior_problem(&self) -> Option<Problem> {
        parse_track_prior(&self.track_prior_plain()).err()
    }

    /// Every problem of the checkpoints, at most one per field, in order:
    /// the field's own bounds, the bound another field sets, then the
    /// previous checkpoint (see the module doc). Empty when the campaign is
    /// consistent.
    pub fn validate(&self) -> Vec<CheckpointError> {
        let mut errors = Vec::new();
        let mut previous: Option<&Checkpoint> = None;
        for (index, checkpoint) in self.checkpoints.iter().enumerate() {
            if index >= MAX_CHECKPOINTS {
                errors.push(CheckpointError {
                    index,
                    field: CheckpointField::Week,
                    problem: CheckpointProblem::TooMany {
                        max: MAX_CHECKPOINTS,
                    },
                });
                continue;
            }
            let mut found: Vec<(CheckpointField, CheckpointProblem)> = checkpoint
                .validate()
                .into_iter()
                .map(|(field, problem)| (field, CheckpointProblem::Invalid(problem)))
                .collect();
            let mut report = |field: CheckpointField, problem: CheckpointProblem| {
                if !found.iter().any(|(reported, _)| *reported == field) {
                    found.push((field, problem));
                }
            };
            for (field, limit, max) in limits(checkpoint) {
                if checkpoint.number(field).unwrap_or_default() > max {
                    report(field, CheckpointProblem::Exceeds { limit, max });
                }
            }
            if let Some(previous) = previous {
                if checkpoint.week <= previous.week {
                    report(
                        CheckpointField::Week,
                        CheckpointProblem::NotAfterPrevious {
                            previous: previous.week,
                        },
                    );
                }
                for field in CheckpointField::ALL.into_iter().filter(|f| f.is_count()) {
                    let (now, before) = (checkpoint.number(field), previous.number(field));
                    if let (Some(now), Some(before)) = (now, before) {
                        if now < before {
                            report(field, CheckpointProblem::BelowPrevious { previous: before });
                        }
                    }
                }
            }
            found.sort_by_key(|(field, _)| *field);
            errors.extend(found.into_iter().map(|(field, problem)| CheckpointError {
                index,
                field,
                problem,
            }));
            previous = Some(checkpoint);
        }
        errors
    }
}

/// Each bound that names another field: `(field, limit, its maximum)`.
/// The maximum is clamped at 0, so that lost opportunities beyond the
/// opportunities are reported on `lost` alone, not as "at most −2 sales".
fn limits(checkpoint: &Checkpoint) -> [(CheckpointField, Limit, Decimal); 4] {
    let not_below_zero = |a: Decimal, b: Decimal| {
        a.checked_sub(b)
            .unwrap_or(Decimal::ZERO)
            .max(Decimal::ZERO)
            .normalize()
    };
    [
        (
            CheckpointField::Held,
            Limit::Booked,
            checkpoint.booked.normalize(),
        ),
        (
            CheckpointField::Opps,
            Limit::Held,
            checkpoint.held.normalize(),
        ),
        (
            CheckpointField::Sales,
            Limit::OppsLessLost,
            not_below_zero(checkpoint.opps, checkpoint.lost),
        ),
        (
            CheckpointField::Lost,
            Limit::OppsLessSales,
            not_below_zero(checkpoint.opps, checkpoint.sales),
        ),
    ]
}
