//! Net result (upper panel) and ROI (lower panel) against the price per
//! meeting. Two panels on one price axis, each with its own zero: on one
//! plot with two y axes the zeros never met ("0 €" stood beside +650 %).
//! The current, break-even and target-ROI prices are vertical lines
//! through both panels, labelled with their values above them; the prices
//! that pay are shaded, and a legend says so.

use std::ops::Range;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::kit::{
    label_font, labels_that_fit, money_label, padded, percent_label, surface, ChartError,
    GAIN_COLOR, NET_COLOR, ROI_COLOR, TARGET_COLOR, TEXT_COLOR, TEXT_PX,
};
use crate::i18n::page::{text, PriceChartNote, Text as Words};
use crate::lang::Lang;

/// A price marked on the chart, with its label ("Équilibre : 575,99 €").
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub price: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PriceChart {
    /// (price, net result, ROI as a fraction when defined), from 0 up.
    pub points: Vec<(f64, f64, Option<f64>)>,
    pub current: Marker,
    /// None when no price breaks even.
    pub break_even: Option<Marker>,
    /// The highest price for the target ROI; None when no price reaches it.
    pub target: Option<Marker>,
    /// The ROI axis, before padding (see [`roi_range`]).
    pub roi_range: (f64, f64),
    /// What the chart cannot show, said under its title.
    pub notes: Vec<PriceChartNote>,
}

/// The ranges the chart was drawn with (test hooks on the canvas).
pub struct Axes {
    pub price: Range<f64>,
    pub net: Range<f64>,
    pub roi: Range<f64>,
}

/// The ROI axis for a sweep: from its lowest ROI (never below −100 %) to
/// its highest, but at most twice the largest of the current ROI, the
/// target and 100 %: near a zero price the ROI grows without bound and
/// would flatten the rest of the line, its negative part included. Always
/// includes 0. The second value
/// says whether the line goes above the axis (and leaves the frame).
pub fn roi_range(
    points: &[(f64, f64, Option<f64>)],
    current_roi: Option<f64>,
    target: f64,
) -> ((f64, f64), bool) {
    let (lo, hi) = points
        .iter()
        .filter_map(|p| p.2.filter(|r| r.is_finite()))
        .fold((0f64, 0f64), |(lo, hi), r| (lo.min(r), hi.max(r)));
    let focus = current_roi.unwrap_or(0.0).max(target).max(1.0);
    let top = hi.min(2.0 * focus);
    ((lo.max(-1.0), top), hi > top)
}

/// The ROI line as runs that stay inside `lo..=hi`: a segment that leaves
/// the range ends on its edge, and an undefined ROI breaks the line
/// (plotters would draw past the plot's frame).
pub fn clipped_runs(points: &[(f64, Option<f64>)], lo: f64, hi: f64) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false;
    for pair in points.windows(2) {
        let (Some(y0), Some(y1)) = (pair[0].1, pair[1].1) else {
            open = false;
            continue;
        };
        let (a, b) = ((pair[0].0, y0), (pair[1].0, y1));
        if (a.1 > hi && b.1 > hi) || (a.1 < lo && b.1 < lo) {
            open = false;
            continue;
        }
        let at = |y: f64| (a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0), y);
        let onto = |p: (f64, f64)| {
            if p.1 > hi {
                at(hi)
            } else if p.1 < lo {
                at(lo)
            } else {
                p
            }
        };
        let (from, to) = (onto(a), onto(b));
        if from == to {
            // Touches the frame at one point only.
            open = false;
            continue;
        }
        match runs.last_mut() {
            Some(run) if open && from == a => run.push(to),
            _ => runs.push(vec![from, to]),
        }
        // A segment cut at its end leaves the range: the next one starts anew.
        open = to == b;
    }
    runs
}

