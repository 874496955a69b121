//! A campaign's checkpoints in the share link, the stored data, the JSON
//! export and the CSV: round trips, the link's limits, and what a hostile
//! link or file cannot slip in (out of order, going backwards, past the
//! 52nd, ten thousand keys).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::campaign;
use teleprospection_roi::engine::tracking::{
    Checkpoint, CheckpointField, CheckpointProblem, Limit, MAX_CHECKPOINTS,
};
use teleprospection_roi::engine::{Field, Problem};
use teleprospection_roi::export::{export_json, import_json, ImportIssue};
use teleprospection_roi::i18n::Lang;
use teleprospection_roi::link::{decode, encode, encode_counted, IgnoredReason, MAX_PAIRS};
use teleprospection_roi::scenario::{CheckpointRefusal, Draft, SegmentDraft};
use teleprospection_roi::store::{decode_working, encode_working, Loaded, Working, SCHEMA};

fn chk(week: u32, booked: i64, held: i64, opps: i64, sales: i64, lost: i64) -> Checkpoint {
    Checkpoint {
        week,
        booked: Decimal::from(booked),
        held: Decimal::from(held),
        opps: Decimal::from(opps),
        sales: Decimal::from(sales),
        lost: Decimal::from(lost),
        invoiced: None,
        revenue: None,
    }
}

/// Four weeks of the engine's 12-week campaign (tracking tests).
fn four_weeks() -> Vec<Checkpoint> {
    vec![
        chk(1, 6, 6, 3, 0, 0),
        chk(2, 12, 11, 6, 1, 2),
        chk(3, 18, 17, 10, 2, 5),
        chk(4, 24, 22, 13, 4, 9),
    ]
}

fn tracked(checkpoints: Vec<Checkpoint>) -> Draft {
    Draft {
        checkpoints,
        ..Draft::with_defaults()
    }
}

/// The link's ignored keys, as (key, reason).
fn reasons(link: &str) -> Vec<(String, IgnoredReason)> {
    decode(link)
        .ignored
        .into_iter()
        .map(|i| (i.key, i.reason))
        .collect()
}

#[test]
fn a_link_carries_checkpoints_and_the_weight_of_the_plan() {
    let mut draft = tracked(four_weeks());
    draft.checkpoints[3].invoiced = Some(Decimal::new(64805, 1));
    draft.track_prior = Some(35);
    let link = encode(&draft, Lang::Fr);
    // Only what is set: lost when not 0, invoiced when given.
    assert!(link.starts_with("v=1&track_prior=35&chk1.week=1&chk1.booked=6&chk1.held=6&chk1.opps=3&chk1.sales=0&chk2.week=2"), "{link}");
    assert!(link.contains("&chk2.lost=2&"), "{link}");
    assert!(
        link.ends_with("&chk4.lost=9&chk4.invoiced=6480.5"),
        "{link}"
    );
    assert!(
        !link.contains("chk1.lost") && !link.contains("revenue"),
        "{link}"
    );
    let decoded = decode(&link);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.draft.checkpoints, draft.checkpoints);
    assert_eq!(decoded.draft.track_prior, Some(35));
    // The default weight is not written, and reads back as the default.
    draft.track_prior = Some(20);
    assert!(!encode(&draft, Lang::Fr).contains("track_prior"));
    assert_eq!(decode(&encode(&draft, Lang::Fr)).draft.track_prior(), 20);
    // A scenario without a campaign has no checkpoint key.
    assert_eq!(encode(&Draft::with_defaults(), Lang::Fr), "v=1");
}

#[test]
fn checkpoint_keys_in_any_order_and_sparse_numbers_load_in_number_order() {
    let link = "chk9.sales=1&chk9.opps=6&chk9.held=11&chk9.booked=12&chk9.week=2\
                &chk3.week=1&chk3.booked=6&chk3.held=6&chk3.opps=3&chk3.sales=0";
    let decoded = decode(link);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(
        decoded.draft.checkpoints,
        [chk(1, 6, 6, 3, 0, 0), chk(2, 12, 11, 6, 1, 0)]
    );
    assert!(decoded.any);
}

