//! Panels whose code comes in a wasm chunk of its own (issue #18): the core
//! (form, answer, notices, link and storage) loads first; each panel's
//! chunk is fetched when its place is about to scroll into view, or once
//! the page is idle after it became interactive, whichever comes first.
//! A chunk that fails to load (offline before the first visit finished, a
//! flaky network) leaves a line and a retry button in the panel's place;
//! the rest of the page keeps working.
//!
//! The split itself is the build's (`scripts/split.sh`: wasm-split, the
//! way cargo-leptos `--split` does it); a build without `--cfg split_wasm`
//! (the component tests, `cargo check`) calls the panels directly.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::i18n::page::{text, Text};
use crate::ui::state::Calculator;

/// Why a panel's chunk did not arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

/// A panel's loader: fetches its chunk (once; again after a failure) and
/// builds its view.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>>>>;

/// Declares a split point: `$name::build` builds `$view` from its own chunk.
#[macro_export]
macro_rules! split_panel {
    ($(#[$meta:meta])* $name:ident => $view:expr) => {
        #[cfg(all(target_arch = "wasm32", split_wasm))]
        #[::leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(::leptos::prelude::IntoAny::into_any($view))
        }
        #[cfg(not(all(target_arch = "wasm32", split_wasm)))]
        async fn $name() -> Result<::leptos::prelude::AnyView, ()> {
            Ok(::leptos::prelude::IntoAny::into_any($view))
        }
        $crate::paste_panel!($(#[$meta])* $name);
    };
}

/// The boxed, `Loader`-typed face of a split point.
#[macro_export]
#[doc(hidden)]
macro_rules! paste_panel {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        pub mod $name {
            /// Builds the panel (its chunk fetched first if need be).
            pub fn build() -> ::std::pin::Pin<::std::boxed::Box<dyn ::std::future::Future<Output = Result<::leptos::prelude::AnyView, $crate::ui::lazy::NotLoaded>>>> {
                ::std::boxed::Box::pin(async { super::$name().await.map_err(|_| $crate::ui::lazy::NotLoaded) })
            }
        }
    };
}

/// Marks the built panel (its root is `section.{class}`) as laid out once in
/// full, two frames after it is built: from then on it is skipped while off
/// screen (style: `section.measured`), keeping the size it was seen at, so
/// that a keystroke lays out and paints the first screen, not the whole
/// page (issue #18: rendering was half of a keystroke at 4× CPU), and a jump
/// past a panel lands where it should.
fn measured_soon(class: &'static str) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            let built = document()
                .query_selector(&format!("section.{class}"))
                .ok()
                .flatten();
            if let Some(built) = built {
                let _ = built.class_list().add_1("measured");
            }
        })
    });
}

/// Where a lazily loaded panel goes: reserved room with the panel's class
/// (its estimated height is in the CSS) until the chunk has arrived.
#[component]
pub fn LazyPanel(
    /// The panel's loader (see [`split_panel!`]).
    load: Loader,
    /// The class of the panel's place (`decide`, `risk`, …): its height.
    class: &'static str,
) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let view = RwSignal::new_local(None::<AnyView>);
    let failed = RwSignal::new(false);
    let asked = StoredValue::new(false);
    // The panel is built under this component's owner (it reads the page's
    // contexts, and goes when this does), whoever asks for it: an
    // IntersectionObserver callback has no owner of its own.
    let owner = StoredValue::new_local(Owner::current());
    let fetch = move || {
        if asked.get_value() {
            return;
        }
        asked.set_value(true);
        failed.set(false);
        let load = async move {
            match load().await {
                Ok(loaded) => {
                    if view.try_set(Some(loaded)).is_none() {
                        measured_soon(class);
                    }
                }
                Err(NotLoaded) => {
                    asked.set_value(false);
                    let _ = failed.try_set(true);
                }
            }
        };
        let spawn =
            move || leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new(load));
        match owner.get_value() {
            Some(owner) => owner.with(spawn),
            None => spawn(),
        }
    };
    // The page asks once; after a failure only the retry button asks again,
    // so a failed line never flickers or vanishes under the reader's hand
    // as the place moves in and out of range.
    let tried = StoredValue::new(false);
    let first = move || {
        if !tried.get_value() {
            tried.set_value(true);
            fetch();
        }
    };
    let place = NodeRef::<leptos::html::Div>::new();
    // About to scroll into view: a screen and a half ahead.
    crate::ui::visible::when_near(place, first);
    // Or once the page is idle after it became interactive: built then,
    // each panel in an idle period of its own, so that the page below the
    // answer is whole before anyone scrolls to it (no empty room, find in
    // page, nothing moving under a scroll).
    crate::ui::visible::when_idle(first);
    view! {
        <Show
            when=move || view.with(Option::is_some)
            fallback=move || {
                view! {
                    <div class=format!("lazy-panel {class}") node_ref=place data-lazy=class>
                        <Show when=move || failed.get()>
                            <p class="lazy-failed" role="status" data-testid="lazy-failed">
                                {move || text(lang.get(), Text::PanelNotLoaded)} " "
                                <button type="button" data-testid="lazy-retry" on:click=move |_| fetch()>
                                    {move || text(lang.get(), Text::Retry)}
                                </button>
                            </p>
                        </Show>
                    </div>
                }
            }
        >
            {move || view.update_untracked(|view| view.take())}
        </Show>
    }
}
