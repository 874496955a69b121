//! Locale-aware parsing and formatting of numbers (French first, English second).
//!
//! Two directions:
//!
//! * **Reading** what people type ([`parse_number`]) into the engine's *plain*
//!   text: `.` as the decimal point, no grouping, an optional leading `-`,
//!   percentages as percent numbers (`25 %` → `25`). [`plain_for_input`] goes
//!   the other way, to fill an input box.
//! * **Writing** engine values for display ([`money`], [`percent`],
//!   [`count`], [`figure`], …). Display rounding is half away from zero, and
//!   negative numbers use the typographic minus `−` (U+2212).
//!
//! French typography: the decimal comma, a narrow no-break space (U+202F)
//! between groups of three digits, a no-break space (U+00A0) before `€` and
//! `%`. English: `€1,234.50`, `25%`.
//!
//! No floating point is used for money; [`decimal_to_f64`] exists for
//! chart coordinates only.

use core::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::engine::{FigureId, FigureUnit, Undefined};
pub use crate::lang::Lang;

/// Narrow no-break space: French digit grouping.
const NNBSP: char = '\u{202F}';
/// No-break space: French space before `€` and `%`.
const NBSP: char = '\u{00A0}';
/// Typographic minus sign, used for negative numbers on display.
const MINUS: char = '\u{2212}';
/// What [`figure`] shows for a figure the engine could not compute.
pub const UNDEFINED: &str = "—";

/// The text is not a number in the locale's format.
///
/// Deliberately carries no detail: the message shown to the user is
/// [`crate::i18n::parse_error_message`], which gives an example of the
/// right format for the field and the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseError;

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a number in the expected format")
    }
}

impl std::error::Error for ParseError {}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Reads a number as people type it in `lang` and returns the engine's plain
/// text (`.` decimal point, no grouping, leading `-` for negatives).
///
/// # Rules common to both languages
///
/// * A number whose only separator is one `,` or one `.` followed by exactly
///   three digits (`"6,000"`, `"12.500"`, `"1,000"`) is an error in both
///   languages: it reads as 6 000 to one typist and 6 to another
///   ([`ambiguous_readings`] gives both, for the page to offer).
/// * Surrounding whitespace is ignored. Text that is blank, or holds nothing
///   but a unit (`"€"`, `"%"`), gives `Ok("")`: the engine then reports the
///   field as empty, with its own message.
/// * One unit sign may decorate the number: `€` before or after it, `%` or
///   `×` after it (`"6 000 €"`, `"€6,000"`, `"25 %"`, `"25%"`, `"3×"`).
/// * One sign may lead: `-`, `−` (U+2212) or `+`, before or after a leading
///   `€` (`"-3"`, `"−€1,234"`, `"€-5"`). `-0` reads as `0`.
/// * Digits are ASCII digits only. Leading zeros of the integer part are
///   dropped (`"007"` → `"7"`); the decimals are kept exactly as typed
///   (`"6000,50"` → `"6000.50"`). A missing integer part reads as zero
///   (`",5"` → `"0.5"`); a separator with no decimals after it is ignored
///   (`"5,"` → `"5"`).
/// * Grouping must be in valid positions: a first group of one to three
///   digits that does not start with `0`, then groups of exactly three
///   digits, one separator between groups, one kind of separator per number.
///   Spaces used as group separators may be the ASCII space, U+00A0, U+202F
///   or U+2009. No grouping is allowed after the decimal point.
/// * Anything else (letters, exponents, two decimal points, other scripts'
///   digits…) is a [`ParseError`]. The function never panics, whatever the
///   length or content of the text, and it does not limit the number of
///   digits: the engine's bounds do that.
///
/// # French
///
/// * `,` is the decimal point; spaces group thousands: `"6 000"`,
///   `"6000,50"`, `"1 234,5"`.
/// * `.` is also accepted, because numeric keypads type it:
///   - with a `,` in the text, `.` can only be a thousands separator:
///     `"1.000,5"` → `1000.5`, while `"1,000.5"` is an error;
///   - without a `,`, if the dots split the number into valid groups of
///     three it is read as grouping: `"1.000.000"` → `1000000`;
///   - otherwise a single `.` is the decimal point: `"12.5"`, `"0.125"`,
///     `"1000.500"`, `"1 000.5"`; several dots that are not valid grouping
///     are an error (`"1.00.0"`).
/// * Two commas are an error (`"1,2,3"`).
///
/// # English
///
/// * `.` is the decimal point; `,` (or a space) groups thousands, in valid
///   positions only: `"6,000.50"`, `"€6,000"`, `"1,000,000"`.
/// * `"6,5"`, `"1,2,3"`, `"0,125"` are errors: a comma that is not a valid
///   thousands separator is never taken for a decimal point.
pub fn parse_number(text: &str, lang: Lang) -> Result<String, ParseError> {
    if ambiguous_readings(text).is_some() {
        return Err(ParseError);
    }
    let Some((negative, body)) = strip_decorations(text)? else {
        return Ok(String::new());
    };
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.') || is_group_space(c))
    {
        return Err(ParseError);
    }
    let (int, frac) = match lang {
        Lang::Fr => split_fr(body)?,
        Lang::En => split_en(body)?,
    };
    plain_from_parts(negative, &int, frac)
}

