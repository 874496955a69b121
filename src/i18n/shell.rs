//! Texts around the calculator itself: the call-to-action of embed mode.
//! (The "new version ready" notice and the error screen shown after a crash
//! are written in `web/shell.js`, in both languages: the first comes from
//! the service worker's events, the second must work when the wasm app has
//! stopped.)

use super::Lang;

/// The call-to-action button's label when the link gives none.
pub fn default_cta_label(lang: Lang) -> &'static str {
    lang.pick("Nous contacter", "Contact us")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_text_exists_in_both_languages() {
        let (fr, en) = (default_cta_label(Lang::Fr), default_cta_label(Lang::En));
        assert!(!fr.is_empty() && !en.is_empty() && fr != en);
    }
}
