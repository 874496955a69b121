//! Is a pay-per-result telemarketing campaign worth its price?
//!
//! The money math lives in [`engine`] (pure, no web dependency, tested
//! natively); [`format`] and [`i18n`] turn it into French or English text.
//! The page ([`ui`]) compiles natively too, so that its first view is
//! rendered at build time.

pub mod colour;
pub mod csv;
pub mod engine;
pub mod entry;
pub mod export;
pub mod format;
pub mod i18n;
pub mod keyed;
pub mod lang;
pub mod library;
pub mod link;
pub mod maps;
pub mod notice;
pub mod scenario;
pub mod start;
pub mod store;

pub mod browser;
pub mod charts;
pub mod ui;
