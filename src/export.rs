//! Export and import: a JSON file of scenarios (every input of every
//! variant, with a schema version) that imports back with validation. Pure:
//! the download and the file picker are `browser::files`; the CSV for
//! spreadsheets is `crate::csv`.
//!
//! JSON, schema 1:
//! ```json
//! {"format": "teleprospection-roi/scenarios", "schema": 1, "scenarios": [
//!   {"name": "…", "central": {"meetings": "50", …}, "prudent": {…}, "ambitious": {…},
//!    "overridden": {"prudent": ["win"], "ambitious": []},
//!    "settings": "win_low=30&team_callers=2&seg1.name=PME&seg1.price=180"}]}
//! ```
//! Values are the share link's plain text (`.` decimal point, rates as
//! percent numbers); every variant lists all twenty inputs. `overridden`
//! names the variant values the user set by hand (the others follow the
//! central scenario). On import a number may also be a JSON number, and a
//! variant value that differs from the derived one counts as set by hand.
//!
//! `settings` (absent when there is nothing to say) carries the rest of the
//! scenario in the share link's `key=value` form, read by the link decoder:
//! risk ranges, trial count and seed, decision-tool inputs and segments.
//!
//! `tracking` (absent for a scenario without checkpoints and with the
//! default `track_prior`) holds the campaign: `{"track_prior": "20",
//! "checkpoints": [{"week": "4", "booked": "24", …}]}`, every value a
//! checkpoint has, in plain text (a link may not carry every checkpoint;
//! the file always does). On import each checkpoint is checked like a
//! link's: one that is incomplete or does not fit the one before it is
//! left out and listed, and only the first 52 are read.
//!
//! Import never fails as a whole unless the file is not an export: what is
//! valid loads, and every value that was not taken is listed.
//!
//! Import also reads what the app stores (`crate::store`): a working
//! scenario or a library, as the crash screen, a backup or a copy of the
//! browser's storage give them. A library is read entry by entry, and an
//! entry that cannot be read is listed.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use std::collections::BTreeMap;

use crate::engine::tracking::{
    checkpoint_key, parse_track_prior, Checkpoint, CheckpointField, DEFAULT_TRACK_PRIOR,
    MAX_CHECKPOINTS, TRACK_PRIOR_KEY,
};
use crate::engine::{derive_variant, Field, Inputs, Problem, Variant};
use crate::i18n::Lang;
use crate::link::MAX_NAME_CHARS;
use crate::maps::map_of;
use crate::scenario::{checkpoints_from, CheckpointRefusal, Draft, PlainValues};
use crate::store::{decode_working, read_library, Loaded, MAX_SAVED};

/// What the `format` member of an export says.
pub const FORMAT: &str = "teleprospection-roi/scenarios";
/// The export schema this code writes.
pub const EXPORT_SCHEMA: u32 = 1;
/// Larger files are refused before parsing (an export of the whole
/// library is far below this).
pub const MAX_IMPORT_BYTES: usize = 4 * 1024 * 1024;
/// Values longer than this cannot be a valid number or token.
const MAX_VALUE_CHARS: usize = 64;

// ---------------------------------------------------------------------------
// JSON export
// ---------------------------------------------------------------------------

/// A JSON string literal (quotes and escapes).
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// `"key": "value"` for every input of one variant, in the spec's order.
fn all_values(out: &mut String, inputs: &Inputs) {
    out.push('{');
    for (index, field) in Field::ALL.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        // Keys and plain values are ASCII letters, digits, `.` and `-`.
        out.push_str(&format!(
            "\n        \"{}\": \"{}\"",
            field.key(),
            inputs.plain(*field)
        ));
    }
    out.push_str("\n      }");
}

/// The keys of a variant's hand-set values, as a JSON array.
fn keys(values: &PlainValues) -> String {
    let keys: Vec<String> = values
        .keys()
        .map(|field| format!("\"{}\"", field.key()))
        .collect();
    format!("[{}]", keys.join(", "))
}

/// The scenario's risk settings, decision-tool inputs and segments as link
/// pairs (the link codec validates them both ways).
fn settings_of(draft: &Draft) -> String {
    let rest = Draft {
        risk: draft.risk.clone(),
        segments: draft.segments.clone(),
        tools: draft.tools.clone(),
        ..Draft::with_defaults()
    };
    let link = crate::link::encode(&rest, Lang::default());
    link.strip_prefix("v=1")
        .unwrap_or(&link)
        .trim_start_matches('&')
        .to_string()
}

