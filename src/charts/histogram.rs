//! The simulated net results as a histogram: losses in red, gains in green,
//! and the break-even line at zero.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::kit::{font, money_label, surface, ChartError, GAIN_COLOR, LOSS_COLOR, TEXT_COLOR};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// (from, to, trials) per bar, in order.
    pub bins: Vec<(f64, f64, u32)>,
}

pub fn draw(canvas: &HtmlCanvasElement, data: &Histogram, lang: Lang) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (Some(first), Some(last)) = (data.bins.first(), data.bins.last()) else {
        root.present()?;
        return Ok(());
    };
    // A degenerate run (every trial equal) still gets a visible bar.
    let (mut lo, mut hi) = (first.0.min(0.0), last.1.max(0.0));
    if hi - lo < 1.0 {
        lo -= 1.0;
        hi += 1.0;
    }
    let tallest = data.bins.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        // Room for the last money label, centred on the axis's end.
        .margin_right(30.0 * s)
        .x_label_area_size(30.0 * s)
        .y_label_area_size(52.0 * s)
        .build_cartesian_2d(lo..hi, 0.0..f64::from(tallest) * 1.08)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font(s, 11.0))
        .x_labels(5)
        .y_labels(4)
        .x_label_formatter(&|v| money_label(*v, lang))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .draw()?;
    chart.draw_series(data.bins.iter().map(|&(from, to, count)| {
        let (from, to) = if to - from <= 0.0 {
            (from - (hi - lo) / 80.0, to + (hi - lo) / 80.0)
        } else {
            (from, to)
        };
        let color = if to <= 0.0 { LOSS_COLOR } else { GAIN_COLOR };
        Rectangle::new([(from, 0.0), (to, f64::from(count))], color.filled())
    }))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (0.0, f64::from(tallest) * 1.08)],
        TEXT_COLOR.stroke_width((2.0 * s) as u32),
    )))?;
    root.present()?;
    Ok(())
}