#[test]
fn a_checkpoint_out_of_week_order_is_ignored_and_listed() {
    let link = "chk1.week=5&chk1.booked=6&chk1.held=6&chk1.opps=3&chk1.sales=0\
                &chk2.week=3&chk2.booked=12&chk2.held=11&chk2.opps=6&chk2.sales=1\
                &chk3.week=6&chk3.booked=18&chk3.held=17&chk3.opps=10&chk3.sales=2";
    let decoded = decode(link);
    // The third is checked against the first (the last one taken).
    assert_eq!(
        decoded.draft.checkpoints,
        [chk(5, 6, 6, 3, 0, 0), chk(6, 18, 17, 10, 2, 0)]
    );
    assert_eq!(
        reasons(link),
        [(
            "chk2.week".to_string(),
            IgnoredReason::Checkpoint(CheckpointRefusal::Problem(
                CheckpointProblem::NotAfterPrevious { previous: 5 }
            ))
        )]
    );
}

#[test]
fn a_checkpoint_whose_counts_go_backwards_is_ignored_at_each_count() {
    let link = "chk1.week=1&chk1.booked=12&chk1.held=11&chk1.opps=6&chk1.sales=1&chk1.lost=2\
                &chk2.week=2&chk2.booked=10&chk2.held=11&chk2.opps=6&chk2.sales=1&chk2.lost=1";
    let decoded = decode(link);
    assert_eq!(decoded.draft.checkpoints, [chk(1, 12, 11, 6, 1, 2)]);
    let back = |previous: i64| {
        IgnoredReason::Checkpoint(CheckpointRefusal::Problem(
            CheckpointProblem::BelowPrevious {
                previous: Decimal::from(previous),
            },
        ))
    };
    // Booked went back, held now exceeds booked, lost went back.
    assert_eq!(
        reasons(link),
        [
            ("chk2.booked".to_string(), back(12)),
            (
                "chk2.held".to_string(),
                IgnoredReason::Checkpoint(CheckpointRefusal::Problem(CheckpointProblem::Exceeds {
                    limit: Limit::Booked,
                    max: Decimal::from(10),
                }))
            ),
            ("chk2.lost".to_string(), back(2)),
        ]
    );
}

#[test]
fn incomplete_invalid_unknown_and_extra_checkpoints_are_listed() {
    let link = "chk1.week=1&chk1.booked=6&chk1.opps=3&chk1.sales=0\
                &chk2.week=0&chk2.booked=6&chk2.held=6&chk2.opps=3&chk2.sales=0\
                &chk3.nope=1&chk01.week=1&chk53.week=9&chk99999999999999999999.held=1\
                &track_prior=1001";
    let found = reasons(link);
    let decoded = decode(link);
    assert!(decoded.draft.checkpoints.is_empty());
    assert_eq!(decoded.draft.track_prior, None);
    let of = |key: &str| {
        found
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, r)| r.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("chk1.held"),
        [IgnoredReason::Checkpoint(CheckpointRefusal::Missing)]
    );
    // Week 0 is refused, which leaves checkpoint 2 without a week.
    assert!(matches!(
        of("chk2.week")[..],
        [
            IgnoredReason::Invalid(Problem::BelowMin { .. }),
            IgnoredReason::Checkpoint(CheckpointRefusal::Missing)
        ]
    ));
    assert_eq!(of("chk3.nope"), [IgnoredReason::UnknownKey]);
    assert_eq!(of("chk01.week"), [IgnoredReason::UnknownKey]);
    let beyond = IgnoredReason::TooManyCheckpoints {
        max: MAX_CHECKPOINTS,
    };
    assert_eq!(of("chk53.week"), std::slice::from_ref(&beyond));
    assert_eq!(
        of("chk99999999999999999999.held"),
        [IgnoredReason::UnknownKey]
    );
    assert!(matches!(
        of("track_prior")[..],
        [IgnoredReason::Invalid(Problem::AboveMax { .. })]
    ));
}

