//! The share link and the stored data: round trips over the whole valid
#![cfg(not(target_arch = "wasm32"))]
//! input space, and decoders that never panic on anything.

use proptest::prelude::*;
use teleprospection_roi::engine::{Field, FieldKind, Inputs, RangeField};
use teleprospection_roi::i18n::Lang;
use teleprospection_roi::link::{decode, encode, IgnoredReason};
use teleprospection_roi::scenario::{Draft, RiskDraft, SegmentDraft};
use teleprospection_roi::store::{decode_working, encode_working, Loaded, Working, SCHEMA};

/// A valid plain value for `field`, anywhere in its bounds.
fn plain_value(field: Field) -> BoxedStrategy<String> {
    spec_value(field.spec())
}

/// A valid plain value for an input of this spec.
fn spec_value(spec: teleprospection_roi::engine::FieldSpec) -> BoxedStrategy<String> {
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
    )
        .prop_map(
            |(central, prudent, ambitious, name, risk, segments, tools)| Draft {
                name,
                central: Field::ALL.iter().copied().zip(central).collect(),
                prudent: prudent.into_iter().collect(),
                ambitious: ambitious.into_iter().collect(),
                risk,
                segments,
                tools,
            },
        )
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
    ("[a-zA-Z0-9 éà<>&#=%+.]{0,20}", values).prop_map(|(name, values)| SegmentDraft {
        name,
        values: values.into_iter().collect(),
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
        prop_assert_eq!(decoded.lang.unwrap_or_default(), lang);
        // Encoding is stable: the decoded scenario writes the same link.
        prop_assert_eq!(encode(&decoded.draft, lang), encode(&draft, lang));
    }

    #[test]
    fn stored_round_trip_gives_the_same_scenario(draft in draft()) {
        let working = Working { schema: SCHEMA, lang: Lang::En, draft };
        prop_assert_eq!(decode_working(&encode_working(&working)), Loaded::Found(working));
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
        let _ = decode_working(&String::from_utf8_lossy(&bytes));
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
fn foreign_or_newer_stored_data_is_not_taken() {
    assert_eq!(decode_working("{not json"), Loaded::Unreadable);
    assert_eq!(decode_working("[1,2,3]"), Loaded::Unreadable);
    assert_eq!(decode_working(r#"{"schema":1}"#), Loaded::Unreadable);
    assert_eq!(
        decode_working(r#"{"schema":7,"draft":{}}"#),
        Loaded::Newer(7)
    );
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

#[test]
fn a_link_carries_segments_in_order() {
    let decoded = decode(
        "v=1&seg2.name=Micro&seg2.price=120&seg1.name=PME%20industrielles&seg1.price=180\
         &seg1.margin=55&seg2.deal=2500&seg3.price=abc&seg13.price=1&seg1.bogus=2",
    );
    let names: Vec<_> = decoded
        .draft
        .segments
        .iter()
        .map(|s| s.name.as_str())
        .collect();
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
