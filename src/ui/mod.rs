//! The page: components by domain job, sharing one [`state::Calculator`]
//! through context.

pub mod answer;
pub mod charts;
pub mod decide;
pub mod embed;
pub mod field;
pub mod figures;
pub mod form;
pub mod language;
pub mod library;
pub mod notices;
pub mod number_input;
pub mod risk;
pub mod scenarios;
pub mod stale;
pub mod state;
pub mod verdict;
pub mod visible;

use leptos::prelude::*;

use crate::browser::{address, set_document_language, storage};
use crate::i18n::page::{text, Text};
use crate::lang::Lang;
use crate::link;
use crate::scenario::Draft;
use crate::store::{self, Loaded, Working};
use crate::ui::notices::Notice;
use crate::ui::state::Calculator;

/// Starts the app: over the prerendered first view when the page has one
/// (what was typed into it is kept, the focused box keeps its focus and
/// caret), on `<body>` otherwise.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    console_error_panic_hook::set_once();
    use crate::browser::takeover;
    let Some(root) = takeover::root() else {
        leptos::mount::mount_to_body(|| view! { <App /> });
        takeover::mark_live();
        return;
    };
    let typed = takeover::read_typed(&root);
    let focus = typed.focus.clone();
    TYPED.with(|kept| kept.replace(typed.values));
    // Replaced in this same task: no frame shows an empty page.
    root.set_inner_html("");
    leptos::mount::mount_to(root, || view! { <App /> }).forget();
    if let Some((name, start, end)) = focus {
        takeover::restore_focus(&name, start, end);
    }
    takeover::mark_live();
}

/// Where the first scenario comes from: a shared link wins, then the
/// scenario saved in this browser, then the defaults.
fn initial_scenario() -> (Draft, Lang, Vec<Notice>, library::Opening) {
    let mut notices = Vec::new();
    let current = address::current_link();
    let decoded = link::decode(&current);
    let saved = storage::read_raw(store::WORKING_KEY).map(|raw| (store::decode_working(&raw), raw));
    let mut saved_working = None;
    match saved {
        Some((Loaded::Found(working), _)) => saved_working = Some(working),
        Some((Loaded::Unreadable, raw)) => {
            // Keep the unreadable text aside so nothing is lost.
            storage::write_raw(store::BACKUP_KEY, &raw);
            notices.push(Notice::StorageUnreadable);
        }
        Some((Loaded::Newer(_), _)) => notices.push(Notice::StorageNewer),
        None => {}
    }
    // Off the browser (the prerender) there is no storage to miss.
    if crate::browser::window().is_some() && !storage::available() {
        notices.push(Notice::StorageOff);
    }
    // A reload shows what this tab showed: its own copy (the address may lag
    // the last keystrokes, and another tab may have saved since).
    let this_tab = (!decoded.embed.on && address::is_reload())
        .then(|| storage::tab::read_raw(store::WORKING_KEY))
        .flatten()
        .and_then(|raw| match store::decode_working(&raw) {
            Loaded::Found(working) => Some(working),
            _ => None,
        });
    if let Some(working) = this_tab {
        let saved = working.saved.clone();
        return (
            working.draft,
            working.lang,
            notices,
            library::Opening::Stored(saved),
        );
    }
    if decoded.any {
        if !decoded.ignored.is_empty() {
            notices.push(Notice::LinkIgnored(decoded.ignored.clone()));
        }
        let lang = decoded
            .lang
            .or(saved_working.as_ref().map(|w| w.lang))
            .unwrap_or_default();
        // The library is left alone; what was on screen can come back.
        let previous = saved_working.filter(|w| !w.draft.same_as(&decoded.draft));
        return (
            decoded.draft,
            lang,
            notices,
            library::Opening::Link { previous },
        );
    }
    match saved_working {
        Some(working) => (
            working.draft,
            working.lang,
            notices,
            library::Opening::Stored(working.saved),
        ),
        None => (
            Draft::with_defaults(),
            Lang::default(),
            notices,
            library::Opening::Fresh,
        ),
    }
}

/// How long the autosave and the address wait for typing to pause.
const SAVE_PAUSE: std::time::Duration = std::time::Duration::from_millis(120);

