//! The numbers in rate-limit headers, read so that no value a server sends can panic, overflow
//! or make Lanyard wait without end. Every rule for these headers is here, and only here:
//!
//! - `x-ratelimit-limit` and `x-ratelimit-remaining`: whole numbers up to [`MAX_COUNT`];
//!   anything else (negative, fractional, text, absurdly large) is absent. A `remaining` above
//!   the `limit` of the same reply is taken as the limit.
//! - `x-ratelimit-reset`: epoch seconds (a fraction allowed), or epoch milliseconds when the
//!   number is at least [`MILLIS_FROM`]; a time no clock can hold is absent.
//! - `Retry-After`: delay seconds or an HTTP date (RFC 9110, all three formats).
//! - Any wait a server announces (a reset, a `Retry-After`) is zero when it has passed, at most
//!   [`MAX_AHEAD`], and absent when it is more than [`NONSENSE_AHEAD`] away.

#![deny(clippy::arithmetic_side_effects)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// The longest wait Lanyard takes from a server's announcement.
pub(crate) const MAX_AHEAD: Duration = Duration::from_secs(3_600);
/// An announced wait longer than this is nonsense: Lanyard ignores it instead of waiting.
pub(crate) const NONSENSE_AHEAD: Duration = Duration::from_secs(86_400);
/// Bucket sizes and counts above this are nonsense (Auth0's buckets hold tens to thousands).
pub(crate) const MAX_COUNT: u64 = 1_000_000_000;
/// A reset at or above this is epoch milliseconds: as seconds it would be the year 5138, and as
/// milliseconds it is 1973.
pub(crate) const MILLIS_FROM: u64 = 100_000_000_000;

/// What one reply's `x-ratelimit-*` headers say, nonsense left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct RateHeaders {
    pub(crate) limit: Option<u64>,
    pub(crate) remaining: Option<u64>,
    pub(crate) reset: Option<SystemTime>,
}

impl RateHeaders {
    pub(crate) fn read(headers: &HeaderMap) -> Self {
        let limit = text(headers, "x-ratelimit-limit").and_then(count);
        let remaining = text(headers, "x-ratelimit-remaining")
            .and_then(count)
            .map(|r| limit.map_or(r, |l| r.min(l)));
        Self {
            limit,
            remaining,
            reset: text(headers, "x-ratelimit-reset").and_then(reset_at),
        }
    }
}

/// The `Retry-After` header of a reply, as a wait from `wall` (see [`retry_after`]).
pub(crate) fn retry_after_header(headers: &HeaderMap, wall: SystemTime) -> Option<Duration> {
    text(headers, "retry-after").and_then(|v| retry_after(v, wall))
}

fn text<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// A whole number made of ASCII digits only (no sign, no fraction), if it fits a `u64`.
fn digits(value: &str) -> Option<u64> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

/// A bucket size or a count of tokens left.
pub(crate) fn count(value: &str) -> Option<u64> {
    digits(value.trim()).filter(|n| *n <= MAX_COUNT)
}

/// The time an `x-ratelimit-reset` value names: epoch seconds, with an optional fraction, or
/// epoch milliseconds from [`MILLIS_FROM`] on.
pub(crate) fn reset_at(value: &str) -> Option<SystemTime> {
    let value = value.trim();
    let (whole, fraction) = match value.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() => (whole, Some(fraction)),
        Some(_) => return None,
        None => (value, None),
    };
    let whole = digits(whole)?;
    let nanos = match fraction {
        Some(fraction) => nanos(fraction)?,
        None => 0,
    };
    let since_epoch = if whole >= MILLIS_FROM {
        Duration::from_millis(whole)
    } else {
        Duration::from_secs(whole).checked_add(Duration::from_nanos(u64::from(nanos)))?
    };
    UNIX_EPOCH.checked_add(since_epoch)
}

/// The nanoseconds of a decimal fraction's digits (`"5"` is half a second); past the ninth
/// digit they are dropped.
fn nanos(fraction: &str) -> Option<u32> {
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first_nine = fraction.get(..9).unwrap_or(fraction);
    format!("{first_nine:0<9}").parse().ok()
}

/// A `Retry-After` value as a wait from `wall`: delay seconds or an HTTP date.
pub(crate) fn retry_after(value: &str, wall: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a u64 is absurd: absent.
        return digits(value).and_then(|secs| ahead(Duration::from_secs(secs)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    wait_until(at, wall)
}

/// How long from `wall` until `at`, as a wait Lanyard honours: zero once `at` has passed, at
/// most [`MAX_AHEAD`], and none at all when `at` is more than [`NONSENSE_AHEAD`] away.
pub(crate) fn wait_until(at: SystemTime, wall: SystemTime) -> Option<Duration> {
    match at.duration_since(wall) {
        Ok(wait) => ahead(wait),
        Err(_) => Some(Duration::ZERO),
    }
}

fn ahead(wait: Duration) -> Option<Duration> {
    (wait <= NONSENSE_AHEAD).then(|| wait.min(MAX_AHEAD))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)] // tests build their inputs freely
mod tests;