#[test]
fn ten_thousand_checkpoint_keys_are_cut_at_the_link_limit_quickly() {
    let mut link = String::new();
    for n in 1..=10_000 {
        link.push_str(&format!(
            "chk{n}.week={n}&chk{n}.booked={n}&chk{n}.held={n}&chk{n}.opps=0&chk{n}.sales=0&"
        ));
    }
    let started = std::time::Instant::now();
    let decoded = decode(&link);
    let took = started.elapsed();
    assert!(took.as_millis() < 500, "{took:?}");
    // 400 pairs read: 52 checkpoints taken, 28 pairs beyond them, the rest cut.
    assert_eq!(decoded.draft.checkpoints.len(), MAX_CHECKPOINTS);
    assert_eq!(decoded.draft.checkpoints[51], chk(52, 52, 52, 0, 0, 0));
    let beyond = decoded
        .ignored
        .iter()
        .filter(|i| matches!(i.reason, IgnoredReason::TooManyCheckpoints { .. }))
        .count();
    assert_eq!(beyond, MAX_PAIRS - 52 * 5);
    assert_eq!(
        decoded
            .ignored
            .iter()
            .filter(|i| i.reason == IgnoredReason::TooManyKeys)
            .count(),
        1
    );
}

/// Twelve segments with every value set: what leaves the least room.
fn crowded(checkpoints: Vec<Checkpoint>) -> Draft {
    let mut busy = Draft::with_defaults();
    for field in Field::ALL {
        let spec = field.spec();
        let value = match spec.kind {
            teleprospection_roi::engine::FieldKind::Choice(tokens) => {
                tokens.last().unwrap().to_string()
            }
            _ => spec.min.to_string(),
        };
        if value != spec.default {
            busy.central.insert(field, value);
        }
    }
    let inputs = busy.inputs(teleprospection_roi::engine::Variant::Central);
    busy.segments = (1..=12)
        .map(|n| SegmentDraft::of(format!("S{n}"), &inputs))
        .collect();
    busy.name = "Busy".into();
    busy.checkpoints = checkpoints;
    busy
}

#[test]
fn a_link_too_long_for_every_checkpoint_keeps_the_latest_and_says_how_many_it_left_out() {
    let weeks: Vec<Checkpoint> = (1..=52)
        .map(|w| chk(w, i64::from(w), i64::from(w), 0, 0, 0))
        .collect();
    let draft = crowded(weeks.clone());
    let (link, left_out) = encode_counted(&draft, Lang::En);
    assert!(left_out > 0 && left_out < 52, "{left_out}");
    let decoded = decode(&link);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.draft.checkpoints, weeks[left_out..]);
    assert_eq!(decoded.draft.segments.len(), 12);
    assert_eq!(decoded.draft.name, "Busy");
    assert!(link.split('&').count() <= MAX_PAIRS);
    // Without the segments every checkpoint fits.
    let (_, left_out) = encode_counted(&tracked(weeks), Lang::En);
    assert_eq!(left_out, 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_campaign_fits_or_is_cut_from_the_start(checkpoints in campaign(52), busy in any::<bool>()) {
        let draft = if busy { crowded(checkpoints.clone()) } else { tracked(checkpoints.clone()) };
        let (link, left_out) = encode_counted(&draft, Lang::Fr);
        prop_assert!(link.split('&').count() <= MAX_PAIRS);
        let decoded = decode(&link);
        prop_assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
        prop_assert_eq!(&decoded.draft.checkpoints[..], &checkpoints[left_out..]);
        if !busy {
            prop_assert_eq!(left_out, 0);
        }
    }

    #[test]
    fn whatever_a_near_link_gives_is_a_consistent_campaign(
        pairs in proptest::collection::vec(
            (1usize..6, proptest::sample::select(CheckpointField::KEYS.to_vec()), 0u32..40),
            0..60,
        )
    ) {
        let link = pairs
            .iter()
            .map(|(n, key, value)| format!("chk{n}.{key}={value}"))
            .collect::<Vec<_>>()
            .join("&");
        let decoded = decode(&link);
        prop_assert!(decoded.draft.tracking().validate().is_empty(), "{link}");
        // Every pair is taken or listed, and every checkpoint it has is complete.
        let listed: std::collections::BTreeSet<&str> =
            decoded.ignored.iter().map(|i| i.key.as_str()).collect();
        for checkpoint in &decoded.draft.checkpoints {
            prop_assert!(checkpoint.week >= 1);
        }
        let numbers: std::collections::BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
        let refused: std::collections::BTreeSet<usize> = decoded
            .ignored
            .iter()
            .filter(|i| matches!(i.reason, IgnoredReason::Checkpoint(_)))
            .filter_map(|i| teleprospection_roi::engine::tracking::parse_checkpoint_key(&i.key))
            .map(|(n, _)| n)
            .collect();
        prop_assert!(decoded.draft.checkpoints.len() + refused.len() <= numbers.len(), "{listed:?}");
    }

    #[test]
    fn the_library_says_the_verdict_the_panel_shows(
        checkpoints in campaign(8),
        price in proptest::sample::select(vec!["60", "120", "250", "600", "700", "2000"]),
    ) {
        use teleprospection_roi::engine::risk::{DEFAULT_SEED, DEFAULT_TRIALS};
        let mut draft = tracked(checkpoints);
        draft.central.insert(Field::Price, price.into());
        let plan = draft.inputs(teleprospection_roi::engine::Variant::Central);
        let summary = teleprospection_roi::library::tracked_summary(&draft);
        let tracking = teleprospection_roi::engine::tracking::track(&plan, &draft.tracking(), DEFAULT_TRIALS, DEFAULT_SEED);
        prop_assert_eq!(summary, tracking.map(|t| (t.verdict, t.figures.proj_roi)));
    }

    #[test]
    fn a_stored_campaign_comes_back(checkpoints in campaign(52), prior in proptest::option::of(0u32..=1000)) {
        let working = Working {
            schema: SCHEMA,
            lang: Lang::Fr,
            draft: Draft { track_prior: prior, ..tracked(checkpoints) },
            saved: None,
        };
        prop_assert_eq!(decode_working(&encode_working(&working)), Loaded::Found(working));
    }

    #[test]
    fn every_checkpoint_survives_an_export_the_link_would_cut(checkpoints in campaign(52)) {
        let draft = crowded(checkpoints);
        let imported = import_json(&export_json(&[&draft]));
        prop_assert!(imported.problems.is_empty(), "{:?}", imported.problems);
        prop_assert_eq!(&imported.scenarios[0].checkpoints, &draft.checkpoints);
        prop_assert!(imported.scenarios[0].same_as(&draft));
    }
}

