//! Every figure of the spec's formulas for one scenario, each either a value
//! or the reason it is undefined (the page says that reason in words).
//!
//! Figures are normalized (no trailing zeros) so that their `to_string()` is
//! the `data-value` the page carries; see [`data_value`]. Values that are
//! exact in decimal (all of the defaults' figures) come out exact; a quotient
//! or a product beyond 28 significant digits is rounded by [`Decimal`].

use rust_decimal::Decimal;

use super::arith::{add, div, mul, sub};
pub use super::figure::{data_value, Figure, Undefined};
use super::inputs::{Basis, Inputs, Rounding, MAX_YEARS};
use super::schedule::{self, Schedule, Totals};

crate::keyed! {
    @key testid, from_testid;
    /// Names every figure of the results; [`FigureId::testid`] is its `data-testid`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum FigureId {
        Held = "held",
        Billed = "billed",
        Opportunities = "opportunities",
        SalesExpected = "sales-expected",
        Sales = "sales",
        ProviderCost = "provider-cost",
        InternalCost = "internal-cost",
        TotalCost = "total-cost",
        Revenue = "revenue",
        GrossMargin = "gross-margin",
        NetResult = "net-result",
        Roi = "roi",
        MarginMultiple = "margin-multiple",
        ProviderCostPerHeld = "provider-cost-per-held",
        CostPerHeld = "cost-per-held",
        CostPerSale = "cost-per-sale",
        MarginPerSale = "margin-per-sale",
        LtvRevenue = "ltv-revenue",
        LtvMargin = "ltv-margin",
        LifetimeMargin = "lifetime-margin",
        LifetimeNet = "lifetime-net",
        LifetimeRoi = "lifetime-roi",
        LtvToCac = "ltv-to-cac",
        BreakEvenPrice = "break-even-price",
        MaxPriceForTarget = "max-price-for-target",
        BreakEvenSaleRate = "break-even-sale-rate",
        PaybackMonth = "payback-month",
    }
}

/// How a figure reads: rates and ROIs are fractions (ROI +380 % is `3.8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureUnit {
    Count,
    Money,
    /// A fraction shown as a percentage (ROI, rates).
    Ratio,
    /// Shown as "4.8×" (margin multiple, LTV:CAC).
    Multiple,
    Month,
}

impl FigureId {
    pub fn unit(self) -> FigureUnit {
        use FigureId as F;
        match self {
            F::Held | F::Billed | F::Opportunities | F::SalesExpected | F::Sales => {
                FigureUnit::Count
            }
            F::ProviderCost
            | F::InternalCost
            | F::TotalCost
            | F::Revenue
            | F::GrossMargin
            | F::NetResult
            | F::ProviderCostPerHeld
            | F::CostPerHeld
            | F::CostPerSale
            | F::MarginPerSale
            | F::LtvRevenue
            | F::LtvMargin
            | F::LifetimeMargin
            | F::LifetimeNet
            | F::BreakEvenPrice
            | F::MaxPriceForTarget => FigureUnit::Money,
            F::Roi | F::LifetimeRoi | F::BreakEvenSaleRate => FigureUnit::Ratio,
            F::MarginMultiple | F::LtvToCac => FigureUnit::Multiple,
            F::PaybackMonth => FigureUnit::Month,
        }
    }
}

/// Every figure of one scenario, named as in the spec, plus the guardrails
/// and the monthly schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub held: Figure,
    pub billed: Figure,
    pub opportunities: Figure,
    pub sales_expected: Figure,
    pub sales: Figure,
    pub provider_cost: Figure,
    pub internal_cost: Figure,
    pub total_cost: Figure,
    pub revenue: Figure,
    pub gross_margin: Figure,
    pub net_result: Figure,
    pub roi: Figure,
    pub margin_multiple: Figure,
    pub provider_cost_per_held: Figure,
    pub cost_per_held: Figure,
    pub cost_per_sale: Figure,
    pub margin_per_sale: Figure,
    pub ltv_revenue: Figure,
    pub ltv_margin: Figure,
    pub lifetime_margin: Figure,
    pub lifetime_net: Figure,
    pub lifetime_roi: Figure,
    pub ltv_to_cac: Figure,
    pub break_even_price: Figure,
    pub max_price_for_target: Figure,
    pub break_even_sale_rate: Figure,
    /// The month number, or `NeverPaysBack`.
    pub payback_month: Figure,
    /// Margin per customer covers `multiple` × the price per meeting.
    pub guardrail_multiple_ok: bool,
    /// LTV:CAC is at least 3 (false when it is undefined).
    pub guardrail_ltv_cac_ok: bool,
    /// Empty when `payback_month` is `Err(Overflow)`.
    pub schedule: Schedule,
}

