//! What every chart shares: colours, the sized canvas, fonts, labels and
//! axis ranges.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::charts::backend::FastCanvas;

use crate::lang::Lang;

pub const NET_COLOR: RGBColor = RGBColor(0x1d, 0x4e, 0xd8);
pub const ROI_COLOR: RGBColor = RGBColor(0xb4, 0x3c, 0x0a);
pub const LOSS_COLOR: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);
pub const GAIN_COLOR: RGBColor = RGBColor(0x15, 0x80, 0x3d);
pub const TEXT_COLOR: RGBColor = RGBColor(0x1f, 0x29, 0x37);
/// The price for the target ROI (violet: apart from the lines' blue and
/// orange and the break-even's green).
pub const TARGET_COLOR: RGBColor = RGBColor(0x6d, 0x28, 0xd9);
/// Axis and label text, in CSS pixels: readable on a phone (issue 17
/// measured 10 px before).
pub const TEXT_PX: f64 = 12.0;

/// Why a chart could not be drawn (a canvas without 2D context, a zero size).
#[derive(Debug)]
pub struct ChartError;

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(_: DrawingAreaErrorKind<E>) -> Self {
        ChartError
    }
}

/// A canvas sized for the screen: the backing store is the CSS size times
/// the device pixel ratio (crisp on HiDPI), and `scale` multiplies every
/// font size and margin so the chart looks the same at any ratio.
pub struct Surface {
    pub backend: FastCanvas,
    pub scale: f64,
}

/// Sizes the canvas's backing store to its CSS size times the device pixel
/// ratio. Reading the CSS size forces a layout, so this runs when a chart
/// first shows and on resize, never per draw.
pub fn fit(canvas: &HtmlCanvasElement) {
    let css_width = f64::from(canvas.client_width().max(280));
    let css_height = f64::from(canvas.client_height().max(200));
    size(canvas, css_width, css_height, pixel_ratio());
}

/// The CSS size a chart is laid out for on paper: style/print.css prints
/// it about 91 mm wide (two charts side by side on A4), so its 12 px text
/// comes out near 7 pt, like the report's own text; its height keeps this
/// shape (`height: auto`).
pub const PRINT_SIZE: (f64, f64) = (440.0, 290.0);

/// Sizes the canvas for paper (see [`PRINT_SIZE`]), at three pixels per CSS
/// pixel so the printed lines stay sharp. Reads no layout.
pub fn fit_for_print(canvas: &HtmlCanvasElement) {
    size(canvas, PRINT_SIZE.0, PRINT_SIZE.1, 3.0);
}

fn size(canvas: &HtmlCanvasElement, css_width: f64, css_height: f64, ratio: f64) {
    let (width, height) = ((css_width * ratio) as u32, (css_height * ratio) as u32);
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    // What `surface` scales by: the screen's ratio, or the paper's, in
    // hundredths (Rust's float formatting and parsing would add kilobytes).
    let _ = canvas.set_attribute("data-scale", &((ratio * 100.0).round() as u32).to_string());
}

fn pixel_ratio() -> f64 {
    crate::browser::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// The canvas as [`fit`] sized it, ready to draw on.
pub fn surface(canvas: &HtmlCanvasElement) -> Result<Surface, ChartError> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(ChartError);
    }
    let backend = FastCanvas::new(canvas).ok_or(ChartError)?;
    let scale = canvas
        .get_attribute("data-scale")
        .and_then(|s| s.parse::<u32>().ok())
        .map(|hundredths| f64::from(hundredths) / 100.0)
        .filter(|s| *s >= 1.0)
        .unwrap_or_else(pixel_ratio);
    Ok(Surface { backend, scale })
}

/// The font for axis labels at this scale.
pub fn font(scale: f64, size: f64) -> TextStyle<'static> {
    ("sans-serif", size * scale).into_font().color(&TEXT_COLOR)
}

/// The chart's text font ([`TEXT_PX`]) in `color`.
pub fn label_font(scale: f64, color: RGBColor) -> TextStyle<'static> {
    ("sans-serif", TEXT_PX * scale).into_font().color(&color)
}

/// How many labels of about `label_width` CSS pixels an axis of
/// `axis_width` CSS pixels can take side by side, between 2 and `at_most`:
/// plotters' default of ten ran money labels into each other on a phone.
pub fn labels_that_fit(axis_width: f64, label_width: f64, at_most: usize) -> usize {
    let fit = (axis_width / label_width.max(1.0)).floor();
    if fit.is_finite() && fit > 2.0 {
        (fit as usize).min(at_most)
    } else {
        2
    }
}

/// `label` cut to at most `max_chars` characters, with `…` when cut: a
/// long input name must not run off a narrow chart (the data table under
/// every chart has it in full). Character counts stand in for measuring
/// the text, which would cost a layout per label on every draw.
pub fn clipped(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        return label.to_string();
    }
    let kept: String = label.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// `label` cut (with `…`) to at most `max_px` CSS pixels in `style`, measured
/// on the canvas (no page layout): a name wider than its room must not run
/// into its neighbour (the data table has it whole).
pub fn fitted<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    label: &str,
    style: &TextStyle,
    max_px: f64,
    scale: f64,
) -> String {
    let fits = |text: &str| {
        area.estimate_text_size(text, style)
            .is_ok_and(|(width, _)| f64::from(width) / scale <= max_px)
    };
    let mut chars = label.chars().count();
    let mut text = label.to_string();
    while chars > 1 && !fits(&text) {
        chars -= 1;
        text = clipped(label, chars);
    }
    text
}

/// Pads a value range so lines never sit on the frame, and never collapses.
pub fn padded(min: f64, max: f64) -> std::ops::Range<f64> {
    let (min, max) = (min.min(0.0), max.max(0.0));
    let span = (max - min).max(1.0);
    (min - span * 0.05)..(max + span * 0.05)
}

/// Axis label for money: whole euros, compact.
pub fn money_label(value: f64, lang: Lang) -> String {
    let value = rust_decimal::Decimal::from_f64_retain(value.round()).unwrap_or_default();
    crate::format::money_rounded(value, lang)
}

pub fn percent_label(value: f64, lang: Lang) -> String {
    let value =
        rust_decimal::Decimal::from_f64_retain((value * 100.0).round() / 100.0).unwrap_or_default();
    crate::format::percent_unsigned(value, lang)
}

/// A number as JavaScript writes it, for test hooks: Rust's own float
/// formatting would add kilobytes to the wasm.
pub fn number_text(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A range as two numbers, `"lo hi"` (test hooks).
pub fn range_text(range: &std::ops::Range<f64>) -> String {
    format!("{} {}", number_text(range.start), number_text(range.end))
}

/// A ROI on a label: signed, like the page's ("+380 %", "−18,3 %").
pub fn roi_label(value: f64, lang: Lang) -> String {
    let value = rust_decimal::Decimal::from_f64_retain((value * 1000.0).round() / 1000.0)
        .unwrap_or_default();
    crate::format::percent(value, lang)
}
