//! Small helpers shared by the engine's tests.

use crate::engine::{data_value, Decimal, Field, Figure, Inputs};

/// A decimal literal (tests only: a typo should fail loudly).
pub fn d(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|error| panic!("bad test decimal {text:?}: {error}"))
}

/// The defaults with these plain values, which must all be valid.
pub fn inputs(pairs: &[(Field, &str)]) -> Inputs {
    let (inputs, errors) = Inputs::from_plain(pairs.iter().copied());
    assert!(errors.is_empty(), "invalid test inputs: {errors:?}");
    inputs
}

/// The figure's value, failing the test with the reason when it is undefined.
pub fn value(figure: Figure) -> Decimal {
    figure.unwrap_or_else(|reason| panic!("figure undefined: {reason:?}"))
}

/// Asserts that `figure` is exactly `expected` (a decimal literal) and that its
/// data-value is written in canonical form.
#[track_caller]
pub fn assert_figure(figure: Figure, expected: &str) {
    assert_eq!(figure, Ok(d(expected)), "expected {expected}");
    assert_eq!(data_value(figure), d(expected).normalize().to_string());
}
