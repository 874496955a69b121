//! Which scenario the page opens with, and what it says about it. Pure:
//! `ui::initial_scenario` reads the address and storage, hands them here, and applies
//! the result, so every rule is tested natively.
//!
//! Order: on a reload, this tab's own copy (the address may lag the last
//! keystrokes, and another tab may have saved since); then a link in the
//! address (query and fragment, `link::decode_address`); then the working
//! scenario saved in this browser; then the defaults.

use crate::i18n::Lang;
use crate::link::{self, Embed};
use crate::notice::Notice;
use crate::scenario::Draft;
use crate::store::{decode_working, Loaded, SavedRef, Working};

/// What the page read before choosing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Read {
    /// The address's query and fragment, without `?` and `#`.
    pub query: String,
    pub fragment: String,
    /// This load is a reload of the tab.
    pub reload: bool,
    /// localStorage is there and answers.
    pub storage: bool,
    /// The stored working scenario (localStorage), as text.
    pub working: Option<String>,
    /// This tab's own copy (sessionStorage), as text.
    pub tab: Option<String>,
}

/// What the scenario on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
// A scenario with its campaign is a few hundred bytes; one of these is
// made per save or start, so boxing it would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Opening {
    /// The working scenario saved in this browser (maybe tied to an entry).
    Stored(Option<SavedRef>),
    /// A shared link; `previous` is the working scenario it replaced.
    Link {
        previous: Option<Working>,
    },
    Fresh,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    pub draft: Draft,
    pub lang: Lang,
    pub opening: Opening,
    pub embed: Embed,
    pub notices: Vec<Notice>,
    /// The stored working scenario cannot be read: the caller keeps its
    /// text aside (`store::keep_aside`) and says where.
    pub set_aside: bool,
    /// False when the working scenario must not be written here: a newer
    /// version's is stored, or the page is embedded (a visit to a
    /// marketing page must not replace the visitor's working scenario).
    pub may_save: bool,
}

pub fn choose(read: &Read) -> Start {
    let mut notices = Vec::new();
    let decoded = link::decode_address(&read.query, &read.fragment);
    let stored = read.working.as_deref().map(decode_working);
    let newer = matches!(stored, Some(Loaded::Newer(_)));
    if newer {
        notices.push(Notice::StorageNewer);
    }
    if !read.storage {
        notices.push(Notice::StorageOff);
    }
    // An embedded page leaves the visitor's storage alone; the main page
    // will keep it aside on the next visit.
    let set_aside = matches!(stored, Some(Loaded::Unreadable)) && !decoded.embed.on;
    let saved_working = match stored {
        Some(Loaded::Found(working)) => Some(working),
        _ => None,
    };
    let start = |draft, lang, opening, notices| Start {
        draft,
        lang,
        opening,
        embed: decoded.embed.clone(),
        notices,
        set_aside,
        may_save: !newer && !decoded.embed.on,
    };
    let this_tab = (!decoded.embed.on && read.reload)
        .then_some(read.tab.as_deref())
        .flatten()
        .and_then(|raw| match decode_working(raw) {
            Loaded::Found(working) => Some(working),
            _ => None,
        });
    if let Some(working) = this_tab {
        let opening = Opening::Stored(working.saved);
        return start(working.draft, working.lang, opening, notices);
    }
    if decoded.worth_a_notice() {
        notices.push(Notice::LinkIgnored(decoded.ignored.clone()));
    }
    if decoded.any {
        let lang = decoded
            .lang
            .or(saved_working.as_ref().map(|w| w.lang))
            .unwrap_or_default();
        // The library is left alone; what was on screen can come back.
        let previous = saved_working.filter(|w| !w.draft.same_as(&decoded.draft));
        return start(
            decoded.draft.clone(),
            lang,
            Opening::Link { previous },
            notices,
        );
    }
    match saved_working {
        Some(working) => {
            let opening = Opening::Stored(working.saved);
            start(working.draft, working.lang, opening, notices)
        }
        None => start(
            Draft::with_defaults(),
            Lang::default(),
            Opening::Fresh,
            notices,
        ),
    }
}
