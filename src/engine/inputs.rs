//! The twenty inputs of one scenario: their bounds, defaults, and the plain
//! text the share link carries and the UI produces after locale parsing.
//!
//! Plain text is strict on purpose (a link is a contract): `.` as the decimal
//! point, no grouping, an optional leading `-`, percentages as percent numbers
//! (`"25"` is 25 %), enum tokens as the spec writes them, surrounding ASCII
//! whitespace ignored. Everything else is a [`Problem`], never a panic and
//! never a silent clamp. [`Inputs`] stores rates as fractions (25 % is `0.25`).
//!
//! Every non-integer input accepts at most 4 decimals ([`FieldSpec::max_decimals`]):
//! nobody prices a meeting or a rate finer than that, and it keeps every
//! figure of the model far inside [`Decimal`]'s range and precision.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::field::{
    field_spec, out_of_range, parse_digits, FieldKind, FieldSet, FieldSpec, InputField, Problem,
};

/// Upper bound of `meetings`; the goal planner's campaign must stay within it.
pub const MAX_MEETINGS: u32 = 1_000_000;
/// Upper bound of `years` (renewal years); also caps the engine's loops.
pub(crate) const MAX_YEARS: u32 = 10;
/// Upper bound of `months` and `cycle`; also caps the schedule's length.
pub(crate) const MAX_MONTHS: u32 = 36;

crate::keyed! {
    /// One input of a scenario, named by its share-link key.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Field {
        Meetings = "meetings",
        Price = "price",
        Basis = "basis",
        Noshow = "noshow",
        Setup = "setup",
        Opp = "opp",
        Win = "win",
        Rounding = "rounding",
        Deal = "deal",
        Margin = "margin",
        Recurring = "recurring",
        Retention = "retention",
        Years = "years",
        Hours = "hours",
        Hourly = "hourly",
        Fixed = "fixed",
        Months = "months",
        Cycle = "cycle",
        Target = "target",
        Multiple = "multiple",
    }
}

impl InputField for Field {
    fn spec(self) -> FieldSpec {
        Field::spec(self)
    }
}

impl Field {
    /// Unit, bounds, precision and default, as the spec's input table gives them.
    pub fn spec(self) -> FieldSpec {
        use FieldKind as K;
        let (kind, min, max, default) = match self {
            Field::Meetings => (K::Count, 1, i64::from(MAX_MEETINGS), "50"),
            Field::Price => (K::Money, 0, 100_000, "120"),
            Field::Basis => (K::Choice(&Basis::KEYS), 0, 0, "booked"),
            Field::Noshow => (K::Percent, 0, 100, "0"),
            Field::Setup => (K::Money, 0, 10_000_000, "0"),
            Field::Opp => (K::Percent, 0, 100, "50"),
            Field::Win => (K::Percent, 0, 100, "50"),
            Field::Rounding => (K::Choice(&Rounding::KEYS), 0, 0, "whole"),
            Field::Deal => (K::Money, 0, 100_000_000, "6000"),
            Field::Margin => (K::Percent, 0, 100, "40"),
            Field::Recurring => (K::Money, 0, 100_000_000, "0"),
            Field::Retention => (K::Percent, 0, 100, "80"),
            Field::Years => (K::Years, 0, i64::from(MAX_YEARS), "0"),
            Field::Hours => (K::Hours, 0, 1_000, "0"),
            Field::Hourly => (K::Money, 0, 10_000, "0"),
            Field::Fixed => (K::Money, 0, 100_000_000, "0"),
            Field::Months => (K::Months, 1, i64::from(MAX_MONTHS), "3"),
            Field::Cycle => (K::Months, 0, i64::from(MAX_MONTHS), "2"),
            Field::Target => (K::Percent, -100, 10_000, "100"),
            Field::Multiple => (K::Multiple, 0, 100, "3"),
        };
        let max_decimals = match kind {
            K::Count | K::Months | K::Years | K::Choice(_) => 0,
            K::Money | K::Percent | K::Hours | K::Multiple => 4,
        };
        field_spec(kind, min, max, max_decimals, default)
    }

    fn is_percent(self) -> bool {
        self.spec().kind == FieldKind::Percent
    }
}

crate::keyed! {
    @key token, from_token;
    /// What the provider invoices: every validated meeting, or only held ones.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Basis {
        Booked = "booked",
        Held = "held",
    }
}

