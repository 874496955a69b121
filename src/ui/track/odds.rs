//! The odds at completion: the loss probability and the projected ROI's
//! P10, P50 and P90 over the risk panel's trials and seed.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::tracking::TrackFigureId;
use crate::i18n::risk::trials_count;
use crate::i18n::track::{odds_text, track_figure_label, track_text, TrackText};
use crate::ui::state::Calculator;
use crate::ui::track::state::TrackState;

#[component]
pub fn TrackOdds() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let state = expect_context::<TrackState>();
    let lang = calc.lang;
    let figure = move |id: TrackFigureId, tag: &'static str| {
        let value = move || {
            state
                .run
                .with(|r| r.as_ref().map(|r| r.latest.data_value(id)))
                .unwrap_or_default()
        };
        let words = move || {
            state
                .run
                .with(|r| {
                    r.as_ref().map(|r| {
                        let odds = &r.latest.odds;
                        let value = match id {
                            TrackFigureId::LossProbability => Some(odds.loss_probability),
                            TrackFigureId::RoiP10 => odds.roi_p10,
                            TrackFigureId::RoiP50 => odds.roi_p50,
                            _ => odds.roi_p90,
                        };
                        odds_text(lang.get(), id, value)
                    })
                })
                .unwrap_or_else(|| "…".to_string())
        };
        match tag {
            "td" => view! { <td data-testid=id.testid() data-value=value>{words}</td> }.into_any(),
            _ => view! { <strong data-testid=id.testid() data-value=value>{words}</strong> }
                .into_any(),
        }
    };
    let trials = move || {
        state.run.with(|r| {
            r.as_ref()
                .map(|r| {
                    let lang = lang.get();
                    let count = crate::format::count(Decimal::from(r.latest.odds.trials), lang);
                    trials_count(lang, &count)
                })
                .unwrap_or_default()
        })
    };
    let text = move |key| move || track_text(lang.get(), key);
    view! {
        <div class="track-odds">
            <h3>{text(TrackText::OddsHeading)}</h3>
            <p class="risk-loss">
                {move || track_figure_label(lang.get(), TrackFigureId::LossProbability)}
                " "
                {figure(TrackFigureId::LossProbability, "strong")}
                " "
                <span class="risk-trials" data-testid="track-trials">{trials}</span>
            </p>
            <p class="risk-status" role="status">{move || state.stale.get().then(text(TrackText::Running))}</p>
            <div class="decide-table" tabindex="0" role="region" aria-label=move || track_figure_label(lang.get(), TrackFigureId::ProjRoi)>
                <table>
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="col">{text(TrackText::Pessimistic)}</th>
                            <th scope="col">{text(TrackText::Median)}</th>
                            <th scope="col">{text(TrackText::Optimistic)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{move || track_figure_label(lang.get(), TrackFigureId::ProjRoi)}</th>
                            {figure(TrackFigureId::RoiP10, "td")}
                            {figure(TrackFigureId::RoiP50, "td")}
                            {figure(TrackFigureId::RoiP90, "td")}
                        </tr>
                    </tbody>
                </table>
            </div>
        </div>
    }
}
