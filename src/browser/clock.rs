//! The time and a little randomness, for saved scenarios' dates and ids,
//! and the page's clock for pauses and timings.

thread_local! {
    /// The page's `performance`, looked up once: `monotonic_ms` runs several
    /// times per keystroke (typing pauses), and each lookup is three calls
    /// out of the wasm.
    static PERFORMANCE: Option<web_sys::Performance> =
        crate::browser::window().and_then(|window| window.performance());
}

/// Milliseconds since the page started (`performance.now()`; 0 off the
/// browser), for pauses and durations.
pub fn monotonic_ms() -> f64 {
    PERFORMANCE.with(|performance| performance.as_ref().map_or(0.0, |p| p.now()))
}

/// Milliseconds since 1970 (UTC).
pub fn now_ms() -> u64 {
    // Off the browser (the build-time prerender): the epoch, so that the
    // prerendered page is the same at every build.
    if crate::browser::window().is_none() {
        return 0;
    }
    js_sys::Date::now().max(0.0) as u64
}

/// A random number for ids (not for secrets).
pub fn salt() -> u32 {
    if crate::browser::window().is_none() {
        return 0;
    }
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// (year, month 1–12, day, hour, minute) of `ms` in the user's time zone.
pub fn local_parts(ms: u64) -> (u32, u32, u32, u32, u32) {
    if crate::browser::window().is_none() {
        return (1970, 1, 1, 0, 0);
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    (
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}
