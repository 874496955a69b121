//! What every input of the app has in common, whichever tool it belongs
//! to: its spec (kind, bounds, precision, default), the strict plain-text
//! grammar and the problems it reports, and the two traits that let links,
//! storage and the page handle any set of inputs alike: [`InputField`] (a
//! keyed field with a spec) and [`FieldSet`] (a struct edited one field at
//! a time from plain text).
//!
//! Plain text is strict on purpose (a link is a contract): `.` as the
//! decimal point, no grouping, an optional leading `-`, percentages as
//! percent numbers (`"25"` is 25 %), surrounding ASCII whitespace ignored.
//! Everything else is a [`Problem`], never a panic and never a silent clamp.

use rust_decimal::Decimal;

use crate::keyed::Keyed;

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

/// A [`FieldSpec`] from a module table's columns.
pub(crate) fn field_spec(
    kind: FieldKind,
    min: i64,
    max: i64,
    max_decimals: u32,
    default: &'static str,
) -> FieldSpec {
    FieldSpec {
        kind,
        min: Decimal::from(min),
        max: Decimal::from(max),
        max_decimals,
        default,
    }
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

/// One input of a set: keyed by its share-link key (also the form
/// control's `name`), with its spec.
pub trait InputField: Keyed + Ord + std::hash::Hash + std::fmt::Debug + Send + Sync {
    /// Unit, bounds, precision and default.
    fn spec(self) -> FieldSpec;
}

/// A set of inputs edited one field at a time from plain text: the base
/// scenario, each decision tool's inputs, the risk ranges. Links, storage
/// and the page's controls read and write any of them through this.
pub trait FieldSet: Clone + PartialEq + Default + Send + Sync + 'static {
    type Field: InputField;

    /// Parses `plain` for `field` and stores it (a percent becomes a
    /// fraction). On error the inputs are left unchanged.
    fn set(&mut self, field: Self::Field, plain: &str) -> Result<(), Problem>;

    /// The inverse of [`FieldSet::set`]: the normalized plain text in
    /// force (`"25"` for a rate of 0.25), so round trips are textually
    /// stable; empty for a field that has no value of its own (a range end
    /// that follows the central scenario).
    fn plain(&self, field: Self::Field) -> String;

    /// The defaults, overridden by every valid pair; invalid pairs are
    /// reported and skipped (a bad link value never blocks the rest).
    fn from_plain<'a>(
        pairs: impl IntoIterator<Item = (Self::Field, &'a str)>,
    ) -> (Self, Vec<(Self::Field, Problem)>) {
        let mut inputs = Self::default();
        let mut errors = Vec::new();
        for (field, plain) in pairs {
            if let Err(problem) = inputs.set(field, plain) {
                errors.push((field, problem));
            }
        }
        (inputs, errors)
    }

    /// Every field whose stored value is not one `set` could have produced
    /// (after deserializing saved inputs, whose fields are public).
    fn validate(&self) -> Vec<(Self::Field, Problem)> {
        Self::Field::all()
            .iter()
            .filter_map(|field| {
                let plain = self.plain(*field);
                let problem = Self::default().set(*field, &plain).err()?;
                Some((*field, problem))
            })
            .collect()
    }

    /// The fields whose plain value differs from the defaults, with that
    /// value, in the fields' order: what a link or a save carries.
    fn differences(&self) -> Vec<(Self::Field, String)> {
        let defaults = Self::default();
        Self::Field::all()
            .iter()
            .filter_map(|field| {
                let plain = self.plain(*field);
                (plain != defaults.plain(*field)).then_some((*field, plain))
            })
            .collect()
    }
}

/// Parses the plain text of a numeric input described by `spec` into a
/// value in plain units (a rate is still a percent number here): every
/// input of the app reads alike. Surrounding ASCII whitespace is ignored.
pub fn parse_number(spec: &FieldSpec, plain: &str) -> Result<Decimal, Problem> {
    let text = plain.trim_matches(|c: char| c.is_ascii_whitespace());
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    parse_digits(*spec, text)
}

/// An integer part longer than this is out of range for every field (all
/// bounds are at most 10^12, a checkpoint's revenue), so huge strings are
/// rejected before any arithmetic.
const MAX_INTEGER_DIGITS: usize = 13;
/// Decimals kept for the range check, more than any valid value has.
const RANGE_CHECK_DECIMALS: usize = 10;

/// `-?digits[.digits]` (either side of the point may be empty, not both).
/// Checks, in order: the grammar, the bounds, whole numbers, decimals.
pub(crate) fn parse_digits(spec: FieldSpec, text: &str) -> Result<Decimal, Problem> {
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

pub(crate) fn out_of_range(spec: FieldSpec, negative: bool) -> Problem {
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