/// The two readings of a number whose only separator, a comma or a dot, is
/// followed by exactly three digits after a valid first group (`"6,000"`,
/// `"12.500"`, `"1,000"`): a thousands separator (`"6000"`) or a decimal
/// point (`"6.000"`), as plain text. Such a number means different things
/// in French and in English, and a typist's habit decides which: it is
/// never taken silently ([`parse_number`] refuses it), the page asks.
/// `None` for every other text.
pub fn ambiguous_readings(text: &str) -> Option<(String, String)> {
    let (negative, body) = strip_decorations(text).ok()??;
    let separator = body.find([',', '.'])?;
    let (int, frac) = (&body[..separator], &body[separator + 1..]);
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let first_group = (1..=3).contains(&int.len()) && !int.starts_with('0');
    if !(is_digits(int) && first_group && is_digits(frac) && frac.len() == 3) {
        return None;
    }
    let grouped = plain_from_parts(negative, &format!("{int}{frac}"), "").ok()?;
    let decimal = plain_from_parts(negative, int, frac).ok()?;
    Some((grouped, decimal))
}

/// Removes surrounding whitespace, one unit sign and one leading sign.
/// `Ok(None)` means blank text; otherwise `(negative, body)`.
fn strip_decorations(text: &str) -> Result<Option<(bool, &str)>, ParseError> {
    let mut rest = text.trim();
    let mut unit = false;
    if let Some(r) = rest.strip_suffix(['€', '%', '×']) {
        rest = r.trim_end();
        unit = true;
    }
    let mut sign = take_sign(&mut rest);
    if let Some(r) = rest.strip_prefix('€') {
        if unit {
            return Err(ParseError);
        }
        rest = r.trim_start();
        if sign.is_none() {
            sign = take_sign(&mut rest);
        }
    }
    match (rest.is_empty(), sign) {
        (true, None) => Ok(None),
        (true, Some(_)) => Err(ParseError),
        (false, sign) => Ok(Some((sign == Some(true), rest))),
    }
}

/// Takes a leading sign off `rest`: `Some(true)` for a minus, `Some(false)`
/// for a plus, `None` when there is none.
fn take_sign(rest: &mut &str) -> Option<bool> {
    let negative = match rest.chars().next()? {
        '-' | MINUS => true,
        '+' => false,
        _ => return None,
    };
    let first_len = rest.chars().next().map_or(0, char::len_utf8);
    *rest = rest[first_len..].trim_start();
    Some(negative)
}

/// The space characters accepted as thousands separators.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NNBSP | '\u{2009}')
}

/// French body → (integer digits, decimal digits).
fn split_fr(body: &str) -> Result<(String, &str), ParseError> {
    if let Some((int, frac)) = body.split_once(',') {
        let int = if int.contains('.') {
            ungroup(int, |c| c == '.')?
        } else {
            ungroup(int, is_group_space)?
        };
        return Ok((int, digits(frac)?));
    }
    if !body.contains('.') {
        return Ok((ungroup(body, is_group_space)?, ""));
    }
    if let Ok(int) = ungroup(body, |c| c == '.') {
        return Ok((int, ""));
    }
    match body.split_once('.') {
        Some((int, frac)) => Ok((ungroup(int, is_group_space)?, digits(frac)?)),
        None => Err(ParseError),
    }
}

/// English body → (integer digits, decimal digits).
fn split_en(body: &str) -> Result<(String, &str), ParseError> {
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let int = if int.contains(',') {
        ungroup(int, |c| c == ',')?
    } else {
        ungroup(int, is_group_space)?
    };
    Ok((int, digits(frac)?))
}

