//! Bulk runs: one change to many targets, planned live, run at the API's pace, journaled before
//! every write, resumable after a crash, retryable and undoable item by item.

mod from_inventory;
pub mod journal;
mod legacy;
mod lines;
mod live;
mod plan;
pub mod ready;
pub mod record;
mod runner;
mod send;
mod share;
mod view;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use lanyard_model::bulk::{
    BulkOp, BulkTarget, ItemPage, ItemStatus, MAX_TARGETS, RunAction, RunList, RunState, RunTitle,
    RunView,
};
use lanyard_model::error::{ConfigProblem, StateChange};
use lanyard_model::inventory::PlanSource;
use lanyard_model::{Change, FieldErrors, FieldProblem, Profile};

use crate::audit::AuditLog;
use crate::client::Client;
use crate::error::CoreError;
use crate::stock::Stock;
use journal::{Item, Journal, LoadError, RunRecord};
pub use live::SETTLED_KEPT;
use live::{Control, Live};

/// The runs of this data folder.
#[derive(Debug)]
pub struct Runs {
    journal: Journal,
    audit: Arc<AuditLog>,
    stock: Stock,
    /// The runs loaded in this session: every open one, and the most recent settled ones.
    live: Mutex<HashMap<String, Arc<Live>>>,
    /// Counts the asks for a run, to order the settled ones by their last use.
    ticks: AtomicU64,
}

impl Runs {
    /// Opens the runs of `data_dir`. A run journaled as running or planning belongs to a session
    /// that ended without finishing it: it is marked interrupted and offered for resume.
    pub fn open(data_dir: &Path, audit: Arc<AuditLog>) -> Self {
        let journal = Journal::in_dir(data_dir);
        let live = live::interrupted(&journal);
        Self {
            journal,
            audit,
            stock: Stock::default(),
            live: Mutex::new(live),
            ticks: AtomicU64::new(0),
        }
    }

    /// Runs write through to this inventory (none by default).
    pub fn with_inventory(self, stock: Stock) -> Self {
        Self { stock, ..self }
    }

    fn live(&self, id: &str) -> Result<Arc<Live>, CoreError> {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(l) = live.get(id) {
            let tick = self.ticks.fetch_add(1, Ordering::Relaxed) + 1;
            l.used.store(tick, Ordering::Relaxed);
            return Ok(l.clone());
        }
        let record = self.journal.load(id).map_err(|err| match err {
            LoadError::NotFound => CoreError::Files(ConfigProblem::RunNotFound { run: id.into() }),
            LoadError::Unreadable(reason) => CoreError::Files(ConfigProblem::RunUnreadable {
                run: id.into(),
                reason,
            }),
        })?;
        let l = Live::new(record);
        self.hold_in(&mut live, l.clone());
        Ok(l)
    }

    /// Starts planning `op` on `targets`: each target's state is taken from the inventory when
    /// `source` allows and every row is young enough, else read live, in the background; the
    /// run waits in `Ready` for the user to start it.
    pub fn plan(
        &self,
        profile: &Profile,
        client: Client,
        op: BulkOp,
        targets: Vec<BulkTarget>,
        source: PlanSource,
    ) -> Result<String, CoreError> {
        let mut seen = HashSet::new();
        let targets: Vec<BulkTarget> = targets
            .into_iter()
            .filter(|t| seen.insert(t.id.clone()))
            .collect();
        if targets.is_empty() || targets.len() > MAX_TARGETS {
            let mut errors = FieldErrors::new();
            errors.add("targets", FieldProblem::TargetCount { max: MAX_TARGETS });
            return Err(CoreError::Invalid(errors));
        }
        // Every target's change passes the model's rules before anything is read or sent.
        let errors = op.check_targets(&targets);
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let id = format!("run-{}", uuid::Uuid::new_v4());
        let summary = op.describe(targets.len());
        let items = targets.into_iter().map(Item::new).collect();
        let mut record = RunRecord::new(id.clone(), profile, Some(op), summary, items);
        record.source = source;
        self.journal.save(&record)?;
        let live = Live::new(record);
        self.hold(live.clone());
        self.spawn(live, client, profile.clone());
        Ok(id)
    }

