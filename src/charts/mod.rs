//! Charts drawn with plotters on a canvas. Each module takes plain data and
//! a canvas and draws; none of them knows about signals or the engine's
//! types, so they stay small and the page decides when to redraw.

pub mod backend;
pub mod bars;
pub mod cash;
pub mod delivery;
pub mod histogram;
pub mod kit;
pub mod price;
pub mod tornado;
pub mod tracking;

pub use kit::{
    clipped, fit, fit_for_print, fitted, font, label_font, labels_that_fit, money_label,
    number_text, padded, percent_label, range_text, roi_label, surface, ChartError, Surface,
    GAIN_COLOR, LOSS_COLOR, NET_COLOR, ROI_COLOR, TEXT_COLOR,
};