/// The digits of an integer part, checking that separators (if any) are in
/// valid thousands positions. A single group may be empty or of any length.
fn ungroup(int: &str, is_sep: impl Fn(char) -> bool) -> Result<String, ParseError> {
    let mut groups = int.split(is_sep);
    let first = digits(groups.next().unwrap_or(""))?;
    let mut out = String::from(first);
    let mut grouped = false;
    for group in groups {
        if digits(group)?.len() != 3 {
            return Err(ParseError);
        }
        out.push_str(group);
        grouped = true;
    }
    let valid_first = (1..=3).contains(&first.len()) && !first.starts_with('0');
    if grouped && !valid_first {
        return Err(ParseError);
    }
    Ok(out)
}

/// `s` itself if it is made of ASCII digits only (possibly empty).
fn digits(s: &str) -> Result<&str, ParseError> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s)
    } else {
        Err(ParseError)
    }
}

/// Builds the plain text from its parts: no leading zeros, no `-0`.
fn plain_from_parts(negative: bool, int: &str, frac: &str) -> Result<String, ParseError> {
    if int.is_empty() && frac.is_empty() {
        return Err(ParseError);
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let is_zero = int == "0" && frac.bytes().all(|b| b == b'0');
    let mut out = String::with_capacity(int.len() + frac.len() + 2);
    if negative && !is_zero {
        out.push('-');
    }
    out.push_str(int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    Ok(out)
}

/// Typed text moved to another language's number format when it reads as a
/// number in `from` (`"1 500,5"` → `"1,500.5"`), else left as typed, so a
/// language switch never drops what the user wrote, wrong or not.
pub fn retyped(text: &str, from: Lang, to: Lang) -> String {
    match parse_number(text, from) {
        Ok(plain) if !plain.is_empty() => plain_for_input(&plain, to),
        _ => text.to_string(),
    }
}

/// Plain text (as the engine and the share link store it) → the text to put
/// in an input box: `"6000.5"` → `"6 000,5"` in French (U+202F between
/// groups), `"6 000.5"` in English: a box groups with the narrow space in both
/// languages, since `"6,000"` would be a number the box itself refuses as
/// ambiguous ([`ambiguous_readings`]). Decimals are kept as given (no
/// rounding); negatives keep the ASCII `-`, easy to edit. Text that is not a
/// plain number (a choice token such as `"booked"`, an invalid share-link
/// value) is returned unchanged, so the user sees what was given.
pub fn plain_for_input(plain: &str, lang: Lang) -> String {
    let Some((negative, int, frac)) = split_plain(plain) else {
        return plain.to_string();
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group(int, Lang::Fr));
    if let Some(frac) = frac {
        out.push(decimal_point(lang));
        out.push_str(frac);
    }
    out
}

/// Splits a plain number `-?\d+(\.\d+)?` into (negative, integer digits
/// without leading zeros, decimals).
fn split_plain(plain: &str) -> Option<(bool, &str, Option<&str>)> {
    let (negative, rest) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        return None;
    }
    let trimmed = int.trim_start_matches('0');
    let int = if trimmed.is_empty() { "0" } else { trimmed };
    Some((negative, int, frac))
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// A rounded number ready to print: sign, integer digits, decimal digits.
struct Fixed {
    negative: bool,
    int: String,
    frac: String,
}

impl Fixed {
    /// Rounds `value` to `dp` decimals (half away from zero). Trailing zeros
    /// of the decimals are dropped unless `pad`, which writes exactly `dp`.
    fn new(value: Decimal, dp: u32, pad: bool) -> Fixed {
        Fixed::rounded(value, dp, pad, RoundingStrategy::MidpointAwayFromZero)
    }

    fn rounded(value: Decimal, dp: u32, pad: bool, strategy: RoundingStrategy) -> Fixed {
        let rounded = value.round_dp_with_strategy(dp, strategy);
        let text = rounded.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut frac = frac.trim_end_matches('0').to_string();
        while pad && frac.len() < dp as usize {
            frac.push('0');
        }
        Fixed {
            negative: rounded.is_sign_negative() && !rounded.is_zero(),
            int: int.to_string(),
            frac,
        }
    }

    /// True when the rounded number is above zero.
    fn positive(&self) -> bool {
        !self.negative
            && (self.int.bytes().any(|b| b != b'0') || self.frac.bytes().any(|b| b != b'0'))
    }

    /// `−` for negatives, `+` for positives when `signed`, else nothing.
    fn sign(&self, signed: bool) -> &'static str {
        if self.negative {
            "\u{2212}"
        } else if signed && self.positive() {
            "+"
        } else {
            ""
        }
    }

    /// The digits without sign, grouped and with the locale's decimal point.
    fn digits(&self, lang: Lang) -> String {
        let mut out = group(&self.int, lang);
        if !self.frac.is_empty() {
            out.push(decimal_point(lang));
            out.push_str(&self.frac);
        }
        out
    }
}

fn decimal_point(lang: Lang) -> char {
    match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    }
}

