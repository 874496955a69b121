//! The three charts as components: a canvas that redraws when its data,
//! the language or the window size change (at most once per animation
//! frame), a text summary for screen readers and the chart's data as a
//! table.

use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::charts::{bars, cash, price};
use crate::engine::{sweep, Figure, Variant};
use crate::format::{decimal_to_f64, money, percent};
use crate::i18n::page::{price_chart_note, text, variant_name, PriceChartNote, Text};
use crate::lang::Lang;
use crate::ui::state::Calculator;
use crate::ui::visible::deferred_on;

/// Points on the price chart: enough for a smooth ROI curve.
const SWEEP_POINTS: usize = 61;

fn to_f64(figure: &Figure) -> Option<f64> {
    figure.as_ref().ok().map(|value| decimal_to_f64(*value))
}

/// Bumps on every window resize so the charts redraw at the new size.
fn resize_tick() -> ReadSignal<u32> {
    let (tick, set_tick) = signal(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| set_tick.update(|t| *t += 1));
    on_cleanup(move || handle.remove());
    tick
}

/// A chart's canvas and whether it is on screen, made before the chart
/// when what it shows waits for it ([`crate::ui::visible::deferred`]).
#[derive(Clone, Copy)]
pub struct ChartPlace {
    canvas: NodeRef<Canvas>,
    pub on_screen: RwSignal<bool>,
}

impl ChartPlace {
    pub fn observed() -> Self {
        let canvas = NodeRef::<Canvas>::new();
        // The observer reports at once after `observe`, so a chart on screen
        // at load draws one frame later, and one below the fold not at all.
        let on_screen = crate::ui::visible::on_screen(move || canvas.get().map(Into::into));
        ChartPlace { canvas, on_screen }
    }
}