/// The campaign's member: `track_prior` and every checkpoint with all the
/// values it has (nothing when there is no campaign to keep).
fn tracking_of(out: &mut String, draft: &Draft) {
    let prior = draft.track_prior();
    if draft.checkpoints.is_empty() && prior == DEFAULT_TRACK_PRIOR {
        return;
    }
    out.push_str(&format!(
        ",\n      \"tracking\": {{\n        \"{TRACK_PRIOR_KEY}\": \"{prior}\",\n        \"checkpoints\": ["
    ));
    for (index, checkpoint) in draft.checkpoints.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let values: Vec<String> = CheckpointField::ALL
            .into_iter()
            .filter_map(|field| {
                // Keys and plain values are ASCII letters, digits and `.`.
                let plain = checkpoint.plain(field)?;
                Some(format!("\"{}\": \"{plain}\"", field.key()))
            })
            .collect();
        out.push_str(&format!("\n          {{{}}}", values.join(", ")));
    }
    if !draft.checkpoints.is_empty() {
        out.push_str("\n        ");
    }
    out.push_str("]\n      }");
}

/// The JSON export of `scenarios`, indented for people who open it.
/// Written by hand: the shape is fixed, and serde's pretty printer would
/// cost the page more bytes than this.
pub fn export_json(scenarios: &[&Draft]) -> String {
    let mut out = format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"schema\": {EXPORT_SCHEMA},\n  \"scenarios\": ["
    );
    for (index, draft) in scenarios.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "\n    {{\n      \"name\": {},",
            json_string(&draft.name)
        ));
        for which in [Variant::Central, Variant::Prudent, Variant::Ambitious] {
            out.push_str(&format!("\n      \"{}\": ", which.key()));
            all_values(&mut out, &draft.inputs(which));
            out.push(',');
        }
        out.push_str(&format!(
            "\n      \"overridden\": {{\"prudent\": {}, \"ambitious\": {}}}",
            keys(&draft.prudent),
            keys(&draft.ambitious)
        ));
        let settings = settings_of(draft);
        if !settings.is_empty() {
            out.push_str(&format!(
                ",\n      \"settings\": {}",
                json_string(&settings)
            ));
        }
        tracking_of(&mut out, draft);
        out.push_str("\n    }");
    }
    out.push_str(if scenarios.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

// ---------------------------------------------------------------------------
// JSON import
// ---------------------------------------------------------------------------

/// Why part of an imported file was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportIssue {
    /// The whole file: `bytes` long, more than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// The whole file: not JSON.
    NotJson,
    /// The whole file: JSON, but not an export of this calculator.
    NotAnExport,
    /// The whole file: written by a newer version (its schema).
    Newer(u32),
    /// The file holds no scenario.
    NoScenarios,
    /// The file holds `found` scenarios: those past [`MAX_SAVED`] (as many
    /// as the list can ever hold) were not read.
    TooManyScenarios { found: usize },
    /// An entry of `scenarios` is not a scenario object (or, in a stored
    /// library, cannot be read; its name, if readable, is the key).
    NotAScenario,
    /// A name longer than [`MAX_NAME_CHARS`]: its first characters are taken.
    Cut { max: usize },
    /// A member or input key this format does not have.
    UnknownKey,
    /// A value that is neither text nor a number (or a name that is not text).
    NotAValue,
    /// A value the model refuses (the default or derived value is kept).
    Invalid(Problem),
    /// A central input that is missing (its default is used).
    Missing,
    /// The campaign holds `found` checkpoints: those past the 52nd were
    /// not read.
    TooManyCheckpoints { found: usize },
    /// A checkpoint left out whole (incomplete, or not fitting the one
    /// before it); the key names its field (`chk2.held`).
    Checkpoint(CheckpointRefusal),
}

/// One thing the import did not take: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based position of the scenario in the file; None for the file.
    pub scenario: Option<usize>,
    /// The input as the share link names it (`price`, `prudent.win`) or
    /// the member's name; empty for the file or a whole scenario.
    pub key: String,
    pub issue: ImportIssue,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub scenarios: Vec<Draft>,
    pub problems: Vec<ImportProblem>,
}

