//! Segments (`decision-tools.md` §4): named scenarios (industrial SMEs at
//! 180 € a meeting with a high margin, micro-businesses at 120 € with a low
//! basket, …) ranked by ROI, with net result, cost per sale and break-even
//! price, for the table and the bar chart.
//!
//! Ranking: ROI descending; segments whose ROI is undefined come last; ties
//! (equal or both undefined) keep the list's order. Each segment is evaluated
//! by the base engine, so its figures are exactly the scenario's own.

use serde::{Deserialize, Serialize};

use crate::engine::{evaluate, Figure, Inputs};

/// One named scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub name: String,
    pub inputs: Inputs,
}

/// One row of the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedSegment {
    /// Position of the segment in the list given to [`rank`].
    pub index: usize,
    pub name: String,
    pub roi: Figure,
    pub net_result: Figure,
    pub cost_per_sale: Figure,
    /// May be negative (no price breaks even: say so in words).
    pub break_even_price: Figure,
}

/// The segments ranked by ROI (see the module doc).
pub fn rank(segments: &[Segment]) -> Vec<RankedSegment> {
    let mut rows: Vec<RankedSegment> = segments
        .iter()
        .enumerate()
        .map(|(index, segment)| {
            let outcome = evaluate(&segment.inputs);
            RankedSegment {
                index,
                name: segment.name.clone(),
                roi: outcome.roi,
                net_result: outcome.net_result,
                cost_per_sale: outcome.cost_per_sale,
                break_even_price: outcome.break_even_price,
            }
        })
        .collect();
    // Stable: equal keys keep the list's order.
    rows.sort_by(|a, b| match (a.roi, b.roi) {
        (Ok(a), Ok(b)) => b.cmp(&a),
        (Ok(_), Err(_)) => core::cmp::Ordering::Less,
        (Err(_), Ok(_)) => core::cmp::Ordering::Greater,
        (Err(_), Err(_)) => core::cmp::Ordering::Equal,
    });
    rows
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::engine::tests::support::d;
    use crate::engine::{Field, Undefined};

    fn segment(name: &str, pairs: &[(Field, &str)]) -> Segment {
        let (inputs, errors) = Inputs::from_plain(pairs.iter().copied());
        assert!(errors.is_empty(), "{errors:?}");
        Segment {
            name: name.to_owned(),
            inputs,
        }
    }

    #[test]
    fn ranks_by_roi_with_undefined_last_hand_computed() {
        let segments = [
            // Micro-businesses: 50 × 120 € = 6,000; 12 sales × 1,500 × 30 % = 5,400.
            segment("micro", &[(Field::Deal, "1500"), (Field::Margin, "30")]),
            // Free meetings and no internal cost: ROI undefined.
            segment("free", &[(Field::Price, "0")]),
            // Industrial SMEs: 50 × 180 € = 9,000; 12 × 15,000 × 45 % = 81,000.
            segment(
                "industry",
                &[
                    (Field::Price, "180"),
                    (Field::Deal, "15000"),
                    (Field::Margin, "45"),
                ],
            ),
            // The defaults: ROI 3.8.
            segment("default", &[]),
        ];
        let ranked = rank(&segments);
        let names: Vec<_> = ranked.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["industry", "default", "micro", "free"]);
        let industry = &ranked[0];
        assert_eq!(industry.index, 2);
        assert_eq!(industry.roi, Ok(d("8"))); // (81,000 − 9,000) / 9,000
        assert_eq!(industry.net_result, Ok(d("72000")));
        assert_eq!(industry.cost_per_sale, Ok(d("750"))); // 9,000 / 12
        assert_eq!(industry.break_even_price, Ok(d("1620"))); // 81,000 / 50
        let micro = &ranked[2];
        assert_eq!(micro.roi, Ok(d("-0.1"))); // (5,400 − 6,000) / 6,000
        assert_eq!(micro.net_result, Ok(d("-600")));
        assert_eq!(micro.break_even_price, Ok(d("108"))); // 5,400 / 50
        assert_eq!(ranked[3].roi, Err(Undefined::NoCost));
        assert_eq!(ranked[3].net_result, Ok(d("28800")));
    }

    #[test]
    fn ties_keep_the_list_order_and_empty_is_empty() {
        let segments = [segment("b", &[]), segment("a", &[]), segment("c", &[])];
        let names: Vec<_> = rank(&segments).into_iter().map(|row| row.name).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert!(rank(&[]).is_empty());
    }
}