#[test]
fn a_working_scenario_stored_before_tracking_loads_with_no_checkpoints() {
    let raw = include_str!("fixtures/storage/working-v2.json");
    assert!(!raw.contains("checkpoints") && !raw.contains("track_prior"));
    let Loaded::Found(working) = decode_working(raw) else {
        panic!("the v2 working fixture no longer loads");
    };
    assert!(working.draft.checkpoints.is_empty());
    assert_eq!(working.draft.track_prior, None);
    assert_eq!(working.draft.track_prior(), 20);
    // Written back, it still has no campaign member at all.
    let written = encode_working(&working);
    assert!(!written.contains("checkpoints") && !written.contains("track_prior"));
}

#[test]
fn the_export_writes_the_campaign_and_imports_it_back() {
    let mut draft = tracked(four_weeks());
    draft.name = "Q3".into();
    draft.track_prior = Some(5);
    draft.checkpoints[1].revenue = Some(Decimal::from(5_500));
    let json = export_json(&[&draft]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tracking = &value["scenarios"][0]["tracking"];
    assert_eq!(tracking["track_prior"], "5");
    assert_eq!(tracking["checkpoints"].as_array().unwrap().len(), 4);
    assert_eq!(
        tracking["checkpoints"][1],
        serde_json::json!({"week": "2", "booked": "12", "held": "11", "opps": "6",
            "sales": "1", "lost": "2", "revenue": "5500"})
    );
    let imported = import_json(&json);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert_eq!(imported.scenarios[0].checkpoints, draft.checkpoints);
    assert_eq!(imported.scenarios[0].track_prior, Some(5));
    // No campaign, no member.
    let plain = export_json(&[&Draft::with_defaults()]);
    assert!(!plain.contains("tracking"));
}

#[test]
fn an_imported_campaign_is_checked_like_a_link() {
    let week = |w: u32, booked: u32| {
        format!(
            r#"{{"week": {w}, "booked": "{booked}", "held": "{booked}", "opps": "0", "sales": "0"}}"#
        )
    };
    let mut checkpoints: Vec<String> = (1..=53).map(|w| week(w, w)).collect();
    checkpoints[1] = week(2, 0); // goes back
    checkpoints[2] =
        r#"{"week": "3", "booked": "x", "held": "3", "opps": "0", "sales": "0", "oops": "1"}"#
            .into();
    checkpoints[3] = r#"7"#.into();
    let json = format!(
        r#"{{"format": "teleprospection-roi/scenarios", "schema": 1, "scenarios": [
            {{"name": "T", "tracking": {{"track_prior": "abc", "extra": 1, "checkpoints": [{}]}}}}]}}"#,
        checkpoints.join(",")
    );
    let imported = import_json(&json);
    let issue = |key: &str| {
        imported
            .problems
            .iter()
            .filter(|p| p.key == key)
            .map(|p| p.issue.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        issue(""),
        [ImportIssue::TooManyCheckpoints { found: 53 }],
        "{:?}",
        imported.problems
    );
    assert!(matches!(
        issue("track_prior")[..],
        [ImportIssue::Invalid(_)]
    ));
    assert_eq!(issue("tracking.extra"), [ImportIssue::UnknownKey]);
    assert_eq!(issue("chk3.oops"), [ImportIssue::UnknownKey]);
    assert!(matches!(
        issue("chk3.booked")[..],
        [
            ImportIssue::Invalid(_),
            ImportIssue::Checkpoint(CheckpointRefusal::Missing)
        ]
    ));
    assert_eq!(issue("chk4"), [ImportIssue::NotAValue]);
    assert!(matches!(
        issue("chk2.booked")[..],
        [ImportIssue::Checkpoint(CheckpointRefusal::Problem(
            CheckpointProblem::BelowPrevious { .. }
        ))]
    ));
    // Weeks 1 and 5 to 52 load; the 53rd is not read.
    let loaded = &imported.scenarios[0].checkpoints;
    assert_eq!(loaded.len(), 49);
    assert_eq!(loaded[0].week, 1);
    assert_eq!(loaded[1].week, 5);
    assert_eq!(loaded.last().unwrap().week, 52);
}

