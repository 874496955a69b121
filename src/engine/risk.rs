//! Risk (`decision-tools.md` §5): how the result spreads when the inputs
//! nobody controls are uncertain, by Monte Carlo simulation and a tornado chart.
//!
//! # Ranges
//!
//! The uncertain inputs are `noshow`, `opp`, `win`, `deal`, `margin` and
//! `hours` ([`Uncertain`]). Each gets a [`Range`] `low ≤ likely ≤ high`:
//! `likely` is the central scenario's value; by default `low` and `high` are
//! the lower and the higher of the prudent and ambitious variants' values
//! ([`derive_variant`]), so they follow the central scenario until the user
//! overrides them. Overrides live in [`RiskInputs`], with the link keys
//! `<key>_low` and `<key>_high` (`win_low=30&win_high=60`), in the UI's units
//! (percent numbers for rates) and with the base field's bounds and
//! precision; [`RiskInputs::ranges`] resolves them against the central
//! scenario and reports `low > likely` on `<key>_low` and `high < likely` on
//! `<key>_high`.
//!
//! # Simulation
//!
//! Each trial draws every uncertain input independently from the triangular
//! distribution (low, likely, high) by its inverse CDF, with `F(likely) =
//! (likely − low) / (high − low)`:
//!
//! ```text
//! u < F(likely):  x = low  + sqrt(u × (high − low) × (likely − low))
//! otherwise:      x = high − sqrt((1 − u) × (high − low) × (high − likely))
//! ```
//!
//! An input with `low = high` is not random (it is `likely`). Every trial
//! consumes six uniforms in the order of [`Uncertain::ALL`], random or not, so
//! fixing one input does not reshuffle the others' draws. The uniforms come
//! from [`SplitMix64`] seeded with `seed` ([`DEFAULT_SEED`] by default): the
//! same inputs, ranges, trial count and seed give bit-identical results, on
//! native and on wasm32 alike (integer generator; IEEE-754 `+ − × / sqrt
//! floor` are correctly rounded on both, and Rust never fuses them).
//!
//! Each trial evaluates net result and ROI in `f64` with the very formulas of
//! `roi-model.md` in the same order (held, billed basis, opportunities,
//! expected sales, the scenario's rounding rule, provider cost with set-up,
//! internal cost, revenue, gross margin) — a fast path tested to agree with
//! the decimal [`evaluate()`] within a relative 1e-9. With `rounding = whole`,
//! sales are `floor(expected)`, where an expected count within 1e-13
//! (relative) of a whole number counts as that whole number: `f64` can land a
//! hair below an exact decimal integer (30 × 0.1 = 2.9999…), which would
//! otherwise lose a whole sale.
//!
//! # Summary
//!
//! - loss probability: the share of trials with net result < 0 (a fraction);
//! - percentiles by the **nearest-rank** method: the p-th percentile of `n`
//!   sorted values is the value of rank `ceil(p × n / 100)` (1-based), so it
//!   is always one of the simulated values (p10 of 10,000 trials is the
//!   1,000th smallest);
//! - ROI percentiles over the trials that have a cost (ROI is undefined
//!   without one; `None` when no trial has one);
//! - a histogram of the net result in [`HISTOGRAM_BINS`] equal-width bins
//!   from the lowest to the highest result; when the results straddle 0 the
//!   edges are aligned on 0 (so one more bin at most), so that no bin mixes
//!   losses and gains. Bin `[lo, hi)`; the last bin includes its `hi`.
//!
//! The tornado chart is deterministic and decimal: the ROI with each input at
//! its low and at its high, the others at likely, sorted by swing.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::field::{FieldKind, FieldSet, FieldSpec, InputField, Problem};
use crate::engine::{
    derive_variant, evaluate, parse_plain, Basis, Field, Figure, Inputs, Rounding, Undefined,
    Value, Variant,
};
use crate::keyed::Keyed;

