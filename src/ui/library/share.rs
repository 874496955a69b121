//! Taking the scenario on screen elsewhere: copy its link, print it. The
//! printed page starts with [`PrintReport`] (title, name, date, link),
//! hidden on screen; `style/print.css` lays the rest out on one A4 page.

use leptos::html::Input;
use leptos::prelude::*;

use crate::browser::{address, clipboard, clock, files};
use crate::engine::{Field, FieldKind, Variant};
use crate::i18n::library::{date_time, library_text, LibraryText as T};
use crate::i18n::page::{text, Text};
use crate::i18n::{choice_label, field_label, field_unit, InputGroup, Lang};
use crate::ui::library::kit::{action, flag, live, tr};
use crate::ui::library::shelf::Shelf;
use crate::ui::state::Calculator;

/// How the last "copy link" went.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Done,
    /// No clipboard: the link is shown selected for the user to copy.
    Selected,
}

#[component]
pub fn Share() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    // A link copied while a field is wrong carries that field's last valid
    // value (the figures on screen): say so next to "copied".
    let frozen_at_copy = RwSignal::new(false);
    let printed = expect_context::<Shelf>().printed;
    let printing = expect_context::<Printing>().0;
    let copied = RwSignal::new(None::<Copied>);
    let link = RwSignal::new(String::new());
    let field = NodeRef::<Input>::new();
    // A campaign too long for a link: how many of its checkpoints it left out.
    let left_out = RwSignal::new((0usize, 0usize));
    let copy = move |()| {
        let href = address::href();
        link.set(href.clone());
        copied.set(None);
        let draft = calc.draft_untracked();
        let (_, cut) = crate::link::encode_counted(&draft, lang.get_untracked());
        left_out.set((cut, draft.checkpoints.len()));
        frozen_at_copy.set(
            Variant::ALL
                .into_iter()
                .any(|which| untrack(|| calc.variant(which).frozen())),
        );
        leptos::task::spawn_local(async move {
            if clipboard::copy(&href).await {
                copied.set(Some(Copied::Done));
            } else {
                copied.set(Some(Copied::Selected));
                // Once the field is on screen, select the link in it.
                request_animation_frame(move || {
                    if let Some(input) = field.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                });
            }
        });
    };
    view! {
        <div class="share" role="group" aria-label=tr(lang, T::Tools)>
            {action(lang, "copy-link", T::CopyLink, None, Callback::new(copy))}
            {action(lang, "print", T::Print, None, Callback::new(move |()| {
                printing.set(true);
                printed.set(clock::now_ms());
                // Print once the page shows the new date (effects run after this handler).
                set_timeout(files::print, std::time::Duration::ZERO);
            }))}
            <p class="share-status" role="status" aria-live="polite" data-testid="copy-link-status">
                {live(move || copied.get().map(|done| {
                    let lang = lang.get();
                    let said = library_text(lang, match done {
                        Copied::Done => T::LinkCopied,
                        Copied::Selected => T::LinkSelected,
                    });
                    let mut said = if frozen_at_copy.get() {
                        format!("{said} {}", library_text(lang, T::LinkKeepsLastValid))
                    } else {
                        said.to_string()
                    };
                    if let (cut @ 1.., total) = left_out.get() {
                        said.push(' ');
                        said.push_str(&crate::i18n::track::link_leaves_out(lang, cut, total));
                    }
                    said
                }).unwrap_or_default())}
            </p>
            <label class="share-link" hidden=flag(move || copied.get() != Some(Copied::Selected))>
                <span>{tr(lang, T::LinkField)}</span>
                <input type="text" readonly node_ref=field data-testid="share-link-field" prop:value=move || link.get() />
            </label>
        </div>
    }
}

/// Whether a print was asked for: the printed report exists from then on
/// (built when a print is first asked for, by the button or the browser's
/// own print, rather than kept up to date on every keystroke).
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

impl Printing {
    /// Provides the flag and raises it on the browser's own print.
    pub fn provide() -> RwSignal<bool> {
        let printing = RwSignal::new(false);
        provide_context(Printing(printing));
        let asked = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
        on_cleanup(move || asked.remove());
        printing
    }
}

/// The top of the printed page: what, for whom, when, and the link that
/// reopens it. Date and link are taken when printing starts.
#[component]
pub fn PrintReport() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    // The date is taken when printing starts (and when the page opens).
    let printed = RwSignal::new(clock::now_ms());
    let handle = window_event_listener(leptos::ev::beforeprint, move |_| {
        printed.set(clock::now_ms())
    });
    on_cleanup(move || handle.remove());
    // The same link as the address bar, from the scenario itself.
    let link = live(move || address::url_for(&crate::link::encode(&calc.draft(), lang.get())));
    let name = live(move || {
        let name = calc.name.get();
        if name.trim().is_empty() {
            library_text(lang.get(), T::Untitled).to_string()
        } else {
            name
        }
    });
    view! {
        <header class="print-report" data-testid="print-report">
            <p class="print-title">{tr(lang, T::ReportTitle)}</p>
            <p class="print-name">{name}</p>
            <p class="print-meta">
                {tr(lang, T::ReportDate)} " "
                <span data-testid="print-date">{live(move || date_time(lang.get(), clock::local_parts(printed.get())))}</span>
            </p>
            <p class="print-meta">
                {tr(lang, T::ReportLink)} " "
                <span class="print-link" data-testid="print-link">{link}</span>
            </p>
        </header>
    }
}

