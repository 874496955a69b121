//! Segments (`decision-tools.md` §4): named scenarios ranked by ROI, with a
//! bar chart. The main form is the editor: a segment is added from it,
//! loaded back into it, or replaced by it.

use leptos::prelude::*;

use crate::charts::bars;
use crate::engine::{rank, FigureId, RankedSegment, Segment};
use crate::format::decimal_to_f64;
use crate::i18n::figure_label;
use crate::i18n::segments::{
    default_segment_name, segment_loaded, segment_name_label, segment_removed, segment_text,
    SegmentText,
};
use crate::scenario::{SegmentDraft, MAX_SEGMENTS};
use crate::ui::figures::{data_value, figure_text};
use crate::ui::state::Calculator;

/// The four figures of the ranking, in column order.
const COLUMNS: [FigureId; 4] = [
    FigureId::Roi,
    FigureId::NetResult,
    FigureId::CostPerSale,
    FigureId::BreakEvenPrice,
];

fn figure_of(row: &RankedSegment, id: FigureId) -> crate::engine::Figure {
    match id {
        FigureId::Roi => row.roi,
        FigureId::NetResult => row.net_result,
        FigureId::CostPerSale => row.cost_per_sale,
        _ => row.break_even_price,
    }
}

#[component]
pub fn SegmentsPanel() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let ranking = Memo::new(move |_| {
        calc.segments.with(|list| {
            let segments: Vec<Segment> = list
                .iter()
                .map(|s| Segment {
                    name: s.name.clone(),
                    inputs: s.inputs(),
                })
                .collect();
            rank(&segments)
        })
    });
    // The last removed segment and where it was, for "undo".
    let removed = RwSignal::new(None::<(usize, SegmentDraft)>);
    let status = RwSignal::new(String::new());
    let full = move || calc.segments.with(|s| s.len() >= MAX_SEGMENTS);
    let add = move |_| {
        if full() {
            return;
        }
        let inputs = calc.central().with(|c| c.inputs.clone());
        calc.segments.update(|list| {
            // The scenario's name once; then "Segment n", so rows stay distinct.
            let scenario_name = calc.name.get_untracked().trim().to_string();
            let name = if scenario_name.is_empty() || list.iter().any(|s| s.name == scenario_name) {
                default_segment_name(lang.get_untracked(), list.len() + 1)
            } else {
                scenario_name
            };
            list.push(SegmentDraft::of(name, &inputs));
        });
        removed.set(None);
    };
    let text = move |key| move || segment_text(lang.get(), key);
    view! {
        <section class="decide-panel" id="segments" aria-labelledby="segments-heading">
            <h3 id="segments-heading">{text(SegmentText::Heading)}</h3>
            <p>{text(SegmentText::Lead)}</p>
            <p>
                <button type="button" data-testid="segment-add" on:click=add disabled=full>
                    {text(SegmentText::Add)}
                </button>
                " "
                <span class="muted">{move || full().then(text(SegmentText::Full))}</span>
            </p>
            <p class="segment-status" role="status" data-testid="segment-status">
                {move || status.get()}
                {move || removed.get().map(|(index, segment)| {
                    view! {
                        " "
                        <button type="button" id="segment-undo" data-testid="segment-undo" on:click=move |_| {
                            let back = index.min(calc.segments.with_untracked(Vec::len));
                            calc.segments.update(|list| {
                                list.insert(back, segment.clone());
                            });
                            removed.set(None);
                            status.set(String::new());
                            // Focus goes to the restored segment's name.
                            let name = format!("[data-testid=\"segment-{}-name\"]", back + 1);
                            request_animation_frame(move || crate::browser::focus_within("segments", &name));
                        }>{text(SegmentText::Undo)}</button>
                    }
                })}
            </p>
            <Show
                when=move || calc.segments.with(|s| !s.is_empty())
                fallback=move || view! { <p class="muted" data-testid="segment-empty">{text(SegmentText::Empty)}</p> }
            >
                <RankingTable ranking removed status />
                <SegmentChart ranking />
            </Show>
        </section>
    }
}

