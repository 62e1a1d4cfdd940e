//! Bulk runs: one change to many targets, planned live, run at the API's pace, journaled before
//! every write, resumable after a crash, retryable and undoable item by item.

pub mod journal;
mod runner;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use lanyard_model::bulk::{
    BulkOp, BulkTarget, ItemStatus, MAX_TARGETS, RunAction, RunState, RunSummary, RunView,
};
use lanyard_model::{Change, FieldErrors, Profile};
use tokio::sync::watch;

use crate::audit::AuditLog;
use crate::console::Client;
use crate::error::CoreError;
use journal::{Item, Journal, RunRecord};

/// What the user wants the runner to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Go,
    Pause,
    Cancel,
}

/// A run loaded in this session: its record, its controls and its recent write times.
#[derive(Debug)]
struct Live {
    record: Mutex<RunRecord>,
    control: watch::Sender<Control>,
    /// When the last writes finished, for the rate and the ETA.
    writes: Mutex<VecDeque<Instant>>,
    /// Set while a task is working on the run.
    busy: Mutex<bool>,
}

impl Live {
    fn new(record: RunRecord) -> Arc<Self> {
        Arc::new(Self {
            record: Mutex::new(record),
            control: watch::channel(Control::Go).0,
            writes: Mutex::new(VecDeque::new()),
            busy: Mutex::new(false),
        })
    }

    fn record(&self) -> MutexGuard<'_, RunRecord> {
        self.record.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn rate_per_minute(&self) -> Option<f64> {
        let writes = self.writes.lock().unwrap_or_else(|p| p.into_inner());
        let (first, last) = (writes.front()?, writes.back()?);
        let secs = last.duration_since(*first).as_secs_f64();
        (writes.len() >= 3 && secs > 0.0).then(|| (writes.len() - 1) as f64 / secs * 60.0)
    }
}

/// The runs of this data folder.
#[derive(Debug)]
pub struct Runs {
    journal: Journal,
    audit: Arc<AuditLog>,
    live: Mutex<HashMap<String, Arc<Live>>>,
}

impl Runs {
    /// Opens the runs of `data_dir`. A run journaled as running or planning belongs to a session
    /// that ended without finishing it: it is marked interrupted and offered for resume.
    pub fn open(data_dir: &Path, audit: Arc<AuditLog>) -> Self {
        let journal = Journal::in_dir(data_dir);
        for mut record in journal.list() {
            if matches!(record.state, RunState::Running | RunState::Planning) {
                record.state = RunState::Interrupted;
                record.note = Some(
                    "Lanyard stopped while this run was going. Resume it: items whose outcome is not known are read back first, so nothing is applied twice."
                        .into(),
                );
                if let Err(err) = journal.save(&record) {
                    tracing::error!(%err, "an interrupted run could not be marked");
                }
            }
        }
        Self {
            journal,
            audit,
            live: Mutex::new(HashMap::new()),
        }
    }

    fn live(&self, id: &str) -> Result<Arc<Live>, CoreError> {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(l) = live.get(id) {
            return Ok(l.clone());
        }
        let record = self
            .journal
            .load(id)
            .ok_or_else(|| CoreError::Other(format!("No bulk run with id {id} was found")))?;
        let l = Live::new(record);
        live.insert(id.to_owned(), l.clone());
        Ok(l)
    }

