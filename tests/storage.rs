//! The one storage write path (never destroys what it cannot copy), the
//! library read entry by entry, and the start-up choice.
#![cfg(not(target_arch = "wasm32"))]

use teleprospection_roi::engine::Field;
use teleprospection_roi::export::{import_json, ImportIssue};
use teleprospection_roi::i18n::Lang;
use teleprospection_roi::notice::Notice;
use teleprospection_roi::scenario::Draft;
use teleprospection_roi::start::{choose, Opening, Read};
use teleprospection_roi::store::backup::{backups, Memory, BACKUPS_KEPT};
use teleprospection_roi::store::{
    encode_library, encode_working, keep_aside, open_library, read_library, write_library,
    write_working, Area, EntryLabel, Found, Kept, Library, Loaded, Refused, SavedRef,
    SavedScenario, Source, Working, BACKUP_KEY, LIBRARY_BACKUP_KEY, LIBRARY_KEY, MAX_SAVED, SCHEMA,
    WORKING_KEY,
};

fn draft(name: &str, price: &str) -> Draft {
    let mut draft = Draft::with_defaults();
    draft.name = name.into();
    draft.central.insert(Field::Price, price.into());
    draft
}

fn working(price: &str) -> String {
    encode_working(&Working {
        schema: SCHEMA,
        lang: Lang::Fr,
        draft: draft("", price),
        saved: None,
    })
}

fn entry(id: &str, name: &str) -> SavedScenario {
    SavedScenario {
        id: id.into(),
        revision: 1,
        updated: 1,
        draft: draft(name, "100"),
    }
}

fn library_of(entries: Vec<SavedScenario>) -> String {
    encode_library(&Library {
        scenarios: entries,
        ..Library::default()
    })
}

fn area(values: &[(&str, &str)], quota: Option<usize>) -> Memory {
    Memory {
        values: values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        quota,
    }
}

// ---------------------------------------------------------------------------
// Backups
// ---------------------------------------------------------------------------

#[test]
fn an_unreadable_working_scenario_is_copied_before_it_is_replaced() {
    let mut store = area(&[(WORKING_KEY, "{not json")], None);
    let (kept, written) = write_working(&mut store, &working("150"), None);
    assert_eq!(written, Ok(()));
    assert_eq!(
        kept,
        Some(Kept::Backup {
            key: BACKUP_KEY.into(),
            bytes: 9,
            dropped: vec![]
        })
    );
    assert_eq!(store.get(BACKUP_KEY).as_deref(), Some("{not json"));
    assert_eq!(store.get(WORKING_KEY), Some(working("150")));
    // Ours is replaced without a copy.
    assert_eq!(
        write_working(&mut store, &working("160"), None),
        (None, Ok(()))
    );
    assert_eq!(backups(&store, Source::Working).len(), 1);
}

#[test]
fn what_cannot_be_copied_is_left_in_place_and_not_written_over() {
    // Item 1: a 4.9 MB unreadable value and a 5 MB quota.
    let big = format!("{{{}", "x".repeat(4_900_000));
    let mut store = area(&[(WORKING_KEY, &big)], Some(5_000_000));
    let refused = write_working(&mut store, &working("150"), None);
    assert_eq!(
        refused,
        (
            None,
            Err(Refused::Unreadable(Kept::InPlace {
                key: WORKING_KEY.into(),
                bytes: big.len()
            }))
        )
    );
    assert_eq!(store.get(WORKING_KEY), Some(big.clone()), "untouched");
    assert!(backups(&store, Source::Working).is_empty());
    // keep_aside says the same.
    assert!(matches!(
        keep_aside(&mut store, Source::Working, &big),
        Kept::InPlace { .. }
    ));
}