/// One row per segment, best ROI first.
#[component]
fn RankingTable(
    ranking: Memo<Vec<RankedSegment>>,
    removed: RwSignal<Option<(usize, SegmentDraft)>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let text = move |key| move || segment_text(lang.get(), key);
    let row = move |(position, row): (usize, RankedSegment)| {
        let index = row.index;
        let number = index + 1;
        let cells = COLUMNS.map(|id| {
            let value = figure_of(&row, id);
            view! {
                <td data-testid=format!("segment-{number}-{}", id.testid()) data-value=data_value(&value)>
                    {move || figure_text(lang.get(), id, &value)}
                </td>
            }
        });
        let name = row.name.clone();
        // Screen readers hear which segment a button acts on.
        let name_for_reader = row.name.clone();
        view! {
            <tr data-testid="segment-row" data-index=number data-rank=position + 1>
                <td>{position + 1}</td>
                <th scope="row">
                    <input
                        type="text"
                        data-testid=format!("segment-{number}-name")
                        aria-label=move || segment_name_label(lang.get(), number)
                        maxlength="80"
                        prop:value=name
                        on:change=move |ev| {
                            let name = event_target_value(&ev);
                            calc.segments.update(|list| {
                                if let Some(segment) = list.get_mut(index) {
                                    segment.name = name;
                                }
                            });
                        }
                    />
                </th>
                {cells.into_iter().collect_view()}
                <td class="segment-actions">
                    <button type="button" data-testid=format!("segment-{number}-load") on:click=move |_| {
                        if let Some(segment) = calc.segments.with_untracked(|l| l.get(index).cloned()) {
                            calc.load_central(&segment.values);
                            status.set(segment_loaded(lang.get_untracked(), &segment.name));
                        }
                    }>{text(SegmentText::Load)}<span class="visually-hidden">" " {name_for_reader.clone()}</span></button>
                    <button type="button" data-testid=format!("segment-{number}-replace") on:click=move |_| {
                        let inputs = calc.central().with_untracked(|c| c.inputs.clone());
                        calc.segments.update(|list| {
                            if let Some(segment) = list.get_mut(index) {
                                *segment = SegmentDraft::of(segment.name.clone(), &inputs);
                            }
                        });
                        // The ranking may move the row: focus follows the segment.
                        let button = format!("[data-testid=\"segment-{number}-replace\"]");
                        request_animation_frame(move || crate::browser::focus_within("segments", &button));
                    }>{text(SegmentText::Replace)}<span class="visually-hidden">" " {name_for_reader.clone()}</span></button>
                    <button type="button" data-testid=format!("segment-{number}-remove") on:click=move |_| {
                        let mut gone = None;
                        calc.segments.update(|list| {
                            if index < list.len() {
                                gone = Some(list.remove(index));
                            }
                        });
                        if let Some(segment) = gone {
                            status.set(segment_removed(lang.get_untracked(), &segment.name));
                            removed.set(Some((index, segment)));
                            // The row is gone: keyboard focus goes to "undo".
                            request_animation_frame(|| crate::browser::focus("segment-undo"));
                        }
                    }>{text(SegmentText::Remove)}<span class="visually-hidden">" " {name_for_reader.clone()}</span></button>
                </td>
            </tr>
        }
    };
    view! {
        // Focusable so keyboard users can scroll the table on a phone.
        <div class="decide-table" tabindex="0">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{text(SegmentText::Rank)}</th>
                        <th scope="col">{text(SegmentText::Segment)}</th>
                        {COLUMNS.map(|id| view! { <th scope="col">{move || figure_label(lang.get(), id)}</th> }).collect_view()}
                        <th scope="col">{text(SegmentText::Actions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || ranking.get().into_iter().enumerate().map(row).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// ROI and net result per segment, in ranking order.
#[component]
fn SegmentChart(ranking: Memo<Vec<RankedSegment>>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let to_f64 = |figure: &crate::engine::Figure| figure.as_ref().ok().map(|v| decimal_to_f64(*v));
    let data = Memo::new(move |_| bars::BarChart {
        bars: ranking.with(|rows| {
            rows.iter()
                .map(|row| {
                    (
                        row.name.clone(),
                        to_f64(&row.net_result).unwrap_or(0.0),
                        to_f64(&row.roi),
                    )
                })
                .collect()
        }),
    });
    let summary = Signal::derive(move || {
        let lang = lang.get();
        let parts: Vec<String> = ranking.with(|rows| {
            rows.iter()
                .map(|row| {
                    format!(
                        "{}{} {} / {}",
                        row.name,
                        lang.colon(),
                        figure_text(lang, FigureId::Roi, &row.roi),
                        figure_text(lang, FigureId::NetResult, &row.net_result)
                    )
                })
                .collect()
        });
        format!(
            "{}. {}",
            segment_text(lang, SegmentText::ChartTitle),
            parts.join(lang.pick("\u{a0}; ", "; "))
        )
    });
    let table = move || view! { <p>{summary.get()}</p> };
    view! {
        <crate::ui::charts::ChartFrame testid="chart-segments" title=|l| segment_text(l, SegmentText::ChartTitle) data draw=|c, d, l| { let _ = bars::draw(c, d, l); } summary table=ViewFn::from(table) />
    }
}