/// The seed of a simulation nobody asked to redraw.
pub const DEFAULT_SEED: u64 = 0x00C0_FFEE_2026_0001;
/// Trials of the default simulation.
pub const DEFAULT_TRIALS: u32 = 10_000;
/// Most trials one simulation runs (`simulate` clamps `trials` to `1..=MAX_TRIALS`).
pub const MAX_TRIALS: u32 = 1_000_000;
/// The trial count the page accepts: enough trials for a stable loss
/// probability (±1 point at 10,000), few enough that a run never stalls the
/// page (100,000 trials is about a tenth of a second on a slow phone).
pub const TRIALS_SPEC: FieldSpec = FieldSpec {
    kind: FieldKind::Count,
    min: Decimal::ONE_HUNDRED,
    max: Decimal::from_parts(100_000, 0, 0, false, 0),
    max_decimals: 0,
    default: "10000",
};

/// A trial count in plain text (`"10000"`), checked against [`TRIALS_SPEC`].
pub fn parse_trials(plain: &str) -> Result<u32, Problem> {
    let value = crate::engine::field::parse_digits(TRIALS_SPEC, plain)?;
    value.to_u32().ok_or(Problem::NotAWholeNumber)
}

/// A seed in plain text: a whole number in `0..=u64::MAX`, digits only.
pub fn parse_seed(plain: &str) -> Option<u64> {
    if plain.is_empty() || plain.len() > 20 || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
}

/// Equal-width bins of the histogram (one more when the edges are aligned on 0).
pub const HISTOGRAM_BINS: usize = 20;
/// Relative distance to a whole number under which an `f64` expected sales
/// count is that whole number (see the module doc).
const WHOLE_SNAP: f64 = 1e-13;

// ---------------------------------------------------------------------------
// The uncertain inputs and their ranges.

crate::listed! {
    /// An input the buyer does not control.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Uncertain {
        Noshow,
        Opp,
        Win,
        Deal,
        Margin,
        Hours,
    }
}

impl Uncertain {
    /// The base input it is.
    pub const fn field(self) -> Field {
        match self {
            Uncertain::Noshow => Field::Noshow,
            Uncertain::Opp => Field::Opp,
            Uncertain::Win => Field::Win,
            Uncertain::Deal => Field::Deal,
            Uncertain::Margin => Field::Margin,
            Uncertain::Hours => Field::Hours,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Its value in `inputs`, in engine units (a rate as a fraction).
    pub fn get(self, inputs: &Inputs) -> Decimal {
        match self {
            Uncertain::Noshow => inputs.noshow,
            Uncertain::Opp => inputs.opp,
            Uncertain::Win => inputs.win,
            Uncertain::Deal => inputs.deal,
            Uncertain::Margin => inputs.margin,
            Uncertain::Hours => inputs.hours,
        }
    }

    fn set(self, inputs: &mut Inputs, value: Decimal) {
        match self {
            Uncertain::Noshow => inputs.noshow = value,
            Uncertain::Opp => inputs.opp = value,
            Uncertain::Win => inputs.win = value,
            Uncertain::Deal => inputs.deal = value,
            Uncertain::Margin => inputs.margin = value,
            Uncertain::Hours => inputs.hours = value,
        }
    }

    fn is_percent(self) -> bool {
        self.field().spec().kind == FieldKind::Percent
    }
}

/// Which end of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum End {
    Low,
    High,
}

/// One end of one range: a form control and a link key (`win_low`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RangeField {
    pub input: Uncertain,
    pub end: End,
}

impl RangeField {
    /// `noshow_low`, `noshow_high`, `opp_low`, … in the spec's order.
    pub const ALL: [RangeField; 12] = {
        let mut all = [RangeField {
            input: Uncertain::Noshow,
            end: End::Low,
        }; 12];
        let mut i = 0;
        while i < 12 {
            all[i] = RangeField {
                input: Uncertain::ALL[i / 2],
                end: if i % 2 == 0 { End::Low } else { End::High },
            };
            i += 1;
        }
        all
    };