    /// A run that reverses every item of run `id` that was applied, planned from what each item
    /// changed; it waits in `Ready` like any planned run.
    pub fn undo(&self, profile: &Profile, id: &str) -> Result<String, CoreError> {
        let source = self.live(id)?;
        let source = source.record().clone();
        if !source.state.allows(RunAction::Undo) {
            return Err(CoreError::Refused(StateChange::RunRefuses {
                state: source.state,
                action: RunAction::Undo,
            }));
        }
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
            return Err(CoreError::Refused(StateChange::NothingToUndo));
        }
        let new_id = format!("run-{}", uuid::Uuid::new_v4());
        let mut record = RunRecord::new(
            new_id,
            profile,
            None,
            RunTitle::Undo {
                of: Box::new(source.summary.clone()),
                items: items.len(),
            },
            items,
        );
        record.undo_of = Some(source.id.clone());
        // The reversals keep to the share of the write rate the run kept to.
        record.rate_share = source.rate_share;
        self.keep_ready(record)
    }

    /// The profile a run belongs to.
    pub fn profile_of(&self, id: &str) -> Result<String, CoreError> {
        Ok(self.live(id)?.record().profile_id.clone())
    }

    /// Start, pause, resume, cancel, retry the failed items, or discard a run.
    ///
    /// What each state allows is [`RunState::allows`]. Whatever the path (start, resume, retry,
    /// resume after a restart), a destructive run on a production profile sends nothing until
    /// the tenant's host name has been typed; the confirmation is journaled with the run.
    pub fn control(
        &self,
        id: &str,
        action: RunAction,
        with: Option<(Profile, Client)>,
        confirm: Option<&str>,
    ) -> Result<RunView, CoreError> {
        if action == RunAction::Undo {
            // Not a change of this run: the reversals are a run of their own (`Runs::undo`).
            return Err(CoreError::Refused(StateChange::UndoIsItsOwnRun));
        }
        let live = self.live(id)?;
        let sends = RunView::sends(action);
        if sends && with.is_none() {
            return Err(CoreError::Refused(StateChange::RunWithoutProfile));
        }
        let spawn = {
            let mut record = live.record();
            let state = record.state;
            if !state.allows(action) {
                return Err(CoreError::Refused(StateChange::RunRefuses {
                    state,
                    action,
                }));
            }
            // Changed on a copy: the run changes only once its journal has.
            let mut next = record.clone();
            let spawn = match action {
                RunAction::Resume if next.needs_planning() => {
                    // Nothing is sent: the targets are read again and the plan waits in Ready.
                    next.state = RunState::Planning;
                    next.planned = 0;
                    next.note = None;
                    true
                }
                RunAction::Start | RunAction::Resume | RunAction::RetryFailed => {
                    if action == RunAction::RetryFailed && next.counts().retryable() == 0 {
                        return Err(CoreError::Refused(StateChange::NothingToRetry));
                    }
                    let profile = with.as_ref().map(|(p, _)| p);
                    if let Err(expected) = next.confirm(profile, confirm) {
                        // Remember what is asked, so the run's view asks for it.
                        if record.confirm_name.as_deref() != Some(expected.as_str()) {
                            record.confirm_name = Some(expected.clone());
                            if let Err(err) = self.journal.save(&record) {
                                tracing::warn!(%err, "the confirmation asked for was not journaled");
                            }
                        }
                        return Err(CoreError::Confirm { expected });
                    }
                    if action == RunAction::RetryFailed {
                        next.requeue_failed();
                    }
                    next.state = RunState::Running;
                    next.note = None;
                    true
                }
                RunAction::Pause => {
                    live.control.send_replace(Control::Pause);
                    false
                }
                // Refused above: an undo is a run of its own.
                RunAction::Undo => false,
                RunAction::Cancel | RunAction::Discard => {
                    live.control.send_replace(Control::Cancel);
                    if !*live.busy.lock().unwrap_or_else(|p| p.into_inner()) {
                        next.cancel();
                    }
                    false
                }
            };
            if next != *record {
                self.journal.save(&next)?;
                *record = next;
            }
            if spawn {
                live.control.send_replace(Control::Go);
            }
            spawn
        };
        if spawn && let Some((profile, client)) = with {
            self.spawn(live, client, profile);
        }
        // The run without its rows: the window's next poll brings the page it shows.
        self.view_page(id, &ItemPage::none())
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
        let (audit, stock) = (self.audit.clone(), self.stock.clone());
        tokio::spawn(async move {
            runner::work(&live, &client, &stock, &profile, &journal, &audit).await;
            *live.busy.lock().unwrap_or_else(|p| p.into_inner()) = false;
        });
    }

    /// The run's state and counts, and every item (see [`Runs::view_page`]).
    pub fn view(&self, id: &str) -> Result<RunView, CoreError> {
        self.view_page(id, &ItemPage::all())
    }

    /// The run's state and counts, and the page of its items the window asks for.
    pub fn view_page(&self, id: &str, page: &ItemPage) -> Result<RunView, CoreError> {
        let live = self.live(id)?;
        let rate = live.rate_per_minute();
        let record = live.record();
        Ok(view::of(&record, rate, page))
    }

    /// Every run on disk, newest first, with the live state of those loaded in this session,
    /// and the journal files that could not be read (name and reason).
    pub fn list(&self) -> RunList {
        let live = self.live.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let (summaries, unreadable) = self.journal.list();
        let mut runs: Vec<_> = summaries
            .into_iter()
            .map(|r| match live.get(&r.id) {
                Some(l) => l.record().summary(),
                None => r,
            })
            .collect();
        // A run of this session whose file is gone or unreadable is still listed as it stands.
        for (id, l) in &live {
            if !runs.iter().any(|r| &r.id == id) {
                runs.push(l.record().summary());
            }
        }
        runs.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
        RunList {
            runs,
            unreadable,
            folder: self.journal.dir().display().to_string(),
        }
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
