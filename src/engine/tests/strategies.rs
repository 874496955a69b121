//! Strategies over the whole bounded input space, for the property tests.

use proptest::prelude::*;

use crate::engine::*;

/// Plain text of a valid value for `field`, in units of 10^-max_decimals:
/// the bounds themselves, uniform over the range (mostly large values),
/// log-spread from the lower bound (small values, tiny rates), and whole
/// plain units (round rates, whole sales).
pub fn valid_plain(field: Field) -> BoxedStrategy<String> {
    let spec = field.spec();
    if let FieldKind::Choice(tokens) = spec.kind {
        return proptest::sample::select(tokens.to_vec())
            .prop_map(str::to_owned)
            .boxed();
    }
    let decimals = spec.max_decimals;
    let unit = 10_i64.pow(decimals);
    let bound = |value: Decimal| i64::try_from(value).expect("integer bound") * unit;
    let (low, high) = (bound(spec.min), bound(spec.max));
    let width_digits = (high - low).ilog10();
    prop_oneof![
        1 => Just(low),
        1 => Just(high),
        3 => low..=high,
        3 => (0..=width_digits).prop_flat_map(move |digits| low..=(low + 10_i64.pow(digits)).min(high)),
        2 => (low / unit..=high / unit).prop_map(move |whole| whole * unit),
    ]
    .prop_map(move |units| Decimal::new(units, decimals).normalize().to_string())
    .boxed()
}

/// Valid inputs drawn from the whole bounded space (4-decimal values).
pub fn valid_inputs() -> impl Strategy<Value = Inputs> {
    Field::ALL.map(valid_plain).to_vec().prop_map(|texts| {
        let (inputs, errors) =
            Inputs::from_plain(Field::ALL.into_iter().zip(texts.iter().map(String::as_str)));
        assert!(
            errors.is_empty(),
            "strategy made invalid inputs: {errors:?}"
        );
        inputs
    })
}

/// Any decimal at all, as an unchecked deserialized value could be.
pub fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0_u32..=28
        )
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                lo, mid, hi, negative, scale
            )),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        (-3_i64..=3, 0_u32..=28).prop_map(|(units, scale)| Decimal::new(units, scale)),
    ]
}

/// Inputs with any values in every field, bounds ignored (e.g. a tampered
/// saved state): the engine must still never panic.
pub fn unchecked_inputs() -> impl Strategy<Value = Inputs> {
    let small_or_any = || prop_oneof![0_u32..=40, any::<u32>()];
    (
        proptest::collection::vec(any_decimal(), 15),
        (small_or_any(), small_or_any(), small_or_any()),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(|(numbers, (years, months, cycle), (held, expected))| {
            let mut inputs = Inputs::default();
            let fields = Field::ALL.into_iter().filter(|field| {
                !matches!(field.spec().kind, FieldKind::Choice(_))
                    && !matches!(field, Field::Years | Field::Months | Field::Cycle)
            });
            for (field, number) in fields.zip(numbers) {
                *decimal_field(&mut inputs, field) = number;
            }
            inputs.years = years;
            inputs.months = months;
            inputs.cycle = cycle;
            inputs.basis = if held { Basis::Held } else { Basis::Booked };
            inputs.rounding = if expected {
                Rounding::Expected
            } else {
                Rounding::Whole
            };
            inputs
        })
}

fn decimal_field(inputs: &mut Inputs, field: Field) -> &mut Decimal {
    match field {
        Field::Meetings => &mut inputs.meetings,
        Field::Price => &mut inputs.price,
        Field::Noshow => &mut inputs.noshow,
        Field::Setup => &mut inputs.setup,
        Field::Opp => &mut inputs.opp,
        Field::Win => &mut inputs.win,
        Field::Deal => &mut inputs.deal,
        Field::Margin => &mut inputs.margin,
        Field::Recurring => &mut inputs.recurring,
        Field::Retention => &mut inputs.retention,
        Field::Hours => &mut inputs.hours,
        Field::Hourly => &mut inputs.hourly,
        Field::Fixed => &mut inputs.fixed,
        Field::Target => &mut inputs.target,
        Field::Multiple => &mut inputs.multiple,
        other => panic!("{other:?} is not a decimal field"),
    }
}
