//! A share of a bucket: work run inside [`with_share`] (a bulk run limited to, say, 50% of the
//! write rate) sends each write bucket's writes at most at that share of its refill rate, and
//! holds at most that share of its burst, so that other tools drawing on the tenant's limit keep
//! working.
//!
//! The pacer stays the one view of the bucket: the share reads what the pacer learned (the size
//! from `x-ratelimit-limit`, the refill rate from successive replies) and keeps a token bucket
//! of its own, `share × size` deep, refilled at `share × rate`. A write waits for a token of the
//! share first, then for the pacer as every request does.
//!
//! The refill rate can only be seen while the bucket is below full (a full bucket hides how much
//! more it would have taken), and a run that sends at half the rate keeps it full. So the share
//! trusts only the rate the pacer learned from intervals below full, never its lower bound from
//! full ones (that bound would be the share's own pace, and the share would shrink with it).
//! Until the pacer has seen [`CALIBRATION_TOKENS`] tokens come back below full, the writes go at
//! the pacer's own pace: a run that starts on a client that never wrote to the bucket spends the
//! burst and a few refills at the full rate (about a dozen writes), then keeps to its share. The
//! rate stays known to the client after that, so later runs keep to their share from the start.
//!
//! Every number may come from a server: no arithmetic here can panic or wrap.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Pacer;

/// Tokens the pacer must have seen come back below full before the share trusts its rate.
pub(crate) const CALIBRATION_TOKENS: i64 = 16;
/// The longest one wait of the share, so that a new share or rate is used soon.
const MAX_STEP: Duration = Duration::from_secs(5);
/// A token counts as whole from this much of it (floating-point rounding after a wait).
const WHOLE: f64 = 0.999_999;

tokio::task_local! {
    static SHARE: Arc<BucketShare>;
}

/// Runs `work` with every write it sends limited to `share` of its bucket.
pub async fn with_share<F: Future>(share: Arc<BucketShare>, work: F) -> F::Output {
    SHARE.scope(share, work).await
}

/// The share the running task's writes are limited to, if any.
pub(crate) fn current() -> Option<Arc<BucketShare>> {
    SHARE.try_with(Arc::clone).ok()
}

/// What the pacer has learned of a bucket, read-only.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Learned {
    /// Refill rate in tokens per second, from intervals in which the bucket stayed below full.
    pub(crate) rate: Option<f64>,
    /// Tokens seen coming back in those intervals.
    pub(crate) seen: i64,
    /// The bucket's size (`x-ratelimit-limit`).
    pub(crate) limit: Option<u64>,
}

impl Pacer {
    /// What was learned of bucket `key` so far (nothing for a bucket never answered).
    pub(crate) fn learned(&self, key: &str) -> Learned {
        let Some(b) = self.buckets.get(key) else {
            return Learned::default();
        };
        let (secs, gained) = b.samples.iter().fold((0.0, 0i64), |(s, g), (ds, dg)| {
            (s + ds, g.saturating_add(*dg))
        });
        // As counted: within one token either way (the pacer's own rate counts one fewer, to
        // never be high; the share is below the ceiling, and the pacer still guards it).
        let seen = gained;
        let rate = (secs > 0.0 && seen > 0)
            .then(|| seen as f64 / secs)
            .filter(|r| r.is_finite() && *r > 0.0);
        Learned {
            rate,
            seen,
            limit: b.limit,
        }
    }
}

/// One run's share of the buckets it writes to: a percentage (1–100), changeable at any time,
/// and the share's own tokens per bucket.
#[derive(Debug)]
pub struct BucketShare {
    percent: AtomicU8,
    slots: Mutex<HashMap<String, Slot>>,
}

impl BucketShare {
    /// A share of `percent` (clamped to 1–100).
    pub fn new(percent: u8) -> Arc<Self> {
        Arc::new(Self {
            percent: AtomicU8::new(percent.clamp(1, 100)),
            slots: Mutex::new(HashMap::new()),
        })
    }

    pub fn percent(&self) -> u8 {
        self.percent.load(Ordering::Relaxed)
    }

    /// Changes the share; the next write uses it (the tokens held are cut to the new depth).
    pub fn set(&self, percent: u8) {
        self.percent.store(percent.clamp(1, 100), Ordering::Relaxed);
    }

    /// Zero when a write on `key` may go now (its token taken), else how long to wait before
    /// asking again.
    pub(crate) fn take(&self, key: &str, learned: Learned, now: Instant) -> Duration {
        let share = f64::from(self.percent()) / 100.0;
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        let slot = slots
            .entry(key.to_owned())
            .or_insert_with(|| Slot::new(now));
        slot.take(share, learned, now)
    }
}

