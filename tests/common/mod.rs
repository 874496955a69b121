//! What the native property tests share: valid plain values drawn from the
//! engine's own field specs, so no test restates the spec's bounds.
#![allow(dead_code)] // each test crate uses its own part of it

use proptest::prelude::*;
use teleprospection_roi::engine::{Field, FieldKind};

/// A valid plain value for `field`, anywhere in its bounds.
pub fn plain_value(field: Field) -> BoxedStrategy<String> {
    spec_value(field.spec())
}

/// A valid plain value for an input of this spec.
pub fn spec_value(spec: teleprospection_roi::engine::FieldSpec) -> BoxedStrategy<String> {
    match spec.kind {
        FieldKind::Choice(tokens) => proptest::sample::select(tokens.to_vec())
            .prop_map(str::to_string)
            .boxed(),
        _ => {
            let scale = 10i64.pow(spec.max_decimals);
            let min = (spec.min * rust_decimal::Decimal::from(scale)).trunc();
            let max = (spec.max * rust_decimal::Decimal::from(scale)).trunc();
            let (min, max): (i64, i64) = (min.try_into().unwrap(), max.try_into().unwrap());
            (min..=max)
                .prop_map(move |units| {
                    rust_decimal::Decimal::new(units, spec.max_decimals)
                        .normalize()
                        .to_string()
                })
                .boxed()
        }
    }
}
