//! The simulated net results as a histogram: losses in red, gains in green,
//! and the break-even line at zero, labelled. Zero stays inside the plot
//! even when every trial gains (or loses): on the frame the line was lost
//! in the axis.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::kit::{
    label_font, money_label, surface, ChartError, GAIN_COLOR, LOSS_COLOR, TEXT_COLOR, TEXT_PX,
};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// (from, to, trials) per bar, in order.
    pub bins: Vec<(f64, f64, u32)>,
    /// The break-even line's label ("Équilibre") and the count axis's ("Tirages").
    pub zero_label: String,
    pub count_label: String,
}

/// Draws the chart; gives the net-result axis it drew (None: no trials).
pub fn draw(
    canvas: &HtmlCanvasElement,
    data: &Histogram,
    lang: Lang,
) -> Result<Option<std::ops::Range<f64>>, ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (Some(first), Some(last)) = (data.bins.first(), data.bins.last()) else {
        root.present()?;
        return Ok(None);
    };
    // A degenerate run (every trial equal) still gets a visible bar.
    let (mut lo, mut hi) = (first.0.min(0.0), last.1.max(0.0));
    if hi - lo < 1.0 {
        lo -= 1.0;
        hi += 1.0;
    }
    // A margin on both sides: zero is never on the frame.
    let margin = (hi - lo) * 0.06;
    let (lo, hi) = (lo - margin, hi + margin);
    let tallest = data.bins.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    // Headroom for the line's label above the tallest bar.
    let top = f64::from(tallest) * 1.18;
    let font = label_font(s, TEXT_COLOR);
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        // Room for the last money label, centred on the axis's end.
        .margin_right(30.0 * s)
        .x_label_area_size((TEXT_PX + 16.0) * s)
        .y_label_area_size((52.0 + TEXT_PX + 6.0) * s)
        .build_cartesian_2d(lo..hi, 0.0..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font.clone())
        .x_labels(5)
        .y_labels(4)
        .axis_desc_style(font.clone())
        .y_desc(data.count_label.as_str())
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
        vec![(0.0, 0.0), (0.0, top)],
        TEXT_COLOR.stroke_width((2.0 * s) as u32),
    )))?;
    // The label on the side of the line with more room.
    let room_left = -lo >= hi;
    let anchor = Pos::new(if room_left { HPos::Right } else { HPos::Left }, VPos::Top);
    let gap = if room_left { -5.0 } else { 5.0 } * s;
    let (x, y) = chart.backend_coord(&(0.0, top));
    root.draw(&Text::new(
        format!("{} ({})", data.zero_label, money_label(0.0, lang)).as_str(),
        (x + gap as i32, y + (3.0 * s) as i32),
        font.pos(anchor),
    ))?;
    root.present()?;
    Ok(Some(lo..hi))
}