impl Outcome {
    pub fn figure(&self, id: FigureId) -> Figure {
        match id {
            FigureId::Held => self.held,
            FigureId::Billed => self.billed,
            FigureId::Opportunities => self.opportunities,
            FigureId::SalesExpected => self.sales_expected,
            FigureId::Sales => self.sales,
            FigureId::ProviderCost => self.provider_cost,
            FigureId::InternalCost => self.internal_cost,
            FigureId::TotalCost => self.total_cost,
            FigureId::Revenue => self.revenue,
            FigureId::GrossMargin => self.gross_margin,
            FigureId::NetResult => self.net_result,
            FigureId::Roi => self.roi,
            FigureId::MarginMultiple => self.margin_multiple,
            FigureId::ProviderCostPerHeld => self.provider_cost_per_held,
            FigureId::CostPerHeld => self.cost_per_held,
            FigureId::CostPerSale => self.cost_per_sale,
            FigureId::MarginPerSale => self.margin_per_sale,
            FigureId::LtvRevenue => self.ltv_revenue,
            FigureId::LtvMargin => self.ltv_margin,
            FigureId::LifetimeMargin => self.lifetime_margin,
            FigureId::LifetimeNet => self.lifetime_net,
            FigureId::LifetimeRoi => self.lifetime_roi,
            FigureId::LtvToCac => self.ltv_to_cac,
            FigureId::BreakEvenPrice => self.break_even_price,
            FigureId::MaxPriceForTarget => self.max_price_for_target,
            FigureId::BreakEvenSaleRate => self.break_even_sale_rate,
            FigureId::PaybackMonth => self.payback_month,
        }
    }
}

/// The part of the model that does not depend on the price per meeting:
/// computed once, then priced as often as the sweep needs.
pub(crate) struct Funnel {
    pub held: Figure,
    pub billed: Figure,
    pub opportunities: Figure,
    pub sales_expected: Figure,
    pub sales: Figure,
    pub revenue: Figure,
    pub gross_margin: Figure,
    /// held × hours × hourly: the part of internal cost that follows the meetings.
    pub sales_time_cost: Figure,
    pub internal_cost: Figure,
    pub setup: Decimal,
}

pub(crate) fn funnel(inputs: &Inputs) -> Funnel {
    let held = sub(Decimal::ONE, inputs.noshow).and_then(|shown| mul(inputs.meetings, shown));
    let billed = match inputs.basis {
        Basis::Booked => Ok(inputs.meetings),
        Basis::Held => held,
    };
    let opportunities = held.and_then(|held| mul(held, inputs.opp));
    let sales_expected = opportunities.and_then(|opportunities| mul(opportunities, inputs.win));
    let sales = sales_expected.map(|expected| match inputs.rounding {
        Rounding::Whole => expected.floor(),
        Rounding::Expected => expected,
    });
    let revenue = sales.and_then(|sales| mul(sales, inputs.deal));
    let gross_margin = revenue.and_then(|revenue| mul(revenue, inputs.margin));
    let sales_time_cost = held
        .and_then(|held| mul(held, inputs.hours))
        .and_then(|hours| mul(hours, inputs.hourly));
    let internal_cost = sales_time_cost.and_then(|cost| add(cost, inputs.fixed));
    Funnel {
        held,
        billed,
        opportunities,
        sales_expected,
        sales,
        revenue,
        gross_margin,
        sales_time_cost,
        internal_cost,
        setup: inputs.setup,
    }
}

/// The figures that move with the price per meeting (not yet normalized).
pub(crate) struct Priced {
    /// price × billed: the part of provider cost that follows the meetings.
    pub billed_cost: Figure,
    pub provider_cost: Figure,
    pub total_cost: Figure,
    pub net_result: Figure,
    pub roi: Figure,
}

