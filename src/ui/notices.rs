//! Messages about the app itself ([`Notice`]): a link that could not be
//! read in full, storage that is off, full or held data that could not be
//! used as it was (with a download of exactly what was kept).

use leptos::prelude::*;

use crate::browser::storage;
use crate::i18n::library::{library_text, LibraryText};
use crate::i18n::page::{dismiss_label, ignored_more, ignored_text, notice_text, NoticeKind};
use crate::i18n::storage::{report_items, report_text};
pub use crate::notice::Notice;
use crate::store::Found;
use crate::ui::state::Calculator;

/// Ignored link keys listed one by one; the rest are counted.
const SHOWN_IGNORED: usize = 8;

/// The notice's test hook.
fn testid(notice: &Notice) -> String {
    let name = match (notice, kind(notice)) {
        (Notice::Storage(report), _) => match report.found {
            Found::Unreadable | Found::Displaced => "storage-unreadable",
            Found::Repaired { .. } => "storage-repaired",
        },
        (_, Some(kind)) => kind.testid(),
        (_, None) => "",
    };
    format!("notice-{name}")
}

fn kind(notice: &Notice) -> Option<NoticeKind> {
    match notice {
        Notice::Storage(_) => None,
        Notice::StorageNewer => Some(NoticeKind::StorageNewer),
        Notice::StorageOff => Some(NoticeKind::StorageOff),
        Notice::SaveFailed => Some(NoticeKind::SaveFailed),
        Notice::LinkIgnored(_) => Some(NoticeKind::LinkIgnored),
    }
}

#[component]
pub fn Notices(notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || {
                notices
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, notice)| {
                        let lang = lang.get();
                        let said = match (&notice, kind(&notice)) {
                            (Notice::Storage(report), _) => report_text(lang, report),
                            (_, Some(kind)) => notice_text(lang, kind).to_string(),
                            (_, None) => String::new(),
                        };
                        // A few lines say enough: a link with hundreds of bad
                        // keys must not push the calculator off the screen.
                        let lines = match &notice {
                            Notice::LinkIgnored(ignored) => {
                                let more = ignored.len().saturating_sub(SHOWN_IGNORED);
                                let mut lines: Vec<String> =
                                    ignored.iter().take(SHOWN_IGNORED).map(|item| ignored_text(lang, item)).collect();
                                if more > 0 {
                                    lines.push(ignored_more(lang, more));
                                }
                                lines
                            }
                            Notice::Storage(report) => report_items(lang, report),
                            _ => Vec::new(),
                        };
                        // What was kept, and where, can be taken away as it is.
                        let kept = match &notice {
                            Notice::Storage(report) => report.kept.as_ref().map(|kept| kept.key().to_string()),
                            _ => None,
                        };
                        let details = view! {
                            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            {kept.map(|key| view! {
                                <li>
                                    <button type="button" data-testid="download-backup" on:click=move |_| {
                                        storage::download(&key);
                                    }>
                                        {library_text(lang, LibraryText::DownloadBackup)}
                                    </button>
                                </li>
                            })}
                        };
                        view! {
                            <div class="notice" data-testid=testid(&notice)>
                                <p>{said}</p>
                                <ul>{details}</ul>
                                <button
                                    type="button"
                                    class="dismiss"
                                    aria-label=dismiss_label(lang)
                                    on:click=move |_| notices.update(|n| {
                                        if index < n.len() {
                                            n.remove(index);
                                        }
                                    })
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
