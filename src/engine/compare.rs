//! Three ways to get the same meetings (`decision-tools.md` §1): pay per
//! result (the scenario itself), an in-house team, or a provider paid by the
//! day. The funnel after the meeting (no-show, opportunity and win rates,
//! rounding, basket, margin, internal costs) and the duration are the
//! scenario's; only how booked meetings are produced and paid differs.
//!
//! Each model is evaluated by the base engine ([`evaluate()`]) on a scenario
//! that stands for it: for `team` and `time`, `meetings` = the model's booked
//! meetings, `price` = 0 and `setup` = the model cost, so the provider cost
//! is exactly the model cost and every other figure (held, sales, internal
//! cost, full cost, net result, ROI, cost per held meeting, cost per sale)
//! comes from the one reference code path.
//!
//! ```text
//! team booked = callers × rate × (months − 0.5 × min(ramp, months))
//! team cost   = callers × (salary + tools) × months + management × months
//!               + callers × onboarding
//! time booked = days × months × rate
//! time cost   = day_rate × days × months + time_setup
//! ```
//!
//! **Delivery stress.** At delivery `f` ∈ {50, 75, 100, 125} %, booked
//! meetings are `f × planned`; the pay-per-result cost follows them
//! (`price × billed(f) + setup`), the team's and the day-rate provider's do
//! not. Booked meetings may then be fractional (37.5 = 75 % of 50): an
//! expected count, like `sales_expected`. Sales still follow the scenario's
//! rounding rule.
//!
//! # Inputs, defaults and bounds
//!
//! A French SME's view: one SDR ("chargé d'affaires / téléprospecteur") at
//! about 3,500 € a month loaded (≈ 2,500 € gross + employer charges), his
//! tools (CRM seat, dialer, data: 150 € a month), 2,000 € to recruit and
//! train him, 20 booked meetings a month once up to speed after a one-month
//! ramp (at half speed); a provider by the day at 450 € per caller-day, 8 days
//! a month, one meeting a day. With the scenario's defaults (3 months) the
//! team books 50 meetings, as many as the pay-per-result default.
//!
//! | key | input | kind | bounds | decimals | default |
//! |---|---|---|---|---|---|
//! | `team_callers` | callers | count | 1 – 1,000 | 0 | 1 |
//! | `team_salary` | loaded cost per caller, € / month | money | 0 – 1,000,000 | 4 | 3,500 |
//! | `team_tools` | tools per caller, € / month | money | 0 – 100,000 | 4 | 150 |
//! | `team_management` | management, € / month | money | 0 – 1,000,000 | 4 | 0 |
//! | `team_onboarding` | onboarding per caller, € one-off | money | 0 – 1,000,000 | 4 | 2,000 |
//! | `team_rate` | booked meetings per caller-month at full speed | count | 0 – 1,000 | 4 | 20 |
//! | `team_ramp` | months at half speed | months | 0 – 36 | 0 | 1 |
//! | `time_day_rate` | € per caller-day | money | 0 – 100,000 | 4 | 450 |
//! | `time_days` | caller-days per month | count | 0 – 1,000 | 4 | 8 |
//! | `time_rate` | booked meetings per caller-day | count | 0 – 100 | 4 | 1 |
//! | `time_setup` | one-off fee, € | money | 0 – 10,000,000 | 4 | 0 |
//!
//! `team_rate`, `time_days` and `time_rate` are [`FieldKind::Count`] with 4
//! decimals (17.5 meetings a month, half days): take the input's step from
//! [`FieldSpec::max_decimals`], not from its kind.
//!
//! Plain text follows the base inputs' grammar exactly (`field::parse_number`,
//! shared by every input set).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::arith::{add, mul, sub};
use crate::engine::field::{
    field_spec, parse_number, FieldKind, FieldSet, FieldSpec, InputField, Problem,
};
use crate::engine::{evaluate, Basis, Figure, Inputs, Undefined};

// ---------------------------------------------------------------------------
// Inputs.

crate::keyed! {
    /// One input of the comparison, named by its share-link key.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CompareField {
        TeamCallers = "team_callers",
        TeamSalary = "team_salary",
        TeamTools = "team_tools",
        TeamManagement = "team_management",
        TeamOnboarding = "team_onboarding",
        TeamRate = "team_rate",
        TeamRamp = "team_ramp",
        TimeDayRate = "time_day_rate",
        TimeDays = "time_days",
        TimeRate = "time_rate",
        TimeSetup = "time_setup",
    }
}