/// The one code path for price-dependent figures, shared by [`evaluate`],
/// [`net_result_at_price`] and the sweep, so they agree to the last digit.
pub(crate) fn priced(funnel: &Funnel, price: Decimal) -> Priced {
    let billed_cost = funnel.billed.and_then(|billed| mul(price, billed));
    let provider_cost = billed_cost.and_then(|cost| add(cost, funnel.setup));
    let total_cost = provider_cost.and_then(|provider| add(provider, funnel.internal_cost?));
    let net_result = total_cost.and_then(|total| sub(funnel.gross_margin?, total));
    let roi = total_cost.and_then(|total| div(net_result?, total, Undefined::NoCost));
    Priced {
        billed_cost,
        provider_cost,
        total_cost,
        net_result,
        roi,
    }
}

/// `(gross_margin − setup − internal_cost) / billed`: the price at which net result is 0.
pub(crate) fn break_even_price(funnel: &Funnel) -> Figure {
    let billed = nonzero(funnel.billed, Undefined::NoBilledMeetings)?;
    let margin_left = sub(funnel.gross_margin?, funnel.setup)?;
    let margin_left = sub(margin_left, funnel.internal_cost?)?;
    div(margin_left, billed, Undefined::NoBilledMeetings).map(normalized)
}

/// Net result with `price` in place of `inputs.price`, everything else fixed.
pub fn net_result_at_price(inputs: &Inputs, price: Decimal) -> Figure {
    priced(&funnel(inputs), price).net_result.map(normalized)
}

/// Evaluates every figure of the model for one scenario.
pub fn evaluate(inputs: &Inputs) -> Outcome {
    let funnel = funnel(inputs);
    let at_price = priced(&funnel, inputs.price);
    let gross_margin = funnel.gross_margin;
    let total_cost = at_price.total_cost;

    let margin_multiple = total_cost.and_then(|total| div(gross_margin?, total, Undefined::NoCost));
    let provider_cost_per_held = at_price.provider_cost.and_then(|provider| {
        div(
            provider,
            nonzero(funnel.held, Undefined::NoHeldMeetings)?,
            Undefined::NoHeldMeetings,
        )
    });
    let cost_per_held = total_cost.and_then(|total| {
        div(
            total,
            nonzero(funnel.held, Undefined::NoHeldMeetings)?,
            Undefined::NoHeldMeetings,
        )
    });
    let cost_per_sale = nonzero(funnel.sales, Undefined::NoSales)
        .and_then(|sales| div(total_cost?, sales, Undefined::NoSales));
    let margin_per_sale = mul(inputs.deal, inputs.margin);

    let renewal_revenues = renewal_revenues(inputs);
    let ltv_revenue = renewal_revenues
        .as_ref()
        .map_err(|reason| *reason)
        .and_then(|renewals| {
            renewals
                .iter()
                .try_fold(inputs.deal, |sum, renewal| add(sum, *renewal))
        });
    let ltv_margin = ltv_revenue.and_then(|revenue| mul(revenue, inputs.margin));
    let lifetime_margin = funnel.sales.and_then(|sales| mul(sales, ltv_margin?));
    let lifetime_net = lifetime_margin.and_then(|margin| sub(margin, total_cost?));
    let lifetime_roi = total_cost.and_then(|total| div(lifetime_net?, total, Undefined::NoCost));
    // ltv_margin / (total_cost / sales), as one division of the lifetime
    // margin by the total cost: dividing by the rounded cost per sale made
    // an exact 3 read 2.99…9 and fail the guardrail.
    let ltv_to_cac =
        cost_per_sale.and_then(|_| div(lifetime_margin?, total_cost?, Undefined::NoCost));

    let break_even_price = break_even_price(&funnel);
    let max_price_for_target = max_price_for_target(&funnel, inputs.target);
    let break_even_sale_rate = nonzero(funnel.held, Undefined::NoHeldMeetings).and_then(|held| {
        let per_sale = nonzero(margin_per_sale, Undefined::NoMarginPerSale)?;
        let margin_if_all_sign = mul(held, per_sale)?;
        div(total_cost?, margin_if_all_sign, Undefined::NoMarginPerSale)
    });

    let guardrail_multiple_ok = match (margin_per_sale, mul(inputs.multiple, inputs.price)) {
        (Ok(per_sale), Ok(floor)) => per_sale >= floor,
        _ => false,
    };
    let guardrail_ltv_cac_ok = matches!(ltv_to_cac, Ok(ratio) if ratio >= Decimal::from(3));

    let schedule = (|| {
        let sales = funnel.sales?;
        let renewal_margins = renewal_revenues?
            .into_iter()
            .map(|renewal| mul(sales, mul(renewal, inputs.margin)?))
            .collect::<Result<Vec<_>, _>>()?;
        let variable_cost = add(at_price.billed_cost?, funnel.sales_time_cost?)?;
        let totals = Totals {
            variable_cost,
            total_cost: total_cost?,
            first_sale_margin: mul(sales, margin_per_sale?)?,
            renewal_margins,
            lifetime_margin: lifetime_margin?,
            lifetime_net: lifetime_net?,
        };
        schedule::build(inputs.months, inputs.cycle, &totals)
    })();
    let (schedule, payback_month) = match schedule {
        Ok(schedule) => {
            let month = schedule
                .payback_month
                .map(Decimal::from)
                .ok_or(Undefined::NeverPaysBack);
            (schedule, month)
        }
        Err(reason) => (Schedule::default(), Err(reason)),
    };

    Outcome {
        held: funnel.held.map(normalized),
        billed: funnel.billed.map(normalized),
        opportunities: funnel.opportunities.map(normalized),
        sales_expected: funnel.sales_expected.map(normalized),
        sales: funnel.sales.map(normalized),
        provider_cost: at_price.provider_cost.map(normalized),
        internal_cost: funnel.internal_cost.map(normalized),
        total_cost: total_cost.map(normalized),
        revenue: funnel.revenue.map(normalized),
        gross_margin: gross_margin.map(normalized),
        net_result: at_price.net_result.map(normalized),
        roi: at_price.roi.map(normalized),
        margin_multiple: margin_multiple.map(normalized),
        provider_cost_per_held: provider_cost_per_held.map(normalized),
        cost_per_held: cost_per_held.map(normalized),
        cost_per_sale: cost_per_sale.map(normalized),
        margin_per_sale: margin_per_sale.map(normalized),
        ltv_revenue: ltv_revenue.map(normalized),
        ltv_margin: ltv_margin.map(normalized),
        lifetime_margin: lifetime_margin.map(normalized),
        lifetime_net: lifetime_net.map(normalized),
        lifetime_roi: lifetime_roi.map(normalized),
        ltv_to_cac: ltv_to_cac.map(normalized),
        break_even_price,
        max_price_for_target,
        break_even_sale_rate: break_even_sale_rate.map(normalized),
        payback_month,
        guardrail_multiple_ok,
        guardrail_ltv_cac_ok,
        schedule,
    }
}

