//! Plain-text validation: every bound of every field, whole numbers,
//! decimals, garbage, choices, and the plain form of stored values.

use super::support::d;
use crate::engine::*;

/// What `from_plain` does with one pair: the stored plain text and the errors.
fn try_one(field: Field, text: &str) -> (String, Vec<FieldError>) {
    let (inputs, errors) = Inputs::from_plain([(field, text)]);
    (inputs.plain(field), errors)
}

#[track_caller]
fn assert_accepted(field: Field, text: &str, stored: &str) {
    assert_eq!(
        try_one(field, text),
        (stored.to_owned(), vec![]),
        "{field:?} {text:?}"
    );
}

#[track_caller]
fn assert_rejected(field: Field, text: &str, problem: Problem) {
    let default = field.spec().default.to_owned();
    assert_eq!(
        try_one(field, text),
        (default, vec![FieldError { field, problem }]),
        "{field:?} {text:?}"
    );
}

fn numeric_fields() -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(|field| !matches!(field.spec().kind, FieldKind::Choice(_)))
}

#[test]
fn keys_are_the_spec_keys_in_order() {
    let keys: Vec<&str> = Field::ALL.iter().map(|field| field.key()).collect();
    assert_eq!(
        keys,
        [
            "meetings",
            "price",
            "basis",
            "noshow",
            "setup",
            "opp",
            "win",
            "rounding",
            "deal",
            "margin",
            "recurring",
            "retention",
            "years",
            "hours",
            "hourly",
            "fixed",
            "months",
            "cycle",
            "target",
            "multiple",
        ]
    );
    for field in Field::ALL {
        assert_eq!(Field::from_key(field.key()), Some(field));
    }
    for unknown in ["", "Meetings", "v", "meetings ", "team_rate"] {
        assert_eq!(Field::from_key(unknown), None);
    }
}

#[test]
fn bounds_and_precision_are_the_spec_table() {
    assert_eq!(numeric_fields().count(), 18);
    let bounds = |field: Field| {
        let spec = field.spec();
        (
            spec.min.to_string(),
            spec.max.to_string(),
            spec.max_decimals,
        )
    };
    let expect = |min: &str, max: &str, decimals: u32| (min.to_owned(), max.to_owned(), decimals);
    assert_eq!(bounds(Field::Meetings), expect("1", "1000000", 0));
    assert_eq!(bounds(Field::Price), expect("0", "100000", 4));
    assert_eq!(bounds(Field::Noshow), expect("0", "100", 4));
    assert_eq!(bounds(Field::Setup), expect("0", "10000000", 4));
    assert_eq!(bounds(Field::Opp), expect("0", "100", 4));
    assert_eq!(bounds(Field::Win), expect("0", "100", 4));
    assert_eq!(bounds(Field::Deal), expect("0", "100000000", 4));
    assert_eq!(bounds(Field::Margin), expect("0", "100", 4));
    assert_eq!(bounds(Field::Recurring), expect("0", "100000000", 4));
    assert_eq!(bounds(Field::Retention), expect("0", "100", 4));
    assert_eq!(bounds(Field::Years), expect("0", "10", 0));
    assert_eq!(bounds(Field::Hours), expect("0", "1000", 4));
    assert_eq!(bounds(Field::Hourly), expect("0", "10000", 4));
    assert_eq!(bounds(Field::Fixed), expect("0", "100000000", 4));
    assert_eq!(bounds(Field::Months), expect("1", "36", 0));
    assert_eq!(bounds(Field::Cycle), expect("0", "36", 0));
    assert_eq!(bounds(Field::Target), expect("-100", "10000", 4));
    assert_eq!(bounds(Field::Multiple), expect("0", "100", 4));
    assert_eq!(
        Field::Basis.spec().kind,
        FieldKind::Choice(&["booked", "held"])
    );
    assert_eq!(
        Field::Rounding.spec().kind,
        FieldKind::Choice(&["whole", "expected"])
    );
}

#[test]
fn defaults_are_the_spec_defaults() {
    let defaults: Vec<(Field, &str)> = Field::ALL
        .iter()
        .map(|field| (*field, field.spec().default))
        .collect();
    let (from_spec, errors) = Inputs::from_plain(defaults.iter().copied());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(from_spec, Inputs::default());
    for (field, default) in defaults {
        assert_eq!(Inputs::default().plain(field), default, "{field:?}");
    }
    assert_eq!(Inputs::default().validate(), vec![]);
}