/// Every input of the three variants, as text, for the printed page (the
/// form and its boxes stay off paper). Values set by hand are in bold.
#[component]
pub fn PrintInputs() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let cell = move |field: Field, which: Variant| {
        let shown = live(move || {
            let lang = lang.get();
            let plain = calc.variant(which).checked.with(|c| c.inputs.plain(field));
            match field.spec().kind {
                FieldKind::Choice(_) => choice_label(lang, field, &plain).to_string(),
                kind => {
                    let number = crate::format::plain_for_input(&plain, lang);
                    match (kind, lang) {
                        (FieldKind::Count, _) => number,
                        (FieldKind::Money, Lang::En) => format!("€{number}"),
                        (FieldKind::Percent, Lang::En) | (FieldKind::Multiple, _) => {
                            format!("{number}{}", field_unit(lang, field))
                        }
                        _ => format!("{number}\u{a0}{}", field_unit(lang, field)),
                    }
                }
            }
        });
        let set_by_hand = flag(move || {
            which != Variant::Central
                && calc
                    .variant(which)
                    .texts
                    .with(|texts| texts.contains_key(&field))
        });
        view! { <td class:set-by-hand=set_by_hand>{shown}</td> }
    };
    let heading = move |key: Text| view! { <th scope="col">{live(move || text(lang.get(), key).to_string())}</th> };
    view! {
        <section class="print-inputs">
            <table>
                <thead>
                    <tr>
                        {heading(Text::ScenarioInput)}
                        {heading(Text::Prudent)}
                        {heading(Text::Central)}
                        {heading(Text::Ambitious)}
                    </tr>
                </thead>
                {InputGroup::ALL
                    .iter()
                    .map(|group| {
                        let group = *group;
                        view! {
                            // Groups as in the form, one line apart: no room on
                            // paper for a heading each.
                            <tbody>
                                {group
                                    .fields()
                                    .iter()
                                    .map(|field| {
                                        let field = *field;
                                        view! {
                                            <tr>
                                                <th scope="row">{live(move || field_label(lang.get(), field).to_string())}</th>
                                                {cell(field, Variant::Prudent)}
                                                {cell(field, Variant::Central)}
                                                {cell(field, Variant::Ambitious)}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        }
                    })
                    .collect_view()}
            </table>
        </section>
    }
}

/// The campaign on paper, for a tracked scenario: every checkpoint with the
/// plan to date beside its counts and its projected ROI, then the latest
/// checkpoint's verdict in words. Built when printing, like the inputs.
#[component]
pub fn PrintTracking() -> impl IntoView {
    use crate::engine::tracking::{assess, track, CheckpointField as C, TrackFigureId};
    use crate::i18n::track::{
        checkpoint_field_label, planned, track_figure_label, track_figure_text, track_text,
        verdict_text, TrackText,
    };
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let report = Memo::new(move |_| {
        let campaign = calc.campaign.get();
        let plan = calc.central().with(|c| c.inputs.clone());
        let tracking = track(&plan, &campaign, calc.trials.get(), calc.seed.get())?;
        let rows: Vec<_> = campaign
            .checkpoints
            .iter()
            .map(|checkpoint| {
                let f = assess(&plan, checkpoint, campaign.track_prior);
                (checkpoint.clone(), f)
            })
            .collect();
        Some((plan, rows, tracking))
    });
    let counts = [C::Booked, C::Held, C::Opps, C::Sales];
    view! {
        {move || report.get().map(|(plan, rows, tracking)| {
            let lang = lang.get();
            let count = |value: rust_decimal::Decimal| crate::format::count(value, lang);
            let with_plan = |value: rust_decimal::Decimal, plan: crate::engine::tracking::TrackFigure| {
                let plan = plan.map(count).unwrap_or_else(|_| "—".to_string());
                format!("{} ({})", count(value), planned(lang, &plan))
            };
            view! {
                <section class="print-tracking" data-testid="print-tracking">
                    <h2>{track_text(lang, TrackText::Heading)}</h2>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{checkpoint_field_label(lang, C::Week)}</th>
                                {counts.map(|field| view! { <th scope="col">{checkpoint_field_label(lang, field)}</th> }).collect_view()}
                                <th scope="col">{checkpoint_field_label(lang, C::Lost)}</th>
                                <th scope="col">{checkpoint_field_label(lang, C::Invoiced)}</th>
                                <th scope="col">{track_figure_label(lang, TrackFigureId::ProjRoi)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(checkpoint, f)| view! {
                                <tr>
                                    <th scope="row">{checkpoint.week}</th>
                                    <td>{with_plan(checkpoint.booked, f.booked_plan)}</td>
                                    <td>{with_plan(checkpoint.held, f.held_plan)}</td>
                                    <td>{with_plan(checkpoint.opps, f.opps_plan)}</td>
                                    <td>{with_plan(checkpoint.sales, f.sales_plan)}</td>
                                    <td>{count(checkpoint.lost)}</td>
                                    <td>{f.invoiced.map(|v| crate::format::money(v, lang)).unwrap_or_default()}</td>
                                    <td>{track_figure_text(lang, TrackFigureId::ProjRoi, &f.proj_roi)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="print-verdict" data-testid="print-track-verdict" data-value=tracking.verdict.token()>
                        <strong>{track_text(lang, TrackText::VerdictHeading)}</strong>
                        {lang.colon()} " "
                        {verdict_text(lang, &plan, &tracking)}
                    </p>
                </section>
            }
        })}
    }
}
