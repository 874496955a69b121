//! The share link: `v=1&meetings=50&price=120&…` (spec: roi-model.md,
//! "Share link"). Only values that differ from the defaults are written.
//! Extra keys of this project (documented in the README): `name`, `lang`,
//! and `prudent.<key>` / `ambitious.<key>` for the variants' overrides; the
//! risk panel's `<key>_low` / `<key>_high` (decision-tools.md §5),
//! `risk_trials` and `risk_seed`; the decision tools' inputs under their
//! spec keys (`team_callers`, `goal_value`, `reps`, …); segments as `seg<n>.name` and
//! `seg<n>.<key>` (n = 1…12, values that differ from the defaults); the
//! campaign's checkpoints as `chk<n>.<field>` (n = 1…52, `tracking.md`: the
//! required fields always, `lost`, `invoiced` and `revenue` when set) and
//! `track_prior` when set. The embed-mode page settings `embed`,
//! `cta.label`, `cta.url`, `accent` and `bg`
//! ([`Embed`]).
//!
//! A link holds at most [`MAX_PAIRS`] pairs: a scenario with everything set
//! and many checkpoints may not fit, and then the link leaves out the
//! earliest checkpoints (each one is cumulative, so the latest keep the
//! figures and the verdict), and says how many ([`encode_counted`]).
//!
//! Decoding never fails as a whole: whatever is valid loads, and every key
//! that was not taken is listed with the reason, so the page can say so.

use std::collections::BTreeMap;

use crate::colour::Rgb;
use crate::engine::risk::{parse_seed, parse_trials, DEFAULT_SEED, DEFAULT_TRIALS};
use crate::engine::tracking::{
    checkpoint_key, parse_checkpoint_key, parse_track_prior, Checkpoint, CheckpointField,
    DEFAULT_TRACK_PRIOR, MAX_CHECKPOINTS, TRACK_PRIOR_KEY,
};
use crate::engine::{
    derive_variant, parse_plain, Field, FieldSet, Inputs, Problem, RangeField, RiskInputs, Variant,
};
use crate::lang::Lang;
use crate::scenario::{
    checkpoints_from, CheckpointRefusal, Draft, PlainValues, SegmentDraft, MAX_SEGMENTS,
};

/// The link format version this code writes and reads.
pub const VERSION: &str = "1";
/// Past this many pairs the rest of a link is ignored: a scenario with every
/// field, override, range and twelve full segments stays under it, and it
/// bounds the work a hostile link can cause. Checkpoints take what is left
/// ([`encode_counted`]).
pub const MAX_PAIRS: usize = 400;
/// A scenario name longer than this is cut (it is only a label).
pub const MAX_NAME_CHARS: usize = 80;
/// Values longer than this cannot be a valid number or token.
const MAX_VALUE_CHARS: usize = 64;
/// A call-to-action label longer than this is cut (it is a button).
pub const MAX_CTA_LABEL_CHARS: usize = 40;
/// A call-to-action address longer than this (in bytes) is refused.
const MAX_TARGET_BYTES: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IgnoredReason {
    UnknownKey,
    UnsupportedVersion,
    Invalid(Problem),
    TooManyKeys,
    /// A call-to-action address that is not an absolute http(s) address.
    UnsafeTarget,
    /// A key given more than once: its last value is the one taken.
    Repeated,
    /// A value longer than its key takes: the first `max` characters are
    /// taken (`name`, `seg<n>.name`, `cta.label`).
    Cut {
        max: usize,
    },
    /// A `%` not followed by two hexadecimal digits, or bytes that are not
    /// UTF-8 text once decoded: the pair is not taken.
    BadEncoding,
    /// A key of the address's query that its fragment sets too: the
    /// fragment's value is taken, this one (the query's) is not.
    OverriddenByFragment,
    /// An `accent` that is not a hexadecimal colour of 3 or 6 digits.
    BadColour,
    /// A `bg` other than `transparent`.
    BadBackground,
    /// A checkpoint past the `max` a campaign holds (`chk53.…` and beyond).
    TooManyCheckpoints {
        max: usize,
    },
    /// A checkpoint left out whole: a required field missing, or a value
    /// that does not fit the checkpoint or the one before it (out of week
    /// order, counts going backwards).
    Checkpoint(CheckpointRefusal),
}