#[test]
fn backups_never_overwrite_each_other_and_the_oldest_goes_past_the_bound() {
    let mut store = Memory::default();
    let mut keys = Vec::new();
    for n in 0..BACKUPS_KEPT + 2 {
        let raw = format!("garbage {n}");
        store.set(WORKING_KEY, &raw);
        let (kept, _) = write_working(&mut store, &working("150"), None);
        let Some(Kept::Backup { key, dropped, .. }) = kept else {
            panic!("copied");
        };
        assert_eq!(store.get(&key), Some(raw), "a new key for each copy");
        assert!(!keys.contains(&key));
        keys.push(key);
        // Only past the bound, one at a time, oldest first.
        let expected: Vec<String> = match n.checked_sub(BACKUPS_KEPT) {
            Some(oldest) => vec![keys[oldest].clone()],
            None => vec![],
        };
        assert_eq!(dropped, expected);
    }
    assert_eq!(keys[0], BACKUP_KEY);
    assert_eq!(keys[1], format!("{BACKUP_KEY}.2"));
    let left: Vec<String> = backups(&store, Source::Working)
        .into_iter()
        .map(|(_, key)| key)
        .collect();
    assert_eq!(left, keys[2..]);
    // The same text twice is kept once.
    store.set(WORKING_KEY, "garbage 6");
    let (again, _) = write_working(&mut store, &working("150"), None);
    assert_eq!(again.unwrap().key(), keys[6]);
    assert_eq!(backups(&store, Source::Working).len(), BACKUPS_KEPT);
}

#[test]
fn a_newer_versions_data_is_never_written_over() {
    let newer = r#"{"schema":9,"anything":true}"#;
    let mut store = area(&[(WORKING_KEY, newer), (LIBRARY_KEY, newer)], None);
    assert_eq!(
        write_working(&mut store, &working("150"), None),
        (None, Err(Refused::Newer(9)))
    );
    let opened = open_library(&mut store);
    assert_eq!(opened.newer, Some(9));
    assert_eq!(opened.vetted, None, "not writable");
    assert_eq!(store.get(WORKING_KEY).as_deref(), Some(newer));
    assert_eq!(store.get(LIBRARY_KEY).as_deref(), Some(newer));
}

// ---------------------------------------------------------------------------
// The library, entry by entry
// ---------------------------------------------------------------------------

#[test]
fn one_bad_entry_is_set_aside_and_the_others_load() {
    // Item 6: two good entries and one with `revision: "x"`.
    let raw = format!(
        r#"{{"schema":2,"scenarios":[{},{{"id":"b","revision":"x","updated":1,"draft":{{"name":"Bad one"}}}},{},7]}}"#,
        serde_json::to_string(&entry("a", "A")).unwrap(),
        serde_json::to_string(&entry("c", "C")).unwrap()
    );
    let Loaded::Found(read) = read_library(&raw) else {
        panic!("the envelope is readable");
    };
    let names: Vec<_> = read
        .library
        .scenarios
        .iter()
        .map(|e| e.draft.name.as_str())
        .collect();
    assert_eq!(names, ["A", "C"]);
    assert_eq!(
        read.unreadable,
        [
            EntryLabel {
                position: 2,
                name: Some("Bad one".into())
            },
            EntryLabel {
                position: 4,
                name: None
            }
        ]
    );
    // Opening it copies the stored text aside, then writes the repair.
    let mut store = area(&[(LIBRARY_KEY, &raw)], None);
    let opened = open_library(&mut store);
    assert_eq!(opened.library, read.library);
    let report = opened.report.unwrap();
    assert!(matches!(report.found, Found::Repaired { .. }));
    assert_eq!(report.kept.as_ref().unwrap().key(), LIBRARY_BACKUP_KEY);
    assert_eq!(store.get(LIBRARY_BACKUP_KEY), Some(raw.clone()));
    assert_eq!(store.get(LIBRARY_KEY), Some(encode_library(&read.library)));
    // The copy imports: the good entries come back, the bad one is named.
    let imported = import_json(&raw);
    assert_eq!(imported.scenarios.len(), 2);
    assert!(imported.problems.iter().any(|p| p.scenario == Some(2)
        && p.key == "Bad one"
        && p.issue == ImportIssue::NotAScenario));
}

