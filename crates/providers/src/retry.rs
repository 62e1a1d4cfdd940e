//! Exponential backoff with jitter, for servers that say nothing about when to come back
//! (ZITADEL, Hub) and for transient failures.

use std::time::Duration;

use rand::Rng;

/// The wait before retry number `attempt` (1-based): base * 2^(attempt-1), capped, +/- 20%.
pub(crate) fn backoff(attempt: u32, base: Duration, cap: Duration) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
    let wait = exp.min(cap);
    let jitter: f64 = rand::rng().random_range(0.8..=1.2);
    // `mul_f64` would panic past `Duration::MAX`; a wait that large stays at the cap.
    Duration::try_from_secs_f64(wait.as_secs_f64() * jitter)
        .unwrap_or(cap)
        .min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cap_as_long_as_a_duration_can_be_does_not_overflow() {
        for attempt in [1, 2, 17, u32::MAX] {
            assert!(backoff(attempt, Duration::MAX, Duration::MAX) <= Duration::MAX);
            assert!(backoff(attempt, Duration::ZERO, Duration::MAX).is_zero());
        }
    }

    #[test]
    fn waits_grow_and_stay_under_the_cap() {
        let base = Duration::from_millis(100);
        let cap = Duration::from_secs(1);
        for attempt in 1..=10 {
            let w = backoff(attempt, base, cap);
            assert!(w <= cap, "attempt {attempt}: {w:?}");
            let nominal = base.saturating_mul(1 << (attempt - 1)).min(cap);
            assert!(
                w >= nominal.mul_f64(0.8).min(cap.mul_f64(0.8)),
                "attempt {attempt}: {w:?}"
            );
        }
    }
}
