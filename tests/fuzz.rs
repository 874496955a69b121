//! Bounded fuzzing of everything that reads what a user, a link or another
//! version can put in front of the app: the stored working scenario, the
//! stored library, backups (as imported files), and the share link. Run by
//! `make test` for a bounded number of cases (`FUZZ_CASES`, default 256 per
//! property; `FUZZ_CASES=20000 cargo test --test fuzz` for a long run).
//!
//! Asserted: no panic; no write ever destroys a value that could not be
//! read (it stays under its key or a backup holds its exact bytes, or it
//! was the oldest backup past the bound and the caller was told); every
//! entry of a stored library and every pair of a link is either taken or
//! reported.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};

use teleprospection_roi::engine::Field;
use teleprospection_roi::export::import_json;
use teleprospection_roi::link::{decode, decode_address, IgnoredReason};
use teleprospection_roi::scenario::Draft;
use teleprospection_roi::store::backup::{backup_slot, backups, Memory, BACKUPS_KEPT};
use teleprospection_roi::store::{
    decode_working, encode_working, keep_aside, open_library, read_library, write_library,
    write_working, Area, Kept, Loaded, Refused, Source, Working, BACKUP_KEY, LIBRARY_BACKUP_KEY,
    LIBRARY_KEY, MAX_SAVED, SCHEMA, WORKING_KEY,
};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Any JSON value, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof!["1", "2", "3", "99", "0", "-1"].prop_map(|n| json!(n.parse::<i64>().unwrap())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "(schema|scenarios|draft|id|revision|updated|name|central|writes|lang|saved)",
                    "[a-z]{1,6}",
                ],
                inner,
                0..6
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A valid library entry, as JSON.
fn valid_entry() -> impl Strategy<Value = Value> {
    ("[a-c]{1,2}", 1u32..5, "[A-Z][a-z]{0,6}", 0u32..900).prop_map(|(id, revision, name, price)| {
        json!({
            "id": id,
            "revision": revision,
            "updated": 1,
            "draft": {"name": name, "central": {"price": price.to_string()}}
        })
    })
}

/// An entry that is valid, or valid with one member replaced by anything.
fn entry() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => valid_entry(),
        2 => (valid_entry(), "(id|revision|updated|draft)", json_value()).prop_map(|(mut e, key, v)| {
            e[key.as_str()] = v;
            e
        }),
        1 => json_value(),
    ]
}

/// A stored text: arbitrary bytes, arbitrary JSON, or near-valid data.
fn stored_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        json_value().prop_map(|v| v.to_string()),
        (
            prop_oneof![Just(1u32), Just(2), Just(3), 0u32..5],
            prop::collection::vec(entry(), 0..8)
        )
            .prop_map(
                |(schema, entries)| json!({"schema": schema, "scenarios": entries}).to_string()
            ),
        (0u32..4, json_value())
            .prop_map(|(schema, draft)| json!({"schema": schema, "draft": draft}).to_string()),
    ]
}

/// Whether `raw`, stored under `key`, holds something a replacement would
/// lose without a copy.
fn precious(key: &str, raw: &str) -> bool {
    match key {
        WORKING_KEY => !matches!(decode_working(raw), Loaded::Found(_)),
        LIBRARY_KEY => match read_library(raw) {
            Loaded::Found(read) => read.lossy(),
            _ => true,
        },
        // A backup is precious by definition.
        _ => true,
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// The autosave writes a scenario with this price.
    Autosave(u32),
    /// A library change: open, add an entry, write (compare-and-swap).
    Save(u32),
    /// Another version (or a hostile script) writes this under a key.
    Foreign(usize, String),
    KeepAside(bool),
    /// Unreadable text lands under the working key, then the autosave runs
    /// (enough of these fill the backups past their bound).
    Spoiled(String, u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u32..1000).prop_map(Op::Autosave),
        (0u32..1000).prop_map(Op::Save),
        (0usize..4, stored_text()).prop_map(|(k, v)| Op::Foreign(k, v)),
        any::<bool>().prop_map(Op::KeepAside),
        ("[{]?[a-z]{0,8}", 0u32..1000).prop_map(|(text, price)| Op::Spoiled(text, price)),
    ]
}

fn key(index: usize) -> String {
    match index {
        0 => WORKING_KEY.into(),
        1 => LIBRARY_KEY.into(),
        2 => BACKUP_KEY.into(),
        _ => format!("{LIBRARY_BACKUP_KEY}.7"),
    }
}

