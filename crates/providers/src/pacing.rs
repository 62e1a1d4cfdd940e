//! Pacing from the server's own rate-limit headers, one view per bucket.
//!
//! Auth0 sends `x-ratelimit-limit` (bucket size), `x-ratelimit-remaining` and
//! `x-ratelimit-reset` (epoch seconds, whole). The refill rate is not in any header, and the
//! whole-second reset is too coarse to pace by: a 150-per-minute bucket adds a token every
//! 0.4 s. So the pacer learns the refill rate from successive replies (tokens gained between two
//! replies = remaining now − remaining then + requests sent in between) and, once the bucket is
//! empty, spaces requests one refill interval apart. It learns a little low on purpose: tokens it
//! did not expect show up in `remaining` and are spent at once, so the achieved rate still meets
//! the ceiling, while a rate learned too high would draw 429s. For the same reason it counts one
//! token fewer than a window shows (`remaining` is whole, so the fractions at the window's ends
//! are unseen), and the first slot after a rate is learned goes to one request only.
//!
//! Every number here may come from a server, so no arithmetic can panic or wrap: counts are
//! read by [`headers`] (the one place for those rules) and combined with checked or saturating
//! operations only.

#![deny(clippy::arithmetic_side_effects)]

mod headers;
mod share;

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::HeaderMap;

use headers::{RateHeaders, retry_after_header, wait_until};
pub(crate) use share::current as current_share;
pub use share::{BucketShare, with_share};

/// How many reply-to-reply intervals the rate is learned from.
const WINDOW: usize = 40;
/// The learned rate is used at this share, so that rounding in `remaining` never makes it high.
const MARGIN: f64 = 0.97;
/// After a 429 whose reset has already passed (clock skew), wait a beat rather than not at all.
const BEAT: Duration = Duration::from_millis(250);

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

    /// For a background request: zero when one may go out on `key` now (counted as sent, as
    /// [`Pacer::delay_before_send`] does), else how long until a slot, without taking it, so a
    /// request that comes meanwhile is not queued behind this one.
    pub(crate) fn send_if_free(
        &mut self,
        key: &str,
        now: Instant,
        wall: SystemTime,
        cap: Duration,
    ) -> Duration {
        let Some(bucket) = self.buckets.get_mut(key) else {
            return Duration::ZERO;
        };
        let wait = bucket.wait_for_slot(now, wall).min(cap);
        if wait.is_zero() {
            // The slot is free now, so this takes it without a wait.
            bucket.delay_before_send(now, wall, cap);
        }
        wait
    }

    /// Learns the bucket's state from a reply's `x-ratelimit-*` headers. `consumed` is false for
    /// a 429, which took no token.
    pub(crate) fn observe(&mut self, key: &str, headers: &HeaderMap, now: Instant, consumed: bool) {
        let seen = RateHeaders::read(headers);
        let Some(remaining) = seen.remaining else {
            return;
        };
        let bucket = self.buckets.entry(key.to_owned()).or_default();
        bucket.observe(remaining, seen.limit, seen.reset, now, consumed);
    }

    /// The refill rate learned for `key`, in tokens per second.
    #[cfg(test)]
    pub(crate) fn rate(&self, key: &str) -> Option<f64> {
        self.buckets.get(key).and_then(Bucket::rate)
    }

    /// How long a 429 asks to wait: until `x-ratelimit-reset`, else `Retry-After`; `None` when
    /// neither says anything sensible (see [`headers`] for what counts).
    pub(crate) fn wait_after_429(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
        let reset = RateHeaders::read(headers).reset;
        if let Some(wait) = reset.and_then(|at| wait_until(at, now)) {
            // A reset in the past (clock skew) still means "soon": wait a beat, not zero.
            return Some(if wait.is_zero() { BEAT } else { wait });
        }
        retry_after_header(headers, now)
    }
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
        let (secs, gained) = self.samples.iter().fold((0.0, 0i64), |(s, g), (ds, dg)| {
            (s + ds, g.saturating_add(*dg))
        });
        // `remaining` is a whole number: the fractions of a token at the window's two ends are
        // unseen, so the tokens gained are known to within one. One fewer is never too many.
        let gained = gained.saturating_sub(1);
        let learned = (secs > 0.0 && gained > 0).then(|| gained as f64 / secs);
        match learned {
            Some(r) if r.is_finite() => Some(r.max(self.floor)),
            _ => (self.floor > 0.0 && self.floor.is_finite()).then_some(self.floor),
        }
    }

    /// One request apart at the learned rate, if there is one a `Duration` can hold.
    fn interval(&self) -> Option<Duration> {
        self.rate()
            .and_then(|r| Duration::try_from_secs_f64(1.0 / (r * MARGIN)).ok())
    }

    /// How long until the next request may go, without counting one as sent. An empty bucket
    /// with no slot yet gets one an interval from now, as `delay_before_send` would give it.
    fn wait_for_slot(&mut self, now: Instant, wall: SystemTime) -> Duration {
        if self.remaining > 0 {
            return Duration::ZERO;
        }
        match (self.interval(), self.next_slot) {
            (Some(_), Some(slot)) => slot.saturating_duration_since(now),
            (Some(interval), None) => {
                self.next_slot = now.checked_add(interval);
                interval
            }
            (None, _) => self
                .reset_at
                .and_then(|at| wait_until(at, wall))
                .unwrap_or(Duration::ZERO),
        }
    }

    fn delay_before_send(&mut self, now: Instant, wall: SystemTime, cap: Duration) -> Duration {
        self.sent_since = self.sent_since.saturating_add(1);
        let interval = self.interval();
        if self.remaining > 0 {
            // Count the request locally so that concurrent callers don't all spend the same token.
            self.remaining = self.remaining.saturating_sub(1);
            self.next_slot = interval.and_then(|i| now.checked_add(i));
            return Duration::ZERO;
        }
        let wait = match (interval, self.next_slot) {
            (Some(interval), Some(slot)) => {
                let at = slot.max(now);
                self.next_slot = at.checked_add(interval);
                at.saturating_duration_since(now)
            }
            // The first slot since the rate was learned is an interval from now, and taken
            // by this request: the one after it is an interval later still. (Setting the next
            // slot to the taken one gave two requests the same slot, and the second a 429.)
            (Some(interval), None) => {
                self.next_slot = now
                    .checked_add(interval)
                    .and_then(|at| at.checked_add(interval));
                interval
            }
            // Nothing learned yet: wait for the reset the server announced.
            (None, _) => self
                .reset_at
                .and_then(|at| wait_until(at, wall))
                .unwrap_or(Duration::ZERO),
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
            let gained = gained(before, remaining, spent);
            let secs = now.saturating_duration_since(then).as_secs_f64();
            let was_full = self.limit.is_some_and(|l| remaining.saturating_add(1) >= l);
            if secs > 0.0 && self.sent_since > 0 {
                if was_full {
                    // The bucket topped out, so it may have refilled faster than this shows;
                    // and one token fewer, for the unseen fractions (see `rate`).
                    let gained = gained.saturating_sub(1);
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

/// Tokens the bucket gained between two replies: `now + spent - before`, saturated at the ends
/// of an `i64`.
fn gained(before: u64, now: u64, spent: u64) -> i64 {
    let up = now.saturating_add(spent);
    let magnitude = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    if up >= before {
        magnitude(up.saturating_sub(before))
    } else {
        0i64.saturating_sub(magnitude(before.saturating_sub(up)))
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)] // tests build their inputs freely
mod tests;
