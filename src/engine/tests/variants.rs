//! The prudent and ambitious readings of a scenario.

use super::support::{d, inputs};
use crate::engine::*;

fn plain(inputs: &Inputs, fields: &[Field]) -> Vec<String> {
    fields.iter().map(|field| inputs.plain(*field)).collect()
}

const MOVED: [Field; 6] = [
    Field::Noshow,
    Field::Opp,
    Field::Win,
    Field::Deal,
    Field::Margin,
    Field::Hours,
];

#[test]
fn central_is_the_scenario_itself() {
    let central = inputs(&[(Field::Hours, "2"), (Field::Noshow, "20")]);
    assert_eq!(derive_variant(&central, Variant::Central), central);
}

#[test]
fn prudent_and_ambitious_move_the_uncertain_inputs() {
    let central = inputs(&[(Field::Hours, "2"), (Field::Noshow, "20")]);
    let prudent = derive_variant(&central, Variant::Prudent);
    let ambitious = derive_variant(&central, Variant::Ambitious);
    // no-show +10 / −5 points, opp and win ×0.8 / ×1.2, deal ×0.85 / ×1.15,
    // margin −5 / +5 points, hours ×1.25 / ×0.9.
    assert_eq!(
        plain(&prudent, &MOVED),
        ["30", "40", "40", "5100", "35", "2.5"]
    );
    assert_eq!(
        plain(&ambitious, &MOVED),
        ["15", "60", "60", "6900", "45", "1.8"]
    );
    // What the buyer negotiates does not move.
    for field in [
        Field::Meetings,
        Field::Price,
        Field::Setup,
        Field::Months,
        Field::Target,
    ] {
        assert_eq!(prudent.plain(field), central.plain(field));
        assert_eq!(ambitious.plain(field), central.plain(field));
    }
    assert_eq!(prudent.noshow, d("0.3"));
}

#[test]
fn variants_are_clamped_into_the_bounds() {
    let central = inputs(&[
        (Field::Noshow, "95"),
        (Field::Opp, "90"),
        (Field::Win, "100"),
        (Field::Deal, "100000000"),
        (Field::Margin, "98"),
        (Field::Hours, "1000"),
    ]);
    let prudent = derive_variant(&central, Variant::Prudent);
    let ambitious = derive_variant(&central, Variant::Ambitious);
    assert_eq!(
        plain(&prudent, &MOVED),
        ["100", "72", "80", "85000000", "93", "1000"]
    );
    assert_eq!(
        plain(&ambitious, &MOVED),
        ["90", "100", "100", "100000000", "100", "900"]
    );

    let low = inputs(&[(Field::Noshow, "3"), (Field::Margin, "2")]);
    assert_eq!(
        derive_variant(&low, Variant::Ambitious).plain(Field::Noshow),
        "0"
    );
    assert_eq!(
        derive_variant(&low, Variant::Prudent).plain(Field::Margin),
        "0"
    );
}

#[test]
fn variants_are_rounded_half_away_from_zero_to_four_decimals() {
    // 0.0002 × 1.25 = 0.00025 → 0.0003; 0.0003 × 1.25 = 0.000375 → 0.0004;
    // 0.0001 × 0.85 = 0.000085 → 0.0001; 0.0001 × 0.9 = 0.00009 → 0.0001.
    let central = inputs(&[(Field::Hours, "0.0002"), (Field::Deal, "0.0001")]);
    let prudent = derive_variant(&central, Variant::Prudent);
    assert_eq!(prudent.plain(Field::Hours), "0.0003");
    assert_eq!(prudent.plain(Field::Deal), "0.0001");
    let central = inputs(&[(Field::Hours, "0.0003"), (Field::Opp, "0.0001")]);
    assert_eq!(
        derive_variant(&central, Variant::Prudent).plain(Field::Hours),
        "0.0004"
    );
    // 0.0001 % × 0.8 = 0.00008 % → 0.0001 %.
    assert_eq!(
        derive_variant(&central, Variant::Prudent).plain(Field::Opp),
        "0.0001"
    );
    assert_eq!(
        derive_variant(&central, Variant::Ambitious).plain(Field::Hours),
        "0.0003"
    );
}

#[test]
fn variant_tokens() {
    let keys: Vec<&str> = Variant::ALL.iter().map(|variant| variant.key()).collect();
    assert_eq!(keys, ["prudent", "central", "ambitious"]);
}

#[test]
fn a_variant_indexes_its_place_in_all() {
    // The page keeps per-variant memos in arrays indexed by `which as usize`.
    for (place, variant) in Variant::ALL.into_iter().enumerate() {
        assert_eq!(variant as usize, place);
    }
}
