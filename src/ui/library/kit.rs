//! The library's view kit: texts, live texts and conditions, buttons.
//! Each is type-erased or non-generic, so that every use shares one
//! compiled view (bytes).

use leptos::prelude::*;

use crate::i18n::library::{library_text, LibraryText as T};
use crate::i18n::Lang;

/// A library text in the current language. One closure type for every
/// text, so the view code for it is compiled once (bytes).
pub fn tr(
    lang: RwSignal<Lang>,
    key: T,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || library_text(lang.get(), key)
}

/// A text that follows signals. Type-erased, so that every such text
/// shares one compiled view (bytes).
pub fn live(text: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(text)
}

/// A condition that follows signals, type-erased like [`live`].
pub fn flag(test: impl Fn() -> bool + Send + Sync + 'static) -> Signal<bool> {
    Signal::derive(test)
}

/// A button of the library and its tools: its test hook, its label, for
/// screen readers the scenario it acts on, and what it does. Not generic:
/// every button shares one compiled view.
pub fn action(
    lang: RwSignal<Lang>,
    testid: &'static str,
    label: T,
    about: Option<String>,
    on: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" data-testid=testid on:click=move |_| on.run(())>
            {tr(lang, label)}
            {about.map(|name| view! { <span class="visually-hidden">" " {name}</span> })}
        </button>
    }
}
