//! Auth0-style token buckets: a burst size and a refill rate, reported in
//! `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (epoch seconds when the
//! next token is added).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderMap, HeaderValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BucketSpec {
    pub burst: u32,
    pub per_minute: u32,
}

impl BucketSpec {
    /// `BURST/PER_MINUTE`, e.g. `5/150`.
    pub fn parse(s: &str) -> Option<Self> {
        let (burst, per_minute) = s.split_once('/')?;
        Some(Self {
            burst: burst.trim().parse().ok()?,
            per_minute: per_minute.trim().parse().ok()?,
        })
    }
}

/// The named buckets, with the endpoints that draw on them. Auth0's come from
/// `specs/auth0-rate-limits.json` (Enterprise, public cloud); the org-connection pair and every
/// other Auth0 read take `SandboxConfig::write_bucket` / `read_bucket` unless named here.
pub const BUCKETS: &[(&str, &str)] = &[
    (
        "organization_connections_write",
        "Auth0 POST/PATCH/DELETE of org connections (5/150)",
    ),
    (
        "organization_connections_read",
        "Auth0 GET of org connections (10/100)",
    ),
    ("organizations_read", "Auth0 GET /organizations (10/100)"),
    (
        "organization_by_id_read",
        "Auth0 GET /organizations/{id} (10/100)",
    ),
    (
        "organization_by_name_read",
        "Auth0 GET /organizations/name/{name} (20/200)",
    ),
    (
        "connections_read",
        "Auth0 GET /connections[/{id}] (read bucket)",
    ),
    (
        "zitadel",
        "ZITADEL Cloud per-IP limit on every API call (50 burst, 3000/min = 50/s)",
    ),
    ("hub", "Hub: none documented; off unless set"),
];

/// The default of a named bucket that `SandboxConfig` does not set. `None` = unlimited.
pub fn default_spec(name: &str, read: BucketSpec, write: BucketSpec) -> Option<BucketSpec> {
    match name {
        "organization_connections_write" => Some(write),
        "organization_by_name_read" if read == READ_DEFAULT => Some(BucketSpec {
            burst: 20,
            per_minute: 200,
        }),
        "organization_connections_read"
        | "organizations_read"
        | "organization_by_id_read"
        | "organization_by_name_read"
        | "connections_read" => Some(read),
        "zitadel" => Some(BucketSpec {
            burst: 50,
            per_minute: 3_000,
        }),
        _ => None,
    }
}

/// Auth0 Enterprise: org-connection reads, 10 burst and 100 per minute.
pub const READ_DEFAULT: BucketSpec = BucketSpec {
    burst: 10,
    per_minute: 100,
};
/// Auth0 Enterprise: org-connection writes, 5 burst and 150 per minute.
pub const WRITE_DEFAULT: BucketSpec = BucketSpec {
    burst: 5,
    per_minute: 150,
};

/// What one request got from its bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// When the next token arrives, in real time.
    pub next_token_in: Duration,
}

impl Decision {
    /// Writes the three `x-ratelimit-*` headers.
    pub fn write_headers(&self, headers: &mut HeaderMap, now: SystemTime) {
        // A bucket that never refills has no reset: report the far future, not an overflow.
        let reset_at = now
            .checked_add(self.next_token_in)
            .unwrap_or(now + Duration::from_secs(365 * 86_400));
        let secs = reset_at.duration_since(UNIX_EPOCH).unwrap_or_default();
        // Round up: the token is there by then, not a moment before.
        let reset = secs.as_secs() + u64::from(secs.subsec_nanos() > 0);
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
    }
}

#[derive(Debug)]
pub struct Bucket {
    spec: BucketSpec,
    tokens: f64,
    last: Instant,
    /// Refill speed-up for tests (1.0 = real time).
    scale: f64,
}

impl Bucket {
    pub fn new(spec: BucketSpec, scale: f64, now: Instant) -> Self {
        Self {
            spec,
            tokens: f64::from(spec.burst),
            last: now,
            scale: if scale > 0.0 { scale } else { 1.0 },
        }
    }

    /// Tokens per real second.
    fn rate(&self) -> f64 {
        f64::from(self.spec.per_minute) / 60.0 * self.scale
    }

    /// Takes one token if there is one.
    pub fn take(&mut self, now: Instant) -> Decision {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate()).min(f64::from(self.spec.burst));
        let allowed = self.tokens >= 1.0;
        if allowed {
            self.tokens -= 1.0;
        }
        let missing = (1.0 - self.tokens).max(0.0);
        let next_token_in = if self.rate() > 0.0 {
            Duration::try_from_secs_f64(missing / self.rate()).unwrap_or(Duration::MAX)
        } else {
            Duration::MAX
        };
        Decision {
            allowed,
            limit: self.spec.burst,
            remaining: self.tokens.floor() as u32,
            next_token_in,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_refill_rate() {
        let t0 = Instant::now();
        let mut b = Bucket::new(
            BucketSpec {
                burst: 5,
                per_minute: 150,
            },
            1.0,
            t0,
        );
        for left in (0..5).rev() {
            let d = b.take(t0);
            assert!(d.allowed);
            assert_eq!(d.remaining, left);
        }
        let refused = b.take(t0);
        assert!(!refused.allowed);
        assert_eq!(refused.remaining, 0);
        // 150 per minute = one token every 0.4 s.
        assert!(
            (refused.next_token_in.as_secs_f64() - 0.4).abs() < 0.01,
            "{:?}",
            refused.next_token_in
        );
        assert!(b.take(t0 + Duration::from_millis(400)).allowed);
        assert!(!b.take(t0 + Duration::from_millis(450)).allowed);
        // Never more than the burst, however long it rests.
        let d = b.take(t0 + Duration::from_secs(3600));
        assert_eq!(d.remaining, 4);
    }

    #[test]
    fn time_scale_speeds_up_the_refill() {
        let t0 = Instant::now();
        let mut b = Bucket::new(
            BucketSpec {
                burst: 1,
                per_minute: 60,
            },
            10.0,
            t0,
        );
        assert!(b.take(t0).allowed);
        assert!(!b.take(t0).allowed);
        assert!(
            b.take(t0 + Duration::from_millis(100)).allowed,
            "one token per 0.1 s at 10x"
        );
    }

    #[test]
    fn specs_parse_and_defaults_follow_the_spec_table() {
        assert_eq!(BucketSpec::parse("5/150"), Some(WRITE_DEFAULT));
        assert_eq!(BucketSpec::parse("5"), None);
        let by_name = default_spec("organization_by_name_read", READ_DEFAULT, WRITE_DEFAULT);
        assert_eq!(by_name.map(|b| b.burst), Some(20));
        assert_eq!(default_spec("hub", READ_DEFAULT, WRITE_DEFAULT), None);
        assert_eq!(
            default_spec("zitadel", READ_DEFAULT, WRITE_DEFAULT).map(|b| b.per_minute),
            Some(3_000)
        );
    }

    #[test]
    fn headers_round_the_reset_up_to_whole_seconds() {
        let d = Decision {
            allowed: false,
            limit: 5,
            remaining: 0,
            next_token_in: Duration::from_millis(400),
        };
        let mut h = HeaderMap::new();
        d.write_headers(&mut h, UNIX_EPOCH + Duration::from_secs(100));
        assert_eq!(h["x-ratelimit-limit"], "5");
        assert_eq!(h["x-ratelimit-remaining"], "0");
        assert_eq!(h["x-ratelimit-reset"], "101");
    }
}