/// A key of the link that was not taken, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: IgnoredReason,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub draft: Draft,
    pub lang: Option<Lang>,
    /// Page settings for embedding (not part of the scenario).
    pub embed: Embed,
    pub ignored: Vec<Ignored>,
    /// True when the link carried at least one of our keys, valid or not
    /// (else: not a link, e.g. only tracking parameters).
    pub any: bool,
    /// Segments by their number in the link, while decoding.
    segments: BTreeMap<usize, SegmentDraft>,
    /// Checkpoint values by checkpoint number, while decoding.
    checkpoints: BTreeMap<usize, Vec<(CheckpointField, String)>>,
}

/// Embed mode (`embed=1`): the compact page for an iframe on another site,
/// with an optional call-to-action button (`cta.label`, `cta.url`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    pub on: bool,
    /// Empty: the page's own default label.
    pub cta_label: String,
    /// Only ever an absolute http(s) address (see [`safe_target`]).
    pub cta_url: Option<String>,
    /// The host's accent colour (`accent=1d4ed8`, or `%231d4ed8`).
    pub accent: Option<Rgb>,
    /// The page's own background left out (`bg=transparent`): the host's
    /// shows through the frame.
    pub transparent: bool,
}

/// Reads a link's fragment or query (without its leading `#` or `?`).
pub fn decode(encoded: &str) -> Decoded {
    decode_address(encoded, "")
}

/// Whether a fragment is a page anchor (`#top`, `#pricing`) rather than a
/// link: one word, no `=` or `&`. It then sets nothing and is not reported.
pub fn is_anchor(fragment: &str) -> bool {
    !fragment.is_empty()
        && fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Keys that marketing and analytics tools add to a query (`utm_source`,
/// `fbclid`…): reported like any unknown key when the address also carries
/// a scenario, but alone they are not worth a notice.
pub fn is_tracking(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "fbclid"
                | "gclid"
                | "gbraid"
                | "wbraid"
                | "dclid"
                | "msclkid"
                | "yclid"
                | "mc_cid"
                | "mc_eid"
                | "_ga"
                | "_gl"
                | "igshid"
        )
}

impl Decoded {
    /// Whether the page should list what was ignored: always when the
    /// address is a link of ours, else unless all of it is tracking keys.
    pub fn worth_a_notice(&self) -> bool {
        !self.ignored.is_empty()
            && (self.any
                || self
                    .ignored
                    .iter()
                    .any(|i| !(i.reason == IgnoredReason::UnknownKey && is_tracking(&i.key))))
    }
}

/// Reads a whole address: its query (marketing sites link with
/// `?price=…`) and its fragment (the share link), in that order. A key set
/// in both takes the fragment's value and the query's is listed; a
/// fragment that is a page anchor ([`is_anchor`]) leaves the query in force.
pub fn decode_address(query: &str, fragment: &str) -> Decoded {
    let mut decoded = Decoded {
        draft: Draft::with_defaults(),
        ..Decoded::default()
    };
    let fragment = if is_anchor(fragment) { "" } else { fragment };
    // Key → (from the fragment, value) of every pair taken so far.
    let mut seen = BTreeMap::<String, (bool, String)>::new();
    let parts = [(false, query), (true, fragment)];
    let pairs = parts
        .iter()
        .flat_map(|(in_fragment, part)| part.split('&').map(move |pair| (*in_fragment, pair)))
        .filter(|(_, pair)| !pair.is_empty());
    for (index, (in_fragment, pair)) in pairs.enumerate() {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        if index >= MAX_PAIRS {
            decoded
                .ignored
                .push(ignored(raw_key, "", IgnoredReason::TooManyKeys));
            break;
        }
        let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value)) else {
            decoded
                .ignored
                .push(ignored(raw_key, raw_value, IgnoredReason::BadEncoding));
            continue;
        };
        let before = decoded.ignored.len();
        let taken = take_pair(&mut decoded, &key, &value);
        // Only our own keys make a link: an address with nothing but
        // others' keys (utm_source, fbclid…) leaves the scenario alone.
        let unknown = decoded.ignored[before..]
            .iter()
            .any(|i| i.reason == IgnoredReason::UnknownKey);
        decoded.any |= !unknown;
        if !taken {
            continue;
        }
        // Taken, and taken before: the last value wins, and the user is told.
        match seen.insert(key.clone(), (in_fragment, value.clone())) {
            // The query's value, replaced by the fragment's (the same
            // value twice is no conflict).
            Some((false, earlier)) if in_fragment && earlier != value => decoded
                .ignored
                .push(ignored(&key, &earlier, IgnoredReason::OverriddenByFragment)),
            Some((false, _)) if in_fragment => {}
            Some(_) => decoded
                .ignored
                .push(ignored(&key, &value, IgnoredReason::Repeated)),
            None => {}
        }
    }
    // A segment needs a name to be listed, ranked and said: one sent
    // without (`seg2.price=100` alone) is named after its number.
    decoded.draft.segments = std::mem::take(&mut decoded.segments)
        .into_iter()
        .map(|(number, mut segment)| {
            if segment.name.trim().is_empty() {
                segment.name = format!("Segment {number}");
            }
            segment
        })
        .collect();
    // Checkpoints once every pair is read: each is checked against the one
    // before it, whatever order the keys came in.
    let (checkpoints, refused) = checkpoints_from(&std::mem::take(&mut decoded.checkpoints));
    decoded.draft.checkpoints = checkpoints;
    for refused in refused {
        let key = checkpoint_key(refused.number, refused.field);
        decoded.ignored.push(ignored(
            &key,
            &refused.value,
            IgnoredReason::Checkpoint(refused.refusal),
        ));
    }
    decoded
}

