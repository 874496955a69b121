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

#[cfg(test)]
mod tests;

pub use fields::{choice_label, field_help, field_label, field_unit, group_label, InputGroup};
pub use figures::{figure_help, figure_label};
pub use problems::{parse_error_message, problem_message, undefined_reason};

/// A name or a value as it is quoted in a sentence: « name » in French,
/// “name” in English.
pub fn quoted(lang: Lang, name: &str) -> String {
    lang.pick(format!("«\u{a0}{name}\u{a0}»"), format!("“{name}”"))
}

/// The interface language. French first: it is the default.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Every language, in the order of the language switch.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// `"fr"` / `"en"`: the share link's value and the `<html lang>`.
    pub fn code(self) -> &'static str {
        self.pick("fr", "en")
    }

    /// The language of a code such as `"fr"`, `"fr-FR"`, `"FR_ca"`,
    /// `"en-GB"` (a BCP 47 tag or a browser's `navigator.language`): only
    /// the primary subtag counts, case-insensitively. `None` for any other
    /// language.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        self.pick("Français", "English")
    }

    /// The French or the English of a pair of values.
    pub fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// A colon as the language writes it after a word: French puts a
    /// no-break space before it.
    pub fn colon(self) -> &'static str {
        self.pick("\u{a0}:", ":")
    }

    /// Whether a count takes the singular: French for 0 and 1, English for
    /// 1 only ("0 semaine", "0 weeks").
    pub fn singular(self, count: u64) -> bool {
        match self {
            Lang::Fr => count < 2,
            Lang::En => count == 1,
        }
    }
}
