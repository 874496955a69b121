//! The plan against what happened: booked meetings and sales week after
//! week (upper panel: the plan as thin lines, the checkpoints as thick
//! lines with dots), and the projected ROI at each checkpoint with its
//! P10–P90 band (lower panel, with the plan's ROI and zero as lines). Two
//! panels on one week axis, as the price chart shares its price axis.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::kit::{
    label_font, labels_that_fit, padded, percent_label, surface, ChartError, GAIN_COLOR, NET_COLOR,
    ROI_COLOR, TEXT_COLOR, TEXT_PX,
};
use crate::i18n::track::{track_text, TrackText};
use crate::lang::Lang;

/// A checkpoint's projected ROI: (week, ROI, P10, P90), fractions.
pub type RoiPoint = (f64, Option<f64>, Option<f64>, Option<f64>);

#[derive(Clone, Debug, PartialEq)]
pub struct TrackChart {
    /// The last week on the axis.
    pub weeks: f64,
    /// The plan at each whole week: (week, booked meetings, sales).
    pub plan: Vec<(f64, f64, f64)>,
    /// Each checkpoint: (week, booked meetings, sales).
    pub actual: Vec<(f64, f64, f64)>,
    /// Each checkpoint's projected ROI and band.
    pub roi: Vec<RoiPoint>,
    /// The plan's ROI, a line across the lower panel.
    pub plan_roi: Option<f64>,
}

