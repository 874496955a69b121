//! The share link and the stored data: round trips over the whole valid
#![cfg(not(target_arch = "wasm32"))]
//! input space, and decoders that never panic on anything.

use proptest::prelude::*;

mod common;
use common::{campaign, plain_value, spec_value};
use teleprospection_roi::engine::{Field, FieldSet, Inputs, RangeField};
use teleprospection_roi::i18n::Lang;
use teleprospection_roi::link::{decode, encode, IgnoredReason};
use teleprospection_roi::scenario::{Draft, RiskDraft, SegmentDraft};
use teleprospection_roi::store::{
    decode_library, decode_working, encode_library, encode_working, Library, Loaded, SavedRef,
    SavedScenario, Working, SCHEMA,
};

fn draft() -> impl Strategy<Value = Draft> {
    let central: Vec<_> = Field::ALL.iter().map(|f| plain_value(*f)).collect();
    let overrides =
        proptest::sample::subsequence(Field::ALL.to_vec(), 0..4).prop_flat_map(|fields| {
            fields
                .into_iter()
                .map(|f| (Just(f), plain_value(f)))
                .collect::<Vec<_>>()
        });
    (
        central,
        overrides.clone(),
        overrides,
        "[a-zA-Z0-9 éà<>&#=%+]{0,30}",
        risk(),
        proptest::collection::vec(segment(), 0..4),
        tools(),
        (campaign(6), track_prior()),
    )
        .prop_map(
            |(
                central,
                prudent,
                ambitious,
                name,
                risk,
                segments,
                tools,
                (checkpoints, track_prior),
            )| {
                Draft {
                    name,
                    central: Field::ALL.iter().copied().zip(central).collect(),
                    prudent: prudent.into_iter().collect(),
                    ambitious: ambitious.into_iter().collect(),
                    risk,
                    segments,
                    tools,
                    checkpoints,
                    track_prior,
                }
            },
        )
}

/// `track_prior` as the page keeps it: unset, or set to anything but the
/// default (which it then omits).
fn track_prior() -> impl Strategy<Value = Option<u32>> {
    use teleprospection_roi::engine::tracking::DEFAULT_TRACK_PRIOR;
    proptest::option::of((0u32..=1_000).prop_filter("default", |k| *k != DEFAULT_TRACK_PRIOR))
}

/// The spec of a decision-tool input, by its link key.
fn tool_spec(key: &str) -> teleprospection_roi::engine::FieldSpec {
    use teleprospection_roi::engine::{CapacityField, CompareField, PlanField};
    CompareField::from_key(key)
        .map(CompareField::spec)
        .or_else(|| PlanField::from_key(key).map(PlanField::spec))
        .or_else(|| CapacityField::from_key(key).map(CapacityField::spec))
        .expect("a tool key")
}

/// A few decision-tool inputs with valid values.
fn tools() -> impl Strategy<Value = std::collections::BTreeMap<String, String>> {
    let keys: Vec<&'static str> = teleprospection_roi::scenario::tool_keys().collect();
    proptest::sample::subsequence(keys, 0..5).prop_flat_map(|keys| {
        keys.into_iter()
            .map(|key| (Just(key.to_string()), spec_value(tool_spec(key))))
            .collect::<Vec<_>>()
            .prop_map(|pairs| pairs.into_iter().collect())
    })
}

/// What the tools' inputs mean: their normalised values that differ from the defaults.
fn tool_values(draft: &Draft) -> Vec<(String, String)> {
    use teleprospection_roi::scenario::{tool_default, tool_value};
    draft
        .tools
        .iter()
        .filter_map(|(key, value)| {
            let plain = tool_value(key, value)?.ok()?;
            (Some(&plain) != tool_default(key).as_ref()).then(|| (key.clone(), plain))
        })
        .collect()
}

/// A named segment with a few valid values.
fn segment() -> impl Strategy<Value = SegmentDraft> {
    let values = proptest::sample::subsequence(Field::ALL.to_vec(), 0..6).prop_flat_map(|fields| {
        fields
            .into_iter()
            .map(|f| (Just(f), plain_value(f)))
            .collect::<Vec<_>>()
    });
    // A blank name is read back as "Segment n" (a segment is listed by it).
    ("[a-zA-Z0-9éà<>&#=%+.][a-zA-Z0-9 éà<>&#=%+.]{0,19}", values).prop_map(|(name, values)| {
        SegmentDraft {
            name,
            values: values.into_iter().collect(),
        }
    })
}

