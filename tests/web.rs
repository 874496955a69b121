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

/// The month labels under the cash chart's bars for a horizon of `last`
/// months, at the ticks plotters places on that axis.
fn month_labels(last: u32) -> Vec<String> {
    use plotters::coord::ranged1d::Ranged;
    use plotters::coord::types::RangedCoordf64;
    use teleprospection_roi::charts::cash::{month_label, month_ticks};
    let axis: RangedCoordf64 = (0.5..f64::from(last) + 0.5).into();
    axis.key_points(month_ticks(last))
        .into_iter()
        .map(month_label)
        .filter(|label| !label.is_empty())
        .collect()
}

#[wasm_bindgen_test]
fn the_cash_chart_labels_each_month_of_a_short_horizon_once() {
    // It used to read "1 1 2 2 3 4 4 5 5 6" under six bars.
    for last in 1..=12 {
        let expected: Vec<String> = (1..=last).map(|month| month.to_string()).collect();
        assert_eq!(month_labels(last), expected, "horizon {last}");
    }
}

#[wasm_bindgen_test]
fn the_cash_chart_labels_a_long_horizon_with_a_dozen_distinct_months() {
    // The longest schedule: 36 months, a 36-month cycle and 10 years.
    for last in 13..=192 {
        let labels = month_labels(last);
        let months: Vec<u32> = labels.iter().map(|label| label.parse().unwrap()).collect();
        assert!(
            (4..=13).contains(&months.len()),
            "horizon {last}: {labels:?}"
        );
        assert!(
            months.windows(2).all(|pair| pair[0] < pair[1]),
            "horizon {last}: {labels:?}"
        );
        assert!(
            months.iter().all(|month| (1..=last).contains(month)),
            "horizon {last}: {labels:?}"
        );
    }
}

#[wasm_bindgen_test]
fn axis_labels_are_as_many_as_the_width_takes() {
    use teleprospection_roi::charts::labels_that_fit;
    // A phone's price chart: about 200 px of axis, 64 px a label.
    assert_eq!(labels_that_fit(198.0, 64.0, 10), 3);
    assert_eq!(labels_that_fit(1000.0, 64.0, 10), 10);
    assert_eq!(labels_that_fit(40.0, 64.0, 10), 2);
    assert_eq!(labels_that_fit(f64::NAN, 64.0, 10), 2);
}

#[wasm_bindgen_test]
fn a_long_input_name_is_cut_to_its_room_with_an_ellipsis() {
    use teleprospection_roi::charts::clipped;
    assert_eq!(clipped("Taux de marge brute", 30), "Taux de marge brute");
    assert_eq!(
        clipped("Panier moyen de la première vente", 20),
        "Panier moyen de la…"
    );
    assert_eq!(
        clipped("Panier moyen de la première vente", 20)
            .chars()
            .count(),
        19
    );
}