/// The share's own bucket for one server bucket.
#[derive(Debug)]
struct Slot {
    tokens: f64,
    /// `share × size`, at least one.
    depth: f64,
    /// When `tokens` was last brought up to date.
    at: Instant,
    /// Whether writes went at the pacer's pace to learn the rate (the burst is spent then).
    calibrated: bool,
}

impl Slot {
    fn new(now: Instant) -> Self {
        Self {
            tokens: 0.0,
            depth: 0.0,
            at: now,
            calibrated: false,
        }
    }

    fn take(&mut self, share: f64, learned: Learned, now: Instant) -> Duration {
        let rate = match learned.rate {
            Some(rate) if learned.seen >= CALIBRATION_TOKENS => rate * share,
            // Not known well enough yet: at the pacer's pace, which learns it.
            _ => {
                self.calibrated = true;
                self.at = now;
                self.tokens = 0.0;
                return Duration::ZERO;
            }
        };
        let depth = learned
            .limit
            .map_or(1.0, |l| (l as f64 * share).floor().max(1.0));
        if depth > self.depth && !self.calibrated {
            // The burst's share, less what was spent of it (a calibration spent it all).
            self.tokens += depth - self.depth;
        }
        self.depth = depth;
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.at = self.at.max(now);
        self.tokens = (self.tokens + elapsed * rate).min(self.depth);
        if self.tokens >= WHOLE {
            self.tokens = (self.tokens - 1.0).max(0.0);
            return Duration::ZERO;
        }
        let wait = (1.0 - self.tokens) / rate;
        Duration::try_from_secs_f64(wait)
            .unwrap_or(MAX_STEP)
            .clamp(Duration::from_millis(1), MAX_STEP)
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)] // tests build their inputs freely
mod tests {
    use super::*;

    fn learned(rate: f64, limit: u64) -> Learned {
        Learned {
            rate: Some(rate),
            seen: CALIBRATION_TOKENS,
            limit: Some(limit),
        }
    }

    /// Sends as soon as the share allows, for `secs` from `start`; how many went.
    fn sends_over(share: &BucketShare, l: Learned, start: Instant, secs: f64) -> usize {
        let mut now = start;
        let mut sent = 0;
        while now.duration_since(start).as_secs_f64() < secs {
            let wait = share.take("write /x", l, now);
            if wait.is_zero() {
                sent += 1;
            } else {
                now += wait;
            }
        }
        sent
    }

    #[test]
    fn half_holds_half_the_burst_then_sends_half_the_rate() {
        let now = Instant::now();
        let l = learned(2.5, 10);
        // 5 of the burst at once, then 1.25 per second: 5 + 12.5 over ten seconds.
        let sent = sends_over(&BucketShare::new(50), l, now, 10.0);
        assert!((17..=18).contains(&sent), "{sent}");
        let sent = sends_over(&BucketShare::new(100), l, now, 10.0);
        assert!((34..=36).contains(&sent), "{sent}");
    }

    #[test]
    fn until_the_rate_is_known_the_pacer_paces_then_the_share_starts_empty() {
        let share = BucketShare::new(50);
        let now = Instant::now();
        let unsure = Learned {
            rate: Some(3.0),
            seen: CALIBRATION_TOKENS - 1,
            limit: Some(10),
        };
        for _ in 0..20 {
            assert!(share.take("write /x", unsure, now).is_zero());
        }
        let l = learned(2.0, 10);
        // The calibration spent the burst: the next token comes at 1 per second.
        let wait = share.take("write /x", l, now);
        assert!(wait >= Duration::from_millis(990), "{wait:?}");
        assert!(
            share
                .take("write /x", l, now + Duration::from_secs(1))
                .is_zero()
        );
        assert!(Learned::default().rate.is_none());
    }

    #[test]
    fn a_share_changed_between_writes_takes_effect_and_nothing_overflows() {
        let share = BucketShare::new(50);
        let l = learned(10.0, 100);
        let start = Instant::now();
        assert_eq!(sends_over(&share, l, start, 0.001), 50);
        share.set(10);
        let now = start + Duration::from_secs(60);
        // The depth is cut to 10 tokens.
        let mut sent = 0;
        while share.take("write /x", l, now).is_zero() {
            sent += 1;
        }
        assert_eq!(sent, 10);
        assert!(share.take("write /x", l, now) >= Duration::from_millis(900));
        share.set(0);
        assert_eq!(share.percent(), 1);
        let hostile = Learned {
            rate: Some(f64::MAX),
            seen: i64::MAX,
            limit: Some(u64::MAX),
        };
        share.take("write /y", hostile, now);
        let tiny = Learned {
            rate: Some(f64::MIN_POSITIVE),
            seen: i64::MAX,
            limit: Some(0),
        };
        assert!(
            share.take("write /z", tiny, now).is_zero(),
            "the one token of its depth"
        );
        assert_eq!(share.take("write /z", tiny, now), MAX_STEP);
    }
}
