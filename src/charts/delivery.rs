//! ROI against the share of planned meetings delivered, one line per
//! prospecting model: who carries the risk of under-delivery shows at a
//! glance (the pay-per-result line stays flat, the others fall).

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::kit::{
    font, padded, percent_label, surface, ChartError, GAIN_COLOR, NET_COLOR, ROI_COLOR,
};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct DeliveryChart {
    /// (model name, [(delivery %, ROI as a fraction)]) per model; points
    /// without a ROI are left out. Delivery is one of [`DELIVERY`].
    pub lines: Vec<(String, Vec<(f64, f64)>)>,
}

const COLORS: [RGBColor; 3] = [NET_COLOR, ROI_COLOR, GAIN_COLOR];
/// The delivery shares on the x axis, evenly spaced.
pub const DELIVERY: [f64; 4] = [50.0, 75.0, 100.0, 125.0];

/// Position on the x axis: the share's index.
fn slot(pct: f64) -> f64 {
    DELIVERY.iter().position(|d| *d == pct).unwrap_or(0) as f64
}

pub fn draw(
    canvas: &HtmlCanvasElement,
    data: &DeliveryChart,
    lang: Lang,
) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (lo, hi) = data
        .lines
        .iter()
        .flat_map(|(_, points)| points.iter().map(|p| p.1))
        .fold((0f64, 0f64), |(lo, hi), roi| (lo.min(roi), hi.max(roi)));
    let y = padded(lo, hi);
    // The legend sits above the plot, where it never hides a line: one row,
    // or one line per model when the canvas is too narrow (phones).
    let (width, _) = root.dim_in_pixel();
    let count = data.lines.len().max(1);
    let row_width = f64::from(width) - 70.0 * s;
    let stacked = row_width / (count as f64) < 170.0 * s;
    let column = if stacked {
        0.0
    } else {
        row_width / count as f64
    };
    for (i, ((name, _), color)) in data.lines.iter().zip(COLORS).enumerate() {
        let line = if stacked { i as f64 } else { 0.0 };
        let x = (66.0 * s + i as f64 * column) as i32;
        let y = ((12.0 + 16.0 * line) * s) as i32;
        root.draw(&PathElement::new(
            vec![(x, y), (x + (18.0 * s) as i32, y)],
            color.stroke_width((3.0 * s) as u32),
        ))?;
        root.draw(&Text::new(
            name.as_str(),
            (x + (24.0 * s) as i32, y - (7.0 * s) as i32),
            font(s, 12.0),
        ))?;
    }
    let legend_height = if stacked {
        12.0 + 16.0 * count as f64
    } else {
        28.0
    };
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .margin_top(legend_height * s)
        .x_label_area_size(30.0 * s)
        .y_label_area_size(56.0 * s)
        .build_cartesian_2d(-0.5..3.5, y.clone())?;
    chart
        .configure_mesh()
        .max_light_lines(0)
        .label_style(font(s, 12.0))
        .x_labels(9)
        .y_labels(6)
        .x_label_formatter(&|v: &f64| {
            let on_slot = (v - v.round()).abs() < 0.01;
            match DELIVERY.get(v.round().max(0.0) as usize) {
                Some(pct) if on_slot => lang.pick(format!("{pct}\u{a0}%"), format!("{pct}%")),
                _ => String::new(),
            }
        })
        .y_label_formatter(&|v| percent_label(*v, lang))
        .draw()?;
    // Break-even: ROI 0.
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(-0.5, 0.0), (3.5, 0.0)],
        BLACK.stroke_width((1.0 * s) as u32),
    )))?;
    for ((_, points), color) in data.lines.iter().zip(COLORS) {
        let points: Vec<(f64, f64)> = points.iter().map(|&(pct, roi)| (slot(pct), roi)).collect();
        chart.draw_series(LineSeries::new(
            points.iter().copied(),
            color.stroke_width((2.5 * s) as u32),
        ))?;
        chart.draw_series(
            points
                .iter()
                .map(|&point| Circle::new(point, (3.5 * s) as u32, color.filled())),
        )?;
    }
    root.present()?;
    Ok(())
}
