//! Net result per scenario (or segment) as bars on one money axis, each
//! bar labelled with its net result and its ROI. ROI on a second axis of
//! its own scale drew bars as tall as the net ones (the ROI is the net
//! result over a cost that barely changes between scenarios), which said
//! nothing and looked like one figure twice.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::kit::{
    fitted, label_font, money_label, padded, roi_label, surface, ChartError, LOSS_COLOR, NET_COLOR,
    TEXT_COLOR, TEXT_PX,
};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// (label, net result, ROI as a fraction when defined)
    pub bars: Vec<(String, f64, Option<f64>)>,
}

pub fn draw(canvas: &HtmlCanvasElement, data: &BarChart, lang: Lang) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let count = data.bars.len().max(1) as f64;
    let (lo, hi) = data
        .bars
        .iter()
        .fold((0f64, 0f64), |(lo, hi), b| (lo.min(b.1), hi.max(b.1)));
    // Room beyond the longest bars for their two lines of labels.
    let room = (hi - lo).max(1.0) * 0.3;
    let y = padded(if lo < 0.0 { lo - room } else { lo }, hi + room);
    let (width, _) = root.dim_in_pixel();
    let slot = (f64::from(width) / s - 90.0) / count;
    let font = label_font(s, TEXT_COLOR);
    // A name cut to its slot (the summary and the table have it whole).
    let labels: Vec<String> = data
        .bars
        .iter()
        .map(|b| fitted(&root, &b.0, &font, slot - 6.0, s))
        .collect();
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .x_label_area_size((TEXT_PX + 14.0) * s)
        .y_label_area_size(74.0 * s)
        .build_cartesian_2d(0.0..count, y)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font.clone())
        .x_labels(data.bars.len() * 2 + 1)
        .x_label_formatter(&|v| {
            let slot = v.floor() as usize;
            let centred = (v - v.floor() - 0.5).abs() < 0.01;
            labels
                .get(slot)
                .filter(|_| centred)
                .cloned()
                .unwrap_or_default()
        })
        .y_label_formatter(&|v| money_label(*v, lang))
        .draw()?;
    chart.draw_series(data.bars.iter().enumerate().map(|(i, b)| {
        let x = i as f64;
        let color = if b.1 < 0.0 { LOSS_COLOR } else { NET_COLOR };
        Rectangle::new([(x + 0.2, 0.0), (x + 0.8, b.1)], color.filled())
    }))?;
    // Two lines by each bar's end: its net result, then its ROI ("ROI
    // +380 %", or "+380 %" where that does not fit); left out when even
    // that would not fit in the bar's slot (many segments on a phone).
    let widest = |texts: &[(String, String)]| {
        texts.iter().try_fold(0u32, |widest, (net, roi)| {
            let net = root.estimate_text_size(net, &font)?.0;
            let roi = root.estimate_text_size(roi, &font)?.0;
            Ok::<_, ChartError>(widest.max(net).max(roi))
        })
    };
    let with_name = |named: bool| -> Vec<(String, String)> {
        data.bars
            .iter()
            .map(|b| {
                let roi = b.2.map_or_else(|| "—".to_string(), |r| roi_label(r, lang));
                let roi = if named { format!("ROI {roi}") } else { roi };
                (money_label(b.1, lang), roi)
            })
            .collect()
    };
    let mut texts = with_name(true);
    let mut width = widest(&texts)?;
    if f64::from(width) / s > slot - 4.0 {
        texts = with_name(false);
        width = widest(&texts)?;
    }
    if f64::from(width) / s <= slot - 4.0 {
        let line = (TEXT_PX + 3.0) * s;
        for (i, (b, (net, roi))) in data.bars.iter().zip(texts).enumerate() {
            let below = b.1 < 0.0;
            // Above a gain's bar, below a loss's.
            let (first, second, gap) = if below {
                (0.0, 1.0, 3.0 * s)
            } else {
                (-2.0, -1.0, -3.0 * s)
            };
            let at = (i as f64 + 0.5, b.1);
            let pos = Pos::new(HPos::Center, VPos::Top);
            for (text, row) in [(net, first), (roi, second)] {
                let (x, y) = chart.backend_coord(&at);
                root.draw(&Text::new(
                    text.as_str(),
                    (x, y + (row * line + gap) as i32),
                    font.clone().pos(pos),
                ))?;
            }
        }
    }
    root.present()?;
    Ok(())
}
