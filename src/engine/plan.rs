//! Plan from a goal (`decision-tools.md` §2): work back from a number of
//! customers, a revenue or a gross margin to the sales, held and booked
//! meetings and calls it takes with the scenario's rates, then price that
//! campaign with the base engine.
//!
//! ```text
//! sales_needed   = goal_value                          (customers)
//!                = ceil(goal_value / deal)             (revenue)
//!                = ceil(goal_value / margin_per_sale)  (margin)
//! held_needed    = sales_needed / (opp × win)
//! booked_needed  = ceil(held_needed / (1 − noshow))
//! calls_needed   = ceil(booked_needed / (call_to_conversation × conversation_to_meeting))
//! budget, roi    = full cost and ROI of the scenario with meetings = booked_needed
//! max_price      = break-even price of that scenario
//! ```
//!
//! `booked_needed` is computed as `ceil(sales_needed / (opp × win × (1 − noshow)))`,
//! the same number with one rounded division instead of two: the product of
//! the rates is exact, so the ceiling is exact and the plan evaluated forward
//! always reaches the goal (tested). `held_needed` is shown unrounded, as the
//! spec writes it.
//!
//! **Beyond the calculator's range.** The plan's scenario must be valid
//! inputs: `meetings` is 1 – 1,000,000. When `booked_needed` exceeds
//! 1,000,000 the sales, held, booked and calls figures are still given (they
//! say how far out of reach the goal is) and the budget, ROI and maximum price
//! are [`PlanUndefined::TooManyMeetings`]. `booked_needed` is never below 1:
//! a goal is at least 1.
//!
//! # Inputs, defaults and bounds
//!
//! | key | input | kind | bounds | decimals | default |
//! |---|---|---|---|---|---|
//! | `goal_kind` | `customers`, `revenue` or `margin` | choice | | | `customers` |
//! | `goal_value` | customers, or € of first-sale revenue or gross margin | count | 1 – 1,000,000,000 | 0 | 10 |
//! | `call_to_conversation` | calls that reach the decision maker | % | 0 – 100 | 4 | 30 |
//! | `conversation_to_meeting` | conversations that book a meeting | % | 0 – 100 | 4 | 10 |
//!
//! `goal_value` is a whole number whatever the kind (nobody targets 10.5
//! customers or revenue to the cent); the UI shows its unit from `goal_kind`.
//! The two rates are B2B cold-calling orders of magnitude: about one call in
//! three reaches someone, one conversation in ten books a meeting (3 % of
//! calls).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::arith::{div, mul, sub};
use crate::engine::field::{
    field_spec, parse_number, FieldKind, FieldSet, FieldSpec, InputField, Problem,
};
use crate::engine::inputs::MAX_MEETINGS;
use crate::engine::{evaluate, Inputs, Undefined};

crate::keyed! {
    @key token, from_token;
    /// What the goal counts.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum GoalKind {
        Customers = "customers",
        Revenue = "revenue",
        Margin = "margin",
    }
}

crate::keyed! {
    /// One input of the plan, named by its share-link key.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum PlanField {
        GoalKind = "goal_kind",
        GoalValue = "goal_value",
        CallToConversation = "call_to_conversation",
        ConversationToMeeting = "conversation_to_meeting",
    }
}

impl PlanField {
    /// Unit, bounds (plain units: percent numbers for rates), precision and default.
    pub fn spec(self) -> FieldSpec {
        use FieldKind as K;
        match self {
            PlanField::GoalKind => field_spec(K::Choice(&GoalKind::KEYS), 0, 0, 0, "customers"),
            PlanField::GoalValue => field_spec(K::Count, 1, 1_000_000_000, 0, "10"),
            PlanField::CallToConversation => field_spec(K::Percent, 0, 100, 4, "30"),
            PlanField::ConversationToMeeting => field_spec(K::Percent, 0, 100, 4, "10"),
        }
    }
}

impl InputField for PlanField {
    fn spec(self) -> FieldSpec {
        PlanField::spec(self)
    }
}