#[test]
fn a_repeated_id_becomes_a_copy_with_an_id_of_its_own() {
    // Item 4.
    let raw = library_of(vec![
        entry("a", "First"),
        entry("a", "Second"),
        entry("a-2", "Third"),
    ]);
    let Loaded::Found(read) = read_library(&raw) else {
        panic!("readable");
    };
    let ids: Vec<_> = read
        .library
        .scenarios
        .iter()
        .map(|e| (e.id.as_str(), e.draft.name.as_str()))
        .collect();
    assert_eq!(ids, [("a", "First"), ("a-3", "Second"), ("a-2", "Third")]);
    assert_eq!(read.renumbered, 1);
    assert!(!read.lossy(), "nothing is lost: no copy needed");
    // Every tab repairs it the same way.
    assert_eq!(read_library(&raw), Loaded::Found(read.clone()));
    let mut store = area(&[(LIBRARY_KEY, &raw)], None);
    let opened = open_library(&mut store);
    assert_eq!(opened.report.unwrap().kept, None);
    assert!(backups(&store, Source::Library).is_empty());
    assert_eq!(store.get(LIBRARY_KEY), Some(encode_library(&read.library)));
}

#[test]
fn a_library_past_the_limit_loads_the_first_entries_and_keeps_the_rest_aside() {
    // Item 7: 10,000 entries.
    let raw = library_of(
        (0..10_000)
            .map(|n| entry(&format!("id{n}"), &format!("S{n}")))
            .collect(),
    );
    let started = std::time::Instant::now();
    let mut store = area(&[(LIBRARY_KEY, &raw)], None);
    let opened = open_library(&mut store);
    assert!(
        started.elapsed().as_secs_f64() < 2.0,
        "{:?}",
        started.elapsed()
    );
    assert_eq!(opened.library.scenarios.len(), MAX_SAVED);
    assert_eq!(opened.library.scenarios[0].draft.name, "S0");
    let report = opened.report.unwrap();
    assert_eq!(
        report.found,
        Found::Repaired {
            unreadable: vec![],
            beyond_cap: 10_000 - MAX_SAVED,
            renumbered: 0
        }
    );
    assert_eq!(store.get(LIBRARY_BACKUP_KEY), Some(raw.clone()));
    // The copy imports as far as the list has room, and says the limit.
    let imported = import_json(&raw);
    assert_eq!(imported.scenarios.len(), MAX_SAVED);
    assert_eq!(
        imported.problems[0].issue,
        ImportIssue::TooManyScenarios { found: 10_000 }
    );
}

#[test]
fn a_library_that_cannot_be_copied_shows_what_it_can_and_is_not_written() {
    let raw = format!(
        r#"{{"schema":2,"scenarios":[{},"bad"]}}"#,
        serde_json::to_string(&entry("a", "A")).unwrap()
    );
    let quota = LIBRARY_KEY.len() + raw.len() + 10;
    let mut store = area(&[(LIBRARY_KEY, &raw)], Some(quota));
    let opened = open_library(&mut store);
    assert_eq!(opened.library.scenarios.len(), 1);
    assert_eq!(opened.vetted, None);
    assert!(matches!(
        opened.report.unwrap().kept,
        Some(Kept::InPlace { .. })
    ));
    assert_eq!(store.get(LIBRARY_KEY), Some(raw));
}

#[test]
fn a_library_write_is_refused_when_the_stored_text_moved() {
    let mut store = Memory::default();
    let opened = open_library(&mut store);
    let vetted = opened.vetted.unwrap();
    let mut mine = opened.library.clone();
    mine.save_new(&draft("Mine", "100"), 1, 1).unwrap();
    // Another tab wrote in between.
    store.set(LIBRARY_KEY, &library_of(vec![entry("x", "Theirs")]));
    assert_eq!(
        write_library(&mut store, &mine, &vetted),
        Err(Refused::Moved)
    );
    let again = open_library(&mut store);
    let mut mine = again.library.clone();
    mine.save_new(&draft("Mine", "100"), 1, 1).unwrap();
    assert!(write_library(&mut store, &mine, &again.vetted.unwrap()).is_ok());
    let Loaded::Found(read) = read_library(&store.get(LIBRARY_KEY).unwrap()) else {
        panic!("written");
    };
    assert_eq!(read.library.scenarios.len(), 2);
}

// ---------------------------------------------------------------------------
// The start-up choice
// ---------------------------------------------------------------------------

fn read(query: &str, fragment: &str) -> Read {
    Read {
        query: query.into(),
        fragment: fragment.into(),
        storage: true,
        ..Read::default()
    }
}

fn price(draft: &Draft) -> &str {
    &draft.central[&Field::Price]
}

