//! The pacer against a simulated server bucket, and against numbers no server should send.

use super::*;
use reqwest::header::HeaderValue;
use std::time::UNIX_EPOCH;

const KEY: &str = "write /organizations/{id}/connections";
/// Wall-clock seconds at the start of a simulated run.
const EPOCH: f64 = 1_000_000.0;

fn headers(limit: u64, remaining: u64, reset: u64) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("x-ratelimit-limit", HeaderValue::from(limit));
    h.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
    h.insert("x-ratelimit-reset", HeaderValue::from(reset));
    h
}

/// A server-side token bucket, as Auth0 and the sandbox keep it.
struct Server {
    burst: f64,
    rate: f64,
    tokens: f64,
    at: f64,
}

impl Server {
    /// Takes a token at `t` seconds; the reply headers and whether it was allowed.
    fn take(&mut self, t: f64) -> (HeaderMap, bool) {
        self.tokens = (self.tokens + (t - self.at) * self.rate).min(self.burst);
        self.at = t;
        let ok = self.tokens >= 1.0;
        if ok {
            self.tokens -= 1.0;
        }
        let next = t + (1.0 - self.tokens).max(0.0) / self.rate;
        (
            headers(
                self.burst as u64,
                self.tokens.floor() as u64,
                (EPOCH + next).ceil() as u64,
            ),
            ok,
        )
    }
}

/// Sends `n` requests one after another through the pacer against `server`, each reply
/// taking `latency`; returns (seconds taken, 429s drawn).
fn run(server: &mut Server, n: usize, latency: f64) -> (f64, usize) {
    let start = Instant::now();
    let epoch = UNIX_EPOCH + Duration::from_secs(EPOCH as u64);
    let mut pacer = Pacer::default();
    let mut t = 0.0;
    let mut refused = 0;
    let mut sent = 0;
    while sent < n {
        let wait = pacer.delay_before_send(
            KEY,
            start + Duration::from_secs_f64(t),
            epoch + Duration::from_secs_f64(t),
            Duration::from_secs(60),
        );
        t += wait.as_secs_f64();
        let (h, ok) = server.take(t + latency / 2.0);
        t += latency;
        pacer.observe(KEY, &h, start + Duration::from_secs_f64(t), ok);
        if ok {
            sent += 1;
        } else {
            refused += 1;
            t += Pacer::wait_after_429(&h, epoch + Duration::from_secs_f64(t))
                .unwrap_or_default()
                .as_secs_f64();
        }
    }
    (t, refused)
}

#[test]
fn bucket_keys_put_a_resource_and_its_items_in_one_bucket() {
    assert_eq!(
        bucket_key(true, "/organizations/{id}/connections"),
        bucket_key(true, "/organizations/{id}/connections/{connection_id}")
    );
    assert_ne!(
        bucket_key(true, "/organizations/{id}/connections"),
        bucket_key(false, "/organizations/{id}/connections")
    );
}

#[test]
fn a_steady_run_learns_the_refill_rate_and_meets_the_ceiling_without_a_429() {
    // Auth0's org-connection write bucket (5 burst, 150 per minute), then sped up. Learning
    // costs one wait for the whole-second reset, so at 25 per second a 200-write run loses
    // about a tenth; at these rates it stays within 5%.
    for (rate, latency) in [(2.5, 0.005), (2.5, 0.05), (5.0, 0.002), (10.0, 0.002)] {
        let mut server = Server {
            burst: 5.0,
            rate,
            tokens: 5.0,
            at: 0.0,
        };
        let n = 200;
        let (secs, refused) = run(&mut server, n, latency);
        let ideal = (n as f64 - 5.0) / rate;
        assert_eq!(refused, 0, "rate {rate}: no request may be refused");
        assert!(
            ideal / secs >= 0.95,
            "rate {rate}: {n} writes took {secs:.1} s, ideal {ideal:.1} s"
        );
    }
}