/// The goal and the calling rates. Rates are FRACTIONS here (30 % is 0.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalInputs {
    pub kind: GoalKind,
    /// Customers, or euros of first-sale revenue or gross margin (whole).
    pub value: Decimal,
    pub call_to_conversation: Decimal,
    pub conversation_to_meeting: Decimal,
}

impl Default for GoalInputs {
    fn default() -> Self {
        GoalInputs {
            kind: GoalKind::Customers,
            value: Decimal::from(10),
            call_to_conversation: Decimal::new(3, 1),
            conversation_to_meeting: Decimal::new(1, 1),
        }
    }
}

impl FieldSet for GoalInputs {
    type Field = PlanField;

    /// Parses `plain` for `field` and stores it (a percent becomes a fraction).
    /// On error the inputs are left unchanged.
    fn set(&mut self, field: PlanField, plain: &str) -> Result<(), Problem> {
        if field == PlanField::GoalKind {
            let token = plain.trim_matches(|c: char| c.is_ascii_whitespace());
            if token.is_empty() {
                return Err(Problem::Empty);
            }
            self.kind = GoalKind::from_token(token).ok_or(Problem::UnknownChoice)?;
            return Ok(());
        }
        let number = parse_number(&field.spec(), plain)?;
        let percent = || (number / Decimal::ONE_HUNDRED).normalize();
        match field {
            PlanField::GoalKind => {}
            PlanField::GoalValue => self.value = number,
            PlanField::CallToConversation => self.call_to_conversation = percent(),
            PlanField::ConversationToMeeting => self.conversation_to_meeting = percent(),
        }
        Ok(())
    }

    fn plain(&self, field: PlanField) -> String {
        let percent = |fraction: Decimal| {
            fraction
                .checked_mul(Decimal::ONE_HUNDRED)
                .map(|v| v.normalize().to_string())
                .unwrap_or_default()
        };
        match field {
            PlanField::GoalKind => self.kind.token().to_owned(),
            PlanField::GoalValue => self.value.normalize().to_string(),
            PlanField::CallToConversation => percent(self.call_to_conversation),
            PlanField::ConversationToMeeting => percent(self.conversation_to_meeting),
        }
    }
}

/// Why a figure of the plan has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanUndefined {
    /// A revenue goal with a basket of 0 €: no number of sales reaches it.
    NoDeal,
    /// A margin goal with no margin per sale (basket or margin rate is 0).
    NoMarginPerSale,
    /// The held meeting → opportunity rate is 0 %.
    NoOpportunities,
    /// The opportunity → sale rate is 0 %.
    NoWins,
    /// The no-show rate is 100 %: no booked meeting is ever held.
    AllNoShows,
    /// The call → conversation rate is 0 %.
    NoConversations,
    /// The conversation → meeting rate is 0 %.
    NoMeetingsFromConversations,
    /// More than 1,000,000 booked meetings, the calculator's bound for `meetings`.
    TooManyMeetings,
    /// The base engine's reason (e.g. no cost for the ROI, or overflow).
    Engine(Undefined),
}

impl From<Undefined> for PlanUndefined {
    fn from(reason: Undefined) -> Self {
        PlanUndefined::Engine(reason)
    }
}

/// One figure of the plan: its exact value, or why it is undefined.
pub type PlanFigure = Result<Decimal, PlanUndefined>;

crate::keyed! {
    @key testid, from_testid;
    /// Names the plan's figures; [`PlanFigureId::testid`] is the `data-testid`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PlanFigureId {
        Sales = "plan-sales",
        Held = "plan-held",
        Booked = "plan-booked",
        Calls = "plan-calls",
        Budget = "plan-budget",
        Roi = "plan-roi",
        MaxPrice = "plan-max-price",
    }
}

/// What it takes to reach the goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub sales_needed: PlanFigure,
    pub held_needed: PlanFigure,
    pub booked_needed: PlanFigure,
    pub calls_needed: PlanFigure,
    /// Full cost (provider + internal) of the plan's scenario.
    pub budget: PlanFigure,
    pub roi: PlanFigure,
    /// The highest price per meeting at which the plan still breaks even
    /// (may be negative: then no price does; say so in words).
    pub max_price: PlanFigure,
    /// The base scenario with `meetings = booked_needed`: what "apply this
    /// plan" would load, and what the budget, ROI and max price are figures of.
    pub scenario: Result<Inputs, PlanUndefined>,
}