/// A canvas drawn by `draw` from `data`, with a spoken summary and a table.
#[component]
pub fn ChartFrame<T, D>(
    testid: &'static str,
    title: fn(Lang) -> &'static str,
    data: Memo<T>,
    draw: D,
    summary: Signal<String>,
    table: ViewFn,
    /// What the chart cannot show, in words under its title (empty: none).
    #[prop(optional)]
    note: Option<Signal<String>>,
    /// Where it is drawn, when made beforehand (else made here).
    #[prop(optional)]
    place: Option<ChartPlace>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    D: Fn(&web_sys::HtmlCanvasElement, &T, Lang) + Copy + 'static,
{
    // Only these two closures depend on the chart's data type: the frame
    // itself is built once for all seven charts, not once per chart (#8).
    let painter = Painter {
        track: Rc::new(move || data.track()),
        draw: Rc::new(move |canvas, lang| data.with_untracked(|data| draw(canvas, data, lang))),
    };
    let place = place.unwrap_or_else(ChartPlace::observed);
    chart_frame(testid, title, painter, place, summary, table, note)
}

/// Draws the chart's current data on the canvas, in a language.
type Draw = Rc<dyn Fn(&web_sys::HtmlCanvasElement, Lang)>;

/// What a chart frame needs of its data: to follow it, and to draw it.
struct Painter {
    track: Rc<dyn Fn()>,
    draw: Draw,
}

fn chart_frame(
    testid: &'static str,
    title: fn(Lang) -> &'static str,
    painter: Painter,
    place: ChartPlace,
    summary: Signal<String>,
    table: ViewFn,
    note: Option<Signal<String>>,
) -> AnyView {
    let lang = expect_context::<Calculator>().lang;
    let tick = resize_tick();
    let table_open = RwSignal::new(false);
    // Off-screen charts skip their redraw and draw when they scroll into view.
    let ChartPlace {
        canvas,
        on_screen: visible,
    } = place;
    // The window size the canvas was last fitted to (see charts::fit).
    let fitted_for = StoredValue::new(None::<u32>);
    let Painter { track, draw } = painter;
    // How many times this canvas was drawn: a test hook (`data-draws`).
    let draws = StoredValue::new(0u32);
    // While printing, the canvas is sized for paper (charts::fit_for_print).
    let for_print = StoredValue::new(false);
    let paint = move || {
        if let Some(canvas) = canvas.get_untracked() {
            let size = tick.get_untracked();
            if for_print.get_value() {
                crate::charts::fit_for_print(&canvas);
                fitted_for.set_value(None);
            } else if fitted_for.get_value() != Some(size) {
                crate::charts::fit(&canvas);
                fitted_for.set_value(Some(size));
            }
            draw(&canvas, lang.get_untracked());
            draws.update_value(|n| *n += 1);
            let _ = canvas.set_attribute("data-draws", &draws.get_value().to_string());
        }
    };
    // Printing shows every chart: draw them now, synchronously, before the
    // browser lays the page out for paper, at the paper's size and scale;
    // after it, back to the screen's.
    let print_paint = paint.clone();
    let printing = window_event_listener(leptos::ev::beforeprint, move |_| {
        for_print.set_value(true);
        print_paint();
    });
    on_cleanup(move || printing.remove());
    let redraw = crate::browser::frame::OncePerFrame::new(paint);
    on_cleanup(redraw.stopper());
    let screen_again = redraw.clone();
    let printed = window_event_listener(leptos::ev::afterprint, move |_| {
        for_print.set_value(false);
        screen_again.run();
    });
    on_cleanup(move || printed.remove());
    Effect::new(move |_| {
        tick.track();
        lang.track();
        if !visible.get() {
            return;
        }
        canvas.track();
        track();
        redraw.run();
    });
    view! {
        <figure class=format!("chart {testid}")>
            <figcaption>{move || title(lang.get())}</figcaption>
            {note.map(|note| view! {
                <p class="chart-note" data-testid=format!("{testid}-note") hidden=move || note.with(String::is_empty)>{note}</p>
            })}
            <canvas node_ref=canvas data-testid=testid role="img" aria-label=move || summary.get()></canvas>
            // The table is built only while open, and then follows the data.
            <details on:toggle=move |ev| {
                use leptos::wasm_bindgen::JsCast;
                let open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                table_open.set(open);
            }>
                <summary>{move || text(lang.get(), Text::ShowChartData)}</summary>
                // Scrolls sideways on a narrow screen rather than losing columns.
                <div class="table-scroll">{move || table_open.get().then(|| table.run())}</div>
            </details>
        </figure>
    }
    .into_any()
}

/// The highest prices as the page shows them: rounded down to the cent.
fn ceiling(value: Decimal, lang: Lang) -> String {
    crate::format::price_ceiling(value, lang)
}

/// The price chart's data and what it cannot show, from the central scenario.
fn price_chart(calc: Calculator, lang: Lang) -> price::PriceChart {
    calc.central().with(|checked| {
        let inputs = &checked.inputs;
        let sweep = sweep(inputs, SWEEP_POINTS);
        let points: Vec<(f64, f64, Option<f64>)> = sweep
            .points
            .iter()
            .map(|p| {
                (
                    decimal_to_f64(p.price),
                    to_f64(&p.net_result).unwrap_or(0.0),
                    to_f64(&p.roi),
                )
            })
            .collect();
        let (break_even, for_target, roi) = calc
            .outcome()
            .with(|o| (o.break_even_price, o.max_price_for_target, o.roi));
        let colon = lang.colon();
        let marker = |price: Decimal, name: String, value: String| price::Marker {
            price: decimal_to_f64(price),
            label: format!("{name}{colon} {value}"),
        };
        let mut notes = Vec::new();
        let break_even = match break_even {
            Ok(price) if price >= Decimal::ZERO => Some(marker(
                price,
                text(lang, Text::BreakEven).into(),
                ceiling(price, lang),
            )),
            _ => {
                notes.push(PriceChartNote::NoBreakEven);
                None
            }
        };
        let target_roi = percent(inputs.target, lang);
        let target = match for_target {
            Ok(price) if price >= Decimal::ZERO => {
                if price > sweep.max_price {
                    notes.push(PriceChartNote::TargetOffChart(ceiling(price, lang)));
                }
                Some(marker(
                    price,
                    format!("{} {target_roi}", text(lang, Text::TargetRoiMarker)),
                    ceiling(price, lang),
                ))
            }
            _ => {
                notes.push(PriceChartNote::TargetUnreachable(target_roi));
                None
            }
        };
        let (roi_range, leaves) =
            price::roi_range(&points, to_f64(&roi), decimal_to_f64(inputs.target));
        if leaves {
            notes.insert(
                0,
                PriceChartNote::RoiAbove(crate::charts::roi_label(roi_range.1, lang)),
            );
        }
        price::PriceChart {
            points,
            current: marker(
                inputs.price,
                text(lang, Text::CurrentPrice).into(),
                money(inputs.price, lang),
            ),
            break_even,
            target,
            roi_range,
            notes,
        }
    })
}

/// The drawn chart's figures on its canvas, for tests: the axes' ranges
/// and the marked prices (absent when not marked).
fn price_hooks(canvas: &web_sys::HtmlCanvasElement, data: &price::PriceChart, axes: &price::Axes) {
    use crate::charts::{number_text, range_text};
    let range = |r: &std::ops::Range<f64>| Some(range_text(r));
    let price = |m: &Option<price::Marker>| m.as_ref().map(|m| number_text(m.price));
    for (name, value) in [
        ("data-price-range", range(&axes.price)),
        ("data-net-range", range(&axes.net)),
        ("data-roi-range", range(&axes.roi)),
        ("data-current-price", Some(number_text(data.current.price))),
        ("data-break-even-price", price(&data.break_even)),
        ("data-target-price", price(&data.target)),
    ] {
        let _ = match value {
            Some(value) => canvas.set_attribute(name, &value),
            None => canvas.remove_attribute(name),
        };
    }
}

#[component]
pub fn PriceChart() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    // The sweep, the note and the spoken summary are work on every
    // keystroke: off screen they wait for typing to pause.
    let place = ChartPlace::observed();
    let follows = move || {
        lang.track();
        calc.central().track();
        calc.outcome().track();
    };
    let deferred = deferred_on(place.on_screen, follows, move || {
        price_chart(calc, lang.get())
    });
    // A memo, as every chart frame takes (one generic frame for all charts).
    let data = Memo::new(move |_| deferred.get());
    let note = Signal::derive(move || {
        let lang = lang.get();
        data.with(|d| {
            d.notes
                .iter()
                .map(|note| price_chart_note(lang, note))
                .collect::<Vec<_>>()
                .join(" ")
        })
    });
    let summary = deferred_on(place.on_screen, follows, move || {
        let lang = lang.get();
        let colon = lang.colon();
        let (bep, for_target, price, target) = (
            calc.outcome().with(|o| o.break_even_price),
            calc.outcome().with(|o| o.max_price_for_target),
            calc.central().with(|c| c.inputs.price),
            calc.central().with(|c| c.inputs.target),
        );
        let highest = |value: crate::engine::Figure| match value {
            Ok(value) if value >= Decimal::ZERO => ceiling(value, lang),
            _ => "—".to_string(),
        };
        format!(
            "{}. {}{colon} {}. {}{colon} {}. {} ({}){colon} {}. {}",
            text(lang, Text::PriceChartTitle),
            text(lang, Text::CurrentPrice),
            money(price, lang),
            text(lang, Text::BreakEven),
            highest(bep),
            text(lang, Text::TargetPrice),
            percent(target, lang),
            highest(for_target),
            note.get()
        )
        .trim_end()
        .to_string()
    });
    let table = move || {
        let lang = lang.get();
        let rows = calc.central().with(|c| sweep(&c.inputs, 11)).points;
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{text(lang, Text::ChartPrice)}</th>
                    <th scope="col">{text(lang, Text::ChartNetResult)}</th>
                    <th scope="col">{text(lang, Text::ChartRoi)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|p| view! { <tr>
                        <td>{money(p.price, lang)}</td>
                        <td>{p.net_result.map(|v| money(v, lang)).unwrap_or_default()}</td>
                        <td>{p.roi.map(|v| percent(v, lang)).unwrap_or_else(|_| "—".into())}</td>
                    </tr> }).collect_view()}
                </tbody>
            </table>
        }
    };
    let draw = |canvas: &web_sys::HtmlCanvasElement, data: &price::PriceChart, lang| {
        if let Ok(axes) = price::draw(canvas, data, lang) {
            price_hooks(canvas, data, &axes);
        }
    };
    view! {
        <ChartFrame testid="chart-price" title=|l| text(l, Text::PriceChartTitle) data draw summary=summary.into() table=ViewFn::from(table) note place />
    }
}

