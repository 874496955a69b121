//! The browser's edges, each behind a small module: the page's address
//! (share link), storage, other tabs, the clipboard, files and the clock,
//! animation frames and typing pauses, the document around the app
//! (`shell`), and a few DOM helpers. Nothing else in the crate calls
//! web-sys directly, except the chart drawing.

pub mod address;
pub mod clipboard;
pub mod clock;
pub mod dom;
pub mod files;
pub mod frame;
pub mod pause;
pub mod shell;
pub mod storage;
pub mod tabs;
pub mod takeover;
pub mod visibility;

pub use dom::{focus, focus_and_select, focus_within, set_document_language, window};
