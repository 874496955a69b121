//! Taking over the prerendered first view (`src/bin/prerender.rs`): what a
//! visitor typed into its boxes before the wasm arrived is read first (the
//! app starts from it), the markup is replaced by the live app in the same
//! task (no frame without a page), the box that had focus gets it back with
//! its caret, and the page says it is live.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

/// The element the first view was written into, and the app mounts in.
pub const ROOT_ID: &str = "app";
/// The regions whose figures the pre-paint script marks as being computed
/// (`aria-busy`) when the visitor's scenario is not the prerendered one.
pub const FIGURE_REGIONS: &str = ".answer, .outputs, .scenarios, .decide, .risk";

/// What the visitor did to the prerendered page before the app started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    /// `(name, text)` of every box whose text is not the one prerendered.
    pub values: Vec<(String, String)>,
    /// The focused box's name and its selection (start, end).
    pub focus: Option<(String, u32, u32)>,
}

/// The prerendered root, if the page has one.
pub fn root() -> Option<HtmlElement> {
    crate::browser::window()?
        .document()?
        .get_element_by_id(ROOT_ID)?
        .dyn_into()
        .ok()
}

/// Reads the boxes of the prerendered page: their text where it differs
/// from the prerendered one (`defaultValue`), and the focused one.
pub fn read_typed(root: &HtmlElement) -> Typed {
    let mut typed = Typed::default();
    let Ok(inputs) = root.query_selector_all("input[name]") else {
        return typed;
    };
    for index in 0..inputs.length() {
        let Some(input) = inputs
            .item(index)
            .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        if input.value() != input.default_value() {
            typed.values.push((input.name(), input.value()));
        }
    }
    let focused = crate::browser::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        .filter(|input| root.contains(Some(input)));
    if let Some(input) = focused {
        let start = input.selection_start().ok().flatten().unwrap_or(0);
        let end = input.selection_end().ok().flatten().unwrap_or(start);
        typed.focus = Some((input.name(), start, end));
    }
    typed
}

/// Gives the box named `name` of the live page the focus and the caret it
/// had in the prerendered one.
pub fn restore_focus(name: &str, start: u32, end: u32) {
    let input = crate::browser::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(&format!("#{ROOT_ID} input[name=\"{name}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        let _ = input.set_selection_range(start, end);
    }
}

/// The page is the live app from now on: `<html data-app="live">` (tests and
/// the shell read it), and the figures are no longer marked as being
/// computed (the pre-paint script marks them when the address or storage
/// holds another scenario than the prerendered one).
pub fn mark_live() {
    let Some(document) = crate::browser::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "live");
        let classes = html.get_attribute("class").unwrap_or_default();
        let kept: Vec<&str> = classes.split(' ').filter(|c| *c != "computing").collect();
        let _ = html.set_attribute("class", &kept.join(" "));
    }
    if let Ok(busy) = document.query_selector_all(FIGURE_REGIONS) {
        for index in 0..busy.length() {
            if let Some(element) = busy
                .item(index)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.set_attribute("aria-busy", "false");
            }
        }
    }
}
