//! Is a pay-per-result telemarketing campaign worth its price?
//!
//! The money math lives in [`engine`] (pure, no web dependency, tested
//! natively); [`format`] and [`i18n`] turn it into French or English text.
//! Everything that touches the browser is compiled for wasm32 only.

pub mod csv;
pub mod engine;
pub mod export;
pub mod format;
pub mod i18n;
pub mod library;
pub mod link;
pub mod maps;
pub mod notice;
pub mod scenario;
pub mod start;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod ui;