thread_local! {
    /// `(name, text)` of the boxes a visitor typed into before the app took
    /// over the prerendered page: `start` reads them, the app takes them once.
    static TYPED: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let (draft, lang, notices, opening) = initial_scenario();
    let calc = Calculator::new(&draft, lang);
    calc.keep_typed(&TYPED.with(|kept| kept.take()));
    provide_context(calc);
    // The language alone, for components that need nothing else (NumberInput).
    provide_context(calc.lang);
    let notices = RwSignal::new(notices);
    let shelf = library::Shelf::new(opening, notices);
    provide_context(shelf);
    let printing = library::share::Printing::provide();
    let embed = embed::setup();
    // A newer version's data must not be overwritten by this one. An
    // embedded page keeps its scenario in its own address only: a visit to
    // a marketing page must not replace the visitor's working scenario.
    let may_save = !notices.with_untracked(|n| n.contains(&Notice::StorageNewer)) && !embed.on;
    // Rewriting the address must keep the embed keys (a reload stays embedded).
    let embed_keys = link::encode_embed(&embed);

    // A link pasted into the address bar of an open page changes only the
    // fragment (no reload): open it as a fresh page would. Our own
    // replaceState never fires this event.
    let pasted = window_event_listener(leptos::ev::hashchange, move |_| {
        let decoded = link::decode(&address::current_link());
        if !decoded.any || decoded.embed.on {
            return;
        }
        calc.load(&decoded.draft);
        if let Some(lang) = decoded.lang {
            calc.switch_language(lang);
        }
        // The page no longer shows a saved entry; saving asks for a new one.
        shelf.current.set(None);
        if !decoded.ignored.is_empty() {
            notices.update(|n| n.push(Notice::LinkIgnored(decoded.ignored.clone())));
        }
    });
    on_cleanup(move || pasted.remove());

    Effect::new(move |_| {
        let lang = calc.lang.get();
        set_document_language(
            lang.code(),
            text(lang, Text::DocumentTitle),
            text(lang, Text::MetaDescription),
        );
    });
    // The autosave and the address wait for typing to pause (and happen at
    // once if the page is hidden or left): one edit then costs no storage
    // write, no JSON and no link encoding.
    let save = crate::browser::pause::Later::kept(SAVE_PAUSE);
    Effect::new(move |_| {
        calc.track_draft();
        calc.lang.track();
        shelf.current.track();
        let embed_keys = embed_keys.clone();
        save.run(move || {
            let draft = calc.draft_untracked();
            let lang = calc.lang.get_untracked();
            let mut address_link = link::encode(&draft, lang);
            if !embed_keys.is_empty() {
                address_link.push('&');
                address_link.push_str(&embed_keys);
            }
            address::replace_link(&address_link);
            if may_save && storage::available() {
                let working = Working {
                    schema: store::SCHEMA,
                    lang,
                    draft,
                    saved: shelf.current.get_untracked(),
                };
                let encoded = store::encode_working(&working);
                storage::tab::write_raw(store::WORKING_KEY, &encoded);
                if !storage::write_raw(store::WORKING_KEY, &encoded) {
                    notices.update(|n| {
                        if !n.contains(&Notice::SaveFailed) {
                            n.push(Notice::SaveFailed);
                        }
                    });
                }
            }
        });
    });

    let lang = calc.lang;
    view! {
        <header class="top">
            <div>
                <h1>{move || text(lang.get(), Text::AppTitle)}</h1>
                <p class="lead">{move || text(lang.get(), Text::AppLead)}</p>
            </div>
            <language::LanguageSwitch />
        </header>
        <notices::Notices notices />
        // On paper the report starts with what, for whom, when and the link.
        <Show when=move || printing.get()>
            <library::share::PrintReport />
        </Show>
        <main class="layout">
            // The first screen: the essentials, the answer beside them (kept
            // in view while this block scrolls), the groups that refine them.
            <div class="calculator">
                <form::EssentialInputs />
                <answer::Answer>
                    <embed::CallToAction embed />
                </answer::Answer>
                <form::MoreInputs />
            </div>
            <div class="outputs">
                <figures::FigureDetails />
                <charts::Charts />
            </div>
            <scenarios::Scenarios />
            <decide::Decide />
            <risk::RiskPanel />
        </main>
        // Below the calculator: a first visit starts with the figures, and
        // the library, the link and the exports are one scroll away.
        <library::Library />
        <figures::SummaryBar />
        <footer class="foot">{move || text(lang.get(), Text::Footer)}</footer>
    }
}

/// The page's first view as HTML, rendered natively by the same components
/// the browser mounts (the default scenario, in French): what
/// `src/bin/prerender.rs` writes into the built `index.html`.
#[cfg(not(target_arch = "wasm32"))]
pub fn first_view_html() -> String {
    let context = std::sync::Arc::new(hydration_context::SsrSharedContext::new());
    let owner = Owner::new_root(Some(context));
    owner.with(|| view! { <App /> }.to_html())
}