/// The ROI axis: every projected ROI, band end and the plan's, and 0;
/// never below −100 %.
pub fn roi_range(data: &TrackChart) -> (f64, f64) {
    let values = data
        .roi
        .iter()
        .flat_map(|(_, roi, p10, p90)| [*roi, *p10, *p90])
        .chain([data.plan_roi])
        .flatten()
        .filter(|v| v.is_finite());
    let (lo, hi) = values.fold((0f64, 0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    (lo.max(-1.0), hi)
}

/// CSS pixels of the chart's parts.
const MARGIN: f64 = 8.0;
const LEFT_LABELS: f64 = 56.0;
const RIGHT_MARGIN: f64 = 14.0;
const ROW: f64 = TEXT_PX + 6.0;

pub fn draw(canvas: &HtmlCanvasElement, data: &TrackChart, lang: Lang) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (f64::from(width) / s, f64::from(height) / s);
    let weeks = data.weeks.max(1.0);
    let top = data
        .plan
        .iter()
        .chain(&data.actual)
        .fold(1f64, |top, (_, booked, sales)| top.max(*booked).max(*sales));
    let counts_y = 0.0..top * 1.08;
    let (roi_lo, roi_hi) = roi_range(data);
    let roi_y = padded(roi_lo, roi_hi);

    // A legend row on top: each line's name in its colour, then how the
    // plan is drawn.
    let font = |color| label_font(s, color);
    let header = MARGIN + 2.0 * ROW;
    let x_labels = 2.0 * TEXT_PX + 16.0;
    let panels = (height - header - x_labels - MARGIN).max(40.0);
    let upper_height = panels * 0.5;
    let (_, rest) = root.split_vertically((header * s) as i32);
    let (upper, lower) = rest.split_vertically(((upper_height + 6.0) * s) as i32);
    let plot_width = width - MARGIN - LEFT_LABELS - RIGHT_MARGIN;
    let x_ticks = labels_that_fit(plot_width, 32.0, 13);

    let mut counts = ChartBuilder::on(&upper)
        .margin_left(MARGIN * s)
        .margin_right(RIGHT_MARGIN * s)
        .margin_bottom(6.0 * s)
        .y_label_area_size(LEFT_LABELS * s)
        .build_cartesian_2d(0.0..weeks, counts_y.clone())?;
    counts
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font(TEXT_COLOR))
        .x_labels(x_ticks)
        .x_label_formatter(&|_| String::new())
        .y_labels(labels_that_fit(upper_height, 2.0 * TEXT_PX, 5))
        .y_label_formatter(&|v| whole(*v, lang))
        .draw()?;
    let mut roi = ChartBuilder::on(&lower)
        .margin_left(MARGIN * s)
        .margin_right(RIGHT_MARGIN * s)
        .margin_bottom(MARGIN * s)
        .x_label_area_size(x_labels * s)
        .y_label_area_size(LEFT_LABELS * s)
        .build_cartesian_2d(0.0..weeks, roi_y.clone())?;
    roi.configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font(TEXT_COLOR))
        .axis_desc_style(font(TEXT_COLOR))
        .x_desc(track_text(lang, TrackText::ChartWeek))
        .x_labels(x_ticks)
        .x_label_formatter(&|v| week_label(*v))
        .y_labels(labels_that_fit(panels - upper_height, 2.0 * TEXT_PX, 5))
        .y_label_formatter(&|v| percent_label(*v, lang))
        .draw()?;

    let stroke = |color: RGBAColor, px: f64| ShapeStyle {
        color,
        filled: false,
        stroke_width: (px * s).max(1.0) as u32,
    };
    // The plan: thin, lighter lines.
    for (color, pick) in [
        (
            NET_COLOR,
            (|p: &(f64, f64, f64)| p.1) as fn(&(f64, f64, f64)) -> f64,
        ),
        (GAIN_COLOR, |p: &(f64, f64, f64)| p.2),
    ] {
        counts.draw_series(LineSeries::new(
            data.plan.iter().map(|p| (p.0, pick(p))),
            stroke(color.mix(0.5), 1.5),
        ))?;
        counts.draw_series(LineSeries::new(
            data.actual.iter().map(|p| (p.0, pick(p))),
            stroke(color.to_rgba(), 2.5),
        ))?;
        counts.draw_series(
            data.actual
                .iter()
                .map(|p| Circle::new((p.0, pick(p)), (3.0 * s) as i32, color.filled())),
        )?;
    }

    // The ROI: the band, the plan's ROI and zero, the projection.
    let band: Vec<(f64, f64, f64)> = data
        .roi
        .iter()
        .filter_map(|(w, _, p10, p90)| Some((*w, (*p10)?.max(roi_y.start), (*p90)?.min(roi_y.end))))
        .collect();
    if band.len() > 1 {
        let outline: Vec<(f64, f64)> = band
            .iter()
            .map(|(w, _, p90)| (*w, *p90))
            .chain(band.iter().rev().map(|(w, p10, _)| (*w, *p10)))
            .collect();
        roi.draw_series(std::iter::once(Polygon::new(
            outline,
            ROI_COLOR.mix(0.15).filled(),
        )))?;
    }
    for (w, p10, p90) in &band {
        roi.draw_series(std::iter::once(PathElement::new(
            vec![(*w, *p10), (*w, *p90)],
            stroke(ROI_COLOR.mix(0.6), 2.0),
        )))?;
    }
    let across = |y: f64, color: RGBAColor, px: f64| {
        PathElement::new(vec![(0.0, y), (weeks, y)], stroke(color, px))
    };
    roi.draw_series(std::iter::once(across(0.0, TEXT_COLOR.to_rgba(), 1.0)))?;
    if let Some(plan_roi) = data
        .plan_roi
        .filter(|r| *r >= roi_y.start && *r <= roi_y.end)
    {
        roi.draw_series(std::iter::once(across(plan_roi, ROI_COLOR.mix(0.5), 1.5)))?;
    }
    let projected: Vec<(f64, f64)> = data
        .roi
        .iter()
        .filter_map(|(w, r, _, _)| Some((*w, (*r)?.clamp(roi_y.start, roi_y.end))))
        .collect();
    roi.draw_series(LineSeries::new(
        projected.iter().copied(),
        stroke(ROI_COLOR.to_rgba(), 2.5),
    ))?;
    roi.draw_series(
        projected
            .iter()
            .map(|p| Circle::new(*p, (3.0 * s) as i32, ROI_COLOR.filled())),
    )?;

    // The legend: two rows above the panels, each name in its colour,
    // then how the plan is drawn.
    let left = Pos::new(HPos::Left, VPos::Center);
    let row_y = |row: f64| ((MARGIN + ROW * row + ROW / 2.0) * s) as i32;
    let legend = |items: &[(&str, RGBAColor)], note: &str, row: f64| -> Result<(), ChartError> {
        let mut x = (MARGIN + LEFT_LABELS) * s;
        let y = row_y(row);
        let swatch = (TEXT_PX * 0.8 * s) as i32;
        for (label, color) in items {
            root.draw(&Rectangle::new(
                [
                    (x as i32, y - swatch / 2),
                    (x as i32 + swatch, y + swatch / 2),
                ],
                color.filled(),
            ))?;
            x += f64::from(swatch) + 4.0 * s;
            let style = font(TEXT_COLOR);
            let (text_width, _) = root.estimate_text_size(label, &style)?;
            root.draw(&Text::new(
                label.to_string(),
                (x as i32, y),
                style.pos(left),
            ))?;
            x += f64::from(text_width) + 12.0 * s;
        }
        root.draw(&Text::new(
            note.to_string(),
            (x as i32, y),
            font(TEXT_COLOR).pos(left),
        ))?;
        Ok(())
    };
    let text = |key| track_text(lang, key);
    legend(
        &[
            (text(TrackText::ChartBooked), NET_COLOR.to_rgba()),
            (text(TrackText::ChartSales), GAIN_COLOR.to_rgba()),
        ],
        text(TrackText::ChartPlanned),
        0.0,
    )?;
    legend(
        &[
            (text(TrackText::ChartRoi), ROI_COLOR.to_rgba()),
            (text(TrackText::ChartBand), ROI_COLOR.mix(0.3)),
        ],
        text(TrackText::ChartPlanned),
        1.0,
    )?;
    root.present()?;
    Ok(())
}

/// A count on the axis: whole numbers only.
fn whole(value: f64, lang: Lang) -> String {
    let value = rust_decimal::Decimal::from_f64_retain(value.round()).unwrap_or_default();
    crate::format::count(value, lang)
}

/// A whole week's number; nothing for a tick between two weeks.
fn week_label(tick: f64) -> String {
    let week = tick.round();
    if (tick - week).abs() < 1e-6 {
        format!("{}", week as i64)
    } else {
        String::new()
    }
}