    /// Starts planning `op` on `targets`: each target's state is read in the background, and the
    /// run waits in `Ready` for the user to start it.
    pub fn plan(
        &self,
        profile: &Profile,
        client: Client,
        op: BulkOp,
        targets: Vec<BulkTarget>,
    ) -> Result<String, CoreError> {
        let errors = op.validate();
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let mut seen = HashSet::new();
        let targets: Vec<BulkTarget> = targets
            .into_iter()
            .filter(|t| seen.insert(t.id.clone()))
            .collect();
        if targets.is_empty() || targets.len() > MAX_TARGETS {
            let mut errors = FieldErrors::new();
            errors.add(
                "targets",
                format!("Pick between 1 and {MAX_TARGETS} targets for a bulk change"),
            );
            return Err(CoreError::Invalid(errors));
        }
        let id = format!("run-{}", uuid::Uuid::new_v4());
        let summary = op.describe(targets.len());
        let items = targets.into_iter().map(Item::new).collect();
        let record = RunRecord::new(id.clone(), profile, Some(op), summary, items);
        self.journal.save(&record)?;
        let live = Live::new(record);
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), live.clone());
        self.spawn(live, client, profile.clone());
        Ok(id)
    }

    /// A run that reverses every item of run `id` that was applied, planned from what each item
    /// changed; it waits in `Ready` like any planned run.
    pub fn undo(&self, profile: &Profile, id: &str) -> Result<String, CoreError> {
        let source = self.live(id)?;
        let source = source.record().clone();
        let items: Vec<Item> = source
            .items
            .iter()
            .filter(|i| i.status == ItemStatus::Done)
            .filter_map(|i| {
                let undo = i.undo.clone()?;
                let mut item = Item::new(i.target.clone());
                item.current = i.planned.clone();
                item.planned = i.current.clone();
                item.change = Some(undo);
                // What was applied may have been changed since: read it before reversing.
                item.verify = true;
                Some(item)
            })
            .collect();
        if items.is_empty() {
            return Err(CoreError::Other(
                "Nothing in this run was changed by Lanyard, so there is nothing to undo".into(),
            ));
        }
        let new_id = format!("run-{}", uuid::Uuid::new_v4());
        let mut record = RunRecord::new(
            new_id.clone(),
            profile,
            None,
            format!("Undo: {} ({} items)", source.summary, items.len()),
            items,
        );
        record.undo_of = Some(source.id.clone());
        record.state = RunState::Ready;
        record.planned = record.items.len();
        self.journal.save(&record)?;
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(new_id.clone(), Live::new(record));
        Ok(new_id)
    }

    /// The profile a run belongs to.
    pub fn profile_of(&self, id: &str) -> Result<String, CoreError> {
        Ok(self.live(id)?.record().profile_id.clone())
    }

    /// Start, pause, resume, cancel, retry the failed items, or discard a run.
    pub fn control(
        &self,
        id: &str,
        action: RunAction,
        with: Option<(Profile, Client)>,
        confirm: Option<&str>,
    ) -> Result<RunView, CoreError> {
        let live = self.live(id)?;
        let sends = matches!(
            action,
            RunAction::Start | RunAction::Resume | RunAction::RetryFailed
        );
        let with = match with {
            Some(w) => Some(w),
            None if sends => {
                return Err(CoreError::Other(
                    "The profile of this run is needed to send its changes".into(),
                ));
            }
            None => None,
        };
        {
            let mut record = live.record();
            let state = record.state;
            let refuse = |what: &str| {
                Err(CoreError::StateChanged(format!(
                    "This run is {} and cannot be {what}",
                    state_words(state)
                )))
            };
            match action {
                RunAction::Start | RunAction::Resume | RunAction::RetryFailed => {
                    if action == RunAction::RetryFailed {
                        let mut any = false;
                        for item in record.items.iter_mut().filter(|i| {
                            matches!(i.status, ItemStatus::Failed | ItemStatus::Unknown)
                        }) {
                            item.status = ItemStatus::Pending;
                            item.verify = true;
                            item.message = None;
                            any = true;
                        }
                        if !any {
                            return Err(CoreError::Other(
                                "No item of this run failed; there is nothing to retry".into(),
                            ));
                        }
                    } else if action == RunAction::Start && state != RunState::Ready
                        || action == RunAction::Resume
                            && !matches!(state, RunState::Paused | RunState::Interrupted)
                    {
                        return refuse(if action == RunAction::Start {
                            "started"
                        } else {
                            "resumed"
                        });
                    }
                    if let Some(expected) = record.confirm_name.clone()
                        && record.destructive()
                        && state == RunState::Ready
                        && confirm.map(str::trim) != Some(expected.as_str())
                    {
                        return Err(CoreError::Confirm { expected });
                    }
                    record.state = RunState::Running;
                    record.note = None;
                    self.journal.save(&record)?;
                    live.control.send_replace(Control::Go);
                }
                RunAction::Pause => {
                    if state != RunState::Running {
                        return refuse("paused");
                    }
                    live.control.send_replace(Control::Pause);
                }
                RunAction::Cancel | RunAction::Discard => {
                    if !state.is_open() && state != RunState::Planning {
                        return refuse("cancelled");
                    }
                    live.control.send_replace(Control::Cancel);
                    if !*live.busy.lock().unwrap_or_else(|p| p.into_inner()) {
                        record.state = RunState::Cancelled;
                        self.journal.save(&record)?;
                    }
                }
            }
        }
        if sends && let Some((profile, client)) = with {
            self.spawn(live, client, profile);
        }
        self.view(id)
    }

    /// Starts the run's task unless one is already working on it.
    fn spawn(&self, live: Arc<Live>, client: Client, profile: Profile) {
        {
            let mut busy = live.busy.lock().unwrap_or_else(|p| p.into_inner());
            if *busy {
                return;
            }
            *busy = true;
        }
        let journal = self.journal.clone();
        let audit = self.audit.clone();
        tokio::spawn(async move {
            runner::work(&live, &client, &profile, &journal, &audit).await;
            *live.busy.lock().unwrap_or_else(|p| p.into_inner()) = false;
        });
    }

    pub fn view(&self, id: &str) -> Result<RunView, CoreError> {
        let live = self.live(id)?;
        let rate = live.rate_per_minute();
        let record = live.record();
        let counts = record.counts();
        let running = record.state == RunState::Running;
        let eta_seconds = rate
            .filter(|r| *r > 0.0 && running)
            .map(|r| (counts.pending as f64 / r * 60.0).ceil() as u64);
        let undoable = record
            .items
            .iter()
            .filter(|i| i.status == ItemStatus::Done && i.undo.is_some())
            .count();
        let destructive = record.destructive();
        Ok(RunView {
            id: record.id.clone(),
            profile_id: record.profile_id.clone(),
            profile_name: record.profile_name.clone(),
            summary: record.summary.clone(),
            undo_of: record.undo_of.clone(),
            created: record.created.clone(),
            state: record.state,
            note: record.note.clone(),
            counts,
            planned: record.planned,
            rate_per_minute: rate.filter(|_| running),
            eta_seconds,
            destructive,
            confirm_with: record
                .confirm_name
                .clone()
                .filter(|_| destructive && record.state == RunState::Ready),
            undoable,
            items: record
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| item.view(i))
                .collect(),
        })
    }

    /// Every run on disk, newest first; the live state of those loaded in this session.
    pub fn list(&self) -> Vec<RunSummary> {
        let live = self.live.lock().unwrap_or_else(|p| p.into_inner()).clone();
        self.journal
            .list()
            .into_iter()
            .map(|r| match live.get(&r.id) {
                Some(l) => l.record().summary(),
                None => r.summary(),
            })
            .collect()
    }

    pub fn csv(&self, id: &str) -> Result<String, CoreError> {
        Ok(self.live(id)?.record().to_csv())
    }

    /// The concrete changes of a run's items, for tests and the audit trail.
    pub fn changes(&self, id: &str) -> Result<Vec<Option<Change>>, CoreError> {
        Ok(self
            .live(id)?
            .record()
            .items
            .iter()
            .map(|i| i.change.clone())
            .collect())
    }
}

fn state_words(state: RunState) -> &'static str {
    match state {
        RunState::Planning => "still being planned",
        RunState::Ready => "ready and not started",
        RunState::Running => "running",
        RunState::Paused => "paused",
        RunState::Cancelled => "cancelled",
        RunState::Finished => "finished",
        RunState::Interrupted => "interrupted",
    }
}