#[test]
fn the_learned_rate_never_exceeds_the_real_one_by_more_than_rounding() {
    let mut server = Server {
        burst: 5.0,
        rate: 2.5,
        tokens: 5.0,
        at: 0.0,
    };
    let start = Instant::now();
    let mut pacer = Pacer::default();
    let mut t = 0.0;
    for _ in 0..60 {
        t += pacer
            .delay_before_send(
                KEY,
                start + Duration::from_secs_f64(t),
                UNIX_EPOCH + Duration::from_secs_f64(EPOCH + t),
                Duration::from_secs(60),
            )
            .as_secs_f64();
        let (h, ok) = server.take(t);
        pacer.observe(KEY, &h, start + Duration::from_secs_f64(t), ok);
    }
    let learned = pacer.rate(KEY).expect("a rate is learned");
    assert!((learned - 2.5).abs() / 2.5 < 0.1, "learned {learned}");
}

#[test]
fn an_empty_bucket_with_nothing_learned_waits_until_its_reset_and_no_longer() {
    let now = Instant::now();
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let mut p = Pacer::default();
    p.observe(KEY, &headers(5, 0, 1_003), now, true);
    assert_eq!(
        p.delay_before_send(KEY, now, wall, Duration::from_secs(60)),
        Duration::from_secs(3)
    );
    assert_eq!(
        p.delay_before_send(KEY, now, wall, Duration::from_secs(2)),
        Duration::from_secs(2),
        "capped"
    );
    let later = wall + Duration::from_secs(4);
    assert_eq!(
        p.delay_before_send(KEY, now, later, Duration::from_secs(60)),
        Duration::ZERO
    );
}

#[test]
fn tokens_left_are_spent_locally_and_buckets_do_not_share_them() {
    let now = Instant::now();
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let mut p = Pacer::default();
    p.observe(KEY, &headers(5, 2, 1_001), now, true);
    p.observe("read /organizations", &headers(10, 9, 1_001), now, true);
    let cap = Duration::from_secs(60);
    assert_eq!(p.delay_before_send(KEY, now, wall, cap), Duration::ZERO);
    assert_eq!(p.delay_before_send(KEY, now, wall, cap), Duration::ZERO);
    assert_eq!(
        p.delay_before_send(KEY, now, wall, cap),
        Duration::from_secs(1),
        "third call waits, whatever the read bucket has left"
    );
    assert_eq!(
        p.delay_before_send("read /unseen", now, wall, cap),
        Duration::ZERO
    );
}

#[test]
fn a_429_waits_for_reset_else_retry_after() {
    let now = UNIX_EPOCH + Duration::from_secs(1_000);
    assert_eq!(
        Pacer::wait_after_429(&headers(5, 0, 1_005), now),
        Some(Duration::from_secs(5))
    );
    let mut h = HeaderMap::new();
    h.insert("retry-after", HeaderValue::from(7u64));
    assert_eq!(Pacer::wait_after_429(&h, now), Some(Duration::from_secs(7)));
    assert_eq!(Pacer::wait_after_429(&HeaderMap::new(), now), None);
}

fn raw(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in pairs {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(*name, v);
        }
    }
    h
}

#[test]
fn a_reset_of_u64_max_neither_panics_nor_stalls_the_next_request() {
    let now = Instant::now();
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let mut p = Pacer::default();
    let h = raw(&[
        ("x-ratelimit-limit", "5"),
        ("x-ratelimit-remaining", "0"),
        ("x-ratelimit-reset", "18446744073709551615"),
    ]);
    p.observe(KEY, &h, now, true);
    assert_eq!(
        p.delay_before_send(KEY, now, wall, Duration::from_secs(60)),
        Duration::ZERO,
        "a reset no clock can reach is ignored, not waited for"
    );
    assert_eq!(Pacer::wait_after_429(&h, wall), None);
}