impl Plan {
    pub fn figure(&self, id: PlanFigureId) -> PlanFigure {
        match id {
            PlanFigureId::Sales => self.sales_needed,
            PlanFigureId::Held => self.held_needed,
            PlanFigureId::Booked => self.booked_needed,
            PlanFigureId::Calls => self.calls_needed,
            PlanFigureId::Budget => self.budget,
            PlanFigureId::Roi => self.roi,
            PlanFigureId::MaxPrice => self.max_price,
        }
    }
}

/// `Err(reason)` when `rate` is zero.
fn nonzero(rate: Decimal, reason: PlanUndefined) -> PlanFigure {
    if rate.is_zero() {
        Err(reason)
    } else {
        Ok(rate)
    }
}

/// `ceil(a / b)`, checked.
fn ceil_div(a: Decimal, b: Decimal, if_zero: PlanUndefined) -> PlanFigure {
    let b = nonzero(b, if_zero)?;
    Ok(div(a, b, Undefined::Overflow)?.ceil().normalize())
}

/// Works back from the goal to what it takes, with `base`'s rates.
pub fn plan(base: &Inputs, goal: &GoalInputs) -> Plan {
    let sales_needed = match goal.kind {
        // `ceil` is a no-op on a valid (whole) goal.
        GoalKind::Customers => Ok(goal.value.ceil().normalize()),
        GoalKind::Revenue => ceil_div(goal.value, base.deal, PlanUndefined::NoDeal),
        GoalKind::Margin => mul(base.deal, base.margin)
            .map_err(PlanUndefined::from)
            .and_then(|per_sale| ceil_div(goal.value, per_sale, PlanUndefined::NoMarginPerSale)),
    };
    let sale_rate = (|| {
        let opp = nonzero(base.opp, PlanUndefined::NoOpportunities)?;
        let win = nonzero(base.win, PlanUndefined::NoWins)?;
        Ok::<_, PlanUndefined>(mul(opp, win)?)
    })();
    let held_needed =
        sales_needed.and_then(|sales| Ok(div(sales, sale_rate?, Undefined::Overflow)?.normalize()));
    let booked_needed = sales_needed.and_then(|sales| {
        let sale_rate = sale_rate?;
        let shown = nonzero(sub(Decimal::ONE, base.noshow)?, PlanUndefined::AllNoShows)?;
        ceil_div(sales, mul(sale_rate, shown)?, PlanUndefined::AllNoShows)
    });
    let calls_needed = booked_needed.and_then(|booked| {
        let conversation = nonzero(goal.call_to_conversation, PlanUndefined::NoConversations)?;
        let meeting = nonzero(
            goal.conversation_to_meeting,
            PlanUndefined::NoMeetingsFromConversations,
        )?;
        ceil_div(
            booked,
            mul(conversation, meeting)?,
            PlanUndefined::NoConversations,
        )
    });
    let scenario = booked_needed.and_then(|booked| {
        if booked > Decimal::from(MAX_MEETINGS) {
            return Err(PlanUndefined::TooManyMeetings);
        }
        Ok(Inputs {
            meetings: booked,
            ..base.clone()
        })
    });
    let outcome = scenario.as_ref().map(evaluate).map_err(|reason| *reason);
    let from_outcome = |pick: fn(&crate::engine::Outcome) -> crate::engine::Figure| {
        outcome
            .as_ref()
            .map_err(|reason| *reason)
            .and_then(|outcome| pick(outcome).map_err(PlanUndefined::from))
    };
    Plan {
        sales_needed,
        held_needed,
        booked_needed,
        calls_needed,
        budget: from_outcome(|o| o.total_cost),
        roi: from_outcome(|o| o.roi),
        max_price: from_outcome(|o| o.break_even_price),
        scenario,
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
