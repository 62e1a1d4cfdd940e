//! Pacing from the server's own rate-limit headers: when the bucket is empty, wait for its
//! reset instead of drawing a 429.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// What the last reply said about the bucket.
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    remaining: Option<u64>,
    reset_at: Option<SystemTime>,
}

impl Pacer {
    /// How long to wait before the next request may go out; takes a token when one is known.
    pub(crate) fn delay_before_send(&mut self, now: SystemTime, cap: Duration) -> Duration {
        match (self.remaining, self.reset_at) {
            (Some(0), Some(reset)) => match reset.duration_since(now) {
                Ok(wait) => wait.min(cap),
                // The reset is past: the bucket has refilled; wait for the next reply to learn more.
                Err(_) => {
                    self.remaining = None;
                    Duration::ZERO
                }
            },
            (Some(n), _) => {
                // Count the request locally so that concurrent callers don't all spend the same token.
                self.remaining = Some(n - 1);
                Duration::ZERO
            }
            _ => Duration::ZERO,
        }
    }

    /// Learns the bucket state from a reply's `x-ratelimit-*` headers (Auth0 sends them).
    pub(crate) fn observe(&mut self, headers: &HeaderMap) {
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        if let Some(remaining) = number("x-ratelimit-remaining") {
            self.remaining = Some(remaining);
        }
        if let Some(reset) = number("x-ratelimit-reset") {
            self.reset_at = Some(UNIX_EPOCH + Duration::from_secs(reset));
        }
    }

    /// How long a 429 asks to wait: until `x-ratelimit-reset`, else `Retry-After` seconds.
    pub(crate) fn wait_after_429(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        };
        if let Some(reset) = text("x-ratelimit-reset").and_then(|v| v.parse::<u64>().ok()) {
            let at = UNIX_EPOCH + Duration::from_secs(reset);
            // A reset in the past (clock skew) still means "soon": wait a beat, not zero.
            return Some(at.duration_since(now).unwrap_or(Duration::from_millis(250)));
        }
        text("retry-after")
            .and_then(|v| v.parse::<u64>().ok())
            .map(Duration::from_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(remaining: u64, reset: u64) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
        h.insert("x-ratelimit-reset", HeaderValue::from(reset));
        h
    }

    #[test]
    fn an_empty_bucket_waits_until_its_reset_and_no_longer() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let mut p = Pacer::default();
        p.observe(&headers(0, 1_003));
        assert_eq!(
            p.delay_before_send(now, Duration::from_secs(60)),
            Duration::from_secs(3)
        );
        assert_eq!(
            p.delay_before_send(now, Duration::from_secs(2)),
            Duration::from_secs(2),
            "capped"
        );
        let later = UNIX_EPOCH + Duration::from_secs(1_004);
        assert_eq!(
            p.delay_before_send(later, Duration::from_secs(60)),
            Duration::ZERO
        );
    }

    #[test]
    fn tokens_left_are_spent_locally_before_the_next_reply() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let mut p = Pacer::default();
        p.observe(&headers(2, 1_001));
        assert_eq!(
            p.delay_before_send(now, Duration::from_secs(60)),
            Duration::ZERO
        );
        assert_eq!(
            p.delay_before_send(now, Duration::from_secs(60)),
            Duration::ZERO
        );
        assert_eq!(
            p.delay_before_send(now, Duration::from_secs(60)),
            Duration::from_secs(1),
            "third call waits"
        );
    }

    #[test]
    fn a_429_waits_for_reset_else_retry_after() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        assert_eq!(
            Pacer::wait_after_429(&headers(0, 1_005), now),
            Some(Duration::from_secs(5))
        );
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from(7u64));
        assert_eq!(Pacer::wait_after_429(&h, now), Some(Duration::from_secs(7)));
        assert_eq!(Pacer::wait_after_429(&HeaderMap::new(), now), None);
    }
}
