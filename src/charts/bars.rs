//! Grouped bars: net result (left axis) and ROI (right axis) per scenario.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::kit::{
    font, money_label, padded, percent_label, surface, ChartError, NET_COLOR, ROI_COLOR,
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
    let (rlo, rhi) = data
        .bars
        .iter()
        .filter_map(|b| b.2)
        .fold((0f64, 0f64), |(lo, hi), r| (lo.min(r), hi.max(r)));
    let labels: Vec<String> = data.bars.iter().map(|b| b.0.clone()).collect();
    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .x_label_area_size(30.0 * s)
        .y_label_area_size(74.0 * s)
        .right_y_label_area_size(56.0 * s)
        .build_cartesian_2d(0.0..count, padded(lo, hi))?
        .set_secondary_coord(0.0..count, padded(rlo, rhi));
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .label_style(font(s, 11.0))
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
    chart
        .configure_secondary_axes()
        .label_style(font(s, 11.0))
        .y_label_formatter(&|v| percent_label(*v, lang))
        .draw()?;
    chart.draw_series(data.bars.iter().enumerate().map(|(i, b)| {
        let x = i as f64;
        Rectangle::new([(x + 0.12, 0.0), (x + 0.48, b.1)], NET_COLOR.filled())
    }))?;
    chart.draw_secondary_series(data.bars.iter().enumerate().filter_map(|(i, b)| {
        let x = i as f64;
        b.2.map(|roi| Rectangle::new([(x + 0.52, 0.0), (x + 0.88, roi)], ROI_COLOR.filled()))
    }))?;
    root.present()?;
    Ok(())
}