/// `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte.
/// None when a `%` is not followed by two hexadecimal digits or the bytes
/// are not UTF-8 (form_urlencoded would keep the first as is and turn the
/// second into U+FFFD, both silently).
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = |b: Option<u8>| (b? as char).to_digit(16);
                let (high, low) = (hex(rest.next())?, hex(rest.next())?);
                bytes.push((high * 16 + low) as u8);
            }
            _ => bytes.push(byte),
        }
    }
    String::from_utf8(bytes).ok()
}

/// The first `max` characters of `value`; a longer value is reported.
fn cut(decoded: &mut Decoded, key: &str, value: &str, max: usize) -> String {
    if value.chars().count() > max {
        decoded
            .ignored
            .push(ignored(key, value, IgnoredReason::Cut { max }));
    }
    value.chars().take(max).collect()
}

fn ignored(key: &str, value: &str, reason: IgnoredReason) -> Ignored {
    // Keep what is reported short: it is shown to the user.
    let short = |text: &str| text.chars().take(40).collect::<String>();
    Ignored {
        key: short(key),
        value: short(value),
        reason,
    }
}

/// Applies one pair; false when it was not taken (and then it is reported).
fn take_pair(decoded: &mut Decoded, key: &str, value: &str) -> bool {
    let before = decoded.ignored.len();
    let invalid = |decoded: &mut Decoded, problem| {
        decoded
            .ignored
            .push(ignored(key, value, IgnoredReason::Invalid(problem)))
    };
    let found = match key {
        "v" => {
            if value != VERSION {
                decoded
                    .ignored
                    .push(ignored(key, value, IgnoredReason::UnsupportedVersion));
            }
            return decoded.ignored.len() == before;
        }
        "name" => {
            decoded.draft.name = cut(decoded, key, value, MAX_NAME_CHARS);
            return true;
        }
        "lang" => {
            match Lang::from_code(value) {
                Some(lang) => decoded.lang = Some(lang),
                None => invalid(decoded, Problem::UnknownChoice),
            }
            return decoded.ignored.len() == before;
        }
        "risk_trials" => {
            match parse_trials(value) {
                Ok(trials) => decoded.draft.risk.trials = Some(trials),
                Err(problem) => invalid(decoded, problem),
            }
            return decoded.ignored.len() == before;
        }
        "risk_seed" => {
            match parse_seed(value) {
                Some(seed) => decoded.draft.risk.seed = Some(seed),
                None => invalid(decoded, Problem::NotANumber),
            }
            return decoded.ignored.len() == before;
        }
        TRACK_PRIOR_KEY => {
            match parse_track_prior(value) {
                Ok(prior) => decoded.draft.track_prior = Some(prior),
                Err(problem) => invalid(decoded, problem),
            }
            return decoded.ignored.len() == before;
        }
        _ if is_checkpoint_key(key) => return take_checkpoint_pair(decoded, key, value),
        "embed" => {
            match value {
                "1" => decoded.embed.on = true,
                "0" => decoded.embed.on = false,
                _ => invalid(decoded, Problem::UnknownChoice),
            }
            return decoded.ignored.len() == before;
        }
        _ if crate::scenario::tool_value(key, "").is_some() => {
            let taken = if value.chars().count() > MAX_VALUE_CHARS {
                Some(Err(Problem::NotANumber))
            } else {
                crate::scenario::tool_value(key, value)
            };
            match taken {
                Some(Ok(plain)) => {
                    decoded.draft.tools.insert(key.to_string(), plain);
                }
                Some(Err(problem)) => invalid(decoded, problem),
                None => {}
            }
            return decoded.ignored.len() == before;
        }
        _ if segment_key(key).is_some() => return take_segment_pair(decoded, key, value),
        _ if RangeField::from_key(key).is_some() => return take_range_end(decoded, key, value),
        "cta.label" => {
            decoded.embed.cta_label = cut(decoded, key, value.trim(), MAX_CTA_LABEL_CHARS);
            return true;
        }
        "accent" => {
            match Rgb::parse(value) {
                Some(colour) => decoded.embed.accent = Some(colour),
                None => decoded
                    .ignored
                    .push(ignored(key, value, IgnoredReason::BadColour)),
            }
            return decoded.ignored.len() == before;
        }
        "bg" => {
            match value {
                "transparent" => decoded.embed.transparent = true,
                _ => decoded
                    .ignored
                    .push(ignored(key, value, IgnoredReason::BadBackground)),
            }
            return decoded.ignored.len() == before;
        }
        "cta.url" => {
            match safe_target(value) {
                Some(url) => decoded.embed.cta_url = Some(url),
                None => decoded
                    .ignored
                    .push(ignored(key, value, IgnoredReason::UnsafeTarget)),
            }
            return decoded.ignored.len() == before;
        }
        _ => match key.split_once('.') {
            Some(("prudent", rest)) => Field::from_key(rest).map(|f| (f, Some(Variant::Prudent))),
            Some(("ambitious", rest)) => {
                Field::from_key(rest).map(|f| (f, Some(Variant::Ambitious)))
            }
            Some(_) => None,
            None => Field::from_key(key).map(|f| (f, None)),
        },
    };
    let Some((field, which)) = found else {
        decoded
            .ignored
            .push(ignored(key, value, IgnoredReason::UnknownKey));
        return false;
    };
    let checked = if value.chars().count() > MAX_VALUE_CHARS {
        Err(Problem::NotANumber)
    } else {
        parse_plain(field, value).map(|_| ())
    };
    if let Err(problem) = checked {
        invalid(decoded, problem);
        return false;
    }
    let values = match which {
        None => &mut decoded.draft.central,
        Some(Variant::Prudent) => &mut decoded.draft.prudent,
        Some(_) => &mut decoded.draft.ambitious,
    };
    // Store the normalised plain form so that links round-trip textually.
    let mut inputs = Inputs::default();
    let plain = match inputs.set(field, value) {
        Ok(()) => inputs.plain(field),
        Err(_) => value.trim().to_string(),
    };
    values.insert(field, plain);
    true
}

