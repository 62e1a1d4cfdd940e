//! Pacing from the server's own rate-limit headers, one view per bucket.
//!
//! Auth0 sends `x-ratelimit-limit` (bucket size), `x-ratelimit-remaining` and
//! `x-ratelimit-reset` (epoch seconds, whole). The refill rate is not in any header, and the
//! whole-second reset is too coarse to pace by: a 150-per-minute bucket adds a token every
//! 0.4 s. So the pacer learns the refill rate from successive replies (tokens gained between two
//! replies = remaining now − remaining then + requests sent in between) and, once the bucket is
//! empty, spaces requests one refill interval apart. It learns a little low on purpose: tokens it
//! did not expect show up in `remaining` and are spent at once, so the achieved rate still meets
//! the ceiling, while a rate learned too high would draw 429s.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// How many reply-to-reply intervals the rate is learned from.
const WINDOW: usize = 40;
/// The learned rate is used at this share, so that rounding in `remaining` never makes it high.
const MARGIN: f64 = 0.97;

/// The pacing view of every bucket a client has seen, keyed by [`bucket_key`].
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    buckets: HashMap<String, Bucket>,
}

/// Which server bucket a request draws on, as far as the client can tell: reads and writes apart,
/// and the path template without a trailing id, so that `POST …/connections` and
/// `DELETE …/connections/{connection_id}` share the write bucket, as they do on Auth0.
pub(crate) fn bucket_key(write: bool, path_template: &str) -> String {
    let trimmed = match path_template.rsplit_once('/') {
        Some((head, last)) if last.starts_with('{') => head,
        _ => path_template,
    };
    format!("{}{trimmed}", if write { "write " } else { "read " })
}

impl Pacer {
    /// How long to wait before the next request on `key` may go out; counts it as sent.
    pub(crate) fn delay_before_send(
        &mut self,
        key: &str,
        now: Instant,
        wall: SystemTime,
        cap: Duration,
    ) -> Duration {
        match self.buckets.get_mut(key) {
            Some(bucket) => bucket.delay_before_send(now, wall, cap),
            None => Duration::ZERO,
        }
    }

    /// Learns the bucket's state from a reply's `x-ratelimit-*` headers. `consumed` is false for
    /// a 429, which took no token.
    pub(crate) fn observe(&mut self, key: &str, headers: &HeaderMap, now: Instant, consumed: bool) {
        let Some(remaining) = number(headers, "x-ratelimit-remaining") else {
            return;
        };
        let bucket = self.buckets.entry(key.to_owned()).or_default();
        bucket.observe(
            remaining,
            number(headers, "x-ratelimit-limit"),
            number(headers, "x-ratelimit-reset").map(|s| UNIX_EPOCH + Duration::from_secs(s)),
            now,
            consumed,
        );
    }

    /// The refill rate learned for `key`, in tokens per second.
    #[cfg(test)]
    pub(crate) fn rate(&self, key: &str) -> Option<f64> {
        self.buckets.get(key).and_then(Bucket::rate)
    }

    /// How long a 429 asks to wait: until `x-ratelimit-reset`, else `Retry-After` seconds.
    pub(crate) fn wait_after_429(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
        if let Some(reset) = number(headers, "x-ratelimit-reset") {
            let at = UNIX_EPOCH + Duration::from_secs(reset);
            // A reset in the past (clock skew) still means "soon": wait a beat, not zero.
            return Some(at.duration_since(now).unwrap_or(Duration::from_millis(250)));
        }
        number(headers, "retry-after").map(Duration::from_secs)
    }
}

fn number(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

#[derive(Debug, Default)]
struct Bucket {
    limit: Option<u64>,
    /// Tokens left as far as this client knows: the last reply's count minus what was sent since.
    remaining: u64,
    reset_at: Option<SystemTime>,
    /// The last reply: when, and the remaining count it gave.
    last_reply: Option<(Instant, u64)>,
    /// Requests sent since the last reply.
    sent_since: u64,
    /// Reply-to-reply intervals while the bucket was below full: (seconds, tokens gained).
    samples: VecDeque<(f64, i64)>,
    /// A lower bound on the rate from intervals in which the bucket filled up.
    floor: f64,
    /// When the next request may go while the bucket is empty.
    next_slot: Option<Instant>,
}

impl Bucket {
    fn rate(&self) -> Option<f64> {
        let (secs, gained) = self
            .samples
            .iter()
            .fold((0.0, 0i64), |(s, g), (ds, dg)| (s + ds, g + dg));
        let learned = (secs > 0.0 && gained > 0).then(|| gained as f64 / secs);
        match learned {
            Some(r) => Some(r.max(self.floor)),
            None => (self.floor > 0.0).then_some(self.floor),
        }
    }

    fn delay_before_send(&mut self, now: Instant, wall: SystemTime, cap: Duration) -> Duration {
        self.sent_since += 1;
        let interval = self
            .rate()
            .map(|r| Duration::from_secs_f64(1.0 / (r * MARGIN)));
        if self.remaining > 0 {
            // Count the request locally so that concurrent callers don't all spend the same token.
            self.remaining -= 1;
            self.next_slot = interval.map(|i| now + i);
            return Duration::ZERO;
        }
        let wait = match (interval, self.next_slot) {
            (Some(interval), Some(slot)) => {
                let at = slot.max(now);
                self.next_slot = Some(at + interval);
                at - now
            }
            (Some(interval), None) => {
                self.next_slot = Some(now + interval);
                interval
            }
            // Nothing learned yet: wait for the reset the server announced.
            (None, _) => match self.reset_at.map(|r| r.duration_since(wall)) {
                Some(Ok(wait)) => wait,
                _ => Duration::ZERO,
            },
        };
        wait.min(cap)
    }

    fn observe(
        &mut self,
        remaining: u64,
        limit: Option<u64>,
        reset: Option<SystemTime>,
        now: Instant,
        consumed: bool,
    ) {
        if let Some(limit) = limit {
            self.limit = Some(limit);
        }
        if let Some((then, before)) = self.last_reply {
            let spent = self.sent_since.saturating_sub(u64::from(!consumed));
            let gained = remaining as i64 - before as i64 + spent as i64;
            let secs = now.saturating_duration_since(then).as_secs_f64();
            let was_full = self.limit.is_some_and(|l| remaining + 1 >= l);
            if secs > 0.0 && self.sent_since > 0 {
                if was_full {
                    // The bucket topped out, so it may have refilled faster than this shows.
                    if gained > 0 {
                        self.floor = self.floor.max(gained as f64 / secs);
                    }
                } else {
                    self.samples.push_back((secs, gained));
                    if self.samples.len() > WINDOW {
                        self.samples.pop_front();
                    }
                }
            }
        }
        if !consumed {
            // A 429: what was learned is too fast.
            self.floor = 0.0;
            self.samples.clear();
            self.next_slot = None;
        }
        self.remaining = remaining;
        self.reset_at = reset;
        self.last_reply = Some((now, remaining));
        self.sent_since = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

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
}
