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

    /// Reads per minute over the recent ones, from the median time between two reads; `None`
    /// before two reads. The median, not the mean: a crawl starts with the bucket's burst (ten
    /// reads at once on Auth0), which would otherwise promise a rate the bucket never keeps;
    /// once paced reads outnumber the burst in the window, the median is the paced interval.
    pub(crate) fn per_minute(&self) -> Option<f64> {
        let mut gaps: Vec<f64> = self
            .0
            .iter()
            .zip(self.0.iter().skip(1))
            .map(|(a, b)| b.saturating_duration_since(*a).as_secs_f64())
            .collect();
        if gaps.is_empty() {
            return None;
        }
        gaps.sort_by(f64::total_cmp);
        let median = gaps.get(gaps.len() / 2).copied()?;
        if median <= 0.0 {
            return None;
        }
        let rate = 60.0 / median;
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
    fn the_burst_at_the_start_does_not_promise_its_rate() {
        let t0 = Instant::now();
        let mut recent = Recent::default();
        // Ten reads from the bucket's burst, 2 ms apart, then one every 0.6 s.
        for i in 0..10u32 {
            recent.read_at(t0 + Duration::from_millis(2) * i);
        }
        let paced = t0 + Duration::from_millis(18);
        for i in 1..=12u32 {
            recent.read_at(paced + Duration::from_millis(600) * i);
        }
        let rate = recent.per_minute().unwrap();
        assert!((rate - 100.0).abs() < 0.01, "{rate}");
        // 100 left at 100 a minute: a minute, not the seconds the burst's pace would say.
        assert_eq!(recent.eta_seconds(100), Some(60));
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