/// A JSON value, kept only as far as the import needs it. Numbers keep
/// their text so that no precision is lost.
enum Json {
    Text(String),
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    Other,
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Json, E> {
        Ok(Json::Text(text.to_string()))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Text(n.to_string()))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Text(n.to_string()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
        // Shortest text that reads back as the same f64: 12.5 → "12.5".
        Ok(Json::Text(n.to_string()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Json, E> {
        Ok(Json::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Json>()? {
            members.push(member);
        }
        Ok(Json::Object(members))
    }
}

impl Json {
    fn member(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(key, _)| key == name).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Collects the problems of one scenario.
struct Report<'a> {
    problems: &'a mut Vec<ImportProblem>,
    scenario: Option<usize>,
}

impl Report<'_> {
    fn add(&mut self, key: impl Into<String>, issue: ImportIssue) {
        // Keys are shown to the user: keep them short.
        let key: String = key.into().chars().take(40).collect();
        self.problems.push(ImportProblem {
            scenario: self.scenario,
            key,
            issue,
        });
    }
}

/// Reads an export. See the module doc for what is taken.
pub fn import_json(text: &str) -> Imported {
    let mut imported = Imported::default();
    let mut file = Report {
        problems: &mut imported.problems,
        scenario: None,
    };
    if text.len() > MAX_IMPORT_BYTES {
        file.add("", ImportIssue::TooLarge { bytes: text.len() });
        return imported;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(root) = serde_json::from_str::<Json>(text) else {
        file.add("", ImportIssue::NotJson);
        return imported;
    };
    if root.member("format").is_none() && root.member("schema").is_some() {
        import_stored(text, &mut imported);
        return imported;
    }
    let is_ours = matches!(root.member("format"), Some(Json::Text(format)) if format == FORMAT);
    let schema = match root.member("schema") {
        Some(Json::Text(schema)) => schema.parse::<u32>().ok(),
        _ => None,
    };
    let (true, Some(schema), Some(Json::Array(entries))) =
        (is_ours, schema, root.member("scenarios"))
    else {
        file.add("", ImportIssue::NotAnExport);
        return imported;
    };
    if schema > EXPORT_SCHEMA {
        file.add("", ImportIssue::Newer(schema));
        return imported;
    }
    if entries.is_empty() {
        file.add("", ImportIssue::NoScenarios);
    }
    if entries.len() > MAX_SAVED {
        file.add(
            "",
            ImportIssue::TooManyScenarios {
                found: entries.len(),
            },
        );
    }
    for (index, entry) in entries.iter().take(MAX_SAVED).enumerate() {
        let mut report = Report {
            problems: &mut imported.problems,
            scenario: Some(index + 1),
        };
        if let Some(draft) = scenario_from(entry, &mut report) {
            imported.scenarios.push(draft);
        }
    }
    imported
}

/// A working scenario or a library as the app stores them.
fn import_stored(text: &str, imported: &mut Imported) {
    let mut file = Report {
        problems: &mut imported.problems,
        scenario: None,
    };
    match decode_working(text) {
        Loaded::Found(working) => {
            imported.scenarios.push(working.draft);
            return;
        }
        Loaded::Newer(schema) => {
            file.add("", ImportIssue::Newer(schema));
            return;
        }
        Loaded::Unreadable => {}
    }
    match read_library(text) {
        Loaded::Found(read) => {
            let found = read.library.scenarios.len() + read.unreadable.len() + read.beyond_cap;
            if found == 0 {
                file.add("", ImportIssue::NoScenarios);
            }
            if read.beyond_cap > 0 {
                file.add("", ImportIssue::TooManyScenarios { found });
            }
            for entry in read.unreadable {
                let mut report = Report {
                    problems: &mut imported.problems,
                    scenario: Some(entry.position),
                };
                report.add(entry.name.unwrap_or_default(), ImportIssue::NotAScenario);
            }
            imported
                .scenarios
                .extend(read.library.scenarios.into_iter().map(|entry| entry.draft));
        }
        Loaded::Newer(schema) => file.add("", ImportIssue::Newer(schema)),
        Loaded::Unreadable => file.add("", ImportIssue::NotAnExport),
    }
}

const MEMBERS: [&str; 7] = [
    "name",
    "central",
    "prudent",
    "ambitious",
    "overridden",
    "settings",
    "tracking",
];

fn scenario_from(entry: &Json, report: &mut Report) -> Option<Draft> {
    let Json::Object(members) = entry else {
        report.add("", ImportIssue::NotAScenario);
        return None;
    };
    for (key, _) in members {
        if !MEMBERS.contains(&key.as_str()) {
            report.add(key.as_str(), ImportIssue::UnknownKey);
        }
    }
    let name = match entry.member("name") {
        None => String::new(),
        Some(Json::Text(name)) => {
            if name.chars().count() > MAX_NAME_CHARS {
                report.add(
                    "name",
                    ImportIssue::Cut {
                        max: MAX_NAME_CHARS,
                    },
                );
            }
            name.chars().take(MAX_NAME_CHARS).collect()
        }
        Some(_) => {
            report.add("name", ImportIssue::NotAValue);
            String::new()
        }
    };
    // Central: every input, defaults where missing or refused.
    let mut central = Inputs::default();
    let central_object = entry.member("central");
    let given = values_from(central_object, Variant::Central, report);
    if central_object.is_none() {
        report.add("central", ImportIssue::Missing);
    }
    for field in Field::ALL {
        match given.iter().find(|(f, _)| *f == field) {
            Some((_, plain)) => {
                let _ = central.set(field, plain);
            }
            None if matches!(central_object, Some(Json::Object(_)))
                && !already_reported(report, field) =>
            {
                report.add(field.key(), ImportIssue::Missing)
            }
            None => {}
        }
    }
    let mut draft = Draft {
        name,
        central: map_of(
            Field::ALL
                .iter()
                .map(|field| (*field, central.plain(*field))),
        ),
        ..Draft::default()
    };
    for which in [Variant::Prudent, Variant::Ambitious] {
        let hand_set = overridden_from(entry, which, report);
        let derived = derive_variant(&central, which);
        let overrides: PlainValues = map_of(
            values_from(entry.member(which.key()), which, report)
                .into_iter()
                .filter(|(field, plain)| {
                    hand_set.contains(field) || *plain != derived.plain(*field)
                }),
        );
        match which {
            Variant::Prudent => draft.prudent = overrides,
            _ => draft.ambitious = overrides,
        }
    }
    match entry.member("settings") {
        None => {}
        Some(Json::Text(settings)) => {
            let decoded = crate::link::decode(settings);
            draft.risk = decoded.draft.risk;
            draft.segments = decoded.draft.segments;
            draft.tools = decoded.draft.tools;
            for ignored in decoded.ignored {
                let issue = match ignored.reason {
                    crate::link::IgnoredReason::Invalid(problem) => ImportIssue::Invalid(problem),
                    _ => ImportIssue::UnknownKey,
                };
                report.add(ignored.key, issue);
            }
        }
        Some(_) => report.add("settings", ImportIssue::NotAValue),
    }
    if let Some(tracking) = entry.member("tracking") {
        tracking_from(tracking, &mut draft, report);
    }
    Some(draft)
}

/// The campaign of an exported scenario: `track_prior` and the checkpoints,
/// each value checked on its own, then each checkpoint against the one
/// before it, as a link's are.
fn tracking_from(tracking: &Json, draft: &mut Draft, report: &mut Report) {
    let Json::Object(members) = tracking else {
        report.add("tracking", ImportIssue::NotAValue);
        return;
    };
    for (key, value) in members {
        match (key.as_str(), value) {
            (TRACK_PRIOR_KEY, Json::Text(text)) => match parse_track_prior(text) {
                Ok(prior) => draft.track_prior = Some(prior),
                Err(problem) => report.add(TRACK_PRIOR_KEY, ImportIssue::Invalid(problem)),
            },
            ("checkpoints", Json::Array(entries)) => {
                if entries.len() > MAX_CHECKPOINTS {
                    report.add(
                        "",
                        ImportIssue::TooManyCheckpoints {
                            found: entries.len(),
                        },
                    );
                }
                let mut numbered = BTreeMap::new();
                for (index, entry) in entries.iter().take(MAX_CHECKPOINTS).enumerate() {
                    let values = checkpoint_values(index + 1, entry, report);
                    numbered.insert(index + 1, values);
                }
                let (checkpoints, refused) = checkpoints_from(&numbered);
                draft.checkpoints = checkpoints;
                for refused in refused {
                    report.add(
                        checkpoint_key(refused.number, refused.field),
                        ImportIssue::Checkpoint(refused.refusal),
                    );
                }
            }
            (TRACK_PRIOR_KEY | "checkpoints", _) => {
                report.add(format!("tracking.{key}"), ImportIssue::NotAValue)
            }
            _ => report.add(format!("tracking.{key}"), ImportIssue::UnknownKey),
        }
    }
}

/// The valid values of checkpoint `number`'s object, normalized; the rest reported.
fn checkpoint_values(
    number: usize,
    entry: &Json,
    report: &mut Report,
) -> Vec<(CheckpointField, String)> {
    let Json::Object(members) = entry else {
        report.add(format!("chk{number}"), ImportIssue::NotAValue);
        return Vec::new();
    };
    let mut values = Vec::new();
    for (key, value) in members {
        let shown = format!("chk{number}.{key}");
        let Some(field) = CheckpointField::from_key(key) else {
            report.add(shown, ImportIssue::UnknownKey);
            continue;
        };
        let Json::Text(text) = value else {
            report.add(shown, ImportIssue::NotAValue);
            continue;
        };
        let mut probe = Checkpoint::following(None);
        let checked = if text.chars().count() > MAX_VALUE_CHARS {
            Err(Problem::NotANumber)
        } else {
            probe.set(field, text)
        };
        match checked {
            Ok(()) => values.push((field, probe.plain(field).unwrap_or_default())),
            Err(problem) => report.add(shown, ImportIssue::Invalid(problem)),
        }
    }
    values
}

/// Whether `field`'s central value was already reported as refused (then
/// it is not also reported as missing).
fn already_reported(report: &Report, field: Field) -> bool {
    report
        .problems
        .iter()
        .any(|p| p.scenario == report.scenario && p.key == field.key())
}

/// The valid values of one variant's object, normalized; the rest reported.
fn values_from(object: Option<&Json>, which: Variant, report: &mut Report) -> Vec<(Field, String)> {
    let prefix = match which {
        Variant::Central => String::new(),
        _ => format!("{}.", which.key()),
    };
    let members = match object {
        Some(Json::Object(members)) => members.as_slice(),
        None => &[],
        Some(_) => {
            report.add(which.key(), ImportIssue::NotAValue);
            &[]
        }
    };
    let mut values = Vec::new();
    for (key, value) in members {
        let shown = format!("{prefix}{key}");
        let Some(field) = Field::from_key(key) else {
            report.add(shown, ImportIssue::UnknownKey);
            continue;
        };
        let Json::Text(text) = value else {
            report.add(shown, ImportIssue::NotAValue);
            continue;
        };
        let mut inputs = Inputs::default();
        let checked = if text.chars().count() > MAX_VALUE_CHARS {
            Err(Problem::NotANumber)
        } else {
            inputs.set(field, text).map_err(|error| error.problem)
        };
        match checked {
            Ok(()) => values.push((field, inputs.plain(field))),
            Err(problem) => report.add(shown, ImportIssue::Invalid(problem)),
        }
    }
    values
}

/// The fields `overridden.<variant>` names.
fn overridden_from(entry: &Json, which: Variant, report: &mut Report) -> Vec<Field> {
    let shown = format!("overridden.{}", which.key());
    match entry
        .member("overridden")
        .and_then(|o| o.member(which.key()))
    {
        None => Vec::new(),
        Some(Json::Array(keys)) => keys
            .iter()
            .filter_map(|key| {
                let field = match key {
                    Json::Text(key) => Field::from_key(key),
                    _ => None,
                };
                if field.is_none() {
                    report.add(shown.as_str(), ImportIssue::UnknownKey);
                }
                field
            })
            .collect(),
        Some(_) => {
            report.add(shown, ImportIssue::NotAValue);
            Vec::new()
        }
    }
}

/// A file name for an export: the scenario's name reduced to letters,
/// digits and dashes, or `fallback`.
pub fn file_name(name: &str, fallback: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    let stem = if stem.is_empty() { fallback } else { &stem };
    format!("{stem}.{extension}")
}
