//! Can the sales team absorb the meetings? (`decision-tools.md` §3)
//!
//! ```text
//! weeks        = months × 52 / 12
//! capacity     = reps × rep_meetings_per_week × weeks
//! load         = held / capacity
//! extra_weeks  = max(0, ceil(held / (reps × rep_meetings_per_week)) − ceil(weeks))
//! overloaded   = load > 1
//! ```
//!
//! `capacity` is computed as `reps × rep_meetings_per_week × months × 52 / 12`
//! (one rounded division, last) and `load` as `held × 12 / (reps ×
//! rep_meetings_per_week × months × 52)`, so both are exact whenever the
//! quotient is and `load × capacity = held` to Decimal's last digit. A load
//! over 100 % is a warning in words: meetings that are not worked properly do
//! not sign.
//!
//! | key | input | kind | bounds | decimals | default |
//! |---|---|---|---|---|---|
//! | `reps` | sales people working the meetings | count | 1 – 10,000 | 0 | 1 |
//! | `rep_meetings_per_week` | held meetings one of them can take per week | count | 1 – 1,000 | 4 | 8 |
//!
//! Eight a week is what a field sales rep who also follows up and closes can
//! take (two days of meetings); one rep is the SME's usual case.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::field::{
    field_spec, parse_number, FieldKind, FieldSet, FieldSpec, InputField, Problem,
};

crate::keyed! {
    /// One input of the capacity check, named by its share-link key.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CapacityField {
        Reps = "reps",
        RepMeetingsPerWeek = "rep_meetings_per_week",
    }
}

impl CapacityField {
    pub fn spec(self) -> FieldSpec {
        match self {
            CapacityField::Reps => field_spec(FieldKind::Count, 1, 10_000, 0, "1"),
            CapacityField::RepMeetingsPerWeek => field_spec(FieldKind::Count, 1, 1_000, 4, "8"),
        }
    }
}

impl InputField for CapacityField {
    fn spec(self) -> FieldSpec {
        CapacityField::spec(self)
    }
}

/// The sales team that works the held meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityInputs {
    pub reps: Decimal,
    pub rep_meetings_per_week: Decimal,
}

impl Default for CapacityInputs {
    fn default() -> Self {
        CapacityInputs {
            reps: Decimal::ONE,
            rep_meetings_per_week: Decimal::from(8),
        }
    }
}

impl FieldSet for CapacityInputs {
    type Field = CapacityField;

    fn set(&mut self, field: CapacityField, plain: &str) -> Result<(), Problem> {
        let value = parse_number(&field.spec(), plain)?;
        match field {
            CapacityField::Reps => self.reps = value,
            CapacityField::RepMeetingsPerWeek => self.rep_meetings_per_week = value,
        }
        Ok(())
    }

    fn plain(&self, field: CapacityField) -> String {
        match field {
            CapacityField::Reps => self.reps,
            CapacityField::RepMeetingsPerWeek => self.rep_meetings_per_week,
        }
        .normalize()
        .to_string()
    }
}

/// Why a capacity figure has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CapacityUndefined {
    /// Nobody can take a meeting (no rep, or no meeting per week, or no week).
    NoCapacity,
    /// Beyond exact decimal arithmetic; only inputs outside the bounds get here.
    Overflow,
}

/// One capacity figure: its exact value, or why it is undefined.
pub type CapacityFigure = Result<Decimal, CapacityUndefined>;

crate::keyed! {
    @key testid, from_testid;
    /// Names the capacity figures shown with a test id.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum CapacityFigureId {
        Load = "capacity-load",
        ExtraWeeks = "capacity-extra-weeks",
    }
}

/// The sales team's capacity against the campaign's held meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capacity {
    /// `months × 52 / 12`.
    pub weeks: CapacityFigure,
    /// Held meetings the team can take over the campaign.
    pub capacity: CapacityFigure,
    /// `held / capacity`, a fraction (1 = 100 %).
    pub load: CapacityFigure,
    /// Weeks beyond the campaign the team needs to take every held meeting (whole, ≥ 0).
    pub extra_weeks: CapacityFigure,
    /// `load > 100 %`; also true when meetings are held and the team has no
    /// capacity at all, false on overflow.
    pub overloaded: bool,
}

impl Capacity {
    pub fn figure(&self, id: CapacityFigureId) -> CapacityFigure {
        match id {
            CapacityFigureId::Load => self.load,
            CapacityFigureId::ExtraWeeks => self.extra_weeks,
        }
    }
}