/// The markers' labels in the order of their rows, top first, each right
/// or left of its line, such that no label crosses the line of a marker
/// above it (each line runs down from its label): of the orders and sides
/// of the (at most three) markers, the first with the fewest crossings,
/// then the fewest labels on their second side. Each marker comes with its
/// x and its label's possible spans, the preferred first.
fn label_rows<T: Clone>(
    markers: Vec<(T, RGBColor, f64, Vec<Range<f64>>)>,
) -> Vec<(T, RGBColor, f64, Range<f64>)> {
    let n = markers.len();
    let orders: &[&[usize]] = match n {
        0 => &[&[]],
        1 => &[&[0]],
        2 => &[&[0, 1], &[1, 0]],
        _ => &[
            &[0, 1, 2],
            &[0, 2, 1],
            &[1, 0, 2],
            &[1, 2, 0],
            &[2, 0, 1],
            &[2, 1, 0],
        ],
    };
    // (crossings, second sides) and the rows: (marker, its span's number).
    type Rows = Vec<(usize, usize)>;
    let mut best: Option<((usize, u32), Rows)> = None;
    for order in orders.iter().filter(|order| order.len() == n) {
        for sides in 0u32..(1 << n) {
            // Marker i takes its span number (sides >> i) & 1, if it has one.
            let side = |i: usize| ((sides >> i) & 1) as usize;
            if (0..n).any(|i| side(i) >= markers[i].3.len()) {
                continue;
            }
            let crossings: usize = order
                .iter()
                .enumerate()
                .map(|(row, &i)| {
                    let span = &markers[i].3[side(i)];
                    order[..row]
                        .iter()
                        .filter(|&&above| {
                            let x = markers[above].2;
                            x >= span.start - 3.0 && x <= span.end + 3.0
                        })
                        .count()
                })
                .sum();
            let cost = (crossings, sides.count_ones());
            if best.as_ref().is_none_or(|(least, _)| cost < *least) {
                best = Some((cost, order.iter().map(|&i| (i, side(i))).collect()));
            }
        }
    }
    best.map(|(_, rows)| rows)
        .unwrap_or_default()
        .into_iter()
        .map(|(i, side)| {
            let (marker, color, x, spans) = &markers[i];
            (marker.clone(), *color, *x, spans[side].clone())
        })
        .collect()
}

/// The labels of [`label_rows`] moved up into a row above wherever they
/// fit there: beside the row's other labels without touching them, across
/// no line coming down from a row above, and with no label below across
/// their own line. Gives each marker its row.
fn packed<T>(
    rows: Vec<(T, RGBColor, f64, Range<f64>)>,
) -> Vec<(T, RGBColor, f64, Range<f64>, usize)> {
    let near = |x: f64, span: &Range<f64>| x >= span.start - 3.0 && x <= span.end + 3.0;
    let mut placed: Vec<(T, RGBColor, f64, Range<f64>, usize)> = Vec::new();
    for (marker, color, x, span) in rows {
        let fits = |row: usize| {
            placed.iter().all(|(_, _, other_x, other, other_row)| {
                let apart = span.end + 10.0 <= other.start || other.end + 10.0 <= span.start;
                match other_row.cmp(&row) {
                    std::cmp::Ordering::Equal => apart,
                    std::cmp::Ordering::Less => !near(*other_x, &span),
                    std::cmp::Ordering::Greater => !near(x, other),
                }
            })
        };
        let next = placed.iter().map(|p| p.4 + 1).max().unwrap_or(0);
        let row = (0..next).find(|&row| fits(row)).unwrap_or(next);
        placed.push((marker, color, x, span, row));
    }
    placed
}

/// CSS pixels of the chart's parts.
const MARGIN: f64 = 8.0;
const LEFT_LABELS: f64 = 70.0;
const RIGHT_MARGIN: f64 = 26.0;
const ROW: f64 = TEXT_PX + 6.0;

