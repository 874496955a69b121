//! The page: components by domain job, sharing one [`state::Calculator`]
//! through context.

pub mod answer;
pub mod charts;
pub mod count_text;
pub mod decide;
pub mod embed;
pub mod fan_out;
pub mod field;
pub mod figures;
pub mod form;
pub mod language;
pub mod lazy;
pub mod library;
pub mod notices;
pub mod number_input;
pub mod panels;
pub mod risk;
pub mod scenarios;
pub mod stale;
pub mod state;
pub mod track;
pub mod verdict;
pub mod visible;

use leptos::prelude::*;

use crate::browser::storage::{self, Local};
use crate::browser::{address, set_document_language, shell};
use crate::i18n::page::{text, Text};
use crate::link;
use crate::start::{self, Start};
use crate::store::{self, Found, Refused, Source, StorageReport, Working};
use crate::ui::lazy::LazyPanel;
use crate::ui::notices::Notice;
use crate::ui::state::Calculator;

/// Starts the app: over the prerendered first view when the page has one
/// (what was typed into it is kept, the focused box keeps its focus and
/// caret), on `<body>` otherwise.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The wasm aborts after this: save now what waits for typing to
        // pause (the working scenario, the crash screen's export), so that
        // the crash screen offers the scenario as it was, not as it was
        // 120 ms ago. A panic in here aborts at once, as before.
        crate::browser::pause::flush_kept();
    }));
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

/// Where the first scenario comes from (`crate::start::choose`): this
/// gathers what it reads and applies what it asks for.
fn initial_scenario() -> Start {
    let read = start::Read {
        query: address::query(),
        fragment: address::fragment(),
        reload: address::is_reload(),
        // Off the browser (the prerender) no storage is missing: it reads
        // nothing, and says nothing about it.
        storage: storage::available() || crate::browser::window().is_none(),
        working: storage::read_raw(store::WORKING_KEY),
        tab: storage::tab::read_raw(store::WORKING_KEY),
    };
    let mut start = start::choose(&read);
    if let (true, Some(raw)) = (start.set_aside, &read.working) {
        let kept = store::keep_aside(&mut Local, Source::Working, raw);
        start
            .notices
            .push(unreadable_working(Found::Unreadable, kept));
    }
    start
}

/// The working scenario could not be read (at start, or `found` later in
/// its place); `kept` says where it is now.
fn unreadable_working(found: Found, kept: store::Kept) -> Notice {
    Notice::Storage(StorageReport {
        source: Source::Working,
        found,
        kept: Some(kept),
    })
}

fn add_notice(notices: RwSignal<Vec<Notice>>, notice: Notice) {
    notices.update(|n| {
        if !n.contains(&notice) {
            n.push(notice);
        }
    });
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
    let start = initial_scenario();
    // Unreadable data left in place at start is said then, not again.
    let left_in_place = start.notices.iter().any(|notice| {
        matches!(notice, Notice::Storage(report)
            if report.source == Source::Working && matches!(report.kept, Some(store::Kept::InPlace { .. })))
    });
    let calc = Calculator::new(&start.draft, start.lang);
    calc.keep_typed(&TYPED.with(|kept| kept.take()));
    provide_context(calc);
    // The language alone, for components that need nothing else (NumberInput).
    provide_context(calc.lang);
    provide_context(visible::Arrivals(calc.loads));
    let notices = RwSignal::new(start.notices);
    let shelf = library::Shelf::new(start.opening, notices);
    provide_context(shelf);
    let printing = library::share::Printing::provide();
    let embed = embed::setup();
    // A newer version's data must not be overwritten by this one. An
    // embedded page keeps its scenario in its own address only.
    let may_save = start.may_save;
    // Rewriting the address must keep the embed keys (a reload stays embedded).
    let embed_keys = link::encode_embed(&embed);

    // A link pasted into the address bar of an open page changes only the
    // fragment (no reload): open it as a fresh page would. Our own
    // replaceState never fires this event.
    let pasted = window_event_listener(leptos::ev::hashchange, move |_| {
        let decoded = link::decode_address(&address::query(), &address::fragment());
        if decoded.worth_a_notice() {
            add_notice(notices, Notice::LinkIgnored(decoded.ignored.clone()));
        }
        if !decoded.any || decoded.embed.on {
            return;
        }
        calc.load(&decoded.draft);
        if let Some(lang) = decoded.lang {
            calc.switch_language(lang);
        }
        // The page no longer shows a saved entry; saving asks for a new one.
        shelf.current.set(None);
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
    // once if the page is hidden or left, or panics): one edit then costs
    // no storage write, no JSON and no link encoding.
    let save = crate::browser::pause::Later::kept(SAVE_PAUSE);
    // What this page wrote last (it may be written over without a check),
    // and whether the stored working scenario may no longer be written.
    let last_written = StoredValue::new(None::<String>);
    let blocked = StoredValue::new(false);
    let start_said = StoredValue::new(left_in_place);
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
            shell::publish_export(&crate::export::export_json(&[&draft]));
            if !may_save || !storage::available() {
                return;
            }
            let working = Working {
                schema: store::SCHEMA,
                lang,
                draft,
                saved: shelf.current.get_untracked(),
            };
            let encoded = store::encode_working(&working);
            // This tab's copy always (a reload shows it); the browser's
            // copy unless data that must not be written over is there.
            storage::tab::write_raw(store::WORKING_KEY, &encoded);
            if blocked.get_value() {
                return;
            }
            let last = last_written.get_value();
            let (kept, written) = store::write_working(&mut Local, &encoded, last.as_deref());
            if let Some(kept) = kept {
                // Another tab or version left unreadable data: it is copied.
                add_notice(notices, unreadable_working(Found::Displaced, kept));
            }
            match written {
                Ok(()) => last_written.set_value(Some(encoded)),
                Err(Refused::Failed | Refused::Moved) => add_notice(notices, Notice::SaveFailed),
                Err(Refused::Newer(_)) => {
                    blocked.set_value(true);
                    add_notice(notices, Notice::StorageNewer);
                }
                Err(Refused::Unreadable(kept)) => {
                    blocked.set_value(true);
                    // Left in place at start, it was said then (the user may
                    // have dismissed it); found now, it is said now.
                    let said = start_said.get_value();
                    if !said {
                        add_notice(notices, unreadable_working(Found::Displaced, kept));
                    }
                }
            }
        });
    });

    let panel = move |load: lazy::Loader, class: &'static str| {
        (!embed.on).then(|| view! { <LazyPanel load class /> })
    };
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
        // In the core, not a chunk: the browser's own print may come at any
        // time, and the report must be built before the page is drawn.
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
                {panel(panels::charts::build, "charts")}
            </div>
            // Each in a chunk of its own, fetched as it comes near or once
            // the page is idle; an embedded page (the compact layout) asks
            // for none of them.
            {panel(panels::scenarios::build, "scenarios")}
            {panel(panels::decide::build, "decide")}
            {panel(panels::risk::build, "risk")}
            {panel(panels::track::build, "track")}
        </main>
        // Below the calculator: a first visit starts with the figures, and
        // the library, the link and the exports are one scroll away.
        {panel(panels::library::build, "library")}
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