crate::keyed! {
    @key token, from_token;
    /// How sales are counted: whole customers (rounded down, the prudent reading)
    /// or fractional expected sales.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Rounding {
        Whole = "whole",
        Expected = "expected",
    }
}

/// A parsed plain value, in plain units (a rate is still a percent number here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Basis(Basis),
    Rounding(Rounding),
}

/// A [`Problem`] with the field it belongs to (shown next to that control).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// Validated inputs of one scenario. Rates are FRACTIONS here (noshow 25 % is 0.25).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    pub meetings: Decimal,
    pub price: Decimal,
    pub basis: Basis,
    pub noshow: Decimal,
    pub setup: Decimal,
    pub opp: Decimal,
    pub win: Decimal,
    pub rounding: Rounding,
    pub deal: Decimal,
    pub margin: Decimal,
    pub recurring: Decimal,
    pub retention: Decimal,
    pub years: u32,
    pub hours: Decimal,
    pub hourly: Decimal,
    pub fixed: Decimal,
    pub months: u32,
    pub cycle: u32,
    pub target: Decimal,
    pub multiple: Decimal,
}

impl Default for Inputs {
    /// The spec's defaults: the article's worked example (50 meetings × 120 €,
    /// 25 % of meetings signed, 6,000 € basket, 40 % margin, three months).
    fn default() -> Self {
        Inputs {
            meetings: Decimal::from(50),
            price: Decimal::from(120),
            basis: Basis::Booked,
            noshow: Decimal::ZERO,
            setup: Decimal::ZERO,
            opp: Decimal::new(5, 1),
            win: Decimal::new(5, 1),
            rounding: Rounding::Whole,
            deal: Decimal::from(6_000),
            margin: Decimal::new(4, 1),
            recurring: Decimal::ZERO,
            retention: Decimal::new(8, 1),
            years: 0,
            hours: Decimal::ZERO,
            hourly: Decimal::ZERO,
            fixed: Decimal::ZERO,
            months: 3,
            cycle: 2,
            target: Decimal::ONE,
            multiple: Decimal::from(3),
        }
    }
}

/// The base scenario as a [`FieldSet`]. [`Inputs`] also keeps `set`,
/// `from_plain` and `validate` of its own, which name the field with the
/// problem ([`FieldError`]): the form lists its fields' problems that way.
impl FieldSet for Inputs {
    type Field = Field;

    fn set(&mut self, field: Field, plain: &str) -> Result<(), Problem> {
        Inputs::set(self, field, plain).map_err(|error| error.problem)
    }

    fn plain(&self, field: Field) -> String {
        Inputs::plain(self, field)
    }

    fn validate(&self) -> Vec<(Field, Problem)> {
        Inputs::validate(self)
            .into_iter()
            .map(|error| (error.field, error.problem))
            .collect()
    }
}

impl Inputs {
    /// Parses `plain` for `field` and stores it (a percent becomes a fraction).
    /// On error the inputs are left unchanged.
    pub fn set(&mut self, field: Field, plain: &str) -> Result<(), FieldError> {
        let value = parse_plain(field, plain).map_err(|problem| FieldError { field, problem })?;
        match value {
            Value::Number(number) => self.store_number(field, number),
            Value::Basis(basis) => self.basis = basis,
            Value::Rounding(rounding) => self.rounding = rounding,
        }
        Ok(())
    }

    /// The inverse of [`Inputs::set`]: normalized plain text (`"25"` for a
    /// no-show of 0.25, `"120"`, `"12.5"`, `"0"`), so round trips are textually
    /// stable. Empty only for a rate too large to write as a percent (never
    /// for inputs that passed [`Inputs::set`]).
    pub fn plain(&self, field: Field) -> String {
        match field {
            Field::Basis => self.basis.token().to_owned(),
            Field::Rounding => self.rounding.token().to_owned(),
            _ => self
                .number(field)
                .map(|number| number.to_string())
                .unwrap_or_default(),
        }
    }

    /// The defaults, overridden by every valid pair; invalid pairs are
    /// reported and skipped (a bad link value never blocks the rest).
    pub fn from_plain<'a>(
        pairs: impl IntoIterator<Item = (Field, &'a str)>,
    ) -> (Inputs, Vec<FieldError>) {
        let mut inputs = Inputs::default();
        let errors = pairs
            .into_iter()
            .filter_map(|(field, plain)| inputs.set(field, plain).err())
            .collect();
        (inputs, errors)
    }

