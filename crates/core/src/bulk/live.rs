//! A run loaded in this session: its record, the user's controls and its recent write times.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use lanyard_providers::BucketShare;
use tokio::sync::watch;

use super::journal::RunRecord;

/// What the user wants the runner to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Control {
    Go,
    Pause,
    Cancel,
}

/// A run loaded in this session: its record, its controls and its recent write times.
#[derive(Debug)]
pub(super) struct Live {
    pub(super) record: Mutex<RunRecord>,
    pub(super) control: watch::Sender<Control>,
    /// When the last writes finished, for the rate and the ETA.
    pub(super) writes: Mutex<VecDeque<Instant>>,
    /// Set while a task is working on the run.
    pub(super) busy: Mutex<bool>,
    /// The run's share of each write bucket, with the share's own tokens (kept across pauses).
    pub(super) share: Arc<BucketShare>,
}

impl Live {
    pub(super) fn new(record: RunRecord) -> Arc<Self> {
        let share = BucketShare::new(record.rate_share.percent());
        Arc::new(Self {
            share,
            record: Mutex::new(record),
            control: watch::channel(Control::Go).0,
            writes: Mutex::new(VecDeque::new()),
            busy: Mutex::new(false),
        })
    }

    pub(super) fn record(&self) -> MutexGuard<'_, RunRecord> {
        self.record.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn rate_per_minute(&self) -> Option<f64> {
        let writes = self.writes.lock().unwrap_or_else(|p| p.into_inner());
        let (first, last) = (writes.front()?, writes.back()?);
        let secs = last.duration_since(*first).as_secs_f64();
        (writes.len() >= 3 && secs > 0.0).then(|| (writes.len() - 1) as f64 / secs * 60.0)
    }
}