/// `seg3.price` → (segment 3, "price"); `None` for any other key.
fn segment_key(key: &str) -> Option<(usize, &str)> {
    let (head, rest) = key.split_once('.')?;
    let number: usize = head.strip_prefix("seg")?.parse().ok()?;
    (1..=MAX_SEGMENTS)
        .contains(&number)
        .then_some((number, rest))
}

/// One key of a segment. Segments are numbered from 1 in the link; numbers
/// may be sparse (the order is kept and the gaps closed).
fn take_segment_pair(decoded: &mut Decoded, key: &str, value: &str) -> bool {
    let Some((number, rest)) = segment_key(key) else {
        return false;
    };
    if rest == "name" {
        let name = cut(decoded, key, value, MAX_NAME_CHARS);
        decoded.segments.entry(number).or_default().name = name;
        return true;
    }
    let Some(field) = Field::from_key(rest) else {
        decoded
            .ignored
            .push(ignored(key, value, IgnoredReason::UnknownKey));
        return false;
    };
    let mut inputs = Inputs::default();
    let taken = if value.chars().count() > MAX_VALUE_CHARS {
        Err(Problem::NotANumber)
    } else {
        inputs.set(field, value).map_err(|error| error.problem)
    };
    // A segment exists once one of its keys is taken.
    match taken {
        Ok(()) => {
            let segment = decoded.segments.entry(number).or_default();
            segment.values.insert(field, inputs.plain(field));
            true
        }
        Err(problem) => {
            decoded
                .ignored
                .push(ignored(key, value, IgnoredReason::Invalid(problem)));
            false
        }
    }
}