impl CompareField {
    /// Unit, bounds, precision and default (the module table).
    pub fn spec(self) -> FieldSpec {
        use FieldKind as K;
        match self {
            CompareField::TeamCallers => field_spec(K::Count, 1, 1_000, 0, "1"),
            CompareField::TeamSalary => field_spec(K::Money, 0, 1_000_000, 4, "3500"),
            CompareField::TeamTools => field_spec(K::Money, 0, 100_000, 4, "150"),
            CompareField::TeamManagement => field_spec(K::Money, 0, 1_000_000, 4, "0"),
            CompareField::TeamOnboarding => field_spec(K::Money, 0, 1_000_000, 4, "2000"),
            CompareField::TeamRate => field_spec(K::Count, 0, 1_000, 4, "20"),
            CompareField::TeamRamp => field_spec(K::Months, 0, 36, 0, "1"),
            CompareField::TimeDayRate => field_spec(K::Money, 0, 100_000, 4, "450"),
            CompareField::TimeDays => field_spec(K::Count, 0, 1_000, 4, "8"),
            CompareField::TimeRate => field_spec(K::Count, 0, 100, 4, "1"),
            CompareField::TimeSetup => field_spec(K::Money, 0, 10_000_000, 4, "0"),
        }
    }
}

impl InputField for CompareField {
    fn spec(self) -> FieldSpec {
        CompareField::spec(self)
    }
}

/// An in-house team of callers ("plateau interne").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamInputs {
    /// Number of callers (whole).
    pub callers: Decimal,
    /// Loaded monthly cost of one caller, €.
    pub salary: Decimal,
    /// Tools per caller and month, €.
    pub tools: Decimal,
    /// Management per month, € (the whole team).
    pub management: Decimal,
    /// One-off recruiting and training per caller, €.
    pub onboarding: Decimal,
    /// Booked meetings per caller and month at full speed.
    pub rate: Decimal,
    /// Months at half speed at the start (whole).
    pub ramp: Decimal,
}

impl Default for TeamInputs {
    fn default() -> Self {
        TeamInputs {
            callers: Decimal::ONE,
            salary: Decimal::from(3_500),
            tools: Decimal::from(150),
            management: Decimal::ZERO,
            onboarding: Decimal::from(2_000),
            rate: Decimal::from(20),
            ramp: Decimal::ONE,
        }
    }
}

/// A provider paid by the day ("au temps passé").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeInputs {
    /// € per caller-day.
    pub day_rate: Decimal,
    /// Caller-days per month.
    pub days: Decimal,
    /// Booked meetings per caller-day.
    pub rate: Decimal,
    /// One-off fee, €.
    pub setup: Decimal,
}

impl Default for TimeInputs {
    fn default() -> Self {
        TimeInputs {
            day_rate: Decimal::from(450),
            days: Decimal::from(8),
            rate: Decimal::ONE,
            setup: Decimal::ZERO,
        }
    }
}

/// Both alternative models' inputs, edited and linked like the base inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareInputs {
    pub team: TeamInputs,
    pub time: TimeInputs,
}

impl FieldSet for CompareInputs {
    type Field = CompareField;

    fn set(&mut self, field: CompareField, plain: &str) -> Result<(), Problem> {
        let value = parse_number(&field.spec(), plain)?;
        *self.slot(field) = value;
        Ok(())
    }

    fn plain(&self, field: CompareField) -> String {
        self.number(field).normalize().to_string()
    }
}

impl CompareInputs {
    /// The stored value of `field` (all of this group's inputs are in plain units).
    pub fn number(&self, field: CompareField) -> Decimal {
        let (team, time) = (&self.team, &self.time);
        match field {
            CompareField::TeamCallers => team.callers,
            CompareField::TeamSalary => team.salary,
            CompareField::TeamTools => team.tools,
            CompareField::TeamManagement => team.management,
            CompareField::TeamOnboarding => team.onboarding,
            CompareField::TeamRate => team.rate,
            CompareField::TeamRamp => team.ramp,
            CompareField::TimeDayRate => time.day_rate,
            CompareField::TimeDays => time.days,
            CompareField::TimeRate => time.rate,
            CompareField::TimeSetup => time.setup,
        }
    }

    fn slot(&mut self, field: CompareField) -> &mut Decimal {
        let (team, time) = (&mut self.team, &mut self.time);
        match field {
            CompareField::TeamCallers => &mut team.callers,
            CompareField::TeamSalary => &mut team.salary,
            CompareField::TeamTools => &mut team.tools,
            CompareField::TeamManagement => &mut team.management,
            CompareField::TeamOnboarding => &mut team.onboarding,
            CompareField::TeamRate => &mut team.rate,
            CompareField::TeamRamp => &mut team.ramp,
            CompareField::TimeDayRate => &mut time.day_rate,
            CompareField::TimeDays => &mut time.days,
            CompareField::TimeRate => &mut time.rate,
            CompareField::TimeSetup => &mut time.setup,
        }
    }
}

// ---------------------------------------------------------------------------
// Models and figures.

