//! Time and numbers as a person reads them, in the UI's language: "12 min old", "as of 14:02",
//! "about 1 h 5 min left", "4,210". The words are plain functions of their inputs (tested as
//! plain Rust); only `now_ms`, `clock` and `sleep` touch the browser.

use crate::tr;

/// The browser's clock, in Unix milliseconds.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long ago `then_ms` was, from `now_ms`: "under a minute", "12 min", "3 h 5 min", "2 days".
pub fn age_words(then_ms: i64, now_ms: i64) -> String {
    let secs = (now_ms.saturating_sub(then_ms) / 1000).max(0) as u64;
    match secs {
        0..=59 => tr!("time-under-a-minute"),
        60..=3599 => tr!("time-min", m = secs / 60),
        3600..=86_399 => hours(secs),
        _ => tr!("time-days", d = secs / 86_400),
    }
}

/// "3 h", "3 h 5 min" for `secs` of an hour or more.
fn hours(secs: u64) -> String {
    let (h, m) = (secs / 3600, (secs % 3600) / 60);
    if m == 0 {
        tr!("time-h", h = h)
    } else {
        tr!("time-h-min", h = h, m = m)
    }
}

/// "12 min ago", "under a minute ago" for `then_ms`, by the browser's clock.
pub fn ago(then_ms: i64) -> String {
    tr!("time-ago", age = age_words(then_ms, now_ms()))
}

/// What is left, from seconds: "40 s", "3 min 20 s", "12 min", "1 h 5 min".
pub fn eta(secs: u64) -> String {
    match secs {
        0..=59 => tr!("time-s", s = secs),
        60..=599 if !secs.is_multiple_of(60) => tr!("time-min-s", m = secs / 60, s = secs % 60),
        60..=3599 => tr!("time-min", m = secs / 60),
        _ => hours(secs),
    }
}

/// The local time of `ms` as the UI's language writes it ("14:02"), with the day when it is not
/// today ("28 Nov, 14:02", "11月28日 14:02"): the webview's `Intl` formats it.
pub fn clock(ms: i64) -> String {
    use wasm_bindgen::JsValue;
    let at = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let today = js_sys::Date::new_0();
    let same_day = at.get_date() == today.get_date()
        && at.get_month() == today.get_month()
        && at.get_full_year() == today.get_full_year();
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("hour", "2-digit");
    set("minute", "2-digit");
    set("hourCycle", "h23");
    if !same_day {
        set("month", "short");
        set("day", "numeric");
    }
    String::from(at.to_locale_string(crate::i18n::lang().tag(), &options))
}

pub use crate::i18n::count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_as_a_person_says_them() {
        let now = 1_000_000_000_000;
        assert_eq!(age_words(now - 5_000, now), "under a minute");
        assert_eq!(age_words(now - 12 * 60_000, now), "12 min");
        assert_eq!(age_words(now - 3 * 3_600_000, now), "3 h");
        assert_eq!(
            age_words(now - 3 * 3_600_000 - 5 * 60_000, now),
            "3 h 5 min"
        );
        assert_eq!(age_words(now - 86_400_000, now), "1 day");
        assert_eq!(age_words(now - 3 * 86_400_000, now), "3 days");
        // A clock a little behind the server's is not "-1 min".
        assert_eq!(age_words(now + 30_000, now), "under a minute");
    }

    #[test]
    fn what_is_left_reads_in_the_largest_units() {
        assert_eq!(eta(40), "40 s");
        assert_eq!(eta(200), "3 min 20 s");
        assert_eq!(eta(180), "3 min");
        assert_eq!(eta(725), "12 min");
        assert_eq!(eta(3900), "1 h 5 min");
        assert_eq!(eta(3600), "1 h");
    }
}
