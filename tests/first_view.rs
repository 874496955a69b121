//! The prerendered first view (issue #21), rendered natively by the same
//! components the browser mounts: every figure it carries is the engine's.
#![cfg(not(target_arch = "wasm32"))]

use teleprospection_roi::engine::{data_value, evaluate, FigureId, Inputs};

/// The `data-value` of the element with `data-testid="<testid>"`.
fn data_value_of(html: &str, testid: &str) -> Option<String> {
    let at = html.find(&format!("data-testid=\"{testid}\""))?;
    // The attributes of that one element.
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    let tag = &html[start..end];
    let value = tag.split("data-value=\"").nth(1)?;
    Some(value[..value.find('"')?].to_string())
}

#[test]
fn every_figure_of_the_first_view_is_the_engines() {
    let html = teleprospection_roi::ui::first_view_html();
    let outcome = evaluate(&Inputs::default());
    for id in FigureId::ALL {
        assert_eq!(
            data_value_of(&html, id.testid()).as_deref(),
            Some(data_value(outcome.figure(id)).as_str()),
            "{}",
            id.testid()
        );
    }
    assert_eq!(data_value_of(&html, "roi").as_deref(), Some("3.8"));
    assert_eq!(
        data_value_of(&html, "guardrail-multiple").as_deref(),
        Some("true")
    );
}

#[test]
fn the_first_view_is_the_french_page_with_its_form_and_answer() {
    let html = teleprospection_roi::ui::first_view_html();
    for text in [
        "Téléprospection au résultat",
        "name=\"price\"",
        "value=\"120\"",
        "Rentable",
        // The panels below the answer are reserved places: their code comes
        // in chunks of its own (issue 18), built in the browser.
        "class=\"lazy-panel charts\"",
        "class=\"lazy-panel track\"",
    ] {
        assert!(html.contains(text), "{text} is missing");
    }
    // Nothing a browser would have said: no storage notice off the browser.
    assert!(
        !html.contains("notice-storage"),
        "a storage notice was prerendered"
    );
    // The same at every build (the byte counts are held).
    assert_eq!(html, teleprospection_roi::ui::first_view_html());
}