#[test]
fn a_429_with_an_absurd_reset_falls_back_to_retry_after() {
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let h = raw(&[
        ("x-ratelimit-reset", "18446744073709551615"),
        ("retry-after", "3"),
    ]);
    assert_eq!(
        Pacer::wait_after_429(&h, wall),
        Some(Duration::from_secs(3))
    );
    let far = raw(&[("x-ratelimit-reset", "1000000"), ("retry-after", "-3")]);
    assert_eq!(
        Pacer::wait_after_429(&far, wall),
        None,
        "a reset eleven days ahead and a negative Retry-After both say nothing"
    );
    let past = raw(&[("x-ratelimit-reset", "999")]);
    assert_eq!(
        Pacer::wait_after_429(&past, wall),
        Some(Duration::from_millis(250)),
        "a reset just past (clock skew) still waits a beat"
    );
    let ms = raw(&[("x-ratelimit-reset", "1000000002000")]);
    assert_eq!(
        Pacer::wait_after_429(&ms, UNIX_EPOCH + Duration::from_secs(1_000_000_000)),
        Some(Duration::from_secs(2)),
        "epoch milliseconds"
    );
}

#[test]
fn a_reset_two_hours_ahead_is_waited_for_an_hour_at_most() {
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let h = raw(&[("x-ratelimit-reset", "8200")]);
    assert_eq!(
        Pacer::wait_after_429(&h, wall),
        Some(Duration::from_secs(3_600))
    );
}

#[test]
fn remaining_u64_max_is_ignored_and_the_pacer_keeps_what_it_knew() {
    let now = Instant::now();
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let cap = Duration::from_secs(60);
    let mut p = Pacer::default();
    p.observe(KEY, &headers(5, 0, 1_002), now, true);
    p.observe(
        KEY,
        &raw(&[
            ("x-ratelimit-limit", "18446744073709551615"),
            ("x-ratelimit-remaining", "18446744073709551615"),
        ]),
        now + Duration::from_millis(1),
        true,
    );
    assert_eq!(
        p.delay_before_send(KEY, now, wall, cap),
        Duration::from_secs(2),
        "still empty until the reset the last sane reply gave"
    );
}

#[test]
fn tokens_gained_saturate_instead_of_overflowing() {
    assert_eq!(gained(3, 2, 2), 1);
    assert_eq!(gained(5, 0, 0), -5);
    assert_eq!(gained(0, u64::MAX, u64::MAX), i64::MAX);
    assert_eq!(gained(u64::MAX, 0, 0), -i64::MAX);
    let mut b = Bucket {
        limit: Some(u64::MAX),
        ..Bucket::default()
    };
    let now = Instant::now();
    b.observe(u64::MAX, Some(u64::MAX), None, now, true);
    b.sent_since = u64::MAX;
    b.observe(0, None, None, now + Duration::from_secs(1), true);
    b.observe(u64::MAX, None, None, now + Duration::from_secs(2), false);
    let _ = b.delay_before_send(now, UNIX_EPOCH, Duration::from_secs(1));
}

/// A header value a server might send, valid or not as a number.
fn any_value() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        "[ -~]{0,30}",
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        (0u64..20).prop_map(|n| n.to_string()),
        (999_990u64..1_000_100).prop_map(|n| n.to_string()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// Any run of replies, with any header values and any timing, leaves the pacer asking for
    /// a wait no longer than its cap, and a 429's wait within an hour.
    #[test]
    fn any_replies_keep_every_wait_within_its_cap(
        replies in proptest::collection::vec(
            (any_value(), any_value(), any_value(), any_value(),
             proptest::prelude::any::<bool>(), 0u64..5_000_000, 0u8..4),
            1..30,
        ),
    ) {
        let start = Instant::now();
        let wall0 = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let cap = Duration::from_secs(60);
        let mut p = Pacer::default();
        let mut t = Duration::ZERO;
        for (limit, remaining, reset, retry, consumed, step_us, sends) in replies {
            t += Duration::from_micros(step_us);
            for _ in 0..sends {
                let wait = p.delay_before_send(KEY, start + t, wall0 + t, cap);
                proptest::prop_assert!(wait <= cap);
            }
            let h = raw(&[
                ("x-ratelimit-limit", &limit),
                ("x-ratelimit-remaining", &remaining),
                ("x-ratelimit-reset", &reset),
                ("retry-after", &retry),
            ]);
            p.observe(KEY, &h, start + t, consumed);
            if let Some(wait) = Pacer::wait_after_429(&h, wall0 + t) {
                proptest::prop_assert!(wait <= Duration::from_secs(3_600));
            }
        }
    }
}

