//! Each header rule at its edges, then any string at all through every reader.

use super::*;
use proptest::prelude::*;
use reqwest::header::HeaderValue;

/// 2026-11-23T00:00:00Z, a wall clock for the tests.
const NOW_SECS: u64 = 1_795_392_000;

fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(NOW_SECS)
}

fn with(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in pairs {
        h.insert(*name, HeaderValue::from_str(value).expect("a header value"));
    }
    h
}

#[test]
fn counts_are_whole_numbers_and_nonsense_is_absent() {
    assert_eq!(count("5"), Some(5));
    assert_eq!(count(" 0 "), Some(0));
    assert_eq!(count(&MAX_COUNT.to_string()), Some(MAX_COUNT));
    for nonsense in [
        "",
        "-1",
        "+5",
        "5.0",
        "1e3",
        "five",
        "18446744073709551615",
        "18446744073709551616",
        "1000000001",
    ] {
        assert_eq!(count(nonsense), None, "{nonsense:?}");
    }
}

#[test]
fn remaining_u64_max_is_absent_and_remaining_above_the_limit_is_the_limit() {
    let h = with(&[
        ("x-ratelimit-limit", "5"),
        ("x-ratelimit-remaining", "18446744073709551615"),
    ]);
    assert_eq!(RateHeaders::read(&h).remaining, None);
    let h = with(&[("x-ratelimit-limit", "5"), ("x-ratelimit-remaining", "9")]);
    assert_eq!(RateHeaders::read(&h).remaining, Some(5));
}

#[test]
fn a_reset_is_epoch_seconds_or_milliseconds() {
    let secs = reset_at(&NOW_SECS.to_string());
    assert_eq!(secs, Some(now()));
    let millis = reset_at(&(NOW_SECS * 1_000 + 500).to_string());
    assert_eq!(millis, Some(now() + Duration::from_millis(500)));
    assert_eq!(
        reset_at(&format!("{NOW_SECS}.25")),
        Some(now() + Duration::from_millis(250))
    );
    assert_eq!(
        reset_at(&format!("{NOW_SECS}.1234567891234")),
        Some(now() + Duration::from_nanos(123_456_789))
    );
}

#[test]
fn a_reset_of_u64_max_or_nonsense_never_panics_and_never_means_a_long_wait() {
    // u64::MAX reads as milliseconds: 584 million years ahead, beyond any sensible wait.
    let at = reset_at("18446744073709551615");
    assert_eq!(at.and_then(|at| wait_until(at, now())), None);
    for nonsense in [
        "-1",
        "1e10",
        "soon",
        "",
        ".5",
        "5.",
        "1.2.3",
        "18446744073709551616",
    ] {
        assert_eq!(reset_at(nonsense), None, "{nonsense:?}");
    }
}

#[test]
fn an_announced_wait_is_zero_when_past_at_most_an_hour_and_absent_past_a_day() {
    let in_secs = |s: u64| now() + Duration::from_secs(s);
    assert_eq!(
        wait_until(in_secs(30), now()),
        Some(Duration::from_secs(30))
    );
    assert_eq!(
        wait_until(now() - Duration::from_secs(5), now()),
        Some(Duration::ZERO)
    );
    assert_eq!(wait_until(in_secs(7_200), now()), Some(MAX_AHEAD));
    assert_eq!(wait_until(in_secs(86_400), now()), Some(MAX_AHEAD));
    assert_eq!(wait_until(in_secs(86_401), now()), None);
}

#[test]
fn retry_after_is_seconds_or_an_http_date_capped_at_an_hour() {
    assert_eq!(retry_after("7", now()), Some(Duration::from_secs(7)));
    assert_eq!(retry_after("0", now()), Some(Duration::ZERO));
    assert_eq!(retry_after("86400", now()), Some(MAX_AHEAD));
    assert_eq!(retry_after("86401", now()), None);
    assert_eq!(retry_after("18446744073709551615", now()), None);
    assert_eq!(retry_after("184467440737095516150", now()), None);
    // 2026-11-23T00:00:42Z in each of RFC 9110's three formats.
    for date in [
        "Mon, 23 Nov 2026 00:00:42 GMT",
        "Monday, 23-Nov-26 00:00:42 GMT",
        "Mon Nov 23 00:00:42 2026",
    ] {
        assert_eq!(
            retry_after(date, now()),
            Some(Duration::from_secs(42)),
            "{date}"
        );
    }
    assert_eq!(
        retry_after("Sun, 22 Nov 2026 23:00:00 GMT", now()),
        Some(Duration::ZERO),
        "a date in the past means now"
    );
    assert_eq!(retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now()), None);
    for nonsense in ["-5", "1.5", "soon", "", "Mon, 99 Nov 2026 00:00:42 GMT"] {
        assert_eq!(retry_after(nonsense, now()), None, "{nonsense:?}");
    }
}

/// Header values a hostile or broken server might send: any visible text, numbers of every
/// size and sign, floats and dates.
fn header_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        (any::<u64>(), any::<u32>()).prop_map(|(a, b)| format!("{a}.{b}")),
        "[0-9]{15,40}",
        (0u64..4_000_000_000_000).prop_map(|n| n.to_string()),
        // Up to 9999-12-31, the last date an HTTP date can write.
        (0u64..253_402_300_800)
            .prop_map(|secs| { httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(secs)) }),
        "(Mon|Tue|Sun), [0-9]{1,3} (Jan|Nov|Foo) [0-9]{1,6} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_header_value_reads_as_a_sane_number_or_as_absent(
        limit in header_text(),
        remaining in header_text(),
        reset in header_text(),
        retry in header_text(),
        wall_secs in 0u64..8_000_000_000,
    ) {
        let wall = UNIX_EPOCH + Duration::from_secs(wall_secs);
        let h = with(&[
            ("x-ratelimit-limit", &limit),
            ("x-ratelimit-remaining", &remaining),
            ("x-ratelimit-reset", &reset),
            ("retry-after", &retry),
        ]);
        let seen = RateHeaders::read(&h);
        prop_assert!(seen.limit.is_none_or(|l| l <= MAX_COUNT));
        prop_assert!(seen.remaining.is_none_or(|r| r <= MAX_COUNT));
        if let (Some(l), Some(r)) = (seen.limit, seen.remaining) {
            prop_assert!(r <= l);
        }
        if let Some(wait) = seen.reset.and_then(|at| wait_until(at, wall)) {
            prop_assert!(wait <= MAX_AHEAD);
        }
        if let Some(wait) = retry_after_header(&h, wall) {
            prop_assert!(wait <= MAX_AHEAD);
        }
    }
}