#[test]
fn the_same_scenario_means_the_same_campaign() {
    let base = tracked(four_weeks());
    let mut other = base.clone();
    other.checkpoints[2].sales = Decimal::from(3);
    assert!(!other.same_as(&base));
    let mut fewer = base.clone();
    fewer.checkpoints.pop();
    assert!(!fewer.same_as(&base));
    let mut prior = base.clone();
    prior.track_prior = Some(0);
    assert!(!prior.same_as(&base));
    // Values written differently, the default weight spelled out: the same.
    let mut same = base.clone();
    same.track_prior = Some(20);
    same.checkpoints[0].booked = Decimal::new(600, 2);
    assert!(same.same_as(&base));
}

#[test]
fn the_csv_has_one_row_per_checkpoint_and_the_verdict() {
    let mut draft = tracked(four_weeks());
    draft.central.insert(Field::Price, "250".into());
    let csv =
        teleprospection_roi::csv::export_csv(&draft, Lang::Fr, "2026-12-01", "https://x/#v=1");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with("Point d’étape;Semaine"))
        .expect("a heading row for the checkpoints");
    assert!(lines[start - 1].starts_with("Suivi de campagne"));
    let rows: Vec<Vec<&str>> = lines[start + 1..start + 5]
        .iter()
        .map(|line| line.split(';').collect())
        .collect();
    // Number, week, booked and what the plan expected (50 × 4 / 13), …
    assert_eq!(&rows[3][..4], ["4", "4", "24", "15,38"]);
    // … invoiced in force (250 × 24), revenue (4 × 6 000), projected ROI.
    assert_eq!(&rows[3][11..], ["6000", "24000", "72,8"]);
    assert!(lines[start + 5].starts_with("Poids du plan;20"));
    assert!(
        lines[start + 6].starts_with("Verdict du point d’étape;Ajuster\u{a0}: opportunité → vente à 30,8\u{a0}% contre 50\u{a0}% prévus"),
        "{}",
        lines[start + 6]
    );
    // Nothing about tracking in a scenario without checkpoints.
    let plain = teleprospection_roi::csv::export_csv(&Draft::with_defaults(), Lang::Fr, "", "");
    assert!(!plain.contains("Suivi de campagne"));
}