/// Inserts the locale's thousands separator into a string of digits.
fn group(int: &str, lang: Lang) -> String {
    let sep = match lang {
        Lang::Fr => NNBSP,
        Lang::En => ',',
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3 * 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn money_text(fixed: &Fixed, lang: Lang) -> String {
    let (sign, digits) = (fixed.sign(false), fixed.digits(lang));
    match lang {
        Lang::Fr => format!("{sign}{digits}{NBSP}€"),
        Lang::En => format!("{sign}€{digits}"),
    }
}

/// An amount in euros: `"1 234,50 €"` / `"€1,234.50"`. Cents are shown only
/// when the amount, rounded to the cent, is not whole (`"6 000 €"`).
/// Negatives: `"−1 234 €"` / `"−€1,234"`.
pub fn money(amount: Decimal, lang: Lang) -> String {
    let cents = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let fixed = if cents.fract().is_zero() {
        Fixed::new(cents, 0, false)
    } else {
        Fixed::new(cents, 2, true)
    };
    money_text(&fixed, lang)
}

/// The highest price that still meets a goal (break-even, target ROI),
/// rounded DOWN to the cent: a price shown as affordable must be, so
/// 575.996 € shows 575,99 €, not the 576 € at which the campaign loses.
pub fn price_ceiling(amount: Decimal, lang: Lang) -> String {
    money(
        amount.round_dp_with_strategy(2, RoundingStrategy::ToNegativeInfinity),
        lang,
    )
}

/// An amount in whole euros, for headlines and chart axes: `"1 235 €"` /
/// `"€1,235"`.
pub fn money_rounded(amount: Decimal, lang: Lang) -> String {
    money_text(&Fixed::new(amount, 0, false), lang)
}

fn percent_text(fraction: Decimal, lang: Lang, signed: bool) -> String {
    let Some(percent) = fraction.checked_mul(Decimal::ONE_HUNDRED) else {
        return UNDEFINED.to_string();
    };
    let fixed = Fixed::new(percent, 1, false);
    let (sign, digits) = (fixed.sign(signed), fixed.digits(lang));
    match lang {
        Lang::Fr => format!("{sign}{digits}{NBSP}%"),
        Lang::En => format!("{sign}{digits}%"),
    }
}

/// A ROI-like fraction as a signed percentage: `3.8` → `"+380 %"` /
/// `"+380%"`; at most one decimal (`"+12,5 %"`); `"0 %"` has no sign.
pub fn percent(fraction: Decimal, lang: Lang) -> String {
    percent_text(fraction, lang, true)
}

/// A rate as a percentage, without `+`: `0.25` → `"25 %"` / `"25%"`.
/// Negatives still show `−`.
pub fn percent_unsigned(fraction: Decimal, lang: Lang) -> String {
    percent_text(fraction, lang, false)
}

/// A multiple: `4.8` → `"4,8×"` / `"4.8×"`; at most two decimals, rounded
/// down: multiples are read against thresholds (LTV:CAC ≥ 3), and 2.996
/// must not show as the "3×" its failed guardrail denies.
pub fn multiple(value: Decimal, lang: Lang) -> String {
    let fixed = Fixed::rounded(value, 2, false, RoundingStrategy::ToNegativeInfinity);
    format!("{}{}×", fixed.sign(false), fixed.digits(lang))
}

/// A count: `12.5` → `"12,5"`, `1000` → `"1 000"` / `"1,000"`; at most two
/// decimals.
pub fn count(value: Decimal, lang: Lang) -> String {
    let fixed = Fixed::new(value, 2, false);
    format!("{}{}", fixed.sign(false), fixed.digits(lang))
}

/// A month number of the payback schedule: `"mois 3"` / `"month 3"`.
pub fn month(value: Decimal, lang: Lang) -> String {
    let word = match lang {
        Lang::Fr => "mois",
        Lang::En => "month",
    };
    format!("{word} {}", count(value, lang))
}

/// An engine figure, written according to its unit; [`UNDEFINED`] (`"—"`)
/// when the engine could not compute it (say why with
/// [`crate::i18n::undefined_reason`]). A `Ratio` is written as a signed
/// percentage, as ROI is; use [`percent_unsigned`] for rates.
pub fn figure(value: &Result<Decimal, Undefined>, unit: FigureUnit, lang: Lang) -> String {
    let Ok(value) = value else {
        return UNDEFINED.to_string();
    };
    let value = *value;
    match unit {
        FigureUnit::Count => count(value, lang),
        FigureUnit::Money => money(value, lang),
        FigureUnit::Ratio => percent(value, lang),
        FigureUnit::Multiple => multiple(value, lang),
        FigureUnit::Month => month(value, lang),
    }
}

/// An engine figure, written the way this figure reads best: like
/// [`figure`], except that the break-even close rate, a rate rather than a
/// return, has no `+` sign (`"25 %"`, not `"+25 %"`), and the highest
/// prices are [`price_ceiling`]s.
pub fn figure_for(id: FigureId, value: &Result<Decimal, Undefined>, lang: Lang) -> String {
    match (id, value) {
        (FigureId::BreakEvenSaleRate, Ok(rate)) => percent_unsigned(*rate, lang),
        (FigureId::BreakEvenPrice | FigureId::MaxPriceForTarget, Ok(price)) => {
            price_ceiling(*price, lang)
        }
        _ => figure(value, id.unit(), lang),
    }
}

/// A decimal as `f64`, for chart coordinates only (never for money
/// arithmetic).
pub fn decimal_to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn fr(s: &str) -> Result<String, ParseError> {
        parse_number(s, Lang::Fr)
    }

    fn en(s: &str) -> Result<String, ParseError> {
        parse_number(s, Lang::En)
    }

    fn ok(s: &str) -> Result<String, ParseError> {
        Ok(s.to_string())
    }

    #[test]
    fn french_accepted() {
        for (text, plain) in [
            ("6 000", "6000"),
            ("6\u{a0}000", "6000"),
            ("6\u{202f}000", "6000"),
            ("6000,50", "6000.50"),
            ("6 000,50", "6000.50"),
            ("25 %", "25"),
            ("25%", "25"),
            ("25\u{a0}%", "25"),
            ("6 000 €", "6000"),
            ("6000€", "6000"),
            ("€ 6000", "6000"),
            ("-3", "-3"),
            ("\u{2212}3", "-3"),
            ("+3", "3"),
            ("- 3", "-3"),
            ("−1\u{202f}234\u{a0}€", "-1234"),
            ("-0", "0"),
            ("-0,00", "0.00"),
            ("007", "7"),
            (",5", "0.5"),
            ("5,", "5"),
            ("  12,5  ", "12.5"),
            ("1 000 000", "1000000"),
            ("3×", "3"),
            ("4,8×", "4.8"),
        ] {
            assert_eq!(fr(text), ok(plain), "{text:?}");
        }
    }

    #[test]
    fn one_separator_before_three_digits_is_asked_not_guessed() {
        // "6,000" is 6 000 € to an English typist and 6 € to a French one:
        // neither locale takes it (issue #17), both readings are offered.
        for text in [
            "6,000",
            "6.000",
            "12.500",
            "1,000",
            "-1.250",
            "999,999",
            "6,000 €",
            "25.000 %",
        ] {
            assert_eq!(fr(text), Err(ParseError), "{text:?}");
            assert_eq!(en(text), Err(ParseError), "{text:?}");
        }
        let readings = ambiguous_readings;
        assert_eq!(readings("6,000"), Some(("6000".into(), "6.000".into())));
        assert_eq!(readings("12.500"), Some(("12500".into(), "12.500".into())));
        assert_eq!(
            readings("−1,250 €"),
            Some(("-1250".into(), "-1.250".into()))
        );
        // Anything that says which it is stays readable.
        for text in [
            "6 000",
            "6000",
            "6,0",
            "6,00",
            "6,0000",
            "0,125",
            "0.125",
            "1000,500",
            "1,000,000",
            "6,000.50",
            "1.000,5",
            "1 000,500",
        ] {
            assert_eq!(readings(text), None, "{text:?}");
        }
    }

    #[test]
    fn french_dot_rule() {
        // Dots that make valid groups of three are thousands separators…
        assert_eq!(fr("1.000.000"), ok("1000000"));
        assert_eq!(fr("1.000,5"), ok("1000.5"));
        // …otherwise a single dot is the decimal point.
        assert_eq!(fr("12.5"), ok("12.5"));
        assert_eq!(fr("12.50"), ok("12.50"));
        assert_eq!(fr("0.125"), ok("0.125"));
        assert_eq!(fr("1000.500"), ok("1000.500"));
        assert_eq!(fr("1 000.5"), ok("1000.5"));
        assert_eq!(fr(".5"), ok("0.5"));
        assert_eq!(fr("5."), ok("5"));
    }

    #[test]
    fn french_rejected() {
        for text in [
            "1,2,3",
            "1,000.5",
            "1.00.0",
            "1.000.5",
            "1.00,5",
            "1.000 000",
            "60 00",
            "0 500",
            "6  000",
            "1 000 ,5",
            "abc",
            "1e5",
            "12a",
            "--3",
            "3-",
            "-",
            "+",
            ",",
            ".",
            "€5€",
            "€5%",
            "5 % %",
            "١٢",
            "１２",
            "0x10",
            "1,5,",
            "NaN",
            "∞",
        ] {
            assert_eq!(fr(text), Err(ParseError), "{text:?}");
        }
    }

    #[test]
    fn blank_is_empty_plain() {
        for lang in Lang::ALL {
            for text in ["", "   ", "\u{a0}", "€", "%", " € "] {
                assert_eq!(parse_number(text, lang), ok(""), "{text:?}");
            }
        }
    }

    #[test]
    fn english_accepted() {
        for (text, plain) in [
            ("6000", "6000"),
            ("6,000.50", "6000.50"),
            ("€6,000.00", "6000.00"),
            ("€ 6,000.5", "6000.5"),
            ("6000 €", "6000"),
            ("-€1,234.5", "-1234.5"),
            ("−€1,234.5", "-1234.5"),
            ("€-5", "-5"),
            ("25%", "25"),
            ("25 %", "25"),
            ("1,000,000", "1000000"),
            ("6 000", "6000"),
            (".5", "0.5"),
            ("5.", "5"),
            ("1.0000", "1.0000"),
            ("0.125", "0.125"),
        ] {
            assert_eq!(en(text), ok(plain), "{text:?}");
        }
    }

    #[test]
    fn english_rejected() {
        for text in [
            "6,5",
            "1,2,3",
            "0,125",
            "1,00",
            "1.000,5",
            "1,000 000",
            "1.2.3",
            "12,50",
            "1,0000",
            ",5",
            "abc",
            "1e5",
        ] {
            assert_eq!(en(text), Err(ParseError), "{text:?}");
        }
    }

    #[test]
    fn input_text() {
        assert_eq!(plain_for_input("6000.5", Lang::Fr), "6\u{202f}000,5");
        assert_eq!(plain_for_input("6000.5", Lang::En), "6\u{202f}000.5");
        assert_eq!(
            plain_for_input("-1234567.125", Lang::En),
            "-1\u{202f}234\u{202f}567.125"
        );
        assert_eq!(plain_for_input("0007", Lang::Fr), "7");
        assert_eq!(plain_for_input("120", Lang::Fr), "120");
        assert_eq!(plain_for_input("booked", Lang::Fr), "booked");
        assert_eq!(plain_for_input("", Lang::En), "");
        assert_eq!(plain_for_input("1.", Lang::En), "1.");
    }

    #[test]
    fn money_examples() {
        assert_eq!(money(d("1234.5"), Lang::Fr), "1\u{202f}234,50\u{a0}€");
        assert_eq!(money(d("1234.5"), Lang::En), "€1,234.50");
        assert_eq!(money(d("6000"), Lang::Fr), "6\u{202f}000\u{a0}€");
        assert_eq!(money(d("6000.00"), Lang::En), "€6,000");
        assert_eq!(money(d("-1234"), Lang::Fr), "\u{2212}1\u{202f}234\u{a0}€");
        assert_eq!(money(d("-1234"), Lang::En), "\u{2212}€1,234");
        assert_eq!(money(d("0.005"), Lang::En), "€0.01");
        assert_eq!(money(d("-0.005"), Lang::En), "\u{2212}€0.01");
        assert_eq!(money(d("-0.004"), Lang::En), "€0");
        assert_eq!(money(d("99.999"), Lang::En), "€100");
        assert_eq!(money(d("12.3456"), Lang::Fr), "12,35\u{a0}€");
        assert_eq!(money_rounded(d("1234.5"), Lang::Fr), "1\u{202f}235\u{a0}€");
        assert_eq!(money_rounded(d("-1234.5"), Lang::En), "\u{2212}€1,235");
        assert_eq!(money_rounded(d("999.49"), Lang::En), "€999");
    }

    #[test]
    fn percent_examples() {
        assert_eq!(percent(d("3.8"), Lang::Fr), "+380\u{a0}%");
        assert_eq!(percent(d("3.8"), Lang::En), "+380%");
        assert_eq!(percent(d("-0.5"), Lang::En), "\u{2212}50%");
        assert_eq!(percent(d("0"), Lang::Fr), "0\u{a0}%");
        assert_eq!(percent(d("0.0000001"), Lang::En), "0%");
        assert_eq!(percent(d("0.12345"), Lang::Fr), "+12,3\u{a0}%");
        assert_eq!(percent(d("0.12350"), Lang::En), "+12.4%");
        assert_eq!(percent(d("100"), Lang::Fr), "+10\u{202f}000\u{a0}%");
        assert_eq!(percent_unsigned(d("0.25"), Lang::Fr), "25\u{a0}%");
        assert_eq!(percent_unsigned(d("0.25"), Lang::En), "25%");
        assert_eq!(percent_unsigned(d("0.125"), Lang::Fr), "12,5\u{a0}%");
        assert_eq!(percent(Decimal::MAX, Lang::Fr), UNDEFINED);
    }

    #[test]
    fn retyped_text_changes_format_or_stays_as_typed() {
        assert_eq!(retyped("1 500,5", Lang::Fr, Lang::En), "1\u{202f}500.5");
        // An ambiguous number is not guessed at on a language switch either.
        assert_eq!(retyped("6,000", Lang::Fr, Lang::En), "6,000");
        assert_eq!(retyped("-1", Lang::Fr, Lang::En), "-1");
        assert_eq!(retyped("abc", Lang::Fr, Lang::En), "abc");
        assert_eq!(retyped("", Lang::En, Lang::Fr), "");
    }

    #[test]
    fn multiple_and_count_examples() {
        assert_eq!(multiple(d("4.8"), Lang::Fr), "4,8×");
        assert_eq!(multiple(d("4.8"), Lang::En), "4.8×");
        assert_eq!(multiple(d("3"), Lang::En), "3×");
        assert_eq!(multiple(d("1.005"), Lang::Fr), "1×");
        assert_eq!(multiple(d("2.996"), Lang::Fr), "2,99×");
        assert_eq!(multiple(d("2.9999999999999"), Lang::En), "2.99×");
        assert_eq!(multiple(d("3.0001"), Lang::En), "3×");
        assert_eq!(count(d("12.5"), Lang::Fr), "12,5");
        assert_eq!(count(d("1000"), Lang::Fr), "1\u{202f}000");
        assert_eq!(count(d("1000"), Lang::En), "1,000");
        assert_eq!(count(d("12.500"), Lang::En), "12.5");
        assert_eq!(count(d("0.333"), Lang::En), "0.33");
        assert_eq!(count(d("1234567"), Lang::En), "1,234,567");
        assert_eq!(count(d("123"), Lang::En), "123");
    }

    #[test]
    fn figure_dispatch() {
        let v = |s: &str| -> Result<Decimal, Undefined> { Ok(d(s)) };
        assert_eq!(
            figure(&v("3.8"), FigureUnit::Ratio, Lang::Fr),
            "+380\u{a0}%"
        );
        assert_eq!(figure(&v("28800"), FigureUnit::Money, Lang::En), "€28,800");
        assert_eq!(figure(&v("12"), FigureUnit::Count, Lang::Fr), "12");
        assert_eq!(figure(&v("4.8"), FigureUnit::Multiple, Lang::En), "4.8×");
        assert_eq!(figure(&v("3"), FigureUnit::Month, Lang::Fr), "mois 3");
        assert_eq!(figure(&v("3"), FigureUnit::Month, Lang::En), "month 3");
        let none: Result<Decimal, Undefined> = Err(Undefined::NoCost);
        assert_eq!(figure(&none, FigureUnit::Money, Lang::Fr), "—");
        assert_eq!(
            figure_for(FigureId::BreakEvenSaleRate, &v("0.25"), Lang::Fr),
            "25\u{a0}%"
        );
        assert_eq!(figure_for(FigureId::Roi, &v("3.8"), Lang::En), "+380%");
        // A highest price is never shown above itself.
        let ceiling = v("575.996");
        assert_eq!(
            figure_for(FigureId::BreakEvenPrice, &ceiling, Lang::Fr),
            "575,99\u{a0}€"
        );
        assert_eq!(
            figure_for(FigureId::MaxPriceForTarget, &ceiling, Lang::En),
            "€575.99"
        );
        assert_eq!(
            figure_for(FigureId::BreakEvenPrice, &v("576"), Lang::En),
            "€576"
        );
        assert_eq!(
            figure_for(FigureId::CostPerSale, &ceiling, Lang::En),
            "€576"
        );
        assert_eq!(figure_for(FigureId::PaybackMonth, &none, Lang::En), "—");
    }

    #[test]
    fn to_f64() {
        assert_eq!(decimal_to_f64(d("1.5")), 1.5);
        assert_eq!(decimal_to_f64(d("-6000")), -6000.0);
    }

    // proptest is a native-only dev-dependency of the main crate.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use core::str::FromStr;
        use proptest::prelude::*;

        /// Decimals with at most four decimals in ±1e12.
        fn decimal() -> impl Strategy<Value = Decimal> {
            (0u32..=4).prop_flat_map(|scale| {
                let bound = 1_000_000_000_000i64 * 10i64.pow(scale);
                (-bound..=bound).prop_map(move |m| Decimal::new(m, scale))
            })
        }

        fn lang() -> impl Strategy<Value = Lang> {
            prop_oneof![Just(Lang::Fr), Just(Lang::En)]
        }

        /// Strings made of the characters the parser cares about.
        fn numberish() -> impl Strategy<Value = String> {
            proptest::string::string_regex("[0-9,. \u{a0}\u{202f}\u{2009}+\u{2212}€%×-]{0,16}")
                .unwrap()
        }

        fn is_plain(s: &str) -> bool {
            let body = s.strip_prefix('-').unwrap_or(s);
            let (int, frac) = body.split_once('.').unwrap_or((body, "1"));
            let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            digits(int) && digits(frac) && (int == "0" || !int.starts_with('0'))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn input_text_round_trips(value in decimal(), lang in lang()) {
                let plain = value.to_string();
                let shown = plain_for_input(&plain, lang);
                let back = parse_number(&shown, lang);
                prop_assert_eq!(back.as_deref(), Ok(plain.as_str()), "shown {:?}", shown);
                prop_assert_eq!(Decimal::from_str(&back.unwrap()).unwrap(), value);
            }

            #[test]
            fn displayed_money_reads_back(value in decimal(), lang in lang()) {
                let cents = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                // "€6,000" pasted back is asked about (6 000 or 6?), its
                // thousands reading being the amount shown.
                let shown = money(value, lang);
                let back = parse_number(&shown, lang)
                    .or_else(|_| ambiguous_readings(&shown).map(|(grouped, _)| grouped).ok_or(ParseError))
                    .unwrap();
                prop_assert_eq!(Decimal::from_str(&back).unwrap(), cents);
            }

            #[test]
            fn displayed_percent_reads_back(value in decimal(), lang in lang()) {
                let value = value / Decimal::ONE_HUNDRED;
                let expected = (value * Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
                let back = parse_number(&percent(value, lang), lang).unwrap();
                prop_assert_eq!(Decimal::from_str(&back).unwrap(), expected);
                let back = parse_number(&percent_unsigned(value, lang), lang).unwrap();
                prop_assert_eq!(Decimal::from_str(&back).unwrap(), expected);
            }

            #[test]
            fn displayed_count_reads_back(value in decimal(), lang in lang()) {
                let expected = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                let back = parse_number(&count(value, lang), lang).unwrap();
                prop_assert_eq!(Decimal::from_str(&back).unwrap(), expected);
                let floored = value.round_dp_with_strategy(2, RoundingStrategy::ToNegativeInfinity);
                let back = parse_number(&multiple(value, lang), lang).unwrap();
                prop_assert_eq!(Decimal::from_str(&back).unwrap(), floored);
            }

            #[test]
            fn a_price_ceiling_is_the_highest_cent_not_above_the_price(value in decimal(), lang in lang()) {
                let back = parse_number(&price_ceiling(value, lang), lang).unwrap();
                let shown = Decimal::from_str(&back).unwrap();
                prop_assert!(shown <= value, "{} shown as {}", value, shown);
                prop_assert!(value - shown < Decimal::new(1, 2), "{} shown as {}", value, shown);
            }

            #[test]
            fn never_panics_on_any_text(text in any::<String>(), lang in lang()) {
                if let Ok(plain) = parse_number(&text, lang) {
                    prop_assert!(plain.is_empty() || is_plain(&plain), "{:?} -> {:?}", text, plain);
                }
                let _ = plain_for_input(&text, lang);
            }

            #[test]
            fn numberish_text_gives_plain_or_error(text in numberish(), lang in lang()) {
                if let Ok(plain) = parse_number(&text, lang) {
                    prop_assert!(plain.is_empty() || is_plain(&plain), "{:?} -> {:?}", text, plain);
                    if !plain.is_empty() && plain.len() < 25 {
                        prop_assert!(Decimal::from_str(&plain).is_ok(), "{:?}", plain);
                    }
                }
            }
        }
    }
}
