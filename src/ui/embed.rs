//! Embed mode (`embed=1` in the link): the compact page for an iframe on a
//! marketing site (style/shell.css hides everything but the form and the
//! results), with an optional call-to-action button. `web/shell.js` posts
//! the page's height to the parent page while `<html>` has the `embed`
//! class. The host may give its accent colour (`accent=`) and leave out the
//! page's background (`bg=transparent`).

use leptos::prelude::*;

use crate::browser::{address, shell};
use crate::i18n::shell::default_cta_label;
use crate::link::{self, Embed};
use crate::ui::state::Calculator;

/// The embed settings of the page's link, applied to the document. The
/// pre-paint script of `src/bin/prerender.rs` has set the same classes
/// before the first paint, and the host's accent shades (`--accent`… on
/// `<html>`, by `colour::Palette::of`'s arithmetic): they are not set again
/// here, which would cost the wasm the colour arithmetic for nothing.
pub fn setup() -> Embed {
    let embed = link::decode(&address::current_link()).embed;
    if embed.on {
        shell::add_document_class("embed");
        if embed.transparent {
            shell::add_document_class("bg-transparent");
        }
    }
    embed
}

/// The call-to-action button, in embed mode inside a frame only: on a page
/// of its own, a button pointing wherever a link says would be a lure for
/// phishing. Its address is an http(s) one (refused otherwise when the link
/// was read, and reported); its label is only ever text.
#[component]
pub fn CallToAction(embed: Embed) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let url = embed.cta_url.filter(|_| embed.on && shell::is_framed());
    let label = embed.cta_label;
    url.map(|url| {
        view! {
            <p class="cta">
                <a data-testid="cta" href=url target="_top" rel="noopener">
                    {move || {
                        if label.is_empty() {
                            default_cta_label(lang.get()).to_string()
                        } else {
                            label.clone()
                        }
                    }}
                </a>
            </p>
        }
    })
}
