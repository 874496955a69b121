//! "Mes scénarios": the saved library (save, save as, open, rename,
//! duplicate, delete with undo), kept in step with other tabs, and the
//! tools that take a scenario elsewhere (link, print, export, import).
//!
//! - [`shelf`]: the library as this tab knows it, and every change, read
//!   from and written to storage;
//! - [`kit`]: texts and buttons shared by the views;
//! - [`panel`]: the panel itself; [`list`], [`share`], [`transfer`]: its parts.

pub mod kit;
pub mod list;
pub mod panel;
pub mod share;
pub mod shelf;
pub mod tracked;
pub mod transfer;

pub use kit::{action, flag, live, tr};
pub use panel::Library;
pub use shelf::{Shelf, Undo};