/// `(gross_margin / (1 + target) − setup − internal_cost) / billed`.
fn max_price_for_target(funnel: &Funnel, target: Decimal) -> Figure {
    let billed = nonzero(funnel.billed, Undefined::NoBilledMeetings)?;
    let cost_allowed = div(
        funnel.gross_margin?,
        add(Decimal::ONE, target)?,
        Undefined::TargetIsMinusHundred,
    )?;
    let provider_share = sub(sub(cost_allowed, funnel.setup)?, funnel.internal_cost?)?;
    div(provider_share, billed, Undefined::NoBilledMeetings).map(normalized)
}

/// `recurring × retention^k` for k = 1..=years: each renewal year's revenue
/// per customer signed.
fn renewal_revenues(inputs: &Inputs) -> Result<Vec<Decimal>, Undefined> {
    if inputs.years > MAX_YEARS {
        return Err(Undefined::Overflow);
    }
    let mut retained = Decimal::ONE;
    (0..inputs.years)
        .map(|_| {
            retained = mul(retained, inputs.retention)?;
            mul(inputs.recurring, retained)
        })
        .collect()
}

/// The value, or `Err(reason)` when it is zero (a divisor the spec guards).
fn nonzero(value: Figure, reason: Undefined) -> Figure {
    value.and_then(|value| {
        if value.is_zero() {
            Err(reason)
        } else {
            Ok(value)
        }
    })
}

/// The canonical form of a figure (no trailing zeros, no −0): its `data-value`.
pub(crate) fn normalized(value: Decimal) -> Decimal {
    value.normalize()
}

/// The schedule of one scenario; `Err` only when a total overflows (inputs
/// outside the spec's bounds). Same as [`evaluate()`]'s `schedule`.
pub fn schedule(inputs: &Inputs) -> Result<Schedule, Undefined> {
    let outcome = evaluate(inputs);
    match outcome.payback_month {
        Err(reason) if reason != Undefined::NeverPaysBack => Err(reason),
        _ => Ok(outcome.schedule),
    }
}
