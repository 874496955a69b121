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

/// Upper bound of `years` (renewal years); also caps the engine's loops.
pub(crate) const MAX_YEARS: u32 = 10;
/// Upper bound of `months` and `cycle`; also caps the schedule's length.
pub(crate) const MAX_MONTHS: u32 = 36;

/// One input of a scenario, named by its share-link key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Meetings,
    Price,
    Basis,
    Noshow,
    Setup,
    Opp,
    Win,
    Rounding,
    Deal,
    Margin,
    Recurring,
    Retention,
    Years,
    Hours,
    Hourly,
    Fixed,
    Months,
    Cycle,
    Target,
    Multiple,
}

impl Field {
    /// Every input, in the spec table's order (the share link writes them so).
    pub const ALL: [Field; 20] = [
        Field::Meetings,
        Field::Price,
        Field::Basis,
        Field::Noshow,
        Field::Setup,
        Field::Opp,
        Field::Win,
        Field::Rounding,
        Field::Deal,
        Field::Margin,
        Field::Recurring,
        Field::Retention,
        Field::Years,
        Field::Hours,
        Field::Hourly,
        Field::Fixed,
        Field::Months,
        Field::Cycle,
        Field::Target,
        Field::Multiple,
    ];

    /// The share-link key, which is also the form control's `name`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Meetings => "meetings",
            Field::Price => "price",
            Field::Basis => "basis",
            Field::Noshow => "noshow",
            Field::Setup => "setup",
            Field::Opp => "opp",
            Field::Win => "win",
            Field::Rounding => "rounding",
            Field::Deal => "deal",
            Field::Margin => "margin",
            Field::Recurring => "recurring",
            Field::Retention => "retention",
            Field::Years => "years",
            Field::Hours => "hours",
            Field::Hourly => "hourly",
            Field::Fixed => "fixed",
            Field::Months => "months",
            Field::Cycle => "cycle",
            Field::Target => "target",
            Field::Multiple => "multiple",
        }
    }

    /// The field whose share-link key is exactly `key` (case-sensitive).
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }

    /// Unit, bounds, precision and default, as the spec's input table gives them.
    pub fn spec(self) -> FieldSpec {
        use FieldKind as K;
        let (kind, min, max, default) = match self {
            Field::Meetings => (K::Count, 1, 1_000_000, "50"),
            Field::Price => (K::Money, 0, 100_000, "120"),
            Field::Basis => (K::Choice(Basis::TOKENS), 0, 0, "booked"),
            Field::Noshow => (K::Percent, 0, 100, "0"),
            Field::Setup => (K::Money, 0, 10_000_000, "0"),
            Field::Opp => (K::Percent, 0, 100, "50"),
            Field::Win => (K::Percent, 0, 100, "50"),
            Field::Rounding => (K::Choice(Rounding::TOKENS), 0, 0, "whole"),
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
        FieldSpec {
            kind,
            min: Decimal::from(min),
            max: Decimal::from(max),
            max_decimals,
            default,
        }
    }

    fn is_percent(self) -> bool {
        self.spec().kind == FieldKind::Percent
    }
}

/// What an input measures, so the UI can pick a control, a unit and a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    Count,
    Money,
    /// Shown and typed as a percent number; stored as a fraction.
    Percent,
    Hours,
    Multiple,
    Months,
    Years,
    /// One of these tokens (the plain text the link carries).
    Choice(&'static [&'static str]),
}

/// The spec's row for one input. Bounds are inclusive and in plain units
/// (percent numbers for rates); for [`FieldKind::Choice`] they are 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub kind: FieldKind,
    pub min: Decimal,
    pub max: Decimal,
    /// 0 for counts, months and years; 4 for money, rates, hours and multiples.
    pub max_decimals: u32,
    /// The default's plain text (`"50"`, `"120"`, `"booked"`, …).
    pub default: &'static str,
}

/// What the provider invoices: every validated meeting, or only held ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Booked,
    Held,
}

impl Basis {
    const TOKENS: &'static [&'static str] = &["booked", "held"];

    /// The plain-text token (`"booked"` / `"held"`).
    pub fn token(self) -> &'static str {
        match self {
            Basis::Booked => "booked",
            Basis::Held => "held",
        }
    }

    fn from_token(token: &str) -> Option<Basis> {
        [Basis::Booked, Basis::Held]
            .into_iter()
            .find(|basis| basis.token() == token)
    }
}

