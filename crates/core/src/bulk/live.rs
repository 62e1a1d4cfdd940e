//! A run loaded in this session: its record, the user's controls and its recent write times;
//! and the runs a session that ended left open, loaded when the next one starts.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use lanyard_model::bulk::{RunNote, RunState};
use lanyard_providers::BucketShare;
use tokio::sync::watch;

use super::Runs;
use super::journal::{Journal, RunRecord};

/// How many settled runs (finished or cancelled) stay loaded besides the open ones; the others
/// are read from their journal again when asked for. A run of 10,000 items holds a few MB.
pub const SETTLED_KEPT: usize = 4;

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
    /// When the run was last asked for (a tick of `Runs`), to let the least recent settled runs
    /// go from memory first.
    pub(super) used: AtomicU64,
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
            used: AtomicU64::new(0),
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

/// The runs journaled as running or planning: they belong to a session that ended without
/// finishing them. Each is marked interrupted (in its journal, and in memory even if the disk
/// refuses) and offered for resume.
pub(super) fn interrupted(journal: &Journal) -> HashMap<String, Arc<Live>> {
    let mut live = HashMap::new();
    let open = journal
        .list()
        .0
        .into_iter()
        .filter(|r| matches!(r.state, RunState::Running | RunState::Planning));
    for summary in open {
        let mut record = match journal.load(&summary.id) {
            Ok(record) => record,
            Err(err) => {
                tracing::error!(%err, run = %summary.id, "an interrupted run could not be read");
                continue;
            }
        };
        let note = match record.state {
            RunState::Running => RunNote::StoppedWhileRunning,
            RunState::Planning => {
                // Read again from the start on resume, then reviewed and started as planned.
                record.planned = 0;
                RunNote::StoppedWhilePlanning
            }
            _ => continue,
        };
        record.state = RunState::Interrupted;
        record.note = Some(note);
        if let Err(err) = journal.save(&record) {
            tracing::error!(%err, "an interrupted run could not be marked");
        }
        // Held in memory too, so the run shows as interrupted even if the disk refused.
        live.insert(record.id.clone(), Live::new(record));
    }
    live
}

impl Runs {
    /// How many runs are held in memory now (open ones, and at most [`SETTLED_KEPT`] settled).
    pub fn loaded(&self) -> usize {
        self.live.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Keeps `run` in memory as the most recently used, and lets the settled runs used least
    /// recently go beyond [`SETTLED_KEPT`] (their journal holds all of them; an open run, or one
    /// a task or a caller is still using, stays).
    pub(super) fn hold(&self, run: Arc<Live>) {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        self.hold_in(&mut live, run);
    }

    /// [`Runs::hold`] with the map of loaded runs already locked.
    pub(super) fn hold_in(&self, live: &mut HashMap<String, Arc<Live>>, run: Arc<Live>) {
        let tick = self.ticks.fetch_add(1, Ordering::Relaxed) + 1;
        run.used.store(tick, Ordering::Relaxed);
        let id = run.record().id.clone();
        live.insert(id, run);
        let mut settled: Vec<(u64, String)> = live
            .iter()
            .filter(|(_, l)| {
                // One reference is the map's; `run` itself is held by the caller.
                Arc::strong_count(l) == 1
                    && !*l.busy.lock().unwrap_or_else(|p| p.into_inner())
                    && l.record().state.is_over()
            })
            .map(|(id, l)| (l.used.load(Ordering::Relaxed), id.clone()))
            .collect();
        if settled.len() > SETTLED_KEPT {
            settled.sort();
            let extra = settled.len() - SETTLED_KEPT;
            for (_, id) in settled.into_iter().take(extra) {
                live.remove(&id);
            }
        }
    }
}
