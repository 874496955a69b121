//! The tornado chart: for each uncertain input, the ROI with that input at
//! its low and at its high value (the others at likely), widest swing on top,
//! around a vertical line at the likely ROI.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::kit::{
    clipped, font, percent_label, surface, ChartError, LOSS_COLOR, NET_COLOR, TEXT_COLOR,
};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// (input label, ROI at the low value, ROI at the high value), widest first.
    pub bars: Vec<(String, f64, f64)>,
    /// The ROI with every input at its likely value.
    pub likely_roi: f64,
}

pub fn draw(canvas: &HtmlCanvasElement, data: &Tornado, lang: Lang) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let rows = data.bars.len().max(1) as f64;
    let (lo, hi) = data.bars.iter().fold(
        (data.likely_roi, data.likely_roi),
        |(lo, hi), &(_, a, b)| (lo.min(a).min(b), hi.max(a).max(b)),
    );
    let pad = ((hi - lo) * 0.08).max(0.05);
    // Input names are long in French: give them up to 45 % of the width,
    // and cut what still does not fit (about 6 px a character at 11 px).
    let label_area = (f64::from(canvas.width()) / s * 0.45).min(240.0) * s;
    let max_chars = ((label_area / s - 10.0) / 6.0).max(4.0) as usize;
    let labels: Vec<String> = data.bars.iter().map(|b| clipped(&b.0, max_chars)).collect();
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .x_label_area_size(30.0 * s)
        .y_label_area_size(label_area)
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..rows)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .max_light_lines(0)
        .label_style(font(s, 11.0))
        .x_labels(5)
        .y_labels(data.bars.len() * 2 + 1)
        .x_label_formatter(&|v| percent_label(*v, lang))
        .y_label_formatter(&|v| {
            // Row i (from the top) is centred at rows − i − 0.5.
            let centred = (v - v.floor() - 0.5).abs() < 0.01;
            let from_top = (rows - v.floor() - 1.0) as usize;
            if centred {
                labels.get(from_top).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .draw()?;
    chart.draw_series(
        data.bars
            .iter()
            .enumerate()
            .flat_map(|(i, &(_, at_low, at_high))| {
                let y = rows - i as f64 - 1.0;
                // The low value's effect in red-brown, the high value's in blue.
                [
                    Rectangle::new(
                        [(data.likely_roi, y + 0.2), (at_low, y + 0.8)],
                        LOSS_COLOR.filled(),
                    ),
                    Rectangle::new(
                        [(data.likely_roi, y + 0.2), (at_high, y + 0.8)],
                        NET_COLOR.filled(),
                    ),
                ]
            }),
    )?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(data.likely_roi, 0.0), (data.likely_roi, rows)],
        TEXT_COLOR.stroke_width((1.5 * s) as u32),
    )))?;
    root.present()?;
    Ok(())
}