#[test]
fn every_bound_is_inclusive_and_one_step_beyond_is_rejected() {
    for field in numeric_fields() {
        let spec = field.spec();
        let step = Decimal::new(1, spec.max_decimals);
        let (min, max) = (spec.min, spec.max);
        assert_accepted(field, &min.to_string(), &min.to_string());
        assert_accepted(field, &max.to_string(), &max.to_string());
        assert_rejected(field, &(min - step).to_string(), Problem::BelowMin { min });
        assert_rejected(field, &(max + step).to_string(), Problem::AboveMax { max });
    }
    // The steps, spelled out for two fields.
    assert_rejected(Field::Price, "-0.0001", Problem::BelowMin { min: d("0") });
    assert_rejected(
        Field::Noshow,
        "100.0001",
        Problem::AboveMax { max: d("100") },
    );
    assert_rejected(Field::Meetings, "0", Problem::BelowMin { min: d("1") });
    assert_rejected(
        Field::Target,
        "-100.0001",
        Problem::BelowMin { min: d("-100") },
    );
}

#[test]
fn integer_fields_take_whole_numbers_only() {
    for field in [Field::Meetings, Field::Years, Field::Months, Field::Cycle] {
        assert_rejected(field, "2.5", Problem::NotAWholeNumber);
        assert_rejected(field, "1.0001", Problem::NotAWholeNumber);
        assert_accepted(field, "2.000", "2");
        assert_accepted(field, "2.", "2");
    }
    assert_accepted(Field::Meetings, "0050", "50");
}

#[test]
fn four_decimals_at_most() {
    for field in numeric_fields().filter(|field| field.spec().max_decimals == 4) {
        assert_rejected(field, "1.23456", Problem::TooManyDecimals { max: 4 });
        assert_rejected(field, "0.00001", Problem::TooManyDecimals { max: 4 });
        assert_accepted(field, "1.2345", "1.2345");
        assert_accepted(field, "1.234500000", "1.2345");
        assert_accepted(field, ".5", "0.5");
    }
}

#[test]
fn garbage_is_not_a_number() {
    let garbage = [
        "abc",
        "1e3",
        "1E3",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "infinity",
        "+-1",
        "--1",
        "+1",
        "1.2.3",
        "1,5",
        "1 000",
        "1_000",
        "0x10",
        "12€",
        "€12",
        "50%",
        ".",
        "-",
        "-.",
        "- 1",
        "1-",
        "١٢",
        "½",
        "\u{a0}5",
        "5\u{200b}",
        "\0",
        "\u{feff}7",
    ];
    for field in numeric_fields() {
        for text in garbage {
            assert_rejected(field, text, Problem::NotANumber);
        }
        assert_rejected(field, "", Problem::Empty);
        assert_rejected(field, " \t\n", Problem::Empty);
    }
}

#[test]
fn huge_strings_are_out_of_range_not_a_panic() {
    let nines = "9".repeat(10_000);
    for field in numeric_fields() {
        let spec = field.spec();
        assert_rejected(field, &nines, Problem::AboveMax { max: spec.max });
        assert_rejected(
            field,
            &format!("-{nines}"),
            Problem::BelowMin { min: spec.min },
        );
        assert_rejected(
            field,
            &format!("1{}", "0".repeat(40)),
            Problem::AboveMax { max: spec.max },
        );
        assert_rejected(
            field,
            &format!("{nines}.{nines}"),
            Problem::AboveMax { max: spec.max },
        );
        assert_rejected(field, &format!("{nines}x"), Problem::NotANumber);
    }
    // Long but harmless: leading zeros, trailing zeros.
    assert_accepted(Field::Price, &format!("{}120", "0".repeat(10_000)), "120");
    assert_accepted(Field::Price, &format!("12.{}", "0".repeat(10_000)), "12");
    assert_rejected(
        Field::Price,
        &format!("0.{}1", "0".repeat(10_000)),
        Problem::TooManyDecimals { max: 4 },
    );
}

#[test]
fn whitespace_around_is_ignored() {
    assert_accepted(Field::Price, "  12.5\t", "12.5");
    assert_accepted(Field::Basis, "\nheld ", "held");
}