    /// The share-link key, which is also the form control's `name`.
    pub fn key(self) -> &'static str {
        use End::{High, Low};
        match (self.input, self.end) {
            (Uncertain::Noshow, Low) => "noshow_low",
            (Uncertain::Noshow, High) => "noshow_high",
            (Uncertain::Opp, Low) => "opp_low",
            (Uncertain::Opp, High) => "opp_high",
            (Uncertain::Win, Low) => "win_low",
            (Uncertain::Win, High) => "win_high",
            (Uncertain::Deal, Low) => "deal_low",
            (Uncertain::Deal, High) => "deal_high",
            (Uncertain::Margin, Low) => "margin_low",
            (Uncertain::Margin, High) => "margin_high",
            (Uncertain::Hours, Low) => "hours_low",
            (Uncertain::Hours, High) => "hours_high",
        }
    }

    pub fn from_key(key: &str) -> Option<RangeField> {
        RangeField::ALL.into_iter().find(|field| field.key() == key)
    }
}

impl Keyed for RangeField {
    fn all() -> &'static [RangeField] {
        &RangeField::ALL
    }
    fn key(self) -> &'static str {
        RangeField::key(self)
    }
}

impl RangeField {
    /// The base field's kind, bounds and precision. Its `default` is empty:
    /// the default follows the central scenario ([`RiskInputs::effective_plain`]).
    pub fn spec(self) -> FieldSpec {
        FieldSpec {
            default: "",
            ..self.input.field().spec()
        }
    }
}

impl InputField for RangeField {
    fn spec(self) -> FieldSpec {
        RangeField::spec(self)
    }
}

/// Low, likely and high values of one input, in engine units (rates as fractions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub low: Decimal,
    pub likely: Decimal,
    pub high: Decimal,
}

impl Range {
    /// `low = likely = high = value`: not random.
    pub fn certain(value: Decimal) -> Range {
        Range {
            low: value,
            likely: value,
            high: value,
        }
    }

    /// The value at one end.
    pub fn end(&self, end: End) -> Decimal {
        match end {
            End::Low => self.low,
            End::High => self.high,
        }
    }
}

/// A range for every uncertain input, in the order of [`Uncertain::ALL`].
///
/// Built by [`Ranges::defaults`] or [`RiskInputs::ranges`], ranges satisfy
/// `low ≤ likely ≤ high`. Hand-built ones need not: the simulation and the
/// tornado then use `min(low, high)` and `max(low, high)` as the ends and
/// clamp `likely` between them (never a panic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranges(pub [Range; 6]);

impl Ranges {
    /// The default ranges: likely = the central value, low and high = the lower
    /// and higher of the prudent and ambitious values.
    pub fn defaults(base: &Inputs) -> Ranges {
        let prudent = derive_variant(base, Variant::Prudent);
        let ambitious = derive_variant(base, Variant::Ambitious);
        Ranges::between(&prudent, base, &ambitious)
    }

    /// The default ranges around `base` when the prudent and ambitious
    /// scenarios are given (the user may have set some of their values).
    pub fn between(prudent: &Inputs, base: &Inputs, ambitious: &Inputs) -> Ranges {
        Ranges(Uncertain::ALL.map(|input| {
            let (a, b, likely) = (input.get(prudent), input.get(ambitious), input.get(base));
            // The variants always bracket the central value; the extra min/max only
            // guarantees low ≤ likely ≤ high should a variant's rule ever change.
            Range {
                low: a.min(b).min(likely),
                likely,
                high: a.max(b).max(likely),
            }
        }))
    }

    /// Every input certain, at its central value: the simulation then gives the
    /// deterministic result in every trial.
    pub fn certain(base: &Inputs) -> Ranges {
        Ranges(Uncertain::ALL.map(|input| Range::certain(input.get(base))))
    }

    pub fn get(&self, input: Uncertain) -> &Range {
        &self.0[input.index()]
    }

    pub fn get_mut(&mut self, input: Uncertain) -> &mut Range {
        &mut self.0[input.index()]
    }
}

/// Why a range's end is not acceptable against the central scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeProblem {
    /// A stored value `set` could not have produced (after deserializing).
    Invalid(Problem),
    /// `low` is above the likely (central) value, given in plain units.
    AboveLikely { likely: Decimal },
    /// `high` is below the likely (central) value, given in plain units.
    BelowLikely { likely: Decimal },
}

/// A [`RangeProblem`] with the control it belongs to (`win_low`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RangeError {
    pub field: RangeField,
    pub problem: RangeProblem,
}

