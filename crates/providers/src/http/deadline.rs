//! When one operation gives up: a person waits on a button, so retries, pacing waits and
//! rate-limit waits together stay within one budget (`HttpOptions::deadline`).

use std::time::Duration;

use tokio::time::Instant;

/// The moment an operation gives up, and the budget it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    at: Instant,
    budget: Duration,
}

impl Deadline {
    /// `budget` from now. A budget too large to add to the clock is a year.
    pub fn after(budget: Duration) -> Self {
        let now = Instant::now();
        let at = now
            .checked_add(budget)
            .or_else(|| now.checked_add(Duration::from_secs(365 * 24 * 3600)))
            .unwrap_or(now);
        Self { at, budget }
    }

    /// The time left; zero once it has passed.
    pub fn remaining(&self) -> Duration {
        self.at.saturating_duration_since(Instant::now())
    }

    /// Whether a wait of `wait` from now would still leave time to send.
    pub fn allows(&self, wait: Duration) -> bool {
        wait < self.remaining()
    }

    /// The budget the operation was given.
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// The time spent since the operation started.
    pub fn spent(&self) -> Duration {
        self.budget.saturating_sub(self.remaining())
    }

    /// The same deadline, `by` later and with that much more budget (time spent letting a
    /// person's requests go first is not the server's).
    pub fn postponed(&self, by: Duration) -> Self {
        Self {
            at: self.at.checked_add(by).unwrap_or(self.at),
            budget: self.budget.saturating_add(by),
        }
    }

    /// The part of this deadline a write may use: a quarter of the budget is kept for reading
    /// the target back when the write's reply does not say what happened.
    pub fn for_write(&self) -> Self {
        let reserve = self.budget / 4;
        Self {
            at: self.at.checked_sub(reserve).unwrap_or(self.at),
            budget: self.budget.saturating_sub(reserve),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_leaves_time_to_read_back() {
        let d = Deadline::after(Duration::from_secs(40));
        let w = d.for_write();
        assert!(w.remaining() < d.remaining());
        assert_eq!(w.budget(), Duration::from_secs(30));
        assert!(d.allows(Duration::from_secs(35)) && !w.allows(Duration::from_secs(35)));
    }

    #[test]
    fn an_absurd_budget_does_not_overflow() {
        let d = Deadline::after(Duration::MAX);
        assert!(d.allows(Duration::from_secs(3600)));
        let _ = d.for_write();
    }
}