fn encoded_working(price: u32) -> String {
    let mut draft = Draft::with_defaults();
    draft.central.insert(Field::Price, price.to_string());
    encode_working(&Working {
        schema: SCHEMA,
        lang: Default::default(),
        draft,
        saved: None,
    })
}

/// Runs `op` and gives the backups it says it dropped.
fn run(store: &mut Memory, op: &Op) -> Vec<String> {
    let dropped = |kept: &Kept| match kept {
        Kept::Backup { dropped, .. } => dropped.clone(),
        Kept::InPlace { .. } => Vec::new(),
    };
    match op {
        Op::Autosave(price) => match write_working(store, &encoded_working(*price), None) {
            (Some(kept), _) | (None, Err(Refused::Unreadable(kept))) => dropped(&kept),
            (None, _) => Vec::new(),
        },
        Op::Save(price) => {
            let opened = open_library(store);
            let said = opened
                .report
                .as_ref()
                .and_then(|r| r.kept.as_ref())
                .map(dropped)
                .unwrap_or_default();
            if let Some(vetted) = opened.vetted {
                let mut library = opened.library;
                let mut draft = Draft::with_defaults();
                draft.central.insert(Field::Price, price.to_string());
                let _ = library.save_new(&draft, 1, *price);
                let _ = write_library(store, &library, &vetted);
            }
            said
        }
        // The world's writes, made by the loop.
        Op::Foreign(..) | Op::Spoiled(..) => Vec::new(),
        Op::KeepAside(library) => {
            let source = if *library {
                Source::Library
            } else {
                Source::Working
            };
            match store.get(source.key()) {
                Some(raw) => dropped(&keep_aside(store, source, &raw)),
                None => Vec::new(),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// The decoders of stored data and of imported files never panic, and
    /// a library's entries are each taken or listed.
    #[test]
    fn stored_data_decoders_take_or_report_everything(text in stored_text()) {
        let _ = decode_working(&text);
        let _ = import_json(&text);
        if let Loaded::Found(read) = read_library(&text) {
            let entries = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("scenarios").and_then(Value::as_array).map(Vec::len))
                .unwrap_or(0);
            prop_assert_eq!(
                read.library.scenarios.len() + read.unreadable.len() + read.beyond_cap,
                entries
            );
            prop_assert!(read.library.scenarios.len() <= MAX_SAVED);
            let ids: std::collections::BTreeSet<_> =
                read.library.scenarios.iter().map(|e| &e.id).collect();
            prop_assert_eq!(ids.len(), read.library.scenarios.len(), "ids are unique");
        }
    }

    #[test]
    fn backup_keys_are_read_only_as_written(key in "teleprospection-roi/(library-)?unreadable-backup.{0,6}") {
        for source in [Source::Working, Source::Library] {
            if let Some(slot) = backup_slot(source, &key) {
                prop_assert_eq!(teleprospection_roi::store::backup::backup_key(source, slot), key.clone());
            }
        }
    }

    /// Whatever is stored, whatever the quota, whatever the order of
    /// writes: a value that could not be read is never destroyed, except
    /// the oldest backup past the bound, and then the caller is told.
    #[test]
    fn no_write_destroys_what_could_not_be_read(
        initial in prop::collection::vec((0usize..4, stored_text()), 0..4),
        quota in prop::option::of(200usize..4000),
        ops in prop::collection::vec(op(), 1..16),
    ) {
        let mut store = Memory { quota, ..Memory::default() };
        for (index, text) in &initial {
            store.set(&key(*index), text);
        }
        for op in &ops {
            // What the world writes (another version, a hostile script) is
            // not checked; what the app writes next is.
            let op = match op {
                Op::Foreign(index, text) => {
                    store.set(&key(*index), text);
                    continue;
                }
                Op::Spoiled(text, price) => {
                    store.set(WORKING_KEY, text);
                    &Op::Autosave(*price)
                }
                op => op,
            };
            let before: Vec<(String, String)> = store
                .values
                .iter()
                .filter(|(k, v)| precious(k, v))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let newer_before: Vec<(String, String)> = store
                .values
                .iter()
                .filter(|(k, v)| (k.as_str() == WORKING_KEY && matches!(decode_working(v), Loaded::Newer(_)))
                    || (k.as_str() == LIBRARY_KEY && matches!(read_library(v), Loaded::Newer(_))))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let counts = [Source::Working, Source::Library].map(|s| backups(&store, s).len());
            let dropped = run(&mut store, op);
            for (key, value) in &before {
                let kept = store.values.values().any(|v| v == value);
                prop_assert!(
                    kept || dropped.contains(key),
                    "{op:?} destroyed {key} = {value:?}"
                );
            }
            for (key, value) in &newer_before {
                let now = store.get(key);
                prop_assert_eq!(now.as_ref(), Some(value), "{:?} wrote over a newer version", op);
            }
            // The app never takes the backups past their bound (the world may).
            for (source, before) in [Source::Working, Source::Library].into_iter().zip(counts) {
                prop_assert!(backups(&store, source).len() <= BACKUPS_KEPT.max(before));
            }
        }
    }

    /// Any text as a link, fragment or query: no panic.
    #[test]
    fn the_link_decoder_never_panics(query in ".{0,200}", fragment in ".{0,200}") {
        let _ = decode(&fragment);
        let _ = decode_address(&query, &fragment);
    }

    /// Every pair of a link is taken or reported: a pair that is not listed
    /// either changes what the link gives (remove it and the result
    /// differs) or sets a value equal to the default.
    #[test]
    fn every_pair_of_a_link_is_taken_or_reported(
        pairs in prop::collection::vec(
            (
                prop_oneof![
                    "(v|name|lang|price|meetings|win|prudent\\.win|ambitious\\.deal|win_low|risk_trials|risk_seed|embed|cta\\.label|cta\\.url|seg1\\.name|seg2\\.price|team_callers|goal_kind|chk1\\.week|chk1\\.booked|chk1\\.held|chk1\\.opps|chk1\\.sales|chk2\\.week|chk53\\.week|track_prior|utm_source|bogus)",
                    "[a-z_.%]{1,8}",
                ],
                prop_oneof!["[-0-9.,]{0,6}", ".{0,90}", "%[0-9A-Fa-fZ]{0,2}[a-z]{0,3}", "https?://[a-z]{1,8}\\.fr"],
            ),
            1..8,
        )
    ) {
        // One pair per key: repeats are their own report.
        let mut unique: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            if !unique.iter().any(|(seen, _)| *seen == k) {
                unique.push((k, v));
            }
        }
        let encode = |pairs: &[(String, String)]| {
            pairs
                .iter()
                .map(|(k, v)| format!("{k}={}", v.replace('&', "%26").replace('#', "%23").replace('+', "%2B")))
                .collect::<Vec<_>>()
                .join("&")
        };
        let whole = decode(&encode(&unique));
        let reported = |key: &str, list: &[teleprospection_roi::link::Ignored]| {
            list.iter().any(|i| i.key == key.chars().take(40).collect::<String>() || i.reason == IgnoredReason::TooManyKeys)
        };
        for (index, (key, value)) in unique.iter().enumerate() {
            if reported(key, &whole.ignored) || key.contains('%') {
                continue;
            }
            let alone = decode(&encode(&[(key.clone(), value.clone())]));
            let defaults = Draft::with_defaults();
            let no_effect = alone.draft == defaults && alone.lang.is_none() && alone.embed == Default::default();
            if no_effect {
                continue;
            }
            let mut rest = unique.clone();
            rest.remove(index);
            let without = decode(&encode(&rest));
            prop_assert!(
                without.draft != whole.draft || without.lang != whole.lang || without.embed != whole.embed,
                "{key}={value} changed nothing and was not reported: {:?}", whole.ignored
            );
        }
    }

    /// Nothing is cut or mangled silently: a name or label that is not
    /// reported is taken exactly as sent, and bytes that are not text are
    /// reported rather than shown as U+FFFD.
    #[test]
    fn names_and_labels_are_taken_whole_or_reported(
        name in ".{0,120}",
        label in ".{0,60}",
        junk in "[a-z]{0,3}%[0-9A-Fa-fZ]{0,2}[%a-z]{0,3}",
    ) {
        let enc = |text: &str| form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
        let decoded = decode(&format!("name={}&cta.label={}", enc(&name), enc(&label)));
        let reported = |key: &str| decoded.ignored.iter().any(|i| i.key == key);
        if !reported("name") {
            prop_assert_eq!(&decoded.draft.name, &name);
        }
        if !reported("cta.label") {
            prop_assert_eq!(decoded.embed.cta_label.as_str(), label.trim());
        }
        let junk_link = format!("name={junk}");
        let decoded = decode(&junk_link);
        if decoded.ignored.is_empty() {
            let sent: String = form_urlencoded::parse(junk_link.as_bytes())
                .next()
                .map(|(_, value)| value.into_owned())
                .unwrap_or_default();
            prop_assert!(!decoded.draft.name.contains(char::REPLACEMENT_CHARACTER));
            prop_assert_eq!(decoded.draft.name, sent);
        }
    }
}