/// ROI against price for a campaign of margin `m` whose cost is the price
/// times 50 meetings: the price chart's shape.
fn roi_sweep(points: usize, max_price: f64) -> Vec<(f64, f64, Option<f64>)> {
    (0..points)
        .map(|i| {
            let price = max_price * i as f64 / (points - 1) as f64;
            let cost = price * 50.0;
            let roi = (cost > 0.0).then(|| (28_800.0 - cost) / cost);
            (price, 28_800.0 - cost, roi)
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_price_chart_s_roi_axis_holds_zero_and_the_negative_part_and_stops_short_of_infinity() {
    use teleprospection_roi::charts::price::roi_range;
    let points = roi_sweep(61, 864.0);
    // Current ROI +380 %, target +100 %: the axis ends at twice +380 %.
    let ((lo, hi), leaves) = roi_range(&points, Some(3.8), 1.0);
    assert!(
        (lo - (28_800.0 - 43_200.0) / 43_200.0).abs() < 1e-12,
        "{lo}"
    );
    assert!((hi - 7.6).abs() < 1e-12, "{hi}");
    assert!(leaves, "near a zero price the ROI is far above +760 %");
    // A losing price: the target (or 100 %) sets the top, zero is inside.
    let ((lo, hi), _) = roi_range(&points, Some(-0.18), 1.0);
    assert!(lo < 0.0 && hi == 2.0, "{lo} {hi}");
    // A sweep whose ROI stays low is not clipped, and its axis keeps 0.
    let flat = [(0.0, 10.0, Some(0.5)), (1.0, 5.0, Some(0.2))];
    assert_eq!(roi_range(&flat, Some(0.5), 1.0), ((0.0, 0.5), false));
    // Never below −100 %, whatever the data says.
    let odd = [(0.0, 0.0, Some(-3.0)), (1.0, 0.0, None)];
    assert_eq!(roi_range(&odd, None, 1.0).0 .0, -1.0);
}

#[wasm_bindgen_test]
fn the_roi_line_is_cut_at_the_frame_and_broken_where_undefined() {
    use teleprospection_roi::charts::price::clipped_runs;
    // From 20 down to 0 over x = 0..2, framed at 0..10: it enters at x = 1.
    let line = [(0.0, Some(20.0)), (1.0, Some(10.0)), (2.0, Some(0.0))];
    assert_eq!(
        clipped_runs(&line, 0.0, 10.0),
        vec![vec![(1.0, 10.0), (2.0, 0.0)]]
    );
    let line = [(0.0, Some(20.0)), (2.0, Some(0.0)), (3.0, Some(-1.0))];
    assert_eq!(
        clipped_runs(&line, 0.0, 10.0),
        vec![vec![(1.0, 10.0), (2.0, 0.0)]],
        "the part below the frame is left out"
    );
    // Inside, out and back: two runs.
    let line = [(0.0, Some(5.0)), (1.0, Some(15.0)), (2.0, Some(5.0))];
    assert_eq!(
        clipped_runs(&line, 0.0, 10.0),
        vec![vec![(0.0, 5.0), (0.5, 10.0)], vec![(1.5, 10.0), (2.0, 5.0)]]
    );
    // An undefined ROI (no cost at a zero price) breaks the line.
    let line = [
        (0.0, None),
        (1.0, Some(5.0)),
        (2.0, Some(4.0)),
        (3.0, None),
        (4.0, Some(1.0)),
        (5.0, Some(2.0)),
    ];
    assert_eq!(
        clipped_runs(&line, 0.0, 10.0),
        vec![vec![(1.0, 5.0), (2.0, 4.0)], vec![(4.0, 1.0), (5.0, 2.0)]]
    );
}

#[wasm_bindgen_test]
fn a_name_is_cut_to_the_pixels_it_has_measured_on_the_canvas() {
    use plotters::prelude::IntoDrawingArea;
    use teleprospection_roi::charts::{fitted, label_font, surface, TEXT_COLOR};
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(400);
    canvas.set_height(100);
    let root = surface(&canvas).unwrap().backend.into_drawing_area();
    let font = label_font(1.0, TEXT_COLOR);
    let name = "Temps commercial par rendez-vous tenu";
    assert_eq!(fitted(&root, name, &font, 1000.0, 1.0), name);
    let cut = fitted(&root, name, &font, 100.0, 1.0);
    assert!(cut.ends_with('…'), "{cut}");
    let width = |text: &str| root.estimate_text_size(text, &font).unwrap().0;
    assert!(width(&cut) <= 100, "{cut}: {} px", width(&cut));
    // As long as fits: one character more would not.
    let kept = cut.chars().count() - 1;
    let longer = teleprospection_roi::charts::clipped(name, kept + 2);
    assert!(width(&longer) > 100, "{longer} would fit");
}

/// Waits (up to 10 s) for `selector` in `root`: a lazy panel is built once
/// its place comes near or the page is idle (`ui::lazy`), not at mount.
async fn until_present(root: &Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    panic!("{selector} never came");
}

fn click(root: &Element, testid: &str) {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn attribute(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

#[wasm_bindgen_test]
async fn a_checkpoint_is_added_typed_and_checked_against_the_one_before() {
    let root = fresh_root();
    let _app = mount_to(root.clone().unchecked_into(), App);
    until_present(&root, "[data-testid=\"track-empty\"]").await;
    click(&root, "track-add");
    tick().await;
    for (key, value) in [("booked", "6"), ("held", "6"), ("opps", "3")] {
        type_into(&root, &format!("chk1.{key}"), value).await;
    }
    assert_eq!(value_of(&root, "track-1-week"), "1");
    assert_eq!(value_of(&root, "track-1-booked"), "6");
    // 50 meetings over 13 weeks: 50 / 13 booked by week 1.
    assert!(value_of(&root, "track-1-booked-plan").starts_with("3.846153846"));
    // The next week starts from these counts; fewer booked is said at the box.
    click(&root, "track-add");
    tick().await;
    assert_eq!(value_of(&root, "track-2-week"), "2");
    assert_eq!(value_of(&root, "track-2-booked"), "6");
    type_into(&root, "chk2.booked", "4").await;
    assert_eq!(
        attribute(&root, "input[name=\"chk2.booked\"]", "aria-invalid").as_deref(),
        Some("true")
    );
    let message = root
        .query_selector("#track-error-booked")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(message.contains("au moins 6"), "{message}");
    // The table keeps the value typed; the campaign saved keeps the last that fitted.
    assert_eq!(value_of(&root, "track-2-booked"), "4");
    type_into(&root, "chk2.booked", "12").await;
    assert_eq!(
        attribute(&root, "input[name=\"chk2.booked\"]", "aria-invalid").as_deref(),
        Some("false")
    );
}