#[test]
fn a_link_wins_over_the_stored_scenario_which_can_come_back() {
    let start = choose(&Read {
        working: Some(working("170")),
        ..read("", "v=1&price=200")
    });
    assert_eq!(price(&start.draft), "200");
    let Opening::Link {
        previous: Some(previous),
    } = start.opening
    else {
        panic!("the stored scenario can come back");
    };
    assert_eq!(price(&previous.draft), "170");
    assert!(start.notices.is_empty());
    assert!(start.may_save);
}

#[test]
fn a_reload_shows_this_tabs_copy_whatever_the_address_says() {
    let mut tab: Working = match teleprospection_roi::store::decode_working(&working("175")) {
        Loaded::Found(w) => w,
        _ => unreachable!(),
    };
    tab.saved = Some(SavedRef {
        id: "a".into(),
        revision: 2,
    });
    let reload = Read {
        reload: true,
        tab: Some(encode_working(&tab)),
        working: Some(working("300")),
        ..read("", "v=1&price=150")
    };
    let start = choose(&reload);
    assert_eq!(price(&start.draft), "175");
    assert_eq!(start.opening, Opening::Stored(tab.saved.clone()));
    // Not a reload: the link.
    let start = choose(&Read {
        reload: false,
        ..reload.clone()
    });
    assert_eq!(price(&start.draft), "150");
    // Embedded: never this tab's copy, never a save.
    let start = choose(&Read {
        fragment: "v=1&price=150&embed=1".into(),
        ..reload
    });
    assert_eq!(price(&start.draft), "150");
    assert!(!start.may_save);
}

#[test]
fn query_and_fragment_are_both_read_and_the_fragment_wins() {
    // Item 5.
    let start = choose(&read("meetings=10", "v=1&price=200"));
    let inputs = start
        .draft
        .inputs(teleprospection_roi::engine::Variant::Central);
    assert_eq!(inputs.meetings, 10.into());
    assert_eq!(inputs.price, 200.into());
    assert!(start.notices.is_empty());
    // A fragment that is only an anchor leaves the query in force.
    let start = choose(&read("price=150", "top"));
    assert_eq!(price(&start.draft), "150");
    assert!(start.notices.is_empty());
    // A conflict is said.
    let start = choose(&read("price=150&meetings=10", "v=1&price=200"));
    assert_eq!(price(&start.draft), "200");
    let [Notice::LinkIgnored(ignored)] = start.notices.as_slice() else {
        panic!("{:?}", start.notices);
    };
    assert_eq!(ignored.len(), 1);
    assert_eq!(
        (ignored[0].key.as_str(), ignored[0].value.as_str()),
        ("price", "150")
    );
}

#[test]
fn unreadable_newer_or_missing_storage_is_said() {
    let start = choose(&Read {
        working: Some("{broken".into()),
        ..read("", "")
    });
    assert!(start.set_aside);
    assert_eq!(start.opening, Opening::Fresh);
    // An embedded page leaves the visitor's storage alone.
    let start = choose(&Read {
        working: Some("{broken".into()),
        ..read("embed=1", "")
    });
    assert!(!start.set_aside && !start.may_save);
    let start = choose(&Read {
        working: Some(r#"{"schema":5,"draft":{}}"#.into()),
        ..read("", "")
    });
    assert_eq!(start.notices, [Notice::StorageNewer]);
    assert!(!start.may_save);
    let start = choose(&Read {
        storage: false,
        ..read("", "")
    });
    assert_eq!(start.notices, [Notice::StorageOff]);
}

#[test]
fn garbage_in_the_address_is_said_and_leaves_the_stored_scenario() {
    // Item 9: no key of ours, but not tracking keys either.
    for fragment in ["%%%%garbage!!<>", "foo=1", "name=%FF%FE"] {
        let start = choose(&Read {
            working: Some(working("170")),
            ..read("", fragment)
        });
        assert_eq!(price(&start.draft), "170", "{fragment}");
        assert!(
            matches!(start.notices.as_slice(), [Notice::LinkIgnored(i)] if !i.is_empty()),
            "{fragment}: {:?}",
            start.notices
        );
    }
    // Tracking keys alone: nothing to say.
    let start = choose(&read("utm_source=newsletter&fbclid=abc", ""));
    assert!(start.notices.is_empty());
}