/// The user's overrides of the default ends, in engine units (rates as
/// fractions), indexed like [`Uncertain::ALL`]; `None` follows the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskInputs {
    pub low: [Option<Decimal>; 6],
    pub high: [Option<Decimal>; 6],
}

/// The overrides as a [`FieldSet`]: an end with no override has the empty
/// plain text (its spec's default), so only overrides travel.
impl FieldSet for RiskInputs {
    type Field = RangeField;

    /// Parses `plain` with the base field's rules and stores it as an override
    /// (a percent becomes a fraction). On error the inputs are left unchanged.
    /// Whether it fits the likely value is checked by [`RiskInputs::ranges`].
    fn set(&mut self, field: RangeField, plain: &str) -> Result<(), Problem> {
        let number = match parse_plain(field.input.field(), plain)? {
            Value::Number(number) => number,
            // The uncertain inputs are all numbers.
            Value::Basis(_) | Value::Rounding(_) => return Err(Problem::NotANumber),
        };
        let stored = if field.input.is_percent() {
            number / Decimal::ONE_HUNDRED
        } else {
            number
        };
        *self.slot(field) = Some(stored.normalize());
        Ok(())
    }

    fn plain(&self, field: RangeField) -> String {
        RiskInputs::plain(self, field).unwrap_or_default()
    }
}

impl RiskInputs {
    /// Back to the default (the link then omits the key).
    pub fn clear(&mut self, field: RangeField) {
        *self.slot(field) = None;
    }

    /// The override in plain units (`"30"` for 0.3), `None` when the end follows its default.
    pub fn plain(&self, field: RangeField) -> Option<String> {
        self.get(field).map(|value| to_plain(field.input, value))
    }

    /// The value in force for `field` in plain units: the override or the default.
    pub fn effective_plain(&self, field: RangeField, base: &Inputs) -> String {
        let value = self
            .get(field)
            .unwrap_or_else(|| Ranges::defaults(base).get(field.input).end(field.end));
        to_plain(field.input, value)
    }

    /// The ranges in force against the central scenario `base`, or every
    /// end that does not fit (`low > likely` on `<key>_low`, `high < likely`
    /// on `<key>_high`, or a stored value out of the field's bounds).
    pub fn ranges(&self, base: &Inputs) -> Result<Ranges, Vec<RangeError>> {
        self.ranges_from(Ranges::defaults(base))
    }

    /// As [`RiskInputs::ranges`], from given default ranges (see [`Ranges::between`]).
    pub fn ranges_from(&self, defaults: Ranges) -> Result<Ranges, Vec<RangeError>> {
        let mut ranges = defaults;
        let mut errors = Vec::new();
        for field in RangeField::ALL {
            let Some(value) = self.get(field) else {
                continue;
            };
            let range = ranges.get_mut(field.input);
            let likely = range.likely;
            let plain = to_plain(field.input, value);
            let problem = match parse_plain(field.input.field(), &plain) {
                Err(problem) => Some(RangeProblem::Invalid(problem)),
                Ok(_) => match field.end {
                    End::Low if value > likely => Some(RangeProblem::AboveLikely {
                        likely: to_plain_number(field.input, likely),
                    }),
                    End::High if value < likely => Some(RangeProblem::BelowLikely {
                        likely: to_plain_number(field.input, likely),
                    }),
                    End::Low => {
                        range.low = value;
                        None
                    }
                    End::High => {
                        range.high = value;
                        None
                    }
                },
            };
            if let Some(problem) = problem {
                errors.push(RangeError { field, problem });
            }
        }
        if errors.is_empty() {
            Ok(ranges)
        } else {
            Err(errors)
        }
    }

    fn get(&self, field: RangeField) -> Option<Decimal> {
        let ends = match field.end {
            End::Low => &self.low,
            End::High => &self.high,
        };
        ends[field.input.index()]
    }

    fn slot(&mut self, field: RangeField) -> &mut Option<Decimal> {
        let ends = match field.end {
            End::Low => &mut self.low,
            End::High => &mut self.high,
        };
        &mut ends[field.input.index()]
    }
}

/// An engine value in the input's plain units (a fraction as a percent number).
fn to_plain_number(input: Uncertain, value: Decimal) -> Decimal {
    if input.is_percent() {
        value.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(value)
    } else {
        value
    }
    .normalize()
}

