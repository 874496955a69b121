//! The time and a little randomness, for saved scenarios' dates and ids.

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
