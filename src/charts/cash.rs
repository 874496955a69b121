//! Cumulative net cash month by month, with the payback month marked.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::kit::{
    font, money_label, padded, surface, ChartError, GAIN_COLOR, NET_COLOR, ROI_COLOR,
};
use crate::i18n::page::{text, Text};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct CashChart {
    /// (month, cumulative net cash)
    pub months: Vec<(u32, f64)>,
    pub payback_month: Option<u32>,
}

pub fn draw(canvas: &HtmlCanvasElement, data: &CashChart, lang: Lang) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let last = data.months.last().map_or(1, |m| m.0).max(1);
    let (lo, hi) = data
        .months
        .iter()
        .fold((0f64, 0f64), |(lo, hi), m| (lo.min(m.1), hi.max(m.1)));
    let y = padded(lo, hi);
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .x_label_area_size(34.0 * s)
        .y_label_area_size(74.0 * s)
        .build_cartesian_2d(0.5f64..(f64::from(last) + 0.5), y.clone())?;
    chart
        .configure_mesh()
        .max_light_lines(0)
        .label_style(font(s, 12.0))
        .x_desc(text(lang, Text::ChartMonth))
        .y_desc(text(lang, Text::ChartCumulative))
        .x_labels(month_ticks(last))
        .x_label_formatter(&|v| month_label(*v))
        .y_label_formatter(&|v| money_label(*v, lang))
        .draw()?;
    chart.draw_series(data.months.iter().map(|(month, cash)| {
        let x = f64::from(*month);
        let color = if *cash >= 0.0 { GAIN_COLOR } else { ROI_COLOR };
        Rectangle::new(
            [(x - 0.35, 0.0), (x + 0.35, *cash)],
            color.mix(0.85).filled(),
        )
    }))?;
    if let Some(month) = data.payback_month {
        let x = f64::from(month);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, y.start), (x, y.end)],
            NET_COLOR.stroke_width((2.0 * s) as u32),
        )))?;
    }
    root.present()?;
    Ok(())
}

/// How many month ticks to ask plotters for: about a dozen at most, so that
/// long horizons step by 2, 5, 10… months. On the shortest horizons plotters
/// may still offer half months; [`month_label`] leaves those blank (they
/// used to read "1 1 2 2 3").
pub fn month_ticks(last: u32) -> usize {
    last.min(12) as usize + 1
}

/// A whole month's number; nothing for a tick between two months.
pub fn month_label(tick: f64) -> String {
    let month = tick.round();
    if (tick - month).abs() < 1e-6 {
        format!("{}", month as i64)
    } else {
        String::new()
    }
}