/// How sales are counted: whole customers (rounded down, the prudent reading)
/// or fractional expected sales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rounding {
    Whole,
    Expected,
}

impl Rounding {
    const TOKENS: &'static [&'static str] = &["whole", "expected"];

    /// The plain-text token (`"whole"` / `"expected"`).
    pub fn token(self) -> &'static str {
        match self {
            Rounding::Whole => "whole",
            Rounding::Expected => "expected",
        }
    }

    fn from_token(token: &str) -> Option<Rounding> {
        [Rounding::Whole, Rounding::Expected]
            .into_iter()
            .find(|rounding| rounding.token() == token)
    }
}

/// A parsed plain value, in plain units (a rate is still a percent number here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Basis(Basis),
    Rounding(Rounding),
}

/// Why a plain text is not a valid value for its field.
///
/// Checked in this order: empty, grammar, bounds, whole number, decimals.
/// Bounds are in plain units (percent numbers for rates), ready to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    /// Nothing but whitespace.
    Empty,
    /// Not `-?digits[.digits]` (exponents, signs, grouping, words, …).
    NotANumber,
    /// A count, months or years with a fractional part.
    NotAWholeNumber,
    /// More significant decimals than the field takes (trailing zeros are fine).
    TooManyDecimals {
        max: u32,
    },
    BelowMin {
        min: Decimal,
    },
    AboveMax {
        max: Decimal,
    },
    /// Not one of the field's tokens (they are case-sensitive).
    UnknownChoice,
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

/// An integer part longer than this is out of range for every field (all
/// bounds are at most 10^12, a checkpoint's revenue), so huge strings are
/// rejected before any arithmetic.
const MAX_INTEGER_DIGITS: usize = 13;
/// Decimals kept for the range check, more than any valid value has.
const RANGE_CHECK_DECIMALS: usize = 10;

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
        _ => parse_number(field.spec(), text).map(Value::Number),
    }
}

/// `-?digits[.digits]` (either side of the point may be empty, not both).
/// Checks, in order: the grammar, the bounds, whole numbers, decimals.
pub(crate) fn parse_number(spec: FieldSpec, text: &str) -> Result<Decimal, Problem> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty())
        || !all_digits(int_part)
        || !all_digits(frac_part)
    {
        return Err(Problem::NotANumber);
    }
    let int_digits = int_part.trim_start_matches('0');
    let frac_digits = frac_part.trim_end_matches('0');
    let negative = negative && !(int_digits.is_empty() && frac_digits.is_empty());

    if int_digits.len() > MAX_INTEGER_DIGITS {
        return Err(out_of_range(spec, negative));
    }
    // Truncated toward zero; bounds have no decimals, so a value beyond a
    // bound by a representable step is still beyond it after truncation.
    let kept = frac_digits
        .get(..frac_digits.len().min(RANGE_CHECK_DECIMALS))
        .unwrap_or(frac_digits);
    let approx = to_decimal(negative, int_digits, kept).ok_or(Problem::NotANumber)?;
    if approx < spec.min {
        return Err(Problem::BelowMin { min: spec.min });
    }
    if approx > spec.max {
        return Err(Problem::AboveMax { max: spec.max });
    }
    if frac_digits.len() > spec.max_decimals as usize {
        return Err(if spec.max_decimals == 0 {
            Problem::NotAWholeNumber
        } else {
            Problem::TooManyDecimals {
                max: spec.max_decimals,
            }
        });
    }
    to_decimal(negative, int_digits, frac_digits).ok_or(Problem::NotANumber)
}

fn out_of_range(spec: FieldSpec, negative: bool) -> Problem {
    if negative {
        Problem::BelowMin { min: spec.min }
    } else {
        Problem::AboveMax { max: spec.max }
    }
}

/// The decimal `±int.frac` from ASCII digits; `None` past 28 digits.
fn to_decimal(negative: bool, int_digits: &str, frac_digits: &str) -> Option<Decimal> {
    let mut mantissa: i128 = 0;
    for byte in int_digits.bytes().chain(frac_digits.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(byte.checked_sub(b'0')?))?;
    }
    if negative {
        mantissa = -mantissa;
    }
    let scale = u32::try_from(frac_digits.len()).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale)
        .ok()
        .map(|number| number.normalize())
}