fn to_plain(input: Uncertain, value: Decimal) -> String {
    to_plain_number(input, value).to_string()
}

// ---------------------------------------------------------------------------
// Random numbers.

/// SplitMix64 (Steele, Lea & Flood, 2014; the constants of Vigna's reference
/// code), written here rather than taken from a crate: no dependency, and
/// integer-only arithmetic gives the identical sequence on native and wasm32,
/// so a seed reproduces a simulation anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`, on the 2^-53 grid.
    pub fn next_f64(&mut self) -> f64 {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        (self.next_u64() >> 11) as f64 * SCALE
    }
}

/// A new seed derived from the current one, for a "draw again" control.
pub fn next_seed(seed: u64) -> u64 {
    SplitMix64::new(seed).next_u64()
}

// ---------------------------------------------------------------------------
// The f64 fast path of the model.

pub(crate) fn to_f64(value: Decimal) -> f64 {
    // `Decimal::to_f64` is infallible (always `Some`).
    value.to_f64().unwrap_or(0.0)
}

/// The inputs a trial does not draw, in `f64`.
#[derive(Debug, Clone, Copy)]
struct FastModel {
    meetings: f64,
    price: f64,
    setup: f64,
    hourly: f64,
    fixed: f64,
    billed_on_held: bool,
    whole: bool,
}

/// One trial's values of the uncertain inputs, indexed like [`Uncertain::ALL`].
type Draw = [f64; 6];

impl FastModel {
    fn new(base: &Inputs) -> FastModel {
        FastModel {
            meetings: to_f64(base.meetings),
            price: to_f64(base.price),
            setup: to_f64(base.setup),
            hourly: to_f64(base.hourly),
            fixed: to_f64(base.fixed),
            billed_on_held: base.basis == Basis::Held,
            whole: base.rounding == Rounding::Whole,
        }
    }

    /// Net result and ROI (`None` without a cost): `roi-model.md`'s formulas,
    /// in the decimal engine's order of operations.
    fn net_and_roi(&self, draw: &Draw) -> (f64, Option<f64>) {
        let [noshow, opp, win, deal, margin, hours] = *draw;
        let held = self.meetings * (1.0 - noshow);
        let billed = if self.billed_on_held {
            held
        } else {
            self.meetings
        };
        let opportunities = held * opp;
        let expected = opportunities * win;
        let sales = if self.whole {
            whole_sales(expected)
        } else {
            expected
        };
        let provider_cost = self.price * billed + self.setup;
        let internal_cost = held * hours * self.hourly + self.fixed;
        let total_cost = provider_cost + internal_cost;
        let revenue = sales * deal;
        let gross_margin = revenue * margin;
        let net = gross_margin - total_cost;
        let roi = (total_cost != 0.0).then(|| net / total_cost);
        (net, roi)
    }
}

/// `floor(expected)`, where a value within [`WHOLE_SNAP`] of a whole number is that number.
pub(crate) fn whole_sales(expected: f64) -> f64 {
    let nearest = expected.round();
    if (expected - nearest).abs() <= WHOLE_SNAP * nearest.abs().max(1.0) {
        nearest
    } else {
        expected.floor()
    }
}

/// A triangular distribution in `f64`, its ends ordered and its mode between them.
#[derive(Debug, Clone, Copy)]
struct Triangular {
    low: f64,
    likely: f64,
    high: f64,
}

impl Triangular {
    fn new(range: &Range) -> Triangular {
        let (low, high) = (range.low.min(range.high), range.low.max(range.high));
        Triangular {
            low: to_f64(low),
            likely: to_f64(range.likely.clamp(low, high)),
            high: to_f64(high),
        }
    }

    /// The inverse CDF at `u` ∈ [0, 1) (see the module doc); `likely` when `low = high`.
    fn sample(&self, u: f64) -> f64 {
        let Triangular { low, likely, high } = *self;
        let span = high - low;
        if span <= 0.0 {
            return likely;
        }
        let x = if u * span < likely - low {
            low + (u * span * (likely - low)).sqrt()
        } else {
            high - ((1.0 - u) * span * (high - likely)).sqrt()
        };
        x.clamp(low, high)
    }
}

