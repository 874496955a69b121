//! The latest checkpoint's figures, each with the plan's value beside it
//! and its test hook, and the invoice check in words.

use leptos::prelude::*;

use crate::engine::evaluate;
use crate::engine::tracking::{assess, Checkpoint, TrackFigureId, Tracking};
use crate::i18n::track::{
    invoice_check, plan_figure_text, track_figure_label, track_figure_text, track_text,
    track_undefined, TrackText,
};
use crate::ui::state::Calculator;
use crate::ui::track::state::TrackState;

/// What the plan expected invoiced by the checkpoint's week: the invoice
/// the plan's own counts to date justify.
fn invoice_to_date(
    plan: &crate::engine::Inputs,
    tracking: &Tracking,
    track_prior: u32,
) -> crate::engine::tracking::TrackFigure {
    let f = &tracking.figures;
    let on_plan = Checkpoint {
        week: f.week,
        booked: f.booked_plan?,
        held: f.held_plan?,
        opps: f.opps_plan?,
        sales: f.sales_plan?,
        lost: rust_decimal::Decimal::ZERO,
        invoiced: None,
        revenue: None,
    };
    assess(plan, &on_plan, track_prior).expected_invoice
}

#[component]
pub fn LatestFigures() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    // The plan's column, from the plan the run used.
    let plan_column = Memo::new(move |_| {
        state.run.with(|run| {
            run.as_ref().map(|run| {
                let outcome = evaluate(&run.plan);
                let invoice = invoice_to_date(&run.plan, &run.latest, calc.track_prior.get());
                (run.plan.clone(), outcome, invoice)
            })
        })
    });
    let row = move |id: TrackFigureId| {
        let figure = move || {
            state
                .run
                .with(|r| r.as_ref().and_then(|r| r.latest.figure(id)))
        };
        view! {
            <tr>
                <th scope="row">{move || track_figure_label(lang.get(), id)}</th>
                <td data-testid=id.testid()
                    data-value=move || state.run.with(|r| r.as_ref().map(|r| r.latest.data_value(id))).unwrap_or_default()>
                    {move || figure().map(|f| track_figure_text(lang.get(), id, &f)).unwrap_or_else(|| "…".into())}
                    {move || figure().and_then(|f| f.err()).map(|why| view! {
                        <span class="track-why">{track_undefined(lang.get(), why)}</span>
                    })}
                </td>
                <td class="track-plan">
                    {move || plan_column.with(|p| p.as_ref().map(|(plan, outcome, invoice)| {
                        plan_figure_text(lang.get(), id, plan, outcome, invoice)
                    }))}
                </td>
            </tr>
        }
    };
    let invoice = move || {
        let given = calc
            .campaign
            .with(|c| c.latest().is_some_and(|c| c.invoiced.is_some()));
        state.run.with(|r| {
            r.as_ref()
                .map(|r| invoice_check(lang.get(), given, &r.latest.figures))
        })
    };
    let text = move |key| move || track_text(lang.get(), key);
    view! {
        <div class="track-figures">
            <h3>{text(TrackText::InvoiceHeading)}</h3>
            <p class="track-invoice" data-testid="track-invoice-check">{invoice}</p>
            <h3>{text(TrackText::FiguresHeading)}</h3>
            <div class="decide-table" tabindex="0" role="region" aria-labelledby="track-figures-caption">
                <table>
                    <caption id="track-figures-caption" class="visually-hidden">{text(TrackText::FiguresHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(TrackText::Figure)}</th>
                            <th scope="col">{text(TrackText::Actual)}</th>
                            <th scope="col">{text(TrackText::Plan)}</th>
                        </tr>
                    </thead>
                    <tbody>{TrackFigureId::DETERMINISTIC.iter().copied().map(row).collect_view()}</tbody>
                </table>
            </div>
        </div>
    }
}