pub fn draw(canvas: &HtmlCanvasElement, data: &PriceChart, lang: Lang) -> Result<Axes, ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (f64::from(width) / s, f64::from(height) / s);
    let max_price = data.points.last().map_or(1.0, |p| p.0).max(1.0);
    let (net_min, net_max) = data
        .points
        .iter()
        .fold((0f64, 0f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let net_y = padded(net_min, net_max);
    let roi_y = padded(data.roi_range.0, data.roi_range.1);
    let axes = Axes {
        price: 0.0..max_price,
        net: net_y.clone(),
        roi: roi_y.clone(),
    };

    // The markers on the chart, each label on its own row above the plot,
    // joined to its line.
    let plot = (MARGIN + LEFT_LABELS)..(width - RIGHT_MARGIN);
    let x_of = |price: f64| plot.start + price / max_price * (plot.end - plot.start);
    let font = |color| label_font(s, color);
    let mut markers = Vec::new();
    for (marker, color) in [
        Some((&data.current, TEXT_COLOR)),
        data.break_even.as_ref().map(|m| (m, GAIN_COLOR)),
        data.target.as_ref().map(|m| (m, TARGET_COLOR)),
    ]
    .into_iter()
    .flatten()
    .filter(|(m, _)| m.price >= 0.0 && m.price <= max_price)
    {
        let label_width = f64::from(root.estimate_text_size(&marker.label, &font(color))?.0) / s;
        let x = x_of(marker.price);
        // Right of its line, or left of it, where it fits in the canvas;
        // pushed inside it when neither does.
        let right = x + 4.0..x + 4.0 + label_width;
        let left = x - 4.0 - label_width..x - 4.0;
        let mut spans: Vec<Range<f64>> = [right, left]
            .into_iter()
            .filter(|span| span.start >= MARGIN && span.end <= width - MARGIN)
            .collect();
        if spans.is_empty() {
            let start = (width - MARGIN - label_width).max(MARGIN);
            spans.push(start..start + label_width);
        }
        markers.push((marker, color, x, spans));
    }
    let placed = packed(label_rows(markers));
    let rows = placed.iter().map(|p| p.4 + 1).max().unwrap_or(0);
    let header = MARGIN + ROW * rows as f64;
    let zone = data
        .break_even
        .as_ref()
        .map(|m| m.price.min(max_price))
        .filter(|p| *p > 0.0);
    let legend = if zone.is_some() { ROW + 4.0 } else { 0.0 };
    let x_labels = 2.0 * TEXT_PX + 16.0;
    let panels = (height - header - legend - x_labels - MARGIN).max(40.0);
    let upper_height = panels * 0.52;

    let (_, rest) = root.split_vertically((header * s) as i32);
    let (upper, lower) = rest.split_vertically(((upper_height + 6.0) * s) as i32);
    let x_ticks = labels_that_fit(plot.end - plot.start, 44.0, 10);

    let mut net = ChartBuilder::on(&upper)
        .margin_left(MARGIN * s)
        .margin_right(RIGHT_MARGIN * s)
        .margin_bottom(6.0 * s)
        .y_label_area_size(LEFT_LABELS * s)
        .build_cartesian_2d(0.0..max_price, net_y.clone())?;
    net.configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font(TEXT_COLOR))
        .x_labels(x_ticks)
        .x_label_formatter(&|_| String::new())
        .y_labels(labels_that_fit(upper_height, 2.0 * TEXT_PX, 6))
        .y_label_formatter(&|v| money_label(*v, lang))
        .draw()?;
    let mut roi = ChartBuilder::on(&lower)
        .margin_left(MARGIN * s)
        .margin_right(RIGHT_MARGIN * s)
        .margin_bottom((legend + MARGIN) * s)
        .x_label_area_size(x_labels * s)
        .y_label_area_size(LEFT_LABELS * s)
        .build_cartesian_2d(0.0..max_price, roi_y.clone())?;
    roi.configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font(TEXT_COLOR))
        .axis_desc_style(font(TEXT_COLOR))
        .x_desc(text(lang, Words::ChartPrice))
        .x_labels(x_ticks)
        .x_label_formatter(&|v| money_label(*v, lang))
        .y_labels(labels_that_fit(panels - upper_height, 2.0 * TEXT_PX, 6))
        .y_label_formatter(&|v| percent_label(*v, lang))
        .draw()?;

    let vertical = |x: f64, y: &Range<f64>, color: RGBColor, width: f64| {
        PathElement::new(
            vec![(x, y.start), (x, y.end)],
            color.stroke_width((width * s).max(1.0) as u32),
        )
    };
    let zero = || {
        PathElement::new(
            vec![(0.0, 0.0), (max_price, 0.0)],
            TEXT_COLOR.stroke_width(s.max(1.0) as u32),
        )
    };
    if let Some(zone) = zone {
        let shade = GAIN_COLOR.mix(0.12).filled();
        net.draw_series(std::iter::once(Rectangle::new(
            [(0.0, net_y.start), (zone, net_y.end)],
            shade,
        )))?;
        roi.draw_series(std::iter::once(Rectangle::new(
            [(0.0, roi_y.start), (zone, roi_y.end)],
            shade,
        )))?;
    }
    net.draw_series(std::iter::once(zero()))?;
    roi.draw_series(std::iter::once(zero()))?;
    for (marker, color, _, _, _) in &placed {
        net.draw_series(std::iter::once(vertical(marker.price, &net_y, *color, 1.5)))?;
        roi.draw_series(std::iter::once(vertical(marker.price, &roi_y, *color, 1.5)))?;
    }
    net.draw_series(LineSeries::new(
        data.points.iter().map(|p| (p.0, p.1)),
        NET_COLOR.stroke_width((2.5 * s) as u32),
    ))?;
    let rois: Vec<(f64, Option<f64>)> = data.points.iter().map(|p| (p.0, p.2)).collect();
    for run in clipped_runs(&rois, roi_y.start, roi_y.end) {
        roi.draw_series(LineSeries::new(
            run,
            ROI_COLOR.stroke_width((2.5 * s) as u32),
        ))?;
    }

    // Each panel names its line, top right, where both lines are low.
    let corner = Pos::new(HPos::Right, VPos::Top);
    let name = |chart: &ChartContext<_, _>, y: f64, label: &'static str, color| {
        let (x, y) = chart.backend_coord(&(max_price, y));
        Text::new(
            label,
            (x - (4.0 * s) as i32, y + (3.0 * s) as i32),
            font(color).pos(corner),
        )
    };
    root.draw(&name(
        &net,
        net_y.end,
        text(lang, Words::ChartNetResult),
        NET_COLOR,
    ))?;
    root.draw(&name(
        &roi,
        roi_y.end,
        text(lang, Words::ChartRoi),
        ROI_COLOR,
    ))?;

    // The markers' labels, joined to their lines; each on a white box, so a
    // line that must pass behind a label (markers close together on a
    // phone) does not run through its text.
    let plot_top = net.backend_coord(&(0.0, net_y.end)).1;
    let row_y = |row: usize| ((MARGIN + ROW * row as f64 + ROW / 2.0) * s) as i32;
    for (marker, color, _, _, row) in &placed {
        let (marker, color, row) = (*marker, *color, *row);
        let x = net.backend_coord(&(marker.price, 0.0)).0;
        root.draw(&PathElement::new(
            vec![(x, row_y(row)), (x, plot_top)],
            color.stroke_width((1.5 * s).max(1.0) as u32),
        ))?;
    }
    for (marker, color, _, span, row) in placed {
        let (y, half) = (row_y(row), (ROW / 2.0 * s) as i32);
        let (from, to) = (
            ((span.start - 2.0) * s) as i32,
            ((span.end + 2.0) * s) as i32,
        );
        root.draw(&Rectangle::new(
            [(from, y - half), (to, y + half)],
            WHITE.filled(),
        ))?;
        root.draw(&Text::new(
            marker.label.as_str(),
            ((span.start * s) as i32, y),
            font(color).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }

    // The legend of the shaded zone, under the price axis.
    if zone.is_some() {
        let y = ((height - MARGIN - legend / 2.0) * s) as i32;
        let x = (plot.start * s) as i32;
        let box_size = (TEXT_PX * s) as i32;
        root.draw(&Rectangle::new(
            [(x, y - box_size / 2), (x + box_size, y + box_size / 2)],
            GAIN_COLOR.mix(0.25).filled(),
        ))?;
        root.draw(&Text::new(
            text(lang, Words::ProfitableZone),
            (x + box_size + (6.0 * s) as i32, y),
            font(TEXT_COLOR).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(axes)
}