/// `chk<digits>.<anything>`: a checkpoint's key, or one past the 52nd.
fn is_checkpoint_key(key: &str) -> bool {
    key.strip_prefix("chk")
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(number, _)| {
            !number.is_empty() && number.bytes().all(|byte| byte.is_ascii_digit())
        })
}

/// One value of a checkpoint, checked against its field's own bounds now;
/// whether the checkpoint is complete and fits the one before it is
/// checked once the whole link is read.
fn take_checkpoint_pair(decoded: &mut Decoded, key: &str, value: &str) -> bool {
    let Some((number, field)) = parse_checkpoint_key(key) else {
        let (number, rest) = key
            .strip_prefix("chk")
            .and_then(|rest| rest.split_once('.'))
            .unwrap_or_default();
        // `chk53.week`: past the last checkpoint. `chk01.week`, `chk2.nope`: unknown.
        let beyond = !number.starts_with('0')
            && number.len() <= 12
            && number
                .parse::<u64>()
                .is_ok_and(|n| n > MAX_CHECKPOINTS as u64)
            && CheckpointField::from_key(rest).is_some();
        let reason = if beyond {
            IgnoredReason::TooManyCheckpoints {
                max: MAX_CHECKPOINTS,
            }
        } else {
            IgnoredReason::UnknownKey
        };
        decoded.ignored.push(ignored(key, value, reason));
        return false;
    };
    let mut probe = Checkpoint::following(None);
    let taken = if value.chars().count() > MAX_VALUE_CHARS {
        Err(Problem::NotANumber)
    } else {
        probe.set(field, value)
    };
    match taken {
        Ok(()) => {
            let plain = probe.plain(field).unwrap_or_default();
            decoded
                .checkpoints
                .entry(number)
                .or_default()
                .push((field, plain));
            true
        }
        Err(problem) => {
            decoded
                .ignored
                .push(ignored(key, value, IgnoredReason::Invalid(problem)));
            false
        }
    }
}

/// A risk range's end: kept in its normalised plain form when the base field
/// takes it (whether it fits the central value is the panel's to say).
fn take_range_end(decoded: &mut Decoded, key: &str, value: &str) -> bool {
    let Some(field) = RangeField::from_key(key) else {
        return false;
    };
    let mut risk = RiskInputs::default();
    let taken = if value.chars().count() > MAX_VALUE_CHARS {
        Err(Problem::NotANumber)
    } else {
        risk.set(field, value)
    };
    match taken.map(|()| risk.plain(field)) {
        Ok(Some(plain)) => {
            decoded.draft.risk.ends.insert(field, plain);
            true
        }
        // An emptied end: it follows the central scenario.
        Ok(None) => true,
        Err(problem) => {
            decoded
                .ignored
                .push(ignored(key, value, IgnoredReason::Invalid(problem)));
            false
        }
    }
}