// ---------------------------------------------------------------------------
// Simulation.

/// One bar of the net result's histogram: trials with `lo ≤ net < hi`
/// (the last bar includes `hi`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    pub lo: f64,
    pub hi: f64,
    pub count: u32,
}

/// What the simulation says.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskSummary {
    /// Trials run (the requested count, clamped to `1..=MAX_TRIALS`).
    pub trials: u32,
    pub seed: u64,
    /// Share of trials with net result < 0, a fraction.
    pub loss_probability: f64,
    pub net_p10: f64,
    pub net_p50: f64,
    pub net_p90: f64,
    /// ROI percentiles (fractions) over the trials with a cost; `None` if none has one.
    pub roi_p10: Option<f64>,
    pub roi_p50: Option<f64>,
    pub roi_p90: Option<f64>,
    /// Trials whose ROI is defined (a cost to divide by).
    pub roi_trials: u32,
    pub histogram: Vec<Bin>,
}

crate::keyed! {
    @key testid, from_testid;
    /// Names the simulation's figures; [`RiskFigureId::testid`] is the `data-testid`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum RiskFigureId {
        LossProbability = "risk-loss-probability",
        NetP10 = "risk-net-p10",
        NetP50 = "risk-net-p50",
        NetP90 = "risk-net-p90",
        RoiP10 = "risk-roi-p10",
        RoiP50 = "risk-roi-p50",
        RoiP90 = "risk-roi-p90",
    }
}

impl RiskSummary {
    pub fn figure(&self, id: RiskFigureId) -> Option<f64> {
        match id {
            RiskFigureId::LossProbability => Some(self.loss_probability),
            RiskFigureId::NetP10 => Some(self.net_p10),
            RiskFigureId::NetP50 => Some(self.net_p50),
            RiskFigureId::NetP90 => Some(self.net_p90),
            RiskFigureId::RoiP10 => self.roi_p10,
            RiskFigureId::RoiP50 => self.roi_p50,
            RiskFigureId::RoiP90 => self.roi_p90,
        }
    }
}

/// The `data-value` of a simulated figure: Rust's shortest round-trip decimal
/// (never an exponent), `""` when undefined; `-0` is written `0`.
pub fn risk_data_value(value: Option<f64>) -> String {
    match value {
        Some(value) if value.is_finite() => {
            if value == 0.0 {
                "0".to_owned()
            } else {
                value.to_string()
            }
        }
        _ => String::new(),
    }
}

/// Runs `trials` trials (clamped to `1..=MAX_TRIALS`) of the scenario `base`
/// with its uncertain inputs drawn from `ranges` (see the module doc).
pub fn simulate(base: &Inputs, ranges: &Ranges, trials: u32, seed: u64) -> RiskSummary {
    let trials = trials.clamp(1, MAX_TRIALS);
    let model = FastModel::new(base);
    let distributions = ranges.0.map(|range| Triangular::new(&range));
    let mut rng = SplitMix64::new(seed);
    let mut nets = Vec::with_capacity(trials as usize);
    let mut rois = Vec::with_capacity(trials as usize);
    let mut losses: u32 = 0;
    for _ in 0..trials {
        let draw: Draw = distributions.map(|distribution| distribution.sample(rng.next_f64()));
        let (net, roi) = model.net_and_roi(&draw);
        if net < 0.0 {
            losses += 1;
        }
        nets.push(net);
        if let Some(roi) = roi {
            rois.push(roi);
        }
    }
    nets.sort_unstable_by(f64::total_cmp);
    rois.sort_unstable_by(f64::total_cmp);
    let net_at = |p| percentile(&nets, p).unwrap_or(0.0);
    RiskSummary {
        trials,
        seed,
        loss_probability: f64::from(losses) / f64::from(trials),
        net_p10: net_at(10),
        net_p50: net_at(50),
        net_p90: net_at(90),
        roi_p10: percentile(&rois, 10),
        roi_p50: percentile(&rois, 50),
        roi_p90: percentile(&rois, 90),
        roi_trials: u32::try_from(rois.len()).unwrap_or(u32::MAX),
        histogram: histogram(&nets),
    }
}