#[component]
pub fn CashChart() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let data = Memo::new(move |_| {
        calc.outcome().with(|o| cash::CashChart {
            months: o
                .schedule
                .rows
                .iter()
                .map(|row| (row.month, decimal_to_f64(row.cumulative_net)))
                .collect(),
            payback_month: o.schedule.payback_month,
        })
    });
    let place = ChartPlace::observed();
    let follows = move || {
        lang.track();
        calc.outcome().track();
    };
    let summary = deferred_on(place.on_screen, follows, move || {
        let lang = lang.get();
        let payback = calc.outcome().with(|o| {
            crate::ui::figures::figure_text(
                lang,
                crate::engine::FigureId::PaybackMonth,
                &o.payback_month,
            )
        });
        format!("{}. {}", text(lang, Text::CashChartTitle), payback)
    });
    let table = move || {
        let lang = lang.get();
        let rows = calc.outcome().with(|o| o.schedule.rows.clone());
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{text(lang, Text::ChartMonth)}</th>
                    <th scope="col">{text(lang, Text::ChartCumulative)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <tr>
                        <td>{row.month}</td>
                        <td>{money(row.cumulative_net, lang)}</td>
                    </tr> }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <ChartFrame testid="chart-cash" title=|l| text(l, Text::CashChartTitle) data draw=|c, d, l| { let _ = cash::draw(c, d, l); } summary=summary.into() table=ViewFn::from(table) place />
    }
}