#[test]
fn a_background_request_waiting_for_a_slot_leaves_it_to_the_next_interactive_one() {
    // An empty bucket with a learned rate of 2 per second.
    let mut server = Server {
        burst: 5.0,
        rate: 2.0,
        tokens: 5.0,
        at: 0.0,
    };
    let start = Instant::now();
    let epoch = UNIX_EPOCH + Duration::from_secs(EPOCH as u64);
    let cap = Duration::from_secs(60);
    let mut pacer = Pacer::default();
    let mut t = 0.0;
    for _ in 0..30 {
        let wait = pacer.delay_before_send(
            KEY,
            start + Duration::from_secs_f64(t),
            epoch + Duration::from_secs_f64(t),
            cap,
        );
        t += wait.as_secs_f64();
        let (h, ok) = server.take(t);
        pacer.observe(KEY, &h, start + Duration::from_secs_f64(t), ok);
    }
    let now = start + Duration::from_secs_f64(t);
    let wall = epoch + Duration::from_secs_f64(t);
    let background = pacer.send_if_free(KEY, now, wall, cap);
    assert!(background > Duration::ZERO, "the bucket is empty");
    assert_eq!(
        pacer.send_if_free(KEY, now, wall, cap),
        background,
        "asking again takes no slot"
    );
    let interactive = pacer.delay_before_send(KEY, now, wall, cap);
    assert_eq!(interactive, background, "the person gets the slot");
    let after = pacer.send_if_free(KEY, now, wall, cap);
    assert!(after > interactive, "the background waits one slot more");
    let at_slot = now + after;
    assert_eq!(
        pacer.send_if_free(KEY, at_slot, wall + after, cap),
        Duration::ZERO,
        "and goes once it is free"
    );
}

/// Like [`run`], with the run starting `phase` seconds into a wall-clock second (where the
/// whole-second `x-ratelimit-reset` falls decides the first wait).
fn run_from(server: &mut Server, n: usize, latency: f64, phase: f64) -> (f64, usize) {
    server.at = phase;
    let start = Instant::now();
    let epoch = UNIX_EPOCH + Duration::from_secs(EPOCH as u64);
    let mut pacer = Pacer::default();
    let mut t = phase;
    let mut refused = 0;
    let mut sent = 0;
    while sent < n {
        let wait = pacer.delay_before_send(
            KEY,
            start + Duration::from_secs_f64(t),
            epoch + Duration::from_secs_f64(t),
            Duration::from_secs(60),
        );
        t += wait.as_secs_f64();
        let (h, ok) = server.take(t + latency / 2.0);
        t += latency;
        pacer.observe(KEY, &h, start + Duration::from_secs_f64(t), ok);
        if ok {
            sent += 1;
        } else {
            refused += 1;
            t += Pacer::wait_after_429(&h, epoch + Duration::from_secs_f64(t))
                .unwrap_or_default()
                .as_secs_f64();
        }
    }
    (t - phase, refused)
}