/// Nearest rank: the value of rank `ceil(p × n / 100)` (at least 1) of `sorted`.
pub(crate) fn percentile(sorted: &[f64], p: u32) -> Option<f64> {
    let n = sorted.len() as u64;
    let rank = (u64::from(p) * n).div_ceil(100).max(1);
    sorted.get(usize::try_from(rank - 1).ok()?).copied()
}

/// See the module doc.
fn histogram(sorted: &[f64]) -> Vec<Bin> {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let total = u32::try_from(sorted.len()).unwrap_or(u32::MAX);
    if max <= min {
        return vec![Bin {
            lo: min,
            hi: max,
            count: total,
        }];
    }
    let width = (max - min) / HISTOGRAM_BINS as f64;
    let (origin, bins) = if min < 0.0 && max > 0.0 {
        let origin = (min / width).floor() * width;
        let bins = ((max - origin) / width).ceil() as usize;
        (origin, bins.clamp(1, HISTOGRAM_BINS + 1))
    } else {
        (min, HISTOGRAM_BINS)
    };
    let mut counts = vec![0u32; bins];
    for &net in sorted {
        // Float-to-int casts saturate: a hair below the origin lands in bin 0.
        let index = (((net - origin) / width).floor() as usize).min(bins - 1);
        if let Some(count) = counts.get_mut(index) {
            *count += 1;
        }
    }
    let last = bins - 1;
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| Bin {
            lo: origin + i as f64 * width,
            hi: if i == last {
                (origin + (i + 1) as f64 * width).max(max)
            } else {
                origin + (i + 1) as f64 * width
            },
            count,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Tornado.

/// One bar of the tornado chart: the ROI with one input at each end of its
/// range, every other uncertain input at its likely value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornadoBar {
    pub input: Uncertain,
    /// The base input (its key names the bar: `win`, `deal`, …).
    pub field: Field,
    /// The range's ends, in engine units (rates as fractions).
    pub low: Decimal,
    pub high: Decimal,
    pub roi_at_low: Figure,
    pub roi_at_high: Figure,
    pub net_at_low: Figure,
    pub net_at_high: Figure,
    /// `|roi_at_high − roi_at_low|`; undefined if either is.
    pub swing: Figure,
}

/// One bar per uncertain input, by swing descending (undefined swings last,
/// ties in the order of [`Uncertain::ALL`]). Decimal and exact, with the
/// scenario's rounding rule.
pub fn tornado(base: &Inputs, ranges: &Ranges) -> Vec<TornadoBar> {
    let mut likely = base.clone();
    for input in Uncertain::ALL {
        let range = ranges.get(input);
        let (low, high) = (range.low.min(range.high), range.low.max(range.high));
        input.set(&mut likely, range.likely.clamp(low, high));
    }
    let mut bars: Vec<TornadoBar> = Uncertain::ALL
        .into_iter()
        .map(|input| {
            let range = ranges.get(input);
            let (low, high) = (range.low.min(range.high), range.low.max(range.high));
            let at = |value: Decimal| {
                let mut scenario = likely.clone();
                input.set(&mut scenario, value);
                evaluate(&scenario)
            };
            let (at_low, at_high) = (at(low), at(high));
            let swing = at_low.roi.and_then(|roi_low| {
                let roi_high = at_high.roi?;
                roi_high
                    .checked_sub(roi_low)
                    .map(|swing| swing.abs().normalize())
                    .ok_or(Undefined::Overflow)
            });
            TornadoBar {
                input,
                field: input.field(),
                low,
                high,
                roi_at_low: at_low.roi,
                roi_at_high: at_high.roi,
                net_at_low: at_low.net_result,
                net_at_high: at_high.net_result,
                swing,
            }
        })
        .collect();
    // Stable: equal swings keep the spec's order.
    bars.sort_by(|a, b| match (a.swing, b.swing) {
        (Ok(a), Ok(b)) => b.cmp(&a),
        (Ok(_), Err(_)) => core::cmp::Ordering::Less,
        (Err(_), Ok(_)) => core::cmp::Ordering::Greater,
        (Err(_), Err(_)) => core::cmp::Ordering::Equal,
    });
    bars
}

#[cfg(test)]
#[path = "risk_tests.rs"]
mod tests;
