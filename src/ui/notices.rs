//! Messages about the app itself: a link that could not be read in full,
//! storage that is off, full or holds unreadable data.

use leptos::prelude::*;

use crate::i18n::page::{ignored_more, ignored_text, notice_text, NoticeKind};
use crate::link::Ignored;
use crate::ui::state::Calculator;

/// Ignored link keys listed one by one; the rest are counted.
const SHOWN_IGNORED: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageUnreadable,
    StorageNewer,
    StorageOff,
    SaveFailed,
    LinkIgnored(Vec<Ignored>),
}

impl Notice {
    fn kind(&self) -> NoticeKind {
        match self {
            Notice::StorageUnreadable => NoticeKind::StorageUnreadable,
            Notice::StorageNewer => NoticeKind::StorageNewer,
            Notice::StorageOff => NoticeKind::StorageOff,
            Notice::SaveFailed => NoticeKind::SaveFailed,
            Notice::LinkIgnored(_) => NoticeKind::LinkIgnored,
        }
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
                        let kind = notice.kind();
                        let details = match &notice {
                            // A few lines say enough: a link with hundreds of bad
                            // keys must not push the calculator off the screen.
                            Notice::LinkIgnored(ignored) => {
                                let more = ignored.len().saturating_sub(SHOWN_IGNORED);
                                let items = ignored
                                    .iter()
                                    .take(SHOWN_IGNORED)
                                    .map(|item| view! { <li>{ignored_text(lang, item)}</li> })
                                    .collect_view();
                                let more = (more > 0).then(|| view! { <li>{ignored_more(lang, more)}</li> });
                                view! { {items} {more} }.into_any()
                            }
                            // The raw copy kept aside can be taken away.
                            Notice::StorageUnreadable => view! {
                                <li>
                                    <button type="button" data-testid="download-backup" on:click=|_| crate::ui::library::download_backup()>
                                        {crate::i18n::library::library_text(lang, crate::i18n::library::LibraryText::DownloadBackup)}
                                    </button>
                                </li>
                            }
                            .into_any(),
                            _ => ().into_any(),
                        };
                        view! {
                            <div class="notice" data-testid=format!("notice-{}", kind.testid())>
                                <p>{notice_text(lang, kind)}</p>
                                <ul>{details}</ul>
                                <button
                                    type="button"
                                    class="dismiss"
                                    aria-label=crate::i18n::page::dismiss_label(lang)
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