/// The three variants' net result and ROI, from `readings` (the scenario
/// table's copies).
#[component]
pub fn ScenarioChart(readings: [crate::ui::state::VariantReading; 3]) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let data = Memo::new(move |_| {
        let lang = lang.get();
        bars::BarChart {
            bars: Variant::ALL
                .iter()
                .map(|which| {
                    readings[*which as usize].outcome.with(|o| {
                        (
                            variant_name(lang, *which).to_string(),
                            to_f64(&o.net_result).unwrap_or(0.0),
                            to_f64(&o.roi),
                        )
                    })
                })
                .collect(),
        }
    });
    let summary = Signal::derive(move || {
        let lang = lang.get();
        let parts: Vec<String> = Variant::ALL
            .iter()
            .map(|which| {
                readings[*which as usize].outcome.with(|o| {
                    format!(
                        "{}{} {} / {}",
                        variant_name(lang, *which),
                        lang.colon(),
                        o.net_result.map(|v| money(v, lang)).unwrap_or_default(),
                        o.roi
                            .map(|v| percent(v, lang))
                            .unwrap_or_else(|_| "—".into())
                    )
                })
            })
            .collect();
        format!(
            "{}. {}",
            text(lang, Text::ScenarioChartTitle),
            parts.join(lang.pick("\u{a0}; ", "; "))
        )
    });
    let table = move || {
        let lang = lang.get();
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{text(lang, Text::ChartScenario)}</th>
                    <th scope="col">{text(lang, Text::ChartNetResult)}</th>
                    <th scope="col">{text(lang, Text::ChartRoi)}</th>
                </tr></thead>
                <tbody>
                    {Variant::ALL.iter().map(|which| readings[*which as usize].outcome.with(|o| view! { <tr>
                        <th scope="row">{variant_name(lang, *which)}</th>
                        <td>{o.net_result.map(|v| money(v, lang)).unwrap_or_else(|_| "—".into())}</td>
                        <td>{o.roi.map(|v| percent(v, lang)).unwrap_or_else(|_| "—".into())}</td>
                    </tr> })).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <ChartFrame testid="chart-scenarios" title=|l| text(l, Text::ScenarioChartTitle) data draw=|c, d, l| { let _ = bars::draw(c, d, l); } summary table=ViewFn::from(table) />
    }
}

/// The price and cash charts, side by side on a wide screen.
#[component]
pub fn Charts() -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    view! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{move || text(lang.get(), Text::ChartsHeading)}</h2>
            <PriceChart />
            <CashChart />
        </section>
    }
}