crate::keyed! {
    /// How booked meetings are produced and paid.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Model {
        /// Pay per result: the scenario itself.
        Result = "result",
        /// In-house team.
        Team = "team",
        /// Provider paid by the day.
        Time = "time",
    }
}

/// The delivery levels of the stress test, in percent of the planned meetings.
pub const DELIVERY_PCT: [u32; 4] = [50, 75, 100, 125];

crate::keyed! {
    /// One figure of a model's column.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum CompareFigure {
        Booked = "booked",
        Held = "held",
        Sales = "sales",
        TotalCost = "total-cost",
        NetResult = "net-result",
        Roi = "roi",
        CostPerHeld = "cost-per-held",
        CostPerSale = "cost-per-sale",
        RoiAt50 = "roi-at-50",
        RoiAt75 = "roi-at-75",
        RoiAt100 = "roi-at-100",
        RoiAt125 = "roi-at-125",
    }
}

/// `compare-<model>-<figure>`, e.g. `compare-team-net-result`, `compare-time-roi-at-50`.
pub fn testid(model: Model, figure: CompareFigure) -> String {
    format!("compare-{}-{}", model.key(), figure.key())
}

/// A model at one delivery level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StressPoint {
    /// Percent of the planned meetings delivered (50, 75, 100, 125).
    pub delivery_pct: u32,
    pub booked: Figure,
    /// What the model costs at this delivery (flat for `team` and `time`).
    pub model_cost: Figure,
    pub total_cost: Figure,
    pub net_result: Figure,
    pub roi: Figure,
}

/// One model's column of the comparison, at plan (100 % delivery) and under stress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelOutcome {
    pub model: Model,
    pub booked: Figure,
    pub held: Figure,
    pub sales: Figure,
    /// The model's own cost: `price × billed + setup`, the team's or the day-rate provider's.
    pub model_cost: Figure,
    /// Model cost + internal cost.
    pub total_cost: Figure,
    pub net_result: Figure,
    pub roi: Figure,
    pub cost_per_held: Figure,
    pub cost_per_sale: Figure,
    /// One point per [`DELIVERY_PCT`], in that order.
    pub stress: [StressPoint; 4],
}

impl ModelOutcome {
    pub fn figure(&self, figure: CompareFigure) -> Figure {
        match figure {
            CompareFigure::Booked => self.booked,
            CompareFigure::Held => self.held,
            CompareFigure::Sales => self.sales,
            CompareFigure::TotalCost => self.total_cost,
            CompareFigure::NetResult => self.net_result,
            CompareFigure::Roi => self.roi,
            CompareFigure::CostPerHeld => self.cost_per_held,
            CompareFigure::CostPerSale => self.cost_per_sale,
            CompareFigure::RoiAt50 => self.stress[0].roi,
            CompareFigure::RoiAt75 => self.stress[1].roi,
            CompareFigure::RoiAt100 => self.stress[2].roi,
            CompareFigure::RoiAt125 => self.stress[3].roi,
        }
    }

    /// The lowest ROI over the delivery levels; undefined if any level's is.
    pub fn worst_roi(&self) -> Figure {
        let [first, rest @ ..] = &self.stress;
        rest.iter()
            .try_fold(first.roi?, |worst, point| Ok(worst.min(point.roi?)))
    }
}

/// The three models side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub result: ModelOutcome,
    pub team: ModelOutcome,
    pub time: ModelOutcome,
}

impl Comparison {
    pub fn model(&self, model: Model) -> &ModelOutcome {
        match model {
            Model::Result => &self.result,
            Model::Team => &self.team,
            Model::Time => &self.time,
        }
    }

    /// The figure behind `testid(model, figure)`.
    pub fn figure(&self, model: Model, figure: CompareFigure) -> Figure {
        self.model(model).figure(figure)
    }
}

/// Which model wins on what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// The highest net result at plan (100 % delivery).
    pub best_net_result: Option<Model>,
    /// The highest worst-case ROI over the delivery levels: the safest bet.
    pub safest: Option<Model>,
}

/// The best net result at plan and the highest worst-case ROI. Models whose
/// figure is undefined are left out (`None` when all are); a tie goes to the
/// first model in [`Model::ALL`] order (pay per result, team, time).
pub fn verdict(comparison: &Comparison) -> Verdict {
    let best = |figure: &dyn Fn(&ModelOutcome) -> Figure| {
        Model::ALL
            .into_iter()
            .filter_map(|model| figure(comparison.model(model)).ok().map(|v| (model, v)))
            .fold(
                None,
                |best: Option<(Model, Decimal)>, (model, value)| match best {
                    Some((_, top)) if top >= value => best,
                    _ => Some((model, value)),
                },
            )
            .map(|(model, _)| model)
    };
    Verdict {
        best_net_result: best(&|outcome| outcome.net_result),
        safest: best(&|outcome| outcome.worst_roi()),
    }
}

