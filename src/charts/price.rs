//! Net result and ROI against the price per meeting (two y axes), with the
//! current price, the break-even price and the profitable zone.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::kit::{
    font, labels_that_fit, money_label, padded, percent_label, surface, ChartError, GAIN_COLOR,
    NET_COLOR, ROI_COLOR,
};
use crate::i18n::page::{text, Text};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct PriceChart {
    /// (price, net result, ROI as a fraction when defined)
    pub points: Vec<(f64, f64, Option<f64>)>,
    pub current_price: f64,
    /// None when no price breaks even.
    pub break_even_price: Option<f64>,
}

pub fn draw(canvas: &HtmlCanvasElement, data: &PriceChart, lang: Lang) -> Result<(), ChartError> {
    let surface = surface(canvas)?;
    let s = surface.scale;
    let root = surface.backend.into_drawing_area();
    root.fill(&WHITE)?;
    let max_price = data.points.last().map_or(1.0, |p| p.0).max(1.0);
    let (net_min, net_max) = data
        .points
        .iter()
        .fold((0f64, 0f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let rois: Vec<f64> = data.points.iter().filter_map(|p| p.2).collect();
    // ROI explodes near a zero price: show it up to 10× the ROI at the
    // current price so the interesting part stays readable.
    let roi_cap = rois
        .iter()
        .copied()
        .fold(1.0f64, |hi, r| hi.max(r.min(20.0)));
    let roi_min = rois.iter().copied().fold(0f64, f64::min).max(-1.0);

    let mut chart = ChartBuilder::on(&root)
        .margin(10.0 * s)
        .x_label_area_size(34.0 * s)
        .y_label_area_size(74.0 * s)
        .right_y_label_area_size(66.0 * s)
        .build_cartesian_2d(0.0..max_price, padded(net_min, net_max))?
        .set_secondary_coord(0.0..max_price, padded(roi_min, roi_cap));

    if let Some(bep) = data.break_even_price.filter(|p| *p > 0.0) {
        let y = padded(net_min, net_max);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y.start), (bep.min(max_price), y.end)],
            GAIN_COLOR.mix(0.08).filled(),
        )))?;
    }
    chart
        .configure_mesh()
        .max_light_lines(0)
        .label_style(font(s, 11.0))
        .x_desc(text(lang, Text::ChartPrice))
        .y_desc(text(lang, Text::ChartNetResult))
        // The plot is the canvas less both label areas and the margins;
        // "1 000 €" takes about 64 px with its gap.
        .x_labels(labels_that_fit(
            f64::from(canvas.width()) / s - 160.0,
            64.0,
            10,
        ))
        .x_label_formatter(&|v| money_label(*v, lang))
        .y_label_formatter(&|v| money_label(*v, lang))
        .draw()?;
    chart
        .configure_secondary_axes()
        .label_style(font(s, 11.0))
        .y_desc(text(lang, Text::ChartRoi))
        .y_label_formatter(&|v| percent_label(*v, lang))
        .draw()?;

    let line = |x: f64, color: RGBColor| {
        let y = padded(net_min, net_max);
        PathElement::new(
            vec![(x, y.start), (x, y.end)],
            color.stroke_width((1.5 * s) as u32),
        )
    };
    chart.draw_series(std::iter::once(line(data.current_price, NET_COLOR)))?;
    if let Some(bep) = data
        .break_even_price
        .filter(|p| *p >= 0.0 && *p <= max_price)
    {
        chart.draw_series(std::iter::once(line(bep, GAIN_COLOR)))?;
    }
    chart.draw_series(LineSeries::new(
        data.points.iter().map(|p| (p.0, p.1)),
        NET_COLOR.stroke_width((2.5 * s) as u32),
    ))?;
    chart.draw_secondary_series(LineSeries::new(
        data.points
            .iter()
            .filter_map(|p| p.2.map(|roi| (p.0, roi.min(roi_cap * 1.1)))),
        ROI_COLOR.stroke_width((2.0 * s) as u32),
    ))?;
    root.present()?;
    Ok(())
}
