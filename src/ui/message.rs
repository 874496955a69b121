//! Turns an input problem into the sentence shown at the field.

use crate::engine::Field;
use crate::i18n::{parse_error_message, problem_message, Lang};
use crate::scenario::InputProblem;

pub fn input_problem_message(lang: Lang, field: Field, problem: &InputProblem) -> String {
    match problem {
        InputProblem::Unreadable => parse_error_message(lang, field),
        InputProblem::Invalid(problem) => problem_message(lang, field, problem),
    }
}
