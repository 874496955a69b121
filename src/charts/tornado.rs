//! The tornado chart: for each uncertain input, the ROI with that input at
//! its low and at its high value (the others at likely), widest swing on top,
//! around a vertical line at the likely ROI. Each input's name sits on its
//! own line above its bar, across the whole width: beside the bars, the
//! long French names were cut on a phone.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::kit::{
    fitted, label_font, percent_label, surface, ChartError, LOSS_COLOR, NET_COLOR, TEXT_COLOR,
    TEXT_PX,
};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// (input label, ROI at the low value, ROI at the high value), widest first.
    pub bars: Vec<(String, f64, f64)>,
    /// The ROI with every input at its likely value.
    pub likely_roi: f64,
}

/// Draws the chart; gives how many names had to be cut to fit.
pub fn draw(canvas: &HtmlCanvasElement, data: &Tornado, lang: Lang) -> Result<usize, ChartError> {
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
    let font = label_font(s, TEXT_COLOR);
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .margin_right(24.0 * s)
        .x_label_area_size((TEXT_PX + 16.0) * s)
        .y_label_area_size(4.0 * s)
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..rows)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .max_light_lines(0)
        .label_style(font.clone())
        .x_labels(5)
        .y_labels(0)
        .x_label_formatter(&|v| percent_label(*v, lang))
        .draw()?;
    // Row i (from the top) spans rows − i − 1 .. rows − i: its name in the
    // upper half, its bar in the lower.
    chart.draw_series(
        data.bars
            .iter()
            .enumerate()
            .flat_map(|(i, &(_, at_low, at_high))| {
                let y = rows - i as f64 - 1.0;
                // The low value's effect in red, the high value's in blue.
                [
                    Rectangle::new(
                        [(data.likely_roi, y + 0.08), (at_low, y + 0.5)],
                        LOSS_COLOR.filled(),
                    ),
                    Rectangle::new(
                        [(data.likely_roi, y + 0.08), (at_high, y + 0.5)],
                        NET_COLOR.filled(),
                    ),
                ]
            }),
    )?;
    // The likely ROI's line, through the bars only (not across the names).
    chart.draw_series((0..data.bars.len().max(1)).map(|i| {
        let y = rows - i as f64 - 1.0;
        PathElement::new(
            vec![(data.likely_roi, y), (data.likely_roi, y + 0.58)],
            TEXT_COLOR.stroke_width((1.5 * s) as u32),
        )
    }))?;
    // Names cut only when wider than the plot (the table has them whole).
    let (left, right) = (
        chart.backend_coord(&(lo - pad, 0.0)).0,
        chart.backend_coord(&(hi + pad, 0.0)).0,
    );
    let room = f64::from(right - left) / s - 4.0;
    let mut cut = 0;
    for (i, (name, _, _)) in data.bars.iter().enumerate() {
        let y = rows - i as f64 - 0.04;
        let shown = fitted(&root, name, &font, room, s);
        cut += usize::from(shown != *name);
        let (x, y) = chart.backend_coord(&(lo - pad, y));
        root.draw(&Text::new(
            shown.as_str(),
            (x + (2.0 * s) as i32, y),
            font.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    root.present()?;
    Ok(cut)
}