/// Evaluates the three models on the scenario `base`.
pub fn compare(base: &Inputs, team: &TeamInputs, time: &TimeInputs) -> Comparison {
    let result = model_outcome(Model::Result, |f| {
        let meetings = mul(base.meetings, f)?;
        Ok(Inputs {
            meetings,
            ..base.clone()
        })
    });
    let team_booked = team_booked(base.months, team);
    let team_cost = team_cost(base.months, team);
    let team = model_outcome(Model::Team, |f| {
        Ok(flat_cost_scenario(base, mul(team_booked?, f)?, team_cost?))
    });
    let time_booked = time_booked(base.months, time);
    let time_cost = time_cost(base.months, time);
    let time = model_outcome(Model::Time, |f| {
        Ok(flat_cost_scenario(base, mul(time_booked?, f)?, time_cost?))
    });
    Comparison { result, team, time }
}

/// `callers × rate × (months − 0.5 × min(ramp, months))`.
pub fn team_booked(months: u32, team: &TeamInputs) -> Figure {
    let months = Decimal::from(months);
    let half_speed = mul(Decimal::new(5, 1), team.ramp.min(months))?;
    let full_speed_months = sub(months, half_speed)?;
    mul(mul(team.callers, team.rate)?, full_speed_months).map(|v| v.normalize())
}

/// `callers × (salary + tools) × months + management × months + callers × onboarding`.
pub fn team_cost(months: u32, team: &TeamInputs) -> Figure {
    let months = Decimal::from(months);
    let callers = mul(mul(team.callers, add(team.salary, team.tools)?)?, months)?;
    let management = mul(team.management, months)?;
    let onboarding = mul(team.callers, team.onboarding)?;
    add(add(callers, management)?, onboarding).map(|v| v.normalize())
}

/// `days × months × rate`.
pub fn time_booked(months: u32, time: &TimeInputs) -> Figure {
    mul(mul(time.days, Decimal::from(months))?, time.rate).map(|v| v.normalize())
}

/// `day_rate × days × months + time_setup`.
pub fn time_cost(months: u32, time: &TimeInputs) -> Figure {
    let days = mul(mul(time.day_rate, time.days)?, Decimal::from(months))?;
    add(days, time.setup).map(|v| v.normalize())
}

/// The scenario standing for a flat-cost model: its booked meetings, no price
/// per meeting, the model cost as the one-off fee.
fn flat_cost_scenario(base: &Inputs, booked: Decimal, cost: Decimal) -> Inputs {
    Inputs {
        meetings: booked,
        price: Decimal::ZERO,
        basis: Basis::Booked,
        setup: cost,
        ..base.clone()
    }
}

/// Evaluates the scenario `at(f)` at every delivery level `f`.
fn model_outcome(model: Model, at: impl Fn(Decimal) -> Result<Inputs, Undefined>) -> ModelOutcome {
    let evaluated = DELIVERY_PCT.map(|pct| {
        let scenario = at(Decimal::new(i64::from(pct), 2))?;
        Ok::<_, Undefined>((scenario.meetings.normalize(), evaluate(&scenario)))
    });
    let stress_point = |index: usize| {
        let pct = DELIVERY_PCT[index];
        match &evaluated[index] {
            Ok((booked, outcome)) => StressPoint {
                delivery_pct: pct,
                booked: Ok(*booked),
                model_cost: outcome.provider_cost,
                total_cost: outcome.total_cost,
                net_result: outcome.net_result,
                roi: outcome.roi,
            },
            Err(reason) => StressPoint {
                delivery_pct: pct,
                booked: Err(*reason),
                model_cost: Err(*reason),
                total_cost: Err(*reason),
                net_result: Err(*reason),
                roi: Err(*reason),
            },
        }
    };
    let stress = [0, 1, 2, 3].map(stress_point);
    // 100 % delivery is the plan.
    let (booked, plan) = match &evaluated[2] {
        Ok((booked, outcome)) => (Ok(*booked), Ok(outcome)),
        Err(reason) => (Err(*reason), Err(*reason)),
    };
    let at_plan = |pick: fn(&crate::engine::Outcome) -> Figure| plan.and_then(pick);
    ModelOutcome {
        model,
        booked,
        held: at_plan(|o| o.held),
        sales: at_plan(|o| o.sales),
        model_cost: at_plan(|o| o.provider_cost),
        total_cost: at_plan(|o| o.total_cost),
        net_result: at_plan(|o| o.net_result),
        roi: at_plan(|o| o.roi),
        cost_per_held: at_plan(|o| o.cost_per_held),
        cost_per_sale: at_plan(|o| o.cost_per_sale),
        stress,
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