/// What a segment means: its name and its inputs.
fn segments(draft: &Draft) -> Vec<(String, Inputs)> {
    draft
        .segments
        .iter()
        .map(|s| (s.name.clone(), s.inputs()))
        .collect()
}

/// Risk settings as the link writes them: any valid ends, and a trial count
/// and seed only when they are not the defaults (the link omits those).
fn risk() -> impl Strategy<Value = RiskDraft> {
    use teleprospection_roi::engine::risk::{DEFAULT_SEED, DEFAULT_TRIALS};
    let ends =
        proptest::sample::subsequence(RangeField::ALL.to_vec(), 0..5).prop_flat_map(|fields| {
            fields
                .into_iter()
                .map(|f| (Just(f), plain_value(f.input.field())))
                .collect::<Vec<_>>()
        });
    (
        ends,
        proptest::option::of((100u32..=100_000).prop_filter("default", |t| *t != DEFAULT_TRIALS)),
        proptest::option::of(any::<u64>().prop_filter("default", |s| *s != DEFAULT_SEED)),
    )
        .prop_map(|(ends, trials, seed)| RiskDraft {
            ends: ends.into_iter().collect(),
            trials,
            seed,
        })
}

/// The inputs a draft's central values give.
fn inputs(draft: &Draft) -> Inputs {
    Inputs::from_plain(draft.central.iter().map(|(f, v)| (*f, v.as_str()))).0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn link_round_trip_gives_the_same_scenario(draft in draft(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Fr };
        let decoded = decode(&encode(&draft, lang));
        prop_assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
        prop_assert_eq!(inputs(&decoded.draft), inputs(&draft));
        prop_assert_eq!(&decoded.draft.name, &draft.name);
        prop_assert_eq!(&decoded.draft.risk, &draft.risk);
        prop_assert_eq!(segments(&decoded.draft), segments(&draft));
        prop_assert_eq!(tool_values(&decoded.draft), tool_values(&draft));
        prop_assert_eq!(&decoded.draft.checkpoints, &draft.checkpoints);
        prop_assert_eq!(decoded.draft.track_prior, draft.track_prior);
        prop_assert!(decoded.draft.same_as(&draft));
        prop_assert_eq!(decoded.lang.unwrap_or_default(), lang);
        // Encoding is stable: the decoded scenario writes the same link.
        prop_assert_eq!(encode(&decoded.draft, lang), encode(&draft, lang));
    }

    #[test]
    fn stored_round_trip_gives_the_same_scenario(
        draft in draft(),
        saved in proptest::option::of(("[0-9a-f-]{1,20}", any::<u32>())),
    ) {
        let saved = saved.map(|(id, revision)| SavedRef { id, revision });
        let working = Working { schema: SCHEMA, lang: Lang::En, draft, saved };
        prop_assert_eq!(decode_working(&encode_working(&working)), Loaded::Found(working));
    }

    #[test]
    fn stored_library_round_trip_gives_the_same_scenarios(
        entries in proptest::collection::vec((draft(), "[0-9a-f-]{1,20}", 1..u32::MAX, any::<u64>()), 0..5)
    ) {
        let library = Library {
            schema: SCHEMA,
            writes: Vec::new(),
            // Ids are unique, as the app writes them (a repeated id is
            // repaired on read: tests/storage.rs).
            scenarios: entries
                .into_iter()
                .enumerate()
                .map(|(n, (draft, id, revision, updated))| SavedScenario { id: format!("{id}.{n}"), revision, updated, draft })
                .collect(),
        };
        prop_assert_eq!(decode_library(&encode_library(&library)), Loaded::Found(library));
    }

    #[test]
    fn link_decoder_never_panics(text in ".{0,400}") {
        let _ = decode(&text);
    }

    #[test]
    fn link_decoder_never_panics_on_near_links(
        pairs in proptest::collection::vec(
            ("(win_|opp_|risk_)?[a-z_.]{0,12}", "[-0-9.,eE+%a-z]{0,12}"),
            0..30,
        )
    ) {
        let link = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let decoded = decode(&link);
        // Whatever was taken is valid.
        let (_, errors) = Inputs::from_plain(decoded.draft.central.iter().map(|(f, v)| (*f, v.as_str())));
        prop_assert!(errors.is_empty());
        for (field, value) in &decoded.draft.risk.ends {
            let mut risk = teleprospection_roi::engine::RiskInputs::default();
            prop_assert!(risk.set(*field, value).is_ok(), "{field:?} = {value}");
        }
    }

    #[test]
    fn storage_decoder_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode_working(&text);
        let _ = decode_library(&text);
    }

    #[test]
    fn storage_decoders_never_panic_on_near_data(
        schema in 0u32..4,
        body in "[{}\\[\\]\":,a-z0-9 .-]{0,200}",
    ) {
        let text = format!("{{\"schema\":{schema},{body}");
        let _ = decode_working(&text);
        let _ = decode_library(&text);
    }
}

