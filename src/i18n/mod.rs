//! French and English texts.
//!
//! Every text is chosen by an exhaustive `match` on the engine's enums, and
//! every arm gives both languages at once (a `(fr, en)` pair picked by
//! [`Lang::pick`]), so a new field, figure or reason cannot compile without
//! its French and English wording. No runtime lookup, no string maps.
//!
//! - [`fields`]: input labels, units, help, choice labels, input groups;
//! - [`figures`]: result labels and help;
//! - [`problems`]: validation messages, unreadable numbers, undefined figures.

pub mod answer;
pub mod decide;
mod fields;
mod figures;
pub mod library;
pub mod page;
mod problems;
pub mod risk;
pub mod segments;
pub mod shell;
pub mod storage;
pub mod track;

#[cfg(test)]
mod tests;

pub use fields::kind_unit;
pub use fields::{
    choice_label, field_help, field_hint, field_label, field_unit, group_changes, group_label,
    InputGroup,
};
pub use figures::{figure_help, figure_label};
pub use problems::{
    input_message, parse_error_message, problem_message, rejected_message, small_rate_hint,
    undefined_reason, value_with_unit,
};

pub use crate::lang::{quoted, Lang};