#[test]
fn choices_take_the_spec_tokens() {
    assert_accepted(Field::Basis, "booked", "booked");
    assert_accepted(Field::Basis, "held", "held");
    assert_accepted(Field::Rounding, "whole", "whole");
    assert_accepted(Field::Rounding, "expected", "expected");
    for text in ["Held", "HELD", "h", "1", "whole", "booked,held"] {
        assert_rejected(Field::Basis, text, Problem::UnknownChoice);
    }
    for text in ["Whole", "exact", "0", "held"] {
        assert_rejected(Field::Rounding, text, Problem::UnknownChoice);
    }
    assert_rejected(Field::Basis, "", Problem::Empty);
    assert_eq!(
        parse_plain(Field::Basis, "held"),
        Ok(Value::Basis(Basis::Held))
    );
    assert_eq!(
        parse_plain(Field::Rounding, "expected"),
        Ok(Value::Rounding(Rounding::Expected))
    );
}

#[test]
fn rates_are_percent_in_plain_text_and_fractions_inside() {
    let mut inputs = Inputs::default();
    inputs.set(Field::Noshow, "25").unwrap();
    assert_eq!(inputs.noshow, d("0.25"));
    assert_eq!(inputs.plain(Field::Noshow), "25");
    inputs.set(Field::Target, "-100").unwrap();
    assert_eq!(inputs.target, d("-1"));
    inputs.set(Field::Retention, "12.3456").unwrap();
    assert_eq!(inputs.retention, d("0.123456"));
    assert_eq!(inputs.plain(Field::Retention), "12.3456");
    assert_eq!(parse_plain(Field::Noshow, "25"), Ok(Value::Number(d("25"))));
    assert_eq!(inputs.number(Field::Noshow), Some(d("25")));
    assert_eq!(inputs.number(Field::Basis), None);
}

#[test]
fn plain_text_is_normalized() {
    let mut inputs = Inputs::default();
    for (field, text, plain) in [
        (Field::Price, "120.50", "120.5"),
        (Field::Price, "007", "7"),
        (Field::Price, "0.0000", "0"),
        (Field::Target, "-0", "0"),
        (Field::Target, "-0.000", "0"),
        (Field::Deal, "100000000.0000", "100000000"),
        (Field::Years, "010", "10"),
    ] {
        inputs.set(field, text).unwrap();
        assert_eq!(inputs.plain(field), plain, "{text}");
    }
}

#[test]
fn a_rejected_value_leaves_the_input_unchanged() {
    let mut inputs = Inputs::default();
    inputs.set(Field::Price, "99").unwrap();
    let error = inputs.set(Field::Price, "-1").unwrap_err();
    assert_eq!(
        error,
        FieldError {
            field: Field::Price,
            problem: Problem::BelowMin { min: d("0") }
        }
    );
    assert_eq!(inputs.plain(Field::Price), "99");
}

#[test]
fn from_plain_keeps_the_valid_pairs_and_reports_the_others() {
    let (inputs, errors) = Inputs::from_plain([
        (Field::Price, "150"),
        (Field::Meetings, "abc"),
        (Field::Noshow, "20"),
        (Field::Months, "0"),
        (Field::Basis, "held"),
    ]);
    assert_eq!(
        errors,
        [
            FieldError {
                field: Field::Meetings,
                problem: Problem::NotANumber
            },
            FieldError {
                field: Field::Months,
                problem: Problem::BelowMin { min: d("1") }
            },
        ]
    );
    assert_eq!(inputs.plain(Field::Price), "150");
    assert_eq!(inputs.plain(Field::Meetings), "50");
    assert_eq!(inputs.plain(Field::Noshow), "20");
    assert_eq!(inputs.months, 3);
    assert_eq!(inputs.basis, Basis::Held);
}

#[test]
fn validate_flags_stored_values_set_could_not_produce() {
    let inputs = Inputs {
        noshow: d("1.5"),
        price: d("1.00001"),
        years: 11,
        months: 0,
        retention: Decimal::MAX,
        ..Inputs::default()
    };
    assert_eq!(
        inputs.validate(),
        [
            FieldError {
                field: Field::Price,
                problem: Problem::TooManyDecimals { max: 4 }
            },
            FieldError {
                field: Field::Noshow,
                problem: Problem::AboveMax { max: d("100") }
            },
            FieldError {
                field: Field::Retention,
                problem: Problem::AboveMax { max: d("100") }
            },
            FieldError {
                field: Field::Years,
                problem: Problem::AboveMax { max: d("10") }
            },
            FieldError {
                field: Field::Months,
                problem: Problem::BelowMin { min: d("1") }
            },
        ]
    );
}
