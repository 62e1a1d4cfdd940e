//! How fast a crawl reads and when it will end: the rate over its recent reads, and the time
//! the targets left take at that rate.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// The reads the rate is measured over.
const RECENT: usize = 30;

/// When the recent reads ended.
#[derive(Debug, Default)]
pub(crate) struct Recent(VecDeque<Instant>);

impl Recent {
    pub(crate) fn read_at(&mut self, at: Instant) {
        if self.0.len() >= RECENT {
            self.0.pop_front();
        }
        self.0.push_back(at);
    }

    /// Reads per minute over the recent ones; `None` before two reads.
    pub(crate) fn per_minute(&self) -> Option<f64> {
        let (first, last) = (self.0.front()?, self.0.back()?);
        let span = last.saturating_duration_since(*first).as_secs_f64();
        let intervals = self.0.len().saturating_sub(1);
        if intervals == 0 || span <= 0.0 {
            return None;
        }
        let rate = intervals as f64 * 60.0 / span;
        rate.is_finite().then_some(rate)
    }

    /// Seconds until `left` more reads are done at the recent rate.
    pub(crate) fn eta_seconds(&self, left: u64) -> Option<u64> {
        if left == 0 {
            return Some(0);
        }
        let rate = self.per_minute()?;
        let secs = left as f64 * 60.0 / rate;
        Duration::try_from_secs_f64(secs)
            .ok()
            .map(|d| d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_and_eta_come_from_the_recent_reads() {
        let t0 = Instant::now();
        let mut recent = Recent::default();
        assert_eq!(recent.per_minute(), None);
        recent.read_at(t0);
        assert_eq!(recent.per_minute(), None, "one read is no rate");
        assert_eq!(recent.eta_seconds(10), None);
        // Then one read every 0.6 s (100 a minute), longer ago than the window remembers.
        for i in 1..=100u32 {
            recent.read_at(t0 + Duration::from_millis(600) * i);
        }
        let rate = recent.per_minute().unwrap();
        assert!((rate - 100.0).abs() < 0.01, "{rate}");
        assert_eq!(recent.eta_seconds(50), Some(30));
        assert_eq!(recent.eta_seconds(0), Some(0));
    }

    #[test]
    fn reads_at_the_same_instant_are_no_rate() {
        let t0 = Instant::now();
        let mut recent = Recent::default();
        recent.read_at(t0);
        recent.read_at(t0);
        assert_eq!(recent.per_minute(), None);
        assert_eq!(recent.eta_seconds(u64::MAX), None);
    }
}