    /// A numeric input in plain units (a rate as a percent number), normalized;
    /// `None` for the two choices.
    pub fn number(&self, field: Field) -> Option<Decimal> {
        let stored = match field {
            Field::Meetings => self.meetings,
            Field::Price => self.price,
            Field::Noshow => self.noshow,
            Field::Setup => self.setup,
            Field::Opp => self.opp,
            Field::Win => self.win,
            Field::Deal => self.deal,
            Field::Margin => self.margin,
            Field::Recurring => self.recurring,
            Field::Retention => self.retention,
            Field::Years => Decimal::from(self.years),
            Field::Hours => self.hours,
            Field::Hourly => self.hourly,
            Field::Fixed => self.fixed,
            Field::Months => Decimal::from(self.months),
            Field::Cycle => Decimal::from(self.cycle),
            Field::Target => self.target,
            Field::Multiple => self.multiple,
            Field::Basis | Field::Rounding => return None,
        };
        let plain = if field.is_percent() {
            stored.checked_mul(Decimal::ONE_HUNDRED)?
        } else {
            stored
        };
        Some(plain.normalize())
    }

    /// Every field whose stored value is not one `set` could have produced
    /// (useful after deserializing saved inputs, whose fields are public).
    pub fn validate(&self) -> Vec<FieldError> {
        Field::ALL
            .into_iter()
            .filter_map(|field| {
                let problem = match (field, self.number(field)) {
                    (Field::Basis | Field::Rounding, _) => return None,
                    (_, Some(number)) => parse_plain(field, &number.to_string()).err()?,
                    // Only a rate beyond ±10^26 cannot be written as a percent.
                    (_, None) => out_of_range(field.spec(), self.stored_is_negative(field)),
                };
                Some(FieldError { field, problem })
            })
            .collect()
    }

    fn stored_is_negative(&self, field: Field) -> bool {
        match field {
            Field::Noshow => self.noshow.is_sign_negative(),
            Field::Opp => self.opp.is_sign_negative(),
            Field::Win => self.win.is_sign_negative(),
            Field::Margin => self.margin.is_sign_negative(),
            Field::Retention => self.retention.is_sign_negative(),
            Field::Target => self.target.is_sign_negative(),
            _ => false,
        }
    }

    /// Stores a number given in plain units. Callers pass validated values
    /// (at most 4 decimals, within bounds), for which every step is exact.
    pub(crate) fn store_number(&mut self, field: Field, plain: Decimal) {
        let number = if field.is_percent() {
            plain.checked_div(Decimal::ONE_HUNDRED).unwrap_or(plain)
        } else {
            plain
        }
        .normalize();
        let whole = || u32::try_from(number).unwrap_or(0);
        match field {
            Field::Meetings => self.meetings = number,
            Field::Price => self.price = number,
            Field::Noshow => self.noshow = number,
            Field::Setup => self.setup = number,
            Field::Opp => self.opp = number,
            Field::Win => self.win = number,
            Field::Deal => self.deal = number,
            Field::Margin => self.margin = number,
            Field::Recurring => self.recurring = number,
            Field::Retention => self.retention = number,
            Field::Years => self.years = whole(),
            Field::Hours => self.hours = number,
            Field::Hourly => self.hourly = number,
            Field::Fixed => self.fixed = number,
            Field::Months => self.months = whole(),
            Field::Cycle => self.cycle = whole(),
            Field::Target => self.target = number,
            Field::Multiple => self.multiple = number,
            Field::Basis | Field::Rounding => {}
        }
    }
}

/// Parses one field's plain text into a value in plain units (see the module doc).
pub fn parse_plain(field: Field, plain: &str) -> Result<Value, Problem> {
    let text = plain.trim_matches(|c: char| c.is_ascii_whitespace());
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    match field {
        Field::Basis => Basis::from_token(text)
            .map(Value::Basis)
            .ok_or(Problem::UnknownChoice),
        Field::Rounding => Rounding::from_token(text)
            .map(Value::Rounding)
            .ok_or(Problem::UnknownChoice),
        _ => parse_digits(field.spec(), text).map(Value::Number),
    }
}
