//! Time and numbers as a person reads them: "12 min old", "as of 14:02", "about 1 h 5 min
//! left", "4,210". The words are plain functions of their inputs (tested as plain Rust); only
//! `now_ms`, `clock` and `sleep` touch the browser.

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
        0..=59 => "under a minute".to_owned(),
        60..=3599 => format!("{} min", secs / 60),
        3600..=86_399 => {
            let (h, m) = (secs / 3600, (secs % 3600) / 60);
            if m == 0 {
                format!("{h} h")
            } else {
                format!("{h} h {m} min")
            }
        }
        _ => {
            let d = secs / 86_400;
            format!("{d} day{}", if d == 1 { "" } else { "s" })
        }
    }
}

/// "12 min ago", "under a minute ago" for `then_ms`, by the browser's clock.
pub fn ago(then_ms: i64) -> String {
    format!("{} ago", age_words(then_ms, now_ms()))
}

/// What is left, from seconds: "40 s", "3 min 20 s", "12 min", "1 h 5 min".
pub fn eta(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs} s"),
        60..=599 if !secs.is_multiple_of(60) => format!("{} min {} s", secs / 60, secs % 60),
        60..=3599 => format!("{} min", secs / 60),
        _ => {
            let (h, m) = (secs / 3600, (secs % 3600) / 60);
            if m == 0 {
                format!("{h} h")
            } else {
                format!("{h} h {m} min")
            }
        }
    }
}

/// The local time of `ms` as "14:02", with the day ("28 Nov 14:02") when it is not today.
pub fn clock(ms: i64) -> String {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let today = js_sys::Date::new_0();
    let hm = format!("{:02}:{:02}", at.get_hours(), at.get_minutes());
    let same_day = at.get_date() == today.get_date()
        && at.get_month() == today.get_month()
        && at.get_full_year() == today.get_full_year();
    if same_day {
        hm
    } else {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let month = MONTHS.get(at.get_month() as usize).copied().unwrap_or("");
        format!("{} {month} {hm}", at.get_date())
    }
}

/// A count with thousands separated: 10000 -> "10,000".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 organization", "37 organizations", with the count's thousands separated.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

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
    fn counts_have_thousands_separated() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(4210), "4,210");
        assert_eq!(count(10_000), "10,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(plural(1, "organization", "organizations"), "1 organization");
        assert_eq!(
            plural(10_000, "organization", "organizations"),
            "10,000 organizations"
        );
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
