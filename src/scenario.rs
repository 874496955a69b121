//! A scenario as the user edits, saves and shares it, and the step from
//! typed text to validated inputs. Pure: tested natively.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::{derive_variant, Field, FieldKind, Inputs, Problem, Variant};
use crate::format::parse_number;
use crate::i18n::Lang;

/// Plain values by field: `.` as the decimal point, percentages as percent
/// numbers, as in the share link.
pub type PlainValues = BTreeMap<Field, String>;

/// One scenario with its three variants. The central variant holds every
/// field; prudent and ambitious hold only what the user overrode on top of
/// the values derived from the central one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub name: String,
    #[serde(default, with = "by_key")]
    pub central: PlainValues,
    #[serde(default, with = "by_key")]
    pub prudent: PlainValues,
    #[serde(default, with = "by_key")]
    pub ambitious: PlainValues,
}

impl Draft {
    /// The spec's default scenario (the article's worked example).
    pub fn with_defaults() -> Self {
        let defaults = Inputs::default();
        Draft {
            central: Field::ALL
                .iter()
                .map(|field| (*field, defaults.plain(*field)))
                .collect(),
            ..Draft::default()
        }
    }

    /// The validated inputs of one variant: the central values (defaults
    /// where a value is missing or invalid), then for prudent and ambitious
    /// the derived values with the overrides on top.
    pub fn inputs(&self, which: Variant) -> Inputs {
        let (central, _) = Inputs::from_plain(self.central.iter().map(|(f, v)| (*f, v.as_str())));
        let overrides = match which {
            Variant::Central => return central,
            Variant::Prudent => &self.prudent,
            Variant::Ambitious => &self.ambitious,
        };
        let mut inputs = derive_variant(&central, which);
        for (field, value) in overrides {
            let _ = inputs.set(*field, value);
        }
        inputs
    }

    /// Whether two drafts give the same name and the same inputs in every
    /// variant (however their values are written).
    pub fn same_as(&self, other: &Draft) -> bool {
        self.name == other.name
            && Variant::ALL
                .iter()
                .all(|which| self.inputs(*which) == other.inputs(*which))
    }
}

/// Why a typed value was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// Not a number in the user's locale.
    Unreadable,
    /// A number, but the model does not accept it.
    Invalid(Problem),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: Field,
    pub problem: InputProblem,
}

/// Validated inputs and the fields that could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub inputs: Inputs,
    pub errors: Vec<InputError>,
}

impl Checked {
    pub fn error(&self, field: Field) -> Option<&InputProblem> {
        self.errors
            .iter()
            .find(|error| error.field == field)
            .map(|error| &error.problem)
    }
}

/// Typed text → the plain value the model validates.
pub fn text_to_plain(field: Field, text: &str, lang: Lang) -> Result<String, InputProblem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputProblem::Invalid(Problem::Empty));
    }
    let plain = match field.spec().kind {
        FieldKind::Choice(_) => trimmed.to_ascii_lowercase(),
        _ => parse_number(trimmed, lang).map_err(|_| InputProblem::Unreadable)?,
    };
    // Validate now so the field shows its message as soon as it is typed.
    crate::engine::parse_plain(field, &plain).map_err(InputProblem::Invalid)?;
    Ok(plain)
}

/// A plain value → the text to show in an input, in the user's locale.
pub fn plain_to_text(field: Field, plain: &str, lang: Lang) -> String {
    match field.spec().kind {
        FieldKind::Choice(_) => plain.to_string(),
        _ => crate::format::plain_for_input(plain, lang),
    }
}

/// `base` with every readable, valid text applied; the rest reported.
pub fn checked_inputs(base: &Inputs, texts: &BTreeMap<Field, String>, lang: Lang) -> Checked {
    let mut inputs = base.clone();
    let mut errors = Vec::new();
    for (field, text) in texts {
        let applied = text_to_plain(*field, text, lang).and_then(|plain| {
            inputs
                .set(*field, &plain)
                .map_err(|error| InputProblem::Invalid(error.problem))
        });
        if let Err(problem) = applied {
            errors.push(InputError {
                field: *field,
                problem,
            });
        }
    }
    Checked { inputs, errors }
}

/// The plain values of `inputs` that differ from `base` (what a link or an
/// override needs to carry).
pub fn differences(inputs: &Inputs, base: &Inputs) -> PlainValues {
    Field::ALL
        .iter()
        .filter_map(|field| {
            let value = inputs.plain(*field);
            (value != base.plain(*field)).then_some((*field, value))
        })
        .collect()
}

/// The variant's name in links, storage and test hooks.
pub fn variant_key(which: crate::engine::Variant) -> &'static str {
    match which {
        crate::engine::Variant::Prudent => "prudent",
        crate::engine::Variant::Central => "central",
        crate::engine::Variant::Ambitious => "ambitious",
    }
}

/// Stores plain values under the spec's keys (`"meetings": "50"`) and skips
/// keys it does not know, so that data written by another version loads.
mod by_key {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::PlainValues;
    use crate::engine::Field;

    pub fn serialize<S: Serializer>(
        values: &PlainValues,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let by_key: BTreeMap<&str, &str> = values
            .iter()
            .map(|(field, value)| (field.key(), value.as_str()))
            .collect();
        by_key.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<PlainValues, D::Error> {
        let by_key = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(by_key
            .into_iter()
            .filter_map(|(key, value)| Field::from_key(&key).map(|field| (field, value)))
            .collect())
    }
}
