//! Component tests in headless Chromium (wasm-bindgen-test): mount the real
//! app, type like a user, read what it renders.
#![cfg(target_arch = "wasm32")]

use leptos::{mount::mount_to, task::tick};
use teleprospection_roi::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh page state: no saved scenario, no link.
fn fresh_root() -> Element {
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    let _ = window.history().unwrap().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&window.location().pathname().unwrap()),
    );
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn value_of(root: &Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .get_attribute("data-value")
        .unwrap_or_default()
}

async fn type_into(root: &Element, name: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(&format!("input[name=\"{name}\"]"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn default_scenario_shows_the_reference_figures() {
    let root = fresh_root();
    let _app = mount_to(root.clone().unchecked_into(), App);
    tick().await;
    assert_eq!(value_of(&root, "roi"), "3.8");
    assert_eq!(value_of(&root, "net-result"), "22800");
    assert_eq!(value_of(&root, "sales"), "12");
    assert_eq!(value_of(&root, "payback-month"), "3");
    assert_eq!(value_of(&root, "guardrail-multiple"), "true");
}

#[wasm_bindgen_test]
async fn typing_a_price_updates_the_figures() {
    let root = fresh_root();
    let _app = mount_to(root.clone().unchecked_into(), App);
    tick().await;
    type_into(&root, "price", "240").await;
    // 50 × 240 = 12,000 € of cost against 28,800 € of margin.
    assert_eq!(value_of(&root, "total-cost"), "12000");
    assert_eq!(value_of(&root, "roi"), "1.4");
}

#[wasm_bindgen_test]
async fn an_out_of_range_value_is_flagged_and_freezes_the_figures() {
    let root = fresh_root();
    let _app = mount_to(root.clone().unchecked_into(), App);
    tick().await;
    type_into(&root, "noshow", "150").await;
    let input = root
        .query_selector("input[name=\"noshow\"]")
        .unwrap()
        .unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = root.query_selector("#error-noshow").unwrap().unwrap();
    assert!(message.text_content().unwrap_or_default().contains("100"));
    assert_eq!(
        value_of(&root, "roi"),
        "3.8",
        "figures keep the last valid state"
    );
    assert!(root
        .query_selector("[data-testid=\"stale\"]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn french_number_formats_are_read() {
    let root = fresh_root();
    let _app = mount_to(root.clone().unchecked_into(), App);
    tick().await;
    type_into(&root, "deal", "7 500,50").await;
    // 12 sales × 7,500.50 € × 40 % = 36,002.40 € of gross margin.
    assert_eq!(value_of(&root, "gross-margin"), "36002.4");
}

/// Waits until the next animation frame's callbacks have run (those asked
/// for before this one run first).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_chart_redraw_runs_at_most_once_per_frame_and_never_after_cleanup() {
    use std::cell::Cell;
    use std::rc::Rc;
    use teleprospection_roi::browser::frame::OncePerFrame;

    let runs = Rc::new(Cell::new(0));
    let counter = runs.clone();
    let redraw = OncePerFrame::new(move || counter.set(counter.get() + 1));
    next_frame().await;
    redraw.run();
    assert_eq!(runs.get(), 1, "the first call in a frame runs at once");
    redraw.run();
    redraw.run();
    assert_eq!(runs.get(), 1, "later calls in that frame wait");
    next_frame().await;
    assert_eq!(runs.get(), 2, "they run once, at the next frame");
    next_frame().await;
    assert_eq!(runs.get(), 2, "and not again");
    redraw.run();
    assert_eq!(runs.get(), 3, "a call in a later frame runs at once");
    redraw.run();
    (redraw.stopper())();
    next_frame().await;
    redraw.run();
    assert_eq!(runs.get(), 3, "nothing runs once the owner is gone");
}