#[test]
fn the_default_scenario_has_an_empty_link() {
    assert_eq!(encode(&Draft::with_defaults(), Lang::Fr), "v=1");
}

#[test]
fn a_link_reports_each_key_it_ignores() {
    let decoded = decode("v=1&price=150&bogus=1&win=250&prudent.nope=3&v=9");
    assert_eq!(
        inputs(&decoded.draft).price,
        rust_decimal::Decimal::from(150)
    );
    let reasons: Vec<_> = decoded
        .ignored
        .iter()
        .map(|i| (i.key.as_str(), &i.reason))
        .collect();
    assert!(matches!(reasons[0], ("bogus", IgnoredReason::UnknownKey)));
    assert!(matches!(reasons[1], ("win", IgnoredReason::Invalid(_))));
    assert!(matches!(
        reasons[2],
        ("prudent.nope", IgnoredReason::UnknownKey)
    ));
    assert!(matches!(
        reasons[3],
        ("v", IgnoredReason::UnsupportedVersion)
    ));
}

#[test]
fn a_huge_link_is_cut_and_reported() {
    let link = "price=130&".repeat(10_000);
    let decoded = decode(&link);
    assert_eq!(
        inputs(&decoded.draft).price,
        rust_decimal::Decimal::from(130)
    );
    assert!(decoded
        .ignored
        .iter()
        .any(|i| i.reason == IgnoredReason::TooManyKeys));
}

/// Every schema ever written still loads (one fixture per version).
#[test]
fn every_stored_schema_still_loads() {
    let raw = include_str!("fixtures/storage/working-v1.json");
    let Loaded::Found(working) = decode_working(raw) else {
        panic!("the v1 fixture no longer loads");
    };
    // v1 → v2: the same scenario, not tied to any library entry.
    assert_eq!(working.schema, SCHEMA);
    assert_eq!(working.saved, None);
    assert_eq!(working.lang, Lang::En);
    assert_eq!(working.draft.name, "Industrial SMEs");
    let inputs = inputs(&working.draft);
    assert_eq!(inputs.meetings, rust_decimal::Decimal::from(80));
    assert_eq!(inputs.noshow, rust_decimal::Decimal::new(125, 3));
    assert_eq!(
        working.draft.prudent.get(&Field::Win).map(String::as_str),
        Some("20")
    );
}

#[test]
fn the_v2_fixtures_load_with_their_library() {
    let raw = include_str!("fixtures/storage/working-v2.json");
    let Loaded::Found(working) = decode_working(raw) else {
        panic!("the v2 working fixture no longer loads");
    };
    assert_eq!(working.lang, Lang::Fr);
    assert_eq!(
        working.saved,
        Some(SavedRef {
            id: "19ac3f2e8b0-5f3a".into(),
            revision: 3
        })
    );
    let raw = include_str!("fixtures/storage/library-v2.json");
    let Loaded::Found(library) = decode_library(raw) else {
        panic!("the v2 library fixture no longer loads");
    };
    let names: Vec<_> = library
        .sorted()
        .iter()
        .map(|entry| entry.draft.name.as_str())
        .collect();
    assert_eq!(names, ["Default at 240", "PME industrielles"]);
    let open = library.find("19ac3f2e8b0-5f3a").unwrap();
    assert_eq!(open.revision, 3);
    assert_eq!(open.draft, working.draft);
    assert_eq!(
        teleprospection_roi::library::headline_roi(&library.sorted()[0].draft),
        Ok(rust_decimal::Decimal::new(14, 1))
    );
}