#[test]
fn wherever_in_the_second_a_run_starts_it_draws_no_429() {
    // Auth0's write and read buckets at real time and at the sandbox's 4x. Started 0.45 s into
    // a second, 100 writes at 2.5 a second drew 36 429s: the first slot after the rate was
    // learned was given to two requests, and each 429 threw the rate away. At 10 a second the
    // first rate, from a wait in which the bucket filled, counted a token's unseen fraction.
    for (burst, rate) in [
        (5.0, 2.5),
        (10.0, 100.0 / 60.0),
        (5.0, 10.0),
        (10.0, 400.0 / 60.0),
    ] {
        for latency in [0.002, 0.02] {
            for tenth in 0..20 {
                let phase = f64::from(tenth) / 20.0;
                let mut server = Server {
                    burst,
                    rate,
                    tokens: burst,
                    at: 0.0,
                };
                let n = 100;
                let (secs, refused) = run_from(&mut server, n, latency, phase);
                assert_eq!(
                    refused, 0,
                    "{burst}/{rate:.2} per s, latency {latency}, from {phase:.2} s"
                );
                // At real time the bucket takes longer to fill than the first wait lasts, so
                // learning costs nothing; sped up, the whole-second reset can cost a bucket's
                // fill time (0.5 s at 10 a second).
                let ideal = (n as f64 - burst) / rate;
                let allowed = if rate < 3.0 { 1.02 } else { 1.08 };
                assert!(
                    secs / ideal < allowed,
                    "{burst}/{rate:.2} per s, latency {latency}, from {phase:.2} s: {:.3}x",
                    secs / ideal
                );
            }
        }
    }
}

#[test]
fn the_first_slot_after_the_rate_is_learned_goes_to_one_request() {
    let t0 = Instant::now();
    let wall = UNIX_EPOCH + Duration::from_secs(1_000);
    let cap = Duration::from_secs(60);
    let mut p = Pacer::default();
    // Empty, nothing learned: two requests wait for the reset.
    p.observe(KEY, &headers(10, 0, 1_001), t0, true);
    p.delay_before_send(KEY, t0, wall, cap);
    p.delay_before_send(KEY, t0, wall, cap);
    // A second later the bucket is empty again: 2 tokens came, known to within one.
    let t1 = t0 + Duration::from_secs(1);
    p.observe(KEY, &headers(10, 0, 1_002), t1, true);
    let rate = p.rate(KEY).expect("a rate is learned");
    assert!((rate - 1.0).abs() < 1e-9, "{rate}");
    let interval = Duration::from_secs_f64(1.0 / (rate * MARGIN));
    let waits: Vec<Duration> = (0..3)
        .map(|_| p.delay_before_send(KEY, t1, wall + Duration::from_secs(1), cap))
        .collect();
    let close = |a: Duration, b: Duration| a.abs_diff(b) < Duration::from_micros(10);
    assert!(close(waits[0], interval), "{waits:?}");
    assert!(close(waits[1], interval * 2), "one slot each: {waits:?}");
    assert!(close(waits[2], interval * 3), "{waits:?}");
}

#[test]
fn a_rate_learned_while_the_bucket_filled_is_a_token_lower_for_the_unseen_fraction() {
    // The bucket (5) went from 0.8 of a token to full in 0.47 s, at 10 a second: the reply
    // shows 4 left after the request, 5 gained, though only 4.2 were.
    let t0 = Instant::now();
    let mut p = Pacer::default();
    p.observe(KEY, &headers(5, 0, 1_001), t0, true);
    p.delay_before_send(
        KEY,
        t0,
        UNIX_EPOCH + Duration::from_secs(1_000),
        Duration::from_secs(60),
    );
    p.observe(
        KEY,
        &headers(5, 4, 1_002),
        t0 + Duration::from_millis(470),
        true,
    );
    let rate = p.rate(KEY).expect("a lower bound");
    assert!(
        rate <= 10.0,
        "{rate} a second is more than the bucket refills"
    );
    assert!((rate - 4.0 / 0.47).abs() < 1e-9, "{rate}");
}