fn checked(value: Option<Decimal>) -> CapacityFigure {
    value.ok_or(CapacityUndefined::Overflow)
}

/// The team `cap` against `held` meetings over `months` months.
pub fn capacity(held: Decimal, months: u32, cap: &CapacityInputs) -> Capacity {
    let fifty_two = Decimal::from(52);
    let twelve = Decimal::from(12);
    let months = Decimal::from(months);
    let weekly = checked(cap.reps.checked_mul(cap.rep_meetings_per_week));
    let weeks = checked(months.checked_mul(fifty_two)).and_then(|w| checked(w.checked_div(twelve)));
    // reps × per week × months × 52: capacity × 12.
    let capacity_times_12 = weekly.and_then(|weekly| {
        checked(
            weekly
                .checked_mul(months)
                .and_then(|v| v.checked_mul(fifty_two)),
        )
    });
    let capacity = capacity_times_12.and_then(|c| checked(c.checked_div(twelve)));
    let load = capacity_times_12.and_then(|c| {
        if c.is_zero() {
            return Err(CapacityUndefined::NoCapacity);
        }
        checked(held.checked_mul(twelve).and_then(|h| h.checked_div(c)))
    });
    let extra_weeks = weekly.and_then(|weekly| {
        if weekly.is_zero() {
            return Err(CapacityUndefined::NoCapacity);
        }
        let needed = checked(held.checked_div(weekly))?.ceil();
        let extra = checked(needed.checked_sub(weeks?.ceil()))?;
        Ok(extra.max(Decimal::ZERO))
    });
    let overloaded = match load {
        Ok(load) => load > Decimal::ONE,
        Err(CapacityUndefined::NoCapacity) => held > Decimal::ZERO,
        Err(CapacityUndefined::Overflow) => false,
    };
    Capacity {
        weeks: weeks.map(|v| v.normalize()),
        capacity: capacity.map(|v| v.normalize()),
        load: load.map(|v| v.normalize()),
        extra_weeks: extra_weeks.map(|v| v.normalize()),
        overloaded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tests::support::d;

    fn team(reps: &str, per_week: &str) -> CapacityInputs {
        CapacityInputs {
            reps: d(reps),
            rep_meetings_per_week: d(per_week),
        }
    }

    #[test]
    fn keys_specs_defaults() {
        for field in CapacityField::ALL {
            assert_eq!(CapacityField::from_key(field.key()), Some(field));
            assert_eq!(CapacityInputs::default().plain(field), field.spec().default);
        }
        assert!(CapacityInputs::default().validate().is_empty());
        assert_eq!(CapacityFigureId::Load.testid(), "capacity-load");
        assert_eq!(
            CapacityFigureId::ExtraWeeks.testid(),
            "capacity-extra-weeks"
        );
    }

    #[test]
    fn set_plain_and_problems() {
        let mut inputs = CapacityInputs::default();
        assert_eq!(inputs.set(CapacityField::RepMeetingsPerWeek, "7.5"), Ok(()));
        assert_eq!(inputs.plain(CapacityField::RepMeetingsPerWeek), "7.5");
        assert_eq!(
            inputs.set(CapacityField::Reps, "2.5"),
            Err(Problem::NotAWholeNumber)
        );
        assert_eq!(
            inputs.set(CapacityField::Reps, "0"),
            Err(Problem::BelowMin { min: d("1") })
        );
        let (parsed, errors) = CapacityInputs::from_plain([
            (CapacityField::Reps, "3"),
            (CapacityField::RepMeetingsPerWeek, ""),
        ]);
        assert_eq!(parsed, team("3", "8"));
        assert_eq!(
            errors,
            vec![(CapacityField::RepMeetingsPerWeek, Problem::Empty)]
        );
        assert_eq!(
            team("0", "8").validate(),
            vec![(CapacityField::Reps, Problem::BelowMin { min: d("1") })]
        );
    }

    /// Defaults: 50 held meetings over 3 months (13 weeks), one rep at 8 a week.
    #[test]
    fn defaults_hand_computed() {
        let c = capacity(d("50"), 3, &CapacityInputs::default());
        assert_eq!(c.weeks, Ok(d("13")));
        assert_eq!(c.capacity, Ok(d("104"))); // 1 × 8 × 13
        assert_eq!(c.load, Ok(d("50") / d("104"))); // 48 %
        assert_eq!(c.extra_weeks, Ok(d("0"))); // ceil(50 / 8) = 7 ≤ 13
        assert!(!c.overloaded);
        assert_eq!(c.figure(CapacityFigureId::Load), c.load);
    }

    #[test]
    fn overloaded_team_hand_computed() {
        // 150 held meetings in 1 month (4.33 weeks), 2 reps at 6.5 a week.
        let c = capacity(d("150"), 1, &team("2", "6.5"));
        assert_eq!(c.weeks, Ok(d("52") / d("12")));
        assert_eq!(c.capacity, Ok(d("676") / d("12"))); // 13 × 52 / 12 = 56.33
        assert_eq!(c.load, Ok(d("1800") / d("676"))); // 150 × 12 / 676 = 2.66
                                                      // ceil(150 / 13) = 12 weeks needed, ceil(4.33) = 5 weeks in the campaign.
        assert_eq!(c.extra_weeks, Ok(d("7")));
        assert!(c.overloaded);
        // Exactly full: 104 held, 104 capacity; not overloaded.
        let full = capacity(d("104"), 3, &CapacityInputs::default());
        assert_eq!(full.load, Ok(d("1")));
        assert_eq!(full.extra_weeks, Ok(d("0")));
        assert!(!full.overloaded);
        // One more: load > 1, ceil(105 / 8) = 14 weeks, 1 week late.
        let over = capacity(d("105"), 3, &CapacityInputs::default());
        assert!(over.overloaded);
        assert_eq!(over.extra_weeks, Ok(d("1")));
        // Fractional held meetings (no-shows): ceil still counts whole weeks.
        let fractional = capacity(d("104.5"), 3, &CapacityInputs::default());
        assert_eq!(fractional.extra_weeks, Ok(d("1")));
    }

    #[test]
    fn no_capacity_and_overflow() {
        let none = capacity(d("10"), 3, &team("0", "8"));
        assert_eq!(none.capacity, Ok(d("0")));
        assert_eq!(none.load, Err(CapacityUndefined::NoCapacity));
        assert_eq!(none.extra_weeks, Err(CapacityUndefined::NoCapacity));
        assert!(none.overloaded);
        let no_weeks = capacity(d("10"), 0, &CapacityInputs::default());
        assert_eq!(no_weeks.load, Err(CapacityUndefined::NoCapacity));
        assert_eq!(no_weeks.extra_weeks, Ok(d("2"))); // ceil(10 / 8) − 0
        let idle = capacity(d("0"), 3, &team("0", "8"));
        assert!(!idle.overloaded);
        let huge = capacity(Decimal::MAX, 3, &team("79228162514264337593543950335", "8"));
        assert_eq!(huge.capacity, Err(CapacityUndefined::Overflow));
        assert_eq!(huge.load, Err(CapacityUndefined::Overflow));
        assert!(!huge.overloaded);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// load × capacity = held (to Decimal's precision), and the extra
            /// weeks are exactly what the team needs beyond the campaign.
            #[test]
            fn load_times_capacity_is_held(
                held in (0..=100_000_000i64).prop_map(|units| Decimal::new(units, 2)),
                months in 1u32..=36,
                reps in 1..=10_000i64,
                per_week in (10_000..=10_000_000i64).prop_map(|units| Decimal::new(units, 4)),
            ) {
                let cap = CapacityInputs { reps: Decimal::from(reps), rep_meetings_per_week: per_week };
                let c = capacity(held, months, &cap);
                let product = c.load.unwrap() * c.capacity.unwrap();
                let tolerance = held.max(Decimal::ONE) * Decimal::new(1, 20);
                prop_assert!((product - held).abs() <= tolerance, "{} vs {}", product, held);
                prop_assert_eq!(c.overloaded, c.load.unwrap() > Decimal::ONE);
                let extra = c.extra_weeks.unwrap();
                let weekly = Decimal::from(reps) * per_week;
                let weeks_in = c.weeks.unwrap().ceil();
                // The campaign's weeks plus the extra ones suffice, one less does not.
                prop_assert!((weeks_in + extra) * weekly >= held);
                if extra > Decimal::ZERO {
                    prop_assert!((weeks_in + extra - Decimal::ONE) * weekly < held);
                }
            }
        }
    }
}
