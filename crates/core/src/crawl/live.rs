//! One profile's crawl as this session holds it: its saved record, what it is doing now, its
//! counts and recent reads, and the switch that cancels it.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use lanyard_inventory::{CrawlCount, CrawlRecord, UnixMillis};
use lanyard_model::Profile;
use lanyard_model::inventory::{CrawlPhase as Phase, CrawlState, CrawlView};
use tokio::sync::watch;
use tokio::task::AbortHandle;

use super::pace::Recent;

#[derive(Debug)]
pub(crate) struct Status {
    pub(crate) record: CrawlRecord,
    pub(crate) phase: Phase,
    pub(crate) count: CrawlCount,
    pub(crate) recent: Recent,
}

/// A crawl this session knows of: started or resumed here, or found interrupted at open.
#[derive(Debug)]
pub(crate) struct Live {
    status: Mutex<Status>,
    cancel: watch::Sender<bool>,
    task: Mutex<Option<AbortHandle>>,
}

impl Live {
    pub(crate) fn new(record: CrawlRecord, count: CrawlCount) -> Arc<Self> {
        Arc::new(Self {
            status: Mutex::new(Status {
                record,
                phase: Phase::Idle,
                count,
                recent: Recent::default(),
            }),
            cancel: watch::channel(false).0,
            task: Mutex::new(None),
        })
    }

    pub(crate) fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn state(&self) -> CrawlState {
        self.status().record.state
    }

    /// Asks the task to stop; it stops between targets, or drops the read in flight.
    pub(crate) fn cancel(&self) {
        self.cancel.send_replace(true);
    }

    pub(crate) fn cancelled(&self) -> watch::Receiver<bool> {
        self.cancel.subscribe()
    }

    pub(crate) fn set_task(&self, task: AbortHandle) {
        *self.task.lock().unwrap_or_else(PoisonError::into_inner) = Some(task);
    }

    /// Stops the task at once, saving nothing (the console is going away: as after a kill,
    /// the file still says running and the next session offers Resume).
    pub(crate) fn abort(&self) {
        if let Some(task) = self
            .task
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        {
            task.abort();
        }
    }

    /// One target's wiring read and recorded.
    pub(crate) fn read_one(&self) {
        let mut status = self.status();
        status.count.read = status.count.read.saturating_add(1);
        status.recent.read_at(Instant::now());
    }

    pub(crate) fn view(&self, profile: &Profile) -> CrawlView {
        let status = self.status();
        view_of(
            profile,
            &status.record,
            status.phase,
            status.count,
            Some(&status.recent),
        )
    }
}

/// The view of a crawl from its record and counts (`recent` only while this session reads).
pub(crate) fn view_of(
    profile: &Profile,
    record: &CrawlRecord,
    phase: Phase,
    count: CrawlCount,
    recent: Option<&Recent>,
) -> CrawlView {
    let running = record.state == CrawlState::Running;
    let rate = recent.and_then(Recent::per_minute);
    let left = count.listed.saturating_sub(count.read);
    CrawlView {
        profile_id: profile.id.clone(),
        profile_name: profile.display_name.clone(),
        product: profile.product,
        state: record.state,
        phase: if running { phase } else { Phase::Idle },
        done: count.read,
        total: count.listed,
        rate_per_minute: rate,
        eta_seconds: if running && matches!(phase, Phase::Reading(_)) {
            recent.and_then(|r| r.eta_seconds(left))
        } else {
            None
        },
        started_at_ms: Some(record.started_at.0),
        finished_at_ms: record.finished_at.map(|UnixMillis(ms)| ms),
        message: record.message.clone(),
    }
}

/// The view of a profile whose crawl never started.
pub(crate) fn not_started(profile: &Profile) -> CrawlView {
    CrawlView {
        profile_id: profile.id.clone(),
        profile_name: profile.display_name.clone(),
        product: profile.product,
        state: CrawlState::NotStarted,
        phase: Phase::Idle,
        done: 0,
        total: 0,
        rate_per_minute: None,
        eta_seconds: None,
        started_at_ms: None,
        finished_at_ms: None,
        message: None,
    }
}