#[test]
fn foreign_or_newer_library_data_is_not_taken() {
    assert_eq!(decode_library("{not json"), Loaded::Unreadable);
    assert_eq!(
        decode_library(r#"{"schema":1,"scenarios":[]}"#),
        Loaded::Unreadable
    );
    assert_eq!(
        decode_library(r#"{"schema":2,"scenarios":7}"#),
        Loaded::Unreadable
    );
    assert_eq!(
        decode_library(r#"{"schema":3,"scenarios":[]}"#),
        Loaded::Newer(3)
    );
    assert_eq!(
        decode_library(r#"{"schema":2}"#),
        Loaded::Found(Library::default())
    );
}

#[test]
fn foreign_or_newer_stored_data_is_not_taken() {
    assert_eq!(decode_working("{not json"), Loaded::Unreadable);
    assert_eq!(decode_working("[1,2,3]"), Loaded::Unreadable);
    assert_eq!(decode_working(r#"{"schema":1}"#), Loaded::Unreadable);
    assert_eq!(
        decode_working(r#"{"schema":7,"draft":{}}"#),
        Loaded::Newer(7)
    );
    assert_eq!(
        decode_working(r#"{"schema":0,"draft":{}}"#),
        Loaded::Unreadable
    );
}

// ---------------------------------------------------------------------------
// Export and import (JSON, CSV)
// ---------------------------------------------------------------------------

use teleprospection_roi::csv::export_csv;
use teleprospection_roi::export::{export_json, file_name, import_json, ImportIssue, FORMAT};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn json_export_then_import_is_the_identity(drafts in proptest::collection::vec(draft(), 1..4)) {
        let refs: Vec<&Draft> = drafts.iter().collect();
        let imported = import_json(&export_json(&refs));
        prop_assert!(imported.problems.is_empty(), "{:?}", imported.problems);
        prop_assert_eq!(imported.scenarios.len(), drafts.len());
        for (back, draft) in imported.scenarios.iter().zip(&drafts) {
            // The same scenario, however its values are written.
            prop_assert!(back.same_as(draft), "{back:?}\n!=\n{draft:?}");
            prop_assert_eq!(&back.central, &draft.central);
            prop_assert_eq!(&back.risk.ends, &draft.risk.ends);
            prop_assert_eq!(&back.checkpoints, &draft.checkpoints);
            prop_assert_eq!(back.track_prior(), draft.track_prior());
        }
    }

    #[test]
    fn import_never_panics(text in ".{0,400}") {
        let _ = import_json(&text);
    }

    #[test]
    fn import_never_panics_on_near_exports(
        draft in draft(),
        cut in 0usize..4000,
        noise in "[{}\\[\\]\":,a-z0-9 .-]{0,20}",
    ) {
        // An export cut anywhere, with noise spliced in.
        let json = export_json(&[&draft]);
        let cut = json.char_indices().map(|(i, _)| i).find(|i| *i >= cut.min(json.len())).unwrap_or(json.len());
        let broken = format!("{}{noise}{}", &json[..cut], &json[cut..]);
        let imported = import_json(&broken);
        // Whatever was taken is valid.
        for draft in &imported.scenarios {
            let (_, errors) = Inputs::from_plain(draft.central.iter().map(|(f, v)| (*f, v.as_str())));
            prop_assert!(errors.is_empty());
        }
    }
}

#[test]
fn the_export_is_the_documented_json() {
    let Loaded::Found(library) = decode_library(include_str!("fixtures/storage/library-v2.json"))
    else {
        panic!()
    };
    let drafts: Vec<&Draft> = library.scenarios.iter().map(|e| &e.draft).collect();
    let written: serde_json::Value = serde_json::from_str(&export_json(&drafts)).unwrap();
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/export/scenarios-v1.json")).unwrap();
    assert_eq!(written, fixture);
    let empty: serde_json::Value = serde_json::from_str(&export_json(&[])).unwrap();
    assert_eq!(empty["scenarios"], serde_json::json!([]));
}

#[test]
fn the_v1_export_fixture_still_imports() {
    let imported = import_json(include_str!("fixtures/export/scenarios-v1.json"));
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let [smes, plain] = imported.scenarios.as_slice() else {
        panic!("two scenarios expected");
    };
    assert_eq!(smes.name, "PME industrielles");
    assert_eq!(inputs(smes).noshow, rust_decimal::Decimal::new(125, 3));
    // Hand-set values only: the other variant values follow the central one.
    assert_eq!(smes.prudent.keys().collect::<Vec<_>>(), [&Field::Win]);
    assert_eq!(
        smes.ambitious.get(&Field::Deal).map(String::as_str),
        Some("12000")
    );
    assert_eq!(plain.name, "Default at 240");
    assert_eq!(inputs(plain).price, rust_decimal::Decimal::from(240));
}

#[test]
fn an_import_lists_what_it_did_not_take_and_loads_the_rest() {
    let json = format!(
        r#"{{"format":"{FORMAT}","schema":1,"scenarios":[
            {{"name":"A","central":{{"price":150,"noshow":"12.5","win":"250","bogus":"1","deal":true}},
              "prudent":{{"win":"20"}},"ambitious":{{"deal":"-5"}},"colour":"red"}},
            42
        ]}}"#
    );
    let imported = import_json(&json);
    assert_eq!(imported.scenarios.len(), 1);
    let a = &imported.scenarios[0];
    assert_eq!(inputs(a).price, rust_decimal::Decimal::from(150));
    assert_eq!(inputs(a).noshow, rust_decimal::Decimal::new(125, 3));
    assert_eq!(
        inputs(a).win,
        rust_decimal::Decimal::new(5, 1),
        "refused: default kept"
    );
    assert_eq!(a.prudent.get(&Field::Win).map(String::as_str), Some("20"));
    assert!(a.ambitious.is_empty());
    let listed: Vec<_> = imported
        .problems
        .iter()
        .map(|p| (p.scenario, p.key.as_str(), p.issue.clone()))
        .collect();
    let has = |scenario: usize, key: &str, check: fn(&ImportIssue) -> bool| {
        listed
            .iter()
            .any(|(s, k, issue)| *s == Some(scenario) && *k == key && check(issue))
    };
    assert!(has(1, "colour", |i| *i == ImportIssue::UnknownKey));
    assert!(has(1, "bogus", |i| *i == ImportIssue::UnknownKey));
    assert!(has(1, "win", |i| matches!(i, ImportIssue::Invalid(_))));
    assert!(has(1, "deal", |i| *i == ImportIssue::NotAValue));
    assert!(has(1, "ambitious.deal", |i| matches!(
        i,
        ImportIssue::Invalid(_)
    )));
    assert!(has(1, "meetings", |i| *i == ImportIssue::Missing));
    assert!(
        !has(1, "win", |i| *i == ImportIssue::Missing),
        "refused is not also missing"
    );
    assert!(has(2, "", |i| *i == ImportIssue::NotAScenario));
}

#[test]
fn an_import_refuses_files_that_are_not_exports() {
    let whole = |text: &str| {
        let imported = import_json(text);
        assert!(imported.scenarios.is_empty());
        imported.problems[0].issue.clone()
    };
    assert_eq!(whole("not json"), ImportIssue::NotJson);
    assert_eq!(whole("[1,2]"), ImportIssue::NotAnExport);
    assert_eq!(
        whole(r#"{"schema":1,"scenarios":[]}"#),
        ImportIssue::NotAnExport
    );
    assert_eq!(
        whole(&format!(
            r#"{{"format":"{FORMAT}","schema":9,"scenarios":[]}}"#
        )),
        ImportIssue::Newer(9)
    );
    assert_eq!(
        whole(&format!(
            r#"{{"format":"{FORMAT}","schema":1,"scenarios":[]}}"#
        )),
        ImportIssue::NoScenarios
    );
    assert_eq!(
        whole(&" ".repeat(5 * 1024 * 1024)),
        ImportIssue::TooLarge {
            bytes: 5 * 1024 * 1024
        }
    );
    // Deep nesting is refused by the parser, not a stack overflow.
    assert_eq!(whole(&"[".repeat(100_000)), ImportIssue::NotJson);
}

/// The cells of a CSV line (no quoted separators in these tests' rows).
fn cells<'a>(csv: &'a str, first: &str, sep: char) -> Vec<&'a str> {
    csv.split("\r\n")
        .find(|line| line.split(sep).next() == Some(first))
        .unwrap_or_else(|| panic!("no row {first:?}"))
        .split(sep)
        .collect()
}

#[test]
fn the_french_csv_opens_in_a_french_spreadsheet() {
    let raw = include_str!("fixtures/storage/working-v1.json");
    let Loaded::Found(working) = decode_working(raw) else {
        panic!()
    };
    let csv = export_csv(
        &working.draft,
        Lang::Fr,
        "2026-11-29 14:05",
        "https://x.test/#v=1",
    );
    assert!(csv.starts_with('\u{feff}'), "UTF-8 byte-order mark first");
    assert!(csv.contains("\r\n"));
    assert_eq!(
        cells(&csv, "\u{feff}Scénario", ';'),
        ["\u{feff}Scénario", "Industrial SMEs"]
    );
    assert_eq!(
        cells(&csv, "Donnée", ';'),
        ["Donnée", "Unité", "Prudent", "Central", "Ambitieux"]
    );
    // Central no-show 12.5 %; prudent is derived (+10 points), ambitious −5.
    assert_eq!(
        cells(&csv, "Rendez-vous non honorés", ';'),
        ["Rendez-vous non honorés", "%", "22,5", "12,5", "7,5"]
    );
    assert_eq!(
        cells(&csv, "Opportunité → vente signée", ';')[2..],
        ["20", "30", "36"]
    );
    let roi = cells(&csv, "ROI", ';');
    assert_eq!(roi[1], "%");
    let central_roi = teleprospection_roi::engine::evaluate(&inputs(&working.draft))
        .roi
        .unwrap();
    let expected = (central_roi * rust_decimal::Decimal::ONE_HUNDRED)
        .round_dp(2)
        .normalize()
        .to_string()
        .replace('.', ",");
    assert_eq!(roi[3], expected);
    assert!(!csv.contains("12.5"), "no decimal point in the French CSV");
}

#[test]
fn the_english_csv_opens_in_an_english_spreadsheet() {
    let mut draft = Draft::with_defaults();
    draft.name = "=HYPERLINK(\"x\"), \"quoted\"".into();
    draft.central.insert(Field::Noshow, "12.5".into());
    let csv = export_csv(&draft, Lang::En, "2026-11-29 14:05", "https://x.test/#v=1");
    // The name is quoted (it holds the separator) and cannot run as a formula.
    assert!(
        csv.starts_with("\u{feff}Scenario,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\"\r\n"),
        "{csv}"
    );
    assert_eq!(
        cells(&csv, "No-show rate", ',')[2..],
        ["22.5", "12.5", "7.5"]
    );
    // 43.75 held meetings, 10 whole sales: 24,000 € of margin for 6,000 €.
    assert_eq!(cells(&csv, "ROI", ',')[3], "300");
    assert_eq!(
        cells(&csv, "Net result", ','),
        ["Net result", "€", "4710", "18000", "43680"]
    );
}

#[test]
fn export_file_names_are_safe() {
    assert_eq!(
        file_name("PME / Île-de-France 2026", "x", "csv"),
        "pme-île-de-france-2026.csv"
    );
    assert_eq!(file_name("../..", "scenario", "json"), "scenario.json");
}

#[test]
fn a_link_carries_the_risk_settings() {
    let decoded = decode(
        "v=1&win_low=30&win_high=60&deal_high=9000.50&risk_trials=20000&risk_seed=42\
         &opp_low=120&risk_trials=50&risk_seed=-3&hours_mid=1",
    );
    let key = |key: &str| RangeField::from_key(key).unwrap();
    let risk = &decoded.draft.risk;
    assert_eq!(
        risk.ends.get(&key("win_low")).map(String::as_str),
        Some("30")
    );
    assert_eq!(
        risk.ends.get(&key("win_high")).map(String::as_str),
        Some("60")
    );
    assert_eq!(
        risk.ends.get(&key("deal_high")).map(String::as_str),
        Some("9000.5")
    );
    assert_eq!(risk.ends.len(), 3);
    // The first valid value stays when a later one is wrong.
    assert_eq!(risk.trials, Some(20_000));
    assert_eq!(risk.seed, Some(42));
    let ignored: Vec<_> = decoded.ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        ignored,
        ["opp_low", "risk_trials", "risk_seed", "hours_mid"]
    );
    assert_eq!(
        encode(&decoded.draft, Lang::Fr),
        "v=1&win_low=30&win_high=60&deal_high=9000.5&risk_trials=20000&risk_seed=42"
    );
}

/// The segments' names, in order.
fn segment_names(draft: &Draft) -> Vec<&str> {
    draft.segments.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn a_link_carries_segments_in_order() {
    let decoded = decode(
        "v=1&seg2.name=Micro&seg2.price=120&seg1.name=PME%20industrielles&seg1.price=180\
         &seg1.margin=55&seg2.deal=2500&seg3.price=abc&seg13.price=1&seg1.bogus=2",
    );
    let names = segment_names(&decoded.draft);
    // seg3 had no valid key: there is no third segment.
    assert_eq!(names, ["PME industrielles", "Micro"]);
    let first = decoded.draft.segments[0].inputs();
    assert_eq!(first.price, rust_decimal::Decimal::from(180));
    assert_eq!(first.margin, "0.55".parse().unwrap());
    assert_eq!(
        decoded.draft.segments[1].inputs().deal,
        rust_decimal::Decimal::from(2500)
    );
    let ignored: Vec<_> = decoded.ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(ignored, ["seg3.price", "seg13.price", "seg1.bogus"]);
    assert_eq!(
        encode(&decoded.draft, Lang::Fr),
        // 120 € is the default price: not written.
        "v=1&seg1.name=PME+industrielles&seg1.price=180&seg1.margin=55\
         &seg2.name=Micro&seg2.deal=2500"
    );
}

#[test]
fn a_repeated_key_keeps_its_last_value_and_says_so() {
    let decoded = decode("v=1&price=100&utm_source=a&utm_source=b&price=200");
    assert_eq!(
        decoded.draft.central[&Field::Price],
        "200",
        "the last value is taken"
    );
    let said: Vec<_> = decoded
        .ignored
        .iter()
        .map(|i| (i.key.as_str(), i.value.as_str(), i.reason.clone()))
        .collect();
    // Others' keys (utm_…) are unknown, repeated or not.
    assert_eq!(
        said,
        [
            ("utm_source", "a", IgnoredReason::UnknownKey),
            ("utm_source", "b", IgnoredReason::UnknownKey),
            ("price", "200", IgnoredReason::Repeated),
        ]
    );
}

#[test]
fn a_segment_sent_without_a_name_is_named_after_its_number() {
    let decoded = decode("v=1&seg2.price=100&seg3.name=%20&seg3.deal=900");
    let names = segment_names(&decoded.draft);
    assert_eq!(names, ["Segment 2", "Segment 3"]);
    assert!(decoded.ignored.is_empty());
}

#[test]
fn a_link_carries_the_decision_tools_inputs() {
    let decoded =
        decode("v=1&team_callers=2&goal_kind=revenue&goal_value=120000&reps=0&time_days=9999");
    let tools: Vec<_> = decoded
        .draft
        .tools
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        tools,
        [
            ("goal_kind", "revenue"),
            ("goal_value", "120000"),
            ("team_callers", "2")
        ]
    );
    let ignored: Vec<_> = decoded.ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(ignored, ["reps", "time_days"]);
    assert_eq!(
        encode(&decoded.draft, Lang::Fr),
        "v=1&team_callers=2&goal_kind=revenue&goal_value=120000"
    );
}

#[test]
fn a_change_of_risk_tools_or_segments_is_a_change() {
    let base = Draft::with_defaults();
    let mut risk = base.clone();
    risk.risk
        .ends
        .insert(RangeField::from_key("win_low").unwrap(), "30".into());
    let mut tools = base.clone();
    tools.tools.insert("team_callers".into(), "2".into());
    let mut segments = base.clone();
    segments.segments.push(SegmentDraft::default());
    for changed in [&risk, &tools, &segments] {
        assert!(!changed.same_as(&base));
    }
    // Defaults written out are no change.
    let mut explicit = base.clone();
    explicit.tools.insert("team_callers".into(), "1".into());
    explicit.risk.trials = Some(teleprospection_roi::engine::DEFAULT_TRIALS);
    assert!(explicit.same_as(&base));
}

#[test]
fn only_our_keys_make_a_link() {
    // Tracking parameters alone are not a link: the saved scenario stays.
    assert!(!decode("utm_source=newsletter&fbclid=abc").any);
    assert!(decode("utm_source=newsletter&price=150").any);
    // A key of ours with a wrong value is still a link (and is reported).
    let wrong = decode("price=abc");
    assert!(wrong.any);
    assert_eq!(wrong.ignored.len(), 1);
    assert!(decode("v=1").any);
}

#[test]
fn query_and_fragment_are_read_together_and_the_fragment_wins() {
    use teleprospection_roi::link::{decode_address, is_anchor};
    let both = decode_address("meetings=10&price=150", "v=1&price=200&meetings=10");
    assert_eq!(inputs(&both.draft).meetings, 10.into());
    assert_eq!(inputs(&both.draft).price, 200.into());
    let said: Vec<_> = both
        .ignored
        .iter()
        .map(|i| (i.key.as_str(), i.value.as_str(), i.reason.clone()))
        .collect();
    // The same value in both is no conflict; a different one is listed
    // with the query's value, the one not taken.
    assert_eq!(
        said,
        [("price", "150", IgnoredReason::OverriddenByFragment)]
    );
    // An anchor is not a link: the query stays in force, nothing is said.
    for anchor in ["top", "pricing-2", "a.b:c"] {
        assert!(is_anchor(anchor));
        let decoded = decode_address("price=150", anchor);
        assert_eq!(inputs(&decoded.draft).price, 150.into());
        assert!(decoded.ignored.is_empty());
    }
    for not_anchor in ["", "v=1", "a&b", "%%%%garbage!!<>", "été"] {
        assert!(!is_anchor(not_anchor), "{not_anchor}");
    }
}

#[test]
fn cuts_and_undecodable_text_are_reported() {
    let long = "n".repeat(81);
    let decoded = decode(&format!(
        "name={long}&seg1.name={long}&cta.label={}",
        "l".repeat(41)
    ));
    assert_eq!(decoded.draft.name.chars().count(), 80);
    let cuts: Vec<_> = decoded
        .ignored
        .iter()
        .map(|i| (i.key.as_str(), i.reason.clone()))
        .collect();
    assert_eq!(
        cuts,
        [
            ("name", IgnoredReason::Cut { max: 80 }),
            ("seg1.name", IgnoredReason::Cut { max: 80 }),
            ("cta.label", IgnoredReason::Cut { max: 40 }),
        ]
    );
    for bad in ["name=%FF%FE", "price=%ZZ", "price=1%", "%E9=1"] {
        let decoded = decode(bad);
        assert_eq!(decoded.ignored.len(), 1, "{bad}");
        assert_eq!(decoded.ignored[0].reason, IgnoredReason::BadEncoding);
        assert_eq!(decoded.draft.name, "", "nothing shown as U+FFFD");
    }
    // Well-formed escapes and `+` decode as before.
    let decoded = decode("name=%C3%89t%C3%A9+2026");
    assert_eq!(decoded.draft.name, "Été 2026");
    assert!(decoded.ignored.is_empty());
    // Garbage that is not tracking keys is worth a notice; tracking keys alone are not.
    assert!(decode("foo=1").worth_a_notice());
    assert!(decode("%%%%garbage!!<>").worth_a_notice());
    assert!(!decode("utm_source=a&gclid=b").worth_a_notice());
}