/// `value` as a call-to-action address when it is an absolute `http:` or
/// `https:` address with a host; None for anything else: `javascript:`,
/// `data:`, relative or protocol-relative addresses, and any ASCII space or
/// control character (browsers strip those before reading the scheme),
/// quote, angle bracket, backtick or backslash. Checked on bytes: every
/// character that matters is ASCII, and this stays small in the wasm.
pub fn safe_target(value: &str) -> Option<String> {
    let value = value.trim();
    let bytes = value.as_bytes();
    let starts = |prefix: &[u8]| {
        bytes
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let rest = if starts(b"https://") {
        &bytes[8..]
    } else if starts(b"http://") {
        &bytes[7..]
    } else {
        return None;
    };
    let has_host = rest
        .first()
        .is_some_and(|b| !matches!(b, b'/' | b'?' | b'#'));
    let clean = !bytes
        .iter()
        .any(|b| *b <= b' ' || matches!(b, 0x7f | b'\\' | b'"' | b'\'' | b'<' | b'>' | b'`'));
    (has_host && clean && bytes.len() <= MAX_TARGET_BYTES).then(|| value.to_string())
}

/// The embed keys to append to a scenario's link, so that the page keeps
/// its embed settings when it rewrites its own address; empty when off.
pub fn encode_embed(embed: &Embed) -> String {
    if !embed.on {
        return String::new();
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("embed", "1");
    if !embed.cta_label.is_empty() {
        out.append_pair("cta.label", &embed.cta_label);
    }
    if let Some(url) = &embed.cta_url {
        out.append_pair("cta.url", url);
    }
    if let Some(accent) = embed.accent {
        out.append_pair("accent", &accent.digits());
    }
    if embed.transparent {
        out.append_pair("bg", "transparent");
    }
    out.finish()
}

/// Writes the link for `draft`: the version, then only what differs from
/// the defaults (central) or from the derived values (variants).
pub fn encode(draft: &Draft, lang: Lang) -> String {
    encode_counted(draft, lang).0
}

/// The link for `draft` ([`encode`]) and how many of its checkpoints it
/// leaves out: when everything does not fit in [`MAX_PAIRS`] pairs, the
/// earliest checkpoints go (the latest, cumulative, keeps the figures).
pub fn encode_counted(draft: &Draft, lang: Lang) -> (String, usize) {
    let mut out = Pairs::default();
    out.append_pair("v", VERSION);
    let defaults = Inputs::default();
    let (central, _) = Inputs::from_plain(draft.central.iter().map(|(f, v)| (*f, v.as_str())));
    for field in Field::ALL {
        let value = central.plain(field);
        if value != defaults.plain(field) {
            out.append_pair(field.key(), &value);
        }
    }
    for (which, overrides) in [
        (Variant::Prudent, &draft.prudent),
        (Variant::Ambitious, &draft.ambitious),
    ] {
        append_overrides(&mut out, which, &derive_variant(&central, which), overrides);
    }
    append_tools(&mut out, &draft.tools);
    append_risk(&mut out, &draft.risk);
    append_segments(&mut out, &draft.segments);
    let prior = draft
        .track_prior
        .map(|_| draft.track_prior())
        .filter(|k| *k != DEFAULT_TRACK_PRIOR);
    if let Some(prior) = prior {
        out.append_pair(TRACK_PRIOR_KEY, &prior.to_string());
    }
    let tail = usize::from(!draft.name.is_empty()) + usize::from(lang != Lang::default());
    let room = MAX_PAIRS.saturating_sub(out.count + tail);
    let left_out = append_checkpoints(&mut out, &draft.checkpoints, room);
    if !draft.name.is_empty() {
        out.append_pair("name", &draft.name);
    }
    if lang != Lang::default() {
        out.append_pair("lang", lang.code());
    }
    (out.serializer.finish(), left_out)
}

/// The link's pairs as they are written, counted against [`MAX_PAIRS`].
struct Pairs {
    serializer: form_urlencoded::Serializer<'static, String>,
    count: usize,
}

impl Default for Pairs {
    fn default() -> Self {
        Pairs {
            serializer: form_urlencoded::Serializer::new(String::new()),
            count: 0,
        }
    }
}

impl Pairs {
    fn append_pair(&mut self, key: &str, value: &str) {
        self.serializer.append_pair(key, value);
        self.count += 1;
    }
}

/// The values of one checkpoint a link carries: the required ones, `lost`
/// when not 0, `invoiced` and `revenue` when they do not follow the plan.
fn checkpoint_pairs(checkpoint: &Checkpoint) -> Vec<(CheckpointField, String)> {
    CheckpointField::ALL
        .into_iter()
        .filter_map(|field| {
            let plain = checkpoint.plain(field)?;
            (field.is_required() || plain != field.spec().default).then_some((field, plain))
        })
        .collect()
}

/// Writes the latest checkpoints (at most [`MAX_CHECKPOINTS`]) whose pairs
/// fit in `room`, numbered from 1; returns how many it left out.
fn append_checkpoints(out: &mut Pairs, checkpoints: &[Checkpoint], room: usize) -> usize {
    let all: Vec<_> = checkpoints
        .iter()
        .take(MAX_CHECKPOINTS)
        .map(checkpoint_pairs)
        .collect();
    let mut used = 0;
    let mut first = all.len();
    while first > 0 && used + all[first - 1].len() <= room {
        first -= 1;
        used += all[first].len();
    }
    for (index, pairs) in all[first..].iter().enumerate() {
        for (field, plain) in pairs {
            out.append_pair(&checkpoint_key(index + 1, *field), plain);
        }
    }
    checkpoints.len() - (all.len() - first)
}

fn append_overrides(out: &mut Pairs, which: Variant, derived: &Inputs, overrides: &PlainValues) {
    for (field, value) in overrides {
        let mut inputs = derived.clone();
        if inputs.set(*field, value).is_ok() && inputs.plain(*field) != derived.plain(*field) {
            let key = format!("{}.{}", which.key(), field.key());
            out.append_pair(&key, &inputs.plain(*field));
        }
    }
}

fn append_risk(out: &mut Pairs, risk: &crate::scenario::RiskDraft) {
    for field in RangeField::ALL {
        let mut inputs = RiskInputs::default();
        let plain = risk.ends.get(&field).and_then(|value| {
            inputs
                .set(field, value)
                .ok()
                .and_then(|()| inputs.plain(field))
        });
        if let Some(plain) = plain {
            out.append_pair(field.key(), &plain);
        }
    }
    if let Some(trials) = risk.trials.filter(|t| *t != DEFAULT_TRIALS) {
        out.append_pair("risk_trials", &trials.to_string());
    }
    if let Some(seed) = risk.seed.filter(|s| *s != DEFAULT_SEED) {
        out.append_pair("risk_seed", &seed.to_string());
    }
}

fn append_segments(out: &mut Pairs, segments: &[SegmentDraft]) {
    let defaults = Inputs::default();
    for (index, segment) in segments.iter().take(MAX_SEGMENTS).enumerate() {
        let number = index + 1;
        // The name is always written: it is what keeps an all-default segment.
        out.append_pair(&format!("seg{number}.name"), &segment.name);
        let inputs = segment.inputs();
        for field in Field::ALL {
            let value = inputs.plain(field);
            if value != defaults.plain(field) {
                out.append_pair(&format!("seg{number}.{}", field.key()), &value);
            }
        }
    }
}

fn append_tools(out: &mut Pairs, tools: &BTreeMap<String, String>) {
    for key in crate::scenario::tool_keys() {
        let Some(Some(Ok(plain))) = tools
            .get(key)
            .map(|value| crate::scenario::tool_value(key, value))
        else {
            continue;
        };
        if Some(&plain) != crate::scenario::tool_default(key).as_ref() {
            out.append_pair(key, &plain);
        }
    }
}
